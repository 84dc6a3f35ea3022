"""From "call next" at a desk to the number on the board: the desk calls in a thread of its
own with its own connections (as another PC would), the board follows the shared queue as it
does on the wall (LISTEN/NOTIFY on PostgreSQL, a 50 ms poll of the event log on SQLite), and the
clock stops when the board has shown the called number (its widgets set, the frame painted).

Target: ≤ 300 ms each time, on both engines. Baseline: the call itself (its transaction).

    .venv/bin/python bench/bench_queue_board.py [--calls N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_sync import central_server
from common import ROOT, report

sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication

from counter_app.domain.queue import BoardState
from counter_app.services.queue import open_queue
from counter_app.services.workspace import Workspace
from counter_app.ui.queue.board import BoardWindow

TARGET_MS = 300.0


def measure(app: QApplication, workspace: Workspace, calls: int) -> tuple[list[float], list[float]]:
    """(call to board, the call alone) in seconds, one figure per call."""
    folder = workspace.data_dir
    with open_queue(workspace.settings, folder) as desk:
        for _ in range(calls):
            desk.take("A")
        board = BoardWindow(lambda: open_queue(workspace.settings, folder), {}, None)
        board.resize(1920, 1080)
        board.show()
        seen: list[BoardState] = []
        board.sig_shown.connect(seen.append)
        board.start()
        _until(app, lambda: bool(seen), 10)
        to_board, alone = [], []
        for _ in range(calls):
            shown = len(seen)
            done: list[float] = []

            def call(done: list[float] = done) -> None:
                started = time.perf_counter()
                desk.call_next(1)
                done.append(time.perf_counter() - started)

            started = time.perf_counter()
            threading.Thread(target=call).start()
            ticket = None
            while ticket is None:
                _until(app, lambda n=shown: len(seen) > n, 5)
                shown = len(seen)
                last = seen[-1].last_called
                if done and last is not None and board.cells[1].number.text() == last.label:
                    ticket = last
            board.repaint()  # the frame with the number, painted
            to_board.append(time.perf_counter() - started)
            alone.append(done[0])
        board.stop()
        board.close()
    return to_board, alone


def _until(app: QApplication, condition, timeout_s: float) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the board did not show the call")
        app.processEvents()
        time.sleep(0.001)


def run_engine(app: QApplication, name: str, data: Path, url: str | None, calls: int) -> bool:
    workspace = Workspace(data, create=True)
    if url:
        workspace.settings.set("queue.url", url)
    try:
        to_board, alone = measure(app, workspace, calls)
    finally:
        workspace.close()
    ok = report(
        f"queue {name}: call next → board (median)",
        statistics.median(to_board) * 1000,
        TARGET_MS,
        statistics.median(alone) * 1000,
        "the call alone",
    )
    return (
        report(
            f"queue {name}: call next → board (slowest)",
            max(to_board) * 1000,
            TARGET_MS,
            max(alone) * 1000,
            "the call alone",
        )
        and ok
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=30)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    ok = True
    with tempfile.TemporaryDirectory(prefix="bench-queue-") as folder:
        root = Path(folder)
        ok &= run_engine(app, "SQLite", root / "single", None, args.calls)
        with central_server(root) as server:
            with server.admin() as connection:
                connection.execute('CREATE DATABASE "queue"')
            ok &= run_engine(app, "PostgreSQL", root / "lan", server.url("queue"), args.calls)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
