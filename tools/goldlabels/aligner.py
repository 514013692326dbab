"""Map every raw character of a page to its place in the gold.

Gold strings are made of the raw page's own characters, so each non-space raw
character belongs to one gold place: a field of an article (title, subtitle,
paragraph n, byline) at an offset, a removed duplicate, a furniture line, or
nothing (the parentheses round a trailing byline, a bullet before a title, and
on OCR/PDF pages the characters the gold declares uncovered). Whitespace is
not significant (the scorer removes it) and is never aligned.

The alignment is a tiling: gold strings are cut into as few runs as possible,
each run a contiguous stretch of raw text, every raw and gold character used
once. Articles form one gold stream in reading order (so a run may go on from
a paragraph into the next), duplicates a second and furniture a third.

1. Longest runs first (greedy string tiling over runs of 4+ characters).
2. Short leftovers: placed where they continue a neighbouring run, else where
   they fill a free gap or a whole line.
3. Swaps: a run whose text occurs elsewhere in raw trades places with that
   copy when the trade leaves fewer runs; on a tie, the copy earlier in raw is
   the kept one and the later the duplicate (the first reading is in reading
   position: a repeated line, a pasted overlap, a run repeated after its
   article; a continuation printed *before* its headline loses on run count).
   Ties decided by that rule and ties no rule decides are counted.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass, field

MIN_RUN = 4  # runs shorter than this are placed in the second pass, by their neighbours
ARTICLES, DUPLICATES, FURNITURE = 0, 1, 2
OPEN_MARKS = set("（(〈《[【「『<﹙〔")
CLOSE_MARKS = set("）)〉》]】」』>﹚〕")


@dataclass(frozen=True)
class Item:
    """One gold string: an article field, a duplicate entry or a furniture entry."""
    kind: str            # title, subtitle, paragraph, byline, duplicate, furniture
    article: int | None  # article index (None for duplicate/furniture)
    index: int           # paragraph number, or entry number of a duplicate/furniture; else 0
    text: str
    stream: int


def gold_items(gold: dict) -> list[Item]:
    """The gold strings in stream order: articles (title, subtitle, paragraphs, byline), duplicates, furniture."""
    items: list[Item] = []
    for a, art in enumerate(gold.get("articles") or []):
        items.append(Item("title", a, 0, art.get("title") or "", ARTICLES))
        if art.get("subtitle"):
            items.append(Item("subtitle", a, 0, art["subtitle"], ARTICLES))
        for j, para in enumerate(art.get("paragraphs") or []):
            items.append(Item("paragraph", a, j, para or "", ARTICLES))
        if art.get("byline"):
            items.append(Item("byline", a, 0, art["byline"], ARTICLES))
    removed = gold.get("removed") or {}
    for k, text in enumerate(removed.get("duplicates") or []):
        items.append(Item("duplicate", None, k, text or "", DUPLICATES))
    for k, text in enumerate(removed.get("furniture") or []):
        items.append(Item("furniture", None, k, text or "", FURNITURE))
    return items


@dataclass
class Alignment:
    """Where each raw non-space character went.

    ``raw_offsets[r]`` is the text offset of the r-th non-space raw character;
    ``place[r]`` is ``(item number, offset in item.text)`` or None;
    ``marks[r]`` names an unplaced character explained by its neighbour:
    ``(item number, "open" | "close" | "bullet")``; ``declared`` are unplaced
    characters the gold lists as uncovered; ``uncovered`` the rest;
    ``unplaced`` gold characters with no raw character ``(item, offset)``.
    """
    items: list[Item]
    raw_offsets: list[int]
    place: list[tuple[int, int] | None]
    marks: dict[int, tuple[int, str]] = field(default_factory=dict)
    declared: list[int] = field(default_factory=list)
    uncovered: list[int] = field(default_factory=list)
    unplaced: list[tuple[int, int]] = field(default_factory=list)
    runs: int = 0
    swaps: int = 0
    ties_by_order: int = 0
    ties_by_distance: int = 0
    ties_open: int = 0

    @property
    def n_raw(self) -> int:
        return len(self.raw_offsets)

    @property
    def n_placed(self) -> int:
        return sum(1 for p in self.place if p is not None)

    def coverage(self) -> float:
        """Share of raw non-space characters placed in gold or explained as marks/declared."""
        if not self.raw_offsets:
            return 1.0
        return (self.n_placed + len(self.marks) + len(self.declared)) / len(self.raw_offsets)


class _Tiler:
    def __init__(self, raw: str, items: list[Item]):
        self.items = items
        self.roff = [i for i, ch in enumerate(raw) if not ch.isspace()]
        self.rline, line, prev = [], 0, 0
        for off in self.roff:
            line += raw.count("\n", prev, off)
            prev = off
            self.rline.append(line)
        self.R = "".join(raw[i] for i in self.roff)
        gch, self.gstream, self.gitem, self.goff = [], [], [], []
        for stream in (ARTICLES, DUPLICATES, FURNITURE):
            for n, it in enumerate(items):
                if it.stream != stream:
                    continue
                opening, closing = _marks_in_raw(self.R, it)
                chars = [(o, ch) for o, ch in enumerate(it.text) if not ch.isspace()]
                if opening:
                    chars.insert(0, (-1, opening))
                if closing:
                    chars.append((len(it.text), closing))
                for o, ch in chars:
                    gch.append(ch)
                    self.gstream.append(stream)
                    self.gitem.append(n)
                    self.goff.append(o)
        self.G = "".join(gch)
        # pairs (g, g+1) whose raw order is known to follow reading order
        kinds = [items[n].kind for n in self.gitem]
        self.ordered = [g + 1 < len(gch) and self.gstream[g] == self.gstream[g + 1] != FURNITURE
                        and (self.gitem[g] == self.gitem[g + 1] or self.gstream[g] == DUPLICATES
                             or (kinds[g] in ("title", "paragraph") and kinds[g + 1] == "paragraph"))
                        for g in range(len(gch))]
        self.rg = [-1] * len(self.R)   # raw → gold flat index
        self.gr = [-1] * len(self.G)   # gold flat index → raw
        self.swaps = self.ties_by_order = self.ties_by_distance = self.ties_open = 0
        self.line_starts: set[int] = set()

    # -- helpers -----------------------------------------------------------
    def cont(self, r: int) -> bool:
        """Raw r and r+1 are consecutive characters of one gold stream."""
        if r < 0 or r + 1 >= len(self.R):
            return False
        a, b = self.rg[r], self.rg[r + 1]
        return a >= 0 and b == a + 1 and self.gstream[a] == self.gstream[b]

    def assign(self, g: int, r: int, n: int) -> None:
        for i in range(n):
            self.gr[g + i] = r + i
            self.rg[r + i] = g + i

    def _pref(self, g: int, r: int) -> int:
        # equal lengths: the kept text takes the earlier copy, a duplicate the later one
        return -r if self.gstream[g] == DUPLICATES else r

    # -- pass 1: long runs, longest first -----------------------------------
    def long_runs(self) -> None:
        R, G, K = self.R, self.G, MIN_RUN
        index: dict[str, list[int]] = {}
        for r in range(len(R) - K + 1):
            index.setdefault(R[r:r + K], []).append(r)
        heap = []
        gi = self.gitem  # a first-pass run stays inside one gold string: text that merely
        # follows a string in raw (a closing parenthesis, a stock phrase) must not lengthen it
        for g in range(len(G) - K + 1):
            if gi[g + K - 1] != gi[g]:
                continue
            for r in index.get(G[g:g + K], ()):
                if g and r and gi[g - 1] == gi[g] and G[g - 1] == R[r - 1]:
                    continue  # not left-maximal: the run starting one earlier covers it
                n = K
                while g + n < len(G) and r + n < len(R) and gi[g + n] == gi[g] and G[g + n] == R[r + n]:
                    n += 1
                heap.append((-n, self._pref(g, r), g, r, n))
        heapq.heapify(heap)
        gr, rg = self.gr, self.rg
        while heap:
            _, _, g, r, n = heapq.heappop(heap)
            pieces, i = [], 0
            while i < n:
                if gr[g + i] < 0 and rg[r + i] < 0:
                    j = i
                    while j < n and gr[g + j] < 0 and rg[r + j] < 0:
                        j += 1
                    pieces.append((i, j))
                    i = j
                else:
                    i += 1
            if pieces == [(0, n)]:
                self.assign(g, r, n)
                continue
            for i, j in pieces:
                if j - i >= K:
                    heapq.heappush(heap, (-(j - i), self._pref(g + i, r + i), g + i, r + i, j - i))

    # -- pass 2: short leftovers, by their neighbours -----------------------
    def _score(self, g: int, r: int, n: int) -> tuple:
        gs, gr, rg = self.gstream, self.gr, self.rg
        s = 0
        if g > 0 and gs[g - 1] == gs[g] and gr[g - 1] == r - 1 and r > 0:
            s += 2
        if g + n < len(self.G) and gs[g + n] == gs[g] and gr[g + n] == r + n:
            s += 2
        if (r == 0 or rg[r - 1] >= 0) and (r + n == len(self.R) or rg[r + n] >= 0):
            s += 1  # fills a free gap exactly
        if self._whole_line(r, n):
            s += 1
        return (s, self._pref(g, r) * -1)

    def _whole_line(self, r: int, n: int) -> bool:
        return r in self.line_starts and (r + n) in self.line_starts

    def _candidates(self, g: int, n: int):
        text, R, rg = self.G[g:g + n], self.R, self.rg
        at = R.find(text)
        while at >= 0:
            if all(rg[at + i] < 0 for i in range(n)):
                yield at
            at = R.find(text, at + 1)

    def short_runs(self) -> list[int]:
        gr, gitem = self.gr, self.gitem
        todo, g = [], 0
        while g < len(self.G):
            if gr[g] < 0:
                h = g
                while h < len(self.G) and gr[h] < 0 and gitem[h] == gitem[g]:
                    h += 1
                todo.append((g, h - g))
                g = h
            else:
                g += 1
        unplaced = []
        while todo:
            todo.sort(key=lambda t: (-t[1], t[0]))
            g, n = todo.pop(0)
            best = None
            for m in range(n, 0, -1):
                for i in range(0, n - m + 1):
                    for r in self._candidates(g + i, m):
                        key = self._score(g + i, r, m)
                        if best is None or key > best[0]:
                            best = (key, i, r, m)
                if best:
                    break
            if best is None:
                unplaced.extend(range(g, g + n))
                continue
            _, i, r, m = best
            self.assign(g + i, r, m)
            if i:
                todo.append((g, i))
            if i + m < n:
                todo.append((g + i + m, n - i - m))
        return unplaced

    # -- pass 3: trades between equal copies ---------------------------------
    def _starts(self, positions) -> int:
        return sum(1 for r in positions if self.rg[r] >= 0 and not self.cont(r - 1))

    def _cost(self, moves) -> tuple[int, int, int, int, int, int]:
        """What the placement of the raw ranges of ``moves`` [(a, c, n)] costs, compared in order:

        a furniture entry torn over two lines; a duplicate read right before
        its equal kept copy (two readings side by side: the first is kept);
        steps back in raw inside an article (the kept copy is the one in
        reading position); runs; a duplicate read before its kept copy
        elsewhere; the distance jumped between an article's runs.
        """
        R = self.R
        window, golds = set(), []
        adjacent_dup_first = dup_first = 0
        for a, c, n in moves:
            window |= set(range(max(a - 1, 0), min(a + n + 1, len(R))))
            window |= set(range(max(c - 1, 0), min(c + n + 1, len(R))))
            golds += [self.rg[i] for i in range(a, a + n)] + [self.rg[i] for i in range(c, c + n)]
            first, second = (a, c) if a < c else (c, a)
            s1, s2 = self._streams(first, n), self._streams(second, n)
            if s1 == {DUPLICATES} and DUPLICATES not in s2:
                if first + n == second:
                    adjacent_dup_first += 1
                else:
                    dup_first += 1
        golds = [g for g in golds if g >= 0]
        return (self._split_lines(golds), adjacent_dup_first, self._backward(golds), self._starts(sorted(window)),
                dup_first, self._distance(golds))

    def _split_lines(self, golds) -> int:
        """Furniture entries are printed lines: count neighbouring characters of one entry on two lines."""
        gr, gs, gi, line = self.gr, self.gstream, self.gitem, self.rline
        pairs = {g - 1 for g in golds if g > 0} | set(golds)
        return sum(1 for g in pairs if g + 1 < len(gr) and gs[g] == FURNITURE and gi[g] == gi[g + 1]
                   and gr[g] >= 0 and gr[g + 1] >= 0 and line[gr[g]] != line[gr[g + 1]])

    def _follow_ups(self, a: int, c: int, n: int):
        """Trades that carry on a run just traded: where a traded range ends, the raw text that
        follows may equal the text its gold successor sits in elsewhere (and likewise before it)."""
        R, rg, gr, gs = self.R, self.rg, self.gr, self.gstream
        taken = [(a, a + n), (c, c + n)]

        def free(x: int, y: int, m: int) -> bool:
            spans = taken + [(x, x + m)]
            return all(e1 <= s2 or e2 <= s1 for i, (s1, e1) in enumerate(spans) for (s2, e2) in spans[i + 1:]) \
                and all(e1 <= y or y + m <= s1 for s1, e1 in spans)
        for s in (a, c):
            e = s + n - 1
            g = rg[e]
            if g >= 0 and g + 1 < len(gr) and gs[g + 1] == gs[g] and gr[g + 1] >= 0 and gr[g + 1] != e + 1:
                x, y, m = e + 1, gr[g + 1], 0
                while x + m < len(R) and y + m < len(R) and R[x + m] == R[y + m] and rg[x + m] >= 0 \
                        and rg[y + m] >= 0:
                    m += 1
                if m and free(x, y, m):
                    yield x, y, m
            g = rg[s]
            if g > 0 and gs[g - 1] == gs[g] and gr[g - 1] >= 0 and gr[g - 1] != s - 1:
                x, y, m = s - 1, gr[g - 1], 0
                while x - m >= 0 and y - m >= 0 and R[x - m] == R[y - m] and rg[x - m] >= 0 and rg[y - m] >= 0:
                    m += 1
                if m and free(x - m + 1, y - m + 1, m):
                    yield x - m + 1, y - m + 1, m

    def _distance(self, golds) -> int:
        gr, gs, ordered = self.gr, self.gstream, self.ordered
        pairs = {g - 1 for g in golds if g > 0} | set(golds)
        return sum(abs(gr[g + 1] - gr[g]) for g in pairs
                   if ordered[g] and gs[g] == ARTICLES and gr[g] >= 0 and gr[g + 1] >= 0)

    def _carry_on(self, a: int, c: int, n: int, tier: int = 0) -> bool:
        """With the trade (a, c, n) made: does one follow-up trade make the pair worth it?
        (Moving a block of several runs takes two trades whose first alone gains nothing.)"""
        for x, y, m in list(self._follow_ups(a, c, n)):
            self._trade(a, c, n)
            before = self._cost([(a, c, n), (x, y, m)])
            self._trade(a, c, n)
            self._trade(x, y, m)
            after = self._cost([(a, c, n), (x, y, m)])
            if (after[:tier] < before[:tier]) if tier else after < before:
                return True
            self._trade(x, y, m)
        return False

    def _backward(self, golds) -> int:
        """Steps back in raw along the reading order: inside a gold string, from a title or
        paragraph to the next paragraph, and from one duplicate entry to the next (page order).
        (Where a subtitle or byline was printed is not known beforehand, so steps to and from
        them do not count.)"""
        gr, ordered = self.gr, self.ordered
        pairs = {g - 1 for g in golds if g > 0} | set(golds)
        return sum(1 for g in pairs if ordered[g] and gr[g] >= 0 and gr[g + 1] >= 0 and gr[g + 1] < gr[g])

    def _trade(self, a: int, c: int, n: int) -> None:
        rg, gr = self.rg, self.gr
        for i in range(n):
            x, y = rg[a + i], rg[c + i]
            rg[a + i], rg[c + i] = y, x
            if x >= 0:
                gr[x] = c + i
            if y >= 0:
                gr[y] = a + i

    def _runs(self, within_item: bool):
        """Maximal runs of raw text carried on in one gold stream (or one gold string): (start, length)."""
        R, rg, gitem = self.R, self.rg, self.gitem
        r = 0
        while r < len(R):
            if rg[r] < 0:
                r += 1
                continue
            s = r
            while self.cont(r) and (not within_item or gitem[rg[r + 1]] == gitem[rg[r]]):
                r += 1
            yield s, r + 1 - s
            r += 1

    def _streams(self, a: int, n: int) -> set[int]:
        return {self.gstream[self.rg[a + i]] for i in range(n)}

    def trades(self, count_ties: bool = False, tier: int = 0) -> bool:
        """Trade runs with equal copies elsewhere in raw when that lowers the cost (see ``_cost``).

        With ``tier`` only the first ``tier`` parts of the cost count (first
        passes mend reading order before runs are saved, so a trade that
        saves runs cannot lock a copy out of its reading position). With
        ``count_ties`` nothing is traded; equal-cost alternatives are counted.
        """
        R, rg = self.R, self.rg
        changed = False
        seen = set()
        runs = list(self._runs(within_item=False)) + list(self._runs(within_item=True))
        for a, n in runs:
            text = R[a:a + n]
            at = R.find(text)
            while at >= 0:
                c, at = at, R.find(text, at + 1)
                if not (c + n <= a or a + n <= c):
                    continue
                if any(rg[c + i] < 0 for i in range(n)) or any(rg[a + i] < 0 for i in range(n)):
                    continue
                key = (min(a, c), max(a, c), n)
                if key in seen:
                    continue
                seen.add(key)
                before = self._cost([(a, c, n)])
                self._trade(a, c, n)
                after = self._cost([(a, c, n)])
                keep = after[:tier] < before[:tier] if tier else after < before
                if count_ties:
                    if after[0] != before[0]:
                        pass  # a furniture line would be torn apart: no alternative
                    elif after[1] != before[1]:
                        self.ties_by_order += 1  # two readings side by side: the first is kept
                    elif after[2:4] == before[2:4]:
                        if after[4] != before[4]:
                            self.ties_by_order += 1
                        elif after[5] != before[5]:
                            self.ties_by_distance += 1
                        else:
                            self.ties_open += 1
                    self._trade(a, c, n)
                    continue
                if not keep:
                    keep = self._carry_on(a, c, n, tier)
                if keep:
                    self.swaps += 1
                    changed = True
                    break
                self._trade(a, c, n)  # undo
        return changed


BULLETS = set("■□●◆◇▲△★☆▶►")


def _marks_in_raw(R: str, item: Item) -> tuple[str, str]:
    """The parentheses a byline is printed in, or the bullet before a title, as raw shows them.

    Gold leaves them out (``(杨帆)`` → byline ``杨帆``); the alignment takes
    them in as part of the string so the byline's copies are told apart as
    whole printed blocks. The pair seen most often round the string wins.
    """
    if item.kind not in ("byline", "title"):
        return "", ""
    text = "".join(item.text.split())
    if not text:
        return "", ""
    seen: dict[tuple[str, str], int] = {}
    at = R.find(text)
    while at >= 0:
        before = R[at - 1] if at else ""
        after = R[at + len(text)] if at + len(text) < len(R) else ""
        if item.kind == "byline" and before in OPEN_MARKS and after in CLOSE_MARKS:
            seen[(before, after)] = seen.get((before, after), 0) + 1
        elif item.kind == "title" and before in BULLETS:
            seen[(before, "")] = seen.get((before, ""), 0) + 1
        at = R.find(text, at + 1)
    if not seen:
        return "", ""
    return max(seen.items(), key=lambda kv: kv[1])[0]


def align(raw: str, gold: dict, declared_uncovered: str = "") -> Alignment:
    """Align a raw page (``\\n`` line ends) with its gold; see the module docstring."""
    items = gold_items(gold)
    t = _Tiler(raw, items)
    t.line_starts = _line_starts(raw)
    t.long_runs()
    unplaced_flat = t.short_runs()
    for tier in (3, 0):  # reading order first (torn furniture, side-by-side readings, steps back), then runs
        for _ in range(6):
            if not t.trades(tier=tier):
                break
    t.trades(count_ties=True)
    place: list[tuple[int, int] | None] = []
    marks: dict[int, tuple[int, str]] = {}
    for r, g in enumerate(t.rg):
        if g < 0:
            place.append(None)
            continue
        n, o = t.gitem[g], t.goff[g]
        if o < 0 or o >= len(items[n].text):
            marks[r] = (n, "bullet" if items[n].kind == "title" else "open" if o < 0 else "close")
            place.append(None)
        else:
            place.append((n, o))
    al = Alignment(items=items, raw_offsets=t.roff, place=place, marks=marks,
                   unplaced=[(t.gitem[g], t.goff[g]) for g in unplaced_flat
                             if 0 <= t.goff[g] < len(items[t.gitem[g]].text)],
                   swaps=t.swaps, ties_by_order=t.ties_by_order,
                   ties_by_distance=t.ties_by_distance, ties_open=t.ties_open)
    al.runs = t._starts(range(len(t.R)))
    _explain_leftovers(al, t.R, declared_uncovered)
    return al


def _line_starts(raw: str) -> set[int]:
    """Raw non-space indices that begin a line's text, plus the end index."""
    starts, prev_line, line, k = set(), -1, 0, 0
    for ch in raw:
        if ch == "\n":
            line += 1
        elif not ch.isspace():
            if line != prev_line:
                starts.add(k)
                prev_line = line
            k += 1
    starts.add(k)
    return starts


