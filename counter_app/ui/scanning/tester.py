"""The scanner test on the settings page: scan something, see what the desk received.

It shows every key with the pause before it, the text, and the verdict (a scan and what it
reads as, or typing and why), so an administrator can set the prefix, suffix, terminators
and intervals of a scanner. It runs its own filter with the settings being edited, which
decides instead of the window's while the test is on screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.scan import ScanKind, ScanResult
from counter_app.ui.scanning.burst import Burst, KeyInput, KeyKind, Reason, Typing
from counter_app.ui.scanning.filter import Clock, ScannerFilter, refusal
from counter_app.ui.scanning.settings import ScannerSettings

# Keys further apart than this belong to a new attempt: the table starts again.
RUN_GAP_MS = 1000
_SHOWN = {KeyKind.BACKSPACE: "⌫", KeyKind.ENTER: "⏎", KeyKind.TAB: "⇥"}


class ScannerTestWidget(QWidget):
    def __init__(
        self,
        settings: ScannerSettings | None = None,
        lang: str = "vi",
        clock: Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.filter = ScannerFilter(settings, lang, clock, self)
        self._run: list[KeyInput] = []

        hint = QLabel(
            self.tr(
                "Scan a dossier code or a citizen ID card while the box below has the focus. "
                "Every key is listed with the pause before it."
            )
        )
        hint.setWordWrap(True)
        self.input_edit = QLineEdit()
        self.input_edit.setObjectName("scanInput")
        self.input_edit.setPlaceholderText(self.tr("Scan here"))
        self.clear_button = QPushButton(self.tr("C&lear"))
        self.clear_button.clicked.connect(self.clear)
        self.limits_label = self._label("scanLimits", muted=True)
        self.verdict_label = self._label("scanVerdict", bold=True)
        self.result_label = self._label("scanResult")
        self.warning_label = self._label("scanWarning")
        self.received_label = self._label("scanReceived")
        self.timing_label = self._label("scanTiming", muted=True)

        self.keys_table = QTableWidget(0, 3)
        self.keys_table.setObjectName("scanKeys")
        self.keys_table.setHorizontalHeaderLabels(["#", self.tr("Key"), self.tr("After (ms)")])
        self.keys_table.verticalHeader().setVisible(False)
        self.keys_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.keys_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keys_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        row = QHBoxLayout()
        row.addWidget(self.input_edit, 1)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.limits_label)
        layout.addLayout(row)
        for label in (
            self.verdict_label,
            self.result_label,
            self.warning_label,
            self.received_label,
            self.timing_label,
        ):
            layout.addWidget(label)
        layout.addWidget(self.keys_table, 1)

        self.filter.sig_key.connect(self._on_key)
        self.filter.sig_burst.connect(self._on_burst)
        self.filter.sig_typing.connect(self._on_typing)
        self.filter.sig_scanned.connect(self._on_scanned)
        self._show_limits()

    def _label(self, name: str, *, bold: bool = False, muted: bool = False) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if bold:
            font = QFont(label.font())
            font.setBold(True)
            label.setFont(font)
        if muted:
            label.setEnabled(False)
        return label

    def set_settings(self, settings: ScannerSettings) -> None:
        """Test with the settings as edited, before they are saved."""
        self.filter.set_settings(settings)
        self._show_limits()

    def clear(self) -> None:
        self._new_run()
        self.input_edit.clear()
        self.input_edit.setFocus()

    def _new_run(self) -> None:
        self._run = []
        self.keys_table.setRowCount(0)
        for label in (
            self.verdict_label,
            self.result_label,
            self.warning_label,
            self.received_label,
            self.timing_label,
        ):
            label.clear()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.filter.install()
        self.input_edit.setFocus()

    def hideEvent(self, event: QHideEvent) -> None:
        self.filter.uninstall()
        super().hideEvent(event)

    # --- what the filter saw

    def _on_key(self, key: KeyInput) -> None:
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            return  # typed into the settings around the test
        if self._run and key.at_ms - self._run[-1].at_ms > RUN_GAP_MS:
            self._new_run()
        after = f"{key.at_ms - self._run[-1].at_ms:.0f}" if self._run else ""
        self._run.append(key)
        row = self.keys_table.rowCount()
        self.keys_table.insertRow(row)
        for column, text in enumerate((str(row + 1), self._describe(key), after)):
            item = QTableWidgetItem(text)
            if column != 1:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.keys_table.setItem(row, column, item)
        self.keys_table.scrollToBottom()
        received = "".join(_SHOWN.get(k.kind, k.text) for k in self._run)
        self.received_label.setText(self.tr("Received: {keys}").format(keys=received))
        gaps = [b.at_ms - a.at_ms for a, b in zip(self._run, self._run[1:], strict=False)]
        self.timing_label.setText(
            self.tr("{count} keys in {total} ms, longest pause {gap} ms").format(
                count=len(self._run),
                total=f"{self._run[-1].at_ms - self._run[0].at_ms:.0f}",
                gap=f"{max(gaps, default=0):.0f}",
            )
        )

    def _on_burst(self, burst: Burst) -> None:
        self.verdict_label.setText(
            self.tr("Recognised as a scan of {count} characters.").format(count=len(burst.text))
        )
        self.warning_label.setText(
            self.tr(
                "The Vietnamese input method changed keys during this scan: switch it off "
                "on this computer before scanning."
            )
            if burst.input_method
            else ""
        )

    def _on_typing(self, typing: Typing) -> None:
        if not any(key in self._run for key in typing.keys):
            return  # an earlier attempt
        self.verdict_label.setText(
            self.tr("Taken as typing: {reason}.").format(reason=self._reason(typing))
        )
        self.result_label.clear()
        self.warning_label.clear()

    def _on_scanned(self, result: ScanResult) -> None:
        if result.kind is ScanKind.DOSSIER and result.code is not None:
            text = self.tr("Dossier code {code}").format(code=str(result.code))
        elif result.kind is ScanKind.CITIZEN_ID and result.card is not None:
            text = self.tr("Citizen ID card {number}: {name}").format(
                number=result.card.id_number, name=result.card.full_name
            )
        else:
            text = self.tr("Not usable: {reason}").format(reason=refusal(result, self.filter.lang))
        self.result_label.setText(text)

    # --- words

    def _describe(self, key: KeyInput) -> str:
        if key.kind is KeyKind.TEXT:
            return key.text if key.text.strip() else self.tr("Space")
        if key.kind is KeyKind.COMMIT:
            return self.tr("Input method: {text}").format(text=key.text)
        names = {
            KeyKind.BACKSPACE: self.tr("Backspace"),
            KeyKind.ENTER: self.tr("Enter"),
            KeyKind.TAB: self.tr("Tab"),
        }
        return names.get(key.kind, self.tr("Another key"))

    def _terminators(self) -> str:
        names = {"enter": self.tr("Enter"), "tab": self.tr("Tab")}
        chosen = [names[name] for name in self.filter.settings.terminators]
        if len(chosen) == 2:
            return self.tr("{first} or {second}").format(first=chosen[0], second=chosen[1])
        return chosen[0] if chosen else self.tr("a pause")

    def _show_limits(self) -> None:
        settings = self.filter.settings
        self.limits_label.setText(
            self.tr(
                "A scan: at most {interval} ms between keys, at least {length} characters, "
                "ending with {end}."
            ).format(
                interval=settings.max_interval_ms,
                length=settings.min_length,
                end=self._terminators(),
            )
        )

    def _reason(self, typing: Typing) -> str:
        settings = self.filter.settings
        reasons = {
            Reason.GAP: self.tr("a pause of {gap} ms between two keys (the limit is {limit} ms)"),
            Reason.SETTLED: self.tr("the keys stopped without {end}"),
            Reason.SHORT: self.tr("fewer than {length} characters"),
            Reason.KEY: self.tr("a key that scanners do not send"),
            Reason.PREFIX: self.tr("it does not begin with the prefix {prefix}"),
            Reason.SUFFIX: self.tr("it does not end with the suffix {suffix}"),
            Reason.LONG: self.tr("more keys than any scan has"),
        }
        return reasons[typing.reason].format(
            gap=f"{typing.gap_ms or 0:.0f}",
            limit=settings.max_interval_ms,
            end=self._terminators(),
            length=settings.min_length,
            prefix=settings.prefix,
            suffix=settings.suffix,
        )
