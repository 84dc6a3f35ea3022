"""The counter's link to central, as the sync uses it: each call one central transaction.

`gateway.CentralGateway` is the link to a real central (PostgreSQL or SQLite); tests put a
double in its place (one that fails before a call, or after central committed). Whatever it
is, `SyncService` only knows it through this Protocol, and the wire types it carries live in
`store/central/wire.py`, which both sides import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, Protocol

from counter_app.store.central.database import CentralAddress
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
from counter_app.store.journal import AuditHead

# Given what central holds of a blob (None: nothing this counter may see), the parts to commit
# with central's check of the whole in the transaction that announced the upload (None: not
# now). Called inside that transaction: what it raises rolls the announcement back.
LastParts = Callable[[BlobState | None], list[tuple[int, bytes]] | None]


class CentralLink(Protocol):
    """What the sync asks of central."""

    # --- registration and numbers
    def register(
        self,
        *,
        install_id: str,
        name: str,
        used: dict[tuple[str, date], int],
        codes: dict[str, str] | None = None,
    ) -> Registration: ...

    def leases(
        self, counter: int, wanted: dict[tuple[str, date], int], since: date
    ) -> list[Lease]: ...

    def codes(
        self,
        counter: int,
        wanted: dict[tuple[str, date], int],
        since: date,
        receiving: list[str],
    ) -> CodeGrant: ...

    # --- push and pull
    def push(self, counter: int, items: list[PushItem]) -> list[PushResult]: ...

    def pull(self, kind: str, cursor: int, limit: int, counter: int) -> Page: ...

    def pull_all(self, cursors: dict[str, int], limit: int, counter: int) -> dict[str, Page]: ...

    # --- conflict decisions, the audit anchor, ratings
    def resolve(self, counter: int, decisions: list[ConflictDecision]) -> list[str]: ...

    def audit_anchor(self, counter: int) -> AuditHead | None: ...

    def record_anchor(self, counter: int, head: AuditHead, prior: AuditHead | None) -> str: ...

    def record_ratings(self, counter: int, ratings: list[dict[str, Any]]) -> list[str]: ...

    # --- the citizen's paper store
    def file_papers(self, counter: int, papers: list[FiledPaper]) -> list[str]: ...

    def papers_for(self, counter: int, owner_id: str) -> list[FiledPaper]: ...

    def paper_copy(self, sha256: str) -> bytes | None: ...

    # --- scanned originals
    def attachments_present(self, counter: int, uuids: list[str]) -> dict[str, str]: ...

    def put_attachments(
        self, counter: int, uuid: str, agency: str, items: list[AttachmentItem]
    ) -> None: ...

    def start_upload(
        self, counter: int, sha256: str, *, size: int, chunk_size: int, last_parts: LastParts
    ) -> tuple[BlobState | None, str]: ...

    def claim_upload(self, sha256: str, content_chunks: Iterable[bytes]) -> bool: ...

    def put_chunk(self, counter: int, sha256: str, part: int, data: bytes) -> None: ...

    def finish_upload(self, counter: int, sha256: str, parts: list[tuple[int, bytes]]) -> str: ...

    # --- the connection
    def release(self) -> None: ...

    def close(self) -> None: ...


GatewayFactory = Callable[[CentralAddress], CentralLink]  # `CentralGateway`, or a test's double