def _explain_leftovers(al: Alignment, R: str, declared: str) -> None:
    """Byline parentheses, title bullets and declared characters among the unplaced raw characters."""
    remaining = {}
    for ch in declared:
        if not ch.isspace():
            remaining[ch] = remaining.get(ch, 0) + 1
    first, last = {}, {}
    for r, p in enumerate(al.place):
        if p is None:
            continue
        n, o = p
        if n not in first or o < first[n][1]:
            first[n] = (r, o)
        if n not in last or o > last[n][1]:
            last[n] = (r, o)
    starts = {}
    ends = {}
    for n, it in enumerate(al.items):
        if it.kind in ("byline", "title") and n in first:
            starts[first[n][0]] = n
            if it.kind == "byline":
                ends[last[n][0]] = n

    def take(ch: str) -> bool:
        if remaining.get(ch, 0) > 0:
            remaining[ch] -= 1
            return True
        return False

    leftovers = [r for r, p in enumerate(al.place) if p is None]
    runs, cur = [], []
    for r in leftovers:
        if cur and r != cur[-1] + 1:
            runs.append(cur)
            cur = []
        cur.append(r)
    if cur:
        runs.append(cur)
    for run in runs:
        after, before = run[-1] + 1, run[0] - 1
        opener = starts.get(after)
        closer = ends.get(before)
        for r in run:
            ch = R[r]
            if opener is not None and ((ch in OPEN_MARKS and al.items[opener].kind == "byline") or take(ch)):
                al.marks[r] = (opener, "open" if al.items[opener].kind == "byline" else "bullet")
            elif closer is not None and (ch in CLOSE_MARKS or take(ch)):
                al.marks[r] = (closer, "close")
            elif take(ch):
                al.declared.append(r)
            else:
                al.uncovered.append(r)
