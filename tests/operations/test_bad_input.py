"""Read-only and full disks at first run, backup and restore: a clear message, nothing made
half, nothing overwritten."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from counter_app.domain.errors import CounterError
from counter_app.domain.messages import translate
from counter_app.services.operations import restore as restore_module
from counter_app.services.operations.setup import CounterSetup, set_up_counter
from tests.cli.test_bad_input import assert_refused, read_only
from tests.cli.test_cli import fingerprint, run_cli
from tests.operations.test_backups import _immutable

SETUP = CounterSetup(
    language="vi",
    agencies=frozenset({"000.00.06.H37"}),
    counter_name="Bộ phận Một cửa xã Hoàng Đồng",
    admin_login="quantri",
    admin_full_name="Hoàng Văn Đức",
    admin_password="matkhau-123",
)


def test_first_run_on_a_read_only_folder(tmp_path: Path) -> None:
    parent = tmp_path / "locked"
    parent.mkdir()
    if not _immutable(parent):
        pytest.skip("no immutable attribute here")
    try:
        with pytest.raises(CounterError) as refused:
            set_up_counter(parent / "data", SETUP)
    finally:
        _immutable(parent, False)
    assert refused.value.key == "db.readonly"
    assert list(parent.iterdir()) == []


def test_first_run_on_a_full_disk_leaves_no_store(tmp_path: Path, monkeypatch) -> None:
    from counter_app.services.catalog import CatalogService

    def disk_full(self, _path):  # type: ignore[no-untyped-def]
        raise CounterError("db.disk_full")

    monkeypatch.setattr(CatalogService, "import_file", disk_full)
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "counter-app.lock").write_text("")  # the window's lock: the folder stays
    with pytest.raises(CounterError) as refused:
        set_up_counter(folder, SETUP)
    assert refused.value.key == "db.disk_full"
    assert sorted(p.name for p in folder.iterdir()) == ["counter-app.lock"]


def test_first_run_never_overwrites_a_store(counter) -> None:
    before = fingerprint(counter.data_dir)
    with pytest.raises(CounterError) as refused:
        set_up_counter(counter.data_dir, SETUP)
    assert refused.value.key == "setup.exists"
    assert fingerprint(counter.data_dir) == before


def test_a_short_password_is_refused_before_anything_is_made(tmp_path: Path) -> None:
    from dataclasses import replace

    with pytest.raises(CounterError) as refused:
        set_up_counter(tmp_path / "data", replace(SETUP, admin_password="short"))
    assert refused.value.key == "user.password_short"
    assert not (tmp_path / "data").exists()


def test_restore_on_a_full_disk_changes_nothing(counter, tmp_path: Path, monkeypatch) -> None:
    backup = counter.backups.create(tmp_path / "b.zip").path
    counter.close()

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    before = fingerprint(counter.data_dir)
    monkeypatch.setattr(restore_module, "extract_member", full)
    with pytest.raises(CounterError) as refused:
        restore_module.restore_backup(backup, counter.data_dir)
    assert refused.value.key == "db.disk_full"
    assert fingerprint(counter.data_dir) == before


@pytest.mark.slow  # runs the real program as a process
def test_backup_command_without_a_store(tmp_path: Path) -> None:
    result = run_cli(tmp_path / "empty", "backup", "-o", str(tmp_path / "b.zip"))
    assert_refused(result, translate("db.not_initialised", "vi", path=str(tmp_path / "empty")))
    assert not (tmp_path / "b.zip").exists() and not (tmp_path / "empty").exists()


@pytest.mark.slow  # runs the real program as a process
def test_backup_command_to_a_folder_that_is_not_there(counter, tmp_path: Path) -> None:
    absent = tmp_path / "usb"
    result = run_cli(counter.data_dir, "backup", "-o", str(absent / "b.zip"))
    assert_refused(result, translate("backup.no_folder", "vi", path=str(absent)))
    assert not absent.exists()


@pytest.mark.slow  # runs the real program as a process
def test_backup_command_needs_a_target(counter) -> None:
    result = run_cli(counter.data_dir, "backup")
    assert result.returncode == 2 and "-o" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.slow  # runs the real program as a process
def test_backup_command_into_a_read_only_folder(counter, tmp_path: Path) -> None:
    target = tmp_path / "usb"
    target.mkdir()
    if not _immutable(target):
        pytest.skip("no immutable attribute here")
    try:
        result = run_cli(counter.data_dir, "backup", "-o", str(target / "b.zip"))
    finally:
        _immutable(target, False)
    assert_refused(result, "chỉ cho phép đọc")
    assert list(target.iterdir()) == []


@pytest.mark.slow  # runs the real program as a process
def test_backup_of_a_read_only_data_folder_works(counter, tmp_path: Path) -> None:
    """A backup only reads the store: a counter whose disk turned read-only can still be
    saved elsewhere."""
    data = counter.data_dir
    counter.close()
    with read_only(data):
        result = run_cli(data, "backup", "-o", str(tmp_path / "rescue.zip"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "rescue.zip").is_file()
