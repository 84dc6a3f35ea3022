"""The kiosk's ticket: the picture (Vietnamese text drawn, the QR readable), the ESC/POS bytes
a thermal printer receives (read back into the picture printed), and a printer out of paper:
a clear refusal, the ticket kept in the queue."""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from escpos.constants import RT_MASK_NOPAPER, RT_MASK_PAPER
from escpos.printer import Dummy
from PIL import Image

from counter_app.domain.errors import CounterError
from counter_app.services.queue import TakenTicket, open_queue
from counter_app.services.queue.ticket import (
    WIDTH_DOTS,
    TicketPrinter,
    follow_text,
    qt_printer_name,
    render_ticket,
    ticket_bytes,
)

CENTRE = "Trung tâm Phục vụ hành chính công xã Hoàng Đồng"
FOLLOW = "https://dichvucong.langson.gov.vn/hang-doi"


class PaperSensingPrinter(Dummy):
    """A printer answering the paper-sensor query as told (python-escpos reads one byte)."""

    def __init__(self, paper: bool) -> None:
        super().__init__()
        self.paper = paper

    def _read(self) -> bytes:
        return bytes([RT_MASK_PAPER if self.paper else RT_MASK_NOPAPER])


@pytest.fixture
def taken(ws) -> TakenTicket:  # type: ignore[no-untyped-def]
    with open_queue(ws.settings, ws.data_dir) as queue:
        queue.take("A")
        return queue.take("A", priority="elderly")


def qr_texts(image: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image.convert("L"))]


def raster_picture(data: bytes) -> Image.Image:
    """The picture an ESC/POS printer prints from GS v 0 raster blocks, stacked."""
    bands = []
    at = 0
    while (at := data.find(b"\x1dv0", at)) != -1:
        width_bytes = data[at + 4] + 256 * data[at + 5]
        height = data[at + 6] + 256 * data[at + 7]
        start = at + 8
        bits = data[start : start + width_bytes * height]
        band = Image.frombytes("1", (width_bytes * 8, height), bits)
        bands.append(Image.eval(band.convert("L"), lambda v: 255 - v))  # 1 = black dot
        at = start + len(bits)
    picture = Image.new("L", (bands[0].width, sum(b.height for b in bands)), 255)
    y = 0
    for band in bands:
        picture.paste(band, (0, y))
        y += band.height
    return picture


def test_the_ticket_says_number_area_time_ahead_wait_and_its_qr_follows_it(taken) -> None:
    assert taken.ticket.label == "Ư1" and taken.ahead == 0
    picture = render_ticket(taken, CENTRE, FOLLOW)
    assert picture.mode == "1" and picture.width == WIDTH_DOTS
    assert qr_texts(picture) == [f"{FOLLOW}?day={taken.ticket.day.isoformat()}&ticket=%C6%AF1"]
    assert follow_text(taken, "") == f"QUEUE:{taken.ticket.day.isoformat()}:A:Ư1"
    inked = picture.convert("L").histogram()[0]
    assert inked > 20_000  # the number, the lines of text and the QR are drawn


def test_the_bytes_sent_print_that_very_picture(taken) -> None:
    picture = render_ticket(taken, CENTRE, FOLLOW)
    data = ticket_bytes(picture)
    assert data.startswith(b"\x1dv0")  # a raster image (GS v 0), the paper's width
    assert data.endswith(b"\x1bd\x06\x1dV\x00")  # fed past the cutter, then a full cut
    printed = raster_picture(data)
    assert printed.height == picture.height
    assert qr_texts(printed) == qr_texts(picture)


