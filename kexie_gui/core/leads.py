"""Put a piece of text printed between a headline and its news lead back after the lead.

Damage repaired: a news lead (``本报讯 …``, ``新华社…电``) opens its article right
under the headline (and its reporter line or 副题).  Where a column was read out
of turn, the piece that goes on the lead's sentence stands between the two:

    “家门口”的科普馆开进老旧小区
    设有生命健康、安全应急和智慧生活3个展区，…      ← the lead's second half
    本报讯 5月18日，某市首个社区科普馆…面积约260平方米，

A lead cut off mid-sentence (its last line before a paragraph's end or a block's
end stops on a comma or a character) and a piece of text between it and the
headline: the headline goes on with the lead, the lead's cut sentence in the
piece, and the piece in what followed the lead.

And a headline set over columns that a tool read row by row goes on into the
lead right under it, not into a line of another column a period down
(``lead_under_headline``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the link scorer's context; this module is called from ``order``
    from .order import Context

HEADLINE = ("T", "TC")
PIECE_LINES = 8  # a piece printed between a headline and its lead is at most this many lines long
BODY = ("P", "C")  # what a first reading may take the piece for (a reporter line, 副题 or kicker stays)


def lead_after_headline(ctx: Context, succ: list[int | None]) -> list[int | None]:
    """``succ`` with every piece found between a headline and its cut-off lead moved after the lead."""
    if ctx.labels is None:
        return succ
    succ = list(succ)
    for h in range(len(succ) - 2):
        found = _misplaced(ctx, succ, h)
        if found is None:
            continue
        first, last, lead, cut = found
        after = succ[cut]
        succ[h], succ[cut], succ[last] = lead, first, after
    return succ


def lead_under_headline(ctx: Context, succ: list[int | None]) -> list[int | None]:
    """``succ`` with every headline read on into its own news lead where the lead stands right under it and
    nothing else reads into the lead.

    Damage: a headline over three columns whose lines a tool read row by row (pdfminer, line-level OCR)
    stands above the rows; the lines a period of interleaving down from it (every third line) are taken
    for its text, so the headline is read into the third column and the lead under it opens a chain of its
    own, read after (``某县举办科技培训班`` / ``本报讯 为提升…`` / ``发言，就…`` / ``一是…``: the headline
    went on in ``一是…``).  The column the headline was read into opens a chain of its own again, read
    where its first line stands.  A line whose successor carries its words on is no headline, whatever a
    first reading took it for."""
    if ctx.labels is None:
        return succ
    labels, n = ctx.labels, len(succ)
    has_pred = [False] * n
    for b in succ:
        if b is not None:
            has_pred[b] = True
    out = list(succ)
    for h in range(n - 1):
        lead, taken = h + 1, out[h]
        if taken is None or taken == lead or labels[h] not in HEADLINE or has_pred[lead]:
            continue
        if ctx.shapes[lead].start == "agency" and labels[lead] in BODY \
                and not ctx.carries_on(h, taken):  # (a body line taken for a headline: ``…给予充`` | ``分肯定``)
            has_pred[lead], has_pred[taken] = True, False
            out[h] = lead
    return out


def _misplaced(ctx: Context, succ: list[int | None], h: int) -> tuple[int, int, int, int] | None:
    """For headline line ``h`` read straight on into a piece of text that runs into a lead: the piece's
    first and last lines, the lead's first line and the line where the lead's sentence is cut off."""
    labels = ctx.labels
    assert labels is not None
    if labels[h] not in HEADLINE or succ[h] != h + 1 or labels[h + 1] not in BODY:
        return None
    last = h + 1
    while last - h <= PIECE_LINES and succ[last] == last + 1 and labels[last + 1] in BODY \
            and ctx.shapes[last + 1].start != "agency":
        last += 1
    lead = last + 1
    if succ[last] != lead or lead >= len(succ) or ctx.shapes[lead].start != "agency":
        return None
    cut = _cut_end(ctx, succ, lead)
    return None if cut is None else (h + 1, last, lead, cut)


def _cut_end(ctx: Context, succ: list[int | None], lead: int) -> int | None:
    """The lead's last line before its paragraph ends or its block does, if it stops mid-sentence there
    (a lead that ends its sentence goes on in nothing printed elsewhere)."""
    units, labels = ctx.units, ctx.labels
    assert labels is not None
    line = lead
    while succ[line] == line + 1 and not units[line + 1].blank_before and labels[line + 1] == "C" \
            and ctx.shapes[line].full:
        line += 1
    return line if ctx.shapes[line].end in ("clause", "none") and not ctx.shapes[line].heading else None
