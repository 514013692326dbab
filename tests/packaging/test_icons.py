"""The app icon's PNGs are committed at every size, and pack into .ico and .icns."""
from __future__ import annotations

import struct

import kexie_gui


def test_app_id_agrees_with_the_package(render_icons):
    assert render_icons.APP_ID == kexie_gui.APP_ID


def test_every_png_size_is_committed(render_icons):
    assert render_icons.check() == []
    total = sum(render_icons.png_path(s).stat().st_size for s in render_icons.SIZES)
    assert total < 100_000, f"the icon PNGs take {total} bytes; keep them small"


def test_svg_source_is_there(render_icons):
    assert render_icons.SVG.is_file()
    assert b"<svg" in render_icons.SVG.read_bytes()[:200]


def test_ico_holds_the_pngs(render_icons, tmp_path):
    ico = render_icons.write_ico(tmp_path / "kexie.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(render_icons.ICO_SIZES))
    for i, size in enumerate(render_icons.ICO_SIZES):
        w, h, _, _, planes, bpp, length, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * i: 22 + 16 * i])
        assert (w or 256, h or 256, planes, bpp) == (size, size, 1, 32)
        assert render_icons.png_size(ico[offset:offset + length]) == (size, size)


def test_icns_holds_the_pngs(render_icons, tmp_path):
    icns = render_icons.write_icns(tmp_path / "kexie.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    pos, seen = 8, {}
    while pos < len(icns):
        kind, length = icns[pos:pos + 4].decode(), struct.unpack(">I", icns[pos + 4:pos + 8])[0]
        seen[kind] = render_icons.png_size(icns[pos + 8:pos + length])
        pos += length
    assert seen == {kind: (size, size) for kind, size in render_icons.ICNS_TYPES}
