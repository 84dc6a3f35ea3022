"""Shared fixtures: a real workspace on a temporary SQLite file with a small catalog."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from counter_app.domain.clock import VN_TZ

# No timed verdicts in the tests (the guide: speed is shown by bench/): hypothesis's deadline per
# example and its "input generation is slow" check fail on a loaded 2-core machine only.
settings.register_profile(
    "counter-app", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("counter-app")

AGENCY = "000.00.12.H37"
OTHER_AGENCY = "000.00.15.H37"

SMALL_CATALOG = {
    "format": "counter-app-catalog",
    "version": 1,
    "agencies": [
        {"code": "000.00.00.H37", "name": "UBND tỉnh Lạng Sơn", "parent": None},
        {"code": AGENCY, "name": "Sở Tư pháp tỉnh Lạng Sơn", "parent": "000.00.00.H37"},
        {"code": OTHER_AGENCY, "name": "Sở Xây dựng tỉnh Lạng Sơn", "parent": "000.00.00.H37"},
    ],
    "procedures": [
        {
            "code": "2.000908.000.00.00.H37",
            "name": "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
            "field": "Chứng thực",
            "agency": AGENCY,
            "level": "level_2",
            "duration": {"unit": "same_day", "amount": 0, "cutoff": "15:00"},
            "fees": [
                {
                    "name": "Lệ phí chứng thực",
                    "amount": 2000,
                    "per": "page",
                    "collection": "before",
                    "note": "",
                }
            ],
            "components": [
                {"name": "Bản chính giấy tờ", "form": "original", "count": 1, "required": True},
                {"name": "Bản sao cần chứng thực", "form": "copy", "count": 1, "required": True},
            ],
        },
        {
            "code": "1.001193.000.00.00.H37",
            "name": "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
            "field": "Lý lịch tư pháp",
            "agency": AGENCY,
            "level": "level_4",
            "duration": {"unit": "working_days", "amount": 10},
            "fees": [
                {
                    "name": "Phí cung cấp thông tin lý lịch tư pháp",
                    "amount": 200000,
                    "per": "dossier",
                    "collection": "before",
                    "note": "",
                }
            ],
            "components": [
                {
                    "name": "Tờ khai yêu cầu cấp Phiếu",
                    "form": "original",
                    "count": 1,
                    "required": True,
                },
                {"name": "Bản chụp giấy tờ tùy thân", "form": "copy", "count": 1, "required": True},
                {"name": "Giấy ủy quyền", "form": "original", "count": 1, "required": False},
            ],
        },
        {
            "code": "1.009972.000.00.00.H37",
            "name": "Cấp giấy phép xây dựng nhà ở riêng lẻ",
            "field": "Hoạt động xây dựng",
            "agency": OTHER_AGENCY,
            "level": "partial_online",
            "duration": {"unit": "calendar_days", "amount": 15},
            "fees": [],
            "components": [
                {
                    "name": "Đơn đề nghị cấp giấy phép",
                    "form": "original",
                    "count": 1,
                    "required": True,
                }
            ],
        },
        {
            "code": "9.000001.000.00.00.H37",
            "name": "Thủ tục ngừng áp dụng",
            "field": "Khác",
            "agency": AGENCY,
            "level": "level_2",
            "duration": {"unit": "none"},
            "active": False,
        },
    ],
}

SAME_DAY = "2.000908.000.00.00.H37"
TEN_DAYS = "1.001193.000.00.00.H37"
CALENDAR = "1.009972.000.00.00.H37"
INACTIVE = "9.000001.000.00.00.H37"


def vn(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=VN_TZ)


def intake_json(procedure: str = TEN_DAYS, **applicant: object) -> dict:
    person = {
        "full_name": "Nguyễn Văn An",
        "id_number": "020090001234",
        "birth_date": "1990-03-15",
        "phone": "0912345678",
        "email": "an.nguyen@example.vn",
        "address": "Số 5, đường Trần Đăng Ninh, phường Tam Thanh, thành phố Lạng Sơn",
        "type": "citizen",
    }
    person.update(applicant)
    return {"procedure": procedure, "applicant": person, "sets": 1, "channel": "direct",
            "return_method": "counter", "note": ""}  # fmt: skip


_MARKED_BY_FOLDER = ("e2e", "packaging")


POSTGRESQL_PARAMS = ("pg", "postgresql")  # how the engine fixtures name the PostgreSQL turn


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark what `scripts/dev test --quick` leaves out and a test cannot forget to say: the
    real-program and bundle tests by their folder, the property tests by hypothesis's own flag,
    and every test that starts the real PostgreSQL (seconds each) as slow: by its fixture, or
    by the engine parameter of a fixture that asks for the server when its turn comes (the
    SQLite turn of the same test stays in the quick loop)."""
    here = Path(__file__).parent
    for item in items:
        folder = Path(str(item.path)).relative_to(here).parts[0]
        if folder in _MARKED_BY_FOLDER:
            item.add_marker(folder)
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker("property")
        params = getattr(getattr(item, "callspec", None), "params", {})
        if "pg_server" in getattr(item, "fixturenames", ()) or any(
            value in POSTGRESQL_PARAMS for value in params.values()
        ):
            item.add_marker("slow")


