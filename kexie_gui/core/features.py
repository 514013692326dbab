"""Named evidence about each printed line, for the line labeller.

Every decision about a line — headline, kicker, 副题, reporter line, paragraph
start, wrapped continuation, column-break continuation, byline, furniture — is
a score over these features; their weights are fitted on data
(``tools/fit``), not set by hand.  A feature is a name, optionally with a
value; names read as evidence (``end=clause``: the line ends with a comma;
``p.rf=full|bl0``: the line above ran to the column edge and no blank line
separates them) so that an explanation can quote them.

Widths are relative to the column: ``rf=full`` is within a character of the
page's column width, ``rf=near2`` two characters short of it (where an
extractor dropped a paragraph's indentation, the first line is that much
shorter), ``rf=short`` under half of it.
"""
from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from statistics import median

import regex

from . import furniture as fz
from .convention import Convention
from .lexicon import page_pairs, runs_asked, word_pair
from .lines import Unit, printed_widths
from .text import (
    BRACKETED,
    CLAUSE_MARKS,
    CLOSERS,
    LEAD_AGENCY,
    SUBHEAD_MARK,
    SUBTITLE_DASH,
    TIME_PHRASE,
    closes_a_quote_inside,
    closes_inline,
    ends_sentence,
    glued_byline,
    han_share,
    is_byline_inner,
    is_reporter_line,
    leaves_bracket_open,
    plausible_share,
    squeeze_han_spaces,
)

LOCAL_WINDOW = 12  # lines either side that vote for the local column width
LOCAL_STRIDE = 4  # the vote is taken for every fourth line and holds for the lines next to it
HEADING_MAX = 32  # longer lines are never read as headings on their shape alone
SHORT_HEADING = 12  # a heading this short may hold a comma and end on a character (``科技赋能，乡村振兴``)

_PUNCT_CLASSES = (("comma", frozenset("，,")), ("colon", frozenset("：:")), ("q", frozenset("？?！!")),
                  ("quote", frozenset("“”\"「」『』")), ("enum", frozenset("、")), ("stop", frozenset("。")))
_HAN_GAP = regex.compile(r"\p{Han}\s+\p{Han}")


def _bucket(w: float) -> str:
    """Printed width in the few classes that tell a line's part (a headline is short; beyond a column's
    width, length says nothing about whether a piece starts or continues a paragraph)."""
    for limit, name in ((4, "4"), (8, "8"), (12, "12"), (18, "18"), (26, "26")):
        if w <= limit:
            return name
    return "long"


def line_end(s: str) -> str:
    """How a line ends: ``sent`` (。！？…), ``clause`` (，、；), ``colon``, ``closer`` (a bracket or quote
    after no sentence mark), ``none`` (a character: the sentence goes on).

    >>> line_end("会议召开。"), line_end("他说，"), line_end("如下："), line_end("（某县科协）"), line_end("科技")
    ('sent', 'clause', 'colon', 'closer', 'none')
    >>> line_end("认识，把院士（专家）"), line_end("成效。（某县科协）")
    ('none', 'closer')
    """
    s = s.rstrip()
    if not s:
        return "none"
    if ends_sentence(s):
        return "sent"
    last = s[-1]
    if last in "：:":
        return "colon"
    if last in CLAUSE_MARKS:
        return "clause"
    if last in CLOSERS and not closes_inline(s):
        return "closer"
    return "none"


def asks_or_exclaims(s: str) -> bool:
    """Ends with a question or exclamation mark (closing quotes looked through): a headline may, a
    paragraph's last line may too, but a headline never ends with a full stop.

    >>> asks_or_exclaims("口罩能挡住花粉吗？"), asks_or_exclaims("“快来看！”"), asks_or_exclaims("会议召开。")
    (True, True, False)
    """
    s = s.rstrip()
    while s and s[-1] in CLOSERS:
        s = s[:-1]
    return s[-1:] in ("？", "?", "！", "!")


