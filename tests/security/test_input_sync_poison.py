"""One poisoned record never holds the counter's sync up: the push sets it aside, names it in
the sync log (and in what `sync` prints), sends the others, and tries it again only once it
changes. The poisoned data is written straight into the local store, as an older version of
the app could have left it; both centrals are real (SQLite file, PostgreSQL server)."""

from __future__ import annotations

import pytest

from counter_app.domain.lifecycle import Action
from tests.conftest import AGENCY, OTHER_AGENCY
from tests.sync.helpers import (
    as_an_older_version_left_it,
    central_rows,
    local_rows,
    make_counter,
    take,
)
from tests.sync.test_sync import counter_url

# (local column, value, where the payload holds it). A lone surrogate cannot be written to the
# local SQLite store at all (intake refuses it: tests/security/test_input_text.py).
POISONS = {
    "name": ("applicant_name", "Nguyễn\x00Văn An", "applicant.full_name"),
    "note": ("note", "ghi chú\x00", "note"),
}


@pytest.fixture(params=["sqlite", "postgresql"])
def central(request):  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_central")
    return request.getfixturevalue("pg_central")


@pytest.mark.parametrize("poison", list(POISONS))
def test_a_poisoned_name_is_set_aside_and_the_others_go_up(central, poison, tmp_path):
    ws, user = make_counter(tmp_path, "a")
    ws.sync.configure(counter_url(central, "Q1", [AGENCY, OTHER_AGENCY]))
    ws.sync.run_once()
    first, bad, last = take(ws, user, 3)
    column, value, where = POISONS[poison]
    as_an_older_version_left_it(ws, bad.uuid, **{column: value})

    result = ws.sync.run_once()

    assert set(central_rows(central)) == {first.uuid, last.uuid}
    assert [(s.uuid, s.code) for s in result.set_aside] == [(bad.uuid, bad.code)]
    assert where in result.set_aside[0].reason
    printed = result.to_json()["set_aside"]
    assert printed == [{"uuid": bad.uuid, "code": bad.code, "reason": result.set_aside[0].reason}]
    entry = ws.sync.log(1)[0]
    assert entry.ok and [s.code for s in entry.set_aside] == [bad.code]
    assert bad.code in entry.set_aside[0].message("en")

    # not tried again while it stays as it is: the next rounds are clean
    again = ws.sync.run_once()
    assert again.set_aside == () and again.pending == 0
    assert ws.sync.log(1)[0].set_aside == ()

    # a change (the officer's next move) sends it again; still poisoned, set aside again
    ws.dossiers.transition(bad.code, Action.TRANSFER, user=user)
    assert [s.uuid for s in ws.sync.run_once().set_aside] == [bad.uuid]

    # mended, it goes up
    as_an_older_version_left_it(ws, bad.uuid, **{column: "Trần Thị Bình"})
    ws.dossiers.transition(bad.code, Action.RESOLVE, user=user)
    assert ws.sync.run_once().set_aside == ()
    assert bad.uuid in central_rows(central)
    assert local_rows(ws)[bad.uuid]["synced"] == local_rows(ws)[bad.uuid]["version"]
    ws.close()


def test_a_record_central_refuses_is_set_aside(central, tmp_path):
    """Central refuses a dossier of an agency this counter does not serve (on PostgreSQL
    row-level security, on SQLite the same check): only that one stays behind."""
    ws, user = make_counter(tmp_path, "a")
    ws.sync.configure(counter_url(central, "Q1", [AGENCY]))
    ws.sync.run_once()
    dossiers = take(ws, user, 4)
    stray = dossiers[2]
    as_an_older_version_left_it(ws, stray.uuid, agency_code=OTHER_AGENCY)

    result = ws.sync.run_once()

    assert set(central_rows(central)) == {d.uuid for d in dossiers} - {stray.uuid}
    assert [s.uuid for s in result.set_aside] == [stray.uuid]
    assert OTHER_AGENCY in result.set_aside[0].reason
    assert ws.sync.run_once().set_aside == ()
    ws.close()


def test_a_value_postgresql_refuses_is_found_and_set_aside(pg_central, tmp_path):
    """A code longer than central's column (as an older version could have written): only
    PostgreSQL refuses it, for the whole batch; the halves find it."""
    ws, user = make_counter(tmp_path, "a", push_batch=8)
    ws.sync.configure(counter_url(pg_central, "Q1", [AGENCY]))
    ws.sync.run_once()
    dossiers = take(ws, user, 7)
    odd = dossiers[4]
    as_an_older_version_left_it(ws, odd.uuid, code=odd.code + "-" + "9" * 40)

    result = ws.sync.run_once()

    assert set(central_rows(pg_central)) == {d.uuid for d in dossiers} - {odd.uuid}
    assert [s.uuid for s in result.set_aside] == [odd.uuid]
    assert "too long" in result.set_aside[0].reason
    assert result.pushed == 6
    ws.close()


def test_a_record_that_cannot_be_read_back_is_set_aside(central, tmp_path):
    """A value an older (or newer) version wrote that this one does not know: the dossier
    cannot be serialised for central, and only it stays behind."""
    ws, user = make_counter(tmp_path, "a")
    ws.sync.configure(counter_url(central, "Q1", [AGENCY]))
    ws.sync.run_once()
    dossiers = take(ws, user, 3)
    odd = dossiers[1]
    as_an_older_version_left_it(ws, odd.uuid, status="archived-v9")

    result = ws.sync.run_once()

    assert set(central_rows(central)) == {dossiers[0].uuid, dossiers[2].uuid}
    assert [(s.uuid, s.code) for s in result.set_aside] == [(odd.uuid, odd.code)]
    assert "archived-v9" in result.set_aside[0].reason
    assert ws.sync.run_once().set_aside == ()
    ws.close()


def test_the_worker_goes_on_past_a_poisoned_record(central, tmp_path):
    """The background worker used to die on PostgreSQL's refusal of NUL in jsonb."""
    import threading

    from tests.sync.conftest import wait_for

    ws, user = make_counter(tmp_path, "a")
    ws.sync.configure(counter_url(central, "Q1", [AGENCY, OTHER_AGENCY]))
    ws.sync.run_once()
    bad = take(ws, user)[0]
    as_an_older_version_left_it(ws, bad.uuid, note="ghi chú\x00")
    stop = threading.Event()
    errors: list = []
    worker = threading.Thread(
        target=ws.sync.run_forever,
        args=(stop,),
        kwargs={"poll": 0.05, "on_round": lambda _r, e: e and errors.append(e)},
    )
    worker.start()
    try:
        good = take(ws, user)[0]
        assert wait_for(lambda: good.uuid in central_rows(central))
        assert worker.is_alive() and not errors
    finally:
        stop.set()
        worker.join(10)
    assert bad.uuid not in central_rows(central)
    ws.close()
