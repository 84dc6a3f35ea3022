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

A local original that is damaged or unreadable holds back only its dossier's attachment rows:
the round goes on, the problem is kept (file name, dossier, why) for the sync log and the
window, and that original is read again after 1, 2, 4 … up to 60 minutes, or at once when
the officer asks ("Sync now"). Whether attachment work waits is answered from the journal
position alone (`work_waiting`), so the worker can ask it every poll for the price of one
indexed look-up.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from counter_app.domain.clock import iso, now, parse_iso
from counter_app.domain.errors import CounterError
from counter_app.domain.messages import translate
from counter_app.services.sync.link import CentralLink
from counter_app.store.attachments import ATTACHMENTS_FOLDER, Attachment, BlobStore, attachments_of
from counter_app.store.central.blobs import CHUNK_SIZE
from counter_app.store.central.wire import AttachmentItem, BlobState
from counter_app.store.database import Database, Session
from counter_app.store.models import AuditRow, DossierRow
from counter_app.store.settings import get_setting, put_setting

# {"after": last audit entry read, "waiting": [dossier uuids], "held": {sha256: problem}}
STATE = "sync.attachments"
LOCAL_PROBLEMS = frozenset({"file.unreadable", "attachment.corrupt"})
RETRY_FIRST_S = 60  # a damaged original is read again after 1 min, 2, 4, … at most 60
RETRY_CAP_S = 3600


