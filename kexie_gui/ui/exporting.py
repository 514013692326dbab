"""The export flow of the window: ask (File › Export…), plan, confirm replacing files, write, report.

Kept apart from the presenter so the flow reads top to bottom in one place.
It talks to the window only through ``ask_export``, ``ask_yes_no`` and the
``show_*`` methods, and to the export package only through ``write_page``,
``FORMATS``, ``plan`` (where each page's file goes, as for ``kexie clean``)
and ``ExportOptions`` (the package is loaded
lazily: importing python-docx costs a tenth of a second the editor should not
wait for at start).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import KexieError
from .i18n import _tr

if TYPE_CHECKING:
    from .controller import PageState
    from .dialogs import ExportChoice

EXPORT_FORMATS = ("docx", "md")  # what the window offers; the export package may know more


def load_exporter():
    """The export package, or None when it cannot be imported (the menu entry is then disabled)."""
    try:
        from .. import export
    except Exception:  # noqa: BLE001 - any import failure means: no export in this build
        return None
    if not all(hasattr(export, name) for name in ("write_page", "FORMATS", "plan")):
        return None
    return export


class LazyExporter:
    """Stands for the export package until the first export imports it."""

    def __init__(self):
        self._module = None
        self._tried = False

    def get(self):
        if not self._tried:
            self._tried = True
            self._module = load_exporter()
        return self._module


class ExportFlow:
    def __init__(self, controller, window, settings, exporter):
        self.c = controller
        self.w = window
        self.settings = settings
        self._exporter = exporter  # a module, None (no export in this build) or a LazyExporter

    @property
    def exporter(self):
        if isinstance(self._exporter, LazyExporter):
            return self._exporter.get()
        return self._exporter

    @property
    def available(self) -> bool:
        """Whether the window should offer export (a lazy package counts as there until it fails)."""
        return self._exporter is not None and not (
            isinstance(self._exporter, LazyExporter) and self._exporter._tried and self._exporter._module is None)

    def run(self) -> list[Path]:
        """File › Export…: the dialog, then the files."""
        exporter = self.exporter
        if exporter is None:
            self.w.show_error(_tr("Presenter", "Export is not available in this installation"))
            return []
        formats = [f for f in EXPORT_FORMATS if f in exporter.FORMATS]
        done = sum(1 for p in self.c.pages if p.done and p.clean)
        current = self.c.current
        folder = self.settings.get("files/last_export_folder") or (
            os.path.dirname(current.path) if current else str(Path.home()))
        s = self.settings
        choice = self.w.ask_export(formats, folder, s.get("export/format"), done,
                                   bool(current and current.clean), s.get("export/paper"),
                                   s.get("export/reporter_under_title"), s.get("export/byline_parentheses"))
        if choice is None:
            return []
        s.set("export/paper", choice.paper)
        s.set("export/reporter_under_title", choice.reporter_under_title)
        s.set("export/byline_parentheses", choice.byline_parentheses)
        return self.export_to(choice.scope, choice.format, choice.folder, choice)

    def options(self, choice: ExportChoice | None):
        exporter = self.exporter
        if choice is None:
            return exporter.ExportOptions()
        return exporter.ExportOptions(paper=choice.paper, reporter_under_title=choice.reporter_under_title,
                                      byline_parentheses=choice.byline_parentheses)

    def export_to(self, scope: str, fmt: str, folder: str, choice: ExportChoice | None = None) -> list[Path]:
        """Write the pages; asks before replacing files.  Returns the paths written."""
        exporter = self.exporter
        if exporter is None:
            return []
        if not folder or not os.path.isdir(folder):
            self.w.show_error(_tr("Presenter", "{folder}: the export folder does not exist").format(folder=folder))
            return []
        states = self.c.pages_to_export(scope)
        if not states:
            self.w.show_notice(_tr("Presenter", "Nothing to export."))
            return []
        # every open page is an input: an export never replaces one, whatever the editor answers
        plan = exporter.plan.plan_pages([(s, s.id) for s in states], folder, fmt, (p.path for p in self.c.pages))
        refused = [f"{path}: " + _tr("Presenter", "this is an open page; an export never replaces it")
                   for _, path in plan.refused]
        if plan.existing and not self._may_replace(plan.existing):
            return []
        written, errors = self._write(plan.targets, fmt, bool(plan.existing), self.options(choice))
        self.settings.set("files/last_export_folder", folder)
        self.settings.set("export/format", fmt)
        if refused or errors:
            self.w.show_error("\n".join(refused + errors))
        if written:
            self.w.show_notice(_tr("Presenter", "Exported {n} file(s) to {folder}").format(n=len(written),
                                                                                          folder=folder))
        return written

    def _may_replace(self, existing: list[Path]) -> bool:
        names = "\n".join(p.name for p in existing[:10]) + ("\n…" if len(existing) > 10 else "")
        question = _tr("Presenter", "These files exist already:") + "\n" + names + "\n\n" + _tr(
            "Presenter", "Replace them?")
        return self.w.ask_yes_no(_tr("Presenter", "Replace files?"), question)

    def _write(self, targets: list[tuple[PageState, Path]], fmt: str, force: bool, options
               ) -> tuple[list[Path], list[str]]:
        """Write each page to its file; returns what was written and what went wrong."""
        written: list[Path] = []
        errors: list[str] = []
        for state, path in targets:
            try:
                written.append(Path(self.exporter.write_page(state.clean, fmt, path, force=force, options=options)))
            except KexieError as exc:
                errors.append(str(exc))
            except OSError as exc:
                errors.append(f"{path}: {exc.strerror or exc}")
        return written, errors
