"""A timestamping authority on a loopback port (RFC 3161 over HTTP), answered by pyHanko's own
TSA responder with the test PKI's TSA certificate: the app's HTTP timestamp client is real."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.signing.pki import TestPki


@contextmanager
def local_tsa(pki: TestPki) -> Iterator[str]:
    """The TSA's URL while the block runs."""
    from asn1crypto import keys, pem, tsp, x509
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    def load(path: str) -> bytes:
        return pem.unarmor(Path(path).read_bytes())[2]

    stamper = DummyTimeStamper(
        tsa_cert=x509.Certificate.load(load(pki.tsa_cert_pem)),
        tsa_key=keys.PrivateKeyInfo.load(load(pki.tsa_key_pem)),
    )

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            request = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            answer = stamper.request_tsa_response(request).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *_: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    # polled every 50 ms (not 0.5 s): shutdown() returns at once
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/tsa"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
