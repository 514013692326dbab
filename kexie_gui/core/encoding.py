"""Which encoding reads a page's bytes as a Chinese newspaper page: the plausibility of each candidate.

A generic detector asks "which language is this?"; on a ten-character
headline it often answers Korean, Thai or Big5, because GBK bytes decode
without error in all of them.  For this program's users a Chinese reading is
the strong prior, so every candidate decoding is weighed by how a Chinese
newspaper page reads: the share of common Han characters (GB2312 level 1,
the 3755 most frequent, then level 2), CJK punctuation, digits and Latin
letters; rare or traditional-only Han, Hangul, Thai, kana, private-use
and control characters count against it.  charset-normalizer is asked only
when no candidate of ours reads plausibly (a Russian or Japanese file).

    >>> best_reading("科协报".encode("gb18030")).encoding
    'gb18030'
    >>> best_reading("科协报".encode("utf-16-le")).encoding
    'utf-16-le'
"""
from __future__ import annotations

import codecs
import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

SAMPLE_BYTES = 64 * 1024  # candidates are weighed on the first 64 KiB; the winner decodes the whole file
SURE_UTF8_BYTES = 4096  # valid UTF-8 this long with non-ASCII bytes is UTF-8 (GBK never is by chance)
UTF16_MIN_SCORE = 1.8  # mean weight a UTF-16 reading without the NUL pattern needs: mostly common Han
PLAUSIBLE = 1.0  # mean weight below which no candidate of ours reads as a page: ask charset-normalizer too
MARGIN_SURE = 4.0  # a lead this large over the runner-up (about one character read clearly better) is sure

# What reading a file in each encoding is worth before its text is looked at (in character weights):
# GB18030 is what Chinese OCR and Windows tools write; Big5, Korean, Thai are rare on a Sichuan desk.
PRIORS = {"utf-8": 0.5, "gb18030": 1.0, "cp1252": -1.0, "utf-16-le": -1.0, "utf-16-be": -1.0, "big5": -1.0}
OTHER_PRIOR = -1.5  # an encoding charset-normalizer proposed (its first proposal: 0, see choose())
# A byte run that happens to be valid multi-byte UTF-8 is evidence for UTF-8: random GBK pairs form a
# valid two-byte sequence about one time in seven, a three-byte one far more rarely.
UTF8_SEQUENCE_EVIDENCE = {2: 2.0, 3: 3.0, 4: 3.0}
CANDIDATES = ("utf-8", "gb18030", "big5", "cp1252", "utf-16-le", "utf-16-be")
# what "Reopen with encoding…" offers first (any name Python knows can be typed)
COMMON_ENCODINGS = ("gb18030", "utf-8", "utf-16-le", "utf-16-be", "big5", "cp1252", "shift_jis", "euc-kr")


@functools.lru_cache(maxsize=1)
def _han_levels() -> tuple[frozenset, frozenset, frozenset]:
    """GB2312 level 1 (3755 common characters), level 2 (3008 less common), Big5's common traditional set."""
    def table(codec: str, rows: Iterable[int], cols: Iterable[int]) -> frozenset:
        out = set()
        for r in rows:
            for c in cols:
                try:
                    out.add(bytes((r, c)).decode(codec))
                except UnicodeDecodeError:
                    continue
        return frozenset(out)

    level1 = table("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF))
    level2 = table("gb2312", range(0xD8, 0xF8), range(0xA1, 0xFF))
    big5_common = table("big5", range(0xA4, 0xC7), list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)))
    return level1, level2, big5_common - level1 - level2


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ASCII_DIGITS_SPACE = frozenset("0123456789 ")
_ASCII_PUNCT = frozenset(".,;:!?'\"()-/%")
_LATIN1_TEXT = frozenset("°±·×÷")

# The weight of a character neither ASCII nor a unified Han character, by its code point: the first
# range (first, last, weight) that holds it, tried in this order; any other character weighs -2.5.
_RANGES = (
    (0x3000, 0x303F, 2.0), (0xFF01, 0xFF5E, 2.0),  # 、。《》【】 ，（）！？
    (0x2010, 0x2027, 2.0), (0x2030, 0x203A, 2.0),  # —…“”‘’
    (0xC0, 0xFF, 0.5),  # é ü ç: a Western text has a few among ASCII letters
    (0xAD, 0xAD, -2.0),  # a soft hyphen is invisible
    (0xA0, 0xBF, -0.5),  # Latin-1 symbols
    (0x80, 0x9F, -6.0), (0xFFFD, 0xFFFD, -6.0),  # C1 controls; U+FFFD: a byte this reading could not decode
    (0x0100, 0x024F, -0.5),  # Latin Extended: Central European or Baltic code pages misreading Latin-1 (crčme)
    (0x0370, 0x04FF, 0.5),  # Greek, Cyrillic: letters, as rare on a Chinese page as é
    (0x2460, 0x24FF, 0.5), (0x2160, 0x217F, 0.5), (0x2100, 0x215F, 0.5),  # ① Ⅱ ℃
    (0x3400, 0x4DBF, -2.0), (0xF900, 0xFAFF, -2.0), (0x20000, 0x10FFFF, -2.0),  # rare Han: ext. A/B, compat.
    (0x3040, 0x30FF, -1.5),  # kana
    (0xAC00, 0xD7A3, -2.5), (0x1100, 0x11FF, -2.5), (0x3130, 0x318F, -2.5),  # Hangul
    (0x0E00, 0x0E7F, -3.0), (0xFF61, 0xFF9F, -3.0),  # Thai; half-width katakana
    (0xE000, 0xF8FF, -4.0),  # private use: what GB18030 gives for bytes no character has
)


