"""Where a command may write a file: anywhere but over the counter's own data. A PDF written
onto the store (or its WAL, shared-memory or journal file) or among the scanned originals
destroys what it lands on, so such a path is refused however it is spelt: through a symbolic
link, with `..`, another letter case on Windows, or a hard link to the same file."""

from __future__ import annotations

import os
import tempfile
from contextlib import suppress
from pathlib import Path

from counter_app.domain.errors import CounterError
from counter_app.paths import DATABASE_FILE
from counter_app.store.attachments import ATTACHMENTS_FOLDER

# SQLite's companions of the store: losing one loses committed work or corrupts the file.
STORE_COMPANIONS = ("", "-wal", "-shm", "-journal")


def _real(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path.expanduser()))


def _same_file(target: Path, protected: Path) -> bool:
    if _real(target) == _real(protected):
        return True
    try:
        return os.path.samefile(target, protected)
    except OSError:  # one of them does not exist: not the same file
        return False


def _inside(target: Path, folder: Path) -> bool:
    real_folder = _real(folder)
    try:
        return os.path.commonpath([_real(target), real_folder]) == real_folder
    except ValueError:  # on two Windows drives: not inside
        return False


def check_output(path: Path, data_dir: Path) -> Path:
    """`path` if writing it spares the store and the originals of `data_dir`; else refuse."""
    path = Path(path)
    store = data_dir / DATABASE_FILE
    for suffix in STORE_COMPANIONS:
        if _same_file(path, Path(f"{store}{suffix}")):
            raise CounterError("output.store", path=str(path), data=str(data_dir))
    if _inside(path, data_dir / ATTACHMENTS_FOLDER):
        raise CounterError("output.store", path=str(path), data=str(data_dir))
    return path


def write_atomically(path: Path, data: bytes) -> Path:
    """Write `data` to `path` whole or not at all; refuse with a message the user can act on."""
    path = path.expanduser().absolute()

    def refuse(error: OSError) -> CounterError:
        return CounterError("file.unwritable", path=str(path), reason=error.strerror or str(error))

    if path.is_dir():
        raise refuse(IsADirectoryError(21, os.strerror(21)))
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".part", dir=path.parent
        )
    except OSError as error:
        raise refuse(error) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as error:
        with suppress(OSError):
            os.unlink(temporary)
        raise refuse(error) from None
    return path
