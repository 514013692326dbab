"""``kexie``: the analysis engine, headless, for one page or a batch.

    kexie clean PAGE… [-o DIR|-] [--format json|md|txt|docx] [--force] [--encoding NAME] [--ignore-sessions]
                      [--ocr rapidocr|tesseract]
    kexie analyze PAGE… [--json | --jsonl] [--encoding NAME] [--ocr rapidocr|tesseract]

A page is a text file, a PDF (each of its pages) or a page image (OCR).

Exit status: 0 every file done, 1 some file failed (each one says why on
stderr, the others are still written), 2 a usage error.
"""
from __future__ import annotations

import argparse
import codecs
import json
import os
import sys
import time
from pathlib import Path, PurePath

from . import __version__
from .core import KexieError, analyse, apply, load_page
from .core.load import load_stream
from .core.messages import EN, message
from .core.model import Page
from .core.pages import IMAGE_SUFFIXES, PDF_SUFFIXES, load_pages
from .pagefiles import STDIN, Input, discover

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
PROGRESS_AFTER_SECONDS = 1.0  # batches quicker than this print no progress bar

EXAMPLES = """\
examples:
  kexie clean PAGE.txt                          JSON of the clean articles on standard output
  kexie clean pages/ -o out/ --format docx      every page under pages/ -> out/<same sub-folders>/NAME.docx
  kexie clean a.txt b.txt -o out/ --format md --force   replace output files that exist
  kexie clean page.pdf -o out/                  one output per PDF page (page-p1.json … when it has several)
  kexie clean scans/ -o out/ --ocr tesseract    page images read by OCR (needs the ocr extra)
  kexie clean - -o - --format txt < PAGE.txt    standard input to standard output
  kexie clean old.txt --encoding gb18030        the page's encoding is known: no guessing
  kexie analyze PAGE.txt                        the suggested repairs, as an editor reads them
  kexie analyze a.txt b.txt --json              one JSON array; --jsonl gives one object per line

exit status:
  0  every page done
  1  some page, folder or output failed (each says why on standard error; the others are still written)
  2  usage error (nothing was done)
"""


class UsageError(KexieError):
    pass


# ---------------------------------------------------------------- talking to the editor

class Progress:
    """A one-line progress bar on stderr, shown only when a batch takes more than a moment."""

    def __init__(self, total: int, stream=None):
        self.total, self.stream, self.start, self.shown = total, stream or sys.stderr, time.monotonic(), False

    def update(self, done: int, name: str) -> None:
        if self.total < 2 or (not self.stream.isatty() and not os.environ.get("KEXIE_PROGRESS")):
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
            self.shown = False


class Reporter:
    """Lines on stderr, each ``kexie: …``; a progress bar in the way is ended first."""

    def __init__(self, total: int):
        self.progress = Progress(total)
        self.failed = 0

    def say(self, text: str) -> None:
        self.progress.close()
        print(f"kexie: {text}", file=sys.stderr)

    def fail(self, text: str) -> None:
        self.failed += 1
        self.say(text)


def read_pages(item: Input, encoding: str | None = None, ocr: str | None = None) -> list[tuple[Page, PurePath]]:
    """The pages of one input with their output names: a PDF's pages become ``NAME-p1``, ``NAME-p2``…

    Text (any file that is no PDF or image) is read with ``encoding`` when given.
    """
    if item.path is None:
        pages = [load_stream(sys.stdin.buffer, "<stdin>", encoding)]
    elif item.path.suffix.lower() in PDF_SUFFIXES | IMAGE_SUFFIXES:
        pages = load_pages(item.path, ocr=ocr)
    else:
        pages = [load_page(item.path, encoding)]
    if len(pages) == 1:
        return [(pages[0], item.name)]
    from .export.plan import page_name

    return [(page, page_name(item.name, n)) for n, page in enumerate(pages, 1)]


def say_reading(report: Reporter, label: str, page) -> None:
    """How the page was read, when there is anything to say (anything but clean UTF-8)."""
    if page.reading is not None and page.reading.worth_a_word:
        report.say(f"{label}: {page.reading.describe()}")


def _check_encoding(name: str | None) -> None:
    if name is None:
        return
    try:
        codecs.lookup(name)
    except LookupError:
        raise UsageError(f"--encoding {name}: not an encoding Python knows (e.g. gb18030, utf-8, utf-16, big5)") \
            from None


# ---------------------------------------------------------------- clean