def _ocr_dash(s: str) -> bool:
    """A 副题's dash as OCR reads it, two 一 (``一一记某大学专家团队``): only on a short line holding no
    clause or sentence mark, since running text may wrap onto a line before 一一 (``一一作了解答。``).

    >>> _ocr_dash("一一达州市科协扎实推进学会改革"), _ocr_dash("一一作了解答，群众十分满意。")
    (True, False)
    """
    return s.startswith("一一") and len(s) <= 24 and not any(ch in s for ch in "，。,；;：:") \
        and "\u4e00" <= s[2:3] <= "\u9fff"


def line_start(s: str) -> str:
    """What a line opens with, as far as it tells the line's part on the page."""
    s = s.lstrip()
    if not s:
        return "none"
    if LEAD_AGENCY.match(s):
        return "agency"
    if TIME_PHRASE.match(s):
        return "time"
    if is_reporter_line(s):
        return "reporter"
    if SUBTITLE_DASH.match(s) or _ocr_dash(s):
        return "dash"
    if SUBHEAD_MARK.match(s):
        return "mark"
    m = BRACKETED.match(s)
    if m:
        return "byl" if is_byline_inner(m.group("inner")) else "bracket"
    ch = s[0]
    if ch in "“「『\"":
        return "quote"
    if ch in CLOSERS or ch in CLAUSE_MARKS or ch in "。！？!?…":
        return "punct"
    if ch.isdigit():
        return "digit"
    if ch.isascii() and ch.isalpha():
        # ``AI赋能…``, ``5G网络…`` open Chinese text; only a line of Latin words is Latin
        return "latin" if han_share(s) < 0.3 else "han"
    return "han"


@dataclass(frozen=True)
class Shape:
    """What one line looks like on its own (computed once per line)."""

    text: str  # Han spaces squeezed
    width: float
    end: str
    start: str
    furniture: str | None
    heading: bool
    punct: tuple[str, ...]
    latin: bool
    noise: bool
    glued: bool
    jump: str | None
    column: float = 0.0  # the local column width (0: lines are not wrapped)
    full: bool = False  # runs to the column edge


def _may_be_heading(text: str, width: float, end: str, punct: tuple[str, ...], full: bool) -> bool:
    """Could the line be (part of) a headline: short, Han, not a finished sentence unless it asks or
    exclaims, not a bracketed byline, and not a piece of running text cut mid-sentence — which holds
    clause marks and ends on a character (``为确保活动取得实效，县科协制定了``)."""
    cut_piece = end == "none" and width > SHORT_HEADING and any(p in punct for p in ("comma", "enum"))
    return (width <= HEADING_MAX and (end not in ("sent", "clause") or asks_or_exclaims(text))
            and han_share(text) >= 0.4 and not BRACKETED.match(text)
            and not (full and end == "none" and "comma" in punct) and not cut_piece)


def shape_of(unit: Unit, han_spaces: bool, column: float = 0.0) -> Shape:
    return _shape(unit.text, han_spaces, column)


@lru_cache(maxsize=65536)  # pages repeat their lines (headers, stock phrases, copies)
def _shape(raw: str, han_spaces: bool, column: float) -> Shape:
    from .lines import text_width

    text = squeeze_han_spaces(raw) if han_spaces or " " in raw else raw
    width = text_width(raw) if not han_spaces else text_width(raw) - 0.5 * (len(raw) - len(text))
    end = line_end(text)
    inner = set(text[:-1] if end != "none" else text)
    punct = tuple(name for name, marks in _PUNCT_CLASSES if not inner.isdisjoint(marks))
    if not han_spaces and " " in text and _HAN_GAP.search(text):
        punct += ("space",)
    spaced = text if han_spaces else raw  # a space between words may be what a rule reads (``本版责编 王三``)
    furniture = fz.classify_single(spaced)
    full = column >= 6 and width >= column - 1
    heading = _may_be_heading(text, width, end, punct, full)
    return Shape(
        text=text, width=width, end=end, start=line_start(spaced), furniture=furniture, heading=heading,
        punct=punct, latin=fz.latin_words(text), noise=plausible_share(text) < 0.6,
        glued=glued_byline(text) is not None, jump=fz.jump_direction(text), column=column, full=full)


