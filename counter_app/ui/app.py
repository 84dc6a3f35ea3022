"""Start the window: application, language, data folder, workspace, sign-in, main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QDialog

from counter_app.domain.errors import CounterError
from counter_app.domain.messages import DEFAULT_LANGUAGE, LANGUAGES
from counter_app.paths import default_data_dir
from counter_app.services.workspace import Workspace
from counter_app.ui import notify
from counter_app.ui.crash import CrashHandler
from counter_app.ui.i18n import apply_base_font, install_translations, remove_translations
from counter_app.ui.login import LoginDialog
from counter_app.ui.main_window import MainWindow
from counter_app.ui.session import Session
from counter_app.ui.settings import values as settings_values

EXIT_OK = 0
EXIT_ERROR = 1


def startup_message(error: CounterError, lang: str) -> str:
    """What to say when the workspace cannot be opened; an empty folder gets the fix."""
    text = error.message(lang)
    if error.key == "db.not_initialised":
        text += "\n\n" + QCoreApplication.translate(
            "Startup",
            "This computer has no counter data yet. To set it up with the demo catalog "
            "and accounts, run in a terminal:\n\n    counter-app init --demo",
        )
    return text


def run_app(data_dir: Path | None = None, lang: str | None = None) -> int:
    """Open the window and run until it closes; the exit status of the process. The language
    is the one asked for on the command line, else the counter's setting, else Vietnamese."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName("counter-app")
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    try:
        workspace = Workspace(folder)
    except CounterError as error:
        shown = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        translators = install_translations(app, shown)
        notify.show_error(None, startup_message(error, shown))
        remove_translations(app, translators)
        return EXIT_ERROR
    with workspace:
        if lang not in LANGUAGES:
            lang = settings_values.language(workspace.settings)
        translators = install_translations(app, lang)
        if lang == "vi":
            QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        apply_base_font(app, settings_values.font_size(workspace.settings))
        crash = CrashHandler(
            folder, lang, lambda text: notify.show_error(QApplication.activeWindow(), text)
        )
        crash.install()
        try:
            return _run(app, workspace, lang)
        finally:
            crash.uninstall()
            remove_translations(app, translators)


def _run(app: QApplication, workspace: Workspace, lang: str) -> int:
    identity = workspace.settings.identity()
    login = LoginDialog(workspace.accounts, identity.name, lang)
    if login.exec() != QDialog.DialogCode.Accepted or login.user is None:
        return EXIT_OK
    window = MainWindow(Session(workspace, login.user, lang))
    window.showMaximized()  # the officer's only window all day
    status = app.exec()
    window.deleteLater()
    return status
