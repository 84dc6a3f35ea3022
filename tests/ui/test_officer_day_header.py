"""The counter's name and desk number are set in Cài đặt and the header shows them at once
(issue 13); they are kept in the settings the first-run wizard writes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from counter_app.ui.main_window import MainWindow
from counter_app.ui.navigation import PageKey
from counter_app.ui.settings.page import SettingsPage
from tests.ui.conftest import make_session


def test_name_and_desk_saved_in_settings_show_in_the_header_at_once(
    qtbot, workspace, admin, vietnamese
) -> None:
    window = MainWindow(make_session(workspace, admin))
    qtbot.addWidget(window)
    header = window.header
    assert not header.desk_label.isVisibleTo(header)  # no desk number yet
    window.show_page(PageKey.SETTINGS)
    page = window.page(PageKey.SETTINGS)
    assert isinstance(page, SettingsPage)
    section = page.counter
    assert section.desk_spin.text() == "không có"
    section.name_edit.setText("Bộ phận Một cửa xã Hoàng Đồng")
    section.desk_spin.selectAll()
    qtbot.keyClicks(section.desk_spin, "3")  # typed: the wheel changes no number
    assert section.dirty
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)

    assert workspace.settings.get("counter.desk") == 3
    assert workspace.settings.identity().desk_number == 3
    assert header.counter_label.text() == "Bộ phận Một cửa xã Hoàng Đồng"
    assert header.desk_label.text() == "Quầy số 3" and header.desk_label.isVisibleTo(header)
    assert window.windowTitle().startswith("Bộ phận Một cửa xã Hoàng Đồng")

    section.desk_spin.setValue(0)  # no number any more
    assert section.save()
    assert workspace.settings.identity().desk_number is None
    assert not header.desk_label.isVisibleTo(header)


def test_the_desk_number_the_wizard_set_is_shown_and_offered(qtbot, workspace, admin) -> None:
    workspace.settings.set("counter.desk", 2)
    window = MainWindow(make_session(workspace, admin, "en"))
    qtbot.addWidget(window)
    assert window.header.desk_label.text() == "Desk 2"
    page = window.page(PageKey.SETTINGS)
    assert isinstance(page, SettingsPage)
    assert page.counter.desk_spin.value() == 2
