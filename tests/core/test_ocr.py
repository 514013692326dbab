"""Page images and PDF pages without a text layer, read by OCR with positions; the cache; a missing extra.

The tests that run an engine skip with the reason when the ``kexie_gui[ocr]``
extra (or Tesseract) is not installed; CI installs both.
"""
import time
from itertools import pairwise
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from kexie_gui.core import LoadError, ocr
from kexie_gui.core.pages import load_pages

from .laid_out import LEAD_TITLE, RIGHT_TITLE, SECOND_TITLE, build_page, build_scanned_pdf, cjk_font

NEEDS_RAPIDOCR = pytest.mark.skipif(not ocr.rapidocr_available(),
                                    reason="the OCR extra is not installed: pip install 'kexie_gui[ocr]'")
NEEDS_TESSERACT = pytest.mark.skipif(not ocr.tesseract_available(),
                                     reason="Tesseract with chi_sim is not installed (apt-get install "
                                            "tesseract-ocr tesseract-ocr-chi-sim)")
DPI = 150


def where(lines: list[str], wanted: str) -> int:
    """Index of the line that reads most like ``wanted`` (OCR may miss a character)."""
    scores = [fuzz.ratio(ln.replace(" ", ""), wanted.replace("\u3000", "")) for ln in lines]
    best = max(range(len(lines)), key=scores.__getitem__)
    assert scores[best] >= 80, (wanted, lines)
    return best


@pytest.fixture(scope="module")
def scans(tmp_path_factory):
    """The laid-out test page as a PNG scan and as a PDF holding only that picture."""
    cjk_font()
    from kexie_gui.core.pdfpage import render_page

    np, cv2 = ocr._numpy_cv2()  # keeps Qt's environment as it was (opencv-python changes it)

    folder = tmp_path_factory.mktemp("scans")
    built = build_page(folder / "page.pdf")
    w, h, stride, _, data = render_page(built.path, 0, DPI / 72, grey=True)
    gray = np.frombuffer(data, dtype=np.uint8).reshape(h, stride)[:, :w]
    png = folder / "page.png"
    cv2.imwrite(str(png), gray)
    scanned = build_scanned_pdf(folder / "scanned.pdf", png, w * 72 / DPI, h * 72 / DPI)
    return built, png, scanned


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KEXIE_CACHE_DIR", str(tmp_path / "ocr-cache"))
    return tmp_path / "ocr-cache"


@NEEDS_RAPIDOCR
def test_a_page_image_reads_in_column_order_with_its_boxes(scans, cache):
    _, png, _ = scans
    page = load_pages(png)[0]
    lines = page.text.split("\n")
    order = [where(lines, t) for t in (LEAD_TITLE, SECOND_TITLE[0], RIGHT_TITLE[0])]
    assert order == sorted(order)
    geometry = page.geometry
    assert geometry.engine == "rapidocr" and geometry.image == str(png)
    assert [b.line for b in geometry.lines] == [n for n, t in enumerate(lines, 1) if t.strip()]
    title = geometry.box_of_line(order[0] + 1)
    assert title.column == -1 and title.size > 1.5 * geometry.box_of_line(order[0] + 3).size


@NEEDS_RAPIDOCR
def test_reopening_an_image_comes_from_the_cache(scans, cache, monkeypatch):
    _, png, _ = scans
    first = load_pages(png)[0]
    assert list(cache.glob("*.json"))

    def engine_must_not_run(*args, **kwargs):
        raise AssertionError("the engine ran again")

    monkeypatch.setattr(ocr, "run_rapidocr", engine_must_not_run)
    start = time.perf_counter()
    again = load_pages(png)[0]
    assert again.text == first.text and time.perf_counter() - start < 5


