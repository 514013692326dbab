"""Plain data of the analysis: pages, blocks, suggestions, decisions, clean output.

Everything here is immutable and serialisable; nothing computes heuristics.
Raw offsets count characters (code points) of ``Page.text``, the decoded page
with line endings normalised to ``\\n``.
"""
from __future__ import annotations

import bisect
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import TypeVar

from .ids import content_id
from .messages import Message, message
from .payloads import NOTHING, Payload

P = TypeVar("P", bound=Payload)

# Block roles produced by apply(); the user may set the editable ones by hand.
ROLE_BODY = "body"
ROLE_TITLE = "title"
ROLE_SUBTITLE = "subtitle"  # a 副题 under the headline
ROLE_KICKER = "kicker"  # an 引题 above the headline (exported as subtitle)
ROLE_BYLINE = "byline"
ROLE_FURNITURE = "furniture"
ROLE_DUPLICATE = "duplicate"
EDITABLE_ROLES = (ROLE_BODY, ROLE_TITLE, ROLE_SUBTITLE, ROLE_KICKER, ROLE_BYLINE, ROLE_FURNITURE)
REMOVED_ROLES = (ROLE_FURNITURE, ROLE_DUPLICATE)


class Text(str):
    """A string that knows the raw offset of each of its characters.

    ``runs`` is a tuple of ``(text_start, raw_start, length)``; characters not
    covered by a run (a space inserted by a join, a character typed by the
    editor) have no raw offset.

    >>> t = Text.traced("ab", 10)
    >>> (t + Text.traced("cd", 40)).raw_offset(2)
    40
    """

    runs: tuple

    def __new__(cls, value: str = "", runs: Iterable[tuple[int, int, int]] = ()):
        obj = super().__new__(cls, value)
        obj.runs = tuple(runs)
        return obj

    @classmethod
    def traced(cls, value: str, raw_start: int) -> Text:
        """A string copied unchanged from the raw page at ``raw_start``."""
        return cls(value, ((0, raw_start, len(value)),) if value else ())

    @classmethod
    def untraced(cls, value: str) -> Text:
        return cls(value, ())

    def raw_offset(self, index: int) -> int | None:
        """Raw offset of character ``index``, or None when it was inserted."""
        starts = [r[0] for r in self.runs]
        i = bisect.bisect_right(starts, index) - 1
        if i >= 0:
            t0, r0, n = self.runs[i]
            if index < t0 + n:
                return r0 + index - t0
        return None

    def raw_span(self) -> tuple[int, int] | None:
        """Smallest raw range covering every traced character."""
        if not self.runs:
            return None
        return min(r[1] for r in self.runs), max(r[1] + r[2] for r in self.runs)

    def __add__(self, other):  # keeps provenance when both sides are Text
        other_runs = getattr(other, "runs", ())
        shift = len(self)
        return Text(str.__add__(self, other), self.runs + tuple((t + shift, r, n) for t, r, n in other_runs))

    def slice(self, start: int, end: int | None = None) -> Text:
        end = len(self) if end is None else end
        runs = []
        for t0, r0, n in self.runs:
            a, b = max(t0, start), min(t0 + n, end)
            if a < b:
                runs.append((a - start, r0 + a - t0, b - a))
        return Text(str.__getitem__(self, slice(start, end)), runs)

    def strip_traced(self) -> Text:
        """Strip whitespace at both ends, keeping provenance."""
        s = str(self)
        left = len(s) - len(s.lstrip())
        right = len(s.rstrip())
        return self.slice(left, max(left, right))

    def with_replacements(self, by_raw: Mapping[int, str]) -> Text:
        """Replace single characters by raw offset (same length, same provenance)."""
        if not by_raw:
            return self
        if any(len(v) != 1 for v in by_raw.values()):
            return self._with_edits(by_raw)
        chars = list(self)
        for t0, r0, n in self.runs:
            for k in range(n):
                rep = by_raw.get(r0 + k)
                if rep is not None:
                    chars[t0 + k] = rep
        return Text("".join(chars), self.runs)

    def _with_edits(self, by_raw: Mapping[int, str]) -> Text:
        """Replacements of any length ("" deletes): characters not replaced keep their raw offsets.

        >>> t = Text.traced("甲 乙", 5)._with_edits({6: ""})
        >>> str(t), t.raw_offset(1)
        ('甲乙', 7)
        """
        out: list[str] = []
        runs: list[tuple[int, int, int]] = []
        pos = 0
        starts = {t0: (r0, n) for t0, r0, n in self.runs}
        i, s = 0, str(self)
        while i < len(s):
            run = starts.get(i)
            if run is None:
                out.append(s[i])
                pos += 1
                i += 1
                continue
            r0, n = run
            for k in range(n):
                rep = by_raw.get(r0 + k)
                if rep is None:
                    if runs and runs[-1][0] + runs[-1][2] == pos and runs[-1][1] + runs[-1][2] == r0 + k:
                        t0, rr, ln = runs[-1]
                        runs[-1] = (t0, rr, ln + 1)
                    else:
                        runs.append((pos, r0 + k, 1))
                    out.append(s[i + k])
                    pos += 1
                else:
                    out.append(rep)
                    pos += len(rep)
            i += n
        return Text("".join(out), runs)


