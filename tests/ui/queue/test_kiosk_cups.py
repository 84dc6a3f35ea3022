"""The kiosk printing through Qt on a real CUPS printer (`queue.printer` = `qt:NAME`): the ticket
comes out of CUPS as a PDF whose text says the number and the area and whose QR, read from
the page as a phone would, opens the queue's follow page. A printer CUPS does not know is a
clear refusal, and the ticket keeps its place. `queue take --print` reaches the same kind of
printer through the spooler."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import Qt, QThreadPool

from counter_app.services.queue import open_queue
from counter_app.ui.queue.kiosk import KioskWindow
from counter_app.ui.workers import Tasks
from tests.cli.test_cli import ok_json, run_cli
from tests.ui.queue.conftest import CupsServer

FOLLOW = "https://dichvucong.langson.gov.vn/hang-doi"
CENTRE = "Trung tâm Phục vụ hành chính công xã Hoàng Đồng"


def open_kiosk(qtbot, workspace, printer: str) -> KioskWindow:  # type: ignore[no-untyped-def]
    workspace.settings.set("queue.printer", printer)
    workspace.settings.set("queue.follow_url", FOLLOW)
    workspace.settings.set("counter.name", CENTRE)
    kiosk = KioskWindow(workspace, workspace.data_dir, "en")
    # Threads of their own: libcups keeps, per thread, the server it first spoke to, and the
    # global pool's threads may have met the machine's own CUPS in an earlier test.
    kiosk.tasks = Tasks(kiosk, QThreadPool(kiosk))
    qtbot.addWidget(kiosk)
    kiosk.show()
    return kiosk


def test_a_ticket_prints_through_qt_on_a_cups_printer(
    qtbot, workspace, cups_server: CupsServer, tmp_path: Path
) -> None:
    output = cups_server.add_pdf_printer("Kiosk_Tickets")
    kiosk = open_kiosk(qtbot, workspace, "qt:Kiosk_Tickets")
    with qtbot.waitSignal(kiosk.sig_printed, timeout=60_000) as printed:
        qtbot.mouseClick(kiosk.area_buttons["B"], Qt.MouseButton.LeftButton)
    taken = printed.args[0]
    qtbot.waitUntil(lambda: cups_server.printed("Kiosk_Tickets", output), timeout=60_000)

    text = subprocess.run(
        ["pdftotext", "-layout", str(output), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert taken.ticket.label == "1" and "1" in lines  # the number, on a line of its own
    assert taken.area.name in lines and "SỐ THỨ TỰ" in lines
    assert "Hoàng Đồng" in text and "Số người chờ trước bạn: 0" in lines

    assert qr_codes(output, tmp_path) == [f"{FOLLOW}?day={taken.ticket.day.isoformat()}&ticket=1"]


def qr_codes(printed: Path, folder: Path) -> list[str]:
    """The QR codes on the printed page, read from a picture of it as a phone would."""
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-singlefile", str(printed), str(folder / "page")],
        check=True,
        timeout=60,
    )
    with Image.open(folder / "page.png") as page:
        return [code.text for code in zxingcpp.read_barcodes(page.convert("L"))]


@pytest.mark.slow  # runs the real program as a process
def test_queue_take_print_reaches_the_cups_printer_through_its_spooler(
    qtbot, workspace, cups_server: CupsServer, tmp_path: Path
) -> None:
    output = cups_server.add_pdf_printer("Desk_Tickets")
    workspace.settings.set("queue.printer", "qt:Desk_Tickets")
    workspace.settings.set("queue.follow_url", FOLLOW)
    taken = ok_json(run_cli(workspace.data_dir, "queue", "take", "A", "--print"))
    qtbot.waitUntil(lambda: cups_server.printed("Desk_Tickets", output), timeout=60_000)
    assert qr_codes(output, tmp_path) == [f"{FOLLOW}?day={taken['taken_at'][:10]}&ticket=1"]


def test_a_printer_cups_does_not_know_is_a_refusal_and_the_ticket_waits(
    qtbot, workspace, cups_server: CupsServer
) -> None:
    kiosk = open_kiosk(qtbot, workspace, "qt:Unplugged_Printer")
    with qtbot.waitSignal(kiosk.sig_failed, timeout=60_000) as failed:
        qtbot.mouseClick(kiosk.area_buttons["A"], Qt.MouseButton.LeftButton)
    assert failed.args[0].ticket.label == "1"
    shown = kiosk.result_text.text()
    assert "Unplugged_Printer" in shown and "keeps its place" in shown
    assert kiosk.print_again.isVisible()
    with open_queue(workspace.settings, workspace.data_dir) as queue:
        assert [(c.area, c.waiting) for c in queue.status() if c.waiting] == [("A", 1)]
