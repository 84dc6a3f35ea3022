"""The daily review reconciles the fees paid by method: every method (cash, transfer, card)
with how many payments and how much, for the counter or one officer, on the day's own
payments only; the same figures in the JSON, the spreadsheet and the PDF."""

from __future__ import annotations

from datetime import date, datetime

from counter_app.domain.lifecycle import Action
from counter_app.domain.reports import MethodTotal
from counter_app.services.payments import parse_payment
from tests.reports.conftest import TEN_DAYS, fix_clock, move, receive, vn
from tests.reports.test_exports import pdf_text, sheet_rows

DAY = date(2026, 12, 1)
FEE = 200000  # TEN_DAYS' fee in the demo catalog


def paid(ws, user, method: str, reference: str, at: datetime) -> None:  # type: ignore[no-untyped-def]
    """A dossier received in the morning and its fee paid at `at` by `method`."""
    dossier = receive(ws, user, TEN_DAYS, at.replace(hour=8), payment="unpaid")
    for action in (Action.TRANSFER, Action.REQUEST_PAYMENT):
        move(ws, dossier, action, user, at, note="Lệ phí")
    assert dossier.code is not None
    ws.dossiers.transition(
        dossier.code, Action.PAY, user=user, at=at, payment=parse_payment(method, reference)
    )


def fill(ws, officer, colleague) -> None:  # type: ignore[no-untyped-def]
    paid(ws, officer, "cash", "", vn(2026, 12, 1, 9))
    paid(ws, officer, "transfer", "FT1", vn(2026, 12, 1, 10))
    paid(ws, colleague, "transfer", "FT2", vn(2026, 12, 1, 16, 59))
    paid(ws, officer, "card", "C-7", vn(2026, 12, 2, 9))  # the next day
    fix_clock(ws, vn(2026, 12, 2, 18))


def test_every_method_with_its_count_and_amount(ws, officer, colleague, boss):  # type: ignore[no-untyped-def]
    fill(ws, officer, colleague)
    review = ws.reports.daily(DAY, user=boss)
    assert review.payments == {
        "cash": MethodTotal(1, FEE),
        "transfer": MethodTotal(2, 2 * FEE),
        "card": MethodTotal(0, 0),
    }
    figures = review.to_json()
    assert figures["payments"] == {
        "cash": {"count": 1, "amount": FEE},
        "transfer": {"count": 2, "amount": 2 * FEE},
        "card": {"count": 0, "amount": 0},
    }
    assert figures["payments_by_method"] == {"cash": FEE, "transfer": 2 * FEE}  # kept as it was
    own = ws.reports.daily(DAY, user=boss, officer=colleague.login).payments
    assert own == {"cash": MethodTotal(), "transfer": MethodTotal(1, FEE), "card": MethodTotal()}
    next_day = ws.reports.daily(date(2026, 12, 2), user=officer).payments
    assert next_day["card"] == MethodTotal(1, FEE) and next_day["cash"] == MethodTotal()


def test_a_day_without_payments_shows_every_method_at_zero(ws, boss):  # type: ignore[no-untyped-def]
    fix_clock(ws, vn(2026, 12, 2, 18))
    figures = ws.reports.daily(DAY, user=boss).to_json()
    zero = {"count": 0, "amount": 0}
    assert figures["payments"] == {"cash": zero, "transfer": zero, "card": zero}
    assert figures["payments_by_method"] == {}


def test_the_exports_reconcile_by_method(ws, officer, colleague, boss, tmp_path):  # type: ignore[no-untyped-def]
    fill(ws, officer, colleague)
    xlsx = ws.reports.export_daily_xlsx(DAY, tmp_path / "ngay.xlsx", user=boss)
    rows = sheet_rows(xlsx, "Thanh toán")
    assert rows[3] == ("Hình thức nộp", "Số lần nộp", "Số tiền")
    assert rows[4:] == [
        ("tiền mặt", 1, FEE),
        ("chuyển khoản (QR)", 2, 2 * FEE),
        ("thẻ", 0, 0),
        ("Tổng cộng", 3, 3 * FEE),
    ]
    pdf = ws.reports.export_daily_pdf(DAY, tmp_path / "ngay.pdf", user=boss)
    text = " ".join(pdf_text(pdf).split())
    assert "VI. Phí, lệ phí đã nộp theo hình thức nộp (đối soát)" in text
    assert "1 tiền mặt 1 200.000" in text
    assert "2 chuyển khoản (QR) 2 400.000" in text
    assert "3 thẻ 0 0" in text
    assert "Tổng cộng 3 600.000" in text
    assert "X. Ký xác nhận cuối ngày" in text
