"""Backups of a counter: on demand (`backup -o FILE`, "Back up now") and daily, with rotation.

The daily backup goes to a folder setting (default `<data>/backups/daily/`), keeps the newest N
(default 14) and records how it went in the settings, so the settings page and the
diagnostics can show the last one and when the next is due. The window takes it at its first
start of the day and checks hourly; a scheduler may run `counter-app backup --auto`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter_app.domain.clock import now
from counter_app.domain.errors import CounterError
from counter_app.domain.settings_registry import REGISTRY
from counter_app.paths import DATABASE_FILE
from counter_app.services.operations.archive import (
    BackupSummary,
    default_name,
    remove_interrupted,
    write_backup,
)
from counter_app.services.outputs import check_output
from counter_app.services.settings import SettingsService
from counter_app.store.database import BACKUPS_FOLDER, Database, os_problem
from counter_app.store.private import private_folder

if TYPE_CHECKING:
    from counter_app.services.accounts import User

log = logging.getLogger(__name__)

FOLDER_KEY = REGISTRY["backups.folder"].key
KEEP = REGISTRY["backups.keep"]
LAST_KEY = REGISTRY["backups.last"].key
DAILY_FOLDER = Path(BACKUPS_FOLDER) / "daily"
RETRY_AFTER = timedelta(hours=1)  # after a failed daily backup
_DAILY_NAME = re.compile(r"^counter-backup-\d{8}-\d{6}\.zip$")


@dataclass(frozen=True)
class BackupState:
    """What the settings page shows about the daily backup; plain data, safe across threads."""

    folder: Path
    keep: int
    last_at: datetime | None  # the last attempt
    last_ok: bool | None
    last_path: str | None
    last_size: int | None
    last_error: CounterError | None
    last_success_at: datetime | None
    next_due: datetime


def back_up(data_dir: Path, target: Path) -> BackupSummary:
    """Back up the store and scans of `data_dir` to `target`. Reads only: it works while the
    window writes, and on a store whose disk has turned read-only."""
    summary = write_backup(data_dir / DATABASE_FILE, data_dir, check_output(target, data_dir))
    log.info(
        "backup written: %s (%.1f MB, %d dossiers, %d scan files)",  # MB: long numbers
        summary.path, summary.size / 1e6, summary.dossiers, summary.attachments,  # are scrubbed
    )  # fmt: skip
    if summary.missing_attachments:
        log.warning(
            "backup %s: %d scan files referenced but missing from the data folder",
            summary.path, len(summary.missing_attachments),
        )  # fmt: skip
    return summary


class BackupService:
    def __init__(self, database: Database, settings: SettingsService, data_dir: Path) -> None:
        self._db = database
        self._settings = settings
        self._data_dir = data_dir

    # --- on demand

    def create(self, target: Path) -> BackupSummary:
        return back_up(self._data_dir, target)

    # --- the daily backup

    def folder(self) -> Path:
        chosen = self._settings.value(FOLDER_KEY)
        if isinstance(chosen, str) and chosen.strip():
            return Path(chosen.strip()).expanduser()
        return self._data_dir / DAILY_FOLDER

    def keep(self) -> int:
        return self._settings.number(KEEP.key) or 1

    def set_schedule(self, folder: str, keep: int, *, by: User) -> None:
        """Keep `keep` daily backups in `folder` ("" for the default folder): an
        administrator's change, checked against the permissions table like any setting."""
        if not (KEEP.low or 1) <= keep <= (KEEP.high or keep):
            raise CounterError("backup.keep_range", low=KEEP.low, high=KEEP.high)
        self._settings.change(FOLDER_KEY, folder.strip(), by)
        self._settings.change(KEEP.key, keep, by)

    def state(self, at: datetime | None = None) -> BackupState:
        at = at or now()
        last = self._settings.get(LAST_KEY)
        last = last if isinstance(last, dict) else {}
        last_at = _moment(last.get("at"))
        success = _moment(last.get("success_at"))
        error = last.get("error")
        return BackupState(
            folder=self.folder(),
            keep=self.keep(),
            last_at=last_at,
            last_ok=last.get("ok") if last_at else None,
            last_path=last.get("path"),
            last_size=last.get("size"),
            last_error=CounterError(error["key"], **error.get("params", {}))
            if isinstance(error, dict) and "key" in error
            else None,
            last_success_at=success,
            next_due=self._next_due(at, last_at, success, last.get("ok")),
        )

    @staticmethod
    def _next_due(
        at: datetime, last_at: datetime | None, success: datetime | None, ok: object
    ) -> datetime:
        if success is not None and success.date() >= at.date():
            tomorrow = success.date() + timedelta(days=1)
            return datetime.combine(tomorrow, datetime.min.time(), at.tzinfo)
        if ok is False and last_at is not None and at - last_at < RETRY_AFTER:
            return last_at + RETRY_AFTER
        return at

    def due(self, at: datetime | None = None) -> bool:
        at = at or now()
        return self.state(at).next_due <= at

    def run_daily(self, *, force: bool = False, at: datetime | None = None) -> BackupSummary | None:
        """Take the daily backup when it is due (or `force`d: "Back up now"), then keep the
        newest N; None when none was due. A failure is recorded, then raised."""
        at = at or now()
        folder = self.folder()
        remove_interrupted(folder)  # at start too: a killed backup leaves a copy of the store
        if not force and not self.due(at):
            return None
        previous = self._settings.get(LAST_KEY)
        success_at = previous.get("success_at") if isinstance(previous, dict) else None
        try:
            if folder == self._data_dir / DAILY_FOLDER:
                _make_folder(folder)  # the default; a folder chosen in the settings must exist
            summary = self.create(folder / default_name(at))
        except CounterError as error:
            log.warning("daily backup failed: %s", error.key)
            self._settings.set(
                LAST_KEY,
                {
                    "at": at.isoformat(),
                    "ok": False,
                    "error": {"key": error.key, "params": _plain(error.params)},
                    "success_at": success_at,
                },
            )
            raise
        self._settings.set(
            LAST_KEY,
            {
                "at": at.isoformat(),
                "ok": True,
                "path": str(summary.path),
                "size": summary.size,
                "success_at": at.isoformat(),
            },
        )
        self.rotate(folder, self.keep())
        return summary

    @staticmethod
    def rotate(folder: Path, keep: int) -> list[Path]:
        """Delete all but the newest `keep` daily backups; only files named as ours."""
        ours = sorted(
            (p for p in folder.glob("counter-backup-*.zip") if _DAILY_NAME.match(p.name)),
            key=lambda p: p.name,
            reverse=True,
        )
        removed = []
        for old in ours[keep:]:
            try:
                old.unlink()
            except OSError as error:
                log.warning("old backup %s could not be removed: %s", old.name, error.strerror)
                continue
            removed.append(old)
        return removed


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _plain(params: dict[str, Any]) -> dict[str, Any]:
    return {k: v if isinstance(v, int | float | bool | None) else str(v) for k, v in params.items()}


def _make_folder(folder: Path) -> None:
    try:
        private_folder(folder)
    except OSError as error:
        raise os_problem(error, folder) from error
