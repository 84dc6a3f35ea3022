"""The return-of-results page: look a dossier up by scan or typed code, hand the result back
to the applicant or to an authorised person, explain why a result cannot be handed back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from counter_app.domain.dossier import Collector, Dossier, Status
from counter_app.domain.lifecycle import Action
from counter_app.services.accounts import User
from counter_app.services.workspace import Workspace
from counter_app.ui.returns.page import ReturnsPage
from counter_app.ui.session import Session
from tests.ui.conftest import NOW, make_session
from tests.ui.returns.dossiers import REFUSAL_NOTE, STOP_NOTE, SUPPLEMENT_NOTE, dossier_in

AFTER_FEES = [
    {"name": "Lệ phí cấp phiếu", "amount": 200000, "collection": "after"},
    {"name": "Phí sao thêm phiếu", "amount": 5000, "quantity": 2, "collection": "after"},
    {"name": "Phí tiếp nhận", "amount": 10000, "collection": "before"},
]


@pytest.fixture
def session(workspace: Workspace, staff: User) -> Session:
    return make_session(workspace, staff)


@pytest.fixture
def page(qtbot, session: Session) -> ReturnsPage:
    page = ReturnsPage(session)
    qtbot.addWidget(page)
    page.resize(1160, 650)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.activate()
    return page


@pytest.fixture
def ready(workspace: Workspace, staff: User) -> Dossier:
    return dossier_in(workspace, staff, Status.RELEASING, fees=AFTER_FEES)


def stored(workspace: Workspace, dossier: Dossier) -> Dossier:
    assert dossier.code is not None
    return workspace.dossiers.get(dossier.code)


def focused() -> object:
    return QApplication.focusWidget()


def type_text(qtbot, widget, text: str) -> None:
    """Type as the officer does: plain keys for ASCII, an input-method commit (as Unikey or
    IBus delivers Vietnamese) for the rest; QTest has no keys for accented letters."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def confirm_with_keyboard(qtbot, page: ReturnsPage) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


# --- looking a dossier up


def test_a_scanned_ready_dossier_is_shown_with_the_collector_form(
    qtbot, page, ready, vietnamese
) -> None:
    page.load_code(ready.code)

    fields = {key: label.text() for key, label in page.summary.fields.items()}
    assert fields["code"] == ready.code
    assert fields["applicant"] == "Trần Thị Mai"
    assert fields["id_number"] == "020090001234"
    assert fields["procedure"] == "Cấp Phiếu lý lịch tư pháp (2.002)"
    assert fields["status"] == "Đã xử lý xong"
    assert fields["received_at"] == "23/11/2026 10:00"
    assert fields["completed_at"] == "23/11/2026 12:00 (Trước hạn)"
    assert page.hand_back_form.isVisible()
    assert not page.not_ready_box.isVisible()
    assert not page.message_label.isVisible()
    # The applicant collects unless the officer says otherwise: their details, read-only.
    form = page.hand_back_form
    assert form.applicant_radio.isChecked()
    assert (form.name_edit.text(), form.id_edit.text()) == ("Trần Thị Mai", "020090001234")
    assert form.name_edit.isReadOnly()
    assert focused() is form.applicant_radio


def test_only_the_fees_collected_at_return_are_listed(qtbot, page, ready, vietnamese) -> None:
    page.load_code(ready.code)
    assert page.summary.fields["fees_at_return"].text().splitlines() == [
        "Lệ phí cấp phiếu: 200.000 đ",
        "Phí sao thêm phiếu: 10.000 đ (2 × 5.000 đ)",
        "Tổng cộng: 210.000 đ",
    ]


def test_a_code_typed_in_lower_case_and_enter_looks_it_up(qtbot, page, ready) -> None:
    assert focused() is page.code_edit
    qtbot.keyClicks(page.code_edit, f"  {ready.code.lower()} ")
    qtbot.keyClick(page.code_edit, Qt.Key.Key_Return)

    assert page.dossier is not None
    assert page.dossier.code == ready.code
    assert page.code_edit.text() == ready.code


