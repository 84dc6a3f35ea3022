"""The sync against a real PostgreSQL on loopback (started for the run, as tests do).

Targets (the sync issue): push ≥ 2,000 dossiers/s, beside raw psycopg COPY of the same rows
into a table of the same shape in the same run; a new dossier visible centrally ≤ 2 s after it
was saved while online (the background worker); a pull round ≤ 100 ms with 1,000,000 dossiers
in central.

    .venv/bin/python bench/bench_sync.py [--dossiers 10000] [--central-size 1000000]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import keyring
from common import ROOT, report

sys.path.insert(0, str(ROOT))

from counter_app.domain.catalog_file import catalog_from_json
from counter_app.domain.clock import now
from counter_app.domain.dossier import Status
from counter_app.services.accounts import Role
from counter_app.services.catalog import read_json_file
from counter_app.services.intake import request_from_json
from counter_app.services.sync.admin import CentralAdmin
from counter_app.services.workspace import Workspace
from tests.sync.conftest import PgServer, start_pg_server
from tests.sync.keyring_backend import ENV, TestKeyring

PERSON = {"full_name": "Nguyễn Văn An", "id_number": "020090001234", "birth_date": "1990-03-15",
          "phone": "0912345678", "address": "Lạng Sơn", "type": "citizen"}  # fmt: skip


def central_count(server, name: str) -> int:  # type: ignore[no-untyped-def]
    import psycopg

    with psycopg.connect(server.url(name)) as connection:
        return connection.execute("SELECT count(*) FROM dossiers").fetchone()[0]


def copy_baseline(server, name: str, rows: list[tuple]) -> float:  # type: ignore[no-untyped-def]
    """Seconds for raw psycopg COPY of the same rows into a scratch table of the same shape."""
    import psycopg

    with psycopg.connect(server.url(name)) as connection:
        connection.execute("CREATE TABLE copy_baseline (LIKE dossiers INCLUDING ALL)")
        connection.commit()
        started = time.perf_counter()
        with connection.cursor().copy(
            "COPY copy_baseline (uuid, code, agency_code, status, version, written_by, "
            "origin_counter, received_at, updated_at, seq, data) FROM STDIN"
        ) as copy:
            for row in rows:
                copy.write_row(row)
        connection.commit()
        seconds = time.perf_counter() - started
        connection.execute("DROP TABLE copy_baseline")
        connection.commit()
    return seconds


def fill_central(server, name: str, count: int, agency: str) -> float:  # type: ignore[no-untyped-def]
    """`count` dossiers of an agency the counter does not serve, with their change numbers."""
    import psycopg

    started = time.perf_counter()
    data = json.dumps({"uuid": "x", "status": "processing", "agency": agency})
    with psycopg.connect(server.url(name)) as connection:
        top = connection.execute(
            "UPDATE change_sequence SET value = value + %s RETURNING value", (count,)
        ).fetchone()[0]
        first = top - count + 1
        buffer = io.StringIO()
        for i in range(count):
            buffer.write(
                f"{uuid.uuid4()}\t{agency}-991231-{i:07d}\t{agency}\tprocessing\t1\t0\t\\N"
                f"\t2025-01-01 01:00:00\t2025-01-01 01:00:00\t{first + i}\t{data}\n"
            )
        with connection.cursor().copy(
            "COPY dossiers (uuid, code, agency_code, status, version, written_by, origin_counter, "
            "received_at, updated_at, seq, data) FROM STDIN"
        ) as copy:
            copy.write(buffer.getvalue())
        connection.commit()
        connection.execute("ANALYZE dossiers")
    return time.perf_counter() - started


@contextmanager
def central_server(root: Path) -> Iterator[PgServer]:
    """A PostgreSQL server of the run's own under `root`, stopped on the way out; the
    counters keep central's password in a keyring file beside it, as the tests do."""
    os.environ[ENV] = str(root / "keyring.json")
    keyring.set_keyring(TestKeyring())
    os.chmod(root, 0o711)  # the postgres user reaches its folder through this one
    (root / "pg").mkdir()
    server = start_pg_server(root / "pg")
    try:
        yield server
    finally:
        server.stop("immediate")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=10000)
    parser.add_argument("--central-size", type=int, default=1_000_000)
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="bench-sync-") as folder,
        central_server(Path(folder)) as server,
    ):
        ok = run(server, Path(folder), args)
    return 0 if ok else 1


