"""Build ``kexie_gui/core/data/bigrams.json``: how often two Han characters stand together inside a word.

Source: the word list with frequencies of jieba (MIT licence, https://github.com/fxsjy/jieba),
a general dictionary of modern Chinese.  For every word of two or more Han
characters, each pair of neighbouring characters inside it counts the word's
frequency.  Pairs counted fewer than ``MIN_COUNT`` times are left out; the rest
are stored by the whole binary logarithm of their count (one string of
concatenated pairs per bucket), which is all the reading-order scorer needs
and keeps the table small.

    python -m pip install jieba==0.42.1
    python tools/fit/build_bigrams.py
"""
from __future__ import annotations

import json
import math
from collections import Counter
from itertools import pairwise
from pathlib import Path

MIN_COUNT = 20
OUT = Path(__file__).resolve().parents[2] / "kexie_gui" / "core" / "data" / "bigrams.json"


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def main() -> None:
    import jieba

    dict_path = Path(jieba.__file__).with_name("dict.txt")
    counts: Counter = Counter()
    for line in dict_path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        word, freq = parts[0], int(parts[1])
        if len(word) < 2 or not all(_han(ch) for ch in word):
            continue
        for a, b in pairwise(word):
            counts[a + b] += freq
    buckets: dict[int, list[str]] = {}
    for pair, n in counts.items():
        if n >= MIN_COUNT:
            buckets.setdefault(int(math.log2(n)), []).append(pair)
    data = {
        "source": "jieba 0.42.1 dict.txt (MIT licence): pairs of Han characters inside words, by log2 of count",
        "min_count": MIN_COUNT,
        "buckets": {str(k): "".join(sorted(v)) for k, v in sorted(buckets.items())},
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    print(f"{sum(len(v) for v in buckets.values())} pairs in {len(buckets)} buckets -> {OUT} "
          f"({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
