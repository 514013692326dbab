"""Encoding matrix: is every sample read back exactly, or at least flagged as an uncertain guess?

    python benchmarks/bench_encoding.py [--corpus ../shared/corpus/dev] [--markdown]

Samples are built at run time from the dev pages (nothing is copied into the
repository): the gold headlines (Chinese headline), the raw pages (Chinese
page), the gold ``notes`` (English) and the page's paragraphs interleaved with
the English note sentences (mixed).  Each is cut to 3 / 10 / 20 / 40 / 80
characters or kept whole (``page``), encoded in every encoding a page reaches
us in, and decoded by :func:`kexie_gui.core.load.page_from_bytes`.

A cell reads ``right/samples``; ``+k?`` counts wrong readings that were at
least flagged as uncertain, ``k✗`` wrong readings stated with confidence (the
bad case).  A sample the encoding cannot represent (GBK lacks a few
characters) is left out.  The last column is the median decode time of a
whole sample.
"""
from __future__ import annotations

import argparse
import codecs
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kexie_gui.core.load import LoadError, page_from_bytes  # noqa: E402

LENGTHS = (3, 10, 20, 40, 80, None)  # None: the whole sample
ENCODINGS = {
    "GB18030": lambda s: s.encode("gb18030"),
    "GBK": lambda s: s.encode("gbk"),
    "UTF-8": lambda s: s.encode("utf-8"),
    "UTF-8 BOM": lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
    "UTF-16LE": lambda s: s.encode("utf-16-le"),
    "UTF-16BE": lambda s: s.encode("utf-16-be"),
    "UTF-16LE BOM": lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"),
    "UTF-16BE BOM": lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
}


def _normal(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _known_text(data: bytes) -> str:
    """The corpus says its pages are UTF-8 (maybe with a BOM) or GB18030: the truth, not a guess."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def samples(corpus: Path) -> dict[str, list[str]]:
    """Content kind -> whole samples, from the dev pages and their gold files."""
    out: dict[str, list[str]] = {"Chinese headline": [], "Chinese page": [], "English": [], "mixed": []}
    for page in sorted(corpus.glob("*.txt")):
        gold = json.loads(page.with_name(page.stem + ".gold.json").read_text(encoding="utf-8"))
        text = _normal(_known_text(page.read_bytes())).strip()
        out["Chinese headline"] += [a["title"] for a in gold["articles"] if a["title"].strip()]
        out["Chinese page"].append(text)
        notes = " ".join(gold.get("notes", "").split())
        out["English"].append(notes)
        sentences = [s for s in re.split(r"(?<=[.;:])\s+", notes) if s]
        paragraphs = [p for p in text.split("\n") if p.strip()]
        mixed = []
        for i, p in enumerate(paragraphs[:len(sentences)]):
            mixed += [p, sentences[i]]
        out["mixed"].append("\n".join(mixed))
    return out


def cut(text: str, length: int | None) -> str | None:
    """The first ``length`` characters (None when the sample is shorter), white space trimmed."""
    if length is None:
        return text
    if len(text) < length:
        return None
    piece = text[:length]
    return piece if piece.strip() == piece and piece else None


def run(corpus: Path) -> list[dict]:
    rows = []
    kinds = samples(corpus)
    for enc_name, encode in ENCODINGS.items():
        for kind, texts in kinds.items():
            row = {"encoding": enc_name, "content": kind, "cells": [], "median_ms": 0.0}
            times = []
            for length in LENGTHS:
                right = flagged = wrong = total = 0
                for text in texts:
                    piece = cut(text, length)
                    if piece is None:
                        continue
                    try:
                        data = encode(piece)
                    except UnicodeEncodeError:
                        continue
                    total += 1
                    t0 = time.perf_counter()
                    try:
                        page = page_from_bytes(data, "sample.txt")
                    except LoadError:
                        wrong += 1
                        continue
                    finally:
                        if length is None:
                            times.append(time.perf_counter() - t0)
                    if page.text == piece:
                        right += 1
                    elif getattr(getattr(page, "reading", None), "uncertain", False):
                        flagged += 1
                    else:
                        wrong += 1
                row["cells"].append((right, flagged, wrong, total))
            row["median_ms"] = statistics.median(times) * 1000 if times else 0.0
            rows.append(row)
    return rows


def _cell(right: int, flagged: int, wrong: int, total: int) -> str:
    if not total:
        return "–"
    text = f"{right}/{total}"
    if flagged:
        text += f" +{flagged}?"
    if wrong:
        text += f" {wrong}✗"
    return text


def table(rows: list[dict]) -> str:
    head = ["encoding", "content", *(str(n) if n else "page" for n in LENGTHS), "ms/page"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        lines.append("| " + " | ".join([r["encoding"], r["content"], *(_cell(*c) for c in r["cells"]),
                                         f"{r['median_ms']:.2f}"]) + " |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev",
                        help="folder of dev pages with their .gold.json (default: %(default)s)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"bench_encoding: {args.corpus}: no such folder (the dev corpus is needed)", file=sys.stderr)
        return 2
    rows = run(args.corpus)
    print(table(rows))
    bad = sum(c[2] for r in rows for c in r["cells"])
    total = sum(c[3] for r in rows for c in r["cells"])
    print(f"\n{total - bad}/{total} samples read right or flagged; {bad} wrong without a word")
    return 0


if __name__ == "__main__":
    sys.exit(main())
