"""Vietnam's civil time. Vietnam keeps +07:00 all year, so a fixed offset needs no tz database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7), "ICT")


def now() -> datetime:
    return datetime.now(VN_TZ).replace(microsecond=0)


def local(moment: datetime) -> datetime:
    """The same instant in +07:00; a naive value is taken as already local."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=VN_TZ)
    return moment.astimezone(VN_TZ)


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 with the +07:00 offset, to the second, as every output of the app shows times."""
    if moment is None:
        return None
    return local(moment).isoformat(timespec="seconds")


def parse_iso(text: str) -> datetime:
    """Parse ISO 8601; a value without offset is local time. Raises ValueError."""
    return local(datetime.fromisoformat(text.strip()))


def day_start(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=VN_TZ)


def utc(moment: datetime) -> datetime:
    return local(moment).astimezone(UTC)
