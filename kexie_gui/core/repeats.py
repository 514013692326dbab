"""Text printed twice: repeated lines, paragraphs and headlines, exact or with an OCR slip.

Damage repaired:
- printed lines read twice where two screenshots or crops overlapped
  (``…甲乙丙`` at the end of one crop, ``甲乙丙…`` again at the top of the next);
- an identical paragraph twice in a row;
- a run of an article repeated after the article, or at the page end and cut
  off mid-sentence;
- a continuation printed ahead of its headline and again in place;
- a headline printed twice.

Of each pair the copy in reading position stays.  A copy right after its twin
(read twice) goes; a copy cut short goes; otherwise the copy that stands
outside the flow of the text goes: after an article's end and before a
headline, ending mid-sentence with nothing to carry it on.

Candidates come from an index of aligned character n-grams, so a 10 MB page
costs a few look-ups per line; a key shared by too many lines is boilerplate
and gives no candidates, which bounds the work on repetitive text.
rapidfuzz verifies each candidate.

Example: ``[甲, 乙, 丙, 乙, 丙, 丁]`` where the second ``乙, 丙`` follows the first
right away → drop the second.
"""
from __future__ import annotations

import bisect
import math
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable

from rapidfuzz.distance import Levenshtein

from .features import Shape

GRAM = 6  # characters per index key
STEP = 3  # keys are indexed at every third offset of the stream …
PROBES = 4  # … and a line probes the keys at its first 4 × 3 offsets
COMMON_KEY = 24  # a key found at more places than this is boilerplate, not evidence
WINDOW = 4000  # lines: a copy is looked for within a page's reach (bounds the work on huge inputs)
MIN_LEN = 4  # shorter lines are never called repeats on their own
NEAR_EDITS = 2  # OCR look-alikes differ in 1–2 characters
MIN_RUN_CHARS = 10  # a repeated run shorter than this could be a stock phrase
ADJACENT = 2  # a twin starting within this many lines after its copy ends was read twice


