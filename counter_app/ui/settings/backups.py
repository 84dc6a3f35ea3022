"""Backups in the settings page: how the last daily backup went, when the next is due, where
they go and how many are kept, and "Back up now"; and the window's daily backup itself, taken
at the first start of the day and checked every hour, in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from counter_app.domain.errors import CounterError
from counter_app.services.operations.archive import BackupSummary
from counter_app.services.operations.backups import KEEP, BackupState
from counter_app.ui import formatting, notify
from counter_app.ui.session import Session
from counter_app.ui.settings.widgets import FieldError, Section, note_label, with_error
from counter_app.ui.workers import Tasks

CHECK_EVERY_MS = 60 * 60 * 1000  # the window looks hourly whether the daily backup is due


def size_text(size: int | None) -> str:
    if size is None:
        return formatting.EMPTY
    return f"{size / 1024 / 1024:.1f} MB" if size >= 100 * 1024 else f"{size / 1024:.0f} KB"


def at_start(widget: QWidget) -> QWidget:
    """A button or a number at its own width at the start of a form's field column."""
    cell = QWidget()
    row = QHBoxLayout(cell)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(widget)
    row.addStretch(1)
    return cell


class DailyBackup(QObject):
    """Takes the daily backup when it is due: once at start, then at every hourly check."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.tasks = Tasks(self)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()
        self.check()

    def stop(self) -> None:
        self.timer.stop()
        self.tasks.wait(60_000)

    def check(self) -> None:
        if self.tasks.busy:
            return
        self.tasks.run("daily", self._session.workspace.backups.run_daily, self._done, self._failed)

    def _done(self, summary: BackupSummary | None) -> None:
        if summary is not None:
            self._session.messages.info(
                self.tr("Daily backup saved: {path}").format(path=summary.path)
            )

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, CounterError):
            raise error  # a bug: the crash handler logs it
        self._session.messages.info(
            self.tr("The daily backup failed: {reason}").format(
                reason=error.message(self._session.lang)
            )
        )


class BackupsSection(Section):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            self.tr("Backups"),
            self.tr(
                "A backup of the data and the scans is taken every day when the window starts "
                "(and checked every hour); the oldest are removed beyond the number kept. "
                "To restore one, close the window and run: counter-app restore FILE"
            ),
            parent=parent,
        )
        self.tasks = Tasks(self)
        self.last_label = QLabel()
        self.last_label.setObjectName("lastBackup")
        self.last_label.setWordWrap(True)
        self.next_label = QLabel()
        self.next_label.setObjectName("nextBackup")
        self.backup_now_button = QPushButton(self.tr("&Back up now"))
        self.backup_now_button.setObjectName("backupNow")
        self.backup_now_button.clicked.connect(self.back_up_now)

        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("backupFolder")
        self.folder_error = FieldError("backupFolderError")
        self.choose_button = QPushButton(self.tr("C&hoose…"))
        self.choose_button.setObjectName("chooseBackupFolder")
        self.choose_button.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.setContentsMargins(0, 0, 0, 0)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)
        folder_cell = QWidget()
        folder_cell.setLayout(folder_row)
        self.keep_spin = QSpinBox()
        self.keep_spin.setObjectName("backupKeep")
        self.keep_spin.setRange(KEEP.low or 1, KEEP.high or 1)
        self.keep_spin.setValue(self.session.workspace.backups.keep())

        form = QFormLayout()
        form.addRow(self.tr("Last backup:"), self.last_label)
        form.addRow(self.tr("Next backup:"), self.next_label)
        form.addRow("", at_start(self.backup_now_button))
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setBuddy(self.folder_edit)
        form.addRow(
            folder_label,
            with_error(
                folder_cell,
                self.folder_error,
                note_label(
                    self.tr("Best on another disk or a network share. Default: {folder}").format(
                        folder=self._default_folder()
                    )
                ),
            ),
        )
        keep_label = QLabel(self.tr("&Keep the newest:"))
        keep_label.setBuddy(self.keep_spin)
        form.addRow(keep_label, at_start(self.keep_spin))
        self.body.addLayout(form)
        self.body.addStretch(1)
        self.watch(self.folder_edit, self.keep_spin)
        self.finish()

    def _default_folder(self) -> Path:
        from counter_app.services.operations.backups import DAILY_FOLDER

        return self.session.workspace.data_dir / DAILY_FOLDER

    def load(self) -> None:
        backups = self.session.workspace.backups
        chosen = backups.folder()
        self.folder_edit.setText("" if chosen == self._default_folder() else str(chosen))
        self.folder_edit.setPlaceholderText(str(self._default_folder()))
        self.keep_spin.setValue(backups.keep())
        self.folder_error.clear_problem()
        self.show_state(backups.state(self.session.clock()))

    def show_state(self, state: BackupState) -> None:
        if state.last_at is None:
            last = self.tr("None yet.")
        elif state.last_ok:
            last = self.tr("{when}, {size}: {path}").format(
                when=formatting.moment(state.last_at),
                size=size_text(state.last_size),
                path=state.last_path,
            )
        else:
            reason = state.last_error.message(self.lang) if state.last_error else ""
            last = self.tr("{when}: FAILED. {reason}").format(
                when=formatting.moment(state.last_at), reason=reason
            )
            if state.last_success_at is not None:
                last += " " + self.tr("The last good one: {when}.").format(
                    when=formatting.moment(state.last_success_at)
                )
        self.last_label.setText(last)
        self.next_label.setText(formatting.moment(state.next_due))

    def validate(self) -> bool:
        text = self.folder_edit.text().strip()
        if text and not Path(text).expanduser().is_absolute():
            self.folder_error.show_problem(
                self.tr("Give the whole path of the folder, e.g. D:\\Backups or /mnt/backups.")
            )
            self.folder_edit.setFocus()
            return False
        self.folder_error.clear_problem()
        return True

    def write(self) -> str:
        backups = self.session.workspace.backups
        backups.set_schedule(
            self.folder_edit.text().strip(), self.keep_spin.value(), by=self.session.user
        )
        self.show_state(backups.state(self.session.clock()))
        return self.tr("Backup settings saved.")

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder of the daily backups"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)
            self.mark_dirty()

    def back_up_now(self) -> None:
        """A backup into the daily folder now, in the background (it counts as today's)."""
        self.backup_now_button.setEnabled(False)
        self.last_label.setText(self.tr("Backing up…"))
        backups = self.session.workspace.backups
        self.tasks.run(
            "backup", lambda: backups.run_daily(force=True), self._backed_up, self._failed
        )

    def _backed_up(self, summary: BackupSummary) -> None:
        self.backup_now_button.setEnabled(True)
        self.show_state(self.session.workspace.backups.state())
        self.session.messages.info(
            self.tr("Backup saved: {path} ({size}).").format(
                path=summary.path, size=size_text(summary.size)
            )
        )

    def _failed(self, error: Exception) -> None:
        self.backup_now_button.setEnabled(True)
        self.show_state(self.session.workspace.backups.state())
        if not isinstance(error, CounterError):
            raise error
        notify.show_error(self, error.message(self.lang))

    def focus_first(self) -> None:
        self.backup_now_button.setFocus()
