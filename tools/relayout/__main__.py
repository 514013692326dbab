"""``python -m tools.relayout``: re-lay gold pages in other layout conventions and score the cleaner on them.

    python -m tools.relayout run --corpus DIR --kexie .venv/bin/kexie [--conventions A B …] [--seeds 3]
                                 [--damage RATE] [--score PATH/score.py] [--table FILE] [--keep DIR] [--jobs N]
    python -m tools.relayout compose --corpus DIR --out OUT --convention X [--seed N] [--damage RATE]
    python -m tools.relayout check --corpus DIR [--conventions A B …] [--seeds 3] [--damage RATE]
    python -m tools.relayout list

See docs/relayout.md.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from tools.goldlabels.pages import PageError

from .check import check
from .compose import compose
from .conventions import DEFAULT_CONVENTIONS, ConventionError, parse
from .run import DEFAULT_SCORE, HEADER, RunError, load_sources, run, table, write_page


def _conventions(values: list[str] | None) -> list[str]:
    names = []
    for v in values or DEFAULT_CONVENTIONS:
        names += [x for x in v.split(",") if x]
    for n in names:
        parse(n)
    return names


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.relayout", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_run = sub.add_parser("run", help="compose every convention, run kexie clean, score")
    p_run.add_argument("--corpus", type=Path, required=True)
    p_run.add_argument("--kexie", default=".venv/bin/kexie")
    p_run.add_argument("--conventions", nargs="+", help="names (default: all of `list`); commas also split")
    p_run.add_argument("--seeds", type=int, default=3)
    p_run.add_argument("--damage", type=float, default=0.0, help="rate of added damage, 0–1 (default 0)")
    p_run.add_argument("--score", type=Path, default=DEFAULT_SCORE)
    p_run.add_argument("--table", type=Path, help="also write the table here (.md, .tsv or .json)")
    p_run.add_argument("--keep", type=Path, help="keep the composed pages and predictions in this folder")
    p_run.add_argument("--no-check", action="store_true", help="skip checking each composed page")
    p_run.add_argument("--jobs", type=int, default=1, help="compose and check in this many processes")
    p_comp = sub.add_parser("compose", help="write one convention's pages for inspection")
    p_comp.add_argument("--corpus", type=Path, required=True)
    p_comp.add_argument("--out", type=Path, required=True)
    p_comp.add_argument("--convention", required=True)
    p_comp.add_argument("--seed", type=int, default=0)
    p_comp.add_argument("--damage", type=float, default=0.0)
    p_check = sub.add_parser("check", help="compose and check every page (no kexie)")
    p_check.add_argument("--corpus", type=Path, required=True)
    p_check.add_argument("--conventions", nargs="+")
    p_check.add_argument("--seeds", type=int, default=3)
    p_check.add_argument("--damage", type=float, default=0.0)
    sub.add_parser("list", help="the default conventions")
    args = parser.parse_args(argv)
    try:
        if args.command == "list":
            print("\n".join(DEFAULT_CONVENTIONS))
            return 0
        if args.command == "compose":
            return _compose(args)
        if args.command == "check":
            return _check(args)
        return _run(args)
    except (RunError, PageError, ConventionError, OSError) as exc:
        print(f"relayout: {exc}", file=sys.stderr)
        return 2


def _compose(args) -> int:
    parse(args.convention)
    failed = 0
    for src in load_sources(args.corpus):
        page = compose(src, args.convention, args.seed, args.damage)
        write_page(page, args.out)
        result = check(page)
        if not result.ok:
            failed += 1
            print(f"check failed: {page.name}: {'; '.join(result.problems)}", file=sys.stderr)
    print(f"wrote {args.out} ({args.convention}, seed {args.seed}, damage {args.damage:g}); {failed} check failure(s)")
    return 1 if failed else 0


def _check(args) -> int:
    sources = load_sources(args.corpus)
    failed = total = 0
    for name in _conventions(args.conventions):
        bad = dis = 0
        for seed in range(args.seeds):
            for src in sources:
                result = check(compose(src, name, seed, args.damage))
                total += 1
                dis += result.disagreements
                if not result.ok:
                    bad += 1
                    print(f"  {name} {result.name}: {'; '.join(result.problems)}")
        failed += bad
        print(f"{name:<22} {len(sources) * args.seeds:>5} pages  {bad} failed  "
              f"{dis} character(s) the aligner reads as the other copy")
    print(f"{total} page(s), {failed} failed")
    return 1 if failed else 0


def _run(args) -> int:
    names = _conventions(args.conventions)
    t0 = time.monotonic()
    print(f"corpus {args.corpus}, {args.seeds} seed(s), damage rate {args.damage:g}, kexie {args.kexie}")
    print(HEADER)
    rows = run(args.corpus, args.kexie, names, args.seeds, args.damage, args.score, args.keep,
               verify=not args.no_check, jobs=max(1, args.jobs))
    elapsed = time.monotonic() - t0
    print(f"({elapsed:.0f} s)")
    if args.table:
        fmt = {".tsv": "tsv", ".json": "json"}.get(args.table.suffix.lower(), "md")
        head = (f"Layout-variation harness: corpus `{args.corpus}`, {args.seeds} seed(s), damage rate "
                f"{args.damage:g}, {elapsed:.0f} s")
        args.table.write_text(table(rows, fmt, head), encoding="utf-8")
    return 1 if any(r.check_failures for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
