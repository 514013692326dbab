"""Refit every table the analysis ships (``kexie_gui/core/data``), from the shared corpus, reproducibly.

    python -m pip install -e '.[fit,ocr]'
    python tools/fit/make_all.py --corpus ../shared/corpus --work /tmp/kexie-fit

Steps (each writes into ``--work``, nothing into the repository but the tables):

1. the gold line labels of every shared set (``python -m tools.goldlabels``);
2. the fitting part of ``dev`` (its first three quarters by name) re-laid in the
   conventions below with ``tools.relayout``, labelled the same way — pages in
   layouts the corpus holds few of, made from pages the held-out figures never see;
3. the printed pages of ``pdf/pdfs`` and ``ocr/images`` read with their geometry
   (``kexie_gui.core.pages.load_pages``; images need the OCR extra and take
   minutes, or seconds from the OCR cache);
4. ``fit_order.py`` (the reading-order link scorer and the interleaving model),
   then ``fit_lines.py`` (the two line labellers).

The last quarter of every shared set is held out of every fit (``dataset.held_out``)
and only scored; both fit scripts print the held-out figures.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SETS = ("seed", "dev", "varied", "ocr", "pdf")
# layouts the corpus has few pages of (blank-line layouts it has plenty of)
RELAY = ("one-per-line", "wrap-indent-14", "wrap-indent-22", "wrap-flat-18", "wrap-flat-26",
         "pdfminer-indent-20", "pdfminer-flat-20", "interleave-2col-16", "layout-2col-16")
RELAY_SEED = 1


def run(*args: str) -> None:
    print("+", " ".join(args), flush=True)
    subprocess.run(args, check=True, cwd=ROOT)


def printed_pages(folder: Path, suffix: str, out: Path) -> None:
    """Copy the printed pages and their gold, and write the text the program reads from each."""
    sys.path.insert(0, str(ROOT))
    from kexie_gui.core.pages import load_pages

    out.mkdir(parents=True, exist_ok=True)
    for page in sorted(folder.glob(f"*{suffix}")):
        shutil.copy(page, out / page.name)
        shutil.copy(page.with_suffix(".gold.json"), out / (page.stem + ".gold.json"))
        (out / (page.stem + ".txt")).write_text(load_pages(page)[0].text, encoding="utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--no-images", action="store_true", help="leave out the page images (no OCR extra)")
    args = ap.parse_args(argv)
    work = args.work.resolve()
    corpus = args.corpus.resolve()
    labels: list[Path] = []
    for s in SETS:
        out = work / f"labels_{s}.jsonl"
        run(sys.executable, "-m", "tools.goldlabels", str(corpus / s), "--out", str(out))
        labels.append(out)
    # 2. re-laid pages from the fitting part of dev
    dev = sorted((corpus / "dev").glob("*.txt"))
    fit_dev = dev[: len(dev) - max(1, len(dev) // 4)]
    source = work / "dev_fit"
    source.mkdir(parents=True, exist_ok=True)
    for page in fit_dev:
        for f in (page, page.with_suffix(".gold.json")):
            target = source / f.name
            if not target.exists():
                shutil.copy(f, target)
    relay = work / "relay"
    for conv in RELAY:
        name = "r_" + conv.replace("+", "_") + f"_s{RELAY_SEED}"
        run(sys.executable, "-m", "tools.relayout", "compose", "--corpus", str(source), "--out",
            str(relay / name), "--convention", conv, "--seed", str(RELAY_SEED))
        out = work / f"labels_{name}.jsonl"
        run(sys.executable, "-m", "tools.goldlabels", str(relay / name), "--out", str(out))
        labels.append(out)
    # 3. printed pages with their geometry
    printed = work / "printed"
    printed_pages(corpus / "pdf" / "pdfs", ".pdf", printed / "pdfs")
    run(sys.executable, "-m", "tools.goldlabels", str(printed / "pdfs"), "--out", str(work / "labels_pdfs.jsonl"))
    labels.append(work / "labels_pdfs.jsonl")
    if not args.no_images:
        printed_pages(corpus / "ocr" / "images", ".png", printed / "images")
        run(sys.executable, "-m", "tools.goldlabels", str(printed / "images"), "--out",
            str(work / "labels_images.jsonl"))
        labels.append(work / "labels_images.jsonl")
    roots = [str(corpus), str(relay), str(printed)]
    run(sys.executable, "tools/fit/fit_order.py", "--labels", *map(str, labels), "--corpus", *roots)
    run(sys.executable, "tools/fit/fit_lines.py", "--labels", *map(str, labels), "--corpus", *roots)
    return 0


if __name__ == "__main__":
    sys.exit(main())
