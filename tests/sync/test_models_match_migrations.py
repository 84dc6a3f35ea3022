"""The models say what the migrations made: tables, columns, nullability and indexes of a store
migrated from nothing are those the models declare (alembic's own comparison), on the counter's
SQLite and on central (SQLite for a trial, PostgreSQL). A model that drifts misleads whoever
writes the next migration or query (an index the code counts on, a column it thinks required)."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData, create_engine

# read by SQL only, so declared by no model: the counter's full-text search (migration 0013: an
# FTS5 table and its shadow tables) and, on PostgreSQL, the moves central's trigger checks a
# counter's writes against (revision c0005)
NOT_MODELLED = ("dossier_search", "central_lifecycle_moves")


def _drift(url: str, metadata: MetaData) -> list:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            found = compare_metadata(MigrationContext.configure(connection), metadata)
    finally:
        engine.dispose()
    return [
        change
        for change in found
        if not (change[0] == "remove_table" and change[1].name.startswith(NOT_MODELLED))
    ]


def test_the_counters_store_is_what_its_models_declare(ws):  # type: ignore[no-untyped-def]
    from counter_app.store.models import Base

    assert _drift(f"sqlite:///{ws.data_dir / 'counter.sqlite3'}", Base.metadata) == []


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_central_is_what_its_models_declare(kind: str, request):  # type: ignore[no-untyped-def]
    from counter_app.store.central.models import CentralBase

    url = request.getfixturevalue("sqlite_central" if kind == "sqlite" else "pg_central")
    assert _drift(url, CentralBase.metadata) == []
