"""The sync log: where this counter stands with the central system, then the latest rounds,
newest first (when, whether it reached central, what went up and came down, why it failed)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import CounterError
from counter_app.services.sync import SyncLogEntry, SyncStatus
from counter_app.ui import formatting, notify, theme
from counter_app.ui.fitting import resize_within_screen
from counter_app.ui.session import Session
from counter_app.ui.sync.controller import SyncController
from counter_app.ui.sync.describe import describe, failure_text
from counter_app.ui.workers import Tasks

LOG_LIMIT = 200


class SyncLogDialog(QDialog):
    """`fields` maps each summary item to its label; `table` lists the rounds. With a
    controller, "Sync now" is offered and every round reported reads the log again."""

    def __init__(
        self,
        session: Session,
        controller: SyncController | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._controller = controller
        self.entries: list[SyncLogEntry] = []
        self.setWindowTitle(self.tr("Sync log"))
        resize_within_screen(self, 860, 560)

        heading = QLabel(self.tr("Synchronisation with the central system"))
        heading.setFont(theme.scaled_font(heading.font(), 1.2, bold=True))

        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for key, caption in (
            ("central", self.tr("Central server:")),
            ("counter", self.tr("Counter number:")),
            ("state", self.tr("State:")),
            ("pending", self.tr("Waiting to send:")),
            ("held", self.tr("Scans not sent:")),
            ("last_sync", self.tr("Last successful sync:")),
            ("last_attempt", self.tr("Last attempt:")),
            ("codes", self.tr("Codes left today offline:")),
            ("conflicts", self.tr("Open conflicts:")),
        ):
            value = QLabel(formatting.EMPTY)
            value.setObjectName(key)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            form.addRow(QLabel(caption), value)

        self.table = QTableWidget(0, 6)
        self.table.setObjectName("syncLogTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Result"),
                self.tr("Sent"),
                self.tr("Received"),
                self.tr("Conflicts"),
                self.tr("Message"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)

        self.empty_label = QLabel(self.tr("No synchronisation yet."))
        self.empty_label.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")
        self.empty_label.setVisible(False)

        buttons = QDialogButtonBox()
        self.sync_button = buttons.addButton(
            self.tr("S&ync now"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.sync_button.setAutoDefault(False)
        self.sync_button.setVisible(controller is not None)
        self.refresh_button = buttons.addButton(
            self.tr("&Refresh"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.refresh_button.setAutoDefault(False)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(buttons)

        self._tasks = Tasks(self)
        if controller is not None:
            self.sync_button.clicked.connect(controller.sync_now)
            controller.sig_round.connect(self.refresh)
            controller.sig_syncing.connect(lambda busy: self.sync_button.setEnabled(not busy))
            self.sync_button.setEnabled(not controller.syncing)
        self.refresh()

    def refresh(self, *_: object) -> None:
        sync = self._session.workspace.sync
        self._tasks.run(
            "log", lambda: (sync.status(), sync.log(LOG_LIMIT)), self._loaded, self._failed
        )

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, CounterError):
            raise error
        notify.show_counter_error(self, error, self._session.lang)

    def _loaded(self, answer: tuple[SyncStatus, list[SyncLogEntry]]) -> None:
        status, entries = answer
        self.entries = entries
        self._show_status(status)
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            message = self._message(entry)
            cells = [
                formatting.moment(entry.at),
                self.tr("Done") if entry.ok else self.tr("Failed"),
                str(entry.pushed),
                str(entry.pulled),
                str(entry.conflicts),
                message,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3, 4):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if not entry.ok:
                    item.setForeground(theme.ERROR_TEXT)
                elif column == 5 and message:  # done, but something was left behind
                    item.setForeground(theme.DUE_TODAY_FOREGROUND)
                if column == 5 and message:
                    item.setToolTip(message)
                self.table.setItem(row, column, item)
        self.empty_label.setVisible(not entries)

    def _message(self, entry: SyncLogEntry) -> str:
        lang = self._session.lang
        texts = [failure_text(entry.message, lang)] if not entry.ok else []
        texts += [left.message(lang) for left in entry.set_aside]
        if entry.attachment_problem is not None:
            text = entry.attachment_problem.message(lang)
            if entry.held > 1:
                text += " " + self.tr("({n} scans held back in all)").format(n=entry.held)
            texts.append(text)
        return "\n".join(texts)

    def _show_status(self, status: SyncStatus) -> None:
        identity = self._session.workspace.settings.identity()
        view = describe(
            status,
            today=self._session.clock().date(),
            error=self._controller.last_error if self._controller else None,
        )
        values = {
            "central": identity.central_url or self.tr("None — the counter runs standalone"),
            "counter": str(status.counter_number)
            if status.counter_number is not None
            else formatting.EMPTY,
            "state": view.state,
            "pending": self._waiting_text(status),
            "held": "\n".join(p.message(self._session.lang) for p in status.attachment_problems)
            or self.tr("None"),
            "last_sync": formatting.moment(status.last_sync),
            "last_attempt": formatting.moment(status.last_attempt),
            "codes": self._codes_text(status),
            "conflicts": str(status.conflicts_open),
        }
        if status.online is False:
            reason = (self._controller.last_error if self._controller else None) or failure_text(
                status.last_error or "", self._session.lang
            )
            values["state"] = f"{view.state} — {reason}" if reason else view.state
        for key, text in values.items():
            self.fields[key].setText(text)
        self.fields["held"].setStyleSheet(
            f"color: {theme.DUE_TODAY_FOREGROUND.name()};" if status.attachment_problems else ""
        )
        warn = status.configured and (
            status.codes_low or not status.registered or bool(status.number_space_low)
        )
        self.fields["codes"].setStyleSheet(
            f"color: {theme.OVERDUE_FOREGROUND.name()}; font-weight: bold;" if warn else ""
        )

    def _waiting_text(self, status: SyncStatus) -> str:
        if not status.attachments_waiting:
            return str(status.pending)
        return self.tr("{changes} dossier change(s), {scans} dossier(s) with scans").format(
            changes=status.pending, scans=status.attachments_waiting
        )

    def _codes_text(self, status: SyncStatus) -> str:
        if not status.configured:
            return self.tr("Not limited (standalone)")
        if not status.registered:
            return self.tr("None: the counter is not registered with the central server yet")
        try:
            agencies = self._session.workspace.catalog.agencies()
        except CounterError:
            agencies = {}
        lines = [
            f"{agencies[code].name if code in agencies else code}: {left}"
            for code, left in sorted(status.codes_left_by_agency.items())
        ]
        lines.extend(low.message(self._session.lang) for low in status.number_space_low)
        return "\n".join(lines) or formatting.EMPTY
