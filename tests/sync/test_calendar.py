"""`central calendar`: a day off or an extra working day set centrally reaches the counters at
their next sync, and their due times follow; a removed day is pulled as a removal."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from counter_app.domain.clock import VN_TZ
from tests.conftest import AGENCY, TEN_DAYS
from tests.sync.helpers import make_counter
from tests.sync.test_cli_and_worker import cli
from tests.sync.test_sync import counter_url

MONDAY = datetime(2026, 12, 7, 9, 0, tzinfo=VN_TZ)
WEDNESDAY = date(2026, 12, 9)
SATURDAY = date(2026, 12, 12)


@pytest.fixture(params=["sqlite", "postgresql"])
def central(request):  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_central")
    return request.getfixturevalue("pg_central")


def test_central_calendar_days_reach_the_counter_and_move_its_deadlines(central, tmp_path):
    ws, _ = make_counter(tmp_path, "a")
    ws.sync.configure(counter_url(central, "Q1", [AGENCY]))
    ws.sync.run_once()
    procedure = ws.catalog.procedure(TEN_DAYS)

    def due() -> date:
        found = ws.intake.due_at(procedure, MONDAY)
        assert found is not None
        return found.date()

    plain = due()
    holiday = cli(
        "central", "calendar", central, "--date", WEDNESDAY.isoformat(),
        "--kind", "holiday", "--note", "Ngày nghỉ bù",
    )  # fmt: skip
    assert holiday.returncode == 0, holiday.stderr
    assert json.loads(holiday.stdout) == {
        "date": "2026-12-09",
        "kind": "holiday",
        "note": "Ngày nghỉ bù",
        "removed": False,
    }
    assert due() == plain  # nothing changes before the counter syncs
    ws.sync.run_once()
    after_holiday = due()
    assert after_holiday > plain
    workday = cli(
        "central", "calendar", central, "--date", SATURDAY.isoformat(), "--kind", "workday"
    )
    assert workday.returncode == 0, workday.stderr
    ws.sync.run_once()
    assert due() == plain  # a Saturday worked makes up for the Wednesday off

    removed = cli("central", "calendar", central, "--date", WEDNESDAY.isoformat(), "--remove")
    assert removed.returncode == 0, removed.stderr
    assert json.loads(removed.stdout)["removed"] is True
    ws.sync.run_once()
    assert due() < plain  # only the extra Saturday remains
    ws.close()


def test_central_calendar_refuses_bad_input_in_one_line(sqlite_central):
    not_a_day = cli("central", "calendar", sqlite_central, "--date", "9/12", "--kind", "holiday")
    assert not_a_day.returncode != 0 and not_a_day.stderr.count("\n") == 1
    nothing = cli("central", "calendar", sqlite_central, "--date", "2026-12-09", "--remove")
    assert nothing.returncode == 1
    assert nothing.stderr.strip() == "Central has no calendar day 2026-12-09 to remove."
    both = cli(
        "central", "calendar", sqlite_central, "--date", "2026-12-09",
        "--kind", "holiday", "--remove",
    )  # fmt: skip
    assert both.returncode != 0 and both.stdout == ""
