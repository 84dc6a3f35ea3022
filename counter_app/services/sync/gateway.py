"""What a counter asks of central, one central transaction per call. Tests put a gateway that
fails on purpose in its place (before the call, or after central committed)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import Any

from counter_app.domain.clock import now
from counter_app.services.sync.link import LastParts
from counter_app.store.central import (
    blobs,
    conflicts,
    counters,
    exchange,
    ledger,
    paper_store,
    repository,
)
from counter_app.store.central.database import CentralAddress, CentralDatabase
from counter_app.store.central.wire import (
    AttachmentItem,
    BlobState,
    CodeGrant,
    ConflictDecision,
    Lease,
    Page,
    PushItem,
    PushResult,
    Registration,
)
from counter_app.store.citizen_papers import FiledPaper
from counter_app.store.database import Session
from counter_app.store.journal import AuditHead


class CentralGateway:
    """The link to a real central (`link.CentralLink`)."""

    def __init__(self, address: CentralAddress) -> None:
        self.database = CentralDatabase(address)

    def register(
        self,
        *,
        install_id: str,
        name: str,
        used: dict[tuple[str, date], int],
        codes: dict[str, str] | None = None,
    ) -> Registration:
        """Numbers given alone before registering are kept from leases, for the agencies
        central lets this counter serve (the others' dossiers are refused at push); the
        answer names which of the counter's `codes` (code -> uuid) central holds for others."""
        with self.database.write() as session:
            registration = counters.register(
                session,
                install_id=install_id,
                name=name,
                at=now(),
                counter_id=self.database.address.counter,
            )
            mine = set(registration.agencies)
            counters.raise_heads(
                session,
                registration.number,
                {key: last for key, last in used.items() if not mine or key[0] in mine},
            )
            taken = counters.taken_codes(session, registration.number, codes or {})
        return replace(registration, taken=taken)

    def push(self, counter: int, items: list[PushItem]) -> list[PushResult]:
        with self.database.write() as session:
            return exchange.push(session, counter, items, at=now())

    def pull(self, kind: str, cursor: int, limit: int, counter: int) -> Page:
        with self.database.read() as session:
            return exchange.pull(session, kind, cursor, limit, counter)

    def pull_all(self, cursors: dict[str, int], limit: int, counter: int) -> dict[str, Page]:
        """The first page of every kind in one transaction (a round's usual pull)."""
        with self.database.read() as session:
            return {
                kind: exchange.pull(session, kind, cursor, limit, counter)
                for kind, cursor in cursors.items()
            }

    def leases(self, counter: int, wanted: dict[tuple[str, date], int], since: date) -> list[Lease]:
        """Grant what is wanted, then answer with every lease of the counter from `since` on,
        so a grant whose reply was lost is learnt at the next call."""
        with self.database.write() as session:
            counters.grant_leases(session, counter, wanted, at=now())
            return counters.leases_of(session, counter, since)

    def codes(
        self,
        counter: int,
        wanted: dict[tuple[str, date], int],
        since: date,
        receiving: list[str],
    ) -> CodeGrant:
        """One transaction for a round's numbering: fallback slots for the agencies the counter
        receives for, the leases wanted, every lease of the counter from `since` on, and the
        (agency, day)s of `receiving` whose number space runs low."""
        with self.database.write() as session:
            slots = counters.take_fallback_slots(session, counter, receiving, at=now())
            counters.grant_leases(session, counter, wanted, at=now())
            return CodeGrant(
                counters.leases_of(session, counter, since),
                repository.fallback_zone(session),
                slots,
                counters.low_number_spaces(session, since, receiving),
            )

    def resolve(self, counter: int, decisions: list[ConflictDecision]) -> list[str]:
        """The supervisor's conflict decisions, all in one central transaction."""
        with self.database.write() as session:
            return conflicts.resolve_conflicts(session, counter, decisions)

    def audit_anchor(self, counter: int) -> AuditHead | None:
        with self.database.read() as session:
            return ledger.audit_anchor(session, counter)

    def record_anchor(self, counter: int, head: AuditHead, prior: AuditHead | None) -> str:
        """Anchor the chain head; `prior` is central's last anchor the counter checked."""
        with self.database.write() as session:
            return ledger.record_anchor(session, counter, head, prior, at=now())

    def record_ratings(self, counter: int, ratings: list[dict[str, Any]]) -> list[str]:
        with self.database.write() as session:
            return ledger.record_ratings(session, counter, ratings)

    def file_papers(self, counter: int, papers: list[FiledPaper]) -> list[str]:
        with self.database.write() as session:
            return paper_store.file_papers(session, counter, papers)

    def papers_for(self, counter: int, owner_id: str) -> list[FiledPaper]:
        with self.database.read() as session:
            return paper_store.papers_for(session, counter, owner_id)

    def paper_copy(self, sha256: str) -> bytes | None:
        """A filed paper's signed copy (a blob of its dossier, which the counter may read)."""
        with self.database.read() as session:
            return blobs.read_blob(session, sha256)

    # --- scanned originals: each call one central transaction, so that a cut line costs
    # only the chunk in flight

    def attachments_present(self, counter: int, uuids: list[str]) -> dict[str, str]:
        """uuid -> agency of the dossiers among `uuids` central holds for this counter."""
        with self.database.read() as session:
            return blobs.dossiers_present(session, counter, uuids)

    def put_attachments(
        self, counter: int, uuid: str, agency: str, items: list[AttachmentItem]
    ) -> None:
        """The dossier's attachment rows made to match `items`."""
        with self.database.write() as session:
            blobs.put_attachments(session, counter, uuid, agency, items, at=now())

    def start_upload(
        self, counter: int, sha256: str, *, size: int, chunk_size: int, last_parts: LastParts
    ) -> tuple[BlobState | None, str]:
        """Announce the upload unless central has the blob, and answer what central holds of
        it; the parts `last_parts` gives (when it gives any) commit in the same transaction
        with central's check of the whole, whose answer comes second ("" when not asked)."""
        with self.database.write() as session:
            blobs.start_blob(session, counter, sha256, size=size, chunk_size=chunk_size, at=now())
            state = blobs.blob_state(session, sha256)
            parts = last_parts(state)
            outcome = "" if parts is None else self._complete(session, counter, sha256, parts)
        return state, outcome

    def claim_upload(self, sha256: str, content_chunks: Iterable[bytes]) -> bool:
        """Prove the counter holds the content of a blob another counter uploaded."""
        with self.database.write() as session:
            proof = blobs.holder_proof(blobs.login_name(session), content_chunks)
            return blobs.claim_blob(session, sha256, proof)

    def put_chunk(self, counter: int, sha256: str, part: int, data: bytes) -> None:
        with self.database.write() as session:
            blobs.put_part(session, counter, sha256, part, data)

    def finish_upload(self, counter: int, sha256: str, parts: list[tuple[int, bytes]]) -> str:
        """The last parts, with central's check of the whole: 'complete' or 'mismatch'."""
        with self.database.write() as session:
            return self._complete(session, counter, sha256, parts)

    @staticmethod
    def _complete(
        session: Session, counter: int, sha256: str, parts: list[tuple[int, bytes]]
    ) -> str:
        for part, data in parts:
            blobs.put_part(session, counter, sha256, part, data)
        return blobs.complete_blob(session, counter, sha256, at=now())

    def release(self) -> None:
        """The end of a round: no connection is kept until the next."""
        self.database.release()

    def close(self) -> None:
        self.database.close()
