"""A trial SQLite central holding the window tests' catalog, a counter connected to it, and
sync controllers that are always stopped (and waited for) at the end of a test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from counter_app.domain.catalog_file import catalog_from_json
from counter_app.services.accounts import User
from counter_app.services.sync.admin import CentralAdmin
from counter_app.services.workspace import Workspace
from counter_app.ui.session import Session
from counter_app.ui.sync import SyncController
from tests.conftest import intake_json
from tests.ui.conftest import AGENCY, CATALOG, make_session

# The worker only works when asked ("Sync now", a decision), so each test says when.
IDLE_POLL = 3600.0


@pytest.fixture
def central(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    with CentralAdmin(url) as admin:
        admin.init()
        admin.import_catalog(catalog_from_json(CATALOG))
    return url


@pytest.fixture
def connected(workspace: Workspace, central: str) -> Workspace:
    """The counter, registered with central after one round."""
    workspace.sync.configure(central)
    workspace.sync.run_once()
    return workspace


@pytest.fixture
def controllers(workspace: Workspace) -> Iterator[Callable[..., SyncController]]:
    """Make controllers; each is stopped before the workspace closes."""
    made: list[SyncController] = []

    def make(session: Session, **options: object) -> SyncController:
        options.setdefault("poll", IDLE_POLL)
        options.setdefault("full_every", IDLE_POLL)
        controller = SyncController(session, **options)  # type: ignore[arg-type]
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.stop()


def submit_online(central: str, name: str = "Nguyễn Văn An") -> str:
    """A citizen's submission through the portal, as central takes it; its uuid."""
    with CentralAdmin(central) as admin:
        return admin.submit(intake_json("2.002", full_name=name) | {"agency": AGENCY}).uuid


def session_of(workspace: Workspace, user: User, lang: str = "vi") -> Session:
    return make_session(workspace, user, lang)
