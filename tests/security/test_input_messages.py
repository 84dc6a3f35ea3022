"""Messages that named the wrong thing: a department's decision that cannot be made, a
standalone counter out of numbers, an unregistered counter that cannot reach central."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import update

from counter_app.domain.catalog_file import catalog_from_json
from counter_app.domain.clock import now
from counter_app.domain.codes import MAX_NUMBER
from counter_app.domain.errors import CounterError
from counter_app.services.intake import request_from_json
from counter_app.store.models import CodeRangeRow
from tests.cli.test_cli import run_cli
from tests.conftest import SMALL_CATALOG, intake_json
from tests.sync.helpers import make_counter, take
from tests.sync.test_cli_and_worker import cli


@pytest.mark.slow  # runs the real program as a process
def test_central_decision_names_the_state_asked_for(sqlite_central, tmp_path):
    """`central status CODE done` on a dossier just received said "Cannot Result returned a
    dossier…": the target state stood where an action belongs."""
    ws, user = make_counter(tmp_path, "a")
    ws.sync.configure(sqlite_central)
    ws.sync.run_once()
    code = take(ws, user)[0].code
    ws.sync.run_once()
    ws.close()

    refused = cli("central", "status", sqlite_central, code, "done")

    assert refused.returncode != 0 and refused.stdout == ""
    message = refused.stderr.strip()
    assert message == "A dossier whose status is “Received” cannot be moved to “Result returned”."


def _use_up_numbers(ws, day: date) -> None:  # type: ignore[no-untyped-def]
    with ws.database.write() as session:
        session.execute(
            update(CodeRangeRow).where(CodeRangeRow.day == day).values(next_number=MAX_NUMBER + 1)
        )


@pytest.mark.slow  # runs the real program as a process
def test_a_standalone_counter_out_of_numbers_is_not_told_to_sync(ws, officer, tmp_path):
    take_one = request_from_json(intake_json())
    ws.intake.receive(take_one, user=officer)  # opens the day's range
    _use_up_numbers(ws, now().date())
    with pytest.raises(CounterError) as refused:
        ws.intake.receive(take_one, user=officer)
    assert refused.value.key == "code.exhausted_standalone"
    for lang in ("vi", "en"):
        text = refused.value.message(lang)
        assert "sync --central" in text
        assert "Sync with the central system" not in text and "Hãy đồng bộ" not in text

    request = tmp_path / "request.json"
    request.write_text(json.dumps(intake_json()), encoding="utf-8")
    shown = run_cli(ws.data_dir, "--lang", "en", "intake", str(request), "--user", officer.login)
    assert shown.returncode != 0 and "sync --central" in shown.stderr
    assert "Traceback" not in shown.stderr


@pytest.mark.slow  # runs the real program as a process
def test_an_unregistered_counter_offline_is_not_told_intake_goes_on(tmp_path):
    ws, user = make_counter(tmp_path, "a")
    ws.catalog.import_catalog(catalog_from_json(SMALL_CATALOG))
    ws.sync.configure(f"sqlite:///{tmp_path / 'absent' / 'central.sqlite3'}")
    with pytest.raises(CounterError) as offline:
        ws.sync.run_once()
    assert offline.value.key == "sync.offline_unregistered"
    for lang in ("vi", "en"):
        assert "not registered" in offline.value.message("en")
        assert "Intake goes on" not in offline.value.message(lang)
        assert "vẫn được tiếp nhận" not in offline.value.message(lang)
    assert ws.sync.log(1)[0].message == "sync.offline_unregistered"
    with pytest.raises(CounterError) as refused:  # as the message now says
        take(ws, user)
    assert refused.value.key == "code.unregistered"
    ws.close()

    shown = cli("--data-dir", str(ws.data_dir), "sync", "--once")
    assert shown.returncode != 0 and "not registered" in shown.stderr
    assert "Intake goes on" not in shown.stderr


def test_a_registered_counter_offline_still_hears_intake_goes_on(sqlite_central, tmp_path):
    ws, _ = make_counter(tmp_path, "a", faulty=True)
    ws.sync.configure(sqlite_central)
    ws.sync.run_once()
    ws.faults.offline = True
    with pytest.raises(CounterError) as offline:
        ws.sync.run_once()
    assert offline.value.key == "sync.offline"
    assert "Intake goes on" in offline.value.message("en")
    ws.close()
