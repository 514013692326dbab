"""Bytes to a :class:`Page`: encoding detection, BOMs, line endings, clear errors.

charset-normalizer does the guessing for files that are not UTF-8/UTF-16 with a
BOM: it is maintained, pure Python and judges by how plausible the decoded text
is, which is what tells GB18030 from Big5 or Latin-1 on short Chinese pages.
"""
from __future__ import annotations

import codecs
import hashlib
import os
from pathlib import Path

from .model import Page

MAX_BYTES = 64 * 1024 * 1024  # 64 MiB: ten times the largest page batch we have seen
BINARY_CONTROL_SHARE = 0.05  # more C0 control characters than this: not text


class KexieError(Exception):
    """An error with a message meant for the editor (no traceback)."""


class LoadError(KexieError):
    pass


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def normalise_newlines(text: str) -> tuple[str, str]:
    """CRLF and lone CR become LF; returns the text and the dominant original ending.

    >>> normalise_newlines("a\\r\\nb\\rc\\n")
    ('a\\nb\\nc\\n', '\\r\\n')
    """
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    dominant = max((crlf, "\r\n"), (lf, "\n"), (cr, "\r"))[1] if (crlf or cr or lf) else "\n"
    if cr or crlf:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, dominant


def _plausible_share(text: str) -> float:
    """Share of characters a Chinese page is made of: Han, ASCII, CJK punctuation, white space."""
    if not text:
        return 0.0
    good = sum(1 for ch in text if ch.isascii() and (ch.isprintable() or ch in "\n\r\t")
               or "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"
               or "\u2010" <= ch <= "\u206f")
    return good / len(text)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a byte-order mark: pick the byte order whose text reads as a Chinese page."""
    if len(data) < 4 or len(data) % 2:
        return None
    best = None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        share = _plausible_share(text[:5000])
        if share >= 0.9 and (best is None or share > best[0]):
            best = (share, text, enc)
    return (best[1], best[2]) if best else None


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode a page's bytes; returns ``(text, encoding)`` or raises :class:`LoadError`."""
    if not data:
        raise LoadError(f"{name}: the file is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise LoadError(f"{name}: starts with a {enc} byte-order mark but is not valid {enc} ({exc.reason})")
            return text.lstrip("\ufeff"), enc.replace("-sig", "") + ("-bom" if enc == "utf-8-sig" else "")
    if b"\x00" not in data:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    nuls = data.count(b"\x00")
    if nuls and nuls <= max(3, len(data) // 1000):
        # a few stray NUL bytes in a text page (a damaged transfer): drop them, keep the page
        try:
            return data.replace(b"\x00", b"").decode("utf-8"), f"utf-8 ({nuls} NUL byte(s) removed)"
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise LoadError(f"{name}: this is not a text file (it contains NUL bytes); open a plain-text page")
    damaged = data.decode("utf-8", errors="replace")
    if damaged.count("\ufffd") <= max(3, len(damaged) // 1000):
        return damaged, f"utf-8 ({damaged.count(chr(0xFFFD))} invalid byte sequence(s) replaced by U+FFFD)"
    # Not UTF-8: Chinese OCR output is almost always GB18030/GBK; confirm with the detector.
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    candidates = []
    if best is not None:
        candidates.append(best.encoding)
    candidates.append("gb18030")
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if enc.lower().replace("_", "") in ("gb2312", "gbk"):
            enc = "gb18030"  # its superset decodes the same bytes without loss
            text = data.decode(enc)
        return text, enc
    # Mostly UTF-8 with a few damaged bytes: keep the text, mark the damage with U+FFFD.
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad <= max(3, len(text) // 100):
        return text, f"utf-8 ({bad} invalid byte sequence(s) replaced by U+FFFD)"
    raise LoadError(f"{name}: cannot tell the text encoding (tried UTF-8, UTF-16 and GB18030)")


def _check_text(text: str, name: str) -> None:
    if not text.strip():
        raise LoadError(f"{name}: the file holds only white space, no text")
    sample = text[:100_000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if controls > BINARY_CONTROL_SHARE * len(sample):
        raise LoadError(f"{name}: this is not a text file (too many control characters)")


def page_from_bytes(data: bytes, source: str = "<bytes>") -> Page:
    """Decode bytes into a :class:`Page`; raises :class:`LoadError` with a clear message."""
    name = os.path.basename(source) or source
    if len(data) > MAX_BYTES:
        raise LoadError(f"{name}: the file is {len(data) / 2**20:.0f} MiB; pages larger than "
                        f"{MAX_BYTES // 2**20} MiB are not opened")
    text, encoding = decode(data, name)
    text = text.replace("\x00", "")
    _check_text(text, name)
    text, newline = normalise_newlines(text)
    return Page(source=source, text=text, encoding=encoding, newline=newline,
                sha256=hashlib.sha256(data).hexdigest())


def page_from_text(text: str, source: str = "<text>") -> Page:
    text = text.lstrip("\ufeff")
    text, newline = normalise_newlines(text)
    return Page(source=source, text=text, encoding="utf-8", newline=newline,
                sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


def load_page(path: str | os.PathLike) -> Page:
    """Read and decode one page file; every failure becomes a :class:`LoadError`."""
    p = Path(path)
    name = p.name or str(p)
    try:
        if p.is_dir():
            raise LoadError(f"{name}: is a folder, not a text file")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise LoadError(f"{name}: the file is {size / 2**20:.0f} MiB; pages larger than "
                            f"{MAX_BYTES // 2**20} MiB are not opened")
        data = p.read_bytes()
    except FileNotFoundError:
        raise LoadError(f"{name}: no such file") from None
    except PermissionError:
        raise LoadError(f"{name}: permission denied (cannot read the file)") from None
    except IsADirectoryError:
        raise LoadError(f"{name}: is a folder, not a text file") from None
    except OSError as exc:
        raise LoadError(f"{name}: cannot read the file ({exc.strerror or exc})") from None
    return page_from_bytes(data, str(p))
