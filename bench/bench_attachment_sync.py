"""Originals to central: the upload of a 20-page 300 dpi scan (20 JPEG files, as a scanner
saves them) from a counter to a real PostgreSQL on loopback, through the counter's own role
(row-level security on), in 512 KiB chunks each committed on its own, with central hashing the
assembled content. Baseline in the same run: raw psycopg writing the same chunks into a plain
table of the same shape, one commit per chunk as well (and, for scale, all of them in one COPY).

Target: the scan is central within a second. The ratio to the baseline is the price of what
raw writes skip: central hashing every original, row-level security, the resumable bookkeeping.

    .venv/bin/python bench/bench_attachment_sync.py
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
import time
from pathlib import Path

from bench_digitising import make_pages
from bench_sync import central_server
from common import ROOT, report

sys.path.insert(0, str(ROOT))

from counter_app.domain.catalog_file import catalog_from_json
from counter_app.services.accounts import Role
from counter_app.services.intake import request_from_json
from counter_app.services.sync.admin import CentralAdmin
from counter_app.services.sync.attachments import send_attachments
from counter_app.services.sync.gateway import CentralGateway
from counter_app.services.workspace import Workspace
from counter_app.store.central.blobs import CHUNK_SIZE
from tests.conftest import AGENCY, SMALL_CATALOG, TEN_DAYS, intake_json

COMPONENT = "Tờ khai yêu cầu cấp Phiếu"


def raw_baseline(server, database: str, pages: list[Path]) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Seconds for psycopg to write the pages' chunks one commit each, and in one COPY."""
    import psycopg

    chunks = []
    for page in pages:
        data = page.read_bytes()
        name = hashlib.sha256(data).hexdigest()
        starts = range(0, len(data), CHUNK_SIZE)
        chunks += [(name, i, data[o : o + CHUNK_SIZE]) for i, o in enumerate(starts)]
    with psycopg.connect(server.url(database)) as connection:
        for table in ("raw_chunks", "raw_copy"):
            connection.execute(
                f"CREATE TABLE {table} (sha256 varchar(64), part integer, data bytea NOT NULL, "
                "PRIMARY KEY (sha256, part))"
            )
            connection.execute(f"ALTER TABLE {table} ALTER COLUMN data SET STORAGE EXTERNAL")
        connection.commit()
        started = time.perf_counter()
        for chunk in chunks:
            connection.execute("INSERT INTO raw_chunks VALUES (%s, %s, %s)", chunk)
            connection.commit()
        one_by_one = time.perf_counter() - started
        started = time.perf_counter()
        with connection.cursor().copy("COPY raw_copy FROM STDIN (FORMAT BINARY)") as copy:
            copy.set_types(["varchar", "int4", "bytea"])
            for chunk in chunks:
                copy.write_row(chunk)
        connection.commit()
        in_one_copy = time.perf_counter() - started
        connection.execute("DROP TABLE raw_chunks, raw_copy")
        connection.commit()
    return one_by_one, in_one_copy


def run(server, root: Path) -> bool:  # type: ignore[no-untyped-def]
    with server.admin() as connection:
        connection.execute('CREATE DATABASE "bench"')
    admin_url = server.url("bench")
    with CentralAdmin(admin_url) as admin:
        admin.init()
        admin.import_catalog(catalog_from_json(SMALL_CATALOG))
        made = admin.add_counter("BENCH", [AGENCY])
    ws = Workspace(root / "counter", create=True)
    ws.catalog.import_catalog(catalog_from_json(SMALL_CATALOG))
    user = ws.accounts.add_user("canbo", Role.STAFF, "matkhau123", "Cán bộ")
    ws.sync.configure(f"postgresql://{made.role}:{made.password}@127.0.0.1:{server.port}/bench")
    ws.sync.run_once()
    (root / "scan").mkdir()
    pages = make_pages(root / "scan")
    total = sum(page.stat().st_size for page in pages)
    dossier = ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=user)
    ws.sync.run_once()  # the dossier is central: what follows is the originals alone
    ws.attachments.attach(dossier.code, pages, component=COMPONENT, user=user)

    gateway = CentralGateway(ws.sync.address())
    started = time.perf_counter()
    sent = send_attachments(ws.database, gateway, ws.sync.status().counter_number)
    upload = time.perf_counter() - started
    gateway.close()
    assert sent.originals == len(pages) and sent.bytes == total, sent
    one_by_one, in_one_copy = raw_baseline(server, "bench", pages)
    megabytes = total / 1e6
    print(
        f"20-page scan: {megabytes:.1f} MB in {sent.chunks} chunks; upload "
        f"{megabytes / upload:.1f} MB/s, raw psycopg one commit per chunk "
        f"{megabytes / one_by_one:.1f} MB/s, in one COPY {megabytes / in_one_copy:.1f} MB/s"
    )
    ok = report(
        f"upload of a 20-page scan ({megabytes / upload:.1f} MB/s)",
        upload,
        1.0,
        one_by_one,
        "raw psycopg, same chunks",
        unit="s",
    )
    ws.close()
    return ok


def main() -> int:
    with (
        tempfile.TemporaryDirectory(prefix="bench-attachments-") as folder,
        central_server(Path(folder)) as server,
    ):
        ok = run(server, Path(folder))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
