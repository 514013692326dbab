"""The kinds of suggestion, and what each carries beyond its blocks and ranges: one frozen class a kind.

A payload is the data a kind's applier needs (the copy a repeat keeps, the separator of a join, the
characters a punctuation repair writes).  ``to_json``/``from_json`` are its one JSON form, for the
command line's analysis and for saved work.

>>> p = from_json(KIND_BYLINE, {"form": "glued", "cut": 12, "inner": [13, 16]})
>>> p, p.to_json()
(Byline(form='glued', cut=12, inner=(13, 16)), {'form': 'glued', 'cut': 12, 'inner': [13, 16]})
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields

KIND_FURNITURE = "furniture"
KIND_DUPLICATE = "duplicate"
KIND_HEADLINE = "headline"
KIND_KICKER = "kicker"
KIND_SUBTITLE = "subtitle"
KIND_BYLINE = "byline"
KIND_JOIN = "join"
KIND_ORDER = "order"
KIND_PUNCTUATION = "punctuation"
KIND_SPACES = "spaces"
KINDS = (KIND_ORDER, KIND_FURNITURE, KIND_DUPLICATE, KIND_HEADLINE, KIND_KICKER, KIND_SUBTITLE, KIND_BYLINE,
         KIND_JOIN, KIND_PUNCTUATION, KIND_SPACES)


@dataclass(frozen=True)
class Payload:
    """Nothing beyond the blocks: a headline, a kicker, a 副题 (and the base of the others)."""

    def to_json(self) -> dict:
        """The fields as a JSON object, in their order (tuples as lists)."""
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}


NOTHING = Payload()  # the payload of a kind that carries nothing


@dataclass(frozen=True)
class Furniture(Payload):
    category: str  # furniture.CATEGORY_ZH's key: "column header", "page number"…
    section: str | None = None  # a column title: the section of the articles below it


@dataclass(frozen=True)
class Duplicate(Payload):
    keep: str  # the block id of the copy that stays
    match: str  # how the copies compare: "exact", "near" or "truncated"


@dataclass(frozen=True)
class Join(Payload):
    separator: str = ""  # put between the pieces (core.joins.separator)
    drop: int = 0  # characters dropped from the end of the first piece (a hyphen)


@dataclass(frozen=True)
class Byline(Payload):
    form: str  # "reporter" (a line under the headline), "own" (a line of its own), "glued" (a paragraph's end)
    cut: int  # where the paragraph ends in the block's text (-1: the whole block is the byline)
    inner: tuple[int, int]  # the byline's own text in the block's text, brackets left out


@dataclass(frozen=True)
class Punctuation(Payload):
    changes: tuple[tuple[int, str], ...]  # (raw offset, full-width mark)


@dataclass(frozen=True)
class Spaces(Payload):
    offsets: tuple[int, ...]  # raw offsets of the spaces that go


@dataclass(frozen=True)
class Order(Payload):
    order: tuple[str, ...]  # every block id in the rebuilt reading order


PAYLOADS: dict[str, type[Payload]] = {
    KIND_ORDER: Order,
    KIND_SPACES: Spaces,
    KIND_FURNITURE: Furniture,
    KIND_DUPLICATE: Duplicate,
    KIND_HEADLINE: Payload,
    KIND_KICKER: Payload,
    KIND_SUBTITLE: Payload,
    KIND_BYLINE: Byline,
    KIND_JOIN: Join,
    KIND_PUNCTUATION: Punctuation,
}


def to_json(payload: Payload) -> dict:
    """``payload`` as a JSON object (see :func:`from_json`)."""
    return payload.to_json()


def from_json(kind: str, data: Mapping) -> Payload:
    """The payload of a ``kind`` suggestion from its JSON object; a ValueError when it is not one.

    >>> from_json(KIND_PUNCTUATION, {"changes": [[3, "，"]]})
    Punctuation(changes=((3, '，'),))
    >>> from_json(KIND_JOIN, {"separator": " ", "glue": 1})
    Traceback (most recent call last):
    ValueError: a join payload has no field 'glue'
    """
    cls = PAYLOADS.get(kind)
    if cls is None:
        raise ValueError(f"unknown suggestion kind {kind!r}")
    if not isinstance(data, Mapping):
        raise ValueError(f"a {kind} payload must be a JSON object")
    names = {f.name for f in fields(cls)}
    unknown = sorted(set(data) - names)
    if unknown:
        raise ValueError(f"a {kind} payload has no field {unknown[0]!r}")
    try:
        return cls(**{k: _tupled(v) for k, v in data.items()})
    except TypeError as exc:  # a field missing
        raise ValueError(f"a {kind} payload: {exc}") from None


def _plain(value: object) -> object:
    return [_plain(v) for v in value] if isinstance(value, tuple) else value


def _tupled(value: object) -> object:
    return tuple(_tupled(v) for v in value) if isinstance(value, list) else value
