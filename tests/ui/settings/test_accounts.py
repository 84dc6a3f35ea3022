"""Accounts: each change goes through the account service at once; its refusals (the last
administrator, a short password) are shown, and nothing is changed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counter_app.domain.errors import CounterError
from counter_app.services.accounts import Role
from counter_app.ui.settings.accounts import AccountDialog, PasswordDialog
from tests.ui.conftest import PASSWORD

NEW_PASSWORD = "mat-khau-moi-2026"


def accounts(workspace) -> dict[str, tuple[str, Role, bool]]:
    return {u.login: (u.full_name, u.role, u.active) for u in workspace.accounts.users()}


def table_rows(section) -> list[list[str]]:
    table = section.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


@pytest.fixture
def section(page, staff):
    """The accounts section, with the officer "lan" listed beside the administrator "duc"."""
    page.show_section(page.accounts)
    page.accounts.reload()
    return page.accounts


def test_the_table_lists_login_name_role_and_status(section) -> None:
    assert table_rows(section) == [
        ["duc", "Hoàng Văn Đức", "Administrator", "Active"],
        ["lan", "Nguyễn Thị Lan", "Front-desk officer", "Active"],
    ]


def test_a_new_account_is_created_with_the_password_given_twice(
    qtbot, section, infos, workspace
) -> None:
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    dialog = section.dialog
    assert isinstance(dialog, AccountDialog)
    qtbot.keyClicks(dialog.login_edit, "hoa.nt")
    dialog.name_edit.setText("Nguyễn Thị Hoa")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.SUPERVISOR.value))
    qtbot.keyClicks(dialog.password_edit, NEW_PASSWORD)
    qtbot.keyClicks(dialog.repeat_edit, NEW_PASSWORD)
    qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)

    assert accounts(workspace)["hoa.nt"] == ("Nguyễn Thị Hoa", Role.SUPERVISOR, True)
    assert workspace.accounts.authenticate("hoa.nt", NEW_PASSWORD).login == "hoa.nt"
    assert infos == ["Account hoa.nt created."]
    assert section.dialog is None
    assert section.selected().login == "hoa.nt"


def test_two_different_passwords_are_refused_in_the_dialog(section, workspace, vietnamese) -> None:
    section.add_account()
    dialog = section.dialog
    dialog.login_edit.setText("hoa.nt")
    dialog.password_edit.setText(NEW_PASSWORD)
    dialog.repeat_edit.setText(NEW_PASSWORD + "x")
    dialog.submit()

    assert dialog.isVisible()
    assert dialog.error_label.text() == "Hai lần nhập mật khẩu không khớp."
    assert "hoa.nt" not in accounts(workspace)
    dialog.reject()


def test_the_account_service_refusals_are_shown_in_the_dialog(section, workspace) -> None:
    section.add_account()
    dialog = section.dialog
    dialog.login_edit.setText("hoa.nt")
    dialog.password_edit.setText("short")
    dialog.repeat_edit.setText("short")
    dialog.submit()
    assert dialog.error_label.text() == "Mật khẩu phải có ít nhất 8 ký tự."

    dialog.login_edit.setText("lan")
    dialog.password_edit.setText(NEW_PASSWORD)
    dialog.repeat_edit.setText(NEW_PASSWORD)
    dialog.submit()
    assert dialog.error_label.text() == "Tài khoản «lan» đã tồn tại."
    assert set(accounts(workspace)) == {"duc", "lan"}
    dialog.reject()


def test_name_and_role_are_changed(section, infos, workspace) -> None:
    assert section.select("lan")
    section.edit_selected()
    dialog = section.dialog
    assert dialog.login_edit.isReadOnly()
    dialog.name_edit.setText("Nguyễn Thị Lan Anh")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.SUPERVISOR.value))
    dialog.submit()

    assert accounts(workspace)["lan"] == ("Nguyễn Thị Lan Anh", Role.SUPERVISOR, True)
    assert ["lan", "Nguyễn Thị Lan Anh", "Supervisor", "Active"] in table_rows(section)
    assert infos == ["Account lan saved."]


def test_the_title_is_given_at_creation_and_changed_later(section, infos, workspace) -> None:
    """The title (chức vụ) goes with the officer's name in the moves sent to the portal."""
    section.add_account()
    dialog = section.dialog
    dialog.login_edit.setText("hoa.nt")
    dialog.name_edit.setText("Nguyễn Thị Hoa")
    dialog.title_edit.setText("  Chuyên viên ")
    dialog.password_edit.setText(NEW_PASSWORD)
    dialog.repeat_edit.setText(NEW_PASSWORD)
    dialog.submit()
    assert workspace.accounts.user("hoa.nt").title == "Chuyên viên"

    assert section.select("hoa.nt")
    section.edit_selected()
    dialog = section.dialog
    assert dialog.title_edit.text() == "Chuyên viên"
    dialog.title_edit.setText("Phó Trưởng Bộ phận Một cửa")
    dialog.submit()
    assert workspace.accounts.user("hoa.nt").title == "Phó Trưởng Bộ phận Một cửa"
    assert infos[-1] == "Account hoa.nt saved."


