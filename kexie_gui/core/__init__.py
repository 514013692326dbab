"""The analysis core: pure Python, no Qt.

    page = load_page("PAGE.txt")          # bytes -> text, clear errors
    analysis = analyse(page)              # blocks + suggestions, nothing applied
    clean = apply(analysis, Decisions())  # accepted suggestions carried out
"""
from .analyse import KIND_LABELS, KINDS, Config, analyse
from .apply import APPLIERS, apply, split_blocks_at
from .load import MAX_BYTES, KexieError, LoadError, load_page, page_from_bytes, page_from_text
from .model import Analysis, Block, CleanArticle, CleanPage, Decisions, Page, RemovedBlock, Suggestion, Text

__all__ = [
    "APPLIERS", "Analysis", "Block", "CleanArticle", "CleanPage", "Config", "Decisions", "KINDS",
    "KIND_LABELS", "KexieError", "LoadError", "MAX_BYTES", "Page", "RemovedBlock", "Suggestion", "Text",
    "analyse", "apply", "load_page", "page_from_bytes", "page_from_text", "split_blocks_at",
]
