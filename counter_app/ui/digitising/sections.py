"""The widgets a scan panel is made of: a section per paper with its thumbnails (taking
dropped files), and the large preview of one scan's pages."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from counter_app.ui import theme
from counter_app.ui.digitising.thumbnails import THUMB_SIZE
from counter_app.ui.fitting import resize_within_screen

SHA_ROLE = Qt.ItemDataRole.UserRole
PAGE_EDGE = QColor("#9aa0a6")


def page_picture(png: bytes, rotation: int = 0) -> QPixmap:
    """A drawn page as the officer turned it, with a thin edge so white pages stand out."""
    pixmap = QPixmap()
    pixmap.loadFromData(png, "PNG")
    if rotation:
        pixmap = pixmap.transformed(QTransform().rotate(rotation))
    painter = QPainter(pixmap)
    painter.setPen(PAGE_EDGE)
    painter.drawRect(0, 0, pixmap.width() - 1, pixmap.height() - 1)
    painter.end()
    return pixmap


def dropped_paths(event: QDropEvent | QDragEnterEvent) -> list[Path]:
    """The local files a drag carries (none for text, links or another program's data)."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class PreviewDialog(QDialog):
    """Every page of one scan (a PDF's first pages), large, one under the other, scrollable,
    turned as the officer turned it."""

    def __init__(
        self,
        pages: Sequence[bytes],
        title: str,
        parent: QWidget | None = None,
        *,
        rotation: int = 0,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        resize_within_screen(self, 1100, 1000)
        self.pixmaps: list[QPixmap] = []
        body = QWidget()
        body.setObjectName("previewPages")
        body.setStyleSheet("#previewPages { background: palette(mid); }")
        column = QVBoxLayout(body)
        column.setSpacing(12)
        for number, png in enumerate(pages):
            pixmap = page_picture(png, rotation)
            self.pixmaps.append(pixmap)
            label = QLabel()
            label.setObjectName(f"previewImage-{number}")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setPixmap(pixmap)
            column.addWidget(label)
        self.pixmap = self.pixmaps[0] if self.pixmaps else QPixmap()
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)


class ComponentSection(QGroupBox):
    """The scans of one paper; files dropped here go to it."""

    sig_files_dropped = Signal(str, list)
    """(component, [Path]) dropped onto this section."""

    def __init__(self, component: str, parent: QWidget | None = None) -> None:
        super().__init__(component, parent)
        self.component = component
        self.setAcceptDrops(True)
        self.list = QListWidget()
        self.list.setObjectName("thumbnails")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setIconSize(QSize(THUMB_SIZE, THUMB_SIZE))
        self.list.setGridSize(QSize(THUMB_SIZE + 24, THUMB_SIZE + 40))
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.list.setAcceptDrops(False)
        self.list.viewport().setAcceptDrops(False)
        self.list.setMinimumHeight(THUMB_SIZE + 56)
        self.add_button = QPushButton(self.tr("Add files…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.preview_button = QPushButton(self.tr("Preview"))
        self.turn_button = QPushButton(self.tr("Turn ↻"))
        self.earlier_button = QPushButton(self.tr("Earlier"))
        self.later_button = QPushButton(self.tr("Later"))
        self._needs_choice = (
            self.remove_button,
            self.preview_button,
            self.turn_button,
            self.earlier_button,
            self.later_button,
        )
        for button in (self.add_button, *self._needs_choice):
            button.setAutoDefault(False)
        for button in self._needs_choice:
            button.setEnabled(False)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        hint = QLabel(self.tr("Drop scanned files here, or add them with the button."))
        hint.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.turn_button)
        buttons.addWidget(self.earlier_button)
        buttons.addWidget(self.later_button)
        buttons.addWidget(hint, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def selected_sha256(self) -> str | None:
        items = self.list.selectedItems()
        return items[0].data(SHA_ROLE) if items else None

    def _selection_changed(self) -> None:
        chosen = self.selected_sha256() is not None
        for button in self._needs_choice:
            button.setEnabled(chosen)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.sig_files_dropped.emit(self.component, paths)
