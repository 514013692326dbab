"""Bytes to a :class:`Page`: BOMs, stray NUL bytes, encodings, line endings, clear errors.

The order matters: a byte-order mark decides; then a few stray NUL bytes are
dropped (and said so) before UTF-16 without a BOM is even considered; then the
reading most plausible for a Chinese newspaper page wins (:mod:`.encoding`).
Every page carries a :class:`~.model.Reading` saying how it was read, what was
guessed and what was replaced or dropped, for the CLI and the window to show.
"""
from __future__ import annotations

import codecs
import hashlib
import os
import stat
from dataclasses import replace
from pathlib import Path

from .encoding import PLAUSIBLE, SURE_UTF8_BYTES, UTF16_MIN_SCORE, choose, damage_limit, damaged_spots
from .model import Page, Reading

MAX_BYTES = 64 * 1024 * 1024  # 64 MiB: ten times the largest page batch we have seen
BINARY_CONTROL_SHARE = 0.05  # more C0 control characters than this: not text


class KexieError(Exception):
    """An error with a message meant for the editor (no traceback)."""


class LoadError(KexieError):
    pass


_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
REFUSE_BELOW = 0.3  # the best reading scores below this: mojibake whatever the encoding, say so instead


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


def _size_text(size: int) -> str:
    """``67,108,865 bytes (64.0 MiB)``: exact enough that a file just over the limit does not read as the limit."""
    return f"{size:,} bytes ({size / 2**20:.1f} MiB)"


def too_large(name: str, size: int) -> LoadError:
    return LoadError(f"{name}: the file is {_size_text(size)}, more than the {MAX_BYTES // 2**20} MiB a page "
                     f"may have; it was not opened")


def _decode_or_count(data: bytes, codec: str) -> tuple[str, int]:
    """The text and how many byte sequences had to be shown as U+FFFD."""
    try:
        return data.decode(codec), 0
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
        return text, text.count("\ufffd")


def _by_bom(data: bytes, name: str) -> tuple[str, Reading] | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text, replaced = _decode_or_count(data[len(bom):], codec)
            if damaged_spots(text) > damage_limit(len(text)):
                raise LoadError(f"{name}: starts with a {codec.upper()} byte-order mark but is not "
                                f"{codec.upper()} text ({replaced} invalid byte sequences)")
            return text, Reading(codec, how="bom", bom=True, replaced=replaced)
    return None


def _forced(data: bytes, codec: str, name: str) -> tuple[str, Reading]:
    """The editor named the encoding: decode with it, showing what does not fit as U+FFFD."""
    try:
        codec = codecs.lookup(codec).name
    except LookupError:
        raise LoadError(f"{name}: {codec!r} is not an encoding kexie knows (try gb18030, utf-8, utf-16, big5)") \
            from None
    text, replaced = _decode_or_count(data, codec)
    bom = text.startswith("\ufeff")
    text = text[1:] if bom else text
    nuls = text.count("\x00")
    return text.replace("\x00", ""), Reading(codec, how="forced", bom=bom, replaced=replaced, nul_dropped=nuls)


