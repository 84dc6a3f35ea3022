"""Opening the store: migrations, the backup before them, and SQLite's failures in words."""

from __future__ import annotations

import gc
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from counter_app.domain.errors import CounterError
from counter_app.store import migrations
from counter_app.store.database import open_database, sqlite_problem


def test_local_head_constant_matches_alembic_scripts():
    assert migrations.script_head() == migrations.LOCAL_HEAD


def test_new_store_is_at_head_in_wal_with_foreign_keys(tmp_path: Path):
    database = open_database(tmp_path / "c.sqlite3", create=True)
    with database.read() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert revision == migrations.LOCAL_HEAD
    database.close()


CURRENT = migrations.LOCAL_HEAD
NEXT = f"{max(int(r) for r in migrations.known_revisions()) + 1:04d}"  # a new id
NEXT_MIGRATION = f"""
from alembic import op
import sqlalchemy as sa

revision = "{NEXT}"
down_revision = "{CURRENT}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("next_feature", sa.Column("id", sa.Integer, primary_key=True))


def downgrade() -> None:
    op.drop_table("next_feature")
"""


def test_store_behind_head_is_backed_up_then_upgraded(tmp_path: Path, monkeypatch):
    import shutil

    from counter_app import paths
    from counter_app.store import database as database_module

    path = tmp_path / "c.sqlite3"
    first = open_database(path, create=True)
    with first.write() as session:
        session.execute(
            text("INSERT INTO settings VALUES ('counter.name', '{\"value\": \"Quầy 1\"}')")
        )
    first.close()
    # The next release brings migration 0002.
    scripts = tmp_path / "db"
    shutil.copytree(paths.migrations_dir(), scripts)
    (scripts / "local" / "versions" / f"{NEXT}_next_feature.py").write_text(NEXT_MIGRATION)
    monkeypatch.setattr(migrations, "migrations_dir", lambda: scripts)
    monkeypatch.setattr(database_module, "LOCAL_HEAD", NEXT)

    upgraded = open_database(path)
    with upgraded.read() as session:
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == NEXT
        assert session.execute(text("SELECT count(*) FROM next_feature")).scalar() == 0
    upgraded.close()
    [backup] = (tmp_path / "backups").iterdir()
    assert f"before-upgrade-from-{CURRENT}" in backup.name
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (CURRENT,)
    assert "Quầy 1" in copy.execute("SELECT value FROM settings").fetchone()[0]
    copy.close()


def test_store_from_a_newer_version_is_refused_untouched(tmp_path: Path):
    path = tmp_path / "c.sqlite3"
    open_database(path, create=True).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(CounterError) as refused:
        open_database(path)
    assert refused.value.key == "db.newer"
    assert path.read_bytes() == before


def test_missing_store_is_not_created_unless_asked(tmp_path: Path):
    with pytest.raises(CounterError) as refused:
        open_database(tmp_path / "nothing" / "c.sqlite3")
    assert refused.value.key == "db.not_initialised"
    assert not (tmp_path / "nothing").exists()


def test_foreign_sqlite_file_is_not_taken_over(tmp_path: Path):
    path = tmp_path / "c.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE someone_elses (x)")
    connection.commit()
    connection.close()
    with pytest.raises(CounterError) as refused:
        open_database(path)
    assert refused.value.key == "db.not_initialised"


@pytest.mark.parametrize(
    ("garbage", "key"),
    [
        (b"this is not a database at all" * 100, "db.corrupt"),
        (b"SQLite format 3\x00" + b"\xff" * 5000, "db.corrupt"),
    ],
)
def test_corrupted_store_is_named(tmp_path: Path, garbage: bytes, key: str):
    path = tmp_path / "c.sqlite3"
    path.write_bytes(garbage)
    with pytest.raises(CounterError) as refused:
        open_database(path)
    assert refused.value.key == key
    assert path.read_bytes() == garbage


@pytest.mark.parametrize(
    ("message", "key"),
    [
        ("database is locked", "db.locked"),
        ("attempt to write a readonly database", "db.readonly"),
        ("file is not a database", "db.corrupt"),
        ("database disk image is malformed", "db.corrupt"),
        ("database or disk is full", "db.disk_full"),
        ("unable to open database file", "db.readonly"),
    ],
)
def test_sqlite_failures_become_messages(message: str, key: str):
    problem = sqlite_problem(sqlite3.OperationalError(message), Path("c.sqlite3"))
    assert problem.key == key
    assert problem.message("vi") != problem.message("en")


