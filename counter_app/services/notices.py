"""Sending the notices the moves queued: e-mail through the administrator's SMTP server, SMS
through an HTTP gateway whose request body is the administrator's template. A notice is
claimed before it leaves and marked after, so a stop half-way never sends it twice; a
failure that may pass (the server away, a 5xx answer, a time-out) is tried again later, one
that will not (an address refused, a 4xx answer) is marked failed with the reason. The same
code sends central's notices (decisions taken there) when pointed at central's queue."""

from __future__ import annotations

import logging
import smtplib
import ssl
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import TYPE_CHECKING

from counter_app.domain.clock import iso, now
from counter_app.domain.errors import CounterError
from counter_app.domain.notices import (
    DEFAULT_TEMPLATES,
    NoticeChannel,
    NoticeState,
    check_template,
    preview,
    retry_at,
    sms_request,
    templates_from,
)
from counter_app.domain.settings_registry import REGISTRY
from counter_app.services.accounts import User
from counter_app.services.dossiers import DossierService
from counter_app.services.settings import SettingsService
from counter_app.store.central.models import CentralNoticeRow
from counter_app.store.central.notices import central_notices
from counter_app.store.database import Database
from counter_app.store.models import NoticeRow
from counter_app.store.notices import (
    NoticeModel,
    any_due,
    claim_due,
    count_in,
    finish,
    notice_rows,
)

if TYPE_CHECKING:
    from counter_app.store.central.database import CentralDatabase

log = logging.getLogger(__name__)

TIMEOUT_S = 10.0
SMTP_PORT = 587  # submission, when the stored port is not a number
BATCH = 50


