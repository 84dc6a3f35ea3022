"""Sign-in: Enter submits; refusals come from the account service and show in red, in place."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from counter_app.services.accounts import MAX_FAILURES, User
from counter_app.services.workspace import Workspace
from counter_app.ui import theme
from counter_app.ui.login import LoginDialog
from tests.ui.conftest import PASSWORD


@pytest.fixture
def dialog(qtbot, workspace: Workspace, staff: User) -> LoginDialog:
    dialog = LoginDialog(workspace.accounts, "Bộ phận Một cửa xã Hoàng Đồng", "vi")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_and_enter(qtbot, dialog: LoginDialog, login: str, password: str) -> None:
    dialog.login_edit.clear()
    qtbot.keyClicks(dialog.login_edit, login)
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)


def test_wrong_password_is_refused_in_red_under_the_fields(qtbot, dialog, vietnamese) -> None:
    type_and_enter(qtbot, dialog, "lan", "not-the-password")

    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.user is None
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "Sai tên đăng nhập hoặc mật khẩu."
    assert theme.ERROR_TEXT.name() in dialog.error_label.styleSheet()
    assert dialog.password_edit.text() == ""
    assert dialog.focusWidget() is dialog.password_edit
    assert dialog.login_edit.text() == "lan"


def test_the_right_password_signs_in(qtbot, dialog) -> None:
    type_and_enter(qtbot, dialog, "lan", "wrong-once")
    type_and_enter(qtbot, dialog, "lan", PASSWORD)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user is not None
    assert dialog.user.login == "lan"
    assert dialog.user.full_name == "Nguyễn Thị Lan"
    assert not dialog.error_label.isVisible()


def test_login_is_case_and_space_tolerant(qtbot, dialog) -> None:
    type_and_enter(qtbot, dialog, "  LAN ", PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_locked_account_says_so(qtbot, dialog) -> None:
    for _ in range(MAX_FAILURES):
        type_and_enter(qtbot, dialog, "lan", "wrong-password")
    type_and_enter(qtbot, dialog, "lan", PASSWORD)

    assert dialog.user is None
    assert "tạm khóa" in dialog.error_label.text()
    assert dialog.password_edit.text() == ""


def test_an_empty_login_is_asked_for_before_the_service(qtbot, dialog, vietnamese) -> None:
    qtbot.keyClick(dialog.login_edit, Qt.Key.Key_Return)

    assert dialog.error_label.text() == "Hãy nhập tên đăng nhập."
    assert dialog.focusWidget() is dialog.login_edit


def test_refusals_follow_the_language(qtbot, workspace, staff) -> None:
    dialog = LoginDialog(workspace.accounts, "Counter", "en")
    qtbot.addWidget(dialog)
    dialog.show()
    type_and_enter(qtbot, dialog, "lan", "wrong-password")
    assert dialog.error_label.text() == "Wrong login or password."
