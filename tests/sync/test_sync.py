"""The sync against a trial SQLite central and, where marked, the real PostgreSQL: push,
pull, registration, leases, online submissions, merges and conflicts."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from counter_app.domain.clock import now
from counter_app.domain.codes import DossierCode, FallbackZone, RangeSource
from counter_app.domain.dossier import Status
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.domain.sync import Outcome
from counter_app.services.accounts import Role
from counter_app.services.sync.admin import CentralAdmin
from tests.conftest import AGENCY, OTHER_AGENCY, intake_json
from tests.sync.helpers import (
    central_rows,
    local_rows,
    make_counter,
    one_submission_accepted_twice,
    take,
)


@pytest.fixture(params=["sqlite", "postgresql"])
def central(request):  # type: ignore[no-untyped-def]
    """The administrator's URL of a fresh central, on each backend."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_central")
    return request.getfixturevalue("pg_central")


def counter_url(admin_url: str, counter_id: str, agencies: list[str]) -> str:
    """What an administrator gives a counter: its own login on PostgreSQL, the file naming
    the counter on SQLite."""
    with CentralAdmin(admin_url) as admin:
        made = admin.add_counter(counter_id, agencies)
    if admin_url.startswith("sqlite"):
        return f"{admin_url}?counter={counter_id}"
    host = admin_url.split("@", 1)[1]
    return f"postgresql://{made.role}:{made.password}@{host}"


def test_first_sync_registers_pulls_catalog_and_leases_codes(central, tmp_path):
    ws, user = make_counter(tmp_path, "a")
    ws.sync.configure(counter_url(central, "Q1", [AGENCY, OTHER_AGENCY]))
    result = ws.sync.run_once()
    assert result.pulled >= 7 and result.pending == 0
    status = ws.sync.status()
    assert status.registered and status.counter_number == 1 and status.online is True
    assert ws.catalog.procedure("1.001193.000.00.00.H37").agency_code == AGENCY
    # 100 leased numbers plus the counter's fallback slice of 20, for today
    assert status.codes_left_by_agency[AGENCY] == 120
    dossiers = take(ws, user, 3)
    assert [DossierCode.parse(d.code).number for d in dossiers] == [1, 2, 3]
    assert ws.sync.run_once().pushed == 3
    rows = central_rows(central)
    assert {r["code"] for r in rows.values()} == {d.code for d in dossiers}
    assert all(r["synced"] == r["version"] for r in local_rows(ws).values())
    ws.close()


def test_a_repeated_batch_changes_nothing(sqlite_central, tmp_path):
    from counter_app.services.sync.admin import open_central
    from counter_app.store.central import exchange

    ws, user = make_counter(tmp_path, "a")
    ws.sync.configure(sqlite_central)
    ws.sync.run_once()
    take(ws, user, 4)
    from counter_app.store.central.replica import pending_batch

    with ws.database.read() as session:
        batch = pending_batch(session, 100)
    database = open_central(sqlite_central)
    with database.write() as session:
        first = exchange.push(session, 1, batch.items, at=now())
    before = central_rows(sqlite_central)
    with database.write() as session:
        again = exchange.push(session, 1, batch.items, at=now())
    database.close()
    assert {r.outcome for r in first} == {Outcome.INSERTED}
    assert {r.outcome for r in again} == {Outcome.DUPLICATE}
    assert central_rows(sqlite_central) == before  # not even a new change number
    ws.close()


def test_reply_lost_after_central_committed_neither_loses_nor_doubles(sqlite_central, tmp_path):
    ws, user = make_counter(tmp_path, "a", faulty=True, push_batch=3)
    ws.sync.configure(sqlite_central)
    ws.sync.run_once()
    dossiers = take(ws, user, 7)
    ws.faults.fail_next, ws.faults.fail_on = "after", "push"
    with pytest.raises(CounterError) as lost:
        ws.sync.run_once()
    assert lost.value.key == "sync.offline"
    assert len(central_rows(sqlite_central)) == 3  # central took the first batch
    assert ws.sync.pending() == 7  # the counter never heard: its entries are all still there
    assert ws.sync.status().online is False
    result = ws.sync.run_once()
    assert result.pending == 0 and result.conflicts == 0
    rows = central_rows(sqlite_central)
    assert sorted(r["code"] for r in rows.values()) == sorted(d.code for d in dossiers)
    ws.close()


