"""The shipped official decisions (resources/calendar/official_days.json): layered over the
`holidays` package, under the local and central overrides; the 2026 New Year swap."""

from __future__ import annotations

import copy
import json
from datetime import date, datetime
from decimal import Decimal

import holidays
import pytest

from counter_app.domain.calendar import CalendarOverrides, WorkingCalendar
from counter_app.domain.catalog import Duration, DurationUnit
from counter_app.domain.clock import VN_TZ
from counter_app.domain.deadlines import compute_due
from counter_app.domain.errors import CounterError
from counter_app.domain.official_days import (
    NO_OFFICIAL_DAYS,
    official_days_from_json,
    shipped_official_days,
    shipped_official_days_path,
)

CAL = WorkingCalendar()
OFFICIAL = shipped_official_days()
RAW = json.loads(shipped_official_days_path().read_text("utf-8"))


def at(year: int, month: int, day: int, hour: int = 9) -> datetime:
    return datetime(year, month, day, hour, tzinfo=VN_TZ)


def working_days(amount: int) -> Duration:
    return Duration(DurationUnit.WORKING_DAYS, Decimal(amount))


# --- around the 2026 New Year swap (12729/VPCP-KGVX): off 1-4 January, Saturday 10 worked


@pytest.mark.parametrize(
    ("received", "amount", "due"),
    [
        (at(2025, 12, 31), 2, at(2026, 1, 6)),  # 1/1, 2/1 and the weekend off
        (at(2025, 12, 31), 1, at(2026, 1, 5)),
        (at(2025, 12, 30), 2, at(2026, 1, 5)),
        (at(2026, 1, 2), 1, at(2026, 1, 5, 17)),  # received on a day off: from Monday 07:00
        (at(2026, 1, 8), 2, at(2026, 1, 10)),  # Friday 9, then the Saturday 10 worked
        (at(2026, 1, 9), 1, at(2026, 1, 10)),
        (at(2026, 1, 9), 2, at(2026, 1, 12)),  # Saturday 10 worked, Sunday not: Monday
        (at(2026, 1, 10), 1, at(2026, 1, 12)),  # received on the make-up Saturday
    ],
)
def test_deadlines_around_the_2026_new_year_swap(received, amount, due):
    assert compute_due(CAL, received, working_days(amount)) == due


def test_the_swap_days_themselves():
    assert not CAL.is_working_day(date(2026, 1, 1))
    assert not CAL.is_working_day(date(2026, 1, 2))
    assert not CAL.is_working_day(date(2026, 1, 3))
    assert not CAL.is_working_day(date(2026, 1, 4))
    assert CAL.is_working_day(date(2026, 1, 5))
    assert CAL.is_working_day(date(2026, 1, 10))
    assert not CAL.is_working_day(date(2026, 1, 11))
    assert CAL.next_working_day(date(2026, 1, 9)) == date(2026, 1, 10)
    assert CAL.holiday_name(date(2026, 1, 2), "en") == (
        "New Year 2026: Friday 2 January swapped with Saturday 10 January"
    )
    assert CAL.holiday_name(date(2026, 1, 9)) is None


def test_without_the_file_the_package_alone_misses_the_swap():
    package_only = WorkingCalendar(official=NO_OFFICIAL_DAYS)
    assert package_only.is_working_day(date(2026, 1, 2))
    assert not package_only.is_working_day(date(2026, 1, 10))
    assert compute_due(package_only, at(2025, 12, 31), working_days(2)) == at(2026, 1, 5)


# --- one case per decision in the file


@pytest.mark.parametrize(
    "decision", OFFICIAL.decisions, ids=[d.document[:40] for d in OFFICIAL.decisions]
)
def test_each_decision_holds_in_the_default_calendar(decision):
    for day in decision.days_off:
        assert not CAL.is_working_day(day), day
    for day in decision.working_days:
        assert CAL.is_working_day(day), day


def _package_agrees(day: date, working: bool) -> bool:
    table = holidays.country_holidays("VN", years=day.year)
    if working:
        return day in getattr(table, "weekend_workdays", ())
    return day in table


