"""Scanned originals: content-addressed files in the data folder and their rows.

The bytes of each original live once under `<data_dir>/attachments/ab/cdef…` (the SHA-256 in
hex, its first two characters as the folder), written to a temporary name in the same folder,
flushed, then renamed: a file is there whole or not at all, and never rewritten. A row per
attached original says which dossier, which component, its order, who and when; rotation and
order are metadata.

The sync sends them to central (`services/sync/attachments.py`, central side
`store/central/blobs.py`): after a dossier is central, each original it names goes up once,
whatever dossiers name it, in chunks of 512 KiB committed one by one, so a cut line resumes at
the first chunk central lacks; central hashes the assembled content before it counts, and then
holds a row per original of the dossier (a removed one marked removed). Which dossiers to send
is read from the audit journal that every attach, removal, turn and move writes to, so no file
is listed or hashed again in a round where nothing changed; no column here tracks the sync.
"""

from __future__ import annotations

import errno
import os
import tempfile
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from counter_app.domain.errors import CounterError
from counter_app.store.models import AttachmentRow

ATTACHMENTS_FOLDER = "attachments"
HEX = frozenset("0123456789abcdef")


def _problem(error: OSError, path: Path) -> CounterError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return CounterError("db.disk_full")
    return CounterError("file.unwritable", path=str(path), reason=error.strerror or str(error))


class BlobStore:
    """Files named by their SHA-256 under one folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        if len(sha256) != 64 or not set(sha256) <= HEX:
            raise ValueError(f"not a SHA-256: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:]

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put(self, sha256: str, data: bytes) -> bool:
        """Store `data` under its hash; True when this call created the file, False when the
        same content was already there. Whole or nothing; a full disk → db.disk_full."""
        target = self.path(sha256)
        if target.is_file():
            return False
        temporary = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(
                prefix=f".{target.name[:8]}.", suffix=".part", dir=target.parent
            )
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, 0o444)
            os.replace(temporary, target)
        except OSError as error:
            if temporary is not None:
                with suppress(OSError):
                    os.unlink(temporary)
            raise _problem(error, target) from None
        return True

    def read(self, sha256: str) -> bytes:
        path = self.path(sha256)
        try:
            return path.read_bytes()
        except OSError as error:
            raise CounterError(
                "file.unreadable", path=str(path), reason=error.strerror or str(error)
            ) from None

    def discard(self, sha256: str) -> None:
        with suppress(OSError):
            self.path(sha256).unlink()


@dataclass(frozen=True)
class Attachment:
    id: int
    dossier_uuid: str
    component: str
    position: int
    sha256: str
    media_type: str
    size: int
    pages: int
    rotation: int
    original_name: str
    by: str
    at: datetime


def _attachment(row: AttachmentRow) -> Attachment:
    return Attachment(
        row.id,
        row.dossier_uuid,
        row.component,
        row.position,
        row.sha256,
        row.media_type,
        row.size,
        row.pages,
        row.rotation,
        row.original_name,
        row.by,
        row.at,
    )


def attachments_of(session: Session, dossier_uuid: str) -> list[Attachment]:
    rows = session.scalars(
        select(AttachmentRow)
        .where(AttachmentRow.dossier_uuid == dossier_uuid)
        .order_by(AttachmentRow.component, AttachmentRow.position, AttachmentRow.id)
    )
    return [_attachment(row) for row in rows]


def next_position(session: Session, dossier_uuid: str, component: str) -> int:
    last = session.scalar(
        select(func.max(AttachmentRow.position)).where(
            AttachmentRow.dossier_uuid == dossier_uuid, AttachmentRow.component == component
        )
    )
    return (last or 0) + 1


def attached_hashes(session: Session, dossier_uuid: str) -> set[str]:
    return set(
        session.scalars(
            select(AttachmentRow.sha256).where(AttachmentRow.dossier_uuid == dossier_uuid)
        )
    )


def add_attachment(session: Session, **values: object) -> Attachment:
    row = AttachmentRow(**values)
    session.add(row)
    session.flush()
    return _attachment(row)


def remove_attachment(session: Session, dossier_uuid: str, sha256: str) -> Attachment | None:
    row = session.scalar(
        select(AttachmentRow).where(
            AttachmentRow.dossier_uuid == dossier_uuid, AttachmentRow.sha256 == sha256
        )
    )
    if row is None:
        return None
    found = _attachment(row)
    session.execute(delete(AttachmentRow).where(AttachmentRow.id == row.id))
    return found


def rearrange(
    session: Session, dossier_uuid: str, sha256: str, *, rotation: int | None, step: int
) -> Attachment | None:
    """Turn an original (metadata only) and/or move it `step` places within its component;
    the neighbour it passes takes its old place. None when the dossier has no such original."""
    row = session.scalar(
        select(AttachmentRow).where(
            AttachmentRow.dossier_uuid == dossier_uuid, AttachmentRow.sha256 == sha256
        )
    )
    if row is None:
        return None
    if rotation is not None:
        row.rotation = rotation % 360
    if step:
        siblings = list(
            session.scalars(
                select(AttachmentRow)
                .where(
                    AttachmentRow.dossier_uuid == dossier_uuid,
                    AttachmentRow.component == row.component,
                )
                .order_by(AttachmentRow.position, AttachmentRow.id)
            )
        )
        index = siblings.index(row)
        target = max(0, min(len(siblings) - 1, index + step))
        siblings.insert(target, siblings.pop(index))
        for position, sibling in enumerate(siblings, start=1):
            sibling.position = position
    session.flush()
    return _attachment(row)


def is_referenced(session: Session, sha256: str) -> bool:
    return (
        session.scalar(select(AttachmentRow.id).where(AttachmentRow.sha256 == sha256).limit(1))
        is not None
    )
