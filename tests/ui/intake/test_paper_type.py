"""The paper-type choice next to the number: guessed as the officer types, kept once the
officer picks one, set to citizen ID by a scanned card; saved with the dossier."""

from __future__ import annotations

from PySide6.QtCore import Qt

from counter_app.domain.citizen_id import parse_citizen_qr
from counter_app.domain.identity_papers import IdType
from tests.ui.intake.conftest import choose, press, type_text

CARD = "020190001234||Trần Thị Bích Ngọc|15031990|Nữ|Thôn Nà Chuông, Lạng Sơn|01012021"


def type_number(qtbot, page, text: str) -> None:  # type: ignore[no-untyped-def]
    edit = page.fields["id_number"]
    edit.clear()
    qtbot.keyClicks(edit, text)


def test_the_paper_follows_the_number_as_it_is_typed(qtbot, page) -> None:
    assert page.paper_type() is IdType.CITIZEN_ID
    assert page.id_type_combo.currentText() == "CCCD/số định danh"
    for typed, paper in (
        ("012345678", IdType.OLD_ID),
        ("0101234567", IdType.ENTERPRISE_CODE),
        ("C1234567", IdType.PASSPORT),
        ("020090001234", IdType.CITIZEN_ID),
    ):
        type_number(qtbot, page, typed)
        assert page.paper_type() is paper, typed


def test_a_chosen_paper_stays_and_its_rule_is_shown(qtbot, page) -> None:
    page.id_type_combo.setFocus()
    index = page.id_type_combo.findData(IdType.FOREIGN_ID.value)
    page.id_type_combo.setCurrentIndex(index)
    page.id_type_combo.activated.emit(index)  # what a pick by the officer sends
    type_number(qtbot, page, "012345678")
    assert page.paper_type() is IdType.FOREIGN_ID
    assert page.applicant().id_type is IdType.FOREIGN_ID
    type_number(qtbot, page, "AB")
    page.validate()
    assert "người nước ngoài" in page.messages["id_number"].text()


def test_an_old_id_is_saved_with_a_warning_under_the_number(qtbot, page, workspace) -> None:
    choose(qtbot, page, "1.004")
    type_text("Lò Văn Sáng")
    type_number(qtbot, page, "012.345.678")
    page.validate()
    assert "CMND 9 số đã hết giá trị sử dụng" in page.messages["id_number"].text()
    with qtbot.waitSignal(page.sig_saved) as saved:
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    applicant = workspace.dossiers.get(saved.args[0].code).applicant
    assert (applicant.id_number, applicant.paper_type) == ("012345678", IdType.OLD_ID)


def test_a_scanned_card_sets_citizen_id_and_a_new_form_guesses_again(qtbot, page) -> None:
    index = page.id_type_combo.findData(IdType.PASSPORT.value)
    page.id_type_combo.setCurrentIndex(index)
    page.id_type_combo.activated.emit(index)
    page.fill_applicant(parse_citizen_qr(CARD))
    assert page.paper_type() is IdType.CITIZEN_ID
    page.clear_form()
    type_number(qtbot, page, "0101234567")
    assert page.paper_type() is IdType.ENTERPRISE_CODE
