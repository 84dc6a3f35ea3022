"""The dossier detail's "Signed copies" tab: which electronic copies were signed, by whom and
when, and which came from the citizen's paper store."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import CounterError
from counter_app.services.signing import SignedCopy
from counter_app.ui import notify
from counter_app.ui.formatting import moment, text_or_dash
from counter_app.ui.session import Session
from counter_app.ui.workers import Tasks


class SignedCopiesTable(QTableWidget):
    """One row per signed copy, oldest first."""

    def __init__(self, copies: Sequence[SignedCopy], parent: QWidget | None = None) -> None:
        super().__init__(len(copies), 5, parent)
        self.setObjectName("signedCopiesTable")
        self.setHorizontalHeaderLabels(
            [self.tr("Copy"), self.tr("Paper"), self.tr("Signer"), self.tr("Signed at"), ""]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        what = {
            "digitised": self.tr("Digitised dossier"),
            "component": self.tr("Paper of the dossier"),
            "receipt": self.tr("Receipt"),
        }
        for row, copy in enumerate(copies):
            reused = self.tr("Reused from the paper store") if copy.reused_from else ""
            texts = [what.get(copy.what, copy.what), copy.component, copy.signer]
            texts += [moment(copy.signed_at), reused]
            for column, text in enumerate(texts):
                self.setItem(row, column, QTableWidgetItem(text_or_dash(text)))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    @staticmethod
    def title(count: int) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("SignedCopiesTable", "Signed copies ({n})").format(
            n=count
        )


class SignedCopiesTab(QWidget):
    """The table, and "Sign…": the token's PIN is asked for each signing, used for its log-in
    in the background and never kept; every copy of the dossier is signed with that one PIN."""

    def __init__(self, session: Session, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._code = code
        self.tasks = Tasks(self)
        copies = session.workspace.signing.signed_copies(code)
        self.table = SignedCopiesTable(copies)
        self.sign_button = QPushButton(self.tr("Sign the copies…"))
        self.sign_button.setObjectName("signCopies")
        self.sign_button.setAutoDefault(False)
        self.sign_button.clicked.connect(self._ask_pin)
        self.message_label = QLabel()
        self.message_label.setObjectName("signingMessage")
        self.message_label.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.sign_button)
        bar.addWidget(self.message_label, 1)
        layout = self._layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def _ask_pin(self) -> None:
        pin = notify.ask_text(
            self, self.tr("Digital signature"), self.tr("The signing token's PIN:"), secret=True
        )
        if pin is not None:
            self.sign_with(pin)

    def sign_with(self, pin: str) -> None:
        """Sign everything of the dossier in the background (the PIN goes no further)."""
        signing, user, code = self._session.workspace.signing, self._session.user, self._code
        self.sign_button.setEnabled(False)
        self.message_label.setText(self.tr("Signing…"))
        self.tasks.run(
            "sign",
            lambda: len(signing.sign(code, user=user, pin=pin, what="all")),
            self._signed,
            self._failed,
        )

    def _signed(self, count: int) -> None:
        self.sign_button.setEnabled(True)
        self.message_label.setText(self.tr("{n} copies signed.").format(n=count))
        copies = self._session.workspace.signing.signed_copies(self._code)
        fresh = SignedCopiesTable(copies)
        self._layout.replaceWidget(self.table, fresh)
        self.table.deleteLater()
        self.table = fresh

    def _failed(self, error: Exception) -> None:
        self.sign_button.setEnabled(True)
        if not isinstance(error, CounterError):
            raise error
        self.message_label.setText(error.message(self._session.lang))
