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


def run_app(data_dir: Path | None = None, lang: str = DEFAULT_LANGUAGE) -> int:
    """Open the window and run until it closes; the exit status of the process."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName("counter-app")
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    translators = install_translations(app, lang)
    if lang == "vi":
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    apply_base_font(app)
    crash = CrashHandler(
        folder, lang, lambda text: notify.show_error(QApplication.activeWindow(), text)
    )
    crash.install()
    try:
        return _run(app, folder, lang)
    finally:
        crash.uninstall()
        remove_translations(app, translators)


def _run(app: QApplication, folder: Path, lang: str) -> int:
    try:
        workspace = Workspace(folder)
    except CounterError as error:
        notify.show_error(None, startup_message(error, lang))
        return EXIT_ERROR
    with workspace:
        identity = workspace.settings.identity()
        login = LoginDialog(workspace.accounts, identity.name, lang)
        if login.exec() != QDialog.DialogCode.Accepted or login.user is None:
            return EXIT_OK
        window = MainWindow(Session(workspace, login.user, lang))
        window.show()
        status = app.exec()
        window.deleteLater()
        return status