def insert_old_dossier(
    connection: Connection, *, status: str = "new", id_number: str = "", moves: bool = True
) -> None:
    """Dossier A-250101-0001 (uuid u1) with the columns of the first release, and unless
    `moves` is false its receipt by canbo, as a store of an older version holds them."""
    connection.exec_driver_sql(
        "INSERT INTO dossiers (uuid, code, procedure_code, procedure_name, agency_code, status,"
        " applicant_type, applicant_name, applicant_name_folded, id_number, phone, email,"
        " address, organisation, sets, channel, return_method, note, fee_total, received_by,"
        " origin_counter, version, updated_at) VALUES ('u1', 'A-250101-0001', 'p', 'P', 'A',"
        " ?, 'citizen', 'An', 'an', ?, '', '', '', '', 1, 'direct', 'counter', '', 0,"
        " 'canbo', '', 1, '2025-01-01 02:00:00')",
        (status, id_number),
    )
    if moves:
        connection.exec_driver_sql(
            "INSERT INTO dossier_history (dossier_uuid, at, actor, action, to_status, note, place)"
            " VALUES ('u1', '2025-01-01 02:00:00', 'canbo', 'receive', 'new', '', '')"
        )


def test_each_migration_keeps_existing_dossiers(tmp_path: Path):
    """A store made by the first release, with a dossier in it, upgrades to head intact."""
    from alembic import command
    from sqlalchemy import create_engine

    path = tmp_path / "c.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config = migrations._config(connection)
        command.upgrade(config, "0001")
        insert_old_dossier(connection, status="done")
    engine.dispose()
    database = open_database(path)
    with database.read() as session:
        row = session.execute(
            text("SELECT code, collector_name, collector_authorised FROM dossiers")
        ).one()
    database.close()
    assert tuple(row) == ("A-250101-0001", "", 0)


def test_a_dossier_from_before_the_paper_type_reads_with_the_paper_its_number_shows(
    tmp_path: Path,
):
    """0010: rows written before it have no paper type; read back, an old 9-digit ID is an old
    ID (not refused as a citizen ID), and the wider column takes a 13-digit enterprise code."""
    from alembic import command
    from sqlalchemy import create_engine

    from counter_app.domain.identity_papers import IdType
    from counter_app.store.dossiers import find_by_code

    path = tmp_path / "c.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(migrations._config(connection), "0008")
        insert_old_dossier(connection, id_number="012345678", moves=False)
    engine.dispose()
    database = open_database(path)
    with database.write() as session:
        dossier = find_by_code(session, "A-250101-0001")
        assert dossier is not None
        assert (dossier.applicant.id_type, dossier.applicant.paper_type) == (None, IdType.OLD_ID)
        session.execute(text("UPDATE dossiers SET id_number = '0101234567001'"))
    with database.read() as session:
        dossier = find_by_code(session, "A-250101-0001")
        assert dossier is not None
        assert dossier.applicant.paper_type is IdType.ENTERPRISE_CODE
        assert dossier.applicant.id_number == "0101234567001"
    database.close()


def test_moves_from_before_0013_read_without_an_officers_name_and_title(tmp_path: Path):
    """0013: accounts get a title and each move its officer's name and title; what was there
    before reads with none (the portal export then names the login), and it goes back down."""
    from alembic import command
    from sqlalchemy import create_engine

    from counter_app.services.accounts import AccountService
    from counter_app.store.dossiers import find_by_code

    path = tmp_path / "c.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(migrations._config(connection), "0012")
        connection.exec_driver_sql(
            "INSERT INTO users (login, full_name, role, password_hash, failed_attempts, active,"
            " created_at) VALUES ('canbo', 'Nguyễn Thị Hoa', 'staff', 'x', 0, 1,"
            " '2025-01-01 02:00:00')"
        )
        insert_old_dossier(connection)
    engine.dispose()
    database = open_database(path)
    with database.read() as session:
        dossier = find_by_code(session, "A-250101-0001")
    assert dossier is not None
    (move,) = dossier.history
    assert (move.actor, move.actor_name, move.actor_title) == ("canbo", "", "")
    assert AccountService(database).users()[0].title == ""
    database.close()

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.downgrade(migrations._config(connection), "0012")
        assert connection.exec_driver_sql("SELECT actor FROM dossier_history").scalar() == "canbo"
        command.upgrade(migrations._config(connection), "head")
    engine.dispose()


def test_the_cycle_collector_waits_while_the_write_lock_is_held(tmp_path: Path):
    """A full collection inside a sync round's transaction made the window's save wait for it
    (issue 13): it runs once the transaction has ended, and stays off where it was off."""
    database = open_database(tmp_path / "counter.sqlite3", create=True)
    try:
        during: list[bool] = []
        assert gc.isenabled()
        with database.write() as session:
            session.execute(text("SELECT 1"))
            during.append(gc.isenabled())
        assert during == [False] and gc.isenabled()
        with pytest.raises(ZeroDivisionError), database.write():
            during.append(gc.isenabled())
            1 / 0  # noqa: B018
        assert during == [False, False] and gc.isenabled()
        gc.disable()
        try:
            with database.write():
                pass
            assert not gc.isenabled()
        finally:
            gc.enable()
    finally:
        database.close()
