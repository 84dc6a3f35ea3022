"""Support in the settings page: where the data and the logs are, and "Copy diagnostics"
(versions, the store, sync, the last backup and the last 200 log lines) to the clipboard, to
paste into a message to support."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QPushButton, QWidget

from counter_app.services.operations.diagnostics import diagnostics_text
from counter_app.services.operations.logs import log_path
from counter_app.ui.session import Session
from counter_app.ui.settings.backups import at_start
from counter_app.ui.settings.widgets import Section
from counter_app.ui.workers import Tasks


class SupportSection(Section):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            self.tr("Support"),
            self.tr(
                "When asking for help, copy the diagnostics and paste them into the message: "
                "versions, the data folder, sync, the last backup and the end of the log. "
                "They name no citizen: the log holds dossier codes only."
            ),
            with_save=False,
            parent=parent,
        )
        self.tasks = Tasks(self)
        data_dir = session.workspace.data_dir
        self.data_label = QLabel(str(data_dir))
        self.log_label = QLabel(str(log_path(data_dir)))
        for label in (self.data_label, self.log_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton(self.tr("&Copy diagnostics"))
        self.copy_button.setObjectName("copyDiagnostics")
        self.copy_button.clicked.connect(self.copy_diagnostics)
        form = QFormLayout()
        form.addRow(self.tr("Data folder:"), self.data_label)
        form.addRow(self.tr("Log file:"), self.log_label)
        form.addRow("", at_start(self.copy_button))
        self.body.addLayout(form)
        self.body.addStretch(1)
        self.finish()

    def copy_diagnostics(self) -> None:
        workspace = self.session.workspace
        extra = [("Qt", qVersion()), ("PySide6", PySide6.__version__)]
        self.copy_button.setEnabled(False)
        self.tasks.run(
            "diagnostics", lambda: diagnostics_text(workspace, extra), self._copied, self._failed
        )

    def _copied(self, text: str) -> None:
        self.copy_button.setEnabled(True)
        QApplication.clipboard().setText(text)
        self.session.messages.info(
            self.tr("Diagnostics copied: paste them into your message to support.")
        )

    def _failed(self, error: Exception) -> None:
        self.copy_button.setEnabled(True)
        raise error  # a report that cannot be made is a bug: the crash handler logs it

    def write(self) -> str:
        return ""

    def focus_first(self) -> None:
        self.copy_button.setFocus()
