"""Refresh the Chinese catalogue from the sources and compile it.

Run ``python resources/translations/update_translations.py``:

1. ``pyside6-lupdate`` collects every marked string of ``kexie_gui/ui`` and
   ``kexie_gui/app.py`` into ``kexie_zh_CN.ts`` (existing translations kept;
   ``_tr``, ``_t`` and ``N_`` are declared as translate functions);
2. translate new entries with Qt Linguist (``pyside6-linguist kexie_zh_CN.ts``)
   or by editing the XML;
3. ``pyside6-lrelease`` compiles ``kexie_zh_CN.qm``, which the window loads.

``tests/ui/test_translations.py`` fails while a string is untranslated or the
``.qm`` is older than the ``.ts``.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "kexie_zh_CN.ts"
QM = HERE / "kexie_zh_CN.qm"
ALIASES = "translate+=_tr,translate+=_t,QT_TRANSLATE_NOOP+=N_"


def tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (it ships the Linguist tools)")
    return found


def sources() -> list[str]:
    files = sorted((ROOT / "kexie_gui" / "ui").glob("*.py")) + [ROOT / "kexie_gui" / "app.py"]
    return [str(f) for f in files]


def main(update: bool = True) -> int:
    if update:
        subprocess.run([tool("pyside6-lupdate"), *sources(), "-tr-function-alias", ALIASES, "-locations", "none",
                        "-no-obsolete", "-source-language", "en", "-target-language", "zh_CN", "-ts", str(TS)],
                       check=True)
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(update="--compile-only" not in sys.argv))
