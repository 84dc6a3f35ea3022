"""What the window's sync indicator and log show."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select

from counter_app.domain.clock import now
from counter_app.domain.codes import LowNumberSpace
from counter_app.services.sync.attachments import (
    AttachmentProblem,
    attachment_work,
)
from counter_app.services.sync.base import NUMBER_SPACE_LOW, SyncBase
from counter_app.services.sync.results import (
    HELD_ATTACHMENTS,
    SET_ASIDE,
    SetAside,
    SyncLogEntry,
    SyncStatus,
)
from counter_app.store.central import replica
from counter_app.store.models import (
    SyncConflictRow,
    SyncLogRow,
)

LOW_CODES = 10  # warn when fewer codes than this are left for an agency today


class SyncStatusView(SyncBase):
    def pending(self) -> int:
        with self._db.read() as session:
            return replica.outbox_count(session)

    def status(self) -> SyncStatus:
        values = self._settings.all()
        identity = self._settings.identity()
        mode = self._settings.code_mode()
        with self._db.read() as session:
            pending = replica.outbox_count(session)
            conflicts = (
                session.scalar(
                    select(func.count())
                    .select_from(SyncConflictRow)
                    .where(SyncConflictRow.resolved_at.is_(None))
                )
                or 0
            )
            waiting = len(replica.online_queue(session))
            scans = attachment_work(session)
        agencies = self._lease_agencies(tuple(values.get("central.agencies") or ()))  # type: ignore[arg-type]
        by_agency: dict[str, int] = {}
        if identity.central_url is None or identity.counter_number is not None:
            with self._db.read() as session:
                by_agency = replica.codes_left(
                    session,
                    agencies,
                    now().date(),
                    identity.counter_number,
                    mode.fallback,
                    mode.slots,
                )
        least = min(by_agency.values()) if by_agency else None
        return SyncStatus(
            configured=identity.central_url is not None,
            registered=identity.counter_number is not None,
            online=values.get("sync.online"),  # type: ignore[arg-type]
            counter_number=identity.counter_number,
            pending=pending,
            last_sync=_moment(values.get("sync.last_success")),
            last_attempt=_moment(values.get("sync.last_attempt")),
            last_error=values.get("sync.last_error"),  # type: ignore[arg-type]
            codes_left=least,
            codes_left_by_agency=by_agency,
            codes_low=identity.central_url is not None and least is not None and least < LOW_CODES,
            conflicts_open=conflicts,
            online_waiting=waiting,
            attachments_waiting=scans.dossiers,
            attachment_problems=scans.problems,
            number_space_low=_low_number_spaces(values.get(NUMBER_SPACE_LOW), now().date()),
        )

    def log(self, limit: int = 50) -> list[SyncLogEntry]:
        with self._db.read() as session:
            rows = session.scalars(select(SyncLogRow).order_by(SyncLogRow.id.desc()).limit(limit))
            return [_log_entry(r) for r in rows]


def _log_message(
    key: str, problems: tuple[AttachmentProblem, ...], set_aside: Sequence[SetAside]
) -> str:
    """A round's log message: its key alone, or JSON when it names what it left behind."""
    if not problems and not set_aside:
        return key
    data: dict[str, Any] = {"key": key or (HELD_ATTACHMENTS if problems else SET_ASIDE)}
    if problems:
        data.update(first=problems[0].to_json(), held=len(problems))
    if set_aside:
        data["set_aside"] = [s.to_json() for s in set_aside]
    return json.dumps(data)


def _log_entry(row: SyncLogRow) -> SyncLogEntry:
    """A log row; a round that held originals back or set dossiers aside keeps them as JSON
    in its message."""
    if not row.message.startswith("{"):
        return SyncLogEntry(row.at, row.ok, row.pushed, row.pulled, row.conflicts, row.message)
    data = json.loads(row.message)
    return SyncLogEntry(
        row.at,
        row.ok,
        row.pushed,
        row.pulled,
        row.conflicts,
        data["key"],
        AttachmentProblem.from_json(data["first"]) if "first" in data else None,
        int(data.get("held", 1 if "first" in data else 0)),
        tuple(SetAside(**s) for s in data.get("set_aside", ())),
    )


def _low_number_spaces(value: object, today: date) -> tuple[LowNumberSpace, ...]:
    """The warnings the last round brought, for the days not yet past."""
    if not isinstance(value, list):
        return ()
    lows = (LowNumberSpace.from_json(item) for item in value if isinstance(item, dict))
    return tuple(low for low in lows if low.day >= today)


def _moment(value: object) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else None
