"""Repeated blocks: exact, near (an OCR look-alike or two) and truncated copies.

Damage repaired: a continuation printed ahead of its headline and again in
place, a run of blocks repeated after the article or at the page end (the last
one cut off mid-sentence), a headline printed twice.  Of each pair the copy in
reading position is kept, the stray one is suggested for removal.

Candidates come from an index of aligned character n-grams, so a 10 MB input
costs a few dictionary look-ups per block instead of a comparison of every
pair; rapidfuzz verifies each candidate.

Example: blocks ``[A, B, Headline, lead, A, B]`` where the first ``A, B`` sits
between an article end and ``Headline`` → remove the first ``A, B``.
"""
from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from .classify import BlockInfo
from .layout import Layout
from .text import ends_sentence

GRAM = 6  # characters per index key
MAX_KEYS = 24  # keys per block: enough to find a copy with a few changed characters
COMMON_KEY = 40  # a key shared by more blocks than this is boilerplate, not evidence
MIN_LEN = 4  # shorter blocks are never called duplicates on their own
NEAR_EDITS = 2  # OCR look-alikes differ in 1–2 characters


def norm(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", s).split())


@dataclass(frozen=True)
class Match:
    """Block ``b`` (later) repeats block ``a`` (earlier)."""

    a: int
    b: int
    kind: str  # "exact" / "near" / "truncated"
    edits: int


def _keys(s: str) -> list[str]:
    if len(s) < GRAM:
        return [s]
    return [s[i:i + GRAM] for i in range(0, min(len(s) - GRAM + 1, GRAM * MAX_KEYS), GRAM)]


def compare(x: str, y: str) -> tuple[str, int] | None:
    """How ``y`` repeats ``x`` (or the reverse), or None.

    >>> compare("一是工作站建设要围绕", "一是工作站建设要围绕全市总体发展")
    ('truncated', 0)
    >>> compare("培训班在大竹县开班,来自全县各乡镇的30余名", "培训班在大竹县开班,来自全县各乡镇的3O余名")
    ('near', 1)
    """
    if x == y:
        return "exact", 0
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    if len(short) < MIN_LEN:
        return None
    limit = NEAR_EDITS if len(short) >= 16 else (1 if len(short) >= 8 else 0)
    if len(short) == len(long_) or abs(len(x) - len(y)) <= 1:
        d = Levenshtein.distance(x, y, score_cutoff=limit)
        if d <= limit:
            return ("near", d) if d else ("exact", 0)
    if 4 <= len(short) < 8 and long_.startswith(short):
        return "truncated", 0  # a short cut copy must match to the letter
    if len(short) >= 8 and len(short) < len(long_):
        d = Levenshtein.distance(short, long_[: len(short)], score_cutoff=limit)
        # a cut copy ends exactly where the page ends: its last characters agree
        if d <= limit and short[-2:] == long_[len(short) - 2: len(short)]:
            return "truncated", d
    return None


def find_matches(infos: list[BlockInfo], eligible: list[int], pieces: bool = True) -> list[Match]:
    """Every verified pair among ``eligible`` block indexes (``pieces``: look for repeated pieces too)."""
    texts = {i: norm(infos[i].text) for i in eligible}
    index: dict[str, list[int]] = defaultdict(list)
    for i in eligible:
        if len(texts[i]) >= MIN_LEN:
            for k in set(_keys(texts[i])):
                index[k].append(i)
    seen: set[tuple[int, int]] = set()
    out = []
    for members in index.values():
        if len(members) < 2 or len(members) > COMMON_KEY:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                a, b = sorted((members[x], members[y]))
                if (a, b) in seen:
                    continue
                seen.add((a, b))
                r = compare(texts[a], texts[b])
                if r:
                    out.append(Match(a, b, r[0], r[1]))
    if pieces:
        candidates = {i: t for i, t in texts.items() if not infos[i].heading}  # a headline is quoted in its lead
        out += _piece_matches(texts, candidates, seen)
    out.sort(key=lambda m: (m.a, m.b))
    return out


PIECE_MIN = 12  # a repeated piece shorter than this could be a stock phrase


def _piece_matches(texts: dict[int, str], pieces: dict[int, str], seen: set[tuple[int, int]]) -> list[Match]:
    """A block repeating one piece of a paragraph that stands whole elsewhere.

    On a hard-wrapped page the pieces of a column-broken paragraph may run
    together in reading position, while the repeat holds only the second
    piece: ``…做好|了保障，…`` whole, ``了保障，…`` repeated.  The piece starts
    mid-sentence, which tells it from a stock sentence quoted in two articles.
    One pass over every block's n-grams against the index of block openings.
    """
    openings: dict[str, list[int]] = defaultdict(list)
    for i, t in pieces.items():
        if len(t) >= PIECE_MIN:
            openings[t[:GRAM]].append(i)
    out = []
    for j, long_ in texts.items():
        for p in range(1, len(long_) - PIECE_MIN + 1):
            for i in openings.get(long_[p:p + GRAM], ()):
                if i == j or len(openings[long_[p:p + GRAM]]) > COMMON_KEY:
                    continue
                short = texts[i]
                if len(short) >= len(long_) or long_[p:p + len(short)] != short:
                    continue
                if ends_sentence(long_[:p]):
                    continue  # a whole sentence quoted again, not a cut piece
                a, b = sorted((i, j))
                if (a, b) not in seen:
                    seen.add((a, b))
                    out.append(Match(a, b, "piece", 0))
    return out


@dataclass
class Run:
    """Two runs of consecutive blocks, the second repeating the first."""

    first: list[int]
    second: list[int]
    matches: list[Match]


def _is_cut_tail(x: str, y: str) -> bool:
    """Inside a run a short last block counts when it is the start of its copy (cut off at the page end)."""
    return 2 <= len(y) < len(x) and x.startswith(y)


def build_runs(matches: list[Match], layout: Layout) -> list[Run]:
    """Chain pairs whose blocks follow each other on both sides into runs."""
    by_pair = {(m.a, m.b): m for m in matches}
    used: set[tuple[int, int]] = set()
    runs = []
    for m in matches:
        if (m.a, m.b) in used:
            continue
        run = Run([m.a], [m.b], [m])
        used.add((m.a, m.b))
        a, b = m.a, m.b
        while True:
            na, nb = layout.next(a), layout.next(b)
            if na is None or nb is None or na >= m.b or (na, nb) in used:
                break
            if layout.confirmed_headline(na) or layout.confirmed_headline(nb):
                break  # a repeated headline is judged on its own
            match = by_pair.get((na, nb))
            if match is None:
                if layout.next(nb) is not None or not _is_cut_tail(norm(layout.infos[na].text),
                                                                   norm(layout.infos[nb].text)):
                    break
                match = Match(na, nb, "truncated", 0)
            run.first.append(na)
            run.second.append(nb)
            run.matches.append(match)
            used.add((na, nb))
            a, b = na, nb
        runs.append(run)
    runs.sort(key=lambda r: (-len(r.first), r.first[0]))
    return runs


def stray_score(copy: list[int], layout: Layout) -> int:
    """How much a copy sits outside the reading flow.

    +1 after an article end or the page top, +1 before a headline or the page
    end; -1 when it continues the block before it (that block stops mid-sentence)
    or the block after it continues it; +1 when it stops mid-sentence and
    nothing continues it; -2 when it opens with a confirmed headline.
    """
    infos = layout.infos
    members = frozenset(copy)
    score = 0
    p = layout.prev(copy[0], members)
    n = layout.next(copy[-1], members)
    if p is None or infos[p].article_end:
        score += 1
    next_starts = n is None or layout.starts_article(n, members)
    if next_starts:
        score += 1
    last = infos[copy[-1]]
    if not last.ends_sentence and not last.article_end and not last.heading:
        if next_starts:
            score += 1  # cut off mid-sentence with nothing to continue it
        elif not infos[n].opens_article and not infos[n].heading:
            score -= 1  # the block after it carries on its sentence
    if p is not None and not infos[p].article_end and not infos[p].ends_sentence and not infos[p].heading \
            and not infos[copy[0]].opens_article:
        score -= 1
    if layout.confirmed_headline(copy[0]):
        score -= 2
    return score


def _headline_before(copy: list[int], other: list[int], layout: Layout) -> bool:
    """The copy sits right before the headline of the article that holds the other copy."""
    members = frozenset(copy)
    n = layout.next(copy[-1], members)
    if n is None or not layout.starts_article(n) or n > other[0]:
        return False
    j = layout.next(n)
    while j is not None and j < other[0]:
        if layout.infos[j].article_end or (j != n and layout.confirmed_headline(j)):
            return False
        j = layout.next(j)
    return True


@dataclass(frozen=True)
class Removal:
    block: int
    keep: int
    kind: str
    edits: int
    confidence: float
    default: bool
    reason_en: str
    reason_zh: str


def _eligible_run(run: Run, layout: Layout) -> bool:
    """Single short blocks and lone subheads repeat legitimately (bylines, 小标题)."""
    if len(run.first) > 1:
        return True
    a, b = run.first[0], run.second[0]
    ia, ib = layout.infos[a], layout.infos[b]
    if ia.heading and ib.heading and len(ia.text.strip()) == len(ib.text.strip()):
        # a headline printed twice, or a 小标题 repeated out of place; not a 小标题 two articles share
        if layout.confirmed_headline(a) or layout.confirmed_headline(b):
            return True
        return stray_score([a], layout) != stray_score([b], layout)
    if ia.byline_inner is not None:
        return False  # two articles by the same author or body
    # a short piece needs clear evidence: one copy inside the text, the other stray
    return len(norm(ia.text)) >= 12 or abs(stray_score([a], layout) - stray_score([b], layout)) >= 2


def _cut_copy(run: Run, layout: Layout) -> int | None:
    """0 or 1 when one copy holds a block cut short or a piece of a whole paragraph.

    The repeat is cut, never the original; and a piece is never dropped in
    favour of the whole paragraph's text being lost.
    """
    for a, b, m in zip(run.first, run.second, run.matches):
        if m.kind == "truncated":
            la, lb = len(norm(layout.infos[a].text)), len(norm(layout.infos[b].text))
            short = a if la < lb else b
            if layout.confirmed_headline(short):
                return None  # a headline is never a cut copy of longer text
            if _continued(short, layout):
                return None  # the first piece of a paragraph broken here, not a copy cut off
            return 0 if la < lb else 1
    return None


def _continued(i: int, layout: Layout) -> bool:
    """Block ``i`` stops mid-sentence and the next block carries the sentence on."""
    info = layout.infos[i]
    if info.ends_sentence or info.article_end or info.heading:
        return False
    n = layout.next(i)
    return n is not None and not layout.infos[n].opens_article and not layout.infos[n].heading


SKIP = "skip"


def _piece_verdict(run: Run, layout: Layout):
    """A repeated piece goes only when it clearly stands outside the text.

    Stock phrases recur inside articles (``与会人员一致表示，将以此次会议为契机…``), and a
    column break may fall inside one; such a piece continues the block before it.
    """
    m = next(m for m in run.matches if m.kind == "piece")
    k = run.matches.index(m)
    a, b = run.first[k], run.second[k]
    piece_first = len(norm(layout.infos[a].text)) < len(norm(layout.infos[b].text))
    copy = run.first if piece_first else run.second
    infos = layout.infos
    p = layout.prev(copy[0], frozenset(copy))
    continues = p is not None and not infos[p].ends_sentence and not infos[p].article_end and not infos[p].heading
    if continues:
        return SKIP
    return piece_first, 0.85, True, "it repeats a piece of a paragraph printed whole elsewhere", "它重复了别处完整段落中的一段"


def _verdict(run: Run, layout: Layout, final: bool):
    """(drop the first copy?, confidence, default, why en, why zh), or None to wait for a later pass."""
    if any(m.kind == "piece" for m in run.matches):
        return _piece_verdict(run, layout)
    cut = _cut_copy(run, layout)
    if cut is not None:
        return cut == 0, 0.95, True, "it is a copy cut off mid-way", "它是中途截断的副本"
    sa, sb = stray_score(run.first, layout), stray_score(run.second, layout)
    if sa != sb and max(sa, sb) >= 1:  # a repeat always has some sign of standing outside the flow
        confidence = 0.95 if abs(sa - sb) >= 2 else 0.9
        return sa > sb, confidence, True, "it stands outside the article flow", "其位置不在正文顺序中"
    if _headline_before(run.first, run.second, layout):
        return True, 0.8, True, "it is printed ahead of its article's headline", "它被印在所属文章标题之前"
    if not final:
        return None  # removing other repeats first may make this one clear
    if max(sa, sb) > 0:
        return False, 0.75, True, "the later copy repeats the earlier one", "后一份重复了前一份"
    # both copies sit inside running text: two articles may share a stock paragraph
    return False, 0.5, False, "both copies sit inside articles; check by hand", "两份都在正文中，请人工核对"


def decide(runs: list[Run], layout: Layout) -> list[Removal]:
    """Judge clear runs first; each removal can clear up the context of the ones left."""
    removals: list[Removal] = []
    pending = [r for r in runs if _eligible_run(r, layout)]
    final = False
    while pending:
        waiting = []
        for run in pending:
            if any(i in layout.removed for i in run.first + run.second):
                continue
            verdict = _verdict(run, layout, final)
            if verdict is None:
                waiting.append(run)
                continue
            if verdict == SKIP:
                continue
            drop_first, confidence, default, why_en, why_zh = verdict
            dropped, kept = (run.first, run.second) if drop_first else (run.second, run.first)
            for d, k, m in zip(dropped, kept, run.matches):
                c = confidence - (0.05 if m.kind != "exact" else 0.0)
                removals.append(Removal(d, k, m.kind, m.edits, c, default, why_en, why_zh))
                if default:
                    layout.removed.add(d)
        final = len(waiting) == len(pending)  # no progress: settle the ties
        pending = waiting
    removals.sort(key=lambda r: r.block)
    return removals


def find_duplicates(infos: list[BlockInfo], layout: Layout, hard_wrapped: bool = False) -> list[Removal]:
    """Repeated blocks to remove.  Pieces of a paragraph only run together (and so need the
    piece search) when the page is hard-wrapped; on a blank-line page each piece is a block."""
    eligible = [i for i, info in enumerate(infos) if not info.furniture]
    matches = find_matches(infos, eligible, pieces=hard_wrapped)
    return decide(build_runs(matches, layout), layout)
