"""The sync worker leaves what its start-up made out of the collector's full passes (issue 17):
walked in the middle of a round, it made the province harness's slowest rounds slower."""

from __future__ import annotations

import gc
import multiprocessing
from multiprocessing.connection import Connection

from counter_app.services.sync.worker import Order, WorkerEnded, WorkerOrders, run_worker


def worker_then_frozen_count(
    orders: WorkerOrders, reports: Connection, commands: Connection, out: Connection
) -> None:
    """The worker process's body, then how many objects it left out of the collector's passes
    (spawned: a function its process can import)."""
    run_worker(orders, reports, commands)
    out.send(gc.get_freeze_count())


def test_the_worker_keeps_its_start_up_out_of_the_collectors_passes(ws):  # type: ignore[no-untyped-def]
    context = multiprocessing.get_context("spawn")  # as the window starts it
    reports, worker_reports = context.Pipe(duplex=False)
    worker_commands, commands = context.Pipe(duplex=False)
    frozen, worker_frozen = context.Pipe(duplex=False)
    orders = WorkerOrders(ws.data_dir, "vi", poll=0.1, full_every=60.0)
    worker = context.Process(
        target=worker_then_frozen_count,
        args=(orders, worker_reports, worker_commands, worker_frozen),
    )
    worker.start()
    for end in (worker_reports, worker_commands, worker_frozen):
        end.close()
    commands.send(Order.STOP)
    assert frozen.poll(120), "the worker did not stop"
    assert frozen.recv() > 10_000  # the modules, the store's engines and mappers
    worker.join(30)
    assert worker.exitcode == 0
    said = []
    while reports.poll():  # what it sent before it ended: none says it ended on an error
        try:
            said.append(reports.recv())
        except EOFError:
            break
    assert not [item for item in said if isinstance(item, WorkerEnded)]
