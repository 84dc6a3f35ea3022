"""Codes stay unique when several processes take dossiers at the same moment."""

from __future__ import annotations

import multiprocessing
from datetime import date
from pathlib import Path

import pytest

from counter_app.domain.codes import DossierCode, FallbackZone, RangeSource
from counter_app.domain.errors import CounterError
from counter_app.store.codes import CodeMode, allocate_numbers, numbers_left
from counter_app.store.models import CodeRangeRow
from tests.conftest import AGENCY, TEN_DAYS, intake_json

WRITERS = 4
PER_WRITER = 25


def _writer(data_dir: str, start: multiprocessing.synchronize.Event, out) -> None:  # type: ignore[no-untyped-def]
    from counter_app.services.intake import request_from_json
    from counter_app.services.workspace import Workspace

    with Workspace(Path(data_dir), busy_timeout_ms=30000) as ws:
        user = ws.accounts.user("canbo")
        start.wait()
        codes = [
            ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=user).code
            for _ in range(PER_WRITER)
        ]
    out.put(codes)


@pytest.mark.slow  # writers in separate processes
def test_codes_unique_under_concurrent_writers_in_separate_processes(ws, officer):
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    out = context.Queue()
    workers = [
        context.Process(target=_writer, args=(str(ws.data_dir), start, out)) for _ in range(WRITERS)
    ]
    for worker in workers:
        worker.start()
    start.set()
    codes = [code for _ in workers for code in out.get(timeout=120)]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert len(codes) == WRITERS * PER_WRITER
    assert len(set(codes)) == len(codes)
    numbers = sorted(DossierCode.parse(code).number for code in codes)
    assert numbers == list(range(1, len(codes) + 1))  # one counter alone leaves no gaps


def test_registered_counter_uses_leases_in_order_then_its_fallback_slot(ws):
    day = date(2025, 4, 24)
    zone = FallbackZone(first=9000, slice_size=5)
    mode = CodeMode("postgresql://central", counter_number=3, fallback=zone, slots={AGENCY: 2})
    with ws.database.write() as session:
        for first, last in [(41, 42), (11, 12)]:
            session.add(
                CodeRangeRow(
                    agency_code=AGENCY, day=day, source=RangeSource.LEASE.value,
                    first=first, last=last, next_number=first,
                )
            )  # fmt: skip
        session.flush()
        taken = allocate_numbers(session, AGENCY, day, 6, mode)
        assert taken == [11, 12, 41, 42, 9010, 9011]  # its slot 2 of the agency: 9010..9014
        assert numbers_left(session, AGENCY, day) == 3
        with pytest.raises(CounterError) as exhausted:
            allocate_numbers(session, AGENCY, day, 4, mode)
        assert exhausted.value.key == "code.exhausted"


def test_counter_with_central_address_but_no_number_refuses(ws):
    mode = CodeMode(central_url="postgresql://central", counter_number=None)
    with ws.database.write() as session, pytest.raises(CounterError) as refused:
        allocate_numbers(session, AGENCY, date(2025, 4, 24), 1, mode)
    assert refused.value.key == "code.unregistered"


def test_the_unique_index_refuses_a_duplicate_code(ws, officer):
    from sqlalchemy import update

    from counter_app.services.intake import request_from_json
    from counter_app.store.models import DossierRow

    first = ws.intake.receive(request_from_json(intake_json()), user=officer)
    second = ws.intake.receive(request_from_json(intake_json()), user=officer)
    with pytest.raises(CounterError), ws.database.write() as session:
        session.execute(
            update(DossierRow).where(DossierRow.uuid == second.uuid).values(code=first.code)
        )
