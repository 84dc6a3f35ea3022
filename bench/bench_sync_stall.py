"""The window's writes during a sync round (issue 13): while the worker pushes 3,000 dossiers
and pulls 3,000 others from central, the GUI thread's longest stall ≤ 50 ms.

The GUI thread here is this process's main thread running a Qt event loop as the window does:
a timer makes a lifecycle move (DossierService.transition, the same call as the detail
dialog's buttons) every 20 ms, each timed, while the window's own SyncController runs its
worker (a process of its own) through one full round against a SQLite central, its report
read back on this thread. Also timed: the longest gap between two of the timer's ticks beyond
its 20 ms (anything that held the event loop, the report's delivery included).
Baseline measured in the same run: the same moves on the same loop with no sync running.

    .venv/bin/python bench/bench_sync_stall.py [--dossiers 3000]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from common import ROOT, report

PROCEDURE = "1.001193.000.00.00.H37"  # any procedure of the demo catalog
MOVE_EVERY_S = 0.02
SPARE = 1000  # the moves' dossiers: enough for a round of about half a minute


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


@dataclass
class Moves:
    """Seconds each move took, and the longest wait of the event loop beyond the timer's."""

    took: list[float] = field(default_factory=list)
    longest_gap: float = 0.0


def lock_waits() -> list[float]:
    """Seconds each write of this process waited for SQLite's write lock (its BEGIN IMMEDIATE),
    from now on: what of a move's time the other process's transactions cost it."""
    from counter_app.store import database

    waits: list[float] = []
    take = database._take_write_lock

    def timed_take(*args):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        take(*args)
        waits.append(time.perf_counter() - started)

    database._take_write_lock = timed_take
    return waits


def moves_while(ws, user, codes: list[str], running) -> Moves:  # type: ignore[no-untyped-def]
    """Transfer dossiers one by one every MOVE_EVERY_S on the event loop while `running()`."""
    from PySide6.QtCore import QEventLoop, QTimer

    from counter_app.domain.lifecycle import Action

    moves = Moves()
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(int(MOVE_EVERY_S * 1000))
    last = [time.perf_counter()]

    def move() -> None:
        ticked = time.perf_counter()
        moves.longest_gap = max(moves.longest_gap, ticked - last[0] - MOVE_EVERY_S)
        if not running() or not codes:
            loop.quit()
            return
        ws.dossiers.transition(codes.pop(), Action.TRANSFER, user=user)
        last[0] = time.perf_counter()
        moves.took.append(last[0] - ticked)

    timer.timeout.connect(move)
    timer.start()
    loop.exec()
    timer.stop()
    return moves


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=3000)
    args = parser.parse_args()

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from counter_app.domain.catalog_file import catalog_from_json
    from counter_app.services.sync.admin import CentralAdmin
    from counter_app.ui.app import keep_the_gui_thread_responsive
    from counter_app.ui.session import Session
    from counter_app.ui.sync import SyncController

    app = QApplication([])
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
    # what A will push: the officer's moves go on the last SPARE, which go up in the round too
    receive(here, here_user, args.dossiers - SPARE, "A")
    spare = receive(here, here_user, SPARE, "A2")

    keep_the_gui_thread_responsive()  # as the window does once signed in
    waits = lock_waits()
    baseline = moves_while(here, here_user, spare, lambda: len(spare) > SPARE - 100)

    waits_alone = list(waits)
    waits.clear()
    controller = SyncController(Session(here, here_user), poll=3600, full_every=3600)
    reports: list = []
    controller.sig_round.connect(reports.append)
    started = time.perf_counter()
    controller.start()  # the worker's first round is a full one
    during = moves_while(here, here_user, spare, lambda: not reports)
    while not reports:  # the moves ran out first: wait for the round's end all the same
        app.processEvents()
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    controller.stop()
    result = reports[0].result
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    if result is None:
        print(f"the round failed: {reports[0].error}", flush=True)
        return 1
    print(
        f"round (worker pid {reports[0].pid}, this process {os.getpid()}): pushed"
        f" {result.pushed:,}, pulled {result.pulled:,} in {seconds:.1f} s from start;"
        f" {len(during.took)} moves meanwhile",
        flush=True,
    )
    ok = report(
        "longest GUI-thread write during the sync round",
        max(during.took) * 1000, 50, max(baseline.took) * 1000, "longest with no sync",
    )  # fmt: skip
    ok &= report(
        "longest event-loop wait beyond the timer",
        during.longest_gap * 1000, 50, baseline.longest_gap * 1000, "with no sync",
    )  # fmt: skip
    print(
        f"  median {statistics.median(during.took) * 1000:.1f} ms during the round,"
        f" {statistics.median(baseline.took) * 1000:.1f} ms without; longest wait for the"
        f" write lock {max(waits) * 1000:.1f} ms during, {max(waits_alone) * 1000:.1f} ms without",
        flush=True,
    )
    here.close()
    other.close()
    app.quit()
    return 0 if ok and result.pushed >= args.dossiers and result.pulled >= args.dossiers else 1


if __name__ == "__main__":
    raise SystemExit(main())