def _guess(data: bytes, name: str, utf16_min: float | None = None) -> tuple[str, Reading, float]:
    """Text without BOM or NUL bytes: the most plausible reading (see :mod:`.encoding`); returns its score too."""
    if not data:
        raise LoadError(f"{name}: this is not a text file (it holds only NUL bytes)")
    if len(data) >= SURE_UTF8_BYTES or (max(data) < 0x80 and len(data) > 256):
        try:
            return data.decode("utf-8"), Reading("utf-8"), 3.0  # a sure reading: no need to weigh others
        except UnicodeDecodeError:
            pass
    chosen = choose(data, utf16_min=utf16_min)
    if chosen is None:
        raise LoadError(f"{name}: cannot tell the text encoding (no encoding reads it as text); "
                        f"if you know it, name it (kexie --encoding NAME)")
    choice, found = chosen
    for cand in found:  # the winner decodes the whole file; if it fails past the sample, the next one may not
        text, replaced = _decode_or_count(data, cand.encoding)
        if damaged_spots(text) > damage_limit(len(text)):
            continue
        if cand.mean < REFUSE_BELOW:
            break
        sure = cand.encoding == choice.encoding and choice.confidence >= Reading.UNCERTAIN_BELOW
        how = "valid" if cand.encoding == "utf-8" and sure else "guess"
        if cand.encoding == choice.encoding:
            reading = Reading(cand.encoding, how=how, confidence=choice.confidence, runner_up=choice.runner_up,
                              replaced=replaced)
        else:
            reading = Reading(cand.encoding, how="guess", confidence=0.5, runner_up=choice.encoding,
                              replaced=replaced)
        return text, reading, cand.mean
    raise LoadError(f"{name}: cannot tell the text encoding (tried UTF-8, GB18030, UTF-16, Big5 and others; "
                    f"none reads as text); if you know it, name it (kexie --encoding NAME)")


