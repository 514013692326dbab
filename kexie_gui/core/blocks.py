"""Split a page into blocks: the pieces OCR printed, with raw offsets and lines.

Two layouts occur: blank-line pages (a blank line between blocks) and
hard-wrapped pages (one printed line per text line, paragraphs indented with
full-width spaces, no blank lines).  One rule serves both: a line continues
the block above it only when nothing separates them (no blank line, no
indent) and the line above is *full*, i.e. it ran to the column edge.
"""
from __future__ import annotations

import statistics

import regex
from dataclasses import dataclass

from . import furniture as fz
from .classify import glued_byline
from .model import Block, Page, Text
from .text import LEAD_AGENCY, TIME_PHRASE, BRACKETED, CLAUSE_MARKS, CLOSERS, SENTENCE_END, SUBTITLE_DASH, han_share, ends_sentence, has_clause_marks, is_latin_char, is_reporter_line

INDENT_CHARS = "\u3000 \t"
FULL_LINE_SHARE = 0.8  # a line this close to the page's line width ran to the edge
EDGE_SHARE = 0.9  # a heading this long was wrapped at the edge, and the next line is its tail


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    start: int  # raw offset of the first character
    text: str  # without the newline

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for n, raw in enumerate(text.split("\n"), 1):
        lines.append(Line(n, pos, raw))
        pos += len(raw) + 1
    return lines


def indent_width(s: str) -> int:
    """Characters of leading indentation (ideographic or ASCII spaces, tabs)."""
    return len(s) - len(s.lstrip(INDENT_CHARS))


def is_indented(s: str) -> bool:
    """A paragraph start on a hard-wrapped page: two or more spaces, one of them full-width counts double.

    >>> is_indented("\u3000\u3000本报讯"), is_indented("本报讯"), is_indented("  text")
    (True, False, True)
    """
    lead = s[: indent_width(s)]
    return sum(2 if ch == "\u3000" else (4 if ch == "\t" else 1) for ch in lead) >= 2