def shapes_of(units: list[Unit], convention: Convention) -> list[Shape]:
    """The shape of every line, with its local column width on wrapped pages."""
    if convention.wrapped:
        columns = local_widths(units, convention.stats.width if convention.stats else 0.0, convention.han_spaces)
    else:
        columns = [0.0] * len(units)
    shapes = [shape_of(u, convention.han_spaces, c) for u, c in zip(units, columns, strict=True)]
    return quoted_headline_lines(units, wrapped_captions(units, shapes))


def quoted_headline_lines(units: list[Unit], shapes: list[Shape]) -> list[Shape]:
    """A headline's first line that ends closing a quotation opened inside it (``山村学校的“星空课堂”`` |
    ``用上了远程天文望远镜``) ends mid-sentence, not as a quotation closing its sentence does: the
    headline's next line, shaped as one and printed right under it, goes on with it."""
    out = list(shapes)
    for i in range(len(units) - 1):
        a, b = shapes[i], shapes[i + 1]
        if a.end == "closer" and a.heading and b.heading and not units[i + 1].blank_before \
                and closes_a_quote_inside(a.text):
            out[i] = replace(a, end="none")
    return out


def wrapped_captions(units: list[Unit], shapes: list[Shape]) -> list[Shape]:
    """A photo caption wrapped over two lines, its credit's bracket opened on the first and closed on the
    second (``专家在田间查看长势。（图片由市`` | ``科协提供）``): neither line is a caption alone, the two are.
    Both lines are given the caption's furniture kind."""
    out = list(shapes)
    for i in range(len(units) - 1):
        a, b = units[i].text, units[i + 1].text
        if out[i].furniture or out[i + 1].furniture or units[i + 1].blank_before:
            continue
        if not leaves_bracket_open(a) or not b.rstrip().endswith(("）", ")")):
            continue
        if fz.caption(a.strip() + b.strip()):
            out[i] = replace(out[i], furniture=fz.CAPTION)
            out[i + 1] = replace(out[i + 1], furniture=fz.CAPTION)
    return out


def local_widths(units: list[Unit], fallback: float, han_spaces: bool = False) -> list[float]:
    """Each line's column width: the commonest width of the long lines around it.

    Pages mix columns of different widths (a lead across two columns, a box);
    the lines around a line share its column far more often than the page does.
    The vote is taken once every few lines (lines so close share their column).
    """
    n = len(units)
    rounded = [round(w * 2) / 2 for w in printed_widths(units, han_spaces)]
    out: list[float] = []
    counts: dict[float, int] = {}  # the long lines' widths in the window, kept as the window slides on
    lo = hi = 0
    for centre in range(0, n, LOCAL_STRIDE):
        new_lo, new_hi = max(0, centre - LOCAL_WINDOW), min(n, centre + LOCAL_WINDOW + 1)
        _slide(counts, rounded[hi:new_hi], rounded[lo:new_lo])
        lo, hi = new_lo, new_hi
        best, votes = fallback, 0.0
        for w, c in counts.items():  # the most votes wins, then the widest: in any order of the widths
            v = c + 0.5 * (counts.get(w - 0.5, 0) + counts.get(w + 0.5, 0))
            if c >= 3 and (v > votes or (v == votes and w > best)):
                best, votes = w, v
        out += [best] * min(LOCAL_STRIDE, n - centre)
    return out


def _slide(counts: dict[float, int], entering: list[float], leaving: list[float]) -> None:
    """The window's counts of long lines' widths, lines entering and leaving it (a width no line of the
    window has any more is let go, so the votes look at the window's widths only)."""
    for w in entering:
        if w >= 6:
            counts[w] = counts.get(w, 0) + 1
    for w in leaving:
        if w >= 6:
            if counts[w] == 1:
                del counts[w]
            else:
                counts[w] -= 1


def fullness(width: float, column: float) -> str:
    """``full``, ``near2`` (an indent short), ``mid``, ``short``, ``over`` the column, or ``na``.

    >>> fullness(16, 16), fullness(14, 16), fullness(10, 16), fullness(5, 16), fullness(30, 16)
    ('full', 'near2', 'mid', 'short', 'over')
    """
    if column < 6:
        return "na"
    d = column - width
    if d < -1.5:
        return "over"
    if d <= 1:
        return "full"
    if d <= 2.5:
        return "near2"
    if width >= 0.5 * column:
        return "mid"
    return "short"


