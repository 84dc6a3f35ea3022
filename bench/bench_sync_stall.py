"""The window's writes during a sync round (issue 13): while the worker pushes 3,000 dossiers
and pulls 3,000 others from central, the GUI thread's longest stall ≤ 50 ms.

The GUI thread here is this process's main thread doing what the window does: a lifecycle
move (DossierService.transition, the same call as the detail dialog's buttons) every 20 ms,
each timed, while SyncService.run_once runs on a worker thread against a SQLite central.
Baseline measured in the same run: the same moves with no sync running (their longest).

    .venv/bin/python bench/bench_sync_stall.py [--dossiers 3000]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import threading
import time
from pathlib import Path

from common import ROOT, report

PROCEDURE = "1.001193.000.00.00.H37"  # any procedure of the demo catalog
MOVE_EVERY_S = 0.02
SPARE = 400


def counter(root: Path, name: str, central: str, agencies: list[str]):  # type: ignore[no-untyped-def]
    """A registered counter serving every agency, with leases for a busy day."""
    from counter_app.services.accounts import Role
    from counter_app.services.sync.admin import CentralAdmin
    from counter_app.services.workspace import Workspace

    with CentralAdmin(central) as admin:
        admin.add_counter(name, agencies)
    ws = Workspace(root / name, create=True)
    ws.settings.set("counter.name", f"Quầy {name}")
    ws.settings.set("sync.lease_target", 3000)  # central's cap for one call
    ws.settings.set("sync.lease_days", 1)
    user = ws.accounts.add_user("canbo", Role.STAFF, "matkhau123", "Nguyễn Thị Hoa")
    ws.sync.configure(f"{central}?counter={name}")
    ws.sync.run_once()
    return ws, user


def receive(ws, user, count: int, tag: str) -> list[str]:  # type: ignore[no-untyped-def]
    """`count` intakes saved in batches of 100 (with their outbox entries); their codes."""
    from counter_app.domain.clock import now
    from counter_app.services.intake import request_from_json

    codes = []
    for first in range(0, count, 100):
        requests = [
            {"procedure": PROCEDURE, "applicant": {"full_name": f"Người Thử {tag} {i}"}}
            for i in range(first, min(first + 100, count))
        ]
        batch = [ws.intake.prepare(request_from_json(r), user=user, at=now()) for r in requests]
        codes += [d.code for d in ws.intake.save(batch)]
    return codes


def moves_while(ws, user, codes: list[str], running) -> list[float]:  # type: ignore[no-untyped-def]
    """Transfer dossiers one by one every MOVE_EVERY_S while `running()`; seconds of each."""
    from counter_app.domain.lifecycle import Action

    figures = []
    while running() and codes:
        code = codes.pop()
        started = time.perf_counter()
        ws.dossiers.transition(code, Action.TRANSFER, user=user)
        figures.append(time.perf_counter() - started)
        time.sleep(MOVE_EVERY_S)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=3000)
    args = parser.parse_args()

    from counter_app.domain.catalog_file import catalog_from_json
    from counter_app.services.sync.admin import CentralAdmin
    from counter_app.ui.app import keep_the_gui_thread_responsive

    root = Path(tempfile.mkdtemp(prefix="counter-bench-stall-"))
    central = f"sqlite:///{root / 'central.sqlite3'}"
    catalog = catalog_from_json(
        json.loads((ROOT / "resources" / "demo" / "catalog.json").read_text("utf-8"))
    )
    with CentralAdmin(central) as admin:
        admin.init()
        admin.import_catalog(catalog)
    agencies = [agency.code for agency in catalog.agencies]
    here, here_user = counter(root, "A", central, agencies)
    other, other_user = counter(root, "B", central, agencies)

    receive(other, other_user, args.dossiers, "B")
    other.sync.run_once()  # central now holds what A will pull
    # what A will push: the officer's moves go on the last 400, which go up in the round too
    receive(here, here_user, args.dossiers - SPARE, "A")
    spare = receive(here, here_user, SPARE, "A2")

    keep_the_gui_thread_responsive()  # as the window does once signed in
    baseline = moves_while(here, here_user, spare, lambda: len(spare) > 300)

    done = threading.Event()
    outcome: dict = {}

    def sync_round() -> None:
        started = time.perf_counter()
        outcome["result"] = here.sync.run_once()
        outcome["seconds"] = time.perf_counter() - started
        done.set()

    worker = threading.Thread(target=sync_round)
    worker.start()
    during = moves_while(here, here_user, spare, lambda: not done.is_set())
    worker.join()
    result = outcome["result"]
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    print(
        f"round: pushed {result.pushed:,}, pulled {result.pulled:,} in"
        f" {outcome['seconds']:.1f} s; {len(during)} moves meanwhile",
        flush=True,
    )
    ok = report(
        "longest GUI-thread write during the sync round",
        max(during) * 1000, 50, max(baseline) * 1000, "longest with no sync",
    )  # fmt: skip
    print(
        f"  median {statistics.median(during) * 1000:.1f} ms during the round,"
        f" {statistics.median(baseline) * 1000:.1f} ms without",
        flush=True,
    )
    here.close()
    other.close()
    return 0 if ok and result.pushed >= args.dossiers and result.pulled >= args.dossiers else 1


if __name__ == "__main__":
    raise SystemExit(main())
