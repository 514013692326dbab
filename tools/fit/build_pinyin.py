"""Build ``kexie_gui/core/data/pinyin.json``: the toneless readings of every common Han character.

Source: the single-character dictionary of pypinyin (MIT licence,
https://github.com/mozillazg/python-pinyin), every reading of every character
of the CJK Unified Ideographs block, tone marks removed (``ü`` written ``v``,
as pypinyin's plain style does).  Stored as syllable → the characters that can
be read so, one string each, which keeps the table small and lets the program
recognise a column title's pinyin without importing pypinyin (about 0.4 s of
start-up) at run time.

    python -m pip install 'pypinyin>=0.50'
    python tools/fit/build_pinyin.py
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "kexie_gui" / "core" / "data" / "pinyin.json"


def main() -> None:
    from pypinyin import Style, pinyin
    from pypinyin.pinyin_dict import pinyin_dict

    readings: dict[str, set[str]] = defaultdict(set)
    for code in sorted(pinyin_dict):
        if not 0x4E00 <= code <= 0x9FFF:
            continue
        ch = chr(code)
        for reading in pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")[0]:
            if reading.isascii() and reading.isalpha():
                readings[reading.lower()].add(ch)
    table = {syllable: "".join(sorted(chars)) for syllable, chars in sorted(readings.items())}
    OUT.write_text(json.dumps({"source": "pypinyin pinyin_dict, toneless", "readings": table},
                              ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(table)} syllables, {sum(map(len, table.values()))} readings")


if __name__ == "__main__":
    main()
