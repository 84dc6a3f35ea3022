"""`backup` and `restore`, and the log file of the commands that write.

`restore` works without opening the store through the services (the store may be the very
thing that is broken); it refuses while a window has the data folder open or a `sync` runs on
it, and `sync` holds its lock through `sync_lock` so that it never starts during a restore.
"""

from __future__ import annotations

import argparse
from contextlib import AbstractContextManager, nullcontext

from counter_app.cli.commands import data_dir, emit, workspace

# Commands that change the data folder: their warnings and our own lines go to its log.
WRITING_HANDLERS = frozenset(
    {
        "init", "catalog_import", "user_add", "intake", "transition", "attach", "detach",
        "demo_data", "print_paper", "sync_commands:sync", "report_commands:sign_off",
        "report_commands:reopen", "operations_commands:backup", "operations_commands:restore",
        "settings_commands:settings_set",
        "signing_commands:sign",
    }
)  # fmt: skip


def log_if_writing(args: argparse.Namespace) -> None:
    """Log to `<data>/logs/` for the commands that write (the file appears at the first line)."""
    if getattr(args, "handler", None) in WRITING_HANDLERS:
        from counter_app.services.operations.logs import configure_logging

        configure_logging(data_dir(args))


def sync_lock(args: argparse.Namespace) -> AbstractContextManager[object]:
    """The lock `sync` holds while it runs; none for a folder that does not exist (the store
    refuses it as not set up, and no empty folder is left behind)."""
    from counter_app.services.operations.instance import SyncLock

    folder = data_dir(args)
    return SyncLock(folder) if folder.is_dir() else nullcontext()


def backup(args: argparse.Namespace) -> int:
    if not args.auto:  # without the services: a store on a read-only disk is still saved
        from counter_app.services.operations.backups import back_up

        return emit(back_up(data_dir(args), args.output).to_json())
    with workspace(args) as ws:
        summary = ws.backups.run_daily()
        state = ws.backups.state()
    from counter_app.domain.clock import iso

    result: dict[str, object] = {"taken": summary is not None}
    if summary is not None:
        result.update(summary.to_json())
    result.update(
        {"folder": str(state.folder), "keep": state.keep, "next_due": iso(state.next_due)}
    )
    return emit(result)


def restore(args: argparse.Namespace) -> int:
    import logging

    from counter_app.services.operations.restore import restore_backup

    summary = restore_backup(args.file, data_dir(args))
    logging.getLogger("counter_app.operations").info(
        "restored %s into %s (schema %s, previous data kept in %s)",
        summary.backup, summary.data_dir, summary.schema_revision, summary.kept_aside,
    )  # fmt: skip
    return emit(summary.to_json())
