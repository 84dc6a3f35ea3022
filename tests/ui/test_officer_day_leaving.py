"""Leaving a half-filled form (issue 13): closing the window, signing out and a scanned ID card
over a typed applicant ask first; the safe answer is the default of every such question; after
a sign-out the next officer signs in on the sign-in window and finds nothing of the one before.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from counter_app.domain.citizen_id import parse_citizen_qr
from counter_app.ui import app as app_module
from counter_app.ui.intake import page as intake_page
from counter_app.ui.intake.page import IntakePage
from counter_app.ui.login import LoginDialog
from counter_app.ui.main_window import SIGN_OUT_KEYS, MainWindow
from counter_app.ui.navigation import PageKey
from tests.ui.conftest import PASSWORD, make_session
from tests.ui.intake.test_closing import answer

CARD = "020190001234||Trần Thị Bích Ngọc|15031990|Nữ|Thôn Nà Chuông, Lạng Sơn|01012021"


def open_window(qtbot, workspace, user, lang: str = "vi") -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(make_session(workspace, user, lang))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def intake_of(window: MainWindow) -> IntakePage:
    page = window.page(PageKey.INTAKE)
    assert isinstance(page, IntakePage)
    return page


def half_fill(workspace, intake: IntakePage) -> None:  # type: ignore[no-untyped-def]
    (procedure,) = workspace.catalog.search("chung thuc", limit=1)
    intake.choose(procedure)
    intake.fields["full_name"].setText("Vy Thị Duyên")


def scripted(monkeypatch, question: str, *answers: bool) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    """Replace one of the intake page's questions by these answers; what it was asked (all
    but the parent) is listed."""
    asked: list[tuple[object, ...]] = []
    given = iter(answers)
    monkeypatch.setattr(
        intake_page, question, lambda _parent, *args: asked.append(args) or next(given)
    )
    return asked


def test_closing_with_a_half_filled_form_asks_and_enter_or_esc_stays(
    qtbot, workspace, staff, vietnamese
) -> None:
    window = open_window(qtbot, workspace, staff)
    intake = intake_of(window)
    half_fill(workspace, intake)
    seen: list[QMessageBox] = []
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Escape):
        answer(qtbot, seen, key)
        assert not window.close()  # Alt+F4 and the title bar's button close the same way
        assert window.isVisible() and intake.fields["full_name"].text() == "Vy Thị Duyên"
    first = seen[0]
    assert first.defaultButton().text() == "Ở lại"
    assert first.escapeButton() is first.defaultButton()
    assert "chưa được lưu" in first.text()
    assert [b.text() for b in first.buttons() if b is not first.defaultButton()] == ["Đóng cửa sổ"]
    intake.clear_form()  # the window closes quietly once the test is done


def test_closing_asks_once_and_goes_when_told(qtbot, workspace, staff, monkeypatch) -> None:
    window = open_window(qtbot, workspace, staff, "en")
    half_fill(workspace, intake_of(window))
    asked = scripted(monkeypatch, "confirm_leave_unsaved", True)
    assert window.close()
    assert asked == [("Close the window",)]


def test_every_destructive_question_defaults_to_the_safe_answer(qtbot, vietnamese) -> None:
    """The intake's questions, the scan panel's and the conflicts' go through notify.ask."""
    from counter_app.ui.intake.page import (
        confirm_clear,
        confirm_discard_scans,
        confirm_leave_with_scans,
        confirm_replace_applicant,
    )
    from counter_app.ui.sync.conflicts import confirm_resolution

    questions = [
        (lambda: confirm_clear(None), "Tiếp tục nhập"),
        (lambda: confirm_discard_scans(None, 2), "Tiếp tục nhập"),
        (lambda: confirm_leave_with_scans(None, 2, "Đăng xuất"), "Ở lại"),
        (lambda: confirm_replace_applicant(None, "An", "Bình"), "Giữ thông tin đã nhập"),
        (lambda: confirm_resolution(None, "T", "?", "Giữ bản trung tâm"), "Hủy"),
    ]
    for ask, safe in questions:
        seen: list[QMessageBox] = []
        answer(qtbot, seen, Qt.Key.Key_Return)
        assert ask() is False
        (box,) = seen
        assert box.defaultButton().text() == safe, box.text()


def test_enter_in_the_question_before_clearing_keeps_the_form(
    qtbot, workspace, staff, vietnamese
) -> None:
    window = open_window(qtbot, workspace, staff)
    intake = intake_of(window)
    half_fill(workspace, intake)
    seen: list[QMessageBox] = []
    answer(qtbot, seen, Qt.Key.Key_Return)
    intake.request_clear()  # Esc
    assert len(seen) == 1 and intake.fields["full_name"].text() == "Vy Thị Duyên"
    intake.clear_form()


