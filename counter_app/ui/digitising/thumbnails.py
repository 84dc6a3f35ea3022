"""Small pictures of stored scans, made with Pillow in a background task: plain bytes out,
so the GUI thread turns them into pixmaps and no Qt image is made off it."""

from __future__ import annotations

import io
from dataclasses import dataclass

THUMB_SIZE = 160


@dataclass(frozen=True)
class Thumbnail:
    sha256: str
    png: bytes  # empty for a PDF: the panel shows a generic icon with the page count
    pages: int


def make_thumbnail(sha256: str, data: bytes, media_type: str, pages: int) -> Thumbnail:
    if "pdf" in media_type:
        return Thumbnail(sha256, b"", pages)
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


def full_picture(data: bytes, media_type: str) -> bytes:
    """The first page as PNG, for the preview (TIFF pages Qt may not read itself)."""
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as image:
        image.seek(0)
        first = ImageOps.exif_transpose(image.copy())
    if first.mode not in ("L", "RGB", "RGBA"):
        first = first.convert("RGB")
    out = io.BytesIO()
    first.save(out, "PNG")
    return out.getvalue()
