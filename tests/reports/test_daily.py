"""The daily review against a day built by hand: Friday 06/11/2026, the counter's clock
stopped at 18:00 that day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.domain.reports import Outcomes
from tests.reports.conftest import CALENDAR, SAME_DAY, TEN_DAYS, fix_clock, move, receive, vn

FRIDAY = date(2026, 11, 6)


@pytest.fixture
def day(ws, officer, colleague, boss):  # type: ignore[no-untyped-def]
    """The Friday's dossiers, each named after the figure it tests."""
    built = {}
    built["walk_in"] = receive(ws, officer, SAME_DAY, vn(2026, 11, 6, 8, 30))  # 2,000 đ before
    move(ws, built["walk_in"], Action.RESOLVE, boss, vn(2026, 11, 6, 10, 0))
    move(ws, built["walk_in"], Action.RETURN, officer, vn(2026, 11, 6, 11, 0))
    built["online"] = receive(ws, officer, TEN_DAYS, vn(2026, 11, 6, 9, 15), channel="online")
    built["postal"] = receive(ws, colleague, CALENDAR, vn(2026, 11, 6, 14, 5), channel="postal")
    built["pay_after"] = receive(ws, officer, SAME_DAY, vn(2026, 11, 6, 10, 0), after_fee=50_000)
    move(ws, built["pay_after"], Action.RESOLVE, boss, vn(2026, 11, 6, 11, 0))
    move(ws, built["pay_after"], Action.RETURN, officer, vn(2026, 11, 6, 16, 30))
    refused = receive(ws, officer, SAME_DAY, vn(2026, 11, 6, 15, 0))
    move(ws, refused, Action.REFUSE, officer, vn(2026, 11, 6, 15, 5), note="Thiếu giấy tờ")
    built["late_yesterday"] = receive(
        ws, officer, TEN_DAYS, vn(2026, 11, 5, 9, 0), due=vn(2026, 11, 5, 17, 0)
    )
    built["resolved_late"] = receive(
        ws, colleague, TEN_DAYS, vn(2026, 10, 20, 9, 0), due=vn(2026, 11, 4, 17, 0)
    )
    move(ws, built["resolved_late"], Action.RESOLVE, boss, vn(2026, 11, 6, 15, 0))
    built["resolved_early"] = receive(
        ws, colleague, TEN_DAYS, vn(2026, 10, 20, 10, 0), due=vn(2026, 11, 10, 17, 0)
    )
    move(ws, built["resolved_early"], Action.RESOLVE, boss, vn(2026, 11, 6, 16, 0))
    built["due_today"] = receive(
        ws, colleague, TEN_DAYS, vn(2026, 11, 3, 9, 0), due=vn(2026, 11, 6, 16, 0)
    )
    built["due_monday"] = receive(
        ws, officer, TEN_DAYS, vn(2026, 11, 4, 9, 0), due=vn(2026, 11, 9, 10, 0)
    )
    built["due_saturday"] = receive(
        ws, officer, TEN_DAYS, vn(2026, 11, 4, 9, 30), due=vn(2026, 11, 7, 10, 0)
    )
    built["due_tuesday"] = receive(
        ws, officer, TEN_DAYS, vn(2026, 11, 4, 10, 0), due=vn(2026, 11, 10, 9, 0)
    )
    fix_clock(ws, vn(2026, 11, 6, 18, 0))
    return built


def test_intake_is_counted_by_channel_procedure_agency_officer_and_hour(ws, boss, day):  # type: ignore[no-untyped-def]
    review = ws.reports.daily(FRIDAY, user=boss)
    assert review.received == 4  # the refused one was never received
    assert review.by_channel == {"direct": 2, "online": 1, "postal": 1}
    assert review.by_procedure == {SAME_DAY: 2, TEN_DAYS: 1, CALENDAR: 1}
    assert review.procedure_names[CALENDAR] == "Cấp giấy phép xây dựng nhà ở riêng lẻ"
    assert review.by_agency == {"000.00.12.H37": 3, "000.00.15.H37": 1}
    assert review.by_officer == {"canbo": 3, "canbo2": 1}
    assert review.by_hour == {8: 1, 9: 1, 10: 1, 14: 1}


