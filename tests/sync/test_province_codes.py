"""Codes for a province (issue 17): far more counters than the 50 the old fallback slices
allowed, counters registered before revision c0009 keeping their slices, random offline
periods, leases fetched ahead and taken at once for another agency, fallback slots handed per
(agency, counter): no code is ever given twice, and every code given is one central agrees the
counter owns (what its row-level security checks at push)."""

from __future__ import annotations

import shutil
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from counter_app.domain.catalog_file import catalog_from_json
from counter_app.domain.clock import now
from counter_app.domain.codes import DossierCode, FallbackZone
from counter_app.domain.errors import CounterError
from counter_app.services.sync.admin import CentralAdmin
from counter_app.store.central import counters as central_counters
from counter_app.store.central import replica, repository
from counter_app.store.central.database import CentralAddress, CentralDatabase
from counter_app.store.central.models import CentralSetting
from counter_app.store.codes import CodeMode, allocate_many
from counter_app.store.models import CodeRangeRow
from tests.conftest import AGENCY, OTHER_AGENCY, SMALL_CATALOG

COUNTERS = 120  # well past the 50 of the old slices
LEGACY = 30  # registered before slots existed
AGENCIES = (AGENCY, OTHER_AGENCY)
DAYS = 4


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    """A central with the catalog and COUNTERS counters, LEGACY of them from before c0009."""
    path = tmp_path_factory.mktemp("province") / "central.sqlite3"
    with CentralAdmin(f"sqlite:///{path}") as admin:
        admin.init()
        admin.import_catalog(catalog_from_json(SMALL_CATALOG))
        for number in range(1, COUNTERS + 1):
            admin.add_counter(f"C{number}", [AGENCIES[number % 2]])
        with admin.database.write() as session:
            session.merge(
                CentralSetting(
                    key="fallback_zone",
                    value={"value": FallbackZone(legacy=LEGACY).to_json()},
                )
            )
    return path


