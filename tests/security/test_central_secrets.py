"""Secrets at central: `central add-counter` sends PostgreSQL a SCRAM verifier, never the clear
password (a clashing name wrote `CREATE ROLE … PASSWORD '<clear text>'` into a crash log and the
server's log), and no message or log line echoes the password of an address."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from counter_app.store.central.counters import role_name
from tests.conftest import AGENCY

CLEAR_PASSWORD = re.compile(r"PASSWORD\s+'(?!SCRAM-SHA-256\$)")
SECRET = "S3cret-Pw_of-the-admin"


def _cli(tmp_path, *args: str) -> subprocess.CompletedProcess:  # type: ignore[no-untyped-def]
    """The command as an administrator runs it; crash logs land in tmp_path."""
    return subprocess.run(
        [sys.executable, "-m", "counter_app.main", "--lang", "en", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ | {"TMPDIR": str(tmp_path)},
    )


def _crash_logs(tmp_path) -> str:  # type: ignore[no-untyped-def]
    return "".join(path.read_text() for path in tmp_path.rglob("counter-app-crash-*.log"))


def test_add_counter_never_sends_the_password_in_clear(pg_server, pg_central, tmp_path):
    database = pg_central.rsplit("/", 1)[1]
    with pg_server.admin() as connection:
        connection.execute(f"ALTER DATABASE \"{database}\" SET log_statement = 'all'")
        connection.execute(f'CREATE ROLE "{role_name(database, "clash")}"')
    start = pg_server.log.stat().st_size

    clash = _cli(tmp_path, "central", "add-counter", pg_central, "--counter", "clash",
                 "--agency", AGENCY)  # fmt: skip
    made = _cli(tmp_path, "central", "add-counter", pg_central, "--counter", "fine",
                "--agency", AGENCY)  # fmt: skip

    assert clash.returncode != 0 and "already has a login" in clash.stderr, clash.stderr
    assert made.returncode == 0, made.stderr
    password = json.loads(made.stdout)["password"]
    with psycopg.connect(json.loads(made.stdout)["central"]) as connection:
        assert connection.execute("SELECT central_my_number()").fetchone() == (1,)
    with pg_server.log.open(errors="replace") as log:
        log.seek(start)
        written = log.read()
    assert "CREATE ROLE" in written  # the statements are logged, so the log is the evidence
    for text in (written, _crash_logs(tmp_path), clash.stderr, clash.stdout):
        assert password not in text and not CLEAR_PASSWORD.search(text)


@pytest.mark.slow  # runs the real program as a process
@pytest.mark.parametrize(
    "url",
    [
        f"mysql://admin:{SECRET}@db.tinh.gov.vn/motcua",
        f"postgresql://admin:{SECRET}@db.tinh.gov.vn:port/motcua",
        f"postgresql://admin:{SECRET}@127.0.0.1:1/motcua",
    ],
    ids=["other-database", "bad-port", "unreachable"],
)
def test_central_commands_never_echo_a_password(tmp_path, url):
    done = _cli(tmp_path, "central", "init", url)
    assert done.returncode != 0
    assert "admin:***@" in done.stderr or "admin" not in done.stderr, done.stderr
    assert SECRET not in done.stderr + done.stdout + _crash_logs(tmp_path)


def test_log_lines_and_crash_logs_hide_the_password_of_an_address(tmp_path):
    from counter_app.cli import _write_crash_log
    from counter_app.services.operations.logs import scrub, write_crash_log

    line = f"central at postgresql://admin:{SECRET}@db.tinh.gov.vn/motcua refused"
    assert scrub(line) == "central at postgresql://admin:***@db.tinh.gov.vn/motcua refused"
    gui_log = write_crash_log(tmp_path / "gui", line)
    assert gui_log is not None and SECRET not in gui_log.read_text()
    try:
        raise RuntimeError(line)
    except RuntimeError:
        cli_log = _write_crash_log(argparse.Namespace(data_dir=tmp_path / "cli"))
    written = Path(cli_log).read_text()
    assert "admin:***@" in written and SECRET not in written
