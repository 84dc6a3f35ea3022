"""A real PostgreSQL for the sync tests, started once per test session (and per xdist
worker) as the `postgres` user on a loopback port of its own, stopped at the end; SQLite
centrals in temporary files; a keyring for the tests."""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import SMALL_CATALOG, template
from tests.sync.keyring_backend import ENV as KEYRING_ENV


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(found[-1]).parent if found else None


def _run_as_postgres(command: list[str]) -> None:
    done = subprocess.run(
        ["runuser", "-u", "postgres", "--", *command], capture_output=True, text=True, timeout=120
    )
    if done.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {done.stdout}{done.stderr}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class PgServer:
    bin: Path
    data: Path
    sockets: Path
    port: int
    password: str
    log: Path

    def url(
        self,
        database: str,
        user: str = "postgres",
        password: str | None = None,
        port: int | None = None,
    ) -> str:
        secret = self.password if password is None and user == "postgres" else password
        auth = f"{user}:{secret}" if secret else user
        return f"postgresql://{auth}@127.0.0.1:{port or self.port}/{database}"

    def _ctl(self, *args: str) -> None:
        subprocess.run(
            [
                "runuser",
                "-u",
                "postgres",
                "--",
                str(self.bin / "pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.log),
                "-w",
                *args,
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off -c max_connections=200"
        )
        self._ctl("-o", options, "start")

    def stop(self, mode: str = "fast") -> None:
        self._ctl("-m", mode, "stop")

    def admin(self):  # type: ignore[no-untyped-def]
        import psycopg

        return psycopg.connect(
            self.url("postgres").replace("postgresql://", "postgresql://", 1), autocommit=True
        )


def start_pg_server(root: Path) -> PgServer:
    """initdb and start a cluster in `root` (an empty folder) as the postgres user; the
    benchmark uses it too."""
    binaries = _pg_bin()
    if binaries is None or shutil.which("runuser") is None:
        raise FileNotFoundError("PostgreSQL is not installed: apt-get install postgresql")
    data, sockets, log = root / "data", root / "sock", root / "server.log"
    sockets.mkdir()
    password = secrets.token_urlsafe(16)
    pwfile = root / "pw"
    pwfile.write_text(password + "\n")
    os.chmod(root, 0o755)
    for path in (root, sockets, pwfile):
        shutil.chown(path, "postgres")
    _run_as_postgres(
        [
            str(binaries / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            f"--pwfile={pwfile}",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        ]
    )
    server = PgServer(binaries, data, sockets, _free_port(), password, log)
    server.start()
    return server


@dataclass
class PgBouncer:
    """PgBouncer in transaction mode in front of a PgServer, as docs/ADMIN.md sets it up:
    counters log in with their own roles (checked through `auth_query`), and central sees at
    most `max_db_connections` server connections per database."""

    port: int
    pidfile: Path
    log: Path

    def url(self, server_url: str) -> str:
        """The same address through PgBouncer."""
        head, _, tail = server_url.rpartition("@")
        database = tail.partition("/")[2]
        return f"{head}@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        if self.pidfile.exists():
            os.kill(int(self.pidfile.read_text().split()[0]), 15)


def server_connections(connection, database: str, budget: int) -> int:  # type: ignore[no-untyped-def]
    """Client backends of `database` (not an autovacuum worker) as PgBouncer holds them, read on
    an autocommit `connection`. A backend PgBouncer has just let go of (to open one for another
    counter's role: a pool per role) is listed for a moment while its process exits: a reading
    over the budget counts only the backends still there a second later."""
    pids = [
        pid
        for (pid,) in connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s"
            " AND backend_type = 'client backend'",
            (database,),
        )
    ]
    if len(pids) <= budget:
        return len(pids)
    time.sleep(1)
    return connection.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(%s)", (pids,)
    ).fetchone()[0]


def start_pgbouncer(server: PgServer, root: Path, *, max_db_connections: int = 10) -> PgBouncer:
    """PgBouncer (Debian `pgbouncer`) as the postgres user in `root` (an empty folder); the
    benchmark uses it too."""
    binary = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"
    if not Path(binary).exists():
        raise FileNotFoundError("PgBouncer is not installed: apt-get install pgbouncer")
    port = _free_port()
    bouncer = PgBouncer(port, root / "pgbouncer.pid", root / "pgbouncer.log")
    (root / "userlist.txt").write_text(f'"postgres" "{server.password}"\n')
    (root / "pgbouncer.ini").write_text(
        f"""[databases]
* = host=127.0.0.1 port={server.port}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {port}
unix_socket_dir =
auth_type = scram-sha-256
auth_file = {root / "userlist.txt"}
auth_user = postgres
auth_query = SELECT usename, passwd FROM pg_shadow WHERE usename = $1
pool_mode = transaction
max_db_connections = {max_db_connections}
default_pool_size = {max_db_connections}
max_client_conn = 2000
ignore_startup_parameters = options
logfile = {bouncer.log}
pidfile = {bouncer.pidfile}
"""
    )
    os.chmod(root, 0o755)
    for path in root.iterdir():
        shutil.chown(path, "postgres")
    shutil.chown(root, "postgres")
    _run_as_postgres([binary, "-d", str(root / "pgbouncer.ini")])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return bouncer
        time.sleep(0.05)
    raise RuntimeError(f"PgBouncer did not start: {bouncer.log.read_text(errors='replace')}")


@pytest.fixture(scope="session")
def pgbouncer(pg_server: PgServer) -> Iterator[PgBouncer]:
    if shutil.which("pgbouncer") is None and not Path("/usr/sbin/pgbouncer").exists():
        if os.environ.get("CI"):
            pytest.fail("PgBouncer is not installed (scripts/dev test installs it)")
        pytest.skip("PgBouncer is not installed: apt-get install pgbouncer")
    root = Path(tempfile.mkdtemp(prefix="counter-app-pgbouncer-"))
    bouncer = start_pgbouncer(pg_server, root)
    try:
        yield bouncer
    finally:
        bouncer.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    if _pg_bin() is None or shutil.which("runuser") is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed (scripts/dev test installs it)")
        pytest.skip("PostgreSQL is not installed: apt-get install postgresql")
    # Not under pytest's temporary folder: each xdist worker resets the permissions of
    # /tmp/pytest-of-root to 0700 when it starts, which would lock the postgres user out.
    root = Path(tempfile.mkdtemp(prefix="counter-app-pg-"))
    server = start_pg_server(root)
    try:
        yield server
    finally:
        server.stop("immediate")
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_central(pg_server: PgServer) -> Iterator[str]:
    """A fresh central database with the small catalog; yields the administrator's URL."""
    with fresh_pg_central(pg_server) as url:
        yield url


@contextmanager
def fresh_pg_central(pg_server: PgServer) -> Iterator[str]:
    """`pg_central` for fixtures of a wider scope: dropped with its roles on leaving."""
    from counter_app.domain.catalog_file import catalog_from_json
    from counter_app.services.sync.admin import CentralAdmin

    name = f"central_{uuid.uuid4().hex[:10]}"
    with pg_server.admin() as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    url = pg_server.url(name)
    with CentralAdmin(url) as admin:
        admin.init()
        admin.import_catalog(catalog_from_json(SMALL_CATALOG))
    yield url
    with pg_server.admin() as connection:
        connection.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,)
        )
        connection.execute(f'DROP DATABASE "{name}"')
        roles = connection.execute(
            "SELECT rolname FROM pg_roles WHERE rolname LIKE %s", (f"ca_{name}%",)
        ).fetchall()
        for (role,) in roles:
            connection.execute(f'DROP ROLE "{role}"')