def test_a_file_printer_receives_the_same_bytes(taken, tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    device.write_bytes(b"")
    printer = TicketPrinter.from_setting(f"file:{device}")
    assert printer is not None
    picture = render_ticket(taken, CENTRE)
    printer.print(taken, picture)
    assert device.read_bytes().endswith(ticket_bytes(picture))


def test_paper_out_is_a_clear_state_and_the_ticket_keeps_its_place(ws, taken) -> None:
    empty = PaperSensingPrinter(paper=False)
    printer = TicketPrinter(lambda: empty, has_status=True)
    with pytest.raises(CounterError) as refused:
        printer.print(taken, render_ticket(taken, CENTRE))
    assert refused.value.key == "queue.printer_paper_out"
    assert "Ư1" in refused.value.message("en") and "keeps its place" in refused.value.message("en")
    assert b"\x1dv0" not in empty.output  # nothing printed on no paper
    with open_queue(ws.settings, ws.data_dir) as queue:
        assert [(c.area, c.waiting) for c in queue.status() if c.waiting] == [("A", 2)]
    loaded = PaperSensingPrinter(paper=True)
    TicketPrinter(lambda: loaded, has_status=True).print(taken, render_ticket(taken, CENTRE))
    assert b"\x1dv0" in loaded.output


def test_an_unreachable_printer_and_a_bad_setting(taken) -> None:
    def unplugged() -> Dummy:
        raise OSError("USB device not found")

    with pytest.raises(CounterError) as refused:
        TicketPrinter(unplugged, has_status=True).print(taken, render_ticket(taken, CENTRE))
    assert refused.value.key == "queue.printer_unreachable"
    assert "USB device not found" in refused.value.message("en")
    with pytest.raises(CounterError) as bad:
        TicketPrinter.from_setting("usb:xyz").print(taken, render_ticket(taken, CENTRE))  # type: ignore[union-attr]
    assert bad.value.key in ("queue.printer_setting", "queue.printer_unreachable")
    assert TicketPrinter.from_setting("") is None  # any printer through Qt


@pytest.mark.parametrize(
    ("setting", "system_printer"),
    [
        ("", ""),  # the default printer
        ("qt:", ""),
        ("qt:Kiosk Tickets", "Kiosk Tickets"),
        ("qt:\\\\server\\HP LaserJet", "\\\\server\\HP LaserJet"),  # a shared Windows printer
        ("usb:0x04b8:0x0202", None),  # ESC/POS, not Qt's
        ("tcp:192.168.1.50", None),
        ("file:/dev/usb/lp0", None),
    ],
)
def test_the_printer_setting_names_a_system_printer_or_an_escpos_one(
    setting: str, system_printer: str | None
) -> None:
    assert qt_printer_name(setting) == system_printer


@pytest.mark.parametrize("setting", ["HP LaserJet", "usb", "lpt:1"])
def test_a_printer_setting_of_no_known_form_is_refused(setting: str) -> None:
    with pytest.raises(CounterError) as refused:
        qt_printer_name(setting)
    assert refused.value.key == "queue.printer_setting"
    assert "qt:PRINTER-NAME" in refused.value.message("en")


@pytest.mark.slow  # runs Python in a process of its own
def test_loading_python_escpos_leaves_no_folder_and_no_log_handler(tmp_path: Path) -> None:
    """python-escpos makes a temporary folder at each import and configures the root logger;
    the program's import leaves neither (a kiosk printing all day would fill /tmp)."""
    import os
    import subprocess
    import sys

    temporary, cache = tmp_path / "tmp", tmp_path / "cache"
    temporary.mkdir()
    script = (
        "import logging\n"
        "from counter_app.services.queue.ticket import load_escpos, roll_profile\n"
        "load_escpos(); roll_profile()\n"
        "print(len(logging.getLogger().handlers))\n"
    )
    env = {**os.environ, "TMPDIR": str(temporary), "COUNTER_APP_CACHE_DIR": str(cache)}
    env.pop("ESCPOS_CAPABILITIES_PICKLE_DIR", None)
    for _ in range(2):  # the profiles made, then read from the cache
        done = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        assert done.stdout.strip() == "0"
    assert list(temporary.iterdir()) == []
    assert [p.name.endswith(".capabilities.pickle") for p in (cache / "escpos").iterdir()] == [True]
