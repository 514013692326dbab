"""File names from titles: valid on Windows, macOS and Linux, and distinct."""
from __future__ import annotations

import pytest

from kexie_gui.export.names import MAX_NAME_BYTES, fallback_stem, name_key, safe_stem, unique_names

FORBIDDEN = '<>:"/\\|?*'


@pytest.mark.parametrize("title, stem", [
    ("德阳市获评中国科协创新驱动示范市", "德阳市获评中国科协创新驱动示范市"),
    ('科普:什么是"AI"?', "科普：什么是＂AI＂？"),
    ("a/b\\c|d*e<f>g", "a／b＼c｜d＊e＜f＞g"),
    ("标题\n第二行\t尾", "标题 第二行 尾"),
    ("控制\x00字\x1f符\x7f", "控制字符"),
    ("零\u200b宽", "零宽"),
    ("  两端空格  ", "两端空格"),
    ("结尾的点...", "结尾的点"),
    (".隐藏", "隐藏"),
    ("多   空格", "多 空格"),
    ("", ""),
    ("...", ""),
    ("???", "？？？"),
])
def test_safe_stem(title, stem):
    assert safe_stem(title) == stem


@pytest.mark.parametrize("title", ["CON", "con", "Prn", "AUX", "nul", "COM1", "com9", "LPT1", "lpt9",
                                   "CON.txt", "nul.tar.gz", "COM¹", "aux "])
def test_reserved_windows_names_are_prefixed(title):
    stem = safe_stem(title)
    assert stem.startswith("_")
    assert stem[1:].split(".")[0].strip().upper() == title.split(".")[0].strip().upper()


@pytest.mark.parametrize("title", ["CONSOLE", "COM10", "LPT0", "NULL", "auxiliary", "科CON"])
def test_names_that_only_look_reserved_are_kept(title):
    assert safe_stem(title) == title


def test_no_forbidden_or_control_character_survives():
    title = "".join(chr(c) for c in range(0, 128)) + "标题"
    stem = safe_stem(title)
    assert not set(stem) & set(FORBIDDEN)
    assert all(ord(ch) >= 32 and ch != "\x7f" for ch in stem)


def test_long_title_is_cut_between_characters():
    title = "长" * 150  # 450 bytes of UTF-8
    stem = safe_stem(title)
    assert len(stem.encode("utf-8")) <= MAX_NAME_BYTES
    assert stem == "长" * (MAX_NAME_BYTES // 3)


@pytest.mark.parametrize("title", ["a" + "长" * 100, "ab" + "长" * 100, "𠀀" * 80, "é" * 150])
def test_every_cut_is_valid_utf8_within_limit(title):
    for suffix in (".md", ".docx"):
        (name,) = unique_names([title], suffix)
        encoded = name.encode("utf-8")
        assert len(encoded) <= MAX_NAME_BYTES
        assert encoded.decode("utf-8") == name
        assert name.endswith(suffix) and title.startswith(name[: -len(suffix)])


def test_cut_does_not_leave_trailing_space_or_dot():
    title = "长" * 64 + " 尾巴" * 20
    for limit in range(180, 200):
        stem = safe_stem(title, max_bytes=limit)
        assert not stem.endswith((" ", "."))


def test_fallback_for_empty_titles():
    assert fallback_stem(3) == "article-03"
    assert unique_names(["", "  ", "///"], ".md") == ["article-01.md", "article-02.md", "／／／.md"]


def test_unique_within_batch():
    names = unique_names(["标题", "标题", "标题", "Title", "title"], ".txt")
    assert names == ["标题.txt", "标题 (2).txt", "标题 (3).txt", "Title.txt", "title (2).txt"]
    assert len({name_key(n) for n in names}) == len(names)


def test_unique_against_existing_files(tmp_path):
    (tmp_path / "标题.md").write_text("x")
    (tmp_path / "标题 (2).md").write_text("x")
    (tmp_path / "other.docx").write_text("x")
    assert unique_names(["标题", "other"], ".md", tmp_path) == ["标题 (3).md", "other.md"]


def test_unique_with_number_still_within_limit():
    title = "长" * 100
    names = unique_names([title] * 12, ".docx")
    assert len(set(names)) == 12
    assert names[11].endswith(" (12).docx")
    assert all(len(n.encode("utf-8")) <= MAX_NAME_BYTES for n in names)


def test_fallback_name_does_not_clash_with_a_title():
    assert unique_names(["article-02", ""], ".md") == ["article-02.md", "article-02 (2).md"]


def test_macos_decomposed_names_clash(tmp_path):
    assert name_key("e\u0301.md") == name_key("\u00e9.md")
    assert unique_names(["e\u0301", "\u00e9"], ".md") == ["\u00e9.md", "\u00e9 (2).md"]
