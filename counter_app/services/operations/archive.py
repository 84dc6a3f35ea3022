"""The backup file: one zip holding a consistent copy of the store, every scan the store
refers to, and a manifest with the SHA-256 of each member, so a restore can check it whole
before it replaces anything.

The copy of the store comes from SQLite's online backup API in one step: a single read
transaction, a consistent snapshot while the window and other commands keep writing (in WAL
mode readers never block writers). The zip is written in a scratch folder beside the target
and renamed when complete, so a full disk leaves no half file. The scratch folder holds a whole
copy of the database: a backup killed half-way (power cut, task manager) leaves it behind, so
every backup and the daily check first remove those whose backup no longer runs (each holds a
lock while it works).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from counter_app.domain.clock import iso, now
from counter_app.domain.errors import CounterError
from counter_app.paths import DATABASE_FILE
from counter_app.services.operations.instance import InstanceLock
from counter_app.store.attachments import ATTACHMENTS_FOLDER
from counter_app.store.database import emptied_store, os_problem, sqlite_problem
from counter_app.store.private import FILE_MODE, private_file, private_folder

BACKUP_FORMAT = "counter-app-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_MEMBER = DATABASE_FILE
ATTACHMENT_MEMBER = re.compile(rf"^{ATTACHMENTS_FOLDER}/[0-9a-f]{{2}}/[0-9a-f]{{62}}$")
CHUNK = 1024 * 1024
COUNTED_TABLES = ("dossiers", "attachments", "users", "procedures", "audit_log")
SCRATCH_PREFIX = ".counter-backup-"
PARTIAL = "backup.zip.part"


class ScratchLock(InstanceLock):
    """Held by a backup while its scratch folder is in use."""

    file_name = "in-use.lock"


# What a scratch folder may hold: anything else means it is not ours, and it stays.
_SCRATCH_FILES = {ScratchLock.file_name, DATABASE_MEMBER, f"{DATABASE_MEMBER}-journal", PARTIAL}


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    size: int
    dossiers: int
    attachments: int  # scan files in the backup
    created_at: datetime
    missing_attachments: tuple[str, ...] = ()  # referenced but absent from the data folder

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "path": str(self.path),
            "size": self.size,
            "dossiers": self.dossiers,
            "attachments": self.attachments,
            "created_at": iso(self.created_at),
        }
        if self.missing_attachments:
            data["missing_attachments"] = list(self.missing_attachments)
        return data


def app_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("counter-app")
    except PackageNotFoundError:
        return "unknown"


def write_backup(database: Path, data_dir: Path, target: Path) -> BackupSummary:
    """Write the backup of the store `database` (scans from `data_dir`) to `target`."""
    target = Path(target).expanduser().absolute()
    if target.is_dir():
        target = target / default_name(now())
    created = now()
    if (
        not target.parent.is_dir()
    ):  # e.g. a USB drive not mounted: never a folder on the system disk
        raise CounterError("backup.no_folder", path=str(target.parent))
    remove_interrupted(target.parent)
    try:
        scratch = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX, dir=target.parent))
        in_use = ScratchLock(scratch)
        in_use.acquire()
    except OSError as error:
        raise os_problem(error, target) from error
    partial = scratch / PARTIAL
    try:
        snapshot = scratch / DATABASE_MEMBER
        _snapshot(database, snapshot)
        facts = _read_facts(snapshot)
        present: list[tuple[str, Path]] = []
        missing: list[tuple[str, Path]] = []
        for sha256 in facts.attachments:
            blob = data_dir / ATTACHMENTS_FOLDER / sha256[:2] / sha256[2:]
            (present if blob.is_file() else missing).append((sha256, blob))
        members: dict[str, dict[str, object]] = {}
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            members[DATABASE_MEMBER] = _add(archive, snapshot, DATABASE_MEMBER, compress=True)
            for sha256, blob in present:
                name = f"{ATTACHMENTS_FOLDER}/{sha256[:2]}/{sha256[2:]}"
                members[name] = _add(archive, blob, name, compress=False)  # already compressed
            manifest = {
                "format": BACKUP_FORMAT,
                "format_version": FORMAT_VERSION,
                "app_version": app_version(),
                "schema_revision": facts.revision,
                "created_at": iso(created),
                "counter_name": facts.counter_name,
                "counts": facts.counts,
                "members": members,
                "missing_attachments": [sha256 for sha256, _ in missing],
            }
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
        with partial.open("rb+") as written:
            os.fsync(written.fileno())
        os.replace(private_file(partial), target)
    except sqlite3.Error as error:
        raise sqlite_problem(error, database) from error
    except OSError as error:
        raise os_problem(error, target) from error
    finally:
        in_use.release()
        shutil.rmtree(scratch, ignore_errors=True)
    return BackupSummary(
        path=target,
        size=target.stat().st_size,
        dossiers=facts.counts.get("dossiers", 0),
        attachments=len(present),
        created_at=created,
        missing_attachments=tuple(sha256 for sha256, _ in missing),
    )


def remove_interrupted(folder: Path) -> list[Path]:
    """Remove the scratch folders of backups that were killed before they finished; one whose
    backup still runs (its lock held), or that holds anything we never write, stays."""
    try:
        candidates = [
            path
            for path in folder.iterdir()
            if path.name.startswith(SCRATCH_PREFIX) and path.is_dir() and not path.is_symlink()
        ]
    except OSError:
        return []
    removed = []
    for scratch in candidates:
        with suppress(OSError, CounterError):
            names = {entry.name for entry in scratch.iterdir()}
            if not names or not names <= _SCRATCH_FILES:
                continue  # just made (its lock comes next), or not ours
            lock = ScratchLock(scratch)
            lock.acquire()  # refused while the backup runs
            lock.release()
            shutil.rmtree(scratch)
            removed.append(scratch)
    return removed


def default_name(at: datetime) -> str:
    return f"counter-backup-{at.strftime('%Y%m%d-%H%M%S')}.zip"


def _snapshot(database: Path, copy: Path) -> None:
    if not database.is_file():
        raise CounterError("db.not_initialised", path=str(database.parent))
    if database.stat().st_size == 0:
        raise emptied_store(database)
    try:
        _copy(database.resolve().as_uri(), copy)
    except sqlite3.OperationalError:
        if os.access(database.parent, os.W_OK):
            raise
        # A folder that turned read-only: nobody can write the store, read it as it lies.
        copy.unlink(missing_ok=True)
        _copy(f"{database.resolve().as_uri()}?immutable=1", copy)


def _copy(uri: str, copy: Path) -> None:
    with (
        closing(sqlite3.connect(uri, uri=True, timeout=30)) as source,
        closing(sqlite3.connect(copy)) as target,
    ):
        source.backup(target)  # all pages in one step: one read transaction, one snapshot
        target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file


@dataclass(frozen=True)
class _Facts:
    revision: str | None
    counter_name: str
    counts: dict[str, int]
    attachments: list[str]


def _read_facts(snapshot: Path) -> _Facts:
    with closing(sqlite3.connect(snapshot)) as db:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
        revision = None
        if "alembic_version" in tables:
            row = db.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        counts = {
            table: db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in COUNTED_TABLES
            if table in tables
        }
        attachments = []
        if "attachments" in tables:
            attachments = [
                sha for (sha,) in db.execute("SELECT DISTINCT sha256 FROM attachments ORDER BY 1")
            ]
        name = ""
        if "settings" in tables:
            row = db.execute("SELECT value FROM settings WHERE key = 'counter.name'").fetchone()
            name = _setting_value(row[0]) if row else ""
    return _Facts(revision, name, counts, attachments)


def _setting_value(raw: object) -> str:
    try:
        value = json.loads(raw).get("value") if isinstance(raw, str) else None
    except (ValueError, AttributeError):
        return ""
    return value if isinstance(value, str) else ""


def _add(archive: zipfile.ZipFile, source: Path, name: str, *, compress: bool) -> dict[str, Any]:
    digest = hashlib.sha256()
    size = 0
    info = zipfile.ZipInfo(name, date_time=datetime.now().timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with source.open("rb") as reader, archive.open(info, "w", force_zip64=True) as writer:
        while chunk := reader.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            writer.write(chunk)
    return {"sha256": digest.hexdigest(), "size": size}


# --- reading a backup back ---------------------------------------------------------------


@dataclass(frozen=True)
class Manifest:
    schema_revision: str
    created_at: str
    app_version: str
    counter_name: str
    counts: dict[str, int]
    members: dict[str, dict[str, Any]]


@contextmanager
def open_backup(path: Path) -> Iterator[tuple[zipfile.ZipFile, Manifest]]:
    """Open a backup and check it whole: ours (a manifest of our format), no member missing,
    added or changed (SHA-256 of each). Nothing is written."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise CounterError("file.missing", path=str(path))
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError):
        raise CounterError("backup.not_a_backup", path=str(path)) from None
    except OSError as error:
        raise CounterError("file.unreadable", path=str(path), reason=error.strerror) from error
    with archive:
        manifest = _manifest(archive, path)
        _verify_members(archive, manifest, path)
        yield archive, manifest


