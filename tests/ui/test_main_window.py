"""The main window: the header band, the pages each role may open, the shortcuts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counter_app.services.accounts import User
from counter_app.services.workspace import Workspace
from counter_app.ui.main_window import MainWindow, ShortcutRole
from counter_app.ui.navigation import PageKey
from tests.ui.conftest import make_session


def open_window(qtbot, workspace: Workspace, user: User, lang: str = "vi") -> MainWindow:
    window = MainWindow(make_session(workspace, user, lang))
    qtbot.addWidget(window)
    return window


def nav_texts(window: MainWindow) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def test_header_shows_officer_counter_day_and_sync_state(
    qtbot, workspace, staff, vietnamese
) -> None:
    workspace.settings.set("counter.name", "Bộ phận Một cửa xã Hoàng Đồng")
    header = open_window(qtbot, workspace, staff).header

    assert header.officer_label.text() == "Nguyễn Thị Lan"
    assert header.role_label.text() == "Cán bộ tiếp nhận"
    assert header.counter_label.text() == "Bộ phận Một cửa xã Hoàng Đồng"
    assert header.today_label.text() == "Thứ Tư, 25/11/2026"
    indicator = header.sync_indicator
    qtbot.waitUntil(lambda: "Chạy độc lập" in indicator.state_label.text())  # read in background


def test_header_in_english(qtbot, workspace, supervisor) -> None:
    header = open_window(qtbot, workspace, supervisor, "en").header

    assert header.role_label.text() == "Supervisor"
    assert header.today_label.text() == "Wednesday, 25/11/2026"
    assert header.sync_indicator.state_label.text() != ""


def test_the_window_has_the_online_submissions_page(qtbot, workspace, staff) -> None:
    from counter_app.ui.sync import OnlineSubmissionsPage

    window = open_window(qtbot, workspace, staff)
    assert isinstance(window.pages[PageKey.ONLINE], OnlineSubmissionsPage)
    assert not window.sync.running  # no central server: the embedded default runs alone


@pytest.mark.parametrize(
    ("who", "pages"),
    [
        (
            "staff",
            [
                PageKey.INTAKE,
                PageKey.DOSSIERS,
                PageKey.RETURNS,
                PageKey.REPORTS,
                PageKey.CATALOG,
                PageKey.ONLINE,
            ],
        ),
        (
            "supervisor",
            [
                PageKey.INTAKE,
                PageKey.DOSSIERS,
                PageKey.RETURNS,
                PageKey.REPORTS,
                PageKey.CATALOG,
                PageKey.ONLINE,
            ],
        ),
        ("admin", list(PageKey)),
    ],
)
def test_each_role_sees_only_its_pages(qtbot, workspace, request, who, pages) -> None:
    user = request.getfixturevalue(who)
    window = open_window(qtbot, workspace, user)

    assert window.page_keys() == pages
    assert window.nav.count() == len(pages)
    assert window.stack.count() == len(pages)


def test_navigation_shows_fixed_shortcuts(qtbot, workspace, staff, vietnamese) -> None:
    window = open_window(qtbot, workspace, staff)

    shortcuts = {
        window.nav.item(i).text(): window.nav.item(i).data(ShortcutRole)
        for i in range(window.nav.count())
    }
    # Cài đặt (Ctrl+6) is hidden for staff; Hồ sơ trực tuyến keeps Ctrl+7.
    assert shortcuts == {
        "Tiếp nhận": "Ctrl+1",
        "Hồ sơ": "Ctrl+2",
        "Trả kết quả": "Ctrl+3",
        "Báo cáo": "Ctrl+4",
        "Danh mục": "Ctrl+5",
        "Hồ sơ trực tuyến": "Ctrl+7",
    }


def test_labels_follow_the_language(qtbot, workspace, admin, vietnamese) -> None:
    vietnamese_window = open_window(qtbot, workspace, admin, "vi")
    assert nav_texts(vietnamese_window) == [
        "Tiếp nhận",
        "Hồ sơ",
        "Trả kết quả",
        "Báo cáo",
        "Danh mục",
        "Cài đặt",
        "Hồ sơ trực tuyến",
    ]


def test_labels_in_english_without_translation(qtbot, workspace, admin) -> None:
    window = open_window(qtbot, workspace, admin, "en")
    assert nav_texts(window) == [
        "Intake",
        "Dossiers",
        "Return of results",
        "Reports",
        "Catalog",
        "Settings",
        "Online submissions",
    ]


def test_window_opens_on_the_intake_page(qtbot, workspace, staff) -> None:
    """The officer's first job of the day is the citizen at the desk."""
    window = open_window(qtbot, workspace, staff)
    assert window.current_page() is PageKey.INTAKE
    assert window.stack.currentWidget() is window.pages[PageKey.INTAKE]


def test_ctrl_number_switches_pages(qtbot, workspace, staff) -> None:
    window = open_window(qtbot, workspace, staff)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()

    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is PageKey.CATALOG
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is PageKey.INTAKE
    # Settings is not this officer's: its shortcut does nothing.
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is PageKey.INTAKE


def test_the_built_pages_are_in_the_window(qtbot, workspace, admin) -> None:
    from counter_app.ui.intake import IntakePage
    from counter_app.ui.reports import ReportsPage
    from counter_app.ui.returns.page import ReturnsPage

    window = open_window(qtbot, workspace, admin)
    assert isinstance(window.pages[PageKey.INTAKE], IntakePage)
    assert isinstance(window.pages[PageKey.RETURNS], ReturnsPage)
    assert isinstance(window.pages[PageKey.REPORTS], ReportsPage)


def test_settings_reach_the_window(qtbot, workspace, admin) -> None:
    from counter_app.ui.settings.page import SettingsPage

    window = open_window(qtbot, workspace, admin)
    page = window.pages[PageKey.SETTINGS]
    assert isinstance(page, SettingsPage)
    page.counter.name_edit.setText("Bộ phận Một cửa huyện Cao Lộc")
    page.counter.save()
    assert window.header.counter_label.text() == "Bộ phận Một cửa huyện Cao Lộc"
    page.scanner.prefix_edit.setText("]C0")
    page.scanner.save()
    assert window.scanner.settings.prefix == "]C0"
    window.idle_lock.lock()
    assert window.idle_lock.is_locked()


def test_every_page_offers_what_the_window_calls_on_it(qtbot, workspace, admin) -> None:
    """The window routes by Protocol (ui/navigation.py): a page that lost a method would
    make a scanned code or card do nothing, so each page is checked against its part."""
    from counter_app.ui.navigation import HandsBackResult, OpensDossier, Page, TakesApplicant

    pages = open_window(qtbot, workspace, admin).pages
    assert set(pages) == set(PageKey)
    assert all(isinstance(page, Page) for page in pages.values())
    assert isinstance(pages[PageKey.DOSSIERS], OpensDossier)
    assert isinstance(pages[PageKey.RETURNS], HandsBackResult)
    assert isinstance(pages[PageKey.INTAKE], TakesApplicant)
