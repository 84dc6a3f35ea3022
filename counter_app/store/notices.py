"""The notices queue in the local store (migration 0018); each function runs in the caller's
transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from counter_app.domain.dossier import Dossier, HistoryEntry
from counter_app.domain.notices import DEFAULT_UNIT, NoticeState, notices_for, templates_from
from counter_app.store.models import DossierRow, NoticeRow, Setting


def queue_notices_for(
    session: Session,
    moves: Sequence[tuple[Dossier, Sequence[HistoryEntry]]],
    *,
    at: datetime,
) -> None:
    """The notices the moves call for (a result ready, a supplement asked, a refusal, a new
    due date), in the caller's transaction; the worker sends them later."""
    setting = session.get(Setting, "notices.templates")
    templates = templates_from(None if setting is None else setting.value.get("value"))
    name = session.get(Setting, "counter.name")
    unit = str((name.value.get("value") if name else "") or DEFAULT_UNIT)
    items = [
        (dossier, notice)
        for dossier, entries in moves
        for entry in entries
        for notice in notices_for(dossier, entry, templates, unit)
    ]
    if items:
        session.execute(
            insert(NoticeRow),
            [
                {
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
                for dossier, notice in items
            ],
        )


def any_due(session: Session, at: datetime) -> bool:
    """Whether a notice waits whose time has come (a read: the worker's idle turns never take
    the write lock)."""
    return (
        session.scalar(
            select(NoticeRow.id)
            .where(NoticeRow.state == NoticeState.WAITING.value, NoticeRow.next_try_at <= at)
            .limit(1)
        )
        is not None
    )


def claim_due(session: Session, at: datetime, limit: int) -> list[NoticeRow]:
    """The waiting notices whose time has come, marked `sending` (with one more attempt)
    before anything leaves, so a stop half-way never sends one twice."""
    rows = list(
        session.scalars(
            select(NoticeRow)
            .where(NoticeRow.state == NoticeState.WAITING.value, NoticeRow.next_try_at <= at)
            .order_by(NoticeRow.id)
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
) -> None:
    """The outcome of a try; `uncount`: it was no try (the channel is not set up)."""
    values: dict[str, object] = {"state": state.value, "last_error": error}
    if uncount:
        values["attempts"] = NoticeRow.attempts - 1
    if state is NoticeState.SENT:
        values["sent_at"] = at
    if next_try_at is not None:
        values["next_try_at"] = next_try_at
    session.execute(update(NoticeRow).where(NoticeRow.id == notice_id).values(**values))


def notice_rows(session: Session, dossier_uuid: str | None = None) -> list[tuple[NoticeRow, str]]:
    """(notice, dossier code), oldest first."""
    query = select(NoticeRow, DossierRow.code).join(
        DossierRow, DossierRow.uuid == NoticeRow.dossier_uuid
    )
    if dossier_uuid is not None:
        query = query.where(NoticeRow.dossier_uuid == dossier_uuid)
    return [(row[0], row[1] or "") for row in session.execute(query.order_by(NoticeRow.id))]


def count_in(session: Session, state: NoticeState) -> int:
    return int(session.scalar(select(func.count()).where(NoticeRow.state == state.value)) or 0)
