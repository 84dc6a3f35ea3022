"""The dossier list: the lazy model, the search box and filters, the deadline colours."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt

from counter_app.domain.dossier import Dossier, Status
from counter_app.services.accounts import User
from counter_app.services.intake import request_from_json
from counter_app.services.workspace import Workspace
from counter_app.ui import theme
from counter_app.ui.dossiers.list_page import SEARCH_DELAY_MS, DossiersPage
from counter_app.ui.models import dossier_table
from counter_app.ui.models.dossier_query import (
    Deadline,
    DossierSearch,
    ServiceQuery,
    deadline_state,
)
from counter_app.ui.models.dossier_table import (
    Column,
    DeadlineRole,
    DossierRole,
    DossierTableModel,
)
from tests.ui.conftest import NOW, make_session


def settle(model: DossierTableModel) -> DossierTableModel:
    """Let the background search answer (the pool, then the queued signal)."""
    while model.tasks.busy:
        model.tasks.wait()
        QCoreApplication.processEvents()
    return model


def model_for(search: DossierSearch, ws: Workspace, lang: str = "vi", **kw) -> DossierTableModel:
    model = DossierTableModel(lang, lambda: NOW, **kw)
    model.set_query(search.query(ws.dossiers, NOW))
    return settle(model)


def codes(model: DossierTableModel) -> list[str]:
    return [model.dossier(row).code or "" for row in range(model.rowCount())]


def row_of(model: DossierTableModel, dossier: Dossier) -> int:
    return codes(model).index(dossier.code or "")


def add_many(ws: Workspace, user: User, count: int) -> None:
    """`count` dossiers received a minute apart on the same morning."""
    start = NOW.replace(hour=7, minute=0) - timedelta(days=3)
    for i in range(count):
        request = request_from_json(
            {"procedure": "1.004", "applicant": {"full_name": f"Nguyễn Văn Số {i}"}}
        )
        ws.intake.receive(request, user=user, at=start + timedelta(minutes=i))


# --- the model


def test_model_passes_the_model_tester(qtmodeltester, workspace, dossiers) -> None:
    model = model_for(DossierSearch(), workspace)
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def test_model_pages_lazily_through_the_service(qtmodeltester, workspace, staff) -> None:
    add_many(workspace, staff, 120)
    model = model_for(DossierSearch(), workspace, page_size=50)

    assert model.total() == 120
    assert model.rowCount() == 50
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    settle(model)
    assert model.rowCount() == 100
    model.fetchMore(QModelIndex())
    settle(model)
    assert model.rowCount() == 120
    assert not model.canFetchMore(QModelIndex())
    assert len(set(codes(model))) == 120  # pages neither overlap nor skip
    qtmodeltester.check(model)


def test_scrolling_to_the_end_fetches_the_next_page(qtbot, monkeypatch, workspace, staff) -> None:
    monkeypatch.setattr(dossier_table, "PAGE_SIZE", 40)
    add_many(workspace, staff, 70)
    page = DossiersPage(make_session(workspace, staff))
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 40)

    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() == 70)
    assert page.count_label.text() == "Dossiers found: 70"


def test_model_columns_and_dates(workspace, dossiers) -> None:
    model = model_for(DossierSearch(), workspace, "en")
    row = row_of(model, dossiers["due_today"])

    def cell(column: Column) -> str:
        return model.data(model.index(row, column))

    assert cell(Column.CODE) == dossiers["due_today"].code
    assert cell(Column.APPLICANT) == "Trần Thị Mai"
    assert cell(Column.PROCEDURE) == "Chứng thực bản sao từ bản chính"
    assert cell(Column.RECEIVED) == "25/11/2026\n08:00"
    assert cell(Column.DUE) == "25/11/2026\n17:00"
    assert cell(Column.STATUS) == "Received"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headers == ["Code", "Applicant", "Procedure", "Received", "Due", "Status"]
    assert isinstance(model.data(model.index(row, 0), DossierRole), Dossier)


def test_status_labels_follow_the_language(workspace, dossiers, vietnamese) -> None:
    english = model_for(DossierSearch(status=Status.PROCESSING), workspace, "en")
    vietnamese_model = model_for(DossierSearch(status=Status.PROCESSING), workspace, "vi")
    status = english.index(0, Column.STATUS)
    assert english.data(status) == "Processing"
    assert vietnamese_model.data(status) == "Đang xử lý"
    assert vietnamese_model.headerData(Column.DUE, Qt.Orientation.Horizontal) == "Ngày hẹn trả"


# --- deadline colours


def test_overdue_rows_are_red_and_due_today_rows_amber(workspace, dossiers) -> None:
    model = model_for(DossierSearch(), workspace)

    def roles(key: str) -> tuple[object, object, object]:
        index = model.index(row_of(model, dossiers[key]), Column.APPLICANT)
        background = model.data(index, Qt.ItemDataRole.BackgroundRole)
        foreground = model.data(index, Qt.ItemDataRole.ForegroundRole)
        return (
            model.data(index, DeadlineRole),
            background.color() if background else None,
            foreground.color() if foreground else None,
        )

    assert roles("overdue") == (
        Deadline.OVERDUE,
        theme.OVERDUE_BACKGROUND,
        theme.OVERDUE_FOREGROUND,
    )
    assert roles("due_today") == (
        Deadline.DUE_TODAY,
        theme.DUE_TODAY_BACKGROUND,
        theme.DUE_TODAY_FOREGROUND,
    )
    assert roles("processing") == (None, None, None)


def test_every_cell_of_a_late_row_is_tinted_and_says_why(workspace, dossiers) -> None:
    model = model_for(DossierSearch(), workspace, "en")
    row = row_of(model, dossiers["overdue"])
    for column in Column:
        index = model.index(row, column)
        brush = model.data(index, Qt.ItemDataRole.BackgroundRole)
        assert brush.color() == theme.OVERDUE_BACKGROUND
        assert model.data(index, Qt.ItemDataRole.ToolTipRole).endswith("— overdue")


def test_colours_follow_the_clock(workspace, dossiers) -> None:
    clock = {"now": NOW}
    model = DossierTableModel("vi", lambda: clock["now"])
    model.set_query(DossierSearch().query(workspace.dossiers, NOW))
    settle(model)
    index = model.index(row_of(model, dossiers["due_today"]), Column.CODE)
    assert model.data(index, DeadlineRole) is Deadline.DUE_TODAY

    clock["now"] = NOW.replace(hour=17, minute=1)
    changed = []
    model.dataChanged.connect(lambda *args: changed.append(args))
    model.refresh_deadlines()
    assert changed
    assert model.data(index, DeadlineRole) is Deadline.OVERDUE


def test_deadline_state_ignores_closed_dossiers(dossiers) -> None:
    late = dossiers["overdue"]
    assert deadline_state(late, NOW) is Deadline.OVERDUE
    late.status = Status.DONE
    assert deadline_state(late, NOW) is None
    today = dossiers["due_today"]
    assert deadline_state(today, NOW) is Deadline.DUE_TODAY
    assert deadline_state(today, NOW - timedelta(days=1)) is None


# --- the search row as queries


def test_search_by_name_without_diacritics(workspace, dossiers) -> None:
    model = model_for(DossierSearch(text="dang van hung"), workspace)
    assert codes(model) == [dossiers["overdue"].code]
    model = model_for(DossierSearch(text="TRAN THI"), workspace)
    assert codes(model) == [dossiers["due_today"].code]


def test_search_by_code_id_number_and_phone(workspace, dossiers) -> None:
    code = dossiers["processing"].code or ""
    assert codes(model_for(DossierSearch(text=code.lower()), workspace)) == [code]
    assert codes(model_for(DossierSearch(text="020095012345"), workspace)) == [code]
    phone = model_for(DossierSearch(text="0987654321"), workspace)
    assert codes(phone) == [dossiers["due_today"].code]


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        (DossierSearch(overdue=True), ["overdue"]),
        (DossierSearch(due_today=True), ["due_today"]),
        (DossierSearch(overdue=True, due_today=True), ["due_today", "overdue"]),
        (DossierSearch(status=Status.PROCESSING), ["processing"]),
        (DossierSearch(status=Status.NEW, text="le quoc"), []),
    ],
)
def test_filters(workspace, dossiers, search, expected) -> None:
    model = model_for(search, workspace)
    assert sorted(codes(model)) == sorted(dossiers[key].code for key in expected)


def test_due_today_query_pages_from_the_service(workspace, dossiers) -> None:
    query = DossierSearch(due_today=True).query(workspace.dossiers, NOW)
    assert isinstance(query, ServiceQuery)
    assert query.count() == 1
    assert query.fetch(0, 200) == query.fetch(0, 1)
    assert query.fetch(1, 200) == []


# --- the page


@pytest.fixture
def page(qtbot, workspace, staff, dossiers) -> DossiersPage:
    page = DossiersPage(make_session(workspace, staff))
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)  # the first search, in the background
    return page


def test_typing_searches_after_a_pause(qtbot, page, dossiers) -> None:
    assert page.model.rowCount() == 3
    qtbot.keyClicks(page.search_edit, "dang van")
    assert page.model.rowCount() == 3  # not on every key stroke
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=SEARCH_DELAY_MS * 10)
    assert codes(page.model) == [dossiers["overdue"].code]
    assert page.count_label.text() == "Dossiers found: 1"


def test_enter_in_the_search_box_searches_at_once(qtbot, page, dossiers) -> None:
    qtbot.keyClicks(page.search_edit, "le quoc bao")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: codes(page.model) == [dossiers["processing"].code])


def test_filter_widgets_drive_the_query(qtbot, page, dossiers) -> None:
    page.overdue_box.setChecked(True)
    qtbot.waitUntil(lambda: codes(page.model) == [dossiers["overdue"].code])
    page.overdue_box.setChecked(False)
    page.due_today_box.setChecked(True)
    qtbot.waitUntil(lambda: codes(page.model) == [dossiers["due_today"].code])
    page.due_today_box.setChecked(False)
    page.status_combo.setCurrentIndex(page.status_combo.findData(Status.PROCESSING.value))
    qtbot.waitUntil(lambda: codes(page.model) == [dossiers["processing"].code])
    page.status_combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)


def test_down_arrow_moves_from_search_to_the_list(qtbot, page) -> None:
    page.search_edit.setFocus()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Down)
    assert page.table.currentIndex().row() == 0
    assert page.focusWidget() is page.table


def test_date_and_procedure_filters(qtbot, page, dossiers) -> None:
    page.procedure_combo.setCurrentIndex(page.procedure_combo.findData("2.002"))
    qtbot.waitUntil(
        lambda: (
            sorted(codes(page.model))
            == sorted([dossiers["overdue"].code, dossiers["processing"].code])
        )
    )
    page.procedure_combo.setCurrentIndex(0)
    received = dossiers["processing"].received_at.date()
    page.date_from_edit.setDate(received)
    page.date_to_edit.setDate(received)
    page.dates_box.setChecked(True)
    qtbot.waitUntil(lambda: codes(page.model) == [dossiers["processing"].code])
    page.dates_box.setChecked(False)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
