"""Scanned originals go to central with their dossier, once, in chunks, resumably.

Each sync round, after the dossiers were pushed: the dossiers whose attachments changed since
the last round are found from the audit journal (every attach, removal, turn or move writes an
entry in the transaction that makes it), so nothing is hashed or listed again when nothing
changed. For each such dossier central holds, every original it lacks is sent in chunks of
512 KiB, each chunk its own central transaction: a cut line resumes at the first chunk central
does not have. Central checks the SHA-256 of the assembled content before the original counts
as there, then the dossier's attachment rows are written as the counter holds them (a removed
original is marked removed). A dossier not yet central waits for a later round. What was read
of the journal and which dossiers wait is one local setting, written only when the round got
through, so an interrupted round is simply done again: every step is idempotent.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sqlalchemy import func, select

from counter_app.domain.clock import now
from counter_app.domain.errors import CounterError
from counter_app.store.attachments import ATTACHMENTS_FOLDER, Attachment, BlobStore, attachments_of
from counter_app.store.central import blobs
from counter_app.store.central.blobs import CHUNK_SIZE, AttachmentItem
from counter_app.store.central.database import CentralDatabase
from counter_app.store.central.replica import get_setting, put_setting
from counter_app.store.database import Database
from counter_app.store.models import AuditRow, DossierRow

STATE = "sync.attachments"  # {"after": last audit entry read, "waiting": [dossier uuids]}


@dataclass(frozen=True)
class AttachmentsSent:
    dossiers: int = 0  # dossiers whose attachment rows central now matches
    originals: int = 0  # originals whose content went up (or was claimed) this round
    chunks: int = 0
    bytes: int = 0
    waiting: int = 0  # dossiers left for a later round (not central yet, upload elsewhere)


class Central(Protocol):
    """The sync's gateway, as far as attachments need it."""

    database: CentralDatabase


def send_attachments(
    local: Database, central: Central, counter: int, *, chunk_size: int = CHUNK_SIZE
) -> AttachmentsSent:
    """One round's attachment upload. `central` is the sync's gateway; its database is only
    reached when there is something to send. Raises CounterError when central is out of reach
    (what was committed stays) or, once the rest is done, when a local original is damaged."""
    with local.read() as session:
        state = get_setting(session, STATE) or {}
        after = int(state.get("after", 0))  # type: ignore[union-attr]
        waiting = list(state.get("waiting", []))  # type: ignore[union-attr]
        top = session.scalar(select(func.max(AuditRow.id))) or 0
        todo = sorted(set(waiting) | _changed_since(session, after, top))
    if not todo:
        if top != after:
            _save(local, top, [])
        return AttachmentsSent()
    uploader = _Uploader(local, central.database, counter, chunk_size)
    result = uploader.run(todo)
    _save(local, top, uploader.waiting)
    if uploader.problems:
        raise uploader.problems[0]
    return result


def _changed_since(session, after: int, top: int) -> set[str]:  # type: ignore[no-untyped-def]
    """Dossiers with an attachment change journaled in (after, top]."""
    return set(
        session.scalars(
            select(DossierRow.uuid)
            .join(AuditRow, AuditRow.subject == DossierRow.code)
            .where(AuditRow.id > after, AuditRow.id <= top, AuditRow.action.like("attachment.%"))
            .distinct()
        )
    )


def _save(local: Database, after: int, waiting: list[str]) -> None:
    with local.write() as session:
        put_setting(session, STATE, {"after": after, "waiting": sorted(waiting)})


def _item(attachment: Attachment) -> AttachmentItem:
    return AttachmentItem(
        attachment.sha256,
        attachment.component,
        attachment.position,
        attachment.rotation,
        attachment.media_type,
        attachment.size,
        attachment.pages,
        attachment.original_name,
        attachment.by,
        attachment.at,
    )


