"""Start the window: application, language, sign-in, then the main window.

The sign-in window appears first, from preferences read without opening the store; the store
(SQLAlchemy, migrations) and the main window's modules load in a background thread, started once
the window has painted, while the officer types. Sign-in waits for them only if the officer is
faster.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from counter_app.domain.errors import CounterError
from counter_app.domain.messages import LANGUAGES, translate
from counter_app.paths import default_data_dir, resources_dir
from counter_app.services.operations.instance import InstanceLock
from counter_app.services.preferences import needs_setup, startup_preferences
from counter_app.ui.collector import install_gui_thread_collector
from counter_app.ui.crash import CrashHandler
from counter_app.ui.i18n import apply_base_font, install_translations, remove_translations
from counter_app.ui.login import LoginDialog

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    from counter_app.services.accounts import User
    from counter_app.services.workspace import Workspace
    from counter_app.ui.window_beacon import WindowBeacon

EXIT_OK = 0
EXIT_ERROR = 1
GUI_SWITCH_INTERVAL_S = 0.0005
OPEN_AT_LATEST_MS = 300  # the store starts opening by then even if no paint was seen
PAINTED_POLL_MS = 5
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)  # rendered by packaging/make_icons.py

log = logging.getLogger(__name__)


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


def open_in_background(folder: Path, future: Future[Workspace]) -> None:
    """Open the store and load the main window's modules on a worker thread into `future`."""

    def work() -> None:
        try:
            from counter_app.services.workspace import Workspace

            workspace = Workspace(folder)
            # imports only, no widget here: the main window's modules, QtNetwork for the beacon
            import counter_app.ui.main_window
            import counter_app.ui.window_beacon  # noqa: F401
        except BaseException as error:  # handed to the GUI thread, which tells the officer
            future.set_exception(error)
        else:
            future.set_result(workspace)

    threading.Thread(target=work, name="open-store", daemon=True).start()


class _OpenOnce(QObject):
    """Starts `first` (the log file, the wheel guard, the icon) then opening the store into
    `future`, once: after the watched sign-in window first painted (the store's imports would
    otherwise hold the interpreter lock while the window is built and shown), after
    OPEN_AT_LATEST_MS, or as soon as something needs the store.

    The paint is seen by asking Qt whether the window is exposed (Qt paints a widget's window
    while handling its exposure), not by filtering its events: the first event handed to
    Python makes PySide build QEvent's type and its 179 names (about 2 ms) before the window
    could show."""

    def __init__(self, folder: Path, future: Future[Workspace], first: Callable[[], None]) -> None:
        super().__init__()
        self.future = future

        def action() -> None:
            first()
            open_in_background(folder, future)

        self._action: Callable[[], None] | None = action
        self._watched: QWidget | None = None
        self._painted = QTimer(self)
        self._painted.setInterval(PAINTED_POLL_MS)
        self._painted.timeout.connect(self._check_painted)
        QTimer.singleShot(OPEN_AT_LATEST_MS, self.now)

    def watch(self, widget: QWidget) -> None:
        self._watched = widget
        self._painted.start()

    def _check_painted(self) -> None:
        window = self._watched.windowHandle() if self._watched is not None else None
        if window is not None and window.isExposed():
            self.now()

    def now(self) -> None:
        self._painted.stop()
        self._watched = None
        action, self._action = self._action, None
        if action is not None:
            action()


class _Accounts:
    """The sign-in dialog's accounts, once the store is open."""

    def __init__(self, opening: _OpenOnce) -> None:
        self._opening = opening

    def authenticate(self, login: str, password: str) -> User:
        self._opening.now()  # signed in before the window painted: nothing else would start it
        return self._opening.future.result().accounts.authenticate(login, password)


def keep_the_gui_thread_responsive() -> None:
    """Once signed in, for the rest of the day, with the sync worker running Python beside the
    GUI thread (bench/bench_sync_stall.py measures both; each halved the longest stall):

    - what start-up made lives as long as the window: the collector's full passes skip it
      from now on, instead of walking it all with the interpreter lock held for a tenth of a
      second or more while a big sync round makes garbage;
    - the GUI thread gets the interpreter lock back within half a millisecond, not 5 ms: a
      save makes a dozen SQLite calls, each giving the lock up and asking for it again."""
    gc.freeze()
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)


