"""What the sync hands out: plain data, safe to hand across threads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from counter_app.domain.codes import LowNumberSpace
from counter_app.domain.dossier import HistoryEntry
from counter_app.domain.messages import translate
from counter_app.domain.sync import FieldDifference
from counter_app.services.sync.attachments import AttachmentProblem

SET_ASIDE = "sync.set_aside"  # a round's log message: dossiers left behind


@dataclass(frozen=True)
class SetAside:
    """A dossier the push left behind so that it holds up no other: central refused it, or it
    holds text no database can store (data of an older version). It goes up again with its
    next change."""

    uuid: str
    code: str
    reason: str  # where the bad text is, or central's refusal (technical, for support)

    def message(self, lang: str = "vi") -> str:
        return translate(SET_ASIDE, lang, code=self.code or self.uuid, reason=self.reason)

    def to_json(self) -> dict[str, Any]:
        return {"uuid": self.uuid, "code": self.code, "reason": self.reason}


@dataclass(frozen=True)
class SyncResult:
    pushed: int = 0
    pulled: int = 0
    pending: int = 0
    conflicts: int = 0
    set_aside: tuple[SetAside, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The counts; "set_aside" only when the round left dossiers behind."""
        data: dict[str, Any] = {
            "pushed": self.pushed,
            "pulled": self.pulled,
            "pending": self.pending,
            "conflicts": self.conflicts,
        }
        if self.set_aside:
            data["set_aside"] = [s.to_json() for s in self.set_aside]
        return data


@dataclass(frozen=True)
class SyncStatus:
    """What the window's sync indicator shows; plain data, safe to hand across threads."""

    configured: bool  # a central address is set
    registered: bool  # and this counter has its number
    online: bool | None  # the last round reached central (None: no round yet)
    counter_number: int | None
    pending: int  # outbox entries waiting to go up
    last_sync: datetime | None  # the last round that succeeded
    last_attempt: datetime | None
    last_error: str | None  # the message key of the last failure, if the last round failed
    codes_left: int | None  # the fewest codes left today over the agencies served (offline)
    codes_left_by_agency: dict[str, int] = field(default_factory=dict)
    codes_low: bool = False  # warn: an agency is about to run out of codes
    conflicts_open: int = 0
    online_waiting: int = 0  # online submissions waiting for the officer
    attachments_waiting: int = 0  # dossiers whose scanned originals wait to go up
    # local originals that cannot go up (damaged, unreadable): named, with why
    attachment_problems: tuple[AttachmentProblem, ...] = ()
    # (agency, day)s of this counter whose numbers run low province-wide (for the administrator)
    number_space_low: tuple[LowNumberSpace, ...] = ()


HELD_ATTACHMENTS = "sync.attachment_held"  # a round's log message: originals held back


@dataclass(frozen=True)
class SyncLogEntry:
    at: datetime
    ok: bool
    pushed: int
    pulled: int
    conflicts: int
    message: str  # a message key ("" when all went well)
    # with HELD_ATTACHMENTS: the first original held back, and how many were
    attachment_problem: AttachmentProblem | None = None
    held: int = 0
    set_aside: tuple[SetAside, ...] = ()  # dossiers the round's push left behind


class Resolution(StrEnum):
    """What the supervisor decided about a conflict (the audit trail keeps it)."""

    OPEN = ""
    KEEP_CENTRAL = "sync.keep-central"  # central's version stands; the counter's move is dropped
    REAPPLY = "sync.reapply"  # the counter's moves were made again on central's version
    SEEN = "sync.seen"  # marked resolved before resolutions were recorded


@dataclass(frozen=True)
class ConflictInfo:
    """A change central did not take, in full: the counter's refused version and central's
    kept one, the moves the counter lost and the values that differed."""

    id: int
    at: datetime
    dossier_uuid: str
    code: str | None
    local_version: int
    central_version: int | None
    reason: str
    local_status: str
    central_status: str | None
    resolved_at: datetime | None
    resolved_by: str
    lost_moves: tuple[HistoryEntry, ...] = ()
    differences: tuple[FieldDifference, ...] = ()
    resolution: Resolution = Resolution.OPEN
    current_status: str | None = None  # where the dossier stands at this counter now
