"""Restore: a backup taken while another process writes restores to a consistent store; bad
files, newer backups and an open window are refused with nothing changed."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
import time
import zipfile
from contextlib import closing
from pathlib import Path

import pytest

from counter_app.domain.messages import translate
from counter_app.services.operations.archive import write_backup
from counter_app.services.operations.instance import InstanceLock
from counter_app.store.migrations import LOCAL_HEAD
from tests.cli.test_bad_input import assert_refused
from tests.cli.test_cli import fingerprint, ok_json, run_cli
from tests.operations.conftest import reseal, rewrite

pytestmark = pytest.mark.slow  # each test runs the real program as a process

ROOT = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from counter_app.services.accounts import Role
    from counter_app.services.intake import request_from_json
    from counter_app.services.workspace import Workspace
    from tests.conftest import TEN_DAYS, intake_json

    data, stop = Path(sys.argv[1]), Path(sys.argv[2])
    with Workspace(data) as ws:
        user = ws.accounts.user("canbo")
        made = 0
        while not stop.exists():
            number = f"0200900{made:05d}"
            ws.intake.receive(request_from_json(intake_json(TEN_DAYS, id_number=number)), user=user)
            made += 1
            if made == 1:
                print("writing", flush=True)
    print(made, flush=True)
    """
)


def codes_in(database: Path) -> set[str]:
    with closing(sqlite3.connect(database)) as db:
        return {code for (code,) in db.execute("SELECT code FROM dossiers")}


def test_a_backup_taken_during_writes_restores_consistently(counter, tmp_path: Path) -> None:
    data = counter.data_dir
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data), str(stop)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "writing"
        backups = [
            ok_json(run_cli(data, "backup", "-o", str(tmp_path / f"during-{n}.zip")))
            for n in range(3)
        ]
    finally:
        stop.touch()
        out, _ = writer.communicate(timeout=60)
    written = int(out.strip())
    assert writer.returncode == 0 and written > 0
    total = len(codes_in(data / "counter.sqlite3"))
    assert backups[0]["dossiers"] < total, "the writer went on after the first backup"

    for n, taken in enumerate(backups):
        target = tmp_path / f"restored-{n}"
        restored = ok_json(run_cli(target, "restore", taken["path"]))
        assert restored["dossiers"] == taken["dossiers"]
        assert restored["kept_aside"] is None  # a new folder: nothing to keep
        database = target / "counter.sqlite3"
        with closing(sqlite3.connect(database)) as db:
            assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert ok_json(run_cli(target, "audit", "verify"))["intact"] is True
        with zipfile.ZipFile(taken["path"]) as backup:
            backup.extract("counter.sqlite3", tmp_path / f"inside-{n}")
        assert codes_in(database) == codes_in(tmp_path / f"inside-{n}" / "counter.sqlite3")
        assert len(codes_in(database)) == taken["dossiers"]
        shown = ok_json(run_cli(target, "list", "--limit", "1000"))
        assert len(shown) == taken["dossiers"]  # type: ignore[arg-type]
        scans = [p for p in (target / "attachments").rglob("*") if p.is_file()]
        assert len(scans) == taken["attachments"] == 1


def test_restore_keeps_the_current_data_aside(counter, tmp_path: Path) -> None:
    data = counter.data_dir
    backup = ok_json(run_cli(data, "backup", "-o", str(tmp_path / "b.zip")))
    before = codes_in(data / "counter.sqlite3")
    from tests.conftest import TEN_DAYS, intake_json

    intake = tmp_path / "late.json"
    intake.write_text(json.dumps(intake_json(TEN_DAYS)), encoding="utf-8")
    late = ok_json(run_cli(data, "intake", str(intake), "--user", "canbo"))
    counter.close()

    restored = ok_json(run_cli(data, "restore", backup["path"]))
    assert codes_in(data / "counter.sqlite3") == before  # the late dossier is not in the backup
    aside = Path(restored["kept_aside"])
    assert aside.parent == data / "backups" and aside.name.startswith("before-restore-")
    assert late["code"] in codes_in(aside / "counter.sqlite3")  # nothing lost: kept aside
    assert (aside / "attachments").is_dir()


