"""The main window: the header band, the page list on the left (Ctrl+1..Ctrl+6), the pages."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.scan import ScanKind, ScanResult
from counter_app.ui import notify, theme
from counter_app.ui.catalog.page import CatalogPage
from counter_app.ui.citizen.desk import CitizenDesk
from counter_app.ui.citizen.notices import NoticeWorker
from counter_app.ui.dossiers.list_page import DossiersPage
from counter_app.ui.fitting import resize_within_screen
from counter_app.ui.header import HeaderBar
from counter_app.ui.intake import IntakePage
from counter_app.ui.navigation import (
    HandsBackResult,
    OpensDossier,
    Page,
    PageKey,
    PageSpec,
    TakesApplicant,
    page_title,
    pages_for,
)
from counter_app.ui.printing.panel import PrintQueueIndicator
from counter_app.ui.queue.desk import DeskQueueBar
from counter_app.ui.reports import ReportsPage
from counter_app.ui.returns.page import ReturnsPage
from counter_app.ui.scanning.filter import ScannerFilter
from counter_app.ui.scanning.settings import SETTINGS_KEY as SCANNER_SETTINGS_KEY
from counter_app.ui.scanning.settings import ScannerSettings
from counter_app.ui.session import Session
from counter_app.ui.settings.idle_lock import IdleLock
from counter_app.ui.settings.page import SettingsPage
from counter_app.ui.sync import OnlineSubmissionsPage, SyncController, SyncIndicator

ShortcutRole = Qt.ItemDataRole.UserRole + 1
PageKeyRole = Qt.ItemDataRole.UserRole + 2
NAV_MIN_WIDTH = 200
INFO_TIMEOUT_MS = 10_000
STATUS_MESSAGE_MARGIN = 24  # the status bar's own margins around its message
SIGN_OUT_KEYS = "Ctrl+Shift+L"


class NavigationDelegate(QStyledItemDelegate):
    """Draws each page name with its shortcut right-aligned in a quieter colour."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        shortcut = str(index.data(ShortcutRole) or "")
        extra = option.fontMetrics.horizontalAdvance(shortcut) + 36 if shortcut else 0
        return QSize(size.width() + extra, max(size.height() + 14, 36))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        shortcut = index.data(ShortcutRole)
        if not shortcut:
            return
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        colour = option.palette.highlightedText().color() if selected else theme.MUTED_TEXT
        painter.setPen(colour)
        area = QRect(option.rect).adjusted(0, 0, -10, 0)
        painter.drawText(
            area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shortcut
        )
        painter.restore()


