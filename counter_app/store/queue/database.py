"""Reaching the shared queue: an SQLite file (one PC) or the centre's PostgreSQL (a LAN).

The connection handling is central's (`CentralDatabase`: WAL and BEGIN IMMEDIATE on SQLite,
timeouts and keep-alives on PostgreSQL); only what an outage is called differs, because the
queue's server is the centre's own and has nothing to do with the province's network."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from counter_app.domain.errors import CounterError
from counter_app.domain.text import hide_passwords
from counter_app.paths import migrations_dir
from counter_app.store.central.database import CentralAddress, CentralDatabase

if TYPE_CHECKING:
    from alembic.config import Config

QUEUE_HEAD = "q0001"
VERSION_TABLE = "queue_alembic_version"
NOTIFY_CHANNEL = "counter_queue"
_CONNECTION_KEYS = ("sync.offline", "central.auth", "central.no_database", "central.denied")


def check_queue_url(url: str) -> str:
    """postgresql://… or sqlite:///FILE, else a clear refusal naming the setting."""
    from sqlalchemy import make_url

    shown = hide_passwords(url)
    try:
        parsed = make_url(url.strip())
    except Exception:
        raise CounterError("queue.url", url=shown) from None
    backend = parsed.get_backend_name()
    if backend not in ("postgresql", "postgres", "sqlite") or not parsed.database:
        raise CounterError("queue.url", url=shown)
    return url.strip()


class QueueDatabase(CentralDatabase):
    """Short units of work on the shared queue; sessions never leave the store."""

    def __init__(self, url: str) -> None:
        super().__init__(CentralAddress(check_queue_url(url)), pool_size=2)

    @contextmanager
    def translated_errors(self) -> Iterator[None]:
        try:
            with super().translated_errors():
                yield
        except CounterError as error:
            if error.key not in _CONNECTION_KEYS:
                raise
            reason = str(error.params.get("reason", ""))
            raise CounterError("queue.offline", reason=reason) from error

    def notify(self, session: Session, payload: str) -> None:
        """Wake the boards and desks that LISTEN (PostgreSQL sends it at commit)."""
        if self.dialect == "postgresql":
            session.execute(
                text("SELECT pg_notify(:channel, :payload)"),
                {"channel": NOTIFY_CHANNEL, "payload": payload},
            )


def _config(connection: Connection) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir() / "queue"))
    config.attributes["connection"] = connection
    return config


def _revision(connection: Connection) -> str | None:
    from sqlalchemy import inspect

    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    value = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
    return None if value is None else str(value)


def ensure_queue_schema(database: QueueDatabase) -> None:
    """Create or upgrade the queue's tables once; the desks and kiosks that open it at the same
    moment wait for each other (an advisory lock, or SQLite's write lock)."""
    with database.translated_errors(), database.engine.connect() as connection:
        if _revision(connection) == QUEUE_HEAD:
            return
    from alembic import command

    bind = database.engine
    if database.dialect == "sqlite":
        bind = bind.execution_options(begin="IMMEDIATE")
    with database.translated_errors(), bind.begin() as connection:
        if database.dialect == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(hashtext('counter_queue'))"))
        if _revision(connection) != QUEUE_HEAD:
            command.upgrade(_config(connection), "head")