def session_decisions(report: Reporter, item: Input, page, analysis):
    """The editor's saved decisions on the page, said per page; default decisions when it has none.

    A page's session is found as the window saves it: by the page's source
    (``file.pdf#p2`` for a page of a PDF).  A damaged session counts as a
    failure (the page is still written, with the default decisions, and the
    session file is left as it is).
    """
    from .core.model import Decisions
    from .session import SessionError, load_session

    if item.path is None:
        return Decisions()
    label = os.path.basename(page.source)  # file.pdf#p2 for a page of a PDF
    try:
        result = load_session(Path(page.source).absolute(), page, analysis)
    except SessionError as exc:
        if exc.why is not None:
            report.fail(f"{label}: its session file is damaged ({exc.why}); cleaned with the default "
                        f"decisions, the session file is kept as it is")
        else:
            report.fail(f"{label}: {exc}; cleaned with the default decisions")
        return Decisions()
    if not result.found:
        return Decisions()
    source = result.path.name if result.path is not None else "its session file"
    if result.page_changed or result.lost:
        changed = " (the page changed since it was saved)" if result.page_changed else ""
        report.say(f"{label}: applied {result.restored} of {result.total} saved decision(s) from "
                   f"{source}{changed}; {len(result.lost)} could not be placed")
        for lost in result.lost:
            report.say(f"{label}:   {lost.message.render(EN)}")
    else:
        report.say(f"{label}: applied {result.restored} saved decision(s) from {source}")
    return result.decisions


def _clean_plan(args, out_dir: Path | None) -> tuple[list[Input], list[str]]:
    """The pages to clean, each with an output name of its own, and the folders that could not be listed."""
    from .export.plan import distinct

    found = discover(args.pages, skip=[out_dir] if out_dir is not None else [])
    for note in found.notes:
        print(f"kexie: {note}", file=sys.stderr)
    names = distinct(p.name for p in found.pages)
    pages = [Input(p.path, name) for p, name in zip(found.pages, names, strict=True)]
    if sum(1 for p in pages if p.path is None) > 1:
        raise UsageError("standard input (-) can be read once")
    if not pages and not found.problems:
        raise UsageError("no input pages")
    if args.output == STDIN and len(pages) > 1:
        raise UsageError(f"-o - writes one page to standard output; {len(pages)} pages were given")
    if args.output is None and (len(pages) > 1 or args.format != "json"):
        raise UsageError("several pages or a non-JSON format need an output folder: -o DIR (or -o - for one page)")
    return pages, found.problems


def _clean_input(args, item: Input, out_dir: Path | None, guard, report: Reporter) -> None:
    """Clean the pages of one input and write them to their files (or to standard output)."""
    from .export import render, write_page
    from .export.plan import target

    found_pages = read_pages(item, args.encoding, args.ocr)
    if out_dir is None and len(found_pages) > 1:
        raise KexieError(f"{item.label} has {len(found_pages)} pages; give an output folder: -o DIR")
    for page, name in found_pages:
        say_reading(report, os.path.basename(page.source), page)
        analysis = analyse(page)
        decisions = None if args.ignore_sessions else session_decisions(report, item, page, analysis)
        clean = apply(analysis, decisions)
        if out_dir is None:
            sys.stdout.buffer.write(render(clean, args.format if args.output == STDIN else "json"))
            sys.stdout.flush()
            continue
        path = target(out_dir, name, args.format)
        path.parent.mkdir(parents=True, exist_ok=True)
        guard.check(path)  # a page being read is never replaced, whatever the flags
        write_page(clean, args.format, path, force=args.force)


def cmd_clean(args) -> int:
    from .fileio import ExportError, InputGuard

    _check_encoding(args.encoding)
    out_dir = None if args.output in (None, STDIN) else Path(args.output)
    pages, problems = _clean_plan(args, out_dir)
    report = Reporter(len(pages))
    for problem in problems:
        report.fail(problem)
    if out_dir is not None and pages:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            report.fail(f"cannot create the output folder {out_dir}: {exc.strerror or exc}")
            return EXIT_SOME_FAILED
    guard = InputGuard(p.path for p in pages if p.path is not None)
    for n, item in enumerate(pages, 1):
        report.progress.update(n - 1, item.label)
        try:
            _clean_input(args, item, out_dir, guard, report)
        except ExportError as exc:
            hint = "; add --force to replace it" if "already exists" in str(exc) else ""
            report.fail(f"{exc}{hint}")
        except OSError as exc:
            report.fail(f"{item.label}: {exc.strerror or exc}")
        except KexieError as exc:
            report.fail(str(exc))
    report.progress.update(len(pages), "")
    report.progress.close()
    return EXIT_SOME_FAILED if report.failed else EXIT_OK


# ---------------------------------------------------------------- analyze

def describe(analysis) -> str:
    """The suggestions as an editor reads them: place, kind, confidence, explanation."""
    page = analysis.page
    read = f", {page.reading.describe()}" if page.reading is not None else ""
    lines = [f"{page.source}: {len(analysis.blocks)} blocks, "
             f"{'hard-wrapped' if analysis.hard_wrapped else 'blank-line separated'}, "
             f"{len(analysis.suggestions)} suggestions{read}"]
    for s in analysis.suggestions:
        first = page.line_of(s.ranges[0][0]) if s.ranges else 0
        mark = "✓" if s.default else "?"
        lines.append(f"  {mark} line {first:>4}  {message(f'kind.{s.kind}').render(EN):<32} {s.confidence:.2f}  "
                     f"{s.explain.render(EN)}")
    return "\n".join(lines)


