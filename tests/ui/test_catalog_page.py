"""The catalog page: search as you type without diacritics, the chosen procedure's papers
and fees."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTableWidget

from counter_app.paths import resources_dir
from counter_app.services.accounts import Role
from counter_app.services.workspace import Workspace
from counter_app.ui.catalog.page import SEARCH_DELAY_MS, CatalogPage
from counter_app.ui.models.catalog_table import CatalogTableModel, Column
from tests.ui.conftest import make_session


def cells(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


@pytest.fixture
def page(qtbot, workspace, staff) -> CatalogPage:
    page = CatalogPage(make_session(workspace, staff))
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_model_passes_the_model_tester(qtmodeltester, workspace) -> None:
    model = CatalogTableModel("vi")
    model.set_procedures(workspace.catalog.search(""), workspace.catalog.agencies())
    qtmodeltester.check(model)


def test_lists_code_name_agency_and_duration(page, vietnamese) -> None:
    model = page.model
    assert model.rowCount() == 3
    row = next(r for r in range(3) if model.procedure(r).code == "2.002")
    values = [model.data(model.index(row, c)) for c in Column]
    assert values == [
        "2.002",
        "Cấp Phiếu lý lịch tư pháp",
        "UBND xã Hoàng Đồng",
        "10 ngày",
    ]


def test_search_as_you_type_without_diacritics(qtbot, page) -> None:
    qtbot.keyClicks(page.search_edit, "chung thuc")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=SEARCH_DELAY_MS * 10)
    assert page.model.procedure(0).code == "1.001"
    assert page.panel.name_label.text() == "Chứng thực bản sao từ bản chính"


def test_chosen_procedure_shows_papers_and_fees(qtbot, page, vietnamese) -> None:
    row = next(r for r in range(page.model.rowCount()) if page.model.procedure(r).code == "1.001")
    page.table.selectRow(row)

    panel = page.panel
    assert panel.facts["duration"].text() == "Trong ngày (nhận sau 15:00: ngày làm việc kế tiếp)"
    assert panel.facts["agency"].text() == "UBND xã Hoàng Đồng (000.00.06.H37)"
    assert panel.facts["level"].text() == "Mức độ 2"
    assert cells(panel.components_table) == [
        ["1", "Bản chính giấy tờ cần chứng thực", "Bản chính", "1"],
        ["2", "Bản sao cần chứng thực", "Bản chụp", "2"],
    ]
    assert cells(panel.fees_table) == [
        ["Lệ phí chứng thực", "2.000 đ mỗi trang", "Thu khi tiếp nhận"],
    ]


def test_no_match_says_so(qtbot, page, vietnamese) -> None:
    qtbot.keyClicks(page.search_edit, "khong co thu tuc nay")
    page.refresh()
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "Không có thủ tục nào phù hợp."
    assert page.panel.name_label.text() == ""


def test_an_empty_catalog_says_how_to_fill_it(qtbot, tmp_path, vietnamese) -> None:
    with Workspace(tmp_path / "empty", create=True) as ws:
        user = ws.accounts.add_user("lan", Role.STAFF, "matkhau-123")
        page = CatalogPage(make_session(ws, user))
        qtbot.addWidget(page)
        assert "counter-app catalog import" in page.count_label.text()


def test_the_demo_catalog_loads_and_searches(qtbot, workspace, staff) -> None:
    workspace.catalog.import_file(resources_dir() / "demo" / "catalog.json")
    page = CatalogPage(make_session(workspace, staff))
    qtbot.addWidget(page)
    assert page.model.rowCount() > 3
    page.search_edit.setText("khai sinh")
    page.refresh()
    assert page.model.rowCount() >= 1
    assert "khai sinh" in page.model.procedure(0).name.lower()
