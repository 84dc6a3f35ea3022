"""A scan anywhere in the window goes where the officer needs it."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from counter_app.domain.scan import classify_scan
from counter_app.ui.main_window import MainWindow
from counter_app.ui.navigation import PageKey
from tests.ui.conftest import NOW, make_session, receive

QR = "020090001234|123456789|Nguyễn Văn An|15031990|Nam|Số 5, Trần Đăng Ninh, Lạng Sơn|20042021"


def window_for(qtbot, workspace, staff) -> MainWindow:
    window = MainWindow(make_session(workspace, staff))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_receipt_code_opens_its_dossier(qtbot, workspace, staff):
    dossier = receive(workspace, staff, "Trần Thị Mai", "1.001", NOW - timedelta(hours=2))
    window = window_for(qtbot, workspace, staff)
    window.route_scan(classify_scan(dossier.code.lower() + "\r"))
    dialog = window.page(PageKey.DOSSIERS).detail_dialog
    assert dialog is not None and dialog.dossier.code == dossier.code


def test_on_the_return_page_the_code_is_ready_to_hand_back(qtbot, workspace, staff):
    dossier = receive(workspace, staff, "Trần Thị Mai", "1.001", NOW - timedelta(hours=2))
    window = window_for(qtbot, workspace, staff)
    window.show_page(PageKey.RETURNS)
    window.route_scan(classify_scan(dossier.code))
    assert window.page(PageKey.RETURNS).dossier.code == dossier.code
    assert window.page(PageKey.DOSSIERS).detail_dialog is None


def test_a_citizen_id_card_fills_the_intake_form(qtbot, workspace, staff):
    window = window_for(qtbot, workspace, staff)
    window.show_page(PageKey.DOSSIERS)
    window.route_scan(classify_scan(QR))
    assert window.current_page() is PageKey.INTAKE
    assert window.page(PageKey.INTAKE).applicant().full_name == "Nguyễn Văn An"
    window.page(PageKey.INTAKE).clear_form()  # closing would ask about the form (issue 13)


def test_a_real_burst_of_keys_is_routed_and_kept_out_of_the_field(qtbot, workspace, staff):
    dossier = receive(workspace, staff, "Trần Thị Mai", "1.001", NOW - timedelta(hours=2))
    window = window_for(qtbot, workspace, staff)
    window.show_page(PageKey.DOSSIERS)
    field = window.page(PageKey.DOSSIERS).search_edit
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    field.setFocus()
    qtbot.waitUntil(lambda: field.hasFocus())
    qtbot.keyClicks(field, dossier.code)  # microseconds apart: scanner speed
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.page(PageKey.DOSSIERS).detail_dialog is not None)
    assert window.page(PageKey.DOSSIERS).detail_dialog.dossier.code == dossier.code
    assert field.text() == ""


def test_an_unusable_scan_is_said_in_the_status_bar(qtbot, workspace, staff):
    window = window_for(qtbot, workspace, staff)
    window.scanner.sig_refused.emit("Mã không đọc được")
    assert window.statusBar().currentMessage() == "Mã không đọc được"
