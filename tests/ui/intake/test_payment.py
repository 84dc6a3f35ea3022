"""The intake page asks how the fees taken now were paid (issue 18): cash unless the officer
says; a transfer or a card needs its reference, else nothing is saved and the form is kept;
"not yet paid" leaves the fees for the payment request. What was chosen reaches the daily
review's payments by method."""

from __future__ import annotations

from PySide6.QtCore import Qt

from counter_app.domain.reports import MethodTotal
from counter_app.services.payments import UNPAID, Method
from tests.ui.intake.conftest import choose, press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def pick(page, method: str) -> None:  # type: ignore[no-untyped-def]
    combo = page.payment.method_combo
    combo.setCurrentIndex(combo.findData(method))


def test_the_method_chosen_at_intake_is_recorded(qtbot, page, workspace, staff, errors) -> None:
    assert page.payment.method() == Method.CASH.value  # the default
    choose(qtbot, page, "chung thuc")
    type_text("Bế Văn Đàn")
    pick(page, Method.TRANSFER.value)
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert len(errors) == 1 and "tham chiếu" in errors[0]
    assert page.procedure() is not None and page.fields["full_name"].text() == "Bế Văn Đàn"
    page.payment.reference_edit.setText("FT26340555")
    with qtbot.waitSignal(page.sig_saved):
        press(qtbot, Qt.Key.Key_S, CTRL)
    assert page.payment.method() == Method.CASH.value and page.payment.reference() == ""
    choose(qtbot, page, "chung thuc")
    type_text("Bế Thị Lan")
    pick(page, UNPAID)
    with qtbot.waitSignal(page.sig_saved):
        press(qtbot, Qt.Key.Key_S, CTRL)
    review = workspace.reports.daily(page._session.clock().date(), user=staff)
    assert review.payments == {
        "cash": MethodTotal(),
        "transfer": MethodTotal(1, 2000),
        "card": MethodTotal(),
    }
    assert review.cash_fees == 0
