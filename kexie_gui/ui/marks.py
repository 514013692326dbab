"""Marks user-visible strings for translation without importing Qt.

``pyside6-lupdate`` is told (``-tr-function-alias``) that ``N_`` and ``_t`` are
translate functions, so strings in pure-Python modules (the controller) end up
in the ``.ts`` catalogue; at run time the controller calls the ``translate``
function the composition root injected (Qt's ``QCoreApplication.translate``).
"""
from __future__ import annotations

from collections.abc import Callable

Translate = Callable[[str, str], str]


def N_(context: str, text: str) -> str:
    """Return ``text`` unchanged; only marks it for extraction.

    >>> N_("Controller", "Accept")
    'Accept'
    """
    return text


def identity(context: str, text: str) -> str:
    """The translate function used when no translator is injected (English)."""
    return text
