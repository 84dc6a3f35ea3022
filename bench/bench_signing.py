"""Signing and the paper store (issue 19), with the test PKI on a SoftHSM2 token.

1. A 20-page digitised dossier (20 JPEG scans at 300 dpi) signed: the dossier PDF and its
   paper's own copy, built, signed with the token's key in one session (one PIN), checked and
   kept, as `sign CODE --what digitised` does. Target ≤ 2 s, in a process that has signed
   before (the first signature of a process also loads pyHanko and the stamp's font: shown).
   Baseline: building the same digitised PDF without signing it.
2. Reuse after the ID scan with 1,000,000 papers on file: the papers of the person (audited)
   and the last dossier's applicant, as the intake page asks them. Target ≤ 200 ms.
   Baseline: one primary-key read of a paper.

    .venv/bin/python bench/bench_signing.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from bench_digitising import make_pages
from common import ROOT, median_ms, report, timed

sys.path.insert(0, str(ROOT))

from counter_app.domain.catalog_file import catalog_from_json
from counter_app.services.accounts import Role
from counter_app.services.intake import request_from_json
from counter_app.services.workspace import Workspace
from counter_app.store.models import CitizenPaperRow
from tests.conftest import AGENCY, SMALL_CATALOG, TEN_DAYS, intake_json
from tests.signing.conftest import configure
from tests.signing.pki import USER_PIN, build

COMPONENT = "Tờ khai yêu cầu cấp Phiếu"
PAPERS = 1_000_000
OWNER = "020090001234"


def bench_signing(root: Path) -> bool:
    pki = build(root / "pki")
    ws = Workspace(root / "data", create=True)
    ws.catalog.import_catalog(catalog_from_json(SMALL_CATALOG))
    user = ws.accounts.add_user("canbo", Role.STAFF, "matkhau123", "Nguyễn Thị Hoa")
    configure(ws, pki)
    pages = make_pages(root)

    def dossier_with_scans() -> str:
        dossier = ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=user)
        assert dossier.code is not None
        ws.attachments.attach(dossier.code, pages, component=COMPONENT, user=user)
        return dossier.code

    first_code = dossier_with_scans()
    started = time.perf_counter()
    ws.signing.sign(first_code, user=user, pin=USER_PIN, what="digitised")
    cold = time.perf_counter() - started
    codes = [dossier_with_scans() for _ in range(5)]
    queue = iter(codes)
    warm = timed(lambda: ws.signing.sign(next(queue), user=user, pin=USER_PIN, what="digitised"), 5)
    baseline = timed(lambda: ws.attachments.digitised(codes[0]), 5)
    print(f"(first signing of the process: {cold:.3f} s)")
    ok = report(
        "sign a 20-page digitised dossier (2 copies)",
        median_ms(warm) / 1000,
        2.0,
        median_ms(baseline) / 1000,
        "building its PDF unsigned",
        unit="s",
    )
    ws.close()
    return ok


def bench_reuse(root: Path) -> bool:
    ws = Workspace(root / "papers", create=True)
    ws.catalog.import_catalog(catalog_from_json(SMALL_CATALOG))
    user = ws.accounts.add_user("canbo", Role.STAFF, "matkhau123", "Nguyễn Thị Hoa")
    ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=user)
    filed = datetime(2026, 1, 5, 9, 0)
    table = CitizenPaperRow.__table__
    started = time.perf_counter()
    batch = 50_000
    for first in range(0, PAPERS, batch):
        rows = [
            {
                "uuid": f"{number:036d}",
                "owner_id": OWNER if number % 200_000 == 0 else f"{number % 400_000:012d}",
                "kind": f"Giấy tờ {number % 7}",
                "sha256": f"{number:064x}",
                "agency_code": AGENCY,
                "dossier_uuid": f"{number:036d}",
                "signer": "Cán bộ",
                "filed_at": filed,
                "filed_by": "canbo",
                "source": "local",
            }
            for number in range(first, min(first + batch, PAPERS))
        ]
        with ws.database.write() as session:
            session.execute(table.insert(), rows)
    print(f"({PAPERS:,} papers filed in {time.perf_counter() - started:.1f} s)")

    def after_the_scan() -> None:
        found = ws.paper_store.on_file(OWNER, user=user)
        assert len(found) == PAPERS // 200_000
        assert ws.paper_store.last_applicant(OWNER) is not None

    def one_row() -> None:
        with ws.database.read() as session:
            session.get(CitizenPaperRow, 123_457)

    figures = timed(after_the_scan, 20)
    ok = report(
        "papers on file after the ID scan (1M papers)",
        median_ms(figures),
        200,
        median_ms(timed(one_row, 20)),
        "one paper by key",
    )
    ws.close()
    return ok


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        ok = bench_signing(root)
        ok = bench_reuse(root) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
