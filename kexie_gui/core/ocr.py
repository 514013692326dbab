"""Page images (and PDF pages without a text layer) read by a local OCR engine, with positions.

Engines, both local:

* **RapidOCR** (``rapidocr-onnxruntime`` 1.4.4, the default): PP-OCR models that
  ship inside the package (later ``rapidocr`` releases download models at run
  time).  It is run at the page's own resolution, in horizontal strips that
  overlap by a few lines, with a box for every character
  (``return_word_box``): the default ``max_side_len`` of 2000 would shrink a
  newspaper page and glue neighbouring columns into one box.
* **Tesseract** through its command line (``tesseract … tsv``), when installed
  with the ``chi_sim`` language data.

Both are in the optional extra ``kexie_gui[ocr]`` (RapidOCR's Python packages;
Tesseract is a system program).  Results are cached per image hash, engine and
settings, so reopening a page is instant.  Rules and filled areas (frames,
pictures) are found from the pixels, for the layout's boxed lines and obstacles.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .frames import Edge, edges_of_rule, rectangle_edges
from .glyphs import LINE_GAP_SHARE, Glyph, PrintedLine, split_runs
from .load import LoadError
from .model import Page
from .pagetext import analyse_layout, write_page
from .reading import Obstacle

ENGINE_RAPIDOCR = "rapidocr"
ENGINE_TESSERACT = "tesseract"
ENGINES = (ENGINE_RAPIDOCR, ENGINE_TESSERACT)
CACHE_VERSION = 3  # bump when what is cached or how it is produced changes
MAX_SIDE = 4200  # larger images are scaled down to this (about 250 dpi for A3) before OCR
PDF_OCR_DPI = 200  # PDF pages without a text layer are rendered at this resolution for OCR
STRIP_SHARE = 0.45  # strip height as a share of the page width
OVERLAP_SHARE = 0.08  # overlap of two strips as a share of the page width (several text lines)
WIDE_GAP_SHARE = 1.6  # white (in characters) inside an engine line that always ends a printed line
EXTRA_HINT = "pip install 'kexie_gui[ocr]'"

Progress = Callable[[int, int], None]


class OcrUnavailable(LoadError):
    """The OCR engine asked for is not installed: the message says how to install it."""


class Cancelled(Exception):
    """Raised from a progress callback to stop OCR between steps."""


@dataclass(frozen=True)
class Piece:
    """One text line as the engine returned it: its text and a box per character."""

    glyphs: tuple[Glyph, ...]
    score: float = 1.0

    def to_json(self) -> list:
        return [self.score, [[g.char, round(g.x0, 1), round(g.y0, 1), round(g.x1, 1), round(g.y1, 1), round(g.size, 1)]
                             for g in self.glyphs]]

    @classmethod
    def from_json(cls, data) -> Piece:
        score, glyphs = data
        return cls(tuple(Glyph(c, x0, y0, x1, y1, s) for c, x0, y0, x1, y1, s in glyphs), score)


@dataclass(frozen=True)
class OcrResult:
    """An engine's reading of one image: pieces, rules and pictures, in the image's pixels."""

    width: int
    height: int
    pieces: tuple[Piece, ...]
    edges: tuple[Edge, ...]
    pictures: tuple[tuple[float, float, float, float], ...]
    engine: str
    seconds: float

    def to_json(self) -> dict:
        return {"version": CACHE_VERSION, "width": self.width, "height": self.height, "engine": self.engine,
                "seconds": round(self.seconds, 2), "pieces": [p.to_json() for p in self.pieces],
                "edges": [[e.x0, e.y0, e.x1, e.y1] for e in self.edges],
                "pictures": [list(p) for p in self.pictures]}

    @classmethod
    def from_json(cls, data: dict) -> OcrResult:
        return cls(data["width"], data["height"], tuple(Piece.from_json(p) for p in data["pieces"]),
                   tuple(Edge(*e) for e in data["edges"]), tuple(tuple(p) for p in data["pictures"]),
                   data["engine"], data.get("seconds", 0.0))

    def scaled(self, factor: float) -> OcrResult:
        """The same reading in other units (pixels of a PDF render → points)."""
        def g(x: Glyph) -> Glyph:
            return Glyph(x.char, x.x0 * factor, x.y0 * factor, x.x1 * factor, x.y1 * factor, x.size * factor)
        return OcrResult(round(self.width * factor), round(self.height * factor),
                         tuple(Piece(tuple(g(x) for x in p.glyphs), p.score) for p in self.pieces),
                         tuple(Edge(e.x0 * factor, e.y0 * factor, e.x1 * factor, e.y1 * factor) for e in self.edges),
                         tuple((p[0] * factor, p[1] * factor, p[2] * factor, p[3] * factor) for p in self.pictures),
                         self.engine, self.seconds)


# -- which engines are here ---------------------------------------------------------------

def rapidocr_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("rapidocr_onnxruntime") is not None and importlib.util.find_spec("cv2") is not None


def tesseract_available() -> bool:
    exe = shutil.which("tesseract")
    if not exe:
        return False
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return False
    return "chi_sim" in (out.stdout + out.stderr).split()


def available_engines() -> list[str]:
    return [e for e, ok in ((ENGINE_RAPIDOCR, rapidocr_available()), (ENGINE_TESSERACT, tesseract_available())) if ok]


def choose_engine(name: str | None) -> str:
    """The engine to use: the one asked for, else RapidOCR, else Tesseract; a clear error when none is here."""
    name = (name or os.environ.get("KEXIE_OCR") or "").strip().lower() or None
    if name is not None and name not in ENGINES:
        raise LoadError(f"unknown OCR engine {name!r} (choose {' or '.join(ENGINES)})")
    if name == ENGINE_TESSERACT:
        if not tesseract_available():
            raise OcrUnavailable("Tesseract with Chinese (chi_sim) is not installed "
                                 "(Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-chi-sim)")
        return name
    if rapidocr_available():
        return ENGINE_RAPIDOCR
    if name is None and tesseract_available():
        return ENGINE_TESSERACT
    raise OcrUnavailable(f"reading page images needs the OCR extra: {EXTRA_HINT}")


# -- the cache -------------------------------------------------------------------------

def cache_dir() -> Path:
    """Where OCR results are kept: ``KEXIE_CACHE_DIR``, else ``KEXIE_DATA_DIR/ocr-cache``, else the user cache."""
    env = os.environ.get("KEXIE_CACHE_DIR")
    if env:
        return Path(env)
    data = os.environ.get("KEXIE_DATA_DIR")
    if data:
        return Path(data) / "ocr-cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("kexie", appauthor=False)) / "ocr"


def cache_key(image_sha256: str, engine: str) -> str:
    settings = f"{engine}:{CACHE_VERSION}:{MAX_SIDE}:{STRIP_SHARE}:{OVERLAP_SHARE}"
    return hashlib.sha256(f"{image_sha256}:{settings}".encode()).hexdigest()[:40]


def cached(key: str) -> OcrResult | None:
    path = cache_dir() / f"{key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != CACHE_VERSION:
            return None
        return OcrResult.from_json(data)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(key: str, result: OcrResult) -> None:
    """Keep a result; a cache that cannot be written only costs time next time."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(result.to_json(), f, ensure_ascii=False)
        os.replace(tmp, folder / f"{key}.json")
    except OSError:
        pass


