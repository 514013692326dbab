"""Every persisted setting declared once: name, type, default; stored through QSettings with a version.

Why declare them: a setting read in one place with one default and written in
another with a different key is a classic slow bug (Picard's ``options.py``
cures it the same way).  Lists are stored as JSON strings because QSettings
gives a one-element list back as a plain string on some back ends.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings

VERSION = 1


@dataclass(frozen=True)
class Setting:
    name: str
    type: type
    default: object
    doc: str


SETTINGS = (
    Setting("window/geometry", bytes, b"", "main window geometry (QWidget.saveGeometry)"),
    Setting("window/state", bytes, b"", "docks and toolbar (QMainWindow.saveState)"),
    Setting("window/splitter", list, [], "sizes of the raw | articles splitter"),
    Setting("window/article_splitter", list, [], "sizes of the outline / article text splitter"),
    Setting("files/recent", list, [], "recently opened page files, newest first"),
    Setting("files/last_open_folder", str, "", "folder of the last File > Open"),
    Setting("files/last_export_folder", str, "", "folder of the last export"),
    Setting("export/format", str, "docx", "format of the last export"),
    Setting("export/paper", str, "A4", "DOCX page size: A4 or Letter"),
    Setting("export/reporter_under_title", bool, True, "DOCX: a reporter line stays under the headline"),
    Setting("export/byline_parentheses", bool, True, "DOCX: a trailing byline keeps its printed parentheses"),
    Setting("ui/language", str, "", "zh or en; empty: follow the system locale"),
    Setting("review/doubtful_first", bool, False, "list and walk the least confident suggestions first"),
    Setting("view/reading_order", bool, False, "the reading-order list (and its numbers in the raw page) shown"),
)
BY_NAME = {s.name: s for s in SETTINGS}
RECENT_MAX = 10


class Settings:
    """Typed access to the declared settings."""

    def __init__(self, qsettings: QSettings):
        self.q = qsettings
        stored = self.q.value("meta/version")
        if stored is not None and str(stored) != str(VERSION):
            self.q.clear()  # an older layout: start clean rather than misread it
        self.q.setValue("meta/version", VERSION)

    def get(self, name: str):
        s = BY_NAME[name]
        raw = self.q.value(name)
        if raw is None:
            return s.default
        try:
            if s.type is bytes:
                return bytes(raw.data()) if isinstance(raw, QByteArray) else bytes(raw)
            if s.type is list:
                value = json.loads(raw) if isinstance(raw, str) else list(raw)
                return value if isinstance(value, list) else s.default
            if s.type is int:
                return int(raw)
            if s.type is bool:
                return raw in (True, "true", "1", 1)
            return str(raw)
        except (TypeError, ValueError):
            return s.default

    def set(self, name: str, value) -> None:
        s = BY_NAME[name]
        if s.type is bytes:
            self.q.setValue(name, QByteArray(bytes(value)))
        elif s.type is list:
            self.q.setValue(name, json.dumps(list(value), ensure_ascii=False))
        else:
            self.q.setValue(name, s.type(value))

    def add_recent(self, path: str) -> list[str]:
        recent = [p for p in self.get("files/recent") if p != path]
        recent = [path] + recent[: RECENT_MAX - 1]
        self.set("files/recent", recent)
        return recent

    def sync(self) -> None:
        self.q.sync()
