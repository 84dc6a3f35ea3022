"""Alembic run from code: the app upgrades its own database, no alembic.ini needed."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import Connection

from counter_app.paths import migrations_dir

# The newest local revision; a test keeps it equal to Alembic's head. Checked on every open
# without importing Alembic, which keeps short commands quick.
LOCAL_HEAD = "0024"


def _config(connection: Connection | None = None):  # -> alembic.config.Config
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir() / "local"))
    config.attributes["connection"] = connection
    return config


def upgrade(connection: Connection) -> None:
    from alembic import command

    command.upgrade(_config(connection), "head")


def script_head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}


def _new_revision(message: str) -> None:
    """Autogenerate a migration against a scratch database at head (developer tool)."""
    import tempfile

    from alembic import command
    from sqlalchemy import create_engine

    from counter_app.store.database import sqlite_url

    with tempfile.TemporaryDirectory() as scratch:
        engine = create_engine(sqlite_url(Path(scratch) / "scratch.sqlite3"))
        with engine.begin() as connection:
            upgrade(connection)
            number = f"{len(known_revisions()) + 1:04d}"  # revisions numbered in order
            command.revision(_config(connection), message=message, autogenerate=True, rev_id=number)
        engine.dispose()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "revision":
        _new_revision(sys.argv[2])
    else:
        sys.exit("usage: python -m counter_app.store.migrations revision MESSAGE")
