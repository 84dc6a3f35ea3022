"""Fees taken at intake are recorded as payments (issue 18): by the method the officer chose
(cash unless said; a transfer or card with its reference; "unpaid" leaves them for the
payment request), so the daily review's payments by method and its cash figure agree."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.domain.reports import MethodTotal
from counter_app.services.intake import request_from_json
from counter_app.services.payments import parse_payment
from counter_app.store import migrations
from counter_app.store.database import open_database
from tests.conftest import TEN_DAYS, intake_json
from tests.reports.conftest import fix_clock, move, vn
from tests.store.test_database import insert_old_dossier

DAY = date(2026, 12, 1)
FEE = 200000  # TEN_DAYS' fee in the demo catalog, collected at intake


def fees(before: int, after: int = 0) -> list[dict[str, object]]:
    lines: list[dict[str, object]] = [{"name": "Lệ phí", "amount": before}]
    if after:
        lines.append({"name": "Phí trả kết quả", "amount": after, "collection": "after"})
    return lines


def take(ws, user, at: datetime, payment: dict | None, *, lines=None, channel="direct"):  # type: ignore[no-untyped-def]
    data = intake_json(TEN_DAYS)
    data["channel"] = channel
    if payment is not None:
        data["payment"] = payment
    if lines is not None:
        data["fees"] = lines
    return ws.intake.receive(request_from_json(data), user=user, at=at)


def test_each_method_at_intake_is_a_payment_and_the_cash_agrees(ws, officer, boss):  # type: ignore[no-untyped-def]
    take(ws, officer, vn(2026, 12, 1, 8), None)  # cash unless said
    take(ws, officer, vn(2026, 12, 1, 9), {"method": "transfer", "reference": "FT26335001"})
    take(ws, officer, vn(2026, 12, 1, 10), {"method": "card", "reference": "C-77"})
    later = take(ws, officer, vn(2026, 12, 1, 11), {"method": "unpaid"})
    take(ws, officer, vn(2026, 12, 1, 12), None, channel="online")  # paid through the portal
    fix_clock(ws, vn(2026, 12, 1, 18))
    review = ws.reports.daily(DAY, user=boss)
    assert review.payments == {
        "cash": MethodTotal(1, FEE),
        "transfer": MethodTotal(1, FEE),
        "card": MethodTotal(1, FEE),
    }
    assert review.cash_fees == FEE  # before: every walk-in's fee, whatever the method
    # the fee left unpaid is what the payment request asks, then paid like any
    for action in (Action.TRANSFER, Action.REQUEST_PAYMENT):
        move(ws, later, action, officer, vn(2026, 12, 1, 14), note="Lệ phí")
    ws.dossiers.transition(
        later.code, Action.PAY, user=officer, at=vn(2026, 12, 1, 15), payment=parse_payment("cash")
    )
    review = ws.reports.daily(DAY, user=boss)
    assert review.payments["cash"] == MethodTotal(2, 2 * FEE)
    assert review.cash_fees == 2 * FEE
    assert sum(total.amount for total in review.payments.values()) == 4 * FEE


def test_a_refused_intake_keeps_no_fee(ws, officer, boss):  # type: ignore[no-untyped-def]
    refused = take(ws, officer, vn(2026, 12, 1, 8), None)
    move(ws, refused, Action.REFUSE, officer, vn(2026, 12, 1, 8, 5), note="Thiếu giấy tờ")
    fix_clock(ws, vn(2026, 12, 1, 18))
    review = ws.reports.daily(DAY, user=boss)
    assert review.payments["cash"] == MethodTotal() and review.cash_fees == 0


def test_a_result_handed_back_counts_its_unrecorded_fee_once(ws, officer, boss):  # type: ignore[no-untyped-def]
    """Fees collected at the return and no payment recorded: cash, as before; marked paid
    before the return: the payment, not twice."""
    returned = []
    for paid_before in (False, True):
        dossier = take(ws, officer, vn(2026, 12, 1, 8), None, lines=fees(2000, 50000))
        moves = [Action.TRANSFER]
        if paid_before:
            moves += [Action.REQUEST_PAYMENT]
        for action in moves:
            move(ws, dossier, action, officer, vn(2026, 12, 1, 9), note="Phí")
        if paid_before:
            ws.dossiers.transition(
                dossier.code, Action.PAY, user=officer, at=vn(2026, 12, 1, 9, 30),
                payment=parse_payment("transfer", "FT1"),
            )  # fmt: skip
        move(ws, dossier, Action.RESOLVE, officer, vn(2026, 12, 1, 10))
        returned.append(move(ws, dossier, Action.RETURN, officer, vn(2026, 12, 1, 11)))
    fix_clock(ws, vn(2026, 12, 1, 18))
    review = ws.reports.daily(DAY, user=boss)
    assert review.payments == {
        "cash": MethodTotal(2, 4000),
        "transfer": MethodTotal(1, 50000),
        "card": MethodTotal(),
    }
    assert review.cash_fees == 4000 + 50000  # both intakes, and the return nothing recorded


def test_a_bad_payment_in_the_file_is_refused_with_the_choices():
    data = intake_json(TEN_DAYS)
    data["payment"] = {"method": "cheque"}
    with pytest.raises(CounterError) as refused:
        request_from_json(data)
    assert "unpaid" in refused.value.message("en")
    data["payment"] = {"method": "transfer"}
    with pytest.raises(CounterError) as refused:
        request_from_json(data)
    assert "tham chiếu" in refused.value.message("vi")
    data["payment"] = "cash"
    with pytest.raises(CounterError):
        request_from_json(data)


methods = st.sampled_from(["cash", "transfer", "card", "unpaid"])
intakes = st.lists(
    st.tuples(
        st.integers(0, 50).map(lambda n: n * 1000),  # fee at intake
        st.integers(0, 3).map(lambda n: n * 25000),  # fee asked later
        methods,
        st.sampled_from([None, "cash", "transfer", "card"]),  # paid later, and how
    ),
    min_size=1,
    max_size=4,
)
days = itertools.count()


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(intakes)
def test_any_mix_of_intakes_and_later_payments_adds_up_by_method(ws, officer, boss, mix):  # type: ignore[no-untyped-def]
    day = date(2026, 1, 5) + timedelta(days=next(days))  # a day of its own per example
    expected = {"cash": 0, "transfer": 0, "card": 0}
    for number, (before, after, at_intake, later) in enumerate(mix):
        at = datetime(day.year, day.month, day.day, 1 + number, tzinfo=vn(2026, 1, 1).tzinfo)
        reference = "" if at_intake in ("cash", "unpaid") else f"R{number}"
        dossier = take(
            ws, officer, at, {"method": at_intake, "reference": reference},
            lines=fees(before, after),
        )  # fmt: skip
        taken = before if at_intake != "unpaid" else 0
        if at_intake != "unpaid":
            expected[at_intake] += before
        if later is None:
            continue
        for action in (Action.TRANSFER, Action.REQUEST_PAYMENT):
            move(ws, dossier, action, officer, at + timedelta(minutes=20), note="Phí")
        ws.dossiers.transition(
            dossier.code, Action.PAY, user=officer, at=at + timedelta(minutes=40),
            payment=parse_payment(later, "" if later == "cash" else "P"),
        )  # fmt: skip
        expected[later] += before + after - taken
    fix_clock(ws, vn(2026, 12, 31, 18))
    review = ws.reports.daily(day, user=boss)
    assert {method: total.amount for method, total in review.payments.items()} == expected
    assert review.cash_fees == review.payments["cash"].amount


def test_dossiers_received_before_get_the_cash_payment_they_were_counted_with(tmp_path):  # type: ignore[no-untyped-def]
    from alembic import command
    from sqlalchemy import create_engine

    path = tmp_path / "c.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(migrations._config(connection), "0018")
        insert_old_dossier(connection)
        connection.exec_driver_sql(
            "UPDATE dossiers SET received_at = '2025-01-01 02:00:00', received_by = 'canbo'"
        )
        connection.exec_driver_sql(
            "INSERT INTO dossier_fees (dossier_uuid, position, name, amount, quantity, collection)"
            " VALUES ('u1', 0, 'Lệ phí', 2000, 3, 'before'), ('u1', 1, 'Phí', 9000, 1, 'after')"
        )
    engine.dispose()
    database = open_database(path)
    with database.read() as session:
        rows = session.execute(text('SELECT dossier_uuid, amount, method, "by" FROM payments'))
        assert [tuple(row) for row in rows] == [("u1", 6000, "cash", "canbo")]
    database.close()
