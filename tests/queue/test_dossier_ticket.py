"""The dossier received for a called citizen keeps the ticket and the waiting: `show` says it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from counter_app.services.intake import request_from_json
from counter_app.services.queue import open_queue, record_ticket
from tests.cli.test_cli import ok_json, run_cli
from tests.conftest import intake_json


@pytest.mark.slow  # runs the real program as a process
def test_show_tells_the_ticket_and_the_waiting(ws, officer, queue_clock) -> None:  # type: ignore[no-untyped-def]
    dossier = ws.intake.receive(request_from_json(intake_json()), user=officer)
    assert ws.dossiers.queue_ticket(dossier.code) is None
    with open_queue(ws.settings, ws.data_dir) as queue:
        queue.take("A", priority="disabled", at=queue_clock() - timedelta(minutes=21))
        called = queue.call_next(4)
    record_ticket(ws.database, dossier.code, called)
    data_dir: Path = ws.data_dir
    ws.close()
    shown = ok_json(run_cli(data_dir, "show", dossier.code))
    assert shown["queue"]["ticket"] == "Ư1" and shown["queue"]["waited_minutes"] == 21
    assert shown["queue"]["taken_at"].endswith("+07:00")
