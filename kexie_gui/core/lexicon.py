"""How well one piece of text carries on another: the character pair across the break.

A column break or an extractor's line break falls anywhere, often inside a
word (``活动|室``, ``资|阳``).  Two pieces that were one text before the break
tend to put a pair of characters across it that stands together in words;
two pieces that never met rarely do.  The pairs come from a general word list
(``data/bigrams.json``, see ``tools/fit/build_bigrams.py``), and from the page
itself: a pair the page prints elsewhere inside a line (a name, a term of the
article) is good evidence too.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from itertools import chain
from operator import add


@lru_cache(maxsize=1)
def _pairs() -> dict[str, int]:
    """Pair → whole binary logarithm of its count in words (loaded once, on first use)."""
    text = resources.files("kexie_gui.core").joinpath("data", "bigrams.json").read_text(encoding="utf-8")
    data = json.loads(text)
    out: dict[str, int] = {}
    for bucket, joined in data["buckets"].items():
        level = int(bucket)
        for k in range(0, len(joined), 2):
            out[joined[k:k + 2]] = level
    return out


def word_pairs() -> dict[str, int]:
    """Pair → how common it is inside words (see :func:`word_pair`), for callers that look up many."""
    return _pairs()


def word_pair(left: str, right: str) -> int:
    """How common the pair ``left[-1] + right[0]`` is inside words (0: never seen).

    >>> word_pair("工", "作") > 8, word_pair("了", "他")
    (True, 0)
    """
    if not left or not right:
        return 0
    return _pairs().get(left[-1] + right[0], 0)


WORD_ACROSS = 8  # a pair of characters this common inside words (log2 count) across a break joins a word


def cuts_a_word(left: str, right: str, level: int) -> bool:
    """The break between ``left`` and ``right`` falls inside a word: the pair across it stands together
    in words (at least ``level``), and more firmly than the pair on one side of it does.  A break
    between two whole words (``…深度融合`` | ``会议总结…``: ``合会`` binds no firmer than ``融合`` or
    ``会议``) is no evidence that one piece goes on into the other.

    >>> cuts_a_word("结合多年生", "产实践", 8), cuts_a_word("深度融合", "会议总结", 8)
    (True, False)
    """
    across = word_pair(left, right)
    if across < level:
        return False
    inner_left = word_pair(left[-2:-1], left[-1:]) if len(left) > 1 else 0
    inner_right = word_pair(right[:1], right[1:2]) if len(right) > 1 else 0
    return across > min(inner_left, inner_right)


def page_pairs(lines: list[str]) -> Counter:
    """How often each pair of neighbouring characters occurs inside the page's lines (a pair no line
    holds may stand at 0).

    A page's lines are counted several times over, less a few each time (the repeats dropped, the
    furniture left out): when ``lines`` are those of the last call less some, the counts are that
    call's less those lines'.
    """
    lines_now = Counter(lines)
    last = _PairsMemo.last
    if last is not None and not lines_now - last[0]:
        pairs = Counter(last[1])
        pairs.subtract(_pairs_in((last[0] - lines_now).elements()))
    else:
        pairs = _pairs_in(lines)
    _PairsMemo.last = (lines_now, pairs)
    return Counter(pairs)


class _PairsMemo:
    """The lines of the last call of :func:`page_pairs` and their pairs (never changed once kept)."""

    last: tuple[Counter, Counter] | None = None


def _pairs_in(lines: Iterable[str]) -> Counter:
    """:func:`page_pairs`, counted afresh."""
    joined = ("".join(line.split()) for line in lines)
    return Counter(chain.from_iterable(map(add, s, s[1:]) for s in joined))  # s[k] + s[k + 1], counted in C


def across_breaks(lines: list[str], left: int, right: int) -> set[str]:
    """The runs of ``left + right`` characters inside the page's lines that a line break could cut where a
    line ends on their first ``left`` characters and the next starts with the rest.

    Only such runs are ever asked about (``…甲乙`` | ``丙…``: is ``甲乙丙`` printed elsewhere?), so the set
    is a small part of all the page's runs, which on a 10 MB page take hundreds of megabytes.

    >>> sorted(across_breaks(["甲乙丙丁", "丙丁", "甲乙"], 2, 2))
    ['甲乙丙丁']
    """
    ends = {t[-left:] for t in lines if len(t) >= left}
    starts = {t[:right] for t in lines if len(t) >= right}
    n = left + right
    return {t[k:k + n] for t in lines for k in range(len(t) - n + 1)
            if t[k:k + left] in ends and t[k + left:k + n] in starts}


def runs_asked(lines: list[str], asked: set[str], n: int) -> set[str]:
    """Which of the ``asked`` runs of ``n`` characters the page prints inside a line (only those are kept:
    all the page's runs of three characters take hundreds of megabytes on a 10 MB page)."""
    return {run for t in lines for k in range(len(t) - n + 1) if (run := t[k:k + n]) in asked}
