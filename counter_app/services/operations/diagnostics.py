"""What support needs to know about a counter, as plain text to paste into a message: versions,
the data folder, the store, sync, the last backup and the end of the log. No personal data:
the log lines are already scrubbed, and nothing here reads a dossier."""

from __future__ import annotations

import platform
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.domain.clock import iso
from counter_app.paths import DATABASE_FILE
from counter_app.services.operations.archive import app_version
from counter_app.services.operations.logs import log_path, recent_lines

if TYPE_CHECKING:
    from counter_app.services.workspace import Workspace

LOG_LINES = 200


def diagnostics_text(workspace: Workspace, extra: Iterable[tuple[str, str]] = ()) -> str:
    """The report; `extra` adds lines only the caller knows (the window adds Qt's version)."""
    from counter_app.store.database import current_revision

    data_dir: Path = workspace.data_dir
    facts: list[tuple[str, str]] = [
        ("counter-app", app_version()),
        ("Python", sys.version.split()[0]),
        ("OS", platform.platform()),
        *extra,
        ("data folder", str(data_dir)),
        ("schema revision", current_revision(workspace.database) or "-"),
        ("database size", _size(data_dir / DATABASE_FILE)),
        ("counter", workspace.settings.identity().name),
    ]
    facts += _sync(workspace)
    facts += _backup(workspace)
    facts.append(("log file", str(log_path(data_dir))))
    width = max(len(name) for name, _ in facts)
    lines = [f"{name.ljust(width)}  {value}" for name, value in facts]
    tail = recent_lines(data_dir, LOG_LINES)
    lines += ["", f"--- last {len(tail)} log lines", *tail]
    return "\n".join(lines) + "\n"


def _size(path: Path) -> str:
    total = 0
    for suffix in ("", "-wal"):
        try:
            total += path.with_name(path.name + suffix).stat().st_size
        except OSError:
            continue
    return f"{total / 1024 / 1024:.1f} MB ({total} bytes, WAL included)"


def _sync(workspace: Workspace) -> list[tuple[str, str]]:
    try:
        status = workspace.sync.status()
    except Exception as error:  # a report must come out even when sync cannot be read
        return [("sync", f"unreadable: {error}")]
    if not status.configured:
        return [("sync", "standalone (no central address)")]
    return [
        ("sync", "online" if status.online else "offline" if status.online is False else "-"),
        ("central", workspace.settings.identity().central_url or "-"),
        ("counter number", str(status.counter_number or "-")),
        ("pending", str(status.pending)),
        ("last sync", iso(status.last_sync) or "-"),
        ("last sync error", status.last_error or "-"),
        ("open conflicts", str(status.conflicts_open)),
    ]


def _backup(workspace: Workspace) -> list[tuple[str, str]]:
    state = workspace.backups.state()
    if state.last_at is None:
        last = "never"
    elif state.last_ok:
        last = f"{iso(state.last_at)} ok, {state.last_size} bytes, {state.last_path}"
    else:
        reason = state.last_error.message("en") if state.last_error else "?"
        last = f"{iso(state.last_at)} FAILED: {reason}"
    return [
        ("last backup", last),
        ("backup folder", f"{state.folder} (keep {state.keep})"),
        ("next backup due", iso(state.next_due) or "-"),
    ]