def char_weight(ch: str) -> float:
    """How typical ``ch`` is of a Chinese newspaper page (positive) or of a wrong decoding (negative).

    Damage weighed: bytes read in the wrong encoding give rare Han, Hangul, Thai, private-use
    characters where a page has common Han, CJK marks, digits and Latin letters.

    >>> [char_weight(ch) for ch in "科惆報衪학"]  # level 1, level 2, traditional, rare, Hangul
    [3.0, 1.5, 0.3, -1.0, -2.5]
    """
    o = ord(ch)
    if o < 0x80:
        return _ascii_weight(ch)
    if 0x4E00 <= o <= 0x9FFF:
        return _han_weight(ch)
    if ch in _LATIN1_TEXT:
        return 0.5  # ° ± · × ÷ of science text
    return next((w for first, last, w in _RANGES if first <= o <= last), -2.5)


def _ascii_weight(ch: str) -> float:
    """:func:`char_weight` of an ASCII character.

    >>> [_ascii_weight(ch) for ch in "5a,#"] + [_ascii_weight("\x07")]
    [1.5, 1.2, 1.0, -0.5, -5.0]
    """
    if ch in _ASCII_DIGITS_SPACE:
        return 1.5
    if ch in _ASCII_LETTERS:
        return 1.2  # a little below common Han: six random letters are no likelier than three 常用字
    if ch in "\n\r\t" or ch in _ASCII_PUNCT:
        return 1.0
    if 0x20 < ord(ch) < 0x7F:
        return -0.5  # [\]^_`{|}~@#$&*+<=> : rare in running text, common in misread UTF-16
    return -5.0  # a control character


def _han_weight(ch: str) -> float:
    """:func:`char_weight` of a unified Han character: common ones weigh most."""
    level1, level2, big5_common = _han_levels()
    if ch in level1:
        return 3.0
    if ch in level2:
        return 1.5
    return 0.3 if ch in big5_common else -1.0


def weights(text: str) -> float:
    """Sum of :func:`char_weight` over ``text``."""
    return sum(char_weight(ch) * n for ch, n in Counter(text).items())


def plausibility(text: str) -> float:
    """Mean :func:`char_weight` of ``text`` (0 for no text): about 3 for a clean Chinese page, < 0 for mojibake."""
    return weights(text) / len(text) if text else 0.0


@dataclass(frozen=True)
class Candidate:
    """One way to read the bytes: the codec, the sample's text, how plausible it reads, what it could not decode.

    ``mean`` is the mean character weight (thresholds use it); ``score``
    the sum plus the encoding's prior and evidence (candidates are ranked by it).
    """

    encoding: str
    text: str  # the decoded sample
    mean: float
    score: float
    replaced: int = 0


@dataclass(frozen=True)
class Choice:
    """The winning reading and how sure it is."""

    encoding: str
    confidence: float
    runner_up: str | None
    mean: float


def _decode_sample(data: bytes, codec: str, complete: bool) -> tuple[str, int] | None:
    """``(text, replaced)`` of ``data`` in ``codec``; a cut multi-byte character at a sample's end is not an error."""
    try:
        if complete:
            return data.decode(codec), 0
        return codecs.getincrementaldecoder(codec)().decode(data, final=False), 0
    except UnicodeDecodeError:
        pass
    except LookupError:
        return None
    text = codecs.getincrementaldecoder(codec)(errors="replace").decode(data, final=complete)
    return text, text.count("\ufffd")


def _utf8_evidence(text: str) -> float:
    return sum(UTF8_SEQUENCE_EVIDENCE.get(len(ch.encode("utf-8", "surrogatepass")), 0.0) * n
               for ch, n in Counter(text).items() if ord(ch) >= 0x80)


