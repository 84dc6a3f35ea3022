"""A backup killed half-way (power cut, task manager) once left a whole copy of the database
beside the target, readable by anyone who could read that folder, for good."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from counter_app.services.operations.archive import (
    SCRATCH_PREFIX,
    ScratchLock,
    remove_interrupted,
)
from tests.cli.test_cli import ok_json, run_cli

KILLED_AFTER_THE_SNAPSHOT = textwrap.dedent(
    """
    import os, signal, sys
    from counter_app.services.operations import archive
    def killed(*_):
        os.kill(os.getpid(), signal.SIGKILL)
    archive._read_facts = killed
    from counter_app.main import main
    sys.exit(main(sys.argv[1:]))
    """
)


def leftovers(folder: Path) -> list[Path]:
    return sorted(path for path in folder.iterdir() if path.name.startswith("."))


def killed_backup(data: Path, target: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", KILLED_AFTER_THE_SNAPSHOT, "--data-dir", str(data),
         "backup", "-o", str(target)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == -9, done.stderr


@pytest.mark.slow
def test_the_next_backup_removes_what_a_killed_one_left(ws, tmp_path):
    data = ws.data_dir
    ws.close()
    outside = tmp_path / "usb"
    outside.mkdir()
    killed_backup(data, outside / "first.zip")
    (scratch,) = leftovers(outside)
    assert (scratch / "counter.sqlite3").stat().st_size > 0  # the whole store, left behind
    ok_json(run_cli(data, "backup", "-o", str(outside / "second.zip")))
    assert leftovers(outside) == []
    assert sorted(path.name for path in outside.iterdir()) == ["second.zip"]


@pytest.mark.slow  # runs the real program as a process
def test_the_daily_check_at_start_removes_them_even_when_no_backup_is_due(ws, tmp_path):
    data = ws.data_dir
    ws.close()
    daily = data / "backups" / "daily"
    daily.mkdir(parents=True)
    killed_backup(data, daily / "counter-backup-20261201-180000.zip")
    assert len(leftovers(daily)) == 1
    ok_json(run_cli(data, "backup", "--auto"))  # due: the first daily backup
    assert leftovers(daily) == []
    killed_backup(data, daily / "counter-backup-20261201-190000.zip")
    taken = ok_json(run_cli(data, "backup", "--auto"))
    assert taken["taken"] is False  # not due again today, and yet
    assert leftovers(daily) == []


def test_only_our_own_finished_scratch_folders_go(tmp_path):
    running = tmp_path / f"{SCRATCH_PREFIX}running"
    running.mkdir()
    (running / "counter.sqlite3").write_bytes(b"copy")
    lock = ScratchLock(running)
    lock.acquire()  # as a backup still at work holds it
    someone_elses = tmp_path / f"{SCRATCH_PREFIX}notes"
    someone_elses.mkdir()
    (someone_elses / "notes.txt").write_text("mine")
    just_made = tmp_path / f"{SCRATCH_PREFIX}new"
    just_made.mkdir()
    dead = tmp_path / f"{SCRATCH_PREFIX}dead"
    dead.mkdir()
    (dead / "counter.sqlite3").write_bytes(b"copy")
    (dead / "backup.zip.part").write_bytes(b"PK")
    try:
        assert remove_interrupted(tmp_path) == [dead]
    finally:
        lock.release()
    assert running.is_dir() and someone_elses.is_dir() and just_made.is_dir()
    assert remove_interrupted(tmp_path) == [running]
