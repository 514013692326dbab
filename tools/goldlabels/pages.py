"""Corpus pages: the raw text exactly as lines are counted, and its gold.

A corpus folder holds ``NAME.txt`` (the raw page) and ``NAME.gold.json`` (its
gold, corpus format). Raw bytes are decoded the way a page is opened (BOMs,
UTF-16, UTF-8, else GB18030) and line ends normalised to ``\\n``, so line
numbers here are the lines an editor sees.
"""
from __future__ import annotations

import codecs
import json
from dataclasses import dataclass, field
from pathlib import Path

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class PageError(Exception):
    """A page that cannot be read (message names the file)."""


def decode(data: bytes) -> tuple[str, str]:
    """Bytes of a raw page → (text with ``\\n`` line ends, encoding name).

    >>> decode("甲\\r\\n乙".encode("gb18030"))
    ('甲\\n乙', 'gb18030')
    >>> decode(codecs.BOM_UTF8 + "丙".encode())
    ('丙', 'utf-8-sig')
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = data.decode(enc)
            break
    else:
        for enc in ("utf-8", "gb18030"):
            try:
                text = data.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise UnicodeDecodeError("utf-8/gb18030", data, 0, 1, "not UTF-8, UTF-16 or GB18030")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text, enc


@dataclass
class Page:
    name: str          # NAME (file name without .txt)
    set: str           # the corpus folder's name (seed, dev, varied, ocr, pdf, …)
    text: str          # decoded raw text, ``\n`` line ends
    gold: dict
    encoding: str = "utf-8"
    path: Path | None = None
    extra: dict = field(default_factory=dict)

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def declared_uncovered(self) -> str:
        """Raw characters the gold says belong to no gold string (ocr/pdf pages list them)."""
        for key in ("ocr", "pdf", "uncovered"):
            block = self.gold.get(key)
            if isinstance(block, dict) and isinstance(block.get("uncovered"), str):
                return block["uncovered"]
        return ""


def read_page(txt: Path, set_name: str | None = None) -> Page:
    """Read ``NAME.txt`` and ``NAME.gold.json`` beside it."""
    txt = Path(txt)
    gold_path = txt.with_name(txt.name[: -len(".txt")] + ".gold.json")
    try:
        text, enc = decode(txt.read_bytes())
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise PageError(f"{txt}: cannot read the page or its gold ({exc})") from exc
    return Page(name=txt.name[: -len(".txt")], set=set_name or txt.parent.name, text=text,
                gold=gold, encoding=enc, path=txt)


def corpus_pages(folder: Path, set_name: str | None = None) -> list[Page]:
    """Every page of a corpus folder that has both ``NAME.txt`` and ``NAME.gold.json`` (not recursive)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise PageError(f"{folder}: no such folder")
    pages = []
    for txt in sorted(folder.glob("*.txt")):
        if txt.with_name(txt.name[: -len(".txt")] + ".gold.json").is_file():
            pages.append(read_page(txt, set_name or folder.name))
    return pages
