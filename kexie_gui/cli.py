"""``kexie``: the analysis engine, headless, for one page or a batch.

    kexie clean PAGE… [-o DIR] [--format json|md|txt|docx] [--force] [--ocr rapidocr|tesseract]
    kexie analyze PAGE… [--json]

A page is a text file, a PDF (each of its pages) or a page image (OCR).

Exit status: 0 every file done, 1 some file failed (each one says why on
stderr, the others are still written), 2 a usage error.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Iterable, Iterator

from . import __version__
from .core import KIND_LABELS, KexieError, analyse, apply
from .core.pages import PAGE_SUFFIXES, load_pages

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
PROGRESS_AFTER_SECONDS = 1.0  # batches quicker than this print no progress bar


class UsageError(KexieError):
    pass


def iter_inputs(paths: Iterable[str]) -> Iterator[tuple[Path, Path]]:
    """(page file, output name without suffix) for every page on the command line.

    A folder means every page file in it (``.txt``, ``.pdf``, images), recursively and sorted; its pages keep
    their sub-folders in the output (``2024/03/001.txt`` → ``OUT/2024/03/001.json``),
    so pages with the same name in different folders never overwrite each other.
    """
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            try:
                found = sorted(f for f in p.rglob("*") if f.suffix.lower() in PAGE_SUFFIXES and f.is_file())
            except OSError as exc:
                print(f"kexie: {p}: cannot list the folder ({exc.strerror or exc})", file=sys.stderr)
                continue
            if not found:
                print(f"kexie: {p}: no pages (.txt, .pdf or images) in this folder", file=sys.stderr)
            for f in found:
                yield f, f.relative_to(p).with_suffix("")
        else:
            yield p, Path(p.stem)


def plan_outputs(pages: list[tuple[Path, Path]]) -> list[tuple[Path, Path]]:
    """Give two pages that would write the same output name distinct names (``name (2)``)."""
    taken: set[str] = set()
    out = []
    for page, name in pages:
        candidate, n = name, 1
        while str(candidate).casefold() in taken:
            n += 1
            candidate = name.with_name(f"{name.name} ({n})")
        taken.add(str(candidate).casefold())
        out.append((page, candidate))
    return out


class Progress:
    """A one-line progress bar on stderr, shown only when a batch takes more than a moment."""

    def __init__(self, total: int, stream=sys.stderr):
        self.total, self.stream, self.start, self.shown = total, stream, time.monotonic(), False

    def update(self, done: int, name: str) -> None:
        if self.total < 2 or not self.stream.isatty() and not os.environ.get("KEXIE_PROGRESS"):
            return
        if not self.shown and time.monotonic() - self.start < PROGRESS_AFTER_SECONDS:
            return
        self.shown = True
        width = 30
        filled = int(width * done / self.total)
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} {name[:40]:<40}")
        self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()


def pages_of(path: Path, name: Path, ocr: str | None = None) -> list[tuple[object, Path]]:
    """The pages of one input file with their output names: a PDF's pages become ``NAME-p1``, ``NAME-p2``…"""
    pages = load_pages(path, ocr=ocr)
    if len(pages) == 1:
        return [(pages[0], name)]
    return [(page, name.with_name(f"{name.name}-p{n}")) for n, page in enumerate(pages, 1)]


def _target(out_dir: Path, name: Path, fmt: str) -> Path:
    from .export import EXTENSIONS

    target = out_dir / name.with_name(name.name + EXTENSIONS[fmt])
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


