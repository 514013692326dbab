"""Issue 9: a fresh Debian machine set up with the README's command starts the real window under X11.

Qt's X11 platform plugin, ``libqxcb.so`` (the one PySide6 ships and the bundle copies), links against the
``libxcb-*`` libraries; any of them missing and the window refuses to start with "Could not load the Qt
platform plugin xcb".  ``ldd`` names what is missing; the README's command must install a package for
each library the plugin needs.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("ldd") is None,
                                reason="the xcb platform plugin is Linux's; ldd is glibc's")

# the library the plugin links against -> the Debian package that installs it
PACKAGE_OF = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0", "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1", "libEGL.so.1": "libegl1", "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3", "libglib-2.0.so.0": "libglib2.0-0",
}


def _plugin() -> Path:
    import PySide6

    found = list(Path(PySide6.__file__).parent.rglob("libqxcb.so"))
    if not found:
        pytest.skip("this PySide6 has no xcb platform plugin")
    return found[0]


def _ldd(path: Path) -> str:
    return subprocess.run(["ldd", str(path)], capture_output=True, text=True, timeout=60).stdout


def test_the_bundled_xcb_plugin_finds_every_library_it_needs():
    out = _ldd(_plugin())
    missing = sorted({m.group(1) for m in re.finditer(r"^\s*(\S+) => not found", out, re.M)})
    assert missing == [], ("install " + " ".join(sorted({PACKAGE_OF.get(m, "?" + m) for m in missing}))
                           + " (the README's set-up command lists them)")


def test_the_readme_setup_installs_a_package_for_each_xcb_library():
    from tests.test_readme import _apt_packages, _setup_command

    wanted = _apt_packages(_setup_command())
    linked = set(re.findall(r"^\s*(\S+\.so[.\d]*) =>", _ldd(_plugin()), re.M))
    needed = {PACKAGE_OF[name] for name in linked if name in PACKAGE_OF}
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0"} <= needed
    assert needed <= wanted, sorted(needed - wanted)
