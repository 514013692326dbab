"""Colours of the highlight layers and article bands, in one place so both panes and the legend agree.

Group colours are Tableau 10 without its orange (orange marks broken joins);
they stay apart for colour-blind readers better than evenly spaced hues.
"""
from __future__ import annotations

from PySide6.QtGui import QColor

GROUP_COLOURS = ("#4e79a7", "#59a14f", "#b07aa1", "#76b7b2", "#e15759", "#9c755f", "#ff9da7", "#bab0ac",
                 "#edc948")
BAND_COLOURS = ("#4e79a7", "#59a14f", "#e15759", "#b07aa1", "#76b7b2", "#9c755f")
JOIN = "#f28e2b"
FURNITURE_TEXT = "#8a8a8a"
FURNITURE_BACK = "#ececec"
FOCUS = "#fff1a8"
FOCUS_CHAR = "#ffd54f"
PENDING = "#d62728"  # a block cut for moving, not pasted yet
HAND = "#7b3fa0"  # what the editor did by hand: moved, joined, retyped
ORDER = "#3b6ea8"  # reading-order numbers
DELETED = "#c0392b"  # "Show changes": what was taken out
INSERTED = "#1e7b34"  # "Show changes": what was put in


def group_colour(group: int, alpha: int = 255) -> QColor:
    c = QColor(GROUP_COLOURS[group % len(GROUP_COLOURS)] if group >= 0 else "#999999")
    c.setAlpha(alpha)
    return c


def band_colour(article: int, alpha: int = 255) -> QColor:
    c = QColor(BAND_COLOURS[article % len(BAND_COLOURS)])
    c.setAlpha(alpha)
    return c


def colour(name: str, alpha: int = 255) -> QColor:
    c = QColor(name)
    c.setAlpha(alpha)
    return c
