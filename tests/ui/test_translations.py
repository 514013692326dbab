"""The Chinese catalogue is complete, compiled and loads."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from kexie_gui.ui.i18n import LANGUAGES, Translations, _tr

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "kexie_zh_CN.ts"
QM = TS.with_suffix(".qm")
MARKED = re.compile(r"""\b(?:_tr|_t|N_)\(\s*"([^"]+)",\s*"((?:[^"\\]|\\.)*)"\s*\)""")


def _catalogue() -> dict[tuple[str, str], str | None]:
    out = {}
    for ctx in ET.parse(TS).getroot().iter("context"):
        name = ctx.find("name").text
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            done = tr.get("type") not in ("unfinished", "vanished", "obsolete") and tr.text
            out[(name, msg.find("source").text)] = tr.text if done else None
    return out


def test_every_marked_string_has_a_chinese_translation():
    catalogue = _catalogue()
    sources = sorted((ROOT / "kexie_gui" / "ui").glob("*.py")) + [ROOT / "kexie_gui" / "app.py"]
    missing = []
    for path in sources:
        for context, text in MARKED.findall(path.read_text(encoding="utf-8")):
            text = text.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
            if not catalogue.get((context, text)):
                missing.append(f"{path.name}: {context}: {text}")
    assert missing == [], "run resources/translations/update_translations.py and translate"


def test_the_compiled_catalogue_is_not_older_than_its_source():
    assert QM.is_file() and QM.stat().st_mtime >= TS.stat().st_mtime - 1


def test_switching_installs_and_removes_the_catalogue(qapp):
    t = Translations(qapp)
    assert set(LANGUAGES) == {"zh", "en"}
    assert t.set_language("zh")
    assert _tr("Menus", "&File") == "文件(&F)"
    assert QCoreApplication.translate("Actions", "&Accept") == "接受(&A)"
    t.set_language("en")
    assert _tr("Menus", "&File") == "&File"
    t.set_language("xx")
    assert t.language == "en"
