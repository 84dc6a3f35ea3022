"""Backups: one zip with a consistent copy of the store, every scan and a manifest; written
whole or not at all; the daily backup and its rotation."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import sqlite3
import zipfile
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from counter_app.domain.clock import VN_TZ
from counter_app.domain.errors import CounterError
from counter_app.services.operations import archive
from counter_app.store.migrations import LOCAL_HEAD


def test_a_backup_holds_the_store_the_scans_and_a_manifest(counter, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    summary = counter.backups.create(tmp_path / "out" / "backup.zip")

    assert summary.path == tmp_path / "out" / "backup.zip"
    assert summary.dossiers == 3 and summary.attachments == 1
    assert summary.size == summary.path.stat().st_size
    with zipfile.ZipFile(summary.path) as backup:
        manifest = json.loads(backup.read("manifest.json"))
        names = set(backup.namelist())
        for name, facts in manifest["members"].items():
            assert hashlib.sha256(backup.read(name)).hexdigest() == facts["sha256"]
    assert manifest["format"] == "counter-app-backup"
    assert manifest["schema_revision"] == LOCAL_HEAD
    assert manifest["counts"]["dossiers"] == 3
    assert manifest["counter_name"] == "Bộ phận Một cửa xã Hoàng Đồng"
    sha256 = _only_hash(counter)
    assert f"attachments/{sha256[:2]}/{sha256[2:]}" in names
    assert names == {*manifest["members"], "manifest.json"}
    assert not [p for p in summary.path.parent.iterdir() if p != summary.path]  # no leftovers


def _only_hash(ws) -> str:  # type: ignore[no-untyped-def]
    with closing(sqlite3.connect(ws.database.path)) as db:
        (sha256,) = db.execute("SELECT sha256 FROM attachments").fetchone()
    return sha256


def test_a_folder_as_target_gets_a_dated_name(counter, tmp_path: Path) -> None:
    summary = counter.backups.create(tmp_path)
    assert summary.path.parent == tmp_path
    assert summary.path.name.startswith("counter-backup-") and summary.path.suffix == ".zip"


def test_a_full_disk_leaves_no_half_file(counter, tmp_path: Path, monkeypatch) -> None:
    real_add = archive._add
    calls = []

    def add_then_fail(zipped, source, name, *, compress):  # type: ignore[no-untyped-def]
        calls.append(name)
        if len(calls) == 2:  # the store is in, the first scan finds the disk full
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_add(zipped, source, name, compress=compress)

    monkeypatch.setattr(archive, "_add", add_then_fail)
    target = tmp_path / "out" / "backup.zip"
    target.parent.mkdir()
    with pytest.raises(CounterError) as refused:
        counter.backups.create(target)
    assert refused.value.key == "db.disk_full"
    assert list((tmp_path / "out").iterdir()) == []


def test_an_unwritable_target_is_refused_plainly(counter, tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    if not _immutable(folder):
        pytest.skip("no immutable attribute here (root ignores mode bits)")
    try:
        with pytest.raises(CounterError) as refused:
            counter.backups.create(folder / "backup.zip")
    finally:
        _immutable(folder, False)
    assert refused.value.key == "db.readonly"
    assert list(folder.iterdir()) == []


def _immutable(path: Path, on: bool = True) -> bool:
    import subprocess

    if os.geteuid() != 0:
        path.chmod(0o555 if on else 0o755)
        return True
    try:
        done = subprocess.run(
            ["chattr", "+i" if on else "-i", str(path)], capture_output=True, check=False
        )
    except OSError:
        return False
    return done.returncode == 0


def test_a_missing_scan_is_named_not_fatal(counter, tmp_path: Path) -> None:
    sha256 = _only_hash(counter)
    (counter.data_dir / "attachments" / sha256[:2] / sha256[2:]).unlink()
    summary = counter.backups.create(tmp_path / "backup.zip")
    assert summary.missing_attachments == (sha256,)
    assert summary.to_json()["missing_attachments"] == [sha256]


# --- the daily backup -------------------------------------------------------------------


def day(d: int, hour: int = 9) -> datetime:
    return datetime(2026, 11, d, hour, 0, tzinfo=VN_TZ)


def test_the_daily_backup_is_taken_once_a_day(counter) -> None:
    backups = counter.backups
    assert backups.due(day(10))
    first = backups.run_daily(at=day(10))
    assert first is not None and first.path.parent == counter.data_dir / "backups" / "daily"
    assert backups.run_daily(at=day(10, 15)) is None  # later the same day: not due
    state = backups.state(day(10, 15))
    assert state.last_ok and state.last_path == str(first.path) and state.last_size == first.size
    assert state.next_due == datetime(2026, 11, 11, tzinfo=VN_TZ)
    assert backups.run_daily(at=day(11, 8)) is not None  # next morning
    assert backups.run_daily(force=True, at=day(11, 9)) is not None  # "Back up now"


def test_rotation_keeps_the_newest_n_and_only_touches_its_own_files(
    counter, admin, tmp_path
) -> None:
    folder = tmp_path / "daily"
    counter.backups.set_schedule(str(folder), 3, by=admin)
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me")
    (folder / "counter-backup-old.zip").write_text("not ours by name")
    for d in range(1, 7):
        counter.backups.run_daily(at=day(d))
    kept = sorted(p.name for p in folder.glob("counter-backup-2*.zip"))
    assert kept == [
        "counter-backup-20261104-090000.zip",
        "counter-backup-20261105-090000.zip",
        "counter-backup-20261106-090000.zip",
    ]
    assert (folder / "notes.txt").exists() and (folder / "counter-backup-old.zip").exists()


def test_a_failed_daily_backup_is_recorded_and_retried_an_hour_later(
    counter, admin, tmp_path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    counter.backups.set_schedule(
        str(blocker / "daily"), 14, by=admin
    )  # a folder inside a file: refused
    with pytest.raises(CounterError):
        counter.backups.run_daily(at=day(10))
    state = counter.backups.state(day(10, 9))
    assert state.last_ok is False and state.last_error is not None
    assert state.last_error.message("vi")  # renders in the officer's language
    assert state.next_due == day(10, 10)
    assert not counter.backups.due(day(10, 9)) and counter.backups.due(day(10, 10))


def test_a_chosen_folder_that_is_not_there_is_never_made(counter, admin, tmp_path) -> None:
    """A USB drive not mounted: the backup must not land on the system disk instead."""
    absent = tmp_path / "usb" / "backups"
    counter.backups.set_schedule(str(absent), 14, by=admin)
    with pytest.raises(CounterError) as refused:
        counter.backups.run_daily(at=day(10))
    assert refused.value.key == "backup.no_folder" and str(absent) in refused.value.message("en")
    assert not (tmp_path / "usb").exists()
    assert counter.backups.state(day(10, 9)).last_ok is False
    with pytest.raises(CounterError) as refused:
        counter.backups.create(absent / "by-hand.zip")
    assert refused.value.key == "backup.no_folder" and not (tmp_path / "usb").exists()


def test_keep_outside_its_range_is_refused(counter, admin) -> None:
    with pytest.raises(CounterError) as refused:
        counter.backups.set_schedule("", 0, by=admin)
    assert refused.value.key == "backup.keep_range"
    assert counter.backups.keep() == 14
    assert counter.backups.state(day(1)).folder == counter.data_dir / "backups" / "daily"


def test_backups_are_days_apart_in_time_not_only_in_name(counter) -> None:
    counter.backups.run_daily(at=day(10, 23))
    assert counter.backups.due(day(10, 23) + timedelta(hours=1, minutes=1))


def test_only_an_administrator_sets_the_daily_backup(counter, officer, admin, tmp_path) -> None:
    """A desk officer cannot send the counter's backups elsewhere; the change is refused and
    nothing is stored."""
    with pytest.raises(CounterError) as refused:
        counter.backups.set_schedule(str(tmp_path / "elsewhere"), 3, by=officer)
    assert refused.value.key == "permission.denied"
    assert counter.backups.keep() == 14
    assert counter.backups.folder() == counter.data_dir / "backups" / "daily"
    counter.backups.set_schedule(str(tmp_path / "elsewhere"), 3, by=admin)
    assert (counter.backups.folder(), counter.backups.keep()) == (tmp_path / "elsewhere", 3)