def test_fees_by_collection_and_the_cash_taken_at_the_desk(ws, boss, day):  # type: ignore[no-untyped-def]
    review = ws.reports.daily(FRIDAY, user=boss)
    # 2,000 đ at the walk-in's intake, 200,000 đ paid online, 50,000 đ at a return.
    assert review.fees_by_collection == {"before": 202_000, "after": 50_000, "exempt": 0}
    assert review.fees_total == 252_000
    assert review.cash_fees == 52_000  # the online payment never passed the desk


def test_outcomes_of_the_dossiers_completed_that_day(ws, boss, day):  # type: ignore[no-untyped-def]
    review = ws.reports.daily(FRIDAY, user=boss)
    assert review.on_time == Outcomes(before=1, on=2, late=1)
    assert review.resolved == 4
    assert review.returned == 2


def test_overdue_and_due_lists_name_who_received_them(ws, boss, day):  # type: ignore[no-untyped-def]
    review = ws.reports.daily(FRIDAY, user=boss)
    codes = {name: dossier.code for name, dossier in day.items()}
    assert [item.code for item in review.overdue] == [codes["late_yesterday"], codes["due_today"]]
    assert review.overdue[0].received_by == "canbo"
    assert review.overdue[1].received_by == "canbo2"
    assert {item.code for item in review.due_today} == {
        codes["walk_in"],
        codes["pay_after"],
        codes["due_today"],
    }
    # Friday's "tomorrow" is Monday: the one due on Saturday is not in it.
    assert [item.code for item in review.due_tomorrow] == [codes["due_monday"]]


def test_tomorrow_skips_a_local_day_off(ws, boss, day, admin_user):  # type: ignore[no-untyped-def]
    ws.calendars.set_override(date(2026, 11, 9), by=admin_user, working=False, note="Nghỉ bù")
    review = ws.reports.daily(FRIDAY, user=boss)
    assert [item.code for item in review.due_tomorrow] == [day["due_tuesday"].code]


def test_the_day_is_the_counters_local_day(ws, officer, boss):  # type: ignore[no-untyped-def]
    """00:30 on the 7th in Vietnam is the 6th in UTC: it belongs to the 7th."""
    receive(ws, officer, TEN_DAYS, vn(2026, 11, 7, 0, 30))
    receive(ws, officer, TEN_DAYS, vn(2026, 11, 6, 23, 59))
    fix_clock(ws, vn(2026, 11, 8, 9, 0))
    assert ws.reports.daily(date(2026, 11, 7), user=boss).by_hour == {0: 1}
    assert ws.reports.daily(FRIDAY, user=boss).by_hour == {23: 1}


def test_trend_covers_thirty_days_ending_on_the_day(ws, boss, day):  # type: ignore[no-untyped-def]
    trend = ws.reports.daily(FRIDAY, user=boss).trend
    assert len(trend) == 30
    assert trend[0][0] == date(2026, 10, 8) and trend[-1][0] == FRIDAY
    counts = dict(trend)
    assert counts[FRIDAY] == 4
    assert counts[date(2026, 10, 20)] == 2
    assert counts[date(2026, 11, 4)] == 3
    assert sum(counts.values()) == 4 + 2 + 1 + 1 + 3


def test_staff_see_only_their_own_day(ws, officer, day):  # type: ignore[no-untyped-def]
    review = ws.reports.daily(FRIDAY, user=officer, officer="canbo2")
    assert review.officer == "canbo"
    assert review.received == 3
    assert review.by_officer == {"canbo": 3}
    assert review.returned == 2  # both handed back by this officer
    assert review.resolved == 0  # resolved by the agency's supervisor, not by this officer
    assert review.cash_fees == 52_000
    assert [item.code for item in review.overdue] == [day["late_yesterday"].code]


def test_a_supervisor_may_look_at_one_officer(ws, boss, day):  # type: ignore[no-untyped-def]
    review = ws.reports.daily(FRIDAY, user=boss, officer="canbo2")
    assert review.officer == "canbo2"
    assert review.received == 1
    assert review.by_channel == {"direct": 0, "online": 0, "postal": 1}


