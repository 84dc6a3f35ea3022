"""One window per data folder: an operating-system lock on a file in the folder, held for the
life of the window and taken by `restore` while it replaces the data, and removed when let go.
A second lock file does the same between `sync` and `restore`: a sync (a worker running for
hours, or one round) holds it, and so does a restore on top of the window's lock.

A second file rather than a shared lock on the first: a window and a sync worker must run side
by side, which only shared holders could, and Windows' `msvcrt` has exclusive locks only. As a
bonus a folder has one sync at a time: two would push the same changes twice over.

An OS lock rather than Qt's QLockFile so that `restore` (a command without Qt) can test it, and
rather than a file whose mere presence counts: the lock goes with the process that held it, so a
window that crashed or was killed never leaves a stale lock behind.
"""

from __future__ import annotations

import os
import sys
from contextlib import suppress
from pathlib import Path

from counter_app.domain.errors import CounterError
from counter_app.store.private import FILE_MODE, private_folder

LOCK_FILE = "counter-app.lock"
SYNC_LOCK_FILE = "counter-app.sync.lock"


class InstanceLock:
    """`acquire()` refuses with `busy_key` (`app.already_open`) while another holder has it."""

    file_name = LOCK_FILE
    busy_key = "app.already_open"

    def __init__(self, data_dir: Path, *, busy_key: str | None = None) -> None:
        self.path = data_dir / self.file_name
        self.busy_key = busy_key or self.busy_key
        self._handle: int | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> None:
        try:
            private_folder(self.path.parent)
            for _attempt in range(5):
                handle = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
                if not _try_lock(handle):
                    os.close(handle)
                    raise CounterError(self.busy_key, path=str(self.path.parent))
                if _same_file(handle, self.path):
                    self._handle = handle
                    return
                # The holder removed the file between our open and our lock: try the new one.
                _unlock(handle)
                os.close(handle)
        except OSError as error:
            from counter_app.store.database import os_problem  # only now: it loads SQLAlchemy

            raise os_problem(error, self.path) from error
        raise CounterError(self.busy_key, path=str(self.path.parent))

    def release(self) -> None:
        """Remove the file, then unlock: the folder is left as it was found."""
        if self._handle is not None:
            with suppress(OSError):  # Windows keeps an open file: it stays, harmless
                self.path.unlink()
            _unlock(self._handle)
            os.close(self._handle)
            self._handle = None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *_: object) -> None:
        self.release()


class SyncLock(InstanceLock):
    """Held by a sync while it runs and by a restore while it replaces the data: refuses with
    `sync.folder_busy` (a sync asking) unless told which key fits the one asking."""

    file_name = SYNC_LOCK_FILE
    busy_key = "sync.folder_busy"


def is_open_elsewhere(data_dir: Path) -> bool:
    """Whether a window (or a restore) holds the folder now; never creates the folder."""
    if not (data_dir / LOCK_FILE).exists():
        return False
    probe = InstanceLock(data_dir)
    try:
        probe.acquire()
    except CounterError:
        return True
    probe.release()
    return False


def _same_file(handle: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(handle), os.stat(path))
    except OSError:
        return False


if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: int) -> bool:
        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: int) -> None:
        os.lseek(handle, 0, os.SEEK_SET)
        msvcrt.locking(handle, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: int) -> bool:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: int) -> None:
        fcntl.flock(handle, fcntl.LOCK_UN)
