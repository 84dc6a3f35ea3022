"""Central runs on PostgreSQL in a province and on SQLite in tests and small offices: the few
statements whose spelling differs between them are made here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Table, Text, any_, bindparam
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import InstrumentedAttribute, Session


def among(
    session: Session,
    column: ColumnElement[Any] | InstrumentedAttribute[Any],
    values: Sequence[str],
) -> ColumnElement[bool]:
    """`column IN values` for a column of text. On PostgreSQL spelt `column = ANY(array)`: one
    parameter, so the statement's text is the same whatever the number of values, and neither
    SQLAlchemy nor psycopg re-reads a statement of 500 placeholders for each batch a counter
    pushes (near a third of the time the push's thread spent on the counter before this). The
    array is of `text`, not of the column's `varchar(n)`, whose cast would cut a longer value
    down to one that might match."""
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, list(values), type_=postgresql.ARRAY(Text())))
    return column.in_(values)


def insert_or_skip(
    session: Session, table: Table, keys: list[str] | None
) -> postgresql.Insert | sqlite.Insert:
    """An INSERT that leaves alone a row whose `keys` are already there (a reply lost after
    commit, a second counter announcing the same thing); None: any unique key of the table."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing(index_elements=keys)
    return sqlite.insert(table).on_conflict_do_nothing(index_elements=keys)


def insert_or_update(
    session: Session, table: Table, keys: list[str], columns: list[str]
) -> postgresql.Insert | sqlite.Insert:
    """An INSERT that, where a row with these `keys` is already there, sets only `columns` to
    the new values (a correction of a row central holds)."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table)
    return statement.on_conflict_do_update(
        index_elements=keys, set_={column: statement.excluded[column] for column in columns}
    )
