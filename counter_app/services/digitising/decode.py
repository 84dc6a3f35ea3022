"""Codes read from a picture (zxing-cpp): a scanned receipt's dossier code or the QR of a
citizen ID card, for when the handheld scanner cannot read it."""

from __future__ import annotations

import io
from pathlib import Path

from counter_app.domain.scan import ScanResult, classify_scan
from counter_app.services.digitising.files import DEFAULT_LIMITS, ScanLimits, read_scan


def decode_image(data: bytes) -> list[ScanResult]:
    """Every barcode and QR zxing finds in the picture, classified like a scanner's burst."""
    import zxingcpp
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        picture = image.convert("L")
    found = zxingcpp.read_barcodes(picture)
    seen: set[str] = set()
    results = []
    for barcode in found:
        if barcode.text and barcode.text not in seen:
            seen.add(barcode.text)
            results.append(classify_scan(barcode.text))
    return results


def decode_file(path: Path, limits: ScanLimits = DEFAULT_LIMITS) -> list[ScanResult]:
    """The same, from a file checked like any scan (size, kind, frames and pixels) first."""
    return decode_image(read_scan(Path(path), limits).data)
