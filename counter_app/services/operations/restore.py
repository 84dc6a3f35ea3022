"""Restoring a backup: checked whole before anything is replaced, the current data kept aside
in `backups/before-restore-<time>/`, refused while a window has the data folder open or a
`sync` runs on it.

Order: the file (ours, every member's SHA-256) → the folder's locks (no window, no other
restore, no sync; and no sync starts until the restore is over) → the database staged in the
folder and checked (`PRAGMA integrity_check`, a schema this program knows), an older schema
migrated there as at any start, then the store it makes checked whole: the audit log's
append-only triggers present, its hash chain intact and holding the last chain head central
acknowledged (the current store's, and the backup's own) → the current store and scans moved
aside → the restored ones moved in. A crafted backup whose manifest was sealed again (an
emptied store, a store without its triggers) is refused before anything is moved; a failure
while moving puts the previous data back; nothing after the move can fail.
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
from counter_app.store.journal import AuditHead, audit_problem, last_anchor
from counter_app.store.private import FOLDER_MODE, private_folder

# what is wrong with the audit log of the store a backup holds -> the refusal of the restore
_REFUSALS = {
    "audit.broken": "backup.audit_broken",
    "audit.truncated": "backup.audit_behind",
    "audit.rewritten": "backup.audit_behind",
    "audit.triggers_missing": "backup.audit_unprotected",
}
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
                revision = _migrate_and_check(
                    staging / DATABASE_FILE, path, _kept_anchor(data_dir / DATABASE_FILE)
                )
                aside = data_dir / BACKUPS_FOLDER / f"before-restore-{stamp}"
                moved = _swap(data_dir, staging, aside)
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                for folder in made:  # folders this restore made, empty again
                    _remove_if_empty(folder)
                raise
            shutil.rmtree(staging, ignore_errors=True)
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


def _swap(data_dir: Path, staging: Path, aside: Path) -> list[str]:
    """Move the current store and scans aside, the staged ones in; returns the names moved
    aside (all or nothing: a failure puts them back)."""
    current = [name for name in (*_STORE_FILES, ATTACHMENTS_FOLDER) if (data_dir / name).exists()]
    moved: list[str] = []
    placed: list[str] = []
    try:
        if current:
            aside.mkdir(parents=True, mode=FOLDER_MODE)
        for name in current:
            (data_dir / name).replace(aside / name)
            moved.append(name)
        for name in (*_STORE_FILES, ATTACHMENTS_FOLDER):
            if (staging / name).exists():
                (staging / name).replace(data_dir / name)
                placed.append(name)
    except OSError as error:
        _undo(data_dir, aside, moved, placed)
        raise os_problem(error, data_dir) from error
    return moved


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


def _kept_anchor(database: Path) -> AuditHead | None:
    """The last audit chain head central acknowledged, as the store being replaced kept it
    (None: never anchored, an older schema, or a store too damaged to read)."""
    if not database.exists():
        return None
    try:
        with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
            row = db.execute(
                "SELECT entries, hash FROM audit_anchors ORDER BY id DESC LIMIT 1"
            ).fetchone()
    except sqlite3.Error:
        return None
    return None if row is None else AuditHead(int(row[0]), str(row[1]))


def _migrate_and_check(database: Path, path: Path, kept: AuditHead | None) -> str:
    """Open the staged store as a start-up would (an older schema is upgraded), then check
    what integrity_check cannot see: the audit log's triggers, its chain, and the anchors
    (the current store's `kept` and the backup's own). Returns the store's revision."""
    from counter_app.store.database import current_revision

    store = open_database(database)
    try:
        with store.read() as session:
            problem = audit_problem(session, [(kept, ""), (last_anchor(session), "")])
        if problem is not None:
            raise CounterError(_REFUSALS[problem.key], path=str(path), **problem.params)
        return current_revision(store) or ""
    finally:
        store.close()
