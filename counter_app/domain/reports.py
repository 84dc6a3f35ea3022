"""The supervisor's figures: the daily review, the provincial period report and the day's
sign-off, with the rules that decide which dossier counts where.

Plain values and pure rules; the service fills them from the store by SQL aggregation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from counter_app.domain.clock import day_start, iso
from counter_app.domain.dossier import Channel, Status, Timeliness
from counter_app.domain.lifecycle import classify
from counter_app.domain.ratings import RatingReview, review_of

# Refused at the counter or not yet checked: never "received" in the figures.
NOT_RECEIVED = frozenset({Status.DENIED, Status.RECEIVING})
# Withdrawn or stopped: received, but neither resolved nor in progress any more.
ENDED_UNRESOLVED = frozenset({Status.CANCELLED, Status.UNRESOLVED})
# Waiting for a supplement: the clock is paused, so never late while waiting.
PAUSED = frozenset({Status.WAITING})

TREND_DAYS = 30


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The counter's day in local time (+07:00): [start, next day's start)."""
    start = day_start(day)
    return start, start + timedelta(days=1)


def outcome(completed_at: datetime, due_at: datetime | None) -> Timeliness:
    """Before / on / after the due day, compared at day level (no deadline: on time)."""
    return classify(completed_at, due_at)


def is_counted(status: Status) -> bool:
    """Whether a dossier in this state was received at all."""
    return status not in NOT_RECEIVED


def is_carried_over(
    received_at: datetime, completed_at: datetime | None, status: Status, start: datetime
) -> bool:
    """Received before the period and still unresolved when it began."""
    return (
        is_counted(status)
        and received_at < start
        and (completed_at is None or completed_at >= start)
        and not (completed_at is None and status in ENDED_UNRESOLVED)
    )


def is_in_progress(
    received_at: datetime, completed_at: datetime | None, status: Status, end: datetime
) -> bool:
    """Received before `end` and not resolved by then (withdrawn or stopped ones left out)."""
    if not is_counted(status) or received_at >= end:
        return False
    if completed_at is not None:
        return completed_at >= end
    return status not in ENDED_UNRESOLVED


def is_late_at(
    due_at: datetime | None, status: Status, at: datetime, completed_at: datetime | None = None
) -> bool:
    """A dossier unresolved at `at` is late once its due time has passed, unless its clock is
    paused now (one resolved since was not paused then)."""
    if due_at is None or due_at >= at:
        return False
    return completed_at is not None or status not in PAUSED


def cash_at_return(after: int, owed: int, paid: int) -> int:
    """What a result handed back at the counter brought in cash beyond the payments recorded:
    its fees collected at the return (`after`), as far as the payments recorded on the dossier
    (`paid`) leave its fees (`owed`) unpaid. The cash taken otherwise is recorded as payments."""
    return min(after, max(owed - paid, 0))


def rate(part: int, whole: int) -> float | None:
    """part / whole, or None when there is nothing to divide."""
    return part / whole if whole else None


@dataclass(frozen=True)
class Outcomes:
    """Completed dossiers by when they were completed against the due time."""

    before: int = 0
    on: int = 0
    late: int = 0  # "on" = completed on the due day itself

    @property
    def total(self) -> int:
        return self.before + self.on + self.late

    @property
    def on_time_rate(self) -> float | None:
        return rate(self.before + self.on, self.total)

    def to_json(self) -> dict[str, Any]:
        return {"before": self.before, "on": self.on, "late": self.late}


@dataclass(frozen=True)
class DueItem:
    """An open dossier overdue or due soon, with who is responsible."""

    code: str
    procedure_name: str
    applicant_name: str
    agency_code: str
    status: str
    due_at: datetime
    received_by: str

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "procedure_name": self.procedure_name,
            "applicant_name": self.applicant_name,
            "agency_code": self.agency_code,
            "status": self.status,
            "due_at": iso(self.due_at),
            "received_by": self.received_by,
        }


@dataclass(frozen=True)
class SignOff:
    """The latest signing of a day; reopened_at set means the day is open again."""

    day: date
    signed_by: str
    signed_at: datetime
    fees_recorded: int  # fees recorded as collected in cash on the day (đồng)
    cash_counted: int
    difference: int  # cash_counted - fees_recorded
    note: str
    reopened_by: str = ""
    reopened_at: datetime | None = None
    reopen_reason: str = ""
    early_reason: str = ""  # why it was signed before the counter's closing time

    @property
    def locked(self) -> bool:
        return self.reopened_at is None

    def to_json(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "signed_by": self.signed_by,
            "signed_at": iso(self.signed_at),
            "fees_recorded": self.fees_recorded,
            "cash_counted": self.cash_counted,
            "difference": self.difference,
            "note": self.note,
            "reopened_by": self.reopened_by,
            "reopened_at": iso(self.reopened_at),
            "reopen_reason": self.reopen_reason,
            "early_reason": self.early_reason,
            "locked": self.locked,
        }


@dataclass(frozen=True)
class MethodTotal:
    """The payments recorded by one method (cash, transfer, card): how many, how much."""

    count: int = 0
    amount: int = 0  # đồng

    def to_json(self) -> dict[str, int]:
        return {"count": self.count, "amount": self.amount}


def empty_channels() -> dict[str, int]:
    return {channel.value: 0 for channel in Channel}


