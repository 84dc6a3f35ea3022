"""Rotating log files in `<data>/logs/`, with personal data kept out.

The rule: log lines name dossiers by their code and nothing else about a person. Nothing in the
app logs a name or an address on purpose; as a safety net every line is scrubbed of what can be
recognised mechanically (a citizen-ID QR, ID and phone numbers, e-mail addresses) before it is
written, tracebacks included.
"""

from __future__ import annotations

import logging
import os
import re
from collections import deque
from datetime import datetime
from pathlib import Path

from counter_app.domain.clock import VN_TZ
from counter_app.domain.text import hide_passwords
from counter_app.store.private import FILE_MODE, private_folder

LOG_FOLDER = "logs"
LOG_FILE = "counter-app.log"
CRASH_PREFIX = "counter-app-crash-"
MAX_BYTES = 1024 * 1024
BACKUP_COUNT = 5
REDACTED = "[…]"
FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"

_PERSONAL = (
    re.compile(r"\d{9,12}\|[^\r\n]*"),  # a citizen-ID QR: number|old number|name|...|address
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # e-mail
    re.compile(r"(?<![\w.-])\+?84[ .-]?\d(?:[ .-]?\d){7,9}(?!\d)"),  # phone, +84 form
    re.compile(r"(?<![\w.+-])0\d{2,3}(?:[ .-]\d{3,4}){2}(?![\w-])"),  # phone, 0912 345 678
    re.compile(r"(?<![\w.-])\d{9,12}(?![\w-])"),  # ID number (12 or 9 digits), phone (10–11)
)


def scrub(text: str) -> str:
    """The text with every recognisable piece of personal data, and every password of an
    address, replaced."""
    text = hide_passwords(text)
    for pattern in _PERSONAL:
        text = pattern.sub(REDACTED, text)
    return text


class ScrubbingFormatter(logging.Formatter):
    """Formats as usual (message, then traceback), then scrubs the whole line. Times are ISO
    8601 in Vietnam time with the +07:00 offset, as every other output of the app shows them,
    so a line read far from the counter (or on a PC set to another zone) is unambiguous."""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        return datetime.fromtimestamp(record.created, VN_TZ).isoformat(timespec="milliseconds")

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


def write_crash_log(data_dir: Path, text: str) -> Path | None:
    """A bug's traceback, scrubbed like every log line, into the data folder's logs/ for the
    owner only; never into the shared temporary folder, where anyone could read it. None if it
    cannot be written."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = data_dir / LOG_FOLDER / f"{CRASH_PREFIX}{stamp}-{os.getpid()}.log"
    try:
        private_folder(path.parent)
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
        with os.fdopen(handle, "a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n{scrub(text)}\n")
    except OSError:
        return None
    return path


def log_path(data_dir: Path) -> Path:
    return data_dir / LOG_FOLDER / LOG_FILE


def configure_logging(data_dir: Path, level: int = logging.INFO) -> logging.Handler:
    """Send the app's log records (`counter_app.*`) at `level` and above to the data folder's
    rotating log. Configuring the same folder again replaces the earlier handler."""
    from counter_app.services.operations.log_file import LogFile

    logger = logging.getLogger("counter_app")
    for old in [h for h in logger.handlers if isinstance(h, LogFile)]:
        logger.removeHandler(old)
        old.close()
    handler = LogFile(
        log_path(data_dir), maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8",
        delay=True,
    )  # fmt: skip
    handler.setLevel(level)
    handler.setFormatter(ScrubbingFormatter(FORMAT))
    logger.addHandler(handler)
    logger.setLevel(min(level, logger.level or logging.WARNING))
    return handler


def stop_logging(handler: logging.Handler) -> None:
    logging.getLogger("counter_app").removeHandler(handler)
    handler.close()


def recent_lines(data_dir: Path, count: int = 200) -> list[str]:
    """The last `count` lines of the log, across the rotated files, oldest first."""
    folder = data_dir / LOG_FOLDER
    files = [folder / f"{LOG_FILE}.{n}" for n in range(BACKUP_COUNT, 0, -1)]
    files.append(folder / LOG_FILE)
    lines: deque[str] = deque(maxlen=count)
    for path in files:
        try:
            with path.open(encoding="utf-8", errors="replace") as handle:
                lines.extend(line.rstrip("\n") for line in handle)
        except OSError:
            continue
    return list(lines)
