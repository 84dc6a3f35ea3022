"""Everything recorded about one dossier: applicant, procedure, dates, papers, fees,
supplement rounds and the history of every move; with a session, the lifecycle moves allowed
in its present state, as buttons."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.catalog import Agency
from counter_app.domain.clock import parse_iso
from counter_app.domain.dossier import Dossier, HistoryEntry, Status
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action, allowed_actions
from counter_app.domain.messages import translate
from counter_app.services.printing import PaperKind
from counter_app.ui import formatting, theme
from counter_app.ui.citizen.desk import desk_for
from counter_app.ui.digitising import ScanPanel, dropped_paths, tab_title
from counter_app.ui.dossiers.action import ActionDialog, action_button_text
from counter_app.ui.dossiers.correct_intake import CorrectIntakeDialog, may_correct
from counter_app.ui.fitting import resize_within_screen
from counter_app.ui.formatting import text_or_dash
from counter_app.ui.labels import (
    action_label,
    applicant_type_label,
    channel_label,
    document_form_label,
    fee_collection_label,
    return_method_label,
    timeliness_label,
)
from counter_app.ui.printing.actions import PaperPrinter, PrintMenuButton
from counter_app.ui.returns.hand_back import HandBackDialog
from counter_app.ui.session import Session
from counter_app.ui.signing.signed_copies import SignedCopiesTab, SignedCopiesTable


class DossierDetailDialog(QDialog):
    """`fields` maps each dossier field to the label showing it; `history_table` lists the
    moves, oldest first. Given a `session`, `action_buttons` holds one button per move allowed
    now; a move made here refreshes the dialog in place."""

    sig_dossier_changed = Signal(object)
    """A move was made from this dialog: the dossier as it is now (Dossier)."""

    def __init__(
        self,
        dossier: Dossier,
        lang: str,
        *,
        people: Mapping[str, str] | None = None,
        agencies: Mapping[str, Agency] | None = None,
        session: Session | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        self._people = people or {}
        self._agencies = agencies or {}
        self._session = session
        self.dossier = dossier
        self.fields: dict[str, QLabel] = {}
        self.action_buttons: dict[Action, QPushButton] = {}
        self.action_dialog: ActionDialog | None = None
        self.hand_back_dialog: HandBackDialog | None = None
        self.correct_dialog: CorrectIntakeDialog | None = None
        self.correct_button: QPushButton | None = None
        self.receipt_printer = PaperPrinter(session, self) if session is not None else None
        resize_within_screen(self, 1180, 720)

        self.actions_bar = QHBoxLayout()
        self.actions_bar.setSpacing(6)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addLayout(self.actions_bar)
        bottom.addStretch(1)
        self.print_button: PrintMenuButton | None = None
        if session is not None:
            self.print_button = PrintMenuButton(session, self)
            bottom.addWidget(self.print_button)
        bottom.addWidget(buttons)

        self._layout = QVBoxLayout(self)
        self._content: QWidget | None = None
        self._layout.addLayout(bottom)
        self.show_dossier(dossier)

    def show_dossier(self, dossier: Dossier) -> None:
        """Show the dossier as it is now: every field, table and allowed move."""
        tab = self.tabs.currentIndex() if self._content is not None else 0
        self.dossier = dossier
        self.fields = {}
        self.setWindowTitle(self.tr("Dossier {code}").format(code=dossier.code or ""))
        content = self._build_content()
        if self._content is not None:  # out of the dialog now, so no findChild meets it
            self._layout.removeWidget(self._content)
            self._content.setParent(None)
            self._content.deleteLater()
        self._content = content
        self._layout.insertWidget(0, content, 1)
        self.tabs.setCurrentIndex(tab)
        self._build_actions()
        if self.print_button is not None:
            self.print_button.set_dossier(dossier)

    def _build_content(self) -> QWidget:
        dossier = self.dossier
        content = QWidget()
        code = QLabel(dossier.code or self.tr("(no code yet)"))
        code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        code.setFont(theme.scaled_font(code.font(), 1.35, bold=True))
        self.status_label = QLabel(dossier.status.label(self._lang))
        self.status_label.setObjectName("statusLabel")
        self.status_label.setStyleSheet(
            "QLabel { border: 1px solid palette(mid); border-radius: 4px; padding: 2px 8px; }"
        )
        top = QHBoxLayout()
        top.addWidget(code)
        top.addSpacing(12)
        top.addWidget(self.status_label)
        top.addStretch(1)
        desk = desk_for(self)
        if desk is not None:  # the window has a citizen's screen: let the citizen check
            self.citizen_button = QPushButton(self.tr("Show the citizen"))
            self.citizen_button.setObjectName("showCitizen")
            self.citizen_button.setAutoDefault(False)
            self.citizen_button.clicked.connect(lambda: desk.show_dossier(self.dossier))
            top.addWidget(self.citizen_button)

        groups = QHBoxLayout()
        groups.addWidget(self._applicant_group(), 1)
        groups.addWidget(self._dossier_group(), 1)
        groups.addWidget(self._dates_group(), 0)

        self.tabs = QTabWidget()
        self.history_table = self._history_table()
        self.tabs.addTab(
            self.history_table, self.tr("History ({n})").format(n=len(dossier.history))
        )
        self.tabs.addTab(
            self._documents_table(), self.tr("Papers ({n})").format(n=len(dossier.documents))
        )
        self.tabs.addTab(self._fees_table(), self.tr("Fees ({n})").format(n=len(dossier.fees)))
        self.tabs.addTab(
            self._rounds_table(),
            self.tr("Supplement rounds ({n})").format(n=len(dossier.supplement_rounds)),
        )
        if self._session is not None and dossier.code:
            notices = self._session.workspace.notices.notices(dossier.code)
            self.tabs.addTab(
                self._notices_table(notices), self.tr("Notices ({n})").format(n=len(notices))
            )
        self.scan_panel: ScanPanel | None = None
        self._scans_tab: QWidget | None = None
        if self._session is not None and dossier.code:
            signed = SignedCopiesTab(self._session, dossier.code)
            self.tabs.addTab(signed, SignedCopiesTable.title(signed.table.rowCount()))
            self._scans_tab = QWidget()
            QVBoxLayout(self._scans_tab).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(self._scans_tab, tab_title())
            self.tabs.currentChanged.connect(self._tab_shown)
        self.setAcceptDrops(self._scans_tab is not None)

        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(groups)
        layout.addWidget(self.tabs, 1)
        return content

    def show_scans(self) -> ScanPanel | None:
        """Bring the electronic record forward (None for a dossier without one)."""
        if self._scans_tab is not None:
            self.tabs.setCurrentWidget(self._scans_tab)
        return self.scan_panel

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Files dragged over the dialog bring the electronic record forward (built now if it
        was never looked at), so they can fall on their paper's section."""
        if self._scans_tab is not None and dropped_paths(event):
            self.show_scans()
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Dropped beside the sections: to the paper chosen in the panel's "New scans go to"."""
        paths = dropped_paths(event)
        panel = self.show_scans() if paths else None
        if panel is None:
            event.ignore()
            return
        event.acceptProposedAction()
        panel.add_to_chosen_paper(paths)

    def _tab_shown(self, index: int) -> None:
        """The scan panel is built the first time its tab is looked at, so that a scanned code
        opens the dossier at once."""
        session, tab = self._session, self._scans_tab
        shown = tab is not None and self.tabs.widget(index) is tab
        if self.scan_panel is None and session is not None and tab is not None and shown:
            self.scan_panel = ScanPanel(session, self.dossier.code)
            tab_layout = tab.layout()
            assert tab_layout is not None
            tab_layout.addWidget(self.scan_panel)

    # --- the moves
    def _build_actions(self) -> None:
        for button in [*self.action_buttons.values(), self.correct_button]:
            if button is not None:
                self.actions_bar.removeWidget(button)
                button.setParent(None)
                button.deleteLater()
        self.action_buttons = {}
        self.correct_button = None
        if self._session is None:
            return
        for action in allowed_actions(self.dossier.status):
            button = QPushButton(action_button_text(action))
            button.setObjectName(f"action-{action.value}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, a=action: self.start(a))
            self.actions_bar.addWidget(button)
            self.action_buttons[action] = button
        if may_correct(self._session, self.dossier):
            self.correct_button = QPushButton(self.tr("&Correct intake…"))
            self.correct_button.setObjectName("correctIntake")
            self.correct_button.setAutoDefault(False)
            self.correct_button.clicked.connect(self.correct)
            self.actions_bar.addWidget(self.correct_button)
        first = next(iter(self.action_buttons.values()), self.close_button)
        first.setFocus()

    def start(self, action: Action) -> None:
        """Ask what the move needs (a reason, a confirmation, who collects the result), then
        make it; the dialog opened for that is kept in `action_dialog` / `hand_back_dialog`."""
        session = self._session
        if session is None or action not in self.action_buttons:
            return
        if action is Action.RETURN:
            hand_back = HandBackDialog(session, self.dossier, parent=self)
            hand_back.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            hand_back.sig_handed_back.connect(self._moved)
            hand_back.finished.connect(self._hand_back_closed)
            self.hand_back_dialog = hand_back
            hand_back.open()
            return
        dialog = ActionDialog(
            self.dossier, action, self._lang, lambda note: self._perform(action, note), self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._action_closed)
        self.action_dialog = dialog
        dialog.open()

    def correct(self) -> None:
        """Open the correction of the intake (kept in `correct_dialog`); once recorded, the
        corrected receipt is printed."""
        session = self._session
        if session is None or self.correct_button is None:
            return
        dialog = CorrectIntakeDialog(session, self.dossier, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_corrected.connect(self._corrected)
        dialog.finished.connect(self._correct_closed)
        self.correct_dialog = dialog
        dialog.open()

    def _corrected(self, dossier: Dossier) -> None:
        assert self._session is not None and self.receipt_printer is not None
        assert dossier.code is not None
        self._session.messages.info(
            self.tr("Dossier {code}: intake corrected; the corrected receipt is printing.").format(
                code=dossier.code
            )
        )
        self._moved(dossier)
        self.receipt_printer.print_paper(dossier.code, PaperKind.RECEIPT)

    def _correct_closed(self) -> None:
        self.correct_dialog = None
        self._focus_actions()

    def _perform(self, action: Action, note: str) -> None:
        session = self._session
        assert session is not None and self.dossier.code is not None
        payment = self.action_dialog.payment() if self.action_dialog is not None else None
        try:
            moved = session.workspace.dossiers.transition(
                self.dossier.code,
                action,
                user=session.user,
                note=note,
                at=session.clock(),
                payment=payment,
            )
        except CounterError:
            self._reload_quietly()
            raise
        session.messages.info(
            self.tr("Dossier {code}: {move}; now “{status}”.").format(
                code=moved.code,
                move=action_label(action.value),
                status=moved.status.label(self._lang),
            )
        )
        self._moved(moved)

    def _moved(self, dossier: Dossier) -> None:
        self.show_dossier(dossier)
        self.sig_dossier_changed.emit(dossier)

    def _reload_quietly(self) -> None:
        """After a refused move, show the dossier as stored (someone else may have moved
        it); if even that fails, the refusal on screen already tells the officer."""
        assert self._session is not None and self.dossier.code is not None
        try:
            self.show_dossier(self._session.workspace.dossiers.get(self.dossier.code))
        except CounterError:
            return

    def _action_closed(self) -> None:
        self.action_dialog = None
        self._focus_actions()

    def _hand_back_closed(self) -> None:
        self.hand_back_dialog = None
        self._focus_actions()

    def _focus_actions(self) -> None:
        next(iter(self.action_buttons.values()), self.close_button).setFocus()

    # --- the three blocks of fields
    def _group(
        self, title: str, rows: Sequence[tuple[str, str, str]], *, wrap: bool = True
    ) -> QGroupBox:
        """A titled block of caption: value rows; `wrap` lets long values take several lines."""
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for key, caption, value in rows:
            label = QLabel(text_or_dash(value))
            label.setObjectName(key)
            label.setWordWrap(wrap)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = label
            form.addRow(caption, label)
        return box

    def _person(self, login: str) -> str:
        """People by their name; the login only for an account without one."""
        return self._people.get(login) or login

    def _officer(self, move: HistoryEntry) -> str:
        """Who made a move, with the name and title recorded then (an account renamed or
        promoted since does not rewrite the past); else as `_person` names them today."""
        if not move.actor_name:
            return self._person(move.actor)
        return ", ".join(filter(None, [move.actor_name, move.actor_title]))

    def _applicant_group(self) -> QGroupBox:
        a = self.dossier.applicant
        return self._group(
            self.tr("Applicant"),
            [
                ("full_name", self.tr("Full name:"), a.full_name),
                ("applicant_type", self.tr("Type:"), applicant_type_label(a.type)),
                ("organisation", self.tr("Organisation:"), a.organisation),
                ("id_number", self.tr("ID number:"), a.id_number),
                (
                    "id_type",
                    self.tr("Identity paper:"),
                    translate(f"id_type.{a.paper_type.value}", self._lang),
                ),
                ("birth_date", self.tr("Birth date:"), formatting.day(a.birth_date)),
                ("phone", self.tr("Phone:"), a.phone),
                ("email", self.tr("E-mail:"), a.email),
                ("address", self.tr("Address:"), a.address),
                (
                    "consents_to_notices",
                    self.tr("Notices:"),
                    self.tr("agreed") if a.consents_to_notices else self.tr("not asked for"),
                ),
            ],
        )

    def _dossier_group(self) -> QGroupBox:
        d = self.dossier
        agency = self._agencies.get(d.agency_code)
        agency_text = f"{agency.name} ({d.agency_code})" if agency else d.agency_code
        returning = self._agencies.get(d.return_at)
        if not d.return_at:
            return_at_text = self.tr("This counter")
        else:
            return_at_text = f"{returning.name} ({d.return_at})" if returning else d.return_at
        return self._group(
            self.tr("Dossier"),
            [
                ("procedure", self.tr("Procedure:"), f"{d.procedure_name} ({d.procedure_code})"),
                ("agency", self.tr("Handling agency:"), agency_text),
                ("channel", self.tr("Channel:"), channel_label(d.channel)),
                (
                    "return_method",
                    self.tr("Return of result:"),
                    return_method_label(d.return_method),
                ),
                ("return_at", self.tr("Place of return:"), return_at_text),
                ("sets", self.tr("Sets:"), str(d.sets)),
                ("fee_total", self.tr("Fees in total:"), formatting.money(d.fee_total, self._lang)),
                ("note", self.tr("Note:"), d.note),
            ],
        )

    def _dates_group(self) -> QGroupBox:
        d = self.dossier
        return self._group(
            self.tr("Dates"),
            [
                ("received_at", self.tr("Received:"), formatting.moment(d.received_at)),
                ("received_by", self.tr("Received by:"), self._person(d.received_by)),
                ("due_at", self.tr("Due:"), formatting.moment(d.due_at)),
                ("completed_at", self.tr("Completed:"), formatting.moment(d.completed_at)),
                (
                    "timeliness",
                    self.tr("Timeliness:"),
                    timeliness_label(d.timeliness) if d.timeliness else "",
                ),
                ("returned_at", self.tr("Result returned at:"), formatting.moment(d.returned_at)),
                ("collector", self.tr("Collected by:"), self._collector()),
            ],
            wrap=False,
        )

    def _collector(self) -> str:
        collector = self.dossier.collector
        if collector is None:
            return ""
        if not collector.authorised:
            return collector.full_name
        return self.tr("{name} (authorised, ID {number})").format(
            name=collector.full_name, number=collector.id_number
        )

    # --- the tables
    def _table(self, name: str, headers: list[str], rows: list[list[str]]) -> QTableWidget:
        table = QTableWidget(len(rows), len(headers))
        table.setObjectName(name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(True)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text_or_dash(text)))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    def _status(self, status: Status | None) -> str:
        return status.label(self._lang) if status else ""

    def _history_table(self) -> QTableWidget:
        return self._table(
            "historyTable",
            [
                self.tr("Time"),
                self.tr("Move"),
                self.tr("From status"),
                self.tr("To status"),
                self.tr("Officer"),
                self.tr("Place"),
                self.tr("Note"),
            ],
            [
                [
                    formatting.moment(h.at),
                    action_label(h.action),
                    self._status(h.from_status),
                    self._status(h.to_status),
                    self._officer(h),
                    h.place,
                    h.note,
                ]
                for h in self.dossier.history
            ],
        )

    def _documents_table(self) -> QTableWidget:
        return self._table(
            "documentsTable",
            [
                self.tr("No."),
                self.tr("Paper"),
                self.tr("Form"),
                self.tr("Count"),
                self.tr("Component code"),
            ],
            [
                [
                    str(i),
                    doc.name,
                    document_form_label(doc.form),
                    str(doc.count),
                    doc.component_code,
                ]
                for i, doc in enumerate(self.dossier.documents, start=1)
            ],
        )

    def _fees_table(self) -> QTableWidget:
        money = self._lang
        return self._table(
            "feesTable",
            [
                self.tr("Fee"),
                self.tr("Amount"),
                self.tr("Quantity"),
                self.tr("Total"),
                self.tr("Collection"),
            ],
            [
                [
                    line.name,
                    formatting.money(line.amount, money),
                    str(line.quantity),
                    formatting.money(line.total, money),
                    fee_collection_label(line.collection),
                ]
                for line in self.dossier.fees
            ],
        )

    def _notices_table(self, notices: list[dict[str, object]]) -> QTableWidget:
        """What was sent to the applicant, when, and what waits or failed (and why)."""
        states = {
            "waiting": self.tr("waiting"),
            "sending": self.tr("being sent (check before sending again)"),
            "sent": self.tr("sent"),
            "failed": self.tr("failed"),
        }
        return self._table(
            "noticesTable",
            [
                self.tr("Notice"),
                self.tr("To"),
                self.tr("State"),
                self.tr("Queued"),
                self.tr("Sent"),
                self.tr("Problem"),
            ],
            [
                [
                    str(notice["subject"]),
                    str(notice["recipient"]),
                    states.get(str(notice["state"]), str(notice["state"])),
                    _moment_text(notice["queued_at"]),
                    _moment_text(notice["sent_at"]),
                    str(notice["error"]),
                ]
                for notice in notices
            ],
        )

    def _rounds_table(self) -> QTableWidget:
        return self._table(
            "roundsTable",
            [
                self.tr("Requested"),
                self.tr("Due before"),
                self.tr("Resubmitted"),
                self.tr("New due"),
                self.tr("Status before"),
            ],
            [
                [
                    formatting.moment(r.requested_at),
                    formatting.moment(r.old_due),
                    formatting.moment(r.resubmitted_at),
                    formatting.moment(r.new_due),
                    self._status(r.from_status),
                ]
                for r in self.dossier.supplement_rounds
            ],
        )


def _moment_text(value: object) -> str:
    """An ISO time of the notices' list as the window shows times."""
    return formatting.moment(parse_iso(value)) if isinstance(value, str) else formatting.EMPTY
