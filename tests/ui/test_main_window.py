"""The main window: the header band, the pages each role may open, the shortcuts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

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
    assert isinstance(window.page(PageKey.ONLINE), OnlineSubmissionsPage)
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
    # only the intake page is built at the start; each other one the first time it is shown
    assert list(window.pages) == [PageKey.INTAKE] and window.stack.count() == 1
    for key in pages:
        window.show_page(key)
        assert window.current_page() is key
        assert window.stack.currentWidget() is window.pages[key]
    assert set(window.pages) == set(pages) and window.stack.count() == len(pages)
    window.show_page(PageKey.INTAKE)  # built once: the same page again
    assert window.stack.count() == len(pages)
    for key in set(PageKey) - set(pages):
        with pytest.raises(KeyError):
            window.page(key)
        assert key not in window.pages


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
    assert window.stack.currentWidget() is window.page(PageKey.INTAKE)


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
    assert isinstance(window.page(PageKey.INTAKE), IntakePage)
    assert isinstance(window.page(PageKey.RETURNS), ReturnsPage)
    assert isinstance(window.page(PageKey.REPORTS), ReportsPage)


def test_settings_reach_the_window(qtbot, workspace, admin) -> None:
    from counter_app.ui.settings.page import SettingsPage

    window = open_window(qtbot, workspace, admin)
    page = window.page(PageKey.SETTINGS)
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

    window = open_window(qtbot, workspace, admin)
    pages = {key: window.page(key) for key in window.page_keys()}
    assert set(pages) == set(PageKey)
    assert all(isinstance(page, Page) for page in pages.values())
    assert isinstance(pages[PageKey.DOSSIERS], OpensDossier)
    assert isinstance(pages[PageKey.RETURNS], HandsBackResult)
    assert isinstance(pages[PageKey.INTAKE], TakesApplicant)


class _WindowsShown(QObject):
    """Every widget that shows as a window of its own."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.shown.append(f"{type(watched).__name__} {watched.objectName()}")
        return False


def test_pages_built_on_first_show_flash_no_window_and_keep_the_keyboard(
    qtbot, qapp, workspace, admin
) -> None:
    """Each page is built the first time it is shown, in the officer's open window: a widget
    of it shown before it had a parent would be a window of its own for a moment (the
    settings' Save buttons were) and take the keyboard from the officer's window."""
    window = open_window(qtbot, workspace, admin)
    window.show()
    qtbot.waitExposed(window)
    spy = _WindowsShown()
    qapp.installEventFilter(spy)
    try:
        for key in window.page_keys():
            window.show_page(key)
            qapp.processEvents()
    finally:
        qapp.removeEventFilter(spy)
    assert spy.shown == []
    assert QGuiApplication.focusWindow() is window.windowHandle()
