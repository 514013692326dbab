"""Render a page's DOCX export to PNG images, so a person can look at the layout.

    python tools/render_docx.py PAGE.txt OUTDIR            # load, analyse, apply defaults
    python tools/render_docx.py --from-json GOLD.json OUTDIR  # a gold/clean {"articles": [...]} file

Writes ``OUTDIR/<stem>.docx``, ``<stem>.pdf`` and ``<stem>-<n>.png`` (one per
page) and prints the PNG paths.  Needs LibreOffice (``soffice``, package
libreoffice-writer-nogui) and poppler-utils (``pdftoppm``).  Each run gets its
own LibreOffice profile, so several renders may run side by side.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kexie_gui.core.model import CleanArticle, CleanPage, Text
from kexie_gui.export import ExportOptions, render

SOFFICE_TIMEOUT_S = 180


def clean_from_json(path: Path) -> CleanPage:
    """A CleanPage from a gold or exported JSON file (``{"source", "articles": [...]}``)."""
    data = json.loads(path.read_text(encoding="utf-8"))

    def opt(value):
        return None if value in (None, "") else Text(value)

    articles = tuple(
        CleanArticle(key=f"a{i}", title=Text(a.get("title") or ""), subtitle=opt(a.get("subtitle")),
                     paragraphs=tuple(Text(p) for p in a.get("paragraphs", ())),
                     byline=opt(a.get("byline")), section=a.get("section"))
        for i, a in enumerate(data["articles"])
    )
    return CleanPage(source=data.get("source") or path.name, articles=articles)


def clean_from_page(path: Path) -> CleanPage:
    """Run the core with default decisions, as ``kexie`` would."""
    from kexie_gui.core import Decisions, analyse, apply, load_page

    return apply(analyse(load_page(path)), Decisions())


def to_png(docx_path: Path, out_dir: Path, dpi: int = 80) -> list[Path]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("soffice not found: apt-get install -y libreoffice-writer-nogui")
    if not shutil.which("pdftoppm"):
        sys.exit("pdftoppm not found: apt-get install -y poppler-utils")
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation=file://{profile}",
             "--convert-to", "pdf", "--outdir", str(out_dir), str(docx_path)],
            check=True, timeout=SOFFICE_TIMEOUT_S, stdout=subprocess.DEVNULL,
        )
    pdf = out_dir / (docx_path.stem + ".pdf")
    if not pdf.exists():
        sys.exit(f"LibreOffice did not write {pdf}")
    for old in out_dir.glob(f"{docx_path.stem}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(out_dir / docx_path.stem)],
                   check=True, timeout=SOFFICE_TIMEOUT_S)
    return sorted(out_dir.glob(f"{docx_path.stem}-*.png"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", type=Path, help="a page .txt (or a .json clean/gold file)")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--from-json", type=Path, help="a gold/clean JSON file instead of a page")
    parser.add_argument("--per-article", action="store_true", help="render the first article alone")
    parser.add_argument("--body-font", default=ExportOptions.body_font)
    parser.add_argument("--title-font", default=ExportOptions.title_font)
    parser.add_argument("--dpi", type=int, default=80)
    args = parser.parse_args(argv)
    source = args.from_json or args.page
    if source is None:
        parser.error("give PAGE.txt or --from-json FILE")
    if args.from_json or source.suffix.lower() == ".json":
        clean = clean_from_json(source)
    else:
        clean = clean_from_page(source)
    options = ExportOptions(body_font=args.body_font, title_font=args.title_font)
    args.outdir.mkdir(parents=True, exist_ok=True)
    stem = source.name.split(".")[0]
    if args.per_article:
        from kexie_gui.export import render_article

        data = render_article(clean, 0, "docx", options)
    else:
        data = render(clean, "docx", options)
    docx_path = args.outdir / f"{stem}.docx"
    docx_path.write_bytes(data)
    for png in to_png(docx_path, args.outdir, args.dpi):
        print(png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
