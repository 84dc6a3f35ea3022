"""Scanned originals on central: content-addressed blobs kept as numbered chunks, and the
attachment rows of each dossier.

A blob is named by the SHA-256 of its content and stored once, whichever dossiers and counters
name it. Its uploader sends the chunks one unit of work each, in any order, so a cut line
costs only the chunk in flight: the next try asks which parts are there and sends the rest.
The blob becomes complete only when central has hashed the assembled parts and found its name
(on PostgreSQL inside `central_complete_blob`, revision c0003; on SQLite here); attachment
rows may name complete blobs only. On PostgreSQL row-level security lets a counter see a blob
it uploaded, proved it holds (`central_claim_blob`) or that a dossier of its agencies names;
on SQLite the same scope is checked here (`repository.check_scope`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    ColumnElement,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    delete,
    func,
    literal_column,
    select,
    text,
    true,
    update,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from counter_app.domain.errors import CounterError
from counter_app.store.central.dialects import among, insert_or_skip
from counter_app.store.central.models import CentralBase, CentralDossierRow, CounterAgencyRow
from counter_app.store.central.repository import check_scope, visible_to
from counter_app.store.central.wire import AttachmentItem, BlobState, parts_of

CHUNK_SIZE = 512 * 1024


class BlobRow(CentralBase):
    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    chunk_size: Mapped[int] = mapped_column(Integer)
    complete: Mapped[bool] = mapped_column(Boolean)
    uploaded_by: Mapped[int] = mapped_column(Integer)  # the counter's number
    created_at: Mapped[datetime]
    completed_at: Mapped[datetime | None]


class BlobChunkRow(CentralBase):
    __tablename__ = "blob_chunks"
    sha256: Mapped[str] = mapped_column(
        ForeignKey("blobs.sha256", ondelete="CASCADE"), primary_key=True
    )
    part: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class BlobHolderRow(CentralBase):
    """A counter that proved it holds a blob another counter uploaded."""

    __tablename__ = "blob_holders"
    sha256: Mapped[str] = mapped_column(
        ForeignKey("blobs.sha256", ondelete="CASCADE"), primary_key=True
    )
    counter_number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class CentralAttachmentRow(CentralBase):
    """One original of a dossier as the counter last sent it; a removal keeps the row."""

    __tablename__ = "attachments"
    __table_args__ = (Index("ix_central_attachments_sha256", "sha256"),)  # revision c0003
    dossier_uuid: Mapped[str] = mapped_column(ForeignKey("dossiers.uuid"), primary_key=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"), primary_key=True)
    component: Mapped[str] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer)
    rotation: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(BigInteger)
    pages: Mapped[int] = mapped_column(Integer)
    original_name: Mapped[str] = mapped_column(String(255))
    added_by: Mapped[str] = mapped_column(String(32))
    added_at: Mapped[datetime]
    removed: Mapped[bool] = mapped_column(Boolean)
    removed_at: Mapped[datetime | None]
    written_by: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime]


def _postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def blob_state(session: Session, sha256: str) -> BlobState | None:
    """None when central has no such blob or this counter may not see it."""
    row = session.get(BlobRow, sha256)
    if row is None:
        return None
    present: frozenset[int] = frozenset()
    if not row.complete:
        present = frozenset(
            session.scalars(select(BlobChunkRow.part).where(BlobChunkRow.sha256 == sha256))
        )
    return BlobState(row.sha256, row.size, row.chunk_size, row.complete, row.uploaded_by, present)


def start_blob(
    session: Session, counter: int, sha256: str, *, size: int, chunk_size: int, at: datetime
) -> None:
    """Announce an upload; nothing happens when the blob exists (whoever started it)."""
    session.execute(
        insert_or_skip(session, BlobRow.__table__, ["sha256"]).values(
            sha256=sha256,
            size=size,
            chunk_size=chunk_size,
            complete=False,
            uploaded_by=counter,
            created_at=at,
            completed_at=None,
        )
    )


def _uploading(session: Session, counter: int, sha256: str) -> BlobRow:
    """SQLite's stand-in for what row-level security refuses on PostgreSQL."""
    row = session.get(BlobRow, sha256)
    if row is None or row.uploaded_by != counter:
        raise CounterError(
            "central.denied", reason=f"blob {sha256} is not uploaded by counter {counter}"
        )
    return row


