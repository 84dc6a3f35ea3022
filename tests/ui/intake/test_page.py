"""The rest of the desk's day: a scanned ID card, the live due time, the saved code read out,
a fresh form for the next citizen, and a page that fits a 1366×768 screen."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from counter_app.domain.citizen_id import parse_citizen_qr
from counter_app.ui.intake import page as intake_page
from counter_app.ui.intake.page import DUE_REFRESH_MS, SAVED_VISIBLE_MS
from counter_app.ui.intake.procedure_list import ProcedureListModel, ProcedureRole
from counter_app.ui.intake.values import due_text
from tests.ui.conftest import NOW, make_session
from tests.ui.intake.conftest import HEIGHT, WIDTH, choose, focused, press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
# Born 1991 and a woman, but the number says a man born in 1990: two warnings.
MISREAD = "020090001234|123456789|TRẦN THỊ BÍCH NGỌC|15031991|Nữ|Thôn Nà Chuông, Lạng Sơn|01012021"
GOOD = "020190001234||Trần Thị Bích Ngọc|15031990|Nữ|Thôn Nà Chuông, Lạng Sơn|01012021"


def test_the_results_model_passes_the_model_tester(qtmodeltester, workspace) -> None:
    model = ProcedureListModel("vi")
    model.set_procedures(workspace.catalog.search(""), workspace.catalog.agencies())
    qtmodeltester.check(model)
    index = model.index(1, 0)
    assert model.data(index, ProcedureRole).code == "1.001"
    assert model.data(index) == "Chứng thực bản sao từ bản chính  ·  1.001"
    assert "UBND xã Hoàng Đồng" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    model.set_procedures([], {})
    qtmodeltester.check(model)


def test_a_scanned_card_fills_the_applicant_and_shows_its_warnings(qtbot, page) -> None:
    card = parse_citizen_qr(MISREAD)
    with qtbot.waitSignal(page._session.messages.sig_info) as info:
        page.fill_applicant(card)

    assert page.fields["full_name"].text() == "TRẦN THỊ BÍCH NGỌC"
    assert page.fields["id_number"].text() == "020090001234"
    assert page.fields["birth_date"].text() == "15/03/1991"
    assert page.fields["address"].text() == "Thôn Nà Chuông, Lạng Sơn"
    assert info.args == ["Đã đọc thẻ căn cước: TRẦN THỊ BÍCH NGỌC"]
    assert page.card_banner.isVisible()
    shown = page.card_warning_label.text()
    for warning in card.warnings:
        assert warning.message("vi") in shown
    assert "Giới tính không khớp với số định danh" in shown
    assert focused() is page.search_edit  # no procedure yet: that comes next

    choose(qtbot, page, "ly lich")  # and nothing is blocked
    assert focused() is page.fields["phone"]  # the first field the card left empty
    with qtbot.waitSignal(page.sig_saved):
        press(qtbot, Qt.Key.Key_S, CTRL)


def test_card_warnings_in_english_and_gone_once_the_number_is_corrected(qtbot, page_en) -> None:
    page_en.fill_applicant(parse_citizen_qr(MISREAD))
    assert "Birth year 1991 does not match" in page_en.card_warning_label.text()
    page_en.fields["id_number"].setText("020191001234")  # the digits the officer reads
    page_en.validate()
    assert not page_en.card_banner.isVisible()


def test_a_good_card_shows_no_warning(qtbot, page) -> None:
    page.fill_applicant(parse_citizen_qr(GOOD))
    assert not page.card_banner.isVisible()
    assert page.messages["id_number"].text() == ""


def test_the_due_time_follows_the_procedure(qtbot, page, workspace) -> None:
    assert page.due_label.text() == "hãy chọn thủ tục trước"
    choose(qtbot, page, "chung thuc")  # same day, received at 10:00 on Wednesday
    assert page.due_label.text() == "17 giờ 00 phút, Thứ Tư, ngày 25/11/2026"
    choose(qtbot, page, "ly lich")  # 10 days: Saturday 05/12, so Monday
    assert page.due_label.text() == "10 giờ 00 phút, Thứ Hai, ngày 07/12/2026"
    procedure = workspace.catalog.procedure("2.002")
    assert page.due_label.text() == due_text(workspace.intake.due_at(procedure, NOW))


def test_the_due_time_keeps_up_with_the_clock(qtbot, open_page, workspace, staff, vietnamese):
    now = [NOW]
    session = make_session(workspace, staff)
    page = open_page("vi", session=type(session)(workspace, staff, "vi", clock=lambda: now[0]))
    choose(qtbot, page, "chung thuc")  # same day, unless received after 15:00
    assert page.due_label.text() == "17 giờ 00 phút, Thứ Tư, ngày 25/11/2026"
    assert page.due_timer.isActive()
    assert page.due_timer.interval() == DUE_REFRESH_MS == 30_000
    now[0] = NOW.replace(hour=15, minute=5)
    page.due_timer.timeout.emit()
    assert page.due_label.text() == "17 giờ 00 phút, Thứ Năm, ngày 26/11/2026"


def test_due_time_in_english(qtbot, page_en) -> None:
    choose(qtbot, page_en, "chung thuc")
    assert page_en.due_label.text() == "17:00, Wednesday 25/11/2026"
    assert page_en.facts["duration"].text() == "Same day (after 15:00: next working day)"


def test_after_saving_the_code_is_shown_and_the_form_is_fresh(qtbot, page, workspace) -> None:
    choose(qtbot, page, "chung thuc")
    type_text("Nông Văn Dền")
    page.note_edit.setText("Khách VIP")
    page.sets_spin.setValue(3)
    infos: list[str] = []
    page._session.messages.sig_info.connect(infos.append)
    with qtbot.waitSignal(page.sig_saved) as saved:
        press(qtbot, Qt.Key.Key_S, CTRL)

    dossier = saved.args[0]
    assert workspace.dossiers.get(dossier.code).applicant.full_name == "Nông Văn Dền"
    assert infos == [f"Đã lưu: {dossier.code}"]
    assert page.saved_frame.isVisible()
    assert page.saved_code_label.text() == dossier.code
    flags = page.saved_code_label.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    assert page.saved_code_label.font().pointSizeF() > page.font().pointSizeF() * 1.4
    assert "17 giờ 00 phút" in page.saved_due_label.text()

    assert focused() is page.search_edit
    assert page.search_edit.text() == ""
    assert page.procedure() is None
    assert all(edit.text() == "" for edit in page.fields.values())
    assert page.papers.rows == [] and page.fees.rows == []
    assert page.sets_spin.value() == 1 and page.note_edit.text() == ""
    assert all(label.text() == "" for label in page.messages.values())
    assert not page.problem_label.isVisible()

    qtbot.wait(VALIDATE_SETTLE_MS)  # leaving the field did not scold the new form
    assert all(label.text() == "" for label in page.messages.values())
    page._saved_timer.timeout.emit()
    assert not page.saved_frame.isVisible()
    assert page._saved_timer.interval() == SAVED_VISIBLE_MS


VALIDATE_SETTLE_MS = intake_page.VALIDATE_DELAY_MS * 2


def test_esc_clears_a_form_with_nothing_typed_without_asking(qtbot, page, never_asked) -> None:
    choose(qtbot, page, "chung thuc")
    press(qtbot, Qt.Key.Key_Escape)
    assert page.procedure() is None
    assert page.search_edit.text() == ""
    assert focused() is page.search_edit


@pytest.mark.parametrize("confirmed", [True, False])
def test_esc_asks_before_losing_what_was_typed(qtbot, page, monkeypatch, confirmed) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(
        intake_page, "confirm_clear", lambda parent: asked.append(True) or confirmed
    )
    choose(qtbot, page, "chung thuc")
    type_text("Mã Thị Lan")
    press(qtbot, Qt.Key.Key_Escape)
    assert asked == [True]
    assert (page.fields["full_name"].text() == "") is confirmed
    assert (page.procedure() is None) is confirmed


def test_ctrl_n_clears_too(qtbot, page, never_asked) -> None:
    choose(qtbot, page, "ly lich")
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert page.procedure() is None


def test_typing_a_new_search_gives_up_the_chosen_procedure(qtbot, page) -> None:
    choose(qtbot, page, "chung thuc")
    assert len(page.papers.rows) == 2
    page.activate()
    qtbot.keyClicks(focused(), "dang ky")
    assert page.procedure() is None  # what is saved is always what the panel shows
    assert page.papers.rows == []
    assert page.due_label.text() == "hãy chọn thủ tục trước"
    assert page.results.procedure(0).code == "1.004"


def test_the_search_finds_by_code_and_without_diacritics(qtbot, page) -> None:
    qtbot.keyClicks(page.search_edit, "dang ky thanh lap")
    assert [page.results.procedure(r).code for r in range(page.results.rowCount())] == ["1.004"]
    assert page.results_label.text() == "Tìm thấy 1 thủ tục. ↑ ↓ để di chuyển, Enter để chọn."
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "2.00")
    assert page.results.procedure(0).code == "2.002"
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "khong co")
    assert page.results.rowCount() == 0
    press(qtbot, Qt.Key.Key_Return)  # nothing to choose: nothing happens
    assert page.procedure() is None


def test_fees_show_their_totals_and_are_saved_as_edited(qtbot, page) -> None:
    choose(qtbot, page, "chung thuc")
    type_text("Bế Văn Đàn")
    fee = page.fees.rows[0]
    assert fee.amount.text() == "2.000 đ"
    fee.quantity.setValue(5)
    assert fee.total_label.text() == "10.000 đ"
    assert page.fees.total_label.text() == "Tổng cộng: 10.000 đ"
    assert page.total_label.text() == "Phí, lệ phí: 10.000 đ"
    fee.amount.setValue(200_000)
    assert page.total_label.text() == "Phí, lệ phí: 1.000.000 đ"
    with qtbot.waitSignal(page.sig_saved) as saved:
        press(qtbot, Qt.Key.Key_S, CTRL)
    assert [(f.amount, f.quantity) for f in saved.args[0].fees] == [(200_000, 5)]


def test_the_chosen_procedure_shows_agency_time_papers_and_fees(qtbot, page) -> None:
    choose(qtbot, page, "chung thuc")
    assert page.facts["agency"].text() == "UBND xã Hoàng Đồng (000.00.06.H37)"
    assert page.facts["duration"].text() == "Trong ngày (nhận sau 15:00: ngày làm việc kế tiếp)"
    names = [row.name_label.text() for row in page.papers.rows]
    assert names == ["Bản chính giấy tờ cần chứng thực", "Bản sao cần chứng thực"]
    assert [row.form.currentText() for row in page.papers.rows] == ["Bản chính", "Bản chụp"]
    assert [row.count.value() for row in page.papers.rows] == [1, 2]
    assert "Lệ phí chứng thực" in page.fees.rows[0].name_label.text()
    assert "mỗi trang" in page.fees.rows[0].name_label.text()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_everything_fits_a_1366_by_768_screen(qtbot, open_page, vietnamese, lang) -> None:
    page = open_page(lang)
    page.fill_applicant(parse_citizen_qr(MISREAD))
    choose(qtbot, page, "chung thuc")
    page.add_paper()
    qtbot.wait(50)
    assert page.size().width() == WIDTH and page.size().height() == HEIGHT
    assert not page.scroll_area.horizontalScrollBar().isVisible()
    content = page.scroll_area.widget()
    assert content.minimumSizeHint().width() <= page.scroll_area.viewport().width()
    for button in (page.save_button, page.clear_button):  # always in sight, never scrolled
        assert button.isVisible()
        top_left = button.mapTo(page, button.rect().topLeft())
        assert page.rect().contains(top_left)
        assert button.width() >= button.sizeHint().width()
    # Tabbing to the last field scrolls it into view.
    page.note_edit.setFocus()
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, Qt.Key.Key_Tab)
    viewport = page.scroll_area.viewport()
    corner = page.note_edit.mapTo(viewport, page.note_edit.rect().bottomLeft())
    assert viewport.rect().contains(corner)


def test_the_clock_of_the_session_is_the_received_time(qtbot, page, workspace) -> None:
    choose(qtbot, page, "ho kinh doanh")
    type_text("Hứa Văn Tài")
    with qtbot.waitSignal(page.sig_saved) as saved:
        press(qtbot, Qt.Key.Key_S, CTRL)
    stored = workspace.dossiers.get(saved.args[0].code)
    assert stored.received_at == NOW
    assert stored.due_at == datetime(2026, 11, 30, 10, 0, tzinfo=NOW.tzinfo)  # 3 working days
    assert stored.due_at - stored.received_at == timedelta(days=5)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Escape])
def test_the_question_before_clearing_answers_to_enter_and_esc(qtbot, page, key) -> None:
    """Enter and Esc both keep the form: the safe answer is the default (issue 13)."""
    choose(qtbot, page, "chung thuc")
    type_text("Vy Thị Duyên")
    answered: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        answered.append(box.text())
        box.activateWindow()
        qtbot.waitUntil(box.isActiveWindow)
        qtbot.keyClick(QApplication.focusWidget(), key)

    QTimer.singleShot(0, answer)
    press(qtbot, Qt.Key.Key_Escape)
    assert answered == ["Xóa các thông tin đã nhập để bắt đầu hồ sơ mới?"]
    assert page.fields["full_name"].text() == "Vy Thị Duyên"


def test_a_card_scanned_for_a_business_keeps_its_organisation(qtbot, page) -> None:
    page.type_combo.setCurrentIndex(1)  # Business
    page.fields["organisation"].setText("Công ty TNHH Mẫu Sơn")
    page.fill_applicant(parse_citizen_qr(GOOD))
    assert page.applicant().organisation == "Công ty TNHH Mẫu Sơn"
    assert page.applicant().full_name == "Trần Thị Bích Ngọc"
