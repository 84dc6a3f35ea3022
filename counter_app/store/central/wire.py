"""What a counter and central hand each other: the wire types both sides import."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

from counter_app.domain.codes import FallbackZone, LowNumberSpace
from counter_app.domain.sync import Outcome, only_received


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
class PushHead:
    """The few fields of a pushed dossier that central's checks and columns read, known
    without decoding its whole JSON (a counter's outbox read extracts them in SQL)."""

    code: str | None
    agency: str
    status: str
    received_at: str | None
    received_only: bool  # its history is its receipt alone, in that state (`only_received`)

    @classmethod
    def of(cls, data: dict) -> PushHead:
        return cls(
            data.get("code"),
            data["agency"],
            data["status"],
            data.get("received_at"),
            only_received(data),
        )


@dataclass(frozen=True)
class PushItem:
    """One dossier a counter pushes: its JSON (dossier_to_json with the supplement rounds'
    origins) as the counter encoded it, which central writes as it is, and its head. Central
    decodes the whole JSON (`data`) only for a dossier it must check further than its head."""

    uuid: str
    version: int
    base: int  # the central version the counter last knew (0: never synced)
    encoded: str
    head: PushHead

    @classmethod
    def of(cls, uuid: str, version: int, base: int, data: dict) -> PushItem:
        item = cls(uuid, version, base, json.dumps(data, ensure_ascii=False), PushHead.of(data))
        item.__dict__["data"] = data  # what it was made from stands for its decoding
        return item

    @cached_property
    def data(self) -> dict:
        return json.loads(self.encoded)


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
