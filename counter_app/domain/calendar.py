"""The working calendar: which days the counter works, at which hours, and how working time adds up.

Deadlines are counted in working time (docs/DOMAIN.md, "Due time"), so everything here is about
walking a timeline that only runs during the schedule's periods on working days. Public holidays
and the government's make-up working Saturdays come from the `holidays` package, corrected by the
official decisions shipped as data (`official_days`, for swaps the package does not carry); an
agency adds its own days off and extra working days as overrides, which win over both. The
schedule and overrides are data an administrator changes, never constants.

Speed matters: the deadline is recomputed per keystroke in the UI and for every generated dossier,
so holiday tables are built once per year (and kept on disk for the next process:
`package_holidays`) and each day's working status is cached per calendar.
Times are handled as integer microseconds from midnight, which keeps seconds exact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from counter_app.domain.clock import VN_TZ, local
from counter_app.domain.official_days import OfficialDays, shipped_official_days
from counter_app.domain.package_holidays import official_year

_US_PER_SECOND = 1_000_000
_US_PER_DAY = 86_400 * _US_PER_SECOND
# How far the calendar looks for a working day before deciding the set-up has none at all.
SEARCH_LIMIT_DAYS = 3 * 366
# Language codes of the app -> those of the `holidays` package.
_HOLIDAY_LANGUAGES = {"vi": "vi", "en": "en_US"}

_DEFAULT_PERIODS = ((time(7, 0), time(11, 30)), (time(13, 30), time(17, 0)))
_DEFAULT_WEEKDAYS = frozenset(range(5))


def _time_us(value: time) -> int:
    return (
        value.hour * 3600 + value.minute * 60 + value.second
    ) * _US_PER_SECOND + value.microsecond


def _check_periods(periods: tuple[tuple[time, time], ...]) -> None:
    previous_end: time | None = None
    for number, period in enumerate(periods, start=1):
        if len(period) != 2:
            raise ValueError(f"working period {number} must be a pair [start, end]")
        start, end = period
        if not isinstance(start, time) or not isinstance(end, time):
            raise ValueError(f"working period {number} must hold two times of day")
        if start.tzinfo is not None or end.tzinfo is not None:
            raise ValueError(f"working period {number} must be in local time, without offset")
        if start >= end:
            raise ValueError(
                f"working period {number} must start before it ends ({start} is not before {end})"
            )
        if previous_end is not None and start < previous_end:
            raise ValueError(
                f"working periods must be in order and must not overlap "
                f"(period {number} starts at {start}, before the previous one ends at "
                f"{previous_end})"
            )
        previous_end = end


def _check_weekdays(weekdays: frozenset[int]) -> None:
    for day in weekdays:
        if isinstance(day, bool) or not isinstance(day, int) or not 0 <= day <= 6:
            raise ValueError(f"weekday {day!r} is not a number from 0 (Monday) to 6 (Sunday)")


def _format_time(value: time) -> str:
    if value.second == 0 and value.microsecond == 0:
        return value.strftime("%H:%M")
    return value.isoformat()


def _parse_time(value: Any, where: str) -> time:
    if isinstance(value, time):
        return value
    if not isinstance(value, str):
        raise ValueError(f"{where}: expected a time like '07:30', got {value!r}")
    try:
        return time.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{where}: {value!r} is not a time like '07:30'") from None


@dataclass(frozen=True)
class WorkSchedule:
    """The counter's opening hours: the same periods on each working day (default 8 h a day).

    The constructor checks the periods' order and the weekday numbers (the timeline walk relies on
    them) but allows an empty schedule; a calendar built on one raises ValueError when used.
    `from_dict`, the administrator's way in, refuses empty schedules outright.
    """

    periods: tuple[tuple[time, time], ...] = _DEFAULT_PERIODS
    weekdays: frozenset[int] = _DEFAULT_WEEKDAYS  # Monday = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "periods", tuple(tuple(period) for period in self.periods))
        object.__setattr__(self, "weekdays", frozenset(self.weekdays))
        _check_periods(self.periods)
        _check_weekdays(self.weekdays)

    @property
    def working_time_per_day(self) -> timedelta:
        """One "working day" of a duration: the total length of the periods."""
        return timedelta(
            microseconds=sum(_time_us(end) - _time_us(start) for start, end in self.periods)
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "weekdays": sorted(self.weekdays),
            "periods": [[_format_time(start), _format_time(end)] for start, end in self.periods],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> WorkSchedule:
        """Read a schedule as `to_dict` writes it; raises ValueError with a readable reason."""
        if not isinstance(data, dict):
            raise ValueError("a work schedule must be a mapping with 'weekdays' and 'periods'")
        missing = [key for key in ("weekdays", "periods") if key not in data]
        if missing:
            raise ValueError(f"work schedule is missing {', '.join(repr(k) for k in missing)}")
        raw_weekdays, raw_periods = data["weekdays"], data["periods"]
        if isinstance(raw_weekdays, str | bytes) or not hasattr(raw_weekdays, "__iter__"):
            raise ValueError("'weekdays' must be a list of numbers from 0 (Monday) to 6 (Sunday)")
        if isinstance(raw_periods, str | bytes) or not hasattr(raw_periods, "__iter__"):
            raise ValueError("'periods' must be a list of [start, end] pairs")
        weekdays = list(raw_weekdays)
        if not weekdays:
            raise ValueError("a work schedule needs at least one weekday")
        if len(set(weekdays)) != len(weekdays):
            raise ValueError("'weekdays' lists a day twice")
        _check_weekdays(frozenset(weekdays))
        periods: list[tuple[time, time]] = []
        for number, pair in enumerate(raw_periods, start=1):
            if isinstance(pair, str | bytes) or not hasattr(pair, "__len__") or len(pair) != 2:
                raise ValueError(f"working period {number} must be a pair [start, end]")
            where = f"working period {number}"
            periods.append((_parse_time(pair[0], where), _parse_time(pair[1], where)))
        if not periods:
            raise ValueError("a work schedule needs at least one working period")
        return cls(periods=tuple(periods), weekdays=frozenset(weekdays))


@dataclass(frozen=True)
class CalendarOverrides:
    """The agency's own changes to the official calendar, set at the counter or pushed by
    central; they win over the shipped decisions and the `holidays` package. A date in both
    sets is a day off: closing is the safer reading."""

    days_off: frozenset[date] = frozenset()  # local extra days off
    working_days: frozenset[date] = frozenset()  # local extra working days (e.g. a Saturday)


DEFAULT_SCHEDULE = WorkSchedule()
NO_OVERRIDES = CalendarOverrides()


@lru_cache(maxsize=256)
def _holiday_names(year: int, language: str) -> dict[date, str]:
    import holidays

    table = holidays.country_holidays("VN", years=year, language=language)
    return {day: name for day, name in table.items() if day.year == year}


class WorkingCalendar:
    """Working days and hours of one counter, and arithmetic on working time.

    Layers, first match wins: the overrides (local or central) day off, then extra working day;
    the official decisions (`official`, default the shipped file) day off, then make-up day; the
    `holidays` package's holiday, then make-up day; the schedule's weekdays. `public_holidays=False`
    drops both official layers. Every returned moment is in Vietnam time (`clock.VN_TZ`); naive
    inputs are taken as local time.
    """

    def __init__(
        self,
        schedule: WorkSchedule = DEFAULT_SCHEDULE,
        overrides: CalendarOverrides = NO_OVERRIDES,
        *,
        public_holidays: bool = True,
        official: OfficialDays | None = None,
    ) -> None:
        self.schedule = schedule
        self.overrides = overrides
        self.public_holidays = public_holidays
        self.official = shipped_official_days() if official is None else official
        self._official_off = self.official.days_off
        self._official_working = self.official.working_days
        self._periods: tuple[tuple[int, int], ...] = tuple(
            (_time_us(start), _time_us(end)) for start, end in schedule.periods
        )
        self._per_day = sum(end - start for start, end in self._periods)
        self._working: dict[int, bool] = {}  # date ordinal -> is a working day

    # -- days -------------------------------------------------------------------------------

    def _is_working_ordinal(self, ordinal: int) -> bool:
        known = self._working.get(ordinal)
        if known is None:
            known = self._working[ordinal] = self._decide(date.fromordinal(ordinal))
        return known

    def _decide(self, day: date) -> bool:
        if day in self.overrides.days_off:
            return False
        if day in self.overrides.working_days:
            return True
        if self.public_holidays:
            if day in self._official_off:
                return False
            if day in self._official_working:
                return True
            holidays_off, makeup_days = official_year(day.year)
            if day in holidays_off:
                return False
            if day in makeup_days:
                return True
        return day.weekday() in self.schedule.weekdays

    def is_working_day(self, day: date) -> bool:
        if isinstance(day, datetime):
            day = local(day).date()
        return self._is_working_ordinal(day.toordinal())

    def holiday_name(self, day: date, lang: str = "vi") -> str | None:
        """The official name of a public holiday, or None (local days off have no name here).

        The package's name first; a day off only a shipped decision names gets the decision's,
        and a day a decision makes a working day has none."""
        if not self.public_holidays or day in self._official_working:
            return None
        if isinstance(day, datetime):
            day = local(day).date()
        language = _HOLIDAY_LANGUAGES.get(lang, lang)
        if language not in ("vi", "en_US", "th"):
            language = "vi"
        name = _holiday_names(day.year, language).get(day)
        if name is None and day in self._official_off:
            decision = self.official.decision_for(day)
            name = decision.name(lang) if decision is not None else None
        return name

    def _next_working_ordinal(self, ordinal: int) -> int:
        """The first working day strictly after `ordinal`, within the search limit."""
        for candidate in range(ordinal + 1, ordinal + 1 + SEARCH_LIMIT_DAYS):
            if self._is_working_ordinal(candidate):
                return candidate
        raise ValueError(
            f"no working day within {SEARCH_LIMIT_DAYS} days after "
            f"{date.fromordinal(ordinal).isoformat()}: check the schedule and the overrides"
        )

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        if isinstance(day, datetime):
            day = local(day).date()
        return date.fromordinal(self._next_working_ordinal(day.toordinal()))

    # -- moments ----------------------------------------------------------------------------

    def _require_periods(self) -> None:
        if not self._periods:
            raise ValueError("the work schedule has no working periods")

    @staticmethod
    def _split(moment: datetime) -> tuple[int, int]:
        """(date ordinal, microseconds since local midnight) of a moment."""
        moment = local(moment)
        tod = (
            moment.hour * 3600 + moment.minute * 60 + moment.second
        ) * _US_PER_SECOND + moment.microsecond
        return moment.toordinal(), tod

    @staticmethod
    def _join(ordinal: int, tod: int) -> datetime:
        day = date.fromordinal(ordinal)
        return datetime(day.year, day.month, day.day, tzinfo=VN_TZ) + timedelta(microseconds=tod)

    def is_working_moment(self, moment: datetime) -> bool:
        """Inside a period of a working day; both ends count (a due time of 17:00 is in hours)."""
        ordinal, tod = self._split(moment)
        if not self._is_working_ordinal(ordinal):
            return False
        return any(start <= tod <= end for start, end in self._periods)

    def _next_moment(self, ordinal: int, tod: int) -> tuple[int, int]:
        if self._is_working_ordinal(ordinal):
            for start, end in self._periods:
                if tod < start:
                    return ordinal, start
                if tod < end:
                    return ordinal, tod
        return self._next_working_ordinal(ordinal), self._periods[0][0]

    def next_working_moment(self, moment: datetime) -> datetime:
        """When the clock can run from `moment`: itself if inside a period (the end excluded,
        since no time is left there), else the start of the next period."""
        self._require_periods()
        ordinal, tod = self._next_moment(*self._split(moment))
        return self._join(ordinal, tod)

    def end_of_day(self, day: date) -> datetime:
        """End of the last period of `day`; the caller picks a working day, this does not check."""
        self._require_periods()
        if isinstance(day, datetime):
            day = local(day).date()
        return self._join(day.toordinal(), self._periods[-1][1])

    # -- working time -----------------------------------------------------------------------

    def add_working_time(self, start: datetime, amount: timedelta) -> datetime:
        """The earliest moment by which `amount` of working time has run since `start`.

        So landing exactly on the end of a period gives that end (Mon 07:00 + 8 h = Mon 17:00),
        and a zero amount gives `start` itself, even outside hours. Negative amounts are refused.
        """
        remaining = amount // timedelta(microseconds=1)
        if remaining < 0:
            raise ValueError(f"cannot add a negative working time ({amount})")
        if remaining == 0:
            return local(start)
        self._require_periods()
        periods, per_day = self._periods, self._per_day
        ordinal, tod = self._split(start)
        idle_days = 0
        while True:
            if self._is_working_ordinal(ordinal):
                idle_days = 0
                if tod == 0 and remaining > per_day:
                    remaining -= per_day  # a whole working day, in one step
                else:
                    for period_start, period_end in periods:
                        if tod >= period_end:
                            continue
                        begin = period_start if tod < period_start else tod
                        available = period_end - begin
                        if remaining <= available:
                            return self._join(ordinal, begin + remaining)
                        remaining -= available
            else:
                idle_days += 1
                if idle_days > SEARCH_LIMIT_DAYS:
                    raise ValueError(
                        f"no working day within {SEARCH_LIMIT_DAYS} days: "
                        "check the schedule and the overrides"
                    )
            ordinal += 1
            tod = 0

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Working time elapsed from `start` to `end`; zero if `end` is not after `start`."""
        first, first_tod = self._split(start)
        last, last_tod = self._split(end)
        if (last, last_tod) <= (first, first_tod):
            return timedelta(0)
        total = 0
        for ordinal in range(first, last + 1):
            if not self._is_working_ordinal(ordinal):
                continue
            low = first_tod if ordinal == first else 0
            high = last_tod if ordinal == last else _US_PER_DAY
            if low == 0 and high == _US_PER_DAY:
                total += self._per_day
                continue
            for period_start, period_end in self._periods:
                overlap = min(high, period_end) - max(low, period_start)
                if overlap > 0:
                    total += overlap
        return timedelta(microseconds=total)
