"""What a counter asks of central, one central transaction per call. Tests put a gateway that
fails on purpose in its place (before the call, or after central committed)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from counter_app.domain.clock import now
from counter_app.domain.codes import FallbackZone, LowNumberSpace
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
    ConflictDecision,
    Lease,
    Page,
    PushItem,
    PushResult,
    Registration,
)
from counter_app.store.citizen_papers import FiledPaper
from counter_app.store.journal import AuditHead


@dataclass(frozen=True)
class CodeGrant:
    """What a round learns about its numbering from central."""

    leases: list[Lease]
    zone: FallbackZone
    slots: dict[str, int]  # agency -> the counter's fallback slot
    low: list[LowNumberSpace]


class CentralGateway:
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

    def release(self) -> None:
        """The end of a round: no connection is kept until the next."""
        self.database.release()

    def close(self) -> None:
        self.database.close()
