"""Small and large pictures of stored scans, made in background tasks: plain PNG bytes out, so
only the GUI thread turns them into pixmaps. Pictures are drawn with Pillow; a PDF's pages
with QtPdf (QPdfDocument, already shipped for the print preview: pdfium behind a lock of its
own, safe on a worker thread, and no extra package to carry)."""

from __future__ import annotations

import io
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage, QImageWriter, QPainter
from PySide6.QtPdf import QPdfDocument

THUMB_SIZE = 160
PREVIEW_WIDTH = 1000  # pixels across a page of the large preview
PREVIEW_PAGES = 30  # a longer PDF shows its first pages, the rest in the digitised PDF


@dataclass(frozen=True)
class Thumbnail:
    sha256: str
    png: bytes  # empty when the file could not be drawn: the panel shows a generic icon
    pages: int


def make_thumbnail(sha256: str, data: bytes, media_type: str, pages: int) -> Thumbnail:
    if "pdf" in media_type:
        drawn = pdf_pages(data, THUMB_SIZE, limit=1, fit_height=THUMB_SIZE)
        return Thumbnail(sha256, drawn[0] if drawn else b"", pages)
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as image:
        image.seek(0)
        first = ImageOps.exif_transpose(image.copy())
    first.thumbnail((THUMB_SIZE, THUMB_SIZE))
    if first.mode not in ("L", "RGB", "RGBA"):
        first = first.convert("RGB")
    out = io.BytesIO()
    first.save(out, "PNG")
    return Thumbnail(sha256, out.getvalue(), pages)


def full_pictures(data: bytes, media_type: str) -> list[bytes]:
    """Every page as PNG for the preview: a PDF's first PREVIEW_PAGES, a picture's first frame
    (TIFF pages Qt may not read itself)."""
    if "pdf" in media_type:
        return pdf_pages(data, PREVIEW_WIDTH, limit=PREVIEW_PAGES)
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as image:
        image.seek(0)
        first = ImageOps.exif_transpose(image.copy())
    if first.mode not in ("L", "RGB", "RGBA"):
        first = first.convert("RGB")
    out = io.BytesIO()
    first.save(out, "PNG")
    return [out.getvalue()]


def pdf_pages(data: bytes, width: int, *, limit: int, fit_height: int | None = None) -> list[bytes]:
    """The first `limit` pages drawn `width` pixels wide (or to fit a `width`×`fit_height`
    box), white behind transparent content, as PNG."""
    document = QPdfDocument()
    array = QByteArray(data)
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    try:
        if document.status() != QPdfDocument.Status.Ready:
            return []
        pictures = []
        for page in range(min(limit, document.pageCount())):
            points = document.pagePointSize(page)
            if points.width() <= 0 or points.height() <= 0:
                continue
            scale = width / points.width()
            if fit_height is not None:
                scale = min(scale, fit_height / points.height())
            width_px = max(1, round(points.width() * scale))
            size = QSize(width_px, max(1, round(points.height() * scale)))
            image = document.render(page, size)
            pictures.append(_png(_on_white(image)))
        return pictures
    finally:
        document.close()
        buffer.close()


def _on_white(image: QImage) -> QImage:
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(0xFFFFFF)
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat


def _png(image: QImage) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    QImageWriter(buffer, QByteArray(b"PNG")).write(image)
    buffer.close()
    return bytes(array.data())
