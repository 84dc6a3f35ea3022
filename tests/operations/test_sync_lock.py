"""Restore and a running `counter-app sync`: real processes on one data folder. A restore is
refused while a sync worker runs; a sync does not start while a restore replaces the data; a
window and a sync worker go on side by side."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from counter_app.domain.errors import CounterError
from counter_app.domain.messages import translate
from counter_app.services.operations.instance import InstanceLock, SyncLock
from tests.cli.test_bad_input import assert_refused
from tests.cli.test_cli import ok_json, run_cli

pytestmark = pytest.mark.slow  # each test runs the real program as a process

ROOT = Path(__file__).resolve().parents[2]

# A real restore, paused once it holds the folder's locks and before it stages anything.
PAUSED_RESTORE = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from counter_app.services.operations import restore

    backup, data, go_on = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    stage = restore._stage

    def paused_stage(*args):
        print("restoring", flush=True)
        while not go_on.exists():
            time.sleep(0.05)
        stage(*args)

    restore._stage = paused_stage
    print(restore.restore_backup(backup, data).dossiers, flush=True)
    """
)


@pytest.fixture
def central(counter, tmp_path: Path) -> str:
    """A trial SQLite central the counter has synced with once (so `sync` needs no address)."""
    address = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    ok_json(run_cli(None, "central", "init", address))
    ok_json(run_cli(counter.data_dir, "sync", "--central", address, "--once"))
    return address


@pytest.fixture
def backup(counter, central: str, tmp_path: Path) -> Path:
    return counter.backups.create(tmp_path / "good.zip").path


def start_worker(data: Path) -> subprocess.Popen[str]:
    """`counter-app sync` without --once, as the service would run it; back after its first
    round."""
    worker = subprocess.Popen(
        [sys.executable, "-m", "counter_app.main", "--data-dir", str(data), "sync"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert worker.stdout is not None
    first = worker.stdout.readline()
    assert set(json.loads(first)) == {"pushed", "pulled", "pending", "conflicts"}, first
    return worker


def stop(worker: subprocess.Popen[str]) -> None:
    worker.send_signal(signal.SIGTERM)
    _out, err = worker.communicate(timeout=30)
    assert worker.returncode == 0, err


def test_restore_is_refused_while_a_sync_worker_runs(counter, backup: Path) -> None:
    data = counter.data_dir
    worker = start_worker(data)
    try:
        store = (data / "counter.sqlite3").stat()
        refused = run_cli(data, "restore", str(backup))
        assert_refused(refused, translate("restore.sync_running", "vi", path=str(data.absolute())))
        # Nothing replaced (the worker may write its rounds meanwhile: the same file, though).
        assert os.path.samestat((data / "counter.sqlite3").stat(), store)
        assert not list((data / "backups").glob("*restor*"))
        english = run_cli(data, "--lang", "en", "restore", str(backup))
        assert "A sync (counter-app sync) is running" in english.stderr
        # One sync per folder: a round started by hand beside the worker is refused too.
        assert_refused(run_cli(data, "sync", "--once"), "đang được khôi phục")
    finally:
        stop(worker)
    # The worker gone, its lock is gone with it: the restore goes ahead, and sync again after.
    assert ok_json(run_cli(data, "restore", str(backup)))["dossiers"] == 3
    ok_json(run_cli(data, "sync", "--once"))
    assert not (data / "counter-app.sync.lock").exists()


def test_sync_does_not_start_while_a_restore_replaces_the_data(
    counter, backup: Path, tmp_path: Path
) -> None:
    data = counter.data_dir
    go_on = tmp_path / "go-on"
    restoring = subprocess.Popen(
        [sys.executable, "-c", PAUSED_RESTORE, str(backup), str(data), str(go_on)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert restoring.stdout is not None
        assert restoring.stdout.readline().strip() == "restoring"
        message = translate("sync.folder_busy", "vi", path=str(data))
        assert_refused(run_cli(data, "sync", "--once"), message)
        worker = subprocess.run(
            [sys.executable, "-m", "counter_app.main", "--data-dir", str(data), "sync"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert_refused(worker, message)  # the worker does not start either
    finally:
        go_on.touch()
        out, _ = restoring.communicate(timeout=60)
    assert restoring.returncode == 0 and out.strip() == "3"
    ok_json(run_cli(data, "sync", "--once"))


def test_a_window_and_a_sync_worker_share_the_folder(counter, central: str) -> None:
    data = counter.data_dir
    with InstanceLock(data):  # the window
        worker = start_worker(data)
        stop(worker)
    with SyncLock(data):  # a sync
        with InstanceLock(data):
            pass  # the window opens beside it
        with pytest.raises(CounterError) as second:
            SyncLock(data).acquire()
        assert second.value.key == "sync.folder_busy"


def test_sync_on_a_folder_that_does_not_exist_leaves_none_behind(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    assert_refused(run_cli(missing, "sync", "--once"))
    assert not missing.exists()