class _Uploader:
    def __init__(
        self, local: Database, central: CentralDatabase, counter: int, chunk_size: int
    ) -> None:
        self.local = local
        self.central = central
        self.counter = counter
        self.chunk_size = chunk_size
        # the data folder holds the store and the originals side by side
        self.files = BlobStore(Path(local.path).parent / ATTACHMENTS_FOLDER)
        self.waiting: list[str] = []
        self.problems: list[CounterError] = []  # originals missing or damaged here
        self.usable: dict[str, bool] = {}
        self.originals = self.chunks = self.bytes = 0

    def run(self, uuids: list[str]) -> AttachmentsSent:
        with self.central.read() as session:
            present = blobs.dossiers_present(session, self.counter, uuids)
        with self.local.read() as session:
            held = {uuid: attachments_of(session, uuid) for uuid in present}
        self.waiting = [uuid for uuid in uuids if uuid not in present]
        done = 0
        for uuid, agency in present.items():
            ready = [self._usable(item.sha256, item.size) for item in held[uuid]]
            if not all(ready):
                self.waiting.append(uuid)
                continue
            with self.central.write() as session:
                blobs.put_attachments(
                    session,
                    self.counter,
                    uuid,
                    agency,
                    [_item(item) for item in held[uuid]],
                    at=now(),
                )
            done += 1
        return AttachmentsSent(done, self.originals, self.chunks, self.bytes, len(self.waiting))

    def _usable(self, sha256: str, size: int) -> bool:
        """Whether central holds the original whole and lets this counter use it; sends
        what is missing first. Asked once per original a round."""
        if sha256 not in self.usable:
            try:
                self.usable[sha256] = self._send(sha256, size)
            except CounterError as error:
                if error.key not in ("file.unreadable", "attachment.corrupt"):
                    raise
                self.problems.append(error)
                self.usable[sha256] = False
        return self.usable[sha256]

    def _send(self, sha256: str, size: int) -> bool:
        missing: list[int] = []
        outcome = ""
        with self.central.write() as session:  # announce the upload unless central has it
            blobs.start_blob(
                session, self.counter, sha256, size=size, chunk_size=self.chunk_size, at=now()
            )
            state = blobs.blob_state(session, sha256)
            if state is not None and not state.complete and state.uploaded_by == self.counter:
                self._check(sha256)  # a damaged original is named here, never sent
                missing = state.missing()
                if len(missing) <= 1:  # one chunk to go: it commits in this same transaction
                    outcome = self._finish(session, sha256, missing, state.chunk_size)
        if state is None:  # another counter's upload, out of sight: prove we hold the content
            self._check(sha256)
            with self.central.write() as session:
                proof = blobs.holder_proof(blobs.login_name(session), self._chunks(sha256))
                claimed = blobs.claim_blob(session, sha256, proof)
            self.originals += claimed
            return claimed
        if state.complete:
            return True
        if state.uploaded_by != self.counter:
            return False  # another counter of these agencies is sending it: a later round
        if not outcome:
            for part in missing[:-1]:
                with self.central.write() as session:
                    self._put(session, sha256, part, state.chunk_size)
            with self.central.write() as session:
                outcome = self._finish(session, sha256, missing[-1:], state.chunk_size)
        if outcome == "complete":
            self.originals += 1
            return True
        if outcome == "mismatch":  # the file changed while it was read
            self._check(sha256)
        return False  # sent again from the start next round

    def _check(self, sha256: str) -> None:
        """The local original still hashes to its name (read once, only when it is sent)."""
        digest = hashlib.sha256()
        for chunk in self._chunks(sha256):
            digest.update(chunk)
        if digest.hexdigest() != sha256:
            path = self.files.path(sha256)
            raise CounterError(
                "attachment.corrupt", path=str(path), detail=f"SHA-256 {digest.hexdigest()}"
            )

    def _finish(self, session, sha256: str, last: list[int], chunk_size: int) -> str:  # type: ignore[no-untyped-def]
        """The last chunk commits together with central's check of the whole."""
        for part in last:
            self._put(session, sha256, part, chunk_size)
        return blobs.complete_blob(session, self.counter, sha256, at=now())

    def _put(self, session, sha256: str, part: int, chunk_size: int) -> None:  # type: ignore[no-untyped-def]
        data = self._part(sha256, part, chunk_size)
        blobs.put_part(session, self.counter, sha256, part, data)
        self.chunks += 1
        self.bytes += len(data)

    def _part(self, sha256: str, part: int, chunk_size: int) -> bytes:
        path = self.files.path(sha256)
        try:
            with path.open("rb") as stream:
                stream.seek(part * chunk_size)
                return stream.read(chunk_size)
        except OSError as error:
            raise CounterError(
                "file.unreadable", path=str(path), reason=error.strerror or str(error)
            ) from None

    def _chunks(self, sha256: str) -> Iterator[bytes]:
        path = self.files.path(sha256)
        try:
            with path.open("rb") as stream:
                while chunk := stream.read(self.chunk_size):
                    yield chunk
        except OSError as error:
            raise CounterError(
                "file.unreadable", path=str(path), reason=error.strerror or str(error)
            ) from None
