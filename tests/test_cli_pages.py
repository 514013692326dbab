"""The kexie command on PDFs and page images: each PDF page one output, folders of PDFs, scans."""
import json
import shutil

import pytest

from kexie_gui.cli import EXIT_OK, EXIT_SOME_FAILED, main
from kexie_gui.core import ocr

from .core.laid_out import LEAD_TITLE, build_page

pytest.importorskip("reportlab")


def test_clean_a_pdf_page_to_docx(tmp_path):
    built = build_page(tmp_path / "page.pdf")
    out = tmp_path / "out"
    assert main(["clean", str(built.path), "-o", str(out), "--format", "docx"]) == EXIT_OK
    assert (out / "page.docx").stat().st_size > 0


def test_a_pdf_on_stdout_gives_its_articles(tmp_path, capsysbinary):
    built = build_page(tmp_path / "page.pdf")
    assert main(["clean", str(built.path)]) == EXIT_OK
    data = json.loads(capsysbinary.readouterr().out.decode("utf-8"))
    text = json.dumps(data, ensure_ascii=False)
    assert LEAD_TITLE in text and data["source"] == str(built.path)


def test_a_folder_of_pdfs_and_text_pages_and_the_pages_of_one_pdf(tmp_path, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    build_page(pages / "one.pdf")
    build_page(pages / "two.pdf", extra_pages=1)
    (pages / "three.txt").write_text("标题\n\n正文一段。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["clean", str(pages), "-o", str(out)]) == EXIT_OK
    assert sorted(p.name for p in out.iterdir()) == ["one.json", "three.json", "two-p1.json", "two-p2.json"]
    assert main(["clean", str(pages / "two.pdf")]) == EXIT_SOME_FAILED
    assert "-o DIR" in capsys.readouterr().err


def test_a_folder_without_pages_says_which_kinds_it_looked_for(tmp_path, capsys):
    (tmp_path / "notes.doc").write_bytes(b"x")
    main(["clean", str(tmp_path), "-o", str(tmp_path / "out")])
    assert ".pdf" in capsys.readouterr().err


@pytest.mark.skipif(not ocr.rapidocr_available(), reason="the OCR extra is not installed: pip install 'kexie_gui[ocr]'")
def test_clean_scans_to_docx(tmp_path, monkeypatch):
    """``kexie clean scans/*.png -o out --format docx``"""
    monkeypatch.setenv("KEXIE_CACHE_DIR", str(tmp_path / "cache"))
    from kexie_gui.core.pdfpage import render_page

    np, cv2 = ocr._numpy_cv2()
    built = build_page(tmp_path / "page.pdf")
    w, h, stride, _, data = render_page(built.path, 0, 150 / 72, grey=True)
    scans = tmp_path / "scans"
    scans.mkdir()
    cv2.imwrite(str(scans / "p1.png"), np.frombuffer(data, dtype=np.uint8).reshape(h, stride)[:, :w])
    shutil.copy(scans / "p1.png", scans / "p2.png")
    out = tmp_path / "out"
    assert main(["clean", str(scans / "p1.png"), str(scans / "p2.png"), "-o", str(out), "--format", "docx"]) == EXIT_OK
    assert sorted(p.name for p in out.iterdir()) == ["p1.docx", "p2.docx"]