def pytest_collection_finish(session: pytest.Session) -> None:
    """What is alive once the tests are collected (the modules, the package, Qt's bindings)
    lives to the end: the collector stops walking it at every full collection, a tenth of the
    quick loop's processor time."""
    gc.collect()
    gc.freeze()


QUICK_LEAVES_OUT = ("slow", "e2e", "packaging", "property", "windows")
_running: list[pytest.Item] = []


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[object]:
    _running.append(item)
    try:
        return (yield)
    finally:
        _running.pop()


def _runs_this_python(executable: str) -> bool:
    """The interpreter itself, or a script it runs (`#!` it: the commands pip installs)."""
    if executable == sys.executable:
        return True
    import shutil

    found = executable if os.sep in executable else shutil.which(executable)
    try:
        with open(found or executable, "rb") as script:
            first = script.readline(512)
    except OSError:
        return False
    words = first[2:].split() if first.startswith(b"#!") else []
    if not words:
        return False
    interpreter = words[0].decode(errors="replace")
    return os.path.realpath(interpreter) == os.path.realpath(sys.executable)


def _a_python_process_is_slow(event: str, args: tuple[object, ...]) -> None:
    """A test that starts the program (or any Python) as a process spends a second of processor
    time on the start alone: it is marked slow, so that the quick loop stays quick. A test that
    forgets fails here with that advice."""
    if event != "subprocess.Popen" or not _running:
        return
    executable, command = args[0], args[1]
    if executable is None and isinstance(command, list | tuple) and command:
        executable = command[0]
    if executable is None or not _runs_this_python(os.fspath(executable)):  # type: ignore[arg-type]
        return
    item = _running[-1]
    if not any(item.get_closest_marker(name) for name in QUICK_LEAVES_OUT):
        raise RuntimeError(
            f"{item.nodeid} starts a Python process: mark it @pytest.mark.slow "
            "(scripts/dev test --quick leaves those out)"
        )


sys.addaudithook(_a_python_process_is_slow)


@pytest.fixture(scope="session", autouse=True)
def _argon2_once_per_password() -> Iterator[None]:
    """argon2 is slow on purpose (a tenth of a second a hash, more on a busy machine), and
    most tests make an account: each password is hashed by argon2 once per test process and
    the accounts made with it take that real hash, verified as any. Checking a password
    still runs argon2 each time."""
    from argon2 import PasswordHasher

    hash_anew = PasswordHasher.hash
    made: dict[str | bytes, str] = {}

    def hash_once(self: PasswordHasher, password: str | bytes, *, salt: bytes | None = None) -> str:
        if salt is not None:
            return hash_anew(self, password, salt=salt)
        if password not in made:
            made[password] = hash_anew(self, password)
        return made[password]

    PasswordHasher.hash = hash_once
    yield
    PasswordHasher.hash = hash_anew


