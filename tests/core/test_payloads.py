"""What each kind of suggestion carries (``core.payloads``): one class a kind, one JSON form."""
import json

import pytest

from kexie_gui.core import KINDS, Config, analyse, page_from_text
from kexie_gui.core.messages import said
from kexie_gui.core.model import Suggestion
from kexie_gui.core.payloads import (
    KIND_DUPLICATE,
    KIND_HEADLINE,
    KIND_JOIN,
    NOTHING,
    PAYLOADS,
    Duplicate,
    Join,
    Order,
    from_json,
    to_json,
)

from . import pages

ALL_KINDS_PAGES = [pages.BLANK_LINE_PAGE, pages.KICKER_SUBTITLE_PAGE, pages.DUPLICATE_PAGE, pages.TESSERACT_PAGE,
                   pages.interleaved_seed_page(), pages.LATIN_PAGE]


def suggestions():
    return [s for raw in ALL_KINDS_PAGES for s in analyse(page_from_text(raw), Config()).suggestions]


def test_every_kind_has_a_payload_class_and_every_suggestion_carries_its_kinds():
    assert set(PAYLOADS) == set(KINDS)
    found = suggestions()
    assert {s.kind for s in found} == set(KINDS)  # the pages show every kind
    assert all(type(s.payload) is PAYLOADS[s.kind] for s in found)


def test_every_payload_comes_back_the_same_from_its_json():
    for s in suggestions():
        text = json.dumps(to_json(s.payload), ensure_ascii=False)
        assert from_json(s.kind, json.loads(text)) == s.payload


@pytest.mark.parametrize("kind, data", [
    ("no-such-kind", {}),
    (KIND_JOIN, {"separator": " ", "glue": 1}),
    (KIND_DUPLICATE, {"keep": "b3"}),  # "match" missing
    (KIND_DUPLICATE, ["b3", "exact"]),
])
def test_a_payload_that_is_not_one_of_its_kind_is_refused(kind, data):
    with pytest.raises(ValueError):
        from_json(kind, data)


def test_a_kind_that_carries_nothing_writes_an_empty_object():
    assert to_json(NOTHING) == {} and from_json(KIND_HEADLINE, {}) == NOTHING


def test_a_suggestion_gives_its_payload_typed_or_a_field_by_name():
    s = Suggestion("d", KIND_DUPLICATE, ("b9", "b0"), ((9, 12),), 0.9, said("", ""), payload=Duplicate("b0", "exact"))
    assert s.payload_as(Duplicate).keep == "b0" and s.get("keep") == "b0" and s.get("order", ()) == ()
    with pytest.raises(TypeError):
        s.payload_as(Order)


def test_the_analysis_json_writes_the_payload_fields_in_their_order():
    s = Suggestion("j", KIND_JOIN, ("b0", "b9"), (), 0.9, said("", ""), payload=Join(" ", 0))
    assert list(s.to_dict()["payload"].items()) == [("separator", " "), ("drop", 0)]