def _manifest(archive: zipfile.ZipFile, path: Path) -> Manifest:
    try:
        data = json.loads(archive.read(MANIFEST).decode("utf-8"))
    except (KeyError, ValueError, UnicodeDecodeError, zipfile.BadZipFile):
        raise CounterError("backup.not_ours", path=str(path)) from None
    if not isinstance(data, dict) or data.get("format") != BACKUP_FORMAT:
        raise CounterError("backup.not_ours", path=str(path))
    members = data.get("members")
    revision = data.get("schema_revision")
    if (
        not isinstance(members, dict)
        or DATABASE_MEMBER not in members
        or not isinstance(revision, str)
        or not isinstance(data.get("format_version"), int)
    ):
        raise CounterError("backup.not_ours", path=str(path))
    if data["format_version"] > FORMAT_VERSION:
        raise CounterError("backup.newer", path=str(path), version=data.get("app_version", "?"))
    counts = data.get("counts")
    return Manifest(
        schema_revision=revision,
        created_at=str(data.get("created_at", "")),
        app_version=str(data.get("app_version", "")),
        counter_name=str(data.get("counter_name", "")),
        counts=counts if isinstance(counts, dict) else {},
        members=members,
    )


def _verify_members(archive: zipfile.ZipFile, manifest: Manifest, path: Path) -> None:
    names = [info.filename for info in archive.infolist() if not info.is_dir()]
    listed = set(manifest.members)
    for name in names:
        if name != MANIFEST and name not in listed:
            raise CounterError("backup.tampered", path=str(path), member=name)
    for name, facts in manifest.members.items():
        if name != DATABASE_MEMBER and not ATTACHMENT_MEMBER.match(name):
            raise CounterError("backup.tampered", path=str(path), member=name)
        if name not in names or not isinstance(facts, dict):
            raise CounterError("backup.tampered", path=str(path), member=name)
        digest = hashlib.sha256()
        try:
            with archive.open(name) as member:
                while chunk := member.read(CHUNK):
                    digest.update(chunk)
        except (zipfile.BadZipFile, OSError, EOFError):  # a bad CRC or a cut file
            raise CounterError("backup.tampered", path=str(path), member=name) from None
        if digest.hexdigest() != facts.get("sha256"):
            raise CounterError("backup.tampered", path=str(path), member=name)


def extract_member(archive: zipfile.ZipFile, name: str, target: Path) -> None:
    private_folder(target.parent)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)  # Windows: no \r\n
    handle = os.open(target, flags, FILE_MODE)
    with archive.open(name) as member, os.fdopen(handle, "wb") as writer:
        shutil.copyfileobj(member, writer, CHUNK)
