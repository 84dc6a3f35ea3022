"""What a counter and central hand each other: the wire types both sides import."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from counter_app.domain.codes import FallbackZone, LowNumberSpace
from counter_app.domain.sync import Outcome


@dataclass(frozen=True)
class Registration:
    number: int
    counter_id: str
    agencies: tuple[str, ...]  # empty: every agency (numbered on first contact, trial SQLite)
    fallback: FallbackZone
    taken: tuple[str, ...] = ()  # codes the counter gave alone that central holds for others


@dataclass(frozen=True)
class Lease:
    agency_code: str
    day: date
    first: int
    last: int


@dataclass(frozen=True)
class PushItem:
    uuid: str
    version: int
    base: int  # the central version the counter last knew (0: never synced)
    data: dict  # dossier_to_json with the supplement rounds' origins
    encoded: str | None = None  # `data` as JSON when the counter has it (its outbox's)

    def as_json(self) -> str:
        """`data` as JSON, encoded once: central writes it into its batch as it is."""
        if self.encoded is not None:
            return self.encoded
        return json.dumps(self.data, ensure_ascii=False)


@dataclass(frozen=True)
class PushResult:
    uuid: str
    outcome: Outcome
    version: int
    data: dict | None = None  # central's state when the counter must take it (merge, conflict)
    reason: str = ""


@dataclass(frozen=True)
class ConflictDecision:
    """A supervisor's decision at the counter about a version central refused."""

    dossier_uuid: str
    pushed_version: int
    resolution: str  # keep-central | reapply
    by: str  # the supervisor's login
    at: datetime


@dataclass(frozen=True)
class Page:
    kind: str
    rows: list[dict] = field(default_factory=list)
    cursor: int = 0  # the last seq in the page (the next cursor)


KINDS = ("agencies", "procedures", "calendar", "dossiers", "ratings")  # ratings: of dossiers pulled


@dataclass(frozen=True)
class CodeGrant:
    """What a round learns about its numbering from central."""

    leases: list[Lease]
    zone: FallbackZone
    slots: dict[str, int]  # agency -> the counter's fallback slot
    low: list[LowNumberSpace]


def parts_of(size: int, chunk_size: int) -> int:
    return max(1, -(-size // chunk_size))


@dataclass(frozen=True)
class BlobState:
    """What central holds of one blob, as far as the asking counter may see."""

    sha256: str
    size: int
    chunk_size: int
    complete: bool
    uploaded_by: int
    present: frozenset[int]  # parts already committed

    def missing(self) -> list[int]:
        return [p for p in range(parts_of(self.size, self.chunk_size)) if p not in self.present]


@dataclass(frozen=True)
class AttachmentItem:
    """One original of a dossier as the counter sends it."""

    sha256: str
    component: str
    position: int
    rotation: int
    media_type: str
    size: int
    pages: int
    original_name: str
    added_by: str
    added_at: datetime
