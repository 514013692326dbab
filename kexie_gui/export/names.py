"""File names from article titles that are valid on Windows, macOS and Linux.

Editors copy exported folders between all three systems (and onto USB sticks
formatted FAT/exFAT), so a name must satisfy the strictest of them:

- Windows forbids ``<>:"/\\|?*`` and control characters; they are replaced by
  their full-width forms (``？`` for ``?``), which keeps a Chinese title readable;
- Windows reserves ``CON PRN AUX NUL COM1-9 LPT1-9`` (any case, any extension);
- Windows drops trailing dots and spaces, Unix hides names starting with a dot;
- most file systems allow 255 *bytes*; we keep whole names within
  :data:`MAX_NAME_BYTES` bytes of UTF-8 (a Chinese character takes three),
  cutting only between characters;
- Windows and macOS compare names ignoring case (macOS also ignoring Unicode
  normalisation), so uniqueness is checked on a folded key.
"""
from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

__all__ = ["MAX_NAME_BYTES", "safe_stem", "fallback_stem", "unique_names", "name_key"]

MAX_NAME_BYTES = 200

_FULLWIDTH = str.maketrans({
    "<": "＜", ">": "＞", ":": "：", '"': "＂", "/": "／",
    "\\": "＼", "|": "｜", "?": "？", "*": "＊",
})
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{dev}{n}" for dev in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")
}
_SPACES = re.compile(r"\s+")


def fallback_stem(index: int) -> str:
    """Name for an article without a usable title (``index`` is 1-based).

    >>> fallback_stem(3)
    'article-03'
    """
    return f"article-{index:02d}"


def _truncate_utf8(text: str, limit: int) -> str:
    """The longest prefix of ``text`` whose UTF-8 form fits in ``limit`` bytes."""
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    # errors="ignore" drops the partial character the byte cut may leave at the end.
    return encoded[:max(limit, 0)].decode("utf-8", "ignore")


def _tidy_ends(text: str) -> str:
    """Windows strips trailing dots/spaces; leading dots hide files on Unix."""
    return text.strip(" .").strip()


def safe_stem(title: str, *, max_bytes: int = MAX_NAME_BYTES) -> str:
    """A file name stem for ``title``, or ``""`` when nothing usable is left.

    >>> safe_stem('科普:什么是"AI"?')
    '科普：什么是＂AI＂？'
    >>> safe_stem("con")
    '_con'
    >>> safe_stem(" ... ")
    ''
    """
    text = unicodedata.normalize("NFC", str(title))
    # Control, format (zero-width, bidi overrides) and surrogate characters
    # are invisible or unencodable: line breaks become spaces, the rest go.
    text = "".join(
        " " if ch in "\t\n\r\v\f\x85\u2028\u2029"
        else "" if unicodedata.category(ch) in ("Cc", "Cf", "Cs")
        else ch
        for ch in text
    )
    text = _SPACES.sub(" ", text.translate(_FULLWIDTH))
    text = _tidy_ends(_truncate_utf8(_tidy_ends(text), max_bytes))
    if text.split(".", 1)[0].rstrip(" ").upper() in _RESERVED:
        text = _tidy_ends(_truncate_utf8("_" + text, max_bytes))
    return text


def name_key(name: str) -> str:
    """The form under which two names clash on case-insensitive, normalising file systems."""
    return unicodedata.normalize("NFC", name).casefold()


def _existing_keys(folder: Path | None) -> set[str]:
    if folder is None:
        return set()
    try:
        return {name_key(n) for n in os.listdir(folder)}
    except OSError:
        return set()  # a missing folder holds nothing; writing will report it clearly


def unique_names(titles: Iterable[str], suffix: str, folder: Path | None = None,
                 *, max_bytes: int = MAX_NAME_BYTES) -> list[str]:
    """One distinct file name (with ``suffix``, e.g. ``".md"``) per title.

    Names avoid files already in ``folder`` and each other: the second
    ``标题`` becomes ``标题 (2)``.  Each whole name fits in ``max_bytes``.

    >>> unique_names(["标题", "标题", "", "a/b"], ".md")
    ['标题.md', '标题 (2).md', 'article-03.md', 'a／b.md']
    """
    taken = _existing_keys(folder)
    names = []
    for index, title in enumerate(titles, start=1):
        stem = safe_stem(title, max_bytes=max_bytes - len(suffix.encode("utf-8")))
        if not stem:
            stem = fallback_stem(index)
        n = 1
        while True:
            extra = "" if n == 1 else f" ({n})"
            room = max_bytes - len(suffix.encode("utf-8")) - len(extra.encode("utf-8"))
            candidate = _tidy_ends(_truncate_utf8(stem, room)) + extra + suffix
            if name_key(candidate) not in taken:
                break
            n += 1
        taken.add(name_key(candidate))
        names.append(candidate)
    return names
