"""The Báo cáo page: the daily review, and for supervisors and administrators the province
figures; a dossier picked in either opens in the detail dialog of the dossier list."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from counter_app.domain.errors import CounterError
from counter_app.domain.permissions import Permission, allowed
from counter_app.ui.dossiers.detail import DossierDetailDialog
from counter_app.ui.dossiers.list_page import replace_detail
from counter_app.ui.queue.figures import QueueFiguresTab
from counter_app.ui.reports.daily import DailyReviewTab
from counter_app.ui.reports.province import PeriodTab
from counter_app.ui.session import Session


class ReportsPage(QWidget):
    """`daily` always; `period` only for supervisors and administrators (else None)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.detail_dialog: DossierDetailDialog | None = None
        self.daily = DailyReviewTab(session)
        self.daily.sig_open_code.connect(self.open_code)
        self.period: PeriodTab | None = None
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reportTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.daily, self.tr("Daily review"))
        if allowed(session.user.role, Permission.SEE_PERIOD_REPORT):
            self.period = PeriodTab(session)
            self.tabs.addTab(self.period, self.tr("Province figures"))
            self.queue = QueueFiguresTab(session)  # waiting and service at the desks
            self.tabs.addTab(self.queue, self.queue.title())
        self.tabs.currentChanged.connect(lambda _index: self.activate())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.tabs)

    def activate(self) -> None:
        """The page or a tab was brought to the front: its figures read afresh."""
        current = self.tabs.currentWidget()
        if current is self.daily:
            self.daily.activate()
        elif current is self.period and self.period is not None:
            self.period.activate()
        elif isinstance(current, QueueFiguresTab):
            current.activate()

    def open_code(self, code: str) -> None:
        session = self._session
        try:
            dossier = session.workspace.dossiers.get(code)
            dialog = replace_detail(session, dossier, self, self.detail_dialog)
        except CounterError as error:
            self.daily.error_label.setText(error.message(session.lang))
            self.daily.error_label.setVisible(True)
            return
        dialog.sig_dossier_changed.connect(lambda _dossier: self.daily.refresh())
        dialog.finished.connect(self._detail_closed)
        self.detail_dialog = dialog
        dialog.open()

    def _detail_closed(self) -> None:
        self.detail_dialog = None