def line_width(lines: list[Line]) -> float:
    """Typical printed width: the upper median of non-blank line lengths."""
    lengths = sorted(len(l.text.strip()) for l in lines if l.text.strip())
    if not lengths:
        return 0.0
    top = lengths[len(lengths) // 4:]  # headlines and short last lines pull the median down
    return float(statistics.median(top))


def is_hard_wrapped(lines: list[Line]) -> bool:
    """Hard-wrapped: many consecutive text lines and hardly any blank line between them."""
    nonblank = [l for l in lines if l.text.strip()]
    if len(nonblank) < 6:
        return False
    adjacent = sum(1 for a, b in zip(lines, lines[1:]) if a.text.strip() and b.text.strip())
    return adjacent >= 0.6 * len(nonblank)


_LATIN_LINE = regex.compile(r"^[A-Za-z]+( +[A-Za-z]+)+$")


def standalone_line(text: str) -> bool:
    """Lines printed on their own, never wrapped into a paragraph: captions, credits,
    jump lines, page furniture, bracketed bylines, reporter lines, pinyin headers.

    >>> standalone_line("图为活动现场。"), standalone_line("(肖东 姜国涛)"), standalone_line("服务创新创业中建功立业,")
    (True, True, False)
    """
    s = text.strip()
    if s.isdigit():
        return False  # a number wrapped at the column edge, not a page number
    return bool(fz.classify_single(s) or BRACKETED.match(s) or _LATIN_LINE.match(s) or is_reporter_line(s)
                or SUBTITLE_DASH.match(s))


def _heading_line(s: str) -> bool:
    s = s.strip()
    return bool(s) and not ends_sentence(s) and not has_clause_marks(s) and s[-1:] not in CLAUSE_MARKS


def _lead_below_headings(below: list[str]) -> bool:
    """The lines below are headings (none or more) and then a paragraph start or a standalone line."""
    for nxt in below:
        if is_indented(nxt) or standalone_line(nxt):
            return True
        if not _heading_line(nxt):
            return False
    return True


def _opens_article_line(line: str) -> bool:
    """A line that only ever comes right under a headline."""
    s = line.strip()
    if is_indented(line):
        return bool(LEAD_AGENCY.match(s) or TIME_PHRASE.match(s))
    return is_reporter_line(s) or bool(SUBTITLE_DASH.match(s)) or (fz.jump_line(s) is not None and "上接" in s)


def wraps_on(text: str) -> bool:
    """Standalone lines that may run over two lines: a caption, a 副题."""
    s = text.strip()
    if ends_sentence(s) or s.endswith("摄"):
        return False  # a caption ends with its full stop or its photographer's credit
    return bool(SUBTITLE_DASH.match(s)) or fz.caption(s) == fz.CAPTION


def _starts_new_block(prev: str, line: str, below: list[str], width: float, wrapped: bool) -> bool:
    """Whether ``line`` starts a block of its own although no blank line precedes it.

    ``below`` holds the next lines up to the next blank line (at most three are read).
    """
    p, s = prev.strip(), line.strip()
    after = below[0] if below else None
    if s[:1] in CLOSERS + SENTENCE_END + CLAUSE_MARKS and not is_indented(line):
        return False  # no printed line starts with a closing quote or a comma: it is wrapped text
    if is_indented(line) or width < 8 or standalone_line(s):
        return True
    if standalone_line(p) and not (len(p) >= EDGE_SHARE * width and wraps_on(p)):
        return True
    if len(p) < FULL_LINE_SHARE * width:
        return True  # the line above stopped short of the column edge
    if wrapped and _heading_line(s) and after is not None and _opens_article_line(after) \
            and not (_heading_line(p) and len(p) >= EDGE_SHARE * width):
        return True  # a headline (not the tail of a wrapped one): a lead, reporter line or 副题 comes under it
    if wrapped and _heading_line(p) and _heading_line(s) and len(p) < EDGE_SHARE * width \
            and _lead_below_headings(below):
        return True  # a headline under a heading that did not reach the edge (a repeated headline)
    if glued_byline(p):
        return True  # a byline closes its article: what follows belongs to another block
    if ends_sentence(p):
        if not wrapped:
            return True
        # a heading under a paragraph that happened to fill its last line; a piece
        # cut by a column break is followed by the rest of its paragraph instead
        if not _heading_line(s):
            return False
        full = len(s) >= FULL_LINE_SHARE * width
        if full and "、" in s:
            return False  # a full line with an enumeration comma is running text
        if after is None or is_indented(after) or standalone_line(after):
            return True
        a = after.strip()
        if not full and len(a) < FULL_LINE_SHARE * width and not ends_sentence(a):
            return True  # a short heading above another short one (kicker, 副题)
        # headings in a row (a repeated headline above the next one, a kicker above a
        # long headline that wraps): the last of them is followed by its lead
        return _lead_below_headings(below)
    return False


def _joiner(left: str, right: str) -> tuple[str, int]:
    """How two printed lines of one paragraph join: returns (separator, chars to drop from left).

    Chinese joins with nothing; Latin words join with a space; a hyphen that
    splits a Latin word at the line end is removed.

    >>> _joiner("科技", "工作"), _joiner("tech-", "nology"), _joiner("open", "source"), _joiner("增收42", "0余户")
    (('', 0), ('', 1), (' ', 0), ('', 0))
    """
    if not left or not right:
        return "", 0
    if han_share(left) > 0.3 or han_share(right) > 0.3:
        return "", 0  # Chinese is wrapped anywhere, even inside a number or an acronym
    if left.endswith("-") and len(left) > 1 and is_latin_char(left[-2]) and right[0].islower():
        return "", 1
    if is_latin_char(left[-1]) and is_latin_char(right[0]):
        return " ", 0
    if left[-1] in ",.;:!?" and is_latin_char(right[0]):
        return " ", 0
    return "", 0


def _block_text(lines: list[Line]) -> Text:
    """Unwrap the lines of one block, dropping indentation and line-end spaces, with provenance."""
    if len(lines) == 1:  # the common case on blank-line pages
        line = lines[0]
        lead = indent_width(line.text)
        return Text.traced(line.text[lead:].rstrip(), line.start + lead)
    out = Text()
    for line in lines:
        lead = indent_width(line.text)
        body = line.text[lead:].rstrip()
        piece = Text.traced(body, line.start + lead)
        if out:
            sep, drop = _joiner(str(out), body)
            if drop:
                out = out.slice(0, len(out) - drop)
            if sep:
                out = out + Text.untraced(sep)
        out = out + piece
    return out


REPEAT_MIN = 12  # a repeated tail shorter than this could be a stock phrase


def split_repeated_tails(groups: list[list[Line]], unwrapped: list[Text]) -> tuple[list[list[Line]], list[Text]]:
    """Cut a wrapped block where a repeated piece was printed right after a finished paragraph.

    On a hard-wrapped page a piece repeated out of place (``心里非常踏实。“只要群众
    有需要…``) runs on from the paragraph above when that paragraph filled its last
    line: nothing in the layout separates them.  Its text does: everything from a
    line start after a sentence end to the block's end is the opening of another
    block.  Only such whole tails are cut, so a stock sentence quoted mid-paragraph
    is left alone.  ``unwrapped`` holds each group's text; the texts of the result come back too.
    """
    texts = ["".join(str(t).split()) for t in unwrapped]
    openings: dict[str, list[int]] = {}
    for k, t in enumerate(texts):
        if len(t) >= REPEAT_MIN:
            openings.setdefault(t[:REPEAT_MIN], []).append(k)
    out: list[list[Line]] = []
    out_texts: list[Text] = []
    for k, g in enumerate(groups):
        cut = None
        for j in range(1, len(g)):
            if not ends_sentence(g[j - 1].text.strip()):
                continue
            tail = "".join(_block_text(g[j:]).split())
            if len(tail) < REPEAT_MIN:
                continue
            if any(other != k and texts[other].startswith(tail) for other in openings.get(tail[:REPEAT_MIN], ())):
                cut = j
                break
        if cut is None:
            out.append(g)
            out_texts.append(unwrapped[k])
        else:
            out += [g[:cut], g[cut:]]
            out_texts += [_block_text(g[:cut]), _block_text(g[cut:])]
    return out, out_texts


def split_blocks(page: Page) -> tuple[tuple[Block, ...], bool]:
    """Blocks of ``page`` in page order, and whether the page is hard-wrapped."""
    lines = split_lines(page.text)
    wrapped = is_hard_wrapped(lines)
    width = line_width(lines)
    groups: list[list[Line]] = []
    prev: Line | None = None
    for n, line in enumerate(lines):
        stripped = line.text.strip()
        if not stripped:
            prev = None
            continue
        below = []
        for nxt in lines[n + 1:n + 4]:
            if not nxt.text.strip():
                break
            below.append(nxt.text)
        if prev is not None and groups and not _starts_new_block(prev.text, line.text, below, width, wrapped):
            groups[-1].append(line)
        else:
            groups.append([line])
        prev = line
    unwrapped = [_block_text(g) for g in groups]
    if wrapped:
        groups, unwrapped = split_repeated_tails(groups, unwrapped)
    blocks = []
    for g, text in zip(groups, unwrapped):
        if not text:
            continue
        blocks.append(Block(
            index=len(blocks),
            start=g[0].start + indent_width(g[0].text),
            end=g[-1].end,
            line_start=g[0].number,
            line_end=g[-1].number,
            text=text,
            indented=is_indented(g[0].text),
        ))
    return tuple(blocks), wrapped
