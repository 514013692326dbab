"""Compose a corpus in many conventions, run ``kexie clean`` on each and score it.

One folder per convention (every seed's pages side by side, so score.py's
micro-averages run over all of them), one ``kexie clean --format json`` run
per folder, one score.py run per folder.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tools.goldlabels.pages import corpus_pages

from .check import check
from .compose import Composed, compose
from .conventions import parse
from .units import source_units

METRICS = ["pages_exact", "title_f1", "body_cer", "para_f1", "byline_acc", "furniture_leak", "dup_leak"]
DEFAULT_SCORE = Path(__file__).resolve().parents[2] / ".." / "shared" / "tools" / "score.py"


class RunError(Exception):
    """A setup problem (missing corpus, kexie or score.py) with a message for the user."""


@dataclass
class Row:
    convention: str
    pages: int = 0
    check_failures: int = 0
    disagreements: int = 0
    ambiguous_pages: int = 0     # pages with a paragraph end on an exactly full line (no cue it ends)
    metrics: dict = field(default_factory=dict)
    kexie_status: int = 0
    kexie_errors: list[str] = field(default_factory=list)
    seconds: float = 0.0


def load_sources(corpus: Path):
    pages = corpus_pages(corpus)
    if not pages:
        raise RunError(f"{corpus}: no pages (NAME.txt + NAME.gold.json)")
    return [source_units(p) for p in pages]


def write_page(page: Composed, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / (page.name + ".txt")).write_bytes(page.data)
    (folder / (page.name + ".gold.json")).write_text(
        json.dumps(page.gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _compose_and_check(task):
    src, convention, seed, damage, verify = task
    page = compose(src, convention, seed, damage)
    return page, check(page) if verify else None


def compose_folder(sources, convention: str, folder: Path, seeds: int, damage: float, verify: bool = True,
                   report=None, jobs: int = 1) -> Row:
    """Write every page of every seed in one convention; check each (failures are reported)."""
    row = Row(convention)
    tasks = [(src, convention, seed, damage, verify) for seed in range(seeds) for src in sources]
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            results = list(pool.map(_compose_and_check, tasks, chunksize=4))
    else:
        results = map(_compose_and_check, tasks)
    for page, result in results:
        write_page(page, folder)
        row.pages += 1
        row.ambiguous_pages += bool(page.gold["relayout"]["ambiguous_ends"])
        if result is not None:
            row.disagreements += result.disagreements
            if not result.ok:
                row.check_failures += 1
                if report:
                    report(f"check failed: {convention} {page.name}: {'; '.join(result.problems)}")
    return row


def run_kexie(kexie: str, pages: Path, pred: Path) -> tuple[int, list[str]]:
    proc = subprocess.run([kexie, "clean", "--format", "json", "--force", "-o", str(pred), str(pages)],
                          capture_output=True, text=True)
    errors = [line for line in proc.stderr.splitlines() if line.strip()]
    return proc.returncode, errors


def run_score(score: Path, gold: Path, pred: Path) -> dict:
    proc = subprocess.run([sys.executable, str(score), str(gold), str(pred), "--json"],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise RunError(f"score.py failed on {gold}: {proc.stderr.strip()[-300:]}")
    return json.loads(proc.stdout)


def run(corpus: Path, kexie: str, conventions: list[str], seeds: int = 3, damage: float = 0.0,
        score: Path = DEFAULT_SCORE, keep: Path | None = None, verify: bool = True, report=print,
        jobs: int = 1) -> list[Row]:
    for name in conventions:
        parse(name)  # a bad name fails before any work
    if not Path(score).is_file():
        raise RunError(f"no score.py at {score} (give --score PATH)")
    if shutil.which(kexie) is None and not Path(kexie).is_file():
        raise RunError(f"no kexie at {kexie} (give --kexie PATH)")
    sources = load_sources(corpus)
    base = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="relayout-"))
    rows = []
    try:
        for name in conventions:
            t0 = time.monotonic()
            folder = base / "pages" / _safe(name)
            pred = base / "pred" / _safe(name)
            if folder.exists():
                shutil.rmtree(folder)
            row = compose_folder(sources, name, folder, seeds, damage, verify, report, jobs)
            row.kexie_status, row.kexie_errors = run_kexie(kexie, folder, pred)
            row.metrics = run_score(Path(score), folder, pred)
            row.seconds = time.monotonic() - t0
            rows.append(row)
            report(format_row(row))
    finally:
        if not keep:
            shutil.rmtree(base, ignore_errors=True)
    return rows


def _safe(name: str) -> str:
    return name.replace("+", "_plus_").replace(os.sep, "_")


HEADER = (f"{'convention':<22} {'pages':>5} {'check':>5} {'ambig':>5} " + " ".join(f"{m:>14}" for m in METRICS)
          + f" {'seconds':>7}")


def format_row(row: Row) -> str:
    vals = " ".join(f"{row.metrics.get(m, float('nan')):>14.4f}" for m in METRICS)
    flag = "" if row.kexie_status == 0 else f"  (kexie exit {row.kexie_status}: {len(row.kexie_errors)} message(s))"
    return (f"{row.convention:<22} {row.pages:>5} {row.check_failures:>5} {row.ambiguous_pages:>5} {vals} "
            f"{row.seconds:>7.1f}{flag}")


def table(rows: list[Row], fmt: str = "md", header: str = "") -> str:
    """The rows as a Markdown table (or ``tsv``/``json``)."""
    if fmt == "json":
        return json.dumps([{"convention": r.convention, "pages": r.pages, "check_failures": r.check_failures,
                            "pages_with_ambiguous_ends": r.ambiguous_pages,
                            "aligner_disagreements": r.disagreements, "kexie_status": r.kexie_status,
                            "seconds": round(r.seconds, 2), **{m: r.metrics.get(m) for m in METRICS}}
                           for r in rows], indent=1)
    cols = ["convention", "pages", "check failures", "ambiguous pages", *METRICS]
    lines = []
    if fmt == "tsv":
        lines.append("\t".join(cols))
        for r in rows:
            lines.append("\t".join([r.convention, str(r.pages), str(r.check_failures), str(r.ambiguous_pages),
                                    *(f"{r.metrics.get(m, float('nan')):.4f}" for m in METRICS)]))
        return "\n".join(lines) + "\n"
    if header:
        lines += [header, ""]
    lines.append("| " + " | ".join(cols) + " |")
    lines.append("|" + "---|" * len(cols))
    for r in rows:
        lines.append("| " + " | ".join([r.convention, str(r.pages), str(r.check_failures), str(r.ambiguous_pages),
                                        *(f"{r.metrics.get(m, float('nan')):.4f}" for m in METRICS)]) + " |")
    return "\n".join(lines) + "\n"
