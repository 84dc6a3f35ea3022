"""The whole intake without the mouse: search, arrows, Enter, Tab, Space, Ctrl+S, Esc."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QWidget

from counter_app.domain.catalog import DocumentForm, FeeCollection
from counter_app.domain.dossier import DocumentReceived, FeeLine, Status
from tests.ui.conftest import NOW
from tests.ui.intake.conftest import choose, focused, press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def test_a_whole_intake_by_keyboard_only(qtbot, page, workspace) -> None:
    assert focused() is page.search_edit
    qtbot.keyClicks(focused(), "ly lich")
    press(qtbot, Qt.Key.Key_Return)
    assert page.procedure().code == "2.002"

    assert focused() is page.fields["full_name"]
    type_text("Nguyễn Văn An")
    press(qtbot, Qt.Key.Key_Tab)  # the organisation is hidden for a citizen
    assert focused() is page.fields["id_number"]
    qtbot.keyClicks(focused(), "020 090 001 234")
    press(qtbot, Qt.Key.Key_Tab)  # the paper, guessed from the number
    assert focused() is page.id_type_combo
    assert page.id_type_combo.currentData() == "citizen_id"
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "15/3/1990")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "0912.345.678")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "an.nguyen@example.vn")
    press(qtbot, Qt.Key.Key_Tab)
    type_text("Thôn Nà Chuông, xã Hoàng Đồng")

    press(qtbot, Qt.Key.Key_Tab)  # the one paper of the procedure, ticked already
    assert focused() is page.papers.rows[0].check
    assert page.papers.rows[0].check.isChecked()
    press(qtbot, Qt.Key.Key_Tab, times=2)  # its form, its count
    assert focused() is page.papers.rows[0].count
    press(qtbot, Qt.Key.Key_Up)  # two copies of the form
    press(qtbot, Qt.Key.Key_D, CTRL)  # a paper the catalog does not list
    type_text("Giấy ủy quyền")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Down)  # original → certified copy

    press(qtbot, Qt.Key.Key_Tab, times=3)  # count, add button, fee amount
    assert focused() is page.fees.rows[0].amount
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "2")  # two copies of the record
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.payment.method_combo  # cash, as it stays
    press(qtbot, Qt.Key.Key_Tab, times=2)  # the reference, the number of sets
    assert focused() is page.sets_spin
    qtbot.keyClicks(focused(), "2")
    press(qtbot, Qt.Key.Key_Tab, times=4)  # channel, return method, place of return, note
    type_text("Lấy kết quả qua bưu điện")

    with qtbot.waitSignal(page.sig_saved) as saved:
        press(qtbot, Qt.Key.Key_S, CTRL)
    code = saved.args[0].code
    stored = workspace.dossiers.get(code)

    assert re.fullmatch(r"000\.00\.06\.H37-261125-\d{4}", code)
    assert stored.status is Status.NEW
    assert stored.procedure_code == "2.002"
    assert stored.applicant.full_name == "Nguyễn Văn An"
    assert stored.applicant.id_number == "020090001234"
    assert stored.applicant.birth_date == date(1990, 3, 15)
    assert stored.applicant.phone == "0912345678"
    assert stored.applicant.email == "an.nguyen@example.vn"
    assert stored.applicant.address == "Thôn Nà Chuông, xã Hoàng Đồng"
    assert stored.documents == [
        DocumentReceived("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", DocumentForm.ORIGINAL, 2),
        DocumentReceived("Giấy ủy quyền", DocumentForm.CERTIFIED_COPY, 1),
    ]
    assert stored.fees == [FeeLine("Phí cấp phiếu", 200_000, 2, FeeCollection.BEFORE)]
    assert stored.sets == 2
    assert stored.note == "Lấy kết quả qua bưu điện"
    assert stored.received_at == NOW
    assert stored.due_at == workspace.intake.due_at(workspace.catalog.procedure("2.002"), NOW)
    assert stored.received_by == "lan"


def test_arrows_move_in_the_results_and_enter_chooses(qtbot, page) -> None:
    # Empty search: every procedure, in name order (Cấp…, Chứng…, Đăng…).
    assert [page.results.procedure(r).code for r in range(3)] == ["2.002", "1.001", "1.004"]
    press(qtbot, Qt.Key.Key_Down, times=5)  # stops at the last one
    press(qtbot, Qt.Key.Key_Up)
    assert page.results_view.currentIndex().row() == 1
    assert focused() is page.search_edit  # the cursor never left the search
    press(qtbot, Qt.Key.Key_Return)
    assert page.procedure().code == "1.001"
    assert page.procedure_name_label.text() == "Chứng thực bản sao từ bản chính"


def test_ctrl_enter_saves_too(qtbot, page, workspace) -> None:
    choose(qtbot, page, "1.004")
    type_text("Lò Văn Sáng")
    with qtbot.waitSignal(page.sig_saved) as saved:
        press(qtbot, Qt.Key.Key_Return, CTRL)
    assert workspace.dossiers.get(saved.args[0].code).applicant.full_name == "Lò Văn Sáng"


def test_tab_follows_the_screen_from_top_to_bottom(qtbot, page) -> None:
    choose(qtbot, page, "chung thuc")
    page.activate()
    visited: list[QWidget] = [focused()]
    for _ in range(26):
        press(qtbot, Qt.Key.Key_Tab)
        visited.append(focused())
    paper_widgets = [w for row in page.papers.rows for w in (row.check, row.form, row.count)]
    fee = page.fees.rows[0]
    expected = [
        page.search_edit,
        page.type_combo,
        page.fields["full_name"],
        page.fields["id_number"],
        page.id_type_combo,
        page.fields["birth_date"],
        page.fields["phone"],
        page.fields["email"],
        page.fields["address"],
        *paper_widgets,
        page.papers.add_button,
        fee.amount,
        fee.quantity,
        page.payment.method_combo,
        page.payment.reference_edit,
        page.sets_spin,
        page.channel_combo,
        page.return_combo,
        page.return_at_combo,
        page.note_edit,
        page.clear_button,
        page.save_button,
    ]
    assert visited == expected[: len(visited)]
    assert len(visited) == len(expected)


def mnemonics(page) -> dict[str, QWidget]:
    found: dict[str, QWidget] = {}
    for label in page.findChildren(QLabel):
        match = re.search(r"&(\w)", label.text())
        if match and label.buddy() is not None:
            letter = match.group(1).lower()
            assert letter not in found, f"Alt+{letter} twice: {label.text()}"
            found[letter] = label.buddy()
    for box in page.findChildren(QGroupBox):
        match = re.search(r"&(\w)", box.title())
        if match:
            letter = match.group(1).lower()
            assert letter not in found, f"Alt+{letter} twice: {box.title()}"
            found[letter] = box
    return found


def test_alt_letters_are_unique_and_lead_to_their_field(qtbot, page) -> None:
    found = mnemonics(page)
    assert len(found) == 18
    assert found["h"] is page.fields["full_name"]  # &Họ và tên
    assert found["q"] is page.return_at_combo  # Đăng ký nhận kết &quả tại
    assert found["b"] is page.payment.method_combo  # Nộp &bằng
    press(qtbot, Qt.Key.Key_H, ALT)
    assert focused() is page.fields["full_name"]
    press(qtbot, Qt.Key.Key_T, ALT)  # &Thủ tục
    assert focused() is page.search_edit


def test_alt_letters_are_unique_in_english_too(page_en) -> None:
    found = mnemonics(page_en)
    assert len(found) == 18
    assert found["n"] is page_en.fields["full_name"]  # Full &name
    assert found["g"] is page_en.return_at_combo  # Result &given at
    assert found["d"] is page_en.payment.method_combo  # Pai&d by


def test_shortcuts_are_written_on_the_buttons(page) -> None:
    assert page.save_button.text() == "Lưu (Ctrl+S)"
    assert page.clear_button.text() == "Nhập mới (Esc)"
    assert page.papers.add_button.text() == "Thêm giấy tờ (Ctrl+D)"


def test_shortcuts_are_written_on_the_buttons_in_english(page_en) -> None:
    assert page_en.save_button.text() == "Save (Ctrl+S)"
    assert page_en.clear_button.text() == "New dossier (Esc)"
    assert page_en.papers.add_button.text() == "Add a paper (Ctrl+D)"


def test_space_unticks_a_paper_and_only_ticked_ones_are_saved(qtbot, page, workspace) -> None:
    choose(qtbot, page, "chung thuc")
    type_text("Hà Thị Thu")
    page.papers.rows[1].check.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert not page.papers.rows[1].check.isChecked()
    with qtbot.waitSignal(page.sig_saved) as saved:
        press(qtbot, Qt.Key.Key_S, CTRL)
    documents = workspace.dossiers.get(saved.args[0].code).documents
    assert [d.name for d in documents] == ["Bản chính giấy tờ cần chứng thực"]


def test_ctrl_shift_d_removes_the_paper_with_the_cursor(qtbot, page) -> None:
    choose(qtbot, page, "chung thuc")
    first, second = page.papers.rows
    second.form.setFocus()
    press(qtbot, Qt.Key.Key_D, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert page.papers.rows == [first]
    assert focused() is first.check
    press(qtbot, Qt.Key.Key_D, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert page.papers.rows == []
    assert focused() is page.papers.add_button
