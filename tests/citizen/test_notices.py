"""Notices to applicants, sent for real: e-mail to an aiosmtpd server and SMS to a local HTTP
gateway started by the tests, both recording what arrived. Only with consent, queued with the
move, never sent twice, retried while the failure may pass, failed with the reason when not."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from datetime import timedelta
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller

from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.services.intake import request_from_json
from tests.conftest import TEN_DAYS, intake_json, vn


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Mailbox:
    """An aiosmtpd handler keeping every message; addresses at `refused.example` are
    refused with 550, as a server does for a mailbox that does not exist."""

    def __init__(self) -> None:
        self.messages: list = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # type: ignore[no-untyped-def]
        if address.endswith("@refused.example"):
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted"


@pytest.fixture
def smtp() -> Iterator[tuple[Mailbox, int]]:
    box = Mailbox()
    port = free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    yield box, port
    controller.stop()


class Gateway(BaseHTTPRequestHandler):
    answers: list[int]  # status codes to answer in turn (then 200)
    received: list[tuple[str, str, bytes]]

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((self.path, self.headers["Content-Type"], body))
        status = self.answers.pop(0) if self.answers else 200
        self.send_response(status)
        self.end_headers()
        self.wfile.write(b'{"ok": true}')

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def gateway() -> Iterator[type[Gateway]]:
    handler = type("Recording", (Gateway,), {"answers": [], "received": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    # polled every 50 ms (not 0.5 s): shutdown() returns at once
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    handler.url = f"http://127.0.0.1:{server.server_address[1]}/sms"  # type: ignore[attr-defined]
    yield handler
    server.shutdown()
    server.server_close()


@pytest.fixture
def configured(ws, smtp, gateway):  # type: ignore[no-untyped-def]
    ws.settings.set("notices.smtp.host", "127.0.0.1")
    ws.settings.set("notices.smtp.port", smtp[1])
    ws.settings.set("notices.smtp.tls", "none")
    ws.settings.set("notices.from", "motcua@langson.gov.vn")
    ws.settings.set("notices.sms.url", gateway.url)
    ws.settings.set("notices.sms.template", '{"apikey": "k", "to": "{phone}", "message": "{text}"}')
    return ws


def receive(ws, officer, *, consent: bool = True, **applicant):  # type: ignore[no-untyped-def]
    data = intake_json(TEN_DAYS, **applicant)
    data["applicant"]["consent"] = {"notices": consent}
    return ws.intake.receive(request_from_json(data), user=officer, at=vn(2026, 12, 1, 9))


def resolve(ws, officer, code):  # type: ignore[no-untyped-def]
    for action in (Action.TRANSFER, Action.RESOLVE):
        ws.dossiers.transition(code, action, user=officer, at=vn(2026, 12, 2, 10))


def test_a_result_ready_goes_by_email_and_sms_once(configured, officer, smtp, gateway):
    ws = configured
    dossier = receive(ws, officer)
    resolve(ws, officer, dossier.code)
    assert ws.notices.send_waiting().to_json() == {"sent": 2, "failed": 0, "waiting": 0}
    assert ws.notices.send_waiting().to_json() == {"sent": 0, "failed": 0, "waiting": 0}
    [mail] = smtp[0].messages
    assert mail["To"] == "an.nguyen@example.vn" and dossier.code in mail["Subject"]
    assert "đã có kết quả" in mail.get_content() and "Nguyễn Văn An" in mail.get_content()
    [(path, kind, body)] = gateway.received
    sms = json.loads(body)
    assert path == "/sms" and kind.startswith("application/json")
    assert sms["to"] == "0912345678" and dossier.code in sms["message"]
    shown = ws.notices.notices(dossier.code)
    assert [(n["channel"], n["state"]) for n in shown] == [("email", "sent"), ("sms", "sent")]
    assert all(n["sent_at"] for n in shown)


def test_no_consent_no_notice(configured, officer):
    ws = configured
    dossier = receive(ws, officer, consent=False)
    resolve(ws, officer, dossier.code)
    assert ws.notices.notices(dossier.code) == []


def test_a_refused_address_fails_with_the_reason_and_the_sms_still_goes(configured, officer):
    ws = configured
    dossier = receive(ws, officer, email="khong.co@refused.example")
    resolve(ws, officer, dossier.code)
    assert ws.notices.send_waiting().to_json() == {"sent": 1, "failed": 1, "waiting": 0}
    email = ws.notices.notices(dossier.code)[0]
    assert email["state"] == "failed" and "550" in str(email["error"])


def test_a_gateway_error_is_tried_again_later_and_a_4xx_is_final(configured, officer, gateway):
    ws = configured
    clock = [vn(2026, 12, 2, 10, 1)]
    ws.notices.clock = lambda: clock[0]
    dossier = receive(ws, officer, email="")
    resolve(ws, officer, dossier.code)
    gateway.answers[:] = [503]
    assert ws.notices.send_waiting().to_json() == {"sent": 0, "failed": 0, "waiting": 1}
    [waiting] = ws.notices.notices(dossier.code)
    assert waiting["attempts"] == 1 and "503" in str(waiting["error"])
    assert ws.notices.send_waiting().sent == 0  # not yet: it waits its turn
    clock[0] += timedelta(minutes=1)
    assert ws.notices.send_waiting().to_json() == {"sent": 1, "failed": 0, "waiting": 0}
    assert len(gateway.received) == 2
    other = receive(ws, officer, email="")
    resolve(ws, officer, other.code)
    gateway.answers[:] = [400]
    assert ws.notices.send_waiting().to_json() == {"sent": 0, "failed": 1, "waiting": 0}


def test_an_unset_channel_keeps_the_notice_waiting(ws, officer):
    dossier = receive(ws, officer)
    resolve(ws, officer, dossier.code)
    assert ws.notices.send_waiting().to_json() == {"sent": 0, "failed": 0, "waiting": 2}
    assert all(n["attempts"] == 0 for n in ws.notices.notices(dossier.code))


def test_a_notice_claimed_when_the_program_stopped_is_never_sent_again(configured, officer, smtp):
    ws = configured
    dossier = receive(ws, officer, phone="")
    resolve(ws, officer, dossier.code)
    from counter_app.store.notices import claim_due

    with ws.database.write() as session:
        claim_due(session, vn(2026, 12, 31), 10)  # a worker took it, then the power went
    assert ws.notices.send_waiting().sent == 0
    assert smtp[0].messages == []
    assert ws.notices.notices(dossier.code)[0]["state"] == "sending"


def test_the_consent_must_be_true_or_false():
    data = intake_json(TEN_DAYS)
    data["applicant"]["consent"] = {"notices": "yes"}
    with pytest.raises(CounterError) as refused:
        request_from_json(data)
    assert "consent" in refused.value.message("en")