def norm(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", s).split())


def compare(x: str, y: str) -> tuple[str, int] | None:
    """How ``y`` repeats ``x`` (or the reverse): ``exact``, ``near`` (edits) or ``truncated``; else None.

    >>> compare("一是要围绕发展", "一是要围绕发展战略目标")
    ('truncated', 0)
    >>> compare("培训班在东山县开班,来自全县各乡镇的30余名", "培训班在东山县开班,来自全县各乡镇的3O余名")
    ('near', 1)
    """
    if x == y:
        return "exact", 0
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    if len(short) < MIN_LEN:
        return None
    limit = NEAR_EDITS if len(short) >= 16 else (1 if len(short) >= 8 else 0)
    if abs(len(x) - len(y)) <= 1:
        d = Levenshtein.distance(x, y, score_cutoff=limit)
        if d <= limit:
            return ("near", d) if d else ("exact", 0)
    if 4 <= len(short) < 8 and long_.startswith(short):
        return "truncated", 0
    if len(short) >= 8:
        d = Levenshtein.distance(short, long_[: len(short)], score_cutoff=limit)
        if d <= limit and short[-2:] == long_[len(short) - 2: len(short)]:
            return "truncated", d  # a cut copy ends where the page or crop ended: its last characters agree
    return None


class Stream:
    """The page's lines as one string without white space, each line's stretch of it known.

    A paragraph printed twice may be wrapped differently each time, so a copy
    is looked for in the stream, not line against line.  Lines that cannot
    repeat (furniture, OCR noise) are masked so that no copy runs through them.
    """

    def __init__(self, texts: list[str], eligible: list[bool]):
        parts, self.starts, self.ends, pos = [], [], [], 0
        for t, ok in zip(texts, eligible):
            self.starts.append(pos)
            if ok:  # furniture takes no room: a copy runs on past a caption printed inside its twin
                parts.append(t)
                pos += len(t)
            self.ends.append(pos)
        self.text = "".join(parts)
        self.texts = texts

    def line_at(self, offset: int) -> int:
        """The line holding stream ``offset`` (the last of several empty ones)."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def index(self, lo: int, hi: int) -> dict[str, list[int]]:
        """Keys at every ``STEP``-th offset of lines ``lo``…``hi``."""
        out: dict[str, list[int]] = defaultdict(list)
        t = self.text
        end = self.ends[hi - 1] if hi > lo else 0
        for q in range(self.starts[lo] if hi > lo else 0, max(0, end - GRAM + 1), STEP):
            g = t[q:q + GRAM]
            if "\x00" in g:
                continue
            lst = out[g]
            if len(lst) <= COMMON_KEY:
                lst.append(q)
        return out


@dataclass(frozen=True)
class Pair:
    """Line ``b`` repeats the stream's text at ``at`` (earlier lines, held by line ``a``)."""

    a: int
    b: int
    at: int
    end: int  # where the copy of ``b`` ends in the stream
    kind: str  # exact / near / truncated (a cut copy: ``b`` is the start of the text at ``at``) / piece
    edits: int


def _match_at(x: str, stream: str, at: int) -> tuple[str, int, int] | None:
    """Does line text ``x`` stand in ``stream`` at ``at`` (a character dropped or added allowed)?

    Returns (kind, edits, end) or None.
    """
    best = None
    for shift in (0, -1, 1):
        st = at + shift
        if st < 0:
            continue
        for extra in (0, -1, 1):
            seg = stream[st:st + len(x) + extra]
            if len(seg) < len(x) - 1 or "\x00" in seg:
                continue
            r = compare(seg, x)
            if r and r[0] in ("exact", "near") and (best is None or r[1] < best[1]):
                best = (r[0], r[1], st + len(seg))
        if best and best[1] == 0:
            break
    return best


def find_pairs(texts: list[str], eligible: list[bool]) -> tuple[list[Pair], Stream]:
    """Every later line whose text stands earlier in the page's stream, and where."""
    stream = Stream(texts, eligible)
    out: list[Pair] = []
    n = len(texts)
    for lo in range(0, max(1, n), WINDOW):
        hi = min(n, lo + 2 * WINDOW)
        index = stream.index(max(0, lo - WINDOW), hi)
        for b in range(lo, min(n, lo + WINDOW)):
            _pairs_of(b, texts, eligible, stream, index, out)
    out.sort(key=lambda p: (p.b, p.at))
    return out, stream


def _pairs_of(b, texts, eligible, stream, index, out) -> None:
    x = texts[b]
    if not eligible[b] or len(x) < MIN_LEN:
        return
    sb = stream.starts[b]
    if len(x) < GRAM:  # a short line (a headline's tail, a credit) repeats only whole, line against line
        for a in range(max(0, b - WINDOW), b):
            if eligible[a] and texts[a] == x:
                out.append(Pair(a, b, stream.starts[a], stream.ends[a], "exact", 0))
        return
    seen: set[int] = set()
    for j in range(min(PROBES * STEP, len(x) - GRAM + 1)):  # several keys: a slip in one misses it
        for q in index.get(x[j:j + GRAM], ()):
            at = q - j
            if at in seen or at < 0 or at + len(x) > sb:
                continue
            seen.add(at)
            m = _match_at(x, stream.text, at)
            if m is None:
                continue
            a = stream.line_at(at)
            kind = m[0]
            if stream.starts[a] == at and m[2] < stream.ends[a] and b + 1 >= len(texts):
                kind = "truncated"  # the start of a longer line, cut off where the page ends
            elif stream.starts[a] != at or stream.ends[a] != m[2]:
                kind = "piece" if kind == "exact" else kind  # inside another line's text
            out.append(Pair(a, b, at, m[2], kind, m[1]))
    # a copy cut off mid-line at the end of the page: the start of a longer earlier line
    for a in range(max(0, b - WINDOW), b):
        if eligible[a] and len(texts[a]) > len(x) and texts[a].startswith(x[:GRAM]):
            r = compare(texts[a], x)
            if r and r[0] == "truncated":
                out.append(Pair(a, b, stream.starts[a], stream.starts[a] + len(x), "truncated", r[1]))


@dataclass
class Run:
    """Consecutive later lines ``second`` repeating the stream's text ``[start, end)``.

    ``first`` are the lines that stretch covers whole (the earlier copy).
    """

    first: list[int]
    second: list[int]
    pairs: list[Pair]
    start: int = 0
    end: int = 0


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


def _furn(shapes, i: int) -> bool:
    return bool(list.__getitem__(shapes, i).furniture) or i in getattr(shapes, "furniture", ())


def _headline(i: int, shapes: list[Shape]) -> bool:
    """A headline: as a first reading of the page labelled it, or else a heading-shaped line with a
    lead, a reporter line or a 副题 under it (looking through further heading lines: a headline over
    two lines, a kicker above it)."""
    known = getattr(shapes, "headlines", None)
    if known is not None:
        return i in known
    if not shapes[i].heading:
        return False
    j = i + 1
    while j < len(shapes) and j <= i + 3 and shapes[j].heading and not _opens(shapes[j]):
        j += 1
    return j < len(shapes) and _opens(shapes[j])


def build_runs(pairs: list[Pair], stream: Stream, shapes: list[Shape]) -> list[Run]:
    """Chain later lines whose copies follow each other in the stream; a headline is judged on its own."""
    by_line: dict[int, list[Pair]] = defaultdict(list)
    for p in pairs:
        by_line[p.b].append(p)
    used: set[tuple[int, int]] = set()
    runs = []
    for p in pairs:
        if (p.b, p.at) in used:
            continue
        run = Run([], [p.b], [p])
        used.add((p.b, p.at))
        end, b = p.end, p.b
        # a headline on one side only ends the run: a headline printed twice is judged on its own
        while p.kind != "truncated" and _headline(b, shapes) == _headline(run.pairs[-1].a, shapes):
            nb = b + 1
            nxt = [q for q in by_line.get(nb, ()) if abs(q.at - end) <= 2 and (q.b, q.at) not in used
                   and q.end <= stream.starts[run.second[0]] and _headline(q.a, shapes) == _headline(nb, shapes)]
            if not nxt and nb < len(stream.texts) and 0 < len(stream.texts[nb]) < GRAM \
                    and not _headline(nb, shapes):
                # a short line (a paragraph's last word) too short to be found on its own: part of the run
                # when it stands where the copy goes on
                at = stream.text.find(stream.texts[nb], max(0, end - 2), end + len(stream.texts[nb]) + 2)
                if at != -1 and at + len(stream.texts[nb]) <= stream.starts[run.second[0]]:
                    nxt = [Pair(stream.line_at(at), nb, at, at + len(stream.texts[nb]), "exact", 0)]
            if not nxt:
                break
            q = min(nxt, key=lambda q: (q.edits, abs(q.at - end)))
            run.second.append(nb)
            run.pairs.append(q)
            used.add((q.b, q.at))
            end, b = q.end, nb
        while len(run.second) > 1 and _headline(run.second[-1], shapes) and _headline(run.pairs[-1].a, shapes):
            last = run.pairs.pop()  # a headline at the end of a run starts the next article: judged on its own
            run.second.pop()
            used.discard((last.b, last.at))
            b, end = run.second[-1], run.pairs[-1].end
        while b + 1 < len(shapes) and len(stream.texts[b + 1]) < MIN_LEN and stream.texts[b + 1] \
                and stream.texts[b + 1] == stream.text[end:end + len(stream.texts[b + 1])] \
                and end + len(stream.texts[b + 1]) <= stream.starts[run.second[0]]:
            b += 1  # a short line both copies end with (a headline's last character on its own line)
            run.second.append(b)
            run.pairs.append(Pair(stream.line_at(end), b, end, end + len(stream.texts[b]), "exact", 0))
            end += len(stream.texts[b])
        run.start, run.end = p.at, end
        lo, hi = stream.line_at(run.start), stream.line_at(max(run.start, run.end - 1))
        run.first = [k for k in range(lo, hi + 1) if stream.ends[k] > stream.starts[k]
                     and stream.starts[k] >= run.start - 1 and stream.ends[k] <= run.end + 1
                     and k not in run.second]
        if not run.first and run.pairs[-1].kind == "truncated":
            run.first = [run.pairs[-1].a]  # a cut copy of part of a longer line
        if run.first:
            runs.append(run)
    runs.sort(key=lambda r: (-(r.end - r.start), r.second[0]))
    return runs


@dataclass(frozen=True)
class Repeat:
    drop: tuple[int, ...]  # line positions of the copy to remove
    keep: tuple[int, ...]  # line positions of the copy that stays
    kinds: tuple[str, ...]  # per dropped line: exact / near / truncated
    edits: tuple[int, ...]
    confidence: float
    default: bool
    why_en: str
    why_zh: str


def _opens(s: Shape) -> bool:
    """Lines that only come right under a headline: a lead, a reporter line, a 副题."""
    return s.start in ("agency", "time", "reporter", "dash") or s.jump == "up"


def _closes(s: Shape) -> bool:
    """Lines that end an article: a trailing byline, a jump to another page."""
    return s.glued or s.start == "byl" or s.jump == "down"


def stray_score(copy: list[int], shapes: list[Shape]) -> int:
    """How much a copy sits outside the flow of the text (higher: more stray).

    +1 after an article's end or at the page top, +1 before a headline or at the
    page end, +1 when it stops mid-sentence with nothing to carry it on, -1 when
    it carries on the sentence of the line before it or the line after carries
    on its sentence, -2 when it is a headline followed by its lead.
    """
    n = len(shapes)
    first, last = copy[0], copy[-1]
    p = first - 1
    while p >= 0 and _furn(shapes, p):
        p -= 1
    q = last + 1
    while q < n and _furn(shapes, q):
        q += 1
    score = 0
    if p < 0 or _closes(shapes[p]):
        score += 1
    next_starts = q >= n or _headline(q, shapes)
    if next_starts:
        score += 1
    tail = shapes[last]
    if tail.end in ("none", "clause", "colon") and not tail.heading:
        if next_starts:
            score += 1
        elif q < n and not _opens(shapes[q]) and not shapes[q].heading:
            score -= 1
    if p >= 0 and shapes[p].end in ("none", "clause") and not shapes[p].heading and not _opens(shapes[first]):
        score -= 1
    if _headline(last, shapes) or (shapes[first].heading and last + 1 < n and _opens(shapes[last + 1])):
        score -= 2  # a headline with its lead (or its next line, then the lead) under it
    return score


PIECE_MIN = 16  # a single line repeating text inside another line's needs this many characters
WRAPPED_RUN_LINES = 3  # on a hard-wrapped page a repeat away from its twin takes this many printed lines …
WRAPPED_RUN_CHARS = 30  # … and this many characters


def _eligible(run: Run, texts: list[str], shapes: list[Shape]) -> bool:
    chars = run.end - run.start
    headlines = getattr(shapes, "headlines", None)
    cut = any(p.kind == "truncated" for p in run.pairs)  # a copy cut off mid-way is never a headline
    if headlines is not None and not cut and any(i in headlines for i in run.first + run.second):
        # a headline repeats only as a whole line; its words quoted in a lead are no copy
        if not (len(run.first) == len(run.second) and all(p.kind in ("exact", "near") for p in run.pairs)):
            return False
    if len(run.second) == 1 and len(run.first) <= 1 and run.pairs[0].kind == "piece" and chars < PIECE_MIN:
        return False
    adjacent = run.second[0] - run.first[-1] - 1 < ADJACENT
    headline_pair = len(run.second) == 1 and len(run.first) == 1 and shapes[run.second[0]].heading
    if getattr(shapes, "wrapped", False) and not (adjacent or headline_pair or cut) and (
            len(run.second) < WRAPPED_RUN_LINES or chars < WRAPPED_RUN_CHARS):
        return False  # a printed line or two of running text recur in stock phrases; a repeat takes more
    if len(run.second) == 1:
        b = run.second[0]
        if shapes[b].heading and len(run.first) == 1 and shapes[run.first[0]].heading:
            # a headline printed twice; not a 小标题 that two articles share
            a = run.first[0]
            return len(texts[b]) >= MIN_LEN and (_headline(a, shapes) or _headline(b, shapes)
                                                   or stray_score([a], shapes) != stray_score([b], shapes))
        if shapes[b].start == "byl":
            return False  # two articles by the same author
    return chars >= MIN_RUN_CHARS


Flow = Callable[[int, int], float]  # probability that line b carries on line a (both page positions)


def _neighbours(copy: list[int], gone: set[int], shapes: list[Shape]) -> tuple[int | None, int | None]:
    """The lines right before and after a copy, looking past furniture and lines already dropped."""
    p = copy[0] - 1
    while p >= 0 and (p in gone or _furn(shapes, p)):
        p -= 1
    q = copy[-1] + 1
    while q < len(shapes) and (q in gone or _furn(shapes, q)):
        q += 1
    return (p if p >= 0 else None), (q if q < len(shapes) else None)


def strayness(copy: list[int], gone: set[int], shapes: list[Shape], flow: Flow) -> float:
    """How much better the text reads without ``copy`` than with it (log odds; higher: more stray).

    A copy out of place breaks the flow where it stands: the text before it does
    not go on into it, or it does not go on into the text after it, while the
    two close up well once it is gone.  A copy in place is the other way round.
    """
    p, q = _neighbours(copy, gone, shapes)
    edge = 0.5  # the page's top or end reads as well as anything
    seam = flow(p, q) if p is not None and q is not None else edge
    into = flow(p, copy[0]) if p is not None else edge
    out = flow(copy[-1], q) if q is not None else edge
    return math.log(max(seam, 1e-6)) - math.log(max(into, 1e-6)) - math.log(max(out, 1e-6))


def _verdict(run: Run, shapes: list[Shape], gone: set[int], flow: Flow | None):
    """(drop the later copy?, confidence, default, why en, why zh)."""
    gap = run.second[0] - run.first[-1] - 1
    if 0 <= gap < ADJACENT:
        return True, 0.95, True, "it repeats the lines right before it (read twice)", "紧接着重复了前面的行（重复读取）"
    ha, hb = _headline(run.first[0], shapes), _headline(run.second[0], shapes)
    if ha != hb:
        return ha, 0.9, True, "a headline printed again where no article starts", "标题重复印在没有文章开始的地方"
    if any(p.kind == "truncated" for p in run.pairs):
        return True, 0.9, True, "it is a copy cut off mid-way", "它是中途截断的副本"
    if all(p.kind == "piece" for p in run.pairs) and _continues(run.second[0], shapes):
        return None  # a stock phrase inside running text, not a stray copy
    between = [k for k in range(run.first[-1] + 1, run.second[0]) if _headline(k, shapes)]
    if not between:  # both copies in one article: the later one repeats it, unless the text runs on into it
        if not _continues(run.second[0], shapes):
            return True, 0.85, True, "it repeats text of the article before it", "它重复了前面同一篇文章的文字"
        return True, 0.5, False, "both copies sit inside the text; check by hand", "两份都在正文中，请人工核对"
    later = [k for k in range(run.second[-1] + 1, len(shapes)) if _headline(k, shapes)]
    parts = getattr(shapes, "heading_parts", frozenset())
    one_head = all(_furn(shapes, k) or k in parts or k in between or k in gone
                   for k in range(between[0], between[-1] + 1))  # a column title, a kicker, the headline
    if one_head and _ahead_of_headline(run.first, between[0], shapes, gone):
        return False, 0.85, True, "it is printed ahead of its article's headline", "它被印在所属文章标题之前"
    if not later and not _continues(run.second[0], shapes) and _after_end(run.second[0], shapes, strict=True):
        return True, 0.75, True, "it is repeated at the end of the page", "它在版面末尾重复出现"
    return True, 0.5, False, "both copies sit inside articles; check by hand", "两份都在正文中，请人工核对"


def _ahead_of_headline(copy: list[int], headline: int, shapes: list[Shape], gone=frozenset()) -> bool:
    """Only furniture (or repeats already dropped) stands between the copy and the next headline, and
    the copy does not carry on the text before it."""
    parts = getattr(shapes, "heading_parts", frozenset())
    if any(not _furn(shapes, k) and k not in gone and k not in parts for k in range(copy[-1] + 1, headline)):
        return False
    return not _continues(copy[0], shapes)


def _after_end(i: int, shapes: list[Shape], strict: bool = False) -> bool:
    """The line before ``i`` ends an article: a byline, a jump line (or, unless ``strict``, a finished
    sentence)."""
    p = i - 1
    while p >= 0 and _furn(shapes, p) and not shapes[p].jump:
        p -= 1
    return p < 0 or _closes(shapes[p]) or (not strict and shapes[p].end == "sent")


def _continues(i: int, shapes: list[Shape]) -> bool:
    """Line ``i`` carries on the sentence of the line before it (a phrase quoted inside running text)."""
    p = i - 1
    while p >= 0 and _furn(shapes, p):
        p -= 1
    return p >= 0 and shapes[p].end in ("none", "clause") and not shapes[p].heading


def _take(run: Run, verdict, dropped: set[int], kept: set[int], out: list[Repeat]) -> None:
    drop_later, conf, default, en, zh = verdict
    if any(i in kept for i in run.second) and not any(i in kept for i in run.first):
        drop_later = False  # the copy another repeat keeps stays
    elif any(i in kept for i in run.first):
        drop_later = True
    drop, keep = (run.second, run.first) if drop_later else (run.first, run.second)
    kinds = tuple(p.kind for p in run.pairs)
    edits = tuple(p.edits for p in run.pairs)
    keep_for_each = tuple(keep[min(k, len(keep) - 1)] for k in range(len(drop)))
    out.append(Repeat(tuple(drop), keep_for_each, kinds, edits, conf, default, en, zh))
    if default:
        dropped.update(drop)
    kept.update(keep)


SEAM_LINES = 6  # screenshots or crops overlap by at most this many printed lines
SEAM_SIMILARITY = 0.75  # two OCR readings of one printed line agree at least this well


def seam_repeats(texts: list[str], shapes) -> list[Repeat]:
    """Printed lines read twice where two crops or screenshots overlap.

    The last lines of one crop come again as the first lines of the next, each
    read anew by OCR (so a character may differ): ``[…, 甲, 乙] [乙', 丙, …]`` →
    drop ``乙'``.  Only the overlap at a crop's seam (a blank line) is looked at.
    """
    from rapidfuzz.distance import Indel

    out = []
    starts = getattr(shapes, "block_starts", None) or []
    for i, starts_block in enumerate(starts):
        if not starts_block or i == 0:
            continue
        for k in range(min(SEAM_LINES, i, len(texts) - i), 0, -1):
            before, after = texts[i - k:i], texts[i:i + k]
            if any(j > i - k and starts[j] for j in range(i - k + 1, i)):
                continue  # the lines before must be one crop's end
            if sum(len(t) for t in after) < MIN_LEN:
                continue
            if all(x and y and Indel.normalized_similarity(x, y) >= SEAM_SIMILARITY for x, y in zip(before, after)) \
                    and any(compare(x, y) in (("exact", 0),) or (compare(x, y) or ("", 9))[1] <= NEAR_EDITS
                            for x, y in zip(before, after)):
                out.append(Repeat(tuple(range(i, i + k)), tuple(range(i - k, i)), ("near",) * k, (0,) * k, 0.95,
                                  True, "it repeats the lines at the end of the crop before it (read twice)",
                                  "重复了上一截图末尾的行（重复读取）"))
                break
    return out


def find_repeats(texts_raw: list[str], shapes: list[Shape], flow: Flow | None = None) -> list[Repeat]:
    """Repeated lines to remove, for lines in page order (their texts and shapes; pass a
    :class:`Lines` to say which lines a first reading found to be headlines and furniture).

    ``flow(a, b)`` scores how well line ``b`` carries on line ``a`` (see ``order``);
    without it a copy's place is judged by its shape alone.
    """
    texts = [norm(shape.text) for shape in shapes]
    eligible = [not (s.furniture or s.noise) for s in shapes]  # only furniture by its own shape stays out
    pairs, stream = find_pairs(texts, eligible)
    runs = [r for r in build_runs(pairs, stream, shapes) if _eligible(r, texts, shapes)]
    out: list[Repeat] = seam_repeats(texts, shapes)
    dropped: set[int] = {i for r in out for i in r.drop}
    kept: set[int] = {i for r in out for i in r.keep}
    pending = runs
    final = False
    while pending:  # clear cases first: a removal can clear up where the remaining copies stand
        waiting = []
        for run in pending:
            if any(i in dropped for i in run.first + run.second):
                continue  # one of its lines is already a repeat of something else
            verdict = _verdict(run, shapes, dropped, flow)
            if verdict is None:
                continue
            if not verdict[2] and not final:
                waiting.append(run)
                continue
            _take(run, verdict, dropped, kept, out)
        final = len(waiting) == len(pending)
        pending = waiting
    out.sort(key=lambda r: r.drop[0])
    return out
