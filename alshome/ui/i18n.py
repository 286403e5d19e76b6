"""The language alshome speaks: which one, and Qt's translators for it.

The screens are written in English and translated by Qt at the moment they are built, so
the translators are installed once at start, before the window exists; a change of the
`language` setting applies the next time alshome opens. Besides our own `alshome_<code>.qm`,
Qt's `qtbase_<code>.qm` translates the buttons of standard dialogs, when PySide6 ships it.

Texts that are data rather than code follow the same language: the exercise library's
through `alshome.programs.library.use_language`, the example programs' names and notes
through `program_text`, by their English text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from alshome.platform.resources import resource

ENGLISH = "en"
SYSTEM = "system"
TRANSLATED = ("es",)  # the languages with a translation in resources/i18n
PROGRAMS_CONTEXT = "Programs"


def chosen_language(setting: str) -> str:
    """The language code to use for the `language` setting: English when none fits."""
    code = QLocale.system().name().split("_")[0] if setting == SYSTEM else setting
    return code if code in TRANSLATED else ENGLISH


def install_translators(app: QCoreApplication, code: str) -> list[QTranslator]:
    """Install the translators for `code` into `app`; the ones installed, kept by the caller.

    `QLocale()` is made to speak the same language as the text, so that a date or a month
    name never shows in another language than the words around it.

        A translation file that cannot be loaded leaves that part in English: the app still
        opens, on the day it is needed, whatever the state of its translations.
    """
    if QLocale.system().name().split("_")[0] != code:
        QLocale.setDefault(QLocale(code))  # dates, month names and the voice follow the text
    if code == ENGLISH:
        return []
    files = (
        (resource("i18n", f"alshome_{code}.qm"), None),
        (f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    )
    installed = []
    for name, folder in files:
        translator = QTranslator(app)
        loaded = translator.load(str(name), folder) if folder else translator.load(str(name))
        if loaded and app.installTranslator(translator):
            installed.append(translator)
    return installed


def program_text(text: str) -> str:
    """A program's name or note, in the app's language when it is one of the examples'.

    A therapist's own words are shown as written: only the shipped examples' texts have
    translations (added to the .ts by packaging/extra_strings.py).
    """
    return QCoreApplication.translate(PROGRAMS_CONTEXT, text) if text else text
