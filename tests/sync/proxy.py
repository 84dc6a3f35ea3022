"""A TCP proxy between a counter and PostgreSQL that misbehaves on request: it cuts the line
after some bytes from the client (mid-batch), delays every chunk, or swallows the server's
answer to a COMMIT (the server has committed; the client never hears it)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time

# PostgreSQL's CommandComplete message for COMMIT: 'C', length 11, "COMMIT\0"
COMMIT_COMPLETE = b"C\x00\x00\x00\x0bCOMMIT\x00"


class FaultProxy:
    def __init__(self, target_port: int, target_host: str = "127.0.0.1") -> None:
        self.target = (target_host, target_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.delay = 0.0
        self.cut_after: int | None = None  # bytes from the client, counted from arming
        self.drop_commit_reply = False
        self.down = False  # refuse every connection (the line is cut)
        self.commits_dropped = 0
        self._sent = 0
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def reset(self) -> None:
        with self._lock:
            self.delay, self.cut_after, self.drop_commit_reply, self.down = 0.0, None, False, False
            self._sent = 0

    def arm_cut(self, after_bytes: int) -> None:
        with self._lock:
            self._sent, self.cut_after = 0, after_bytes

    def cut_all(self) -> None:
        """Close every open connection now."""
        with self._lock:
            for sock in self._sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                    sock.close()
            self._sockets.clear()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.down:
                client.close()
                continue
            try:
                server = socket.create_connection(self.target, timeout=5)
                server.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets += [client, server]
            threading.Thread(target=self._pump, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, False), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, upstream: bool) -> None:
        try:
            while True:
                chunk = source.recv(65536)
                if not chunk:
                    break
                if self.delay:
                    time.sleep(self.delay)
                if upstream:
                    with self._lock:
                        if self.cut_after is not None:
                            self._sent += len(chunk)
                            if self._sent > self.cut_after:
                                self.cut_after = None
                                raise ConnectionAbortedError
                elif self.drop_commit_reply and COMMIT_COMPLETE in chunk:
                    with self._lock:
                        self.drop_commit_reply = False
                        self.commits_dropped += 1
                    raise ConnectionAbortedError
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()

    def close(self) -> None:
        self._stop.set()
        self.listener.close()
        self.cut_all()
