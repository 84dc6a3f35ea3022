""" "Nhận sau 15 giờ": same-day work received after 15:00 is due the next working day; a dossier
received at 15:00:00 exactly is still today's work."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from counter_app.domain.calendar import WorkingCalendar
from counter_app.domain.catalog import Duration, DurationUnit
from counter_app.domain.clock import VN_TZ
from counter_app.domain.deadlines import compute_due

SAME_DAY = Duration(DurationUnit.SAME_DAY, cutoff=time(15, 0))
CAL = WorkingCalendar()


def at(day: int, hour: int, minute: int = 0, second: int = 0, microsecond: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, second, microsecond, tzinfo=VN_TZ)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (at(10, 14, 59, 59), at(10, 17)),
        (at(10, 15, 0, 0), at(10, 17)),  # at 15:00:00 itself: not "after 15:00"
        (at(10, 15, 0, 0, 1), at(11, 17)),
        (at(10, 15, 0, 1), at(11, 17)),
        (at(13, 15, 0, 0), at(13, 17)),  # Friday at the cut-off: still Friday
        (at(13, 15, 0, 1), at(16, 17)),  # Friday after it: Monday
    ],
)
def test_cutoff_is_after_15_00(received, due):
    assert compute_due(CAL, received, SAME_DAY) == due


def test_cutoff_before_the_2026_new_year_swap():
    """Wednesday 31/12/2025 after 15:00: Thursday 1/1 and Friday 2/1 are off, so Monday 5/1."""
    received = datetime(2025, 12, 31, 15, 0, 1, tzinfo=VN_TZ)
    assert compute_due(CAL, received, SAME_DAY) == datetime(2026, 1, 5, 17, tzinfo=VN_TZ)
