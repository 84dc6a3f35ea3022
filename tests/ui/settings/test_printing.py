"""The printing section: the automatic receipt and a printer per kind of paper."""

from __future__ import annotations

from counter_app.services.printing import PaperKind
from counter_app.ui.printing.choice import PrintSettings
from counter_app.ui.settings.printing import PrintingSection


class TwoPrinters:
    def printers(self) -> list[str]:
        return ["HP-LaserJet-A4", "Xprinter-Labels"]

    def default_printer(self) -> str:
        return "HP-LaserJet-A4"


def test_printers_per_paper_and_the_automatic_receipt_are_saved(qtbot, session, infos):
    section = PrintingSection(session, backend=TwoPrinters())
    qtbot.addWidget(section)
    assert section.auto_receipt_check.isChecked()  # on by default
    section.auto_receipt_check.setChecked(False)
    labels = section.printer_combos[PaperKind.LABEL]
    labels.setCurrentIndex(labels.findData("Xprinter-Labels"))
    assert section.save()
    chosen = PrintSettings(session.workspace.settings)
    assert chosen.auto_receipt() is False
    assert chosen.printer_for(PaperKind.LABEL) == "Xprinter-Labels"
    assert chosen.printer_for(PaperKind.RECEIPT) == ""  # the system's default
    assert infos


def test_a_remembered_printer_no_longer_installed_is_shown_as_such(qtbot, session):
    PrintSettings(session.workspace.settings).remember(PaperKind.RECEIPT, "Old-Printer")
    section = PrintingSection(session, backend=TwoPrinters())
    qtbot.addWidget(section)
    combo = section.printer_combos[PaperKind.RECEIPT]
    assert combo.currentData() == "Old-Printer"
    assert "Old-Printer" in combo.currentText()
