"""The counter's sync: one round (`run_once`) pushes what waits in the outbox, pulls what
changed centrally and refreshes code leases; `run_forever` is the background worker's loop.

Nothing is lost or doubled whatever the network does: an outbox entry leaves only in the local
transaction that records central's answer, central takes a version once (a repeat answers
`duplicate`), and a pulled page and its cursor are written together.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid as uuid_module
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from counter_app.domain.clock import iso, now
from counter_app.domain.codes import DossierCode, FallbackZone, LowNumberSpace, lease_target
from counter_app.domain.dossier import Dossier, HistoryEntry, Status
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.domain.messages import translate
from counter_app.domain.permissions import Permission, allowed
from counter_app.domain.sync import (
    FieldDifference,
    Outcome,
    backoff_delay,
    differing_fields,
    dossier_from_json,
    lost_moves,
    reapply,
)
from counter_app.domain.text import unstorable_at
from counter_app.services.accounts import User
from counter_app.services.calendars import CalendarService
from counter_app.services.catalog import CatalogService
from counter_app.services.intake import IntakeService
from counter_app.services.moves import Moved, record_lifecycle_move, record_moves
from counter_app.services.settings import SettingsService
from counter_app.services.sync import credentials
from counter_app.services.sync.attachments import (
    AttachmentProblem,
    attachment_work,
    send_attachments,
    work_waiting,
)
from counter_app.services.sync.renumbering import days_needed, renumber
from counter_app.store.central import replica
from counter_app.store.central.database import CentralAddress, check_url, split_password
from counter_app.store.central.repository import (
    KINDS,
    ConflictDecision,
    Page,
    PushItem,
    PushResult,
)
from counter_app.store.citizen_papers import FiledPaper
from counter_app.store.codes import CodeMode, allocate_many
from counter_app.store.database import Database

if TYPE_CHECKING:
    from counter_app.services.sync.gateway import CentralGateway
from counter_app.store.dossiers import find_by_uuid
from counter_app.store.journal import (
    AuditEntry,
    AuditHead,
    anchor_problem,
    append_audit,
    audit_head,
    keep_anchor,
    last_anchor,
)
from counter_app.store.models import (
    AuditRow,
    DossierRow,
    SyncConflictRow,
    SyncLogRow,
)
from counter_app.store.ratings import mark_synced, unsynced_ratings

log = logging.getLogger(__name__)

PUSH_BATCH = 500
PULL_PAGE = 500
WRITE_SLICE_S = 0.015  # the longest a pull holds the local write lock at a time
VOLUME_DAYS = 30  # the recent days a lease's size is read from
FIRST_LEASE = 10  # numbers leased at once for an agency this counter has none of
CODES_CHECK_S = 300.0  # a worker's rounds ask central about slots and number spaces this often
NUMBER_SPACE_LOW = "sync.number_space_low"  # (agency, day)s whose leasable numbers run low
LOW_CODES = 10  # warn when fewer codes than this are left for an agency today


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


GatewayFactory = Callable[[CentralAddress], "CentralGateway"]  # or a test's double


Answer = TypeVar("Answer")


def _default_gateway(address: CentralAddress) -> CentralGateway:
    from counter_app.services.sync.gateway import CentralGateway

    return CentralGateway(address)


class SyncService:
    def __init__(
        self,
        database: Database,
        settings: SettingsService,
        catalog: CatalogService,
        calendars: CalendarService,
        intake: IntakeService,
        *,
        gateway_factory: GatewayFactory | None = None,
        push_batch: int = PUSH_BATCH,
        pull_page: int = PULL_PAGE,
    ) -> None:
        self._db = database
        self._settings = settings
        self._catalog = catalog
        self._calendars = calendars
        self._intake = intake
        self._gateway_factory = gateway_factory or _default_gateway
        self._gateway: CentralGateway | None = None
        self._gateway_key: CentralAddress | None = None
        # the intake's look-ups of the paper store, on a link of their own (never waiting for
        # a round under way)
        self._lookup: CentralGateway | None = None
        self._lookup_key: CentralAddress | None = None
        self._lookup_lock = threading.Lock()
        self._round_lock = threading.Lock()  # one round at a time (worker and "Sync now")
        self._set_aside: list[SetAside] = []  # by the round under way
        self._wake = threading.Event()
        # set while the worker runs in another process: wakes it there (ui/sync/controller)
        self.forward_requests: Callable[[], None] | None = None
        self._codes_checked: tuple[tuple[str, ...], date] | None = None  # what was asked last
        self._codes_due = 0.0  # when to ask central about slots and number spaces again
        self.push_batch = push_batch
        self.pull_page = pull_page
        intake.fetch_numbers = self.fetch_numbers

    # --- configuration

    def configure(
        self,
        url: str,
        *,
        sslmode: str | None = None,
        sslrootcert: str | None = None,
        password: str | None = None,
    ) -> None:
        """Remember the central address; its password (given apart, or still in the address)
        goes to the keyring, not the store. Changing to another central after registering is
        refused: numbers would collide."""
        bare, in_address = split_password(check_url(url))
        password = password if password is not None else in_address
        identity = self._settings.identity()
        if identity.counter_number is not None and identity.central_url not in (None, bare):
            raise CounterError("sync.other_central", url=identity.central_url)
        if password is not None:
            credentials.store_password(CentralAddress(bare).keyring_name, password)
        if identity.central_url != bare:
            self._settings.set("central.url", bare)
        if self._settings.get("central.install_id") is None:
            self._settings.set("central.install_id", str(uuid_module.uuid4()))
        if sslmode is not None:
            self._settings.set("central.sslmode", sslmode)
        if sslrootcert is not None:
            self._settings.set("central.sslrootcert", sslrootcert)

    def has_password(self, url: str) -> bool:
        """Whether the keyring already holds the password of the (PostgreSQL) address."""
        address = CentralAddress(split_password(check_url(url))[0])
        if address.is_sqlite or not address.user:
            return True
        return credentials.load_password(address.keyring_name) is not None

    def address(self) -> CentralAddress:
        url = self._settings.identity().central_url
        if not url:
            raise CounterError("sync.no_central")
        address = CentralAddress(url)
        password = None
        if not address.is_sqlite and address.user:
            password = credentials.load_password(address.keyring_name)
        return CentralAddress(
            url,
            password=password,
            sslmode=self._settings.get("central.sslmode"),  # type: ignore[arg-type]
            sslrootcert=self._settings.get("central.sslrootcert"),  # type: ignore[arg-type]
        )

    def _central(self) -> CentralGateway:
        address = self.address()
        if self._gateway is None or self._gateway_key != address:
            self.close()
            self._gateway = self._gateway_factory(address)
            self._gateway_key = address
        return self._gateway

    def close(self) -> None:
        if self._gateway is not None:
            self._gateway.close()
            self._gateway = None
        with self._lookup_lock:
            if self._lookup is not None:
                self._lookup.close()
                self._lookup = None

    # --- one round

    def run_once(self, *, full: bool = True, retry_held: bool = True) -> SyncResult:
        """Push, send the supervisor's conflict decisions, then (full round) pull and refresh
        leases; then the scanned originals. Raises CounterError when central cannot be
        reached; whatever was committed on both sides stays committed. A damaged local original
        does not fail the round: the log names it (`retry_held`, an explicit round: read it
        again now even if its next try is later, and ask central about codes now)."""
        with self._round_lock:
            started = now()
            self._settings.set("sync.last_attempt", started.isoformat())
            self._set_aside = []
            try:
                result, problems, tampered = self._round(full, retry_held)
            except CounterError as caught:
                error = caught
                if (
                    caught.key == "sync.offline"
                    and self._settings.identity().counter_number is None
                ):
                    # "intake goes on" does not hold: without a number there are no codes
                    error = CounterError("sync.offline_unregistered", **caught.params)
                message = _log_message(error.key, (), self._set_aside)
                self._record(started, ok=False, message=message)
                if error is caught:
                    raise
                raise error from caught
            message = _log_message(tampered.key if tampered else "", problems, result.set_aside)
            self._record(started, ok=True, result=result, message=message)
            return result

    def _round(
        self, full: bool, retry_held: bool
    ) -> tuple[SyncResult, tuple[AttachmentProblem, ...], CounterError | None]:
        central = self._central()
        keep = False
        try:
            number, agencies = self._registration(central)
            pushed, conflicts = self._push(central, number)
            self._send_decisions(central, number)
            self._send_ratings(central, number)
            self._send_papers(central, number)
            tampered = self._anchor(central, number)
            pulled = 0
            if full:
                pulled = self._pull(central, number)
                self._refresh_leases(central, number, agencies, force=retry_held)
            # the originals, once their dossiers are up
            sent = send_attachments(self._db, central, number, retry_held=retry_held)
            keep = self._settings.value("central.keep_connection") is True
        finally:
            if not keep:  # connected for the round only: central's connections are few
                central.release()  # (and after a failed round, a fresh one the next time)
        with self._db.read() as session:
            pending = replica.outbox_count(session)
        result = SyncResult(pushed, pulled, pending, conflicts, tuple(self._set_aside))
        return result, sent.problems, tampered

    def central_anchor(self) -> AuditHead | None:
        """The last audit chain head central keeps for this counter (None: not registered);
        raises CounterError when central cannot be reached."""
        number = self._settings.identity().counter_number
        if number is None:
            return None
        return self._central().audit_anchor(number)

    def _anchor(self, central: CentralGateway, number: int) -> CounterError | None:
        """Send the audit chain's head to central, where it is kept append-only, once the
        chain is checked against the last head central holds; keep what central took. A chain
        that no longer holds that head is not anchored: the problem is logged and returned
        (the round goes on; `audit verify` names it too)."""
        anchored = central.audit_anchor(number)
        with self._db.read() as session:
            head = audit_head(session)
            problem = None
            if anchored is not None:
                problem = anchor_problem(session, anchored, "audit.anchor.central")
            kept = last_anchor(session)
        if problem is not None:
            log.warning("audit chain does not hold central's anchor: %s", problem.key)
            return problem
        answer = "same" if anchored == head else central.record_anchor(number, head, anchored)
        if answer not in ("recorded", "same"):
            log.warning("central did not take the audit anchor at %s: %s", head.entries, answer)
            return CounterError(
                "audit.anchor_refused",
                entries=head.entries,
                anchored=anchored.entries if anchored else 0,
            )
        if kept != head:
            with self._db.write() as session:
                keep_anchor(session, head, at=now())
        return None

    def _record(
        self, at: datetime, *, ok: bool, message: str = "", result: SyncResult | None = None
    ) -> None:
        with self._db.write() as session:
            replica.put_setting(session, "sync.online", ok)
            replica.put_setting(session, "sync.last_error", None if ok else message)
            if ok:
                replica.put_setting(session, "sync.last_success", at.isoformat())
            result = result or SyncResult()
            replica.log_round(
                session,
                at=at,
                ok=ok,
                pushed=result.pushed,
                pulled=result.pulled,
                conflicts=result.conflicts,
                message=message,
            )

    def _registration(self, central: CentralGateway) -> tuple[int, tuple[str, ...]]:
        identity = self._settings.identity()
        if identity.counter_number is not None:
            return identity.counter_number, tuple(self._settings.get("central.agencies") or ())  # type: ignore[arg-type]
        install_id = str(self._settings.get("central.install_id") or "")
        if not install_id:
            install_id = str(uuid_module.uuid4())
            self._settings.set("central.install_id", install_id)
        with self._db.read() as session:
            used = replica.standalone_used(session)
            held = replica.unsynced_codes(session)
        registration = central.register(
            install_id=install_id, name=identity.name, used=used, codes=held
        )
        zone = registration.fallback
        mode = CodeMode(identity.central_url, registration.number, zone)
        taken = [held[code] for code in registration.taken]
        leases = []
        if taken:  # new numbers for the clashing dossiers come from leases, as any would
            with self._db.read() as session:
                needed = days_needed(session, taken)
            leases = central.leases(registration.number, needed, min(day for _, day in needed))
        with self._db.write() as session:
            replica.close_standalone(session)
            replica.put_setting(session, "central.counter_number", registration.number)
            replica.put_setting(session, "central.counter_id", registration.counter_id)
            replica.put_setting(session, "central.agencies", list(registration.agencies))
            replica.put_setting(session, "codes.fallback_zone", zone.to_json())
            replica.store_leases(session, leases)
            renumber(session, taken, mode=mode, at=now(), reason="join")
        return registration.number, registration.agencies

    def _push(self, central: CentralGateway, number: int) -> tuple[int, int]:
        """Send what waits, batch by batch. A dossier that cannot go is set aside: its outbox
        entries are dropped with the batch's and it stays unsynced, so its next change sends
        it again (and nothing before that: it would only be refused again)."""
        pushed = conflicts = 0
        while True:
            with self._db.read() as session:
                batch = replica.pending_batch(session, self.push_batch)
            if not batch.outbox_ids:
                return pushed, conflicts
            for uuid, (code, why) in batch.unreadable.items():
                self._leave(uuid, code, f"unreadable: {why}")
            sendable = []
            for item in batch.items:
                where = unstorable_at(item.data)
                if where is None:
                    sendable.append(item)
                else:
                    self._leave(item.uuid, item.data.get("code") or "", f"{where}: NUL or broken")
            results = self._push_parts(central, number, sendable)
            taken = [r.uuid for r in results if r.outcome is Outcome.CODE_TAKEN]
            with self._db.write() as session:
                conflicts += replica.settle(session, batch, results, at=now())
                renumber(session, taken, mode=self._settings.code_mode(), at=now(), reason="push")
            pushed += len(results)

    def _push_parts(
        self, central: CentralGateway, number: int, items: list[PushItem]
    ) -> list[PushResult]:
        """Central's answers for `items`. When central refuses the batch for what a dossier in
        it holds, each half is sent on its own until that one is found and set aside; a
        refusal that is not about the data (offline, a refused login) ends the round."""
        if not items:
            return []
        try:
            return central.push(number, items)
        except Exception as error:
            reason = _refusal(error)
            if reason is None:
                raise
            if len(items) == 1:
                self._leave(items[0].uuid, items[0].data.get("code") or "", reason)
                return []
        half = len(items) // 2
        return self._push_parts(central, number, items[:half]) + self._push_parts(
            central, number, items[half:]
        )

    def _leave(self, uuid: str, code: str, reason: str) -> None:
        left = SetAside(uuid, code, reason)
        log.warning("dossier %s set aside by the sync: %s", left.code or left.uuid, reason)
        self._set_aside.append(left)

    def _send_decisions(self, central: CentralGateway, number: int) -> int:
        """The supervisor's decisions about conflicts, read from the audit trail after the
        position last sent, go to central's conflict rows. Central keeps the first decision, so
        a repeat (a reply lost after commit) changes nothing; the position moves only once
        central answered (or there was nothing to send), so later looks start from it."""
        with self._db.read() as session:
            after = _decisions_after(session)
            top = session.scalar(select(func.max(AuditRow.id))) or 0
            entries = session.execute(
                select(AuditRow.id, AuditRow.at, AuditRow.actor, AuditRow.action, AuditRow.detail)
                .where(
                    AuditRow.id > after,
                    AuditRow.id <= top,
                    AuditRow.action.in_(list(CENTRAL_RESOLUTIONS)),
                )
                .order_by(AuditRow.id)
            ).all()
            versions = dict(
                session.execute(
                    select(SyncConflictRow.id, SyncConflictRow.local_version).where(
                        SyncConflictRow.id.in_([e.detail.get("conflict") for e in entries])
                    )
                ).all()
            )
        if top == after:
            return 0
        decisions = [
            ConflictDecision(
                entry.detail["uuid"],
                versions[entry.detail["conflict"]],
                CENTRAL_RESOLUTIONS[entry.action],
                entry.actor,
                entry.at,
            )
            for entry in entries
            if entry.detail.get("conflict") in versions
        ]
        if decisions:
            try:
                central.resolve(number, decisions)
            except CounterError as error:
                if error.key != "central.denied":
                    raise
                self._send_decisions_one_by_one(central, number, decisions)
        with self._db.write() as session:
            replica.put_setting(session, DECISIONS_SENT, {"after": top})
        return len(decisions)

    def _send_ratings(self, central: CentralGateway, number: int) -> None:
        """The citizens' ratings central does not hold yet, batch by batch; each is marked
        once central answered, so one whose reply was lost goes again (and is kept once)."""
        while True:
            with self._db.read() as session:
                waiting = unsynced_ratings(session, self.push_batch)
            if not waiting:
                return
            taken = central.record_ratings(number, [rating.to_json() for rating in waiting])
            with self._db.write() as session:
                mark_synced(session, taken, now())

    def _send_papers(self, central: CentralGateway, number: int) -> None:
        """The papers filed (or corrected) here since they last went, batch by batch, as they
        stand; their outbox entries go once central answered. One of an agency the counter does
        not serve (a dossier received for it) central does not take: it stays here only."""
        while True:
            with self._db.read() as session:
                papers, entries = replica.pending_papers(session, self.push_batch)
            if not entries:
                return
            central.file_papers(number, papers)
            with self._db.write() as session:
                replica.drop_outbox(session, entries)

    # --- the paper store's look-ups (not part of a round)

    def central_papers(self, owner_id: str) -> list[FiledPaper]:
        """The owner's papers central holds for this counter's agencies; none before the
        counter is registered or while the last round found central out of reach (the intake
        does not wait for a connection's timeout). Raises CounterError when central cannot be
        reached."""
        number = self._settings.identity().counter_number
        if number is None or self._settings.get("sync.online") is not True:
            return []
        return self._look_up(lambda central: central.papers_for(number, owner_id))

    def central_paper_copy(self, sha256: str) -> bytes | None:
        """A filed paper's signed copy as central holds it (None: not there yet)."""
        return self._look_up(lambda central: central.paper_copy(sha256))

    def _look_up(self, ask: Callable[[CentralGateway], Answer]) -> Answer:
        with self._lookup_lock:
            address = self.address()
            if self._lookup is None or self._lookup_key != address:
                if self._lookup is not None:
                    self._lookup.close()
                self._lookup = self._gateway_factory(address)
                self._lookup_key = address
            try:
                return ask(self._lookup)
            finally:
                self._lookup.release()

    def _send_decisions_one_by_one(
        self, central: CentralGateway, number: int, decisions: list[ConflictDecision]
    ) -> None:
        """Central refused the batch (the counter no longer serves a dossier's agency): the
        others still go, and a refused one is logged and not sent again, so that it can never
        hold every later round up. The decision stays recorded at the counter."""
        for decision in decisions:
            try:
                central.resolve(number, [decision])
            except CounterError as error:
                if error.key != "central.denied":
                    raise
                log.warning(
                    "central refused the conflict decision on dossier %s: %s",
                    decision.dossier_uuid,
                    error.params.get("reason", ""),
                )

    def _pull(self, central: CentralGateway, number: int) -> int:
        pulled = 0
        catalog_changed = False
        mode = self._settings.code_mode()
        known = dict(self._settings.get("sync.cursors") or {})  # type: ignore[call-overload]
        first = central.pull_all(
            {kind: int(known.get(kind, 0)) for kind in KINDS}, self.pull_page, number
        )
        for kind in KINDS:
            page: Page | None = first[kind]
            while True:
                cursors = dict(self._settings.get("sync.cursors") or {})  # type: ignore[call-overload]
                cursor = int(cursors.get(kind, 0))
                if page is None:
                    page = central.pull(kind, cursor, self.pull_page, number)
                if page.cursor == cursor:
                    break
                if kind == "dossiers":  # a code of ours central gave another dossier
                    with self._db.write() as session:
                        clashes = replica.code_clashes(session, page.rows)
                        renumber(session, clashes, mode=mode, at=now(), reason="pull")
                changed = self._apply_page(kind, page.rows, cursors, page.cursor)
                pulled += changed
                catalog_changed |= kind != "dossiers"
                if len(page.rows) < self.pull_page:
                    break
                page = None
        if catalog_changed:
            self._catalog.invalidate()
            self._calendars.invalidate()
        return pulled

    def _apply_page(
        self, kind: str, rows: list[dict[str, Any]], cursors: dict[str, Any], cursor: int
    ) -> int:
        """Central's rows in transactions of at most WRITE_SLICE_S each, so that a save in the
        window waits that long at worst; the cursor moves with the last one (a page cut half-way
        is pulled again, and what was applied is recognised by its version)."""
        changed = position = 0
        while True:
            with self._db.write() as session:
                until = time.monotonic() + WRITE_SLICE_S
                while position < len(rows):  # at least one row a transaction
                    changed += replica.APPLY[kind](session, rows[position : position + 1])
                    position += 1
                    if time.monotonic() >= until:
                        break
                done = position == len(rows)
                if done:
                    cursors[kind] = cursor
                    replica.put_setting(session, "sync.cursors", cursors)
            self._db.checkpoint()
            if done:
                return changed

    def _lease_agencies(self, agencies: tuple[str, ...]) -> list[str]:
        return sorted(agencies) if agencies else sorted(self._catalog.served_agencies())

    def _refresh_leases(
        self, central: CentralGateway, number: int, agencies: tuple[str, ...], *, force: bool
    ) -> None:
        """Leases for today and the coming working days (`sync.lease_days` days in all), for
        the agencies this counter serves (at least `sync.lease_target` free numbers) and those
        it received for lately, each sized from its busiest recent day, so a counter cut off
        for those days still receives its usual volume. Its fallback slots and the number
        spaces running low come back in the same central transaction, asked when leases are
        wanted, on an explicit round (`force`) or every CODES_CHECK_S seconds."""
        minimum = self._settings.number("sync.lease_target") or 0
        days_ahead = self._settings.number("sync.lease_days") or 1
        served = set(self._lease_agencies(agencies))
        today = now().date()
        with self._db.read() as session:
            volumes = replica.daily_volumes(session, today - timedelta(days=VOLUME_DAYS), today)
        receiving = sorted(served | set(volumes))
        days = {agency: self._lease_days(agency, today, days_ahead) for agency in receiving}
        with self._db.read() as session:
            left = replica.lease_left(
                session, receiving, sorted({d for v in days.values() for d in v})
            )
        wanted: dict[tuple[str, date], int] = {}
        for agency in receiving:
            target = lease_target(volumes.get(agency, []), minimum if agency in served else 0)
            for day in days[agency]:
                free = left[(agency, day)]
                if free < max(1, target // 2) < target:
                    wanted[(agency, day)] = target - free
        checked = (tuple(receiving), today)
        recent = self._codes_checked == checked and time.monotonic() < self._codes_due
        if recent and not (wanted or force):
            return  # nothing wanted, the slots and warnings read lately still hold
        grant = central.codes(number, wanted, today, receiving)
        self._codes_checked, self._codes_due = checked, time.monotonic() + CODES_CHECK_S
        with self._db.write() as session:
            replica.store_leases(session, grant.leases)
            replica.put_setting(session, "codes.fallback_zone", grant.zone.to_json())
            replica.put_setting(session, "codes.fallback_slots", grant.slots)
            replica.put_setting(session, NUMBER_SPACE_LOW, [low.to_json() for low in grant.low])

    def fetch_numbers(self, wanted: dict[tuple[str, date], int]) -> None:
        """Lease numbers at once for an intake this counter holds none for (the first dossier
        of an agency it does not serve): when central answered the last round, one central
        transaction; otherwise nothing, and the intake is refused as before ("sync first")."""
        identity = self._settings.identity()
        if identity.counter_number is None or self._settings.get("sync.online") is not True:
            return
        sizes = {key: max(count, FIRST_LEASE) for key, count in wanted.items()}
        since = min(day for _, day in sizes)
        try:
            leases = self._central().leases(identity.counter_number, sizes, since)
        except CounterError as error:
            log.info("no numbers from central for the intake: %s", error.key)
            return
        with self._db.write() as session:
            replica.store_leases(session, leases)

    def _lease_days(self, agency: str, today: date, count: int) -> list[date]:
        """Today and the working days after it, `count` days in all."""
        calendar = self._calendars.for_agency(agency)
        days = [today][:count]
        while len(days) < count:
            days.append(calendar.next_working_day(days[-1]))
        return days

    # --- the background worker

    def request_sync(self) -> None:
        """ "Sync now": wake the worker at once, here or in its own process."""
        self._wake.set()
        if self.forward_requests is not None:
            self.forward_requests()

    def run_forever(
        self,
        stop: threading.Event,
        *,
        poll: float = 0.5,
        full_every: float = 15.0,
        on_round: Callable[[SyncResult | None, CounterError | None], None] | None = None,
    ) -> None:
        """Push as soon as something waits (an outbox entry, an attachment change, a conflict
        decision; checked every `poll` s), pull every `full_every` s, back off exponentially
        with jitter while central is out of reach. Damaged local originals are read again at
        their own slower pace, or at once on "Sync now". Returns when `stop` is set; call it on
        a worker thread (it opens its own sessions)."""
        attempt = 0
        next_full = 0.0
        while not stop.is_set():
            woken = self._wake.is_set()
            self._wake.clear()
            full = woken or time.monotonic() >= next_full
            if full or self.work_waiting():
                try:
                    result = self.run_once(full=full, retry_held=woken)
                except CounterError as error:
                    attempt += 1
                    if on_round:
                        on_round(None, error)
                    self._wait(stop, backoff_delay(attempt, base=1.0, cap=120.0))
                    continue
                attempt = 0
                if full:
                    next_full = time.monotonic() + full_every
                if on_round:
                    on_round(result, None)
            self._wait(stop, poll)

    def _wait(self, stop: threading.Event, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while not stop.is_set() and not self._wake.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                return
            stop.wait(min(left, 0.1))

    # --- what the window shows

    def pending(self) -> int:
        with self._db.read() as session:
            return replica.outbox_count(session)

    def work_waiting(self) -> bool:
        """Whether a quick round has something to send: outbox entries, attachment changes or
        conflict decisions journaled since they were last sent. A few indexed look-ups; no
        file is listed or hashed."""
        with self._db.read() as session:
            if replica.outbox_count(session) > 0 or work_waiting(session):
                return True
            return (
                session.scalar(
                    select(AuditRow.id)
                    .where(
                        AuditRow.id > _decisions_after(session),
                        AuditRow.action.in_(list(CENTRAL_RESOLUTIONS)),
                    )
                    .limit(1)
                )
                is not None
            )

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

    def conflicts(self, *, open_only: bool = True) -> list[ConflictInfo]:
        with self._db.read() as session:
            query = select(SyncConflictRow).order_by(SyncConflictRow.id)
            if open_only:
                query = query.where(SyncConflictRow.resolved_at.is_(None))
            rows = list(session.scalars(query))
            decided = _resolutions(session) if not open_only else {}
            current = dict(
                session.execute(
                    select(DossierRow.uuid, DossierRow.status).where(
                        DossierRow.uuid.in_({r.dossier_uuid for r in rows})
                    )
                ).all()
            )
            return [
                ConflictInfo(
                    r.id,
                    r.at,
                    r.dossier_uuid,
                    r.code,
                    r.local_version,
                    r.central_version,
                    r.reason,
                    r.local.get("status", ""),
                    r.central.get("status") if r.central else None,
                    r.resolved_at,
                    r.resolved_by,
                    tuple(lost_moves(r.local, r.central)),
                    tuple(differing_fields(r.local, r.central)),
                    Resolution.OPEN
                    if r.resolved_at is None
                    else decided.get(r.id, Resolution.SEEN),
                    current.get(r.dossier_uuid),
                )
                for r in rows
            ]

    def keep_central(self, conflict_id: int, *, user: User, at: datetime | None = None) -> None:
        """Central's version stands and the counter's lost moves are dropped: recorded and
        audited with what was dropped."""
        at = at or now()
        with self._db.write() as session:
            row = _open_conflict(session, conflict_id, user)
            moves = lost_moves(row.local, row.central)
            row.resolved_at, row.resolved_by = at, user.login
            append_audit(
                session,
                [_resolution_audit(row, Resolution.KEEP_CENTRAL, user, at, moves)],
            )
        self.request_sync()  # the decision goes to central's conflict row

    def reapply_conflict(
        self, conflict_id: int, *, user: User, at: datetime | None = None
    ) -> Dossier:
        """Make the counter's lost moves again on the dossier as it stands (central's version
        after the conflict) through the lifecycle, with outbox and audit entries like any
        move, and close the conflict; all in one transaction, or refused and nothing changes."""
        at = at or now()
        place = self._settings.identity().name
        with self._db.write() as session:
            row = _open_conflict(session, conflict_id, user)
            moves = lost_moves(row.local, row.central)
            if not moves:
                raise CounterError("sync.reapply_nothing")
            dossier = find_by_uuid(session, row.dossier_uuid)
            if dossier is None:
                raise CounterError("dossier.unknown", code=row.code or row.dossier_uuid)

            def redo() -> list[Moved]:
                again, entries = reapply(
                    dossier,
                    moves,
                    actor=user.login,
                    at=at,
                    place=place,
                    shift_due=self._calendars.shifter(dossier.agency_code),
                    lost=dossier_from_json(row.local),
                )
                row.resolved_at, row.resolved_by = at, user.login
                return [Moved(again, entries)]

            (done,) = record_moves(
                session,
                [at],
                redo,
                at=at,
                audit=[_resolution_audit(row, Resolution.REAPPLY, user, at, moves)],
            )
        self.request_sync()
        return done.dossier

    # --- online submissions

    def online_submissions(self) -> list[Dossier]:
        with self._db.read() as session:
            return replica.online_queue(session)

    def accept_online(self, uuid: str, *, user: User, at: datetime | None = None) -> Dossier:
        """Accept a portal submission as a walk-in: a code and a due time from now."""
        at = at or now()
        with self._db.read() as session:
            found = find_by_uuid(session, uuid)
        if found is None:
            raise CounterError("sync.no_submission", uuid=uuid)
        procedure = self._catalog.procedure(found.procedure_code)
        due = self._intake.due_at(procedure, at)
        mode = self._settings.code_mode()
        place = self._settings.identity().name
        with self._db.write() as session:
            dossier = find_by_uuid(session, uuid)
            assert dossier is not None

            def number() -> None:
                key = (dossier.agency_code, at.date())
                dossier.code = str(
                    DossierCode(*key, allocate_many(session, {key: 1}, mode)[key][0])
                )
                dossier.received_at, dossier.due_at = at, due
                dossier.received_by = dossier.received_by or user.login

            record_lifecycle_move(
                session,
                dossier,
                Action.ACCEPT,
                actor=user.login,
                at=at,
                place=place,
                shift_due=self._calendars.shifter(dossier.agency_code),
                then=number,
            )
        self.request_sync()
        return dossier

    def decide_online(
        self, uuid: str, action: Action, *, user: User, note: str, at: datetime | None = None
    ) -> Dossier:
        """Ask for a supplement or refuse a portal submission; the decision goes up."""
        if action not in (Action.REQUEST_SUPPLEMENT, Action.REFUSE):
            raise CounterError(
                "lifecycle.illegal",
                action=f"action.{action.value}",
                status=f"status.{Status.RECEIVING.value}",
            )
        at = at or now()
        place = self._settings.identity().name
        with self._db.write() as session:
            dossier = find_by_uuid(session, uuid)
            if dossier is None:
                raise CounterError("sync.no_submission", uuid=uuid)
            if dossier.status is not Status.RECEIVING:
                raise CounterError(
                    "lifecycle.illegal",
                    action=f"action.{action.value}",
                    status=f"status.{dossier.status.value}",
                )

            record_lifecycle_move(
                session,
                dossier,
                action,
                actor=user.login,
                at=at,
                note=note,
                place=place,
                shift_due=self._calendars.shifter(dossier.agency_code),
            )
        self.request_sync()
        return dossier


def _open_conflict(session: Session, conflict_id: int, user: User) -> SyncConflictRow:
    if not allowed(user.role, Permission.RESOLVE_CONFLICT):
        raise CounterError("sync.conflict_supervisor")
    row = session.get(SyncConflictRow, conflict_id)
    if row is None:
        raise CounterError("sync.no_conflict", id=conflict_id)
    if row.resolved_at is not None:
        raise CounterError("sync.conflict_closed", id=conflict_id)
    return row


def _resolution_audit(
    row: SyncConflictRow,
    resolution: Resolution,
    user: User,
    at: datetime,
    moves: list[HistoryEntry],
) -> AuditEntry:
    return AuditEntry(
        at,
        user.login,
        resolution.value,
        row.code or row.dossier_uuid,
        {
            "conflict": row.id,
            "uuid": row.dossier_uuid,
            "moves": [
                {"action": m.action, "actor": m.actor, "at": iso(m.at), "note": m.note}
                for m in moves
            ],
        },
    )


def _resolutions(session: Session) -> dict[int, Resolution]:
    """conflict id -> the decision the audit trail records for it."""
    rows = session.execute(
        select(AuditRow.action, AuditRow.detail).where(
            AuditRow.action.in_([Resolution.KEEP_CENTRAL.value, Resolution.REAPPLY.value])
        )
    )
    return {row.detail.get("conflict"): Resolution(row.action) for row in rows}


# how central's conflict rows name the decisions (revision c0004)
CENTRAL_RESOLUTIONS = {
    Resolution.KEEP_CENTRAL.value: "keep-central",
    Resolution.REAPPLY.value: "reapply",
}
DECISIONS_SENT = "sync.decisions"  # {"after": the last audit entry of a decision sent}


def _decisions_after(session: Session) -> int:
    state = replica.get_setting(session, DECISIONS_SENT)
    return int(state.get("after", 0)) if isinstance(state, dict) else 0


def _refusal(error: Exception) -> str | None:
    """Why central refused a push for the data it carries (None: another kind of failure):
    a refusal of the counter's rights over it (an agency it does not serve), a value the
    database cannot take (SQLSTATE class 22, data exception), or text the driver cannot
    encode."""
    if isinstance(error, CounterError):
        return str(error.params.get("reason", "")) if error.key == "central.denied" else None
    if isinstance(error, DBAPIError) and not error.connection_invalidated:
        state = getattr(error.orig, "sqlstate", None) or ""
        return str(error.orig).strip().splitlines()[0] if state.startswith("22") else None
    if isinstance(error, UnicodeError):
        return str(error)
    return None


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


__all__ = [
    "AttachmentProblem",
    "FallbackZone",
    "Resolution",
    "SetAside",
    "SyncResult",
    "SyncService",
    "SyncStatus",
]
