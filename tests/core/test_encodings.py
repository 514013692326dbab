"""Issue 10, encodings: read right or flagged, say how, and never mistake stray NULs for UTF-16.

The headlines below are invented for these tests (in the register of a
science-association paper); the dev corpus, when present, is checked too.
"""
from __future__ import annotations

import codecs
import json
import os
import re
from pathlib import Path

import pytest

from kexie_gui.core import LoadError, load_page, page_from_bytes, page_from_text
from kexie_gui.core.model import Reading

HEADLINES = [
    "科协报", "市科协召开年度工作会议", "青少年科技创新大赛开幕", "科技志愿者走进乡村学校",
    "县科协举办农业技术培训班", "院士专家工作站揭牌成立", "全民科学素质行动推进会召开",
    "科普大篷车开进山区", "学会服务站助力企业创新", "2024年科技活动周启动", "5G科普体验馆开馆",
    "市民走进科技馆感受AI魅力", "科协系统深化改革座谈会举行", "乡村振兴科技服务团出发",
    "老科技工作者协会换届", "智慧农业示范基地观摩活动", "中小学生科学实验展示", "科技工作者日慰问活动",
    "气象科普知识进社区", "防灾减灾科普宣传周", "医学会开展义诊活动", "林业技术人员赴基层调研",
    "科普讲解大赛决赛举行", "创新方法培训助企增效", "高新区举办技术对接会", "第3届科学嘉年华落幕",
    "水稻新品种现场观摩会", "科普图书捐赠仪式", "生态环境科普讲座", "数字经济论坛开幕",
    "一带一路科技交流会", "三农科技服务月", "一线科技人员座谈", "园区企业技术需求发布",
]