def test_several_changes_of_one_dossier_go_up_as_its_latest_version(sqlite_central, tmp_path):
    ws, user = make_counter(tmp_path, "a")
    ws.sync.configure(sqlite_central)
    ws.sync.run_once()
    (dossier,) = take(ws, user)
    ws.dossiers.transition(dossier.code, Action.TRANSFER, user=user)
    ws.dossiers.transition(dossier.code, Action.WITHDRAW, user=user)
    assert ws.dossiers.outbox_size() == 3
    assert ws.sync.run_once().pushed == 1
    (row,) = central_rows(sqlite_central).values()
    assert (row["version"], row["status"]) == (3, "cancelled")
    ws.close()


def test_department_decisions_come_down_by_keyset_pages(central, tmp_path):
    ws, user = make_counter(tmp_path, "a", pull_page=2)
    ws.sync.configure(counter_url(central, "Q1", [AGENCY, OTHER_AGENCY]))
    ws.sync.run_once()
    dossiers = take(ws, user, 5)
    for d in dossiers:
        ws.dossiers.transition(d.code, Action.TRANSFER, user=user)
    ws.sync.run_once()
    with CentralAdmin(central) as admin:
        for d in dossiers[:3]:
            admin.decide(d.code, Status.RELEASING)
        admin.decide(dossiers[3].code, Status.WAITING, note="Thiếu bản sao")
    assert ws.sync.run_once().pulled == 4
    assert [ws.dossiers.get(d.code).status for d in dossiers] == [Status.RELEASING] * 3 + [
        Status.WAITING,
        Status.PROCESSING,
    ]
    # the counter hands the result back: its own move on central's state goes up
    ws.dossiers.transition(dossiers[0].code, Action.RETURN, user=user)
    ws.sync.run_once()
    assert central_rows(central)[dossiers[0].uuid]["status"] == "done"
    assert ws.sync.run_once().pulled == 0
    ws.close()


def test_concurrent_moves_are_merged_when_the_counter_owns_them(sqlite_central, tmp_path):
    ws, user = make_counter(tmp_path, "a")
    ws.sync.configure(sqlite_central)
    ws.sync.run_once()
    (dossier,) = take(ws, user)
    ws.dossiers.transition(dossier.code, Action.TRANSFER, user=user)
    ws.sync.run_once()
    with CentralAdmin(sqlite_central) as admin:
        admin.decide(dossier.code, Status.PAYING)  # the department asks for a payment
    ws.dossiers.transition(dossier.code, Action.WITHDRAW, user=user)  # not yet pulled
    result = ws.sync.run_once()
    assert result.conflicts == 0
    merged = ws.dossiers.get(dossier.code)
    assert merged.status is Status.CANCELLED
    assert [h.action for h in merged.history] == [
        "receive",
        "transfer",
        "request-payment",
        "withdraw",
    ]
    # the counter's moves replayed centrally keep the officer's name (the portal's NguoiXuLy)
    assert [h.actor_name for h in merged.history] == ["Nguyễn Thị Hoa"] * 2 + ["", "Nguyễn Thị Hoa"]
    row = central_rows(sqlite_central)[dossier.uuid]
    assert (
        row["status"] == "cancelled" and row["version"] == local_rows(ws)[dossier.uuid]["version"]
    )
    ws.close()


def test_a_conflicting_change_is_kept_and_shown_never_overwritten(central, tmp_path):
    ws, user = make_counter(tmp_path, "a", faulty=True)
    ws.sync.configure(counter_url(central, "Q1", [AGENCY, OTHER_AGENCY]))
    ws.sync.run_once()
    (dossier,) = take(ws, user)
    ws.dossiers.transition(dossier.code, Action.TRANSFER, user=user)
    ws.sync.run_once()
    with CentralAdmin(central) as admin:
        admin.decide(dossier.code, Status.RELEASING)
    # offline, the counter records a decision that belongs to the department
    ws.dossiers.transition(dossier.code, Action.STOP, user=user, note="Hồ sơ giả mạo")
    ws.faults.fail_next, ws.faults.fail_on = "after", "push"  # and the reply is lost, too
    with pytest.raises(CounterError):
        ws.sync.run_once()
    result = ws.sync.run_once()
    assert result.conflicts == 1
    assert central_rows(central)[dossier.uuid]["status"] == "releasing"
    assert ws.dossiers.get(dossier.code).status is Status.RELEASING
    (conflict,) = ws.sync.conflicts()
    assert (conflict.local_status, conflict.central_status) == ("unresolved", "releasing")
    assert conflict.reason == "stop from releasing: lifecycle.illegal"
    with CentralAdmin(central) as admin:
        assert admin.counts()["conflicts"] == 1  # kept once centrally, although sent twice
    assert ws.sync.status().conflicts_open == 1
    supervisor = ws.accounts.add_user("totruong", Role.SUPERVISOR, "matkhau123", "Lê Văn Tổ")
    ws.sync.keep_central(conflict.id, user=supervisor)
    assert ws.sync.status().conflicts_open == 0
    ws.close()


