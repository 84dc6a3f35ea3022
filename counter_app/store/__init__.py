"""The local SQLite store: typed SQLAlchemy models, migrations, and the error translation."""
