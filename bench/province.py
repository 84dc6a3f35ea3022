"""A province on one central (issue 17): N simulated counters, each with its own local store,
its own central role and the real sync code, through a busy day compressed in time, against one
PostgreSQL on loopback behind PgBouncer (transaction mode, a fixed server-connection budget).

Each counter receives walk-in dossiers (a morning peak), forwards half of them, attaches a scan
to some, accepts online submissions of its agency; central decides on forwarded dossiers and
takes online submissions; a few counters are cut off for a while (no round reaches central).
A counter runs a full round every --round-every seconds and a quick push half a second after an
intake, like the window's worker. Counters run in --processes worker processes, several per
process, each a Workspace of its own.

Prints: sync round p50/p95/p99 as wall time, then less the time the counter's thread waited for
a core (hundreds of simulated counters share the machine's few cores; a real counter has its own
computer) and the counter's own CPU time; push throughput beside a raw COPY of the same rows in
the same run (best of a few alternated pairs), pull throughput, central's server connections at
the peak, central's CPU and memory, then a reconciliation (every dossier of every counter on
central exactly once with its code, every code unique, every central decision back on its
counter, nothing left waiting) and a security check for every counter role (it sees only its
agencies' dossiers and its own leases, slots, credentials and conflicts). With --faults: central
restarted, a third of the counters cut off for a while, one counter's disk full for a while, one
counter killed mid-push and started again.

    .venv/bin/python bench/province.py [--counters 50] [--seconds 180] [--faults]

Targets at N = 500: round p95 ≤ 200 ms, ≤ 20 server connections, push ≥ 20 % of raw COPY.
"""

from __future__ import annotations

import argparse
import contextlib
import heapq
import json
import multiprocessing
import os
import random
import re
import shutil
import string
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path

from bench_sync import central_server, copy_baseline
from common import ROOT

sys.path.insert(0, str(ROOT))

from counter_app.domain.catalog import Agency, Catalog, Procedure
from counter_app.domain.catalog_file import catalog_from_json
from counter_app.domain.dossier import Status
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.services.catalog import read_json_file
from counter_app.services.sync.admin import CentralAdmin
from counter_app.services.sync.worker import keep_rounds_short
from tests.sync.conftest import PgServer, server_connections, start_pgbouncer

DATABASE = "province"
PERSON = {"full_name": "Nguyễn Văn An", "id_number": "020090001234", "birth_date": "1990-03-15",
          "phone": "0912345678", "address": "Lạng Sơn", "type": "citizen"}  # fmt: skip
QUICK_DELAY = 0.5  # the worker pushes this soon after an intake
COMMUNE = re.compile(r"^000\.\d+\.40\.H37$")  # a commune's or a ward's agency in the demo catalog


@dataclass
class CounterPlan:
    index: int
    counter_id: str
    agency: str
    url: str
    procedures: list[str]
    accepts_online: bool  # the first counter of its agency takes its online submissions
    intakes: list[float]  # seconds into the day
    offline: tuple[float, float] | None = None  # no round reaches central in this window
    disk_full: tuple[float, float] | None = None
    killed_at: float | None = None  # killed mid-push at this time, started again