@dataclass(frozen=True)
class LineBox:
    """Where one raw line sat on the printed page (pages read from a PDF or an image).

    Coordinates are in page units (PDF points or image pixels), origin top left,
    y growing downwards.  ``size`` is the font size (PDF) or the text height
    (OCR) in the same units; ``column`` is the index of the column the reader
    put the line in, counted left to right (-1: the line spans several columns);
    ``boxed`` marks a line inside a ruled or filled frame (caption, index box).
    """

    line: int  # 1-based line number in Page.text
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    column: int = 0
    boxed: bool = False


@dataclass(frozen=True)
class Geometry:
    """The printed page behind a page read from a PDF or an image.

    ``lines`` holds one :class:`LineBox` per non-blank raw line, in raw order
    (the reader's reading order).  ``image`` is the path of a rendered picture
    of the page when one exists (for the window's page view).
    """

    width: float
    height: float
    lines: tuple[LineBox, ...] = ()
    image: str | None = None
    page_index: int = 0  # 0-based page of a multi-page file
    engine: str = ""  # "pdf text layer", "rapidocr", "tesseract"

    def box_of_line(self, line: int) -> LineBox | None:
        index = self.__dict__.get("_by_line")
        if index is None:
            index = {b.line: b for b in self.lines}
            object.__setattr__(self, "_by_line", index)
        return index.get(line)


_CODEC_NAMES = {"utf-8": "UTF-8", "gb18030": "GB18030/GBK", "utf-16-le": "UTF-16 LE", "utf-16-be": "UTF-16 BE",
                "utf-16": "UTF-16", "utf-32": "UTF-32", "big5": "Big5", "cp1252": "Windows-1252 (Western)",
                "latin-1": "Latin-1"}


def codec_display_name(codec: str) -> str:
    """The name an editor knows an encoding by (``gb18030`` -> ``GB18030/GBK``)."""
    return _CODEC_NAMES.get(codec, codec.upper())


