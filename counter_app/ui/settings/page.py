"""The administrator's settings: a list of sections on the left, the chosen one on the right.

Each section saves on its own, explicitly (its Save button, or Ctrl+S), and only when every
field is right; the status bar confirms what was saved. Sections with unsaved edits keep them
when the page is left and opened again; the others show the stored values afresh."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from counter_app.domain.permissions import Permission, allowed
from counter_app.ui.session import Session
from counter_app.ui.settings.accounts import AccountsSection
from counter_app.ui.settings.backups import BackupsSection
from counter_app.ui.settings.calendar import CalendarSection
from counter_app.ui.settings.diagnostics import SupportSection
from counter_app.ui.settings.display import DisplaySection, IdleLockSection
from counter_app.ui.settings.general import AgenciesSection, CounterSection
from counter_app.ui.settings.notices import NoticeTemplatesSection
from counter_app.ui.settings.printing import PrintingSection
from counter_app.ui.settings.scanner import ScannerSection
from counter_app.ui.settings.widgets import Section

SECTION_LIST_MIN_WIDTH = 180
ITEM_PADDING = 12


class _PaddedItem(QStyledItemDelegate):
    """Room around each section's name, with the selection across the whole row."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 2 * ITEM_PADDING, size.height() + ITEM_PADDING)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        inset = QStyleOptionViewItem(option)
        inset.rect = QRect(option.rect).adjusted(ITEM_PADDING, 0, 0, 0)
        panel = QStyleOptionViewItem(option)
        panel.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, panel, painter, widget)
        super().paint(painter, inset, index)


class SectionList(QListWidget):
    """The names of the sections, as wide as the longest at the current text size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(_PaddedItem(self))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        # No style sheet: it would freeze the list's font when the text size is changed.
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        self.setPalette(palette)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        width = max(SECTION_LIST_MIN_WIDTH, self.sizeHintForColumn(0) + 2 * self.frameWidth() + 8)
        return QSize(width, hint.height())


class SettingsPage(QWidget):
    sig_counter_name_changed = Signal(str)
    """The counter's name was saved (str): the header may show it at once."""
    sig_language_changed = Signal(str)
    """The language was saved for the next start ("vi" or "en")."""
    sig_font_size_changed = Signal(int)
    """The base font size was applied and saved (points)."""
    sig_idle_lock_changed = Signal(int)
    """The idle lock's delay was saved (minutes, 0 = never): pass it to IdleLock.set_minutes."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.sections: list[Section] = []
        self.section_list: QListWidget | None = None
        self.stack: QStackedWidget | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        if not allowed(session.user.role, Permission.OPEN_SETTINGS):
            refusal = QLabel(self.tr("Only an administrator can change the counter's settings."))
            refusal.setObjectName("settingsRefused")
            refusal.setWordWrap(True)
            refusal.setContentsMargins(24, 24, 24, 24)
            refusal.setAlignment(Qt.AlignmentFlag.AlignTop)
            layout.addWidget(refusal)
            return

        # Built in Tab order: the list first, then each section's fields.
        self.section_list = SectionList()
        self.section_list.setObjectName("settingsSections")
        separator = QFrame()
        separator.setFrameShape(QFrame.Shape.VLine)
        separator.setFrameShadow(QFrame.Shadow.Plain)
        separator.setForegroundRole(QPalette.ColorRole.Mid)
        self.stack = QStackedWidget()
        layout.addWidget(self.section_list)
        layout.addWidget(separator)
        layout.addWidget(self.stack, 1)

        self.counter = CounterSection(session)
        self.agencies = AgenciesSection(session)
        self.calendar = CalendarSection(session)
        self.scanner = ScannerSection(session)
        self.display = DisplaySection(session)
        self.idle_lock = IdleLockSection(session)
        self.printing = PrintingSection(session)
        self.notices = NoticeTemplatesSection(session)
        self.accounts = AccountsSection(session)
        self.backups = BackupsSection(session)
        self.support = SupportSection(session)
        self.scanner_test_area: QGroupBox = self.scanner.scanner_test_area
        for section in (
            self.counter,
            self.agencies,
            self.calendar,
            self.scanner,
            self.display,
            self.idle_lock,
            self.printing,
            self.notices,
            self.accounts,
            self.backups,
            self.support,
        ):
            self.sections.append(section)
            self.section_list.addItem(section.title)
            scroll = QScrollArea()
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(section)
            self.stack.addWidget(scroll)
        self.section_list.currentRowChanged.connect(self._row_changed)
        # Enter on a section's name goes to its first field.
        self.section_list.activated.connect(lambda _index: self._enter_section())
        self.section_list.setCurrentRow(0)

        self.counter.sig_saved.connect(
            lambda: self.sig_counter_name_changed.emit(self.counter.name_edit.text())
        )
        self.display.sig_language_changed.connect(self.sig_language_changed)
        self.display.sig_font_size_changed.connect(self.sig_font_size_changed)
        self.idle_lock.sig_minutes_changed.connect(self.sig_idle_lock_changed)

        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save_current)

    def current_section(self) -> Section | None:
        if self.section_list is None:
            return None
        row = self.section_list.currentRow()
        return self.sections[row] if 0 <= row < len(self.sections) else None

    def show_section(self, section: Section) -> None:
        if self.section_list is not None and section in self.sections:
            self.section_list.setCurrentRow(self.sections.index(section))

    def save_current(self) -> bool:
        section = self.current_section()
        return section.save() if section is not None else False

    def _enter_section(self) -> None:
        section = self.current_section()
        if section is not None:
            section.focus_first()

    def _row_changed(self, row: int) -> None:
        if self.stack is not None and row >= 0:
            self.stack.setCurrentIndex(row)

    def activate(self) -> None:
        """Show what is stored now, except in sections with edits not yet saved."""
        for section in self.sections:
            if not section.dirty:
                section.reload()
        if self.section_list is not None:
            self.section_list.setFocus()
