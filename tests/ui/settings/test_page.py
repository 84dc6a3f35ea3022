"""The settings page: each section saves through the services, only when every field is right,
says so in the status bar, and shows the stored values again when opened afresh."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QGroupBox, QLabel

from counter_app.domain.calendar import WorkSchedule
from counter_app.services.accounts import User
from counter_app.services.workspace import Workspace
from counter_app.ui.settings.page import SettingsPage
from tests.ui.conftest import AGENCY, make_session
from tests.ui.settings.conftest import OTHER_AGENCY

SATURDAY = date(2026, 11, 28)
WEDNESDAY = date(2026, 12, 2)


def reopened(qtbot, page: SettingsPage) -> SettingsPage:
    """A new page on the same workspace: what it shows comes from the store."""
    again = SettingsPage(page._session)
    qtbot.addWidget(again)
    return again


def set_periods(page: SettingsPage, *periods: tuple[str, str]) -> None:
    editor = page.calendar.schedule
    for index in range(3):
        start, end = periods[index] if index < len(periods) else ("", "")
        editor.start_edits[index].setText(start)
        editor.end_edits[index].setText(end)


# --- counter ---------------------------------------------------------------------------------


def test_counter_name_is_saved_and_shown_again(qtbot, page, infos, workspace) -> None:
    page.counter.name_edit.setText("  Bộ phận Một cửa  xã Hoàng Đồng ")
    with qtbot.waitSignal(page.sig_counter_name_changed) as signal:
        qtbot.mouseClick(page.counter.save_button, Qt.MouseButton.LeftButton)

    assert workspace.settings.get("counter.name") == "Bộ phận Một cửa xã Hoàng Đồng"
    assert signal.args == ["Bộ phận Một cửa xã Hoàng Đồng"]
    assert infos == ["Counter name saved: Bộ phận Một cửa xã Hoàng Đồng."]
    assert reopened(qtbot, page).counter.name_edit.text() == "Bộ phận Một cửa xã Hoàng Đồng"


def test_an_empty_counter_name_is_refused_next_to_the_field(
    qtbot, page, infos, workspace, vietnamese
) -> None:
    workspace.settings.set("counter.name", "Một cửa xã Hoàng Đồng")
    page.activate()
    page.counter.name_edit.setText("   ")

    assert page.counter.save() is False
    assert page.counter.name_error.isVisible()
    assert page.counter.name_error.text() == "Hãy nhập tên Bộ phận Một cửa."
    assert workspace.settings.get("counter.name") == "Một cửa xã Hoàng Đồng"
    assert infos == []


def test_the_central_address_is_shown_but_not_editable(qtbot, workspace, admin) -> None:
    workspace.settings.set("central.url", "https://motcua.langson.gov.vn")
    page = SettingsPage(make_session(workspace, admin))
    qtbot.addWidget(page)

    assert page.counter.central_edit.text() == "https://motcua.langson.gov.vn"
    assert page.counter.central_edit.isReadOnly()
    assert "synchronisation" in page.counter.central_note.text()


# --- agencies served -------------------------------------------------------------------------


def test_agencies_served_are_saved(qtbot, page, infos, workspace) -> None:
    assert page.agencies.checked_codes() == {AGENCY, OTHER_AGENCY}
    page.agencies.set_checked(OTHER_AGENCY, False)
    qtbot.mouseClick(page.agencies.save_button, Qt.MouseButton.LeftButton)

    assert workspace.catalog.served_agencies() == {AGENCY}
    assert infos == ["Agencies served saved: 1 of 2."]
    assert reopened(qtbot, page).agencies.checked_codes() == {AGENCY}


def test_a_counter_serving_no_agency_is_refused(page, infos, workspace) -> None:
    page.show_section(page.agencies)
    page.agencies.none_button.click()

    assert page.agencies.save() is False
    assert page.agencies.error.isVisible()
    assert page.agencies.error.text() == "Tick at least one agency."
    assert workspace.catalog.served_agencies() == {AGENCY, OTHER_AGENCY}
    assert infos == []


# --- working calendar ------------------------------------------------------------------------


def test_the_default_schedule_is_saved_and_counts_for_deadlines(
    qtbot, page, infos, workspace
) -> None:
    assert not workspace.calendars.for_agency(AGENCY).is_working_day(SATURDAY)
    editor = page.calendar.schedule
    editor.day_checks[5].setChecked(True)
    set_periods(page, ("7:30", "11:30"), ("13:00", "16:30"))
    assert editor.total_label.text() == "7:30 hours"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert infos == ["Default working schedule saved."]
    calendar = workspace.calendars.for_agency(AGENCY)
    assert calendar.is_working_day(SATURDAY)
    assert calendar.schedule == WorkSchedule(
        periods=((time(7, 30), time(11, 30)), (time(13, 0), time(16, 30))),
        weekdays=frozenset(range(6)),
    )
    again = reopened(qtbot, page).calendar.schedule
    assert again.day_checks[5].isChecked()
    assert [e.text() for e in again.start_edits] == ["07:30", "13:00", ""]


@pytest.mark.parametrize(
    ("periods", "where", "message"),
    [
        ([("11:30", "07:00")], 0, "The period must end after it starts."),
        ([("07:00", "11:30"), ("11:00", "17:00")], 1,
         "The period must start after the previous one ends (11:30)."),
        ([("7h3x", "11:30")], 0, "Write the times as HH:MM, for example 07:30."),
        ([("07:00", "")], 0, "Give both the start and the end, or leave both empty."),
        ([("25:00", "26:00")], 0, "Write the times as HH:MM, for example 07:30."),
        ([], 0, "Give at least one working period."),
    ],
)  # fmt: skip
def test_an_invalid_schedule_is_refused_next_to_the_period(
    page, infos, workspace, periods, where, message
) -> None:
    page.show_section(page.calendar)
    set_periods(page, *periods)
    editor = page.calendar.schedule

    assert editor.save() is False
    assert editor.period_errors[where].isVisible()
    assert editor.period_errors[where].text() == message
    assert workspace.settings.get("schedule.default") is None
    assert infos == []


def test_a_schedule_without_working_days_is_refused(page, workspace, vietnamese) -> None:
    editor = page.calendar.schedule
    for check in editor.day_checks:
        check.setChecked(False)

    assert editor.save() is False
    assert editor.days_error.text() == "Hãy chọn ít nhất một ngày làm việc."
    assert workspace.calendars.for_agency(AGENCY).is_working_day(WEDNESDAY)


def test_an_agency_gets_its_own_schedule_then_follows_the_default_again(
    qtbot, page, infos, workspace
) -> None:
    editor = page.calendar.schedule
    editor.choose_agency(OTHER_AGENCY)
    assert not editor.own_check.isChecked()
    assert not editor.start_edits[0].isEnabled()
    editor.own_check.setChecked(True)
    assert editor.start_edits[0].isEnabled()
    editor.day_checks[5].setChecked(True)
    assert editor.save()

    assert workspace.calendars.for_agency(OTHER_AGENCY).is_working_day(SATURDAY)
    assert not workspace.calendars.for_agency(AGENCY).is_working_day(SATURDAY)
    assert "Sở Xây dựng tỉnh Lạng Sơn" in infos[-1]

    editor.own_check.setChecked(False)
    assert editor.save()
    assert not workspace.calendars.for_agency(OTHER_AGENCY).is_working_day(SATURDAY)
    assert infos[-1].endswith("now follows the default schedule.")


def test_national_holidays_and_make_up_days_are_listed_with_their_names(page, vietnamese) -> None:
    view = page.calendar.holidays
    view.year_spin.setValue(2025)
    rows = {
        view.table.item(r, 0).text(): [view.table.item(r, c).text() for c in range(1, 4)]
        for r in range(view.table.rowCount())
    }

    assert rows["01/01/2025"] == ["Thứ Tư", "Tết Dương lịch", "Ngày lễ"]
    assert rows["26/04/2025"] == ["Thứ Bảy", "Làm bù cho ngày nghỉ", "Ngày làm việc bù"]
    assert rows["02/05/2025"][1].startswith("Ngày nghỉ (thay cho ngày 26/04/2025)")
    assert "29/01/2025" in rows  # Tết


def test_a_day_off_for_every_agency_is_added_then_removed(qtbot, page, infos, workspace) -> None:
    editor = page.calendar.overrides
    editor.date_edit.setDate(QDate(2026, 12, 2))
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(False))
    editor.note_edit.setText("Nghỉ tổng kết năm")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)

    assert not workspace.calendars.for_agency(AGENCY).is_working_day(WEDNESDAY)
    assert not workspace.calendars.for_agency(OTHER_AGENCY).is_working_day(WEDNESDAY)
    assert editor.table.rowCount() == 1
    assert editor.table.item(0, 3).text() == "Every agency"
    assert infos == ["Day off on 02/12/2026 saved for every agency."]

    assert editor.select(WEDNESDAY)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert workspace.calendars.for_agency(AGENCY).is_working_day(WEDNESDAY)
    assert editor.table.rowCount() == 0
    assert infos[-1].startswith("02/12/2026 removed for every agency")


def test_an_extra_working_day_can_be_for_one_agency_only(page, workspace) -> None:
    editor = page.calendar.overrides
    editor.date_edit.setDate(QDate(2026, 11, 28))
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(True))
    editor.scope_combo.setCurrentIndex(editor.scope_combo.findData(OTHER_AGENCY))
    editor.add()

    assert workspace.calendars.for_agency(OTHER_AGENCY).is_working_day(SATURDAY)
    assert not workspace.calendars.for_agency(AGENCY).is_working_day(SATURDAY)
    texts = [editor.table.item(0, c).text() for c in range(4)]
    assert texts == ["28/11/2026", "Saturday", "Extra working day",
                     f"Sở Xây dựng tỉnh Lạng Sơn — {OTHER_AGENCY}"]  # fmt: skip
    assert editor.select(SATURDAY, OTHER_AGENCY)
    editor.remove_selected()
    assert not workspace.calendars.for_agency(OTHER_AGENCY).is_working_day(SATURDAY)


# --- scanner ---------------------------------------------------------------------------------


def test_scanner_fields_are_saved_and_fields_of_the_scanner_work_are_kept(
    qtbot, page, infos, workspace
) -> None:
    workspace.settings.set(
        "scanner",
        {"prefix": "]C1", "terminators": ["Enter"], "max_interval_ms": 30, "beep": True},
    )
    page.activate()
    section = page.scanner
    assert section.prefix_edit.text() == "]C1"
    assert section.enter_check.isChecked() and not section.tab_check.isChecked()
    assert section.number_spins["max_interval_ms"].value() == 30
    assert section.number_spins["min_length"].value() == 8  # the scanner work's default

    section.prefix_edit.clear()
    section.suffix_edit.setText("#")
    section.tab_check.setChecked(True)
    section.number_spins["min_length"].setValue(6)
    with qtbot.waitSignal(section.sig_edited) as edited:
        section.number_spins["settle_ms"].setValue(250)
    assert edited.args[0]["settle_ms"] == 250
    assert "settle_ms" not in workspace.settings.get("scanner")  # edited, not saved yet
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)

    assert workspace.settings.get("scanner") == {
        "prefix": "",
        "suffix": "#",
        "terminators": ["enter", "tab"],
        "max_interval_ms": 30,
        "min_length": 6,
        "settle_ms": 250,
        "beep": True,
    }
    assert infos == ["Scanner settings saved."]


def test_a_wait_shorter_than_the_pause_between_keys_is_refused(page, workspace) -> None:
    section = page.scanner
    page.show_section(section)
    section.number_spins["max_interval_ms"].setValue(80)
    section.number_spins["settle_ms"].setValue(50)

    assert section.save() is False
    assert section.settle_error.isVisible()
    assert section.settle_error.text() == "At least the longest pause between characters (80 ms)."
    assert workspace.settings.get("scanner") is None


def test_the_scanner_test_follows_the_fields_as_edited(page, vietnamese) -> None:
    from counter_app.ui.scanning.tester import ScannerTestWidget

    fresh = SettingsPage(page._session)
    area = fresh.scanner_test_area
    assert isinstance(area, QGroupBox)
    assert area.title() == "Thử máy quét"
    assert isinstance(fresh.scanner.tester, ScannerTestWidget)
    fresh.scanner.prefix_edit.setText("]C0")
    assert fresh.scanner.tester.filter.settings.prefix == "]C0"
    fresh.deleteLater()


# --- language, display, idle lock ------------------------------------------------------------


def test_the_language_is_saved_for_the_next_start_and_says_so(
    qtbot, page, infos, workspace
) -> None:
    combo = page.display.language_combo
    assert combo.currentData() == "vi"
    assert "next time the program starts" in page.display.language_note.text()
    combo.setCurrentIndex(combo.findData("en"))
    with qtbot.waitSignal(page.sig_language_changed) as signal:
        page.display.save()

    assert workspace.settings.get("ui.language") == "en"
    assert signal.args == ["en"]
    assert "at the next start" in infos[-1]
    assert reopened(qtbot, page).display.language_combo.currentData() == "en"


def test_the_font_size_is_applied_to_the_application_and_saved(qtbot, page, workspace) -> None:
    page.display.font_spin.setValue(16)
    with qtbot.waitSignal(page.sig_font_size_changed) as signal:
        qtbot.mouseClick(page.display.save_button, Qt.MouseButton.LeftButton)

    assert QApplication.font().pointSize() == 16
    # Qt hands the new font to each widget by posted events.
    qtbot.waitUntil(lambda: page.display.font_spin.font().pointSize() == 16)
    heading = page.display.findChild(QLabel, "sectionHeading")
    qtbot.waitUntil(lambda: heading.font().pointSize() == 16)  # and "large" relative to it
    assert workspace.settings.get("ui.font_size") == 16
    assert signal.args == [16]
    assert page.display.font_spin.maximum() == 20 and page.display.font_spin.minimum() == 9


def test_the_idle_lock_delay_is_saved_and_passed_on(qtbot, page, infos, workspace) -> None:
    assert page.idle_lock.minutes_spin.value() == 10
    page.idle_lock.minutes_spin.setValue(0)
    assert page.idle_lock.minutes_spin.text() == "Never"
    with qtbot.waitSignal(page.sig_idle_lock_changed) as signal:
        page.idle_lock.save()

    assert workspace.settings.get("ui.idle_lock_minutes") == 0
    assert signal.args == [0]
    assert infos == ["Idle lock turned off."]


# --- the page as a whole ---------------------------------------------------------------------


def test_sections_are_reached_from_the_keyboard_and_ctrl_s_saves(
    qtbot, page, infos, workspace
) -> None:
    page.activate()
    assert page.section_list.hasFocus() or QApplication.focusWidget() is page.section_list
    qtbot.keyClick(page.section_list, Qt.Key.Key_Down)
    assert page.current_section() is page.agencies
    qtbot.keyClick(page.section_list, Qt.Key.Key_Up)
    assert page.current_section() is page.counter
    qtbot.keyClick(page.section_list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.counter.name_edit)

    page.counter.name_edit.setFocus()
    page.counter.name_edit.setText("Một cửa xã Hoàng Đồng")
    qtbot.keyClick(page.counter.name_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert workspace.settings.get("counter.name") == "Một cửa xã Hoàng Đồng"
    assert len(infos) == 1


def test_the_list_then_the_fields_come_in_tab_order(page) -> None:
    assert page.section_list.nextInFocusChain() is not page.counter.save_button
    chain, widget = [], page.section_list.nextInFocusChain()
    while widget is not page.section_list and len(chain) < 500:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain.index(page.counter.name_edit) < chain.index(page.counter.save_button)


def test_opening_the_page_again_keeps_unsaved_edits_and_refreshes_the_rest(page, workspace) -> None:
    page.counter.name_edit.setText("Chưa lưu")
    page.counter.mark_dirty()
    workspace.settings.set("ui.idle_lock_minutes", 25)
    page.activate()

    assert page.counter.name_edit.text() == "Chưa lưu"
    assert page.idle_lock.minutes_spin.value() == 25


def test_only_an_administrator_gets_the_settings(qtbot, workspace: Workspace, staff: User) -> None:
    page = SettingsPage(make_session(workspace, staff))
    qtbot.addWidget(page)
    assert page.sections == []
    assert page.section_list is None
    page.activate()


def test_a_day_that_is_already_so_is_refused_next_to_the_date(page, workspace, vietnamese) -> None:
    page.show_section(page.calendar)
    editor = page.calendar.overrides
    page.calendar.tabs.setCurrentWidget(editor)
    editor.date_edit.setDate(QDate(2027, 1, 1))  # Tết Dương lịch
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(False))
    editor.add()

    assert editor.error.isVisible()
    assert editor.error.text() == "Ngày 01/01/2027 đã là ngày nghỉ của mọi cơ quan."
    assert editor.table.rowCount() == 0
    assert workspace.calendars.for_agency("").overrides.days_off == frozenset()
