"""What the sync indicator, the log and the conflicts list say, worked out from plain data
(`SyncStatus`, log entries, conflict reasons) without a widget, so it is tested on its own."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from counter_app.domain.clock import local, parse_iso
from counter_app.domain.dossier import ApplicantType, Channel, ReturnMethod, Status, Timeliness
from counter_app.domain.messages import MESSAGES, translate
from counter_app.services.sync import SyncStatus
from counter_app.ui import formatting
from counter_app.ui.labels import (
    action_label,
    applicant_type_label,
    channel_label,
    return_method_label,
    timeliness_label,
)


class Link(StrEnum):
    """The state of the link to central, which gives the indicator's dot its colour."""

    STANDALONE = "standalone"  # no central address: the counter runs on its own
    UNKNOWN = "unknown"  # an address, but no round has ended yet
    ONLINE = "online"
    OFFLINE = "offline"


class CodesLevel(StrEnum):
    PLENTY = "plenty"
    LOW = "low"  # warn: about to run out while offline
    OUT = "out"  # no code left for an agency today without central


@dataclass(frozen=True)
class IndicatorView:
    link: Link
    state: str  # "Trực tuyến", "Ngoại tuyến", the standalone sentence...
    details: tuple[str, ...]  # waiting entries, last sync, online submissions
    codes: str  # "" when there is nothing to say about codes
    codes_level: CodesLevel
    tooltip: str
    can_sync: bool


def when(moment: datetime | None, today: date) -> str:
    """A moment as short as it can be read: the time today, the date and time otherwise."""
    if moment is None:
        return formatting.EMPTY
    shown = local(moment)
    if shown.date() == today:
        return shown.strftime("%H:%M")
    return formatting.moment(moment)


def describe(
    status: SyncStatus | None,
    *,
    today: date,
    syncing: bool = False,
    error: str | None = None,
    agency_names: dict[str, str] | None = None,
    lang: str = "vi",
) -> IndicatorView:
    """The indicator's words for a status (None: not read yet). `error` is the last failed
    round's full message, when the controller saw it; the status itself only keeps its key."""
    if status is None:
        return IndicatorView(
            Link.UNKNOWN,
            QCoreApplication.translate("SyncDescribe", "Reading the sync state…"),
            (),
            "",
            CodesLevel.PLENTY,
            "",
            False,
        )
    if not status.configured:
        return IndicatorView(
            Link.STANDALONE,
            QCoreApplication.translate(
                "SyncDescribe", "Standalone — not connected to the central server"
            ),
            (),
            "",
            CodesLevel.PLENTY,
            QCoreApplication.translate(
                "SyncDescribe",
                "This counter runs on its own: dossiers get their codes here and nothing is "
                "sent to the central system. An administrator connects it with: "
                "counter-app sync --central URL",
            ),
            False,
        )
    if status.online is None:
        link, state = (
            Link.UNKNOWN,
            QCoreApplication.translate("SyncDescribe", "Not synchronised yet"),
        )
    elif status.online:
        link, state = Link.ONLINE, QCoreApplication.translate("SyncDescribe", "Online")
    else:
        link, state = Link.OFFLINE, QCoreApplication.translate("SyncDescribe", "Offline")

    details: list[str] = []
    if syncing:
        details.append(QCoreApplication.translate("SyncDescribe", "Synchronising…"))
    details.append(
        QCoreApplication.translate("SyncDescribe", "Waiting to send: {n}").format(
            n=status.pending + status.attachments_waiting
        )
    )
    if status.attachment_problems:
        details.append(
            QCoreApplication.translate("SyncDescribe", "Scans not sent: {n}").format(
                n=len(status.attachment_problems)
            )
        )
    if status.last_sync is None:
        details.append(QCoreApplication.translate("SyncDescribe", "Never synchronised"))
    else:
        details.append(
            QCoreApplication.translate("SyncDescribe", "Last sync: {when}").format(
                when=when(status.last_sync, today)
            )
        )

    codes, level = _codes(status)
    tips = [_tooltip_line(status, today, error)]
    if status.counter_number is not None:
        tips.append(
            QCoreApplication.translate("SyncDescribe", "Counter number: {n}").format(
                n=status.counter_number
            )
        )
    if status.codes_left_by_agency:
        names = agency_names or {}
        tips.append(
            QCoreApplication.translate(
                "SyncDescribe", "Codes left today without the central server:"
            )
        )
        tips.extend(
            f"  {names.get(code) or code}: {left}"
            for code, left in sorted(status.codes_left_by_agency.items())
        )
    if not status.registered:
        tips.append(
            QCoreApplication.translate(
                "SyncDescribe",
                "Synchronise while the line is up: the first round registers the counter.",
            )
        )
    elif level is not CodesLevel.PLENTY:
        tips.append(
            QCoreApplication.translate(
                "SyncDescribe",
                "Synchronise while the line is up to get more codes before they run out.",
            )
        )
    if status.attachments_waiting:
        tips.append(
            QCoreApplication.translate(
                "SyncDescribe", "Dossier changes waiting: {changes}; dossiers with scans: {scans}"
            ).format(changes=status.pending, scans=status.attachments_waiting)
        )
    for problem in status.attachment_problems:
        tips.append(problem.message(lang))
    tips.extend(low.message(lang) for low in status.number_space_low)
    if status.conflicts_open:
        tips.append(
            QCoreApplication.translate("SyncDescribe", "Conflicts for the supervisor: {n}").format(
                n=status.conflicts_open
            )
        )
    return IndicatorView(link, state, tuple(details), codes, level, "\n".join(tips), True)


