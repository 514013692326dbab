"""Time exporting the dev corpus to every format (budget: 40 pages × 4 formats < 5 s).

    python benchmarks/bench_export.py [GOLD_DIR]

Each gold file becomes a CleanPage; each page is rendered and written
atomically (fsync included) to a temporary folder, once per page and once per
article.  The budget covers the per-page export, what the CLI does for a batch.
"""
from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kexie_gui.core.model import CleanArticle, CleanPage, Text
from kexie_gui.export import EXTENSIONS, FORMATS, write_articles, write_page

DEFAULT_DIR = Path("/work/shared/corpus/dev")
BUDGET_S = 5.0


def page_from_gold(path: Path) -> CleanPage:
    data = json.loads(path.read_text(encoding="utf-8"))
    opt = lambda v: None if v in (None, "") else Text(v)  # noqa: E731
    return CleanPage(source=data.get("source") or path.name, articles=tuple(
        CleanArticle(key=f"a{i}", title=Text(a["title"]), subtitle=opt(a.get("subtitle")),
                     paragraphs=tuple(Text(p) for p in a["paragraphs"]), byline=opt(a.get("byline")),
                     section=a.get("section"))
        for i, a in enumerate(data["articles"])))


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT_DIR
    pages = [page_from_gold(p) for p in sorted(folder.glob("*.gold.json"))][:40]
    if not pages:
        print(f"no *.gold.json in {folder}")
        return 2
    n_articles = sum(len(p.articles) for p in pages)
    print(f"{len(pages)} pages, {n_articles} articles from {folder}")
    total = 0.0
    with tempfile.TemporaryDirectory(prefix="kexie-bench-") as tmp:
        for fmt in FORMATS:
            out = Path(tmp) / fmt
            out.mkdir()
            start = time.perf_counter()
            for i, page in enumerate(pages):
                write_page(page, fmt, out / f"{i:03d}{EXTENSIONS[fmt]}")
            per_page = time.perf_counter() - start
            total += per_page
            start = time.perf_counter()
            for i, page in enumerate(pages):
                sub = out / f"a{i:03d}"
                sub.mkdir()
                write_articles(page, fmt, sub)
            per_article = time.perf_counter() - start
            print(f"{fmt:5s} per page {per_page:6.3f} s ({per_page / len(pages) * 1000:5.1f} ms/page)   "
                  f"per article {per_article:6.3f} s ({per_article / n_articles * 1000:5.1f} ms/article)")
    verdict = "OK" if total < BUDGET_S else "OVER BUDGET"
    print(f"all formats, per page: {total:.3f} s (budget {BUDGET_S:.0f} s) {verdict}")
    return 0 if total < BUDGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
