"""Restoring a backup: checked whole before anything is replaced, the current data kept aside
in `backups/before-restore-<time>/`, refused while a window has the data folder open or a
`sync` runs on it.

Order: the file (ours, every member's SHA-256) → the folder's locks (no window, no other
restore, no sync; and no sync starts until the restore is over) → the database staged in the
folder and checked (`PRAGMA integrity_check`, a schema this program knows) → the current store
and scans moved aside → the restored ones moved in → an older schema migrated as at any start.
A failure before the move leaves the folder as it was; a failure after it moves the previous
data back.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path

from counter_app.domain.clock import now
from counter_app.domain.errors import CounterError
from counter_app.paths import DATABASE_FILE
from counter_app.services.operations.archive import (
    ATTACHMENT_MEMBER,
    DATABASE_MEMBER,
    Manifest,
    extract_member,
    open_backup,
)
from counter_app.services.operations.instance import InstanceLock, SyncLock
from counter_app.store.attachments import ATTACHMENTS_FOLDER
from counter_app.store.database import BACKUPS_FOLDER, open_database, os_problem
from counter_app.store.private import FOLDER_MODE, private_folder

_STORE_FILES = (DATABASE_FILE, f"{DATABASE_FILE}-wal", f"{DATABASE_FILE}-shm")


@dataclass(frozen=True)
class RestoreSummary:
    data_dir: Path
    backup: Path
    created_at: str
    schema_revision: str
    migrated_from: str | None  # the backup's revision when it had to be upgraded
    dossiers: int
    attachments: int
    kept_aside: Path | None  # where the data that was replaced now lies

    def to_json(self) -> dict[str, object]:
        return {
            "data_dir": str(self.data_dir),
            "backup": str(self.backup),
            "created_at": self.created_at,
            "schema_revision": self.schema_revision,
            "migrated_from": self.migrated_from,
            "dossiers": self.dossiers,
            "attachments": self.attachments,
            "kept_aside": str(self.kept_aside) if self.kept_aside else None,
        }


def verify_backup(path: Path) -> Manifest:
    """Check a backup without restoring it (ours, intact, not from a newer program)."""
    with open_backup(path) as (_archive, manifest):
        _check_revision(manifest.schema_revision, path)
        return manifest


def _check_revision(revision: str | None, path: Path) -> None:
    from counter_app.store.migrations import known_revisions

    if revision is None:
        raise CounterError("backup.not_ours", path=str(path))
    if revision not in known_revisions():
        raise CounterError("backup.newer_schema", path=str(path), revision=revision)


def restore_backup(path: Path, data_dir: Path) -> RestoreSummary:
    path = Path(path).expanduser().absolute()
    data_dir = Path(data_dir).absolute()
    with open_backup(path) as (archive, manifest):
        _check_revision(manifest.schema_revision, path)
        made = _missing_parents(data_dir / BACKUPS_FOLDER)
        with InstanceLock(data_dir), SyncLock(data_dir, busy_key="restore.sync_running"):
            stamp = now().strftime("%Y%m%d-%H%M%S")
            staging = data_dir / BACKUPS_FOLDER / f".restoring-{stamp}"
            try:
                _stage(archive, manifest, staging, path)
                aside = data_dir / BACKUPS_FOLDER / f"before-restore-{stamp}"
                moved, placed = _swap(data_dir, staging, aside)
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                for folder in made:  # folders this restore made, empty again
                    _remove_if_empty(folder)
                raise
            shutil.rmtree(staging, ignore_errors=True)
            try:
                revision = _migrate(data_dir / DATABASE_FILE)
            except BaseException:
                _undo(data_dir, aside, moved, placed)
                raise
    return RestoreSummary(
        data_dir=data_dir,
        backup=path,
        created_at=manifest.created_at,
        schema_revision=revision,
        migrated_from=manifest.schema_revision if revision != manifest.schema_revision else None,
        dossiers=int(manifest.counts.get("dossiers", 0)),
        attachments=sum(1 for name in manifest.members if ATTACHMENT_MEMBER.match(name)),
        kept_aside=aside if moved else None,
    )


def _missing_parents(folder: Path) -> list[Path]:
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    return missing


def _remove_if_empty(folder: Path) -> None:
    with suppress(OSError):
        folder.rmdir()


def _stage(archive, manifest: Manifest, staging: Path, path: Path) -> None:  # type: ignore[no-untyped-def]
    try:
        private_folder(staging.parent)
        staging.mkdir(mode=FOLDER_MODE)
        database = staging / DATABASE_FILE
        extract_member(archive, DATABASE_MEMBER, database)
        _check_database(database, manifest, path)
        for name in manifest.members:
            if ATTACHMENT_MEMBER.match(name):
                extract_member(archive, name, staging / name)
    except OSError as error:
        raise os_problem(error, staging) from error


def _check_database(database: Path, manifest: Manifest, path: Path) -> None:
    try:
        with closing(sqlite3.connect(database)) as db:
            verdict = [row[0] for row in db.execute("PRAGMA integrity_check")]
            row = db.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        raise CounterError("backup.damaged", path=str(path)) from None
    if verdict != ["ok"]:
        raise CounterError("backup.damaged", path=str(path))
    revision = row[0] if row else None
    _check_revision(revision, path)
    if revision != manifest.schema_revision:
        raise CounterError("backup.tampered", path=str(path), member=DATABASE_MEMBER)


def _swap(data_dir: Path, staging: Path, aside: Path) -> tuple[list[str], list[str]]:
    """Move the current store and scans aside, the staged ones in: (names moved aside, names
    moved in)."""
    current = [name for name in (*_STORE_FILES, ATTACHMENTS_FOLDER) if (data_dir / name).exists()]
    moved: list[str] = []
    placed: list[str] = []
    try:
        if current:
            aside.mkdir(parents=True, mode=FOLDER_MODE)
        for name in current:
            (data_dir / name).replace(aside / name)
            moved.append(name)
        for name in (DATABASE_FILE, ATTACHMENTS_FOLDER):
            if (staging / name).exists():
                (staging / name).replace(data_dir / name)
                placed.append(name)
    except OSError as error:
        _undo(data_dir, aside, moved, placed)
        raise os_problem(error, data_dir) from error
    return moved, placed


def _undo(data_dir: Path, aside: Path, moved: list[str], placed: list[str]) -> None:
    """Take the restored store and scans out again and put the previous ones back."""
    for name in placed:
        target = data_dir / name
        if target.is_dir():
            shutil.rmtree(target, ignore_errors=True)
        else:
            target.unlink(missing_ok=True)
    if DATABASE_FILE in placed:
        for name in _STORE_FILES[1:]:
            (data_dir / name).unlink(missing_ok=True)
    for name in moved:
        (aside / name).replace(data_dir / name)
    _remove_if_empty(aside)


def _migrate(database: Path) -> str:
    """Open the restored store as a start-up would: an older schema is upgraded (after the
    usual backup copy into `backups/`)."""
    from counter_app.store.database import current_revision

    store = open_database(database)
    try:
        return current_revision(store) or ""
    finally:
        store.close()