def _codes(status: SyncStatus) -> tuple[str, CodesLevel]:
    if not status.registered:
        return QCoreApplication.translate(
            "SyncDescribe", "Not registered: no dossier codes yet"
        ), CodesLevel.OUT
    if status.codes_left is None:
        return "", CodesLevel.PLENTY
    if status.codes_left <= 0:
        return QCoreApplication.translate("SyncDescribe", "No codes left offline"), CodesLevel.OUT
    text = QCoreApplication.translate("SyncDescribe", "Codes left: {n}").format(n=status.codes_left)
    return text, CodesLevel.LOW if status.codes_low else CodesLevel.PLENTY


def _tooltip_line(status: SyncStatus, today: date, error: str | None) -> str:
    if status.online is False:
        reason = error or failure_text(status.last_error or "")
        return QCoreApplication.translate(
            "SyncDescribe", "The last attempt ({when}) failed: {reason}"
        ).format(when=when(status.last_attempt, today), reason=reason)
    if status.online:
        return QCoreApplication.translate(
            "SyncDescribe",
            "Connected to the central server; dossiers go up as soon as they are saved.",
        )
    return QCoreApplication.translate(
        "SyncDescribe", "The first synchronisation has not ended yet."
    )


def failure_text(key: str, lang: str = "vi") -> str:
    """A failed round as the log keeps it: only its message key (the details are gone)."""
    short = {
        "sync.offline": QCoreApplication.translate(
            "SyncDescribe", "The central server could not be reached"
        ),
        "central.auth": QCoreApplication.translate(
            "SyncDescribe", "The central server refused the login"
        ),
        "central.no_database": QCoreApplication.translate(
            "SyncDescribe", "The central server has no such database"
        ),
        "central.denied": QCoreApplication.translate(
            "SyncDescribe", "The central server refused the operation"
        ),
    }
    short["sync.offline_unregistered"] = short["sync.offline"]
    if not key:
        return ""
    if key in short:
        return short[key]
    if key in MESSAGES:
        try:
            return translate(key, lang)
        except (KeyError, IndexError):
            return key
    return key


_REASON = re.compile(r"^(?P<action>[\w-]+) from (?P<status>\w+)(?P<rest>: .*| belongs to central)$")


def conflict_reason(reason: str, lang: str = "vi") -> str:
    """Why central kept its own state, in words; the recorded reason is technical."""
    found = _REASON.match(reason)
    if found is not None:
        try:
            status = Status(found["status"]).label(lang)
        except ValueError:
            status = found["status"]
        action = action_label(found["action"])
        if found["rest"] == " belongs to central":
            return QCoreApplication.translate(
                "SyncDescribe",
                "“{action}” was recorded here while the dossier was “{status}” centrally; "
                "that decision belongs to the processing department.",
            ).format(action=action, status=status)
        return QCoreApplication.translate(
            "SyncDescribe",
            "“{action}” cannot follow “{status}”, the state the central system holds.",
        ).format(action=action, status=status)
    plain = {
        "version not newer": QCoreApplication.translate(
            "SyncDescribe", "Central already holds a newer version of this dossier."
        ),
        "state does not follow": QCoreApplication.translate(
            "SyncDescribe",
            "The state recorded here does not follow from the central system's state.",
        ),
        "a second receipt": QCoreApplication.translate(
            "SyncDescribe", "The dossier was received a second time."
        ),
        "no receipt": QCoreApplication.translate(
            "SyncDescribe", "The dossier has no receipt in its history."
        ),
    }
    return plain.get(reason, reason)


