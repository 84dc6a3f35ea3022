"""Sign-in says how many tries are left once a wrong password has been typed twice, and that
the account is now locked when the last one fails."""

from __future__ import annotations

import pytest

from counter_app.services.accounts import MAX_FAILURES
from counter_app.services.workspace import Workspace
from counter_app.ui.login import LoginDialog


@pytest.mark.parametrize(
    ("lang", "first", "second", "last"),
    [
        (
            "vi",
            "Sai tên đăng nhập hoặc mật khẩu.",
            "Sai tên đăng nhập hoặc mật khẩu. Còn 3 lần thử trước khi tài khoản bị tạm khóa "
            "15 phút.",
            "Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Thử lại sau 15 phút.",
        ),
        (
            "en",
            "Wrong login or password.",
            "Wrong login or password. Attempts left before the account is locked for "
            "15 minutes: 3.",
            "The account is locked after repeated wrong passwords. Try again in 15 minutes.",
        ),
    ],
    ids=["vi", "en"],
)
def test_the_attempts_left_are_shown_from_the_second_wrong_password(
    qtbot, workspace: Workspace, staff, lang: str, first: str, second: str, last: str
) -> None:
    dialog = LoginDialog(workspace.accounts, "Counter", lang)
    qtbot.addWidget(dialog)
    shown = []
    for attempt in range(MAX_FAILURES):
        dialog.login_edit.setText("lan")
        dialog.password_edit.setText(f"sai-{attempt}")
        dialog.submit()
        shown.append(dialog.error_label.text())
    assert shown[0] == first
    assert shown[1] == second
    assert shown[2] == second.replace("3", "2")
    assert shown[3] == second.replace("3", "1")
    assert shown[4] == last
    assert dialog.user is None
