"""A pull writes central's rows in short transactions (issue 13: the window's saves must not
wait behind a whole page of 500 dossiers); a page cut half-way keeps what was written, the
cursor stays, and the next round pulls the page again without doubling anything."""

from __future__ import annotations

import pytest

from counter_app.domain.errors import CounterError
from counter_app.services.sync import rounds as sync_rounds
from counter_app.services.sync.admin import CentralAdmin
from counter_app.store.central import replica
from tests.conftest import AGENCY
from tests.sync.helpers import local_rows, make_counter, take


def counter_on(central: str, root, name: str):  # type: ignore[no-untyped-def]
    with CentralAdmin(central) as admin:
        admin.add_counter(name, [AGENCY])
    ws, user = make_counter(root, name)
    ws.sync.configure(f"{central}?counter={name}")
    ws.sync.run_once()
    return ws, user


def test_a_pull_cut_half_way_keeps_its_short_transactions(
    sqlite_central, tmp_path, monkeypatch
) -> None:
    other, other_user = counter_on(sqlite_central, tmp_path, "B")
    here, _ = counter_on(sqlite_central, tmp_path, "A")
    made = take(other, other_user, 12)
    other.sync.run_once()
    before = dict(here.settings.get("sync.cursors"))

    monkeypatch.setattr(sync_rounds, "WRITE_SLICE_S", 0.0)  # one row a transaction
    apply_dossiers = replica.APPLY["dossiers"]
    calls = []

    def cut_at_the_fifth(session, rows):  # type: ignore[no-untyped-def]
        calls.append(len(rows))
        if len(calls) == 5:
            raise CounterError("sync.offline", reason="line cut (test)")
        return apply_dossiers(session, rows)

    monkeypatch.setitem(replica.APPLY, "dossiers", cut_at_the_fifth)
    with pytest.raises(CounterError):
        here.sync.run_once()
    assert len(local_rows(here)) == 4  # four transactions committed before the cut
    assert here.settings.get("sync.cursors")["dossiers"] == before.get("dossiers", 0)

    monkeypatch.setitem(replica.APPLY, "dossiers", apply_dossiers)
    here.sync.run_once()
    assert sorted(r["code"] for r in local_rows(here).values()) == sorted(d.code for d in made)
    assert here.settings.get("sync.cursors")["dossiers"] > before.get("dossiers", 0)
    here.close()
    other.close()


def wal_pages(ws) -> int:  # type: ignore[no-untyped-def]
    wal = ws.database.path.with_name(ws.database.path.name + "-wal")
    return wal.stat().st_size // 4096 if wal.exists() else 0


@pytest.mark.slow
def test_a_pull_copies_its_log_into_the_file_as_it_goes(
    sqlite_central, tmp_path, monkeypatch
) -> None:
    """SQLite's automatic checkpoint falls on whichever commit finds the log over 1,000 pages:
    during a pull, often a save in the window, which then waits for pages it never wrote. The
    pull copies its own log after each short transaction, so the log stays small."""
    other, other_user = counter_on(sqlite_central, tmp_path, "B")
    here, _ = counter_on(sqlite_central, tmp_path, "A")
    take(other, other_user, 60)
    other.sync.run_once()
    with here.database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert wal_pages(here) == 0

    monkeypatch.setattr(sync_rounds, "WRITE_SLICE_S", 0.0)  # one row a transaction
    here.sync.run_once()
    assert len(local_rows(here)) == 60
    assert wal_pages(here) < 60  # sixty transactions of a row, each copied in as it ended
    here.close()
    other.close()
