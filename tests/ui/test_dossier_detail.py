"""The detail dialog: opened from the list, every field, the history of moves, and the
lifecycle moves allowed now, made from the dialog."""

from __future__ import annotations

import dataclasses
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QWidget,
)

from counter_app.domain.dossier import Applicant, Collector, Dossier, Status
from counter_app.domain.lifecycle import Action, allowed_actions
from counter_app.ui.dossiers.detail import ActionDialog, DossierDetailDialog
from counter_app.ui.dossiers.list_page import DossiersPage
from counter_app.ui.session import Session
from tests.ui.conftest import NOW, make_session
from tests.ui.returns.dossiers import dossier_in

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
    "return_at": "return_at",
    "note": "note",
    "completed_at": "completed_at",
    "returned_at": "returned_at",
    "timeliness": "timeliness",
    "received_by": "received_by",
    "collector": "collector",
}
SHOWN_ELSEWHERE = {
    "uuid",  # the record's internal identity: the code names the dossier to people
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
    qtbot.waitUntil(lambda: page.model.rowCount() == len(dossiers))  # searched in the background
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
    assert all(row[4] == "Nguyễn Thị Lan" for row in rows)
    assert rows[1][6] == "Chuyển Sở Tư pháp"
    assert dialog.tabs.currentWidget() is dialog.history_table


def test_history_names_the_officer_as_at_the_move(qtbot, workspace, admin, staff, dossiers) -> None:
    """Lan was a clerk when she received, deputy head when she forwarded; renamed since."""
    code = dossiers["due_today"].code
    workspace.accounts.update_user(staff.login, by=admin, title="Chuyên viên")
    workspace.dossiers.transition(code, Action.TRANSFER, user=staff)
    workspace.accounts.update_user(staff.login, by=admin, full_name="Nguyễn Thị Lan Anh")
    dossier = workspace.dossiers.get(code)
    people = {u.login: u.full_name for u in workspace.accounts.users()}
    dialog = DossierDetailDialog(dossier, "en", people=people)
    qtbot.addWidget(dialog)
    assert [row[4] for row in cells(dialog.history_table)] == [
        "Nguyễn Thị Lan",
        "Nguyễn Thị Lan, Chuyên viên",
    ]


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
    assert text["received_by"] == "Nguyễn Thị Lan"
    assert "uuid" not in text
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


# --- lifecycle moves from the dialog


@pytest.fixture
def session(workspace, staff) -> Session:
    return make_session(workspace, staff)


def open_detail(qtbot, session: Session, dossier: Dossier) -> DossierDetailDialog:
    dialog = DossierDetailDialog(
        dossier, session.lang, people={"lan": "Nguyễn Thị Lan"}, session=session
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def activate(qtbot, window: QWidget) -> None:
    """Keyboard shortcuts reach only the active window, as on the desk."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def type_text(widget: QWidget, text: str) -> None:
    """Vietnamese arrives as an input-method commit; QTest has no keys for accented letters."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def act(qtbot, dialog: DossierDetailDialog, action: Action, note: str = "") -> ActionDialog:
    """Press the move's button, write the note, confirm: as the officer would."""
    qtbot.mouseClick(dialog.action_buttons[action], Qt.MouseButton.LeftButton)
    asked = dialog.action_dialog
    assert asked is not None and asked.isVisible()
    if note:
        type_text(asked.note_edit, note)
    qtbot.mouseClick(asked.ok_button, Qt.MouseButton.LeftButton)
    return asked


def moved_to(
    qtbot, session: Session, dialog: DossierDetailDialog, action: Action, status: Status, note=""
) -> Dossier:
    """Make the move and check what every move must do: stored, shown, announced, listed."""
    before = len(dialog.dossier.history)
    with (
        qtbot.waitSignal(dialog.sig_dossier_changed) as changed,
        qtbot.waitSignal(session.messages.sig_info) as info,
    ):
        asked = act(qtbot, dialog, action, note)
    assert not asked.isVisible()
    stored = session.workspace.dossiers.get(dialog.dossier.code)
    assert stored.status is status
    assert changed.args[0].status is status
    # The dialog shows the dossier as it is now: the new history row, the new buttons.
    assert dialog.dossier.status is status
    assert dialog.status_label.text() == status.label(session.lang)
    rows = cells(dialog.history_table)
    assert len(rows) == before + 1
    assert rows[-1][0] == "25/11/2026 10:00"
    assert rows[-1][3] == status.label(session.lang)
    assert rows[-1][4] == "Nguyễn Thị Lan"
    assert rows[-1][6] == (note or "—")
    assert set(dialog.action_buttons) == set(allowed_actions(status))
    assert stored.code in info.args[0]
    return stored


def test_transfer_from_the_detail_view(qtbot, session, workspace, staff, vietnamese) -> None:
    dialog = open_detail(qtbot, session, dossier_in(workspace, staff, Status.NEW))
    assert dialog.action_buttons[Action.TRANSFER].text() == "&Chuyển xử lý"

    moved_to(qtbot, session, dialog, Action.TRANSFER, Status.PROCESSING, "Chuyển Sở Tư pháp")
    assert Action.TRANSFER not in dialog.action_buttons


def test_request_a_supplement_from_the_detail_view(
    qtbot, session, workspace, staff, vietnamese
) -> None:
    dialog = open_detail(qtbot, session, dossier_in(workspace, staff, Status.PROCESSING))
    stored = moved_to(
        qtbot, session, dialog, Action.REQUEST_SUPPLEMENT, Status.WAITING, "Thiếu tờ khai."
    )
    assert len(stored.supplement_rounds) == 1
    rounds = cells(dialog.findChild(QTableWidget, "roundsTable"))
    assert rounds[0][0] == "25/11/2026 10:00"
    assert dialog.tabs.tabText(3) == "Các lần bổ sung (1)"


def test_resubmit_from_the_detail_view(qtbot, session, workspace, staff) -> None:
    dialog = open_detail(qtbot, session, dossier_in(workspace, staff, Status.WAITING))
    stored = moved_to(qtbot, session, dialog, Action.RESUBMIT, Status.PROCESSING)
    assert stored.supplement_rounds[-1].resubmitted_at == NOW
    assert cells(dialog.findChild(QTableWidget, "roundsTable"))[0][2] == "25/11/2026 10:00"


def test_request_payment_from_the_detail_view(qtbot, session, workspace, staff) -> None:
    dialog = open_detail(qtbot, session, dossier_in(workspace, staff, Status.PROCESSING))
    moved_to(qtbot, session, dialog, Action.REQUEST_PAYMENT, Status.PAYING)
    assert Action.PAY in dialog.action_buttons


def test_record_payment_from_the_detail_view(qtbot, session, workspace, staff) -> None:
    dialog = open_detail(qtbot, session, dossier_in(workspace, staff, Status.PAYING))
    moved_to(qtbot, session, dialog, Action.PAY, Status.PROCESSING, "Biên lai số 0012345")


def test_refuse_from_the_detail_view(qtbot, session, workspace, staff, vietnamese) -> None:
    dialog = open_detail(qtbot, session, dossier_in(workspace, staff, Status.NEW))
    moved_to(qtbot, session, dialog, Action.REFUSE, Status.DENIED, "Không thuộc thẩm quyền của xã.")
    assert dialog.action_buttons == {}  # nothing more can happen to a refused dossier
    assert dialog.focusWidget() is dialog.close_button


def test_withdraw_from_the_detail_view(qtbot, session, workspace, staff) -> None:
    dialog = open_detail(qtbot, session, dossier_in(workspace, staff, Status.PROCESSING))
    moved_to(qtbot, session, dialog, Action.WITHDRAW, Status.CANCELLED)


def test_stop_processing_from_the_detail_view(qtbot, session, workspace, staff) -> None:
    dialog = open_detail(qtbot, session, dossier_in(workspace, staff, Status.PAYING))
    moved_to(qtbot, session, dialog, Action.STOP, Status.UNRESOLVED, "Quá hạn nộp phí.")


def test_mark_as_resolved_from_the_detail_view(
    qtbot, session, workspace, staff, vietnamese
) -> None:
    dialog = open_detail(qtbot, session, dossier_in(workspace, staff, Status.PROCESSING))
    moved_to(qtbot, session, dialog, Action.RESOLVE, Status.RELEASING)
    assert dialog.fields["completed_at"].text() == "25/11/2026 10:00"
    assert dialog.fields["timeliness"].text() == "Trước hạn"
    assert list(dialog.action_buttons) == [Action.RETURN]


def test_hand_back_the_result_from_the_detail_view(
    qtbot, session, workspace, staff, vietnamese
) -> None:
    dialog = open_detail(qtbot, session, dossier_in(workspace, staff, Status.RELEASING))
    qtbot.mouseClick(dialog.action_buttons[Action.RETURN], Qt.MouseButton.LeftButton)
    hand_back = dialog.hand_back_dialog
    assert hand_back is not None and hand_back.isVisible()
    assert dialog.action_dialog is None  # the return page's form, not a plain confirmation
    activate(qtbot, hand_back)
    form = hand_back.form
    form.authorised_radio.setChecked(True)
    type_text(form.name_edit, "Lương Thị Hoa")
    qtbot.keyClicks(form.id_edit, "020185000777")

    with qtbot.waitSignal(dialog.sig_dossier_changed), qtbot.waitSignal(session.messages.sig_info):
        qtbot.keyClick(form.id_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert not hand_back.isVisible()
    stored = workspace.dossiers.get(dialog.dossier.code)
    assert stored.status is Status.DONE
    assert stored.collector == Collector("Lương Thị Hoa", "020185000777", authorised=True)
    assert dialog.status_label.text() == "Đã trả kết quả"
    assert dialog.fields["collector"].text().startswith("Lương Thị Hoa")
    assert cells(dialog.history_table)[-1][1] == "Trả kết quả"
    assert dialog.action_buttons == {}


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (Status.NEW, Action.REFUSE),
        (Status.PROCESSING, Action.REQUEST_SUPPLEMENT),
        (Status.WAITING, Action.STOP),
    ],
)
def test_a_move_the_applicant_reads_on_paper_needs_a_reason(
    qtbot, session, workspace, staff, vietnamese, status, action
) -> None:
    dossier = dossier_in(workspace, staff, status)
    dialog = open_detail(qtbot, session, dossier)
    qtbot.mouseClick(dialog.action_buttons[action], Qt.MouseButton.LeftButton)
    asked = dialog.action_dialog
    assert asked is not None
    assert isinstance(asked.note_edit, QPlainTextEdit)  # room for a reason of several lines
    prompt = asked.findChild(QLabel, "notePrompt").text()
    assert "được in trên" in prompt  # says the applicant will read it on paper
    activate(qtbot, asked)

    qtbot.keyClicks(asked.note_edit, "   ")
    qtbot.keyClick(asked.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert asked.isVisible()
    assert asked.error_label.isVisible()
    assert asked.error_label.text() == (
        "Hãy ghi lý do: chủ hồ sơ sẽ đọc nội dung này trên phiếu giấy."
    )
    stored = workspace.dossiers.get(dossier.code)
    assert stored.status is status
    assert len(stored.history) == len(dossier.history)


def test_other_moves_ask_a_plain_confirmation_with_an_optional_note(
    qtbot, session, workspace, staff, vietnamese
) -> None:
    dialog = open_detail(qtbot, session, dossier_in(workspace, staff, Status.NEW))
    qtbot.mouseClick(dialog.action_buttons[Action.WITHDRAW], Qt.MouseButton.LeftButton)
    asked = dialog.action_dialog
    assert asked is not None and not asked.required
    assert isinstance(asked.note_edit, QLineEdit)
    assert asked.findChild(QLabel, "moveLabel").text() == (
        "Trạng thái: Được tiếp nhận → Công dân yêu cầu rút hồ sơ"
    )
    assert asked.ok_button.text() == "Rút hồ sơ"

    qtbot.keyClick(asked.note_edit, Qt.Key.Key_Escape)  # cancelled: nothing happens
    assert not asked.isVisible()
    assert workspace.dossiers.get(dialog.dossier.code).status is Status.NEW

    qtbot.mouseClick(dialog.action_buttons[Action.WITHDRAW], Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.action_dialog.note_edit, Qt.Key.Key_Return)  # Enter confirms
    assert workspace.dossiers.get(dialog.dossier.code).status is Status.CANCELLED


@pytest.mark.parametrize("status", list(Status))
def test_only_the_moves_allowed_now_are_offered(qtbot, session, dossiers, status) -> None:
    dossier = dataclasses.replace(dossiers["processing"], status=status)
    dialog = open_detail(qtbot, session, dossier)
    assert list(dialog.action_buttons) == allowed_actions(status)
    shown = {b.objectName() for b in dialog.findChildren(QPushButton) if b.isVisible()}
    offered = {name for name in shown if name.startswith("action-")}
    assert offered == {f"action-{a.value}" for a in allowed_actions(status)}


def test_illegal_moves_are_not_offered(qtbot, session, dossiers) -> None:
    dialog = open_detail(qtbot, session, dossiers["processing"])
    for illegal in (Action.TRANSFER, Action.REFUSE, Action.RESUBMIT, Action.PAY, Action.RETURN):
        assert illegal not in dialog.action_buttons
    dialog.start(Action.RETURN)  # even asked for directly
    assert dialog.hand_back_dialog is None and dialog.action_dialog is None


def test_a_move_refused_by_the_service_is_explained_and_the_dialog_catches_up(
    qtbot, session, workspace, staff, vietnamese
) -> None:
    dossier = dossier_in(workspace, staff, Status.NEW)
    dialog = open_detail(qtbot, session, dossier)
    # A colleague transfers it while this dialog is open.
    workspace.dossiers.transition(dossier.code, Action.TRANSFER, user=staff, at=NOW)

    asked = act(qtbot, dialog, Action.TRANSFER)

    assert asked.isVisible()
    assert asked.error_label.text() == (
        "Không thể chuyển xử lý hồ sơ đang ở trạng thái «Đang xử lý»."
    )
    assert dialog.dossier.status is Status.PROCESSING
    assert set(dialog.action_buttons) == set(allowed_actions(Status.PROCESSING))


def test_without_a_session_the_dialog_only_reads(qtbot, dossiers) -> None:
    dialog = DossierDetailDialog(dossiers["processing"], "vi")
    qtbot.addWidget(dialog)
    assert dialog.action_buttons == {}


def test_moves_by_keyboard_and_esc_closes(qtbot, session, workspace, staff) -> None:
    dialog = open_detail(qtbot, session, dossier_in(workspace, staff, Status.NEW))
    activate(qtbot, dialog)
    texts = [b.text() for b in dialog.action_buttons.values()]
    mnemonics = [t[t.index("&") + 1].lower() for t in texts]
    assert len(set(mnemonics)) == len(mnemonics)  # one Alt+letter each

    qtbot.keyClick(dialog, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.action_dialog is not None)
    qtbot.keyClick(dialog.action_dialog.note_edit, Qt.Key.Key_Return)
    assert workspace.dossiers.get(dialog.dossier.code).status is Status.PROCESSING

    activate(qtbot, dialog)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_list_refreshes_after_a_move(qtbot, page, dossiers, vietnamese) -> None:
    row = select(page, dossiers["due_today"])
    assert page.model.dossier(row).status is Status.NEW
    page.open_current()
    dialog = page.detail_dialog
    assert dialog is not None
    act(qtbot, dialog, Action.TRANSFER)

    def moved_and_selected() -> bool:
        row = page.table.currentIndex().row()
        listed = page.model.dossier(row) if row >= 0 else None
        return (
            listed is not None
            and listed.code == dossiers["due_today"].code
            and (listed.status is Status.PROCESSING)
        )

    qtbot.waitUntil(moved_and_selected)  # the list is read again in the background