def put_part(session: Session, counter: int, sha256: str, part: int, data: bytes) -> None:
    """Store one chunk of a blob this counter is uploading; a part already there is left as it
    is (a reply lost after commit). A complete blob takes no more."""
    if not _postgres(session) and _uploading(session, counter, sha256).complete:
        raise CounterError("central.denied", reason=f"blob {sha256} is complete")
    session.execute(
        insert_or_skip(session, BlobChunkRow.__table__, ["sha256", "part"]).values(
            sha256=sha256, part=part, data=data
        )
    )


def _content(session: Session, row: BlobRow) -> tuple[int, bytes]:
    """(parts present, their bytes in order) of a blob's expected parts."""
    content = bytearray()
    present = 0
    chunks = session.execute(
        select(BlobChunkRow.data)
        .where(
            BlobChunkRow.sha256 == row.sha256,
            BlobChunkRow.part < parts_of(row.size, row.chunk_size),
        )
        .order_by(BlobChunkRow.part)
    )
    for (data,) in chunks:
        content += data
        present += 1
    return present, bytes(content)


def complete_blob(session: Session, counter: int, sha256: str, *, at: datetime) -> str:
    """'complete' once the parts hash to the blob's name; 'incomplete' while parts are
    missing; 'mismatch' when they hash to something else (the parts are dropped)."""
    if _postgres(session):
        return str(
            session.execute(text("SELECT central_complete_blob(:sha)"), {"sha": sha256}).scalar()
        )
    row = _uploading(session, counter, sha256)
    if row.complete:
        return "complete"
    present, content = _content(session, row)
    if present < parts_of(row.size, row.chunk_size):
        return "incomplete"
    if len(content) == row.size and hashlib.sha256(content).hexdigest() == sha256:
        row.complete, row.completed_at = True, at
        session.execute(
            delete(BlobChunkRow).where(
                BlobChunkRow.sha256 == sha256,
                BlobChunkRow.part >= parts_of(row.size, row.chunk_size),
            )
        )
        return "complete"
    session.execute(delete(BlobChunkRow).where(BlobChunkRow.sha256 == sha256))
    return "mismatch"


def holder_proof(login: str, content_chunks: Iterable[bytes]) -> str:
    """SHA-256 of the login name then the content: only a holder of the content can say it,
    and it says nothing another login could repeat."""
    digest = hashlib.sha256(login.encode("utf-8"))
    for chunk in content_chunks:
        digest.update(chunk)
    return digest.hexdigest()


def login_name(session: Session) -> str:
    return str(session.execute(select(literal_column("session_user"))).scalar())


def claim_blob(session: Session, sha256: str, proof: str) -> bool:
    """Use a complete blob another counter uploaded (PostgreSQL; on SQLite every counter sees
    every blob). False while that upload is not complete."""
    return bool(
        session.execute(
            text("SELECT central_claim_blob(:sha, :proof)"), {"sha": sha256, "proof": proof}
        ).scalar()
    )


def read_blob(session: Session, sha256: str) -> bytes | None:
    """The content of a complete blob, None if there is none this connection may see."""
    row = session.get(BlobRow, sha256)
    if row is None or not row.complete:
        return None
    return _content(session, row)[1]


# --- attachment rows


@dataclass(frozen=True)
class CentralAttachment:
    item: AttachmentItem
    removed: bool
    removed_at: datetime | None
    written_by: int


