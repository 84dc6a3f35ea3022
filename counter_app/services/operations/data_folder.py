"""The data folder checked before anything is opened or created in it, for Windows' limits."""

from __future__ import annotations

import ntpath
import os
import sys
from pathlib import Path

from counter_app.domain.errors import CounterError

# Windows' classic path limit is 260 characters; the store's deepest files (a restore's
# before-restore-<time>\counter.sqlite3-wal, a scan named by its SHA-256) add about 100.
WINDOWS_DATA_PATH_LIMIT = 160


def check_data_folder(folder: Path, *, windows: bool = sys.platform == "win32") -> None:
    """On Windows, a folder on a drive that is gone (a USB drive pulled out, a network drive
    not connected) or too deep for Windows' paths is refused with a plain message: nothing is
    created elsewhere, nothing is lost."""
    if not windows:
        return
    text = str(folder)
    drive = ntpath.splitdrive(text)[0]
    if drive and not os.path.isdir(drive + "\\"):
        raise CounterError("app.data_drive_missing", drive=drive, path=text)
    if len(text) > WINDOWS_DATA_PATH_LIMIT:
        raise CounterError(
            "app.data_path_too_long", length=len(text), limit=WINDOWS_DATA_PATH_LIMIT, path=text
        )
