"""Scans of saved dossiers waiting to be attached: the intake page stages pages before the
dossier has a code, and attaches them once it is saved. They are written here first, on disk
under the data folder, so that a failed attach (a full disk, a lock), a closed window or a crash
loses none of them; the next start offers them again. One folder a dossier: the pages as they
came, then `manifest.json` written last (a folder without one was never finished)."""

from __future__ import annotations

import contextlib
import json
import shutil
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter_app.domain.errors import CounterError
from counter_app.services.digitising.files import check_scan
from counter_app.services.digitising.service import DigitisingService, Staged
from counter_app.services.outputs import write_atomically

if TYPE_CHECKING:
    from counter_app.services.accounts import User

SPOOL_FOLDER = "scan-spool"
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Waiting:
    """A dossier's scans in the spool."""

    code: str
    count: int
    folder: Path


class ScanSpool:
    def __init__(self, folder: Path, attachments: DigitisingService) -> None:
        self.folder = folder
        self._attachments = attachments

    def put(self, code: str, staged: Sequence[Staged]) -> None:
        """Keep `staged` for dossier `code` until `drop`; refused whole if the disk refuses."""
        target = self.folder / uuid.uuid4().hex
        pages = []
        try:
            target.mkdir(parents=True)
        except OSError as error:
            reason = error.strerror or str(error)
            raise CounterError("file.unwritable", path=str(target), reason=reason) from None
        try:
            for number, item in enumerate(staged, start=1):
                name = f"{number:04d}.scan"
                write_atomically(target / name, item.scan.data)
                pages.append(
                    {
                        "file": name,
                        "name": item.original_name,
                        "component": item.component,
                        "rotation": item.rotation,
                    }
                )
            manifest = json.dumps({"code": code, "pages": pages}, ensure_ascii=False)
            write_atomically(target / MANIFEST, manifest.encode())
        except BaseException:
            shutil.rmtree(target, ignore_errors=True)
            raise

    def waiting(self) -> list[Waiting]:
        """Every dossier with scans here, oldest first."""
        if not self.folder.is_dir():
            return []
        found = []
        for folder in self.folder.iterdir():  # one may go while this looks: it is attached
            manifest = _manifest(folder)
            if manifest is not None:
                found.append(
                    (_age(folder), Waiting(manifest["code"], len(manifest["pages"]), folder))
                )
        return [waiting for _, waiting in sorted(found, key=lambda pair: pair[0])]

    def read(self, waiting: Waiting) -> list[Staged]:
        """The scans, checked again as when they were first staged."""
        manifest = _manifest(waiting.folder)
        if manifest is None:
            return []
        staged = []
        for page in manifest["pages"]:
            path = waiting.folder / page["file"]
            try:
                data = path.read_bytes()
            except OSError as error:
                reason = error.strerror or str(error)
                raise CounterError("file.unreadable", path=str(path), reason=reason) from None
            scan = check_scan(Path(page["name"]), data, self._attachments.limits)
            staged.append(Staged(page["component"], scan, page["rotation"]))
        return staged

    def attach_waiting(self, *, user: User, at: datetime) -> dict[str, CounterError | int]:
        """Attach every dossier's waiting scans, each all or none; those attached leave the
        spool. A page already attached (a crash after attaching, before dropping) is not
        attached twice. The answer per dossier code: how many were attached, or why not."""
        outcome: dict[str, CounterError | int] = {}
        for waiting in self.waiting():
            try:
                staged = self.read(waiting)
                attached = {item.sha256 for item in self._attachments.list(waiting.code)}
                fresh = [item for item in staged if item.sha256 not in attached]
                if fresh:
                    self._attachments.attach_staged(waiting.code, fresh, user=user, at=at)
            except CounterError as error:
                outcome[waiting.code] = error
            else:
                self.drop(waiting)
                outcome[waiting.code] = len(fresh)
        return outcome

    def drop(self, waiting: Waiting) -> None:
        """Forget them (attached): the manifest goes first, so a crash leaves no half entry."""
        with contextlib.suppress(OSError):  # kept: attached again, nothing is added twice
            (waiting.folder / MANIFEST).unlink(missing_ok=True)
        shutil.rmtree(waiting.folder, ignore_errors=True)


def _manifest(folder: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _age(folder: Path) -> float:
    try:
        return folder.stat().st_mtime
    except OSError:
        return 0.0
