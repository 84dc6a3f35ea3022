"""The dossier list's search box: Enter opens the first dossier found, and a full first page is
on screen before its matches are counted."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from counter_app.domain.dossier import Dossier
from counter_app.ui.dossiers.list_page import DossiersPage
from counter_app.ui.models.dossier_query import DossierQuery, DossierSearch
from counter_app.ui.models.dossier_table import DossierTableModel
from tests.ui.conftest import NOW, make_session


@pytest.fixture
def page(qtbot, workspace, staff, dossiers) -> DossiersPage:
    page = DossiersPage(make_session(workspace, staff))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    return page


@pytest.mark.parametrize(
    ("typed", "key"),
    [("dang van", "overdue"), ("0987 654 321", "due_today"), ("020095012345", "processing")],
)
def test_enter_opens_the_first_dossier_found(qtbot, page, dossiers, typed, key) -> None:
    """Typed and Enter at once, before the pause that searches as one types."""
    qtbot.keyClicks(page.search_edit, typed)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.detail_dialog is not None)
    assert page.detail_dialog.dossier.code == dossiers[key].code
    assert page.detail_dialog.isVisible()


def test_enter_on_a_code_opens_it(qtbot, page, dossiers) -> None:
    qtbot.keyClicks(page.search_edit, (dossiers["processing"].code or "").lower())
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.detail_dialog is not None)
    assert page.detail_dialog.dossier.code == dossiers["processing"].code


def test_enter_with_nothing_found_opens_nothing(qtbot, page) -> None:
    qtbot.keyClicks(page.search_edit, "khong co ai")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.count_label.text() == "Dossiers found: 0")
    assert page.detail_dialog is None
    # Typing on and searching as one types never opens a dossier by itself.
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "dang")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.detail_dialog is None


class _SlowCount:
    """A query whose count waits until released: the rows must not wait with it."""

    def __init__(self, inner: DossierQuery) -> None:
        self.inner = inner
        self.release = threading.Event()

    def count(self) -> int:
        assert self.release.wait(10)
        return self.inner.count()

    def fetch(self, offset: int, limit: int) -> list[Dossier]:
        return self.inner.fetch(offset, limit)


def test_a_full_first_page_shows_before_the_count(qtbot, workspace, dossiers) -> None:
    model = DossierTableModel("en", lambda: NOW, page_size=2)
    loaded = []
    model.sig_loaded.connect(loaded.append)
    query = _SlowCount(DossierSearch().query(workspace.dossiers, NOW))
    model.set_query(query)
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert loaded == [] and not model.canFetchMore()
    query.release.set()
    qtbot.waitUntil(lambda: loaded == [3])
    assert model.canFetchMore()


def test_a_short_page_is_not_counted(qtbot, workspace, dossiers) -> None:
    model = DossierTableModel("en", lambda: NOW)
    loaded = []
    model.sig_loaded.connect(loaded.append)
    query = _SlowCount(DossierSearch().query(workspace.dossiers, NOW))  # never released
    model.set_query(query)
    qtbot.waitUntil(lambda: loaded == [3])
    assert not model.tasks.busy
