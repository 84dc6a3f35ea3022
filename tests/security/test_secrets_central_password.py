"""`sync --central postgresql://ROLE:PASSWORD@…` put the password in the process list for the
whole run, readable by every user of the machine. The password now comes from the keyring,
else stdin (`--password-stdin`) or the terminal; the old form still works, with a warning."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from counter_app.services.sync.admin import CentralAdmin
from counter_app.store.central.database import split_password
from tests.conftest import AGENCY

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc")
WARNING = "visible to every other user of this machine"


def counter_address(admin_url: str, counter_id: str) -> tuple[str, str]:
    """The counter's address without its password, and the password."""
    with CentralAdmin(admin_url) as admin:
        made = admin.add_counter(counter_id, [AGENCY])
    host = admin_url.split("@", 1)[1]
    assert made.password
    return f"postgresql://{made.role}@{host}", made.password


def counter_app(data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "counter_app.main", "--lang", "en", "--data-dir", str(data),
            *args]  # fmt: skip


def run(data: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(counter_app(data, *args), input=stdin, capture_output=True, text=True,
                          timeout=120, check=False)  # fmt: skip


def command_line_while_running(data: Path, *args: str, stdin: str = "") -> tuple[str, str]:
    """What any user reads in /proc/PID/cmdline while the sync worker runs; its stderr."""
    with subprocess.Popen(counter_app(data, *args), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True) as worker:  # fmt: skip
        assert worker.stdin is not None and worker.stdout is not None
        assert worker.stderr is not None
        try:
            worker.stdin.write(stdin)
            worker.stdin.close()
            first_round = worker.stdout.readline()
            assert '"pushed"' in first_round, first_round
            seen = Path(f"/proc/{worker.pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        finally:
            worker.terminate()
            worker.wait(timeout=30)
        return seen, worker.stderr.read()


def test_the_password_never_shows_in_the_process_list(pg_central, tmp_path, test_keyring):
    data = tmp_path / "counter"
    assert run(data, "init").returncode == 0
    address, password = counter_address(pg_central, "Q1")
    seen, errors = command_line_while_running(
        data, "sync", "--central", address, "--password-stdin", stdin=f"{password}\n"
    )
    assert address in seen and password not in seen
    assert WARNING not in errors
    assert password in test_keyring.read_text()  # the tests' stand-in for the OS keyring
    again = run(data, "sync", "--once")  # from the keyring now
    assert again.returncode == 0, again.stderr
    for path in data.rglob("*"):
        if path.is_file():
            assert password.encode() not in path.read_bytes(), path


def test_the_old_form_still_works_and_warns_once(pg_central, tmp_path, test_keyring):
    data = tmp_path / "counter"
    assert run(data, "init").returncode == 0
    address, password = counter_address(pg_central, "Q1")
    with_password = address.replace("@", f":{password}@", 1)
    seen, errors = command_line_while_running(data, "sync", "--central", with_password)
    assert password in seen  # what the warning is about
    assert errors.count(WARNING) == 1
    assert run(data, "sync", "--once").returncode == 0


def test_an_address_without_a_password_is_accepted(pg_central, tmp_path, test_keyring):
    """Nothing in the keyring, no terminal, no --password-stdin: the address is kept, and the
    server's refusal is said plainly (a server trusting the machine would have let it in)."""
    data = tmp_path / "counter"
    assert run(data, "init").returncode == 0
    address, password = counter_address(pg_central, "Q1")
    refused = run(data, "sync", "--central", address, "--once")
    assert refused.returncode == 1 and refused.stdout == ""
    assert "password" in refused.stderr.lower() and "Traceback" not in refused.stderr
    answered = run(data, "sync", "--password-stdin", "--once", stdin=f"{password}\n")
    assert answered.returncode == 0, answered.stderr


def test_central_commands_take_the_password_from_stdin(pg_central, tmp_path):
    bare, password = split_password(pg_central)
    assert password
    listed = run(tmp_path, "central", "init", bare, "--password-stdin", stdin=f"{password}\n")
    assert listed.returncode == 0, listed.stderr
    assert WARNING not in listed.stderr
    old = run(tmp_path, "central", "init", pg_central)
    assert old.returncode == 0 and old.stderr.count(WARNING) == 1


def test_an_encoded_password_in_the_address_is_decoded():
    assert split_password("postgresql://role:p%40ss%2Fw@127.0.0.1:5432/db") == (
        "postgresql://role@127.0.0.1:5432/db",
        "p@ss/w",
    )


@pytest.mark.slow
def test_no_password_on_stdin_is_a_clear_refusal(tmp_path):
    data = tmp_path / "counter"
    assert run(data, "init").returncode == 0
    empty = run(data, "sync", "--central", "postgresql://role@127.0.0.1:1/db", "--password-stdin")
    assert empty.returncode == 1
    assert empty.stderr.strip().startswith("No password: give it as one line on standard input")