# --- a scanned ID card over a typed applicant


def test_a_card_over_a_typed_applicant_asks_before_replacing(
    qtbot, workspace, staff, monkeypatch
) -> None:
    window = open_window(qtbot, workspace, staff, "en")
    intake = intake_of(window)
    half_fill(workspace, intake)
    intake.fields["phone"].setText("0912345678")
    asked = scripted(monkeypatch, "confirm_replace_applicant", False, True)
    card = parse_citizen_qr(CARD)
    intake.fill_applicant(card)
    assert asked == [("Vy Thị Duyên", "Trần Thị Bích Ngọc")]
    assert intake.fields["full_name"].text() == "Vy Thị Duyên"  # kept
    intake.fill_applicant(card)
    assert len(asked) == 2
    assert intake.fields["full_name"].text() == "Trần Thị Bích Ngọc"
    assert intake.fields["phone"].text() == "0912345678"  # what the card does not hold stays
    intake.fill_applicant(card)  # the same card again: nothing typed by hand is lost
    assert len(asked) == 2
    intake.clear_form()


def test_a_card_on_an_empty_or_scanned_applicant_does_not_ask(
    qtbot, workspace, staff, monkeypatch
) -> None:
    window = open_window(qtbot, workspace, staff, "en")
    intake = intake_of(window)

    def fail(parent, typed, card):  # type: ignore[no-untyped-def]
        raise AssertionError("asked with nothing typed by hand")

    monkeypatch.setattr(intake_page, "confirm_replace_applicant", fail)
    intake.fill_applicant(parse_citizen_qr(CARD))
    other = CARD.replace("020190001234", "020190004321").replace("Bích Ngọc", "Thu Hà")
    intake.fill_applicant(parse_citizen_qr(other))  # the card before was the wrong one
    assert intake.fields["full_name"].text() == "Trần Thị Thu Hà"
    intake.clear_form()


# --- signing out


def test_sign_out_asks_about_a_half_filled_form_first(qtbot, workspace, staff, monkeypatch) -> None:
    window = open_window(qtbot, workspace, staff, "en")
    half_fill(workspace, intake_of(window))
    asked = scripted(monkeypatch, "confirm_leave_unsaved", False, True)
    qtbot.keyClick(
        window,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert asked == [("Sign out",)] and window.isVisible() and not window.signing_out
    qtbot.mouseClick(window.header.sign_out_button, Qt.MouseButton.LeftButton)
    assert asked == [("Sign out",), ("Sign out",)]
    assert not window.isVisible() and window.signing_out
    assert SIGN_OUT_KEYS == "Ctrl+Shift+L"


def test_the_next_officer_signs_in_and_finds_nothing_of_the_one_before(
    qtbot, qapp, workspace, staff, supervisor, monkeypatch, shown, app_state
) -> None:
    officers = iter([staff, supervisor, None])
    sign_ins: list[LoginDialog] = []

    def sign_in(self: LoginDialog) -> int:
        sign_ins.append(self)
        self.user = next(officers)
        return QDialog.DialogCode.Accepted if self.user else QDialog.DialogCode.Rejected

    windows: list[MainWindow] = []
    officers_seen: list[str] = []

    def officer_at_work() -> int:
        (window,) = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        assert window not in windows
        windows.append(window)
        officers_seen.append(window.header.officer_label.text())
        intake = intake_of(window)
        assert intake.fields["full_name"].text() == ""  # nothing of the officer before
        window.idle_lock.lock()  # the idle lock works in every session, for its officer
        assert window.idle_lock.is_locked()
        assert not window.idle_lock.unlock("wrong password")
        assert window.idle_lock.unlock(PASSWORD)
        if len(windows) == 1:
            half_fill(workspace, intake)
            scripted(monkeypatch, "confirm_leave_unsaved", True)
            assert window.sign_out()
        else:
            assert window.close()
        return 0

    monkeypatch.setattr(LoginDialog, "exec", sign_in)
    monkeypatch.setattr(QApplication, "exec", staticmethod(officer_at_work))
    assert app_module.run_app(data_dir=workspace.data_dir, lang="en") == 0
    assert len(sign_ins) == 2  # the first sign-in, then the one after the sign-out
    assert officers_seen == ["Nguyễn Thị Lan", "Trần Văn Minh"]
    assert shown == []
