"""The read-only detail dialog: opened from the list, every field, the history of moves."""

from __future__ import annotations

import dataclasses
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget

from counter_app.domain.dossier import Applicant, Dossier
from counter_app.ui.dialogs.dossier_detail import DossierDetailDialog
from counter_app.ui.pages.dossiers import DossiersPage
from tests.ui.conftest import make_session

# Where each field of Dossier / Applicant is shown. A new field fails the test below until
# the dialog shows it and this table says where.
SHOWN_AS = {
    "procedure_code": "procedure",
    "procedure_name": "procedure",
    "agency_code": "agency",
    "received_at": "received_at",
    "due_at": "due_at",
    "sets": "sets",
    "channel": "channel",
    "return_method": "return_method",
    "note": "note",
    "completed_at": "completed_at",
    "returned_at": "returned_at",
    "timeliness": "timeliness",
    "received_by": "received_by",
    "uuid": "uuid",
    "collector": "collector",
}
SHOWN_ELSEWHERE = {
    "code",
    "status",
    "applicant",
    "documents",
    "fees",
    "history",
    "supplement_rounds",
}
APPLICANT_SHOWN_AS = {"type": "applicant_type"}


def cells(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


@pytest.fixture
def page(qtbot, workspace, staff, dossiers) -> DossiersPage:
    page = DossiersPage(make_session(workspace, staff))
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def select(page: DossiersPage, dossier: Dossier) -> int:
    row = next(
        r for r in range(page.model.rowCount()) if page.model.dossier(r).code == dossier.code
    )
    page.table.setFocus()
    page.table.selectRow(row)
    return row


def test_enter_on_a_row_opens_its_details(qtbot, page, dossiers, vietnamese) -> None:
    select(page, dossiers["processing"])
    qtbot.keyClick(page.table, Qt.Key.Key_Return)

    dialog = page.detail_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.dossier.code == dossiers["processing"].code
    assert dialog.windowTitle() == f"Hồ sơ {dossiers['processing'].code}"


def test_double_click_opens_the_details(qtbot, page, dossiers) -> None:
    row = select(page, dossiers["due_today"])
    rect = page.table.visualRect(page.model.index(row, 1))
    viewport = page.table.viewport()
    # An item view only takes a double click that follows a press on the same item.
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())

    assert page.detail_dialog is not None
    assert page.detail_dialog.dossier.code == dossiers["due_today"].code


def test_history_lists_every_move_with_officer_and_note(qtbot, page, dossiers, vietnamese) -> None:
    select(page, dossiers["processing"])
    page.open_current()
    dialog = page.detail_dialog
    assert dialog is not None

    rows = cells(dialog.history_table)
    assert [row[1:4] for row in rows] == [
        ["Tiếp nhận hồ sơ", "—", "Được tiếp nhận"],
        ["Chuyển xử lý", "Được tiếp nhận", "Đang xử lý"],
    ]
    assert rows[0][0] == "23/11/2026 10:00"
    assert rows[1][0] == "24/11/2026 10:00"
    assert all(row[4] == "Nguyễn Thị Lan (lan)" for row in rows)
    assert rows[1][6] == "Chuyển Sở Tư pháp"
    assert dialog.tabs.currentWidget() is dialog.history_table


def test_dialog_shows_every_field(qtbot, dossiers) -> None:
    dossier = dossiers["processing"]
    dialog = DossierDetailDialog(dossier, "en", people={"lan": "Nguyễn Thị Lan"})
    qtbot.addWidget(dialog)

    names = {f.name for f in dataclasses.fields(Dossier)}
    assert names <= set(SHOWN_AS) | SHOWN_ELSEWHERE, "a new Dossier field is not shown"
    assert {SHOWN_AS[n] for n in SHOWN_AS} <= set(dialog.fields)
    for field in dataclasses.fields(Applicant):
        assert APPLICANT_SHOWN_AS.get(field.name, field.name) in dialog.fields

    text = {key: label.text() for key, label in dialog.fields.items()}
    assert text["full_name"] == "Lê Quốc Bảo"
    assert text["id_number"] == "020095012345"
    assert text["phone"] == "0912345678"
    assert text["address"] == "Thôn Nà Chuông, xã Hoàng Đồng"
    assert text["email"] == "—"
    assert text["procedure"] == "Cấp Phiếu lý lịch tư pháp (2.002)"
    assert text["channel"] == "Walk-in"
    assert text["fee_total"] == "200,000 VND"
    assert text["received_by"] == "Nguyễn Thị Lan (lan)"
    assert text["uuid"] == dossier.uuid
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", text["due_at"])
    assert cells(dialog.findChild(QTableWidget, "documentsTable"))[0][1] == (
        "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp"
    )
    assert cells(dialog.findChild(QTableWidget, "feesTable"))[0][:2] == [
        "Phí cấp phiếu",
        "200,000 VND",
    ]


def test_dialog_is_read_only(qtbot, dossiers) -> None:
    dialog = DossierDetailDialog(dossiers["overdue"], "vi")
    qtbot.addWidget(dialog)
    for table in dialog.findChildren(QTableWidget):
        assert table.editTriggers() == QTableWidget.EditTrigger.NoEditTriggers
