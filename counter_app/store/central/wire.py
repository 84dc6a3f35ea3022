"""What a counter and central hand each other: the wire types both sides import."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from counter_app.domain.codes import (
    FallbackZone,
)
from counter_app.domain.sync import (
    Outcome,
)


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