@dataclass(frozen=True)
class DailyReview:
    day: date
    officer: str | None  # None: the whole counter; a login: that officer's day only
    received: int
    by_channel: dict[str, int]  # always the keys "direct", "online", "postal"
    by_procedure: dict[str, int]  # procedure code -> count
    procedure_names: dict[str, str]
    by_agency: dict[str, int]
    by_officer: dict[str, int]  # login -> count
    by_hour: dict[int, int]  # hour of day -> count received
    fees_by_collection: dict[str, int]  # FeeCollection value -> đồng
    fees_total: int
    resolved: int  # completed that day
    returned: int  # handed back that day
    on_time: Outcomes  # of those completed that day
    overdue: tuple[DueItem, ...]  # open and past due at the end of the day (or now, if earlier)
    due_today: tuple[DueItem, ...]  # due within the day, still open when it began
    due_tomorrow: tuple[DueItem, ...]  # due on the next working day, open now
    trend: tuple[tuple[date, int], ...]  # received per day, the 30 days ending at `day`
    sign_off: SignOff | None
    cash_fees: int = 0  # fees collected in cash that day: what the sign-off reconciles
    ratings: RatingReview = field(default_factory=lambda: review_of([]))  # given that day
    # method -> the payments recorded that day; always every method, for the reconciliation
    payments: dict[str, MethodTotal] = field(default_factory=dict)

    @property
    def payments_by_method(self) -> dict[str, int]:
        """The amount of each method that was used on the day."""
        return {method: total.amount for method, total in self.payments.items() if total.count}

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "officer": self.officer,
            "received": self.received,
            "by_channel": dict(self.by_channel),
            "by_procedure": dict(self.by_procedure),
            "by_agency": dict(self.by_agency),
            "by_officer": dict(self.by_officer),
            "by_hour": {str(hour): count for hour, count in sorted(self.by_hour.items())},
            "resolved": self.resolved,
            "returned": self.returned,
            "on_time": self.on_time.to_json(),
            "overdue": len(self.overdue),
            "due_today": len(self.due_today),
            "due_tomorrow": len(self.due_tomorrow),
            "fees_by_collection": dict(self.fees_by_collection),
            "fees_total": self.fees_total,
            "cash_fees": self.cash_fees,
            "signed_off": self.sign_off.to_json() if self.sign_off else None,
            "ratings": self.ratings.total.to_json(),
            "ratings_review": self.ratings.to_json(),
            "payments_by_method": self.payments_by_method,
            "payments": {method: total.to_json() for method, total in self.payments.items()},
        }


@dataclass(frozen=True)
class PeriodRow:
    """A line of the provincial report (per agency, per procedure, or the total)."""

    key: str
    name: str
    received_new: int = 0
    carried_over: int = 0
    received_online: int = 0  # of received_total, submitted online
    resolved_early: int = 0
    resolved_on_time: int = 0
    resolved_late: int = 0
    in_progress_on_time: int = 0
    in_progress_late: int = 0

    @property
    def received_total(self) -> int:
        return self.received_new + self.carried_over

    @property
    def resolved_total(self) -> int:
        return self.resolved_early + self.resolved_on_time + self.resolved_late

    @property
    def in_progress_total(self) -> int:
        return self.in_progress_on_time + self.in_progress_late

    @property
    def on_time_rate(self) -> float | None:
        """Resolved before or on the due day, of all resolved (the province's headline)."""
        return rate(self.resolved_early + self.resolved_on_time, self.resolved_total)

    @property
    def online_share(self) -> float | None:
        return rate(self.received_online, self.received_total)

    def plus(self, other: PeriodRow, *, key: str, name: str) -> PeriodRow:
        return PeriodRow(
            key=key,
            name=name,
            received_new=self.received_new + other.received_new,
            carried_over=self.carried_over + other.carried_over,
            received_online=self.received_online + other.received_online,
            resolved_early=self.resolved_early + other.resolved_early,
            resolved_on_time=self.resolved_on_time + other.resolved_on_time,
            resolved_late=self.resolved_late + other.resolved_late,
            in_progress_on_time=self.in_progress_on_time + other.in_progress_on_time,
            in_progress_late=self.in_progress_late + other.in_progress_late,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "received_new": self.received_new,
            "carried_over": self.carried_over,
            "received_total": self.received_total,
            "received_online": self.received_online,
            "resolved_early": self.resolved_early,
            "resolved_on_time": self.resolved_on_time,
            "resolved_late": self.resolved_late,
            "resolved_total": self.resolved_total,
            "in_progress_on_time": self.in_progress_on_time,
            "in_progress_late": self.in_progress_late,
            "in_progress_total": self.in_progress_total,
            "on_time_rate": self.on_time_rate,
            "online_share": self.online_share,
        }


def total_of(rows: tuple[PeriodRow, ...] | list[PeriodRow], *, key: str, name: str) -> PeriodRow:
    result = PeriodRow(key=key, name=name)
    for row in rows:
        result = result.plus(row, key=key, name=name)
    return result


@dataclass(frozen=True)
class PeriodReport:
    start: date
    end: date  # inclusive
    total: PeriodRow
    by_agency: tuple[PeriodRow, ...]
    by_procedure: tuple[PeriodRow, ...]
    # procedure code -> agency code, to print the procedures under their agency
    procedure_agency: dict[str, str] | None = None
    ratings: RatingReview = field(default_factory=lambda: review_of([]))

    def to_json(self) -> dict[str, Any]:
        return {
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "total": self.total.to_json(),
            "by_agency": [row.to_json() for row in self.by_agency],
            "by_procedure": [row.to_json() for row in self.by_procedure],
            "ratings": self.ratings.total.to_json(),
            "ratings_review": self.ratings.to_json(),
        }
