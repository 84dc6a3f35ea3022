"""Online submissions: dossiers citizens submitted through the portal for this counter's
agencies, come down from the central system. The officer checks each one and accepts it,
asks for a supplement or refuses it; the decision goes back up with the next round."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.catalog import Agency
from counter_app.domain.dossier import Dossier
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.ui import formatting, notify, theme
from counter_app.ui.dossiers.action import action_button_text
from counter_app.ui.formatting import text_or_dash
from counter_app.ui.labels import (
    applicant_type_label,
    document_form_label,
    fee_collection_label,
    return_method_label,
)
from counter_app.ui.session import Session
from counter_app.ui.sync.controller import RoundReport, SyncController
from counter_app.ui.sync.decision import DECISIONS, DecisionDialog
from counter_app.ui.tables import read_only_table
from counter_app.ui.workers import Tasks

WRAPPED = frozenset({"applicant", "address", "procedure", "agency", "note"})
DONE_BACKGROUND = "#d1e7dd"
DONE_FOREGROUND = "#0f5132"


@dataclass(frozen=True)
class _Queue:
    submissions: list[Dossier]
    agencies: Mapping[str, Agency]
    configured: bool


def _load(session: Session) -> _Queue:
    ws = session.workspace
    return _Queue(
        ws.sync.online_submissions(),
        ws.catalog.agencies(),
        ws.settings.identity().central_url is not None,
    )


class SubmissionView(QWidget):
    """One submission in full: `fields` maps each item to its label; `papers_table` lists
    the papers the applicant says were submitted, `fees_table` the fees."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.fields: dict[str, QLabel] = {}
        self._captions: list[QLabel] = []
        applicant = self._group(
            self.tr("Applicant"),
            [
                ("applicant", self.tr("Full name:")),
                ("type", self.tr("Type:")),
                ("id_number", self.tr("ID number:")),
                ("birth_date", self.tr("Date of birth:")),
                ("phone", self.tr("Phone:")),
                ("email", self.tr("Email:")),
                ("address", self.tr("Address:")),
            ],
        )
        request = self._group(
            self.tr("Request"),
            [
                ("procedure", self.tr("Procedure:")),
                ("agency", self.tr("Handling agency:")),
                ("submitted", self.tr("Submitted online:")),
                ("sets", self.tr("Sets:")),
                ("return_method", self.tr("Result returned:")),
                ("note", self.tr("Note:")),
            ],
        )
        self.papers_table = self._table(
            "submittedPapers", [self.tr("Paper"), self.tr("Form"), self.tr("Count")]
        )
        self.fees_table = self._table(
            "submittedFees", [self.tr("Fee"), self.tr("Amount"), self.tr("Collected")]
        )
        self.no_papers_label = self._none(self.tr("No paper listed with the submission."))
        self.no_fees_label = self._none(self.tr("No fee."))
        papers = QGroupBox(self.tr("Papers submitted"))
        papers_layout = QVBoxLayout(papers)
        papers_layout.addWidget(self.papers_table)
        papers_layout.addWidget(self.no_papers_label)
        fees = QGroupBox(self.tr("Fees and charges"))
        fees_layout = QVBoxLayout(fees)
        fees_layout.addWidget(self.fees_table)
        fees_layout.addWidget(self.no_fees_label)
        # One column of captions for both boxes, so the values line up.
        width = max(label.sizeHint().width() for label in self._captions)
        for label in self._captions:
            label.setMinimumWidth(width)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(applicant)
        layout.addWidget(request)
        layout.addWidget(papers)
        layout.addWidget(fees)
        layout.addStretch(1)

    def _group(self, title: str, rows: list[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setHorizontalSpacing(12)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, caption in rows:
            value = QLabel(formatting.EMPTY)
            value.setObjectName(key)
            value.setWordWrap(key in WRAPPED)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            label = QLabel(caption)
            self._captions.append(label)
            form.addRow(label, value)
        return box

    def _none(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")
        label.setVisible(False)
        return label

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        table = read_only_table(name, headers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.setMaximumHeight(table.fontMetrics().lineSpacing() * 8)
        return table

    def show_submission(self, dossier: Dossier | None, agencies: Mapping[str, Agency]) -> None:
        if dossier is None:
            for label in self.fields.values():
                label.setText(formatting.EMPTY)
            self._fill(self.papers_table, [])
            self._fill(self.fees_table, [])
            return
        person = dossier.applicant
        name = person.full_name
        if person.organisation:
            name = f"{name} — {person.organisation}"
        agency = agencies.get(dossier.agency_code)
        values = {
            "applicant": name,
            "type": applicant_type_label(person.type),
            "id_number": person.id_number,
            "birth_date": formatting.day(person.birth_date),
            "phone": person.phone,
            "email": person.email,
            "address": person.address,
            "procedure": f"{dossier.procedure_name} ({dossier.procedure_code})",
            "agency": f"{agency.name} ({agency.code})" if agency else dossier.agency_code,
            "submitted": formatting.moment(dossier.received_at),
            "sets": str(dossier.sets),
            "return_method": return_method_label(dossier.return_method),
            "note": dossier.note,
        }
        for key, value in values.items():
            self.fields[key].setText(text_or_dash(value))
        self._fill(
            self.papers_table,
            [(d.name, document_form_label(d.form), str(d.count)) for d in dossier.documents],
        )
        self._fill(
            self.fees_table,
            [
                (f.name, formatting.money(f.total, self._lang), fee_collection_label(f.collection))
                for f in dossier.fees
            ],
        )

    def _fill(self, table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
        table.setVisible(bool(rows))
        none = self.no_papers_label if table is self.papers_table else self.no_fees_label
        none.setVisible(not rows)
        table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))


class OnlineSubmissionsPage(QWidget):
    """`submissions` is the queue as last read, `table` lists it, `view` shows the selected
    one; `decision_buttons` maps accept / request a supplement / refuse to their buttons.
    `last_decision_label` says what was decided last (the code given, on acceptance)."""

    sig_decided = Signal(object)
    """A submission was decided here: the dossier as it is now (Dossier); accepted, it has
    its code and due time, so its receipt can be printed."""

    def __init__(
        self,
        session: Session,
        controller: SyncController | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._controller = controller
        self.submissions: list[Dossier] = []
        self.agencies: Mapping[str, Agency] = {}
        self.decision_dialog: DecisionDialog | None = None
        self._select_uuid: str | None = None

        heading = QLabel(self.tr("Online submissions"))
        heading.setFont(theme.scaled_font(heading.font(), 1.3, bold=True))
        self.count_label = QLabel()
        self.count_label.setObjectName("submissionCount")
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.setToolTip(self.tr("Read the queue again (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addSpacing(16)
        top.addWidget(self.count_label)
        top.addStretch(1)
        if controller is not None:
            self.sync_button = QPushButton(self.tr("S&ync now"))
            self.sync_button.setAutoDefault(False)
            self.sync_button.setToolTip(self.tr("Fetch new submissions from the central system"))
            self.sync_button.clicked.connect(controller.sync_now)
            top.addWidget(self.sync_button)
        top.addWidget(self.refresh_button)
        hint = QLabel(
            self.tr(
                "Dossiers citizens submitted through the public service portal. Check each "
                "one against the procedure, then accept it (it gets its code and due time as "
                "a walk-in would), ask for a supplement or refuse it with a reason."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")

        self.notice_label = QLabel()
        self.notice_label.setObjectName("submissionsNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(
            f"QLabel {{ background: {theme.DUE_TODAY_BACKGROUND.name()};"
            f" color: {theme.DUE_TODAY_FOREGROUND.name()}; padding: 6px 10px;"
            " border-radius: 4px; }"
        )
        self.notice_label.setVisible(False)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("submissionTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Submitted"), self.tr("Applicant"), self.tr("Procedure"), self.tr("Agency")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        header.resizeSection(0, metrics.horizontalAdvance("00/00/0000 00:00") + 24)
        header.resizeSection(1, metrics.horizontalAdvance("M" * 12))
        header.resizeSection(3, metrics.horizontalAdvance("M" * 8))
        self.table.itemSelectionChanged.connect(self._selected)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("submissionsEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty_label)

        self.view = SubmissionView(session.lang)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.view)
        self.decision_buttons: dict[Action, QPushButton] = {}
        buttons = QHBoxLayout()
        for action in DECISIONS:
            button = QPushButton(action_button_text(action))
            button.setObjectName(f"decide-{action.value}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, a=action: self.decide(a))
            self.decision_buttons[action] = button
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.last_decision_label = QLabel()
        self.last_decision_label.setObjectName("lastDecision")
        self.last_decision_label.setWordWrap(True)
        self.last_decision_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.last_decision_label.setStyleSheet(
            f"QLabel {{ background: {DONE_BACKGROUND}; color: {DONE_FOREGROUND};"
            " padding: 6px 10px; border-radius: 4px; }"
        )
        self.last_decision_label.setVisible(False)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(scroll, 1)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.last_decision_label)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([600, 500])  # scaled to the page's width when it is laid out

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.notice_label)
        layout.addWidget(splitter, 1)

        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        self._tasks = Tasks(self)
        if controller is not None:
            controller.sig_round.connect(self._round)
        self._show(None)
        self.refresh()

    # --- the queue

    def activate(self) -> None:
        """The page was brought to the front: read the queue again."""
        self.refresh()
        self.table.setFocus()

    def refresh(self) -> None:
        self.count_label.setText(self.tr("Reading…"))
        self._tasks.run("queue", lambda: _load(self._session), self._loaded, self._failed)

    def _round(self, report: RoundReport) -> None:
        if report.result is not None and report.result.pulled:
            self.refresh()

    def _failed(self, error: Exception) -> None:
        self.count_label.setText("")
        if not isinstance(error, CounterError):
            raise error
        notify.show_counter_error(self, error, self._session.lang)

    def _loaded(self, queue: _Queue) -> None:
        current = self.current()
        keep = self._select_uuid or (current.uuid if current else None)
        self._select_uuid = None
        self.submissions = queue.submissions
        self.agencies = queue.agencies
        self.count_label.setText(self.tr("Waiting: {n}").format(n=len(queue.submissions)))
        if not queue.configured:
            self.notice_label.setText(
                self.tr(
                    "This counter runs standalone, not connected to the central server: online "
                    "submissions cannot reach it."
                )
            )
        self.notice_label.setVisible(not queue.configured)
        self.table.setRowCount(len(queue.submissions))
        for row, dossier in enumerate(queue.submissions):
            agency = queue.agencies.get(dossier.agency_code)
            cells = [
                formatting.moment(dossier.received_at),
                dossier.applicant.full_name,
                dossier.procedure_name,
                (agency.short_name or agency.name) if agency else dossier.agency_code,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.empty_label.setText(self.tr("No online submission is waiting."))
        self.empty_label.setVisible(not queue.submissions)
        target = next(
            (i for i, d in enumerate(queue.submissions) if d.uuid == keep),
            0 if queue.submissions else None,
        )
        if target is None:
            self.table.clearSelection()
            self._show(None)
        else:
            self.table.selectRow(target)
            self._show(self.current())

    def current(self) -> Dossier | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        if not rows or rows[0].row() >= len(self.submissions):
            return None
        return self.submissions[rows[0].row()]

    def select(self, uuid: str) -> bool:
        for row, dossier in enumerate(self.submissions):
            if dossier.uuid == uuid:
                self.table.selectRow(row)
                return True
        return False

    def _selected(self) -> None:
        self._show(self.current())

    def _show(self, dossier: Dossier | None) -> None:
        self.view.show_submission(dossier, self.agencies)
        for button in self.decision_buttons.values():
            button.setEnabled(dossier is not None)

    # --- decisions

    def decide(self, action: Action) -> None:
        """Open the decision dialog for the selected submission."""
        dossier = self.current()
        if dossier is None:
            return
        if self.decision_dialog is not None:
            self.decision_dialog.close()
        dialog = DecisionDialog(
            dossier,
            action,
            self._session.lang,
            lambda note: self._perform(dossier, action, note),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._decision_closed)
        self.decision_dialog = dialog
        dialog.open()

    def _decision_closed(self) -> None:
        self.decision_dialog = None
        self.table.setFocus()

    def _perform(self, dossier: Dossier, action: Action, note: str) -> Dossier:
        """A local write, as every move at the counter; central hears of it at the next round
        (the service wakes the worker)."""
        sync, user = self._session.workspace.sync, self._session.user
        if action is Action.ACCEPT:
            decided = sync.accept_online(dossier.uuid, user=user)
            text = self.tr("Accepted {name}: code {code}, due {due}.").format(
                name=decided.applicant.full_name,
                code=decided.code or "",
                due=formatting.moment(decided.due_at),
            )
        else:
            decided = sync.decide_online(dossier.uuid, action, user=user, note=note)
            if action is Action.REFUSE:
                text = self.tr("Refused the online submission of {name}.")
            else:
                text = self.tr("Asked {name} for a supplement.")
            text = text.format(name=decided.applicant.full_name)
        self.last_decision_label.setText(text)
        self.last_decision_label.setVisible(True)
        self._session.messages.info(text)
        following = self._following(dossier.uuid)
        self._select_uuid = following
        self.sig_decided.emit(decided)
        if self._controller is not None:
            self._controller.refresh_status()
        self.refresh()
        return decided

    def _following(self, uuid: str) -> str | None:
        """The submission to select once `uuid` has left the queue: the next, else the one
        before."""
        uuids = [d.uuid for d in self.submissions]
        if uuid not in uuids:
            return None
        at = uuids.index(uuid)
        rest = uuids[at + 1 :] or uuids[:at][-1:]
        return rest[0] if rest else None
