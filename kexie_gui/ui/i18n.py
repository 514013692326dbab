"""Simplified Chinese and English: Qt ``.ts`` catalogues compiled to ``.qm``, switchable at run time.

English is the source language (the strings in the code); Chinese comes from
``resources/translations/kexie_zh_CN.qm``, compiled from ``kexie_zh_CN.ts`` by
``pyside6-lrelease`` (see ``resources/translations/README.md``).  Strings are
marked with ``_tr(context, text)`` (Qt widgets) or ``N_``/``_t`` (pure
modules); ``pyside6-lupdate`` knows these names through ``-tr-function-alias``.

Switching installs or removes the translators; Qt then sends every widget a
``LanguageChange`` event and the window re-reads its texts.  Texts that come
from the core (suggestion explanations, kind labels) are chosen by the
controller's ``language`` instead, since the core ships both.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..resources_path import resource

LANGUAGES = {"zh": "简体中文", "en": "English"}
QM_NAME = "kexie_zh_CN"


def _tr(context: str, text: str) -> str:
    """Translate ``text`` in ``context`` with the installed catalogue (English when none)."""
    return QCoreApplication.translate(context, text)


def system_language() -> str:
    """``"zh"`` on a Chinese system locale, else ``"en"``."""
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def translations_dir():
    return resource("translations")


class Translations:
    """Owns the translators installed on the application."""

    def __init__(self, app: QCoreApplication):
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def set_language(self, language: str) -> bool:
        """Install the catalogues for ``language``; returns False when the Chinese one is missing."""
        if language not in LANGUAGES:
            language = "en"
        for t in self._installed:
            self._app.removeTranslator(t)
        self._installed = []
        ok = True
        if language == "zh":
            ours = QTranslator(self._app)
            ok = ours.load(QM_NAME, str(translations_dir()))
            qt = QTranslator(self._app)  # Qt's own strings: standard buttons, file dialogs
            if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                self._app.installTranslator(qt)
                self._installed.append(qt)
            if ok:
                self._app.installTranslator(ours)
                self._installed.append(ours)
        self.language = language
        return ok