def analysis_document(analysis) -> dict:
    page = analysis.page
    return {"source": page.source, "reading": page.reading.to_dict() if page.reading is not None else None,
            "hard_wrapped": analysis.hard_wrapped, "blocks": len(analysis.blocks),
            "suggestions": [s.to_dict() for s in analysis.suggestions]}


def _analyses(args, item: Input, report: Reporter) -> list:
    """The analyses of one input's pages (a failure is reported and gives none)."""
    try:
        analyses = []
        for page, _ in read_pages(item, args.encoding, args.ocr):
            say_reading(report, os.path.basename(page.source), page)
            analyses.append(analyse(page))
    except KexieError as exc:
        report.fail(str(exc))
        return []
    return analyses


def cmd_analyze(args) -> int:
    _check_encoding(args.encoding)
    found = discover(args.pages)
    if sum(1 for p in found.pages if p.path is None) > 1:
        raise UsageError("standard input (-) can be read once")
    report = Reporter(0)
    for note in found.notes:
        report.say(note)
    for problem in found.problems:
        report.fail(problem)
    # one page named as a file: one JSON object (as before); anything else: one array
    single = len(args.pages) == 1 and len(found.pages) == 1 and not Path(args.pages[0]).is_dir()
    documents = []
    for item in found.pages:
        analyses = _analyses(args, item, report)
        single = single and len(analyses) <= 1  # none: it failed, and said so
        for analysis in analyses:
            if args.jsonl:
                print(json.dumps(analysis_document(analysis), ensure_ascii=False), flush=True)
            elif args.json:
                documents.append(analysis_document(analysis))
            else:
                print(describe(analysis))
    if args.json and (documents or not single):
        print(json.dumps(documents[0] if single and documents else documents, ensure_ascii=False, indent=1))
    return EXIT_SOME_FAILED if report.failed else EXIT_OK


# ---------------------------------------------------------------- the parser

def build_parser() -> argparse.ArgumentParser:
    from .export import FORMATS

    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(prog="kexie", formatter_class=fmt, epilog=EXAMPLES,
                                     description="Clean the OCR text of Chinese newspaper pages into articles.")
    parser.add_argument("--version", action="version", version=f"kexie {__version__}",
                        help="print the version and exit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    pages_help = ("page files (.txt, .pdf, images), folders (every page file under them, sub-folders kept "
                  "in the output), or - for standard input")
    ocr_help = ("OCR engine for images and PDF pages without a text layer "
                "(default: rapidocr when installed, else tesseract)")
    encoding_help = ("read text pages in this encoding (gb18030, utf-8, utf-16, big5…) instead of guessing; "
                     "bytes that do not fit are shown as � (default: guess, and say how each page was read)")

    clean = sub.add_parser("clean", formatter_class=fmt, epilog=EXAMPLES,
                           help="clean pages and write the articles",
                           description="Clean pages with the page's saved decisions when it has a session\n"
                                       "file, otherwise with the default ones (every suggestion accepted\n"
                                       "unless its confidence is low).")
    clean.add_argument("pages", nargs="+", metavar="PAGE", help=pages_help)
    clean.add_argument("-o", "--output", metavar="DIR",
                       help="output folder (PAGE.txt becomes DIR/PAGE.<format>), or - for standard output "
                            "(one page) (default: JSON of one page on standard output)")
    clean.add_argument("--format", choices=FORMATS, default="json",
                       help="output format (default: %(default)s)")
    clean.add_argument("--force", action="store_true",
                       help="replace output files that exist; a page being read is never replaced "
                            "(default: off, existing files are left as they are)")
    clean.add_argument("--encoding", metavar="NAME", help=encoding_help)
    clean.add_argument("--ocr", choices=("rapidocr", "tesseract"), help=ocr_help)
    clean.add_argument("--ignore-sessions", action="store_true",
                       help="start from the default decisions even where a page has a saved session "
                            "(default: off, saved decisions are applied and each page says so)")
    clean.set_defaults(func=cmd_clean)

    an = sub.add_parser("analyze", aliases=["analyse"], formatter_class=fmt, epilog=EXAMPLES,
                        help="list the suggested repairs of pages",
                        description="List the suggested repairs of pages, with how each page was read.")
    an.add_argument("pages", nargs="+", metavar="PAGE", help=pages_help)
    style = an.add_mutually_exclusive_group()
    style.add_argument("--json", action="store_true",
                       help="machine-readable: one JSON object for one page file, one JSON array otherwise "
                            "(default: off, text for an editor)")
    style.add_argument("--jsonl", action="store_true",
                       help="machine-readable, one JSON object per line and page (default: off)")
    an.add_argument("--encoding", metavar="NAME", help=encoding_help)
    an.add_argument("--ocr", choices=("rapidocr", "tesseract"), help=ocr_help)
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
    except Exception as exc:  # noqa: BLE001 - a bug: say so plainly, keep the traceback out of the editor's way
        from .crash import report_crash

        path = report_crash(exc)
        print(f"kexie: internal error ({type(exc).__name__}: {exc}); details written to {path}", file=sys.stderr)
        return EXIT_SOME_FAILED


if __name__ == "__main__":
    sys.exit(main())
