"""What the intake form reads and shows, apart from its widgets: the typed birth date and the
appointment time as the officer reads it out to the citizen."""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from counter_app.domain.clock import local
from counter_app.domain.errors import Problem
from counter_app.domain.text import clean
from counter_app.domain.validation import shown_value
from counter_app.ui import formatting
from counter_app.ui.labels import weekday_name

# Nobody alive was born before: a year like 0199 is a slip of the keyboard, not a date.
EARLIEST_BIRTH_YEAR = 1900
_DAY_MONTH_YEAR = re.compile(r"([0-9]{1,2})\s*[/.\-\s]\s*([0-9]{1,2})\s*[/.\-\s]\s*([0-9]{4})")
_DIGITS_ONLY = re.compile(r"([0-9]{2})([0-9]{2})([0-9]{4})")


def parse_birth_date(text: str) -> date | None:
    """dd/mm/yyyy as people type it (also d/m/yyyy, dots or dashes, or the card's ddmmyyyy).
    Empty gives None; anything else unreadable raises ValueError."""
    value = clean(text)
    if not value:
        return None
    match = _DAY_MONTH_YEAR.fullmatch(value) or _DIGITS_ONLY.fullmatch(value)
    if match is None:
        raise ValueError(value)
    day, month, year = (int(part) for part in match.groups())
    if year < EARLIEST_BIRTH_YEAR:
        raise ValueError(value)
    return date(year, month, day)


def birth_date_problem(text: str) -> Problem | None:
    try:
        parse_birth_date(text)
    except ValueError:
        return Problem("birth_date", "birth_date.format", {"value": shown_value(clean(text))})
    return None


def birth_text(value: date) -> str:
    return formatting.day(value)


def due_text(moment: datetime | None) -> str:
    """ "17 giờ 00 phút, Thứ Tư, ngày 25/11/2026": the way the receipt and the officer say it."""
    if moment is None:
        return QCoreApplication.translate("Intake", "No deadline")
    at = local(moment)
    return QCoreApplication.translate("Intake", "{hour}:{minute}, {weekday} {date}").format(
        hour=f"{at.hour:02d}",
        minute=f"{at.minute:02d}",
        weekday=weekday_name(at.weekday()),
        date=formatting.day(at.date()),
    )