def _size_class(box, body_size: float) -> str | None:
    if box is None or body_size <= 0:
        return None
    r = box.size / body_size
    if r >= 1.6:
        return "huge"
    if r >= 1.2:
        return "big"
    if r <= 0.85:
        return "small"
    return "body"


def junction(left: str, right: str, pairs, triples) -> str:
    """Does ``right`` carry ``left``'s text on across the line break?  ``word``: the two characters
    across it stand together in words; ``page``: the page prints them together elsewhere; ``none``."""
    if not left or not right:
        return "none"
    if word_pair(left, right) >= 6:
        return "word"
    if pairs.get(left[-1] + right[0], 0) or left[-2:] + right[:1] in triples or left[-1:] + right[:2] in triples:
        return "page"
    return "none"


@dataclass(frozen=True)
class _PageView:
    """What every line's features read of the page around it (computed once per page)."""

    units: list[Unit]
    shapes: list[Shape]
    columns: list[float]
    flat: list[str]
    pairs: Counter
    triples: set
    counts: Counter
    body_size: float
    page_height: float
    conv: str
    sep: str

    def rf(self, i: int) -> str:
        return fullness(self.shapes[i].width, self.columns[i])


def _page_view(units: list[Unit], convention: Convention, page_height: float, shapes: list[Shape]) -> _PageView:
    columns = [s.column if s.column else fb for s, fb in
               zip(shapes, local_widths(units, convention.stats.width if convention.stats else 0.0,
                                       convention.han_spaces), strict=True)]
    sizes = [u.box.size for u in units if u.box is not None]
    flat = ["".join(s.text.split()) for s in shapes]
    # the runs of three characters ``junction`` asks about: across each line break, nothing else
    asked = {key for a, b in pairwise(flat) for key in (a[-2:] + b[:1], a[-1:] + b[:2])}
    return _PageView(units, shapes, columns, flat, page_pairs(flat), runs_asked(flat, asked, 3),
                     Counter(s.text for s in shapes),
                     median(sizes) if sizes else 0.0, page_height, convention.name,
                     "sep" if convention.blank_lines_separate else "every")


def _own_features(pv: _PageView, i: int) -> list[str]:
    """What the line itself looks like: width against its column, its ends, marks, furniture kind, repeats."""
    s, n, conv = pv.shapes[i], len(pv.shapes), pv.conv
    rf = pv.rf(i)
    f = ["b", f"conv={conv}", f"wa={_bucket(s.width)}", f"rf={rf}", f"end={s.end}", f"st={s.start}",
         f"rf={rf}@{conv}"]
    if s.end == "sent" and asks_or_exclaims(s.text):
        f.append("end=q")
    f += [f"p:{p}" for p in s.punct]
    if s.furniture:
        f += [f"fz={s.furniture}", "fz"]  # the kind, and any kind: rare kinds borrow strength
    elif i + 1 < n and pv.shapes[i + 1].furniture == fz.PHOTO_CREDIT and s.end == "sent" and s.width <= 40:
        f += ["fz=caption before credit", "fz"]  # a photo's caption as a plain sentence, then its credit
    f += [name for name, on in (("head", s.heading), ("latin", s.latin), ("noise", s.noise),
                                ("glued", s.glued), ("fz=short-news", fz.short_news_header(s.text)),
                                ("rep", pv.counts[s.text] > 1 and len(s.text) >= 2)) if on]
    return f


def _indent_and_blank(u: Unit) -> tuple[str, str]:
    return ("ind" if u.indent >= 1 else "noind",
            "bl0" if not u.blank_before else ("bl1" if u.blank_before == 1 else "bl2"))


def _place_features(pv: _PageView, i: int) -> list[str]:
    """Where the line stands: indentation, blank lines above, first or last lines of the page, and on
    pages with geometry its type size, frame and band (masthead at the top, footer at the bottom)."""
    u, n = pv.units[i], len(pv.units)
    ind, bl = _indent_and_blank(u)
    f = [ind, f"{ind}@{pv.conv}", f"{bl}@{pv.sep}"]
    if i == 0:
        f.append("pos=first")
    elif i < 3:
        f.append("pos=top")
    if i == n - 1:
        f.append("pos=last")
    elif i >= n - 3:
        f.append("pos=bottom")
    size = _size_class(u.box, pv.body_size)
    if size and u.box is not None:
        f.append(f"sz={size}")
        if u.box.boxed:
            f.append("boxed")
        if pv.page_height:
            if u.box.y1 < 0.08 * pv.page_height:
                f.append("band=top")
            elif u.box.y0 > 0.92 * pv.page_height:
                f.append("band=bottom")
    return f


