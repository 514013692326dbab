"""Open any page file: text pages, PDF pages (text layer or OCR), page images (OCR).

    pages = load_pages("scan.pdf")      # one Page per PDF page, each with its geometry

Each PDF page is one :class:`Page`; a text file keeps its single page; an
image is one page (a multi-page TIFF one per frame).  PDF pages without a text
layer and images are read by OCR (:mod:`ocr`), which needs the optional
``kexie_gui[ocr]`` extra.
"""
from __future__ import annotations

import hashlib
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .load import MAX_BYTES, LoadError, load_page, not_a_file, too_large
from .model import Page
from .pagetext import analyse_layout, write_page
from .reading import Obstacle

TEXT_SUFFIXES = frozenset({".txt"})
PDF_SUFFIXES = frozenset({".pdf"})
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"})
PAGE_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES | IMAGE_SUFFIXES

ENGINE_PDF = "pdf text layer"


def file_sha256(path: str | os.PathLike) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _check_file(path: Path) -> None:
    name = path.name or str(path)
    try:
        if path.is_dir():
            raise LoadError(f"{name}: is a folder, not a page file")
        st = path.stat()
        size = st.st_size
        refusal = not_a_file(name, st.st_mode)  # a FIFO or device: refused before it is opened
        if refusal is not None:
            raise refusal
    except FileNotFoundError:
        raise LoadError(f"{name}: no such file") from None
    except PermissionError:
        raise LoadError(f"{name}: permission denied (cannot read the file)") from None
    except OSError as exc:
        raise LoadError(f"{name}: cannot read the file ({exc.strerror or exc})") from None
    if size == 0:
        raise LoadError(f"{name}: the file is empty")
    if size > MAX_BYTES:
        raise too_large(name, size)
    if not os.access(path, os.R_OK):
        raise LoadError(f"{name}: permission denied (cannot read the file)")


def pdf_source(path: Path, index: int, count: int) -> str:
    """The source name of one PDF page: the file itself, or ``file.pdf#p3`` in a multi-page file."""
    return str(path) if count == 1 else f"{path}#p{index + 1}"


def page_from_pdf_scan(scan, source: str, *, image: str | None, page_index: int, sha256: str) -> Page:
    from .glyphs import build_lines

    lines = build_lines(list(scan.glyphs))
    obstacles = [Obstacle(*p) for p in scan.pictures]
    layout = analyse_layout(lines, scan.width, scan.height, list(scan.edges), obstacles)
    return write_page(layout, source, image=image, page_index=page_index, engine=ENGINE_PDF, sha256=sha256)


def load_pdf(path: Path, *, ocr=None, progress=None) -> list[Page]:
    """Every page of a PDF: its text layer read with positions, or OCR where it has none.

    Every page carries the file's hash (``Page.sha256``): a change to the file is a change to each page.
    """
    pages = []
    with _scanned_pdf(path) as scans:
        for i, count, source, scan, digest in scans:
            if scan.has_text_layer:
                pages.append(page_from_pdf_scan(scan, source, image=str(path), page_index=i, sha256=digest))
            else:
                from .ocr import ocr_pdf_page

                pages.append(ocr_pdf_page(path, i, source, sha256=digest, engine=ocr, progress=progress))
            if progress is not None:
                progress(i + 1, count)
    return pages


@contextmanager
def _scanned_pdf(path: Path):
    """The pages of a PDF, each scanned as it is reached: (index, page count, source name, scan, file hash).
    The file is checked first and closed however the caller leaves."""
    from .pdfpage import open_pdf, scan_page

    _check_file(path)
    digest = file_sha256(path)
    doc = open_pdf(path)
    try:
        count = len(doc)
        if count == 0:
            raise LoadError(f"{path.name}: the PDF has no pages")
        yield ((i, count, pdf_source(path, i, count), scan_page(doc, i), digest) for i in range(count))
    finally:
        doc.close()


@dataclass(frozen=True)
class PendingPage:
    """A page that OCR must read first (an image, a PDF page without a text layer): slow, so read apart.

    ``read(progress)`` does the work; ``progress(done, total)`` may raise
    :class:`~kexie_gui.core.ocr.Cancelled` to stop it.
    """

    source: str
    path: str
    index: int  # PDF page or image frame
    kind: str  # "pdf" or "image"

    def read(self, ocr: str | None = None, progress=None) -> Page:
        from .ocr import OcrUnavailable, ocr_image_file, ocr_pdf_page

        p = Path(self.path)
        try:
            if self.kind == "pdf":
                return ocr_pdf_page(p, self.index, self.source, sha256=file_sha256(p), engine=ocr, progress=progress)
            return ocr_image_file(p, engine=ocr, progress=progress)[self.index]
        except OcrUnavailable as exc:
            if p.name in str(exc):
                raise
            raise OcrUnavailable(f"{p.name}: {exc}") from None  # the editor learns which page it was


def _engine_for(path: Path, ocr: str | None) -> str:
    """The OCR engine for a file that needs one; the error names the file."""
    from .ocr import OcrUnavailable, choose_engine

    try:
        return choose_engine(ocr)
    except OcrUnavailable as exc:
        raise OcrUnavailable(f"{path.name}: {exc}") from None


def open_pages(path: str | os.PathLike, *, ocr: str | None = None) -> list:
    """The pages of a file, read at once where that is quick; :class:`PendingPage` where OCR must read them.

    A window lists every page at once and leaves OCR to a worker thread.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        _check_file(p)
        _engine_for(p, ocr)  # no engine: say so now, not after a wait
        return [PendingPage(str(p), str(p), 0, "image")]
    if suffix not in PDF_SUFFIXES:
        return [load_page(p)]
    out: list = []
    with _scanned_pdf(p) as scans:
        for i, _count, source, scan, digest in scans:
            if scan.has_text_layer:
                out.append(page_from_pdf_scan(scan, source, image=str(p), page_index=i, sha256=digest))
            else:
                _engine_for(p, ocr)
                out.append(PendingPage(source, str(p), i, "pdf"))
    return out


def load_pages(path: str | os.PathLike, *, ocr: str | None = None, progress=None) -> list[Page]:
    """The pages of one file, each a :class:`Page`; failures are :class:`LoadError` with a clear message.

    ``ocr`` names the engine for images and PDF pages without a text layer
    ("rapidocr", the default, or "tesseract"); ``progress(done, total)`` is
    called as pages and OCR steps finish and may raise to cancel.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in PDF_SUFFIXES:
        return load_pdf(p, ocr=ocr, progress=progress)
    if suffix in IMAGE_SUFFIXES:
        from .ocr import ocr_image_file

        _check_file(p)
        _engine_for(p, ocr)
        return ocr_image_file(p, engine=ocr, progress=progress)
    return [load_page(p)]
