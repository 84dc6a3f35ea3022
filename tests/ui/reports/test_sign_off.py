"""The end-of-day sign-off from the page: the cash reconciled as it is typed, a note required
for a difference, the signed day shown as locked, the audited reopening with its reason, and
the service's refusals in the page's language. The day under review is the session's today,
at 10:00: signing it off takes a reason and a confirmation of what it blocks."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from counter_app.ui.reports import ReportsPage
from counter_app.ui.reports import sign_off as sign_off_module
from counter_app.ui.reports.sign_off import ReopenDialog, SignOffDialog, parse_cash
from tests.ui.conftest import make_session
from tests.ui.reports.conftest import DAY

CASH = 60_000  # 6.000 + 4.000 at intake, 50.000 at a return at the counter
EARLY = "Đoàn kiểm tra yêu cầu khóa sổ trước 11 giờ"


@dataclass
class Asked:
    """The confirmations asked before a day that is not over is signed off, and the answer."""

    texts: list[str] = field(default_factory=list)
    answer: bool = True


@pytest.fixture(autouse=True)
def asked(monkeypatch: pytest.MonkeyPatch) -> Asked:
    asked = Asked()

    def answer(_parent, _title: str, text: str, _action: str) -> bool:
        asked.texts.append(text)
        return asked.answer

    monkeypatch.setattr(sign_off_module, "confirm_early_sign_off", answer)
    return asked


def sign_off_dialog(qtbot, page: ReportsPage) -> SignOffDialog:
    assert page.daily.sign_button.isVisible()
    qtbot.mouseClick(page.daily.sign_button, Qt.MouseButton.LeftButton)
    dialog = page.daily.sign_off_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # so that its shortcuts reach it
    return dialog


def test_a_difference_needs_a_note_and_the_day_is_then_shown_signed(
    qtbot, open_page, supervisor, workspace
) -> None:
    page = open_page(supervisor)
    dialog = sign_off_dialog(qtbot, page)
    assert dialog.recorded_label.text() == "60,000 VND"

    qtbot.keyClicks(dialog.cash_edit, "55000")
    assert dialog.difference_label.text() == "5,000 VND less than recorded"
    assert dialog.note_caption.text() == "&Note (required):"
    dialog.confirm()
    assert dialog.note_error.isVisible()
    assert workspace.reports.sign_off_state(DAY) is None  # nothing signed without the note

    dialog.note_edit.setPlainText("Trả lại tiền thừa 5.000 đ cho ông An")
    dialog.early_edit.setPlainText(EARLY)
    dialog.confirm()
    qtbot.waitUntil(lambda: page.daily.sign_off_dialog is None)
    signed = workspace.reports.sign_off_state(DAY)
    assert signed is not None and signed.locked
    assert (signed.cash_counted, signed.fees_recorded, signed.difference) == (55000, CASH, -5000)
    assert signed.signed_by == "minh"
    qtbot.waitUntil(lambda: page.daily.reopen_button.isVisible())
    assert page.daily.sign_button.isHidden()
    assert page.daily.sign_off_label.text().startswith("Signed off by Trần Văn Minh at ")
    assert "cash counted 55,000 VND, 5,000 VND less than recorded." in (
        page.daily.sign_off_label.text()
    )
    assert "Trả lại tiền thừa" in page.daily.sign_off_label.text()


def test_matching_cash_signs_without_a_note(qtbot, open_page, supervisor, workspace) -> None:
    page = open_page(supervisor)
    dialog = sign_off_dialog(qtbot, page)
    dialog.early_edit.setPlainText(EARLY)
    qtbot.keyClicks(dialog.cash_edit, "60.000")
    assert dialog.difference_label.text() == "none, the cash matches"
    assert dialog.note_caption.text() == "&Note:"
    qtbot.keyClick(dialog.cash_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: workspace.reports.sign_off_state(DAY) is not None)
    assert workspace.reports.sign_off_state(DAY).difference == 0


def test_nothing_typed_is_refused_by_the_field(qtbot, open_page, supervisor, workspace) -> None:
    dialog = sign_off_dialog(qtbot, open_page(supervisor))
    dialog.confirm()
    assert dialog.cash_error.isVisible()
    assert dialog.cash_error.text() == "Enter the cash counted."
    assert workspace.reports.sign_off_state(DAY) is None


def test_one_officers_view_still_reconciles_the_whole_counters_cash(
    qtbot, open_page, supervisor
) -> None:
    page = open_page(supervisor)
    page.daily.set_officer("lan")
    qtbot.waitUntil(lambda: page.daily.review.officer == "lan")
    assert page.daily.review.cash_fees == 6000
    dialog = sign_off_dialog(qtbot, page)
    qtbot.waitUntil(lambda: dialog.cash_fees is not None)  # read in the background
    assert dialog.recorded_label.text() == "60,000 VND"


def test_reopening_asks_why_and_the_day_must_be_signed_again(
    qtbot, open_page, supervisor, workspace
) -> None:
    workspace.reports.sign_off(DAY, user=supervisor, cash_counted=CASH, early_reason=EARLY)
    page = open_page(supervisor)
    assert page.daily.reopen_button.isVisible()
    qtbot.mouseClick(page.daily.reopen_button, Qt.MouseButton.LeftButton)
    dialog = page.daily.reopen_dialog
    assert dialog is not None
    dialog.confirm()
    assert dialog.error_label.text() == "Say why the day is reopened."
    assert workspace.reports.sign_off_state(DAY).locked

    dialog.reason_edit.setPlainText("Sửa số điện thoại của hồ sơ nhập sai")
    dialog.confirm()
    qtbot.waitUntil(lambda: page.daily.sign_button.isVisible())
    state = workspace.reports.sign_off_state(DAY)
    assert not state.locked
    assert state.reopen_reason == "Sửa số điện thoại của hồ sơ nhập sai"
    text = page.daily.sign_off_label.text()
    assert text.startswith("Reopened by Trần Văn Minh at ")
    assert "the day must be signed off again" in text
    assert page.daily.reopen_button.isHidden()


def test_the_services_refusal_is_shown_in_the_pages_language(
    qtbot, workspace, supervisor, day, vietnamese
) -> None:
    for lang, expected in (("vi", "chưa được ký xác nhận"), ("en", "is not signed off")):
        dialog = ReopenDialog(make_session(workspace, supervisor, lang), DAY)
        qtbot.addWidget(dialog)
        dialog.reason_edit.setPlainText("Kiểm tra lại")
        dialog.confirm()
        qtbot.waitUntil(lambda d=dialog: not d.error_label.isHidden())  # dialog not shown
        assert expected in dialog.error_label.text()
        assert dialog.reopen_button.isEnabled()  # the supervisor may try again


def test_signing_a_day_twice_is_refused_in_the_dialog(qtbot, workspace, supervisor, day) -> None:
    dialog = SignOffDialog(make_session(workspace, supervisor, "en"), DAY, CASH)
    qtbot.addWidget(dialog)
    workspace.reports.sign_off(DAY, user=supervisor, cash_counted=CASH, early_reason=EARLY)
    dialog.cash_edit.setText(str(CASH))
    dialog.early_edit.setPlainText(EARLY)
    dialog.confirm()
    qtbot.waitUntil(lambda: not dialog.error_label.isHidden())
    assert "already signed off" in dialog.error_label.text()


def test_cash_is_read_with_or_without_separators() -> None:
    assert parse_cash("1.250.000") == 1_250_000
    assert parse_cash("1,250,000") == 1_250_000
    assert parse_cash(" 1 250 000 ") == 1_250_000
    assert parse_cash("") is None


def test_signing_off_today_before_closing_says_what_it_blocks_and_asks_why(
    qtbot, open_page, supervisor, workspace, asked
) -> None:
    page = open_page(supervisor)
    dialog = sign_off_dialog(qtbot, page)
    blocks = dialog.blocking_label.text()
    assert dialog.blocking_label.isVisible() and dialog.early_edit.isVisible()
    assert "open until 17:00" in blocks and "every intake" in blocks and "reopens" in blocks
    dialog.cash_edit.setText(str(CASH))
    dialog.confirm()
    assert dialog.early_error.isVisible() and asked.texts == []
    assert workspace.reports.sign_off_state(DAY) is None

    dialog.early_edit.setPlainText(EARLY)
    asked.answer = False
    dialog.confirm()
    assert len(asked.texts) == 1 and blocks in asked.texts[0]
    assert workspace.reports.sign_off_state(DAY) is None  # declined: nothing signed

    asked.answer = True
    dialog.confirm()
    qtbot.waitUntil(lambda: page.daily.sign_off_dialog is None)
    signed = workspace.reports.sign_off_state(DAY)
    assert signed is not None and signed.early_reason == EARLY
    qtbot.waitUntil(lambda: EARLY in page.daily.sign_off_label.text())
    assert "Signed before closing time: " in page.daily.sign_off_label.text()


def test_a_past_day_is_signed_without_warning_or_reason(qtbot, workspace, supervisor, day, asked):
    yesterday = DAY - timedelta(days=1)
    dialog = SignOffDialog(make_session(workspace, supervisor, "en"), yesterday, 0)
    qtbot.addWidget(dialog)
    assert dialog.blocking_label.isHidden() and dialog.early_edit.isHidden()
    dialog.cash_edit.setText("0")
    dialog.confirm()
    qtbot.waitUntil(lambda: workspace.reports.sign_off_state(yesterday) is not None)
    assert asked.texts == [] and workspace.reports.sign_off_state(yesterday).early_reason == ""