def test_a_scan_with_a_scanner_prefix_or_inside_the_receipt_link_is_read(
    qtbot, page, ready
) -> None:
    page.load_code(f"]C1{ready.code}")
    assert page.dossier is not None and page.dossier.code == ready.code
    page.clear()
    page.load_code(f"https://dichvucong.langson.gov.vn/tra-cuu?ma={ready.code}")
    assert page.dossier is not None and page.dossier.code == ready.code


def test_an_unknown_code_is_explained_on_the_page(qtbot, page, ready, vietnamese) -> None:
    page.load_code(ready.code)
    page.load_code("000.00.06.H37-261125-9999")

    assert page.message_label.isVisible()
    assert page.message_label.text() == "Không tìm thấy hồ sơ «000.00.06.H37-261125-9999»."
    # Nothing of the dossier shown before stays on screen to be handed back by mistake.
    assert page.dossier is None
    assert not page.summary.isVisible()
    assert not page.hand_back_form.isVisible()
    assert QApplication.activeModalWidget() is None
    assert page.findChildren(QMessageBox) == []
    assert focused() is page.code_edit
    assert page.code_edit.selectedText() == "000.00.06.H37-261125-9999"


def test_a_malformed_code_gets_the_services_message(qtbot, page, session) -> None:
    session_en = make_session(session.workspace, session.user, "en")
    english = ReturnsPage(session_en)
    qtbot.addWidget(english)
    english.load_code("ABC-12")
    assert english.message_label.text() == "Not a dossier code: ABC-12"
    assert english.dossier is None


def test_a_citizen_id_card_is_not_taken_for_a_code(qtbot, page, vietnamese) -> None:
    page.load_code("020090001234||Trần Thị Mai|01011990|Nữ|Thôn Nà Chuông|01012021")
    assert page.dossier is None
    assert "thẻ căn cước" in page.message_label.text()


# --- handing back


def test_hand_back_to_the_applicant_with_ctrl_enter_then_the_page_clears(
    qtbot, page, ready, session, workspace, vietnamese
) -> None:
    page.load_code(ready.code)
    with qtbot.waitSignal(session.messages.sig_info) as info:
        confirm_with_keyboard(qtbot, page)

    done = stored(workspace, ready)
    assert done.status is Status.DONE
    assert done.collector == Collector("Trần Thị Mai", "020090001234", authorised=False)
    assert done.returned_at == NOW
    assert done.history[-1].actor == "lan"
    assert info.args == [f"Đã trả kết quả hồ sơ {ready.code} cho Trần Thị Mai."]
    # Ready for the next person in the queue.
    assert page.dossier is None
    assert page.code_edit.text() == ""
    assert not page.summary.isVisible()
    assert not page.hand_back_form.isVisible()
    assert focused() is page.code_edit
    assert ready.code in page.last_label.text()


def test_hand_back_to_an_authorised_person(qtbot, page, ready, workspace, vietnamese) -> None:
    page.load_code(ready.code)
    form = page.hand_back_form
    qtbot.mouseClick(form.authorised_radio, Qt.MouseButton.LeftButton)
    assert not form.name_edit.isReadOnly()
    assert (form.name_edit.text(), form.id_edit.text()) == ("", "")
    type_text(qtbot, form.name_edit, "Lương  Thị Hoa")
    qtbot.keyClicks(form.id_edit, "020 185 000 777")
    type_text(qtbot, form.note_edit, "Có giấy ủy quyền chứng thực")
    qtbot.mouseClick(form.confirm_button, Qt.MouseButton.LeftButton)

    done = stored(workspace, ready)
    assert done.status is Status.DONE
    assert done.collector == Collector("Lương Thị Hoa", "020185000777", authorised=True)
    assert done.history[-1].note == "Có giấy ủy quyền chứng thực"
    assert page.dossier is None
    assert "Lương Thị Hoa (người được ủy quyền, số định danh 020185000777)" in (
        page.last_label.text()
    )


def test_an_authorised_person_must_give_name_and_id(
    qtbot, page, ready, workspace, vietnamese
) -> None:
    page.load_code(ready.code)
    form = page.hand_back_form
    form.authorised_radio.setChecked(True)
    # Nothing typed yet is no mistake yet.
    assert not form.name_error.isVisible() and not form.id_error.isVisible()

    type_text(qtbot, form.name_edit, "Lương Thị Hoa")
    confirm_with_keyboard(qtbot, page)

    assert stored(workspace, ready).status is Status.RELEASING
    assert form.id_error.isVisible()
    assert form.id_error.text() == "Chưa nhập số định danh."
    assert not form.name_error.isVisible()
    assert focused() is form.id_edit
    assert page.dossier is not None  # still on screen to correct


