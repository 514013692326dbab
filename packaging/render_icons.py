#!/usr/bin/env python3
"""Render the app icon (resources/icons/kexie.svg) to the PNG sizes desktops want.

    .venv/bin/python packaging/render_icons.py          # rewrite the PNGs
    .venv/bin/python packaging/render_icons.py --check  # exit 1 when a PNG is missing or has the wrong size

The PNGs go to ``resources/icons/hicolor/<N>x<N>/apps/org.kexie.KexieGui.png``,
the freedesktop icon-theme layout, so installing them on Linux is a copy of
the ``hicolor`` folder into ``~/.local/share/icons`` (see docs/packaging.md).
They are committed: neither the bundle build nor an install needs Qt's SVG
renderer.  Re-run this script after changing the SVG.

``write_ico`` and ``write_icns`` pack those PNGs into the Windows and macOS
icon files (both formats may hold PNG data as it is), in plain Python, so the
PyInstaller spec makes them at build time without Pillow.
"""
from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "kexie.svg"
APP_ID = "org.kexie.KexieGui"  # kexie_gui.APP_ID; a test checks they agree
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def png_path(size: int, icons: Path = ICONS) -> Path:
    return icons / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return struct.unpack(">II", data[16:24])


def render(svg: Path = SVG, icons: Path = ICONS, sizes=SIZES) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 - fonts, image plugins
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not a valid SVG")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        out = png_path(size, icons)
        out.parent.mkdir(parents=True, exist_ok=True)
        # quality 0 = zlib's strongest compression for Qt's PNG writer
        if not image.convertToFormat(QImage.Format.Format_ARGB32).save(str(out), "PNG", 0):
            raise SystemExit(f"render_icons: could not write {out}")
        written.append(out)
    return written


def check(icons: Path = ICONS, sizes=SIZES) -> list[str]:
    """The problems with the committed PNGs (empty when all are there with the right sizes)."""
    problems = []
    for size in sizes:
        path = png_path(size, icons)
        if not path.is_file():
            problems.append(f"missing: {path}")
            continue
        try:
            got = png_size(path.read_bytes())
        except ValueError:
            problems.append(f"not a PNG: {path}")
            continue
        if got != (size, size):
            problems.append(f"{path}: {got[0]}x{got[1]}, expected {size}x{size}")
    return problems


# ------------------------------------------------------------ .ico and .icns from the PNGs

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an .ico entry can describe
# .icns element types that hold PNG data, by pixel size (the @2x ones reuse a larger PNG)
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512),
              ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512))


def write_ico(out: Path, icons: Path = ICONS, sizes=ICO_SIZES) -> Path:
    """A Windows .ico whose entries are the PNGs as they are (Windows Vista and later read them)."""
    blobs = [png_path(s, icons).read_bytes() for s in sizes]
    header = struct.pack("<HHH", 0, 1, len(blobs))
    offset = 6 + 16 * len(blobs)
    entries, data = b"", b""
    for size, blob in zip(sizes, blobs, strict=True):
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset + len(data))
        data += blob
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(header + entries + data)
    return out


def write_icns(out: Path, icons: Path = ICONS) -> Path:
    """A macOS .icns made of PNG elements (macOS 10.7 and later)."""
    body = b""
    for kind, size in ICNS_TYPES:
        blob = png_path(size, icons).read_bytes()
        body += kind.encode("ascii") + struct.pack(">I", 8 + len(blob)) + blob
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check the committed PNGs")
    parser.add_argument("--ico", type=Path, help="also write a Windows .ico here")
    parser.add_argument("--icns", type=Path, help="also write a macOS .icns here")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for p in problems:
            print(f"render_icons: {p}", file=sys.stderr)
        return 1 if problems else 0
    for path in render():
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")
    if args.ico:
        print(write_ico(args.ico))
    if args.icns:
        print(write_icns(args.icns))
    return 0


if __name__ == "__main__":
    sys.exit(main())
