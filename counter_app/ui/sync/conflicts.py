"""Conflicts for the supervisor: a change made at this counter that the central system could
not take, because the dossier had moved on there. Nothing was overwritten: central's state
was kept (and is what the counter now shows), the counter's change is kept beside it, and the
supervisor marks the conflict resolved once what must be redone has been redone."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.dossier import Status
from counter_app.domain.errors import CounterError
from counter_app.services.accounts import Role
from counter_app.services.sync import ConflictInfo
from counter_app.ui import formatting, notify, theme
from counter_app.ui.dialogs.dossier_detail import DossierDetailDialog
from counter_app.ui.session import Session
from counter_app.ui.sync.describe import conflict_reason
from counter_app.ui.workers import Tasks

RESOLVERS = frozenset({Role.SUPERVISOR, Role.ADMIN})


class ConflictsDialog(QDialog):
    """`table` lists `conflicts` (open ones; all with `show_resolved_box`); the two boxes
    show the counter's side and central's side of the selected one. `resolve_button` is for
    supervisors and administrators only."""

    sig_resolved = Signal(int)
    """A conflict was marked resolved (its id, int)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.conflicts: list[ConflictInfo] = []
        self.detail_dialog: DossierDetailDialog | None = None
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(900, 600)

        heading = QLabel(self.tr("Changes the central system could not take"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        heading.setFont(font)
        about = QLabel(
            self.tr(
                "The dossier had already moved on in the central system. Its central state was "
                "kept and is what this counter shows now; the change made here is kept beside "
                "it, never overwritten. Check the dossier, redo by hand what must be redone, "
                "then mark the conflict as resolved."
            )
        )
        about.setWordWrap(True)

        self.show_resolved_box = QCheckBox(self.tr("Show &resolved conflicts too"))
        self.show_resolved_box.toggled.connect(self.refresh)

        self.table = QTableWidget(0, 5)
        self.table.setObjectName("conflictTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Recorded"),
                self.tr("Dossier code"),
                self.tr("At this counter"),
                self.tr("In the central system"),
                self.tr("Resolved"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)

        self.empty_label = QLabel(self.tr("No open conflict."))
        self.empty_label.setObjectName("noConflicts")
        self.empty_label.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")

        self.sides: dict[str, dict[str, QLabel]] = {}
        local_box = self._side("local", self.tr("At this counter (not applied)"))
        central_box = self._side("central", self.tr("In the central system (kept)"))
        sides = QHBoxLayout()
        sides.addWidget(local_box)
        sides.addWidget(central_box)
        self.reason_label = QLabel()
        self.reason_label.setObjectName("conflictReason")
        self.reason_label.setWordWrap(True)
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.resolved_label = QLabel()
        self.resolved_label.setObjectName("conflictResolved")
        self.resolved_label.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")

        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(
            self.tr("&Open the dossier"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_dossier)
        self.resolve_button = buttons.addButton(
            self.tr("&Mark as resolved"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.resolve_button.setAutoDefault(False)
        self.resolve_button.clicked.connect(self.resolve_current)
        self.resolve_button.setVisible(session.user.role in RESOLVERS)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.refresh)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(about)
        layout.addWidget(self.show_resolved_box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(sides)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.resolved_label)
        layout.addWidget(buttons)

        self._tasks = Tasks(self)
        self._show(None)
        self.refresh()

    def _side(self, key: str, title: str) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        labels: dict[str, QLabel] = {}
        for field, caption in (
            ("status", self.tr("Status:")),
            ("version", self.tr("Version:")),
        ):
            value = QLabel(formatting.EMPTY)
            value.setObjectName(f"{key}_{field}")
            labels[field] = value
            form.addRow(QLabel(caption), value)
        self.sides[key] = labels
        return box

    # --- loading

    def refresh(self, *_: object) -> None:
        open_only = not self.show_resolved_box.isChecked()
        sync = self._session.workspace.sync
        self._tasks.run(
            "list", lambda: sync.conflicts(open_only=open_only), self._loaded, self._failed
        )

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, CounterError):
            raise error
        notify.show_counter_error(self, error, self._session.lang)

    def _loaded(self, conflicts: list[ConflictInfo]) -> None:
        selected = self.current()
        self.conflicts = conflicts
        self.table.setRowCount(len(conflicts))
        for row, conflict in enumerate(conflicts):
            cells = [
                formatting.moment(conflict.at),
                conflict.code or formatting.EMPTY,
                self._status(conflict.local_status),
                self._status(conflict.central_status),
                formatting.moment(conflict.resolved_at) if conflict.resolved_at else "",
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.empty_label.setVisible(not conflicts)
        keep = next((i for i, c in enumerate(conflicts) if selected and c.id == selected.id), 0)
        if conflicts:
            self.table.selectRow(keep)
        else:
            self._show(None)

    def _status(self, value: str | None) -> str:
        if not value:
            return formatting.EMPTY
        try:
            return Status(value).label(self._session.lang)
        except ValueError:
            return value

    # --- the selected conflict

    def current(self) -> ConflictInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.conflicts):
            return None
        return self.conflicts[rows[0].row()]

    def _selected(self) -> None:
        self._show(self.current())

    def _show(self, conflict: ConflictInfo | None) -> None:
        lang = self._session.lang
        if conflict is None:
            for labels in self.sides.values():
                for label in labels.values():
                    label.setText(formatting.EMPTY)
            self.reason_label.setText("")
            self.resolved_label.setText("")
        else:
            self.sides["local"]["status"].setText(self._status(conflict.local_status))
            self.sides["local"]["version"].setText(str(conflict.local_version))
            self.sides["central"]["status"].setText(self._status(conflict.central_status))
            self.sides["central"]["version"].setText(
                str(conflict.central_version)
                if conflict.central_version is not None
                else formatting.EMPTY
            )
            self.reason_label.setText(
                self.tr("Why: {reason}").format(reason=conflict_reason(conflict.reason, lang))
            )
            self.reason_label.setToolTip(conflict.reason)
            if conflict.resolved_at is not None:
                self.resolved_label.setText(
                    self.tr("Resolved on {when} by {who}").format(
                        when=formatting.moment(conflict.resolved_at), who=conflict.resolved_by
                    )
                )
            else:
                self.resolved_label.setText("")
        self.open_button.setEnabled(conflict is not None and bool(conflict.code))
        self.resolve_button.setEnabled(
            conflict is not None
            and conflict.resolved_at is None
            and self._session.user.role in RESOLVERS
        )

    # --- actions

    def resolve_current(self) -> None:
        conflict = self.current()
        if (
            conflict is None
            or conflict.resolved_at is not None
            or self._session.user.role not in RESOLVERS
        ):
            return
        self.resolve_button.setEnabled(False)
        sync, user = self._session.workspace.sync, self._session.user

        def resolve() -> int:
            sync.resolve_conflict(conflict.id, user=user)
            return conflict.id

        self._tasks.run("resolve", resolve, self._resolved, self._failed)

    def _resolved(self, conflict_id: int) -> None:
        self._session.messages.info(self.tr("Conflict marked as resolved."))
        self.sig_resolved.emit(conflict_id)
        self.refresh()

    def open_dossier(self) -> None:
        conflict = self.current()
        if conflict is None or not conflict.code:
            return
        ws = self._session.workspace
        try:
            dossier = ws.dossiers.get(conflict.code)
            people = {u.login: u.full_name for u in ws.accounts.users()}
            agencies = ws.catalog.agencies()
        except CounterError as error:
            notify.show_counter_error(self, error, self._session.lang)
            return
        if self.detail_dialog is not None:
            self.detail_dialog.close()
        dialog = DossierDetailDialog(
            dossier, self._session.lang, people=people, agencies=agencies, parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._detail_closed)
        self.detail_dialog = dialog
        dialog.open()

    def _detail_closed(self) -> None:
        self.detail_dialog = None