def test_the_id_number_is_checked_as_it_is_typed(qtbot, page, ready, vietnamese) -> None:
    page.load_code(ready.code)
    form = page.hand_back_form
    form.authorised_radio.setChecked(True)

    qtbot.keyClicks(form.id_edit, "02018500")
    assert form.id_error.isVisible()
    assert form.id_error.text() == (
        "Số định danh phải gồm 12 chữ số (hoặc CMND cũ 9 chữ số): 02018500"
    )
    qtbot.keyClicks(form.id_edit, "0777")
    assert not form.id_error.isVisible()

    form.id_edit.setText("999185000777")
    assert form.id_error.text() == "Mã tỉnh 999 trong số định danh không tồn tại."
    form.id_edit.setText("020985000777")
    assert "Chữ số giới tính/thế kỷ 9" in form.id_error.text()
    # A name left empty is flagged only once the officer tries to confirm.
    assert not form.name_error.isVisible()


def test_switching_between_applicant_and_authorised_keeps_what_was_typed(
    qtbot, page, ready
) -> None:
    page.load_code(ready.code)
    form = page.hand_back_form
    form.authorised_radio.setChecked(True)
    form.name_edit.setText("Lương Thị Hoa")
    form.id_edit.setText("020185000777")

    form.applicant_radio.setChecked(True)
    assert (form.name_edit.text(), form.id_edit.text()) == ("Trần Thị Mai", "020090001234")
    assert form.name_edit.isReadOnly() and form.id_edit.isReadOnly()

    form.authorised_radio.setChecked(True)
    assert (form.name_edit.text(), form.id_edit.text()) == ("Lương Thị Hoa", "020185000777")
    assert not form.name_edit.isReadOnly()


def test_the_next_dossier_starts_afresh(qtbot, page, ready, workspace, staff) -> None:
    other = dossier_in(workspace, staff, Status.RELEASING, name="Hoàng Văn Nam")
    page.load_code(ready.code)
    form = page.hand_back_form
    form.authorised_radio.setChecked(True)
    form.name_edit.setText("Lương Thị Hoa")
    form.id_edit.setText("020185000777")
    form.note_edit.setText("Ghi chú cũ")
    form.confirm()

    page.load_code(other.code)
    assert form.applicant_radio.isChecked()
    assert (form.name_edit.text(), form.note_edit.text()) == ("Hoàng Văn Nam", "")
    form.authorised_radio.setChecked(True)
    assert form.name_edit.text() == ""


