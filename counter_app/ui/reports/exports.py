"""The report files a supervisor files: a button per file, a save dialog, the writing in the
background, and a line saying where the file went (or why it could not be written)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from counter_app.domain.errors import CounterError
from counter_app.ui import theme
from counter_app.ui.session import Session
from counter_app.ui.workers import Tasks


@dataclass(frozen=True)
class Export:
    """One file the bar offers. `file_name` and `prepare(path)` are asked on the GUI thread
    when the file is chosen (the day or period on screen then); the work `prepare` returns
    runs in a worker thread and calls the service."""

    key: str
    group: str  # what is exported ("Report:", "Tracking book:"), said once before its buttons
    suffix: str  # "xlsx" or "pdf"
    file_name: Callable[[], str]
    prepare: Callable[[Path], Callable[[], object]]


class ExportBar(QWidget):
    """`buttons[key]` per export; `save(key, path)` writes without asking (tests, and after
    the dialog). `message_label` says where the file went; `error_label` why it did not."""

    def __init__(
        self, session: Session, exports: list[Export], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._exports = {export.key: export for export in exports}
        self.tasks = Tasks(self)
        self.buttons: dict[str, QPushButton] = {}
        self.message_label = QLabel()
        self.message_label.setObjectName("exportMessage")
        self.message_label.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setVisible(False)  # takes no room until there is something to say
        self.error_label = theme.error_label("exportError")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        group = None
        for export in exports:
            if export.group != group:
                group = export.group
                layout.addSpacing(6)
                layout.addWidget(QLabel(group))
            button = QPushButton({"xlsx": self.tr("Excel"), "pdf": self.tr("PDF")}[export.suffix])
            button.setObjectName(export.key)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, key=export.key: self.choose(key))
            self.buttons[export.key] = button
            layout.addWidget(button)

    def choose(self, key: str) -> None:
        export = self._exports[key]
        folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )
        filters = {
            "xlsx": self.tr("Excel workbooks (*.xlsx)"),
            "pdf": self.tr("PDF documents (*.pdf)"),
        }
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the report"),
            str(folder / f"{export.file_name()}.{export.suffix}"),
            filters[export.suffix],
        )
        if path:
            chosen = Path(path)
            if chosen.suffix.lower() != f".{export.suffix}":
                chosen = chosen.with_name(f"{chosen.name}.{export.suffix}")
            self.save(key, chosen)

    def save(self, key: str, path: Path) -> None:
        export = self._exports[key]
        try:
            self._session.workspace.output_path(path)
        except CounterError as error:  # the store or a scan: written over, the data is lost
            self._failed(error)
            return
        self.error_label.setVisible(False)
        self.message_label.setText(self.tr("Writing {name}…").format(name=path.name))
        self.message_label.setVisible(True)
        for button in self.buttons.values():
            button.setEnabled(False)
        self.tasks.run(
            "export",
            export.prepare(path),
            lambda _result: self._saved(path),
            self._failed,
        )

    def _saved(self, path: Path) -> None:
        self._enable()
        text = self.tr("Saved: {path}").format(path=str(path))
        self.message_label.setText(text)
        self._session.messages.info(text)

    def _failed(self, error: Exception) -> None:
        self._enable()
        self.message_label.clear()
        self.message_label.setVisible(False)
        if isinstance(error, CounterError):
            self.error_label.setText(error.message(self._session.lang))
        elif isinstance(error, OSError):
            self.error_label.setText(
                self.tr("The file could not be written: {reason}").format(
                    reason=error.strerror or str(error)
                )
            )
        else:
            raise error  # a bug: the crash handler logs it and says so
        self.error_label.setVisible(True)

    def _enable(self) -> None:
        for button in self.buttons.values():
            button.setEnabled(True)
