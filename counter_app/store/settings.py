"""The settings table: one JSON value per key.

`stored_settings` reads straight from SQLite, one statement that is its own transaction: the
window, every intake and every sync round read the settings several times, and through the ORM
one such read cost fifteen times as much (430 µs against 28). Inside a unit of work,
`settings_in` and `get_setting` read the same way on its own connection, and `put_setting`
writes through its session.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy.orm import Session

from counter_app.store.database import Database
from counter_app.store.models import Setting


def stored_settings(database: Database, keys: Iterable[str] | None = None) -> dict[str, object]:
    """The stored values, of `keys` or of all; a row that cannot be read is left out (its
    declared default then applies), as is a key never stored."""
    if keys is None:
        return _values(database.fetch(_ALL))
    wanted = list(keys)
    return _values(database.fetch(_some(len(wanted)), wanted))


def settings_in(session: Session, keys: Iterable[str]) -> dict[str, object]:
    """The stored values of `keys` as the unit of work sees them, on its own connection and
    transaction (what it wrote through `put_setting` included), read straight from SQLite."""
    wanted = list(keys)
    session.flush()  # as the ORM's own queries would: a value just put is read back
    connection = session.connection().connection.driver_connection
    return _values(connection.execute(_some(len(wanted)), wanted).fetchall())  # type: ignore[union-attr]


def get_setting(session: Session, key: str, default: object = None) -> object:
    return settings_in(session, [key]).get(key, default)


def put_setting(session: Session, key: str, value: object) -> None:
    session.merge(Setting(key=key, value={"value": value}))


_ALL = "SELECT key, value FROM settings"


def _some(count: int) -> str:
    return f"{_ALL} WHERE key IN ({', '.join('?' * count)})"


def _values(rows: Iterable[tuple[str, str]]) -> dict[str, object]:
    values: dict[str, object] = {}
    for key, stored in rows:
        try:
            values[key] = json.loads(stored)["value"]
        except (TypeError, ValueError, KeyError):
            continue
    return values
