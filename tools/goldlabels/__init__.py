"""Gold labels for raw lines: which gold place each raw character and line holds.

    python -m tools.goldlabels DIR… --out labels.jsonl

``align`` maps every raw character to its gold place, ``line_records`` turns
that into one record per raw line (labels, reading-order position, the line
that follows in reading order). Standard library only.
"""
from .aligner import Alignment, Item, align, gold_items
from .lines import LineRecord, is_subhead, line_records
from .pages import Page, PageError, corpus_pages, decode, read_page

__all__ = ["Alignment", "Item", "LineRecord", "Page", "PageError", "align", "corpus_pages", "decode",
           "gold_items", "is_subhead", "line_records", "read_page"]