CONTENT_ENCODINGS = ["gb18030", "gbk", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-16-be-bom"]


def encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-be-bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode(encoding)


# ---------------------------------------------------------------- stray NUL before UTF-16

@pytest.mark.parametrize("data, text", [
    (b"abc\x00def\n", "abcdef\n"),  # the example: not 慢挀摥昊
    (b"The report\x00 is ready.\n", "The report is ready.\n"),
    (b"Even length\x00text\n", "Even lengthtext\n"),
    ("科协新闻\x00标题\n".encode(), "科协新闻标题\n"),
    ("科协新闻标题一则\x00\n".encode("gb18030"), "科协新闻标题一则\n"),
])
def test_stray_nul_in_text_is_dropped_and_said_not_read_as_utf16(data, text):
    page = page_from_bytes(data, "p.txt")
    assert page.text == text
    assert page.reading.nul_dropped == data.count(0) and not page.reading.encoding.startswith("utf-16")
    assert "NUL" in page.reading.describe() and "NUL" in page.encoding


@pytest.mark.parametrize("text", ["abc", "Hello, world\n", "5G科", "第5版", "2024年科协工作会议召开",
                                  "一带一路", "雅安市召开院士(专家)座谈会\n"])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_on_strong_evidence(text, codec):
    page = page_from_bytes(text.encode(codec), "p.txt")
    assert page.text == text.replace("\r\n", "\n")
    assert page.reading.encoding == codec and page.reading.nul_dropped == 0


@pytest.mark.parametrize("headline", HEADLINES)
def test_gb18030_never_passes_for_utf16(headline):
    for text in (headline, headline + "，", headline * 3):
        data = text.encode("gb18030")
        if len(data) % 2:
            continue
        assert page_from_bytes(data, "p.txt").reading.encoding == "gb18030"


def test_binary_with_nul_bytes_is_still_refused():
    with pytest.raises(LoadError, match="not a text file"):
        page_from_bytes(bytes(range(256)) * 4, "b.bin")


# ---------------------------------------------------------------- a Chinese reading is the prior

@pytest.mark.parametrize("encoding", CONTENT_ENCODINGS)
@pytest.mark.parametrize("length", [3, 10, None])
def test_short_gbk_and_other_pages_are_read_right(encoding, length):
    """The issue: 31 of 178 GBK headlines read as Korean or Thai, 科协报 as Big5 褪衪惆."""
    wrong = []
    for headline in HEADLINES:
        text = headline[:length] if length else headline
        page = page_from_bytes(encode(text, encoding), "h.txt")
        if page.text != text:
            wrong.append((text, page.text, page.reading))
    assert wrong == []


def test_kexie_bao_in_gb18030_is_not_big5():
    page = page_from_bytes("科协报".encode("gb18030"), "h.txt")
    assert page.text == "科协报" and page.reading.encoding == "gb18030"


def test_latin1_french_is_not_read_as_cp1257():
    page = page_from_bytes("crème brûlée, s'il vous plaît\n".encode("latin-1"), "f.txt")
    assert page.text == "crème brûlée, s'il vous plaît\n"


def test_big5_page_is_read_as_big5():
    text = "本報訊 記者從市科協獲悉，全市科普工作會議於昨日召開。\n"
    assert page_from_bytes(text.encode("big5"), "t.txt").text == text


CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev"


def _dev_samples():
    headlines, openings = [], []
    for page in sorted(CORPUS.glob("*.txt")):
        gold = json.loads(page.with_name(page.stem + ".gold.json").read_text(encoding="utf-8"))
        headlines += [a["title"] for a in gold["articles"]]
        data = page.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("gb18030")
        text = text.replace("\r\n", "\n").strip()
        openings += [text[:n] for n in (3, 10, 20, 40, 80) if text[:n].strip() == text[:n]]
    return headlines, openings


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the dev corpus (../shared) is not here")
@pytest.mark.parametrize("encoding", CONTENT_ENCODINGS)
def test_every_dev_headline_and_page_opening_decodes_right(encoding):
    headlines, openings = _dev_samples()
    assert len(headlines) >= 170 and len(openings) >= 150
    wrong = []
    for text in headlines + openings:
        try:
            data = encode(text, encoding)
        except UnicodeEncodeError:
            continue  # GBK lacks a character: not a GBK page
        page = page_from_bytes(data, "dev.txt")
        if page.text != text:
            wrong.append((text, page.text, page.reading.encoding))
    assert wrong == []


# ---------------------------------------------------------------- always say how it was read

def test_every_page_carries_how_it_was_read():
    utf8 = page_from_bytes("科协新闻".encode(), "a.txt").reading
    assert (utf8.encoding, utf8.how, utf8.worth_a_word, utf8.describe()) == ("utf-8", "valid", False, "read as UTF-8")
    bom = page_from_bytes(codecs.BOM_UTF8 + "科协新闻".encode(), "a.txt").reading
    assert bom.bom and bom.how == "bom" and not bom.worth_a_word
    gb = page_from_bytes("市科协召开年度工作会议".encode("gb18030"), "a.txt").reading
    assert gb.encoding == "gb18030" and gb.how == "guess" and gb.worth_a_word
    assert gb.describe() == "read as GB18030/GBK (guessed)" and "按 GB18030/GBK 读取" in gb.describe("zh")
    assert gb.to_dict()["encoding"] == "gb18030" and gb.to_dict()["note"] == gb.describe()
    assert page_from_text("科协").reading.how == "text"


def test_an_uncertain_guess_names_the_runner_up():
    reading = page_from_bytes("café".encode(), "a.txt").reading  # also 茅 after "caf" in GB18030
    assert reading.uncertain and reading.confidence < Reading.UNCERTAIN_BELOW
    assert {reading.encoding, reading.runner_up} == {"utf-8", "gb18030"}
    assert "sure; could also be" in reading.describe()


def test_bytes_replaced_are_counted_and_said():
    data = ("科协新闻" * 200).encode("utf-8")
    page = page_from_bytes(data[:300] + b"\xff" + data[300:], "a.txt")
    assert page.reading.replaced == 1 and "1 invalid byte sequence(s) shown as �" in page.reading.describe()


def test_encoding_option_forces_one(tmp_path):
    data = "本報訊 記者從市科協獲悉".encode("big5")
    assert page_from_bytes(data, "t.txt", encoding="big5").reading == Reading("big5", how="forced")
    forced = page_from_bytes("科协报".encode("gb18030"), "t.txt", encoding="utf-8")
    assert forced.reading.how == "forced" and forced.reading.replaced > 0 and "\ufffd" in forced.text
    path = tmp_path / "p.txt"
    path.write_bytes(data)
    assert load_page(path, encoding="big5").text == "本報訊 記者從市科協獲悉"
    with pytest.raises(LoadError, match="not an encoding kexie knows"):
        page_from_bytes(data, "t.txt", encoding="klingon")


# ---------------------------------------------------------------- not a file

@pytest.fixture
def never_read(monkeypatch):
    """Reading a FIFO waits for a writer forever, reading /dev/zero never ends: fail at once instead."""
    real = Path.read_bytes

    def read_bytes(self):
        assert self.is_file(), f"{self} was read: it is no regular file"
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_waiting(tmp_path, never_read):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(LoadError, match=re.escape("pipe.txt: is a named pipe (FIFO), not a file")):
        load_page(fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_refused(never_read):
    with pytest.raises(LoadError, match="zero: is a device, not a text file"):
        load_page("/dev/zero")


def test_size_limit_message_gives_the_real_size(tmp_path, monkeypatch):
    from kexie_gui.core import load as load_mod

    monkeypatch.setattr(load_mod, "MAX_BYTES", 2**20)
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (2**20 + 1))
    with pytest.raises(LoadError) as err:
        load_page(big)
    assert str(err.value) == ("big.txt: the file is 1,048,577 bytes (1.0 MiB), more than the 1 MiB a page may "
                              "have; it was not opened")
