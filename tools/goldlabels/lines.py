"""Per raw line: the roles it carries and its place in gold reading order.

Labels (a line may carry several; ``mixed`` is added when it does):

- ``title``; ``kicker`` (a subtitle printed above its title in raw order) or
  ``subtitle`` (a 副题 printed under it);
- ``paragraph-start``, ``paragraph-continuation``, ``paragraph-end``,
  ``paragraph-whole`` (the line holds all of it); ``subhead`` instead for a
  paragraph that is short and has no final punctuation;
- ``byline-top`` (a reporter line above the article's first paragraph) or
  ``byline-trailing``;
- ``furniture``, ``duplicate``, ``uncovered`` (raw characters the gold does
  not explain), ``blank`` (a line with no text).

Reading order: each article character has the key (article, field rank,
offset); field ranks run kicker, title, 副题, top byline, paragraphs, trailing
byline. A line's ``next_line`` is the line holding the character that follows
the last one (in reading order) the line holds; ``prev_line`` likewise.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .aligner import Alignment

SUBHEAD_MAX = 24          # non-space characters; longer one-line paragraphs read as text
SENTENCE_END = set("。！？!?…；;．.")
CLOSERS = set("”’」』）)】》〉\"'")
RANK_KICKER, RANK_TITLE, RANK_SUBTITLE, RANK_BYLINE_TOP, RANK_PARAGRAPH = 0, 1, 2, 3, 10
RANK_BYLINE_END = 10 ** 6


def is_subhead(text: str) -> bool:
    """A short paragraph without final punctuation (closing quotes and brackets looked through).

    >>> is_subhead("■田间课堂开到村口")
    True
    >>> is_subhead("会议由县长主持。")
    False
    >>> is_subhead("“绿色工厂”怎样炼成")
    True
    """
    s = "".join(text.split())
    if not s or len(s) > SUBHEAD_MAX:
        return False
    while s and s[-1] in CLOSERS:
        s = s[:-1]
    return bool(s) and s[-1] not in SENTENCE_END and s[-1] not in "，,、：:"


@dataclass
class LineRecord:
    number: int                 # 1-based line number in the raw text (``\n`` line ends)
    text: str
    labels: list[str] = field(default_factory=list)
    places: list[dict] = field(default_factory=list)  # runs of the line in gold, in raw order
    gold_start: list | None = None  # [article, field, offset] of the earliest reading-order character
    gold_end: list | None = None
    next_line: int | None = None
    prev_line: int | None = None
    chars: int = 0
    unexplained: int = 0

    @property
    def role(self) -> str:
        if not self.labels:
            return "blank"
        if "mixed" in self.labels:
            return "mixed"
        return self.labels[0]


class _Reading:
    """Reading-order keys of the article characters of one page."""

    def __init__(self, al: Alignment):
        self.al = al
        items = al.items
        first_raw: dict[int, int] = {}
        for r, p in enumerate(al.place):
            if p is not None and p[0] not in first_raw:
                first_raw[p[0]] = r
        title_at, para0_at = {}, {}
        for n, it in enumerate(items):
            if it.kind == "title" and n in first_raw:
                title_at[it.article] = first_raw[n]
            if it.kind == "paragraph" and it.index == 0 and n in first_raw:
                para0_at[it.article] = first_raw[n]
        self.field: dict[int, tuple[str, int]] = {}   # item → (field name, rank)
        for n, it in enumerate(items):
            if it.kind == "title":
                self.field[n] = ("title", RANK_TITLE)
            elif it.kind == "subtitle":
                above = n in first_raw and it.article in title_at and first_raw[n] < title_at[it.article]
                self.field[n] = ("kicker", RANK_KICKER) if above else ("subtitle", RANK_SUBTITLE)
            elif it.kind == "byline":
                top = n in first_raw and it.article in para0_at and first_raw[n] < para0_at[it.article]
                self.field[n] = ("byline-top", RANK_BYLINE_TOP) if top else ("byline-trailing", RANK_BYLINE_END)
            elif it.kind == "paragraph":
                self.field[n] = ("paragraph", RANK_PARAGRAPH + it.index)
        # every article character in reading order, with its raw line
        self.order: list[tuple[tuple, int]] = []
        for r, p in enumerate(al.place):
            if p is not None and p[0] in self.field:
                self.order.append((self.key(p[0], p[1]), r))
        for r, (n, kind) in al.marks.items():
            if n in self.field:
                off = -1 if kind in ("open", "bullet") else len(items[n].text)
                self.order.append((self.key(n, off), r))
        self.order.sort()
        self.position = {r: i for i, (_, r) in enumerate(self.order)}

    def key(self, n: int, offset: int) -> tuple:
        it = self.al.items[n]
        return (it.article, self.field[n][1], offset)

    def public(self, n: int, offset: int) -> list:
        it = self.al.items[n]
        name = self.field[n][0]
        if name == "paragraph":
            return [it.article, "paragraph", it.index, offset]
        return [it.article, name, offset]


def line_records(text: str, al: Alignment) -> list[LineRecord]:
    """One record per raw line (blank lines included), labelled from the alignment."""
    items = al.items
    reading = _Reading(al)
    lines = text.split("\n")
    starts, pos = [], 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    line_of_raw = []
    li = 0
    for off in al.raw_offsets:
        while li + 1 < len(starts) and starts[li + 1] <= off:
            li += 1
        line_of_raw.append(li)
    by_line: list[list[int]] = [[] for _ in lines]
    for r, li in enumerate(line_of_raw):
        by_line[li].append(r)
    # first and last placed offset of each gold string
    lo: dict[int, int] = {}
    hi: dict[int, int] = {}
    for p in al.place:
        if p is not None:
            n, o = p
            lo[n] = min(lo.get(n, o), o)
            hi[n] = max(hi.get(n, o), o)
    uncovered = set(al.uncovered)
    records = []
    for li, line in enumerate(lines):
        rec = LineRecord(number=li + 1, text=line, chars=len(by_line[li]))
        labels: list[str] = []
        fields = set()

        def add(label: str, labels: list[str] = labels) -> None:
            if label not in labels:
                labels.append(label)

        keys = []
        seen_items: list[int] = []
        for r in by_line[li]:
            p = al.place[r]
            if p is None and r in al.marks:
                p = (al.marks[r][0], None)   # a byline's parenthesis, a title's bullet
            if p is None:
                if r in uncovered:
                    rec.unexplained += 1
                    fields.add("uncovered")
                    add("uncovered")
                continue
            n, o = p
            fields.add(n)
            if n not in seen_items:
                seen_items.append(n)
                add(_label(items[n], n, by_line[li], al, lo, hi, reading))
            if n in reading.field and o is not None:
                keys.append((reading.key(n, o), n, o, r))
        if len(fields) > 1:
            labels.append("mixed")
        rec.labels = labels
        rec.places = _places(by_line[li], al, reading)
        if keys:
            keys.sort()
            rec.gold_start = reading.public(keys[0][1], keys[0][2])
            rec.gold_end = reading.public(keys[-1][1], keys[-1][2])
            # the nearest character in reading order outside this line (marks on the line skipped)
            i = reading.position[keys[-1][3]] + 1
            while i < len(reading.order) and line_of_raw[reading.order[i][1]] == li:
                i += 1
            if i < len(reading.order):
                rec.next_line = line_of_raw[reading.order[i][1]] + 1
            i = reading.position[keys[0][3]] - 1
            while i >= 0 and line_of_raw[reading.order[i][1]] == li:
                i -= 1
            if i >= 0:
                rec.prev_line = line_of_raw[reading.order[i][1]] + 1
        records.append(rec)
    return records


def _label(it, n: int, raws: list[int], al: Alignment, lo: dict, hi: dict, reading: _Reading) -> str:
    if it.kind in ("duplicate", "furniture"):
        return it.kind
    if it.kind != "paragraph":
        return reading.field[n][0]
    if is_subhead(it.text):
        return "subhead"
    held = {al.place[r][1] for r in raws if al.place[r] is not None and al.place[r][0] == n}
    start, end = lo[n] in held, hi[n] in held
    if start and end:
        return "paragraph-whole"
    return "paragraph-start" if start else "paragraph-end" if end else "paragraph-continuation"


def _places(raws: list[int], al: Alignment, reading: _Reading) -> list[dict]:
    """The line's text as runs of gold strings, in raw order: where each run sits in gold."""
    out: list[dict] = []
    for r in raws:
        p = al.place[r]
        if p is None:
            continue
        n, o = p
        it = al.items[n]
        if out and out[-1]["_item"] == n and out[-1]["end"] < o:
            out[-1]["end"] = o
            continue
        run = {"_item": n, "start": o, "end": o}
        if it.kind in ("duplicate", "furniture"):
            run["field"] = it.kind
            run["entry"] = it.index
        else:
            run["article"] = it.article
            run["field"] = reading.field[n][0]
            if it.kind == "paragraph":
                run["paragraph"] = it.index
        out.append(run)
    for run in out:
        run.pop("_item")
    return out