# -- images ----------------------------------------------------------------------------

_QT_VARIABLES = ("QT_QPA_PLATFORM_PLUGIN_PATH", "QT_QPA_FONTDIR")


def _keep_qt_environment(load):
    """Run ``load`` (an import) and undo what it did to Qt's environment variables.

    opencv-python points Qt at the Qt 5 plugins it bundles when it is first
    imported; the window's Qt 6 (and every test after it) must keep its own.
    """
    saved = {k: os.environ.get(k) for k in _QT_VARIABLES}
    try:
        return load()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _numpy_cv2():
    def load():
        import cv2
        import numpy as np

        return np, cv2

    try:
        return _keep_qt_environment(load)
    except ImportError:
        raise OcrUnavailable(f"reading page images needs the OCR extra: {EXTRA_HINT}") from None


def read_image_frames(path: Path) -> list:
    """The grey pixels of an image file, one array per page (a multi-page TIFF has several)."""
    np, cv2 = _numpy_cv2()
    name = path.name
    data = np.fromfile(str(path), dtype=np.uint8)
    frames = []
    if path.suffix.lower() in (".tif", ".tiff"):
        ok, images = cv2.imdecodemulti(data, cv2.IMREAD_GRAYSCALE)
        frames = list(images) if ok else []
    else:
        img = cv2.imdecode(data, cv2.IMREAD_GRAYSCALE)
        if img is not None:
            frames = [img]
    if not frames:
        raise LoadError(f"{name}: cannot read this image (damaged, or not an image)")
    return frames


