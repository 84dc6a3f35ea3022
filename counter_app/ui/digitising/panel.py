"""One dossier's scanned originals: a section per paper of the dossier, each with its scans
as thumbnails; add (dialog or drag and drop), remove (confirmed, audited by the service),
a large preview, and the digitised dossier PDF. Reading, checking and drawing scans run in
background tasks; only their answers touch the widgets."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import CounterError
from counter_app.ui import theme
from counter_app.ui.digitising.thumbnails import THUMB_SIZE, Thumbnail, full_picture, make_thumbnail
from counter_app.ui.session import Session
from counter_app.ui.workers import Tasks

SHA_ROLE = Qt.ItemDataRole.UserRole
IMAGE_FILTER = "*.jpg *.jpeg *.png *.tif *.tiff"


class PreviewDialog(QDialog):
    """The first page of one scan, large, scrollable."""

    def __init__(self, png: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 1000)
        self.pixmap = QPixmap()
        self.pixmap.loadFromData(png, "PNG")
        self.image_label = QLabel()
        self.image_label.setObjectName("previewImage")
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_label.setPixmap(self.pixmap)
        scroll = QScrollArea()
        scroll.setWidget(self.image_label)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)


class ComponentSection(QGroupBox):
    """The scans of one paper; files dropped here are attached to it."""

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
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.turn_button)
        buttons.addWidget(self.earlier_button)
        buttons.addWidget(self.later_button)
        buttons.addStretch(1)
        buttons.addWidget(hint)
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

    @staticmethod
    def _paths(event: QDropEvent | QDragEnterEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._paths(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.sig_files_dropped.emit(self.component, paths)


class ScanPanel(QWidget):
    """`sections` maps each paper of the dossier to its section. `confirm(question) -> bool`
    asks before a removal (a dialog unless tests give another); `preview_dialog` is the open
    preview, if any."""

    sig_attachments_changed = Signal()
    """Scans were added or removed."""

    def __init__(
        self,
        session: Session,
        code: str,
        parent: QWidget | None = None,
        *,
        confirm: Callable[[str], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.code = code
        self.confirm = confirm or self._ask
        self.tasks = Tasks(self)
        self._thumbs: dict[str, Thumbnail] = {}
        self._attachments: dict[str, object] = {}
        self.sections: dict[str, ComponentSection] = {}
        self.preview_dialog: PreviewDialog | None = None

        self.message_label = QLabel()
        self.message_label.setObjectName("digitisingMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(f"color: {theme.ERROR_TEXT.name()};")
        self.message_label.setVisible(False)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("digitisingSummary")
        self.pdf_button = QPushButton(self.tr("Digitised PDF…"))
        self.pdf_button.setObjectName("digitisedPdf")
        self.pdf_button.setAutoDefault(False)
        self.pdf_button.clicked.connect(self.choose_pdf_path)

        body = QWidget()
        sections = QVBoxLayout(body)
        dossier = session.workspace.dossiers.get(code)
        for document in dossier.documents:
            section = ComponentSection(document.name)
            section.setObjectName(f"component-{len(self.sections)}")
            section.add_button.clicked.connect(
                lambda _=False, c=document.name: self.choose_files(c)
            )
            section.remove_button.clicked.connect(lambda _=False, s=section: self._remove_of(s))
            section.preview_button.clicked.connect(lambda _=False, s=section: self._preview_of(s))
            section.turn_button.clicked.connect(lambda _=False, s=section: self._arrange(s, 90, 0))
            section.earlier_button.clicked.connect(
                lambda _=False, s=section: self._arrange(s, 0, -1)
            )
            section.later_button.clicked.connect(lambda _=False, s=section: self._arrange(s, 0, 1))
            section.list.itemDoubleClicked.connect(lambda item: self.preview(item.data(SHA_ROLE)))
            section.sig_files_dropped.connect(self.add_files)
            sections.addWidget(section)
            self.sections[document.name] = section
        if not self.sections:
            sections.addWidget(QLabel(self.tr("This dossier lists no papers to scan.")))
        sections.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)

        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message_label)
        layout.addWidget(scroll, 1)
        self.refresh()

    # --- showing
    def refresh(self) -> None:
        """List the stored scans again; thumbnails not yet drawn are drawn in the background."""
        try:
            found = self._session.workspace.attachments.list(self.code)
        except CounterError as error:
            self.show_error(error)
            return
        self._attachments = {item.sha256: item for item in found}
        for section in self.sections.values():
            section.list.clear()
        pages = 0
        for item in found:
            pages += item.pages
            section = self.sections.get(item.component)
            if section is None:
                continue
            entry = QListWidgetItem(self._icon(item.sha256), self._caption(item))
            entry.setData(SHA_ROLE, item.sha256)
            entry.setToolTip(item.original_name)
            section.list.addItem(entry)
        self.summary_label.setText(
            self.tr("{files} scanned file(s), {pages} page(s)").format(
                files=len(found), pages=pages
            )
        )
        self.pdf_button.setEnabled(bool(found))
        missing = [item for item in found if item.sha256 not in self._thumbs]
        if missing:
            self._draw(missing)

    def _caption(self, item) -> str:  # type: ignore[no-untyped-def]
        name = item.original_name
        if item.pages > 1:
            name = self.tr("{name} ({pages} pages)").format(name=name, pages=item.pages)
        if item.rotation:
            name = self.tr("{name}, turned {degrees}°").format(name=name, degrees=item.rotation)
        return name

    def _icon(self, sha256: str) -> QIcon:
        thumb = self._thumbs.get(sha256)
        if thumb is None:
            return QIcon()
        if not thumb.png:
            return self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        pixmap = QPixmap()
        pixmap.loadFromData(thumb.png, "PNG")
        return QIcon(pixmap)

    def _draw(self, items: Sequence) -> None:
        service = self._session.workspace.attachments
        wanted = list(items)

        def work() -> list[Thumbnail]:
            return [
                make_thumbnail(item.sha256, service.read(item), item.media_type, item.pages)
                for item in wanted
            ]

        self.tasks.run("thumbnails", work, self._drawn, self._failed)

    def _drawn(self, thumbs: list[Thumbnail]) -> None:
        for thumb in thumbs:
            self._thumbs[thumb.sha256] = thumb
        for section in self.sections.values():
            for row in range(section.list.count()):
                entry = section.list.item(row)
                entry.setIcon(self._icon(entry.data(SHA_ROLE)))

    def thumbnail_count(self, component: str) -> int:
        """How many scans of the paper show a drawn thumbnail."""
        section = self.sections[component]
        return sum(
            1 for row in range(section.list.count()) if not section.list.item(row).icon().isNull()
        )

    # --- messages
    def show_error(self, error: CounterError) -> None:
        self.message_label.setText(error.message(self._session.lang))
        self.message_label.setVisible(True)

    def clear_message(self) -> None:
        self.message_label.clear()
        self.message_label.setVisible(False)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, CounterError):
            self.show_error(error)
            return
        raise error

    # --- adding
    def choose_files(self, component: str) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Scans of “{paper}”").format(paper=component),
            "",
            self.tr("Scanned pages ({patterns})").format(patterns=IMAGE_FILTER),
        )
        if paths:
            self.add_files(component, [Path(p) for p in paths])

    def add_files(self, component: str, paths: Sequence[Path]) -> None:
        """Attach the files to the paper in the background: all are checked first, and one bad
        file refuses them all (the reason shows in the panel)."""
        self.clear_message()
        session = self._session
        files = [Path(p) for p in paths]
        code = self.code

        def work():  # type: ignore[no-untyped-def]
            return session.workspace.attachments.attach(
                code, files, component=component, user=session.user, at=session.clock()
            )

        self.tasks.run(f"attach:{component}", work, self._attached, self._failed)

    def _attached(self, added: list) -> None:
        self.refresh()
        self.sig_attachments_changed.emit()
        if added:
            self._session.messages.info(
                self.tr("{n} file(s) attached to “{paper}” of dossier {code}.").format(
                    n=len(added), paper=added[0].component, code=self.code
                )
            )

    # --- removing
    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Remove a scan"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _remove_of(self, section: ComponentSection) -> None:
        sha = section.selected_sha256()
        if sha is not None:
            self.remove(sha)

    def remove(self, sha256: str) -> bool:
        """Take a scan off the dossier once the officer confirms; True when removed."""
        item = self._attachments.get(sha256)
        if item is None:
            return False
        question = self.tr("Remove “{name}” from “{paper}”? The removal is recorded.").format(
            name=item.original_name, paper=item.component
        )
        if not self.confirm(question):
            return False
        self.clear_message()
        try:
            self._session.workspace.attachments.remove(
                self.code, sha256, user=self._session.user, at=self._session.clock()
            )
        except CounterError as error:
            self.show_error(error)
            self.refresh()
            return False
        self._thumbs.pop(sha256, None)
        self.refresh()
        self.sig_attachments_changed.emit()
        self._session.messages.info(
            self.tr("“{name}” removed from dossier {code}.").format(
                name=item.original_name, code=self.code
            )
        )
        return True

    # --- turn and order: metadata only, the original is never rewritten
    def _arrange(self, section: ComponentSection, turn: int, step: int) -> None:
        sha = section.selected_sha256()
        if sha is not None:
            self.arrange(sha, turn=turn, step=step)

    def arrange(self, sha256: str, *, turn: int = 0, step: int = 0) -> None:
        """Turn a scan by `turn` degrees, or move it `step` places among its paper's scans."""
        service = self._session.workspace.attachments
        self.clear_message()
        try:
            if turn:
                service.rotate(self.code, sha256, turn, user=self._session.user)
            if step:
                service.move(self.code, sha256, step, user=self._session.user)
        except CounterError as error:
            self.show_error(error)
        self.refresh()
        self.sig_attachments_changed.emit()

    # --- preview
    def _preview_of(self, section: ComponentSection) -> None:
        sha = section.selected_sha256()
        if sha is not None:
            self.preview(sha)

    def preview(self, sha256: str) -> None:
        """Open the scan large, once its first page is read (in the background)."""
        item = self._attachments.get(sha256)
        if item is None:
            return
        service = self._session.workspace.attachments

        def work() -> bytes:
            return full_picture(service.read(item), item.media_type)

        self.tasks.run(
            "preview", work, lambda png: self._show_preview(png, item.original_name), self._failed
        )

    def _show_preview(self, png: bytes, title: str) -> None:
        if self.preview_dialog is not None:
            self.preview_dialog.close()
        dialog = PreviewDialog(png, title, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._preview_closed)
        self.preview_dialog = dialog
        dialog.open()

    def _preview_closed(self) -> None:
        self.preview_dialog = None

    # --- the digitised dossier
    def choose_pdf_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the digitised dossier"),
            f"{self.code}.pdf",
            self.tr("PDF documents (*.pdf)"),
        )
        if path:
            self.save_digitised(Path(path))

    def save_digitised(self, path: Path) -> None:
        """Bind the cover and every scan into one PDF and save it (in the background)."""
        self.clear_message()
        session = self._session
        code = self.code

        def work():  # type: ignore[no-untyped-def]
            service = session.workspace.attachments
            digitised = service.digitised(code, lang=session.lang)
            return service.save(digitised, path), digitised.pages

        self.tasks.run("digitised", work, self._saved, self._failed)

    def _saved(self, outcome: tuple[Path, int]) -> None:
        path, pages = outcome
        self._session.messages.info(
            self.tr("Digitised dossier {code} saved ({pages} pages): {path}").format(
                code=self.code, pages=pages, path=str(path)
            )
        )
