"""Rebuild the reading order of lines a text tool read out of order.

Damage repaired: PDF extractors and line-level OCR give column text out of
order — two or three columns' lines alternating (pdfminer, OCR read row by
row), blocks of a few lines from neighbouring columns taking turns
(pdftotext), a continuation printed before its start, a column's text block
read after the next one's.

Each line is linked to the line that best carries it on: a fitted logistic
score (``data/order.json``, ``tools/fit/fit_order.py``) over named evidence —
how far apart the two lines are, whether the first stops mid-sentence and the
second cannot start a paragraph, whether both run to the same column width,
whether the pair of characters across the break stands together in words or
elsewhere on the page, digits or brackets carried across, and whether the
distance is the one the lines around keep to (three columns interleaved: every
third line).  Links are taken best first, each line keeping one successor and
one predecessor, never closing a loop; the chains they form are read in the
order their first lines appear.  A page read in order keeps its order: the
next line is the best successor unless the evidence says otherwise.

Example: ``[甲1, 乙1, 甲2, 乙2]`` with 甲1 stopping mid-word where 甲2 goes on →
``[甲1, 甲2, 乙1, 乙2]``.
"""
from __future__ import annotations

import json
import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise, repeat

from .bands import ColumnEdges
from .convention import SIDE_BY_SIDE, Convention
from .features import Shape, fullness, line_end, line_start, local_widths
from .leads import lead_after_headline, lead_under_headline
from .lexicon import across_breaks, page_pairs, word_pairs
from .lines import Unit
from .messages import message
from .stacks import restack
from .text import leaves_bracket_open, opens_a_paragraph

AHEAD = 12  # a line's successor is looked for this many lines ahead …
BEHIND = 6  # … and this many behind (a continuation printed first)
FAR = 60  # a piece that opens mid-sentence may carry on a line this far away
LINK_MIN = 0.2  # weaker links are never taken …
TIED = 0.5  # … but for loose ends tied to each other, which must go somewhere: as sure as an even chance
PIECE = 6  # an article's last piece printed elsewhere is looked for this many lines long at most
SURE_NEXT = 0.9  # a finished line whose next line follows it this surely looks no further