def test_the_cli_contract_keys(ws, boss, day):  # type: ignore[no-untyped-def]
    data = ws.reports.daily(FRIDAY, user=boss).to_json()
    for key in ("date", "received", "by_channel", "by_procedure", "by_officer", "resolved",
                "returned", "on_time", "overdue", "due_today", "fees_total"):  # fmt: skip
        assert key in data
    assert data["date"] == "2026-11-06"
    assert data["on_time"] == {"before": 1, "on": 2, "late": 1}
    assert data["overdue"] == 2 and data["due_today"] == 3


def test_period_report_is_for_supervisors_only(ws, officer):  # type: ignore[no-untyped-def]
    with pytest.raises(CounterError) as refused:
        ws.reports.period(date(2026, 11, 1), date(2026, 11, 30), user=officer)
    assert refused.value.key == "permission.denied"
    assert "canbo" in refused.value.message("vi")


@pytest.mark.parametrize("of_officer", [None, "canbo"])
def test_the_review_reads_the_days_rows_on_their_indexes(ws, boss, day, of_officer):  # type: ignore[no-untyped-def]
    """With a province's history a table read through makes `report daily` seconds long (the
    cash returned at the counter once summed every payment, then walked every dossier in key
    order): no query of the review reads the dossiers, their fees or payments through.
    SQLite keeps no statistics on the store, so a small store gets the same plans as a big one."""
    engine = ws.database.engine
    statements = selects_sent(
        engine, lambda: ws.reports.daily(FRIDAY, user=boss, officer=of_officer)
    )
    assert statements
    read_through, steps = [], []
    for statement, parameters in statements:
        details = query_plan(engine, statement, parameters)
        steps += details
        big = [
            step for step in details if step.startswith("SCAN ") and step.split()[1] in BIG_TABLES
        ]
        if big:
            read_through.append((big, " ".join(statement.split())))
    assert read_through == []
    # The ones resolved since the day's end and overdue by then: the due time is checked on
    # the index, not by reading each dossier resolved since.
    assert any("ix_dossiers_completed_due (completed_at>?)" in step for step in steps)


BIG_TABLES = {"dossiers", "dossier_fees", "payments", "dossier_history", "dossier_documents"}


@pytest.mark.parametrize(
    ("days_after", "index"),
    [
        (5, "ix_dossiers_completed_due (completed_at>?)"),  # more days resolved than due, still
        (60, "ix_dossiers_due_at (due_at>? AND due_at<?)"),  # the few due days are worth their rows
    ],
)
def test_the_ones_resolved_since_are_read_on_the_cheaper_index(ws, day, days_after, index):  # type: ignore[no-untyped-def]
    """Looking back at a day, the dossiers resolved since and overdue by then are found through
    (completed_at, due_at), which checks the due time on the index, unless the days due before
    are ten times fewer than those since: a day half a year back once read a row for each of
    87,000 dossiers due before it (a third of a second)."""

    from counter_app.services.reports import figures

    moment = vn(2026, 11, 6, 23, 59)  # the day's end; the first due time is two days before
    found = []
    engine = ws.database.engine

    def overdue() -> None:
        with ws.database.read() as session:
            found.extend(
                figures.overdue(session, moment, None, at=moment + timedelta(days=days_after))
            )

    statements = [sent for sent in selects_sent(engine, overdue) if "completed_at >=" in sent[0]]
    assert [item.code for item in found] == [day["late_yesterday"].code, day["due_today"].code]
    ((statement, parameters),) = statements
    assert query_plan(engine, statement, parameters) == [f"SEARCH dossiers USING INDEX {index}"]


def selects_sent(engine, action: Callable[[], object]) -> list[tuple[str, object]]:  # type: ignore[no-untyped-def]
    """The SELECT statements, with their parameters, that `action` sends through `engine`."""
    from sqlalchemy import event

    statements: list[tuple[str, object]] = []

    def seen(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", seen)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    return statements


def query_plan(engine, statement: str, parameters: object) -> list[str]:  # type: ignore[no-untyped-def]
    """SQLite's plan for the statement, a step a line."""
    with engine.connect() as connection:
        plan = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
        return [row[3] for row in plan]
