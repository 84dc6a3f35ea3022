"""The kiosk: a touch on an area prints a ticket; a priority case is numbered apart; a printer
out of paper keeps the ticket on screen with "Print again", and the ticket keeps its place."""

from __future__ import annotations

from escpos.constants import RT_MASK_NOPAPER, RT_MASK_PAPER
from escpos.printer import Dummy
from PySide6.QtCore import Qt

from counter_app.services.queue import open_queue
from counter_app.services.queue.ticket import TicketPrinter
from counter_app.ui.queue.kiosk import KioskWindow


class ThermalPrinter(Dummy):
    """One printer for the whole test: its paper runs out and is loaded again."""

    paper = True
    printed = 0

    def _read(self) -> bytes:
        return bytes([RT_MASK_PAPER if ThermalPrinter.paper else RT_MASK_NOPAPER])

    def cut(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().cut(*args, **kwargs)
        ThermalPrinter.printed += 1


def open_kiosk(qtbot, workspace) -> KioskWindow:  # type: ignore[no-untyped-def]
    ThermalPrinter.paper, ThermalPrinter.printed = True, 0
    kiosk = KioskWindow(
        workspace,
        workspace.data_dir,
        "en",
        printer=TicketPrinter(ThermalPrinter, has_status=True),
    )
    qtbot.addWidget(kiosk)
    kiosk.resize(1280, 720)
    kiosk.show()
    return kiosk


def test_touching_an_area_prints_a_ticket(qtbot, workspace) -> None:
    kiosk = open_kiosk(qtbot, workspace)
    with qtbot.waitSignal(kiosk.sig_printed) as printed:
        qtbot.mouseClick(kiosk.area_buttons["A"], Qt.MouseButton.LeftButton)
    assert printed.args[0].ticket.label == "1" and ThermalPrinter.printed == 1
    assert kiosk.result_text.text().startswith("Your number: 1\nTư pháp – Hộ tịch")
    assert not kiosk.print_again.isVisible()

    elderly = kiosk.priority.buttons()[0]
    qtbot.mouseClick(elderly, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(kiosk.sig_printed) as printed:
        qtbot.mouseClick(kiosk.area_buttons["A"], Qt.MouseButton.LeftButton)
    taken = printed.args[0]
    assert (taken.ticket.label, taken.ticket.priority, taken.ahead) == ("Ư1", "elderly", 0)
    assert not elderly.isChecked()  # the next citizen starts afresh


def test_paper_out_keeps_the_ticket_until_printed_again(qtbot, workspace) -> None:
    kiosk = open_kiosk(qtbot, workspace)
    ThermalPrinter.paper = False
    with qtbot.waitSignal(kiosk.sig_failed) as failed:
        qtbot.mouseClick(kiosk.area_buttons["B"], Qt.MouseButton.LeftButton)
    assert failed.args[0].ticket.label == "1"
    shown = kiosk.result_text.text()
    assert "out of paper" in shown and "keeps its place" in shown
    assert kiosk.print_again.isVisible() and len(kiosk.unprinted) == 1
    with open_queue(workspace.settings, workspace.data_dir) as queue:
        assert [(c.area, c.waiting) for c in queue.status() if c.waiting] == [("B", 1)]

    ThermalPrinter.paper = True
    with qtbot.waitSignal(kiosk.sig_printed) as printed:
        qtbot.mouseClick(kiosk.print_again, Qt.MouseButton.LeftButton)
    assert printed.args[0].ticket.label == "1"  # the same ticket, not a new number
    assert kiosk.unprinted == [] and ThermalPrinter.printed == 1
