"""The due time (ngày hẹn trả) of a dossier, and how a supplement round moves it.

The rules follow how provincial systems compute it (docs/DOMAIN.md, "Due time"): the clock starts at
the next working moment after receipt and runs only in working time; calendar days fall back to
the next working day; same-day work ends with the working day, or the next one when received
after the cut-off ("nhận sau 15 giờ": 15:00:00 itself is still same-day, 15:00:01 is not).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from decimal import ROUND_HALF_EVEN, Decimal
from functools import partial

from counter_app.domain.calendar import WorkingCalendar
from counter_app.domain.catalog import Duration, DurationUnit
from counter_app.domain.clock import local

_US_PER_HOUR = 3_600_000_000
_US_PER_DAY = 24 * _US_PER_HOUR


def _microseconds(amount: Decimal, unit_us: int) -> timedelta:
    """`amount` units as a timedelta, exact to the microsecond (amounts may be fractional)."""
    amount = Decimal(amount)
    if not amount.is_finite() or amount < 0:
        raise ValueError(f"a duration must be a finite, non-negative amount, not {amount}")
    return timedelta(microseconds=int((amount * unit_us).to_integral_value(ROUND_HALF_EVEN)))


def compute_due(
    calendar: WorkingCalendar, received_at: datetime, duration: Duration
) -> datetime | None:
    """When the result is promised for a dossier received at `received_at`; None: no deadline."""
    unit = duration.unit
    if unit is DurationUnit.NONE:
        return None
    received = local(received_at)
    start = calendar.next_working_moment(received)

    if unit is DurationUnit.WORKING_DAYS:
        per_day = calendar.schedule.working_time_per_day // timedelta(microseconds=1)
        return calendar.add_working_time(start, _microseconds(duration.amount, per_day))

    if unit is DurationUnit.WORKING_HOURS:
        return calendar.add_working_time(start, _microseconds(duration.amount, _US_PER_HOUR))

    if unit is DurationUnit.SAME_DAY:
        cutoff = duration.cutoff
        if (
            cutoff is not None
            and calendar.is_working_day(received.date())
            and received.time() > cutoff.replace(tzinfo=None)
        ):
            return calendar.end_of_day(calendar.next_working_day(received.date()))
        return calendar.end_of_day(start.date())

    if unit is DurationUnit.CALENDAR_DAYS:
        due = start + _microseconds(duration.amount, _US_PER_DAY)
        if not calendar.is_working_day(due.date()):
            next_day = calendar.next_working_day(due.date())
            due = due.replace(year=next_day.year, month=next_day.month, day=next_day.day)
        # Whole days keep the start's clock time, which is in hours; a fractional amount may
        # land at night, and an appointment at 03:00 means the next opening.
        if not calendar.is_working_moment(due):
            due = calendar.next_working_moment(due)
        return due

    raise ValueError(f"unknown duration unit: {unit!r}")


def shift_due(
    calendar: WorkingCalendar, old_due: datetime, paused_at: datetime, resumed_at: datetime
) -> datetime:
    """The due time after a supplement round: later by the working time spent waiting."""
    waited = calendar.working_time_between(paused_at, resumed_at)
    return calendar.add_working_time(old_due, waited)


def due_shifter(calendar: WorkingCalendar) -> Callable[[datetime, datetime, datetime], datetime]:
    """`shift_due` bound to a calendar, in the shape `lifecycle.apply(shift_due=...)` takes."""
    return partial(shift_due, calendar)
