"""Text printed twice: repeated lines, paragraphs and headlines, exact or with an OCR slip.

Damage repaired:
- printed lines read twice where two screenshots or crops overlapped
  (``…甲乙丙`` at the end of one crop, ``甲乙丙…`` again at the top of the next);
- an identical paragraph twice in a row;
- a run of an article repeated after the article, or at the page end or its
  article's foot and cut off mid-sentence (by the next headline);
- a continuation printed ahead of its headline and again in place (a kicker or
  a column title may stand between the copy and the headline);
- a headline printed twice;
- the two copies wrapped differently on a hard-wrapped page.

Of each pair the copy in reading position stays.  A copy right after its twin
goes (read twice), and before any other repeat is looked for (a passage read
twice and printed again elsewhere is matched with the passage); a copy cut off
at the page end goes; otherwise the copy that
stands outside the flow of the text goes (see :func:`Places.strayness`): after
an article's end, before a headline or the page end, ahead of the headline of
the article its twin stands in, ending mid-sentence with nothing to carry it on.
When both copies stand in the flow, the text is a stock phrase two articles
share (``与会代表纷纷表示…``, a 小标题, a reporter's name) and both stay.

Candidates come from an index of character n-grams of the page's text stream,
so a 10 MB page costs a few look-ups per line; a key found at too many places
is boilerplate and gives no candidates, and only the nearest places are
checked, which bounds the work on repetitive text.  rapidfuzz verifies each
candidate; a run of repeated lines then grows line by line from it.

Example: ``[甲, 乙, 丙, 乙, 丙, 丁]`` where the second ``乙, 丙`` follows the first
right away → drop the second.
"""
from __future__ import annotations

import bisect
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import NamedTuple

from rapidfuzz.distance import Indel, LCSseq, Levenshtein

from . import furniture as fz
from .features import Shape
from .lexicon import WORD_ACROSS, cuts_a_word
from .messages import Message, message
from .text import CLOSING, FULL_STOP, glued_byline, plausible_share

GRAM = 6  # characters per index key: rarer than any stock word, short enough to fall between OCR slips
STEP = 3  # keys are indexed at every third offset of the stream …
PROBES = 4  # … and a line probes the keys at its first 4 × 3 offsets (one slip still leaves a clean key)
SHORT_LINE = GRAM + STEP - 1  # a line shorter than this may hold no indexed key: it is looked up whole
COMMON_KEY = 24  # a key found at more places than this is boilerplate, not evidence
CHECKS = 12  # places verified per line, nearest first: a copy on one page lies near; the rest bounds the work
WINDOW = 4000  # lines: a copy is looked for within a page's reach (bounds the index on huge inputs)
MIN_LEN = 4  # shorter lines are never called repeats on their own, only inside a run
NEAR_EDITS = 2  # OCR look-alikes differ in 1–2 characters
MIN_RUN_CHARS = 10  # a repeated run shorter than this could be a stock phrase
PIECE_MIN = 16  # a single line repeating text inside another line's needs this many characters
NOISE_SHARE = 0.6  # the share of plausible characters under which ``features`` calls a line noise
LOOK = 60  # lines of other candidate copies looked through for a neighbour (a stack of copies at the page end)
PASSES = 6  # decisions are revisited this often: a dropped copy can clear up where a neighbouring copy stands
BYLINE_SPLIT = 12  # characters of the line above looked at for the start of a wrapped glued byline
WRAPPED_RUN_LINES = 3  # on a hard-wrapped page a repeat away from its twin takes this many printed lines …
WRAPPED_RUN_CHARS = 30  # … and this many characters (or a paragraph whole in both copies)
STRAY = 2  # a copy goes only when it stands at least this far outside the flow (see ``Places.strayness``) …
PAGE_FOOT = (fz.EDITOR_LINE, fz.PAGE_NUMBER)  # furniture a page ends with: no article's text goes on under it
STACK_LINES = 8  # copies stacked at the page's foot are looked for this many lines up (bounds the work)
INSET_LINES = 2  # a caption and its credit may stand inside a copy (``_on_under_an_inset``)
TAIL_LINES = 1  # a paragraph's tail printed again is looked for one line long (longer ones are stock phrases as often)
MARGIN = 2  # … and this much further than its twin; a smaller difference is no evidence at all


