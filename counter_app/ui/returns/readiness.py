"""Whether a dossier's result can be handed back now and, when not, why: in words the officer
can repeat to the person at the desk."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from counter_app.domain.dossier import Collector, Dossier, HistoryEntry, ReturnMethod, Status
from counter_app.ui import formatting


@dataclass(frozen=True)
class Readiness:
    ready: bool
    title: str
    detail: str


def last_move_to(dossier: Dossier, status: Status) -> HistoryEntry | None:
    """The move that brought the dossier into `status` most recently."""
    return next((h for h in reversed(dossier.history) if h.to_status is status), None)


def collector_text(collector: Collector) -> str:
    if not collector.authorised:
        return collector.full_name
    return QCoreApplication.translate(
        "Readiness", "{name} (authorised by the applicant, ID {number})"
    ).format(name=collector.full_name, number=collector.id_number)


def readiness(dossier: Dossier, now: datetime) -> Readiness:
    status = dossier.status
    entry = last_move_to(dossier, status)
    since = formatting.moment(entry.at if entry else None)
    reason = entry.note if entry else ""

    if status is Status.RELEASING:
        detail = ""
        if dossier.return_method is ReturnMethod.POSTAL:
            detail = QCoreApplication.translate(
                "Readiness",
                "The applicant asked for the result by post: hand it over here only if they "
                "came for it.",
            )
        return Readiness(
            True,
            QCoreApplication.translate("Readiness", "The result is ready to be handed back."),
            detail,
        )

    if status is Status.DONE:
        who = collector_text(dossier.collector) if dossier.collector else "—"
        returned = formatting.moment(dossier.returned_at or (entry.at if entry else None))
        return Readiness(
            False,
            QCoreApplication.translate("Readiness", "The result has already been handed back."),
            QCoreApplication.translate("Readiness", "Handed back on {when} to {who}.").format(
                when=returned, who=who
            ),
        )

    if status in (Status.DENIED, Status.CANCELLED, Status.UNRESOLVED):
        title = QCoreApplication.translate("Readiness", "There is no result to hand back.")
        detail = {
            Status.DENIED: QCoreApplication.translate(
                "Readiness", "The dossier was refused at intake on {when}."
            ),
            Status.CANCELLED: QCoreApplication.translate(
                "Readiness", "The applicant withdrew the dossier on {when}."
            ),
            Status.UNRESOLVED: QCoreApplication.translate(
                "Readiness", "Processing of the dossier was stopped on {when}."
            ),
        }[status].format(when=since)
        return Readiness(False, title, _with_reason(detail, reason))

    title = QCoreApplication.translate("Readiness", "The result is not ready yet.")
    if status is Status.RECEIVING:
        detail = QCoreApplication.translate(
            "Readiness",
            "The dossier was submitted online and has not been accepted at the counter.",
        )
    elif status is Status.WAITING:
        detail = _with_reason(
            QCoreApplication.translate(
                "Readiness",
                "Waiting for the applicant to supplement the dossier (asked on {when}).",
            ).format(when=since),
            reason,
        )
    elif status is Status.PAYING:
        detail = QCoreApplication.translate(
            "Readiness", "Waiting for the applicant's payment (asked on {when})."
        ).format(when=since)
    elif dossier.due_at is None:
        detail = QCoreApplication.translate(
            "Readiness", "Still being processed; this procedure has no due date."
        )
    elif now > dossier.due_at:
        detail = QCoreApplication.translate(
            "Readiness",
            "Still being processed. The result was due on {due} and is late: ask the "
            "handling agency when it will be ready.",
        ).format(due=formatting.moment(dossier.due_at))
    else:
        detail = QCoreApplication.translate(
            "Readiness", "Still being processed. The result is due on {due}."
        ).format(due=formatting.moment(dossier.due_at))
    return Readiness(False, title, detail)


def _with_reason(detail: str, reason: str) -> str:
    if not reason:
        return detail
    return (
        detail
        + "\n"
        + QCoreApplication.translate("Readiness", "Reason: {reason}").format(reason=reason)
    )
