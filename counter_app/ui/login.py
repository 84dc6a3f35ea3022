"""Sign-in: login and password; a refusal is shown under the fields, in red, in place."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import CounterError
from counter_app.ui import theme

if TYPE_CHECKING:
    from counter_app.services.accounts import User


class Accounts(Protocol):
    """What sign-in needs of the accounts (the service, or a stand-in while it loads)."""

    def authenticate(self, login: str, password: str) -> User: ...


class LoginDialog(QDialog):
    """Accepted once `accounts.authenticate` agrees; `user` then holds who signed in."""

    def __init__(
        self,
        accounts: Accounts,
        counter_name: str,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self._lang = lang
        self.user: User | None = None
        self.setWindowTitle(self.tr("Sign in"))
        self.setMinimumWidth(420)

        heading = QLabel(counter_name)
        heading.setObjectName("counterName")
        heading.setWordWrap(True)
        heading.setFont(theme.scaled_font(heading.font(), 1.3, bold=True))
        hint = QLabel(self.tr("Sign in with your counter account."))
        hint.setWordWrap(True)

        self.login_edit = QLineEdit()
        self.login_edit.setObjectName("login")
        self.login_edit.setMaxLength(32)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        form = QFormLayout()
        login_label = QLabel(self.tr("&Login:"))
        login_label.setBuddy(self.login_edit)
        password_label = QLabel(self.tr("&Password:"))
        password_label.setBuddy(self.password_edit)
        form.addRow(login_label, self.login_edit)
        form.addRow(password_label, self.password_edit)

        self.error_label = theme.error_label("loginError")

        buttons = QDialogButtonBox()
        self.sign_in_button = buttons.addButton(
            self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_in_button.setDefault(True)
        quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.setAutoDefault(False)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addSpacing(4)
        layout.addWidget(buttons)
        self.login_edit.setFocus()

    def submit(self) -> None:
        login = self.login_edit.text().strip()
        password = self.password_edit.text()
        if not login:
            self._refuse(self.tr("Enter your login."), self.login_edit)
            return
        if not password:
            self._refuse(self.tr("Enter your password."), self.password_edit)
            return
        try:
            user = self._accounts.authenticate(login, password)
        except CounterError as error:
            self.password_edit.clear()
            self._refuse(error.message(self._lang), self.password_edit)
            return
        self.user = user
        self.error_label.clear()
        self.error_label.setVisible(False)
        self.accept()

    def _refuse(self, message: str, focus: QLineEdit) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)
        focus.setFocus()