def _to_bgr(gray):
    _, cv2 = _numpy_cv2()
    return cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)


# -- RapidOCR ----------------------------------------------------------------------------

_rapid = None


def _rapid_engine():
    global _rapid
    if _rapid is None:
        _numpy_cv2()
        RapidOCR = _keep_qt_environment(lambda: __import__("rapidocr_onnxruntime").RapidOCR)
        # no dilation of the text map: it glues lines of neighbouring columns over narrow gutters
        _rapid = RapidOCR(max_side_len=MAX_SIDE + 64, print_verbose=False, det_use_dilation=False)
    return _rapid


def _strips(height: int, width: int) -> list[tuple[int, int, int, int]]:
    """(top, bottom, core top, core bottom) of overlapping horizontal strips covering the image."""
    step = max(256, int(STRIP_SHARE * width))
    overlap = max(96, int(OVERLAP_SHARE * width))
    if height <= step + overlap:
        return [(0, height, 0, height)]
    out = []
    top = 0
    while True:
        bottom = min(height, top + step + overlap)
        core_top = 0 if top == 0 else top + overlap // 2
        core_bottom = height if bottom == height else bottom - overlap // 2
        out.append((top, bottom, core_top, core_bottom))
        if bottom == height:
            return out
        top += step


def _rapid_pieces(result, dx: float, dy: float, scale: float) -> list[Piece]:
    pieces = []
    for item in result or []:
        box, text, score = item[0], item[1], float(item[2])
        words = item[3] if len(item) > 3 else None
        xs = [p[0] for p in box]
        ys = [p[1] for p in box]
        bx0, by0, bx1, by1 = min(xs), min(ys), max(xs), max(ys)
        height = (by1 - by0) / scale
        glyphs = []
        if words and len(words) == len(text):
            for ch, quad in zip(text, words, strict=True):
                qx = [p[0] for p in quad]
                glyphs.append(Glyph(ch, (min(qx) + dx) / scale, (by0 + dy) / scale, (max(qx) + dx) / scale,
                                    (by1 + dy) / scale, height))
        else:  # no boxes per character: share the box out by character widths
            widths = [0.5 if ch.isascii() else 1.0 for ch in text]
            total = sum(widths) or 1.0
            x = bx0
            for ch, w in zip(text, widths, strict=True):
                step = (bx1 - bx0) * w / total
                glyphs.append(Glyph(ch, (x + dx) / scale, (by0 + dy) / scale, (x + step + dx) / scale,
                                    (by1 + dy) / scale, height))
                x += step
        if glyphs:
            pieces.append(Piece(tuple(glyphs), score))
    return pieces


