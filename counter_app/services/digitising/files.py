"""What a scanned file is, checked before anything is stored: not empty, not too large, its
content the kind its extension says, an image Pillow decodes whole within its pixel limits."""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from counter_app.domain.errors import CounterError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Pillow's own default (about 89 megapixels; an A3 page at 600 dpi is 70): beyond it, a bomb.
DEFAULT_MAX_PIXELS = 89_478_485

EXTENSIONS = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".tif": "tiff", ".tiff": "tiff"}
MEDIA_TYPES = {"jpeg": "image/jpeg", "png": "image/png", "tiff": "image/tiff"}
PILLOW_FORMATS = {"jpeg": "JPEG", "png": "PNG", "tiff": "TIFF"}
SHOWN = {"jpeg": "JPEG", "png": "PNG", "tiff": "TIFF", "pdf": "PDF", "gif": "GIF", None: "?"}


@dataclass(frozen=True)
class ScannedFile:
    path: Path
    data: bytes
    sha256: str
    kind: str  # jpeg | png | tiff
    pages: int

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.kind]

    @property
    def size(self) -> int:
        return len(self.data)


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
) -> ScannedFile:
    """Read and check one scan; refuse with a message naming the file and what is wrong."""
    path = Path(path)
    shown = str(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise CounterError("file.unreadable", path=shown, reason="not a file")
        if size > max_bytes:
            raise CounterError(
                "attachment.too_large",
                path=shown,
                size=f"{size / 1048576:.1f}",
                limit=f"{max_bytes / 1048576:g}",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise CounterError("file.missing", path=shown) from None
    except OSError as error:
        raise CounterError("file.unreadable", path=shown, reason=error.strerror) from None
    if not data:
        raise CounterError("attachment.empty", path=shown)
    if len(data) > max_bytes:  # grew since stat
        raise CounterError(
            "attachment.too_large",
            path=shown,
            size=f"{len(data) / 1048576:.1f}",
            limit=f"{max_bytes / 1048576:g}",
        )
    expected = EXTENSIONS.get(path.suffix.lower())
    actual = sniff(data[:16])
    if expected is None:
        raise CounterError("attachment.unsupported", path=shown)
    if actual != expected:
        raise CounterError(
            "attachment.type_mismatch",
            path=shown,
            extension=path.suffix.lower(),
            actual=SHOWN.get(actual, "?"),
        )
    pages = check_image(data, expected, shown, max_pixels=max_pixels)
    return ScannedFile(path, data, hashlib.sha256(data).hexdigest(), expected, pages)


def check_image(data: bytes, kind: str, shown: str, *, max_pixels: int) -> int:
    """Decode every frame (a truncated or damaged file fails here); the number of frames."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
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
