"""Fixtures for the settings page: a second agency, the page itself, what it tells the status
bar and the message boxes, and the application font put back after each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from counter_app.domain.catalog import Agency, Catalog
from counter_app.services.accounts import User
from counter_app.services.workspace import Workspace
from counter_app.ui import notify
from counter_app.ui.session import Session
from counter_app.ui.settings.page import SettingsPage
from tests.ui.conftest import PREBUILT, make_session

OTHER_AGENCY = "000.00.10.H37"


def _second_agency(workspace: Workspace) -> None:
    workspace.catalog.import_catalog(
        Catalog(agencies=[Agency(OTHER_AGENCY, "Sở Xây dựng tỉnh Lạng Sơn")])
    )


PREBUILT.builds["two_agencies"] = _second_agency


@pytest.fixture
def two_agencies(workspace: Workspace) -> Workspace:
    return workspace  # a copy of the store with the second agency (PREBUILT)


@pytest.fixture
def session(two_agencies: Workspace, admin: User) -> Session:
    return make_session(two_agencies, admin)


@pytest.fixture
def infos(session: Session) -> list[str]:
    """What the page confirmed in the status bar."""
    lines: list[str] = []
    session.messages.sig_info.connect(lines.append)
    return lines


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the page showed in a message box, without the modal loop."""
    shown: list[str] = []
    monkeypatch.setattr(notify, "show_error", lambda _parent, text: shown.append(text))
    return shown


@pytest.fixture(autouse=True)
def keep_font(qapp: QApplication) -> Iterator[None]:
    font = QFont(qapp.font())
    yield
    QApplication.setFont(font)


@pytest.fixture
def page(qtbot, session: Session) -> SettingsPage:
    page = SettingsPage(session)
    qtbot.addWidget(page)
    page.resize(1166, 680)
    page.show()
    qtbot.waitExposed(page)
    return page
