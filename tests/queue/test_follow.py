"""The board and desks follow the shared queue: a call wakes a follower at once (NOTIFY on
PostgreSQL, the event log polled on SQLite), and a follower that waits with nothing happening
returns at its timeout."""

from __future__ import annotations

import threading
import time

from counter_app.domain.clock import now
from counter_app.store.queue.repository import QueueRepository


def test_a_call_wakes_the_follower_at_once(queue_url: str) -> None:
    desk, board = QueueRepository(queue_url), QueueRepository(queue_url)
    follower = board.follower()
    try:
        desk.take("A", None, now())
        seen = follower.wait(0, 0.1)
        assert seen > 0
        started = time.monotonic()
        assert follower.wait(seen, 0.3) == seen  # nothing new: back at the timeout
        assert time.monotonic() - started >= 0.25

        woken: list[tuple[int, float]] = []

        def follow() -> None:
            woken.append((follower.wait(seen, 10), time.monotonic()))

        thread = threading.Thread(target=follow)
        thread.start()
        time.sleep(0.3)  # the follower is waiting (LISTENing, or polling)
        called_at = time.monotonic()
        ticket = desk.call_next(2, None, now())
        thread.join(10)
        assert ticket is not None and woken and woken[0][0] > seen
        assert woken[0][1] - called_at < 0.3
        state = board.board(now().date())
        assert [(d.desk, d.ticket.label) for d in state.desks] == [(2, "1")]
        assert state.last_called is not None and state.last_called.id == ticket.id
    finally:
        follower.close()
        desk.close()
        board.close()


def test_the_queue_needs_nothing_of_central(ws) -> None:  # type: ignore[no-untyped-def]
    """The province's network down (central unreachable): the centre's queue goes on."""
    from counter_app.services.queue import open_queue

    ws.settings.set("central.url", "postgresql://counter@192.0.2.1:5432/central")
    ws.settings.set("counter.desk", 1)
    with open_queue(ws.settings, ws.data_dir) as queue:
        assert queue.take("A").ticket.number == 1
        assert queue.call_next().number == 1