@pytest.fixture(scope="session", autouse=True)
def _statements_compiled_once() -> Iterator[None]:
    """SQLAlchemy compiles a statement once per engine, into that engine's cache, and the
    program keeps one engine per database for its whole life. The tests open fresh engines
    all the time, so each test compiled every statement anew: a tenth of the quick loop's
    processor time. Here the SQLite engines of a test process share one compiled cache, and
    the dialect the cache is keyed by (made and set up once, on a database in memory); each
    engine keeps its own file, pool and events."""
    import sqlalchemy
    from sqlalchemy.util import LRUCache

    from counter_app.store import database
    from counter_app.store.central import database as central_database

    create = sqlalchemy.create_engine
    compiled: LRUCache = LRUCache(20_000)
    dialects: dict[str, sqlalchemy.Dialect] = {}

    def create_sharing(url, **options):  # type: ignore[no-untyped-def]
        engine = create(url, **options)
        if engine.dialect.name != "sqlite":
            return engine
        dialect_options = {k: v for k, v in options.items() if k != "connect_args"}
        key = repr(sorted(dialect_options.items()))
        if key not in dialects:
            in_memory = create("sqlite://", **dialect_options)
            in_memory.connect().close()  # the dialect learns the library's version here
            dialects[key] = in_memory.dialect
        engine.dialect = dialects[key]
        engine._compiled_cache = compiled
        return engine

    modules = (database, central_database)
    for module in modules:
        module.create_engine = create_sharing  # type: ignore[attr-defined]
    yield
    for module in modules:
        module.create_engine = create  # type: ignore[attr-defined]


_TEMPLATES: dict[str, Path] = {}


def template(name: str, make: Callable[[Path], object]) -> Path:
    """What `make` makes at a path, made once per test process for every test to copy: a
    store's migrations or a central's schema take a quarter of a second each time."""
    if name not in _TEMPLATES:
        import atexit
        import shutil
        import tempfile

        parent = Path(tempfile.mkdtemp(prefix="counter-app-template-"))
        atexit.register(shutil.rmtree, parent, True)
        make(parent / name)
        _TEMPLATES[name] = parent / name
    return _TEMPLATES[name]


def new_store_template() -> Path:
    """A data folder as `init` leaves it, its store migrated to the head."""
    from counter_app.services.workspace import Workspace

    return template("new-store", lambda folder: Workspace(folder, create=True).close())


@pytest.fixture(scope="session")
def new_store() -> Path:
    """Each test works on its own copy (`copy_of_new_store`)."""
    return new_store_template()


def copy_of_new_store(new_store: Path, data_dir: Path, **options: int):  # -> Workspace
    """A workspace on a fresh copy of the new store, as `init` would have left it."""
    import shutil

    from counter_app.services.workspace import Workspace

    shutil.copytree(new_store, data_dir)
    return Workspace(data_dir, **options)


def store_with_catalog(new_store: Path, data_dir: Path, catalog: dict) -> Path:
    """A copy of the new store with `catalog` imported, itself to be copied by each test."""
    from counter_app.domain.catalog_file import catalog_from_json

    workspace = copy_of_new_store(new_store, data_dir)
    workspace.catalog.import_catalog(catalog_from_json(catalog))
    workspace.close()
    return data_dir