def test_the_whole_return_without_the_mouse(qtbot, page, ready, workspace) -> None:
    qtbot.keyClicks(focused(), ready.code)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    form = page.hand_back_form
    assert focused() is form.applicant_radio
    qtbot.keyClick(focused(), Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(form.authorised_radio.isChecked)  # a mnemonic animates the click
    assert focused() is form.name_edit
    type_text(qtbot, focused(), "Lương Thị Hoa")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter moves on, it does not confirm
    assert focused() is form.id_edit
    qtbot.keyClicks(focused(), "020185000777")
    confirm_with_keyboard(qtbot, page)

    assert stored(workspace, ready).collector == Collector(
        "Lương Thị Hoa", "020185000777", authorised=True
    )
    assert focused() is page.code_edit


def test_a_hand_back_refused_by_the_service_is_shown_in_the_form(
    qtbot, page, ready, workspace, staff, vietnamese
) -> None:
    page.load_code(ready.code)
    # Meanwhile a colleague hands it back at the next desk.
    workspace.dossiers.hand_back(ready.code, Collector("Trần Thị Mai", ""), user=staff, at=NOW)

    assert page.hand_back_form.confirm() is None
    error = page.hand_back_form.error_label
    assert error.isVisible()
    assert error.text() == ("Không thể trả kết quả hồ sơ đang ở trạng thái «Đã trả kết quả».")


# --- dossiers whose result cannot be handed back


def not_ready_text(page: ReturnsPage) -> tuple[str, str]:
    assert page.not_ready_box.isVisible()
    assert not page.hand_back_form.isVisible()
    assert not page.hand_back_form.confirm_button.isVisible()
    assert focused() is page.code_edit
    return page.not_ready_title.text(), page.not_ready_detail.text()


def test_a_dossier_still_processing_says_when_it_is_due(
    qtbot, page, workspace, staff, vietnamese
) -> None:
    dossier = dossier_in(workspace, staff, Status.PROCESSING)
    page.load_code(dossier.code)
    assert not_ready_text(page) == (
        "Chưa có kết quả để trả.",
        "Hồ sơ đang được giải quyết. Hẹn trả kết quả lúc 03/12/2026 10:00.",
    )


def test_a_late_dossier_says_it_is_late(qtbot, page, dossiers, vietnamese) -> None:
    page.load_code(dossiers["overdue"].code)
    _, detail = not_ready_text(page)
    assert "đã quá hạn" in detail
    assert "20/11/2026" in detail


def test_a_dossier_waiting_for_a_supplement_gives_the_reason(
    qtbot, page, workspace, staff, vietnamese
) -> None:
    dossier = dossier_in(workspace, staff, Status.WAITING)
    page.load_code(dossier.code)
    assert not_ready_text(page)[1] == (
        "Đang chờ chủ hồ sơ bổ sung giấy tờ (yêu cầu lúc 23/11/2026 12:00).\n"
        f"Lý do: {SUPPLEMENT_NOTE}"
    )


@pytest.mark.parametrize(
    ("status", "detail"),
    [
        (
            Status.DENIED,
            f"Hồ sơ đã bị từ chối tiếp nhận lúc 23/11/2026 11:00.\nLý do: {REFUSAL_NOTE}",
        ),
        (Status.CANCELLED, "Chủ hồ sơ đã rút hồ sơ lúc 23/11/2026 11:00."),
        (
            Status.UNRESOLVED,
            f"Hồ sơ đã bị dừng giải quyết lúc 23/11/2026 12:00.\nLý do: {STOP_NOTE}",
        ),
    ],
)
def test_a_closed_dossier_has_no_result_to_hand_back(
    qtbot, page, workspace, staff, vietnamese, status, detail
) -> None:
    dossier = dossier_in(workspace, staff, status)
    page.load_code(dossier.code)
    assert not_ready_text(page) == ("Hồ sơ không có kết quả để trả.", detail)


def test_a_result_already_returned_says_when_and_to_whom(
    qtbot, page, ready, workspace, staff, vietnamese
) -> None:
    workspace.dossiers.hand_back(
        ready.code,
        Collector("Lương Thị Hoa", "020185000777", authorised=True),
        user=staff,
        at=NOW - timedelta(hours=1),
    )
    page.load_code(ready.code)
    assert not_ready_text(page) == (
        "Kết quả đã được trả.",
        "Đã trả lúc 25/11/2026 09:00 cho Lương Thị Hoa (người được ủy quyền, "
        "số định danh 020185000777).",
    )


def test_the_explanation_in_english(qtbot, workspace, staff) -> None:
    dossier = dossier_in(workspace, staff, Status.PROCESSING)
    page = ReturnsPage(make_session(workspace, staff, "en"))
    qtbot.addWidget(page)
    page.load_code(dossier.code)
    assert page.not_ready_title.text() == "The result is not ready yet."
    assert (
        page.not_ready_detail.text()
        == "Still being processed. The result is due on 03/12/2026 10:00."
    )
    assert page.summary.fields["status"].text() == "Processing"


def test_coming_back_to_the_page_shows_the_dossier_as_it_is_now(
    qtbot, page, workspace, staff
) -> None:
    dossier = dossier_in(workspace, staff, Status.PROCESSING)
    page.load_code(dossier.code)
    assert not page.hand_back_form.isVisible()
    workspace.dossiers.transition(dossier.code, Action.RESOLVE, user=staff, at=NOW)

    page.activate()
    assert page.hand_back_form.isVisible()
    assert focused() is page.code_edit
