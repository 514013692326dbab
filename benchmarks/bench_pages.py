"""Speed and fidelity of reading PDF pages and page images (needs ../shared/corpus).

    .venv/bin/python benchmarks/bench_pages.py                 # PDFs, and images from the OCR cache
    .venv/bin/python benchmarks/bench_pages.py --ocr           # also run OCR afresh (20-60 s a page)
    .venv/bin/python benchmarks/bench_pages.py --engine tesseract --ocr

Reports, per page and as medians:
* PDF: seconds from the file to clean articles (read + layout + analysis + apply);
* images: the engine's own OCR seconds, the seconds of everything after OCR
  (layout + analysis + apply, from the cache), and the engine's character error
  rate against the PDF's text layer (the floor any cleaning of these pages
  starts from): every printed character either inside the box of the OCR line
  that read it, compared line by line, or missed.
Writes the clean pages as JSON to ``--out`` (default /tmp/kexie-bench-pages/{pdf,images})
for ``python3 ../shared/tools/score.py GOLD_DIR PRED_DIR``.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from kexie_gui.core import analyse, apply  # noqa: E402
from kexie_gui.core.pages import load_pages  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
PDFS = CORPUS / "pdf" / "pdfs"
IMAGES = CORPUS / "ocr" / "images"
SCORE = ROOT.parent / "shared" / "tools" / "score.py"


def score(gold: Path, pred: Path) -> str:
    if not SCORE.exists():
        return "(score.py not found)"
    out = subprocess.run([sys.executable, str(SCORE), str(gold), str(pred)], capture_output=True, text=True)
    return out.stdout.strip().splitlines()[-1] if out.stdout.strip() else out.stderr.strip()


def bench_pdfs(out: Path, repeat: int = 3) -> None:
    out.mkdir(parents=True, exist_ok=True)
    times = []
    for pdf in sorted(PDFS.glob("a*.pdf")):
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            page = load_pages(pdf)[0]
            clean = apply(analyse(page))
            runs.append(time.perf_counter() - start)
        times.append(statistics.median(runs))
        (out / f"{pdf.stem}.json").write_text(json.dumps(clean.to_dict(), ensure_ascii=False), encoding="utf-8")
        print(f"  {pdf.stem}: {times[-1]:.3f} s to articles")
    print(f"PDF pages: median {statistics.median(times):.3f} s, max {max(times):.3f} s to articles")
    print(f"  score: {score(PDFS, out)}")


def engine_cer(page, pdf: Path) -> tuple[int, int]:
    """(errors, printed characters) of the OCR'd lines against the PDF's text layer, line by line."""
    from kexie_gui.core.pdfpage import open_pdf, scan_page

    scan = scan_page(open_pdf(pdf), 0)
    scale = page.geometry.width / scan.width
    printed = [g for g in scan.glyphs if g.char.strip()]
    used = [False] * len(printed)
    errors = 0
    lines = page.text.split("\n")
    for box in page.geometry.lines:
        pad = 0.25 * box.size
        inside = [k for k, g in enumerate(printed) if not used[k]
                  and box.x0 - pad <= (g.x0 + g.x1) / 2 * scale <= box.x1 + pad
                  and box.y0 - pad <= (g.y0 + g.y1) / 2 * scale <= box.y1 + pad]
        for k in inside:
            used[k] = True
        truth = "".join(printed[k].char for k in sorted(inside, key=lambda k: printed[k].x0))
        read = "".join(lines[box.line - 1].split())
        errors += Levenshtein.distance(read, truth)
    errors += used.count(False)
    return errors, len(printed)


def bench_images(out: Path, engine: str | None, fresh: bool) -> None:
    from kexie_gui.core import ocr

    out.mkdir(parents=True, exist_ok=True)
    engine = ocr.choose_engine(engine)
    ocr_seconds, after, errors, total = [], [], 0, 0
    for png in sorted(IMAGES.glob("a*.png")):
        digest = hashlib.sha256(png.read_bytes()).hexdigest()
        key = ocr.cache_key(digest, engine)
        if fresh:
            (ocr.cache_dir() / f"{key}.json").unlink(missing_ok=True)
        if ocr.cached(key) is None:
            load_pages(png, ocr=engine)  # runs the engine once and caches it
        result = ocr.cached(key)
        ocr_seconds.append(result.seconds)
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            page = load_pages(png, ocr=engine)[0]
            clean = apply(analyse(page))
            runs.append(time.perf_counter() - start)
        after.append(statistics.median(runs))
        e, n = engine_cer(page, PDFS / f"{png.stem}.pdf")
        errors += e
        total += n
        (out / f"{png.stem}.json").write_text(json.dumps(clean.to_dict(), ensure_ascii=False), encoding="utf-8")
        print(f"  {png.stem}: OCR {result.seconds:.1f} s, after OCR {after[-1]:.3f} s, engine CER {e / n:.4f}")
    print(f"images ({engine}): OCR median {statistics.median(ocr_seconds):.1f} s a page; after OCR median "
          f"{statistics.median(after):.3f} s, max {max(after):.3f} s; engine CER {errors / total:.4f}")
    print(f"  score: {score(IMAGES, out)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ocr", action="store_true", help="run OCR afresh instead of using the cache")
    parser.add_argument("--engine", choices=("rapidocr", "tesseract"))
    parser.add_argument("--out", default="/tmp/kexie-bench-pages")
    parser.add_argument("--skip-images", action="store_true")
    args = parser.parse_args()
    if not PDFS.exists():
        print(f"needs the corpus at {CORPUS}")
        return 2
    out = Path(args.out)
    bench_pdfs(out / "pdf")
    if not args.skip_images:
        bench_images(out / ("images-" + (args.engine or "default")), args.engine, args.ocr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
