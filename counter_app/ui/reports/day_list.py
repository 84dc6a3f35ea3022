"""The dossiers received on the day reviewed, with filters by status, procedure and channel;
Enter or a double-click opens a dossier's detail (the dialog of the dossier list)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.dossier import Channel, Dossier, DossierFilter, Status
from counter_app.domain.reports import NOT_RECEIVED
from counter_app.ui import theme
from counter_app.ui.labels import channel_label
from counter_app.ui.models.dossier_query import DossierFinder
from counter_app.ui.models.dossier_table import Column, DossierTableModel
from counter_app.ui.session import Session
from counter_app.ui.tables import open_on_activation, set_up_list

# More than any counter receives in a day: the day is read whole, then filtered here.
DAY_LIMIT = 50_000


@dataclass(frozen=True)
class DayQuery:
    """The day's dossiers (one officer's, when given) narrowed by the filters. The service
    filters by day, status and procedure and pages; for an officer or a channel, which it
    does not filter, the day is read whole once and narrowed here (a day is a few hundred
    rows). Everything is read in the worker that counts, and kept for the GUI thread."""

    finder: DossierFinder
    day: date
    officer: str | None = None
    status: Status | None = None
    procedure_code: str | None = None
    channel: Channel | None = None

    @property
    def criteria(self) -> DossierFilter:
        statuses = (self.status,) if self.status else ()
        return DossierFilter(day=self.day, statuses=statuses, procedure_code=self.procedure_code)

    @property
    def narrowed_here(self) -> bool:
        return self.officer is not None or self.channel is not None

    @cached_property
    def rows(self) -> list[Dossier]:
        """The whole (narrowed) day, when it is narrowed here."""
        found = self.finder.find(replace(self.criteria, limit=DAY_LIMIT))
        return [
            dossier
            for dossier in found
            if (self.officer is None or dossier.received_by == self.officer)
            and (self.channel is None or dossier.channel is self.channel)
        ]

    @cached_property
    def not_received(self) -> int:
        """How many of them were refused at intake or are not yet accepted (the figures leave
        those out, the list shows them)."""
        if self.narrowed_here:
            return sum(1 for dossier in self.rows if dossier.status in NOT_RECEIVED)
        wanted = tuple(s for s in Status if s in NOT_RECEIVED and self.status in (None, s))
        return self.finder.count(replace(self.criteria, statuses=wanted)) if wanted else 0

    def count(self) -> int:
        self.not_received  # noqa: B018 -- read now, in the worker, for the count line
        return len(self.rows) if self.narrowed_here else self.finder.count(self.criteria)

    def fetch(self, offset: int, limit: int) -> list[Dossier]:
        if self.narrowed_here:
            return self.rows[offset : offset + limit]
        return self.finder.find(replace(self.criteria, offset=offset, limit=limit))


class DayDossiers(QWidget):
    """`show_day(day, officer)` lists the day; `sig_open_code` asks the page to open a
    dossier's detail."""

    sig_open_code = Signal(str)
    """A dossier to open (its code)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._day: date | None = None
        self._officer: str | None = None
        self._query: DayQuery | None = None

        self.status_combo = QComboBox()
        self.status_combo.setObjectName("dayStatusFilter")
        self.status_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.status_combo.setMinimumContentsLength(14)
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in Status:
            self.status_combo.addItem(status.label(session.lang), status.value)
        self.procedure_combo = QComboBox()
        self.procedure_combo.setObjectName("dayProcedureFilter")
        self.procedure_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.procedure_combo.setMinimumContentsLength(20)
        self.procedure_combo.addItem(self.tr("All procedures"), None)
        self.channel_combo = QComboBox()
        self.channel_combo.setObjectName("dayChannelFilter")
        self.channel_combo.addItem(self.tr("All channels"), None)
        for channel in Channel:
            self.channel_combo.addItem(channel_label(channel), channel.value)

        filters = QHBoxLayout()
        for caption, combo in (
            (self.tr("&Status:"), self.status_combo),
            (self.tr("&Procedure:"), self.procedure_combo),
            (self.tr("C&hannel:"), self.channel_combo),
        ):
            label = QLabel(caption)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo, 1 if combo is self.procedure_combo else 0)
            filters.addSpacing(8)
        self.count_label = QLabel()
        self.count_label.setObjectName("dayCount")

        self.model = DossierTableModel(session.lang, session.clock, self)
        self.model.sig_loaded.connect(self._loaded)
        self.table = QTableView()
        self.table.setObjectName("dayDossiers")
        self.table.setModel(self.model)
        set_up_list(
            self.table,
            Column.PROCEDURE,
            (
                (Column.CODE, "000.00.00.H00-000000-0000"),
                (Column.APPLICANT, "Nguyễn Thị Thanh Hương"),
                (Column.RECEIVED, "00/00/0000"),  # the day over the hour
                (Column.DUE, "00/00/0000"),
                (Column.STATUS, "Yêu cầu bổ sung giấy tờ"),
            ),
            two_lines=True,
        )
        open_on_activation(self.table, self._open_index)
        hint = QLabel(self.tr("Enter or double-click: details"))
        hint.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(hint)
        layout.addLayout(bottom)

        for combo in (self.status_combo, self.procedure_combo, self.channel_combo):
            combo.currentIndexChanged.connect(self.refresh)

    def show_day(self, day: date, officer: str | None) -> None:
        """List `day` (one officer's dossiers when given)."""
        self._day, self._officer = day, officer
        self.refresh()

    def set_procedures(self, procedures: dict[str, str]) -> None:
        """The procedure filter offers the day's procedures (code -> name), keeping the one
        chosen while it is among them; if it is not, the list shows every procedure."""
        chosen = self.procedure_combo.currentData()
        self.procedure_combo.blockSignals(True)
        self.procedure_combo.clear()
        self.procedure_combo.addItem(self.tr("All procedures"), None)
        for code, name in sorted(procedures.items(), key=lambda item: item[1]):
            self.procedure_combo.addItem(name, code)
            self.procedure_combo.setItemData(
                self.procedure_combo.count() - 1, f"{name} ({code})", Qt.ItemDataRole.ToolTipRole
            )
        self.procedure_combo.setCurrentIndex(max(self.procedure_combo.findData(chosen), 0))
        self.procedure_combo.blockSignals(False)
        if self.procedure_combo.currentData() != chosen:
            self.refresh()

    def query(self) -> DayQuery | None:
        if self._day is None:
            return None
        status, channel = self.status_combo.currentData(), self.channel_combo.currentData()
        return DayQuery(
            self._session.workspace.dossiers,
            self._day,
            officer=self._officer,
            status=Status(status) if status else None,
            procedure_code=self.procedure_combo.currentData(),
            channel=Channel(channel) if channel else None,
        )

    def refresh(self) -> None:
        query = self.query()
        if query is None:
            return
        self.count_label.setText(self.tr("Loading…"))
        self._query = query
        self.model.set_query(query)

    def _loaded(self, total: int) -> None:
        """The count, and why it may exceed the day's "received" figure."""
        not_received = self._query.not_received if self._query is not None else 0
        text = self.tr("Dossiers: {n}").format(n=total)
        if not_received:
            text = self.tr("Dossiers: {n}, of which {refused} refused or not yet accepted").format(
                n=total, refused=not_received
            )
        self.count_label.setText(text)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            code = self.model.dossier(index.row()).code
            if code:
                self.sig_open_code.emit(code)