def _above_features(pv: _PageView, i: int) -> list[str]:
    """The line above (and the nearest line above that is no furniture): does this line carry it on?"""
    if i == 0:
        return ["p.none"]
    s, ps = pv.shapes[i], pv.shapes[i - 1]
    ind, bl = _indent_and_blank(pv.units[i])
    rf, prf = pv.rf(i), pv.rf(i - 1)
    f = [f"p.end={ps.end}", f"p.rf={prf}", f"p.st={ps.start}", f"p.rf|{bl}={prf}",
         f"pe|rf={ps.end}|{rf}", f"pe|st={ps.end}|{s.start}", f"pe|{ind}={ps.end}", f"pe|{bl}={ps.end}"]
    if ps.heading:
        f.append("p.head")
    jn = junction(pv.flat[i - 1], pv.flat[i], pv.pairs, pv.triples)
    f += [f"jn={jn}", f"jn|pe={jn}|{ps.end}", f"jn|ph={jn}|{int(ps.heading)}"]
    if ps.end in ("none", "clause") and not (ps.heading and ps.end == "none") and not ps.furniture:
        f.append(f"p.open|{bl}")  # the line above stops mid-sentence: this line carries it on
    if ps.furniture:
        f.append(f"p.fz={ps.furniture}")
    if ps.jump:
        f.append(f"p.jump={ps.jump}")
    if ps.glued:
        f.append("p.glued")
    if ps.latin:
        f.append("p.latin")
        if fz.is_pinyin_of(ps.text, s.text):
            f.append("pinyin_above")
    k = i - 1
    while k >= 0 and pv.shapes[k].furniture and k > i - 4:
        k -= 1
    if k != i - 1 and k >= 0:
        f += [f"pc.end={pv.shapes[k].end}", f"pc.rf={pv.rf(k)}"]
    if i > 1:
        pp = pv.shapes[i - 2]
        if pp.heading:
            f.append("pp.head")
        f.append(f"pp.end={pp.end}")
    return f


def _below_features(pv: _PageView, i: int) -> list[str]:
    """The two lines below: what comes next says what this line is (a headline above 本报讯, pinyin above
    its column title)."""
    n = len(pv.units)
    if i + 1 >= n:
        return ["n.none"]
    s, ns, nu = pv.shapes[i], pv.shapes[i + 1], pv.units[i + 1]
    f = [f"n.st={ns.start}", f"n.end={ns.end}", f"n.rf={pv.rf(i + 1)}", f"n.bl={'0' if not nu.blank_before else '1'}"]
    if ns.heading:
        f.append("n.head")
    if nu.indent >= 1:
        f.append("n.ind")
    if ns.furniture:
        f.append(f"n.fz={ns.furniture}")
    if ns.latin:
        f.append("n.latin")
    if s.latin and fz.is_pinyin_of(s.text, ns.text):
        f.append("pinyin_of_next")
    if i + 2 < n:
        nn = pv.shapes[i + 2]
        f.append(f"nn.st={nn.start}")
        if nn.heading:
            f.append("nn.head")
    return f


def line_features(units: list[Unit], convention: Convention, page_height: float = 0.0,
                  shapes: list[Shape] | None = None) -> list[list[str]]:
    """The feature names of every line, in the order given (reading order).

    ``shapes`` (one per unit) are computed on the raw page when not given.
    """
    if shapes is None:
        shapes = shapes_of(units, convention)
    pv = _page_view(units, convention, page_height, shapes)
    # a page's lines share a few hundred names: one string each, not one per line (a 10 MB page has 10⁵ lines)
    return [list(map(sys.intern, _own_features(pv, i) + _place_features(pv, i) + _above_features(pv, i)
                     + _below_features(pv, i)))
            for i in range(len(units))]