class MainWindow(QMainWindow):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._show_counter_in_title()
        resize_within_screen(self, 1280, 800)  # 1366×768 is the common counter screen
        self.setMinimumSize(960, 600)

        self.signing_out = False  # run_app shows the sign-in window again when True
        self.sync = SyncController(session, self)
        indicator = SyncIndicator(session, self.sync)
        self.header = HeaderBar(session, indicator)
        self.header.sign_out_button.clicked.connect(self.sign_out)
        sign_out = QShortcut(QKeySequence(SIGN_OUT_KEYS), self)
        sign_out.activated.connect(self.sign_out)
        indicator.sig_show_submissions.connect(lambda: self.show_page(PageKey.ONLINE))
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setItemDelegate(NavigationDelegate(self.nav))
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setStyleSheet(
            "#navigation { background: palette(window); border-right: 1px solid palette(mid); }"
            "#navigation::item { padding-left: 14px; }"
        )
        self.stack = QStackedWidget()
        # Built when first shown (`page`): the officer gets the intake page without waiting
        # for the lists, reports and settings, each of which reads the store when built.
        self.pages: dict[PageKey, QWidget] = {}
        specs = pages_for(session.user.role)
        self._keys = [spec.key for spec in specs]
        for spec in specs:
            self._add_nav_item(spec)
        # As wide as the longest page name with its shortcut, in whichever language.
        self.nav.setFixedWidth(max(NAV_MIN_WIDTH, self.nav.sizeHintForColumn(0) + 4))
        self.nav.currentRowChanged.connect(self._row_changed)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        self.queue_bar = DeskQueueBar(session, self)  # the called citizen goes to intake
        self.queue_bar.sig_called.connect(lambda _ticket: self.show_page(PageKey.INTAKE))
        layout.addWidget(self.queue_bar)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)
        session.messages.sig_info.connect(self._inform)
        self.print_badge = PrintQueueIndicator(session.printing)
        self.statusBar().addPermanentWidget(self.print_badge)
        self.citizen = CitizenDesk(session, self)  # the citizen's screen (issue 18)
        QShortcut(QKeySequence("Ctrl+Shift+K"), self).activated.connect(self.citizen.toggle)
        self.page(PageKey.INTAKE)  # the first page, built before the filters below watch
        self.scanner = ScannerFilter(self._scanner_settings(), session.lang, parent=self)
        self.scanner.sig_scanned.connect(self.route_scan)
        self.scanner.sig_refused.connect(session.messages.info)
        self.scanner.install()
        self.idle_lock = IdleLock(session)
        self.idle_lock.install(self)
        # A scan the filter takes whole is activity too, though no key reached a widget.
        self.scanner.sig_scanned.connect(lambda _result: self.idle_lock.note_input())
        if self.citizen.citizens_screen() is not None:  # a monitor for the citizen: use it
            QTimer.singleShot(0, self.citizen.open)
        self.notices = NoticeWorker(session)
        self.notices.start()
        self.show_page(PageKey.INTAKE)
        self.sync.start()  # only when a central server is set: the embedded default runs alone

    def _confirm_close_with_jobs(self) -> bool:
        """Papers still waiting or failed would be lost with the window: the officer decides."""
        return notify.ask(
            self,
            self.tr("Papers not printed"),
            self.tr("Some papers have not been printed yet. Close the window anyway?"),
            self.tr("Close and lose them"),
        )

    def _show_counter_in_title(self) -> None:
        identity = self._session.workspace.settings.identity()
        self.setWindowTitle(
            self.tr("{counter} — counter workstation").format(counter=identity.name)
        )

    def _counter_changed(self) -> None:
        """Saved in Cài đặt: the header and the title show the new name and desk at once."""
        self.header.refresh_counter()
        self._show_counter_in_title()

    def _reload_scanner_settings(self) -> None:
        self.scanner.set_settings(self._scanner_settings())

    def _scanner_settings(self) -> ScannerSettings:
        stored = self._session.workspace.settings.get(SCANNER_SETTINGS_KEY)
        return ScannerSettings.from_dict(stored if isinstance(stored, dict) else {})

    def route_scan(self, result: ScanResult) -> None:
        """A scan anywhere in the window: a receipt's code opens its dossier (on the return
        page, ready to hand the result back); a citizen-ID card fills the intake form."""
        if result.kind is ScanKind.DOSSIER and result.code is not None:
            returns = self.pages.get(PageKey.RETURNS)  # built: it is the page shown
            if self.current_page() is PageKey.RETURNS and isinstance(returns, HandsBackResult):
                returns.load_code(str(result.code))
            elif PageKey.DOSSIERS in self._keys:
                dossiers = self.page(PageKey.DOSSIERS)
                if isinstance(dossiers, OpensDossier):
                    dossiers.open_code(str(result.code))
        elif result.kind is ScanKind.CITIZEN_ID and result.card is not None:
            self.show_page(PageKey.INTAKE)
            intake = self.page(PageKey.INTAKE)
            if isinstance(intake, TakesApplicant):
                intake.fill_applicant(result.card)

    def sign_out(self) -> bool:
        """Sign out (Ctrl+Shift+L): the window closes as on Alt+F4, asking first if anything
        would be lost, and the sign-in window comes back for the next officer. True when the
        window closed."""
        self.signing_out = True
        if not self.close():
            self.signing_out = False
        return self.signing_out

    def closeEvent(self, event: QCloseEvent) -> None:
        intake = self.pages.get(PageKey.INTAKE)
        leave = self.tr("Sign out") if self.signing_out else self.tr("Close the window")
        if isinstance(intake, IntakePage) and not intake.may_leave(leave):
            event.ignore()
            return
        if self._session.printing.unfinished() and not self._confirm_close_with_jobs():
            event.ignore()
            return
        self._session.printing.wait()
        self.sync.stop()  # waits for the round in progress: nothing half-sent
        self.notices.stop()
        self.citizen.screen.close()
        self.scanner.uninstall()
        self.idle_lock.uninstall()
        self.queue_bar.close_queue()
        super().closeEvent(event)

    def _inform(self, text: str) -> None:
        """A message too long for the status bar ends in "…" before the print badge (Qt would
        draw it on under the badge); the whole of it is the bar's tooltip."""
        bar = self.statusBar()
        room = (
            self.print_badge.x() - STATUS_MESSAGE_MARGIN
            if self.print_badge.isVisible()
            else (bar.width() - STATUS_MESSAGE_MARGIN)
        )
        shown = bar.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, max(room, 0))
        bar.setToolTip(text if shown != text else "")
        bar.showMessage(shown, INFO_TIMEOUT_MS)

    def _add_nav_item(self, spec: PageSpec) -> None:
        shortcut_text = QKeySequence(spec.shortcut).toString(QKeySequence.SequenceFormat.NativeText)
        item = QListWidgetItem(page_title(spec.key))
        item.setData(ShortcutRole, shortcut_text)
        item.setData(PageKeyRole, spec.key.value)
        item.setToolTip(f"{page_title(spec.key)} ({shortcut_text})")
        self.nav.addItem(item)
        shortcut = QShortcut(QKeySequence(spec.shortcut), self)
        shortcut.activated.connect(lambda key=spec.key: self.show_page(key))

    def page(self, key: PageKey) -> QWidget:
        """The role's page `key`, built on first use (KeyError: not one of the role's)."""
        if key not in self._keys:
            raise KeyError(key)
        page = self.pages.get(key)
        if page is None:
            page = self._build_page(key)
            self.pages[key] = page
            self.stack.addWidget(page)
            self.citizen.follow_pages([page])
        return page

    def _build_page(self, key: PageKey) -> QWidget:
        if key is PageKey.DOSSIERS:
            return DossiersPage(self._session)
        if key is PageKey.CATALOG:
            return CatalogPage(self._session)
        if key is PageKey.INTAKE:
            intake = IntakePage(self._session)
            intake.sig_saved.connect(self.queue_bar.record_on_dossier)
            return intake
        if key is PageKey.RETURNS:
            return ReturnsPage(self._session)
        if key is PageKey.ONLINE:
            return OnlineSubmissionsPage(self._session, self.sync)
        if key is PageKey.SETTINGS:
            page = SettingsPage(self._session)
            page.sig_counter_name_changed.connect(self._counter_changed)
            page.sig_idle_lock_changed.connect(lambda minutes: self.idle_lock.set_minutes(minutes))
            page.scanner.sig_saved.connect(self._reload_scanner_settings)
            return page
        return ReportsPage(self._session)  # PageKey.REPORTS: every role, staff their own day

    def page_keys(self) -> list[PageKey]:
        return list(self._keys)

    def current_page(self) -> PageKey:
        return PageKey(self.nav.currentItem().data(PageKeyRole))

    def show_page(self, key: PageKey) -> None:
        keys = self.page_keys()
        if key in keys:
            self.nav.setCurrentRow(keys.index(key))

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        page = self.page(self._keys[row])
        self.stack.setCurrentWidget(page)
        if isinstance(page, Page):
            page.activate()