@dataclass(frozen=True)
class Reading:
    """How a page's bytes were read: which encoding, how sure, what had to be replaced or dropped.

    ``how`` is ``"bom"`` (a byte-order mark said so), ``"valid"`` (UTF-8 that
    decodes cleanly), ``"guess"`` (the most plausible of several readings;
    ``confidence`` and ``runner_up`` say how close the next one came),
    ``"forced"`` (the editor chose the encoding) or ``"text"`` (no bytes: text
    typed or pasted).
    """

    encoding: str  # a Python codec name: "utf-8", "gb18030", "utf-16-le", "cp1252"…
    how: str = "valid"
    confidence: float = 1.0
    runner_up: str | None = None
    replaced: int = 0  # invalid byte sequences shown as U+FFFD
    nul_dropped: int = 0  # stray NUL bytes removed
    bom: bool = False

    UNCERTAIN_BELOW = 0.8  # a guess less sure than this is reported as uncertain, with the runner-up

    @property
    def uncertain(self) -> bool:
        return self.how == "guess" and self.confidence < self.UNCERTAIN_BELOW

    @property
    def lossy(self) -> bool:
        """Bytes were replaced or dropped: the text is not all the file held."""
        return bool(self.replaced or self.nul_dropped)

    @property
    def worth_a_word(self) -> bool:
        """Anything but clean UTF-8 (with or without BOM): the editor should be told how the page was read."""
        return self.lossy or self.how in ("guess", "forced") or self.encoding != "utf-8"

    def describe(self, language: str = "en") -> str:
        """One line: ``read as GB18030/GBK (a guess, 62% sure; could also be Big5); 2 NUL bytes dropped``."""
        return self.explain.render(language)

    @property
    def explain(self) -> Message:
        """:meth:`describe` as a message: how the bytes were read, then what was replaced or dropped."""
        clauses = [self._head()]
        if self.replaced:
            clauses.append(message("reading.replaced", count=self.replaced))
        if self.nul_dropped:
            clauses.append(message("reading.nul-dropped", count=self.nul_dropped))
        return message("clauses", clauses=tuple(clauses))

    def _head(self) -> Message:
        name: object = codec_display_name(self.encoding)
        if self.bom:
            name = message("reading.bom", codec=name)
        if self.how == "forced":
            return message("reading.forced", name=name)
        if self.how == "guess" and self.uncertain:
            if self.runner_up:
                return message("reading.unsure-or", name=name, confidence=self.confidence,
                               other=codec_display_name(self.runner_up))
            return message("reading.unsure", name=name, confidence=self.confidence)
        return message("reading.guessed" if self.how == "guess" else "reading.read", name=name)

    def to_dict(self) -> dict:
        return {"encoding": self.encoding, "how": self.how, "confidence": round(self.confidence, 3),
                "runner_up": self.runner_up, "uncertain": self.uncertain, "replaced": self.replaced,
                "nul_dropped": self.nul_dropped, "bom": self.bom, "note": self.describe()}


@dataclass(frozen=True)
class Page:
    """A decoded page: ``text`` has ``\\n`` line ends and no BOM.

    ``geometry`` is set for pages read from a PDF or an image: where each raw
    line was printed.  Plain-text pages have none.  ``reading`` says how the
    file's bytes were read (encoding, guess, bytes replaced or dropped).
    """

    source: str
    text: str
    encoding: str = "utf-8"
    newline: str = "\n"
    sha256: str = ""
    geometry: Geometry | None = None
    reading: Reading | None = None  # how the bytes were read (None: built from text in code)

    def line_of(self, offset: int) -> int:
        r"""1-based line number holding raw ``offset`` (a binary search over line ends).

        >>> p = Page("p", "a\nbc\n")
        >>> p.line_of(3), p.line_start(2), p.line_count
        (2, 2, 3)
        """
        return bisect.bisect_left(self._line_ends(), offset) + 1

    def line_start(self, line: int) -> int:
        """Raw offset of the first character of 1-based ``line`` (past the last line: the last line's)."""
        ends = self._line_ends()
        return 0 if line <= 1 or not ends else ends[min(line - 2, len(ends) - 1)] + 1

    @property
    def line_count(self) -> int:
        return len(self._line_ends()) + 1

    def _line_ends(self) -> list[int]:
        """Offsets of the page's newlines, found once (a page never changes; a 10 MB one takes a while)."""
        ends = self.__dict__.get("_ends")
        if ends is None:
            ends, text = [], self.text
            i = text.find("\n")
            while i >= 0:
                ends.append(i)
                i = text.find("\n", i + 1)
            object.__setattr__(self, "_ends", ends)
        return ends


@dataclass(frozen=True)
class Block:
    """A run of raw text the page printed as one piece (a paragraph or a fragment of one).

    ``text`` is the block's own text: for hard-wrapped pages the printed lines
    are unwrapped and the paragraph indent removed.  ``text.runs`` map it back.
    ``id`` is made of the text, not of where it stands (:mod:`.ids`): the
    analysis names the k-th copy of a text ``.<k>``, and a piece cut off by hand
    is ``<block id>@<n>``.
    """

    index: int
    start: int
    end: int
    line_start: int
    line_end: int
    text: Text
    indented: bool = False
    id: str = ""  # "": named by its text alone (a block made outside an analysis)

    def __post_init__(self):
        if not self.id:
            object.__setattr__(self, "id", content_id("b", self.text))


