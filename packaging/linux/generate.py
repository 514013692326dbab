#!/usr/bin/env python3
"""Write the Linux desktop entry and AppStream metainfo from their templates.

    python3 packaging/linux/generate.py             # rewrite the two files beside this script
    python3 packaging/linux/generate.py --out DIR   # write them to DIR instead
    python3 packaging/linux/generate.py --check     # exit 1 when the committed files drift
    python3 packaging/linux/generate.py --validate  # also run desktop-file-validate and appstreamcli

The application's name, id and version come from ``kexie_gui`` (``APP_NAME``,
``APP_ID``, ``__version__``) and the release history from ``releases.txt``,
so the files never disagree with the package.  Only the standard library is
needed (``kexie_gui/__init__.py`` imports nothing).
"""
from __future__ import annotations

import argparse
import datetime
import filecmp
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from string import Template
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

SUMMARY = "Turn damaged OCR text of Chinese newspaper pages into clean articles"
SUMMARY_ZH = "把中文报纸版面的 OCR 文本整理成干净的文章"
DEVELOPER = "The kexie developers"
# Where docs/screenshots/*.png can be fetched from (software centres download
# them by URL), e.g. "https://example.org/kexie/raw/main/".  None until the
# project has a public home: the metainfo then lists no screenshots.
SCREENSHOT_BASE_URL: str | None = None


def package_info() -> dict[str, str]:
    sys.path.insert(0, str(ROOT))
    try:
        import kexie_gui
    finally:
        sys.path.pop(0)
    return {"name": kexie_gui.APP_NAME, "app_id": kexie_gui.APP_ID, "version": kexie_gui.__version__}


def read_releases(path: Path = HERE / "releases.txt") -> list[tuple[str, str, str]]:
    releases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split(None, 2)
        if len(parts) != 3:
            raise SystemExit(f"{path}:{number}: expected VERSION DATE TEXT")
        try:
            datetime.date.fromisoformat(parts[1])
        except ValueError:
            raise SystemExit(f"{path}:{number}: {parts[1]!r} is not a YYYY-MM-DD date") from None
        releases.append((parts[0], parts[1], parts[2].strip()))
    return releases


def screenshots(base_url: str | None, folder: Path = ROOT / "docs" / "screenshots") -> str:
    shots = sorted(folder.glob("*.png")) if base_url else []
    if not shots:
        return ""
    base = base_url.rstrip("/") + "/docs/screenshots/"
    lines = ["  <screenshots>"]
    for i, shot in enumerate(shots):
        kind = ' type="default"' if i == 0 else ""
        # "02-duplicate.png" → "Duplicate": the number only orders the files
        caption = re.sub(r"^\d+[-_ ]*", "", shot.stem).replace("-", " ").replace("_", " ") or shot.stem
        caption = caption[:1].upper() + caption[1:]
        lines += [f"    <screenshot{kind}>", f"      <caption>{escape(caption)}</caption>",
                  f"      <image>{escape(base + shot.name)}</image>", "    </screenshot>"]
    lines.append("  </screenshots>")
    return "\n".join(lines) + "\n"


def render(base_url: str | None = SCREENSHOT_BASE_URL) -> dict[str, str]:
    """File name → contents of the two generated files."""
    info = package_info()
    releases = read_releases()
    if info["version"] not in [r[0] for r in releases]:
        raise SystemExit(f"generate.py: kexie_gui.__version__ is {info['version']} but "
                         f"{HERE / 'releases.txt'} has no line for it: add one (VERSION DATE TEXT)")
    release_xml = "".join(
        f'    <release version="{escape(v)}" date="{d}">\n'
        f"      <description>\n        <p>{escape(text)}</p>\n      </description>\n"
        f"    </release>\n" for v, d, text in releases)
    values = dict(info, summary=SUMMARY, summary_zh=SUMMARY_ZH, developer=escape(DEVELOPER),
                  releases=release_xml, screenshots=screenshots(base_url))
    out = {}
    for template in sorted(HERE.glob("*.in")):
        text = Template(template.read_text(encoding="utf-8")).substitute(values)
        if template.name.endswith(".desktop.in"):
            # the template's leading comment is for the template only
            text = text[text.index("[Desktop Entry]"):]
        out[template.name[:-3].replace("org.kexie.KexieGui", info["app_id"])] = text
    return out


def write(folder: Path, base_url: str | None = SCREENSHOT_BASE_URL) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render(base_url).items():
        path = folder / name
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written


def validate(paths: list[Path]) -> list[tuple[str, int, str]]:
    """Run the validators that are installed: (command, exit status, output) for each."""
    results = []
    for path in paths:
        if path.suffix == ".desktop":
            cmd = ["desktop-file-validate", str(path)]
        elif path.name.endswith(".metainfo.xml"):
            cmd = ["appstreamcli", "validate", "--no-net", "--pedantic", str(path)]
        else:
            continue
        if shutil.which(cmd[0]) is None:
            results.append((cmd[0], -1, "not installed"))
            continue
        proc = subprocess.run(cmd, capture_output=True, text=True)
        results.append((" ".join(cmd), proc.returncode, (proc.stdout + proc.stderr).strip()))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write to (default: beside this script)")
    parser.add_argument("--check", action="store_true", help="compare fresh output with the committed files")
    parser.add_argument("--validate", action="store_true", help="run desktop-file-validate and appstreamcli")
    parser.add_argument("--screenshot-base-url", default=SCREENSHOT_BASE_URL,
                        help="URL under which docs/screenshots/*.png are published")
    args = parser.parse_args(argv)
    status = 0
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            paths = write(Path(tmp), args.screenshot_base_url)
            for path in paths:
                committed = HERE / path.name
                if not committed.is_file() or not filecmp.cmp(path, committed, shallow=False):
                    print(f"generate.py: {committed} is out of date: run packaging/linux/generate.py",
                          file=sys.stderr)
                    status = 1
            if args.validate:
                status |= _report(validate(paths))
        return status
    paths = write(args.out, args.screenshot_base_url)
    for path in paths:
        print(path)
    if args.validate:
        status |= _report(validate(paths))
    return status


def _report(results) -> int:
    status = 0
    for cmd, code, output in results:
        print(f"$ {cmd}: {'ok' if code == 0 else 'skipped' if code < 0 else f'FAILED ({code})'}")
        if output:
            print(output)
        if code > 0:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
