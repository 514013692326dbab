"""Ids made of content, so that a block or a suggestion keeps its id when the page changes elsewhere.

An id is ``<kind>-<hash of the normalised text>``, with ``.<k>`` for the k-th
thing (k >= 1) of the same kind and text on the page.  Normalised means NFKC
with all whitespace removed: line ends, spacing and full- or half-width forms do
not count, so a line added above, CRLF for LF or a re-OCR with other spacing
leaves every id as it was.  A piece cut off a block by hand is
``<block id>@<n>``: n normalised characters of the block come before the cut.

>>> name = Namer()
>>> first, again = name("b", "本报讯 近日，"), name("b", "本报讯近日,")
>>> again == first + ".1"
True
"""
from __future__ import annotations

import hashlib
import unicodedata


class _NFKC(dict):
    """Code point -> its NFKC form, filled on first sight (``str.translate`` then maps a page's few
    thousand distinct characters at C speed)."""

    def __missing__(self, code: int) -> str:
        out = self[code] = unicodedata.normalize("NFKC", chr(code))
        return out


_NFKC_TABLE = _NFKC()


def normalised(text: str) -> str:
    """The text an id is made of: NFKC character by character, every whitespace character removed.

    Character by character, so that the normalised text of a prefix is a prefix of it (see :func:`position`).

    >>> normalised("本 报\\r\\n讯，ＡＢ")
    '本报讯,AB'
    """
    return "".join(text.translate(_NFKC_TABLE).split())


def content_id(kind: str, text: str) -> str:
    """``<kind>-<hash>`` of the normalised text (the first thing of its kind with that text)."""
    digest = hashlib.blake2s(normalised(text).encode("utf-8", "surrogatepass"), digest_size=5).hexdigest()
    return f"{kind}-{digest}"


class Namer:
    """Names the things of one page in page order: the k-th of the same kind and text gets ``.<k>``."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def __call__(self, kind: str, text: str) -> str:
        base = content_id(kind, text)
        k = self._seen.get(base, 0)
        self._seen[base] = k + 1
        return f"{base}.{k}" if k else base


def position(text: str, index: int) -> int:
    """How many normalised characters come before ``text[index]``.

    >>> position("甲 乙丙", 2)
    1
    """
    return len(normalised(text[:index]))


def index_at(text: str, n: int) -> int | None:
    """The index of the first visible character after ``n`` normalised ones (None: the text holds fewer).

    The inverse of :func:`position` up to whitespace: a cut before a space lands after it.

    >>> index_at("甲 乙丙", 1)
    2
    """
    count = 0
    for i, ch in enumerate(text):
        weight = len(normalised(ch))
        if count >= n and weight:
            return i
        count += weight
    return None


def piece_id(block_id: str, n: int) -> str:
    """The id of the piece cut off ``block_id`` after ``n`` normalised characters."""
    return f"{block_id}@{n}"
