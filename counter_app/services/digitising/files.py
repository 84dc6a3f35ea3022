"""What a scanned file is, checked before anything is stored: not empty, not too large, its
content the kind its extension says, an image Pillow decodes whole within its pixel limits or
a PDF pikepdf opens without repairs, without a password, every page readable.

A file can be built to hurt: a few megabytes that inflate to gigabytes (a PDF content stream),
thousands of huge TIFF frames. Every size that costs memory or time is read from the headers and
bounded before anything is decoded, and a stream is inflated piece by piece, counted, and let go."""

from __future__ import annotations

import bisect
import hashlib
import io
import re
import threading
import warnings
import zlib
from dataclasses import dataclass
from pathlib import Path

from counter_app.domain.errors import CounterError

# qpdf names the in-memory stream it read ("stream <_io.BytesIO object at 0x…>: "): noise.
_QPDF_STREAM = re.compile(r"^.*?<_io\.BytesIO object at 0x[0-9a-f]+>:?\s*")
# Pillow's bomb error: "Image size (400000000 pixels) exceeds limit of …"
_PILLOW_PIXELS = re.compile(r"\((\d+) pixels\)")

MIB = 1024 * 1024
DEFAULT_MAX_BYTES = 20 * MIB
# Pillow's own default (about 89 megapixels; an A3 page at 600 dpi is 70): beyond it, a bomb.
DEFAULT_MAX_PIXELS = 89_478_485
# Every frame or picture of one file together: about 115 A4 pages in colour at 300 dpi.
DEFAULT_MAX_TOTAL_PIXELS = 1_000_000_000
# A file of more pages (PDF) or frames (TIFF) than this is no scan of papers handed in.
DEFAULT_MAX_PDF_PAGES = 500
# A PDF's streams other than pictures (page contents, fonts, profiles) once inflated: one, all.
DEFAULT_MAX_STREAM_BYTES = 64 * MIB
DEFAULT_MAX_DECODED_BYTES = 256 * MIB
# Most a PDF filter other than Flate can grow its input: ASCII85's "z" is four bytes, a
# run-length pair up to 128, an LZW code up to 4096 bytes.
_FILTER_GROWTH = {
    "/ASCIIHexDecode": 1,
    "/ASCII85Decode": 4,
    "/RunLengthDecode": 64,
    "/LZWDecode": 4096,
}
_INFLATE_PIECE = MIB
# "N G obj", and the name /ObjStm however its letters are escaped (#4F for O, …).
_OBJECT_HEADER = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")
_NAME_END = rb"(?![^\s/<>\[\]()%])"
_OBJECT_STREAM = re.compile(
    b"/" + b"".join(b"(?:%s|#(?i:%02x))" % (bytes([c]), c) for c in b"ObjStm") + _NAME_END
)


