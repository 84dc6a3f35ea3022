"""Signing off a day before the counter's closing time (its working calendar) locks the rest of
the day's work: refused without a reason, kept with the signing and audited when given; a day
whose work is over needs none."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from counter_app.domain.calendar import WorkSchedule
from counter_app.domain.errors import CounterError
from counter_app.services.accounts import Role, User
from counter_app.store.models import AuditRow
from tests.cli.test_cli import PASSWORD_INPUT, fingerprint, ok_json, run_cli
from tests.conftest import vn
from tests.reports.conftest import fix_clock

FRIDAY = date(2026, 11, 6)
EARLY = "Đoàn kiểm tra yêu cầu khóa sổ lúc 15 giờ"
ADMIN = User("quantri", "", Role.ADMIN)


@pytest.fixture
def boss(ws):  # type: ignore[no-untyped-def]
    return ws.accounts.add_user("truong", Role.SUPERVISOR, "matkhau123", "Trần Văn Bình")


@pytest.mark.parametrize(
    ("moment", "closing"),
    [(vn(2026, 11, 6, 8, 39), "17:00"), (vn(2026, 11, 6, 16, 59), "17:00")],
)
def test_before_closing_time_the_day_needs_a_reason(ws, boss, moment, closing):  # type: ignore[no-untyped-def]
    fix_clock(ws, moment)
    with pytest.raises(CounterError) as refused:
        ws.reports.sign_off(FRIDAY, user=boss, cash_counted=0)
    assert refused.value.key == "report.sign_off_early"
    assert closing in refused.value.message("vi") and "chặn mọi tiếp nhận" in refused.value.message(
        "vi"
    )
    assert ws.reports.sign_off_state(FRIDAY) is None
    signed = ws.reports.sign_off(FRIDAY, user=boss, cash_counted=0, early_reason=EARLY)
    assert signed.early_reason == EARLY and ws.reports.sign_off_state(FRIDAY).early_reason == EARLY
    with ws.database.read() as session:
        line = session.scalars(select(AuditRow).where(AuditRow.action == "day.sign_off")).one()
    assert line.detail["early_reason"] == EARLY


def test_the_closing_time_is_the_counters_own_schedule(ws, boss, admin_user):  # type: ignore[no-untyped-def]
    periods = [["07:30", "11:30"], ["13:00", "16:30"]]
    ws.calendars.set_schedule(
        WorkSchedule.from_dict({"weekdays": [0, 1, 2, 3, 4], "periods": periods}), by=admin_user
    )
    fix_clock(ws, vn(2026, 11, 6, 16, 29))
    with pytest.raises(CounterError) as refused:
        ws.reports.sign_off(FRIDAY, user=boss, cash_counted=0)
    assert "16:30" in refused.value.message("en")
    fix_clock(ws, vn(2026, 11, 6, 16, 30))
    assert ws.reports.sign_off(FRIDAY, user=boss, cash_counted=0).early_reason == ""


@pytest.mark.parametrize(
    ("day", "moment"),
    [
        (FRIDAY, vn(2026, 11, 6, 17, 0)),  # closed
        (date(2026, 11, 5), vn(2026, 11, 6, 9, 0)),  # yesterday
        (date(2026, 11, 7), vn(2026, 11, 7, 9, 0)),  # a Saturday: no counter hours
    ],
)
def test_a_day_whose_work_is_over_needs_no_reason(ws, boss, day, moment):  # type: ignore[no-untyped-def]
    fix_clock(ws, moment)
    assert (
        ws.reports.sign_off(day, user=boss, cash_counted=0, early_reason=EARLY).early_reason == ""
    )


@pytest.mark.slow  # runs the real program as a process
def test_the_command_takes_the_early_reason(tmp_path: Path) -> None:
    """The counter works round the clock today, so the real clock is before its closing."""
    from counter_app.services.workspace import Workspace
    from tests.cli.test_cli import build_template

    prepared = build_template(tmp_path)
    data = prepared.data
    ok_json(run_cli(data, "user", "add", "truong", "--role", "supervisor", stdin=PASSWORD_INPUT))
    today = date.fromisoformat(prepared.intake["received_at"][:10])
    with Workspace(data) as ws:
        ws.calendars.set_schedule(
            WorkSchedule.from_dict({"weekdays": list(range(7)), "periods": [["00:00", "23:59"]]}),
            by=ADMIN,
        )
        ws.calendars.set_override(today, by=ADMIN, working=True)
        assert ws.reports.closes_later(today) is not None
    sign = ["report", "sign-off", "--date", today.isoformat(), "--cash", "200000", "--user",
            "truong"]  # fmt: skip
    untouched = fingerprint(data)
    password = PASSWORD_INPUT.split("\n")[0] + "\n"  # the supervisor's, asked for by sign-off
    refused = run_cli(data, "--lang", "en", *sign, stdin=password)
    assert refused.returncode == 1 and refused.stdout == ""
    assert "23:59" in refused.stderr and "every intake" in refused.stderr
    # the password was checked (and its sign-in audited) before the refusal: nothing signed
    after = fingerprint(data)["rows"]
    assert {k: v for k, v in after.items() if k != "audit_log"} == {
        k: v for k, v in untouched["rows"].items() if k != "audit_log"
    }
    assert after["day_sign_offs"] == 0
    signed = ok_json(run_cli(data, *sign, "--early-reason", EARLY, stdin=password))
    assert isinstance(signed, dict) and signed["locked"] is True
    assert signed["early_reason"] == EARLY
    daily = json.loads(run_cli(data, "report", "daily", "--date", today.isoformat()).stdout)
    assert daily["signed_off"]["early_reason"] == EARLY
