"""The Báo cáo page in the window: every role has it on Ctrl+4, staff in the restricted view."""

from __future__ import annotations

from PySide6.QtCore import Qt

from counter_app.ui.main_window import MainWindow
from counter_app.ui.navigation import PageKey
from counter_app.ui.reports import ReportsPage
from tests.ui.conftest import make_session
from tests.ui.reports.conftest import wait_loaded


def test_ctrl_4_opens_the_reports_for_staff_in_their_own_view(qtbot, workspace, staff, day) -> None:
    window = MainWindow(make_session(workspace, staff, "en"))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)

    assert window.current_page() is PageKey.REPORTS
    page = window.page(PageKey.REPORTS)
    assert isinstance(page, ReportsPage)
    wait_loaded(qtbot, page)  # the page read its figures when it came to the front
    assert page.daily.review.officer == "lan"
    assert page.period is None


def test_supervisors_get_the_province_figures(qtbot, workspace, supervisor, day) -> None:
    window = MainWindow(make_session(workspace, supervisor, "en"))
    qtbot.addWidget(window)
    window.show_page(PageKey.REPORTS)
    page = window.page(PageKey.REPORTS)
    wait_loaded(qtbot, page)
    assert page.daily.review.officer is None
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Daily review",
        "Province figures",
        "Queue",
    ]
