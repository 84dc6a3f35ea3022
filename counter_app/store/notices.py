"""The notices queue in the local store (migration 0018), and the same functions on central's
queue of the decisions taken there (`model`: `CentralNoticeRow`, revision c0013); each
function runs in the caller's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from counter_app.domain.dossier import Dossier, HistoryEntry
from counter_app.domain.notices import (
    DEFAULT_UNIT,
    Notice,
    NoticeState,
    notices_for,
    templates_from,
)
from counter_app.store.central.models import CentralNoticeRow
from counter_app.store.models import DossierRow, NoticeRow
from counter_app.store.settings import settings_in

# the queue's table: the counter's own, or central's
NoticeModel = type[NoticeRow] | type[CentralNoticeRow]


def queue_notices_for(
    session: Session,
    moves: Sequence[tuple[Dossier, Sequence[HistoryEntry]]],
    *,
    at: datetime,
) -> None:
    """The notices the moves call for (a result ready, a supplement asked, a refusal, a new
    due date), in the caller's transaction; the worker sends them later."""
    stored = settings_in(session, ("notices.templates", "counter.name"))
    templates = templates_from(stored.get("notices.templates"))
    unit = str(stored.get("counter.name") or DEFAULT_UNIT)
    items = [
        waiting(dossier, notice, at)
        for dossier, entries in moves
        for entry in entries
        for notice in notices_for(dossier, entry, templates, unit)
    ]
    if items:
        session.execute(insert(NoticeRow), items)


def waiting(dossier: Dossier, notice: Notice, at: datetime) -> dict[str, object]:
    """A queue row's values for `notice`, waiting to be sent from `at`."""
    return {
        "dossier_uuid": dossier.uuid,
        "kind": notice.kind.value,
        "channel": notice.channel.value,
        "recipient": notice.recipient,
        "subject": notice.subject,
        "body": notice.body,
        "state": NoticeState.WAITING.value,
        "attempts": 0,
        "next_try_at": at,
        "last_error": "",
        "created_at": at,
        "sent_at": None,
    }


def any_due(session: Session, at: datetime, model: NoticeModel = NoticeRow) -> bool:
    """Whether a notice waits whose time has come (a read: the worker's idle turns never take
    the write lock)."""
    return (
        session.scalar(
            select(model.id)
            .where(model.state == NoticeState.WAITING.value, model.next_try_at <= at)
            .limit(1)
        )
        is not None
    )


def claim_due(
    session: Session, at: datetime, limit: int, model: NoticeModel = NoticeRow
) -> list[NoticeRow | CentralNoticeRow]:
    """The waiting notices whose time has come, marked `sending` (with one more attempt)
    before anything leaves, so a stop half-way never sends one twice."""
    rows: list[NoticeRow | CentralNoticeRow] = list(
        session.scalars(
            select(model)
            .where(model.state == NoticeState.WAITING.value, model.next_try_at <= at)
            .order_by(model.id)
            .limit(limit)
        )
    )
    for row in rows:
        row.state = NoticeState.SENDING.value
        row.attempts += 1
    session.flush()
    for row in rows:
        session.expunge(row)
    return rows


def finish(
    session: Session,
    notice_id: int,
    *,
    state: NoticeState,
    at: datetime,
    error: str = "",
    next_try_at: datetime | None = None,
    uncount: bool = False,
    model: NoticeModel = NoticeRow,
) -> None:
    """The outcome of a try; `uncount`: it was no try (the channel is not set up)."""
    values: dict[str, object] = {"state": state.value, "last_error": error}
    if uncount:
        values["attempts"] = model.attempts - 1
    if state is NoticeState.SENT:
        values["sent_at"] = at
    if next_try_at is not None:
        values["next_try_at"] = next_try_at
    session.execute(update(model).where(model.id == notice_id).values(**values))


def notice_rows(session: Session, dossier_uuid: str | None = None) -> list[tuple[NoticeRow, str]]:
    """(notice, dossier code), oldest first."""
    query = select(NoticeRow, DossierRow.code).join(
        DossierRow, DossierRow.uuid == NoticeRow.dossier_uuid
    )
    if dossier_uuid is not None:
        query = query.where(NoticeRow.dossier_uuid == dossier_uuid)
    return [(row[0], row[1] or "") for row in session.execute(query.order_by(NoticeRow.id))]


def count_in(session: Session, state: NoticeState, model: NoticeModel = NoticeRow) -> int:
    return int(session.scalar(select(func.count()).where(model.state == state.value)) or 0)