def test_online_submissions_are_accepted_refused_or_sent_back(central, tmp_path):
    ws, user = make_counter(tmp_path, "a")
    ws.sync.configure(counter_url(central, "Q1", [AGENCY]))
    ws.sync.run_once()
    submission = intake_json() | {"agency": AGENCY, "channel": "online"}
    with CentralAdmin(central) as admin:
        uuids = [admin.submit(submission).uuid for _ in range(3)]
        admin.submit(intake_json("1.009972.000.00.00.H37") | {"agency": OTHER_AGENCY})
    ws.sync.run_once()
    queue = ws.sync.online_submissions()
    # not the other agency's: row-level security on PostgreSQL, the repository on SQLite
    assert sorted(d.uuid for d in queue) == sorted(uuids)
    waiting = len(queue)
    assert ws.sync.status().online_waiting == waiting
    accepted = ws.sync.accept_online(uuids[0], user=user)
    assert accepted.status is Status.NEW and accepted.code and accepted.due_at
    ws.sync.decide_online(uuids[1], Action.REFUSE, user=user, note="Sai thủ tục")
    ws.sync.decide_online(uuids[2], Action.REQUEST_SUPPLEMENT, user=user, note="Thiếu tờ khai")
    ws.sync.run_once()
    rows = central_rows(central)
    assert rows[uuids[0]]["code"] == accepted.code and rows[uuids[0]]["status"] == "new"
    assert rows[uuids[1]]["status"] == "denied" and rows[uuids[2]]["status"] == "waiting"
    assert len(ws.sync.online_submissions()) == waiting - 3
    ws.close()


def test_two_counters_accepting_one_submission_yield_one_code_and_a_conflict(
    sqlite_central, tmp_path
):
    a, b, uuid, first = one_submission_accepted_twice(sqlite_central, tmp_path)
    assert b.sync.run_once().conflicts == 1
    assert central_rows(sqlite_central)[uuid]["code"] == first.code
    assert b.dossiers.get(first.code).uuid == uuid  # b now holds central's version
    a.close()
    b.close()


def test_leases_of_counters_never_overlap_nor_enter_the_fallback_zone(sqlite_central, tmp_path):
    counters = [make_counter(tmp_path, name) for name in "abc"]
    for ws, _ in counters:
        ws.settings.set("sync.lease_target", 3000)
        ws.sync.configure(sqlite_central)
        ws.sync.run_once()
    zone = FallbackZone()
    ranges = []
    for ws, _ in counters:
        with ws.database.read() as session:
            from sqlalchemy import select

            from counter_app.store.models import CodeRangeRow

            for row in session.scalars(
                select(CodeRangeRow).where(CodeRangeRow.day == now().date())
            ):
                if row.source == RangeSource.LEASE.value and row.agency_code == AGENCY:
                    ranges.append((row.first, row.last))
    ranges.sort()
    assert all(a[1] < b[0] for a, b in itertools.pairwise(ranges))
    assert ranges[-1][1] < zone.first  # 3 × 3000 wanted: central stopped below 9000
    for ws, _ in counters:
        ws.close()


