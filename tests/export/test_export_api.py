"""The public API the CLI and the window call: render, write_page, write_articles, export."""
from __future__ import annotations

import ast
import dataclasses
import io
import json
from pathlib import Path

import docx
import pytest

import kexie_gui.export as export_pkg
from kexie_gui.core.load import KexieError
from kexie_gui.core.model import CleanPage
from kexie_gui.export import (
    EXTENSIONS,
    FORMATS,
    ExportError,
    ExportOptions,
    article_file_names,
    export,
    render,
    render_article,
    write_articles,
    write_page,
)


def test_formats_and_extensions():
    assert FORMATS == ("json", "md", "txt", "docx")
    assert EXTENSIONS == {f: "." + f for f in FORMATS}


def test_options_are_frozen_with_chinese_defaults():
    options = ExportOptions()
    assert (options.body_font, options.title_font, options.font_size_pt, options.per_article) == \
        ("宋体", "黑体", 12, False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.body_font = "仿宋"


@pytest.mark.parametrize("fmt", FORMATS)
def test_render_every_format(seed_page, fmt):
    data = render(seed_page, fmt)
    assert isinstance(data, bytes) and data
    assert render(seed_page, fmt) == data  # deterministic


def test_unknown_format_is_an_export_error(seed_page):
    with pytest.raises(ExportError, match="unknown export format 'pdf'"):
        render(seed_page, "pdf")
    assert issubclass(ExportError, KexieError)


def test_article_index_out_of_range(seed_page):
    with pytest.raises(ExportError, match="no article 5"):
        render_article(seed_page, 4, "md")


@pytest.mark.parametrize("fmt", FORMATS)
def test_write_page(tmp_path, seed_page, fmt):
    target = tmp_path / f"page{EXTENSIONS[fmt]}"
    assert write_page(seed_page, fmt, target) == target
    assert target.read_bytes() == render(seed_page, fmt)
    with pytest.raises(ExportError, match="already exists"):
        write_page(seed_page, fmt, target)
    write_page(seed_page, fmt, target, force=True)


def test_write_page_into_missing_folder(tmp_path, seed_page):
    with pytest.raises(ExportError, match="does not exist"):
        write_page(seed_page, "md", tmp_path / "missing" / "page.md")


@pytest.mark.parametrize("fmt", FORMATS)
def test_write_articles_names_files_after_titles(tmp_path, seed_page, fmt):
    paths = write_articles(seed_page, fmt, tmp_path)
    assert [p.name for p in paths] == [f"{a.title}{EXTENSIONS[fmt]}" for a in seed_page.articles]
    assert all(p.parent == tmp_path and p.is_file() for p in paths)
    assert sorted(tmp_path.iterdir()) == sorted(paths)  # no temp files left


def test_write_articles_content(tmp_path, seed_page):
    paths = write_articles(seed_page, "docx", tmp_path)
    for path, article in zip(paths, seed_page.articles, strict=True):
        document = docx.Document(io.BytesIO(path.read_bytes()))
        assert document.paragraphs[0].text == str(article.title)
    first = json.loads(write_articles(seed_page, "json", tmp_path)[0].read_text("utf-8"))
    assert first["position"] == 1 and first["articles"][0]["title"] == str(seed_page.articles[0].title)


def test_write_articles_twice_never_overwrites(tmp_path, full_page):
    first = write_articles(full_page, "md", tmp_path)
    second = write_articles(full_page, "md", tmp_path)
    assert [p.name for p in first] == ['科普：什么是＂AI＂？.md', "第二篇.md", "article-03.md"]
    assert [p.name for p in second] == ['科普：什么是＂AI＂？ (2).md', "第二篇 (2).md", "article-03 (2).md"]
    assert len(list(tmp_path.iterdir())) == 6


def test_write_articles_force_replaces_same_names(tmp_path, full_page):
    first = write_articles(full_page, "txt", tmp_path)
    first[0].write_text("old")
    second = write_articles(full_page, "txt", tmp_path, force=True)
    assert second == first
    assert first[0].read_text("utf-8") != "old"


def test_write_articles_with_duplicate_titles(tmp_path, make_article):
    page = CleanPage(source="p.txt", articles=(make_article("同题"), make_article("同题")))
    names = [p.name for p in write_articles(page, "txt", tmp_path)]
    assert names == ["同题.txt", "同题 (2).txt"]


def test_write_articles_needs_an_existing_folder(tmp_path, seed_page):
    with pytest.raises(ExportError, match="does not exist"):
        write_articles(seed_page, "md", tmp_path / "missing")
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError, match="not a folder"):
        write_articles(seed_page, "md", tmp_path / "file")


def test_article_file_names_preview_matches_writing(tmp_path, seed_page):
    preview = article_file_names(seed_page, "docx", tmp_path)
    assert [p.name for p in write_articles(seed_page, "docx", tmp_path)] == preview


def test_export_follows_per_article(tmp_path, seed_page):
    (one,) = export(seed_page, "md", tmp_path / "page.md")
    assert one == tmp_path / "page.md"
    folder = tmp_path / "articles"
    folder.mkdir()
    many = export(seed_page, "md", folder, options=ExportOptions(per_article=True))
    assert len(many) == len(seed_page.articles)


def test_nothing_under_export_imports_qt():
    """House rule: only kexie_gui/ui may import PySide6 (the exporters run in the CLI too)."""
    roots = [Path(export_pkg.__file__).parent, Path(export_pkg.__file__).parent.parent / "fileio.py"]
    files = [f for r in roots for f in ([r] if r.is_file() else sorted(r.rglob("*.py")))]
    assert len(files) >= 7
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6") for n in names), path


def test_modules_doctests():
    import doctest

    from kexie_gui import fileio
    from kexie_gui.export import markdown, names

    for module in (fileio, names, markdown):
        result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
        assert result.failed == 0, module.__name__
        assert result.attempted > 0