def test_an_older_backup_is_migrated_after_restore(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from counter_app.store import migrations

    old = tmp_path / "old" / "counter.sqlite3"
    old.parent.mkdir()
    engine = create_engine(f"sqlite:///{old}")
    with engine.begin() as connection:
        command.upgrade(migrations._config(connection), "0003")
    engine.dispose()
    backup = write_backup(old, old.parent, tmp_path / "old.zip")

    restored = ok_json(run_cli(tmp_path / "new", "restore", str(backup.path)))
    assert restored["migrated_from"] == "0003"
    assert restored["schema_revision"] == LOCAL_HEAD
    ok_json(run_cli(tmp_path / "new", "audit", "verify"))


# --- refusals: a clear line, nothing changed -------------------------------------------------


@pytest.fixture
def backup(counter, tmp_path: Path) -> Path:
    return counter.backups.create(tmp_path / "good.zip").path


def refused(data: Path, file: Path, *expected: str) -> None:
    before = fingerprint(data)
    result = run_cli(data, "restore", str(file))
    assert_refused(result, *expected)
    assert fingerprint(data) == before


def test_a_file_that_is_not_a_zip(counter, tmp_path: Path) -> None:
    file = tmp_path / "notes.zip"
    file.write_text("hello", encoding="utf-8")
    refused(counter.data_dir, file, translate("backup.not_a_backup", "vi", path=str(file)))


def test_a_zip_that_is_not_ours(counter, tmp_path: Path) -> None:
    file = tmp_path / "photos.zip"
    with zipfile.ZipFile(file, "w") as other:
        other.writestr("counter.sqlite3", b"SQLite format 3\x00")
    refused(counter.data_dir, file, translate("backup.not_ours", "vi", path=str(file)))


def test_a_tampered_member(counter, backup: Path, tmp_path: Path) -> None:
    def flip(name: str, data: bytes) -> bytes:
        if name == "counter.sqlite3":
            return data.replace(b"Nguy", b"Ngux", 1)
        return data

    file = rewrite(backup, tmp_path / "tampered.zip", flip)
    refused(counter.data_dir, file, "counter.sqlite3", "bị hỏng hoặc đã bị sửa")


def test_a_member_taken_out_or_slipped_in(counter, backup: Path, tmp_path: Path) -> None:
    def drop_scans(name: str, data: bytes) -> bytes | None:
        return None if name.startswith("attachments/") else data

    missing = rewrite(backup, tmp_path / "missing.zip", drop_scans)
    refused(counter.data_dir, missing, "attachments/")
    extra = rewrite(backup, tmp_path / "extra.zip", lambda _n, d: d)
    with zipfile.ZipFile(extra, "a") as added:
        added.writestr("../../evil.sh", b"rm -rf /")
    refused(counter.data_dir, extra, "evil.sh")


def test_a_consistent_forgery_with_a_damaged_database(counter, backup, tmp_path) -> None:
    def damage(name: str, data: bytes) -> bytes:
        if name == "counter.sqlite3":
            return data[:4096] + b"\x00" * 4096 + data[8192:]
        return data

    file = rewrite(backup, tmp_path / "damaged.zip", damage)
    reseal(file)
    refused(counter.data_dir, file, translate("backup.damaged", "vi", path=str(file)))


def test_a_backup_from_a_newer_version(counter, backup: Path, tmp_path: Path) -> None:
    scratch = tmp_path / "newer"
    with zipfile.ZipFile(backup) as source:
        source.extract("counter.sqlite3", scratch)
    with closing(sqlite3.connect(scratch / "counter.sqlite3")) as db, db:
        db.execute("UPDATE alembic_version SET version_num = '9001'")

    def newer(name: str, data: bytes) -> bytes:
        if name == "counter.sqlite3":
            return (scratch / "counter.sqlite3").read_bytes()
        if name == "manifest.json":
            manifest = json.loads(data)
            manifest["schema_revision"] = "9001"
            return json.dumps(manifest).encode()
        return data

    file = rewrite(backup, tmp_path / "newer.zip", newer)
    reseal(file)
    refused(counter.data_dir, file, "phiên bản dữ liệu mới hơn", "9001")
    english = run_cli(counter.data_dir, "--lang", "en", "restore", str(file))
    assert "newer version" in english.stderr and english.returncode == 1


def test_while_the_window_has_the_folder_open(counter, backup: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from counter_app.services.operations.instance import InstanceLock\n"
            "InstanceLock(Path(sys.argv[1])).acquire()\n"
            "print('held', flush=True)\n"
            "time.sleep(60)\n",
            str(counter.data_dir),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        refused(counter.data_dir, backup, "đang mở", str(counter.data_dir))
        # Every other command goes on beside the window.
        assert ok_json(run_cli(counter.data_dir, "audit", "verify"))["intact"] is True
        ok_json(run_cli(counter.data_dir, "backup", "-o", str(backup.with_name("beside.zip"))))
    finally:
        holder.kill()
        holder.communicate()
    # The lock goes with the process: once it is gone, the restore goes ahead.
    ok_json(run_cli(counter.data_dir, "restore", str(backup)))


def test_a_read_only_data_folder(counter, backup: Path) -> None:
    from tests.cli.test_bad_input import read_only

    data = counter.data_dir
    counter.close()
    with read_only(data):
        refused(data, backup, "chỉ cho phép đọc")


def test_the_lock_refuses_a_second_holder_in_the_same_process(tmp_path: Path) -> None:
    with InstanceLock(tmp_path):
        second = InstanceLock(tmp_path)
        with pytest.raises(Exception) as refused_:
            second.acquire()
        assert getattr(refused_.value, "key", "") == "app.already_open"
    with InstanceLock(tmp_path) as again:  # released: free again
        assert again.held


def test_restore_of_a_missing_file(counter, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.zip"
    refused(counter.data_dir, missing, str(missing))


def test_help_lists_backup_and_restore() -> None:
    result = run_cli(None, "--help")
    assert " backup " in result.stdout and " restore " in result.stdout
    started = time.perf_counter()
    run_cli(None, "backup", "--help")
    assert time.perf_counter() - started < 5