@dataclass(frozen=True)
class Suggestion:
    """One proposed repair.  ``blocks`` are block ids; ``ranges`` raw ranges it touches."""

    id: str
    kind: str
    blocks: tuple[str, ...]
    ranges: tuple[tuple[int, int], ...]
    confidence: float
    explain: Message  # what it would do and which evidence decided (``core.messages``)
    default: bool = True
    payload: Payload = NOTHING  # what the kind carries (``core.payloads``)

    @property
    def explain_zh(self) -> str:
        return self.explain.render("zh")

    @property
    def explain_en(self) -> str:
        return self.explain.render("en")

    def payload_as(self, cls: type[P]) -> P:
        """The payload, which must be a ``cls`` (an applier knows what its kind carries)."""
        if not isinstance(self.payload, cls):
            raise TypeError(f"a {self.kind} suggestion carries {type(self.payload).__name__}, not {cls.__name__}")
        return self.payload

    def get(self, key: str, default=None):
        """A payload field by name, ``default`` when the kind carries none of that name."""
        if any(f.name == key for f in fields(self.payload)):
            return getattr(self.payload, key)
        return default

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "blocks": list(self.blocks),
            "ranges": [list(r) for r in self.ranges],
            "confidence": round(self.confidence, 3),
            "explain_zh": self.explain_zh,
            "explain_en": self.explain_en,
            "default": self.default,
            "payload": self.payload.to_json(),
        }


@dataclass(frozen=True)
class Analysis:
    page: Page
    blocks: tuple[Block, ...]
    suggestions: tuple[Suggestion, ...]
    hard_wrapped: bool = False
    seconds: float = 0.0
    convention: object = None  # convention.Convention: how the page is laid out (shown to the editor)
    order: tuple[str, ...] = ()  # block ids in the reading order the analysis rebuilt (empty: raw order)

    def block(self, block_id: str) -> Block:
        return self._by_id()[block_id]

    def find_block(self, block_id: str) -> Block | None:
        """The block of that id; None when the analysis has none (a piece cut off by hand, a stale id)."""
        return self._by_id().get(block_id)

    def suggestion(self, suggestion_id: str) -> Suggestion:
        return self._suggestions_by_id()[suggestion_id]

    def _by_id(self) -> dict:
        cache = self.__dict__.get("_block_index")
        if cache is None:
            cache = {b.id: b for b in self.blocks}
            object.__setattr__(self, "_block_index", cache)
        return cache

    def _suggestions_by_id(self) -> dict:
        cache = self.__dict__.get("_suggestion_index")
        if cache is None:
            cache = {s.id: s for s in self.suggestions}
            object.__setattr__(self, "_suggestion_index", cache)
        return cache

    def block_at(self, offset: int) -> Block | None:
        """The block whose raw range holds ``offset``."""
        index = self.__dict__.get("_block_at")
        if index is None:
            index = BlockIndex(self.blocks)
            object.__setattr__(self, "_block_at", index)
        return index.block_at(offset)


