"""The counter's accounts: who may sign in, with which role. Each change is made in a small
dialog (or by one button), written at once through the account service, and audited there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import CounterError
from counter_app.domain.permissions import Role
from counter_app.services.accounts import MIN_PASSWORD_LENGTH, User
from counter_app.ui import notify, theme
from counter_app.ui.labels import role_label
from counter_app.ui.session import Session
from counter_app.ui.settings.widgets import FieldError, Section, note_label

LoginRole = Qt.ItemDataRole.UserRole + 1
LOGIN_MAX = 32
NAME_MAX = 120


class Refusal(Exception):
    """A change this page refuses itself, with the sentence to show."""


class AccountDialog(QDialog):
    """A new account (login, name, role, password twice) or an existing one's name and role.

    `submit` hands the values to `apply`, which calls the service; a refusal is shown in red
    under the fields and the dialog stays open."""

    def __init__(
        self,
        lang: str,
        apply: Callable[[AccountDialog], None],
        user: User | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        self._apply = apply
        self.user = user
        adding = user is None
        self.setWindowTitle(self.tr("New account") if adding else self.tr("Change an account"))
        self.setMinimumWidth(460)

        self.login_edit = QLineEdit(user.login if user else "")
        self.login_edit.setObjectName("accountLogin")
        self.login_edit.setMaxLength(LOGIN_MAX)
        self.login_edit.setReadOnly(not adding)
        self.name_edit = QLineEdit(user.full_name if user else "")
        self.name_edit.setObjectName("accountName")
        self.name_edit.setMaxLength(NAME_MAX)
        self.title_edit = QLineEdit(user.title if user else "")
        self.title_edit.setObjectName("accountTitle")
        self.title_edit.setMaxLength(NAME_MAX)
        self.title_edit.setPlaceholderText(self.tr("e.g. Chuyên viên"))
        self.title_edit.setToolTip(
            self.tr("Sent with the officer's name in each move's record to the national portal.")
        )
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("accountRole")
        for role in (Role.STAFF, Role.SUPERVISOR, Role.ADMIN):
            self.role_combo.addItem(role_label(role), role.value)
        self.role_combo.setCurrentIndex(
            self.role_combo.findData((user.role if user else Role.STAFF).value)
        )
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("accountPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setObjectName("accountPasswordRepeat")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        rows: list[tuple[str, QWidget]] = [
            (self.tr("&Login:"), self.login_edit),
            (self.tr("Full &name:"), self.name_edit),
            (self.tr("&Title:"), self.title_edit),
            (self.tr("&Role:"), self.role_combo),
        ]
        if adding:
            rows += [
                (self.tr("&Password:"), self.password_edit),
                (self.tr("Password &again:"), self.repeat_edit),
            ]
        for caption, field in rows:
            label = QLabel(caption)
            label.setBuddy(field)
            form.addRow(label, field)
        rules = note_label(
            self.tr(
                "Login: unaccented letters, digits, dots, hyphens (2–32). Password: "
                "at least {n} characters."
            ).format(n=MIN_PASSWORD_LENGTH)
        )
        rules.setVisible(adding)
        self.password_edit.setVisible(adding)
        self.repeat_edit.setVisible(adding)

        self.error_label = FieldError("accountError")
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(
            self.tr("Create the account") if adding else self.tr("Save"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.ok_button.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(rules)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        (self.login_edit if adding else self.name_edit).setFocus()

    def role(self) -> Role:
        return Role(self.role_combo.currentData())

    def refuse(self, text: str, focus: QWidget | None = None) -> None:
        self.error_label.show_problem(text)
        if focus is not None:
            focus.setFocus()

    def submit(self) -> None:
        if self.user is None:
            if not self.login_edit.text().strip():
                self.refuse(self.tr("Enter a login."), self.login_edit)
                return
            if self.password_edit.text() != self.repeat_edit.text():
                self.repeat_edit.clear()
                self.refuse(CounterError("user.password_mismatch").message(self._lang),
                            self.repeat_edit)  # fmt: skip
                return
        try:
            self._apply(self)
        except CounterError as error:
            self.refuse(error.message(self._lang))
            return
        except Refusal as refusal:
            self.refuse(str(refusal))
            return
        self.accept()


class PasswordDialog(QDialog):
    """A new password for someone who forgot theirs; it also lifts a lock-out."""

    def __init__(
        self,
        lang: str,
        user: User,
        apply: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        self._apply = apply
        self.setWindowTitle(self.tr("Reset a password"))
        self.setMinimumWidth(420)
        who = QLabel(
            self.tr("New password for {name} ({login}).").format(
                name=user.full_name or user.login, login=user.login
            )
        )
        who.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("newPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setObjectName("newPasswordRepeat")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        for caption, field in (
            (self.tr("&Password:"), self.password_edit),
            (self.tr("Password &again:"), self.repeat_edit),
        ):
            label = QLabel(caption)
            label.setBuddy(field)
            form.addRow(label, field)
        rules = note_label(
            self.tr("At least {n} characters. Give it to the officer in person.").format(
                n=MIN_PASSWORD_LENGTH
            )
        )
        self.error_label = FieldError("passwordError")
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Set the password"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addWidget(rules)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.password_edit.setFocus()

    def submit(self) -> None:
        if self.password_edit.text() != self.repeat_edit.text():
            self.repeat_edit.clear()
            self.error_label.show_problem(
                CounterError("user.password_mismatch").message(self._lang)
            )
            self.repeat_edit.setFocus()
            return
        try:
            self._apply(self.password_edit.text())
        except CounterError as error:
            self.error_label.show_problem(error.message(self._lang))
            self.password_edit.setFocus()
            return
        self.accept()


class AccountsSection(Section):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            self.tr("Accounts"),
            self.tr(
                "Who may sign in at this counter. Accounts are never deleted, so the history "
                "keeps its names: disable the account of someone who has left."
            ),
            with_save=False,
            parent=parent,
        )
        self.users: list[User] = []
        self.dialog: QDialog | None = None
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("accountTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Login"), self.tr("Full name"), self.tr("Role"), self.tr("Status")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())

        self.add_button = QPushButton(self.tr("&New account…"))
        self.add_button.setObjectName("addAccount")
        self.add_button.clicked.connect(self.add_account)
        self.edit_button = QPushButton(self.tr("&Change name or role…"))
        self.edit_button.setObjectName("editAccount")
        self.edit_button.clicked.connect(self.edit_selected)
        self.active_button = QPushButton(self.tr("&Disable"))
        self.active_button.setObjectName("toggleAccount")
        self.active_button.clicked.connect(self.toggle_selected)
        self.password_button = QPushButton(self.tr("&Reset password…"))
        self.password_button.setObjectName("resetPassword")
        self.password_button.clicked.connect(self.reset_selected)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.active_button):
            buttons.addWidget(button)
        buttons.addWidget(self.password_button)
        buttons.addStretch(1)
        self.body.addWidget(self.table, 1)
        self.body.addLayout(buttons)
        self.finish()

    # --- the list
    def load(self) -> None:
        chosen = self.selected()
        try:
            self.users = self.session.workspace.accounts.users()
        except CounterError as error:
            notify.show_error(self, error.message(self.lang))
            return
        self.table.setRowCount(len(self.users))
        for row, user in enumerate(self.users):
            status = self.tr("Active") if user.active else self.tr("Disabled")
            cells = [user.login, user.full_name, role_label(user.role), status]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(LoginRole, user.login)
                if not user.active:
                    item.setForeground(theme.MUTED_TEXT)
                self.table.setItem(row, column, item)
        self.select(chosen.login if chosen else self.session.user.login)
        self._selection_changed()

    def select(self, login: str) -> bool:
        for row, user in enumerate(self.users):
            if user.login == login:
                self.table.selectRow(row)
                return True
        return False

    def selected(self) -> User | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.users):
            return None
        return self.users[rows[0].row()]

    def _selection_changed(self) -> None:
        user = self.selected()
        for button in (self.edit_button, self.active_button, self.password_button):
            button.setEnabled(user is not None)
        self.active_button.setText(
            self.tr("&Enable") if user is not None and not user.active else self.tr("&Disable")
        )

    # --- the changes
    def _update(self, login: str, **change: object) -> User:
        return self.session.workspace.accounts.update_user(
            login,
            by=self.session.user,
            **change,  # type: ignore[arg-type]
        )

    def _is_me_with_other_admins(self, user: User) -> bool:
        """The signed-in administrator's own account, while another can manage the counter.
        Without another, the account service refuses instead: the last administrator."""
        me = self.session.user.login
        others = any(u.active and u.role is Role.ADMIN and u.login != me for u in self.users)
        return user.login == me and others

    def _refuse(self, text: str) -> None:
        notify.show_error(self, text)

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()

    def _dialog_closed(self) -> None:
        self.dialog = None
        self.table.setFocus()

    def add_account(self) -> None:
        def apply(dialog: AccountDialog) -> None:
            user = self.session.workspace.accounts.add_user(
                dialog.login_edit.text(),
                dialog.role(),
                dialog.password_edit.text(),
                dialog.name_edit.text(),
                dialog.title_edit.text(),
            )
            self.load()
            self.select(user.login)
            self.session.messages.info(self.tr("Account {login} created.").format(login=user.login))

        self._open(AccountDialog(self.lang, apply, parent=self))

    def edit_selected(self) -> None:
        user = self.selected()
        if user is None:
            return

        def apply(dialog: AccountDialog) -> None:
            role = dialog.role()
            if self._is_me_with_other_admins(user) and role is not Role.ADMIN:
                raise Refusal(
                    self.tr(
                        "You cannot take the administrator role from yourself; another "
                        "administrator can."
                    )
                )
            self._update(
                user.login,
                role=role,
                full_name=dialog.name_edit.text(),
                title=dialog.title_edit.text(),
            )
            self.load()
            self.session.messages.info(self.tr("Account {login} saved.").format(login=user.login))

        self._open(AccountDialog(self.lang, apply, user, parent=self))

    def toggle_selected(self) -> None:
        user = self.selected()
        if user is None:
            return
        if user.active and self._is_me_with_other_admins(user):
            self._refuse(self.tr("You cannot disable the account you are signed in with."))
            return
        try:
            self._update(user.login, active=not user.active)
        except CounterError as error:
            self._refuse(error.message(self.lang))
            return
        self.load()
        if user.active:
            text = self.tr("Account {login} disabled: it can no longer sign in.")
        else:
            text = self.tr("Account {login} enabled.")
        self.session.messages.info(text.format(login=user.login))

    def reset_selected(self) -> None:
        user = self.selected()
        if user is None:
            return

        def apply(password: str) -> None:
            self._update(user.login, password=password)
            self.session.messages.info(
                self.tr("New password set for {login}.").format(login=user.login)
            )

        self._open(PasswordDialog(self.lang, user, apply, parent=self))

    def focus_first(self) -> None:
        self.table.setFocus()