@dataclass(frozen=True)
class ScanLimits:
    """What one scanned file may cost; the counter's own, below the libraries' limits."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_pixels: int = DEFAULT_MAX_PIXELS
    max_total_pixels: int = DEFAULT_MAX_TOTAL_PIXELS
    max_pdf_pages: int = DEFAULT_MAX_PDF_PAGES
    max_stream_bytes: int = DEFAULT_MAX_STREAM_BYTES
    max_decoded_bytes: int = DEFAULT_MAX_DECODED_BYTES


DEFAULT_LIMITS = ScanLimits()

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


def read_scan(path: Path, limits: ScanLimits = DEFAULT_LIMITS) -> ScannedFile:
    """Read and check one scan; refuse with a message naming the file and what is wrong."""
    path = Path(path)
    shown = str(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise CounterError("file.unreadable", path=shown, reason="not a file")
        check_size(shown, size, limits.max_bytes)
        data = path.read_bytes()
    except FileNotFoundError:
        raise CounterError("file.missing", path=shown) from None
    except OSError as error:
        raise CounterError("file.unreadable", path=shown, reason=error.strerror) from None
    return check_scan(path, data, limits)


def check_scan(path: Path, data: bytes, limits: ScanLimits = DEFAULT_LIMITS) -> ScannedFile:
    """Check bytes that came from a file or a scanner (`path` names them, its extension says
    what they should be)."""
    shown = str(path)
    if not data:
        raise CounterError("attachment.empty", path=shown)
    check_size(shown, len(data), limits.max_bytes)
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
        pages = check_pdf(data, shown, limits)
    else:
        pages = check_image(data, expected, shown, limits)
    return ScannedFile(Path(path), data, hashlib.sha256(data).hexdigest(), expected, pages)


def check_size(shown: str, size: int, max_bytes: int) -> None:
    """A file over the size limit (default 20 MB) is refused before it is stored."""
    if size > max_bytes:
        raise CounterError(
            "attachment.too_large",
            path=shown,
            size=f"{size / MIB:.1f}",
            limit=f"{max_bytes / MIB:g}",
        )


def _corrupt(shown: str, problem: object) -> CounterError:
    detail = _QPDF_STREAM.sub("", str(problem))
    return CounterError("attachment.corrupt", path=shown, detail=detail[:200])


def check_pdf(data: bytes, shown: str, limits: ScanLimits = DEFAULT_LIMITS) -> int:
    """Open the PDF as it is: a file qpdf had to repair, one locked by a password (even an
    owner's only: its pages could not be bound into the digitised dossier as they are), one
    without pages, with a page whose content cannot be read, or beyond the limits is refused.
    The page count."""
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            if pdf.is_encrypted:
                raise CounterError("attachment.pdf_encrypted", path=shown)
            repairs = pdf.get_warnings()
            if repairs:
                raise _corrupt(shown, repairs[0])
            _check_object_streams(pdf, data, shown, limits)
            pages = len(pdf.pages)
            if pages == 0:
                raise CounterError("attachment.corrupt", path=shown, detail="no pages")
            if pages > limits.max_pdf_pages:
                raise CounterError(
                    "attachment.pdf_pages", path=shown, pages=pages, limit=limits.max_pdf_pages
                )
            for page in pdf.pages:
                _ = page.mediabox
            _check_pdf_streams(pdf, shown, limits)
            repairs = pdf.get_warnings()
            if repairs:
                raise _corrupt(shown, repairs[0])
    except CounterError:
        raise
    except pikepdf.PasswordError:
        raise CounterError("attachment.pdf_encrypted", path=shown) from None
    except (
        pikepdf.PdfError,
        pikepdf.DataDecodingError,
        zlib.error,
        KeyError,
        ValueError,
        TypeError,
    ) as error:
        raise _corrupt(shown, error) from None
    return pages


def _check_pdf_streams(pdf, shown: str, limits: ScanLimits) -> None:  # type: ignore[no-untyped-def]
    """Every stream read: pictures stay encoded (their declared pixels are counted), any other
    stream is inflated within the limits, one piece at a time."""
    import pikepdf

    pixels = decoded = 0
    for item in pdf.objects:
        if not isinstance(item, pikepdf.Stream):
            continue
        if item.get("/Subtype") == pikepdf.Name.Image:
            picture = int(item.get("/Width", 0)) * int(item.get("/Height", 0))
            pixels += picture
            _check_pixels(shown, picture, pixels, limits)
            item.read_raw_bytes()
            continue
        decoded += _decoded_size(pdf, item, shown, limits.max_stream_bytes)
        if decoded > limits.max_decoded_bytes:
            raise _inflates(shown, decoded, limits.max_decoded_bytes)


def _check_object_streams(pdf, data: bytes, shown: str, limits: ScanLimits) -> None:  # type: ignore[no-untyped-def]
    """qpdf inflates an object stream whole the first time it needs an object in it: measure
    each (found in the file's bytes: it is never itself compressed) before any is needed."""
    import pikepdf

    headers = [(match.start(), match) for match in _OBJECT_HEADER.finditer(data)]
    starts = [start for start, _ in headers]
    for found in _OBJECT_STREAM.finditer(data):
        index = bisect.bisect_right(starts, found.start()) - 1
        if index < 0:
            continue
        header = headers[index][1]
        stream = pdf.get_object(int(header.group(1)), int(header.group(2)))
        if isinstance(stream, pikepdf.Stream):
            _decoded_size(pdf, stream, shown, limits.max_stream_bytes)


def _decoded_size(pdf, stream, shown: str, cap: int) -> int:  # type: ignore[no-untyped-def]
    """How many bytes the stream decodes to, never holding more than `cap` of them: a Flate
    layer is inflated piece by piece, another filter only when it cannot grow past the cap,
    a picture's own filter (DCT, JPX, CCITT, JBIG2) left as it is."""
    import pikepdf

    declared = stream.get("/DL")
    if isinstance(declared, int) and declared > cap:
        raise _inflates(shown, declared, cap)
    filters = stream.get("/Filter")
    chain = filters if isinstance(filters, pikepdf.Array) else [filters]
    names = [str(name) for name in chain if name is not None]
    data = stream.read_raw_bytes()
    for position, name in enumerate(names):
        last = position == len(names) - 1
        if name == "/FlateDecode":
            size, data = _inflate(data, cap, keep=not last)
            if size > cap:
                raise _inflates(shown, size, cap)
            if last:
                return size
        elif name in _FILTER_GROWTH:
            if len(data) * _FILTER_GROWTH[name] > cap:
                raise _inflates(shown, len(data) * _FILTER_GROWTH[name], cap)
            data = pikepdf.Stream(pdf, data, Filter=pikepdf.Name(name)).read_bytes()
        else:
            break
    return len(data)


def _inflate(data: bytes, cap: int, *, keep: bool) -> tuple[int, bytes]:
    """Inflate at most `cap` + 1 bytes a piece at a time; their count, and them if `keep`."""
    inflater = zlib.decompressobj()
    kept: list[bytes] = []
    size = 0
    pending = data
    while pending and size <= cap and not inflater.eof:
        piece = inflater.decompress(pending, _INFLATE_PIECE)
        pending = inflater.unconsumed_tail
        size += len(piece)
        if keep:
            kept.append(piece)
    return size, b"".join(kept)


def _inflates(shown: str, size: int, limit: int) -> CounterError:
    return CounterError(
        "attachment.inflates",
        path=shown,
        size=f"{size / MIB:.0f}",
        limit=f"{limit / MIB:g}",
    )


def _check_pixels(shown: str, picture: int, total: int, limits: ScanLimits) -> None:
    if picture > limits.max_pixels:
        raise CounterError("attachment.bomb", path=shown, pixels=picture, limit=limits.max_pixels)
    if total > limits.max_total_pixels:
        raise CounterError(
            "attachment.total_pixels", path=shown, pixels=total, limit=limits.max_total_pixels
        )


def check_image(data: bytes, kind: str, shown: str, limits: ScanLimits = DEFAULT_LIMITS) -> int:
    """Every frame's size is read from its header and counted against the limits before any
    is decoded (a damaged file fails in the decoding); the number of frames."""
    from PIL import Image

    try:
        # catch_warnings swaps process-wide state: one check at a time, or two overlapping
        # checks could leave the bomb warning's filter changed for good.
        with _WARNING_FILTERS, warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[PILLOW_FORMATS[kind]]) as image:
                frames = _count_frames(image, shown, limits)
                for frame in range(frames):
                    image.seek(frame)
                    image.load()
    except CounterError:
        raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        found = _PILLOW_PIXELS.search(str(error))
        raise CounterError(
            "attachment.bomb",
            path=shown,
            pixels=int(found.group(1)) if found else "?",
            limit=limits.max_pixels,
        ) from None
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError) as error:
        raise CounterError("attachment.corrupt", path=shown, detail=str(error)[:200]) from None
    return frames


def _count_frames(image, shown: str, limits: ScanLimits) -> int:  # type: ignore[no-untyped-def]
    """Walk the frames' headers (never Pillow's n_frames, which walks them all), stopping at
    the first limit passed: frames, pixels of one, pixels of all."""
    frames = total = 0
    while True:
        width, height = image.size
        frames += 1
        total += width * height
        if frames > limits.max_pdf_pages:
            raise CounterError("attachment.frames", path=shown, limit=limits.max_pdf_pages)
        _check_pixels(shown, width * height, total, limits)
        try:
            image.seek(frames)
        except EOFError:
            return frames