class BlockIndex:
    """Blocks in raw order (an analysis' blocks, or the pieces the editor's cuts make) found by raw offset."""

    def __init__(self, blocks: tuple[Block, ...]):
        self.blocks = blocks
        self.starts = [b.start for b in blocks]

    def block_at(self, offset: int) -> Block | None:
        """The block whose raw range holds ``offset`` (None: between blocks)."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.blocks[i].end:
            return self.blocks[i]
        return None

    def around(self, offset: int) -> tuple[Block | None, Block | None]:
        """The blocks just before and just after ``offset`` (a blank line between blocks)."""
        i = bisect.bisect_right(self.starts, offset) - 1
        before = self.blocks[i] if i >= 0 else None
        after = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
        return before, after


@dataclass(frozen=True)
class Decisions:
    """What the editor decided; plain data, serialisable, never mutated in place.

    - ``choices``: suggestion id -> accepted (absent: the suggestion's default);
    - ``roles``: block id -> role set by hand (overrides every suggestion);
    - ``edits``: paragraph key -> the paragraph's text as the editor typed it
      (key: ``"<block id>"`` of the paragraph's first block, ``"<article key>:title"``,
      ``":subtitle"`` or ``":byline"``); the value is ``(old_text, new_text)``;
    - ``moves``: ``(block id, before block id or "")``: move a block before
      another one ("" = to the page end), in the order they were made;
    - ``splits``: raw offsets where a block is cut in two by hand (at a line start: the block is
      split at that line);
    - ``joined``: ids of pieces joined by hand to the piece before them in reading order: their text
      continues that piece's paragraph, title, subtitle or byline (several lines as one title: the
      first line is a title, the others are joined to it).
    """

    choices: tuple[tuple[str, bool], ...] = ()
    roles: tuple[tuple[str, str], ...] = ()
    edits: tuple[tuple[str, tuple[str, str]], ...] = ()
    moves: tuple[tuple[str, str], ...] = ()
    splits: tuple[int, ...] = ()
    joined: tuple[str, ...] = ()

    # -- reading (the dicts are built once per value: a value never changes)
    def _cached(self, name: str, items) -> dict:
        cache = self.__dict__.get("_" + name)
        if cache is None:
            cache = dict(items)
            object.__setattr__(self, "_" + name, cache)
        return cache

    def choice(self, suggestion_id: str) -> bool | None:
        return self._cached("choices", self.choices).get(suggestion_id)

    def is_accepted(self, suggestion: Suggestion) -> bool:
        c = self.choice(suggestion.id)
        return suggestion.default if c is None else c

    def role(self, block_id: str) -> str | None:
        return self._cached("roles", self.roles).get(block_id)

    @property
    def count(self) -> int:
        """How many decisions this value holds: each choice, role, edit, move, split and join counts one.

        >>> Decisions().with_choice("s1", False).with_split(40).with_joined("b40").count
        3
        """
        return len(self.choices) + len(self.roles) + len(self.edits) + len(self.moves) + len(self.splits) \
            + len(self.joined)

    # -- changing (each returns a new value)
    def with_choice(self, suggestion_id: str, accepted: bool | None) -> Decisions:
        d = dict(self.choices)
        if accepted is None:
            d.pop(suggestion_id, None)
        else:
            d[suggestion_id] = bool(accepted)
        return replace(self, choices=tuple(sorted(d.items())))

    def with_choices(self, items: Mapping[str, bool | None]) -> Decisions:
        """Many choices at once (``accept all of this kind``), in one pass."""
        d = dict(self.choices)
        for k, v in items.items():
            if v is None:
                d.pop(k, None)
            else:
                d[k] = bool(v)
        return replace(self, choices=tuple(sorted(d.items())))

    def with_role(self, block_id: str, role: str | None) -> Decisions:
        if role is not None and role not in EDITABLE_ROLES:
            raise ValueError(f"unknown role {role!r}")
        d = dict(self.roles)
        if role is None:
            d.pop(block_id, None)
        else:
            d[block_id] = role
        return replace(self, roles=tuple(sorted(d.items())))

    def with_edit(self, key: str, old_text: str, new_text: str | None) -> Decisions:
        d = dict(self.edits)
        if new_text is None:
            d.pop(key, None)
        else:
            first_old = d.get(key, (old_text, None))[0]
            d[key] = (first_old, new_text)
        return replace(self, edits=tuple(sorted(d.items())))

    def with_move(self, block_id: str, before_id: str) -> Decisions:
        return replace(self, moves=self.moves + ((block_id, before_id),))

    def with_split(self, offset: int) -> Decisions:
        if offset in self.splits:
            return self
        return replace(self, splits=tuple(sorted(self.splits + (offset,))))

    def without_split(self, offset: int) -> Decisions:
        return replace(self, splits=tuple(o for o in self.splits if o != offset))

    def with_splits(self, offsets: Iterable[int]) -> Decisions:
        """Several cuts at once (a block split into its lines)."""
        return replace(self, splits=tuple(sorted(set(self.splits) | {int(o) for o in offsets})))

    def with_moves(self, block_ids: Iterable[str], before_id: str) -> Decisions:
        """Move several blocks, in the order given, before ``before_id`` ("" = the page end)."""
        moves = tuple((b, before_id) for b in block_ids if b != before_id)
        return replace(self, moves=self.moves + moves) if moves else self

    def is_joined(self, block_id: str) -> bool:
        return block_id in self._cached("joined_set", ((b, True) for b in self.joined))

    def with_joined(self, block_id: str, joined: bool = True) -> Decisions:
        """Join a piece to the piece before it in reading order (False: undo that)."""
        rest = tuple(b for b in self.joined if b != block_id)
        return replace(self, joined=tuple(sorted(rest + ((block_id,) if joined else ()))))

    def with_title(self, block_ids: Iterable[str]) -> Decisions:
        """Consecutive pieces as one title: the first is the title, the others are joined to it."""
        ids = list(block_ids)
        if not ids:
            return self
        d = self.with_role(ids[0], ROLE_TITLE).with_joined(ids[0], False)
        for bid in ids[1:]:
            d = d.with_role(bid, None).with_joined(bid, True)
        return d

    # -- serialising
    def to_dict(self) -> dict:
        return {
            "choices": {k: v for k, v in self.choices},
            "roles": {k: v for k, v in self.roles},
            "edits": {k: list(v) for k, v in self.edits},
            "moves": [list(m) for m in self.moves],
            "splits": list(self.splits),
            "joined": list(self.joined),
        }

    @classmethod
    def from_dict(cls, data: Mapping) -> Decisions:
        if not isinstance(data, Mapping):
            raise ValueError("decisions must be a JSON object")
        choices = data.get("choices") or {}
        roles = data.get("roles") or {}
        edits = data.get("edits") or {}
        for r in roles.values():
            if r not in EDITABLE_ROLES:
                raise ValueError(f"unknown role {r!r}")
        return cls(
            choices=tuple(sorted((str(k), bool(v)) for k, v in choices.items())),
            roles=tuple(sorted((str(k), str(v)) for k, v in roles.items())),
            edits=tuple(sorted((str(k), (str(v[0]), str(v[1]))) for k, v in edits.items())),
            moves=tuple((str(a), str(b)) for a, b in (data.get("moves") or [])),
            splits=tuple(sorted(int(o) for o in (data.get("splits") or []))),
            joined=tuple(sorted(str(b) for b in (data.get("joined") or []))),
        )

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Decisions:
        return cls.from_dict(json.loads(text))


@dataclass(frozen=True)
class CleanArticle:
    """One clean article; every string is a :class:`Text` tracing back to the raw page."""

    key: str  # id of the block the article starts with
    title: Text
    subtitle: Text | None
    paragraphs: tuple[Text, ...]
    byline: Text | None
    section: str | None = None
    blocks: tuple[str, ...] = ()  # ids of every block that went into it
    paragraph_keys: tuple[str, ...] = ()  # key of each paragraph (its first block id)
    byline_place: str = "end"  # "head": printed under the headline (a reporter line); "end": after the text
    byline_brackets: str = ""  # the brackets the page printed around a trailing byline ("()", "（）"), or ""

    def to_dict(self) -> dict:
        return {
            "title": str(self.title),
            "subtitle": None if self.subtitle is None else str(self.subtitle),
            "paragraphs": [str(p) for p in self.paragraphs],
            "byline": None if self.byline is None else str(self.byline),
            "section": self.section,
        }


@dataclass(frozen=True)
class RemovedBlock:
    block: str
    text: str
    reason: str  # "duplicate" / "furniture" / "by hand"
    decided_by: str  # suggestion id, or "role:<block id>" for a hand decision


@dataclass(frozen=True)
class CleanPage:
    source: str
    articles: tuple[CleanArticle, ...]
    removed: tuple[RemovedBlock, ...] = field(default_factory=tuple)
    # (suggestion id, what made it moot): suggestions another decision overrides (see core.apply)
    moot: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "articles": [a.to_dict() for a in self.articles],
            "removed": [
                {"block": r.block, "text": r.text, "reason": r.reason, "decided_by": r.decided_by}
                for r in self.removed
            ],
        }
