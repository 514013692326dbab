"""Pages read by OCR in the window: listed at once, read on a worker with progress, cancellable."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt

from kexie_gui.core import Page
from kexie_gui.core import pages as pages_module
from kexie_gui.ui.controller import Controller
from kexie_gui.ui.pageview import OcrProgress

from ..core.laid_out import build_page


@dataclass(frozen=True)
class SlowScan:
    """Stands in for an image that OCR reads in four steps, giving back a page read from a PDF."""

    source: str
    path: str
    page: Page
    index: int = 0
    kind: str = "image"

    def read(self, ocr=None, progress=None) -> Page:
        for step in range(4):
            progress(step, 4)
        return self.page


@pytest.fixture
def scan(tmp_path, monkeypatch):
    pytest.importorskip("reportlab")
    from kexie_gui.core.pages import load_pages

    built = build_page(tmp_path / "page.pdf")
    image = tmp_path / "scan.png"
    image.write_bytes(b"not looked at")
    item = SlowScan(str(image), str(image), load_pages(built.path)[0])
    monkeypatch.setattr(pages_module, "PendingPage", SlowScan)  # the controller reads them from core.pages
    monkeypatch.setattr(pages_module, "open_pages", lambda path: [item])
    return image


def test_an_image_is_listed_at_once_then_read_with_progress_and_analysed(scan):
    c = Controller()
    reports = []
    c.progress.connect(lambda text, done, total: reports.append((done, total)))
    result = c.open_paths([str(scan)])
    state = c.page(result.opened[0])
    assert [(d, t) for d, t in reports if t == 4] == [(0, 4), (1, 4), (2, 4), (3, 4)]
    assert state.pending is None and state.page.geometry is not None and state.view is not None


def test_cancelling_stops_the_reading_and_closes_the_page(scan):
    c = Controller()
    notices = []
    c.notice.connect(notices.append)
    c.progress.connect(lambda text, done, total: c.cancel_reading() if done == 1 else None)
    c.open_paths([str(scan)])
    assert c.pages == [] and c.current is None
    assert notices and "cancelled" in notices[-1]


def test_the_progress_bar_shows_reports_from_any_thread_and_cancels(qtbot):
    bar = OcrProgress()
    qtbot.addWidget(bar)
    bar.show()
    bar.report("Reading scan.png (OCR)…", 2, 5)
    qtbot.waitUntil(lambda: bar.bar.value() == 2)
    assert bar.bar.maximum() == 5 and "scan.png" in bar.label.text()
    with qtbot.waitSignal(bar.cancel_requested):
        qtbot.mouseClick(bar.cancel, Qt.MouseButton.LeftButton)
    bar.report("", 1, 1)
    qtbot.waitUntil(lambda: not bar.isVisible())
