"""Start-up and the last-resort error handler: clear messages, never a traceback."""

from __future__ import annotations

import gc
import sys
from concurrent.futures import Future
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog

from counter_app.domain.errors import CounterError
from counter_app.services.accounts import User
from counter_app.services.operations.logs import log_path
from counter_app.services.workspace import Workspace
from counter_app.ui import app as app_module
from counter_app.ui.crash import CrashHandler
from counter_app.ui.login import LoginDialog
from counter_app.ui.main_window import MainWindow


def test_an_emptied_store_points_to_the_backups(tmp_path, shown, app_state) -> None:
    """A store file emptied by accident is no new counter (numbering would restart): the
    window names the newest backup instead of offering to set the counter up again. A folder
    without any store gets the first-run wizard (tests/ui/first_run)."""
    hook = sys.excepthook
    (tmp_path / "counter.sqlite3").write_bytes(b"")
    newest = tmp_path / "backups" / "daily" / "counter-backup-20261205-180000.zip"
    newest.parent.mkdir(parents=True)
    newest.write_bytes(b"PK")
    status = app_module.run_app(data_dir=tmp_path, lang="vi")

    assert status == 1
    assert len(shown) == 1
    assert "rỗng (0 byte)" in shown[0] and str(newest) in shown[0]
    assert "init --demo" not in shown[0]
    assert "Traceback" not in shown[0]
    assert sys.excepthook is hook
    assert (tmp_path / "counter.sqlite3").stat().st_size == 0
    # The translation is removed again when run_app returns.
    assert QCoreApplication.translate("Navigation", "Dossiers") == "Dossiers"


