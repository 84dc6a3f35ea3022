"""The counter's sync: one round (`run_once`) pushes what waits in the outbox, pulls what
changed centrally and refreshes code leases; `run_forever` is the background worker's loop.

Nothing is lost or doubled whatever the network does: an outbox entry leaves only in the local
transaction that records central's answer, central takes a version once (a repeat answers
`duplicate`), and a pulled page and its cursor are written together.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid as uuid_module
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from counter_app.domain.clock import now
from counter_app.domain.errors import CounterError
from counter_app.domain.sync import (
    Outcome,
    backoff_delay,
)
from counter_app.domain.text import unstorable_in_json
from counter_app.services.sync.attachments import (
    AttachmentProblem,
    send_attachments,
    work_waiting,
)
from counter_app.services.sync.base import SyncBase
from counter_app.services.sync.conflicts import (
    CENTRAL_RESOLUTIONS,
    DECISIONS_SENT,
    _decisions_after,
)
from counter_app.services.sync.link import CentralLink
from counter_app.services.sync.renumbering import days_needed, renumber
from counter_app.services.sync.results import SetAside, SyncResult
from counter_app.services.sync.status import _log_message
from counter_app.store.central import replica
from counter_app.store.central.wire import KINDS, ConflictDecision, Page, PushItem, PushResult
from counter_app.store.citizen_papers import FiledPaper
from counter_app.store.codes import CodeMode
from counter_app.store.journal import (
    AuditHead,
    anchor_problem,
    audit_head,
    keep_anchor,
    last_anchor,
)
from counter_app.store.models import (
    AuditRow,
    SyncConflictRow,
)
from counter_app.store.ratings import mark_synced, unsynced_ratings
from counter_app.store.settings import put_setting

log = logging.getLogger(__name__)

WRITE_SLICE_S = 0.015  # the longest a pull holds the local write lock at a time

Answer = TypeVar("Answer")


class SyncRounds(SyncBase):
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

    def _anchor(self, central: CentralLink, number: int) -> CounterError | None:
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
            put_setting(session, "sync.online", ok)
            put_setting(session, "sync.last_error", None if ok else message)
            if ok:
                put_setting(session, "sync.last_success", at.isoformat())
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

    def _registration(self, central: CentralLink) -> tuple[int, tuple[str, ...]]:
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
            put_setting(session, "central.counter_number", registration.number)
            put_setting(session, "central.counter_id", registration.counter_id)
            put_setting(session, "central.agencies", list(registration.agencies))
            put_setting(session, "codes.fallback_zone", zone.to_json())
            replica.store_leases(session, leases)
            renumber(session, taken, mode=mode, at=now(), reason="join")
        return registration.number, registration.agencies

    def _push(self, central: CentralLink, number: int) -> tuple[int, int]:
        """Send what waits, batch by batch. A dossier that cannot go is set aside: its outbox
        entries are dropped with the batch's and it stays unsynced, so its next change sends
        it again (and nothing before that: it would only be refused again).

        Central takes one batch while the counter reads the next and records the answers to
        the one before. The next batch is read again once those answers are recorded when
        they could change it (a dossier in both batches) or add to it (one renumbered)."""
        pushed = conflicts = 0
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="push") as sender:

            def send(batch: replica.Batch) -> Future[list[PushResult]] | None:
                """Central's answers to come; None when nothing waits."""
                if not batch.outbox_ids:
                    return None
                return sender.submit(self._push_parts, central, number, self._sendable(batch))

            batch = self._pending_batch()
            sent = send(batch)
            while sent is not None:
                following = self._pending_batch(after=max(batch.outbox_ids))
                results = sent.result()
                taken = [r.uuid for r in results if r.outcome is Outcome.CODE_TAKEN]
                stale = bool(taken) or not following.uuids().isdisjoint(batch.uuids())
                sent = None if stale else send(following)
                with self._db.write() as session:
                    conflicts += replica.settle(session, batch, results, at=now())
                    renumber(
                        session, taken, mode=self._settings.code_mode(), at=now(), reason="push"
                    )
                pushed += len(results)
                if stale:
                    following = self._pending_batch()
                    sent = send(following)
                batch = following
        return pushed, conflicts

    def _pending_batch(self, *, after: int = 0) -> replica.Batch:
        with self._db.read() as session:
            return replica.pending_batch(session, self.push_batch, after=after)

    def _sendable(self, batch: replica.Batch) -> list[PushItem]:
        """The batch's dossiers a database can store; the others are set aside."""
        for uuid, (code, why) in batch.unreadable.items():
            self._leave(uuid, code, f"unreadable: {why}")
        sendable = []
        for item in batch.items:
            where = unstorable_in_json(item.encoded)
            if where is None:
                sendable.append(item)
            else:
                self._leave(item.uuid, item.head.code or "", f"{where}: NUL or broken")
        return sendable

    def _push_parts(
        self, central: CentralLink, number: int, items: list[PushItem]
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
                self._leave(items[0].uuid, items[0].head.code or "", reason)
                return []
        half = len(items) // 2
        return self._push_parts(central, number, items[:half]) + self._push_parts(
            central, number, items[half:]
        )

    def _leave(self, uuid: str, code: str, reason: str) -> None:
        left = SetAside(uuid, code, reason)
        log.warning("dossier %s set aside by the sync: %s", left.code or left.uuid, reason)
        self._set_aside.append(left)

    def _send_decisions(self, central: CentralLink, number: int) -> int:
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
            put_setting(session, DECISIONS_SENT, {"after": top})
        return len(decisions)

    def _send_ratings(self, central: CentralLink, number: int) -> None:
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

    def _send_papers(self, central: CentralLink, number: int) -> None:
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

    def _send_decisions_one_by_one(
        self, central: CentralLink, number: int, decisions: list[ConflictDecision]
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

    def _pull(self, central: CentralLink, number: int) -> int:
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
                catalog_changed |= kind not in ("dossiers", "ratings")
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
                    put_setting(session, "sync.cursors", cursors)
            self._db.checkpoint()
            if done:
                return changed

    # --- the paper store's look-ups (not part of a round)

    def central_papers(self, owner_id: str) -> list[FiledPaper]:
        """The owner's papers central holds for this counter's agencies; none before the
        counter is registered. Raises CounterError when central cannot be reached, at once when
        the last round found it out of reach (the intake does not wait for a timeout)."""
        number = self._settings.identity().counter_number
        if number is None:
            return []
        if self._settings.get("sync.online") is not True:
            raise CounterError("papers.central_offline")
        return self._look_up(lambda central: central.papers_for(number, owner_id))

    def central_paper_copy(self, sha256: str) -> bytes | None:
        """A filed paper's signed copy as central holds it (None: not there yet)."""
        return self._look_up(lambda central: central.paper_copy(sha256))

    def _look_up(self, ask: Callable[[CentralLink], Answer]) -> Answer:
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

    # --- the background worker

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
