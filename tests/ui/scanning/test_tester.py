"""The scanner test on the settings page: what arrived, how fast, and what it reads as."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from counter_app.ui.scanning.settings import ScannerSettings
from counter_app.ui.scanning.tester import ScannerTestWidget
from tests.ui.scanning.conftest import Desk, show_active
from tests.ui.scanning.keyboard import CODE, QR
from tests.ui.scanning.telex import unikey


@pytest.fixture
def tester(qtbot, desk: Desk) -> Iterator[ScannerTestWidget]:
    """The test shown over the desk, on the desk's clock; the desk's filter keeps watching."""
    widget = ScannerTestWidget(lang="en", clock=desk.clock)
    show_active(qtbot, widget)
    assert QApplication.focusWidget() is widget.input_edit
    yield widget
    widget.hide()


def column(widget: ScannerTestWidget, index: int) -> list[str]:
    table = widget.keys_table
    return [table.item(row, index).text() for row in range(table.rowCount())]


def test_a_scan_shows_its_keys_timing_and_code(tester, desk):
    desk.keyboard.scan(CODE, gap=4)
    assert tester.verdict_label.text() == "Recognised as a scan of 25 characters."
    assert tester.result_label.text() == f"Dossier code {CODE}"
    assert tester.received_label.text() == f"Received: {CODE}⏎"
    assert tester.timing_label.text() == "26 keys in 100 ms, longest pause 4 ms"
    assert column(tester, 1) == [*CODE, "Enter"]
    assert column(tester, 2) == ["", *["4"] * 25]
    assert tester.input_edit.text() == ""
    assert desk.scans == []  # the test decided, not the window's filter


def test_a_slow_scanner_is_shown_as_typing_with_the_pause_that_broke_it(tester, desk):
    desk.keyboard.scan(CODE, gap=48)
    tester.filter.flush()
    assert tester.verdict_label.text() == (
        "Taken as typing: a pause of 48 ms between two keys (the limit is 35 ms)."
    )
    assert tester.input_edit.text() == CODE
    assert tester.result_label.text() == ""


def test_new_settings_apply_at_once(tester, desk):
    tester.set_settings(ScannerSettings(max_interval_ms=60, settle_ms=90, terminators=("tab",)))
    assert "at most 60 ms between keys" in tester.limits_label.text()
    assert tester.limits_label.text().endswith("ending with Tab.")
    desk.keyboard.scan(CODE, gap=48, end=Qt.Key.Key_Tab)
    assert tester.result_label.text() == f"Dossier code {CODE}"


def test_a_citizen_card_and_a_refusal(tester, desk):
    desk.keyboard.scan(QR, gap=2)
    assert tester.result_label.text() == "Citizen ID card 020090001234: Nguyễn Văn An"
    desk.keyboard.scan("hello world", gap=4)
    assert tester.result_label.text() == (
        "Not usable: Not a dossier code nor a citizen-ID QR: hello world"
    )


def test_the_input_method_is_pointed_out(tester, desk):
    events, _ = unikey("000.DD.H37-261125-0042")
    desk.keyboard.scan("".join(events), gap=3)
    assert tester.result_label.text() == "Dossier code 000.DD.H37-261125-0042"
    assert "input method changed keys" in tester.warning_label.text()
    assert "⌫" in tester.received_label.text()


def test_the_window_filter_decides_again_once_the_test_is_hidden(qtbot, tester, desk):
    tester.hide()
    with qtbot.waitActive(desk.window):
        desk.window.activateWindow()
    desk.first.setFocus()
    desk.keyboard.scan(CODE, gap=4)
    assert [str(scan.code) for scan in desk.scans] == [CODE]


def test_in_vietnamese(qtbot, desk, vietnamese):
    widget = ScannerTestWidget(clock=desk.clock)
    show_active(qtbot, widget)
    try:
        desk.keyboard.scan(CODE, gap=4)
    finally:
        widget.hide()
    assert widget.result_label.text() == f"Mã hồ sơ {CODE}"
    assert widget.input_edit.placeholderText() == "Quét vào đây"