class Prebuilt:
    """Data a fixture builds through the services, built once per test process into a copy of
    the store its tests start from, and copied by each of them: the test's workspace is then
    that copy, and the fixture hands back what the build returned (`prebuilt[name]`). One
    registry per workspace fixture (`ws` here, the window tests' `workspace`)."""

    def __init__(self, prefix: str) -> None:
        self._prefix = prefix
        self.builds: dict[str, Callable] = {}  # fixture name -> build(workspace) -> its value
        self._built: dict[str, object] = {}

    def __getitem__(self, name: str) -> object:
        return self._built[name]

    def store_for(self, fixtures: list[str], base: Path) -> Path:
        """`base`, or the copy of it holding the data of the one prebuilt fixture asked for."""
        wanted = [name for name in self.builds if name in fixtures]
        assert len(wanted) <= 1, f"two prebuilt stores asked for at once: {wanted}"
        if not wanted:
            return base
        name = wanted[0]

        def build(folder: Path) -> None:
            workspace = copy_of_new_store(base, folder)
            try:
                self._built[name] = self.builds[name](workspace)
            finally:
                workspace.close()

        return template(f"{self._prefix}-{name}", build)


PREBUILT = Prebuilt("counter")


def account(ws, login: str, role, full_name: str, password: str = "matkhau123"):  # type: ignore[no-untyped-def]
    """The account, made unless the prebuilt store the test copied has it already."""
    made = {user.login: user for user in ws.accounts.users()}
    return made.get(login) or ws.accounts.add_user(login, role, password, full_name)


@pytest.fixture(scope="session")
def small_catalog_store(new_store: Path) -> Path:
    return template(
        "small-catalog", lambda folder: store_with_catalog(new_store, folder, SMALL_CATALOG)
    )


@pytest.fixture
def ws(request: pytest.FixtureRequest, tmp_path: Path, small_catalog_store: Path) -> Iterator:
    """A counter with the small catalog, on its own copy of the store (with the data of a
    prebuilt fixture the test asks for)."""
    store = PREBUILT.store_for(request.fixturenames, small_catalog_store)
    workspace = copy_of_new_store(store, tmp_path / "data", busy_timeout_ms=2000)
    yield workspace
    workspace.close()


def the_officer(ws):  # type: ignore[no-untyped-def]
    """The officer at the desk (`officer`), also for a prebuilt fixture's build."""
    from counter_app.services.accounts import Role

    return account(ws, "canbo", Role.STAFF, "Nguyễn Thị Hoa")


@pytest.fixture
def officer(ws):  # type: ignore[no-untyped-def]
    return the_officer(ws)


@pytest.fixture
def admin_user(ws):  # type: ignore[no-untyped-def]
    """The counter's administrator: calendars and settings are changed in an account's name."""
    from counter_app.services.accounts import Role

    return ws.accounts.add_user("quantri", Role.ADMIN, "matkhau123", "Trần Văn Quản")


@pytest.fixture
def x_display() -> Iterator[str]:
    """A private X display for the real program (Xvfb picks a free number and says when it
    is ready: no race with other displays being started or torn down)."""
    import os
    import select
    import shutil
    import subprocess

    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is needed for the real-window tests: scripts/dev test installs it")
    ready, announce = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(announce), "-screen", "0", "1366x768x24",
         "-nolisten", "tcp", "-noreset"],  # a reset as a client leaves refuses the next one
        pass_fds=(announce,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(announce)
    try:
        with os.fdopen(ready) as pipe:
            answered, _, _ = select.select([pipe], [], [], 30)
            number = pipe.readline().strip() if answered else ""
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture
def queue_clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[], datetime]:
    """The queue's clock (its service's `now`) at 10:00 today and running, for tests that take
    a ticket "half an hour ago": on the real clock, in the first half hour of Vietnam's day
    (17:00 UTC, when CI may well run), that ticket was yesterday's, and the day's calls and
    figures rightly left it out."""
    from counter_app.domain import clock
    from counter_app.services.queue import service

    started = clock.now()
    opening = started.replace(hour=10, minute=0, second=0)

    def queue_now() -> datetime:
        return opening + (clock.now() - started)

    monkeypatch.setattr(service, "now", queue_now)
    return queue_now