class SimulatedCounter:
    """A counter's number ranges in a store of their own, numbered by the real functions."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.engine = create_engine("sqlite://")
        CodeRangeRow.__table__.create(self.engine)
        self.zone = FallbackZone()
        self.slots: dict[str, int] = {}
        self.online = True
        self.given: list[DossierCode] = []

    def mode(self) -> CodeMode:
        return CodeMode("sqlite:///central", self.number, self.zone, self.slots)

    def round(self, central: CentralDatabase, target: int) -> None:
        today = now().date()
        days = [today + timedelta(days=i) for i in range(DAYS)]
        receiving = sorted({AGENCIES[self.number % 2]} | {c.agency for c in self.given})
        with Session(self.engine) as session:
            left = replica.lease_left(session, receiving, days)
        wanted = {key: target - free for key, free in left.items() if free < target}
        with central.write() as session:
            self.slots = central_counters.take_fallback_slots(
                session, self.number, receiving, at=now()
            )
            central_counters.grant_leases(session, self.number, wanted, at=now())
            leases = central_counters.leases_of(session, self.number, today)
            self.zone = repository.fallback_zone(session)
        with Session(self.engine) as session, session.begin():
            replica.store_leases(session, leases)

    def take(self, central: CentralDatabase, agency: str, day_index: int, count: int) -> None:
        day = now().date() + timedelta(days=day_index)
        if self.online:  # an agency it holds nothing of: leased at once, as the intake does
            with central.write() as session:
                central_counters.grant_leases(
                    session, self.number, {(agency, day): count}, at=now()
                )
                leases = central_counters.leases_of(session, self.number, day)
            with Session(self.engine) as session, session.begin():
                replica.store_leases(session, leases)
        try:
            with Session(self.engine) as session, session.begin():
                numbers = allocate_many(session, {(agency, day): count}, self.mode())
        except CounterError as refused:
            assert refused.key == "code.exhausted"
            return
        self.given.extend(DossierCode(agency, day, number) for number in numbers[(agency, day)])


step = st.one_of(
    st.tuples(st.just("round"), st.integers(1, COUNTERS), st.integers(0, 60)),
    st.tuples(st.just("offline"), st.integers(1, COUNTERS), st.booleans()),
    st.tuples(
        st.just("take"),
        st.integers(1, COUNTERS),
        st.sampled_from(AGENCIES),
        st.integers(0, DAYS - 1),
        st.integers(1, 25),
    ),
)


@pytest.mark.slow
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(step, min_size=20, max_size=120))
def test_no_code_is_given_twice_by_any_number_of_counters(template, steps):  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "central.sqlite3"
        shutil.copy(template, path)
        central = CentralDatabase(CentralAddress(f"sqlite:///{path}"))
        counters = {number: SimulatedCounter(number) for number in range(1, COUNTERS + 1)}
        for counter in counters.values():
            counter.round(central, 0)  # registered: the zone and its slots
        for kind, number, *rest in steps:
            counter = counters[number]
            if kind == "offline":
                counter.online = not rest[0]
            elif kind == "round" and counter.online:
                counter.round(central, rest[0])
            elif kind == "take":
                counter.take(central, *rest)
        codes = [code for counter in counters.values() for code in counter.given]
        assert len(codes) == len(set(codes))
        with central.read() as session:
            for counter in counters.values():
                for code in counter.given:
                    assert central_counters.owns_code(session, counter.number, code.agency, code)
        legacy = [c for c in counters.values() if c.number <= LEGACY]
        assert all(counter.zone.own_range(AGENCY, counter.number, {}) for counter in legacy)
        central.close()


def test_slots_go_only_to_counters_that_receive_for_the_agency_and_never_twice(template):  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "central.sqlite3"
        shutil.copy(template, path)
        central = CentralDatabase(CentralAddress(f"sqlite:///{path}"))
        with central.write() as session:
            held = {
                number: central_counters.take_fallback_slots(
                    session, number, list(AGENCIES), at=now()
                )
                for number in range(1, COUNTERS + 1)
            }
        zone = FallbackZone(legacy=LEGACY)
        for number, slots in held.items():
            if number <= LEGACY:
                assert slots == {}  # its slice of every agency
            else:
                assert set(slots) <= {AGENCIES[number % 2]}  # only the agency it serves
        for agency in AGENCIES:
            given = [slots[agency] for slots in held.values() if agency in slots]
            assert len(given) == len(set(given))
            assert all(LEGACY <= slot < zone.slots for slot in given)
        # slots of an agency run out (20 left after the legacy 30): the rest live on leases
        assert len([1 for slots in held.values() if slots]) == 2 * (zone.slots - LEGACY)
        central.close()


@pytest.fixture(params=["sqlite", "pg"])
def central(request):  # type: ignore[no-untyped-def]
    return request.getfixturevalue(f"{request.param}_central")


def test_an_existing_central_keeps_each_counters_slice_and_gives_new_ones_slots(central, tmp_path):  # type: ignore[no-untyped-def]
    from alembic import command

    from counter_app.services.intake import request_from_json
    from counter_app.services.sync.admin import open_central
    from counter_app.store.central.database import _config
    from tests.conftest import CALENDAR, intake_json
    from tests.sync.helpers import central_rows, make_counter
    from tests.sync.test_sync import counter_url

    database = open_central(central)
    with database.engine.begin() as connection:
        command.downgrade(_config(connection), "c0007")
    old_urls = [counter_url(central, f"OLD{i}", [AGENCY]) for i in (1, 2)]  # numbers 1 and 2
    with database.engine.begin() as connection:
        command.upgrade(_config(connection), "head")
    database.close()
    with CentralAdmin(central) as admin:
        assert admin.state().counts["counters"] == 2

    old, officer = make_counter(tmp_path, "old", faulty=True)
    old.sync.configure(old_urls[1])
    old.sync.run_once()
    assert old.settings.code_mode().fallback.legacy == 2
    old.faults.offline = True
    data = intake_json(CALENDAR) | {"return_at": AGENCY}
    foreign = old.intake.receive(request_from_json(data), user=officer)  # another agency, offline
    assert foreign.agency_code == OTHER_AGENCY
    assert 9020 <= DossierCode.parse(foreign.code).number <= 9039  # counter 2's slice, as before
    old.faults.offline = False
    assert old.sync.run_once().pending == 0
    assert central_rows(central)[foreign.uuid]["code"] == foreign.code

    new, _ = make_counter(tmp_path, "new")
    new.sync.configure(counter_url(central, "NEW", [AGENCY]))
    new.sync.run_once()
    assert new.settings.code_mode().slots == {AGENCY: 2}  # the first slot after the legacy two
    assert new.sync.status().codes_left_by_agency[AGENCY] == 100 + 20
    for ws in (old, new):
        ws.close()


@pytest.mark.slow
def test_a_number_space_running_low_is_shown_to_the_administrator_and_the_counter(
    central, tmp_path
):  # type: ignore[no-untyped-def]
    import json

    from counter_app.store.central.models import LeaseHeadRow
    from tests.sync.helpers import make_counter
    from tests.sync.test_cli_and_worker import cli
    from tests.sync.test_sync import counter_url

    today = now().date()
    ws, _ = make_counter(tmp_path, "a")
    ws.sync.configure(counter_url(central, "A", [AGENCY]))
    ws.sync.run_once()
    assert ws.sync.status().number_space_low == ()
    with CentralAdmin(central) as admin, admin.database.write() as session:
        session.merge(LeaseHeadRow(agency_code=AGENCY, day=today, next_first=7300))
    done = cli("central", "status", central)
    assert done.returncode == 0, done.stderr
    (low,) = json.loads(done.stdout)["number_space_low"]
    assert (low["agency"], low["day"], low["leased"]) == (AGENCY, today.isoformat(), 7299)
    assert "running low" in low["warning"]
    ws.sync.run_once()
    (seen,) = ws.sync.status().number_space_low
    assert (seen.agency_code, seen.day, seen.leasable) == (AGENCY, today, 8999)
    ws.close()


def test_a_counter_cut_off_for_three_working_days_still_receives_its_usual_volume(
    sqlite_central, tmp_path
):  # type: ignore[no-untyped-def]
    from datetime import datetime, time

    from counter_app.domain.clock import VN_TZ
    from tests.sync.helpers import make_counter, take
    from tests.sync.test_sync import counter_url

    ws, officer = make_counter(tmp_path, "a", faulty=True)
    ws.sync.configure(counter_url(sqlite_central, "A", [AGENCY]))
    ws.settings.set("sync.lease_target", 10)  # the volume decides, not the minimum
    ws.sync.run_once()
    take(ws, officer, 30)  # today's usual volume
    ws.sync.run_once()  # leases for today and the next three working days: 45 free each
    ws.faults.offline = True
    calendar = ws.calendars.for_agency(AGENCY)
    day = now().date()
    for _ in range(3):
        day = calendar.next_working_day(day)
        at = datetime.combine(day, time(9), tzinfo=VN_TZ)
        for _ in range(30):
            dossier = take_at(ws, officer, at)
            assert DossierCode.parse(dossier.code).number < 9000  # leased, not the fallback
    ws.close()


def take_at(ws, user, at):  # type: ignore[no-untyped-def]
    from counter_app.services.intake import request_from_json
    from tests.conftest import TEN_DAYS, intake_json

    return ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=user, at=at)