@dataclass(frozen=True)
class AttachmentProblem:
    """A local original that cannot go up: which file of which dossier, why (a message key and
    its parameters), how often it was tried and when it is tried again. Plain data."""

    sha256: str
    code: str
    name: str  # the file's name when it was attached
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    tries: int = 1
    retry_at: datetime | None = None

    def message(self, lang: str = "vi") -> str:
        return translate(
            "sync.attachment_held",
            lang,
            name=self.name,
            code=self.code,
            problem=translate(self.key, lang, **self.params),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "sha256": self.sha256,
            "code": self.code,
            "name": self.name,
            "key": self.key,
            "params": {k: str(v) for k, v in self.params.items()},
            "tries": self.tries,
            "retry_at": iso(self.retry_at) if self.retry_at else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AttachmentProblem:
        retry = data.get("retry_at")
        return cls(
            data["sha256"],
            data.get("code", ""),
            data.get("name", ""),
            data["key"],
            dict(data.get("params", {})),
            int(data.get("tries", 1)),
            parse_iso(retry) if retry else None,
        )


def retry_delay(tries: int) -> timedelta:
    return timedelta(seconds=min(RETRY_CAP_S, RETRY_FIRST_S * 2 ** max(0, tries - 1)))


@dataclass(frozen=True)
class AttachmentsSent:
    dossiers: int = 0  # dossiers whose attachment rows central now matches
    originals: int = 0  # originals whose content went up (or was claimed) this round
    chunks: int = 0
    bytes: int = 0
    waiting: int = 0  # dossiers left for a later round (not central yet, upload elsewhere)
    problems: tuple[AttachmentProblem, ...] = ()  # local originals held back, and why


@dataclass(frozen=True)
class AttachmentWork:
    """What the window shows of the attachment upload."""

    dossiers: int = 0  # dossiers whose originals or attachment rows wait to go up
    problems: tuple[AttachmentProblem, ...] = ()


def send_attachments(
    local: Database,
    central: CentralLink,
    counter: int,
    *,
    chunk_size: int = CHUNK_SIZE,
    retry_held: bool = True,
) -> AttachmentsSent:
    """One round's attachment upload through the sync's link to central, which is only
    reached when there is something to send. Raises CounterError when central is out of reach
    (what was committed stays). A damaged or unreadable local original is not an error of the
    round: it is returned in `problems` and read again when its time comes (`retry_held`:
    now, whatever the time)."""
    with local.read() as session:
        state = _state(session)
        after = int(state.get("after", 0))
        waiting = list(state.get("waiting", []))
        top = session.scalar(select(func.max(AuditRow.id))) or 0
        todo = sorted(set(waiting) | _changed_since(session, after, top))
    if not todo:
        if top != after or state.get("held"):
            _save(local, top, [], {})
        return AttachmentsSent()
    held = {sha: AttachmentProblem.from_json(p) for sha, p in state.get("held", {}).items()}
    uploader = _Uploader(local, central, counter, chunk_size, held, retry_held)
    result = uploader.run(todo)
    _save(local, top, uploader.waiting, uploader.problems)
    return result


def work_waiting(session: Session) -> bool:
    """Whether an attachment change was journaled since the last round read the journal: one
    look-up from the journal position on (dossiers already waiting are retried by the full
    rounds, not by the worker's quick ones)."""
    after = int(_state(session).get("after", 0))
    return (
        session.scalar(
            select(AuditRow.id)
            .where(AuditRow.id > after, AuditRow.action.like("attachment.%"))
            .limit(1)
        )
        is not None
    )


def attachment_work(session: Session) -> AttachmentWork:
    """Dossiers whose originals wait (for a later round, or journaled since the last one) and
    the originals held back, read without touching a file."""
    state = _state(session)
    after = int(state.get("after", 0))
    top = session.scalar(select(func.max(AuditRow.id))) or 0
    dossiers = set(state.get("waiting", [])) | _changed_since(session, after, top)
    problems = tuple(
        AttachmentProblem.from_json(p)
        for _, p in sorted(state.get("held", {}).items(), key=lambda item: item[1].get("code", ""))
    )
    return AttachmentWork(len(dossiers), problems)


def _state(session: Session) -> dict[str, Any]:
    state = get_setting(session, STATE)
    return state if isinstance(state, dict) else {}


def _changed_since(session: Session, after: int, top: int) -> set[str]:
    """Dossiers with an attachment change journaled in (after, top]."""
    return set(
        session.scalars(
            select(DossierRow.uuid)
            .join(AuditRow, AuditRow.subject == DossierRow.code)
            .where(AuditRow.id > after, AuditRow.id <= top, AuditRow.action.like("attachment.%"))
            .distinct()
        )
    )


def _save(
    local: Database, after: int, waiting: list[str], held: dict[str, AttachmentProblem]
) -> None:
    with local.write() as session:
        put_setting(
            session,
            STATE,
            {
                "after": after,
                "waiting": sorted(set(waiting)),
                "held": {sha: problem.to_json() for sha, problem in held.items()},
            },
        )


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
        self,
        local: Database,
        central: CentralLink,
        counter: int,
        chunk_size: int,
        held: dict[str, AttachmentProblem],
        retry_held: bool,
    ) -> None:
        self.local = local
        self.central = central
        self.counter = counter
        self.chunk_size = chunk_size
        # the data folder holds the store and the originals side by side
        self.files = BlobStore(Path(local.path).parent / ATTACHMENTS_FOLDER)
        self.waiting: list[str] = []
        self.held = held  # problems known before this round
        self.retry_held = retry_held
        self.at = now()
        self.problems: dict[str, AttachmentProblem] = {}  # originals damaged or unreadable here
        self.usable: dict[str, bool] = {}
        self.originals = self.chunks = self.bytes = 0

    def run(self, uuids: list[str]) -> AttachmentsSent:
        present = self.central.attachments_present(self.counter, uuids)
        with self.local.read() as session:
            held = {uuid: attachments_of(session, uuid) for uuid in present}
            codes = dict(
                session.execute(
                    select(DossierRow.uuid, DossierRow.code).where(DossierRow.uuid.in_(present))
                ).all()
            )
        self.waiting = [uuid for uuid in uuids if uuid not in present]
        done = 0
        for uuid, agency in present.items():
            ready = [self._usable(item, codes.get(uuid) or uuid) for item in held[uuid]]
            if not all(ready):
                self.waiting.append(uuid)
                continue
            self.central.put_attachments(
                self.counter, uuid, agency, [_item(item) for item in held[uuid]]
            )
            done += 1
        return AttachmentsSent(
            done,
            self.originals,
            self.chunks,
            self.bytes,
            len(self.waiting),
            tuple(self.problems.values()),
        )

    def _usable(self, item: Attachment, code: str) -> bool:
        """Whether central holds the original whole and lets this counter use it; sends
        what is missing first. Asked once per original a round; an original held back is
        read again only when its time has come."""
        sha256 = item.sha256
        if sha256 in self.usable:
            return self.usable[sha256]
        known = self.held.get(sha256)
        if (
            known is not None
            and not self.retry_held
            and known.retry_at
            and known.retry_at > self.at
        ):
            self.problems[sha256] = known
            self.usable[sha256] = False
            return False
        try:
            self.usable[sha256] = self._send(sha256, item.size)
        except CounterError as error:
            if error.key not in LOCAL_PROBLEMS:
                raise
            tries = known.tries + 1 if known is not None else 1
            self.problems[sha256] = AttachmentProblem(
                sha256,
                code,
                item.original_name,
                error.key,
                dict(error.params),
                tries,
                self.at + retry_delay(tries),
            )
            self.usable[sha256] = False
        return self.usable[sha256]

    def _send(self, sha256: str, size: int) -> bool:
        def last_parts(state: BlobState | None) -> list[tuple[int, bytes]] | None:
            if state is None or state.complete or state.uploaded_by != self.counter:
                return None
            self._check(sha256)  # a damaged original is named here, never sent
            missing = state.missing()
            if len(missing) > 1:
                return None
            # one chunk to go: it commits in the transaction that announced the upload
            return [(part, self._part(sha256, part, state.chunk_size)) for part in missing]

        state, outcome = self.central.start_upload(
            self.counter, sha256, size=size, chunk_size=self.chunk_size, last_parts=last_parts
        )
        if state is None:  # another counter's upload, out of sight: prove we hold the content
            self._check(sha256)
            claimed = self.central.claim_upload(sha256, self._chunks(sha256))
            self.originals += claimed
            return claimed
        if state.complete:
            return True
        if state.uploaded_by != self.counter:
            return False  # another counter of these agencies is sending it: a later round
        if not outcome:
            missing = state.missing()
            for part in missing[:-1]:
                data = self._part(sha256, part, state.chunk_size)
                self.central.put_chunk(self.counter, sha256, part, data)
            last = [(part, self._part(sha256, part, state.chunk_size)) for part in missing[-1:]]
            outcome = self.central.finish_upload(self.counter, sha256, last)
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

    def _part(self, sha256: str, part: int, chunk_size: int) -> bytes:
        """One part of the local original, counted as sent."""
        path = self.files.path(sha256)
        try:
            with path.open("rb") as stream:
                stream.seek(part * chunk_size)
                data = stream.read(chunk_size)
        except OSError as error:
            raise CounterError(
                "file.unreadable", path=str(path), reason=error.strerror or str(error)
            ) from None
        self.chunks += 1
        self.bytes += len(data)
        return data

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
