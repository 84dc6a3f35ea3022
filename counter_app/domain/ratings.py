"""The citizen's satisfaction rating of a service at the counter (Thông tư 03/2025/TT-VPCP asks
centres to monitor it): three levels, optional reasons from a fixed list, one rating per dossier
and occasion (its intake, its return), given by the citizen, never by the officer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from counter_app.domain.clock import iso
from counter_app.domain.dossier import Dossier, Status
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.domain.messages import translate


class Level(StrEnum):
    VERY_SATISFIED = "very_satisfied"
    SATISFIED = "satisfied"
    DISSATISFIED = "dissatisfied"

    def label(self, lang: str = "vi") -> str:
        return translate(f"rating.level.{self.value}", lang)


class Occasion(StrEnum):
    """What the citizen rates: the intake of the dossier, or the return of its result."""

    INTAKE = "intake"
    RETURN = "return"


class Source(StrEnum):
    """Where the rating was given."""

    SCREEN = "screen"  # the citizen's screen, by touch or mouse
    KEYPAD = "keypad"  # a keypad or kiosk through `counter-app rate`


# The reasons a citizen may pick (a list, so that they can be counted); free text is refused.
REASONS = ("waiting", "attitude", "guidance", "papers", "fees", "result")


def parse_level(text: str) -> Level:
    try:
        return Level(text.strip().lower())
    except ValueError:
        raise CounterError(
            "value.choice", field="field.rating", choices=", ".join(level.value for level in Level)
        ) from None


def parse_reasons(texts: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The chosen reasons, each once and in the list's order; an unknown one is refused."""
    chosen = {text.strip().lower() for text in texts if text.strip()}
    unknown = sorted(chosen - set(REASONS))
    if unknown:
        raise CounterError("value.choice", field="field.rating_reason", choices=", ".join(REASONS))
    return tuple(reason for reason in REASONS if reason in chosen)


def occasion_of(dossier: Dossier) -> tuple[Occasion, str]:
    """The occasion a rating of the dossier now is about and the officer who served it: the
    return once the result was handed back, else the intake."""
    if dossier.status is Status.DONE and dossier.returned_at is not None:
        returned_by = next(
            (h.actor for h in reversed(dossier.history) if h.action == Action.RETURN.value),
            dossier.received_by,
        )
        return Occasion.RETURN, returned_by
    if dossier.received_at is None or dossier.status is Status.RECEIVING:
        raise CounterError("rating.not_received", code=dossier.code or dossier.uuid)
    return Occasion.INTAKE, dossier.received_by


@dataclass(frozen=True)
class Rating:
    uuid: str
    dossier_uuid: str
    code: str
    occasion: Occasion
    level: Level
    reasons: tuple[str, ...]
    officer: str  # the login of the officer who served; the rating is of their service
    at: datetime
    source: Source

    def to_json(self) -> dict[str, object]:
        return {
            "uuid": self.uuid,
            "dossier_uuid": self.dossier_uuid,
            "code": self.code,
            "occasion": self.occasion.value,
            "level": self.level.value,
            "reasons": list(self.reasons),
            "officer": self.officer,
            "at": iso(self.at),
            "source": self.source.value,
        }


@dataclass(frozen=True)
class RatingCounts:
    """How many ratings of each level, and each level's share of them."""

    counts: dict[str, int] = field(default_factory=lambda: {level.value: 0 for level in Level})

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def share(self, level: Level) -> float | None:
        total = self.total
        return self.counts.get(level.value, 0) / total if total else None

    def to_json(self) -> dict[str, int]:
        return {level.value: self.counts.get(level.value, 0) for level in Level}

    def shares_json(self) -> dict[str, object]:
        return {
            **self.to_json(),
            "total": self.total,
            "shares": {level.value: self.share(level) for level in Level},
        }


def count_levels(levels: list[str]) -> RatingCounts:
    counts = {level.value: 0 for level in Level}
    for level in levels:
        if level in counts:
            counts[level] += 1
    return RatingCounts(counts)


@dataclass(frozen=True)
class RatingReview:
    """The supervisor's view of a period: the whole, per officer, per procedure."""

    total: RatingCounts
    by_officer: dict[str, RatingCounts]
    by_procedure: dict[str, RatingCounts]

    def to_json(self) -> dict[str, object]:
        return {
            "total": self.total.shares_json(),
            "by_officer": {k: v.shares_json() for k, v in sorted(self.by_officer.items())},
            "by_procedure": {k: v.shares_json() for k, v in sorted(self.by_procedure.items())},
        }


def review_of(rows: list[tuple[str, str, str]]) -> RatingReview:
    """From (level, officer, procedure code) rows."""
    officers: dict[str, list[str]] = {}
    procedures: dict[str, list[str]] = {}
    for level, officer, procedure in rows:
        officers.setdefault(officer, []).append(level)
        procedures.setdefault(procedure, []).append(level)
    return RatingReview(
        total=count_levels([level for level, _, _ in rows]),
        by_officer={k: count_levels(v) for k, v in officers.items()},
        by_procedure={k: count_levels(v) for k, v in procedures.items()},
    )
