"""Codes read from pictures: a receipt's dossier code (Code 128 and QR) and a citizen-ID QR."""

from __future__ import annotations

import io

import pytest

from counter_app.domain.errors import CounterError
from counter_app.domain.scan import ScanKind
from counter_app.services.digitising.decode import decode_file, decode_image

QR = "020090001234|123456789|Nguyễn Văn An|15031990|Nam|Số 5, Trần Đăng Ninh, Lạng Sơn|20042021"


def qr_png(text: str, *, scale: int = 6) -> bytes:
    import segno

    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=scale, border=4)
    return out.getvalue()


def photo(data: bytes, *, angle: float = 0) -> bytes:
    """The code pasted on a grey page, turned a little, saved as a JPEG like a phone photo."""
    from PIL import Image

    code = Image.open(io.BytesIO(data)).convert("L")
    page = Image.new("L", (code.width + 300, code.height + 400), 200)
    page.paste(code, (150, 200))
    page = page.rotate(angle, expand=True, fillcolor=200)
    out = io.BytesIO()
    page.save(out, "JPEG", quality=90)
    return out.getvalue()


def test_citizen_id_qr_from_a_photo():
    (result,) = decode_image(photo(qr_png(QR), angle=7))
    assert result.kind is ScanKind.CITIZEN_ID
    assert result.card is not None and result.card.id_number == "020090001234"


def test_dossier_code_from_a_scanned_receipt(ws, officer, tmp_path):
    from counter_app.services.intake import request_from_json
    from tests.conftest import TEN_DAYS, intake_json

    dossier = ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=officer)
    scan = tmp_path / "receipt.jpg"
    scan.write_bytes(photo(qr_png(dossier.code)))
    (result,) = decode_file(scan)
    assert result.kind is ScanKind.DOSSIER
    assert str(result.code) == dossier.code


def test_code128_label(tmp_path):
    import barcode
    from barcode.writer import ImageWriter

    out = io.BytesIO()
    barcode.get("code128", "000.00.12.H37-250514-0007", writer=ImageWriter()).write(out)
    results = decode_image(photo(out.getvalue()))
    assert [r.kind for r in results] == [ScanKind.DOSSIER]


def test_a_picture_without_codes_finds_nothing():
    from tests.digitising.conftest import page_bytes

    assert decode_image(page_bytes("png")) == []


def test_a_corrupt_picture_is_refused(tmp_path):
    broken = tmp_path / "receipt.png"
    broken.write_bytes(qr_png(QR)[:60])
    with pytest.raises(CounterError) as refused:
        decode_file(broken)
    assert refused.value.key == "attachment.corrupt"
