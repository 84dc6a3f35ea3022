"""The window's notices worker: sends what the moves queued every few seconds, in its own
thread (the notice service opens its own store sessions there; no widget is touched)."""

from __future__ import annotations

import threading

from counter_app.ui.session import Session

SEND_EVERY_S = 2.0  # a notice leaves within 5 s of the decision when the gateway answers


class NoticeWorker:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._session.workspace.notices.run_forever,
            args=(self._stop,),
            kwargs={"interval": SEND_EVERY_S},
            name="notices",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop and wait: a notice being sent is finished and marked, never cut half-way."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
