"""Conflicts for the supervisor: a change made at this counter that the central system could
not take, because the dossier had moved on there. Nothing was overwritten: central's state
was kept (and is what the counter now shows), the counter's change is kept beside it in full
(the moves it lost, the values that differ), and the supervisor either keeps central's
version or makes the counter's moves again on it, when the lifecycle allows them from there."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.dossier import Status
from counter_app.domain.errors import CounterError
from counter_app.domain.permissions import Permission, allowed
from counter_app.services.sync import ConflictInfo, Resolution
from counter_app.ui import formatting, notify, theme
from counter_app.ui.dossiers.detail import DossierDetailDialog
from counter_app.ui.fitting import resize_within_screen
from counter_app.ui.labels import action_label
from counter_app.ui.session import Session
from counter_app.ui.sync.describe import conflict_reason, field_label, field_value
from counter_app.ui.tables import read_only_table
from counter_app.ui.workers import Tasks


def confirm_resolution(parent: QWidget, title: str, text: str, action: str) -> bool:
    """Asked before a resolution, which is recorded for good; tests replace it."""
    return notify.ask(
        parent, title, text, action, QCoreApplication.translate("ConflictsDialog", "Cancel")
    )


def _table(columns: list[str], name: str, stretch: int) -> QTableWidget:
    table = read_only_table(name, columns)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(row, column, item)


class ConflictsDialog(QDialog):
    """`table` lists `conflicts` (open ones; all with `show_resolved_box`). For the selected
    one, `moves_table` shows the moves this counter made that central did not take and
    `fields_table` the values that differ. `keep_button` (keep central's version) and
    `reapply_button` (make the counter's moves again) are for supervisors and administrators
    only; both ask first."""

    sig_resolved = Signal(int)
    """A conflict was resolved, either way (its id, int)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.conflicts: list[ConflictInfo] = []
        self._people: dict[str, str] = {}  # login -> full name
        self.detail_dialog: DossierDetailDialog | None = None
        self.setWindowTitle(self.tr("Sync conflicts"))
        resize_within_screen(self, 1000, 700)

        heading = QLabel(self.tr("Changes the central system could not take"))
        heading.setFont(theme.scaled_font(heading.font(), 1.2, bold=True))
        about = QLabel(
            self.tr(
                "The dossier had already moved on in the central system. Its central state was "
                "kept and is what this counter shows now; what was done here is kept beside "
                "it, never overwritten. Keep central's version, or make this counter's moves "
                "again on it where the dossier's state still allows them."
            )
        )
        about.setWordWrap(True)

        self.show_resolved_box = QCheckBox(self.tr("Show &resolved conflicts too"))
        self.show_resolved_box.toggled.connect(self.refresh)

        self.table = _table(
            [
                self.tr("Recorded"),
                self.tr("Dossier code"),
                self.tr("At this counter"),
                self.tr("In the central system"),
                self.tr("Decision"),
            ],
            "conflictTable",
            4,
        )
        self.table.itemSelectionChanged.connect(self._selected)

        self.empty_label = QLabel(self.tr("No open conflict."))
        self.empty_label.setObjectName("noConflicts")
        self.empty_label.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")

        self.moves_table = _table(
            [self.tr("When"), self.tr("Who"), self.tr("Move"), self.tr("Note")],
            "lostMoves",
            3,
        )
        moves_box = QGroupBox(self.tr("Done at this counter, not taken by the central system"))
        QVBoxLayout(moves_box).addWidget(self.moves_table)
        self.fields_table = _table(
            [self.tr("Value"), self.tr("At this counter"), self.tr("In the central system")],
            "differingFields",
            2,
        )
        fields_box = QGroupBox(self.tr("Values that differ"))
        QVBoxLayout(fields_box).addWidget(self.fields_table)

        self.state_label = QLabel()
        self.state_label.setObjectName("conflictState")
        self.state_label.setWordWrap(True)
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
        self.keep_button = buttons.addButton(
            self.tr("&Keep central's version"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.keep_button.setAutoDefault(False)
        self.keep_button.clicked.connect(self.keep_central)
        self.reapply_button = buttons.addButton(
            self.tr("&Redo this counter's moves"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.reapply_button.setAutoDefault(False)
        self.reapply_button.clicked.connect(self.reapply)
        resolver = allowed(session.user.role, Permission.RESOLVE_CONFLICT)
        self.keep_button.setVisible(resolver)
        self.reapply_button.setVisible(resolver)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.empty_label)
        parts = QSplitter(Qt.Orientation.Vertical)
        parts.setChildrenCollapsible(False)
        for widget in (top, moves_box, fields_box):
            parts.addWidget(widget)
        parts.setSizes([220, 140, 200])

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(about)
        layout.addWidget(self.show_resolved_box)
        layout.addWidget(parts, 1)
        layout.addWidget(self.state_label)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.resolved_label)
        layout.addWidget(buttons)

        self._tasks = Tasks(self)
        self._show(None)
        self.refresh()

    # --- loading

    def refresh(self, *_: object) -> None:
        open_only = not self.show_resolved_box.isChecked()
        ws = self._session.workspace

        def load() -> tuple[list[ConflictInfo], dict[str, str]]:
            people = {u.login: u.full_name for u in ws.accounts.users()}
            return ws.sync.conflicts(open_only=open_only), people

        self._tasks.run("list", load, self._loaded, self._failed)

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, CounterError):
            raise error
        notify.show_counter_error(self, error, self._session.lang)
        self._show(self.current())

    def _loaded(self, loaded: tuple[list[ConflictInfo], dict[str, str]]) -> None:
        conflicts, self._people = loaded
        selected = self.current()
        self.conflicts = conflicts
        _fill(
            self.table,
            [
                [
                    formatting.moment(conflict.at),
                    conflict.code or formatting.EMPTY,
                    self._status(conflict.local_status),
                    self._status(conflict.central_status),
                    self._decision(conflict),
                ]
                for conflict in conflicts
            ],
        )
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

    def _decision(self, conflict: ConflictInfo) -> str:
        return {
            Resolution.OPEN: self.tr("Open"),
            Resolution.KEEP_CENTRAL: self.tr("Central's version kept"),
            Resolution.REAPPLY: self.tr("Moves redone"),
            Resolution.SEEN: self.tr("Marked as seen"),
        }[conflict.resolution]

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
            _fill(self.moves_table, [])
            _fill(self.fields_table, [])
            for label in (self.state_label, self.reason_label, self.resolved_label):
                label.setText("")
        else:
            _fill(
                self.moves_table,
                [
                    [
                        formatting.moment(move.at),
                        self._people.get(move.actor) or move.actor,
                        action_label(move.action),
                        move.note or formatting.EMPTY,
                    ]
                    for move in conflict.lost_moves
                ],
            )
            _fill(
                self.fields_table,
                [
                    [
                        field_label(difference.field),
                        field_value(difference.field, difference.counter, lang),
                        field_value(difference.field, difference.central, lang),
                    ]
                    for difference in conflict.differences
                ],
            )
            self.state_label.setText(
                self.tr(
                    "Now at this counter: {status} · version sent {sent}, central's {central}"
                ).format(
                    status=self._status(conflict.current_status),
                    sent=conflict.local_version,
                    central=conflict.central_version
                    if conflict.central_version is not None
                    else formatting.EMPTY,
                )
            )
            self.reason_label.setText(
                self.tr("Why: {reason}").format(reason=conflict_reason(conflict.reason, lang))
            )
            self.reason_label.setToolTip(conflict.reason)
            if conflict.resolved_at is not None:
                self.resolved_label.setText(
                    self.tr("{decision} on {when} by {who}").format(
                        decision=self._decision(conflict),
                        when=formatting.moment(conflict.resolved_at),
                        who=self._people.get(conflict.resolved_by) or conflict.resolved_by,
                    )
                )
            else:
                self.resolved_label.setText("")
        self.open_button.setEnabled(conflict is not None and bool(conflict.code))
        can_resolve = (
            conflict is not None
            and conflict.resolved_at is None
            and allowed(self._session.user.role, Permission.RESOLVE_CONFLICT)
        )
        self.keep_button.setEnabled(can_resolve)
        self.reapply_button.setEnabled(can_resolve and bool(conflict and conflict.lost_moves))

    # --- actions

    def _resolvable(self) -> ConflictInfo | None:
        conflict = self.current()
        if (
            conflict is None
            or conflict.resolved_at is not None
            or not allowed(self._session.user.role, Permission.RESOLVE_CONFLICT)
        ):
            return None
        return conflict

    def keep_central(self) -> None:
        conflict = self._resolvable()
        if conflict is None or not confirm_resolution(
            self,
            self.tr("Keep central's version"),
            self.tr(
                "Keep the central system's version of {code}? The moves made here are dropped; "
                "the decision is recorded in the audit log."
            ).format(code=conflict.code or formatting.EMPTY),
            self.tr("Keep central's version"),
        ):
            return
        sync, user = self._session.workspace.sync, self._session.user

        def keep() -> tuple[int, Status | None]:
            sync.keep_central(conflict.id, user=user)
            return conflict.id, None

        self._run("keep", keep)

    def reapply(self) -> None:
        conflict = self._resolvable()
        if conflict is None or not confirm_resolution(
            self,
            self.tr("Redo this counter's moves"),
            self.tr(
                "Make these moves again on {code} as it stands now ({status})? They are checked "
                "like any move and sent to the central system."
            ).format(
                code=conflict.code or formatting.EMPTY,
                status=self._status(conflict.current_status),
            ),
            self.tr("Redo the moves"),
        ):
            return
        sync, user = self._session.workspace.sync, self._session.user

        def redo() -> tuple[int, Status | None]:
            return conflict.id, sync.reapply_conflict(conflict.id, user=user).status

        self._run("reapply", redo)

    def _run(self, name: str, work) -> None:
        self.keep_button.setEnabled(False)
        self.reapply_button.setEnabled(False)
        self._tasks.run(name, work, self._resolved, self._failed)

    def _resolved(self, outcome: tuple[int, Status | None]) -> None:
        """`outcome`: the conflict's id, and the dossier's new status when moves were redone."""
        conflict_id, status = outcome
        if status is None:
            text = self.tr("Central's version kept; the decision is recorded.")
        else:
            text = self.tr("Moves redone: the dossier is now “{status}”.").format(
                status=status.label(self._session.lang)
            )
        self._session.messages.info(text)
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