@dataclass
class Stats:
    rounds: list[float] = field(default_factory=list)  # wall seconds of each round
    # the same rounds less the time the counter's thread waited for a core (run queue)
    own_rounds: list[float] = field(default_factory=list)
    cpu_rounds: list[float] = field(default_factory=list)  # the counter's CPU seconds
    push_rounds: list[tuple[int, float]] = field(default_factory=list)  # (pushed, seconds)
    pull_rounds: list[tuple[int, float]] = field(default_factory=list)  # (pulled, seconds)
    failures: dict[str, int] = field(default_factory=dict)  # why rounds did not run: how many
    errors_seen: list[str] = field(default_factory=list)  # the first message of each kind
    refused_intakes: dict[str, int] = field(default_factory=dict)  # why: how many
    local: dict[str, list[tuple[str, str | None, str, int]]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def day_times(rng: random.Random, count: int, seconds: float) -> list[float]:
    """Intake moments over the compressed day: 60 % in a morning peak, the rest spread."""
    times = []
    for _ in range(count):
        if rng.random() < 0.6:
            moment = rng.gauss(0.22 * seconds, 0.08 * seconds)
        else:
            moment = rng.uniform(0, seconds)
        times.append(min(max(moment, 0.0), seconds * 0.95))
    return sorted(times)


def run_queue_wait() -> float:
    """Seconds this thread has spent ready to run but waiting for a core (Linux schedstat's
    second field): the queueing for CPU of many simulated counters on a few cores, which a
    counter on its own computer does not have. 0 where the kernel does not say."""
    try:
        return int(Path("/proc/thread-self/schedstat").read_text().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


def bouncer_url(made, port: int) -> str:  # type: ignore[no-untyped-def]
    return f"postgresql://{made.role}:{made.password}@127.0.0.1:{port}/{DATABASE}"


# --- the counters, in worker processes


class SimulatedCounter:
    def __init__(self, plan: CounterPlan, template: Path, root: Path) -> None:
        from counter_app.services.workspace import Workspace

        self.plan = plan
        self.folder = root / plan.counter_id
        shutil.copytree(template, self.folder)
        self.ws = Workspace(self.folder)
        self.user = self.ws.accounts.authenticate("canbo", "matkhau123")
        self.ws.settings.set("counter.name", f"Quầy {plan.counter_id}")
        self.ws.sync.configure(plan.url)
        self.ws.settings.set("central.keep_connection", True)  # PgBouncer: no login a round
        self.rng = random.Random(plan.index)

    def intake(self) -> str | None:
        """A walk-in intake; why it was refused (the error's key), or None."""
        from counter_app.services.intake import request_from_json

        procedure = self.rng.choice(self.plan.procedures)
        try:
            dossier = self.ws.intake.receive(
                request_from_json({"procedure": procedure, "applicant": PERSON}), user=self.user
            )
        except CounterError as error:
            return error.key
        if self.rng.random() < 0.5:
            self.ws.dossiers.transition(dossier.code, Action.TRANSFER, user=self.user)
        if self.rng.random() < 0.1:
            self.attach(dossier)
        return None

    def attach(self, dossier) -> None:  # type: ignore[no-untyped-def]
        from tests.digitising.conftest import write_page

        components = self.ws.catalog.procedure(dossier.procedure_code).components
        page = write_page(self.folder, "scan.png", size=(300, 420), seed=self.rng.randrange(10**9))
        self.ws.attachments.attach(
            dossier.code, [page], component=components[0].name, user=self.user
        )

    def accept_online(self) -> None:
        for submission in self.ws.sync.online_submissions()[:3]:
            self.ws.sync.accept_online(submission.uuid, user=self.user)

    def round(self, stats: Stats, *, full: bool) -> None:
        started, cpu, queued = time.perf_counter(), time.thread_time(), run_queue_wait()
        try:
            result = self.ws.sync.run_once(full=full, retry_held=False)  # as the worker does
        except CounterError as error:
            if error.key not in stats.failures:
                stats.errors_seen.append(f"{self.plan.counter_id}: {error.message('en')}")
            stats.failures[error.key] = stats.failures.get(error.key, 0) + 1
            return
        seconds = time.perf_counter() - started
        stats.rounds.append(seconds)
        stats.own_rounds.append(seconds - (run_queue_wait() - queued))
        stats.cpu_rounds.append(time.thread_time() - cpu)
        if result.pushed:
            stats.push_rounds.append((result.pushed, seconds))
        if full and result.pulled:
            stats.pull_rounds.append((result.pulled, seconds))

    def local_dossiers(self) -> list[tuple[str, str | None, str, int]]:
        from tests.sync.helpers import local_rows

        pending = self.ws.dossiers.outbox_size()
        return [
            (uuid, row["code"], row["status"], pending) for uuid, row in local_rows(self.ws).items()
        ]


def run_counters(
    plans: list[CounterPlan],
    template: Path,
    root: Path,
    args,
    day: DayStart,
    out,  # type: ignore[no-untyped-def]
) -> None:
    """A worker process: its counters through the day, then their local state for the
    reconciliation."""
    import keyring

    from tests.sync.keyring_backend import ENV, TestKeyring

    os.environ[ENV] = str(root / f"keyring-{os.getpid()}.json")
    keyring.set_keyring(TestKeyring())
    stats = Stats()
    try:
        counters = [SimulatedCounter(plan, template, root) for plan in plans]
        keep_rounds_short()  # as the window's sync worker does once its workspace is open
        for counter in counters:
            counter.round(stats, full=True)  # registered: its number, catalog and leases
        stats.rounds.clear()
        stats.own_rounds.clear()
        stats.cpu_rounds.clear()
        stats.push_rounds.clear()
        stats.pull_rounds.clear()
        _the_day(counters, stats, args, day.registered())
        for counter in counters:  # the line is back everywhere: the last rounds
            counter.round(stats, full=True)
            counter.round(stats, full=True)
        stats.local = {c.plan.counter_id: c.local_dossiers() for c in counters}
        for counter in counters:
            counter.ws.close()
    except Exception:  # reported by the main process
        day.abort()
        stats.errors.append(traceback.format_exc())
    out.put(stats)


class DayStart:
    """The day starts for every counter at once, when all of them are registered (hundreds of
    first rounds on a loaded machine take longer than any fixed allowance)."""

    def __init__(self, context, workers: int) -> None:  # type: ignore[no-untyped-def]
        self._ready = context.Barrier(workers + 1)
        self._go = context.Event()
        self._at = context.Value("d", 0.0)

    def registered(self) -> float:
        """A worker's counters are registered: waits for the others; the day's start."""
        self._ready.wait()
        self._go.wait()
        return self._at.value

    def start(self) -> float:
        """The main process: once every worker is ready, the day starts in a moment."""
        with contextlib.suppress(threading.BrokenBarrierError):  # a worker failed: reported
            self._ready.wait()
        self._at.value = time.time() + 2
        self._go.set()
        return self._at.value

    def abort(self) -> None:
        self._ready.abort()
        self._go.set()


def _the_day(counters: list[SimulatedCounter], stats: Stats, args, start_at: float) -> None:  # type: ignore[no-untyped-def]
    events: list[tuple[float, int, str, int]] = []
    order = 0
    for slot, counter in enumerate(counters):
        phase = counter.rng.uniform(0, args.round_every)
        for moment in counter.plan.intakes:
            events.append((moment, order, "intake", slot))
            order += 1
        moment = phase
        while moment < args.seconds:
            events.append((moment, order, "full", slot))
            order += 1
            moment += args.round_every
    heapq.heapify(events)
    quick_due: set[int] = set()
    while events:
        moment, _, kind, slot = heapq.heappop(events)
        wait = start_at + moment - time.time()
        if wait > 0:
            time.sleep(wait)
        counter = counters[slot]
        plan = counter.plan
        cut = plan.offline is not None and plan.offline[0] <= moment < plan.offline[1]
        if kind == "intake":
            full = plan.disk_full is not None and plan.disk_full[0] <= moment < plan.disk_full[1]
            refused = "disk full" if full else counter.intake()
            if refused is not None:
                stats.refused_intakes[refused] = stats.refused_intakes.get(refused, 0) + 1
            if slot not in quick_due:
                quick_due.add(slot)
                heapq.heappush(events, (moment + QUICK_DELAY, order, "quick", slot))
                order += 1
            continue
        if kind == "quick":
            quick_due.discard(slot)
        if cut:
            stats.failures["cut off"] = stats.failures.get("cut off", 0) + 1
            continue
        if plan.killed_at is not None and moment >= plan.killed_at and kind == "quick":
            plan.killed_at = None
            _kill_mid_push(counter)
            continue
        counter.round(stats, full=kind == "full")
        if kind == "full" and plan.accepts_online:
            counter.accept_online()


def _kill_mid_push(counter: SimulatedCounter) -> None:
    """The counter's sync process killed while its push is under way, then started again on
    the same data folder (a child process runs the round and is killed after a moment)."""
    context = multiprocessing.get_context("fork")
    process = context.Process(target=counter.ws.sync.run_once, kwargs={"full": False})
    process.start()
    time.sleep(0.02)
    process.kill()
    process.join()
    counter.ws.sync.close()


# --- central's side: the departments, the portal, and the measures


class CentralActivity(threading.Thread):
    """Departments deciding on forwarded dossiers, the portal sending online submissions."""

    def __init__(self, url: str, procedures: dict[str, list[str]], stop: threading.Event) -> None:
        super().__init__(daemon=True)
        self.url, self.procedures, self.stop = url, procedures, stop
        self.decided: set[str] = set()
        self.submitted = 0
        self.errors: list[str] = []

    def run(self) -> None:
        rng = random.Random(5)
        admin = CentralAdmin(self.url)
        try:
            while not self.stop.wait(0.5):
                try:
                    self._step(admin, rng)
                except CounterError as error:
                    if error.key != "sync.offline":
                        raise
                    admin.database.release()  # central restarting: the next step tries again
        except Exception:  # reported by the main process
            self.errors.append(traceback.format_exc())
        finally:
            admin.close()

    def _step(self, admin: CentralAdmin, rng: random.Random) -> None:
        """A department decides on forwarded dossiers; the portal sends a submission."""
        from sqlalchemy import select

        from counter_app.store.central.models import CentralDossierRow as D

        with admin.database.read() as session:
            codes = list(
                session.scalars(select(D.code).where(D.status == Status.PROCESSING.value).limit(8))
            )
        for code in codes:
            try:
                admin.decide(code, Status.RELEASING, actor="phong")
                self.decided.add(code)
            except CounterError:
                pass  # a counter moved it meanwhile, or central is restarting
        agency = rng.choice(sorted(self.procedures))
        admin.submit(
            {"procedure": rng.choice(self.procedures[agency]), "applicant": PERSON,
             "agency": agency}
        )  # fmt: skip
        self.submitted += 1


class CentralGauge(threading.Thread):
    """Server connections of the database (peak), and the PostgreSQL processes' CPU time and
    memory (proportional set size, so shared buffers count once)."""

    def __init__(self, server: PgServer, budget: int, stop: threading.Event) -> None:
        super().__init__(daemon=True)
        self.server, self.budget, self.stop = server, budget, stop
        self.peak_connections = 0
        self.peak_memory = 0
        self.cpu_start = self.cpu_end = 0.0
        self.started = self.ended = 0.0

    def _processes(self) -> list[int]:
        postmaster = int((self.server.data / "postmaster.pid").read_text().split()[0])
        found = [postmaster]
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if int(fields[1]) == postmaster:
                    found.append(int(entry.name))
        return found

    def _cpu(self) -> float:
        ticks = 0
        for pid in self._processes():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            ticks += int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])
        return ticks / os.sysconf("SC_CLK_TCK")

    def _memory(self) -> int:
        total = 0
        for pid in self._processes():
            try:
                for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
            except OSError:
                continue
        return total

    def run(self) -> None:
        import psycopg

        self.started, self.cpu_start = time.time(), self._cpu()
        with psycopg.connect(self.server.url("postgres"), autocommit=True) as connection:
            while not self.stop.wait(0.25):
                try:
                    count = server_connections(connection, DATABASE, self.budget)
                except psycopg.Error:
                    continue  # central restarting
                self.peak_connections = max(self.peak_connections, count)
                self.peak_memory = max(self.peak_memory, self._memory())
        self.ended, self.cpu_end = time.time(), self._cpu()


