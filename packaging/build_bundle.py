#!/usr/bin/env python3
"""Build the one-folder bundle dist/kexie/ with PyInstaller, then prove it works.

    .venv/bin/python packaging/build_bundle.py             # build + smoke tests
    .venv/bin/python packaging/build_bundle.py --clean     # start from an empty PyInstaller cache
    .venv/bin/python packaging/build_bundle.py --archive   # also pack dist/kexie-VERSION-OS-ARCH.tar.gz/.zip
    .venv/bin/python packaging/build_bundle.py --check-only  # only run the smoke tests on dist/kexie

Run it with the project's venv Python: PyInstaller bundles the interpreter
and the libraries it runs with.  It installs PyInstaller into that venv when
missing, runs packaging/kexie.spec, then:

  * ``kexie-gui --version`` and ``kexie --version`` print the package version;
  * ``kexie-gui --self-test`` (offscreen Qt) opens the bundled sample page,
    applies the default decisions and exports every format;
  * ``kexie clean <sample page>`` prints JSON with articles;

and reports the bundle's size and the build time.  On Linux it adds
``share/`` (desktop entry, metainfo, icons) and ``install.sh`` to the folder.
Exit status 0 only when the build and every check passed.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "kexie.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "kexie"
EXE = ".exe" if os.name == "nt" else ""
PYINSTALLER_REQ = "pyinstaller>=6.0"


def say(msg: str) -> None:
    print(f"build_bundle: {msg}", flush=True)


def version() -> str:
    sys.path.insert(0, str(ROOT))
    try:
        import kexie_gui
    finally:
        sys.path.pop(0)
    return kexie_gui.__version__


def ensure_pyinstaller() -> None:
    try:
        import PyInstaller
    except ImportError:
        say(f"PyInstaller is missing: pip install '{PYINSTALLER_REQ}' into {sys.prefix}")
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", PYINSTALLER_REQ], check=True)
    import PyInstaller

    say(f"PyInstaller {PyInstaller.__version__}, Python {platform.python_version()} ({sys.executable})")


def build(clean: bool) -> float:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)]
    if clean:
        cmd.insert(3, "--clean")
    env = dict(os.environ, KEXIE_BUILD_DIR=str(WORK))
    say("$ " + " ".join(cmd))
    start = time.monotonic()
    subprocess.run(cmd, check=True, cwd=ROOT, env=env)
    return time.monotonic() - start


def add_linux_desktop_files() -> None:
    """share/ with the desktop entry, metainfo and icons, and install.sh, beside the executables."""
    linux = ROOT / "packaging" / "linux"
    share = BUNDLE / "share"
    if share.exists():
        shutil.rmtree(share)
    for name, sub in (("org.kexie.KexieGui.desktop", "applications"), ("org.kexie.KexieGui.metainfo.xml", "metainfo")):
        (share / sub).mkdir(parents=True, exist_ok=True)
        shutil.copy2(linux / name, share / sub / name)
    shutil.copytree(ROOT / "resources" / "icons" / "hicolor", share / "icons" / "hicolor")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "resources" / "icons" / "kexie.svg", scalable / "org.kexie.KexieGui.svg")
    shutil.copy2(linux / "install.sh", BUNDLE / "install.sh")
    (BUNDLE / "install.sh").chmod(0o755)


def run(cmd: list[str], env: dict | None = None, timeout: float = 180) -> subprocess.CompletedProcess:
    say("$ " + " ".join(str(c) for c in cmd))
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, encoding="utf-8",
                          errors="replace", env=env, timeout=timeout)


def smoke_test(expected_version: str) -> list[str]:
    """Run the bundled programs; the list of failures (empty when all passed)."""
    failures = []
    gui, cli = BUNDLE / f"kexie-gui{EXE}", BUNDLE / f"kexie{EXE}"
    for exe in (gui, cli):
        if not exe.is_file():
            return [f"{exe} was not built"]
    with tempfile.TemporaryDirectory(prefix="kexie-bundle-check-") as tmp:
        # a clean environment: no venv on PATH, user folders kept out of the way
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "KEXIE_"))}
        env.update(QT_QPA_PLATFORM="offscreen", KEXIE_DATA_DIR=str(Path(tmp) / "data"),
                   KEXIE_LOG_DIR=str(Path(tmp) / "logs"), HOME=env.get("HOME", tmp))
        for exe in (gui, cli):
            proc = run([exe, "--version"], env)
            out = (proc.stdout + proc.stderr).strip()
            if proc.returncode != 0 or expected_version not in out:
                failures.append(f"{exe.name} --version: exit {proc.returncode}, printed {out!r}")
            else:
                say(f"  {out}")
        start = time.monotonic()
        proc = run([gui, "--self-test"], env)
        for line in (proc.stdout + proc.stderr).strip().splitlines():
            say(f"  {line}")
        if proc.returncode != 0 or "self-test: ok" not in proc.stdout:
            failures.append(f"kexie-gui --self-test: exit {proc.returncode}")
        else:
            say(f"  self-test passed in {time.monotonic() - start:.1f} s")
        page = ROOT / "resources" / "sample_page.txt"
        proc = run([cli, "clean", page], env)
        try:
            articles = json.loads(proc.stdout)["articles"]
        except (ValueError, KeyError, TypeError):
            articles = []
        if proc.returncode != 0 or not articles:
            failures.append(f"kexie clean: exit {proc.returncode}, {len(articles)} articles; "
                            f"stderr: {proc.stderr[-500:]}")
        else:
            say(f"  kexie clean {page.name}: {len(articles)} articles, first: {articles[0]['title']}")
        out = Path(tmp) / "out"
        proc = run([cli, "clean", page, "-o", out, "--format", "docx"], env)
        docx = out / "sample_page.docx"
        if proc.returncode != 0 or not docx.is_file() or docx.stat().st_size == 0:
            failures.append(f"kexie clean --format docx: exit {proc.returncode}; stderr: {proc.stderr[-500:]}")
        else:
            say(f"  kexie clean --format docx: {docx.stat().st_size} bytes")
    return failures


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def archive(ver: str) -> Path:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    base = DIST / f"kexie-{ver}-{system}-{platform.machine().lower()}"
    fmt = "zip" if os.name == "nt" else "gztar"
    return Path(shutil.make_archive(str(base), fmt, root_dir=DIST, base_dir="kexie"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--check-only", action="store_true", help="skip the build; test dist/kexie as it is")
    parser.add_argument("--archive", action="store_true", help="pack dist/kexie into a .tar.gz (.zip on Windows)")
    args = parser.parse_args(argv)
    ver = version()
    seconds = None
    if not args.check_only:
        if sys.prefix == sys.base_prefix:
            say("warning: not running in a virtual environment; the bundle takes whatever this Python has")
        ensure_pyinstaller()
        seconds = build(args.clean)
        if sys.platform.startswith("linux"):
            add_linux_desktop_files()
    failures = smoke_test(ver)
    size = folder_size(BUNDLE)
    du = shutil.which("du")
    du_text = subprocess.run([du, "-sh", str(BUNDLE)], capture_output=True, text=True).stdout.strip() if du else ""
    say(f"bundle: {BUNDLE}  {size / 2**20:.1f} MiB" + (f"  (du -sh: {du_text.split()[0]})" if du_text else ""))
    if seconds is not None:
        say(f"build time: {seconds:.0f} s")
    if args.archive and not failures:
        path = archive(ver)
        say(f"archive: {path}  {path.stat().st_size / 2**20:.1f} MiB")
    for failure in failures:
        say(f"FAILED: {failure}")
    say("ok" if not failures else f"{len(failures)} check(s) failed")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
