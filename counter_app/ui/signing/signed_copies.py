"""The dossier detail's "Signed copies" tab: which electronic copies were signed, by whom and
when, and which came from the citizen's paper store."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from counter_app.services.signing import SignedCopy
from counter_app.ui.formatting import moment, text_or_dash


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
