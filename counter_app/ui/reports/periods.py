"""The quick choices of the province figures' period, counted from the day the supervisor is
on. A period never runs past that day: figures for days still to come would be empty."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum


class QuickPeriod(StrEnum):
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    THIS_QUARTER = "this_quarter"
    THIS_YEAR = "this_year"


def quick_period(choice: QuickPeriod, today: date) -> tuple[date, date]:
    """(first day, last day), both included."""
    if choice is QuickPeriod.THIS_MONTH:
        return today.replace(day=1), today
    if choice is QuickPeriod.LAST_MONTH:
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    if choice is QuickPeriod.THIS_QUARTER:
        first_month = (today.month - 1) // 3 * 3 + 1
        return today.replace(month=first_month, day=1), today
    return today.replace(month=1, day=1), today