def norm(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", s).split())


def compare(x: str, y: str) -> tuple[str, int] | None:
    """How ``y`` repeats ``x`` (or the reverse): ``exact``, ``near`` (edits) or ``truncated``; else None.

    >>> compare("一是要围绕发展", "一是要围绕发展战略目标")
    ('truncated', 0)
    >>> compare("修剪课在青石村开讲,前来听课的果农有30余名", "修剪课在青石村开讲,前来听课的果农有3O余名")
    ('near', 1)
    """
    if x == y:
        return "exact", 0
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    if len(short) < MIN_LEN:
        return None
    limit = _limit(len(short))
    if abs(len(x) - len(y)) <= 1:
        d = Levenshtein.distance(x, y, score_cutoff=limit)
        if d <= limit and not (d > 1 and _word_changed(x, y)):
            return ("near", d) if d else ("exact", 0)
    if 4 <= len(short) < 8 and long_.startswith(short):
        return "truncated", 0
    if len(short) >= 8:
        d = Levenshtein.distance(short, long_[: len(short)], score_cutoff=limit)
        if d <= limit and short[-2:] == long_[len(short) - 2: len(short)] \
                and not (d > 1 and _word_changed(short, long_[: len(short)])):
            return "truncated", d  # a cut copy ends where the page or crop ended: its last characters agree
    return None


def _word_changed(x: str, y: str) -> bool:
    """Two neighbouring characters differ: another word (a place name in a stock sentence, ``东山县`` /
    ``西河县``), not OCR slips, which misread single characters here and there (``己``/``已``).

    >>> _word_changed("为让培训落到实处，东山县科协", "为让培训落到实处，西河县科协")
    True
    >>> _word_changed("前来听课的果农有30余名", "前来听课的果农有3O余人")
    False
    """
    pos = sorted(op.src_pos for op in Levenshtein.editops(x, y))
    return any(b - a <= 1 for a, b in pairwise(pos))


def _limit(n: int) -> int:
    """Edits two readings of ``n`` characters may differ by: none in a short line (a slip there changes
    a word), one from 8 characters, two from 16."""
    return NEAR_EDITS if n >= 16 else (1 if n >= 8 else 0)


class Stream:
    """The page's lines as one string without white space, each line's stretch of it known.

    A paragraph printed twice may be wrapped differently each time, so a copy
    is looked for in the stream, not line against line.  Lines that cannot
    repeat (furniture, OCR noise) take no room, so a copy runs on past a
    caption printed inside its twin.
    """

    def __init__(self, texts: list[str], eligible: list[bool]):
        parts, self.starts, self.ends, pos = [], [], [], 0
        for t, ok in zip(texts, eligible, strict=True):
            self.starts.append(pos)
            if ok:
                parts.append(t)
                pos += len(t)
            self.ends.append(pos)
        self.text = "".join(parts)
        self.texts = texts
        # on repetitive text the copies of a line are checked against the same places again and again
        self._matches: dict[tuple[str, int], Match | None] = {}

    def match_at(self, x: str, at: int) -> Match | None:
        """:func:`_match_at` in this stream, each line text and place worked out once."""
        key = (x, at)
        if key in self._matches:
            return self._matches[key]
        m = self._matches[key] = _match_at(x, self.text, at)
        return m

    def line_at(self, offset: int) -> int:
        """The line holding stream ``offset`` (the last of several empty ones)."""
        k = bisect.bisect_right(self.starts, offset) - 1
        return k if k > 0 else 0

    def index(self, lo: int, hi: int) -> dict[str, list[int]]:
        """Keys at every ``STEP``-th offset of lines ``lo``…``hi`` (at most ``COMMON_KEY`` + 1 places each)."""
        out: dict[str, list[int]] = defaultdict(list)
        t = self.text
        if hi <= lo:
            return out
        for q in range(self.starts[lo], max(0, self.ends[hi - 1] - GRAM + 1), STEP):
            lst = out[t[q:q + GRAM]]
            if len(lst) <= COMMON_KEY:
                lst.append(q)
        return out


class Match(NamedTuple):
    """Line text stands in the stream at ``[at, end)`` (a tuple: a page makes one for every line looked up)."""

    at: int
    end: int
    kind: str  # exact / near
    edits: int


def _match_at(x: str, stream: str, at: int) -> Match | None:
    """Does line text ``x`` stand in ``stream`` at ``at`` (a character dropped or added allowed, and in
    a line of 8 characters or more an OCR slip or two, see :func:`compare`)?"""
    n = len(x)
    if stream.startswith(x, at):
        return Match(at, at + n, "exact", 0)
    if n < MIN_LEN:  # too short for a slip to be told from another word
        return None
    for st in (at - 1, at + 1):
        if st >= 0 and stream.startswith(x, st):
            return Match(st, st + n, "exact", 0)
    if n < 8 or n - LCSseq.similarity(x, stream[max(0, at - 1):at + n + 2]) > _limit(n):
        # every segment tried below lies in that stretch, and a segment within ``limit`` edits of ``x``
        # shares at least ``n - limit`` characters in order with it: one comparison rules out all nine
        return None
    best = None
    for shift in (0, -1, 1):
        st = at + shift
        if st < 0:
            continue
        for extra in (0, -1, 1):
            seg = stream[st:st + n + extra]
            if len(seg) < n - 1:
                continue
            limit = _limit(min(n, len(seg)))
            d = Levenshtein.distance(seg, x, score_cutoff=limit)
            if d <= limit and (best is None or d < best.edits) and not (d > 1 and _word_changed(seg, x)):
                best = Match(st, st + len(seg), "near", d)
    return best


def _match_before(x: str, stream: str, end: int) -> Match | None:
    """Does line text ``x`` stand in ``stream`` right before ``end`` (give or take a character)?"""
    n = len(x)
    lo = end - n - 2  # the three guesses below try no place before this one …
    if lo >= 0 and x not in stream[lo:end + 2] and (n < 8 or n - LCSseq.similarity(x, stream[lo:end + 3]) > _limit(n)):
        return None  # … and no segment past ``end + 3``: most lines of a page are no copy, and say so at once
    for guess in (end - len(x), end - len(x) - 1, end - len(x) + 1):
        m = _match_at(x, stream, guess)
        if m is not None and abs(m.end - end) <= 1:
            return m
    return None


@dataclass
class Run:
    """Consecutive later lines ``second`` repeating the stream's text ``[start, end)`` (the earlier copy).

    ``matches[k]`` says where ``second[k]`` stands in the earlier copy.
    """

    second: list[int]
    matches: list[Match]
    start: int = 0
    end: int = 0
    first: list[int] = field(default_factory=list)  # earlier lines the stretch covers (wholly or in part)
    whole_first: bool = True  # the stretch starts and ends at line ends of the earlier copy

    @property
    def chars(self) -> int:
        return self.end - self.start


def find_pairs(texts: list[str], eligible: list[bool]) -> tuple[dict[int, list[Match]], Stream]:
    """For every line, the places earlier in the page's stream where its text stands (nearest first)."""
    stream = Stream(texts, eligible)
    out: dict[int, list[Match]] = {}
    n = len(texts)
    for lo in range(0, max(1, n), WINDOW):
        index = stream.index(max(0, lo - WINDOW), min(n, lo + WINDOW))
        whole: dict[str, list[int]] = defaultdict(list)  # short lines, looked up whole
        keyed: dict[str, list[int]] = {}  # a long line's places by its keys, the same for each of its copies
        for a in range(max(0, lo - WINDOW), lo):
            _note_short(a, texts, eligible, whole)
        for b in range(lo, min(n, lo + WINDOW)):
            found = _places_of(b, texts, eligible, stream, index, whole, keyed)
            if found:
                out[b] = found
            _note_short(b, texts, eligible, whole)
    return out, stream


def _note_short(a: int, texts, eligible, whole) -> None:
    t = texts[a]
    if eligible[a] and MIN_LEN <= len(t) < SHORT_LINE and len(whole[t]) <= COMMON_KEY:
        whole[t].append(a)


def _places_of(b: int, texts, eligible, stream: Stream, index, whole, keyed=None) -> list[Match]:
    x = texts[b]
    if not eligible[b] or len(x) < MIN_LEN:
        return []
    sb = stream.starts[b]
    if len(x) >= SHORT_LINE and keyed is not None:  # found by its keys alone: as its copies were
        nearest = keyed.get(x)
        if nearest is None:
            nearest = keyed[x] = _keyed_places(x, index, set())
    else:
        places: set[int] = set()
        if len(x) < SHORT_LINE:  # a short line (a 小标题, a byline, a headline's tail) repeats only whole
            lines = whole.get(x, ())
            if len(lines) <= COMMON_KEY:
                places.update(stream.starts[a] for a in lines)
        nearest = _keyed_places(x, index, places)
    out = []
    last = sb - len(x) + 1  # the latest place a copy may start and still end before this line
    k = bisect.bisect_left(nearest, -last, key=int.__neg__)
    for at in nearest[k:k + CHECKS]:
        if at < 0:
            break
        m = stream.match_at(x, at)
        if m is not None and m.end <= sb:
            out.append(m)
    return out


def _keyed_places(x: str, index, places: set[int]) -> list[int]:
    """``places`` with the places the keys of ``x`` find it at, latest first."""
    if len(x) >= GRAM:
        for j in range(min(PROBES * STEP, len(x) - GRAM + 1)):  # several keys: a slip in one misses it
            hits = index.get(x[j:j + GRAM], ())
            if len(hits) <= COMMON_KEY:
                places.update(map((-j).__add__, hits))
    return sorted(places, reverse=True)


def build_runs(found: dict[int, list[Match]], stream: Stream, eligible: list[bool], places: Places) -> list[Run]:
    """Grow each found place into the longest run of consecutive later lines that go on repeating the
    text after it (and before it), wrapped the same or not; a headline in it is judged on its own."""
    texts = stream.texts
    n = len(texts)
    covered: set[tuple[int, int]] = set()
    runs = []
    for b in sorted(found):
        for m in found[b]:
            if (b, m.at) in covered:
                continue
            run = Run([b], [m])
            # forward: the next line stands where this copy goes on; the earlier copy must end before
            # the later one begins
            nb = b + 1
            while nb < n:
                if not eligible[nb]:
                    nb += 1
                    continue
                nxt = stream.match_at(texts[nb], run.matches[-1].end)
                if nxt is None and len(run.second) >= 2:
                    nxt = _slip_inside(texts[nb], stream.text, run.matches[-1].end)
                if nxt is None:
                    nb, nxt = _on_under_an_inset(texts, eligible, stream, run, nb)
                if nxt is None or nxt.end > stream.starts[run.second[0]] or not texts[nb]:
                    break
                run.second.append(nb)
                run.matches.append(nxt)
                nb += 1
            # backward: short lines found by no key of their own (a paragraph's last word, a 小标题)
            pb = b - 1
            while pb >= 0:
                if not eligible[pb]:
                    pb -= 1
                    continue
                prv = _match_before(texts[pb], stream.text, run.matches[0].at)
                if prv is None or not texts[pb] or run.matches[-1].end > stream.starts[pb]:
                    break
                run.second.insert(0, pb)
                run.matches.insert(0, prv)
                pb -= 1
            covered.update((k, q.at) for k, q in zip(run.second, run.matches, strict=True))
            for piece in _split_at_headlines(run, stream, places):
                _place(piece, stream)
                if piece.first:
                    runs.append(piece)
    runs.sort(key=lambda r: (-r.chars, r.second[0]))
    return runs


def _slip_inside(x: str, stream: str, at: int) -> Match | None:
    """A short line (under 8 characters, where ``_match_at`` allows no slip) with one character misread,
    standing where a copy of two lines or more goes on: inside a copy the place says it is the same text
    (``等奖16O项。`` under ``…共评选出一等奖55项、二`` where the twin reads ``等奖160项。``)."""
    n = len(x)
    if not MIN_LEN <= n < 8:
        return None
    return Match(at, at + n, "near", 1) if Levenshtein.distance(x, stream[at:at + n], score_cutoff=1) == 1 else None


def _on_under_an_inset(texts: list[str], eligible: list[bool], stream: Stream, run: Run,
                       nb: int) -> tuple[int, Match | None]:
    """The line under an inset of up to ``INSET_LINES`` lines (a photo's caption and credit) set inside the
    later copy, and its match, where it goes on exactly where the copy stopped
    (``调研组先后考察了…标准化`` | ``技术人员在果园向群众讲解科普知识。`` | ``（县科协供图）`` | ``种植基地…``);
    else ``(nb, None)``."""
    k, skipped = nb + 1, 0
    end = run.matches[-1].end
    near = stream.text[max(0, end - 1):end + 2]  # where a line that goes on the copy starts, give or take one
    while k < len(texts) and skipped < INSET_LINES:
        if eligible[k] and len(texts[k]) >= MIN_LEN and texts[k][0] in near:
            m = stream.match_at(texts[k], end)
            if m is not None:
                return k, m
        skipped += eligible[k]
        k += 1
    return nb, None


def _split_at_headlines(run: Run, stream: Stream, places: Places) -> list[Run]:
    """The run cut around its headlines: a headline (with the rest of it on further lines) on either
    side is a repeat of its own, since the text after a headline is another copy's business.

    Example: stray copy ``[甲, 乙]`` then headline ``H``, and later the text ``[甲, 乙]`` then ``H`` printed
    again → the runs ``[甲, 乙]`` and ``[H]``, the first copy of each goes and the second copy of the other.
    Lines read twice at a column's foot (``[甲, 乙, H] [甲, 乙, H]``, the second copy right after the first,
    only its last line taken for a headline: a line cut at the foot) stay one run.
    """
    heads = [k for k, (b, m) in enumerate(zip(run.second, run.matches, strict=True))
             if _heads(b, stream.line_at(m.at), stream, places)]
    if heads == [len(run.second) - 1] and stream.line_at(max(run.matches[0].at, run.matches[-1].end - 1)) + 1 \
            == run.second[0]:
        return [run]  # lines read twice at a column's foot, one copy right after the other, the last headline-shaped
    out: list[Run] = []
    cur = Run([], [])
    in_head = False
    for b, m in zip(run.second, run.matches, strict=True):
        a = stream.line_at(m.at)
        starts_head = _heads(b, a, stream, places)
        goes_on = in_head and (b in places.title_more or a in places.title_more or len(stream.texts[b]) < MIN_LEN)
        if (starts_head or (in_head and not goes_on)) and cur.second:
            out.append(cur)
            cur = Run([], [])
        cur.second.append(b)
        cur.matches.append(m)
        in_head = starts_head or goes_on
    if cur.second:
        out.append(cur)
    return out


def _heads(b: int, a: int, stream: Stream, places: Places) -> bool:
    """Line ``b`` of a later copy, or the earlier line ``a`` it repeats, is a headline's first line; a line
    holding a full stop never is, whatever a first reading took it for (a short sentence under a photo's
    credit: ``方便群众随时提问。``)."""
    return (places.head[b] or places.head[a]) and FULL_STOP not in stream.texts[b]


def _place(run: Run, stream: Stream) -> None:
    """Which earlier lines the copy covers, and whether it starts and ends at their line ends."""
    run.start, run.end = run.matches[0].at, run.matches[-1].end
    lo, hi = stream.line_at(run.start), stream.line_at(max(run.start, run.end - 1))
    run.first = [k for k in range(lo, hi + 1) if stream.ends[k] > stream.starts[k]
                 and stream.ends[k] > run.start and stream.starts[k] < run.end]
    if run.first:
        run.whole_first = abs(stream.starts[run.first[0]] - run.start) <= 1 \
            and abs(stream.ends[run.first[-1]] - run.end) <= 1


@dataclass(frozen=True)
class Repeat:
    drop: tuple[int, ...]  # line positions of the copy to remove
    keep: tuple[int, ...]  # line positions of the copy that stays
    kinds: tuple[str, ...]  # per dropped line: exact / near / truncated
    edits: tuple[int, ...]
    confidence: float
    default: bool
    why: Message  # why this copy goes (``core.messages``)


class Lines(list):
    """The shapes of a page's lines, with what a first reading of the page found (where known):
    which lines are headlines and which are furniture."""

    def __init__(self, shapes: list[Shape], labels: list[str] | None = None, wrapped: bool = False,
                 block_starts: list[bool] | None = None):
        super().__init__(shapes)
        self.wrapped = wrapped
        self.block_starts = block_starts or [False] * len(shapes)
        self.labels = labels
        self.headlines = None if labels is None else frozenset(k for k, x in enumerate(labels) if x == "T")
        self.furniture = frozenset(k for k, x in enumerate(labels or ()) if x == "F")
        # the lines between a headline's block and its text: kicker, further headline lines, 副题, reporter
        self.heading_parts = frozenset(k for k, x in enumerate(labels or ()) if x in ("K", "TC", "S", "R"))
        self.bylines = frozenset(k for k, x in enumerate(labels or ()) if x == "B")


def _opens(s: Shape) -> bool:
    """Lines that only come right under a headline: a lead, a reporter line, a 副题."""
    return s.start in ("agency", "time", "reporter", "dash") or s.jump == "up"


def _lead(s: Shape) -> bool:
    """A lead's own opening (``本报讯``, a reporter line, a 副题); a time phrase opens body text too."""
    return s.start in ("agency", "reporter", "dash")


def _mid_sentence(s: Shape) -> bool:
    """The line stops mid-sentence (a headline's shape aside; a line holding a full stop is text however
    short): the text must go on after it."""
    return s.end in ("none", "clause", "colon") and not (s.heading and "stop" not in s.punct)


def _wrapped_byline(above: str, text: str) -> bool:
    """A byline glued to a paragraph's end, wrapped onto the next printed line: ``…更有准头。（青`` /
    ``石县科协）``; the second line ends the article.

    >>> _wrapped_byline("让果农的枝剪更有准头。（青", "石县科协）"), _wrapped_byline("他说：“好", "得很。”")
    (True, False)
    """
    return bool(text) and text.rstrip()[-1:] in CLOSING and glued_byline(above[-BYLINE_SPLIT:] + text) is not None


def _article_ends(shapes: list[Shape], bylines: frozenset[int]) -> list[bool]:
    """Per line: it ends an article (a byline, bracketed or glued or wrapped, or a jump line)."""
    return [s.glued or s.start == "byl" or s.jump == "down" or i in bylines
            or (i > 0 and _wrapped_byline(shapes[i - 1].text, s.text)) for i, s in enumerate(shapes)]


class Places:
    """Where each line stands in the flow of the page, with the copies already dropped left out.

    Neighbours skip furniture (but not a jump line, which ends an article) and dropped lines; the
    headlines and the lines that end an article (a byline, a glued byline, a jump line) are kept in
    sorted lists so that a question about the text between two lines costs a look-up.
    """

    def __init__(self, shapes: list[Shape]):
        self.shapes = shapes
        n = self.n = len(shapes)
        known = getattr(shapes, "headlines", None)
        furniture: frozenset[int] = getattr(shapes, "furniture", frozenset())
        self.parts: frozenset[int] = getattr(shapes, "heading_parts", frozenset())
        labels = getattr(shapes, "labels", None) or ()
        # further lines of a headline (the first reading may call a lone last character furniture)
        self.title_more = frozenset(k for k, x in enumerate(labels) if x in ("TC", "F") and shapes[k].heading)
        self.furn = [(bool(s.furniture) or i in furniture) and s.jump != "down" for i, s in enumerate(shapes)]
        self.head = [i in known for i in range(n)] if known is not None else self._shape_headlines()
        self.close = _article_ends(shapes, getattr(shapes, "bylines", frozenset()))
        self.heads = [i for i in range(n) if self.head[i] and not self.furn[i]]
        self.closers = [i for i in range(n) if self.close[i]]
        self.gone: set[int] = set()
        self.log: list[int] = []  # dropped lines, in the order they went
        self.through: frozenset[int] = frozenset()  # candidate copies, looked through when stuck …
        self.own: frozenset[int] = frozenset()  # … but for the lines of the copy being judged
        self.trailing: frozenset[int] = frozenset()  # the page's last lines, each text found earlier (``_trailing``)
        self._next = list(range(n + 1))  # skip pointers over dead lines (furniture, dropped)
        self._prev = list(range(n + 1))  # the same, shifted by one (0 = before the page)
        # strayness asked again of a copy shared by several runs, while no line went and nothing is looked
        # through (a line has a handful of twins on a repetitive page, each pair a run judged in every pass)
        self._stray: dict[tuple, int] = {}
        for i in range(n):
            if self.furn[i]:
                self._kill(i)

    def _shape_headlines(self) -> list[bool]:
        """Without a first reading: a heading-shaped line with a lead, a reporter line or a 副题 under it
        (looking through further heading lines: a headline over two lines, a kicker above it)."""
        s, n = self.shapes, self.n
        out = []
        for i in range(n):
            j = i + 1
            while j < n and j <= i + 3 and s[j].heading and not _opens(s[j]):
                j += 1
            out.append(s[i].heading and j < n and _opens(s[j]))
        return out

    def _kill(self, i: int) -> None:
        self._next[i] = i + 1
        self._prev[i + 1] = i

    def drop(self, lines) -> None:
        for i in lines:
            if i in self.gone:
                continue
            self._stray.clear()
            self.gone.add(i)
            self.log.append(i)
            self._kill(i)
            for lst in (self.heads, self.closers):
                k = bisect.bisect_left(lst, i)
                if k < len(lst) and lst[k] == i:
                    lst.pop(k)

    def after(self, i: int) -> int | None:
        """The first live line at or after ``i`` (looking through at most ``LOOK`` lines of ``through``)."""
        j = self._live_after(i)
        if not self.through:
            return j
        for _ in range(LOOK):
            if j is None or j not in self.through or j in self.own:
                break
            j = self._live_after(j + 1)
        return j

    def at_page_end(self, i: int) -> bool:
        """Nothing but copies stacked at the page's foot (``trailing``) stands under line ``i``."""
        below = self.after(i + 1)
        return below is None or below in self.trailing

    def before(self, i: int) -> int | None:
        """The last live line at or before ``i`` (looking through at most ``LOOK`` lines of ``through``)."""
        j = self._live_before(i)
        if not self.through:
            return j
        for _ in range(LOOK):
            if j is None or j not in self.through or j in self.own:
                break
            j = self._live_before(j - 1)
        return j

    def _live_after(self, i: int) -> int | None:
        if i < self.n and self._next[i] == i:
            return i  # most lines are live
        path, j = [], i
        while j < self.n and self._next[j] != j:
            path.append(j)
            j = self._next[j]
        for k in path:
            self._next[k] = j
        return j if j < self.n else None

    def _live_before(self, i: int) -> int | None:
        if i >= 0 and self._prev[i + 1] == i + 1:
            return i
        path, j = [], i + 1
        while j > 0 and self._prev[j] != j:
            path.append(j)
            j = self._prev[j]
        for k in path:
            self._prev[k] = j
        return j - 1 if j > 0 else None

    def _between(self, lst: list[int], lo: int, hi: int) -> bool:
        """A line of ``lst`` strictly between ``lo`` and ``hi``."""
        k = bisect.bisect_right(lst, lo)
        return k < len(lst) and lst[k] < hi

    def starts_paragraph(self, i: int) -> bool:
        """Line ``i`` opens a paragraph: the first reading says so, or the line before it ended one."""
        labels = getattr(self.shapes, "labels", None)
        if labels is not None and labels[i] == "P":
            return True
        p = self.before(i - 1)
        return p is None or self.heading_part(p) or self.close[p] or self.shapes[p].end == "sent"

    def heading_part(self, i: int) -> bool:
        return self.head[i] or i in self.parts

    def article_start(self, q: int | None) -> int | None:
        """The headline of the article that starts at line ``q``: ``q`` itself, or a headline under a
        kicker or a column title (at most two short heading lines above it); a heading-shaped line with a
        lead (``本报讯…``) under it is a headline too."""
        if q is None:
            return None
        for _ in range(3):
            if self.head[q]:
                return q
            s = self.shapes[q]
            if not (s.heading or q in self.parts) or _opens(s) or self.close[q]:
                return None
            nxt = self.after(q + 1)
            if nxt is None:
                return None
            if s.heading and _lead(self.shapes[nxt]):
                return q  # a headline the first reading missed: a lead stands under it
            q = nxt
        return None

    def holder(self, i: int) -> int | None:
        """The headline of the article line ``i`` stands in: the last headline above it, unless the
        article ended (a byline, a jump line) between them."""
        k = bisect.bisect_right(self.heads, i - 1) - 1
        if k < 0:
            return None
        h = self.heads[k]
        return None if self._between(self.closers, h - 1, i) else h

    def same_article(self, a: int, b: int) -> bool:
        """No headline stands between lines ``a`` and ``b``."""
        return not self._between(self.heads, a, b)

    def strayness(self, first: int, last: int, cut_in: bool = False, cut_out: bool = False,
                  heading: bool = False) -> int:
        """How far the copy on lines ``first``…``last`` stands outside the flow of the text (higher: more
        stray; ``cut_in``/``cut_out``: the copy starts/ends inside a line, whose text runs on around it;
        ``heading``: its twin is a headline, so a heading-shaped copy is judged as one).

        At its start: +2 after an article's end (a byline, a jump line), +1 at the page top or for a
        lead (``本报讯…``) under no headline (+2 after a finished paragraph: an article has one lead),
        −2 under a headline (it is the lead) or carrying on the sentence of the line before it.
        At its end: +1 before a headline or at the page end, +1 more when it stops mid-sentence at the
        page end, −2 when the line after it carries its sentence on, −1 when more text of an article
        follows.  (A piece that stops mid-sentence before a headline is a column's end, as likely in
        place as not.)  A headline copy: +2 when nothing of its article follows it (another headline, a
        byline, the page end), −2 when its lead or text does.

        Example: ``（张三）`` | copy | headline → 2 + 1 = 3; headline | copy | text → −2 − 1 = −3.
        """
        if self.through:
            return self._strayness(first, last, cut_in, cut_out, heading)
        key = (first, last, cut_in, cut_out, heading)
        score = self._stray.get(key)
        if score is None:
            score = self._stray[key] = self._strayness(first, last, cut_in, cut_out, heading)
        return score

    def _strayness(self, first: int, last: int, cut_in: bool, cut_out: bool, heading: bool) -> int:
        """:meth:`strayness`, worked out."""
        s = self.shapes
        p, q = self.before(first - 1), self.after(last + 1)
        if self.head[first] or (s[first].heading and s[last].heading and (first in self.parts or heading)):
            if q is None or self.article_start(q) is not None or self.close[q]:
                return 2
            return -2
        return self._stray_start(first, p, cut_in) + self._stray_end(last, q, cut_out)

    def _stray_start(self, first: int, p: int | None, cut_in: bool) -> int:
        """:meth:`strayness` at the copy's start, ``p`` the line before it."""
        s = self.shapes
        if cut_in:
            score = -2
        elif p is None:
            score = 1
        elif self.close[p]:
            score = 2
        elif self.heading_part(p) or (_mid_sentence(s[p]) and not _opens(s[first])):
            score = -2
        else:
            score = 0
        if _lead(s[first]) and (p is None or not self.heading_part(p)):
            score += 2 if p is not None and not self.close[p] and not _mid_sentence(s[p]) else 1
        return score

    def _stray_end(self, last: int, q: int | None, cut_out: bool) -> int:
        """:meth:`strayness` at the copy's end, ``q`` the line after it."""
        s = self.shapes
        if cut_out:
            return -2
        if q is None or self.article_start(q) is not None:
            return 2 if q is None and _mid_sentence(s[last]) else 1  # cut off where the page ends
        if _mid_sentence(s[last]) and not _opens(s[q]) and not s[q].heading:
            return -2
        return -1


def _headline_words(run: Run, places: Places, texts: list[str], stream: Stream) -> bool:
    """The run holds a headline matched against a piece of another line (a headline's words quoted in
    a lead), not against a whole headline."""
    def headline(i: int) -> bool:
        # a line holding a full stop, or ending on a comma, is no headline, whatever a first reading took
        return places.heading_part(i) and "。" not in texts[i] and places.shapes[i].end != "clause"

    # a line at the page's foot that opens another line's text is a copy cut off there: no headline stands
    # at the page's end, with nothing under it (``自全县各乡镇的130余名种养大户、家庭农场`` as the last line)
    at_end = places.at_page_end(run.second[-1])
    for b, m in zip(run.second, run.matches, strict=True):
        a = stream.line_at(m.at)
        opens = abs(stream.starts[a] - m.at) <= 1
        whole = opens and abs(stream.ends[a] - m.end) <= 1
        if (headline(b) or headline(a)) and not whole and not (at_end and opens):
            return True
    return False


def _eligible(run: Run, texts: list[str], places: Places, stream: Stream) -> bool:
    """Could the run be a repeat at all (and not a stock phrase, a shared 小标题 or byline too short to
    tell)?  Which copy goes, if any, is for :func:`_verdict` to say."""
    if _headline_words(run, places, texts, stream):
        return False
    shapes = places.shapes
    if _headline_pair(run, places):
        return len(texts[run.second[0]]) >= MIN_LEN
    if len(run.second) == 1 and len(run.first) == 1:
        if shapes[run.second[0]].start == "byl" and not _touching(run, places):
            return False  # two articles by the same author
        if abs(run.start - stream.starts[run.first[0]]) > 1 and run.chars < PIECE_MIN:
            return False  # a phrase inside another line's text (the start of one may be a copy cut off)
    return run.chars >= MIN_RUN_CHARS


def _headline_pair(run: Run, places: Places) -> bool:
    """A headline printed twice: heading-shaped lines on both sides, a headline on one of them."""
    shapes = places.shapes
    return all(shapes[i].heading for i in run.first + run.second) and (places.head[run.first[0]]
                                                                       or places.head[run.second[0]])


def _starts_both(run: Run, places: Places, stream: Stream) -> bool:
    """Both copies start a paragraph (on a hard-wrapped page a cut copy is a paragraph's start, not a
    printed line from the middle of one)."""
    return abs(run.start - stream.starts[run.first[0]]) <= 1 \
        and places.starts_paragraph(run.first[0]) and places.starts_paragraph(run.second[0])


def _whole_on_wrapped(run: Run, places: Places) -> bool:
    """On a hard-wrapped page a printed line is about a clause long, so a line or two of running text
    recur wherever two articles share a stock clause (``落实专人负责、按月通报进度``); a repeat away from
    its twin takes several printed lines, or a paragraph whole in both copies."""
    if len(run.second) >= WRAPPED_RUN_LINES and run.chars >= WRAPPED_RUN_CHARS:
        return True
    shapes = places.shapes
    return run.chars >= PIECE_MIN and run.whole_first and all(
        places.starts_paragraph(c[0]) and not _mid_sentence(shapes[c[-1]]) for c in (run.first, run.second))


def _right_above_its_headline(run: Run, places: Places, stream: Stream) -> bool:
    """The earlier copy, a paragraph's start, stands right above a headline whose article opens with the
    later copy (``12月9日，某市科协调研组深`` | ``入某县乡镇，`` | headline | ``12月9日，某市科协调研组深``
    …): the opening of the article printed ahead of its headline, cut off by it, and again in place.
    A stock phrase two articles share does not stand so, and is rarely a lead's first printed lines."""
    if len(run.second) < 2 or run.chars < WRAPPED_RUN_CHARS or not _starts_both(run, places, stream):
        return False
    shapes = places.shapes
    h = places.after(run.first[-1] + 1)
    if h is None or not (places.head[h] or shapes[h].heading) or places.furn[h]:
        return False
    for _ in range(3):  # a headline over several lines, a 副题 under it
        nxt = places.after(h + 1)
        if nxt == run.second[0]:
            return True
        if nxt is None or not (places.heading_part(nxt) or shapes[nxt].heading):
            return False
        h = nxt
    return False


def _stray_tail(run: Run, places: Places, stream: Stream) -> bool:
    """The later copy repeats a paragraph's last lines that carry on a sentence the line before the
    earlier copy left open, and stands where nothing it could finish leads into it, so it is a stray copy
    of that tail: where the line above it ends its sentence and the earlier copy opens by finishing a
    word cut there (``全市“科技工作`` | ``者之家”建设取得明显成效。``), or right under the end of an
    article or a headline; a few lines long, right under the end of an article or a headline, where the
    earlier copy carries on a sentence left open (``…系列活动。（某甲）`` | ``确保各项任务落到实处，…大局。``,
    its twin under ``…跟踪问效机制，``)."""
    a0, b0 = run.first[0], run.second[0]
    if not run.whole_first or abs(run.start - stream.starts[a0]) > 1:
        return False
    before_a, before_b = places.before(a0 - 1), places.before(b0 - 1)
    if before_a is None or before_b is None:
        return False
    texts, shapes = stream.texts, places.shapes
    cut_word = cuts_a_word(texts[before_a], texts[a0], WORD_ACROSS)
    up = shapes[before_a]
    # a short scrap may be shaped as a headline, but none ends on a comma or cuts a word the copy finishes
    if not (_mid_sentence(up) or up.end in ("clause", "colon") or (up.end == "none" and cut_word)):
        return False
    if shapes[run.second[-1]].end != "sent" or _opens(shapes[a0]) or _opens(shapes[b0]):
        return False  # (a lead under its headline and its copy elsewhere are no tail)
    ended = places.close[before_b] or places.head[before_b]
    if ended and not places.close[before_a] and run.chars >= WRAPPED_RUN_CHARS:
        return True
    return len(run.second) <= TAIL_LINES and _tied_tail(run, places, before_b, cut_word, ended)


def _tied_tail(run: Run, places: Places, before_b: int, cut_word: bool, ended: bool) -> bool:
    """A one-line tail (see ``_stray_tail``) is as often a stock sentence two articles share: it goes only
    under a finished sentence or an article's end, and where the word it finishes ties it to its twin's
    place, or where it is the page's last line under an article's end (no article's text goes on there)."""
    ended = ended or _under_an_end(run, places)
    if not (ended or places.shapes[before_b].end in ("sent", "closer")):
        return False
    return cut_word or (ended and places.at_page_end(run.second[-1]))


def _touching(run: Run, places: Places) -> bool:
    """The later copy starts right after the earlier one (only furniture or dropped lines between), and
    the earlier copy is whole lines (a piece of a line read again is another line's business)."""
    return run.whole_first and places.after(run.first[-1] + 1) == run.second[0]


def _cut_at_end(run: Run, places: Places, stream: Stream, before_headline: bool = False) -> bool:
    """The later copy stops mid-sentence at the page end while its twin goes on: a copy cut off.
    ``before_headline``: or it stops so right above a headline, where nothing carries it on (a copy
    printed again at an article's foot and cut off by the next article: ``　　日前，某市科协举办…，`` |
    headline)."""
    shapes = places.shapes
    last = run.second[-1]
    below = places.after(last + 1)
    ends = places.at_page_end(last) or (before_headline and below is not None and _headline_below(below, places))
    a = run.first[-1]
    # a copy's last line cut off inside its twin's line may be short enough to look like a headline's
    # (``项工作纳``): under a line of the same copy, or as the page's last line (no headline ends a page),
    # it is the text's rest all the same
    cut_inside = (len(run.second) > 1 or below is None) and shapes[last].end in ("none", "clause", "colon") \
        and stream.ends[a] - run.end > 1
    if not ends or not (_mid_sentence(shapes[last]) or cut_inside):
        return False
    goes_on = stream.ends[a] - run.end > 1 or not _mid_sentence(shapes[a])
    if not goes_on:
        q = places.after(a + 1)
        goes_on = q is not None and not shapes[q].heading and not _opens(shapes[q])
    p = places.before(run.second[0] - 1)
    carried = p is not None and _mid_sentence(shapes[p]) and not places.heading_part(p) \
        and not _opens(shapes[run.second[0]])
    return goes_on and not carried  # text that carries on a sentence is no copy cut off


def _under_an_end(run: Run, places: Places) -> bool:
    """The later copy stands right under an article's end (a byline, a jump line; furniture between) or
    under the page's foot (its editor line or page number), where no text of the article above goes on: on
    a hard-wrapped page a copy cut off at the page end need not be a paragraph's start there
    (``（某县科协）`` | ``责任编辑：某某`` | ``建立定期调度、跟踪问效机制，``)."""
    b0 = run.second[0]
    p = places.before(b0 - 1)
    if p is not None and places.close[p]:
        return True
    return any(places.shapes[k].furniture in PAGE_FOOT for k in range(0 if p is None else p + 1, b0))


def _headline_below(below: int, places: Places) -> bool:
    """Line ``below`` heads the next article (a headline of a short-news column may open no lead a first
    reading knows: its shape says it, and text under it — the page's last line is no headline)."""
    return not places.furn[below] and (places.head[below] or (
        places.shapes[below].heading and places.after(below + 1) is not None))


def _paragraphs(lines: list[int], places: Places) -> int:
    """How many paragraphs a copy holds: lines after one that ended a sentence start one."""
    shapes = places.shapes
    return 1 + sum(1 for x, y in pairwise(lines) if not _mid_sentence(shapes[x]) and not shapes[x].heading)


@dataclass(frozen=True)
class Verdict:
    """Which copy of a repeated run goes, how sure, whether by default, and why."""

    drop_later: bool  # the later copy goes (False: the earlier one)
    confidence: float
    default: bool  # accepted unless the editor says otherwise (False: proposed only)
    why: Message
    cut_off: bool = False  # the later copy is cut off at the page end: its last line repeats a truncated twin


def _verdict(run: Run, places: Places, stream: Stream) -> Verdict | None:
    """Which copy of ``run`` goes, or None: both copies stay."""
    if _touching(run, places):
        return Verdict(True, 0.95, True, message("repeat.read-twice"))
    wrapped = getattr(places.shapes, "wrapped", False)
    if _cut_at_end(run, places, stream) and (not wrapped or _starts_both(run, places, stream)
                                              or _under_an_end(run, places)):
        return Verdict(True, 0.9, True, message("repeat.cut-off"), cut_off=True)
    if _cut_at_end(run, places, stream, before_headline=True) and _starts_both(run, places, stream) \
            and places.same_article(run.first[-1], run.second[0]):
        return Verdict(True, 0.85, True, message("repeat.cut-off-headline"), cut_off=True)
    if _right_above_its_headline(run, places, stream):
        return Verdict(False, 0.85, True, message("repeat.ahead-of-headline"))
    if _stray_tail(run, places, stream):
        return Verdict(True, 0.85, True, message("repeat.stray-tail"))
    if wrapped and not _headline_pair(run, places) and not _whole_on_wrapped(run, places):
        return None
    a0, a1, b0, b1 = run.first[0], run.first[-1], run.second[0], run.second[-1]
    heading = places.head[a0] or places.head[b0]
    sa = places.strayness(a0, a1, run.start - stream.starts[a0] > 1, stream.ends[a1] - run.end > 1, heading)
    sb = places.strayness(b0, b1, heading=heading)
    if heading:
        return _headline_verdict(run, places, sa, sb)
    return _text_verdict(run, places, sa, sb)


def _headline_verdict(run: Run, places: Places, sa: int, sb: int) -> Verdict | None:
    """A headline printed twice: the copy that heads its article's text stays, and it must be a headline
    (the copy that stays need only be shaped as a headline: a first reading may have missed it).
    ``sa``, ``sb``: the strayness of the earlier and the later copy."""
    a0, b0 = run.first[0], run.second[0]
    if (places.head[a0] or places.shapes[a0].heading) and sa <= -STRAY and sb >= STRAY:
        return Verdict(True, 0.85, True, message("repeat.headline-again"))
    if (places.head[b0] or places.shapes[b0].heading) and sb <= -STRAY and sa >= STRAY and run.whole_first:
        return Verdict(False, 0.85, True, message("repeat.headline-astray"))
    return None


def _text_verdict(run: Run, places: Places, sa: int, sb: int) -> Verdict | None:
    """Text printed twice: the copy that stands clearly further outside the flow goes."""
    same = places.same_article(run.first[-1], run.second[0])
    ahead = _ahead_of_its_headline(run, places)
    if ahead:
        sa += 2
    need = 1 if same or _paragraphs(run.second, places) > 1 else STRAY
    if sb - sa >= MARGIN and sb >= need:
        if same:
            return Verdict(True, 0.85, True, message("repeat.same-article"))
        return Verdict(True, 0.8, True, message("repeat.outside-flow"))
    if sa - sb >= MARGIN and sa >= need and run.whole_first:
        if ahead:
            return Verdict(False, 0.85, True, message("repeat.ahead-of-headline"))
        return Verdict(False, 0.8, True, message("repeat.outside-flow"))
    if same and run.whole_first:
        return Verdict(True, 0.5, False, message("repeat.both-inside"))
    return None


def _ahead_of_its_headline(run: Run, places: Places) -> bool:
    """The earlier copy is a continuation printed ahead of the headline of the article its twin stands in."""
    a1, b0 = run.first[-1], run.second[0]
    head = places.article_start(places.after(a1 + 1))
    return head is not None and head < b0 and places.holder(b0) == head and not _mid_sentence(places.shapes[a1])


SEAM_LINES = 6  # screenshots or crops overlap by at most this many printed lines
SEAM_SIMILARITY = 0.75  # two OCR readings of one printed line agree at least this well


def seam_repeats(texts: list[str], shapes) -> list[Repeat]:
    """Printed lines read twice where two crops or screenshots overlap.

    The last lines of one crop come again as the first lines of the next, each
    read anew by OCR (so a character may differ): ``[…, 甲, 乙] [乙', 丙, …]`` →
    drop ``乙'``.  Only the overlap at a crop's seam (a blank line) is looked at.
    """
    out = []
    starts = getattr(shapes, "block_starts", None) or []
    for i, starts_block in enumerate(starts):
        if not starts_block or i == 0:
            continue
        for k in range(min(SEAM_LINES, i, len(texts) - i), 0, -1):
            before, after = texts[i - k:i], texts[i:i + k]
            if any(starts[j] for j in range(i - k + 1, i)):
                continue  # the lines before must be one crop's end
            if sum(len(t) for t in after) < MIN_LEN:
                continue
            pairs = list(zip(before, after, strict=True))
            if all(x and y and Indel.normalized_similarity(x, y) >= SEAM_SIMILARITY for x, y in pairs) \
                    and any((compare(x, y) or ("", NEAR_EDITS + 1))[1] <= NEAR_EDITS for x, y in pairs):
                out.append(Repeat(tuple(range(i, i + k)), tuple(range(i - k, i)), ("near",) * k, (0,) * k, 0.95,
                                  True, message("repeat.seam")))
                break
    return out


def doubled_lines(texts: list[str], shapes, taken: set[int]) -> list[Repeat]:
    """A short line printed twice in a row (``…新增产值320余亿`` | ``元。`` | ``元。``; ``定期调度、跟踪问``
    twice): a printed line read twice at a column's top, too short for the runs to find (they leave lines
    under ``MIN_RUN_CHARS`` alone, as stock phrases may repeat).  No text prints a sentence's end, or a
    piece of a few words, twice in a row; a word or two (``的``) may stand so by chance."""
    return [Repeat((i,), (i - 1,), ("exact",), (0,), 0.95, True, message("repeat.read-twice"))
            for i in range(1, len(texts))
            if texts[i] and texts[i] == texts[i - 1] and len(texts[i]) < MIN_RUN_CHARS
            and (shapes[i].end == "sent" or len(texts[i]) >= MIN_LEN) and not shapes[i].furniture
            and not {i, i - 1} & taken]


def _take(run: Run, verdict: Verdict, stream: Stream, places: Places, kept: set[int], out: list[Repeat]) -> None:
    if verdict.drop_later:
        drop = run.second
        keep = [stream.line_at(m.at) for m in run.matches]
        kinds = [m.kind for m in run.matches]
        if verdict.cut_off:
            kinds[-1] = "truncated"
        edits = [m.edits for m in run.matches]
    else:
        drop = run.first
        keep, kinds, edits = [], [], []
        for a in drop:  # the later line whose match covers this line's start
            k = max(0, bisect.bisect_right([m.at for m in run.matches], stream.starts[a] + 1) - 1)
            keep.append(run.second[k])
            kinds.append(run.matches[k].kind)
            edits.append(run.matches[k].edits)
    out.append(Repeat(tuple(drop), tuple(keep), tuple(kinds), tuple(edits), verdict.confidence, verdict.default,
                      verdict.why))
    if verdict.default:
        places.drop(drop)
    kept.update(keep)


_HALF_WIDTH = str.maketrans(",:;()!?", "，：；（）！？")


def _noise(s: Shape) -> bool:
    """OCR noise (a photo or a rule read as text), which takes no room in the stream; a short piece of
    text with a half-width mark (``说,``) is text."""
    return s.noise and plausible_share(s.text.translate(_HALF_WIDTH)) < NOISE_SHARE


def _decide(runs: list[Run], places: Places, stream: Stream, kept: set[int], out: list[Repeat]) -> None:
    """Judge the runs, clear cases first: a removal can clear up where the remaining copies stand, so
    the runs near a removal are judged again.  When nothing moves any more, the candidate copies are
    looked through (copies stacked one after another at the page end stand outside the flow together);
    when still nothing moves, the doubtful cases get their say (proposed, not accepted)."""
    pending, stage, seen = runs, "clear", 0
    judged: dict[int, tuple[int, Verdict | None]] = {}  # run -> the verdict, and the lines gone by then
    for n_pass in range(PASSES):
        if n_pass == PASSES - 1:
            stage = "doubtful"
        changed = sorted(places.log[seen:])
        seen = len(places.log)
        recheck = n_pass == 0 or stage != "clear"
        places.through = frozenset(i for r in pending for i in r.second) if stage == "through" else frozenset()
        pending, taken = _judge_all(pending, places, stream, kept, out, stage,
                                    None if recheck else changed, judged)
        places.through = frozenset()
        if stage == "doubtful" or not pending:
            break
        stage = "clear" if taken else {"clear": "through", "through": "doubtful"}[stage]


def _judge_all(runs: list[Run], places: Places, stream: Stream, kept: set[int], out: list[Repeat], stage: str,
               changed: list[int] | None, judged: dict | None = None) -> tuple[list[Run], int]:
    """One pass of :func:`_decide` over ``runs`` (only those near a ``changed`` line, unless None): the
    runs still waiting, and how many were taken (``judged``: verdicts of earlier passes, see
    :func:`_verdict_now`)."""
    waiting, taken = [], 0
    for run in runs:
        if not (places.gone.isdisjoint(run.first) and places.gone.isdisjoint(run.second)):
            continue  # one of its lines is already a repeat of something else
        if changed is not None and not _near(run, changed):
            waiting.append(run)
            continue
        if places.through:  # ``own`` is read only while candidate copies are looked through
            places.own = frozenset(run.second)
        verdict = _verdict_now(run, places, stream, {} if judged is None else judged)
        if verdict is None or (not verdict.default and stage != "doubtful"):
            waiting.append(run)
            continue
        if any(i in kept for i in (run.second if verdict.drop_later else run.first)):
            continue  # the copy another repeat keeps stays
        _take(run, verdict, stream, places, kept, out)
        taken += 1
    return waiting, taken


def _verdict_now(run: Run, places: Places, stream: Stream,
                 judged: dict[int, tuple[int, Verdict | None]]) -> Verdict | None:
    """:func:`_verdict`, taken from ``judged`` where no line went since it was given and no copies are
    looked through (the places are then as they were: a later pass over the waiting runs asks again)."""
    if places.through:
        return _verdict(run, places, stream)
    gone = len(places.log)
    known = judged.get(id(run))
    if known is not None and known[0] == gone:
        return known[1]
    verdict = _verdict(run, places, stream)
    judged[id(run)] = (gone, verdict)
    return verdict


def _near(run: Run, lines: list[int]) -> bool:
    """A line of ``lines`` (sorted) stands within ``LOOK`` lines of either copy."""
    for lo, hi in ((run.first[0], run.first[-1]), (run.second[0], run.second[-1])):
        k = bisect.bisect_left(lines, lo - LOOK)
        if k < len(lines) and lines[k] <= hi + LOOK:
            return True
    return False


def find_repeats(texts_raw: list[str], shapes: list[Shape]) -> list[Repeat]:
    """Repeated lines to remove, for lines in page order (their texts and shapes; pass a
    :class:`Lines` to say which lines a first reading found to be headlines and furniture)."""
    texts = [norm(shape.text) for shape in shapes]
    eligible = [not (s.furniture or _noise(s)) for s in shapes]  # only furniture by its own shape stays out
    places = Places(shapes)
    scrap = _end_scrap(texts, eligible, shapes, places)  # (the last of the trailing lines, where it is one)
    places.trailing = _trailing(texts, eligible, places)
    runs, stream = _runs(texts, eligible, places)
    out: list[Repeat] = seam_repeats(texts, shapes)
    for r in out:
        places.drop(r.drop)
    kept: set[int] = {i for r in out for i in r.keep}
    twice = [r for r in runs if _touching(r, places)]
    if twice:
        # lines read twice right after themselves are the surest repeats: they go first, and the rest is
        # looked for without them, so that a copy elsewhere of a passage read twice is matched with the
        # passage, not with its second reading (which would keep that reading)
        _decide(twice, places, stream, kept, out)
        if places.gone:
            runs, stream = _runs(texts, [ok and i not in places.gone for i, ok in enumerate(eligible)], places)
    # the copy a passage read twice keeps (or a crops' seam) is no firmer than any other: where the passage
    # repeats text printed earlier as well, a run takes it too and the earlier copy stays
    # (``甲 乙 丙`` … ``甲' 甲'' 乙' 丙'``: 甲'' goes as read twice, then 甲' 乙' 丙' as a copy of 甲 乙 丙)
    kept.clear()
    _decide(runs, places, stream, kept, out)
    if scrap is not None and _under_a_cut_copy(scrap[0], out, places):
        out.append(Repeat((scrap[0],), (scrap[1],), ("truncated",), (0,), 0.85, True, message("repeat.cut-off")))
    out += doubled_lines(texts, shapes, {i for r in out for i in r.drop + r.keep})  # what the runs left
    out = _with_their_headline(_to_the_copy_that_stays(out))
    out.sort(key=lambda r: r.drop[0])
    return out


def _to_the_copy_that_stays(out: list[Repeat]) -> list[Repeat]:
    """Each repeat keeps a copy that stays: where the copy it kept goes too, as the copy of text printed
    earlier (a passage read twice after its article: ``甲'`` kept for ``甲''``, then taken as a copy of
    ``甲``), the repeat keeps what that one keeps."""
    gone = {d: k for r in out if r.default for d, k in zip(r.drop, r.keep, strict=False)}

    def stays(line: int) -> int:
        seen = set()
        while line in gone and line not in seen:
            seen.add(line)
            line = gone[line]
        return line

    return [replace(r, keep=tuple(stays(k) for k in r.keep)) if any(k in gone for k in r.keep) else r for r in out]


def _end_scrap(texts: list[str], eligible: list[bool], shapes, places: Places) -> tuple[int, int] | None:
    """The page's last line, when it is a scrap too short for the runs (``MIN_RUN_CHARS``) that stops
    mid-sentence and opens another line's text (``索出了有益经`` under ``…索出了有益经验，值得…``),
    with that line: the last of a stack of copies cut off at the page end, perhaps (``_under_a_cut_copy``)."""
    last = places.before(len(texts) - 1)
    if last is None or not eligible[last] or not MIN_LEN <= len(texts[last]) < MIN_RUN_CHARS \
            or shapes[last].end not in ("none", "clause", "colon"):
        return None
    x = texts[last]
    twin = next((a for a in range(last - 1, -1, -1)
                 if eligible[a] and len(texts[a]) > len(x) and texts[a].startswith(x)), None)
    return None if twin is None else (last, twin)


def _trailing(texts: list[str], eligible: list[bool], places: Places) -> frozenset[int]:
    """The page's last lines (furniture aside) whose every text stands earlier on the page: a stack of
    copies at the page's foot (``…基层组`` | ``推动工作再上新台阶。`` | ``验室和学科优势，常态化向公``). A
    copy above them stands at the page end as much as the last one does; each is still judged on its own."""
    out: set[int] = set()
    joined = "".join(texts)
    starts = [0]
    for t in texts:
        starts.append(starts[-1] + len(t))
    i = places.before(len(texts) - 1)
    while i is not None and len(out) < STACK_LINES and eligible[i] and len(texts[i]) >= MIN_LEN \
            and joined.find(texts[i], 0, starts[i]) >= 0:
        out.add(i)
        i = places.before(i - 1)
    return frozenset(out)


def _under_a_cut_copy(scrap: int, out: list[Repeat], places: Places) -> bool:
    """The line above the page's last scrap went as a copy cut off at the page end: the scrap, the start of
    another line's text, is the next copy of the stack, cut off in turn
    (``某某对某县科协工作给予充分肯定。他指`` | ``索出了有益经``)."""
    above = scrap - 1
    while above >= 0 and places.furn[above]:
        above -= 1
    return any(above in r.drop and r.why.id == "repeat.cut-off" for r in out if r.default)


def _runs(texts: list[str], eligible: list[bool], places: Places) -> tuple[list[Run], Stream]:
    """The candidate repeated runs among the ``eligible`` lines, longest first, and their stream."""
    found, stream = find_pairs(texts, eligible)
    return [r for r in build_runs(found, stream, eligible, places) if _eligible(r, texts, places, stream)], stream


def _with_their_headline(out: list[Repeat]) -> list[Repeat]:
    """The line printed under a repeated headline goes with the copy of the headline it stands under.

    A headline and its 副题 printed twice (``甲 / ——乙 / 甲 / ——乙``) are judged line by line; when the
    first headline is kept but the second 副题, the kept pair would be split (``甲 / ——乙``, the second
    ``——乙`` three lines below): keep the 副题 under the kept headline instead.
    """
    pairs = {(r.drop, r.keep): k for k, r in enumerate(out)}
    for r in list(out):
        if len(r.drop) != 1 or len(r.keep) != 1:
            continue
        (x,), (y,) = r.drop, r.keep
        k = pairs.get(((y + 1,), (x + 1,)))
        if k is not None:
            twin = out[k]
            out[k] = replace(twin, drop=(x + 1,), keep=(y + 1,))
    return out
