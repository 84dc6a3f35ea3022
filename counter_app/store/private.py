"""Files and folders for the owner's eyes only: the data folder, the store, its logs and its
backups hold citizens' personal data. On Linux (and macOS) what the app creates is 0700/0600
whatever the umask; on Windows these modes mean nothing and the user's profile folder's ACL
(the user, SYSTEM, administrators) is what keeps others out, so nothing is changed there."""

from __future__ import annotations

import os
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600
_POSIX = os.name == "posix"


def private_folder(path: Path) -> Path:
    """Make the folder and any missing parent for the owner only; one that exists stays as
    the user made it."""
    missing = [folder for folder in (path, *path.parents) if not folder.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=FOLDER_MODE, exist_ok=True)
    return path


def private_file(path: Path) -> Path:
    """Narrow a file just written by a library that made it readable by all (SQLite, zipfile,
    logging create theirs 0644)."""
    if _POSIX:
        os.chmod(path, FILE_MODE)
    return path


def create_private_file(path: Path) -> None:
    """Create the file owner-only before anything opens it (SQLite gives its WAL and
    shared-memory files the store's own mode); one made meanwhile is left as it is."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE))
