"""Alembic environment of the local store; run programmatically with a connection handed in."""

from alembic import context

from counter_app.store.models import Base

connection = context.config.attributes["connection"]


def _outside_search_index(name: str | None, type_: str, _parents: dict) -> bool:
    """The FTS5 index and its shadow tables are made by hand in 0009: not for autogenerate."""
    index_table = bool(name) and name.startswith("dossier_search") and name != "dossier_search_keys"
    return not (type_ == "table" and index_table)


context.configure(
    connection=connection,
    include_name=_outside_search_index,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: batch mode rebuilds tables
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
