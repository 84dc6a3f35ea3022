"""Waiting for the queue to change: the board and the desks follow the event log.

On PostgreSQL a connection of its own LISTENs, so a call reaches the board as soon as it
commits; on SQLite (one PC) the last event's number is read every POLL_S, a read that costs
microseconds in WAL mode."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from counter_app.domain.errors import CounterError
from counter_app.store.queue.database import NOTIFY_CHANNEL, QueueDatabase
from counter_app.store.queue.models import QueueEvent

if TYPE_CHECKING:
    import psycopg

POLL_S = 0.05


class QueueFollower:
    def __init__(self, database: QueueDatabase) -> None:
        self._database = database
        self._listening: psycopg.Connection[tuple[object, ...]] | None = None  # on first wait

    def last_event(self) -> int:
        with self._database.read() as session:
            return session.scalar(select(func.max(QueueEvent.id))) or 0

    def wait(self, seen: int, timeout: float) -> int:
        """The last event's number once it is past `seen`, or `seen` after `timeout` s."""
        if self._database.dialect == "postgresql":
            return self._wait_notified(seen, timeout)
        deadline = time.monotonic() + timeout
        while True:
            last = self.last_event()
            if last > seen or time.monotonic() >= deadline:
                return max(last, seen)
            time.sleep(POLL_S)

    def _wait_notified(self, seen: int, timeout: float) -> int:
        import psycopg

        try:
            if self._listening is None:
                url = self._database.engine.url.set(drivername="postgresql")
                self._listening = psycopg.connect(
                    url.render_as_string(hide_password=False), autocommit=True, connect_timeout=5
                )
                self._listening.execute(f"LISTEN {NOTIFY_CHANNEL}")
            last = self.last_event()  # what committed before LISTEN took effect
            if last > seen:
                return last
            for _ in self._listening.notifies(timeout=timeout, stop_after=1):
                break
        except psycopg.Error as error:
            self.close()
            raise CounterError("queue.offline", reason=str(error).strip()) from error
        return max(self.last_event(), seen)

    def close(self) -> None:
        if self._listening is not None:
            self._listening.close()
            self._listening = None