def test_offline_on_a_new_day_the_fallback_slice_gives_codes_and_warns(sqlite_central, tmp_path):
    ws, user = make_counter(tmp_path, "a", faulty=True)
    ws.settings.set("sync.lease_days", 1)
    ws.sync.configure(sqlite_central)
    ws.sync.run_once()
    ws.faults.offline = True
    tomorrow = now() + timedelta(days=1)
    from counter_app.services.intake import request_from_json

    request = request_from_json(intake_json())
    codes = [ws.intake.receive(request, user=user, at=tomorrow).code for _ in range(15)]
    numbers = [DossierCode.parse(c).number for c in codes]
    assert numbers == list(range(9000, 9015))  # counter 1's slice
    with pytest.raises(CounterError):
        ws.sync.run_once()
    ws.faults.offline = False
    ws.sync.run_once()
    assert {r["code"] for r in central_rows(sqlite_central).values()} == set(codes)
    ws.close()


def test_status_warns_before_codes_run_out(sqlite_central, tmp_path):
    ws, user = make_counter(tmp_path, "a")
    ws.settings.set("sync.lease_target", 0)
    ws.sync.configure(sqlite_central)
    ws.sync.run_once()
    status = ws.sync.status()
    assert status.codes_left_by_agency[AGENCY] == 20 and not status.codes_low
    take(ws, user, 12)
    status = ws.sync.status()
    assert status.codes_left_by_agency[AGENCY] == 8 and status.codes_low
    ws.close()


def test_a_counter_that_ran_alone_joins_without_reusing_its_numbers(sqlite_central, tmp_path):
    ws, user = make_counter(tmp_path, "a")
    from counter_app.domain.catalog_file import catalog_from_json
    from tests.conftest import SMALL_CATALOG

    ws.catalog.import_catalog(catalog_from_json(SMALL_CATALOG))
    alone = take(ws, user, 3)
    ws.sync.configure(sqlite_central)
    ws.sync.run_once()
    later = take(ws, user, 2)
    numbers = [DossierCode.parse(d.code).number for d in alone + later]
    assert numbers == [1, 2, 3, 4, 5]  # central's leases start above what it used alone
    assert ws.sync.run_once().conflicts == 0
    assert len(central_rows(sqlite_central)) == 5
    ws.close()


def test_the_password_goes_to_the_keyring_and_nowhere_else(pg_central, tmp_path, test_keyring):
    ws, _ = make_counter(tmp_path, "a")
    url = counter_url(pg_central, "Q1", [AGENCY])
    password = url.split(":")[2].split("@")[0]
    ws.sync.configure(url)
    ws.sync.run_once()
    assert password not in str(ws.settings.all())
    assert password in test_keyring.read_text()  # the tests' stand-in for the OS keyring
    ws.close()
    for path in (tmp_path / "a").rglob("*"):
        if path.is_file():
            assert password.encode() not in path.read_bytes(), path


def test_without_an_os_keyring_a_password_is_refused_with_a_clear_message(tmp_path):
    import keyring
    from keyring.backends import fail

    ws, _ = make_counter(tmp_path, "a")
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(CounterError) as refused:
        ws.sync.configure("postgresql://counter:secret@127.0.0.1:5/central")
    assert refused.value.key == "sync.no_keyring"
    assert "keyring" in refused.value.message("en")
    assert ws.settings.identity().central_url is None
    ws.close()


def test_export_uses_the_national_portal_field_names(sqlite_central, tmp_path):
    ws, user = make_counter(tmp_path, "a")
    ws.sync.configure(sqlite_central)
    ws.sync.run_once()
    (dossier,) = take(ws, user)
    ws.sync.run_once()
    with CentralAdmin(sqlite_central) as admin:
        (entry,) = list(admin.export(now().date()))
        assert list(admin.export(date(2001, 1, 1))) == []
    record = entry.record
    assert record["MaHoSo"] == dossier.code
    assert record["NgayTiepNhan"] == dossier.received_at.strftime("%Y%m%d%H%M%S")
    assert record["TrangThaiHoSo"] == "2" and record["KenhThucHien"] == "1"
    assert record["TenLinhVuc"] == "Lý lịch tư pháp"
    assert record["DonViXuLy"] == "Sở Tư pháp tỉnh Lạng Sơn" and record["MaDonViXuLy"] == AGENCY
    ws.close()


def test_central_schema_head_is_known_and_init_is_repeatable(central):
    from counter_app.store.central.database import CENTRAL_HEAD, central_script_head

    assert central_script_head() == CENTRAL_HEAD
    with CentralAdmin(central) as admin:
        again = admin.init()
    assert again["revision_before"] == again["revision"] == CENTRAL_HEAD
