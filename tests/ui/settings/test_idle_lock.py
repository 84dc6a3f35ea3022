"""The idle lock, driven by a fake clock: it engages after the delay without input, hides every
window's data, keeps keys and shortcuts from the pages beneath, and lets only the officer's
own password through."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout, QWidget

from counter_app.services.accounts import MAX_FAILURES
from counter_app.ui import theme
from counter_app.ui.settings.idle_lock import IdleLock
from tests.ui.conftest import PASSWORD


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += minutes * 60


class Window(QWidget):
    """A stand-in for the main window: a field with data in it and a page shortcut."""

    def __init__(self) -> None:
        super().__init__()
        self.resize(800, 500)
        self.field = QLineEdit("020090001234")
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addStretch(1)
        self.shortcut_hits = 0
        shortcut = QShortcut(QKeySequence("Ctrl+1"), self)
        shortcut.activated.connect(self._hit)

    def _hit(self) -> None:
        self.shortcut_hits += 1


class KeySpy(QObject):
    """Another application-wide filter, like the scanner's: what keys does it see?"""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            self.seen.append(event.text())
        return False


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def window(qtbot) -> Window:
    window = Window()
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.field.setFocus()
    return window


@pytest.fixture
def idle(qtbot, session, window, clock) -> Iterator[IdleLock]:
    lock = IdleLock(session, 10, clock=clock)
    lock.install(window)
    yield lock
    lock.uninstall()


def covered(widget: QWidget) -> bool:
    """Is the widget's whole area painted in the lock colour?"""
    image = widget.grab().toImage()
    points = [(5, 5), (image.width() // 3, 20), (image.width() - 5, image.height() - 5)]
    return all(image.pixelColor(x, y) == theme.HEADER_BACKGROUND for x, y in points)


def test_it_locks_after_the_delay_without_input(qtbot, idle, window, clock) -> None:
    clock.advance(9.9)
    idle.check()
    assert not idle.is_locked()
    assert not covered(window)

    clock.advance(0.1)
    with qtbot.waitSignal(idle.sig_locked):
        idle.check()
    assert idle.is_locked()
    assert idle.screen is not None and idle.screen.isVisible()
    assert idle.screen.geometry() == window.geometry()
    assert "10 minutes" in idle.screen.reason_label.text()
    assert covered(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is idle.screen.password_edit)


def test_the_timer_checks_by_itself(qtbot, session, window, clock) -> None:
    lock = IdleLock(session, 1, clock=clock, check_interval_ms=10)
    lock.install(window)
    try:
        clock.advance(1)
        with qtbot.waitSignal(lock.sig_locked, timeout=2000):
            pass
        assert lock.is_locked()
    finally:
        lock.uninstall()


def test_the_delay_comes_from_the_settings(session, workspace) -> None:
    workspace.settings.set("ui.idle_lock_minutes", 3)
    assert IdleLock(session).minutes == 3
    workspace.settings.set("ui.idle_lock_minutes", "soon")
    assert IdleLock(session).minutes == 10


def test_input_starts_the_delay_again(qtbot, idle, window, clock) -> None:
    clock.advance(9)
    qtbot.keyClick(window.field, Qt.Key.Key_End)
    clock.advance(9)
    idle.check()
    assert not idle.is_locked()

    qtbot.mouseClick(window.field, Qt.MouseButton.LeftButton)
    clock.advance(9.5)
    idle.check()
    assert not idle.is_locked()

    clock.advance(1)
    idle.check()
    assert idle.is_locked()


def test_a_wrong_password_is_refused_and_the_right_one_unlocks(
    qtbot, idle, window, vietnamese
) -> None:
    idle.lock()
    screen = idle.screen
    assert "Hoàng Văn Đức (duc)" in screen.who_label.text()
    qtbot.keyClicks(screen.password_edit, "not-my-password")
    qtbot.keyClick(screen.password_edit, Qt.Key.Key_Return)
    assert idle.is_locked()
    assert screen.error_label.text() == "Sai mật khẩu."
    assert screen.password_edit.text() == ""

    with qtbot.waitSignal(idle.sig_unlocked):
        qtbot.keyClicks(screen.password_edit, PASSWORD)
        qtbot.keyClick(screen.password_edit, Qt.Key.Key_Return)
    assert not idle.is_locked()
    qtbot.waitUntil(lambda: not covered(window))
    assert window.field.text() == "020090001234"


def test_an_empty_password_is_asked_for(idle) -> None:
    idle.lock()
    assert idle.unlock("") is False
    assert idle.screen.error_label.text() == "Enter your password."


def test_repeated_wrong_passwords_lock_the_account_and_say_so(idle) -> None:
    idle.lock()
    for _ in range(MAX_FAILURES):
        assert idle.unlock("wrong-password") is False
    assert idle.unlock(PASSWORD) is False
    assert "tạm khóa" in idle.screen.error_label.text()
    assert idle.is_locked()


def test_while_locked_keys_and_shortcuts_do_not_reach_the_window(qtbot, idle, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.shortcut_hits == 1  # the shortcut works while unlocked

    idle.lock()
    window.field.clear()
    qtbot.keyClicks(window.field, "000.00.06.H37-261125-0001\r")
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(window.field, Qt.MouseButton.LeftButton)
    assert window.field.text() == ""
    assert window.shortcut_hits == 1

    idle.unlock(PASSWORD)
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.shortcut_hits == 2


def test_other_application_filters_never_see_the_password(qtbot, idle, qapp) -> None:
    spy = KeySpy()
    qapp.installEventFilter(spy)  # after the lock's own, as the scanner's would be
    try:
        idle.lock()
        qtbot.keyClicks(idle.screen.password_edit, "secret")
        assert idle.screen.password_edit.text() == "secret"
        assert spy.seen == []
    finally:
        qapp.removeEventFilter(spy)


def test_an_open_dialog_is_hidden_too_and_the_lock_still_takes_the_password(
    qtbot, idle, window
) -> None:
    dialog = QDialog(window)
    dialog.resize(400, 300)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    qtbot.waitExposed(dialog)

    idle.lock()
    assert covered(dialog)
    qtbot.keyClicks(idle.screen.password_edit, PASSWORD)
    qtbot.keyClick(idle.screen.password_edit, Qt.Key.Key_Return)
    assert not idle.is_locked()
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not covered(dialog))
    dialog.reject()


def test_no_delay_never_locks_and_a_new_delay_counts_from_now(idle, clock) -> None:
    idle.set_minutes(0)
    clock.advance(600)
    idle.check()
    assert not idle.is_locked()

    idle.set_minutes(5)
    clock.advance(4)
    idle.check()
    assert not idle.is_locked()
    clock.advance(1)
    idle.check()
    assert idle.is_locked()


def test_uninstalled_it_neither_locks_nor_filters(qtbot, idle, window, clock) -> None:
    idle.uninstall()
    clock.advance(60)
    idle.check()
    idle.lock()
    assert not idle.is_locked()
    qtbot.keyClicks(window.field, "x")
    assert window.field.text().endswith("x")
