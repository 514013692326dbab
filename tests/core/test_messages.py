"""Every sentence the core says, in Chinese and English (``core.messages``): one catalogue."""
import string

import pytest

from kexie_gui.core import Config, analyse, page_from_text
from kexie_gui.core.messages import CATALOGUE, Message, message, render, said
from kexie_gui.core.model import Reading

from . import pages


def fields(template):
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def sample_arguments(message_id):
    """An argument for each field of the message: a number where the field is formatted as one."""
    specs = {name: spec for template in CATALOGUE[message_id]
             for _, name, spec, _ in string.Formatter().parse(template) if name}
    return {name: 0.25 if spec else f"<{name}>" for name, spec in specs.items()}


@pytest.mark.parametrize("message_id", sorted(set(CATALOGUE) - {"said"}))
def test_both_languages_of_a_message_take_the_same_arguments(message_id):
    zh, en = CATALOGUE[message_id]
    assert fields(zh) == fields(en)


@pytest.mark.parametrize("message_id", sorted(set(CATALOGUE) - {"said", "clauses"}))
def test_every_message_renders_in_both_languages_with_each_of_its_arguments(message_id):
    args = sample_arguments(message_id)
    m = message(message_id, **args)
    zh, en = m.render("zh"), m.render("en")
    assert zh != en  # a sentence not yet translated would read the same
    for text in (zh, en):
        assert "{" not in text and "}" not in text
        assert all(value in text for value in args.values() if isinstance(value, str))


def test_a_message_made_with_missing_or_unknown_arguments_is_refused_when_made():
    with pytest.raises(KeyError, match="takes"):
        message("suggest.byline", text="（记者 王明）")  # no "why"
    with pytest.raises(KeyError, match="takes"):
        message("match.exact", line=3)


def test_a_message_not_in_the_catalogue_is_refused_when_made():
    with pytest.raises(KeyError):
        message("suggest.no-such-thing")


def test_arguments_that_are_messages_render_in_the_same_language():
    m = message("suggest.duplicate", line=9, keep=3, match=message("match.exact"), why=message("repeat.read-twice"))
    assert render(m, "zh") == "删除第9行：与第3行完全重复，紧接着重复了前面的行（重复读取）"
    assert render(m, "en") == ("drop line 9: an exact repeat of line 3; "
                               "it repeats the lines right before it (read twice)")


def test_a_tuple_of_messages_renders_as_clauses_joined_the_languages_way():
    m = message("clauses", clauses=(said("甲", "one"), said("乙", "two")))
    assert (m.render("zh"), m.render("en")) == ("甲；乙", "one; two")


def test_a_message_is_plain_data_equal_by_id_and_arguments():
    assert message("reading.read", name="UTF-8") == Message("reading.read", (("name", "UTF-8"),))


def test_every_suggestion_explains_itself_through_the_catalogue():
    for raw in (pages.BLANK_LINE_PAGE, pages.KICKER_SUBTITLE_PAGE, pages.DUPLICATE_PAGE, pages.TESSERACT_PAGE):
        for s in analyse(page_from_text(raw), Config()).suggestions:
            assert s.explain.id in CATALOGUE
            assert (s.explain_zh, s.explain_en) == (s.explain.render("zh"), s.explain.render("en"))


def test_how_a_page_was_read_is_said_in_either_language_from_one_message():
    r = Reading("gb18030", how="guess", confidence=0.62, runner_up="big5", nul_dropped=2, bom=False)
    assert r.describe() == "read as GB18030/GBK (a guess, 62% sure; could also be Big5); 2 stray NUL byte(s) dropped"
    assert r.describe("zh") == "按 GB18030/GBK 读取（推测，把握 62%；也可能是 Big5）；删除了 2 个 NUL 字节"
    assert Reading("utf-8", how="bom", bom=True).describe("zh") == "按 UTF-8（带 BOM） 读取"


def test_every_kind_of_suggestion_has_its_name_in_the_catalogue():
    from kexie_gui.core import KIND_LABELS, KINDS

    assert {m[len("kind."):] for m in CATALOGUE if m.startswith("kind.")} == set(KINDS) == set(KIND_LABELS)
    assert KIND_LABELS["join"] == ("接续断段", "join fragments")