def window_icon() -> QIcon:
    """The icon from its PNG sizes: an SVG would load Qt's SVG plugin. Set once the sign-in has
    painted: QIcon's type and its 151 theme names (about 2 ms) would hold the window up."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resources_dir() / "icons" / f"counter-app-{size}.png"))
    return icon


def run_app(data_dir: Path | None = None, lang: str | None = None) -> int:
    """Open the window and run until it closes; the exit status of the process. The language
    is the one asked for on the command line, else the counter's setting, else Vietnamese."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName("counter-app")
    app.setDesktopFileName("counter-app")  # docks match it with packaging/linux's .desktop file
    install_gui_thread_collector(app)  # widgets die on the GUI thread, not in a worker
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    preferences = startup_preferences(folder)
    if lang not in LANGUAGES:
        lang = preferences.language
    translators = install_translations(app, lang)
    if lang == "vi":
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    apply_base_font(app, preferences.font_size)
    instance = InstanceLock(folder)  # one window per data folder; restore waits for it
    try:
        instance.acquire()
    except CounterError as error:
        from counter_app.ui import notify
        from counter_app.ui.window_beacon import knock

        # An officer's open window comes to the front and says why (nothing to dismiss here);
        # the sign-in window or a command holding the folder does not answer: a message then.
        if error.key != "app.already_open" or not knock(folder):
            notify.show_error(None, error.message(lang))
        remove_translations(app, translators)
        return EXIT_ERROR
    logging_to: list[logging.Handler] = []

    def once_shown() -> None:
        """Once the sign-in window is up, or before the first-run wizard: the window icon, the
        log file (logging.handlers is slow to import) and the wheel guard for every window
        after (the sign-in has no value a wheel could change, and an application-wide filter
        would take every event of the window being built through Python)."""
        if not logging_to:
            from counter_app.services.operations.logs import configure_logging
            from counter_app.ui.wheel import install_wheel_guard

            app.setWindowIcon(window_icon())
            install_wheel_guard(app)
            logging_to.append(configure_logging(folder))
            log.info("window started on %s", folder)

    def tell(text: str) -> None:
        from counter_app.ui import notify  # its dialogs' classes are made when one is needed

        notify.show_error(QApplication.activeWindow(), text)

    crash = CrashHandler(folder, lang, tell)
    crash.install()
    opening: Future[Workspace] | None = None
    try:
        if needs_setup(folder):  # a new counter: the first-run wizard sets it up
            from counter_app.ui.first_run import run_first_run

            once_shown()
            done, lang, translators = run_first_run(app, folder, lang, translators)
            if not done:
                return EXIT_OK
            preferences = startup_preferences(folder)
        opening = Future()
        return _run(app, opening, folder, preferences.counter_name, lang, once_shown)
    finally:
        if opening is not None and opening.done() and opening.exception() is None:
            opening.result().close()
        crash.uninstall()
        remove_translations(app, translators)
        log.info("window closed")
        for handler in logging_to:
            from counter_app.services.operations.logs import stop_logging

            stop_logging(handler)
        instance.release()


def _run(
    app: QApplication,
    opening: Future[Workspace],
    folder: Path,
    counter_name: str,
    lang: str,
    once_shown: Callable[[], None],
) -> int:
    opened = _OpenOnce(folder, opening, once_shown)
    login = LoginDialog(_Accounts(opened), counter_name, lang)
    opened.watch(login)
    failure: list[CounterError] = []

    def check_opening() -> None:
        """A store that cannot be opened (corrupt, newer, read-only) ends the sign-in."""
        error = opening.exception() if opening.done() else None
        if error is not None:
            watcher.stop()
            if not isinstance(error, CounterError):
                raise error  # a bug: the crash handler logs it and says so
            failure.append(error)
            login.reject()

    watcher = QTimer(login)
    watcher.timeout.connect(check_opening)
    watcher.start(50)
    accepted = login.exec() == QDialog.DialogCode.Accepted
    opened.now()  # signed in (or closed) before it started
    watcher.stop()
    if failure:
        from counter_app.ui import notify

        notify.show_error(None, startup_message(failure[0], lang))
        return EXIT_ERROR
    if not accepted or login.user is None:
        return EXIT_OK
    from counter_app.ui.window_beacon import WindowBeacon

    workspace = opening.result()
    beacon = WindowBeacon(folder)  # a second start brings this program's window forward
    beacon.listen()
    user: User | None = login.user
    try:
        while user is not None:
            signed_out, status = _work(app, workspace, beacon, user, lang)
            if not signed_out:
                return status
            user = _sign_in_again(workspace, lang)
        return EXIT_OK
    finally:
        beacon.close()


def _work(
    app: QApplication, workspace: Workspace, beacon: WindowBeacon, user: User, lang: str
) -> tuple[bool, int]:
    """One officer's turn at the desk: a fresh session and main window (nothing of the officer
    before), until the window closes. True when they signed out for the next officer; a second
    start meanwhile brings the window forward with a line in its status bar."""
    from counter_app.ui.main_window import MainWindow
    from counter_app.ui.session import Session

    session = Session(workspace, user, lang)
    window = MainWindow(session)

    def started_again() -> None:
        session.messages.info(translate("app.started_again", lang))

    beacon.sig_knocked.connect(started_again)
    window.showMaximized()  # the officer's only window all day
    from counter_app.ui.settings.backups import DailyBackup

    daily = DailyBackup(session, parent=window)
    daily.start()  # today's backup if due, then hourly
    keep_the_gui_thread_responsive()
    status = app.exec()
    daily.stop()  # a backup under way finishes before the store is closed
    beacon.sig_knocked.disconnect(started_again)
    signed_out = window.signing_out
    window.deleteLater()
    return signed_out, status


def _sign_in_again(workspace: Workspace, lang: str) -> User | None:
    """The sign-in window after a sign-out, with the counter's name as it is now; None when
    it is closed instead (the program ends)."""
    login = LoginDialog(workspace.accounts, workspace.settings.identity().name, lang)
    login.exec()
    return login.user