def dossiers_present(session: Session, counter: int, uuids: list[str]) -> dict[str, str]:
    """uuid -> agency of the dossiers among `uuids` central holds for this counter."""
    if not uuids:
        return {}
    query = select(CentralDossierRow.uuid, CentralDossierRow.agency_code).where(
        among(session, CentralDossierRow.uuid, uuids)
    )
    if not _postgres(session):  # row-level security narrows them on PostgreSQL
        query = query.where(_received_or_served(session, counter))
    return dict(session.execute(query).all())


def _received_or_served(session: Session, counter: int) -> ColumnElement[bool]:
    """The dossiers a counter sees (`repository.visible_to`): its agencies' (all when none is
    recorded), and those it received for other agencies."""
    mine = tuple(
        session.scalars(
            select(CounterAgencyRow.agency_code).where(CounterAgencyRow.counter_number == counter)
        )
    )
    return visible_to(counter, mine) if mine else true()


def put_attachments(
    session: Session,
    counter: int,
    dossier_uuid: str,
    agency: str,
    items: list[AttachmentItem],
    *,
    at: datetime,
) -> int:
    """Make central's rows of the dossier say what the counter holds now: each item written
    (again, idempotently), every other row marked removed. Returns the rows changed."""
    if not _postgres(session):
        received = session.scalar(
            select(CentralDossierRow.origin_counter).where(CentralDossierRow.uuid == dossier_uuid)
        )
        if received != counter:
            check_scope(session, counter, {agency})
        unusable = [item.sha256 for item in items if not _complete(session, item.sha256)]
        if unusable:
            raise CounterError("central.denied", reason=f"blob {unusable[0]} is not complete")
    stored = {
        row.sha256: row
        for row in session.scalars(
            select(CentralAttachmentRow)
            .where(CentralAttachmentRow.dossier_uuid == dossier_uuid)
            .with_for_update()
        )
    }
    changed = 0
    for item in items:
        values = {
            "component": item.component,
            "position": item.position,
            "rotation": item.rotation,
            "media_type": item.media_type,
            "size": item.size,
            "pages": item.pages,
            "original_name": item.original_name,
            "added_by": item.added_by,
            "added_at": item.added_at,
            "removed": False,
            "removed_at": None,
        }
        row = stored.pop(item.sha256, None)
        if row is None:
            session.add(
                CentralAttachmentRow(
                    dossier_uuid=dossier_uuid,
                    sha256=item.sha256,
                    written_by=counter,
                    updated_at=at,
                    **values,
                )
            )
            changed += 1
        elif any(getattr(row, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(row, key, value)
            row.written_by, row.updated_at = counter, at
            changed += 1
    gone = [sha for sha, row in stored.items() if not row.removed]
    if gone:
        session.execute(
            update(CentralAttachmentRow)
            .where(
                CentralAttachmentRow.dossier_uuid == dossier_uuid,
                CentralAttachmentRow.sha256.in_(gone),
            )
            .values(removed=True, removed_at=at, written_by=counter, updated_at=at)
        )
        changed += len(gone)
    session.flush()
    return changed


def _complete(session: Session, sha256: str) -> bool:
    return bool(session.scalar(select(BlobRow.complete).where(BlobRow.sha256 == sha256)))


def attachments_of(session: Session, dossier_uuid: str) -> list[CentralAttachment]:
    rows = session.scalars(
        select(CentralAttachmentRow)
        .where(CentralAttachmentRow.dossier_uuid == dossier_uuid)
        .order_by(CentralAttachmentRow.component, CentralAttachmentRow.position)
    )
    return [
        CentralAttachment(
            AttachmentItem(
                row.sha256,
                row.component,
                row.position,
                row.rotation,
                row.media_type,
                row.size,
                row.pages,
                row.original_name,
                row.added_by,
                row.added_at,
            ),
            row.removed,
            row.removed_at,
            row.written_by,
        )
        for row in rows
    ]


def blob_counts(session: Session) -> dict[str, int]:
    return {
        "blobs": session.scalar(select(func.count()).select_from(BlobRow)) or 0,
        "chunks": session.scalar(select(func.count()).select_from(BlobChunkRow)) or 0,
    }