@dataclass(frozen=True)
class OrderModel:
    bias: float
    weights: dict
    period: PeriodModel | None = None

    def probability(self, names: list[str]) -> float:
        z = self.bias + sum(map(self.weights.get, names, repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def load_order_model() -> OrderModel:
    text = resources.files("kexie_gui.core").joinpath("data", "order.json").read_text(encoding="utf-8")
    data = json.loads(text)
    period = PeriodModel(**data["period"]) if data.get("period") else None
    return OrderModel(float(data["bias"]), dict(data["weights"]), period)


def _dist(d: int) -> str:
    if d == 1:
        return "1"
    if 2 <= d <= 3:
        return str(d)
    if 4 <= d <= 6:
        return "4-6"
    if 7 <= d <= AHEAD:
        return "7-12"
    if d > AHEAD:
        return "far+"
    if d >= -BEHIND:
        return "back"
    return "far-"


def _bucket_pair(level: int) -> str:
    if level == 0:
        return "0"
    if level < 6:
        return "low"
    if level < 10:
        return "mid"
    return "high"


class _TextFacts:
    """What the pair scorer reads of the lines' characters alone: a page's lines are ordered twice, the
    second time with a new first reading but the same lines, so these are kept from the first time."""

    last: _TextFacts | None = None  # the lines of the last page ordered (replaced whole, never changed)

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.pairs = page_pairs(texts)
        self.triples = {t[k:k + 3] for t in texts for k in range(len(t) - 2)}
        # of longer runs only those a junction may ask about (``ta[-2:] + tb[:2]``, ``ta[-3:] + tb[:3]``)
        self.quads = across_breaks(texts, 2, 2)
        self.sixes = across_breaks(texts, 3, 3)
        # per line: does it leave a quotation or bracket open, does it close one (``_open_marks``)
        self.opens = [(t.count("“") > t.count("”"), leaves_bracket_open(t)) for t in texts]
        self.closes = [("”" in t and t.find("”") < (t.find("“") if "“" in t else 10 ** 6), "）" in t or ")" in t)
                       for t in texts]
        self.text_keys: dict[tuple, tuple] = {}  # ``Context._text_key`` of a line's end and the next's start

    @staticmethod
    def keys_of(texts: list[str]) -> dict[tuple, tuple]:
        """The text keys worked out so far for these lines (they read only the lines' characters)."""
        facts = _TextFacts.last
        return facts.text_keys if facts is not None and facts.texts is texts else {}


def forget_text_facts() -> None:
    """Let go of the last lines' character facts (kept for their second ordering)."""
    _TextFacts.last = None


class Context:
    """What the pair scorer reads about the page, computed once."""

    def __init__(self, units: list[Unit], shapes: list[Shape], columns: list[float], wrapped: bool = True,
                 period: PeriodModel | None = None, labels: list[str] | None = None,
                 model: OrderModel | None = None):
        self.labels = labels  # what a first reading of the page took each line for
        self.wrapped = wrapped
        self.units = units
        self.shapes = shapes
        self.columns = columns
        texts = ["".join(s.text.split()) for s in shapes]
        facts = _TextFacts.last
        if facts is None or facts.texts != texts:
            facts = _TextFacts.last = _TextFacts(texts)
        self.texts, self.pairs, self.triples, self.quads, self.sixes = (
            facts.texts, facts.pairs, facts.triples, facts.quads, facts.sixes)
        self.words = word_pairs()
        self.opens, self.closes = facts.opens, facts.closes
        self._rf = [fullness(s.width, c) for s, c in zip(shapes, columns, strict=True)]
        self._cache: dict[tuple, float] = {}
        self._far: dict[bool, list[int]] = {}
        self._endings: dict[int, int] | None = None  # see ``_piece_ends``
        self.period: list[int] = [1] * len(units)  # what the pair features read until the period is known
        self.period = local_period(self, period, model)
        self._sides()

    def junction(self, a: int, b: int) -> tuple[int, int, int]:
        """Evidence that ``b`` carries on ``a``'s text: (word pair level, page pair count, page triples)."""
        ta, tb = self.texts[a], self.texts[b]
        if not ta or not tb:
            return 0, 0, 0
        tri = (ta[-2:] + tb[:1] in self.triples) + (ta[-1:] + tb[:2] in self.triples)
        across = ta[-1] + tb[0]
        return self.words.get(across, 0), self.pairs.get(across, 0), tri  # (``word_pair``, page pairs, triples)

    def carries_on(self, a: int, b: int) -> bool:
        wp, pp, tri = self.junction(a, b)
        return wp >= 6 or pp > 0 or tri > 0

    def open_end(self, i: int) -> bool:
        return self.shapes[i].end in ("none", "clause", "colon")

    def probability(self, model: OrderModel, a: int, b: int) -> float:
        """``model``'s probability that ``b`` follows ``a``.  Pairs with the same evidence share one
        computation: the evidence is a handful of categories, and a page has many pairs."""
        layout, text = self._layout_key(a, b), self._text_key(a, b)
        p = self._cache.get((layout, text))
        if p is None:
            p = self._cache[(layout, text)] = model.probability(self._pair_features(layout, text, a, b))
        return p

    def _pair_features(self, layout: tuple, text: tuple, a: int, b: int) -> list[str]:
        """:meth:`features` of the pair, made of parts kept by the facts each reads (of ``layout``: the
        layout features' and the block features'; the junction's and the marks' by the distance and
        ``text``): pairs differ in one part or another, seldom in all."""
        dist, left, right = layout[0], layout[1], layout[2]
        key = (dist, left[0], right[0], *layout[3:6])  # the distance, ends, widths, period and columns
        lay = self._by_layout.get(key)
        if lay is None:
            lay = self._by_layout[key] = self._layout_features(a, b, b - a, False)
        key = (dist == "1", layout[6], left[1], right[1])  # next line or not, blank lines, labels, headings
        block = self._by_block.get(key)
        if block is None:
            block = self._by_block[key] = self._block_features(a, b, b - a)
        key = (dist, text)  # the distance's bucket, the characters across the break
        across = self._by_text.get(key)
        if across is None:
            across = self._by_text[key] = self._junction_features(a, b, b - a) + self._open_marks(a, b)
        return lay + across + block

    def _sides(self) -> None:
        """Per line, what a pair's features read of it as the first line (its end) and as the second (its
        start): its layout, and its last and first three characters with the marks it leaves open or closes
        (the pair's key is made of these, once per pair; a page has many pairs)."""
        units, n, labels, rf = self.units, len(self.units), self.labels, self._rf
        # (what the layout features read, what the block features read) of each line
        self._left = [((s.end, rf[a], self.period[a] != 1, s.heading),
                       (s.end, None if labels is None else labels[a], a + 1 >= n or units[a + 1].blank_before > 0))
                      for a, s in enumerate(self.shapes)]
        self._right = [((s.start, rf[b]), (s.heading, None if labels is None else labels[b],
                                           b == 0 or units[b].blank_before > 0, units[b].indent >= 1))
                       for b, s in enumerate(self.shapes)]
        self._ends = [(t[-3:], o) for t, o in zip(self.texts, self.opens, strict=True)]
        self._starts = [(t[:3], c) for t, c in zip(self.texts, self.closes, strict=True)]
        self._text_keys: dict[tuple, tuple] = _TextFacts.keys_of(self.texts)
        self._by_layout: dict[tuple, list[str]] = {}
        self._by_block: dict[tuple, list[str]] = {}
        self._by_text: dict[tuple, list[str]] = {}

    def _layout_key(self, a: int, b: int) -> tuple:
        """Every layout fact the pair's features read (``features``), as plain values."""
        d = b - a
        cols = self.columns[a] - self.columns[b]
        return (_dist(d), self._left[a], self._right[b], self.period[a] == d, abs(cols) <= 1, abs(cols) > 2,
                self.units[b].blank_before > 0 if d == 1 else None)

    def _text_key(self, a: int, b: int) -> tuple:
        """Every fact of the characters across the break the pair's features read, as plain values: they
        read no further than three characters either side, and the marks left open and closed."""
        end, start = self._ends[a], self._starts[b]
        key = self._text_keys.get((end, start))
        if key is None:
            key = self._text_keys[(end, start)] = self._text_key_of(end, start)
        return key

    def _text_key_of(self, end: tuple[str, tuple[bool, bool]], start: tuple[str, tuple[bool, bool]]) -> tuple:
        """:meth:`_text_key` of a line's last three characters and the marks it leaves open (``end``) and
        the next line's first three and the marks it closes (``start``), as :meth:`junction` reads them."""
        (ta, opens), (tb, closes) = end, start
        if not (ta and tb):
            return ((_bucket_pair(0), 0, 0), False)
        ea, eb = ta[-1], tb[0]
        tri = (ta[-2:] + eb in self.triples) + (ea + tb[:2] in self.triples)
        # as the features read them: the word pair's level in buckets, page pairs as none, one or more
        junction = (_bucket_pair(self.words.get(ea + eb, 0)), min(self.pairs.get(ea + eb, 0), 2), tri)
        return (junction, True, ta + tb in self.sixes if len(ta) >= 3 and len(tb) >= 3 else False,
                ta[-2:] + tb[:2] in self.quads if len(ta) >= 2 and len(tb) >= 2 else False,
                ea.isdigit() and eb.isdigit(), ea.isascii() and ea.isalpha() and eb.isascii() and eb.isalpha(),
                opens[0] and closes[0], opens[1] and closes[1])

    def features(self, a: int, b: int, adjacent: bool = False) -> list[str]:
        """The pair's evidence; ``adjacent``: as if nothing stood between them (a repeat taken out)."""
        d = 1 if adjacent else b - a
        return (self._layout_features(a, b, d, adjacent) + self._junction_features(a, b, d)
                + self._open_marks(a, b) + self._block_features(a, b, d))

    def _layout_features(self, a: int, b: int, d: int, adjacent: bool) -> list[str]:
        """How far apart the lines are, how they end and start, how full each runs to its column, and
        whether the distance is the one interleaved columns keep to."""
        sa, sb = self.shapes[a], self.shapes[b]
        ra = fullness(sa.width, self.columns[a])
        rb = fullness(sb.width, self.columns[b])
        f = [f"d={_dist(d)}", f"ae={sa.end}", f"bs={sb.start}", f"ae|bs={sa.end}|{sb.start}",
             f"ar={ra}", f"ae|ar={sa.end}|{ra}", f"br={rb}", f"ae|br={sa.end}|{rb}", f"ar|br={ra}|{rb}",
             f"d|ae={_dist(d)}|{sa.end}"]
        if self.period[a] != 1 and not adjacent:
            f.append("period" if d == self.period[a] else ("off_period_1" if d == 1 else "off_period"))
        if ra == "full" and rb in ("full", "near2", "mid") and abs(self.columns[a] - self.columns[b]) <= 1:
            f.append("same_col")
        elif abs(self.columns[a] - self.columns[b]) > 2:
            f.append("other_col")
        if sa.heading and ra not in ("full", "over"):
            f.append("a_heading")
        return f

    def _junction_features(self, a: int, b: int, d: int) -> list[str]:
        """The characters across the break: a word, a pair or run the page prints elsewhere, digits or
        Latin letters carried on."""
        ta, tb = self.texts[a], self.texts[b]
        wp, n, tri = self.junction(a, b)
        hit = wp >= 6 or n > 0 or tri > 0
        f = [f"wp={_bucket_pair(wp)}", f"d|hit={_dist(d)}|{int(hit)}"]
        if not (ta and tb):
            return f
        f.append("pp=0" if n == 0 else ("pp=1" if n == 1 else "pp=2+"))
        f.append(f"tri={tri}")
        if len(ta) >= 3 and len(tb) >= 3 and ta[-3:] + tb[:3] in self.sixes:
            f.append("span=6")  # six characters across the break stand together elsewhere on the page
        elif len(ta) >= 2 and len(tb) >= 2 and ta[-2:] + tb[:2] in self.quads:
            f.append("span=4")
        if ta[-1].isdigit() and tb[0].isdigit():
            f.append("digits")
        if ta[-1].isascii() and ta[-1].isalpha() and tb[0].isascii() and tb[0].isalpha():
            f.append("latin")
        return f

    def _open_marks(self, a: int, b: int) -> list[str]:
        """A quotation or bracket ``a`` opens that ``b`` closes."""
        (quote, bracket), (unquote, unbracket) = self.opens[a], self.closes[b]
        f = []
        if quote and unquote:
            f.append("quote_closes")
        if bracket and unbracket:
            f.append("bracket_closes")
        return f

    def far_starts(self, block_end: bool) -> list[int]:
        """The lines, in order, that may carry on from afar a line that stops mid-sentence (see
        ``_candidates``): those opening with a mark, and at a block's end also the first lines of blocks
        a first reading took for carried-on text."""
        found = self._far.get(block_end)
        if found is None:
            found = self._far[block_end] = [
                b for b in range(len(self.units))
                if self.shapes[b].start not in NEW_TEXT and self.units[b].indent < 1
                and (self.shapes[b].start == "punct" or (block_end and (b == 0 or self.units[b].blank_before > 0)
                                                         and (self.labels is None or self.labels[b] == "C")))]
        return found

    def ends_elsewhere(self, b: int) -> bool:
        """Line ``b`` opens an article's last piece (a byline glued to its last line, a few lines down at
        most) and yet text of an article goes on under that piece: an article's end printed inside
        another one (``覆盖全市320所中小学…。（某乙）`` amid an article on a market day)."""
        return b in self._piece_ends()

    def piece_end(self, b: int) -> int | None:
        """The last line of the article's last piece that line ``b`` opens (see ``ends_elsewhere``)."""
        return self._piece_ends().get(b)

    def ending_pieces(self) -> list[int]:
        """The lines, in order, that open an article's last piece printed inside another article."""
        return list(self._piece_ends())

    def _piece_ends(self) -> dict[int, int]:
        """Every line that opens an article's last piece printed elsewhere, with the piece's last line (in
        line order; worked out once, asked about for every pair tied)."""
        if self._endings is None:
            self._endings = {}
            for b in range(len(self.units)):
                e = self._piece_end_of(b)
                if e is not None:
                    self._endings[b] = e
        return self._endings

    def _piece_end_of(self, b: int) -> int | None:
        labels = self.labels
        if labels is None or labels[b] not in ("P", "C") or self.shapes[b].start in NEW_TEXT \
                or opens_a_paragraph(self.texts[b]):
            return None  # a piece that opens a sentence of its own goes on no text cut off elsewhere
        e = b
        while not self.shapes[e].glued and e - b < PIECE and e + 1 < len(labels) and labels[e + 1] == "C" \
                and not self.units[e + 1].blank_before:
            e += 1
        if not self.shapes[e].glued or e + 1 >= len(labels) or labels[e + 1] not in ("P", "C") \
                or self.shapes[e + 1].start == "punct" or self.shapes[e + 1].heading:
            # text under it that opens mid-sentence is another article's, carried on from elsewhere; a line
            # shaped as a headline under a byline opens the next article, whatever a first reading said
            return None
        return e

    def _block_features(self, a: int, b: int, d: int) -> list[str]:
        """Blank lines, indentation, headings and what a first reading took each line for."""
        sa, sb = self.shapes[a], self.shapes[b]
        f = []
        if d == 1:
            f.append(f"blank={'1' if self.units[b].blank_before else '0'}")
        if sb.heading:
            f.append("b_heading")
            f.append(f"ae|bhead={sa.end}")
        if self.labels is not None:
            la, lb_ = self.labels[a], self.labels[b]
            f += [f"al={la}", f"bl={lb_}", f"ae|bl={sa.end}|{lb_}", f"al|bl={la}|{lb_}"]
        a_end = a + 1 >= len(self.units) or self.units[a + 1].blank_before > 0
        b_start = b == 0 or self.units[b].blank_before > 0
        if a_end or b_start:
            f.append(f"blocks={int(a_end)}{int(b_start)}|{sa.end}")  # block to block: a column read out of turn
        if self.units[b].indent >= 1:
            f.append("b_indent")
        return f


PERIODS = (1, 2, 3, 4)  # columns a tool may interleave line by line

@dataclass(frozen=True)
class PeriodModel:
    """The hidden Markov model of interleaving (fitted with the link scorer; see ``tools/fit/fit_order.py``)."""

    hit_true: float = 0.57  # share of true successors whose junction shows a word or page pair
    hit_false: float = 0.08  # the same share for lines that do not follow each other
    switch: float = 0.02  # chance that the interleaving changes between two lines
    start_other: float = 0.1  # chance that a page starts interleaved
    # how much a line's vote counts when it is the pair scorer's log-odds that the line k further goes on
    # from it (None: the vote is only whether the junction shows a word or page pair)
    sharpness: float | None = None


def local_period(ctx: Context, pm: PeriodModel | None = None, model: OrderModel | None = None) -> list[int]:
    """Every how many lines a line's text goes on: a small hidden Markov model over the page.

    Where two or three columns are interleaved line by line, the line that
    carries a line's sentence on is two or three lines further.  A single
    junction says little, but the period that a run of lines keeps to stands
    out: each line votes for the distances at which the line there reads on from
    it, and the period may change only rarely.  With a fitted ``sharpness`` and
    the pair scorer, every line but furniture votes with the scorer's log-odds
    for the line k further were it right under it (a paragraph's last line votes
    for its column's next paragraph too); otherwise only lines that stop
    mid-sentence vote, by whether the junction shows words carried on.
    """
    n = len(ctx.units)
    if not ctx.wrapped or n < 4:
        return [1] * n
    pm = pm or PeriodModel()
    if pm.sharpness is not None and model is not None:
        emit = _scored_votes(ctx, model, pm.sharpness)
    else:
        emit = _junction_votes(ctx, pm)
    return [PERIODS[j] for j in _viterbi_periods(emit, pm)]


def _junction_votes(ctx: Context, pm: PeriodModel) -> list[list[float]]:
    """Each line's log-likelihood of every period: does the junction with the line k further show words
    carried on (lines that stop mid-sentence only)."""
    n = len(ctx.units)
    lt, lf = math.log(pm.hit_true / pm.hit_false), math.log((1 - pm.hit_true) / (1 - pm.hit_false))
    emit = []
    for a in range(n):
        if ctx.shapes[a].end not in ("none", "clause"):
            emit.append([0.0] * len(PERIODS))
            continue
        emit.append([(lt if ctx.carries_on(a, a + k) else lf) if a + k < n else 0.0 for k in PERIODS])
    return emit


def _scored_votes(ctx: Context, model: OrderModel, sharpness: float) -> list[list[float]]:
    """Each line's vote for every period: ``sharpness`` times the pair scorer's log-odds that the line k
    further would carry it on were it right under it (furniture does not vote)."""
    n = len(ctx.units)
    emit = []
    for a in range(n):
        if (ctx.labels is not None and ctx.labels[a] == "F") or ctx.shapes[a].end not in ("none", "clause"):
            emit.append([0.0] * len(PERIODS))
            continue
        row = []
        for k in PERIODS:
            if a + k >= n:
                row.append(0.0)
                continue
            p = min(max(model.probability(ctx.features(a, a + k, adjacent=True)), 1e-4), 1 - 1e-4)
            row.append(sharpness * math.log(p / (1 - p)))
        emit.append(row)
    return emit


def _viterbi_periods(emit: list[list[float]], pm: PeriodModel) -> list[int]:
    """The most likely period index of every line: votes added up, a change of period costing ``switch``."""
    m = len(PERIODS)
    stay, move = math.log(1 - pm.switch), math.log(pm.switch / (m - 1))
    score = [(0.0 if k == 1 else math.log(pm.start_other)) + emit[0][j] for j, k in enumerate(PERIODS)]
    back = []
    for row_votes in emit[1:]:
        row, ptr = [], []
        for j in range(m):
            best_i = max(range(m), key=lambda i: score[i] + (stay if i == j else move))
            row.append(score[best_i] + (stay if best_i == j else move) + row_votes[j])
            ptr.append(best_i)
        score = row
        back.append(ptr)
    j = max(range(m), key=lambda i: score[i])
    path = [j]
    for ptr in reversed(back):
        j = ptr[j]
        path.append(j)
    path.reverse()
    return path


NEW_TEXT = ("agency", "time", "reporter", "dash", "byl")  # starts that never carry on a sentence


def _candidates(ctx: Context, a: int) -> list[int]:
    """Lines that may carry ``a`` on: the lines around it, and — for a line that stops mid-sentence
    at the end of its block — the first lines of other blocks that start mid-sentence themselves
    (a column read out of turn)."""
    n = len(ctx.units)
    out = [b for b in range(max(0, a - BEHIND), min(n, a + AHEAD + 1)) if b != a]
    if ctx.open_end(a):
        far = ctx.far_starts(a + 1 >= n or ctx.units[a + 1].blank_before > 0)
        # within FAR lines either side, but beyond the AHEAD lines around it (already in)
        out += far[bisect_left(far, a - FAR):bisect_left(far, a - AHEAD)]
        out += far[bisect_right(far, a + AHEAD):bisect_right(far, a + FAR)]
        # an article's last piece printed inside another article, wherever it stands
        out += [b for b in ctx.ending_pieces() if b > a + AHEAD or b < a - BEHIND]
    return out


def link(ctx: Context, model: OrderModel) -> tuple[list[int | None], dict[tuple[int, int], float]]:
    """Successor of each line (or None), best links first; and the probability of every link taken."""
    n = len(ctx.units)
    scored: dict[tuple[int, int], float] = {}
    for a in range(n):
        if a + 1 < n and not _never(ctx, a, a + 1):
            p1 = ctx.probability(model, a, a + 1)
            scored[(a, a + 1)] = p1
            if (not ctx.open_end(a) or (not ctx.wrapped and ctx.shapes[a].heading)) and (
                    p1 >= SURE_NEXT or not ctx.wrapped):
                # a finished line read straight on, or a whole paragraph: nothing else is looked at (most
                # lines of a page; out of order, a paragraph's pieces are found from the piece cut short)
                continue
        for b in _candidates(ctx, a):
            if b == a + 1 or _never(ctx, a, b):
                continue
            scored[(a, b)] = ctx.probability(model, a, b)
    # each line chooses among its candidate successors, and each line among its candidate predecessors:
    # a link both ends prefer is taken first
    out_sum = [0.0] * n
    in_sum = [0.0] * n
    for (a, b), p in scored.items():
        out_sum[a] += p
        in_sum[b] += p
    mutual = {(a, b): math.sqrt((p / out_sum[a]) * (p / in_sum[b])) for (a, b), p in scored.items()
              if p >= LINK_MIN}
    for a in _headlines_run_on(ctx):
        mutual[(a, a + 1)] = 2.0  # a headline set over two lines is read as printed
        scored.setdefault((a, a + 1), 1.0)
    succ: list[int | None] = [None] * n
    pred: list[int | None] = [None] * n
    head = list(range(n))  # head of each line's chain
    taken: dict[tuple[int, int], float] = {}
    for (a, b), _ in sorted(mutual.items(), key=lambda kv: -kv[1]):
        if succ[a] is not None or pred[b] is not None:
            continue
        ha = _find(head, a)
        if _find(head, b) == ha:
            continue  # would close a loop
        succ[a], pred[b] = b, a
        head[_find(head, b)] = ha
        taken[(a, b)] = scored[(a, b)]
    _tie_loose_ends(ctx, scored, succ, pred, head, taken)
    return succ, taken


def _headlines_run_on(ctx: Context) -> list[int]:
    """Headline lines whose next line the first reading took for the headline's second line, where the
    page is read line by line in one column (``某市老科协赴某县`` / ``开展专题调研``): nothing else is
    carried on into a headline's second line."""
    if ctx.labels is None:
        return []
    n = len(ctx.units)
    return [a for a in range(n - 1) if ctx.labels[a] == "T" and ctx.labels[a + 1] == "TC"
            and ctx.units[a + 1].blank_before == 0 and _headline_shaped(ctx.shapes[a])
            and _headline_shaped(ctx.shapes[a + 1]) and not _goes_on_from_above(ctx, a + 1)]


def _goes_on_from_above(ctx: Context, b: int) -> bool:
    """A line just above ``b``'s predecessor stops mid-sentence where ``b`` carries it on (lines of
    two columns read alternately: ``…大赛在阆中`` / headline / ``市湿地公园举``)."""
    return any(ctx.open_end(a) and ctx.carries_on(a, b) for a in (b - 2, b - 3) if a >= 0)


def _headline_shaped(shape: Shape) -> bool:
    """A line a headline may be set on: heading-shaped, no full stop inside, not run to the column edge
    (a body line of another column read in between is none of these)."""
    return shape.heading and "stop" not in shape.punct and not shape.full


def _never(ctx: Context, a: int, b: int) -> bool:
    """Pairs that text never makes: a sentence does not run on into a headline, and — where lines are
    whole paragraphs or pieces, not printed lines — a piece that starts mid-sentence does not follow a
    finished sentence or a furniture line (``图为…`` | ``覆盖全市…``: the piece goes on from elsewhere)."""
    if ctx.labels is None:
        return False
    if not ctx.wrapped and ctx.labels[b] == "C" and (ctx.labels[a] == "F" or not ctx.open_end(a)):
        return True
    if (ctx.labels[b] == "F" or ctx.labels[a] == "F") and b != a + 1:
        return True  # furniture is read where it stands; no text is carried on into it or out of it from afar
    return _never_across_articles(ctx, a, b)


def _never_across_articles(ctx: Context, a: int, b: int) -> bool:
    """Pairs that run from one article into the next the wrong way: a sentence cut short into a headline,
    a kicker, a reporter line or a news lead; a headline into another headline's first line; finished
    text from afar into a lead (本报讯 …), which opens its article under the headline."""
    labels = ctx.labels
    assert labels is not None
    cut = ctx.open_end(a) and _running_text(ctx, a)
    # a line shaped as a headline under no open sentence may stand over a lead though it runs to the column
    # edge (``第2版`` | ``某县开展科技工作者日慰问活动`` | ``本报讯 …``: two columns read line by line)
    headline = ctx.shapes[a].heading and labels[a] != "C" and _nothing_runs_into(ctx, a)
    if cut and (labels[b] in ("T", "K", "R") or (ctx.shapes[b].start == "agency" and not headline)):
        return True
    if labels[a] in ("T", "TC") and labels[b] == "T":
        return True
    return ctx.shapes[b].start == "agency" and labels[a] in ("P", "C") and labels[b] in ("P", "C") and b != a + 1 \
        and not headline


def _nothing_runs_into(ctx: Context, a: int) -> bool:
    """No sentence left open runs into line ``a`` from the line above it in its own column (the line a
    period of interleaving above): the page's top, furniture, or a finished sentence stands there."""
    above = a - max(1, ctx.period[a])
    return above < 0 or (ctx.labels is not None and ctx.labels[above] == "F") or not ctx.open_end(above)


def _running_text(ctx: Context, a: int) -> bool:
    """Line ``a`` is running text, not a headline's line: not shaped as a headline, or run to the column
    edge where the first reading took it for text (``…存在问题和困难以及下一步工作安排进行了``: no mark
    inside, so headline-shaped, but a body line cut at the column's foot), or holding a comma where the
    first reading took it for text (``活动将持续到10月底，预计``: a short piece cut off mid-sentence)."""
    shape = ctx.shapes[a]
    text = ctx.labels is not None and ctx.labels[a] in ("P", "C")
    return not shape.heading or (text and (shape.full or "comma" in shape.punct))


def _tie_loose_ends(ctx: Context, scored, succ, pred, head, taken) -> None:
    """Text that stops mid-sentence goes on somewhere, and a line that starts mid-sentence comes from
    somewhere: lines left with such a loose end are paired, most likely pairs first, even where no pair
    looked likely enough on its own (a column read out of turn, its top far from its start)."""
    if ctx.labels is None:
        return
    ends, starts = _loose_ends(ctx, succ, pred)
    loose = sorted(((p, a, b) for (a, b), p in scored.items() if a in ends and b in starts), reverse=True)
    for p, a, b in loose:
        moved = ctx.ends_elsewhere(b)  # an article's last piece, read where nothing runs on into it
        if succ[a] is not None or (pred[b] is not None and not (moved and _parted(ctx, pred[b]))):
            continue
        ha = _find(head, a)
        if _find(head, b) == ha and not moved:  # (a line that ends its article will lead nowhere: no loop)
            continue
        if moved:
            _lift_out(ctx, succ, pred, b)
        succ[a], pred[b] = b, a
        head[_find(head, b)] = ha
        taken[(a, b)] = max(p, TIED)


def _parted(ctx: Context, a: int) -> bool:
    """Nothing runs on from line ``a`` into the line read after it: ``a`` is furniture or finishes its
    sentence."""
    assert ctx.labels is not None
    return ctx.labels[a] == "F" or ctx.shapes[a].end in ("sent", "closer")


def _lift_out(ctx: Context, succ, pred, b: int) -> None:
    """Take an article's last piece, opened by line ``b``, out of the text it was read in: it leads nowhere
    now, and the text read before it goes on in what was read after it (a caption or credit above it,
    read where it stands, leads into nothing)."""
    assert ctx.labels is not None
    end = ctx.piece_end(b)
    last = b
    while last != end and succ[last] == last + 1:  # the piece as it was read, line by line
        last += 1
    before, after = pred[b], succ[last]
    succ[last] = pred[b] = None
    if after is not None:
        pred[after] = None
    if before is None:
        return
    succ[before] = None
    if after is not None and ctx.labels[before] != "F" and not _never(ctx, before, after):
        succ[before], pred[after] = after, before


def _loose_ends(ctx: Context, succ, pred) -> tuple[set[int], set[int]]:
    """Lines with nothing after them that must go on (text cut mid-sentence, a headline over no text of
    its own), and lines with nothing before them that must come from somewhere (text that starts
    mid-sentence; a lead, reporter line or 副题, which stand under a headline)."""
    labels = ctx.labels
    assert labels is not None
    n = len(ctx.units)
    ends = {a for a in range(n) if succ[a] is None and (
        (ctx.open_end(a) and _running_text(ctx, a) and labels[a] in ("P", "C")) or _heads_nothing(ctx, a))}
    starts = {b for b in range(n) if (pred[b] is None or (ctx.ends_elsewhere(b) and _parted(ctx, pred[b]))) and (
        labels[b] == "C" or ctx.ends_elsewhere(b) or (
        labels[b] in ("P", "R", "S") and ctx.shapes[b].start in ("agency", "reporter", "time", "dash")))}
    return ends, starts


def _heads_nothing(ctx: Context, a: int) -> bool:
    """A headline's last line with no line of its own under it (the next line starts another headline)."""
    labels = ctx.labels
    assert labels is not None
    return labels[a] in ("T", "TC") and (a + 1 >= len(labels) or labels[a + 1] not in ("TC", "S", "R", "K"))


def _find(head: list[int], i: int) -> int:
    while head[i] != i:
        head[i] = head[head[i]]
        i = head[i]
    return i


def chains(succ: list[int | None]) -> list[list[int]]:
    """Lines in the order their chains are read: each chain from its first line, chains by first line."""
    n = len(succ)
    has_pred = [False] * n
    for b in succ:
        if b is not None:
            has_pred[b] = True
    out = []
    seen = [False] * n
    for i in range(n):
        if has_pred[i] or seen[i]:
            continue
        chain = []
        j: int | None = i
        while j is not None and not seen[j]:
            seen[j] = True
            chain.append(j)
            j = succ[j]
        out.append(chain)
    return out


def shapes_for(units: list[Unit], convention: Convention) -> list[Shape]:
    from .features import shapes_of

    return shapes_of(units, convention)


def _row_cells(units: list[Unit], text: str) -> tuple[list[float], bool, ColumnEdges]:
    """Where each piece of a side-by-side page starts, in cells, whether a cell is half a Han character
    (a tool that pads to the printed width) rather than one character (``pdftotext -layout``) — whichever
    measure the pieces keep to cleaner column edges in — and those edges."""
    from .bands import keep_to_edges

    starts = [0]
    for k, ch in enumerate(text):
        if ch == "\n":
            starts.append(k + 1)
    by_char = [float(u.start - starts[u.number - 1]) for u in units]
    by_width = [2 * u.x for u in units]
    char_edges, width_edges = keep_to_edges(by_char), keep_to_edges(by_width)
    if width_edges.share > char_edges.share:
        return by_width, True, width_edges
    return by_char, False, char_edges


def rows_layout(units: list[Unit], text: str) -> tuple[list[int], list[float]]:
    """The pieces of a page whose rows hold columns side by side (``pdftotext -layout``): their positions
    in the order a reader takes the columns, and the indent of each.

    Order: the page's rows and character cells are laid out as a printed page (a cell one unit wide, a
    row one unit high) and cut into regions the way a printed page is (see ``reading``), band by band
    where one pair of columns stands right under another (see ``bands``); each piece is placed by the
    cell it starts in.  Indents: measured from each piece's column edge — the gutter before a right-hand
    piece swallows its paragraph indent, which only the edge gives back (``甲栏……    　　乙栏新段`` → the
    乙 piece is indented); as printed unless the page keeps to clean column edges.
    """
    from .bands import CLEAN_SHARE, INDENT_CELLS, bands
    from .glyphs import Glyph, PrintedLine
    from .lines import char_width
    from .reading import xy_order

    xs, wide, edges = _row_cells(units, text)
    printed = []
    ends = list(xs)
    for pos, u in enumerate(units):
        x, y = xs[pos], float(u.number)
        glyphs = []
        for ch in u.text:
            w = 2 * char_width(ch) if wide else 1.0
            glyphs.append(Glyph(ch, x, y, x + w, y + 0.8, size=1.0))
            x += w
        ends[pos] = x
        if glyphs:
            printed.append(PrintedLine(tuple(glyphs), 1.0, source_order=pos))
    band_of = bands([u.number for u in units], xs, edges, ends) or [0] * len(units)
    order = []
    for band in sorted(set(band_of)):
        lines = [p for p in printed if band_of[p.source_order] == band]
        order += [line.source_order for leaf in xy_order(lines, [], 1.0) for line in leaf]
    seen = set(order)
    order += [pos for pos in range(len(units)) if pos not in seen]
    indents = [u.indent for u in units]
    if edges.share >= CLEAN_SHARE:
        indents = [max(u.indent, INDENT_CELLS / 2) if edges.offset(k, xs) == INDENT_CELLS else u.indent
                   for k, u in enumerate(units)]
    return order, indents


def rows_order(units: list[Unit], text: str) -> list[int]:
    """The reading order of a side-by-side page's pieces (see ``rows_layout``)."""
    return rows_layout(units, text)[0]


def rows_indents(units: list[Unit], text: str) -> list[float]:
    """The indent of every piece of a side-by-side page (see ``rows_layout``)."""
    return rows_layout(units, text)[1]


def reading_order(units: list[Unit], convention: Convention, shapes: list[Shape] | None = None,
                  labels: list[str] | None = None, text: str | None = None) -> tuple[list[Unit], tuple]:
    """The lines in reading order, and ``(confidence, message)`` describing the change (empty: none)."""
    if len(units) < 3:
        return units, ()
    if convention.name == SIDE_BY_SIDE and text is not None:  # when the caller has not laid the rows out
        base = rows_order(units, text)
        units = [units[k] for k in base]
        shapes = [shapes[k] for k in base] if shapes is not None else None
        labels = [labels[k] for k in base] if labels is not None else None
    shapes = shapes or shapes_for(units, convention)
    fallback = local_widths(units, convention.stats.width if convention.stats else 0.0, convention.han_spaces)
    columns = [s.column or c for s, c in zip(shapes, fallback, strict=True)]
    model = load_order_model()
    ctx = Context(units, shapes, columns, convention.wrapped, model.period, labels, model)
    succ, taken = link(ctx, model)
    succ = restack(ctx, model, succ)  # bands of two columns read row by row, one under another
    succ = lead_after_headline(ctx, succ)  # a piece printed between a headline and its lead
    succ = lead_under_headline(ctx, succ)  # a headline over interleaved columns, read into the wrong one
    order = [i for chain in chains(succ) for i in chain]
    result = [units[i] for i in order]
    if all(a.index < b.index for a, b in pairwise(result)):
        return result, ()
    return result, _describe_moves(units, order, taken)


def _describe_moves(units: list[Unit], order: list[int], taken: dict[tuple[int, int], float]) -> tuple:
    """``(confidence, message)`` of a new order: the mean probability of the links that moved a line, and
    which raw lines moved."""
    raw = sorted(u.index for u in units)
    moved = [i for k, i in enumerate(order) if units[i].index != raw[k]]
    moved_links = [p for (a, b), p in taken.items() if b != a + 1]
    confidence = sum(moved_links) / len(moved_links) if moved_links else 0.6
    numbers = [units[i].number for i in moved] or [units[0].number]
    first, last = min(numbers), max(numbers)
    return (confidence, message("order.moved", first=first, last=last, count=len(moved)))


__all__ = ["reading_order", "line_end", "line_start"]