def test_a_damaged_store_is_named_while_the_sign_in_window_waits(
    tmp_path, shown, app_state
) -> None:
    """The store opens behind the sign-in window; when it cannot, the window closes and the
    officer is told why, in words."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "counter.sqlite3").write_bytes(b"this is not a database" * 50)
    assert app_module.run_app(data_dir=folder, lang="vi") == 1
    assert len(shown) == 1 and "bị hỏng" in shown[0]


def test_english_start_up_message(tmp_path, shown, app_state) -> None:
    (tmp_path / "counter.sqlite3").write_bytes(b"")
    assert app_module.run_app(data_dir=tmp_path, lang="en") == 1
    assert shown[0].startswith(f"The database file {tmp_path / 'counter.sqlite3'} is empty")
    assert shown[0].endswith(f"backups are usually in {tmp_path / 'backups'}.")


def test_cancelled_sign_in_quits_quietly(workspace, monkeypatch, shown, app_state) -> None:
    monkeypatch.setattr(LoginDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert app_module.run_app(data_dir=workspace.data_dir, lang="vi") == 0
    assert shown == []


def test_sign_in_opens_the_main_window(
    workspace: Workspace, staff: User, monkeypatch, shown, app_state
) -> None:
    def signed_in(self: LoginDialog) -> int:
        self.user = staff
        return QDialog.DialogCode.Accepted

    opened: list[MainWindow] = []

    def event_loop() -> int:
        opened.extend(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        for window in opened:
            window.close()
        return 0

    monkeypatch.setattr(LoginDialog, "exec", signed_in)
    monkeypatch.setattr(QApplication, "exec", staticmethod(event_loop))
    assert app_module.run_app(data_dir=workspace.data_dir, lang="en") == 0
    assert len(opened) == 1
    assert opened[0].header.officer_label.text() == "Nguyễn Thị Lan"
    assert QApplication.font().pointSizeF() == 11
    assert shown == []


def raise_and_catch(
    error: BaseException,
) -> tuple[type[BaseException], BaseException, TracebackType | None]:
    try:
        raise error
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__


def test_a_bug_is_logged_and_told_in_one_sentence(tmp_path: Path) -> None:
    told: list[str] = []
    handler = CrashHandler(tmp_path, "vi", told.append)
    handler(*raise_and_catch(ZeroDivisionError("division by zero")))

    logs = list((tmp_path / "logs").glob("counter-app-crash-*.log"))
    assert len(logs) == 1
    content = logs[0].read_text(encoding="utf-8")
    assert "Traceback" in content
    assert "ZeroDivisionError: division by zero" in content
    assert len(told) == 1
    assert told[0].startswith("Lỗi ngoài dự kiến")
    assert str(logs[0]) in told[0]
    assert "Traceback" not in told[0]


def test_a_refusal_that_escaped_is_shown_as_its_message(tmp_path: Path) -> None:
    told: list[str] = []
    handler = CrashHandler(tmp_path, "en", told.append)
    handler(*raise_and_catch(CounterError("login.failed")))
    assert told == ["Wrong login or password."]
    assert not (tmp_path / "logs").exists()


def test_the_handler_installs_and_restores_the_hook(tmp_path: Path) -> None:
    previous = sys.excepthook
    handler = CrashHandler(tmp_path, "vi", lambda text: None)
    handler.install()
    try:
        assert sys.excepthook is handler
    finally:
        handler.uninstall()
    assert sys.excepthook is previous


def test_an_error_while_telling_is_not_stacked(tmp_path: Path) -> None:
    told: list[str] = []

    def tell(text: str) -> None:
        told.append(text)
        if len(told) == 1:  # the box itself fails: the hook is entered again
            handler(*raise_and_catch(RuntimeError("inside the box")))

    handler = CrashHandler(tmp_path, "vi", tell)
    handler(*raise_and_catch(RuntimeError("first")))
    assert len(told) == 1
    logged = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "logs").glob("*.log"))
    assert "first" in logged
    assert "inside the box" in logged


def test_the_window_icon_comes_from_every_png_size(qapp) -> None:
    """PNG sizes, not the SVG: the SVG plugin would load before the sign-in window shows."""
    from PySide6.QtCore import QSize

    icon = app_module.window_icon()
    sizes = {size.width() for size in icon.availableSizes()}
    assert sizes == set(app_module.ICON_SIZES)
    assert not icon.pixmap(QSize(48, 48)).isNull()


def test_the_store_opens_once_the_sign_in_window_is_shown(
    tmp_path, shown, app_state, monkeypatch
) -> None:
    """Its imports would otherwise hold the interpreter lock while the window is built; the
    window icon is set by then too (not before: it would hold the window up)."""
    from PySide6.QtGui import QIcon

    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "counter.sqlite3").write_bytes(b"this is not a database" * 50)
    real = app_module.open_in_background
    login_visible: list[bool] = []
    with_icon: list[bool] = []
    QApplication.setWindowIcon(QIcon())

    def recorded(folder: Path, future: Future[Workspace]) -> None:
        widgets = QApplication.topLevelWidgets()
        login_visible.append(any(isinstance(w, LoginDialog) and w.isVisible() for w in widgets))
        with_icon.append(not QApplication.windowIcon().isNull())
        real(folder, future)

    monkeypatch.setattr(app_module, "open_in_background", recorded)
    assert app_module.run_app(data_dir=folder, lang="vi") == 1  # the damaged store ends it
    assert login_visible == with_icon == [True]
    # the log file was opened then too (not before: logging.handlers is slow to import)
    assert "window started" in log_path(folder).read_text(encoding="utf-8")


def test_once_signed_in_the_gui_thread_is_kept_responsive(
    workspace: Workspace, staff: User, monkeypatch, shown, app_state
) -> None:
    """The start-up's objects frozen out of full collections and a short switch interval,
    for the day's event loop (see keep_the_gui_thread_responsive)."""

    def signed_in(self: LoginDialog) -> int:
        self.user = staff
        return QDialog.DialogCode.Accepted

    during_the_day: list[tuple[int, float]] = []

    def event_loop() -> int:
        during_the_day.append((gc.get_freeze_count(), sys.getswitchinterval()))
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow):
                window.close()
        return 0

    monkeypatch.setattr(LoginDialog, "exec", signed_in)
    monkeypatch.setattr(QApplication, "exec", staticmethod(event_loop))
    before = gc.get_freeze_count()  # what the test process froze itself
    assert app_module.run_app(data_dir=workspace.data_dir, lang="en") == 0
    [(frozen, interval)] = during_the_day
    assert frozen > before
    assert interval == app_module.GUI_SWITCH_INTERVAL_S


def test_the_base_font_is_the_systems_at_the_counters_size(qapp) -> None:
    from PySide6.QtGui import QFontDatabase

    from counter_app.ui.i18n import apply_base_font

    before = qapp.font()
    system = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
    try:
        for points in (14, 9):  # set twice: the second starts from the first, not the system
            apply_base_font(qapp, points)
            assert qapp.font().family() == system.family()
            assert qapp.font().pointSizeF() == points
    finally:
        qapp.setFont(before)
