"""Choosing the scanner (SANE on Linux, WIA on Windows): which device, its source (feeder or
glass), resolution and colour. Looking for devices is slow (SANE asks network backends too), so
it runs in the background; the dialog is usable meanwhile and says it is looking."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import CounterError
from counter_app.services.digitising.sources import (
    COLOUR,
    FEEDER,
    FLATBED,
    GREY,
    RESOLUTIONS,
    SaneChoice,
    ScannerDevice,
    ScannerDriver,
)
from counter_app.ui import theme
from counter_app.ui.workers import Tasks


class ScannerDialog(QDialog):
    """`driver` lists the scanners (SANE or WIA); `current` the stored choice, preselected when
    its device is found again; `problem` says why the choice is offered again (a scanner gone)."""

    def __init__(
        self,
        driver: ScannerDriver,
        lang: str,
        current: SaneChoice | None = None,
        problem: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose the scanner"))
        self.setMinimumWidth(520)
        self._driver = driver
        self._lang = lang
        self._current = current
        self.devices: list[ScannerDevice] = []
        self.tasks = Tasks(self)

        self.problem_label = QLabel(problem)
        self.problem_label.setObjectName("scannerProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(f"color: {theme.ERROR_TEXT.name()};")
        self.problem_label.setVisible(bool(problem))
        self.device_combo = QComboBox()
        self.device_combo.setObjectName("scannerDevice")
        self.device_combo.setMinimumContentsLength(28)
        self.look_button = QPushButton(self.tr("Look again"))
        self.look_button.setObjectName("lookForScanners")
        self.look_button.setAutoDefault(False)
        self.look_button.clicked.connect(self.look)
        self.status_label = QLabel()
        self.status_label.setObjectName("scannerStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet(f"color: {theme.MUTED_TEXT.name()};")
        self.source_combo = self._combo(
            "scannerSource",
            [
                (self.tr("Document feeder (every sheet)"), FEEDER),
                (self.tr("Glass (one page)"), FLATBED),
            ],
        )
        self.resolution_combo = self._combo(
            "scannerResolution",
            [(self.tr("{dpi} dpi").format(dpi=dpi), dpi) for dpi in RESOLUTIONS],
        )
        self.mode_combo = self._combo(
            "scannerMode", [(self.tr("Grey"), GREY), (self.tr("Colour"), COLOUR)]
        )
        chosen = current or SaneChoice("")
        for combo, value in (
            (self.source_combo, chosen.source),
            (self.resolution_combo, chosen.resolution),
            (self.mode_combo, chosen.mode),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))

        device_row = QHBoxLayout()
        device_row.addWidget(self.device_combo, 1)
        device_row.addWidget(self.look_button)
        form = QFormLayout()
        label = QLabel(self.tr("&Scanner:"))
        label.setBuddy(self.device_combo)
        form.addRow(label, device_row)
        for caption, field in (
            (self.tr("S&ource:"), self.source_combo),
            (self.tr("&Resolution:"), self.resolution_combo),
            (self.tr("&Colour:"), self.mode_combo),
        ):
            if driver.settings_apply:  # WIA scans as its own driver is set up
                label = QLabel(caption)
                label.setBuddy(field)
                form.addRow(label, field)
            else:
                field.hide()
        form.addRow("", self.status_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Use this scanner"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem_label)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.look()

    @staticmethod
    def _combo(name: str, entries: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for text, value in entries:
            combo.addItem(text, value)
        return combo

    def look(self) -> None:
        """List the scanners the driver sees now (in the background)."""
        self.device_combo.clear()
        self.device_combo.setEnabled(False)
        self.ok_button.setEnabled(False)
        self.look_button.setEnabled(False)
        self.status_label.setText(self.tr("Looking for scanners…"))
        self.tasks.run("devices", self._driver.devices, self._found, self._not_found)

    def _found(self, devices: list[ScannerDevice]) -> None:
        self.devices = devices
        self.look_button.setEnabled(True)
        for device in devices:
            self.device_combo.addItem(f"{device.label} ({device.name})", device.name)
        if not devices:
            self.status_label.setText(
                self.tr("No scanner found. Switch it on, check the cable, then look again.")
            )
            return
        if self._current is not None:
            self.device_combo.setCurrentIndex(
                max(0, self.device_combo.findData(self._current.device))
            )
        self.device_combo.setEnabled(True)
        self.ok_button.setEnabled(True)
        self.status_label.setText(self.tr("{n} scanner(s) found.").format(n=len(devices)))
        self.device_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def _not_found(self, error: Exception) -> None:
        if not isinstance(error, CounterError):
            raise error
        self._found([])
        self.status_label.setText(error.message(self._lang))

    def choice(self) -> SaneChoice | None:
        """The scanner and settings picked; None while no scanner is listed."""
        index = self.device_combo.currentIndex()
        if index < 0 or index >= len(self.devices):
            return None
        device = self.devices[index]
        return SaneChoice(
            device.name,
            device.label,
            self.source_combo.currentData(),
            self.resolution_combo.currentData(),
            self.mode_combo.currentData(),
        )
