"""Against the real PostgreSQL: row-level security, and faults on the line (a TCP proxy that
cuts, delays or swallows the reply to COMMIT), a central restart, a counter killed mid-batch."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import insert, select, text

from counter_app.domain.clock import now
from counter_app.domain.errors import CounterError
from counter_app.services.sync.admin import CentralAdmin
from counter_app.store.central.database import CentralAddress, CentralDatabase, split_password
from counter_app.store.central.models import CentralDossierRow, CounterRow
from tests.conftest import AGENCY, OTHER_AGENCY, intake_json
from tests.sync.conftest import wait_for
from tests.sync.helpers import central_rows, local_rows, make_counter, take
from tests.sync.proxy import FaultProxy


def add_counter(admin_url: str, counter_id: str, agencies: list[str], port: int | None = None):  # type: ignore[no-untyped-def]
    with CentralAdmin(admin_url) as admin:
        made = admin.add_counter(counter_id, agencies)
    database = admin_url.rsplit("/", 1)[1]
    host_port = f"127.0.0.1:{port}" if port else admin_url.split("@", 1)[1].split("/")[0]
    return made, f"postgresql://{made.role}:{made.password}@{host_port}/{database}"


def as_counter(url: str) -> CentralDatabase:
    from counter_app.store.central.database import split_password

    bare, password = split_password(url)
    return CentralDatabase(CentralAddress(bare, password=password))


# --- row-level security


def test_each_counter_reads_its_agencies_and_writes_only_as_itself(pg_central, tmp_path):
    _, url_a = add_counter(pg_central, "A", [AGENCY])
    _, url_b = add_counter(pg_central, "B", [OTHER_AGENCY])
    a, user_a = make_counter(tmp_path, "a")
    b, user_b = make_counter(tmp_path, "b")
    a.sync.configure(url_a)
    b.sync.configure(url_b)
    a.sync.run_once()
    b.sync.run_once()
    take(a, user_a, 2)
    take(b, user_b, 1, procedure="1.009972.000.00.00.H37")
    a.sync.run_once()
    b.sync.run_once()
    assert len(central_rows(pg_central)) == 3
    assert len(local_rows(a)) == 2 and len(local_rows(b)) == 1  # nothing of the other's

    central_a = as_counter(url_a)
    with central_a.read() as session:
        assert session.scalar(text("SELECT count(*) FROM procedures")) == 4  # the catalog
        assert {r.agency_code for r in session.scalars(select(CentralDossierRow))} == {AGENCY}
        assert [r.counter_id for r in session.scalars(select(CounterRow))] == ["A"]
    stolen = dict(
        uuid="00000000-0000-0000-0000-000000000001",
        code=None,
        status="new",
        version=1,
        received_at=None,
        updated_at=now(),
        seq=10**9,
        data={},
    )
    for values in (
        stolen | {"agency_code": OTHER_AGENCY, "written_by": 1, "origin_counter": 1},
        stolen | {"agency_code": AGENCY, "written_by": 2, "origin_counter": 2},  # as B
    ):
        with pytest.raises(CounterError) as denied, central_a.write() as session:
            session.execute(insert(CentralDossierRow.__table__), [values])
        assert denied.value.key == "central.denied"
    with central_a.write() as session:  # B's dossier is out of A's reach: nothing updated
        hit = session.execute(
            text("UPDATE dossiers SET status = 'done' WHERE agency_code = :a"), {"a": OTHER_AGENCY}
        )
        assert hit.rowcount == 0
    with pytest.raises(CounterError) as denied, central_a.write() as session:
        session.execute(text("UPDATE counters SET counter_id = 'X'"))
    assert denied.value.key == "central.denied"
    central_a.close()
    a.close()
    b.close()


def test_add_counter_prints_the_password_once_and_refuses_a_second_time(pg_central, tmp_path):
    bare, admin_password = split_password(pg_central)  # the administrator's, kept off argv
    command = [
        sys.executable,
        "-m",
        "counter_app.main",
        "--lang",
        "en",
        "central",
        "add-counter",
        bare,
        "--password-stdin",
        "--counter",
        "Q9",
        "--agency",
        AGENCY,
    ]
    stdin = f"{admin_password}\n"
    first = subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=60)
    assert first.returncode == 0, first.stderr
    made = json.loads(first.stdout)
    assert made["number"] == 1 and made["agencies"] == [AGENCY] and len(made["password"]) >= 24
    assert made["credentials"] == "role-password"
    host_and_database = pg_central.split("@", 1)[1]
    assert made["central"] == f"postgresql://{made['role']}:{made['password']}@{host_and_database}"
    again = subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=60)
    assert again.returncode == 1 and again.stderr.strip() == "Counter Q9 already exists."
    assert made["password"] not in again.stdout + again.stderr


def test_a_refused_password_is_named_as_such(pg_central, tmp_path):
    made, url = add_counter(pg_central, "A", [AGENCY])
    ws, _ = make_counter(tmp_path, "a")
    ws.sync.configure(url.replace(made.password, "wrong-password"))
    with pytest.raises(CounterError) as refused:
        ws.sync.run_once()
    assert refused.value.key == "central.auth"
    assert "wrong-password" not in refused.value.message("en")
    ws.close()


def test_tls_settings_are_used(pg_central, tmp_path):
    _, url = add_counter(pg_central, "A", [AGENCY])
    ws, _ = make_counter(tmp_path, "a")
    ws.sync.configure(url, sslmode="require")  # the test server speaks no TLS
    with pytest.raises(CounterError) as refused:
        ws.sync.run_once()
    assert refused.value.key == "sync.offline_unregistered" and "SSL" in refused.value.message("en")
    ws.sync.configure(url, sslmode="disable")
    ws.sync.run_once()
    ws.close()


# --- faults on the line


@pytest.fixture
def proxy(pg_server):  # type: ignore[no-untyped-def]
    line = FaultProxy(pg_server.port)
    yield line
    line.close()


def test_line_cut_mid_batch_leaves_nothing_half_done(pg_central, proxy, tmp_path):
    _, url = add_counter(pg_central, "A", [AGENCY], port=proxy.port)
    ws, user = make_counter(tmp_path, "a", push_batch=200)
    ws.sync.configure(url)
    ws.sync.run_once()
    dossiers = take(ws, user, 60)
    proxy.arm_cut(20_000)  # well inside the first batch's statements
    with pytest.raises(CounterError) as cut:
        ws.sync.run_once()
    assert cut.value.key == "sync.offline"
    assert central_rows(pg_central) == {}  # the batch's transaction rolled back whole
    assert ws.sync.pending() == 60
    ws.sync.run_once()
    assert sorted(r["code"] for r in central_rows(pg_central).values()) == sorted(
        d.code for d in dossiers
    )
    ws.close()


def test_reply_to_commit_lost_then_resent_is_taken_once(pg_central, proxy, tmp_path):
    _, url = add_counter(pg_central, "A", [AGENCY], port=proxy.port)
    ws, user = make_counter(tmp_path, "a")
    ws.sync.configure(url)
    ws.sync.run_once()
    dossiers = take(ws, user, 25)
    proxy.drop_commit_reply = True  # the push's COMMIT is the round's first
    with pytest.raises(CounterError):
        ws.sync.run_once()
    assert proxy.commits_dropped == 1
    assert len(central_rows(pg_central)) == 25  # committed centrally...
    assert ws.sync.pending() == 25  # ...and still waiting here
    result = ws.sync.run_once()
    assert result.pending == 0 and result.conflicts == 0
    rows = central_rows(pg_central)
    assert len(rows) == 25 and {r["code"] for r in rows.values()} == {d.code for d in dossiers}
    assert all(r["version"] == 1 for r in rows.values())
    ws.close()


def test_a_slow_line_still_syncs(pg_central, proxy, tmp_path):
    _, url = add_counter(pg_central, "A", [AGENCY], port=proxy.port)
    ws, user = make_counter(tmp_path, "a")
    ws.sync.configure(url)
    ws.sync.run_once()
    take(ws, user, 10)
    proxy.delay = 0.02
    assert ws.sync.run_once().pending == 0
    assert len(central_rows(pg_central)) == 10
    ws.close()


def test_central_restart_between_and_during_rounds(pg_central, pg_server, tmp_path):
    _, url = add_counter(pg_central, "A", [AGENCY])
    ws, user = make_counter(tmp_path, "a")
    ws.sync.configure(url)
    ws.sync.run_once()
    take(ws, user, 5)
    pg_server.stop("fast")
    try:
        with pytest.raises(CounterError) as down:
            ws.sync.run_once()
        assert down.value.key == "sync.offline"
        take(ws, user, 5)  # intake goes on, with leased codes
    finally:
        pg_server.start()
    result = ws.sync.run_once()  # the pool's dead connections are replaced
    assert result.pending == 0
    assert len(central_rows(pg_central)) == 10
    ws.close()


def test_counter_killed_mid_batch_resumes_without_loss_or_duplicates(pg_central, proxy, tmp_path):
    _, url = add_counter(pg_central, "A", [AGENCY], port=proxy.port)
    ws, user = make_counter(tmp_path, "a")
    ws.settings.set("sync.lease_target", 1500)
    ws.sync.configure(url)
    ws.sync.run_once()
    from counter_app.services.intake import request_from_json

    request = request_from_json(intake_json())
    prepared = [ws.intake.prepare(request, user=user, at=now()) for _ in range(1500)]
    codes = {d.code for d in ws.intake.save(prepared)}
    ws.close()
    proxy.delay = 0.005  # slow enough to be killed in the middle
    env = dict(os.environ, PYTHONPATH=str(Path.cwd()))
    command = [
        sys.executable,
        "-m",
        "counter_app.main",
        "--data-dir",
        str(tmp_path / "a"),
        "sync",
        "--once",
    ]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        assert wait_for(lambda: len(central_rows(pg_central)) > 0, timeout=60, step=0.02)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert 0 < len(central_rows(pg_central)) < 1500
    proxy.reset()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["pending"] == 0
    rows = central_rows(pg_central)
    assert len(rows) == 1500 and {r["code"] for r in rows.values()} == codes


def test_the_running_worker_pushes_a_new_dossier_without_waiting_for_a_full_round(
    pg_central, tmp_path
):
    """The worker pushes as soon as an entry waits; how fast is bench_sync's figure (<= 2 s)."""
    import threading

    _, url = add_counter(pg_central, "A", [AGENCY])
    ws, user = make_counter(tmp_path, "a")
    ws.sync.configure(url)
    stop = threading.Event()
    worker = threading.Thread(
        target=ws.sync.run_forever, args=(stop,), kwargs={"full_every": 3600.0}, daemon=True
    )
    worker.start()
    try:
        # the first round ended: registered, and the catalog pulled; no full round comes again
        assert wait_for(lambda: ws.sync.status().last_sync is not None, timeout=30)
        (dossier,) = take(ws, user)
        assert wait_for(lambda: dossier.uuid in central_rows(pg_central), timeout=60, step=0.05)
    finally:
        stop.set()
        worker.join(timeout=10)
    assert not worker.is_alive()
    ws.close()