def run(server, root: Path, args) -> bool:  # type: ignore[no-untyped-def]
    with server.admin() as connection:
        connection.execute('CREATE DATABASE "bench"')
    admin_url = server.url("bench")
    catalog = catalog_from_json(read_json_file(ROOT / "resources" / "demo" / "catalog.json"))
    agencies = sorted({p.agency_code for p in catalog.procedures if p.active})
    mine, other = agencies[:-1], agencies[-1]
    with CentralAdmin(admin_url) as admin:
        admin.init()
        admin.import_catalog(catalog)
        made = admin.add_counter("BENCH", mine)
    ws = Workspace(root / "counter", create=True)
    user = ws.accounts.add_user("canbo", Role.STAFF, "matkhau123", "Cán bộ")
    ws.settings.set("sync.lease_target", args.dossiers // len(mine) * 2 + 100)
    ws.sync.configure(f"postgresql://{made.role}:{made.password}@127.0.0.1:{server.port}/bench")
    ws.sync.run_once()

    procedures = [p.code for p in catalog.procedures if p.active and p.agency_code in mine]
    rng = random.Random(1)
    at = now()
    prepared = [
        ws.intake.prepare(
            request_from_json({"procedure": rng.choice(procedures), "applicant": PERSON}),
            user=user, at=at,
        )
        for _ in range(args.dossiers)
    ]  # fmt: skip
    for start in range(0, len(prepared), 2000):
        ws.intake.save(prepared[start : start + 2000])

    started = time.perf_counter()
    result = ws.sync.run_once(full=False)
    push_seconds = time.perf_counter() - started
    assert result.pushed == args.dossiers and result.pending == 0, result
    assert central_count(server, "bench") == args.dossiers
    rate = args.dossiers / push_seconds

    from counter_app.store.central.replica import payload

    rows = [
        (str(uuid.uuid4()), f"{d.code}-b", d.agency_code, d.status.value, 1, 1, 1,
         d.received_at, at, 10**9 + i, json.dumps(payload(d), ensure_ascii=False))
        for i, d in enumerate(prepared)
    ]  # fmt: skip
    copy_seconds = copy_baseline(server, "bench", rows)
    copy_rate = args.dossiers / copy_seconds
    # higher is better: report seconds per 1,000 dossiers against the target's 0.5 s
    ok = report(
        f"push {args.dossiers} dossiers ({rate:,.0f}/s)",
        push_seconds / args.dossiers * 1000, 0.5, copy_seconds / args.dossiers * 1000,
        f"raw COPY ({copy_rate:,.0f}/s)", unit="s/1000",
    )  # fmt: skip

    latencies = []
    stop = threading.Event()
    worker = threading.Thread(target=ws.sync.run_forever, args=(stop,), daemon=True)
    worker.start()
    try:
        for _ in range(10):
            before = central_count(server, "bench")
            ws.intake.receive(
                request_from_json({"procedure": procedures[0], "applicant": PERSON}), user=user
            )
            saved = time.perf_counter()
            while central_count(server, "bench") == before:
                time.sleep(0.01)
            latencies.append(time.perf_counter() - saved)
    finally:
        stop.set()
        worker.join(timeout=30)
    ok &= report("new dossier visible centrally (worst of 10)", max(latencies), 2.0,
                 statistics.median(latencies), "median", unit="s")  # fmt: skip

    fill_seconds = fill_central(server, "bench", args.central_size, other)
    print(f"(filled central with {args.central_size:,} more dossiers in {fill_seconds:.1f} s)")
    ws.sync.run_once()  # the one round that walks past what this counter cannot see
    codes = [d.code for d in prepared[:200]]
    rounds = []
    with CentralAdmin(admin_url) as admin:
        for i in range(20):
            admin.decide(codes[i], Status.PROCESSING)  # one change centrally, then a round
            started = time.perf_counter()
            ws.sync.run_once()
            rounds.append(time.perf_counter() - started)
    empty = []
    for _ in range(20):
        started = time.perf_counter()
        ws.sync.run_once()
        empty.append(time.perf_counter() - started)
    ok &= report(
        f"sync round, 1 change, {args.central_size + args.dossiers:,} in central (median)",
        statistics.median(rounds) * 1000, 100, statistics.median(empty) * 1000,
        "round with no change",
    )  # fmt: skip
    ws.close()
    return ok


if __name__ == "__main__":
    sys.exit(main())
