"""Fixtures for the window's tests: a real workspace on tmp_path, a small catalog, three
accounts, a few dossiers around a fixed "now", and the Vietnamese translation on demand."""

from __future__ import annotations

import gc
import os
import sys

# Chosen before anything below brings Qt in; an explicit QT_QPA_PLATFORM still wins.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from counter_app.domain.clock import VN_TZ
from counter_app.domain.dossier import Dossier
from counter_app.domain.lifecycle import Action
from counter_app.services.accounts import Role, User
from counter_app.services.intake import request_from_json
from counter_app.services.workspace import Workspace
from counter_app.ui import notify
from counter_app.ui.collector import install_gui_thread_collector
from counter_app.ui.i18n import install_translations, remove_translations
from counter_app.ui.session import Session
from counter_app.ui.wheel import install_wheel_guard
from tests.conftest import Prebuilt, copy_of_new_store, store_with_catalog, template
from tests.conftest import account as counter_account

# A Wednesday, mid-morning, in Vietnam time.
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=VN_TZ)
PASSWORD = "matkhau-123"
AGENCY = "000.00.06.H37"

CATALOG = {
    "format": "counter-app-catalog",
    "version": 1,
    "agencies": [{"code": AGENCY, "name": "UBND xã Hoàng Đồng"}],
    "procedures": [
        {
            "code": "1.001",
            "name": "Chứng thực bản sao từ bản chính",
            "field": "Chứng thực",
            "agency": AGENCY,
            "level": "level_2",
            "duration": {"unit": "same_day", "cutoff": "15:00"},
            "fees": [{"name": "Lệ phí chứng thực", "amount": 2000, "per": "page"}],
            "components": [
                {"name": "Bản chính giấy tờ cần chứng thực", "form": "original"},
                {"name": "Bản sao cần chứng thực", "form": "copy", "count": 2},
            ],
        },
        {
            "code": "2.002",
            "name": "Cấp Phiếu lý lịch tư pháp",
            "field": "Lý lịch tư pháp",
            "agency": AGENCY,
            "level": "level_4",
            "duration": {"unit": "calendar_days", "amount": 10},
            "fees": [{"name": "Phí cấp phiếu", "amount": 200000}],
            "components": [{"name": "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp"}],
        },
        {
            "code": "1.004",
            "name": "Đăng ký thành lập hộ kinh doanh",
            "field": "Hộ kinh doanh",
            "agency": AGENCY,
            "level": "level_3",
            "duration": {"unit": "working_days", "amount": 3},
        },
    ],
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The offscreen platform warns that it cannot resize native windows whenever a window
    is shown; that says nothing about our code, so only that message is let through, also
    beside the messages a test lets through itself (pytest-qt reads the closest mark only)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            own = item.get_closest_marker("qt_log_ignore")
            messages = (
                *(own.args if own else ()),
                "This plugin does not support propagateSizeHints",
            )
            item.add_marker(pytest.mark.qt_log_ignore(*messages), append=False)


def receive(
    ws: Workspace, user: User, name: str, procedure: str, at: datetime, **applicant: str
) -> Dossier:
    data = {"full_name": name, "phone": "0912345678", "id_number": "020090001234"}
    data.update(applicant)
    request = request_from_json({"procedure": procedure, "applicant": data})
    return ws.intake.receive(request, user=user, at=at)


@pytest.fixture(autouse=True)
def _application(qapp):  # type: ignore[no-untyped-def]
    """Every window test runs with the QApplication up: queued signals (background tasks)
    are only delivered by a running application. The wheel guard is installed as run_app
    installs it, so every page and dialog is tested as the officer meets it; so is the
    collector that keeps the destruction of widgets on the GUI thread (for this test only: the
    tests that are not about windows keep Python's own collector)."""
    install_wheel_guard(qapp)
    gc.freeze()  # what earlier tests left alive: the teardown's full collection skips it
    collector = install_gui_thread_collector(qapp)
    yield qapp
    collector.remove()


@pytest.fixture(scope="session")
def catalog_store(new_store: Path) -> Path:
    return template("window-catalog", lambda folder: store_with_catalog(new_store, folder, CATALOG))


PREBUILT = Prebuilt("window")


@pytest.fixture
def workspace(
    request: pytest.FixtureRequest, tmp_path: Path, catalog_store: Path
) -> Iterator[Workspace]:
    store = PREBUILT.store_for(request.fixturenames, catalog_store)
    ws: Workspace = copy_of_new_store(store, tmp_path / "data")
    yield ws
    ws.close()


def account(ws: Workspace, login: str, role: Role, full_name: str) -> User:
    return counter_account(ws, login, role, full_name, PASSWORD)


def the_staff(workspace: Workspace) -> User:
    """Lan, the officer of the window tests (`staff`), also for a prebuilt fixture's build."""
    return account(workspace, "lan", Role.STAFF, "Nguyễn Thị Lan")


@pytest.fixture
def staff(workspace: Workspace) -> User:
    return the_staff(workspace)


@pytest.fixture
def supervisor(workspace: Workspace) -> User:
    return account(workspace, "minh", Role.SUPERVISOR, "Trần Văn Minh")


@pytest.fixture
def admin(workspace: Workspace) -> User:
    return account(workspace, "duc", Role.ADMIN, "Hoàng Văn Đức")


@pytest.fixture
def dossiers(workspace: Workspace, staff: User) -> dict[str, Dossier]:
    """overdue: due 20/11; due_today: same-day work received this morning; processing:
    received on Monday, due next week, transferred to the agency."""
    return PREBUILT["dossiers"]  # type: ignore[return-value]


def _build_dossiers(workspace: Workspace) -> dict[str, Dossier]:
    staff = the_staff(workspace)
    overdue = receive(workspace, staff, "Đặng Văn Hùng", "2.002", NOW - timedelta(days=15))
    due_today = receive(
        workspace, staff, "Trần Thị Mai", "1.001", NOW.replace(hour=8), phone="0987654321"
    )
    processing = receive(
        workspace,
        staff,
        "Lê Quốc Bảo",
        "2.002",
        NOW - timedelta(days=2),
        id_number="020095012345",
        address="Thôn Nà Chuông, xã Hoàng Đồng",
    )
    assert processing.code is not None
    processing = workspace.dossiers.transition(
        processing.code,
        Action.TRANSFER,
        user=staff,
        at=NOW - timedelta(days=1),
        note="Chuyển Sở Tư pháp",
    )
    return {"overdue": overdue, "due_today": due_today, "processing": processing}


PREBUILT.builds["dossiers"] = _build_dossiers


def make_session(workspace: Workspace, user: User, lang: str = "vi") -> Session:
    return Session(workspace, user, lang, clock=lambda: NOW)


@pytest.fixture
def vietnamese(qapp) -> Iterator[None]:
    """The shipped Vietnamese translation, installed for one test and removed after."""
    translators = install_translations(qapp, "vi")
    assert translators, "resources/translations/counter_app_vi.qm did not load"
    yield
    remove_translations(qapp, translators)


@pytest.fixture
def shown(monkeypatch) -> list[str]:
    """Messages the app would show in a box, collected instead of blocking the test."""
    messages: list[str] = []
    monkeypatch.setattr(notify, "show_error", lambda parent, text: messages.append(text))
    return messages


@pytest.fixture
def app_state(qapp) -> Iterator[None]:
    """run_app sets the application's font, default locale and name, and once signed in the
    interpreter's collector and switch interval; put them back after."""
    font, locale, name = qapp.font(), QLocale(), qapp.applicationName()
    switch_interval, frozen = sys.getswitchinterval(), gc.get_freeze_count()
    yield
    qapp.setFont(font)
    QLocale.setDefault(locale)
    qapp.setApplicationName(name)
    if gc.get_freeze_count() > frozen:  # signed in: the window's objects go back to the collector
        gc.unfreeze()  # (with all else frozen: the next full collection walks everything once)
    sys.setswitchinterval(switch_interval)
