"""``python -m tools.goldlabels DIR… --out FILE``: label every raw line of the corpus folders.

Writes one JSON record per raw line and prints, per folder: lines per label,
the share of raw non-space characters labelled, what could not be aligned,
and how many equal-cost alternatives were decided by a rule or left open.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from .aligner import align
from .lines import line_records
from .pages import PageError, corpus_pages

LABEL_ORDER = ["title", "kicker", "subtitle", "byline-top", "byline-trailing", "paragraph-start",
               "paragraph-continuation", "paragraph-end", "paragraph-whole", "subhead", "furniture",
               "duplicate", "uncovered", "mixed", "blank"]


def label_folder(folder: Path, out, stats: dict) -> None:
    for page in corpus_pages(folder):
        al = align(page.text, page.gold, page.declared_uncovered())
        s = stats.setdefault(page.set, Counter())
        s["pages"] += 1
        s["chars"] += al.n_raw
        s["placed"] += al.n_placed
        s["marks"] += len(al.marks)
        s["declared"] += len(al.declared)
        s["unexplained"] += len(al.uncovered)
        s["unplaced_gold"] += len(al.unplaced)
        s["ties_by_order"] += al.ties_by_order
        s["ties_by_distance"] += al.ties_by_distance
        s["ties_open"] += al.ties_open
        for rec in line_records(page.text, al):
            if rec.labels:
                s["lines"] += 1
                for lab in rec.labels:
                    s["label:" + lab] += 1
            else:
                s["label:blank"] += 1
            if rec.unexplained:
                s["lines_unexplained"] += 1
            if out is not None:
                out.write(json.dumps({
                    "set": page.set, "page": page.name, "line": rec.number, "text": rec.text,
                    "labels": rec.labels, "role": rec.role, "places": rec.places,
                    "gold_start": rec.gold_start, "gold_end": rec.gold_end,
                    "next_line": rec.next_line, "prev_line": rec.prev_line,
                    "chars": rec.chars, "unexplained": rec.unexplained,
                }, ensure_ascii=False) + "\n")


def summary(stats: dict) -> str:
    sets = list(stats)
    rows = [["", *sets]]
    for key in ["pages", "lines"]:
        rows.append([key, *(str(stats[s][key]) for s in sets)])
    for lab in LABEL_ORDER:
        rows.append(["  " + lab, *(str(stats[s]["label:" + lab]) for s in sets)])
    rows.append(["raw chars", *(str(stats[s]["chars"]) for s in sets)])

    def labelled(st) -> str:
        return f"{100 * (st['placed'] + st['marks'] + st['declared']) / max(1, st['chars']):.3f}"

    rows.append(["labelled %", *(labelled(stats[s]) for s in sets)])
    rows.append(["  in gold strings", *(str(stats[s]["placed"]) for s in sets)])
    rows.append(["  byline parens/bullets", *(str(stats[s]["marks"]) for s in sets)])
    rows.append(["  declared uncovered", *(str(stats[s]["declared"]) for s in sets)])
    rows.append(["unexplained chars", *(str(stats[s]["unexplained"]) for s in sets)])
    rows.append(["lines with unexplained", *(str(stats[s]["lines_unexplained"]) for s in sets)])
    rows.append(["gold chars not in raw", *(str(stats[s]["unplaced_gold"]) for s in sets)])
    rows.append(["ties decided by order", *(str(stats[s]["ties_by_order"]) for s in sets)])
    rows.append(["ties decided by distance", *(str(stats[s]["ties_by_distance"]) for s in sets)])
    rows.append(["ties left open", *(str(stats[s]["ties_open"]) for s in sets)])
    width = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(width[0]) if i == 0 else c.rjust(width[i]) for i, c in enumerate(r))
                     for r in rows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.goldlabels", description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path, help="corpus folders (NAME.txt + NAME.gold.json)")
    parser.add_argument("--out", type=Path, help="JSONL file to write (one record per raw line)")
    args = parser.parse_args(argv)
    stats: dict = {}
    t0 = time.monotonic()
    out = None
    try:
        if args.out:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            out = args.out.open("w", encoding="utf-8")
        for folder in args.folders:
            label_folder(folder, out, stats)
    except (PageError, OSError) as exc:
        print(f"goldlabels: {exc}", file=sys.stderr)
        return 1
    finally:
        if out is not None:
            out.close()
    if not stats:
        print("goldlabels: no pages (NAME.txt + NAME.gold.json) in the given folders", file=sys.stderr)
        return 1
    print(summary(stats))
    print(f"({time.monotonic() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
