"""The intake page, shown and active so the keyboard reaches it, in either language."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from counter_app.services.accounts import User
from counter_app.services.workspace import Workspace
from counter_app.ui import notify
from counter_app.ui.intake import page as intake_page
from counter_app.ui.intake.page import IntakePage
from counter_app.ui.session import Session
from tests.ui.conftest import make_session

WIDTH, HEIGHT = 1366, 768


def show(qtbot, page: IntakePage) -> IntakePage:
    qtbot.addWidget(page)
    page.resize(WIDTH, HEIGHT)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.activate()
    return page


@pytest.fixture
def open_page(qtbot, workspace: Workspace, staff: User) -> Callable[..., IntakePage]:
    """Build the page after the language is installed: widgets translate when they are made."""

    def build(lang: str = "vi", session: Session | None = None) -> IntakePage:
        return show(qtbot, IntakePage(session or make_session(workspace, staff, lang)))

    return build


@pytest.fixture
def page(open_page, vietnamese) -> IntakePage:
    return open_page("vi")


@pytest.fixture
def page_en(open_page) -> IntakePage:
    return open_page("en")


@pytest.fixture
def errors(monkeypatch) -> list[str]:
    """Dialogs the page would open, captured instead of shown."""
    shown: list[str] = []
    monkeypatch.setattr(notify, "show_error", lambda parent, text: shown.append(text))
    return shown


@pytest.fixture
def never_asked(monkeypatch) -> None:
    def fail(parent: QWidget) -> bool:
        raise AssertionError("the page asked for confirmation")

    monkeypatch.setattr(intake_page, "confirm_clear", fail)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_text(text: str) -> None:
    """Type into the focused widget as an input method does: QTest only types ASCII."""
    for ch in text:
        widget = focused()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def press(qtbot, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focused(), key, modifiers)


def choose(qtbot, page: IntakePage, search: str) -> None:
    """Pick the first procedure found for `search`, by keyboard."""
    page.activate()
    qtbot.keyClicks(focused(), search)
    press(qtbot, Qt.Key.Key_Return)
    assert page.procedure() is not None
