"""Due times (ngày hẹn trả) by the rules of docs/DOMAIN.md, and the supplement round's shift."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.domain.calendar import CalendarOverrides, WorkingCalendar, WorkSchedule
from counter_app.domain.catalog import Duration, DurationUnit
from counter_app.domain.clock import VN_TZ
from counter_app.domain.deadlines import compute_due, due_shifter, shift_due

CAL = WorkingCalendar()
H = timedelta(hours=1)
CUTOFF = time(15, 0)


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0):
    return datetime(year, month, day, hour, minute, second, tzinfo=VN_TZ)


def working_days(amount) -> Duration:
    return Duration(DurationUnit.WORKING_DAYS, Decimal(amount))


def working_hours(amount) -> Duration:
    return Duration(DurationUnit.WORKING_HOURS, Decimal(amount))


def calendar_days(amount) -> Duration:
    return Duration(DurationUnit.CALENDAR_DAYS, Decimal(amount))


def same_day(cutoff: time | None = CUTOFF) -> Duration:
    return Duration(DurationUnit.SAME_DAY, cutoff=cutoff)


@pytest.mark.parametrize(
    ("received", "duration", "due"),
    [
        # working days: the clock starts at the next working moment
        (at(2025, 3, 10, 7), working_days(1), at(2025, 3, 10, 17)),  # not Tuesday 07:00
        (at(2025, 3, 10, 9, 15, 42), working_days(1), at(2025, 3, 11, 9, 15, 42)),
        (at(2025, 3, 10, 12), working_days(1), at(2025, 3, 11, 11, 30)),  # lunch: from 13:30
        (at(2025, 3, 10, 17, 30), working_days(1), at(2025, 3, 11, 17)),  # after hours
        (at(2025, 3, 10, 6, 30), working_days(1), at(2025, 3, 10, 17)),  # before hours
        (at(2025, 3, 15, 10), working_days(3), at(2025, 3, 19, 17)),  # Saturday
        (at(2025, 3, 10, 10), working_days("0.5"), at(2025, 3, 10, 16)),
        (at(2025, 3, 10, 7), working_days(0), at(2025, 3, 10, 7)),
        (at(2025, 1, 24, 10), working_days(3), at(2025, 2, 5, 10)),  # across Tết 2025
        (at(2025, 1, 27, 10), working_days(1), at(2025, 2, 3, 17)),  # received during Tết
        (at(2025, 4, 25, 7), working_days(2), at(2025, 4, 26, 17)),  # make-up Saturday counts
        (at(2025, 4, 29, 9), working_days(1), at(2025, 5, 5, 9)),  # 30/4, 1/5, 2/5 off
        (at(2026, 2, 13, 14), working_days(1), at(2026, 2, 23, 14)),  # across Tết 2026
        (at(2026, 8, 21, 7), working_days(2), at(2026, 8, 22, 17)),  # make-up Saturday 2026
        (at(2026, 8, 28, 7), working_days(2), at(2026, 9, 3, 17)),  # 31/8, 1/9, 2/9 off
        # working hours
        (at(2025, 3, 10, 16), working_hours(4), at(2025, 3, 11, 10)),
        (at(2025, 3, 10, 12, 45), working_hours("1.5"), at(2025, 3, 10, 15)),
        (at(2025, 3, 14, 16), working_hours(1), at(2025, 3, 14, 17)),
        # calendar days
        (at(2025, 3, 3, 10), calendar_days(5), at(2025, 3, 10, 10)),  # Saturday -> Monday
        (at(2025, 3, 10, 12), calendar_days(1), at(2025, 3, 11, 13, 30)),  # from 13:30
        (at(2025, 3, 15, 10), calendar_days(10), at(2025, 3, 27, 7)),  # from Monday 07:00
        (at(2025, 1, 17, 9), calendar_days(10), at(2025, 2, 3, 9)),  # lands in Tết
        (at(2025, 4, 16, 8), calendar_days(10), at(2025, 4, 26, 8)),  # make-up Saturday
        (at(2026, 1, 31, 9), calendar_days(15), at(2026, 2, 23, 7)),  # Tết 2026
        (at(2025, 3, 10, 16), calendar_days("0.5"), at(2025, 3, 11, 7)),  # 04:00: opening
        # same day, cut-off 15:00
        (at(2025, 3, 10, 9), same_day(), at(2025, 3, 10, 17)),
        (at(2025, 3, 10, 14, 59, 59), same_day(), at(2025, 3, 10, 17)),
        (at(2025, 3, 10, 15), same_day(), at(2025, 3, 10, 17)),  # at the cut-off: same day
        (at(2025, 3, 10, 16), same_day(), at(2025, 3, 11, 17)),
        (at(2025, 3, 10, 17, 30), same_day(), at(2025, 3, 11, 17)),
        (at(2025, 3, 10, 6, 30), same_day(), at(2025, 3, 10, 17)),
        (at(2025, 3, 10, 12), same_day(), at(2025, 3, 10, 17)),  # lunch, before the cut-off
        (at(2025, 3, 15, 10), same_day(), at(2025, 3, 17, 17)),  # Saturday
        (at(2025, 3, 14, 15, 30), same_day(), at(2025, 3, 17, 17)),  # Friday after cut-off
        (at(2025, 1, 24, 15, 30), same_day(), at(2025, 2, 3, 17)),  # before Tết
        (at(2025, 4, 25, 15, 30), same_day(), at(2025, 4, 26, 17)),  # make-up Saturday next
        # same day without a cut-off
        (at(2025, 3, 10, 16), same_day(None), at(2025, 3, 10, 17)),
        (at(2025, 3, 10, 17, 30), same_day(None), at(2025, 3, 11, 17)),
        (at(2025, 3, 15, 10), same_day(None), at(2025, 3, 17, 17)),
    ],
)
def test_compute_due(received, duration, due):
    result = compute_due(CAL, received, duration)
    assert result == due
    assert result.tzinfo is VN_TZ


def test_no_deadline():
    assert compute_due(CAL, at(2025, 3, 10, 9), Duration.none()) is None


def test_naive_receipt_is_local_time():
    assert compute_due(CAL, datetime(2025, 3, 10, 7), working_days(1)) == at(2025, 3, 10, 17)


def test_negative_amount_is_refused():
    with pytest.raises(ValueError, match="non-negative"):
        compute_due(CAL, at(2025, 3, 10, 9), working_days(-1))


def test_local_overrides_move_the_due_time():
    overrides = CalendarOverrides(
        days_off=frozenset({date(2025, 3, 11)}), working_days=frozenset({date(2025, 3, 15)})
    )
    cal = WorkingCalendar(overrides=overrides)
    assert compute_due(cal, at(2025, 3, 10, 7), working_days(2)) == at(2025, 3, 12, 17)
    assert compute_due(cal, at(2025, 3, 14, 7), working_days(2)) == at(2025, 3, 15, 17)
    assert compute_due(cal, at(2025, 3, 14, 15, 30), same_day()) == at(2025, 3, 15, 17)
    assert compute_due(cal, at(2025, 3, 7, 9), calendar_days(4)) == at(2025, 3, 12, 9)


def test_other_schedules():
    seven_hours = WorkingCalendar(
        WorkSchedule(periods=((time(7, 30), time(11, 30)), (time(13), time(16, 30))))
    )
    assert compute_due(seven_hours, at(2025, 3, 10, 7), working_days(1)) == at(2025, 3, 10, 16, 30)
    assert compute_due(seven_hours, at(2025, 3, 10, 12), same_day()) == at(2025, 3, 10, 16, 30)

    saturday_mornings = WorkingCalendar(
        WorkSchedule(periods=((time(7, 30), time(11, 30)),), weekdays=frozenset(range(6)))
    )
    assert compute_due(saturday_mornings, at(2025, 3, 14, 10), working_days(1)) == at(
        2025, 3, 15, 10
    )
    assert compute_due(saturday_mornings, at(2025, 3, 15, 9), same_day()) == at(2025, 3, 15, 11, 30)
    assert compute_due(saturday_mornings, at(2025, 3, 15, 12), same_day()) == at(
        2025, 3, 17, 11, 30
    )
    # public holidays still apply on a Saturday schedule
    assert compute_due(saturday_mornings, at(2025, 1, 27, 9), same_day()) == at(2025, 2, 3, 11, 30)


# -- supplement rounds -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old_due", "paused", "resumed", "new_due"),
    [
        (at(2025, 3, 12, 17), at(2025, 3, 10, 16), at(2025, 3, 11, 9), at(2025, 3, 13, 10)),
        (at(2025, 3, 12, 17), at(2025, 3, 15, 9), at(2025, 3, 16, 9), at(2025, 3, 12, 17)),
        (at(2025, 1, 24, 17), at(2025, 1, 24, 16), at(2025, 2, 4, 8), at(2025, 2, 4, 9)),
        (at(2025, 3, 12, 10), at(2025, 3, 10, 12), at(2025, 3, 10, 14), at(2025, 3, 12, 10, 30)),
        (at(2025, 3, 12, 10), at(2025, 3, 11, 9), at(2025, 3, 11, 9), at(2025, 3, 12, 10)),
    ],
)
def test_shift_due(old_due, paused, resumed, new_due):
    assert shift_due(CAL, old_due, paused, resumed) == new_due
    assert due_shifter(CAL)(old_due, paused, resumed) == new_due


# -- properties --------------------------------------------------------------------------------

moments = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2027, 6, 30), timezones=st.just(VN_TZ)
)
amounts = st.decimals(min_value=0, max_value=30, places=2)
whole_amounts = st.integers(min_value=0, max_value=60).map(Decimal)
cutoffs = st.one_of(st.none(), st.times())


@st.composite
def working_durations(draw) -> Duration:
    """Durations counted in working time: their due time is always in working hours."""
    unit = draw(st.sampled_from([DurationUnit.WORKING_DAYS, DurationUnit.WORKING_HOURS]))
    if draw(st.booleans()):
        return Duration(DurationUnit.SAME_DAY, cutoff=draw(cutoffs))
    return Duration(unit, draw(amounts))


@settings(max_examples=200)
@given(moments, working_durations())
def test_due_is_in_working_hours_and_not_before_receipt(received, duration):
    due = compute_due(CAL, received, duration)
    assert CAL.is_working_moment(due)
    assert due >= received


@settings(max_examples=200)
@given(moments, whole_amounts)
def test_calendar_days_due_is_in_working_hours(received, amount):
    due = compute_due(CAL, received, calendar_days(amount))
    assert CAL.is_working_moment(due)
    assert due >= received + timedelta(days=int(amount))


@settings(max_examples=200)
@given(
    moments,
    st.sampled_from([DurationUnit.WORKING_DAYS, DurationUnit.WORKING_HOURS]),
    amounts,
    amounts,
)
def test_longer_durations_never_give_earlier_due_times(received, unit, a, b):
    a, b = sorted((a, b))
    assert compute_due(CAL, received, Duration(unit, a)) <= compute_due(
        CAL, received, Duration(unit, b)
    )


@settings(max_examples=200)
@given(moments, whole_amounts, whole_amounts)
def test_more_calendar_days_never_give_earlier_due_times(received, a, b):
    a, b = sorted((a, b))
    assert compute_due(CAL, received, calendar_days(a)) <= compute_due(
        CAL, received, calendar_days(b)
    )


@settings(max_examples=200)
@given(moments, moments, working_durations())
def test_later_receipt_never_gives_earlier_due_time(first, second, duration):
    first, second = sorted((first, second))
    assert compute_due(CAL, first, duration) <= compute_due(CAL, second, duration)


@settings(max_examples=200)
@given(moments, moments)
def test_shift_with_no_wait_is_identity(old_due, paused):
    assert shift_due(CAL, old_due, paused, paused) == old_due


@settings(max_examples=200)
@given(moments, moments, moments, working_durations())
def test_shift_adds_exactly_the_working_time_waited(received, paused, resumed, duration):
    old_due = compute_due(CAL, received, duration)
    new_due = shift_due(CAL, old_due, paused, resumed)
    assert new_due >= old_due
    assert CAL.working_time_between(old_due, new_due) == CAL.working_time_between(paused, resumed)
