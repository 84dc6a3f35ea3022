"""Printing on a Windows printer through Qt's print system, under Wine (issue 15). Wine lists
the printers of CUPS (libcups2 in scripts/windows' chroot, the server named by CUPS_SERVER,
which scripts/windows passes on) as Windows printers; the installed program's `print receipt`
without -o prints on the default one through Qt's Windows print engine (GDI, which Wine turns
into PostScript for CUPS). The test's CUPS queue is a PDF printer, whose file the test reads:
the pages come out as pictures (the program draws each PDF page at the printer's resolution),
so the receipt is read back by its barcode."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from tests.packaging.test_frozen_bundle import INTAKE, decoded_codes
from tests.ui.queue.conftest import CupsServer
from tests.windows.conftest import TEST_PREFIX, counter_app

pytestmark = [pytest.mark.slow, pytest.mark.windows]

PRINTER = "May_in_quay_1"
DATA = r"C:\users\Nguyễn Văn An\In biên nhận"
DATA_ON_LINUX = TEST_PREFIX / "drive_c" / "users" / "Nguyễn Văn An" / "In biên nhận"
PRINT_TIMEOUT_S = 120


def test_print_receipt_goes_to_a_windows_printer_through_qt(
    installed: Path, tmp_path: Path, cups_server: CupsServer
):
    printed_pdf = cups_server.add_pdf_printer(PRINTER)
    cups_server.lp("lpadmin", "-d", PRINTER)  # Wine makes CUPS's default printer Windows' own
    shutil.rmtree(DATA_ON_LINUX, ignore_errors=True)
    counter_app("--data-dir", DATA, "init", "--demo", cwd=tmp_path)
    (tmp_path / "hồ sơ.json").write_text(json.dumps(INTAKE, ensure_ascii=False), "utf-8")
    taken = counter_app("--data-dir", DATA, "intake", "hồ sơ.json", "--user", "canbo", cwd=tmp_path)
    code = json.loads(taken)["code"]

    printed = json.loads(counter_app("--data-dir", DATA, "print", "receipt", code, cwd=tmp_path))
    assert printed["printer"] == PRINTER
    assert printed["pages"] == 1

    deadline = time.monotonic() + PRINT_TIMEOUT_S
    while not cups_server.printed(PRINTER, printed_pdf):
        assert time.monotonic() < deadline, cups_server.log()
        time.sleep(0.5)
    # Wine's printer takes Letter paper: the A4 receipt is shrunk onto it, finer than a
    # 200-dpi scan reads; at 300 dpi, as a counter's barcode reader sees paper, it reads.
    assert decoded_codes(printed_pdf, resolution=300) == [code], cups_server.log()
