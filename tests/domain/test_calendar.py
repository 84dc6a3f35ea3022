"""The working calendar: days, hours, holidays, overrides and working-time arithmetic."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.domain.calendar import CalendarOverrides, WorkingCalendar, WorkSchedule
from counter_app.domain.clock import VN_TZ

CAL = WorkingCalendar()
H = timedelta(hours=1)


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0):
    return datetime(year, month, day, hour, minute, second, tzinfo=VN_TZ)


# -- schedule ----------------------------------------------------------------------------------


def test_default_schedule_is_eight_hours_monday_to_friday():
    schedule = WorkSchedule()
    assert schedule.working_time_per_day == timedelta(hours=8)
    assert schedule.to_dict() == {
        "weekdays": [0, 1, 2, 3, 4],
        "periods": [["07:00", "11:30"], ["13:30", "17:00"]],
    }


def test_schedule_round_trips_through_dict():
    schedule = WorkSchedule(
        periods=((time(7, 30), time(11, 30)), (time(13, 0), time(16, 30, 15))),
        weekdays=frozenset({0, 1, 2, 3, 4, 5}),
    )
    data = schedule.to_dict()
    assert data["periods"][1] == ["13:00", "16:30:15"]
    assert WorkSchedule.from_dict(data) == schedule


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"weekdays": [0], "periods": [["13:30", "17:00"], ["07:00", "11:30"]]}, "in order"),
        ({"weekdays": [0], "periods": [["07:00", "12:00"], ["11:30", "17:00"]]}, "overlap"),
        ({"weekdays": [0], "periods": [["11:30", "07:00"]]}, "start before"),
        ({"weekdays": [0], "periods": [["07:00", "07:00"]]}, "start before"),
        ({"weekdays": [7], "periods": [["07:00", "11:30"]]}, "weekday 7"),
        ({"weekdays": [-1], "periods": [["07:00", "11:30"]]}, "weekday -1"),
        ({"weekdays": [], "periods": [["07:00", "11:30"]]}, "at least one weekday"),
        ({"weekdays": [0], "periods": []}, "at least one working period"),
        ({"weekdays": [0], "periods": [["7h", "11:30"]]}, "not a time"),
        ({"weekdays": [0], "periods": [["07:00"]]}, "pair"),
        ({"weekdays": [0, 0], "periods": [["07:00", "11:30"]]}, "twice"),
        ({"periods": [["07:00", "11:30"]]}, "missing 'weekdays'"),
        ({"weekdays": "01234", "periods": [["07:00", "11:30"]]}, "list of numbers"),
    ],
)
def test_schedule_from_dict_refuses_bad_data(data, message):
    with pytest.raises(ValueError, match=message):
        WorkSchedule.from_dict(data)


def test_schedule_constructor_checks_order():
    with pytest.raises(ValueError, match="overlap"):
        WorkSchedule(periods=((time(8), time(12)), (time(11), time(17))))


# -- days --------------------------------------------------------------------------------------


def test_weekends_are_off_and_weekdays_work():
    assert CAL.is_working_day(date(2025, 3, 10))  # Monday
    assert CAL.is_working_day(date(2025, 3, 14))  # Friday
    assert not CAL.is_working_day(date(2025, 3, 15))  # Saturday
    assert not CAL.is_working_day(date(2025, 3, 16))  # Sunday


@pytest.mark.parametrize("day", [27, 28, 29, 30, 31])
def test_tet_2025_is_off(day):
    assert not CAL.is_working_day(date(2025, 1, day))
    assert CAL.holiday_name(date(2025, 1, day)) is not None


def test_tet_2025_ends_on_saturday_1_february():
    assert CAL.holiday_name(date(2025, 2, 1)) is not None
    assert CAL.next_working_day(date(2025, 1, 24)) == date(2025, 2, 3)


def test_make_up_saturday_2025_works_and_the_friday_is_off():
    assert CAL.is_working_day(date(2025, 4, 26))  # Saturday, worked for 2 May
    assert not CAL.is_working_day(date(2025, 5, 2))
    assert not CAL.is_working_day(date(2025, 4, 30))
    assert not CAL.is_working_day(date(2025, 5, 1))
    assert CAL.next_working_day(date(2025, 4, 25)) == date(2025, 4, 26)
    assert CAL.next_working_day(date(2025, 4, 29)) == date(2025, 5, 5)


def test_2026_holidays_and_make_up_day():
    for day in (16, 17, 18, 19, 20):  # Tết 2026, Monday to Friday
        assert not CAL.is_working_day(date(2026, 2, day))
    assert CAL.next_working_day(date(2026, 2, 13)) == date(2026, 2, 23)
    assert not CAL.is_working_day(date(2026, 4, 27))  # Hùng Kings, observed on the Monday
    assert CAL.is_working_day(date(2026, 8, 22))  # Saturday worked for Monday 31 August
    assert not CAL.is_working_day(date(2026, 8, 31))
    assert CAL.next_working_day(date(2026, 8, 28)) == date(2026, 9, 3)  # a Thursday


def test_holiday_names_in_both_languages():
    assert CAL.holiday_name(date(2025, 1, 29)) == "Tết Nguyên Đán"
    assert CAL.holiday_name(date(2025, 1, 29), "en") == "Lunar New Year"
    assert "26/04/2025" in CAL.holiday_name(date(2025, 5, 2))
    assert CAL.holiday_name(date(2025, 3, 10)) is None
    assert CAL.holiday_name(date(2025, 4, 26)) is None  # a make-up working day is no holiday


def test_public_holidays_can_be_switched_off():
    plain = WorkingCalendar(public_holidays=False)
    assert plain.is_working_day(date(2025, 1, 29))
    assert not plain.is_working_day(date(2025, 4, 26))
    assert plain.holiday_name(date(2025, 1, 29)) is None


def test_local_overrides():
    overrides = CalendarOverrides(
        days_off=frozenset({date(2025, 3, 11), date(2025, 3, 22)}),
        working_days=frozenset({date(2025, 3, 15), date(2025, 3, 22), date(2025, 1, 29)}),
    )
    cal = WorkingCalendar(overrides=overrides)
    assert not cal.is_working_day(date(2025, 3, 11))  # extra day off on a Tuesday
    assert cal.is_working_day(date(2025, 3, 15))  # extra working Saturday
    assert not cal.is_working_day(date(2025, 3, 22))  # both: the day off wins
    assert cal.is_working_day(date(2025, 1, 29))  # a local working day beats a holiday
    assert cal.next_working_day(date(2025, 3, 10)) == date(2025, 3, 12)


def test_local_day_off_beats_a_make_up_saturday():
    cal = WorkingCalendar(overrides=CalendarOverrides(days_off=frozenset({date(2025, 4, 26)})))
    assert not cal.is_working_day(date(2025, 4, 26))


def test_saturday_morning_schedule():
    mornings = WorkSchedule(periods=((time(7, 30), time(11, 30)),), weekdays=frozenset(range(6)))
    cal = WorkingCalendar(mornings)
    assert mornings.working_time_per_day == timedelta(hours=4)
    assert cal.is_working_day(date(2025, 3, 15))
    assert not cal.is_working_day(date(2025, 3, 16))
    assert cal.end_of_day(date(2025, 3, 15)) == at(2025, 3, 15, 11, 30)
    assert cal.next_working_moment(at(2025, 3, 14, 12)) == at(2025, 3, 15, 7, 30)
    assert cal.add_working_time(at(2025, 3, 14, 10), 4 * H) == at(2025, 3, 15, 10)


# -- moments -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(2025, 3, 10, 7), True),
        (at(2025, 3, 10, 11, 30), True),  # the end of a period is still in hours
        (at(2025, 3, 10, 11, 30, 1), False),
        (at(2025, 3, 10, 12), False),
        (at(2025, 3, 10, 13, 30), True),
        (at(2025, 3, 10, 17), True),
        (at(2025, 3, 10, 17, 0, 1), False),
        (at(2025, 3, 10, 6, 59, 59), False),
        (at(2025, 3, 15, 9), False),  # Saturday
        (at(2025, 1, 29, 9), False),  # Tết
        (at(2025, 4, 26, 9), True),  # make-up Saturday
    ],
)
def test_is_working_moment(moment, expected):
    assert CAL.is_working_moment(moment) is expected


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(2025, 3, 10, 9, 15, 42), at(2025, 3, 10, 9, 15, 42)),  # in hours: itself, seconds kept
        (at(2025, 3, 10, 7), at(2025, 3, 10, 7)),
        (at(2025, 3, 10, 6, 30), at(2025, 3, 10, 7)),
        (at(2025, 3, 10, 11, 30), at(2025, 3, 10, 13, 30)),  # end of the morning: no time left
        (at(2025, 3, 10, 12, 10), at(2025, 3, 10, 13, 30)),  # lunch
        (at(2025, 3, 10, 17), at(2025, 3, 11, 7)),
        (at(2025, 3, 14, 18), at(2025, 3, 17, 7)),  # Friday evening
        (at(2025, 3, 15, 9), at(2025, 3, 17, 7)),  # Saturday
        (at(2025, 1, 24, 17, 30), at(2025, 2, 3, 7)),  # before Tết
        (at(2025, 4, 25, 17, 30), at(2025, 4, 26, 7)),  # make-up Saturday next
    ],
)
def test_next_working_moment(moment, expected):
    result = CAL.next_working_moment(moment)
    assert result == expected
    assert result.utcoffset() == timedelta(hours=7)


def test_inputs_are_normalised_to_vietnam_time():
    naive = datetime(2025, 3, 10, 12, 0)
    assert CAL.next_working_moment(naive) == at(2025, 3, 10, 13, 30)
    utc_moment = datetime(2025, 3, 10, 0, 0, tzinfo=UTC)  # 07:00 in Hà Nội
    result = CAL.next_working_moment(utc_moment)
    assert result == at(2025, 3, 10, 7)
    assert result.tzinfo is VN_TZ
    assert CAL.add_working_time(utc_moment, 8 * H).tzinfo is VN_TZ


def test_end_of_day():
    assert CAL.end_of_day(date(2025, 3, 10)) == at(2025, 3, 10, 17)


# -- working time ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "amount", "expected"),
    [
        (at(2025, 3, 10, 7), 8 * H, at(2025, 3, 10, 17)),  # lands on the end: that end
        (at(2025, 3, 10, 7), 4.5 * H, at(2025, 3, 10, 11, 30)),
        (at(2025, 3, 10, 7), 4.5 * H + timedelta(seconds=1), at(2025, 3, 10, 13, 30, 1)),
        (at(2025, 3, 10, 12), 2 * H, at(2025, 3, 10, 15, 30)),
        (at(2025, 3, 10, 18), 2 * H, at(2025, 3, 11, 9)),
        (at(2025, 3, 14, 16), 2 * H, at(2025, 3, 17, 8)),
        (at(2025, 3, 10, 7, 0, 30), 1 * H, at(2025, 3, 10, 8, 0, 30)),
        (at(2025, 3, 10, 7), 40 * H, at(2025, 3, 14, 17)),
        (
            at(2025, 3, 10, 7),
            40 * H + timedelta(microseconds=1),
            at(2025, 3, 17, 7, 0, 0) + timedelta(microseconds=1),
        ),
        (at(2025, 1, 24, 16), 8 * H, at(2025, 2, 3, 16)),  # across Tết
        (at(2025, 3, 10, 12), timedelta(0), at(2025, 3, 10, 12)),  # nothing to add
    ],
)
def test_add_working_time(start, amount, expected):
    assert CAL.add_working_time(start, amount) == expected


def test_add_working_time_refuses_negative_amounts():
    with pytest.raises(ValueError, match="negative"):
        CAL.add_working_time(at(2025, 3, 10, 9), -H)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (at(2025, 3, 10, 7), at(2025, 3, 10, 17), 8 * H),
        (at(2025, 3, 10, 10), at(2025, 3, 10, 14), 2 * H),
        (at(2025, 3, 10, 12), at(2025, 3, 10, 13), timedelta(0)),
        (at(2025, 3, 14, 16), at(2025, 3, 17, 9), 3 * H),  # over the weekend
        (at(2025, 1, 24, 7), at(2025, 2, 4, 7), 16 * H),  # Friday, Tết, then Monday
        (at(2025, 4, 25, 7), at(2025, 5, 5, 7), 32 * H),  # Fri, Sat (make-up), Mon, Tue
        (at(2025, 3, 10, 14), at(2025, 3, 10, 10), timedelta(0)),  # backwards: nothing
    ],
)
def test_working_time_between(start, end, expected):
    assert CAL.working_time_between(start, end) == expected


# -- broken set-ups do not hang ----------------------------------------------------------------


def test_schedule_without_periods_raises():
    cal = WorkingCalendar(WorkSchedule(periods=()))
    with pytest.raises(ValueError, match="no working periods"):
        cal.next_working_moment(at(2025, 3, 10, 9))
    with pytest.raises(ValueError, match="no working periods"):
        cal.add_working_time(at(2025, 3, 10, 9), H)


def test_schedule_without_weekdays_raises():
    cal = WorkingCalendar(WorkSchedule(weekdays=frozenset()), public_holidays=False)
    with pytest.raises(ValueError, match="no working day"):
        cal.next_working_day(date(2025, 3, 10))
    with pytest.raises(ValueError, match="no working day"):
        cal.next_working_moment(at(2025, 3, 10, 9))
    with pytest.raises(ValueError, match="no working day"):
        cal.add_working_time(at(2025, 3, 10, 9), H)


def test_only_make_up_days_still_make_a_calendar():
    cal = WorkingCalendar(WorkSchedule(weekdays=frozenset()))
    assert cal.next_working_day(date(2025, 1, 1)) == date(2025, 4, 26)
    assert cal.next_working_day(date(2025, 4, 26)) == date(2026, 1, 10)  # official_days.json
    assert cal.next_working_day(date(2026, 1, 10)) == date(2026, 8, 22)


# -- properties --------------------------------------------------------------------------------

moments = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2027, 6, 30), timezones=st.just(VN_TZ)
)
amounts = st.integers(min_value=0, max_value=30 * 8 * 3600).map(lambda s: timedelta(seconds=s))


@st.composite
def schedules(draw) -> WorkSchedule:
    minutes = sorted(
        draw(st.sets(st.integers(min_value=0, max_value=24 * 60 - 1), min_size=2, max_size=6))
    )
    minutes = minutes[: len(minutes) // 2 * 2]
    periods = tuple(
        (time(a // 60, a % 60), time(b // 60, b % 60))
        for a, b in zip(minutes[::2], minutes[1::2], strict=True)
    )
    weekdays = draw(st.frozensets(st.integers(min_value=0, max_value=6), min_size=1))
    return WorkSchedule(periods=periods, weekdays=weekdays)


@settings(max_examples=200)
@given(moments, amounts, amounts)
def test_working_time_adds_up(start, a, b):
    assert CAL.add_working_time(CAL.add_working_time(start, a), b) == CAL.add_working_time(
        start, a + b
    )


@settings(max_examples=200)
@given(moments, amounts)
def test_working_time_between_undoes_add(start, amount):
    working_start = CAL.next_working_moment(start)
    assert CAL.working_time_between(working_start, CAL.add_working_time(working_start, amount)) == (
        amount
    )
    # from any moment, not only working ones
    assert CAL.working_time_between(start, CAL.add_working_time(start, amount)) == amount


@settings(max_examples=200)
@given(moments, amounts.filter(bool))
def test_added_time_ends_in_working_hours(start, amount):
    assert CAL.is_working_moment(CAL.add_working_time(start, amount))


@settings(max_examples=200)
@given(moments, moments, moments)
def test_working_time_between_is_additive(a, b, c):
    a, b, c = sorted((a, b, c))
    assert CAL.working_time_between(a, b) + CAL.working_time_between(b, c) == (
        CAL.working_time_between(a, c)
    )


@settings(max_examples=200)
@given(moments)
def test_next_working_moment_is_the_first_one(moment):
    result = CAL.next_working_moment(moment)
    assert result >= moment
    assert CAL.is_working_moment(result)
    assert CAL.working_time_between(moment, result) == timedelta(0)
    assert CAL.next_working_moment(result) == result


@settings(max_examples=200, deadline=None)
@given(schedules(), moments, amounts, amounts)
def test_any_schedule_keeps_the_arithmetic(schedule, start, a, b):
    cal = WorkingCalendar(schedule)
    assert WorkSchedule.from_dict(schedule.to_dict()) == schedule
    end = cal.add_working_time(start, a)
    assert cal.working_time_between(start, end) == a
    assert cal.add_working_time(end, b) == cal.add_working_time(start, a + b)
    if a:
        assert cal.is_working_moment(end)
