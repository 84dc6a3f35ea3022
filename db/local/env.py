"""Alembic environment of the local store; run programmatically with a connection handed in."""

from alembic import context

from counter_app.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: batch mode rebuilds tables
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
