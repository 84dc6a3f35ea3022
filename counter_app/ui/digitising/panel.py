"""Scanned originals in the window: a section per paper, each with its scans as thumbnails; add
(dialog, drag and drop, the watched folder, a scanner through SANE or WIA), remove (confirmed,
audited by the service), turn, reorder, a large preview, and the digitised dossier PDF. The same
panel works on a saved dossier (the "Hồ sơ điện tử" tab of the detail) and on the intake page,
where scans are staged until the dossier is saved. Reading, checking and drawing scans run in
background tasks; only their answers touch the widgets."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import CounterError
from counter_app.services.digitising.sources import (
    FEEDER,
    GREY,
    SANE_SETTING,
    WATCH_FOLDER_SETTING,
    AcquiredPage,
    FileImport,
    SaneChoice,
    WatchedFolder,
    scanner_driver,
)
from counter_app.ui import notify, theme
from counter_app.ui.digitising.scanner import ScannerDialog
from counter_app.ui.digitising.sections import (
    SHA_ROLE,
    ComponentSection,
    PreviewDialog,
    page_picture,
)
from counter_app.ui.digitising.stores import DossierScans, ScanItem, ScanStore, StagedScans
from counter_app.ui.digitising.thumbnails import (
    Thumbnail,
    full_pictures,
    make_thumbnail,
)
from counter_app.ui.session import Session
from counter_app.ui.workers import Tasks

SCAN_FILTER = "*.jpg *.jpeg *.png *.tif *.tiff *.pdf"
WATCH_INTERVAL_MS = 1000


class ScanPanel(QWidget):
    """The scans of dossier `code`, or, with no code, scans staged for a dossier being entered
    (`set_components` names its papers; `take_staged` hands them over once it is saved).
    `sections` maps each paper to its section. `confirm(question) -> bool` asks before a
    removal (a dialog unless tests give another); `preview_dialog` is the open preview,
    `scanner_dialog` the open choice of scanner."""

    sig_attachments_changed = Signal()
    """Scans were added, removed, turned or moved."""

    def __init__(
        self,
        session: Session,
        code: str | None = None,
        parent: QWidget | None = None,
        *,
        confirm: Callable[[str], bool] | None = None,
        scrolling: bool = True,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.code = code
        self.store: ScanStore = DossierScans(session, code) if code else StagedScans(session)
        self.confirm = confirm or self._ask
        self.tasks = Tasks(self)
        self._thumbs: dict[str, Thumbnail] = {}
        self._items: dict[str, ScanItem] = {}
        self.sections: dict[str, ComponentSection] = {}
        self.preview_dialog: PreviewDialog | None = None
        self.scanner_dialog: ScannerDialog | None = None
        self.watcher: WatchedFolder | None = None
        self.settle_seconds = 1.0  # how long a file in the watched folder must stay unchanged
        self.offered: list[Path] = []
        self._taking: set[Path] = set()  # being taken from the folder: not offered again

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
        self.pdf_button.setVisible(not self.store.staging)

        self._sections_widget = QWidget()
        self._sections_layout = QVBoxLayout(self._sections_widget)
        self._sections_layout.setContentsMargins(0, 0, 0, 0)
        self.empty_label = QLabel()
        self.empty_label.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")
        self.empty_label.setWordWrap(True)
        self._sections_layout.addWidget(self.empty_label)
        self._sections_layout.addStretch(1)

        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        if not scrolling:
            layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(self._build_sources())
        layout.addWidget(self.message_label)
        if scrolling:
            scroll = QScrollArea()
            scroll.setWidget(self._sections_widget)
            scroll.setWidgetResizable(True)
            layout.addWidget(scroll, 1)
        else:
            layout.addWidget(self._sections_widget)

        self._watch_timer = QTimer(self)
        self._watch_timer.setInterval(WATCH_INTERVAL_MS)
        self._watch_timer.timeout.connect(self.poll_folder)
        self.set_components(self.store.components)
        folder = session.workspace.settings.get(WATCH_FOLDER_SETTING)
        self.set_watch_folder(Path(folder) if isinstance(folder, str) and folder else None)

    # --- building
    def _build_sources(self) -> QVBoxLayout:
        """Where new scans go, and the sources besides files: the scanner and the folder."""
        self.target_combo = QComboBox()
        self.target_combo.setObjectName("scanTarget")
        self.target_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        target_label = QLabel(self.tr("New scans go to:"))
        target_label.setBuddy(self.target_combo)
        self.scan_button = QPushButton(self.tr("Scan"))
        self.scan_button.setObjectName("saneScan")
        self.scan_button.setAutoDefault(False)
        self.scan_button.clicked.connect(self.scan)
        self.scanner = scanner_driver()
        if self.scanner is None:
            self.scan_button.setEnabled(False)
            self.scan_button.setToolTip(
                self.tr(
                    "No scanner driver here (SANE on Linux, WIA on Windows). Save scans into "
                    "the scan folder, or add the files."
                )
            )
        else:
            self.scan_button.setToolTip(self.tr("Scan with the scanner connected to this computer"))
        self.scanner_button = QPushButton(self.tr("Scanner…"))
        self.scanner_button.setObjectName("chooseScanner")
        self.scanner_button.setAutoDefault(False)
        self.scanner_button.setEnabled(self.scanner is not None)
        self.scanner_button.setToolTip(
            self.tr("Which scanner, and how it scans: feeder or glass, resolution, colour")
        )
        self.scanner_button.clicked.connect(lambda: self.choose_scanner())
        self.scanner_label = QLabel()
        self.scanner_label.setObjectName("saneScanner")
        self.scanner_label.setTextFormat(Qt.TextFormat.PlainText)
        self.show_scanner_choice()
        self.folder_label = QLabel()
        self.folder_label.setObjectName("watchFolder")
        self.folder_label.setTextFormat(Qt.TextFormat.PlainText)
        self.folder_button = QPushButton(self.tr("Scan folder…"))
        self.folder_button.setObjectName("chooseWatchFolder")
        self.folder_button.setAutoDefault(False)
        self.folder_button.setToolTip(
            self.tr("The folder your scanner's software saves into; new files are offered here")
        )
        self.folder_button.clicked.connect(self.choose_watch_folder)
        self.offer_label = QLabel()
        self.offer_label.setObjectName("folderOffer")
        self.take_button = QPushButton()
        self.take_button.setObjectName("takeFromFolder")
        self.take_button.setAutoDefault(False)
        self.take_button.clicked.connect(self.take_offered)
        self.offer_label.hide()
        self.take_button.hide()

        first = QHBoxLayout()
        first.addWidget(target_label)
        first.addWidget(self.target_combo)
        first.addWidget(self.scan_button)
        first.addSpacing(12)
        first.addWidget(self.offer_label)
        first.addWidget(self.take_button)
        first.addStretch(1)
        second = QHBoxLayout()
        second.addWidget(self.scanner_button)
        second.addWidget(self.scanner_label, 1)
        second.addSpacing(12)
        second.addWidget(self.folder_button)
        second.addWidget(self.folder_label, 1)
        rows = QVBoxLayout()
        rows.addLayout(first)
        rows.addLayout(second)
        return rows

    def set_components(self, names: Sequence[str]) -> None:
        """One section per paper, in this order; a paper that left the list keeps its section
        while scans are staged for it (saving then asks to tick it or remove them)."""
        wanted = list(dict.fromkeys(names))
        if self.store.staging:
            assert isinstance(self.store, StagedScans)
            wanted += [c for c in self.store.components_with_scans() if c not in wanted]
            self.store.components = wanted
        if self.store.staging:
            empty = self.tr("Choose a procedure: its papers can then be scanned here.")
        else:
            empty = self.tr("This dossier lists no papers to scan.")
        self.empty_label.setText(empty)
        self.empty_label.setVisible(not wanted)
        if wanted == list(self.sections):
            self.refresh()
            return
        for section in self.sections.values():
            self._sections_layout.removeWidget(section)
            section.hide()
            section.deleteLater()
        self.sections = {}
        for index, name in enumerate(wanted):
            section = ComponentSection(name)
            section.setObjectName(f"component-{index}")
            section.add_button.clicked.connect(lambda _=False, c=name: self.choose_files(c))
            section.remove_button.clicked.connect(lambda _=False, s=section: self._remove_of(s))
            section.preview_button.clicked.connect(lambda _=False, s=section: self._preview_of(s))
            section.turn_button.clicked.connect(lambda _=False, s=section: self._arrange(s, 90, 0))
            section.earlier_button.clicked.connect(
                lambda _=False, s=section: self._arrange(s, 0, -1)
            )
            section.later_button.clicked.connect(lambda _=False, s=section: self._arrange(s, 0, 1))
            section.list.itemDoubleClicked.connect(lambda item: self.preview(item.data(SHA_ROLE)))
            section.sig_files_dropped.connect(self.add_files)
            self._sections_layout.insertWidget(index, section)
            self.sections[name] = section
        chosen = self.target_combo.currentText()
        self.target_combo.clear()
        self.target_combo.addItems(wanted)
        if chosen in wanted:
            self.target_combo.setCurrentText(chosen)
        self.target_combo.setEnabled(bool(wanted))
        self.refresh()

    # --- showing
    def refresh(self) -> None:
        """List the scans again; thumbnails not yet drawn are drawn in the background."""
        try:
            found = self.store.items()
        except CounterError as error:
            self.show_error(error)
            return
        self._items = {item.sha256: item for item in found}
        for section in self.sections.values():
            section.list.clear()
        pages = 0
        for item in found:
            pages += item.pages
            shown_in = self.sections.get(item.component)
            if shown_in is None:
                continue
            entry = QListWidgetItem(self._icon(item), self._caption(item))
            entry.setData(SHA_ROLE, item.sha256)
            entry.setToolTip(item.original_name)
            shown_in.list.addItem(entry)
        if self.store.staging:
            summary = self.tr("{files} scanned file(s), {pages} page(s), attached when saved")
        else:
            summary = self.tr("{files} scanned file(s), {pages} page(s)")
        self.summary_label.setText(summary.format(files=len(found), pages=pages))
        self.pdf_button.setEnabled(bool(found))
        missing = [item for item in found if item.sha256 not in self._thumbs]
        if missing:
            self._draw(missing)

    def _caption(self, item) -> str:
        name = item.original_name
        if item.pages > 1:
            name = self.tr("{name} ({pages} pages)").format(name=name, pages=item.pages)
        if item.rotation:
            name = self.tr("{name}, turned {degrees}°").format(name=name, degrees=item.rotation)
        return name

    def _icon(self, item) -> QIcon:
        thumb = self._thumbs.get(item.sha256)
        if thumb is None:
            return QIcon()
        if not thumb.png:
            return self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        return QIcon(page_picture(thumb.png, item.rotation))

    def _draw(self, items: Sequence) -> None:
        store = self.store
        wanted = list(items)

        def work() -> list[Thumbnail]:
            return [
                make_thumbnail(item.sha256, store.read(item), item.media_type, item.pages)
                for item in wanted
            ]

        self.tasks.run("thumbnails", work, self._drawn, self._failed)

    def _drawn(self, thumbs: list[Thumbnail]) -> None:
        for thumb in thumbs:
            self._thumbs[thumb.sha256] = thumb
        for section in self.sections.values():
            for row in range(section.list.count()):
                entry = section.list.item(row)
                item = self._items.get(entry.data(SHA_ROLE))
                if item is not None:
                    entry.setIcon(self._icon(item))

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

    # --- adding: files, the watched folder, the scanner
    def choose_files(self, component: str) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Scans of “{paper}”").format(paper=component),
            "",
            self.tr("Scanned pages ({patterns})").format(patterns=SCAN_FILTER),
        )
        if paths:
            self.add_files(component, [Path(p) for p in paths])

    def add_files(self, component: str, paths: Sequence[Path]) -> None:
        """Add the files to the paper in the background: all are checked first, and one bad
        file refuses them all (the reason shows in the panel)."""
        service = self._session.workspace.attachments
        self._acquire(component, FileImport(paths, max_bytes=service.limits.max_bytes).acquire)

    def add_to_chosen_paper(self, paths: Sequence[Path]) -> None:
        """Files dropped beside the sections go to the paper chosen in "New scans go to"."""
        component = self.target_combo.currentText()
        if component:
            self.add_files(component, paths)

    def scan(self) -> None:
        """One batch from the chosen scanner to the paper chosen in "New scans go to"; with
        no scanner chosen yet, the choice comes first and the scan right after it."""
        component = self.target_combo.currentText()
        scanner = self.scanner
        if not component or scanner is None:
            return
        choice = self.scanner_choice()
        if choice is None:
            self.choose_scanner(scan_after=True)
            return
        self._acquire(component, scanner.source(choice).acquire)

    def scanner_choice(self) -> SaneChoice | None:
        return SaneChoice.from_setting(self._session.workspace.settings.get(SANE_SETTING))

    def show_scanner_choice(self) -> None:
        choice = self.scanner_choice() if self.scanner is not None else None
        if choice is None:
            self.scanner_label.setText(self.tr("No scanner chosen."))
            return
        if self.scanner is not None and not self.scanner.settings_apply:
            self.scanner_label.setText(self.tr("Scanner: {name}").format(name=choice.shown))
            return
        source = self.tr("feeder") if choice.source == FEEDER else self.tr("glass")
        mode = self.tr("grey") if choice.mode == GREY else self.tr("colour")
        self.scanner_label.setText(
            self.tr("Scanner: {name}, {source}, {dpi} dpi, {mode}").format(
                name=choice.shown, source=source, dpi=choice.resolution, mode=mode
            )
        )

    def choose_scanner(self, *, scan_after: bool = False, problem: str = "") -> None:
        """Offer the scanners the driver sees; the one picked is remembered for every panel."""
        if self.scanner is None:
            return
        if self.scanner_dialog is not None:
            self.scanner_dialog.raise_()
            return
        dialog = ScannerDialog(
            self.scanner, self._session.lang, self.scanner_choice(), problem, parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._scanner_chosen(dialog.choice(), scan_after))
        dialog.finished.connect(self._scanner_dialog_closed)
        self.scanner_dialog = dialog
        dialog.open()

    def _scanner_chosen(self, choice: SaneChoice | None, scan_after: bool) -> None:
        if choice is None:
            return
        self._session.workspace.settings.set(SANE_SETTING, choice.to_setting())
        self.show_scanner_choice()
        self.clear_message()
        if scan_after:
            self.scan()

    def _scanner_dialog_closed(self) -> None:
        self.scanner_dialog = None

    def showEvent(self, event) -> None:
        """Another panel may have changed the scanner meanwhile."""
        self.show_scanner_choice()
        super().showEvent(event)

    def _acquire(self, component: str, acquire: Callable[[], list[AcquiredPage]]) -> None:
        """Acquire, check and keep (attach or stage) in the background: one bad page refuses
        the whole batch."""
        self.clear_message()
        store = self.store
        service = self._session.workspace.attachments

        def work() -> tuple[Sequence[ScanItem], list[CounterError]]:
            scans = [service.check_bytes(page.name, page.data) for page in acquire()]
            return store.add(component, scans), []

        self.tasks.run(f"add:{component}", work, self._added, self._add_failed)

    def _add_failed(self, error: Exception) -> None:
        self._taking.clear()
        self._failed(error)
        if isinstance(error, CounterError) and error.key == "scan.device_gone":
            self.choose_scanner(problem=error.message(self._session.lang))

    def _added(self, outcome: tuple[Sequence[ScanItem], list[CounterError]]) -> None:
        added, refused = outcome
        self._taking.clear()
        self.refresh()
        self.sig_attachments_changed.emit()
        if refused:
            lines = [error.message(self._session.lang) for error in refused]
            self.message_label.setText("\n".join(lines))
            self.message_label.setVisible(True)
        if not added:
            return
        if self.store.staging:
            text = self.tr("{n} file(s) ready for “{paper}”: attached when the dossier is saved.")
            self._session.messages.info(text.format(n=len(added), paper=added[0].component))
        else:
            text = self.tr("{n} file(s) attached to “{paper}” of dossier {code}.")
            self._session.messages.info(
                text.format(n=len(added), paper=added[0].component, code=self.code)
            )

    def choose_watch_folder(self) -> None:
        current = str(self.watcher.folder) if self.watcher else ""
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("The folder the scanner saves into"), current
        )
        if folder:
            self._session.workspace.settings.set(WATCH_FOLDER_SETTING, folder)
            self.set_watch_folder(Path(folder))

    def set_watch_folder(self, folder: Path | None) -> None:
        """Offer the complete files that appear in `folder` (None: no folder watched)."""
        self.watcher = WatchedFolder(folder, settle_seconds=self.settle_seconds) if folder else None
        self._offer([])
        if folder is None:
            self.folder_label.setText(self.tr("No scan folder chosen."))
            self._watch_timer.stop()
            return
        self.folder_label.setText(self.tr("Scan folder: {folder}").format(folder=str(folder)))
        self._watch_timer.start()

    def poll_folder(self) -> None:
        """Look for new complete files (in the background), while the panel is on screen."""
        watcher = self.watcher
        if watcher is None or not self.isVisible():
            return
        watcher.settle_seconds = self.settle_seconds
        self.tasks.run("watch", watcher.poll, self._offer, self._watch_failed)

    def _watch_failed(self, error: Exception) -> None:
        self._offer([])
        self._failed(error)

    def _offer(self, paths: list[Path]) -> None:
        paths = [path for path in paths if path not in self._taking]
        self.offered = paths
        shown = bool(paths) and bool(self.sections)
        self.offer_label.setVisible(shown)
        self.take_button.setVisible(shown)
        if shown:
            self.offer_label.setText(self.tr("{n} new scan(s) in the folder").format(n=len(paths)))
            self.take_button.setText(self.tr("Take them"))
            self.take_button.setToolTip("\n".join(p.name for p in paths))

    def take_offered(self) -> None:
        """The offered files go to the chosen paper, then into the folder's taken/. Each file
        is checked alone: a bad one goes to refused/ with its reason shown, and no longer
        stops the others or comes back at every look."""
        watcher, paths = self.watcher, list(self.offered)
        component = self.target_combo.currentText()
        if watcher is None or not paths or not component:
            return
        self._taking.update(paths)
        self._offer([])
        self.clear_message()
        store = self.store
        service = self._session.workspace.attachments

        def work() -> tuple[Sequence[ScanItem], list[CounterError]]:
            checked = service.check_pages(watcher.take(paths))
            added = store.add(component, checked.scans) if checked.scans else []
            watcher.settle(checked.kept)
            watcher.set_aside(checked.bad)
            return added, checked.refused

        self.tasks.run(f"add:{component}", work, self._added, self._add_failed)

    # --- removing
    def _ask(self, question: str) -> bool:
        return notify.ask(
            self, self.tr("Remove a scan"), question, self.tr("Remove"), self.tr("Keep it")
        )

    def _remove_of(self, section: ComponentSection) -> None:
        sha = section.selected_sha256()
        if sha is not None:
            self.remove(sha)

    def remove(self, sha256: str) -> bool:
        """Take a scan off once the officer confirms; True when removed."""
        item = self._items.get(sha256)
        if item is None:
            return False
        if self.store.staging:
            question = self.tr("Remove “{name}” from “{paper}”?")
        else:
            question = self.tr("Remove “{name}” from “{paper}”? The removal is recorded.")
        if not self.confirm(question.format(name=item.original_name, paper=item.component)):
            return False
        self.clear_message()
        try:
            self.store.remove(sha256)
        except CounterError as error:
            self.show_error(error)
            self.refresh()
            return False
        self._thumbs.pop(sha256, None)
        self.refresh()
        self.sig_attachments_changed.emit()
        if not self.store.staging:
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
            for row in range(section.list.count()):
                if section.list.item(row).data(SHA_ROLE) == sha:
                    section.list.setCurrentRow(row)

    def arrange(self, sha256: str, *, turn: int = 0, step: int = 0) -> None:
        """Turn a scan by `turn` degrees, or move it `step` places among its paper's scans."""
        self.clear_message()
        try:
            self.store.arrange(sha256, turn=turn, step=step)
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
        """Open the scan large, once its pages are drawn (in the background)."""
        item = self._items.get(sha256)
        if item is None:
            return
        store = self.store

        def work() -> list[bytes]:
            return full_pictures(store.read(item), item.media_type)

        self.tasks.run(
            "preview",
            work,
            lambda pages: self._show_preview(pages, item.original_name, item.rotation),
            self._failed,
        )

    def _show_preview(self, pages: list[bytes], title: str, rotation: int) -> None:
        if self.preview_dialog is not None:
            self.preview_dialog.close()
        dialog = PreviewDialog(pages, title, self, rotation=rotation)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._preview_closed)
        self.preview_dialog = dialog
        dialog.open()

    def _preview_closed(self) -> None:
        self.preview_dialog = None

    # --- staged scans (intake page)
    def staged_count(self) -> int:
        return self.store.count() if isinstance(self.store, StagedScans) else 0

    def staged_components(self) -> list[str]:
        if isinstance(self.store, StagedScans):
            return self.store.components_with_scans()
        return []

    def take_staged(self) -> list:
        """Hand the staged scans over (to be attached to the saved dossier); the panel is then
        empty for the next dossier."""
        assert isinstance(self.store, StagedScans)
        staged = self.store.take()
        self._thumbs.clear()
        self.refresh()
        return staged

    def discard_staged(self) -> None:
        if isinstance(self.store, StagedScans):
            self.store.take()
            self._thumbs.clear()
            self.refresh()

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
        assert code is not None

        def work():
            target = session.workspace.output_path(path)
            service = session.workspace.attachments
            digitised = service.digitised(code, lang=session.lang)
            return service.save(digitised, target), digitised.pages

        self.tasks.run("digitised", work, self._saved, self._failed)

    def _saved(self, outcome: tuple[Path, int]) -> None:
        path, pages = outcome
        self._session.messages.info(
            self.tr("Digitised dossier {code} saved ({pages} pages): {path}").format(
                code=self.code, pages=pages, path=str(path)
            )
        )
