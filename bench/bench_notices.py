"""A notice leaves soon after the decision: a dossier with consent is resolved while the
window's notices worker runs (its own thread, as in the window), and the time is taken until the
SMS gateway (a local HTTP server recording requests) and the SMTP server (aiosmtpd) have both
received it. Baseline in the same run: one POST to the same gateway.

Target: within 5 s of the decision.

    .venv/bin/python bench/bench_notices.py
"""

from __future__ import annotations

import socket
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

from common import counter_app, report

TARGET_S = 5.0


class Gateway(BaseHTTPRequestHandler):
    arrived: ClassVar[list[float]] = []

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        self.arrived.append(time.perf_counter())
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


class Mailbox:
    arrived: ClassVar[list[float]] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.arrived.append(time.perf_counter())
        return "250 OK"


def main() -> int:
    from aiosmtpd.controller import Controller

    from counter_app.domain.lifecycle import Action
    from counter_app.services.intake import request_from_json
    from counter_app.services.workspace import Workspace
    from counter_app.ui.citizen.notices import SEND_EVERY_S
    from tests.conftest import intake_json

    gateway = ThreadingHTTPServer(("127.0.0.1", 0), Gateway)
    threading.Thread(target=gateway.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{gateway.server_address[1]}/sms"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        smtp_port = probe.getsockname()[1]
    mailbox = Mailbox()
    smtp = Controller(mailbox, hostname="127.0.0.1", port=smtp_port)
    smtp.start()

    data = Path(tempfile.mkdtemp(prefix="counter-bench-notices-"))
    counter_app(data, "init", "--demo")
    ws = Workspace(data)
    for key, value in (
        ("notices.smtp.host", "127.0.0.1"), ("notices.smtp.port", smtp_port),
        ("notices.smtp.tls", "none"), ("notices.sms.url", url),
    ):  # fmt: skip
        ws.settings.set(key, value)
    officer = ws.accounts.user("canbo")
    procedure = ws.catalog.search("")[0].code
    request = intake_json(procedure)
    request["applicant"]["consent"] = {"notices": True}
    dossier = ws.intake.receive(request_from_json(request), user=officer)
    ws.dossiers.transition(dossier.code, Action.TRANSFER, user=officer)

    started = time.perf_counter()
    with urllib.request.urlopen(urllib.request.Request(url, data=b"{}", method="POST")):
        pass
    baseline = time.perf_counter() - started
    Gateway.arrived.clear()

    stop = threading.Event()
    worker = threading.Thread(
        target=ws.notices.run_forever, args=(stop,), kwargs={"interval": SEND_EVERY_S}
    )
    worker.start()
    time.sleep(SEND_EVERY_S / 2)  # the decision comes at any point of the worker's wait
    decided = time.perf_counter()
    ws.dossiers.transition(dossier.code, Action.RESOLVE, user=officer)
    limit = decided + 4 * TARGET_S
    while (not Gateway.arrived or not mailbox.arrived) and time.perf_counter() < limit:
        time.sleep(0.01)
    stop.set()
    worker.join()
    smtp.stop()
    gateway.shutdown()
    ws.close()
    if not Gateway.arrived or not mailbox.arrived:
        print("the notices did not arrive")
        return 1
    took = max(Gateway.arrived[0], mailbox.arrived[0]) - decided
    ok = report("notice: decision to e-mail and SMS received", took, TARGET_S, baseline,
                "one POST to the gateway", unit="s")  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