class SendingFailed(Exception):
    """Why a notice did not leave; `final`: trying again would not help."""

    def __init__(self, reason: str, *, final: bool = False, unset: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.final = final
        self.unset = unset  # the channel is not set up: the notice waits, no try is counted


@dataclass(frozen=True)
class SendReport:
    sent: int
    failed: int
    waiting: int

    def to_json(self) -> dict[str, int]:
        return {"sent": self.sent, "failed": self.failed, "waiting": self.waiting}


class NoticeService:
    def __init__(
        self,
        database: Database | CentralDatabase,
        settings: SettingsService,
        dossiers: DossierService | None,
        *,
        clock: Callable[[], datetime] = now,
        model: NoticeModel = NoticeRow,
    ) -> None:
        """`database` and `model`: the queue sent from, this counter's or central's (then
        without `dossiers`); `settings`: the mail and SMS gateway's, this data folder's."""
        self._db = database
        self._settings = settings
        self._dossiers = dossiers
        self.clock = clock
        self._model = model
        self._sending = threading.Lock()

    def setting(self, key: str) -> object:
        return self._settings.get(key, REGISTRY[key].default)

    # --- the templates the administrator edits
    def templates(self) -> dict[str, tuple[str, str]]:
        """Every kind's (subject, body) in use: the administrator's over the defaults."""
        return templates_from(self._settings.get("notices.templates"))

    def preview(self, subject: str, body: str) -> tuple[str, str]:
        """The template filled in for the sample dossier; an unknown field is refused."""
        return preview(subject, body, str(self._settings.get("counter.name") or ""))

    def save_templates(self, chosen: Mapping[str, tuple[str, str]], user: User) -> None:
        """Store the templates (an administrator's change); those left as the defaults are not
        stored, so a better default in a later version reaches them."""
        for subject, body in chosen.values():
            check_template(subject)
            check_template(body)
        changed = {
            kind: {"subject": subject, "body": body}
            for kind, (subject, body) in chosen.items()
            if (subject, body) != DEFAULT_TEMPLATES.get(kind)
        }
        self._settings.change("notices.templates", changed, user)

    # --- what was sent
    def notices(self, code: str | None = None) -> list[dict[str, object]]:
        """Every notice (of one dossier with `code`), oldest first, with its times."""
        if self._dossiers is None:  # central's queue: rows name their dossier's code
            with self._db.read() as session:
                return [notice_json(row, row.code) for row in central_notices(session, code)]
        uuid = self._dossiers.get(code).uuid if code else None
        with self._db.read() as session:
            return [
                notice_json(row, dossier_code) for row, dossier_code in notice_rows(session, uuid)
            ]

    # --- sending
    def send_waiting(self) -> SendReport:
        """Send what waits and is due, as the window's worker does every few seconds."""
        sent = failed = 0
        with self._sending:  # one sender at a time in this process
            while True:
                with self._db.read() as session:
                    if not any_due(session, self.clock(), self._model):
                        break
                with self._db.write() as session:
                    batch = claim_due(session, self.clock(), BATCH, self._model)
                if not batch:
                    break
                for row in batch:
                    outcome = self._send_one(row)
                    sent += outcome is NoticeState.SENT
                    failed += outcome is NoticeState.FAILED
                if len(batch) < BATCH:
                    break
        with self._db.read() as session:
            waiting = count_in(session, NoticeState.WAITING, self._model)
        return SendReport(sent, failed, waiting)

    def _send_one(self, row: NoticeRow | CentralNoticeRow) -> NoticeState:
        try:
            if row.channel == NoticeChannel.EMAIL.value:
                self._email(row)
            else:
                self._sms(row)
        except SendingFailed as failure:
            at = self.clock()
            later = None if failure.final else retry_at(row.attempts, at)
            if failure.unset:
                later = at  # not a try: waits for the administrator, whatever the count
            state = NoticeState.FAILED if later is None else NoticeState.WAITING
            with self._db.write() as session:
                finish(
                    session,
                    row.id,
                    state=state,
                    at=at,
                    error=failure.reason,
                    next_try_at=later,
                    uncount=failure.unset,
                    model=self._model,
                )
            return state
        with self._db.write() as session:
            finish(session, row.id, state=NoticeState.SENT, at=self.clock(), model=self._model)
        return NoticeState.SENT

    def _email(self, row: NoticeRow | CentralNoticeRow) -> None:
        host = str(self.setting("notices.smtp.host") or "").strip()
        if not host:
            raise SendingFailed(CounterError("notice.smtp_missing").message(), unset=True)
        sender = str(self.setting("notices.from") or "").strip() or f"mot-cua@{host}"
        message = EmailMessage()
        message["From"] = sender
        message["To"] = row.recipient
        message["Subject"] = row.subject
        message["Date"] = formatdate(localtime=True)
        message["Message-ID"] = make_msgid(idstring=f"notice-{row.id}")
        message.set_content(row.body)
        configured = self.setting("notices.smtp.port")
        port = configured if isinstance(configured, int) else SMTP_PORT
        tls = str(self.setting("notices.smtp.tls"))
        user = str(self.setting("notices.smtp.user") or "")
        password = str(self.setting("notices.smtp.password") or "")
        try:
            if tls == "ssl":
                client: smtplib.SMTP = smtplib.SMTP_SSL(
                    host, port, timeout=TIMEOUT_S, context=ssl.create_default_context()
                )
            else:
                client = smtplib.SMTP(host, port, timeout=TIMEOUT_S)
            with client:
                if tls == "starttls":
                    client.starttls(context=ssl.create_default_context())
                if user:
                    client.login(user, password)
                client.send_message(message)
        except smtplib.SMTPRecipientsRefused as refused:
            answers = "; ".join(f"{code} {text!r}" for code, text in refused.recipients.values())
            raise SendingFailed(f"{row.recipient}: {answers}", final=True) from None
        except smtplib.SMTPResponseException as error:
            reason = f"SMTP {error.smtp_code} {error.smtp_error!r}"
            raise SendingFailed(reason, final=error.smtp_code >= 500) from None
        except (smtplib.SMTPException, OSError) as error:
            raise SendingFailed(f"{type(error).__name__}: {error}") from None

    def _sms(self, row: NoticeRow | CentralNoticeRow) -> None:
        url = str(self.setting("notices.sms.url") or "").strip()
        if not url:
            raise SendingFailed(CounterError("notice.sms_missing").message(), unset=True)
        template = str(self.setting("notices.sms.template"))
        body = sms_request(template, row.recipient, row.body)
        kind = "application/json" if body.lstrip().startswith("{") else "text/plain"
        request = urllib.request.Request(
            url,
            data=body.encode("utf-8"),
            method="POST",
            headers={"Content-Type": f"{kind}; charset=utf-8"},
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as answer:
                answer.read()
        except urllib.error.HTTPError as error:
            reason = CounterError("notice.gateway_error", status=error.code).message()
            raise SendingFailed(reason, final=400 <= error.code < 500) from None
        except (urllib.error.URLError, OSError) as error:
            raise SendingFailed(f"{type(error).__name__}: {error}") from None

    def run_forever(self, stop: threading.Event, *, interval: float = 5.0) -> None:
        """The background worker: send what waits every `interval` seconds until `stop`."""
        while not stop.is_set():
            try:
                self.send_waiting()
            except Exception:  # the store busy or gone: the next turn tries again
                log.exception("notices: a sending turn failed")
            stop.wait(interval)


def notice_json(row: NoticeRow | CentralNoticeRow, code: str) -> dict[str, object]:
    return {
        "id": row.id,
        "code": code,
        "kind": row.kind,
        "channel": row.channel,
        "recipient": row.recipient,
        "subject": row.subject,
        "state": row.state,
        "attempts": row.attempts,
        "queued_at": iso(row.created_at),
        "sent_at": iso(row.sent_at),
        "next_try_at": iso(row.next_try_at) if row.state == NoticeState.WAITING.value else None,
        "error": row.last_error,
    }
