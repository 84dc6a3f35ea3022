"""Reading what the administrator typed into a working schedule: every problem at once, by
field, so the page can show each next to its field and save nothing until all are fixed."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from itertools import pairwise

from PySide6.QtCore import QCoreApplication

from counter_app.domain.calendar import CalendarOverrides, WorkingCalendar, WorkSchedule
from counter_app.services.calendars import CalendarService

MAX_PERIODS = 3
WEEKDAYS_FIELD = "weekdays"
_CLOCK = re.compile(r"^\s*(\d{1,2})[:.hH](\d{2})\s*$")


def period_field(index: int) -> str:
    return f"period{index}"


def parse_clock(text: str) -> time | None:
    """07:30, 7:30, 7h30 or 7.30; None when it is not a time of day."""
    match = _CLOCK.match(text)
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def clock_text(value: time) -> str:
    return value.strftime("%H:%M")


@dataclass
class ScheduleReading:
    schedule: WorkSchedule | None = None
    problems: dict[str, str] = field(default_factory=dict)


def read_schedule(weekdays: Iterable[int], periods: list[tuple[str, str]]) -> ScheduleReading:
    """A schedule from the form's weekdays and up to three (start, end) texts; a row with both
    texts empty is unused."""
    reading = ScheduleReading()
    days = frozenset(weekdays)
    if not days:
        reading.problems[WEEKDAYS_FIELD] = QCoreApplication.translate(
            "ScheduleForm", "Choose at least one working day."
        )
    parsed: list[tuple[int, time, time]] = []
    for index, (start_text, end_text) in enumerate(periods[:MAX_PERIODS]):
        name = period_field(index)
        if not start_text.strip() and not end_text.strip():
            continue
        if not start_text.strip() or not end_text.strip():
            reading.problems[name] = QCoreApplication.translate(
                "ScheduleForm", "Give both the start and the end, or leave both empty."
            )
            continue
        start, end = parse_clock(start_text), parse_clock(end_text)
        if start is None or end is None:
            reading.problems[name] = QCoreApplication.translate(
                "ScheduleForm", "Write the times as HH:MM, for example 07:30."
            )
            continue
        if start >= end:
            reading.problems[name] = QCoreApplication.translate(
                "ScheduleForm", "The period must end after it starts."
            )
            continue
        parsed.append((index, start, end))
    for (_, _, previous_end), (index, start, _) in pairwise(parsed):
        if start < previous_end:
            reading.problems[period_field(index)] = QCoreApplication.translate(
                "ScheduleForm", "The period must start after the previous one ends ({time})."
            ).format(time=clock_text(previous_end))
    if not parsed and not any(key.startswith("period") for key in reading.problems):
        reading.problems[period_field(0)] = QCoreApplication.translate(
            "ScheduleForm", "Give at least one working period."
        )
    if reading.problems:
        return reading
    reading.schedule = WorkSchedule(
        periods=tuple((start, end) for _, start, end in parsed), weekdays=days
    )
    return reading


def duration_text(amount: timedelta) -> str:
    """8:00 for eight hours of work a day."""
    minutes = int(amount.total_seconds() // 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


@dataclass(frozen=True)
class OfficialDay:
    day: date
    name: str | None  # None for a make-up working day, which the tables leave unnamed
    working: bool  # True: a weekend day worked to make up for a holiday


def official_days(year: int, lang: str) -> list[OfficialDay]:
    """The year's public holidays and make-up working days, as the `holidays` package knows
    them: the national calendar, before any schedule or local override of this counter."""
    calendar = WorkingCalendar(WorkSchedule(), CalendarOverrides())
    found: list[OfficialDay] = []
    day = date(year, 1, 1)
    while day.year == year:
        name = calendar.holiday_name(day, lang)
        if name is not None:
            found.append(OfficialDay(day, name, working=False))
        elif day.weekday() >= 5 and calendar.is_working_day(day):
            found.append(OfficialDay(day, None, working=True))
        day += timedelta(days=1)
    return found


@dataclass(frozen=True)
class LocalOverride:
    day: date
    agency_code: str  # "" = every agency
    working: bool  # True: an extra working day; False: a local day off


def local_overrides(calendars: CalendarService, agency_codes: Iterable[str]) -> list[LocalOverride]:
    """The counter's own days off and extra working days, each with the agency it is for.

    The calendar service gives each agency its overrides merged with the counter-wide ones;
    the agency's own are what its calendar has beyond the counter-wide calendar's. (The notes
    typed with them are stored but the service has no way to read them back yet.)"""
    everyone = calendars.for_agency("").overrides
    found = [LocalOverride(day, "", False) for day in everyone.days_off]
    found += [LocalOverride(day, "", True) for day in everyone.working_days]
    for code in agency_codes:
        own = calendars.for_agency(code).overrides
        found += [LocalOverride(day, code, False) for day in own.days_off - everyone.days_off]
        found += [
            LocalOverride(day, code, True) for day in own.working_days - everyone.working_days
        ]
    return sorted(found, key=lambda o: (o.day, o.agency_code != "", o.agency_code))
