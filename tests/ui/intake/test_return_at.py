"""Where the result will be returned (receiving regardless of residence): the intake page asks
it, defaulting to this counter as an intake file without "return_at" does, and the receipt
names the place chosen as the command line's intake prints it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from counter_app.domain.catalog_file import catalog_from_json
from counter_app.services.workspace import Workspace
from tests.printing.conftest import flat, pdf_text
from tests.ui.conftest import AGENCY
from tests.ui.intake.conftest import choose, press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
JUSTICE = "000.00.12.H37"
OTHER_DESK = {
    "format": "counter-app-catalog",
    "version": 1,
    "agencies": [{"code": JUSTICE, "name": "Sở Tư pháp tỉnh Lạng Sơn"}],
    "procedures": [],
}


def receipt_text(workspace: Workspace, code: str) -> str:
    return flat(pdf_text(workspace.papers.receipt(code).pdf))


def test_the_result_is_returned_where_the_officer_says(
    qtbot, open_page, workspace, vietnamese
) -> None:
    workspace.settings.set("counter.name", "Bộ phận Một cửa xã Hoàng Đồng")
    workspace.catalog.import_catalog(catalog_from_json(OTHER_DESK))
    page = open_page("vi")
    places = page.return_at_combo
    assert (places.currentText(), places.currentData()) == ("Bộ phận Một cửa này", "")
    assert [places.itemData(i) for i in range(places.count())] == ["", AGENCY, JUSTICE]

    choose(qtbot, page, "chung thuc")
    type_text("Nông Văn Dền")
    places.setCurrentIndex(places.findData(JUSTICE))
    with qtbot.waitSignal(page.sig_saved) as saved:
        press(qtbot, Qt.Key.Key_S, CTRL)
    elsewhere = saved.args[0]
    assert workspace.dossiers.get(elsewhere.code).return_at == JUSTICE
    assert "6. Đăng ký nhận kết quả tại: Sở Tư pháp tỉnh Lạng Sơn" in receipt_text(
        workspace, elsewhere.code
    )
    assert places.currentData() == ""  # the next citizen starts from this counter

    choose(qtbot, page, "chung thuc")
    type_text("Hoàng Thị Mai")
    with qtbot.waitSignal(page.sig_saved) as saved:
        press(qtbot, Qt.Key.Key_S, CTRL)
    here = saved.args[0]
    assert workspace.dossiers.get(here.code).return_at == ""
    assert "6. Đăng ký nhận kết quả tại: Bộ phận Một cửa xã Hoàng Đồng" in receipt_text(
        workspace, here.code
    )
