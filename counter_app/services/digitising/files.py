"""What a scanned file is, checked before anything is stored: not empty, not too large, its
content the kind its extension says, an image Pillow decodes whole within its pixel limits or
a PDF pikepdf opens without repairs, without a password, every page readable."""

from __future__ import annotations

import hashlib
import io
import re
import threading
import warnings
from dataclasses import dataclass
from pathlib import Path

from counter_app.domain.errors import CounterError

# qpdf names the in-memory stream it read ("stream <_io.BytesIO object at 0x…>: "): noise.
_QPDF_STREAM = re.compile(r"^.*?<_io\.BytesIO object at 0x[0-9a-f]+>:?\s*")

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Pillow's own default (about 89 megapixels; an A3 page at 600 dpi is 70): beyond it, a bomb.
DEFAULT_MAX_PIXELS = 89_478_485

# A PDF of more pages than this is no scan of papers handed in at a counter.
DEFAULT_MAX_PDF_PAGES = 500

EXTENSIONS = {
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".png": "png",
    ".tif": "tiff",
    ".tiff": "tiff",
    ".pdf": "pdf",
}
MEDIA_TYPES = {
    "jpeg": "image/jpeg",
    "png": "image/png",
    "tiff": "image/tiff",
    "pdf": "application/pdf",
}
PDF_MEDIA_TYPE = MEDIA_TYPES["pdf"]
PILLOW_FORMATS = {"jpeg": "JPEG", "png": "PNG", "tiff": "TIFF"}
_WARNING_FILTERS = threading.Lock()
SHOWN = {"jpeg": "JPEG", "png": "PNG", "tiff": "TIFF", "pdf": "PDF", "gif": "GIF", None: "?"}


@dataclass(frozen=True)
class ScannedFile:
    path: Path
    data: bytes
    sha256: str
    kind: str  # jpeg | png | tiff | pdf
    pages: int

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.kind]

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def name(self) -> str:
        return self.path.name


def sniff(head: bytes) -> str | None:
    """The kind of file its first bytes say, whatever its name."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    return None


def read_scan(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    max_pdf_pages: int = DEFAULT_MAX_PDF_PAGES,
) -> ScannedFile:
    """Read and check one scan; refuse with a message naming the file and what is wrong."""
    path = Path(path)
    shown = str(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise CounterError("file.unreadable", path=shown, reason="not a file")
        check_size(shown, size, max_bytes)
        data = path.read_bytes()
    except FileNotFoundError:
        raise CounterError("file.missing", path=shown) from None
    except OSError as error:
        raise CounterError("file.unreadable", path=shown, reason=error.strerror) from None
    return check_scan(
        path, data, max_bytes=max_bytes, max_pixels=max_pixels, max_pdf_pages=max_pdf_pages
    )


def check_scan(
    path: Path,
    data: bytes,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    max_pdf_pages: int = DEFAULT_MAX_PDF_PAGES,
) -> ScannedFile:
    """Check bytes that came from a file or a scanner (`path` names them, its extension says
    what they should be)."""
    shown = str(path)
    if not data:
        raise CounterError("attachment.empty", path=shown)
    check_size(shown, len(data), max_bytes)
    expected = EXTENSIONS.get(Path(path).suffix.lower())
    actual = sniff(data[:16])
    if expected is None:
        raise CounterError("attachment.unsupported", path=shown)
    if actual != expected:
        raise CounterError(
            "attachment.type_mismatch",
            path=shown,
            extension=Path(path).suffix.lower(),
            actual=SHOWN.get(actual, "?"),
        )
    if expected == "pdf":
        pages = check_pdf(data, shown, max_pages=max_pdf_pages)
    else:
        pages = check_image(data, expected, shown, max_pixels=max_pixels)
    return ScannedFile(Path(path), data, hashlib.sha256(data).hexdigest(), expected, pages)


def check_size(shown: str, size: int, max_bytes: int) -> None:
    """A file over the size limit (default 20 MB) is refused before it is stored."""
    if size > max_bytes:
        raise CounterError(
            "attachment.too_large",
            path=shown,
            size=f"{size / 1048576:.1f}",
            limit=f"{max_bytes / 1048576:g}",
        )


def check_pdf(data: bytes, shown: str, *, max_pages: int) -> int:
    """Open the PDF as it is: a file qpdf had to repair, one locked by a password (even an
    owner's only: its pages could not be bound into the digitised dossier as they are), one
    without pages or with a page whose content cannot be read is refused. The page count."""
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            if pdf.is_encrypted:
                raise CounterError("attachment.pdf_encrypted", path=shown)
            repairs = pdf.get_warnings()
            if repairs:
                detail = _QPDF_STREAM.sub("", str(repairs[0]))
                raise CounterError("attachment.corrupt", path=shown, detail=detail[:200])
            pages = len(pdf.pages)
            if pages == 0:
                raise CounterError("attachment.corrupt", path=shown, detail="no pages")
            if pages > max_pages:
                raise CounterError("attachment.pdf_pages", path=shown, pages=pages, limit=max_pages)
            for page in pdf.pages:
                _ = page.mediabox
                contents = page.obj.get("/Contents")
                streams = contents if isinstance(contents, pikepdf.Array) else [contents]
                for stream in streams:
                    if isinstance(stream, pikepdf.Stream):
                        stream.read_bytes()
            for item in pdf.objects:  # every stream whole (pictures stay encoded: cheap)
                if isinstance(item, pikepdf.Stream):
                    item.read_raw_bytes()
            repairs = pdf.get_warnings()
            if repairs:
                detail = _QPDF_STREAM.sub("", str(repairs[0]))
                raise CounterError("attachment.corrupt", path=shown, detail=detail[:200])
    except CounterError:
        raise
    except pikepdf.PasswordError:
        raise CounterError("attachment.pdf_encrypted", path=shown) from None
    except (pikepdf.PdfError, pikepdf.DataDecodingError, KeyError, ValueError, TypeError) as error:
        detail = _QPDF_STREAM.sub("", str(error))
        raise CounterError("attachment.corrupt", path=shown, detail=detail[:200]) from None
    return pages


def check_image(data: bytes, kind: str, shown: str, *, max_pixels: int) -> int:
    """Decode every frame (a truncated or damaged file fails here); the number of frames."""
    from PIL import Image

    try:
        # catch_warnings swaps process-wide state: one check at a time, or two overlapping
        # checks could leave the bomb warning's filter changed for good.
        with _WARNING_FILTERS, warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[PILLOW_FORMATS[kind]]) as image:
                frames = getattr(image, "n_frames", 1)
                for frame in range(frames):
                    image.seek(frame)
                    width, height = image.size
                    if width * height > max_pixels:
                        raise CounterError(
                            "attachment.bomb",
                            path=shown,
                            pixels=width * height,
                            limit=max_pixels,
                        )
                    image.load()
    except CounterError:
        raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        raise CounterError(
            "attachment.bomb", path=shown, pixels=_pixels(str(error)), limit=max_pixels
        ) from None
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError) as error:
        raise CounterError("attachment.corrupt", path=shown, detail=str(error)[:200]) from None
    return frames


def _pixels(text: str) -> str:
    digits = text.split(" ", 3)
    return digits[2] if len(digits) > 2 and digits[2].isdigit() else "?"
