"""Layout-variation harness: re-lay gold pages in every layout convention and score each.

Each gold page (``NAME.txt`` + ``NAME.gold.json``) is cut into the printed
units it is made of (``units``), optionally damaged further at a rate
(``damage``), printed again in a convention (``conventions``, ``layout``),
and its gold read off what was printed (``compose``), so gold strings stay
made of the page's own characters. ``check`` verifies each composed page
without trusting the composer; ``run`` drives ``kexie clean`` and score.py.
Standard library only (plus ``tools.goldlabels``). See docs/relayout.md.
"""
from .compose import Composed, compose
from .conventions import DEFAULT_CONVENTIONS, Convention, ConventionError, parse

__all__ = ["Composed", "Convention", "ConventionError", "DEFAULT_CONVENTIONS", "compose", "parse"]
