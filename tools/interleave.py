"""Make a line-level page whose two columns were read line by line across them (what a whole-page OCR gives).

    python tools/interleave.py ARTICLES.json PAGE.txt [--width 18] [--title-width 12]

``ARTICLES.json`` holds ``{"articles": [{"title", "subtitle", "paragraphs", "byline"}]}`` (a gold file, or
one written by hand).  The articles are set as a newspaper column would print them: the headline in
lines of ``--title-width`` characters (a long one takes two lines), a 副题 and a reporter line under it,
paragraphs hard-wrapped at ``--width`` characters, a trailing byline in （…） after the last paragraph.
The printed lines are cut into two columns of equal length and then read across: line 1 of the left
column, line 1 of the right one, line 2 of the left one…  No blank lines, no indents (OCR drops them).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def wrap(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)] or [""]


def is_reporter_line(byline: str) -> bool:
    return any(w in byline for w in ("记者", "通讯员")) and not byline.startswith(("(", "（"))


def printed_lines(articles: list[dict], width: int = 18, title_width: int = 12) -> list[str]:
    """The articles as the lines of one newspaper column."""
    lines: list[str] = []
    for a in articles:
        lines += wrap(a["title"], title_width)
        if a.get("subtitle"):
            lines += wrap(a["subtitle"], width)
        byline = a.get("byline") or ""
        reporter = bool(byline) and is_reporter_line(byline)
        if reporter:
            lines.append(byline)
        paragraphs = list(a["paragraphs"])
        if byline and not reporter:
            paragraphs[-1] += f"（{byline}）"
        for p in paragraphs:
            lines += wrap(p, width)
    return lines


def interleave(lines: list[str]) -> list[str]:
    """Two columns of equal length, read across: left 1, right 1, left 2, right 2…"""
    half = (len(lines) + 1) // 2
    left, right = lines[:half], lines[half:]
    out = []
    for i in range(half):
        out.append(left[i])
        if i < len(right):
            out.append(right[i])
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", type=Path)
    ap.add_argument("page", type=Path)
    ap.add_argument("--width", type=int, default=18)
    ap.add_argument("--title-width", type=int, default=12)
    args = ap.parse_args(argv)
    articles = json.loads(args.articles.read_text(encoding="utf-8"))["articles"]
    lines = interleave(printed_lines(articles, args.width, args.title_width))
    args.page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.page}: {len(lines)} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
