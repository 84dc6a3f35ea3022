"""The barcode on every receipt and label decodes to the dossier code (zxing-cpp) from renderings
at 150, 200 and 300 dpi; the QR decodes to the status look-up address."""

from __future__ import annotations

import pytest
from reportlab.lib.units import inch, mm

from counter_app.domain.lifecycle import Action
from counter_app.services.printing.barcodes import QUIET_MODULES, code128_bars, code128_width
from counter_app.services.printing.label import module_for
from tests.conftest import CALENDAR, SAME_DAY, vn
from tests.printing.conftest import STATUS_URL, decoded, render_png

pytestmark = pytest.mark.slow  # renders and decodes every paper's barcode

DPIS = (150, 200, 300)


@pytest.fixture
def dossiers(make):  # type: ignore[no-untyped-def]
    """Codes of three agencies' sequences and procedures, so the symbols differ."""
    return [
        make(),
        make(SAME_DAY, at=vn(2025, 12, 31, 16, 55)),
        make(CALENDAR, at=vn(2025, 1, 2, 7, 1), full_name="Đỗ Thị Hương"),
    ]


@pytest.mark.parametrize("size", ["A4", "A5"])
def test_receipt_barcode_and_qr_decode(papers, dossiers, tmp_path, size):
    for dossier in dossiers:
        pdf = papers.receipt(dossier.code, size=size).pdf
        for dpi in DPIS:
            found = decoded(render_png(pdf, tmp_path, dpi))
            assert found.get("Code128") == [dossier.code], (size, dpi, found)
            assert found.get("QRCode") == [STATUS_URL.format(code=dossier.code)], (size, dpi)


@pytest.mark.parametrize("size", ["100x50", "a4"])
def test_label_barcode_decodes(papers, dossiers, tmp_path, size):
    for dossier in dossiers:
        pdf = papers.label(dossier.code, size=size).pdf
        for dpi in DPIS:
            found = decoded(render_png(pdf, tmp_path, dpi))
            assert found.get("Code128", [None])[0] == dossier.code, (size, dpi, found)


@pytest.mark.parametrize(("size", "dpi"), [("50x30", 203), ("60x40", 203), ("60x40", 300)])
def test_small_labels_decode_at_the_label_printers_resolution(
    papers, dossiers, ws, tmp_path, size, dpi
):
    """On a small roll the 308 modules of a 25-character code are whole printer dots (one dot,
    0.125 mm, on 50 mm at 203 dpi): what the printer prints is read at its own resolution (and
    its multiples); no 150-dpi picture can hold a 0.125 mm bar."""
    ws.settings.set("papers.label_printer_dpi", dpi)
    for dossier in dossiers:
        pdf = papers.label(dossier.code, size=size).pdf
        for scale in (1, 2):
            found = decoded(render_png(pdf, tmp_path, dpi * scale))
            assert found.get("Code128") == [dossier.code], (size, dpi * scale, found)


def test_other_papers_carry_the_barcode(papers, make, tmp_path):
    asked = make(moves=[(Action.REQUEST_SUPPLEMENT, "Bổ sung tờ khai", vn(2025, 4, 25, 8, 0))])
    for pdf in (papers.supplement_request(asked.code).pdf, papers.control_sheet(asked.code).pdf):
        assert decoded(render_png(pdf, tmp_path, 150)).get("Code128") == [asked.code]


def test_module_width_and_quiet_zones():
    code = "000.00.12.H37-250424-0001"
    count, bars = code128_bars(code)
    assert count == 288 and bars[0][0] == 0  # starts with a bar: the quiet zone is ours
    assert code128_width(code, 1) == count + 2 * QUIET_MODULES
    # Papers and large labels: 0.254 mm, 1.5 / 2 / 3 pixels at 150 / 200 / 300 dpi.
    assert module_for(code, 94 * mm, dot=72 / 203) == inch / 100
    # A 50 mm roll: one dot of a 203-dpi printer, or two of a 300-dpi one... if it fits.
    assert module_for(code, 47 * mm, dot=72 / 203) == pytest.approx(72 / 203)
    assert module_for(code, 47 * mm, dot=72 / 300) == pytest.approx(72 / 300)
    assert module_for(code, 56 * mm, dot=72 / 300) == pytest.approx(2 * 72 / 300)
    # Never wider than the room, whatever the code.
    assert module_for(code, 30 * mm, dot=72 / 203) * (count + 20) <= 30 * mm
