"""How the handheld scanner is told apart from typing: its prefix and suffix, the keys that end
a scan, and its timings. The scanner work owns the meaning of these fields; this section edits
them and keeps any other field of the stored value as it is."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.ui.scanning.settings import ScannerSettings
from counter_app.ui.scanning.tester import ScannerTestWidget
from counter_app.ui.session import Session
from counter_app.ui.settings import values
from counter_app.ui.settings.values import (
    ENTER,
    SCANNER_NUMBERS,
    SCANNER_TEXT_MAX,
    TAB,
    TERMINATORS,
)
from counter_app.ui.settings.widgets import (
    FieldError,
    Section,
    focus_first_problem,
    note_label,
    with_error,
)


class ScannerSection(Section):
    sig_edited = Signal(dict)
    """The scanner dict as edited, not saved yet (dict): for the scanner test to try it."""

    @staticmethod
    def _tester_settings(edited: dict) -> ScannerSettings:
        """The test field follows the fields as edited, before they are saved."""
        return ScannerSettings.from_dict(edited)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(
            session,
            self.tr("Scanner"),
            self.tr(
                "The handheld scanner types like a keyboard, only much faster. These values "
                "let the window tell a scan from a person typing."
            ),
            parent=parent,
        )
        self.prefix_edit = self._text_edit("scannerPrefix")
        self.suffix_edit = self._text_edit("scannerSuffix")
        self.prefix_error = FieldError("scannerPrefixError")
        self.suffix_error = FieldError("scannerSuffixError")
        self.enter_check = QCheckBox(self.tr("&Enter"))
        self.enter_check.setObjectName("terminatorEnter")
        self.tab_check = QCheckBox(self.tr("&Tab"))
        self.tab_check.setObjectName("terminatorTab")
        self.number_spins: dict[str, QSpinBox] = {}
        for name, spec in SCANNER_NUMBERS.items():
            spin = QSpinBox()
            spin.setObjectName(name)
            spin.setRange(spec.low, spec.high)
            spin.setAccelerated(True)
            self.number_spins[name] = spin
        self.number_spins["max_interval_ms"].setSuffix(self.tr(" ms"))
        self.number_spins["settle_ms"].setSuffix(self.tr(" ms"))
        self.number_spins["min_length"].setSuffix(self.tr(" characters"))

        self.settle_error = FieldError("settleError")
        terminators = QHBoxLayout()
        terminators.addWidget(self.enter_check)
        terminators.addWidget(self.tab_check)
        terminators.addStretch(1)
        terminators_cell = QVBoxLayout()
        terminators_cell.setSpacing(2)
        terminators_cell.addLayout(terminators)
        terminators_cell.addWidget(
            note_label(self.tr("With neither, a scan ends when the keys stop coming."))
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._row(
            form,
            self.tr("&Prefix:"),
            self.prefix_edit,
            self.tr("Characters the scanner sends before each code; empty if none."),
            self.prefix_error,
        )
        self._row(
            form,
            self.tr("S&uffix:"),
            self.suffix_edit,
            self.tr("Characters the scanner sends after each code, before the ending key."),
            self.suffix_error,
        )
        ends_label = QLabel(self.tr("Scan ends with:"))
        ends_label.setBuddy(self.enter_check)
        form.addRow(ends_label, terminators_cell)
        self._row(
            form,
            self.tr("Lon&gest pause between characters:"),
            self.number_spins["max_interval_ms"],
            self.tr("A scan types faster than this; people type slower."),
        )
        self._row(
            form,
            self.tr("Shortest s&can:"),
            self.number_spins["min_length"],
            self.tr("Shorter bursts are taken as typing."),
        )
        self._row(
            form,
            self.tr("&Wait after the last character:"),
            self.number_spins["settle_ms"],
            self.tr(
                "How long a key is held back while it could still be the start of a scan; "
                "no shorter than the longest pause."
            ),
            self.settle_error,
        )
        self.scanner_test_area = QGroupBox(self.tr("Scanner test"))
        self.scanner_test_area.setObjectName("scannerTestArea")
        test_layout = QVBoxLayout(self.scanner_test_area)
        self._loading = False
        self.tester = ScannerTestWidget(ScannerSettings(), session.lang)
        test_layout.addWidget(self.tester)
        self.sig_edited.connect(
            lambda edited: self.tester.set_settings(self._tester_settings(edited))
        )

        self.body.addLayout(form)
        self.body.addWidget(self.scanner_test_area, 1)
        self.watch(
            self.prefix_edit,
            self.suffix_edit,
            self.enter_check,
            self.tab_check,
            *self.number_spins.values(),
        )
        for edit in (self.prefix_edit, self.suffix_edit):
            edit.textChanged.connect(self._edited)
        for check in (self.enter_check, self.tab_check):
            check.toggled.connect(self._edited)
        for spin in self.number_spins.values():
            spin.valueChanged.connect(self._edited)
        self.finish()

    def _edited(self, *_: object) -> None:
        if not self._loading:
            self.sig_edited.emit(self.value())

    def _text_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setMaxLength(SCANNER_TEXT_MAX * 2)
        edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("M" * 20))
        return edit

    def _row(
        self,
        form: QFormLayout,
        caption: str,
        field: QWidget,
        note: str,
        error: FieldError | None = None,
    ) -> None:
        label = QLabel(caption)
        label.setBuddy(field)
        form.addRow(label, with_error(field, error or FieldError(""), note_label(note)))

    def load(self) -> None:
        self._loading = True  # the fields change one by one: the test waits for all of them
        try:
            self._load()
        finally:
            self._loading = False
        self._edited()

    def _load(self) -> None:
        stored = values.scanner(self.session.workspace.settings)
        self.prefix_edit.setText(str(stored.get("prefix") or ""))
        self.suffix_edit.setText(str(stored.get("suffix") or ""))
        kinds = values.terminator_kinds(stored.get("terminators"))
        self.enter_check.setChecked(ENTER in kinds)
        self.tab_check.setChecked(TAB in kinds)
        for name, spin in self.number_spins.items():
            spin.setValue(SCANNER_NUMBERS[name].read(stored.get(name)))
        for error in (self.prefix_error, self.suffix_error, self.settle_error):
            error.clear_problem()

    def validate(self) -> bool:
        checks = ((self.prefix_edit, self.prefix_error), (self.suffix_edit, self.suffix_error))
        for edit, error in checks:
            if len(edit.text()) > SCANNER_TEXT_MAX:
                error.show_problem(self.tr("At most {n} characters.").format(n=SCANNER_TEXT_MAX))
            elif not edit.text().isprintable():
                error.show_problem(self.tr("Only characters a keyboard types."))
            else:
                error.clear_problem()
        interval = self.number_spins["max_interval_ms"].value()
        if self.number_spins["settle_ms"].value() < interval:
            self.settle_error.show_problem(
                self.tr("At least the longest pause between characters ({n} ms).").format(
                    n=interval
                )
            )
        else:
            self.settle_error.clear_problem()
        problems: list[tuple[FieldError, QWidget]] = [(error, edit) for edit, error in checks]
        problems.append((self.settle_error, self.number_spins["settle_ms"]))
        focus_first_problem(problems)
        return not any(error.text() for error, _ in problems)

    def value(self) -> dict[str, object]:
        """The dict to store: what is stored, with the fields of this section as edited."""
        merged = values.scanner(self.session.workspace.settings)
        checks = {ENTER: self.enter_check, TAB: self.tab_check}
        merged["prefix"] = self.prefix_edit.text()
        merged["suffix"] = self.suffix_edit.text()
        merged["terminators"] = [kind for kind in TERMINATORS if checks[kind].isChecked()]
        for name, spin in self.number_spins.items():
            merged[name] = spin.value()
        return merged

    def write(self) -> str:
        self.session.workspace.settings.change(values.SCANNER.key, self.value(), self.session.user)
        return self.tr("Scanner settings saved.")

    def focus_first(self) -> None:
        self.prefix_edit.setFocus()
