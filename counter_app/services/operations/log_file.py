"""The log file's handler, apart from the rest of logs.py: `logging.handlers` brings sockets,
pickle and queues, which the window's start does not wait for (they load once the sign-in
window has painted)."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from counter_app.store.private import private_file, private_folder


class LogFile(RotatingFileHandler):
    """Opened at the first line, in a folder made then; a log that cannot be written (read-only
    or full disk) is given up quietly: the command or window reports the real problem."""

    def _open(self):  # type: ignore[no-untyped-def]
        private_folder(Path(self.baseFilename).parent)
        stream = super()._open()
        private_file(Path(self.baseFilename))
        return stream

    def handleError(self, record: logging.LogRecord) -> None:
        self.close()
