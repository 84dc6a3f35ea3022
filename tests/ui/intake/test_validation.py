"""Each field says what is wrong with it as the officer types, in the session's language;
a refused save marks every field and puts the cursor on the first."""

from __future__ import annotations

import unicodedata
from datetime import date

from PySide6.QtCore import Qt

from counter_app.domain.errors import CounterError
from counter_app.ui.intake.page import VALIDATE_DELAY_MS
from tests.ui.intake.conftest import choose, focused, press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
WAIT = VALIDATE_DELAY_MS * 10


def message(page, key: str) -> str:
    return page.messages[key].text()


def test_a_wrong_id_number_is_named_as_it_is_typed(qtbot, page) -> None:
    page.fields["id_number"].setFocus()
    qtbot.keyClicks(focused(), "0200")
    expected = "Số định danh phải gồm 12 chữ số (hoặc CMND cũ 9 chữ số): 0200"
    qtbot.waitUntil(lambda: message(page, "id_number") == expected, timeout=WAIT)
    assert focused() is page.fields["id_number"]  # the message does not take the cursor

    qtbot.keyClicks(focused(), "90001234")
    qtbot.waitUntil(lambda: message(page, "id_number") == "", timeout=WAIT)


def test_messages_come_in_english_for_an_english_session(qtbot, page_en) -> None:
    page_en.fields["phone"].setFocus()
    qtbot.keyClicks(focused(), "0912")
    expected = "The phone number is not valid: 0912 (for example 0912345678)."
    qtbot.waitUntil(lambda: message(page_en, "phone") == expected, timeout=WAIT)
    page_en.fields["email"].setFocus()
    qtbot.keyClicks(focused(), "an@")
    qtbot.waitUntil(
        lambda: message(page_en, "email") == "The e-mail address is not valid: an@",
        timeout=WAIT,
    )


def test_a_required_field_speaks_only_once_the_officer_has_tried_to_save(qtbot, page) -> None:
    """Going through an empty field is no mistake (the officer may fill it later): no
    "required" before a save has been tried."""
    page.validate()
    assert message(page, "full_name") == ""  # an untouched form is not scolded
    page.fields["full_name"].setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.wait(VALIDATE_DELAY_MS * 2)
    assert message(page, "full_name") == ""
    with qtbot.assertNotEmitted(page.sig_saved):
        press(qtbot, Qt.Key.Key_S, CTRL)
    assert message(page, "full_name") == "Chưa nhập họ và tên."
    page.fields["full_name"].setFocus()
    type_text("Vi Thị Hoa")
    qtbot.waitUntil(lambda: message(page, "full_name") == "", timeout=WAIT)


def test_the_birth_date_is_read_as_typed_and_checked(qtbot, page) -> None:
    birth = page.fields["birth_date"]
    birth.setFocus()
    qtbot.keyClicks(birth, "31/02/1990")
    qtbot.waitUntil(
        lambda: message(page, "birth_date") == "Ngày sinh không hợp lệ: 31/02/1990", timeout=WAIT
    )
    birth.clear()
    qtbot.keyClicks(birth, "5.3.1990")
    press(qtbot, Qt.Key.Key_Tab)
    assert birth.text() == "05/03/1990"  # written back the one way
    assert message(page, "birth_date") == ""
    assert page.applicant().birth_date == date(1990, 3, 5)
    birth.setText("01/01/2027")  # the session's today is 25/11/2026
    page.validate()
    assert message(page, "birth_date") == "Ngày sinh không thể ở tương lai."


def test_an_invalid_id_number_blocks_saving_and_is_shown_by_its_field(
    qtbot, page, workspace, errors
) -> None:
    choose(qtbot, page, "ly lich")
    type_text("Hoàng Văn Tư")
    page.fields["id_number"].setText("12345")
    page.fields["address"].setFocus()

    with qtbot.assertNotEmitted(page.sig_saved):
        press(qtbot, Qt.Key.Key_S, CTRL)

    assert message(page, "id_number") == (
        "Số định danh phải gồm 12 chữ số (hoặc CMND cũ 9 chữ số): 12345"
    )
    assert focused() is page.fields["id_number"]
    assert page.problem_label.isVisible()
    assert page.problem_label.text().startswith("Chưa lưu")
    assert errors == []  # named by its field, not in a dialog
    assert workspace.dossiers.outbox_size() == 0
    assert page.procedure() is not None  # nothing the officer entered is lost
    assert page.fields["full_name"].text() == "Hoàng Văn Tư"


def test_saving_an_empty_form_names_every_required_field(qtbot, page) -> None:
    with qtbot.assertNotEmitted(page.sig_saved):
        press(qtbot, Qt.Key.Key_S, CTRL)
    assert message(page, "procedure") == "Chưa nhập thủ tục."
    assert message(page, "full_name") == "Chưa nhập họ và tên."
    assert focused() is page.search_edit


def test_a_business_must_name_its_organisation(qtbot, page) -> None:
    choose(qtbot, page, "ho kinh doanh")
    assert not page.fields["organisation"].isVisible()
    page.type_combo.setFocus()
    press(qtbot, Qt.Key.Key_Down)  # Citizen → Business
    assert page.fields["organisation"].isVisible()
    page.fields["full_name"].setText("Lý Văn Bình")
    with qtbot.assertNotEmitted(page.sig_saved):
        press(qtbot, Qt.Key.Key_S, CTRL)
    assert message(page, "organisation") == "Chưa nhập tên tổ chức."
    assert focused() is page.fields["organisation"]
    type_text("Hộ kinh doanh Bình An")
    with qtbot.waitSignal(page.sig_saved) as saved:
        press(qtbot, Qt.Key.Key_S, CTRL)
    assert saved.args[0].applicant.organisation == "Hộ kinh doanh Bình An"


def test_an_added_paper_needs_a_name(qtbot, page) -> None:
    choose(qtbot, page, "ly lich")
    type_text("Đinh Thị Mơ")
    press(qtbot, Qt.Key.Key_D, CTRL)
    with qtbot.assertNotEmitted(page.sig_saved):
        press(qtbot, Qt.Key.Key_S, CTRL)
    assert message(page, "documents") == "Chưa nhập tên giấy tờ."
    assert focused() is page.papers.rows[1].name_edit


def test_text_is_stored_in_nfc_whatever_the_input_method_sends(qtbot, page) -> None:
    choose(qtbot, page, "1.004")
    decomposed = unicodedata.normalize("NFD", "Nguyễn  Thị Ánh ")
    type_text(decomposed)
    with qtbot.waitSignal(page.sig_saved) as saved:
        press(qtbot, Qt.Key.Key_S, CTRL)
    assert saved.args[0].applicant.full_name == "Nguyễn Thị Ánh"
    assert unicodedata.is_normalized("NFC", saved.args[0].applicant.full_name)


def test_a_refusal_of_the_service_is_shown_in_a_dialog(qtbot, page, workspace, errors) -> None:
    from counter_app.domain.catalog_file import catalog_from_json
    from tests.ui.conftest import CATALOG

    choose(qtbot, page, "1.004")
    type_text("Lục Văn Nam")
    stopped = {**CATALOG, "procedures": [{**p, "active": False} for p in CATALOG["procedures"]]}
    workspace.catalog.import_catalog(catalog_from_json(stopped))  # withdrawn meanwhile
    with qtbot.assertNotEmitted(page.sig_saved):
        press(qtbot, Qt.Key.Key_S, CTRL)
    assert errors == [CounterError("procedure.inactive", code="1.004").message("vi")]
