"""Measure the repeat finder against gold line labels (a developer tool, not shipped).

For each set it runs the steps ``analyse`` runs up to ``find_repeats`` (units, convention, shapes,
first-look labels, ``Lines``) and counts dropped raw lines: true (gold says duplicate), false (gold
does not) and missed (gold duplicate not dropped), for the pages fitted on and for the held-out last
quarter of each set's pages (by name).

    python3 -m tools.goldlabels /work/shared/corpus/dev --out /tmp/gl_dev.jsonl   # gold line labels
    python3 -m tools.repeats_check dev varied ocr pdf [--gl /tmp] [-v] [--page NAME]
    python3 -m tools.repeats_check --huge 10          # time find_repeats on a ~10 MB shuffled page
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

from kexie_gui.core import labels as lb
from kexie_gui.core import load_page
from kexie_gui.core.convention import convention_of
from kexie_gui.core.features import shapes_of
from kexie_gui.core.lines import split_units
from kexie_gui.core.repeats import Lines, find_repeats

CORPUS = Path(os.environ.get("KEXIE_CORPUS", "/work/shared/corpus"))


def repeats_of(text: str):
    """The units and the repeats ``analyse`` would find on a page's text."""
    units = split_units(text)
    conv = convention_of(units)
    shapes = shapes_of(units, conv)
    first = lb.first_look(units, conv, 0.0, shapes)
    lines = Lines(shapes, [x.label for x in first], conv.wrapped,
                  [u.blank_before > 0 and conv.blank_lines_separate for u in units])
    return units, find_repeats([u.text for u in units], lines)


def gold_lines(path: Path) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            s = out.setdefault(r["page"], set())
            if "duplicate" in r["labels"]:
                s.add(r["line"])
    return out


def check_set(name: str, gl_dir: Path, verbose: bool, only: str | None) -> dict:
    gold = gold_lines(gl_dir / f"gl_{name}.jsonl")
    pages = sorted(p for p in (CORPUS / name).glob("*.txt"))
    held_from = len(pages) - len(pages) // 4  # the last quarter by name is held out
    tot = {"fit": [0, 0, 0], "held": [0, 0, 0]}
    for k, path in enumerate(pages):
        page = path.name[:-4]
        if only and only not in page:
            continue
        units, reps = repeats_of(load_page(str(path)).text)
        pred = {units[i].number for r in reps if r.default for i in r.drop}
        g = gold.get(page, set())
        part = "held" if k >= held_from else "fit"
        t = tot[part]
        t[0] += len(pred & g)
        t[1] += len(pred - g)
        t[2] += len(g - pred)
        if pred != g and (verbose or only):
            print(f"  {part:4} {page}: wrong {sorted(pred - g)} missed {sorted(g - pred)}")
            if verbose:
                text = {u.number: u.text for u in units}
                for n in sorted((pred - g) | (g - pred)):
                    print(f"        {n:4} {'FP' if n in pred else 'FN'} {text.get(n, '')[:40]}")
                for r in reps:
                    print("       ", [units[i].number for i in r.drop], "keep", [units[i].number for i in r.keep],
                          r.why.render("en"), "" if r.default else "(not default)")
    for part in ("fit", "held"):
        tp, fp, fn = tot[part]
        print(f"{name:8} {part:4} tp {tp:4} fp {fp:4} fn {fn:4}")
    return tot


def huge_page(megabytes: float, seed: int = 1) -> str:
    """Copies of the dev pages with their lines shuffled, about ``megabytes`` MB of UTF-8."""
    lines = []
    for path in sorted((CORPUS / "dev").glob("*.txt")):
        lines += [x for x in load_page(str(path)).text.split("\n") if x.strip()]
    rng = random.Random(seed)
    out, size = [], 0
    while size < megabytes * 1e6:
        rng.shuffle(lines)
        out += lines
        size += sum(len(x.encode("utf-8")) + 1 for x in lines)
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", default=["seed", "dev", "varied", "ocr", "pdf"])
    ap.add_argument("--gl", default="/tmp", help="folder of the gl_SET.jsonl gold line labels")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--page", help="only pages whose name holds this")
    ap.add_argument("--huge", type=float, help="time the repeat finder on a shuffled page of this many MB")
    a = ap.parse_args(argv)
    if a.huge:
        text = huge_page(a.huge)
        t0 = time.perf_counter()
        units = split_units(text)
        conv = convention_of(units)
        shapes = shapes_of(units, conv)
        t1 = time.perf_counter()
        lines = Lines(shapes, None, conv.wrapped, [u.blank_before > 0 for u in units])
        reps = find_repeats([u.text for u in units], lines)
        t2 = time.perf_counter()
        print(f"{len(text.encode('utf-8')) / 1e6:.1f} MB, {len(units)} lines: shapes {t1 - t0:.1f} s, "
              f"find_repeats {t2 - t1:.1f} s, {len(reps)} repeats")
        return 0
    for s in a.sets:
        check_set(s, Path(a.gl), a.verbose, a.page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
