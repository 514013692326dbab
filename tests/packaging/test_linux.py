"""The desktop entry and metainfo: no drift from their templates, valid, and installable."""
from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

import kexie_gui

from .conftest import PACKAGING

LINUX = PACKAGING / "linux"
DESKTOP = LINUX / f"{kexie_gui.APP_ID}.desktop"
METAINFO = LINUX / f"{kexie_gui.APP_ID}.metainfo.xml"


def test_committed_files_match_a_fresh_generation(generate, tmp_path):
    written = generate.write(tmp_path)
    assert sorted(p.name for p in written) == sorted([DESKTOP.name, METAINFO.name])
    for path in written:
        committed = LINUX / path.name
        assert committed.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"{committed.name} drifted from its template or from kexie_gui: run "
            f"python3 packaging/linux/generate.py and commit the result")


def test_desktop_entry_names_the_package():
    entry = configparser.RawConfigParser(strict=True, delimiters=("=",))
    entry.optionxform = str
    entry.read(DESKTOP, encoding="utf-8")
    d = entry["Desktop Entry"]
    assert d["Name"] == kexie_gui.APP_NAME
    assert d["Icon"] == kexie_gui.APP_ID
    assert d["Exec"] == "kexie-gui %F"
    assert "text/plain;" in d["MimeType"]
    assert d["Name[zh_CN]"] and d["GenericName[zh_CN]"] and d["Keywords"]


def test_metainfo_carries_the_package_version():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == kexie_gui.APP_ID
    assert root.find("launchable").text == DESKTOP.name
    assert {b.text for b in root.iter("binary")} == {"kexie", "kexie-gui"}
    assert root.find("releases/release").get("version") == kexie_gui.__version__
    assert root.find("content_rating") is not None


def test_an_unlisted_version_is_refused(generate, monkeypatch):
    monkeypatch.setattr(generate, "package_info", lambda: {"name": "kexie", "app_id": kexie_gui.APP_ID,
                                                           "version": "99.0.0"})
    with pytest.raises(SystemExit, match=r"99\.0\.0"):
        generate.render()


def test_screenshots_are_listed_when_a_base_url_is_known(generate, tmp_path):
    for name in ("01-main-window.png", "02-duplicate.png"):
        (tmp_path / name).write_bytes(b"\x89PNG")
    xml = generate.screenshots("https://example.org/kexie/", tmp_path)
    first, second = ET.fromstring(xml).findall("screenshot")
    assert first.get("type") == "default" and second.get("type") is None
    assert first.findtext("image") == "https://example.org/kexie/docs/screenshots/01-main-window.png"
    assert [first.findtext("caption"), second.findtext("caption")] == ["Main window", "Duplicate"]
    assert generate.screenshots(None, tmp_path) == ""


@pytest.mark.parametrize("tool, path", [("desktop-file-validate", DESKTOP), ("appstreamcli", METAINFO)])
def test_validators_pass(generate, tool, path):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (Debian: desktop-file-utils / appstream)")
    [(cmd, code, output)] = generate.validate([path])
    assert code == 0, f"{cmd}:\n{output}"
    if tool == "desktop-file-validate":
        assert output == "", output  # not even a hint


@pytest.mark.skipif(os.name != "posix" or shutil.which("sh") is None, reason="install.sh is a POSIX shell script")
def test_install_sh_installs_and_uninstalls(tmp_path):
    prefix = tmp_path / "prefix"
    env = dict(os.environ, PREFIX=str(prefix), PATH="/usr/bin:/bin")
    proc = subprocess.run(["sh", str(LINUX / "install.sh")], env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    share = prefix / "share"
    assert (share / "applications" / DESKTOP.name).is_file()
    assert (share / "metainfo" / METAINFO.name).is_file()
    assert (share / "icons/hicolor/scalable/apps" / f"{kexie_gui.APP_ID}.svg").is_file()
    assert (share / "icons/hicolor/48x48/apps" / f"{kexie_gui.APP_ID}.png").is_file()
    proc = subprocess.run(["sh", str(LINUX / "install.sh"), "--uninstall"], env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert not list(share.rglob(f"{kexie_gui.APP_ID}*"))
