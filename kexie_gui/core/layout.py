"""Neighbourhood questions about blocks: what comes before and after, where headlines are.

The detectors share these so that "the next block" means the same thing to
all of them: furniture and removed blocks are skipped, jump lines are not
(they mark article ends).
"""
from __future__ import annotations

from .classify import BlockInfo
from .text import has_clause_marks


class Layout:
    def __init__(self, infos: list[BlockInfo]):
        self.infos = infos
        self.removed: set[int] = set()  # indexes of blocks already judged duplicates

    def skipped(self, i: int) -> bool:
        info = self.infos[i]
        if i in self.removed:
            return True
        return bool(info.furniture) and not info.jump_down and not info.jump_up

    def next(self, i: int, exclude: frozenset[int] = frozenset()) -> int | None:
        j = i + 1
        while j < len(self.infos):
            if not self.skipped(j) and j not in exclude:
                return j
            j += 1
        return None

    def prev(self, i: int, exclude: frozenset[int] = frozenset()) -> int | None:
        j = i - 1
        while j >= 0:
            if not self.skipped(j) and j not in exclude:
                return j
            j -= 1
        return None

    def opens_article(self, j: int | None) -> bool:
        return j is not None and self.infos[j].opens_article

    def confirmed_headline(self, i: int) -> bool:
        """A heading-shaped block directly followed by what only follows headlines.

        That is a lead (本报讯 / a time phrase), a reporter line, a 副题 or an
        ``（上接…）`` line.  A heading followed by a confirmed headline is its kicker.
        """
        info = self.infos[i]
        if not info.heading or info.dash_subtitle or i in self.removed:
            return False
        return self.opens_article(self.next(i))

    def kicker_of(self, i: int, exclude: frozenset[int] = frozenset()) -> bool:
        """A heading right above a confirmed headline (引题)."""
        info = self.infos[i]
        if not info.heading or info.dash_subtitle or i in self.removed or has_clause_marks(info.text):
            return False
        p = self.prev(i, exclude)
        if p is not None and not (self.infos[p].ends_sentence or self.infos[p].article_end or self.infos[p].furniture):
            return False  # under an unfinished paragraph it is the paragraph's continuation
        j = self.next(i)
        return j is not None and self.confirmed_headline(j)

    def starts_article(self, i: int, exclude: frozenset[int] = frozenset()) -> bool:
        """A headline, or the kicker above one (``exclude``: blocks to look through)."""
        return self.confirmed_headline(i) or self.kicker_of(i, exclude)

    def after_article_end(self, i: int, exclude: frozenset[int] = frozenset()) -> bool:
        """Nothing but an article end (or the page top) before block ``i``."""
        p = self.prev(i, exclude)
        return p is None or self.infos[p].article_end
