"""Citizens' data on a shared computer: the data folder, the store, its logs and its backups
were made with the umask's modes (0755/0644), readable by every account on the machine; a
crash log went, unscrubbed, into the shared temporary folder when logs/ could not be written.
On Windows the modes mean nothing (the profile's ACL protects the folder): Linux only."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.services.operations.logs import write_crash_log
from counter_app.services.workspace import Workspace
from tests.cli.test_cli import ok_json, run_cli

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
DATABASE = "counter.sqlite3"
QR = "020090001234|123456789|Nguyễn Văn An|15031990|Nam|Lạng Sơn|20042021"


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The umask most desktops have: group and others may read."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.slow  # runs the real program as a process
def test_the_data_folder_store_logs_and_backups_are_the_owners(tmp_path):
    data = tmp_path / "new" / "data"
    ok_json(run_cli(data, "init", "--demo"))
    assert mode(data) == mode(data.parent) == 0o700
    assert mode(data / DATABASE) == 0o600
    taken = ok_json(run_cli(data, "backup", "--auto"))
    daily = Path(taken["path"])
    assert mode(data / "backups") == mode(daily.parent) == 0o700
    assert mode(daily) == 0o600
    assert mode(data / "logs") == 0o700
    assert mode(data / "logs" / "counter-app.log") == 0o600
    outside = ok_json(run_cli(data, "backup", "-o", str(tmp_path / "copy.zip")))
    assert mode(Path(outside["path"])) == 0o600
    ok_json(run_cli(data, "restore", str(tmp_path / "copy.zip")))
    assert mode(data / DATABASE) == 0o600
    (aside,) = (data / "backups").glob("before-restore-*")
    assert mode(aside) == 0o700


def test_the_stores_companions_and_the_window_lock(tmp_path):
    from counter_app.services.operations.instance import InstanceLock

    data = tmp_path / "data"
    with Workspace(data, create=True) as ws:
        ws.settings.set("counter.name", "Quầy 1")  # the WAL now holds a write
        for companion in ("-wal", "-shm"):
            assert mode(data / f"{DATABASE}{companion}") == 0o600
    with InstanceLock(tmp_path / "window") as lock:
        assert mode(lock.path.parent) == 0o700 and mode(lock.path) == 0o600


def test_a_crash_log_is_scrubbed_the_owners_and_never_in_the_shared_temporary_folder(
    tmp_path, monkeypatch
):
    shared = tmp_path / "tmp"
    shared.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    try:
        raise ValueError(f"scanned {QR} for 0912 345 678")
    except ValueError:
        text = traceback.format_exc()
    path = write_crash_log(tmp_path / "data", text)
    assert path is not None and path.parent == tmp_path / "data" / "logs"
    assert mode(path) == 0o600 and mode(path.parent) == 0o700
    written = path.read_text(encoding="utf-8")
    assert "ValueError" in written
    assert "Nguyễn Văn An" not in written and "020090001234" not in written
    assert "345 678" not in written
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / "logs").write_text("a file where the folder should be")
    assert write_crash_log(blocked, text) is None
    assert list(shared.iterdir()) == []


@pytest.mark.slow  # runs the real program as a process
def test_the_command_lines_crash_log_goes_the_same_way(tmp_path):
    """A bug in a command (here: the catalog file's reader breaks) is logged by the same writer."""
    data = tmp_path / "data"
    ok_json(run_cli(data, "init"))
    script = (
        "import sys\n"
        "import counter_app.services.catalog as catalog\n"
        "def broken(*_):\n"
        f"    raise RuntimeError('read {QR}')\n"
        "catalog.read_json_file = broken\n"
        "from counter_app.main import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "--data-dir", str(data), "catalog", "import", "x.json"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    (log,) = (data / "logs").glob("counter-app-crash-*.log")
    assert str(log) in done.stderr
    assert mode(log) == 0o600 and "Nguyễn Văn An" not in log.read_text(encoding="utf-8")
