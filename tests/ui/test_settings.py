"""Settings are declared once, typed, versioned and survive a restart."""
from __future__ import annotations

from PySide6.QtCore import QSettings

from kexie_gui.ui.settings import BY_NAME, RECENT_MAX, SETTINGS, VERSION, Settings


def test_every_setting_has_a_default_of_its_type():
    for s in SETTINGS:
        assert isinstance(s.default, s.type), s.name
        assert s.doc
    assert len(BY_NAME) == len(SETTINGS)


def test_values_round_trip_through_the_file(tmp_path, qapp):
    path = str(tmp_path / "s.ini")
    s = Settings(QSettings(path, QSettings.Format.IniFormat))
    assert s.get("files/recent") == [] and s.get("export/format") == "docx"
    s.set("files/recent", ["/a/一.txt"])  # a one-element list comes back as a list
    s.set("window/geometry", b"\x01\x02")
    s.set("window/splitter", [300, 700])
    s.sync()
    again = Settings(QSettings(path, QSettings.Format.IniFormat))
    assert again.get("files/recent") == ["/a/一.txt"]
    assert again.get("window/geometry") == b"\x01\x02"
    assert again.get("window/splitter") == [300, 700]


def test_recent_files_are_unique_newest_first_and_bounded(tmp_path, qapp):
    s = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    for i in range(RECENT_MAX + 3):
        s.add_recent(f"/p/{i}.txt")
    s.add_recent("/p/5.txt")
    recent = s.get("files/recent")
    assert recent[0] == "/p/5.txt" and len(recent) == RECENT_MAX and len(set(recent)) == RECENT_MAX


def test_an_older_settings_layout_is_discarded(tmp_path, qapp):
    path = str(tmp_path / "s.ini")
    q = QSettings(path, QSettings.Format.IniFormat)
    q.setValue("meta/version", VERSION - 1)
    q.setValue("files/recent", "not json [")
    q.sync()
    s = Settings(QSettings(path, QSettings.Format.IniFormat))
    assert s.get("files/recent") == []
    assert str(s.q.value("meta/version")) == str(VERSION)


def test_a_damaged_value_falls_back_to_the_default(tmp_path, qapp):
    s = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    s.q.setValue("files/recent", "{broken")
    assert s.get("files/recent") == []
