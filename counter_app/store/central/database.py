"""Reaching the central database: the URL forms, TLS and credentials, units of work, Alembic,
and one place where a failed connection becomes "offline" for the officer."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit, urlunsplit

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.orm import Session

from counter_app.domain.errors import CounterError
from counter_app.domain.text import hide_passwords
from counter_app.paths import migrations_dir

CONNECT_TIMEOUT_S = 5
STATEMENT_TIMEOUT_MS = 60_000


@dataclass(frozen=True)
class CentralAddress:
    """Where central is and how to reach it safely. The password is never part of `url`."""

    url: str
    password: str | None = None
    sslmode: str | None = None
    sslrootcert: str | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @property
    def user(self) -> str | None:
        return make_url(self.url).username

    @property
    def counter(self) -> str | None:
        """The counter a trial SQLite address names (`sqlite:///FILE?counter=ID`): SQLite has
        no logins, so the address says which counter `central add-counter` made this is."""
        if not self.is_sqlite:
            return None
        return make_url(self.url).query.get("counter")  # type: ignore[return-value]

    @property
    def keyring_name(self) -> str:
        """How the password is filed in the keyring: user@host:port/database."""
        url = make_url(self.url)
        return f"{url.username}@{url.host or ''}:{url.port or 5432}/{url.database or ''}"


def split_password(url: str) -> tuple[str, str | None]:
    """The URL without its password, and the password if it carried one."""
    parts = urlsplit(url.strip())
    if parts.password is None:
        return url.strip(), None
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{parts.username}@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment)), unquote(
        parts.password
    )


def check_url(url: str) -> str:
    """Accept postgresql://… (or postgres://) and sqlite:///FILE; refuse anything else."""
    shown = hide_passwords(url)
    try:
        parsed = make_url(url.strip())
    except Exception:
        raise CounterError("central.url", url=shown) from None
    if parsed.get_backend_name() not in ("postgresql", "sqlite"):
        raise CounterError("central.url", url=shown)
    if parsed.get_backend_name() == "sqlite" and not parsed.database:
        raise CounterError("central.url", url=shown)
    return url.strip()


def _driver_url(url: str) -> URL:
    parsed = make_url(url.replace("postgres://", "postgresql://", 1))
    if parsed.get_backend_name() == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.difference_update_query(["counter"])


class CentralDatabase:
    """Short units of work on central; SQLAlchemy sessions never leave this object."""

    def __init__(self, address: CentralAddress, *, pool_size: int = 2) -> None:
        self.address = address
        self.engine = _make_engine(address, pool_size)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def check_reachable(self) -> None:
        """One round trip; a server that cannot be reached or refuses raises its CounterError."""
        with self.read() as session:
            session.execute(text("SELECT 1"))

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.translated_errors(), Session(self.engine, expire_on_commit=False) as session:
            yield session
            session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """All or nothing; on SQLite under the write lock from the first statement."""
        bind = self.engine
        if self.dialect == "sqlite":
            bind = bind.execution_options(begin="IMMEDIATE")
        with (
            self.translated_errors(),
            Session(bind, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    @contextmanager
    def translated_errors(self) -> Iterator[None]:
        try:
            yield
        except IntegrityError:
            raise
        except (OperationalError, InterfaceError) as error:
            raise central_problem(error) from error
        except DBAPIError as error:
            if _sqlstate(error) == "42501":  # insufficient privilege, row-level security
                raise CounterError("central.denied", reason=_first_line(error.orig)) from error
            if error.connection_invalidated:
                raise central_problem(error) from error
            raise
        except (OSError, sqlite3.Error) as error:
            raise CounterError("sync.offline", reason=_first_line(error)) from error

    def release(self) -> None:
        """Let go of the idle connections (a counter connects per round, so that a central of
        hundreds of counters holds only the connections of the rounds under way)."""
        self.engine.dispose()

    def close(self) -> None:
        self.engine.dispose()


def _sqlstate(error: DBAPIError) -> str | None:
    return getattr(error.orig, "sqlstate", None)


def _first_line(error: object) -> str:
    lines = hide_passwords(str(error)).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def central_problem(error: DBAPIError) -> CounterError:
    """A refused password or a missing database is not a network outage: say which."""
    state = _sqlstate(error)
    reason = _first_line(error.orig)
    text_ = str(error.orig).lower()
    if "password authentication failed" in text_ or "no password supplied" in text_:
        state = "28P01"  # libpq says it in words only when the connection itself is refused
    elif "does not exist" in text_ and "database" in text_:
        state = "3D000"
    if state in ("28P01", "28000"):
        return CounterError("central.auth", reason=reason)
    if state == "3D000":
        return CounterError("central.no_database", reason=reason)
    if state == "42501":
        return CounterError("central.denied", reason=reason)
    return CounterError("sync.offline", reason=reason)


def _make_engine(address: CentralAddress, pool_size: int) -> Engine:
    url = _driver_url(address.url)
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _configure(dbapi_connection: sqlite3.Connection, _record: object) -> None:
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA busy_timeout = 30000")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(connection) -> None:
            mode = connection.get_execution_options().get("begin", "DEFERRED")
            connection.exec_driver_sql(f"BEGIN {mode}")

        return engine
    connect_args: dict[str, object] = {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": "counter-app",
        "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
        # no server-side prepared statements: behind PgBouncer in transaction mode the next
        # transaction may run on another server connection, which never prepared them
        "prepare_threshold": None,
        # a dead peer is noticed in seconds, not after the kernel's two hours
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 5,
        "keepalives_count": 3,
    }
    if address.password is not None:
        connect_args["password"] = address.password
    if address.sslmode:
        connect_args["sslmode"] = address.sslmode
    if address.sslrootcert:
        connect_args["sslrootcert"] = address.sslrootcert
    return create_engine(
        url,
        connect_args=connect_args,
        # a counter lets go of its connections after each round (`release`), so none is
        # stale when used: no ping before each transaction
        pool_pre_ping=False,
        pool_size=pool_size,
        max_overflow=2,
        hide_parameters=True,
    )


# --- migrations

CENTRAL_HEAD = "c0014"


def _config(connection):  # -> alembic.config.Config
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir() / "central"))
    config.attributes["connection"] = connection
    return config


def upgrade_central(database: CentralDatabase) -> tuple[str | None, str]:
    """Create or upgrade the central schema; returns (revision before, revision after)."""
    from alembic import command

    with database.translated_errors(), database.engine.begin() as connection:
        before = central_revision(connection)
        command.upgrade(_config(connection), "head")
        after = central_revision(connection)
    assert after is not None
    return before, after


def central_revision(connection) -> str | None:
    from sqlalchemy import inspect

    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def central_script_head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config(None)).get_current_head()