# --- the run


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--counters", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=180.0, help="the compressed day")
    parser.add_argument("--per-counter", type=int, default=24, help="walk-in intakes a day")
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--round-every", type=float, default=15.0)
    parser.add_argument("--budget", type=int, default=20, help="PgBouncer's server connections")
    parser.add_argument("--faults", action="store_true")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--bulk", type=int, default=2000, help="dossiers of the push measure")
    parser.add_argument("--bulk-repeats", type=int, default=3, help="push and COPY, alternated")
    parser.add_argument(
        "--communes", type=int, default=0, help="more communes, each an agency (up to 936)"
    )
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="bench-province-") as folder,
        central_server(Path(folder)) as server,
    ):
        ok = run(server, Path(folder), args)
    return 0 if ok else 1


def _template(root: Path) -> Path:
    """A migrated local store with an officer, copied for every counter (quicker than
    migrating hundreds of stores)."""
    from counter_app.services.accounts import Role
    from counter_app.services.workspace import Workspace

    template = root / "template"
    with Workspace(template, create=True) as ws:
        ws.accounts.add_user("canbo", Role.STAFF, "matkhau123", "Cán bộ")
    return template


def with_communes(catalog: Catalog, communes: int) -> Catalog:
    """The catalog with `communes` more communes, each its own agency offering the procedures
    of the catalog's largest commune (under codes of its own): a province's communes and wards
    each have their one-stop unit and their agency, so that only a few counters serve each
    agency and pull its dossiers, where the demo catalog's 16 agencies put dozens of counters to
    one agency at N = 500."""
    if not communes:
        return catalog
    offered: dict[str, list[Procedure]] = {}
    for procedure in catalog.procedures:
        if procedure.active and COMMUNE.match(procedure.agency_code):
            offered.setdefault(procedure.agency_code, []).append(procedure)
    model = max(offered.values(), key=len)
    agencies = [
        Agency(f"000.{_commune_part(k)}.40.H37", f"Ủy ban nhân dân xã Thử {k + 1}",
               "000.00.00.H37", f"UBND xã Thử {k + 1}")
        for k in range(communes)
    ]  # fmt: skip
    return Catalog(
        [*catalog.agencies, *agencies],
        [
            *catalog.procedures,
            *(
                replace(procedure, code=f"{procedure.code}-{agency.code}", agency_code=agency.code)
                for agency in agencies
                for procedure in model
            ),
        ],
    )


