"""Printing settings: print the receipt after each intake or not, and which printer takes each
kind of paper (the receipt on the A4 printer, the folder label on the label printer)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QWidget

from counter_app.services.printing import PaperKind
from counter_app.services.printing.backend import PrinterBackend, QtPrinterBackend
from counter_app.ui.printing.choice import PRINTERS_KEY, PrintSettings
from counter_app.ui.printing.texts import paper_label
from counter_app.ui.session import Session
from counter_app.ui.settings.widgets import Section, note_label


class PrintingSection(Section):
    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        backend: PrinterBackend | None = None,
    ) -> None:
        super().__init__(
            session,
            self.tr("Printing"),
            self.tr(
                "The printer chosen in a preview is remembered for that kind of paper; it can "
                "also be set here."
            ),
            parent=parent,
        )
        self._backend = backend or QtPrinterBackend()
        self.auto_receipt_check = QCheckBox(
            self.tr("Print the &receipt as soon as a dossier is saved")
        )
        self.auto_receipt_check.setObjectName("autoReceipt")
        form = QFormLayout()
        form.addRow(self.auto_receipt_check)
        self.printer_combos: dict[PaperKind, QComboBox] = {}
        known = self._backend.printers()
        for kind in PaperKind:
            combo = QComboBox()
            combo.setObjectName(f"printer-{kind.value}")
            combo.addItem(self.tr("The system's default printer"), "")
            for name in known:
                combo.addItem(name, name)
            self.printer_combos[kind] = combo
            form.addRow(QLabel(paper_label(kind)), combo)
        if not known:
            form.addRow(note_label(self.tr("The operating system knows no printer yet.")))
        self.body.addLayout(form)
        self.body.addStretch(1)
        self.watch(self.auto_receipt_check, *self.printer_combos.values())
        self.finish()

    def load(self) -> None:
        chosen = PrintSettings(self.session.workspace.settings)
        self.auto_receipt_check.setChecked(chosen.auto_receipt())
        for kind, combo in self.printer_combos.items():
            name = chosen.printer_for(kind)
            if name and combo.findData(name) < 0:
                combo.addItem(self.tr("{name} (not installed now)").format(name=name), name)
            combo.setCurrentIndex(max(combo.findData(name), 0))

    def write(self) -> str:
        settings = self.session.workspace.settings
        PrintSettings(settings).set_auto_receipt(self.auto_receipt_check.isChecked())
        settings.change(
            PRINTERS_KEY,
            {
                kind.value: combo.currentData()
                for kind, combo in self.printer_combos.items()
                if combo.currentData()
            },
            self.session.user,
        )
        return self.tr("Printing settings saved.")

    def focus_first(self) -> None:
        self.auto_receipt_check.setFocus()
