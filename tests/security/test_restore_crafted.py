"""A crafted backup whose manifest was sealed again (an emptied store, a store without its
audit triggers, a rewritten log) is refused before anything is swapped in, with nothing
changed; nothing can fail after the swap."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from counter_app.domain.messages import translate
from counter_app.paths import DATABASE_FILE
from tests.cli.test_cli import ok_json, run_cli
from tests.operations.conftest import counter, reseal, rewrite  # noqa: F401
from tests.operations.test_restore import refused


@pytest.fixture
def backup(counter, tmp_path: Path) -> Path:  # noqa: F811
    return counter.backups.create(tmp_path / "good.zip").path


def crafted(backup: Path, target: Path, *statements: str) -> Path:
    """The backup with its store changed by SQL and the manifest sealed again."""
    scratch = target.with_suffix(".sqlite3")

    def change(name: str, data: bytes) -> bytes:
        if name != DATABASE_FILE:
            return data
        scratch.write_bytes(data)
        with closing(sqlite3.connect(scratch)) as db:
            for statement in statements:
                db.execute(statement)
            db.commit()
            db.execute("VACUUM")
        return scratch.read_bytes()

    rewrite(backup, target, change)
    reseal(target)
    return target


EMPTIED = (
    "DROP TRIGGER audit_log_no_delete",
    "DELETE FROM audit_log",
    "PRAGMA foreign_keys = OFF",
    *(
        f"DELETE FROM {table}"
        for table in ("dossier_history", "dossier_documents", "dossier_fees", "dossiers")
    ),
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
)


@pytest.mark.slow  # runs the real program as a process
def test_a_store_without_its_audit_triggers_is_refused_before_the_swap(
    counter,  # noqa: F811
    backup,
    tmp_path,
):
    file = crafted(
        backup,
        tmp_path / "bare.zip",
        "DROP TRIGGER audit_log_no_update",
        "DROP TRIGGER audit_log_no_delete",
    )
    counter.close()
    refused(
        counter.data_dir,
        file,
        translate(
            "backup.audit_unprotected",
            "vi",
            path=str(file),
            names="audit_log_no_delete, audit_log_no_update",
        ),
    )


@pytest.mark.slow  # runs the real program as a process
def test_a_rewritten_log_is_refused_before_the_swap(counter, backup, tmp_path):  # noqa: F811
    file = crafted(
        backup,
        tmp_path / "rewritten.zip",
        "DROP TRIGGER audit_log_no_update",
        "UPDATE audit_log SET actor = 'intruder' WHERE id = 1",
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
    )
    counter.close()
    refused(
        counter.data_dir,
        file,
        translate("backup.audit_broken", "vi", path=str(file), entry=1),
    )


@pytest.mark.slow  # runs the real program as a process
def test_an_emptied_store_is_refused_when_central_anchored_more(
    counter,  # noqa: F811
    sqlite_central,
    backup,
    tmp_path,
):
    counter.sync.configure(sqlite_central)
    counter.sync.run_once()  # central acknowledges the chain head; the counter keeps it
    anchored = counter.audit.check().anchored
    assert anchored
    file = crafted(backup, tmp_path / "emptied.zip", *EMPTIED)
    counter.close()
    refused(
        counter.data_dir,
        file,
        translate("backup.audit_behind", "vi", path=str(file), anchored=anchored, entries=0),
    )


@pytest.mark.slow
def test_a_genuine_backup_still_restores_and_checks_clean(counter, backup, tmp_path):  # noqa: F811
    counter.close()
    restored = ok_json(run_cli(counter.data_dir, "restore", str(backup)))
    assert restored["dossiers"] == 3 and restored["kept_aside"]
    assert ok_json(run_cli(counter.data_dir, "audit", "verify"))["intact"] is True
    assert not list((counter.data_dir / "backups").glob(".restoring-*"))


@pytest.mark.slow  # runs the real program as a process
def test_an_older_backup_that_cannot_be_migrated_is_refused_before_the_swap(
    counter,  # noqa: F811
    tmp_path,
):
    """The migration runs on the staged copy: its failure is reported with the data folder
    exactly as it was (no upgrade copy of the backup left in backups/, nothing moved)."""
    from alembic import command
    from sqlalchemy import create_engine

    from counter_app.services.operations.archive import write_backup
    from counter_app.store import migrations

    old = tmp_path / "old" / DATABASE_FILE
    old.parent.mkdir()
    engine = create_engine(f"sqlite:///{old}")
    with engine.begin() as connection:
        command.upgrade(migrations._config(connection), "0003")
    engine.dispose()
    with closing(sqlite3.connect(old)) as db:  # a history line of no dossier: the upgrade's
        db.execute(  # foreign key check refuses it
            "INSERT INTO dossier_history (dossier_uuid, at, actor, action, from_status, "
            "to_status, note, place) VALUES ('nobody', '2026-12-01 01:00:00', 'x', 'receive', "
            "NULL, 'new', '', '')"
        )
        db.commit()
    file = write_backup(old, old.parent, tmp_path / "old.zip").path
    counter.close()
    refused(counter.data_dir, file, "foreign key")