def run_rapidocr(gray, progress: Progress | None = None) -> list[Piece]:
    """RapidOCR over overlapping strips at the image's own resolution (scaled down past ``MAX_SIDE``)."""
    np, cv2 = _numpy_cv2()
    engine = _rapid_engine()
    h, w = gray.shape[:2]
    scale = min(1.0, MAX_SIDE / max(h, w))
    img = gray if scale == 1.0 else cv2.resize(gray, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
    sh, sw = img.shape[:2]
    strips = _strips(sh, sw)
    pieces: list[Piece] = []
    for n, (top, bottom, core_top, core_bottom) in enumerate(strips):
        if progress is not None:
            progress(n, len(strips))
        result, _ = engine(_to_bgr(np.ascontiguousarray(img[top:bottom])), return_word_box=True,
                           unclip_ratio=1.6, box_thresh=0.5, text_score=0.5)
        for p in _rapid_pieces(result, 0, top, scale):
            cy = (p.glyphs[0].y0 + p.glyphs[0].y1) / 2 * scale
            if core_top <= cy < core_bottom:
                pieces.append(p)
    if progress is not None:
        progress(len(strips), len(strips))
    return pieces


# -- Tesseract ---------------------------------------------------------------------------

def run_tesseract(gray, progress: Progress | None = None) -> list[Piece]:
    """Tesseract's words with their boxes (``tsv``), grouped by the lines Tesseract found."""
    out = _tesseract_tsv(gray, progress)
    pieces = [p for p in map(_tesseract_line, _tsv_lines(out).values()) if p is not None]
    if progress is not None:
        progress(1, 1)
    return pieces


def _tesseract_tsv(gray, progress: Progress | None) -> str:
    """Tesseract's ``tsv`` output for the page (Chinese, automatic page segmentation); ``progress`` is
    called while it runs so that a cancel can stop it."""
    _, cv2 = _numpy_cv2()
    exe = shutil.which("tesseract")
    if not exe:
        raise OcrUnavailable("Tesseract is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "page.png")
        cv2.imwrite(src, gray)
        proc = subprocess.Popen([exe, src, "stdout", "-l", "chi_sim", "--psm", "3", "tsv"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
        try:
            out, err = _communicate(proc, progress)
        except BaseException:
            proc.kill()
            proc.wait()
            raise
    if proc.returncode != 0:
        raise LoadError(f"Tesseract failed: {err.strip().splitlines()[-1] if err.strip() else proc.returncode}")
    return out


def _communicate(proc, progress: Progress | None) -> tuple[str, str]:
    while True:
        try:
            return proc.communicate(timeout=0.5)
        except subprocess.TimeoutExpired:
            if progress is not None:
                progress(0, 1)


def _tsv_lines(out: str) -> dict[tuple, list]:
    """Tesseract's words (text, x0, y0, x1, y1, confidence) by the line (block, paragraph, line) it found."""
    lines: dict[tuple, list] = {}
    for row in out.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        key = tuple(int(c) for c in cols[1:5])
        left, top, width, height = (int(c) for c in cols[6:10])
        lines.setdefault(key, []).append((cols[11].strip(), left, top, left + width, top + height, float(cols[10])))
    return lines


def _tesseract_line(words: list) -> Piece | None:
    """One line's words as glyphs: each word's box shared among its characters (Latin half as wide)."""
    y0 = min(w[2] for w in words)
    y1 = max(w[4] for w in words)
    glyphs: list[Glyph] = []
    for text, x0, _, x1, _, _conf in words:
        widths = [0.5 if ch.isascii() else 1.0 for ch in text]
        total = sum(widths)
        x = float(x0)
        if glyphs and text[:1].isascii() and glyphs[-1].char.isascii() and glyphs[-1].char.isalnum():
            glyphs.append(Glyph(" ", glyphs[-1].x1, y0, x, y1, y1 - y0))  # Latin words keep their space
        for ch, wd in zip(text, widths, strict=True):
            step = (x1 - x0) * wd / total
            glyphs.append(Glyph(ch, x, y0, x + step, y1, y1 - y0))
            x += step
    if not glyphs:
        return None
    return Piece(tuple(glyphs), sum(w[5] for w in words) / len(words) / 100)


# -- engine boxes glued over a gutter ---------------------------------------------------------

def _han_width(glyphs) -> float | None:
    widths = sorted(g.x1 - g.x0 for g in glyphs if not g.char.isascii() and g.char.strip())
    return widths[len(widths) // 2] if len(widths) >= 3 else None


def _ink_band(gray, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float] | None:
    """The tallest run of inked rows inside a box: where the text of one printed line really is."""
    h, w = gray.shape[:2]
    a, b = max(0, int(y0)), min(h, int(y1) + 1)
    c, d = max(0, int(x0)), min(w, int(x1) + 1)
    if b - a < 3 or d - c < 3:
        return None
    rows = (gray[a:b, c:d] < 160).sum(axis=1) > 0.02 * (d - c)
    best, start = None, None
    for i, on in enumerate(list(rows) + [False]):
        if on and start is None:
            start = i
        elif not on and start is not None:
            if best is None or i - start > best[1] - best[0]:
                best = (start, i)
            start = None
    return None if best is None else (a + best[0], a + best[1])


def untangle(pieces: list[Piece], gray, scale: float = 1.0) -> list[Piece]:
    """Cut engine boxes at gaps wider than a character, and fit each part's height to its own ink.

    A detection box glued over a gutter holds the ends of two lines that may
    not even share a baseline (the box is then two lines high); each part gets
    the rows its own characters are printed on.  ``scale`` maps piece
    coordinates to pixels of ``gray``.
    """
    out = []
    for piece in pieces:
        han = _han_width(piece.glyphs)
        height = max(g.y1 for g in piece.glyphs) - min(g.y0 for g in piece.glyphs)
        size = han if han is not None else height
        tall = han is not None and height > 1.3 * han
        runs = split_runs([Glyph(g.char, g.x0, g.y0, g.x1, g.y1, size) for g in piece.glyphs],
                          LINE_GAP_SHARE if tall else WIDE_GAP_SHARE)
        for run in runs:
            glyphs = tuple(Glyph(g.char, g.x0, g.y0, g.x1, g.y1, height) for g in run)
            if tall and han is not None:
                band = _ink_band(gray, run[0].x0 * scale, run[0].y0 * scale, run[-1].x1 * scale, run[0].y1 * scale)
                if band is not None:
                    mid = (band[0] + band[1]) / 2 / scale
                    glyphs = tuple(Glyph(g.char, g.x0, mid - han / 2, g.x1, mid + han / 2, han) for g in run)
            out.append(Piece(glyphs, piece.score))
    return out


# -- rules and pictures from the pixels ----------------------------------------------------------

def find_shapes(gray) -> tuple[list[Edge], list[tuple[float, float, float, float]]]:
    """Long rules and large filled areas of a page image, as edges and picture boxes."""
    np, cv2 = _numpy_cv2()
    h, w = gray.shape[:2]
    em = max(8, round(w / 80))  # about a body character at newspaper sizes
    dark = (gray < 160).astype(np.uint8)
    edges: list[Edge] = []
    for kernel in ((1, 3 * em), (3 * em, 1)):
        k = cv2.getStructuringElement(cv2.MORPH_RECT, (kernel[1], kernel[0]))
        runs = cv2.morphologyEx(dark, cv2.MORPH_OPEN, k)
        n, _, stats, _ = cv2.connectedComponentsWithStats(runs, connectivity=8)
        for x, y, bw, bh, _ in stats[1:n]:
            edges += edges_of_rule(float(x), float(y), float(x + bw), float(y + bh), thin=max(3.0, em / 4))
    ink = (gray < 235).astype(np.uint8)
    k = cv2.getStructuringElement(cv2.MORPH_RECT, (2 * em, 2 * em))
    areas = cv2.morphologyEx(ink, cv2.MORPH_OPEN, k)
    n, _, stats, _ = cv2.connectedComponentsWithStats(areas, connectivity=8)
    pictures = []
    for x, y, bw, bh, _ in stats[1:n]:
        if bw >= 3 * em and bh >= 3 * em and bw * bh < 0.8 * w * h:
            box = (float(x), float(y), float(x + bw), float(y + bh))
            pictures.append(box)
            edges += rectangle_edges(*box)
    return edges, pictures


# -- from pixels to a page ------------------------------------------------------------------

def recognise(gray, image_sha256: str, engine: str | None = None, progress: Progress | None = None) -> OcrResult:
    """The engine's reading of one image, from the cache when this image was read before."""
    engine = choose_engine(engine)
    key = cache_key(image_sha256, engine)
    hit = cached(key)
    if hit is not None:
        return hit
    start = time.perf_counter()
    if engine == ENGINE_RAPIDOCR:
        pieces = untangle(run_rapidocr(gray, progress), gray)
    else:
        pieces = run_tesseract(gray, progress)
    edges, pictures = find_shapes(gray)
    h, w = gray.shape[:2]
    result = OcrResult(w, h, tuple(pieces), tuple(edges), tuple(pictures), engine, time.perf_counter() - start)
    store(key, result)
    return result


def lines_from_pieces(pieces: list[Piece]) -> list[PrintedLine]:
    """Printed lines from engine lines, cut where the white is wider than a character and a half.

    Narrower white inside an engine line (the ideographic spaces between the
    pieces of a page header) stays in the line and is written as a space;
    gutters narrower than that are cut later, from the columns
    (:func:`columns.split_at_gutters`).
    """
    lines: list[PrintedLine] = []
    for n, piece in enumerate(pieces):
        for run in split_runs(list(piece.glyphs), WIDE_GAP_SHARE):
            run = _drop_han_spaces(run)
            size = run[0].size or (run[0].y1 - run[0].y0) if run else 0
            if run:
                lines.append(PrintedLine(tuple(run), size, source_order=n))
    return lines


def _drop_han_spaces(glyphs: list[Glyph]) -> list[Glyph]:
    """Spaces an engine put between Chinese characters were never printed: they go."""
    out = []
    for i, g in enumerate(glyphs):
        if not g.char.strip():
            left = glyphs[i - 1].char if i else ""
            right = glyphs[i + 1].char if i + 1 < len(glyphs) else ""
            if not (left.isascii() and left.isalnum() and right.isascii() and right.isalnum()):
                continue
        out.append(g)
    return out


def page_from_ocr(result: OcrResult, source: str, *, image: str | None, page_index: int, sha256: str) -> Page:
    lines = lines_from_pieces(list(result.pieces))
    obstacles = [Obstacle(*p) for p in result.pictures]
    layout = analyse_layout(lines, result.width, result.height, list(result.edges), obstacles)
    return write_page(layout, source, image=image, page_index=page_index, engine=result.engine, sha256=sha256)


def ocr_image_file(path: Path, *, engine: str | None = None, progress: Progress | None = None) -> list[Page]:
    """Every page of an image file read by OCR (a multi-page TIFF gives several)."""
    engine = choose_engine(engine)  # a missing extra is said before the image is decoded
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if path.suffix.lower() not in (".tif", ".tiff"):
        hit = cached(cache_key(digest, engine))
        if hit is not None:  # reopening: no need to decode the picture at all
            return [page_from_ocr(hit, str(path), image=str(path), page_index=0, sha256=digest)]
    frames = read_image_frames(path)
    pages = []
    for i, gray in enumerate(frames):
        frame_digest = digest if len(frames) == 1 else hashlib.sha256(f"{digest}:{i}".encode()).hexdigest()
        result = recognise(gray, frame_digest, engine, progress)
        source = str(path) if len(frames) == 1 else f"{path}#p{i + 1}"
        pages.append(page_from_ocr(result, source, image=str(path), page_index=i, sha256=frame_digest))
    return pages


def ocr_pdf_page(path: Path, index: int, source: str, *, sha256: str, engine: str | None = None,
                 progress: Progress | None = None) -> Page:
    """A PDF page without a text layer: rendered, read by OCR, its geometry in PDF points."""
    try:
        engine = choose_engine(engine)
        np, _ = _numpy_cv2()
    except OcrUnavailable as exc:
        raise OcrUnavailable(f"{path.name} (page {index + 1} has no text layer): {exc}") from None
    key_digest = hashlib.sha256(f"{sha256}:{index}:{PDF_OCR_DPI}".encode()).hexdigest()
    result = cached(cache_key(key_digest, engine))
    if result is None:
        from .pdfpage import render_page

        w, h, stride, _, data = render_page(path, index, PDF_OCR_DPI / 72, grey=True)
        gray = np.ascontiguousarray(np.frombuffer(data, dtype=np.uint8).reshape(h, stride)[:, :w])
        result = recognise(gray, key_digest, engine, progress)
    points = result.scaled(72 / PDF_OCR_DPI)
    return page_from_ocr(points, source, image=str(path), page_index=index, sha256=sha256)
