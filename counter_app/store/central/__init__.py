"""The province's central database (PostgreSQL, or an SQLite file for a single-machine trial)
and the counter's side of the sync with it. Its tables have their own metadata and their own
Alembic history (db/central/), apart from the local store's."""