CENTRAL_FILE = "central.sqlite3"


def _make_sqlite_central(folder: Path) -> None:
    from counter_app.domain.catalog_file import catalog_from_json
    from counter_app.services.sync.admin import CentralAdmin

    folder.mkdir()
    with CentralAdmin(f"sqlite:///{folder / CENTRAL_FILE}") as admin:
        admin.init()
        admin.import_catalog(catalog_from_json(SMALL_CATALOG))


def new_sqlite_central(folder: Path) -> str:
    """A central on an SQLite file in `folder`, with the small catalog."""
    made = template("sqlite-central", _make_sqlite_central)
    for part in made.iterdir():  # the file, and its write-ahead log if one was left
        shutil.copy(part, folder / part.name)
    return f"sqlite:///{folder / CENTRAL_FILE}"


@pytest.fixture
def sqlite_central(tmp_path: Path) -> str:
    return new_sqlite_central(tmp_path)


@pytest.fixture(autouse=True)
def test_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every sync test (and the counter processes it starts) uses the tests' keyring."""
    import keyring

    from tests.sync.keyring_backend import TestKeyring

    path = tmp_path / "test-keyring.json"
    monkeypatch.setenv(KEYRING_ENV, str(path))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.sync.keyring_backend.TestKeyring")
    previous = keyring.get_keyring()
    keyring.set_keyring(TestKeyring())
    yield path
    keyring.set_keyring(previous)


def wait_for(predicate, timeout: float = 10.0, step: float = 0.05) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()
