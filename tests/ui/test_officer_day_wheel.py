"""The mouse wheel scrolls and never changes a value (issue 13): over a combo box, a spin box,
a date edit or a slider, focused or not, on the pages and in the dialogs, a wheel turn leaves
the value as it was and the page around it scrolls. Turns come two ways: through the window
system as a mouse gives them (QTest.wheelEvent) and as a QWheelEvent sent to the widget."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QScrollArea,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from counter_app.ui import app as app_module
from counter_app.ui import first_run
from counter_app.ui.intake.page import IntakePage
from counter_app.ui.login import LoginDialog
from counter_app.ui.main_window import MainWindow
from counter_app.ui.navigation import PageKey
from counter_app.ui.printing.actions import ApologyDialog
from counter_app.ui.settings.page import SettingsPage
from counter_app.ui.wheel import GUARD_NAME, WheelGuard, install_wheel_guard
from tests.ui.conftest import NOW, make_session

WIDTH, HEIGHT = 1280, 720
DOWN = QPoint(0, -120)  # one notch towards the officer: the page goes down


def value_of(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTime()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    assert isinstance(widget, QSlider)
    return widget.value()


def turn_by_mouse(widget: QWidget) -> None:
    window = widget.window()
    where = QPointF(widget.mapTo(window, widget.rect().center()))
    handle = window.windowHandle()
    assert handle is not None
    QTest.wheelEvent(handle, where, DOWN)


def turn_by_event(widget: QWidget) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(),
        DOWN,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


TURNS = {"mouse": turn_by_mouse, "event": turn_by_event}


def scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.verticalScrollBar().maximum():
            return parent
        parent = parent.parentWidget()
    return None


def check_turns(qtbot, widget: QWidget, turn: Callable[[QWidget], None], *, scrolls: bool) -> None:  # type: ignore[no-untyped-def]
    """Unfocused, then focused: the value stays; the page scrolls when it can."""
    for focused in (False, True):
        if focused:
            widget.setFocus(Qt.FocusReason.MouseFocusReason)  # clicked a moment ago
            qtbot.waitUntil(widget.hasFocus)
        else:
            widget.window().setFocus()
            widget.clearFocus()
        area = scroll_area_around(widget)
        assert (area is not None) is scrolls, widget.objectName()
        start = 0
        if area is not None:
            bar = area.verticalScrollBar()
            bar.setValue(0)
            if isinstance(area, QScrollArea):  # a form taller than the screen: the widget in view
                area.ensureWidgetVisible(widget, 0, 0)
            start = bar.value()
            assert start < bar.maximum(), widget.objectName()  # room to scroll on
            qtbot.waitUntil(lambda w=widget: w.visibleRegion().contains(w.rect().center()))
        before = value_of(widget)
        turn(widget)
        QApplication.processEvents()
        assert value_of(widget) == before, (widget.objectName(), focused)
        if area is not None:
            assert area.verticalScrollBar().value() > start, (widget.objectName(), focused)


def open_window(qtbot, session) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(WIDTH, HEIGHT)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("how", sorted(TURNS))
def test_the_wheel_never_changes_the_intake_form(qtbot, workspace, staff, vietnamese, how) -> None:
    window = open_window(qtbot, make_session(workspace, staff))
    intake = window.page(PageKey.INTAKE)
    assert isinstance(intake, IntakePage)
    (procedure,) = workspace.catalog.search("ly lich tu phap", limit=1)
    intake.choose(procedure)
    qtbot.waitUntil(lambda: bool(intake.fees.rows))
    fee = intake.fees.rows[0]
    fee.amount.setValue(0)  # exempt: one notch would make it 1 đ
    widgets = [
        intake.type_combo,
        intake.channel_combo,
        intake.return_combo,
        intake.sets_spin,
        fee.amount,
        intake.papers.rows[0].form,
    ]
    for widget in widgets:
        check_turns(qtbot, widget, TURNS[how], scrolls=True)
    assert intake.request().channel.value == "direct"
    assert intake.request().return_method.value == "counter"
    assert fee.amount.value() == 0


@pytest.mark.parametrize("how", sorted(TURNS))
def test_the_wheel_never_changes_a_setting(qtbot, workspace, admin, how) -> None:
    window = open_window(qtbot, make_session(workspace, admin, "en"))
    window.show_page(PageKey.SETTINGS)
    settings = window.page(PageKey.SETTINGS)
    assert isinstance(settings, SettingsPage)
    settings.show_section(settings.scanner)  # taller than a 720-pixel screen: it scrolls
    spins = settings.scanner.findChildren(QAbstractSpinBox)
    assert spins
    for widget in spins:
        check_turns(qtbot, widget, TURNS[how], scrolls=True)
    settings.show_section(settings.calendar)
    for widget in settings.calendar.findChildren(QWidget):
        if isinstance(widget, (QComboBox, QAbstractSpinBox)) and widget.isVisible():
            check_turns(qtbot, widget, TURNS[how], scrolls=False)
    settings.show_section(settings.display)
    for widget in (settings.display.language_combo, settings.display.font_spin):
        check_turns(qtbot, widget, TURNS[how], scrolls=False)


@pytest.mark.parametrize("how", sorted(TURNS))
def test_the_wheel_never_changes_a_dialog(qtbot, workspace, staff, dossiers, how) -> None:
    overdue = dossiers["overdue"]
    calendar = workspace.dossiers.calendar(overdue.agency_code)
    dialog = ApologyDialog(overdue, NOW - timedelta(hours=1), calendar, "vi")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    check_turns(qtbot, dialog.due_edit, TURNS[how], scrolls=False)


@pytest.mark.parametrize("how", sorted(TURNS))
def test_a_slider_keeps_its_value_and_a_scroll_bar_still_scrolls(qtbot, how) -> None:
    area = QScrollArea()
    qtbot.addWidget(area)
    content = QWidget()
    column = QVBoxLayout(content)
    slider = QSlider(Qt.Orientation.Horizontal)
    slider.setRange(0, 100)
    slider.setValue(50)
    column.addWidget(slider)
    column.addSpacing(2000)
    area.setWidget(content)
    area.resize(300, 200)
    area.show()
    qtbot.waitExposed(area)
    check_turns(qtbot, slider, TURNS[how], scrolls=True)
    bar = area.verticalScrollBar()
    bar.setValue(0)
    TURNS[how](bar)
    assert bar.value() > 0


def test_one_guard_for_the_application(qapp) -> None:
    assert install_wheel_guard(qapp) is install_wheel_guard(qapp)
    assert len(qapp.findChildren(WheelGuard, GUARD_NAME)) == 1


def remove_guards(qapp) -> None:
    for guard in qapp.findChildren(WheelGuard, GUARD_NAME):  # the fixture's, taken away
        qapp.removeEventFilter(guard)
        guard.setParent(None)


def guarded(qapp) -> bool:
    return len(qapp.findChildren(WheelGuard, GUARD_NAME)) == 1


def test_the_program_installs_the_guard_once_the_sign_in_is_shown(
    qapp, qtbot, workspace, monkeypatch, shown, app_state
) -> None:
    """Not before: the sign-in has no value a wheel could change, and an application-wide
    filter would take every event of the window being built through Python (a twentieth of
    the start, bench/bench_ui_start.py); but while it is open, before any window after it."""
    remove_guards(qapp)
    seen: list[bool] = []

    def shown_then_closed(dialog: LoginDialog) -> int:
        seen.append(guarded(qapp))
        dialog.show()
        qtbot.waitUntil(lambda: guarded(qapp), timeout=5_000)
        dialog.hide()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(LoginDialog, "exec", shown_then_closed)
    assert app_module.run_app(data_dir=workspace.data_dir, lang="vi") == 0
    assert seen == [False]
    assert guarded(qapp)


def test_the_program_installs_the_guard_before_the_first_run_wizard(
    qapp, tmp_path, monkeypatch, shown, app_state
) -> None:
    remove_guards(qapp)
    seen: list[bool] = []

    def wizard(
        app: object, folder: object, lang: str, translators: list[object]
    ) -> tuple[bool, str, list[object]]:
        seen.append(guarded(qapp))
        return False, lang, translators

    monkeypatch.setattr(first_run, "run_first_run", wizard)
    assert app_module.run_app(data_dir=tmp_path / "new counter", lang="vi") == 0
    assert seen == [True]
