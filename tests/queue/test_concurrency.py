"""Many kiosks and desks at the same instant, as separate processes on one shared queue: every
ticket has its own number, and no ticket is ever called to two desks."""

from __future__ import annotations

import multiprocessing
from collections import Counter

import pytest

from counter_app.domain.clock import now
from counter_app.store.queue.repository import QueueRepository

KIOSKS = 4
TICKETS_EACH = 15
DESKS = 6


def _take(url: str, start, area: str, count: int, results) -> None:  # type: ignore[no-untyped-def]
    repository = QueueRepository(url)
    start.wait()
    numbers = [repository.take(area, None, now())[0].number for _ in range(count)]
    repository.close()
    results.put(numbers)


def _call(url: str, start, desk: int, results) -> None:  # type: ignore[no-untyped-def]
    repository = QueueRepository(url)
    start.wait()
    called = []
    while (ticket := repository.call_next(desk, None, now())) is not None:
        called.append(ticket.id)
    repository.close()
    results.put(called)


def _run(target, jobs: list[tuple]) -> list[list[int]]:  # type: ignore[type-arg]
    spawn = multiprocessing.get_context("spawn")
    start, results = spawn.Barrier(len(jobs)), spawn.Queue()
    processes = [
        spawn.Process(target=target, args=(job[0], start, *job[1:], results)) for job in jobs
    ]
    for process in processes:
        process.start()
    collected = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(timeout=30)
        assert process.exitcode == 0
    return collected


@pytest.mark.slow
def test_kiosks_and_desks_at_the_same_instant_never_share_a_ticket(queue_url: str) -> None:
    QueueRepository(queue_url).close()  # the schema, made once before the rush
    taken = _run(_take, [(queue_url, "AB"[i % 2], TICKETS_EACH) for i in range(KIOSKS)])
    numbers = [n for batch in taken for n in batch]
    assert sorted(numbers) == list(range(1, KIOSKS * TICKETS_EACH + 1))  # one series, no gap

    called = _run(_call, [(queue_url, desk) for desk in range(1, DESKS + 1)])
    ids = [i for batch in called for i in batch]
    assert len(ids) == KIOSKS * TICKETS_EACH
    assert Counter(ids).most_common(1)[0][1] == 1, "a ticket was called to two desks"
    assert sum(1 for batch in called if batch) > 1, "the desks did not call at the same time"
