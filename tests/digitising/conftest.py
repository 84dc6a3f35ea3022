"""Scans made on the spot: pages as JPEG/PNG/TIFF, a dossier ready to take them."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.conftest import TEN_DAYS, intake_json

COMPONENT = "Tờ khai yêu cầu cấp Phiếu"
ID_COPY = "Bản chụp giấy tờ tùy thân"


def page_bytes(kind: str = "png", *, size=(620, 877), seed: int = 0, frames: int = 1) -> bytes:
    """A page-like picture, different for each seed."""
    from PIL import Image, ImageDraw

    images = []
    for frame in range(frames):
        image = Image.new("L", size, 255)
        draw = ImageDraw.Draw(image)
        for line in range(8):
            y = 40 + line * 60 + (seed * 7 + frame * 3) % 40
            draw.rectangle((40, y, size[0] - 40 - (seed * 13) % 200, y + 12), fill=0)
        images.append(image)
    out = io.BytesIO()
    if kind == "jpeg":
        images[0].save(out, "JPEG", quality=85, dpi=(150, 150))
    elif kind == "tiff":
        images[0].save(out, "TIFF", save_all=True, append_images=images[1:], dpi=(150, 150))
    else:
        images[0].save(out, "PNG", dpi=(150, 150))
    return out.getvalue()


def write_page(folder: Path, name: str, **kwargs) -> Path:  # type: ignore[no-untyped-def]
    kind = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".tif": "tiff", ".tiff": "tiff"}
    path = folder / name
    path.write_bytes(page_bytes(kind[path.suffix.lower()], **kwargs))
    return path


@pytest.fixture
def dossier(ws, officer):  # type: ignore[no-untyped-def]
    from counter_app.services.intake import request_from_json

    return ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=officer)


@pytest.fixture
def scans(tmp_path: Path) -> Path:
    folder = tmp_path / "scans"
    folder.mkdir()
    return folder


def pdf_bytes(pages: int = 2, *, seed: int = 0) -> bytes:
    """A PDF as a scanner's software saves it: a few pages of text, different for each seed."""
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, invariant=True)
    for number in range(pages):
        canvas.drawString(100, 700, f"Trang {number + 1}, mau {seed}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def write_pdf(folder: Path, name: str, pages: int = 2, *, seed: int = 0) -> Path:
    path = folder / name
    path.write_bytes(pdf_bytes(pages, seed=seed))
    return path
