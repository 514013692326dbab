"""A gold page as the sequence of printed pieces it is made of, in raw order.

The gold aligner (``tools.goldlabels``) says where every raw character of the
source page sits in the gold; cutting the raw text wherever that place jumps
(another gold string, a gap in the string, a blank line between blocks)
gives the page's units: headline, kicker, 副题, reporter line, a piece of a
paragraph, a byline (glued to the paragraph or on its own line), a furniture
line, a repeated block. Each unit keeps the gold text it stands for, so a new
layout can print the same units in another convention and rebuild the gold
from what it printed. The source page's own damage (column breaks, repeats,
captions, furniture) comes along.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from tools.goldlabels import align, is_subhead
from tools.goldlabels.pages import Page

# kinds printed as one line each, never wrapped or indented
LINE_KINDS = {"title", "kicker", "subtitle", "byline-top", "byline-end", "subhead", "furniture", "caption"}


@dataclass
class Unit:
    """One printed piece of a page.

    ``slot`` names the gold string the text belongs to: ``("title", a)``,
    ``("subtitle", a)``, ``("paragraph", a, j)``, ``("byline", a)``,
    ``("duplicate", key)`` or ``("furniture", key)``; ``start`` is where the
    text begins in that gold string (article strings), so pieces of one
    paragraph are put back in reading order whatever order the page prints
    them in.
    """
    kind: str
    text: str
    slot: tuple
    start: int = 0
    para_start: bool = False     # the piece begins its paragraph (indented in an indenting layout)
    para_end: bool = False       # the piece ends its paragraph
    glued: bool = False          # a trailing byline printed at the end of the paragraph's last line
    marks: tuple[str, str] = ("", "")  # parentheses round a byline, a bullet before a title
    broken_before: bool = False  # a column break falls right before this piece
    line_like: bool = False      # a repeated block that is a headline or byline: one line, never wrapped
    tags: dict = field(default_factory=dict)

    @property
    def is_line(self) -> bool:
        return self.kind in LINE_KINDS or self.line_like

    def copy(self, **changes) -> Unit:
        changes.setdefault("tags", dict(self.tags))
        return replace(self, **changes)


@dataclass
class SourcePage:
    name: str
    gold: dict
    units: list[Unit]
    problems: list[str]


def source_units(page: Page) -> SourcePage:
    """Cut a gold page into its printed units (see the module docstring)."""
    al = align(page.text, page.gold, page.declared_uncovered())
    problems = []
    if al.unplaced:
        problems.append(f"{len(al.unplaced)} gold character(s) not found in raw")
    if al.uncovered:
        problems.append(f"{len(al.uncovered)} raw character(s) outside the gold")
    items = al.items
    text = page.text
    # which raw characters sit on which line, and which lines are blank
    line_no = []
    ln = 0
    nxt = 0
    for off in al.raw_offsets:
        ln += text.count("\n", nxt, off)
        nxt = off
        line_no.append(ln)
    lines = text.split("\n")

    def blank_between(a: int, b: int) -> bool:
        return any(not lines[k].strip() for k in range(a + 1, b))

    groups: list[dict] = []
    for r, p in enumerate(al.place):
        mark = al.marks.get(r)
        if p is None and mark is None:
            continue  # declared/unexplained characters: not reprinted
        n = p[0] if p is not None else mark[0]
        g = groups[-1] if groups else None
        opening = mark is not None and mark[1] in ("open", "bullet")
        fresh = (g is None or opening or g["closed"] or g["item"] != n
                 or blank_between(g["last_line"], line_no[r])
                 or (p is not None and g["hi"] is not None and p[1] != _next_offset(items[n].text, g["hi"])))
        if fresh:
            g = {"item": n, "lo": None, "hi": None, "first_line": line_no[r], "last_line": line_no[r],
                 "open": "", "close": "", "closed": False}
            groups.append(g)
        g["last_line"] = line_no[r]
        ch = text[al.raw_offsets[r]]
        if opening:
            g["open"] += ch
        elif mark is not None:
            g["close"] += ch
            g["closed"] = True
        else:
            g["lo"] = p[1] if g["lo"] is None else g["lo"]
            g["hi"] = p[1]

    first_line_of = {}
    for g in groups:
        first_line_of.setdefault(g["item"], g["first_line"])
    units: list[Unit] = []
    para0_line: dict[int, int] = {}
    title_line: dict[int, int] = {}
    for n, it in enumerate(items):
        if it.kind == "paragraph" and it.index == 0 and n in first_line_of:
            para0_line[it.article] = first_line_of[n]
        if it.kind == "title" and n in first_line_of:
            title_line[it.article] = first_line_of[n]
    para_extent = {}
    for g in groups:
        if g["lo"] is None:
            continue
        lo, hi = para_extent.get(g["item"], (g["lo"], g["hi"]))
        para_extent[g["item"]] = (min(lo, g["lo"]), max(hi, g["hi"]))
    for gi, g in enumerate(groups):
        n = g["item"]
        it = items[n]
        if g["lo"] is None:
            continue  # a stray mark with no text
        piece = it.text[g["lo"]:g["hi"] + 1]
        a = it.article
        if it.kind == "title":
            u = Unit("title", piece, ("title", a), g["lo"])
        elif it.kind == "subtitle":
            above = first_line_of.get(n, 0) < title_line.get(a, 0)
            u = Unit("kicker" if above else "subtitle", piece, ("subtitle", a), g["lo"])
        elif it.kind == "byline":
            top = first_line_of.get(n, 0) < para0_line.get(a, 10 ** 9)
            u = Unit("byline-top" if top else "byline-end", piece, ("byline", a), g["lo"])
            if not top:
                prev = groups[gi - 1] if gi else None
                u.glued = bool(prev and items[prev["item"]].kind == "paragraph" and prev["last_line"] == g["first_line"]
                               and g["open"])
        elif it.kind == "paragraph":
            lo, hi = para_extent[n]
            whole = g["lo"] == lo and g["hi"] == hi
            kind = "subhead" if whole and is_subhead(it.text) else "body"
            u = Unit(kind, piece, ("paragraph", a, it.index), g["lo"], para_start=g["lo"] == lo, para_end=g["hi"] == hi)
        elif it.kind == "duplicate":
            u = Unit("duplicate", piece, ("duplicate", it.index), g["lo"])
        else:
            u = Unit("furniture", piece, ("furniture", it.index), g["lo"])
        u.marks = (g["open"], g["close"])
        units.append(u)
    _mark_column_breaks(units)
    _describe_duplicates(units, page.gold)
    return SourcePage(page.name, page.gold, units, problems)


def _next_offset(text: str, o: int) -> int:
    o += 1
    while o < len(text) and text[o].isspace():
        o += 1
    return o


def _mark_column_breaks(units: list[Unit]) -> None:
    """A paragraph piece that carries on an earlier piece of the same paragraph follows a column break."""
    for u in units:
        if u.kind == "body" and not u.para_start:
            u.broken_before = True


def _describe_duplicates(units: list[Unit], gold: dict) -> None:
    """A repeated block is laid out like what it repeats: a headline or byline as a line, body text wrapped."""
    titles = {"".join((a.get("title") or "").split()) for a in gold.get("articles") or []}
    paras = ["".join(p.split()) for a in gold.get("articles") or [] for p in a.get("paragraphs") or []]
    for u in units:
        if u.kind != "duplicate":
            continue
        t = "".join(u.text.split())
        inner = t[1:-1] if len(t) > 2 and t[0] in "(（" and t[-1] in ")）" else None
        if t in titles or inner is not None or is_subhead(u.text):
            u.line_like = True
        u.para_start = any(p.startswith(t[:12]) for p in paras) and not u.line_like
