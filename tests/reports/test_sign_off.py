"""Signing a day off: the cash reconciled, the day's figures locked against every write path,
the supervisor's audited reopening, and the history of both kept."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.services.accounts import Role
from counter_app.store.models import AuditRow
from tests.reports.conftest import SAME_DAY, TEN_DAYS, fix_clock, move, receive, vn

DAY = date(2026, 11, 6)  # a Friday
# One walk-in paying 2,000 đ at intake, one paying 50,000 đ at the return: 52,000 đ in cash.
CASH = 52_000


@pytest.fixture
def day(ws, officer, boss):  # type: ignore[no-untyped-def]
    walk_in = receive(ws, officer, SAME_DAY, vn(2026, 11, 6, 8, 30))
    pay_after = receive(ws, officer, SAME_DAY, vn(2026, 11, 6, 9, 0), after_fee=50_000)
    move(ws, pay_after, Action.RESOLVE, boss, vn(2026, 11, 6, 10, 0))
    move(ws, pay_after, Action.RETURN, officer, vn(2026, 11, 6, 11, 0))
    open_one = receive(ws, officer, TEN_DAYS, vn(2026, 11, 5, 9, 0), channel="online")
    fix_clock(ws, vn(2026, 11, 6, 17, 15))
    return {"walk_in": walk_in, "pay_after": pay_after, "open": open_one}


def audit_actions(ws) -> list[tuple[str, str, dict]]:  # type: ignore[no-untyped-def]
    with ws.database.read() as session:
        rows = session.execute(
            select(AuditRow.action, AuditRow.subject, AuditRow.detail)
            .where(AuditRow.action.like("day.%"))
            .order_by(AuditRow.id)
        ).all()
    return [tuple(row) for row in rows]


def test_signing_records_the_cash_and_is_audited(ws, boss, day):  # type: ignore[no-untyped-def]
    signed = ws.reports.sign_off(DAY, user=boss, cash_counted=CASH)
    assert (signed.fees_recorded, signed.cash_counted, signed.difference) == (CASH, CASH, 0)
    assert signed.signed_by == "truong" and signed.locked
    assert ws.reports.sign_off_state(DAY) == signed
    assert ws.reports.daily(DAY, user=boss).sign_off == signed
    assert audit_actions(ws) == [
        (
            "day.sign_off",
            "2026-11-06",
            {"fees_recorded": CASH, "cash_counted": CASH, "difference": 0, "note": ""},
        )
    ]
    assert ws.audit.verify() > 0  # the chain still holds


def test_a_cash_difference_needs_a_note_and_is_kept(ws, boss, day):  # type: ignore[no-untyped-def]
    with pytest.raises(CounterError) as refused:
        ws.reports.sign_off(DAY, user=boss, cash_counted=CASH - 2_000)
    assert refused.value.key == "report.cash_short_note_required"
    assert "thiếu 2.000 đ" in refused.value.message("vi")
    assert "(52.000 đ)" in refused.value.message("vi") and "2.000 đ short" in refused.value.message(
        "en"
    )
    assert ws.reports.sign_off_state(DAY) is None  # nothing written
    signed = ws.reports.sign_off(
        DAY, user=boss, cash_counted=CASH - 2_000, note="  Thiếu 2.000 đ tiền lẻ  "
    )
    assert signed.difference == -2_000
    assert signed.note == "Thiếu 2.000 đ tiền lẻ"


@pytest.mark.parametrize("amount", [-1, 1.5, True, "52000"])
def test_the_cash_counted_must_be_whole_dong(ws, boss, day, amount):  # type: ignore[no-untyped-def]
    with pytest.raises(CounterError) as refused:
        ws.reports.sign_off(DAY, user=boss, cash_counted=amount)
    assert refused.value.key == "report.cash_amount"


def test_only_supervisors_and_admins_sign(ws, officer, day):  # type: ignore[no-untyped-def]
    with pytest.raises(CounterError) as refused:
        ws.reports.sign_off(DAY, user=officer, cash_counted=CASH)
    assert refused.value.key == "permission.denied"
    admin = ws.accounts.add_user("quantri", Role.ADMIN, "matkhau123")
    assert ws.reports.sign_off(DAY, user=admin, cash_counted=CASH).signed_by == "quantri"
    with pytest.raises(CounterError):
        ws.reports.reopen(DAY, user=officer, reason="Sửa")


def test_a_day_not_yet_come_cannot_be_signed(ws, boss, day):  # type: ignore[no-untyped-def]
    with pytest.raises(CounterError) as refused:
        ws.reports.sign_off(date(2026, 11, 7), user=boss, cash_counted=0)
    assert refused.value.key == "report.future_day"


def test_a_signed_day_is_not_signed_twice(ws, boss, day):  # type: ignore[no-untyped-def]
    ws.reports.sign_off(DAY, user=boss, cash_counted=CASH)
    with pytest.raises(CounterError) as refused:
        ws.reports.sign_off(DAY, user=boss, cash_counted=CASH)
    assert refused.value.key == "report.already_signed"


def test_a_signed_day_refuses_moves_and_backdated_intake(ws, officer, boss, day):  # type: ignore[no-untyped-def]
    ws.reports.sign_off(DAY, user=boss, cash_counted=CASH)
    before = ws.reports.daily(DAY, user=boss)
    with pytest.raises(CounterError) as refused:
        move(ws, day["walk_in"], Action.RESOLVE, boss, vn(2026, 11, 6, 17, 30))
    assert refused.value.key == "report.day_signed"
    assert "06/11/2026" in refused.value.message("vi")
    with pytest.raises(CounterError) as refused:
        ws.dossiers.hand_back(
            day["walk_in"].code, _applicant(ws, day), user=officer, at=vn(2026, 11, 6, 17, 40)
        )
    assert refused.value.key == "report.day_signed"
    with pytest.raises(CounterError) as refused:
        receive(ws, officer, SAME_DAY, vn(2026, 11, 6, 16, 0))  # a backdated intake (with fees)
    assert refused.value.key == "report.day_signed"
    assert ws.reports.daily(DAY, user=boss) == before  # nothing of the day moved
    # Other days still take work: the next day's move of a dossier received that day.
    move(ws, day["walk_in"], Action.RESOLVE, boss, vn(2026, 11, 9, 8, 0))


def _applicant(ws, day):  # type: ignore[no-untyped-def]
    from counter_app.domain.dossier import Collector

    applicant = ws.dossiers.get(day["walk_in"].code).applicant
    return Collector(applicant.full_name, applicant.id_number)


def test_reopening_lets_writes_in_until_signed_again(ws, officer, boss, day):  # type: ignore[no-untyped-def]
    ws.reports.sign_off(DAY, user=boss, cash_counted=CASH)
    with pytest.raises(CounterError) as refused:
        ws.reports.reopen(DAY, user=boss, reason="   ")
    assert refused.value.key == "report.reopen_reason_required"
    fix_clock(ws, vn(2026, 11, 6, 17, 45))
    reopened = ws.reports.reopen(DAY, user=boss, reason="Nhập bổ sung hồ sơ bị sót")
    assert not reopened.locked and reopened.reopened_by == "truong"
    receive(ws, officer, SAME_DAY, vn(2026, 11, 6, 16, 0))  # accepted now
    with pytest.raises(CounterError) as refused:
        ws.reports.reopen(DAY, user=boss, reason="Lần nữa")
    assert refused.value.key == "report.not_signed"
    fix_clock(ws, vn(2026, 11, 6, 18, 0))
    again = ws.reports.sign_off(DAY, user=boss, cash_counted=CASH + 2_000)
    assert again.fees_recorded == CASH + 2_000 and again.locked
    with pytest.raises(CounterError):
        receive(ws, officer, SAME_DAY, vn(2026, 11, 6, 16, 10))
    history = ws.reports.sign_off_history(DAY)
    assert [(h.cash_counted, h.reopen_reason) for h in history] == [
        (CASH, "Nhập bổ sung hồ sơ bị sót"),
        (CASH + 2_000, ""),
    ]
    actions = audit_actions(ws)
    assert [action for action, _, _ in actions] == ["day.sign_off", "day.reopen", "day.sign_off"]
    assert actions[1][2]["reason"] == "Nhập bổ sung hồ sơ bị sót"
    assert ws.audit.verify() > 0


def test_a_day_never_signed_cannot_be_reopened(ws, boss, day):  # type: ignore[no-untyped-def]
    with pytest.raises(CounterError) as refused:
        ws.reports.reopen(DAY, user=boss, reason="Nhầm")
    assert refused.value.key == "report.not_signed"
    assert audit_actions(ws) == []