def _with_nuls(data: bytes, name: str, nuls: int) -> tuple[str, Reading]:
    """NUL bytes: a few strays in a text file are dropped (said so); UTF-16 needs its NUL pattern and a plausible text.

    The stray rule comes first: ``abc\\0def`` is English with one bad byte,
    not the UTF-16 text 慢挀摥昊.  UTF-16 without BOM shows NULs in every
    ASCII character, all at one parity, across the file.
    """
    units = len(data) // 2
    at_even, at_odd = data[0::2].count(0), data[1::2].count(0)
    pattern = len(data) % 2 == 0 and nuls >= 2 and max(at_even, at_odd) >= 0.9 * nuls \
        and max(at_even, at_odd) * 4 > units
    stray, stray_mean = None, float("-inf")
    if nuls <= max(3, len(data) // 1000) and not pattern:  # a few: one in a thousand bytes at most
        try:  # NULs dropped from UTF-16 are no strays: the rest is read by the byte-oriented encodings only
            text, reading, stray_mean = _guess(data.replace(b"\x00", b""), name, utf16_min=float("inf"))
        except LoadError:
            pass
        else:
            stray = text, replace(reading, nul_dropped=nuls)
    if len(data) % 2 == 0:
        # UTF-16 without BOM: with the NUL pattern a plausible text will do; without it, only common Han,
        # and it must read better than the page with its stray NULs dropped
        chosen = choose(data, utf16_min=PLAUSIBLE if pattern else UTF16_MIN_SCORE, only=("utf-16-le", "utf-16-be"))
        if chosen is not None and chosen[0].mean > stray_mean:
            choice, _ = chosen
            text, replaced = _decode_or_count(data, choice.encoding)
            if damaged_spots(text) <= damage_limit(len(text)):
                return text, Reading(choice.encoding, how="guess", confidence=choice.confidence,
                                     runner_up=choice.runner_up or (stray[1].encoding if stray else None),
                                     replaced=replaced)
    if stray is not None:
        return stray
    raise LoadError(f"{name}: this is not a text file (it contains NUL bytes); open a plain-text page")


def read_text(data: bytes, name: str = "<bytes>", encoding: str | None = None) -> tuple[str, Reading]:
    """Decode a page's bytes; returns ``(text, reading)`` or raises :class:`LoadError`.

    ``encoding`` forces a codec (the editor knows better); otherwise a BOM
    decides, then the NUL rules, then the most plausible reading.
    """
    if not data:
        raise LoadError(f"{name}: the file is empty")
    if encoding:
        return _forced(data, encoding, name)
    by_bom = _by_bom(data, name)
    if by_bom is not None:
        return by_bom
    nuls = data.count(0)
    if nuls:
        return _with_nuls(data, name, nuls)
    text, reading, _ = _guess(data, name)
    return text, reading


def encoding_label(reading: Reading) -> str:
    """The short label kept in :attr:`Page.encoding` (and session files): ``gb18030``, ``utf-16`` (BOM)…"""
    if reading.bom:
        base = "utf-8-bom" if reading.encoding == "utf-8" else reading.encoding.rsplit("-", 1)[0]
    else:
        base = reading.encoding
    notes = []
    if reading.replaced:
        notes.append(f"{reading.replaced} invalid byte sequence(s) replaced by U+FFFD")
    if reading.nul_dropped:
        notes.append(f"{reading.nul_dropped} NUL byte(s) removed")
    return base + (f" ({'; '.join(notes)})" if notes else "")


def decode(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """``(text, encoding label)``: :func:`read_text` for callers that want only the label."""
    text, reading = read_text(data, name)
    return text, encoding_label(reading)


def _check_text(text: str, name: str) -> None:
    if not text.strip():
        raise LoadError(f"{name}: the file holds only white space, no text")
    sample = text[:100_000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if controls > BINARY_CONTROL_SHARE * len(sample):
        raise LoadError(f"{name}: this is not a text file (too many control characters)")


def page_from_bytes(data: bytes, source: str = "<bytes>", encoding: str | None = None) -> Page:
    """Decode bytes into a :class:`Page`; raises :class:`LoadError` with a clear message.

    ``encoding`` forces a codec (``--encoding``, "Reopen with encoding…").
    """
    name = os.path.basename(source) or source
    if len(data) > MAX_BYTES:
        raise too_large(name, len(data))
    text, reading = read_text(data, name, encoding)
    if "\x00" in text:  # a forced or BOM-declared reading may still hold NUL characters
        reading = replace(reading, nul_dropped=reading.nul_dropped + text.count("\x00"))
        text = text.replace("\x00", "")
    _check_text(text, name)
    text, newline = normalise_newlines(text)
    return Page(source=source, text=text, encoding=encoding_label(reading), newline=newline,
                sha256=hashlib.sha256(data).hexdigest(), reading=reading)


def page_from_text(text: str, source: str = "<text>") -> Page:
    text = text.lstrip("\ufeff")
    text, newline = normalise_newlines(text)
    return Page(source=source, text=text, encoding="utf-8", newline=newline,
                sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), reading=Reading("utf-8", how="text"))


def not_a_file(name: str, mode: int) -> LoadError | None:
    """A folder, FIFO, device or socket given as a page: refused before it is opened (a FIFO would hang)."""
    if stat.S_ISDIR(mode):
        return LoadError(f"{name}: is a folder, not a text file")
    if stat.S_ISFIFO(mode):
        return LoadError(f"{name}: is a named pipe (FIFO), not a file; give a page file, or - to read "
                         f"standard input")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return LoadError(f"{name}: is a device, not a text file")
    if not stat.S_ISREG(mode):
        return LoadError(f"{name}: is not a regular file")
    return None


def load_page(path: str | os.PathLike, encoding: str | None = None) -> Page:
    """Read and decode one page file; every failure becomes a :class:`LoadError`."""
    p = Path(path)
    name = p.name or str(p)
    try:
        st = p.stat()
        refusal = not_a_file(name, st.st_mode)
        if refusal is not None:
            raise refusal
        if st.st_size > MAX_BYTES:
            raise too_large(name, st.st_size)
        data = p.read_bytes()
    except FileNotFoundError:
        raise LoadError(f"{name}: no such file") from None
    except PermissionError:
        raise LoadError(f"{name}: permission denied (cannot read the file)") from None
    except IsADirectoryError:
        raise LoadError(f"{name}: is a folder, not a text file") from None
    except OSError as exc:
        raise LoadError(f"{name}: cannot read the file ({exc.strerror or exc})") from None
    return page_from_bytes(data, str(p), encoding)


def load_stream(stream, source: str = "<stdin>", encoding: str | None = None) -> Page:
    """A page read from a binary stream (``kexie clean -`` reads standard input), size-limited like a file."""
    try:
        data = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise LoadError(f"{source}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise LoadError(f"{source}: more than the {MAX_BYTES // 2**20} MiB a page may have; it was not read")
    return page_from_bytes(data, source, encoding)