def damage_limit(chars: int) -> int:
    """How many damaged spots a reading may hold and still be a reading (not the wrong encoding)."""
    return max(3, chars // 200)


def damaged_spots(text: str) -> int:
    """Runs of U+FFFD: two junk bytes inside a character show as several �, but are one damaged spot.

    >>> damaged_spots("科\ufffd\ufffd\ufffd协\ufffd")
    2
    """
    return len(_FFFD_RUNS.findall(text)) if "\ufffd" in text else 0


_FFFD_RUNS = re.compile("\ufffd+")


def codec_name(name: str) -> str | None:
    """Python's own name of a codec (``utf_16_le`` -> ``utf-16-le``), None when unknown."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def candidates(data: bytes, *, utf16_min: float = UTF16_MIN_SCORE, only: tuple[str, ...] = CANDIDATES,
               extra: tuple[str, ...] = (), priors: dict | None = None) -> list[Candidate]:
    """Every plausible reading of ``data`` (its first :data:`SAMPLE_BYTES`), best first.

    A UTF-16 reading must reach a mean weight of ``utf16_min``: without the
    NUL pattern of UTF-16 only text made of common Han characters earns it.
    """
    complete = len(data) <= SAMPLE_BYTES
    sample = data if complete else data[:SAMPLE_BYTES]
    ascii_only = max(sample, default=0) < 0x80  # every byte-oriented encoding reads it alike: no prior counts
    out = []
    for codec in only + tuple(c for c in extra if c not in only):
        if codec.startswith("utf-16") and len(data) % 2:
            continue
        decoded = _decode_sample(sample, codec, complete)
        if decoded is None:
            continue
        text, replaced = decoded
        if not text or damaged_spots(text) > damage_limit(len(text)):
            continue
        total = weights(text)
        mean = total / len(text)
        if codec.startswith("utf-16") and mean < utf16_min:
            continue  # no UTF-16 without strong evidence
        score = total + (0.0 if ascii_only and not codec.startswith("utf-16")
                         else (priors or PRIORS).get(codec, OTHER_PRIOR))
        if codec == "utf-8" and not replaced:
            score += _utf8_evidence(text)
        out.append(Candidate(codec, text, mean, score, replaced))
    out.sort(key=lambda c: -c.score)
    return out


def _generic_guess(data: bytes) -> tuple[str, ...]:
    """charset-normalizer's proposals for a file none of our candidates reads (Cyrillic, Japanese…).

    UTF-16 and UTF-32 are left out: without a BOM they need the evidence only our NUL rules weigh.
    """
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it is a dependency; a broken install still opens UTF-8/GB pages
        return ()
    try:
        matches = from_bytes(data[:SAMPLE_BYTES])
    except Exception:  # noqa: BLE001 - a detector failure means "no proposal", never a failed page
        return ()
    names = (codec_name(m.encoding) for m in matches)
    return tuple(dict.fromkeys(n for n in names if n and not n.startswith(("utf-16", "utf-32"))))[:4]


def choose(data: bytes, *, utf16_min: float | None = None,
           only: tuple[str, ...] | None = None) -> tuple[Choice, list[Candidate]] | None:
    """The most plausible reading of ``data`` and the candidates behind it; None when nothing reads as text."""
    found = _readings(data, UTF16_MIN_SCORE if utf16_min is None else utf16_min, only)
    if not found:
        return None
    best = found[0]
    same = [c for c in found if c.text == best.text]
    if len(same) > 1 and any(c.encoding == "utf-8" for c in same):
        best = next(c for c in same if c.encoding == "utf-8")  # ASCII reads the same in all: call it UTF-8
        found = [best] + [c for c in found if c is not best]
    rival = next((c for c in found[1:] if c.text != best.text), None)
    return Choice(best.encoding, _confidence(best, rival), rival.encoding if rival else None, best.mean), found


def _readings(data: bytes, utf16_min: float, only: tuple[str, ...] | None) -> list[Candidate]:
    """Our candidates, best first; when none reads plausibly (and no set was asked for), with the
    encodings a generic detector proposes."""
    found = candidates(data, utf16_min=utf16_min, only=only or CANDIDATES)
    if only is None and (not found or found[0].mean < PLAUSIBLE):
        extra = _generic_guess(data)
        if extra:  # none of ours reads it: the detector knows the languages we do not weigh
            found = candidates(data, utf16_min=utf16_min, only=CANDIDATES, extra=extra,
                               priors={**PRIORS, extra[0]: PRIORS.get(extra[0], 0.0)})
    return found


def _confidence(best: Candidate, rival: Candidate | None) -> float:
    """How sure the choice of ``best`` is: its lead over the first reading that differs (and at most
    even odds when even the best reads implausibly)."""
    if rival is None:
        confidence = 1.0
    else:
        confidence = max(0.0, min(1.0, 0.5 + 0.5 * (best.score - rival.score) / MARGIN_SURE))
    return min(confidence, 0.5) if best.mean < PLAUSIBLE else confidence


def best_reading(data: bytes) -> Choice | None:
    """:func:`choose` without the candidates (for tests and the benchmark)."""
    chosen = choose(data)
    return chosen[0] if chosen else None
