"""Start-up on a new folder (the wizard, then the sign-in), and one window per data folder."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from counter_app.services.operations.instance import InstanceLock, is_open_elsewhere
from counter_app.services.operations.setup import CounterSetup, set_up_counter
from counter_app.ui import app as app_module
from counter_app.ui.first_run.wizard import FirstRunWizard
from counter_app.ui.login import LoginDialog
from counter_app.ui.main_window import MainWindow
from counter_app.ui.window_beacon import knock
from tests.cli.test_cli import fingerprint


def test_a_new_folder_opens_the_wizard_and_cancel_makes_no_store(
    tmp_path: Path, monkeypatch, shown, app_state
) -> None:
    opened: list[FirstRunWizard] = []

    def cancelled(self: FirstRunWizard) -> int:
        opened.append(self)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(FirstRunWizard, "exec", cancelled)
    folder = tmp_path / "new-counter"
    assert app_module.run_app(data_dir=folder, lang="vi") == 0
    assert len(opened) == 1 and shown == []
    assert not (folder / "counter.sqlite3").exists()
    assert not (folder / "counter-app.lock").exists()  # the lock goes with the window


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: nothing to raise
def test_after_the_wizard_the_sign_in_comes_and_the_day_is_backed_up(
    tmp_path: Path, monkeypatch, shown, app_state
) -> None:
    folder = tmp_path / "new-counter"

    def finished(self: FirstRunWizard) -> int:
        set_up_counter(
            self.data_dir,
            CounterSetup(
                language="en",
                agencies=frozenset({"000.00.06.H37"}),
                counter_name="Quầy thử",
                admin_login="quantri",
                admin_full_name="Hoàng Văn Đức",
                admin_password="matkhau-123",
            ),
        )
        self.sig_language_changed.emit("en")
        return QDialog.DialogCode.Accepted

    def signed_in(self: LoginDialog) -> int:
        self.user = self._accounts.authenticate("quantri", "matkhau-123")
        return QDialog.DialogCode.Accepted

    windows: list[MainWindow] = []
    held: list[bool] = []

    told: list[str] = []

    def event_loop() -> int:
        held.append(is_open_elsewhere(folder))  # what `restore` sees while the window runs
        windows.extend(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        assert knock(folder)  # a second start: the open window answers and says why
        deadline = time.monotonic() + 10
        while not windows[0].statusBar().currentMessage() and time.monotonic() < deadline:
            QApplication.processEvents()
        told.append(windows[0].statusBar().currentMessage())
        for window in windows:
            window.close()
        return 0

    monkeypatch.setattr(FirstRunWizard, "exec", finished)
    monkeypatch.setattr(LoginDialog, "exec", signed_in)
    monkeypatch.setattr(QApplication, "exec", staticmethod(event_loop))
    assert app_module.run_app(data_dir=folder, lang="vi") == 0
    assert shown == []
    assert windows and windows[0].header.officer_label.text() == "Hoàng Văn Đức"
    assert held == [True] and not is_open_elsewhere(folder)
    assert told and ("started again" in told[0] or "mở lại" in told[0])
    assert not knock(folder)  # the window's beacon went with it
    daily = list((folder / "backups" / "daily").glob("counter-backup-*.zip"))
    assert len(daily) == 1  # the first start of the day took the daily backup
    log = (folder / "logs" / "counter-app.log").read_text(encoding="utf-8")
    assert "window started" in log and "backup written" in log


def test_a_second_window_on_the_same_folder_is_told_and_touches_nothing(
    workspace, shown, app_state, monkeypatch
) -> None:
    def must_not_sign_in(self: LoginDialog) -> int:
        raise AssertionError("the second window went on to the sign-in")

    monkeypatch.setattr(LoginDialog, "exec", must_not_sign_in)
    folder = workspace.data_dir
    with InstanceLock(folder):  # the first window
        assert is_open_elsewhere(folder)
        before = fingerprint(folder)
        assert app_module.run_app(data_dir=folder, lang="vi") == 1
        assert fingerprint(folder) == before
    assert len(shown) == 1
    assert "đang mở" in shown[0] and str(folder) in shown[0]
    assert not is_open_elsewhere(folder)


def test_the_second_window_speaks_english_when_asked(workspace, shown, app_state) -> None:
    with InstanceLock(workspace.data_dir):
        assert app_module.run_app(data_dir=workspace.data_dir, lang="en") == 1
    assert shown[0].startswith("The counter is already open")


def test_a_second_start_brings_the_open_window_forward(qtbot, workspace, shown, app_state):
    from counter_app.ui.window_beacon import WindowBeacon

    knocked: list[bool] = []
    first = WindowBeacon(workspace.data_dir)
    first.sig_knocked.connect(lambda: knocked.append(True))
    assert first.listen()
    try:
        with InstanceLock(workspace.data_dir):
            assert app_module.run_app(data_dir=workspace.data_dir, lang="vi") == 1
        qtbot.waitUntil(lambda: knocked == [True])
    finally:
        first.close()
    assert shown == []  # the open window says why: nothing for the officer to dismiss
    assert not knock(workspace.data_dir)  # nobody listens any more