@NEEDS_RAPIDOCR
def test_a_pdf_page_without_a_text_layer_is_read_by_ocr_in_points(scans, cache):
    _, _, scanned = scans
    page = load_pages(scanned)[0]
    lines = page.text.split("\n")
    assert where(lines, LEAD_TITLE) < where(lines, RIGHT_TITLE[0])
    assert page.geometry.engine == "rapidocr" and page.geometry.image == str(scanned)
    assert page.geometry.width < 600  # PDF points, not the render's pixels


@NEEDS_RAPIDOCR
def test_ocr_can_be_cancelled_between_strips(scans, cache):
    _, png, _ = scans

    def cancel(done, total):
        raise ocr.Cancelled()

    with pytest.raises(ocr.Cancelled):
        load_pages(png, progress=cancel)
    assert not list(cache.glob("*.json"))


@NEEDS_TESSERACT
@NEEDS_RAPIDOCR  # the scans are drawn with opencv from the extra
def test_tesseract_is_the_second_choice(scans, cache):
    _, png, _ = scans
    page = load_pages(png, ocr="tesseract")[0]
    lines = page.text.split("\n")
    assert page.geometry.engine == "tesseract"
    assert where(lines, LEAD_TITLE) < where(lines, RIGHT_TITLE[0])


def test_without_an_engine_an_image_gets_a_message_saying_how_to_install_one(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "rapidocr_available", lambda: False)
    monkeypatch.setattr(ocr, "tesseract_available", lambda: False)
    png = tmp_path / "scan.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with pytest.raises(LoadError, match=r"kexie_gui\[ocr\]"):
        load_pages(png)


def test_a_pdf_page_without_text_needs_the_ocr_extra_and_says_so(tmp_path, monkeypatch):
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    monkeypatch.setattr(ocr, "rapidocr_available", lambda: False)
    monkeypatch.setattr(ocr, "tesseract_available", lambda: False)
    path = tmp_path / "pictures-only.pdf"
    c = canvas.Canvas(str(path))
    c.rect(100, 100, 300, 400, fill=1)
    c.save()
    with pytest.raises(LoadError, match=r"kexie_gui\[ocr\]"):
        load_pages(path)


def test_an_unknown_engine_is_refused():
    with pytest.raises(LoadError, match="unknown OCR engine"):
        ocr.choose_engine("abbyy")


def test_strips_cover_the_page_and_their_cores_do_not_overlap():
    strips = ocr._strips(3300, 2300)
    assert strips[0][0] == 0 and strips[-1][1] == 3300
    cores = [(a, b) for _, _, a, b in strips]
    assert cores[0][0] == 0 and cores[-1][1] == 3300
    assert all(b == c for (_, b), (c, _) in pairwise(cores))


@NEEDS_RAPIDOCR
def test_a_damaged_image_gets_a_clear_message(tmp_path):
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    with pytest.raises(LoadError, match="cannot read this image"):
        load_pages(bad)


def test_cache_results_survive_a_round_trip(tmp_path, monkeypatch):
    monkeypatch.setenv("KEXIE_CACHE_DIR", str(tmp_path))
    from kexie_gui.core.frames import Edge
    from kexie_gui.core.glyphs import Glyph

    result = ocr.OcrResult(100, 200, (ocr.Piece((Glyph("字", 1, 2, 11, 12, 10),), 0.9),),
                           (Edge(0, 5, 100, 5),), ((10, 20, 50, 60),), "rapidocr", 1.5)
    ocr.store("k", result)
    assert ocr.cached("k") == result
    (Path(tmp_path) / "k.json").write_text("{broken", encoding="utf-8")
    assert ocr.cached("k") is None


@NEEDS_RAPIDOCR
def test_loading_the_engine_leaves_qt_pointed_at_its_own_plugins(monkeypatch):
    monkeypatch.delenv("QT_QPA_PLATFORM_PLUGIN_PATH", raising=False)
    ocr._numpy_cv2()
    ocr._rapid_engine()
    import os

    assert "QT_QPA_PLATFORM_PLUGIN_PATH" not in os.environ
