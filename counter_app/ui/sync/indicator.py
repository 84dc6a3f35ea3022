"""The sync state in the header: a dot and a word (online, offline, standalone), the entries
waiting to go up, the last sync, the codes left for offline intake (coloured when low), and
the buttons "Sync now", the log and, for a supervisor, the conflicts."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import CounterError
from counter_app.domain.permissions import Permission, allowed
from counter_app.services.sync import SyncStatus
from counter_app.ui.session import Session
from counter_app.ui.sync.conflicts import ConflictsDialog
from counter_app.ui.sync.controller import SyncController
from counter_app.ui.sync.describe import CodesLevel, IndicatorView, Link, describe
from counter_app.ui.sync.log_dialog import SyncLogDialog

# Made for the header's dark band (theme.HEADER_BACKGROUND).
DOT_COLOURS = {
    Link.STANDALONE: "#d6e4f2",
    Link.UNKNOWN: "#d6e4f2",
    Link.ONLINE: "#4ade80",
    Link.OFFLINE: "#ffb020",
}
CODES_STYLE = {
    CodesLevel.PLENTY: "",
    CodesLevel.LOW: "background: #ffcc4d; color: #3d2e00;",
    CodesLevel.OUT: "background: #ff6b6b; color: #ffffff;",
}
BUTTON_STYLE = (
    "QPushButton { color: #ffffff; background: rgba(255, 255, 255, 30);"
    " border: 1px solid rgba(255, 255, 255, 110); border-radius: 4px; padding: 3px 10px; }"
    "QPushButton:hover { background: rgba(255, 255, 255, 55); }"
    "QPushButton:pressed { background: rgba(255, 255, 255, 80); }"
    "QPushButton:disabled { color: rgba(255, 255, 255, 120);"
    " border-color: rgba(255, 255, 255, 60); }"
    "QPushButton[chip='true'] { padding: 0px 6px; border-color: rgba(255, 255, 255, 70); }"
)


class SyncIndicator(QFrame):
    """Shows what `controller` reports. `state_label` (dot and word), `details_label`,
    `codes_label`; `sync_button`, `log_button`, `conflicts_button` (supervisors, when there
    are conflicts), `submissions_button` (when online submissions wait)."""

    sig_show_submissions = Signal()
    """The officer asked to see the online submissions waiting (no arguments)."""

    def __init__(
        self, session: Session, controller: SyncController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._controller = controller
        self.view: IndicatorView | None = None
        self.log_dialog: SyncLogDialog | None = None
        self.conflicts_dialog: ConflictsDialog | None = None
        self.setObjectName("syncIndicator")
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.setStyleSheet(BUTTON_STYLE)

        self.dot_label = QLabel("●")
        self.dot_label.setObjectName("syncDot")
        self.state_label = QLabel()
        self.state_label.setObjectName("syncState")
        font = QFont(self.state_label.font())
        font.setBold(True)
        self.state_label.setFont(font)
        self.details_label = QLabel()
        self.details_label.setObjectName("syncDetails")
        self.details_label.setProperty("muted", True)
        self.codes_label = QLabel()
        self.codes_label.setObjectName("syncCodes")

        # No Alt+letter: the header stays on screen over every page and their own letters.
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("syncNow")
        self.sync_button.setToolTip(self.tr("Send what waits and fetch what changed, now"))
        self.sync_button.setAutoDefault(False)
        self.sync_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.sync_button.clicked.connect(controller.sync_now)
        self.log_button = QPushButton(self.tr("Log"))
        self.log_button.setToolTip(self.tr("Sync log: the latest rounds and the state"))
        self.log_button.setObjectName("syncLogButton")
        self.log_button.setAutoDefault(False)
        self.log_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.log_button.clicked.connect(self.open_log)
        self.conflicts_button = QPushButton()
        self.conflicts_button.setObjectName("syncConflictsButton")
        self.conflicts_button.setProperty("chip", True)
        self.conflicts_button.setToolTip(self.tr("Changes the central system could not take"))
        self.conflicts_button.setAutoDefault(False)
        self.conflicts_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.conflicts_button.clicked.connect(self.open_conflicts)
        self.conflicts_button.setVisible(False)
        self.submissions_button = QPushButton()
        self.submissions_button.setObjectName("syncSubmissionsButton")
        self.submissions_button.setProperty("chip", True)
        self.submissions_button.setAutoDefault(False)
        self.submissions_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.submissions_button.clicked.connect(self.sig_show_submissions)
        self.submissions_button.setVisible(False)

        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.dot_label)
        top.addWidget(self.state_label)
        top.addSpacing(8)
        top.addWidget(self.codes_label)
        top.addWidget(self.submissions_button)
        top.addWidget(self.conflicts_button)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        bottom.addWidget(self.details_label)
        bottom.addStretch(1)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addLayout(top)
        text.addLayout(bottom)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addLayout(text)
        row.addSpacing(8)
        for button in (self.sync_button, self.log_button):
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)

        controller.sig_status.connect(self.show_status)
        controller.sig_syncing.connect(self._syncing)
        self.show_status(controller.status)

    def show_status(self, status: SyncStatus | None) -> None:
        names: dict[str, str] = {}
        if status is not None and status.codes_left_by_agency:
            try:  # cached by the catalog after its first read
                names = {c: a.name for c, a in self._session.workspace.catalog.agencies().items()}
            except CounterError:  # the names only decorate a tooltip
                names = {}
        view = describe(
            status,
            today=self._session.clock().date(),
            syncing=self._controller.syncing,
            error=self._controller.last_error,
            agency_names=names,
            lang=self._session.lang,
        )
        self.view = view
        self.dot_label.setStyleSheet(f"color: {DOT_COLOURS[view.link]};")
        self.state_label.setText(view.state)
        self.details_label.setText("  ·  ".join(view.details))
        self.details_label.setVisible(bool(view.details))
        self.codes_label.setText(view.codes)
        self.codes_label.setVisible(bool(view.codes))
        self.codes_label.setProperty("level", view.codes_level.value)
        chip = CODES_STYLE[view.codes_level]
        self.codes_label.setStyleSheet(
            f"QLabel {{ {chip} border-radius: 3px; padding: 1px 6px; font-weight: bold; }}"
            if chip
            else ""
        )
        self.setToolTip(view.tooltip)
        self.sync_button.setVisible(view.link is not Link.STANDALONE)
        self.sync_button.setEnabled(view.can_sync and not self._controller.syncing)
        self.log_button.setVisible(view.link is not Link.STANDALONE)
        conflicts = status.conflicts_open if status is not None else 0
        self.conflicts_button.setText(self.tr("Conflicts: {n}").format(n=conflicts))
        self.conflicts_button.setVisible(
            conflicts > 0 and allowed(self._session.user.role, Permission.RESOLVE_CONFLICT)
        )
        waiting = status.online_waiting if status is not None else 0
        self.submissions_button.setText(self.tr("Submitted online: {n}").format(n=waiting))
        self.submissions_button.setToolTip(
            self.tr("{n} online submission(s) wait for the counter").format(n=waiting)
        )
        self.submissions_button.setVisible(waiting > 0)

    def _syncing(self, _syncing: bool) -> None:
        self.show_status(self._controller.status)

    def open_log(self) -> None:
        if self.log_dialog is not None:
            self.log_dialog.raise_()
            return
        dialog = SyncLogDialog(self._session, self._controller, self.window())
        dialog.finished.connect(self._log_closed)
        self.log_dialog = dialog
        dialog.open()

    def _log_closed(self) -> None:
        if self.log_dialog is not None:
            self.log_dialog.deleteLater()
        self.log_dialog = None

    def open_conflicts(self) -> None:
        if self.conflicts_dialog is not None:
            self.conflicts_dialog.raise_()
            return
        dialog = ConflictsDialog(self._session, self.window())
        dialog.sig_resolved.connect(self._controller.refresh_status)
        dialog.finished.connect(self._conflicts_closed)
        self.conflicts_dialog = dialog
        dialog.open()

    def _conflicts_closed(self) -> None:
        if self.conflicts_dialog is not None:
            self.conflicts_dialog.deleteLater()
        self.conflicts_dialog = None
