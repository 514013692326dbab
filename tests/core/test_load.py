"""Every encoding and line ending decodes; every bad input gets a clear message, never a traceback."""
import codecs
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kexie_gui.core import LoadError, load_page, page_from_bytes
from kexie_gui.core import load as load_mod

TEXT = "德阳市获评中国科协创新驱动示范市\n\n本报讯 近日,德阳市科协党组书记、副主席杨凯向省科协汇报了工作。\n"


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("gb18030", b""),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-16-le", b""),
    ("utf-16-be", b""),
])
def test_encodings_decode_to_the_same_text(encoding, prefix):
    page = page_from_bytes(prefix + TEXT.encode(encoding), "p.txt")
    assert page.text == TEXT


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings_are_normalised(newline):
    page = page_from_bytes(TEXT.replace("\n", newline).encode("utf-8"), "p.txt")
    assert page.text == TEXT and page.newline == newline


def test_mixed_line_endings():
    page = page_from_bytes("一\r\n二\n三\r四".encode(), "p.txt")
    assert page.text == "一\n二\n三\n四"


@pytest.mark.parametrize("data,words", [
    (b"", "empty"),
    (b" \n\t\r\n ", "white space"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not a text file"),
    (b"\x7fELF\x02\x01\x01" + bytes(range(0, 32)) * 20, "not a text file"),
])
def test_bad_bytes_get_a_message_naming_the_file(data, words):
    with pytest.raises(LoadError) as err:
        page_from_bytes(data, "/tmp/page.bin")
    assert "page.bin" in str(err.value) and words in str(err.value)


def test_gb18030_without_any_mark_is_detected():
    page = page_from_bytes((TEXT * 3).encode("gb18030"), "gb.txt")
    assert page.text == TEXT * 3 and page.encoding == "gb18030"


def test_a_few_invalid_utf8_bytes_keep_the_text_and_say_so():
    data = (TEXT * 5).encode("utf-8") + b"\xff\xfe\xfa" + TEXT.encode("utf-8")
    page = page_from_bytes(data, "damaged.txt")
    assert page.text.startswith(TEXT) and "\ufffd" in page.text and "replaced" in page.encoding


def test_too_large_file_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(load_mod, "MAX_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_bytes("科".encode() * 400)
    with pytest.raises(LoadError, match=r"big\.txt.*MiB"):
        load_page(big)


def test_long_line_without_newline_loads(tmp_path):
    f = tmp_path / "one-line.txt"
    f.write_text("科协" * 500_000, encoding="utf-8")
    assert len(load_page(f).text) == 1_000_000


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        load_page(tmp_path / "gone.txt")
    with pytest.raises(LoadError, match="folder"):
        load_page(tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tmp_path):
    f = tmp_path / "locked.txt"
    f.write_text(TEXT, encoding="utf-8")
    f.chmod(0)
    with pytest.raises(LoadError, match="permission"):
        load_page(f)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash_the_loader(data):
    try:
        page = page_from_bytes(data, "random.bin")
    except LoadError as exc:
        assert "random.bin" in str(exc)
    else:
        assert "\r" not in page.text and "\x00" not in page.text