def field_label(field: str) -> str:
    """A conflict's differing value by name (a path in the dossier's JSON)."""
    labels = {
        "code": QCoreApplication.translate("SyncDescribe", "Dossier code"),
        "status": QCoreApplication.translate("SyncDescribe", "Status"),
        "procedure.code": QCoreApplication.translate("SyncDescribe", "Procedure code"),
        "procedure.name": QCoreApplication.translate("SyncDescribe", "Procedure"),
        "agency": QCoreApplication.translate("SyncDescribe", "Agency"),
        "applicant.type": QCoreApplication.translate("SyncDescribe", "Applicant type"),
        "applicant.full_name": QCoreApplication.translate("SyncDescribe", "Applicant"),
        "applicant.id_number": QCoreApplication.translate("SyncDescribe", "ID number"),
        "applicant.birth_date": QCoreApplication.translate("SyncDescribe", "Date of birth"),
        "applicant.phone": QCoreApplication.translate("SyncDescribe", "Phone"),
        "applicant.email": QCoreApplication.translate("SyncDescribe", "Email"),
        "applicant.address": QCoreApplication.translate("SyncDescribe", "Address"),
        "applicant.organisation": QCoreApplication.translate("SyncDescribe", "Organisation"),
        "documents": QCoreApplication.translate("SyncDescribe", "Documents"),
        "sets": QCoreApplication.translate("SyncDescribe", "Sets"),
        "channel": QCoreApplication.translate("SyncDescribe", "Channel"),
        "return_method": QCoreApplication.translate("SyncDescribe", "Result returned by"),
        "fees": QCoreApplication.translate("SyncDescribe", "Fees"),
        "note": QCoreApplication.translate("SyncDescribe", "Note"),
        "received_at": QCoreApplication.translate("SyncDescribe", "Received"),
        "due_at": QCoreApplication.translate("SyncDescribe", "Due"),
        "completed_at": QCoreApplication.translate("SyncDescribe", "Completed"),
        "returned_at": QCoreApplication.translate("SyncDescribe", "Returned"),
        "collector": QCoreApplication.translate("SyncDescribe", "Collected by"),
        "collector.full_name": QCoreApplication.translate("SyncDescribe", "Collected by"),
        "collector.id_number": QCoreApplication.translate("SyncDescribe", "Collector's ID"),
        "collector.authorised": QCoreApplication.translate("SyncDescribe", "Authorised person"),
        "timeliness": QCoreApplication.translate("SyncDescribe", "Timeliness"),
        "received_by": QCoreApplication.translate("SyncDescribe", "Received by"),
    }
    return labels.get(field, field)


_MOMENTS = frozenset({"received_at", "due_at", "completed_at", "returned_at"})


def field_value(field: str, value: object, lang: str = "vi") -> str:
    """A differing value as the officer reads it elsewhere in the window."""
    if value is None or value == "":
        return formatting.EMPTY
    if field in _MOMENTS and isinstance(value, str):
        return formatting.moment(parse_iso(value))
    if field == "applicant.birth_date" and isinstance(value, str):
        return formatting.day(date.fromisoformat(value))
    enums = {
        "status": lambda v: Status(v).label(lang),
        "timeliness": lambda v: timeliness_label(Timeliness(v)),
        "channel": lambda v: channel_label(Channel(v)),
        "return_method": lambda v: return_method_label(ReturnMethod(v)),
        "applicant.type": lambda v: applicant_type_label(ApplicantType(v)),
    }
    if field in enums:
        try:
            return enums[field](value)
        except ValueError:
            return str(value)
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("SyncDescribe", "Yes")
            if value
            else QCoreApplication.translate("SyncDescribe", "No")
        )
    if field == "documents" and isinstance(value, list):
        return "; ".join(f"{d.get('name', '')} × {d.get('count', '')}" for d in value)
    if field == "fees" and isinstance(value, list):
        return "; ".join(
            f"{f.get('name', '')}: {formatting.money(int(f.get('total', 0)), lang)}" for f in value
        )
    if field == "collector" and isinstance(value, dict):
        return str(value.get("full_name") or formatting.EMPTY)
    return str(value)
