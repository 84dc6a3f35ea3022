"""Alembic environment of the shared queue store; run programmatically with a connection.

Its own version table, so the queue may live in a database that has other tables."""

from alembic import context

from counter_app.store.queue.models import QueueBase

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=QueueBase.metadata,
    version_table="queue_alembic_version",
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