def cmd_clean(args) -> int:
    from .export import render, write_page

    pages = plan_outputs(list(iter_inputs(args.pages)))
    if not pages:
        raise UsageError("no input pages")
    if args.output is None and (len(pages) > 1 or args.format != "json"):
        raise UsageError("several pages or a non-JSON format need an output folder: -o DIR")
    out_dir = Path(args.output) if args.output else None
    if out_dir is not None:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot create the output folder {out_dir}: {exc.strerror or exc}") from None
    failed = 0
    progress = Progress(len(pages))
    for n, (page_path, name) in enumerate(pages, 1):
        progress.update(n - 1, page_path.name)
        try:
            found = pages_of(page_path, name, args.ocr)
            if out_dir is None and len(found) > 1:
                raise UsageError(f"{page_path.name} has {len(found)} pages; give an output folder: -o DIR")
            for page, page_name in found:
                clean = apply(analyse(page))
                if out_dir is None:
                    sys.stdout.buffer.write(render(clean, "json"))
                    sys.stdout.flush()
                else:
                    write_page(clean, args.format, _target(out_dir, page_name, args.format), force=args.force)
        except OSError as exc:
            failed += 1
            progress.close()
            print(f"kexie: {page_path.name}: {exc.strerror or exc}", file=sys.stderr)
        except KexieError as exc:
            failed += 1
            progress.close()
            print(f"kexie: {exc}", file=sys.stderr)
    progress.update(len(pages), "")
    progress.close()
    return EXIT_SOME_FAILED if failed else EXIT_OK


def describe(analysis) -> str:
    """The suggestions as an editor reads them: place, kind, confidence, explanation."""
    page = analysis.page
    lines = [f"{page.source}: {len(analysis.blocks)} blocks, "
             f"{'hard-wrapped' if analysis.hard_wrapped else 'blank-line separated'}, "
             f"{len(analysis.suggestions)} suggestions"]
    for s in analysis.suggestions:
        first = page.line_of(s.ranges[0][0]) if s.ranges else 0
        mark = "✓" if s.default else "?"
        lines.append(f"  {mark} line {first:>4}  {KIND_LABELS[s.kind][1]:<32} {s.confidence:.2f}  {s.explain_en}")
    return "\n".join(lines)


def cmd_analyze(args) -> int:
    failed = 0
    for page_path, _ in iter_inputs(args.pages):
        try:
            analyses = [analyse(page) for page in load_pages(page_path, ocr=args.ocr)]
        except KexieError as exc:
            failed += 1
            print(f"kexie: {exc}", file=sys.stderr)
            continue
        for analysis in analyses:
            _print_analysis(analysis, args.json)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _print_analysis(analysis, as_json: bool) -> None:
    if as_json:
        print(json.dumps({"source": analysis.page.source, "hard_wrapped": analysis.hard_wrapped,
                          "blocks": len(analysis.blocks),
                          "suggestions": [s.to_dict() for s in analysis.suggestions]},
                         ensure_ascii=False, indent=1))
    else:
        print(describe(analysis))


def build_parser() -> argparse.ArgumentParser:
    from .export import FORMATS

    parser = argparse.ArgumentParser(prog="kexie", description="Clean OCR text of Chinese newspaper pages.")
    parser.add_argument("--version", action="version", version=f"kexie {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    clean = sub.add_parser("clean", help="clean pages with the default decisions and write the articles")
    clean.add_argument("pages", nargs="+", help="page files (.txt, .pdf, images) or folders of them")
    clean.add_argument("-o", "--output", help="output folder (PAGE.txt becomes DIR/PAGE.<format>)")
    clean.add_argument("--format", choices=FORMATS, default="json")
    clean.add_argument("--force", action="store_true", help="overwrite existing output files")
    clean.add_argument("--ocr", choices=("rapidocr", "tesseract"), help="OCR engine for images and PDF pages "
                       "without a text layer (default: rapidocr, else tesseract)")
    clean.set_defaults(func=cmd_clean)
    an = sub.add_parser("analyze", aliases=["analyse"], help="list the suggested repairs of pages")
    an.add_argument("pages", nargs="+")
    an.add_argument("--json", action="store_true", help="machine-readable output")
    an.add_argument("--ocr", choices=("rapidocr", "tesseract"), help="OCR engine for images")
    an.set_defaults(func=cmd_analyze)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed the usage message
        return EXIT_USAGE if exc.code else EXIT_OK
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"kexie: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KexieError as exc:
        print(f"kexie: {exc}", file=sys.stderr)
        return EXIT_SOME_FAILED
    except KeyboardInterrupt:
        print("kexie: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: say so plainly, keep the traceback out of the editor's way
        from .crash import report_crash

        path = report_crash(exc)
        print(f"kexie: internal error ({type(exc).__name__}: {exc}); details written to {path}", file=sys.stderr)
        return EXIT_SOME_FAILED


if __name__ == "__main__":
    sys.exit(main())