def _commune_part(index: int) -> str:
    """Two characters, a letter first, of an agency code no demo agency has (13 at most)."""
    return (
        string.ascii_uppercase[index // 36] + (string.digits + string.ascii_uppercase)[index % 36]
    )


def _plans(args, catalog, made: list, port: int) -> list[CounterPlan]:  # type: ignore[no-untyped-def]
    rng = random.Random(args.seed)
    by_agency: dict[str, list[str]] = {}
    for procedure in catalog.procedures:
        if procedure.active:
            by_agency.setdefault(procedure.agency_code, []).append(procedure.code)
    agencies = sorted(by_agency)
    plans = []
    for index, counter in enumerate(made):
        agency = agencies[index % len(agencies)]
        # a counter receives for its agency mostly, for any other now and then: nine of the
        # others' procedures, drawn for each counter (the same nine for all would make one
        # agency every counter's guest and run its day's numbers out, as no province would)
        others = [p for a in agencies if a != agency for p in by_agency[a]]
        procedures = by_agency[agency] * 9 + rng.sample(others, min(9, len(others)))
        plans.append(
            CounterPlan(
                index, counter.counter_id, agency, bouncer_url(counter, port), procedures,
                accepts_online=index < len(agencies),
                intakes=day_times(rng, args.per_counter, args.seconds),
            )
        )  # fmt: skip
    for plan in rng.sample(plans, max(1, len(plans) // 20)):  # a few cut off for a while
        start = rng.uniform(0.1, 0.5) * args.seconds
        plan.offline = (start, start + 0.25 * args.seconds)
    if args.faults:
        for plan in rng.sample(plans, len(plans) // 3):  # the network cut for a third
            plan.offline = (0.45 * args.seconds, 0.6 * args.seconds)
        plans[-1].disk_full = (0.3 * args.seconds, 0.5 * args.seconds)
        plans[-2].killed_at = 0.4 * args.seconds
    return plans


def run(server: PgServer, root: Path, args) -> bool:  # type: ignore[no-untyped-def]
    with server.admin() as connection:
        connection.execute(f'CREATE DATABASE "{DATABASE}"')
    catalog = with_communes(
        catalog_from_json(read_json_file(ROOT / "resources" / "demo" / "catalog.json")),
        args.communes,
    )
    (root / "bouncer").mkdir()
    bouncer = start_pgbouncer(server, root / "bouncer", max_db_connections=args.budget)
    try:
        return _run_day(server, root, args, catalog, bouncer)
    finally:
        bouncer.stop()


def _run_day(server: PgServer, root: Path, args, catalog, bouncer) -> bool:  # type: ignore[no-untyped-def]
    admin_url = server.url(DATABASE)
    started = time.perf_counter()
    with CentralAdmin(admin_url) as admin:
        admin.init()
        admin.import_catalog(catalog)
        agencies = sorted({p.agency_code for p in catalog.procedures if p.active})
        made = [
            admin.add_counter(f"Q{i:03d}", [agencies[i % len(agencies)]])
            for i in range(args.counters)
        ]
    plans = _plans(args, catalog, made, bouncer.port)
    template = _template(root)
    print(
        f"(central and {args.counters} counter roles in {time.perf_counter() - started:.1f} s)",
        flush=True,
    )

    stop = threading.Event()
    gauge = CentralGauge(server, args.budget, stop)
    procedures = {p.agency: p.procedures[:1] for p in plans if p.accepts_online}
    activity = CentralActivity(bouncer.url(admin_url), procedures, stop)
    context = multiprocessing.get_context("fork")
    out = context.Queue()
    day = DayStart(context, args.processes)
    workers = [
        context.Process(
            target=run_counters, args=(plans[i :: args.processes], template, root, args, day,
                                       out),
        )
        for i in range(args.processes)
    ]  # fmt: skip
    for worker in workers:
        worker.start()
    start_at = day.start()
    print(f"(every counter registered {time.perf_counter() - started:.1f} s in)", flush=True)
    time.sleep(max(0.0, start_at - time.time()))
    gauge.start()
    activity.start()
    if args.faults:
        time.sleep(0.35 * args.seconds)
        server.stop("fast")  # central restarted in the middle of the day
        time.sleep(3)
        server.start()
    time.sleep(max(0.0, start_at + args.seconds - time.time()))
    stop.set()
    activity.join()
    results = [out.get() for _ in workers]
    for worker in workers:
        worker.join()
    gauge.join()
    push_against_copy = _push_against_copy(server, template, root, args, plans, bouncer.port)
    return _report(server, admin_url, args, results, gauge, activity, push_against_copy)


def _push_against_copy(server, template, root, args, plans, port):  # type: ignore[no-untyped-def]
    """Dossiers per second of a counter pushing `--bulk` saved dossiers in one round, and of a
    raw COPY of the same rows into a table of the same shape, in the same run: `--bulk-repeats`
    times each, alternated (a new counter each time), so that a burst of load on the shared
    machine weighs on both alike. Each new counter serves another counter's agency: leasing
    `--bulk` numbers of one agency's day each time would run that day's numbers out."""
    pushes, copies = [], []
    for attempt in range(args.bulk_repeats):
        plan = plans[attempt % len(plans)]
        try:
            push_rate, rows = _bulk_push(server, template, root, args, plan, port, f"BULK{attempt}")
        except CounterError as error:  # the day's figures still get reported
            print(f"push measure not made: {error.message('en')}", flush=True)
            break
        pushes.append(push_rate)
        copies.append(args.bulk / copy_baseline(server, DATABASE, rows))
    return pushes, copies


def _bulk_push(server, template, root, args, plan, port, counter_id) -> tuple[float, list[tuple]]:  # type: ignore[no-untyped-def]
    """One counter's push of `--bulk` dossiers in one round (per second), and the same rows
    for COPY."""
    from counter_app.domain.clock import now
    from counter_app.services.intake import request_from_json
    from counter_app.store.central.replica import payload

    with CentralAdmin(server.url(DATABASE)) as admin:
        made = admin.add_counter(counter_id, [plan.agency])
    bulk = CounterPlan(
        -1, counter_id, plan.agency, bouncer_url(made, port), plan.procedures, False, []
    )
    counter = SimulatedCounter(bulk, template, root)
    counter.ws.settings.set("sync.lease_target", min(3000, args.bulk + 100))
    counter.ws.sync.run_once()
    at = now()
    prepared = [
        counter.ws.intake.prepare(
            request_from_json({"procedure": plan.procedures[0], "applicant": PERSON}),
            user=counter.user, at=at,
        )
        for _ in range(args.bulk)
    ]  # fmt: skip
    counter.ws.intake.save(prepared)
    started = time.perf_counter()
    result = counter.ws.sync.run_once(full=False)
    seconds = time.perf_counter() - started
    assert result.pushed == args.bulk and result.pending == 0, result
    counter.ws.close()
    rows = [
        (f"{d.uuid[:30]}-c", f"{d.code}-c", d.agency_code, d.status.value, 1, 1, 1,
         d.received_at, at, 10**12 + i, json.dumps(payload(d), ensure_ascii=False))
        for i, d in enumerate(prepared)
    ]  # fmt: skip
    return args.bulk / seconds, rows


def _percentiles(seconds: list[float]) -> tuple[float, float, float]:
    """p50, p95 and p99 in milliseconds."""
    ordered = sorted(seconds)
    if not ordered:
        return 0.0, 0.0, 0.0
    p50, p95, p99 = (
        ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000
        for share in (0.5, 0.95, 0.99)
    )
    return p50, p95, p99


def _report(server, admin_url, args, results, gauge, activity, push_against_copy) -> bool:  # type: ignore[no-untyped-def]
    import psycopg

    errors = [e for r in results for e in r.errors] + activity.errors
    for error in errors:
        print(error, file=sys.stderr)
    rounds = [s for r in results for s in r.rounds]
    pushes = [p for r in results for p in r.push_rounds]
    pulls = [p for r in results for p in r.pull_rounds]
    pushed, push_seconds = sum(n for n, _ in pushes), sum(s for _, s in pushes)
    pulled, pull_seconds = sum(n for n, _ in pulls), sum(s for _, s in pulls)
    bulk_pushes, bulk_copies = push_against_copy
    push_rate, copy_rate = max(bulk_pushes, default=0.0), max(bulk_copies, default=0.0)
    ratios = ", ".join(f"{p / c * 100:.1f}" for p, c in zip(bulk_pushes, bulk_copies, strict=True))
    cpu = (gauge.cpu_end - gauge.cpu_start) / max(gauge.ended - gauge.started, 1e-9)
    failures: dict[str, int] = {}
    for result in results:
        for key, count in result.failures.items():
            failures[key] = failures.get(key, 0) + count
    p50, p95, p99 = _percentiles(rounds)
    own = _percentiles([s for r in results for s in r.own_rounds])
    cpu_p50, cpu_p95, cpu_p99 = _percentiles([s for r in results for s in r.cpu_rounds])
    busy = sum(sum(r.cpu_rounds) for r in results) / max(gauge.ended - gauge.started, 1e-9)
    lines = [
        f"counters {args.counters}, day compressed into {args.seconds:.0f} s, {len(rounds)} "
        f"rounds; not run or failed: {failures or 'none'}",
        f"sync round p50/p95/p99, wall: {p50:.0f} / {p95:.0f} / {p99:.0f} ms (target p95 ≤ 200 ms)",
        f"  less the counter's wait for a core: {own[0]:.0f} / {own[1]:.0f} / {own[2]:.0f} ms; "
        f"its CPU: {cpu_p50:.0f} / {cpu_p95:.0f} / {cpu_p99:.0f} ms; the counters' rounds kept "
        f"{busy:.2f} cores busy",
        f"push during the day: {pushed} dossiers in {len(pushes)} rounds "
        f"({pushed / push_seconds if push_seconds else 0:,.0f}/s of those rounds)",
        f"push of {args.bulk:,} dossiers in one round, best of {len(bulk_pushes)}: "
        f"{push_rate:,.0f}/s; raw COPY of the same rows, best of {len(bulk_copies)}: "
        f"{copy_rate:,.0f}/s: "
        f"{push_rate / copy_rate * 100 if copy_rate else 0:.1f} % (target ≥ 20 %; each pair in "
        f"turn: {ratios} %)",
        f"pull: {pulled} changes in {len(pulls)} full rounds "
        f"({pulled / pull_seconds if pull_seconds else 0:,.0f}/s of those rounds)",
        f"server connections at the peak: {gauge.peak_connections} (PgBouncer's budget "
        f"{args.budget}; target ≤ 20)",
        f"central CPU {cpu * 100:.0f} % of one core on average, memory (PSS) at the peak "
        f"{gauge.peak_memory / 2**20:,.0f} MiB; machine load average {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} cores",
        f"walk-in intakes refused: {_refusals(results)}; online submissions {activity.submitted}",
    ]
    with psycopg.connect(admin_url) as connection:
        size, count = connection.execute(
            "SELECT pg_total_relation_size('dossiers'), count(*) FROM dossiers"
        ).fetchone()
    lines.append(f"central dossiers: {count}, {size / max(count, 1):,.0f} bytes each with indexes")
    lines.extend(f"  {seen}" for r in results for seen in r.errors_seen)
    print("\n".join(lines), flush=True)
    ok = not errors and _reconcile(admin_url, results, activity)
    ok &= _security(server, admin_url)
    return ok and gauge.peak_connections <= args.budget


def _refusals(results: list[Stats]) -> str:
    """The walk-in intakes refused, by why ("disk full" is the simulated fault)."""
    why: dict[str, int] = {}
    for stats in results:
        for key, count in stats.refused_intakes.items():
            why[key] = why.get(key, 0) + count
    return ", ".join(f"{key} {count}" for key, count in sorted(why.items())) or "none"


def _reconcile(admin_url: str, results: list[Stats], activity: CentralActivity) -> bool:
    """Every dossier of every counter on central exactly once with its code, every code
    unique, every central decision back on its counter, nothing waiting."""
    import psycopg

    with psycopg.connect(admin_url) as connection:
        central = {
            uuid: (code, status)
            for uuid, code, status in connection.execute("SELECT uuid, code, status FROM dossiers")
        }
        origin = dict(connection.execute("SELECT code, origin_counter FROM dossiers"))
    local = {cid: rows for r in results for cid, rows in r.local.items()}
    problems = []
    seen_codes: dict[str, str] = {}
    for counter_id, rows in local.items():
        for uuid, code, status, pending in rows:
            if pending:
                problems.append(f"{counter_id}: {pending} outbox entries left")
                break
            if uuid not in central:
                problems.append(f"{counter_id}: dossier {code} missing on central")
            elif code and central[uuid][0] != code:
                problems.append(f"{counter_id}: {code} is {central[uuid][0]} on central")
            elif central[uuid][1] != status:
                problems.append(f"{counter_id}: {code} {status} here, {central[uuid][1]} there")
            if code and seen_codes.setdefault(code, uuid) != uuid:
                problems.append(f"code {code} given to two dossiers")
    codes = [code for code, _ in central.values() if code]
    if len(codes) != len(set(codes)):
        problems.append("a code twice on central")
    decided = [code for code in activity.decided if origin.get(code) is not None]
    back = {code for rows in local.values() for _, code, status, _ in rows
            if code in activity.decided and status != Status.PROCESSING.value}  # fmt: skip
    missing = [code for code in decided if code not in back]
    if missing:
        problems.append(f"{len(missing)} central decisions not back on their counters")
    total = sum(len(rows) for rows in local.values())
    print(f"reconciliation: {total} dossiers at counters, {len(central)} on central, "
          f"{len(activity.decided)} decisions: " + ("all accounted for" if not problems else
                                                     f"{len(problems)} problems"))  # fmt: skip
    for problem in problems[:20]:
        print("  " + problem)
    return not problems


def _security(server: PgServer, admin_url: str) -> bool:
    """For every counter role: through every table, view and function it may read, only its
    agencies' dossiers (and those it received), its own leases, slots, counter row and
    conflicts; no other role's credentials."""
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as connection:
        counters = connection.execute(
            "SELECT c.number, c.role, array_agg(a.agency_code) FROM counters c "
            "JOIN counter_agencies a ON a.counter_number = c.number GROUP BY c.number, c.role"
        ).fetchall()
        readable = [(r[0], r[1]) for r in connection.execute(
            "SELECT c.relname, c.relkind FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm', 'S')"
        )]  # fmt: skip
    problems = []
    for number, role, agencies in counters:
        with psycopg.connect(admin_url, autocommit=True) as connection:
            # session_user too: the policies know a counter by it
            connection.execute(f'SET SESSION AUTHORIZATION "{role}"')
            mine = connection.execute("SELECT central_my_number()").fetchone()[0]
            if mine != number:
                problems.append(f"{role} is counter {mine}, not {number}")
            for table, kind in readable:
                try:
                    connection.execute(f'SELECT 1 FROM "{table}" LIMIT 1')
                except psycopg.errors.InsufficientPrivilege:
                    continue
                if kind == "S":
                    problems.append(f"{role} reads sequence {table} (others' row counts)")
                    continue
                checks = {
                    "dossiers": "NOT (agency_code = ANY(%s) OR origin_counter = %s)",
                    "code_leases": "counter_number <> %s",
                    "fallback_slots": "counter_number <> %s",
                    "conflicts": "counter_number <> %s",
                    "counters": "number <> %s",
                    "counter_agencies": "counter_number <> %s",
                    "audit_anchors": "counter_number <> %s",
                }
                rule = checks.get(table)
                if rule is None:
                    continue
                params = (agencies, number) if table == "dossiers" else (number,)
                leaked = connection.execute(
                    f'SELECT count(*) FROM "{table}" WHERE {rule}', params
                ).fetchone()[0]
                if leaked:
                    problems.append(f"{role} reads {leaked} rows of {table} not its own")
            for secret in ("pg_authid", "pg_shadow"):
                try:
                    connection.execute(f"SELECT count(*) FROM {secret}")
                    problems.append(f"{role} reads {secret}")
                except psycopg.errors.InsufficientPrivilege:
                    pass
    print(
        f"security: {len(counters)} counter roles checked: "
        + ("each sees only its own" if not problems else f"{len(problems)} problems")
    )
    for problem in problems[:20]:
        print("  " + problem)
    return not problems


if __name__ == "__main__":
    sys.exit(main())