@pytest.mark.parametrize(
    "decision", OFFICIAL.decisions, ids=[d.document[:40] for d in OFFICIAL.decisions]
)
def test_each_decision_says_truly_whether_the_package_has_it(decision):
    """When this fails after a `holidays` upgrade, set the entry's holidays_package anew."""
    agreements = [_package_agrees(day, False) for day in decision.days_off]
    agreements += [_package_agrees(day, True) for day in decision.working_days]
    if decision.holidays_package == "matches":
        assert all(agreements)
    else:
        assert not all(agreements)


def test_every_year_from_2024_is_covered_and_every_entry_names_its_source():
    years = {day.year for day in OFFICIAL.days_off | OFFICIAL.working_days}
    assert set(range(2024, 2027)) <= years
    assert OFFICIAL.version >= 1
    for decision in OFFICIAL.decisions:
        assert decision.issuer and decision.document and decision.source
        if not decision.primary_source_found:
            assert "not found" in decision.source or "UNVERIFIED" in decision.source


# --- the overrides (local, or pulled from central) still win over the file


def test_overrides_win_over_the_file():
    overrides = CalendarOverrides(
        working_days=frozenset({date(2026, 1, 2)}), days_off=frozenset({date(2026, 1, 10)})
    )
    calendar = WorkingCalendar(overrides=overrides)
    assert calendar.is_working_day(date(2026, 1, 2))
    assert not calendar.is_working_day(date(2026, 1, 10))
    assert compute_due(calendar, at(2025, 12, 31), working_days(2)) == at(2026, 1, 5)


def test_a_decision_can_reopen_a_day_the_package_closes():
    """Were 24/11/2026 found not to be a day off, the file's working day wins, name and all."""
    reopened = official_days_from_json(
        {
            **RAW,
            "decisions": [{**RAW["decisions"][-1], "days_off": [], "working_days": ["2026-11-24"]}],
        }
    )
    calendar = WorkingCalendar(official=reopened)
    assert CAL.holiday_name(date(2026, 11, 24), "en") == "Vietnam Cultural Day"
    assert calendar.is_working_day(date(2026, 11, 24))
    assert calendar.holiday_name(date(2026, 11, 24)) is None


def test_public_holidays_off_drops_the_file_too():
    calendar = WorkingCalendar(public_holidays=False)
    assert calendar.is_working_day(date(2026, 1, 2))
    assert not calendar.is_working_day(date(2026, 1, 10))


# --- the file's shape


def _broken(change) -> CounterError:  # type: ignore[no-untyped-def]
    data = copy.deepcopy(RAW)
    change(data)
    with pytest.raises(CounterError) as caught:
        official_days_from_json(data)
    return caught.value


def test_bad_files_are_refused_with_where_and_why():
    error = _broken(lambda d: d["decisions"][0]["days_off"].append("2024-13-01"))
    assert error.key == "calendar_file.invalid"
    assert error.message("en") == (
        "Invalid official calendar file: decisions[0].days_off[2]: must be a date YYYY-MM-DD"
    )
    error = _broken(lambda d: d.update(version=0))
    assert error.message("en") == (
        "Invalid official calendar file: version: must be a whole number, 1 or more"
    )
    error = _broken(lambda d: d.update(format="counter-app-catalog"))
    assert error.params["where"] == "format"
    error = _broken(lambda d: d["decisions"][1].pop("source"))
    assert error.message("en").endswith("decisions[1].source: is required but missing")
    error = _broken(lambda d: d["decisions"][1].update(holidays_package="maybe"))
    assert error.params["reason"] == "calendar_file.reason.verdict"
    error = _broken(lambda d: d["decisions"][1].update(days_off=[], working_days=[]))
    assert error.params["reason"] == "calendar_file.reason.no_days"


def test_a_day_in_two_decisions_is_refused():
    error = _broken(lambda d: d["decisions"][1]["working_days"].append("2024-01-01"))
    assert error.key == "calendar_file.day_twice"
    assert error.message("vi") == (
        "Tệp lịch nghỉ chính thức không hợp lệ: decisions[1]: "
        "ngày 2024-01-01 đã có trong một quyết định khác."
    )