def test_an_account_is_disabled_then_enabled(section, infos, workspace) -> None:
    assert section.select("lan")
    assert section.active_button.text() == "&Disable"
    section.active_button.click()

    assert accounts(workspace)["lan"][2] is False
    with pytest.raises(CounterError) as refused:
        workspace.accounts.authenticate("lan", PASSWORD)
    assert refused.value.key == "login.inactive"
    assert ["lan", "Nguyễn Thị Lan", "Front-desk officer", "Disabled"] in table_rows(section)
    assert section.active_button.text() == "&Enable"

    section.active_button.click()
    assert workspace.accounts.authenticate("lan", PASSWORD).login == "lan"
    assert infos == [
        "Account lan disabled: it can no longer sign in.",
        "Account lan enabled.",
    ]


def test_a_password_is_reset(qtbot, section, infos, workspace) -> None:
    assert section.select("lan")
    section.password_button.click()
    dialog = section.dialog
    assert isinstance(dialog, PasswordDialog)
    qtbot.keyClicks(dialog.password_edit, NEW_PASSWORD)
    qtbot.keyClicks(dialog.repeat_edit, NEW_PASSWORD)
    qtbot.keyClick(dialog.repeat_edit, Qt.Key.Key_Return)

    assert workspace.accounts.authenticate("lan", NEW_PASSWORD).login == "lan"
    with pytest.raises(CounterError):
        workspace.accounts.authenticate("lan", PASSWORD)
    assert infos == ["New password set for lan."]


def test_the_last_administrator_cannot_be_disabled(section, errors, infos, workspace) -> None:
    assert section.select("duc")
    section.active_button.click()

    assert errors == ["Không thể vô hiệu hóa hoặc hạ quyền quản trị viên cuối cùng."]
    assert accounts(workspace)["duc"] == ("Hoàng Văn Đức", Role.ADMIN, True)
    assert infos == []


def test_the_last_administrator_cannot_be_demoted(section, workspace) -> None:
    assert section.select("duc")
    section.edit_selected()
    dialog = section.dialog
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.STAFF.value))
    dialog.submit()

    assert dialog.isVisible()
    assert dialog.error_label.text() == (
        "Không thể vô hiệu hóa hoặc hạ quyền quản trị viên cuối cùng."
    )
    assert accounts(workspace)["duc"][1] is Role.ADMIN
    dialog.reject()


def test_with_another_administrator_one_still_cannot_disable_oneself(
    section, errors, workspace
) -> None:
    workspace.accounts.add_user("thu", Role.ADMIN, PASSWORD, "Lý Thị Thu")
    section.reload()
    assert section.select("duc")
    section.active_button.click()
    assert errors == ["You cannot disable the account you are signed in with."]
    assert accounts(workspace)["duc"][2] is True

    assert section.select("thu")
    section.active_button.click()
    assert accounts(workspace)["thu"][2] is False
