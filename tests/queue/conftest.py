"""The shared queue on both engines: an SQLite file, and a database of the sync tests' real
PostgreSQL (each test its own, dropped after)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.conftest import PgServer, pg_server, test_keyring  # noqa: F401  (fixtures)


def _pg_queue(server: PgServer) -> Iterator[str]:
    name = f"queue_{uuid.uuid4().hex[:10]}"
    with server.admin() as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield server.url(name)
    with server.admin() as connection:
        connection.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,)
        )
        connection.execute(f'DROP DATABASE "{name}"')


@pytest.fixture(params=["sqlite", "postgresql"])
def queue_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The address of an empty shared queue, on each engine in turn."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'queue.sqlite3'}"
        return
    yield from _pg_queue(request.getfixturevalue("pg_server"))
