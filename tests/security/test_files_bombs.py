"""Files built to hurt: a few megabytes that decode to gigabytes. Each bomb is built small here,
checked in a child process whose address space is capped, and must be refused with the right
message, quickly, without the memory it asks for."""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import textwrap
import time
import zlib
from pathlib import Path

import pytest

from counter_app.domain.errors import CounterError
from counter_app.services.digitising.files import MIB, check_scan

GIB = 1024 * MIB
# The child may use this much address space: the interpreter, Pillow and qpdf fit, a bomb does not.
ADDRESS_SPACE = 1 * GIB
SECONDS = 10

CHECK_IN_A_CHILD = textwrap.dedent(
    """
    import json, resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
    from pathlib import Path
    from counter_app.domain.errors import CounterError
    from counter_app.services.digitising.files import read_scan
    start = time.monotonic()
    try:
        read_scan(Path(sys.argv[1]))
        key, message = None, ""
    except CounterError as error:
        key, message = error.key, error.message("en")
    # VmHWM belongs to this address space; ru_maxrss would carry the parent's over the exec
    status = Path("/proc/self/status").read_text().splitlines()
    peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:")) * 1024
    print(json.dumps({{"key": key, "message": message, "peak": peak,
                       "seconds": time.monotonic() - start}}))
    """
)


def check_in_a_child(path: Path) -> dict:
    """The refusal as a fresh process with a capped address space sees it."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", CHECK_IN_A_CHILD.format(limit=ADDRESS_SPACE), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    result["wall"] = time.monotonic() - started
    return result


def deflate_bomb(size: int) -> bytes:
    """A zlib stream of `size` zero bytes, built from one flushed block repeated (quick to make)."""
    block = 16 * MIB
    assert size % block == 0
    packer = zlib.compressobj(9)
    first = packer.compress(bytes(block)) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(bytes(block)) + packer.flush(zlib.Z_FULL_FLUSH)
    ending = packer.flush(zlib.Z_FINISH)[:-4]  # the last empty block, without the checksum
    adler = ((size % 65521) << 16) | 1  # of zeros: a stays 1, b adds 1 for each byte
    body = first + again * (size // block - 1) + ending + struct.pack(">I", adler)
    assert zlib.decompressobj().decompress(body, 100) == bytes(100)
    return body


def pdf_with_content(stream: bytes, **stream_keys: object) -> bytes:
    """A one-page PDF whose content stream is `stream`, Flate-encoded as given."""
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    content = pikepdf.Stream(pdf, stream)
    content.Filter = pikepdf.Name.FlateDecode
    for key, value in stream_keys.items():
        content[f"/{key}"] = value
    pdf.pages[0].Contents = content
    out = io.BytesIO()
    pdf.save(out, compress_streams=False)
    return out.getvalue()


def pdf_with_an_object_stream(stream: bytes) -> bytes:
    """A one-page PDF whose page names an object kept in an object stream that inflates to
    `stream`'s size: qpdf inflates it whole the first time the object is needed."""
    out = io.BytesIO(b"%PDF-1.5\n")
    out.seek(0, io.SEEK_END)
    offsets: dict[int, int] = {}

    def put(number: int, body: bytes) -> None:
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))

    put(1, b"<< /Type /Catalog /Pages 2 0 R >>")
    put(2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    put(3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Resources << >> /Extra 6 0 R >>")
    put(5, b"<< /Type /Obj#53tm /N 1 /First 4 /Length %d /Filter /FlateDecode >>\nstream\n%s\n"
           b"endstream" % (len(stream), stream))  # fmt: skip
    at = out.tell()
    listed = [(1, offsets[n], 0) if n in offsets else (0, 0, 0) for n in range(1, 6)]
    rows = [(0, 0, 65535), *listed, (2, 5, 0), (1, at, 0)]  # object 6 is in stream 5
    table = b"".join(struct.pack(">BIH", *row) for row in rows)
    out.write(b"7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Length %d >>\n"
              b"stream\n%s\nendstream\nendobj\n" % (len(table), table))  # fmt: skip
    out.write(b"startxref\n%d\n%%%%EOF\n" % at)
    return out.getvalue()


def tiff_frames(count: int, width: int, height: int) -> bytes:
    """A TIFF of `count` bilevel frames, all pointing at one Deflate strip: a few hundred
    kilobytes for thousands of huge pages."""
    strip = zlib.compress(bytes((width + 7) // 8 * height), 9)
    header = 8
    ifd_size = 2 + 8 * 12 + 4
    strip_at = header
    first_ifd = strip_at + len(strip) + (len(strip) % 2)
    out = bytearray(b"II*\x00" + struct.pack("<I", first_ifd))
    out += strip + b"\x00" * (len(strip) % 2)
    for frame in range(count):
        here = first_ifd + frame * ifd_size
        following = here + ifd_size if frame < count - 1 else 0
        tags = [
            (256, 4, width),  # ImageWidth
            (257, 4, height),  # ImageLength
            (258, 3, 1),  # BitsPerSample
            (259, 3, 8),  # Compression: Deflate
            (262, 3, 0),  # Photometric: white is zero
            (273, 4, strip_at),  # StripOffsets
            (278, 4, height),  # RowsPerStrip
            (279, 4, len(strip)),  # StripByteCounts
        ]
        out += struct.pack("<H", len(tags))
        for tag, kind, value in tags:
            out += struct.pack("<HHII", tag, kind, 1, value)
        out += struct.pack("<I", following)
    return bytes(out)


@pytest.mark.slow  # opens the file in a process of its own, under a memory limit
def test_a_pdf_whose_content_inflates_to_two_gibibytes(tmp_path):
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(pdf_with_content(deflate_bomb(2 * GIB)))
    assert bomb.stat().st_size < 3 * MIB
    result = check_in_a_child(bomb)
    assert result["key"] == "attachment.inflates", result
    assert "at most 64 MB" in result["message"]
    assert result["peak"] < 400 * MIB
    assert result["seconds"] < SECONDS


@pytest.mark.slow  # opens the file in a process of its own, under a memory limit
def test_a_pdf_whose_object_stream_inflates_to_two_gibibytes(tmp_path):
    bomb = tmp_path / "objects.pdf"
    bomb.write_bytes(pdf_with_an_object_stream(deflate_bomb(2 * GIB)))
    result = check_in_a_child(bomb)
    assert result["key"] == "attachment.inflates", result
    assert result["peak"] < 400 * MIB
    assert result["seconds"] < SECONDS


def test_a_pdf_stream_that_declares_its_size(tmp_path):
    with pytest.raises(CounterError) as refused:
        check_scan(Path("declared.pdf"), pdf_with_content(zlib.compress(b"q Q\n"), DL=2 * GIB))
    assert refused.value.key == "attachment.inflates"


def test_many_modest_streams_add_up(tmp_path):
    import pikepdf

    pdf = pikepdf.new()
    bomb = deflate_bomb(32 * MIB)
    for _ in range(10):  # 320 MiB in all, each under the 64 MiB of one stream
        pdf.add_blank_page()
        content = pikepdf.Stream(pdf, bomb)
        content.Filter = pikepdf.Name.FlateDecode
        pdf.pages[-1].Contents = content
    out = io.BytesIO()
    pdf.save(out, compress_streams=False)
    with pytest.raises(CounterError) as refused:
        check_scan(Path("many.pdf"), out.getvalue())
    assert refused.value.key == "attachment.inflates"
    assert "at most 256 MB" in refused.value.message("en")


def test_a_pdf_picture_of_too_many_pixels_is_not_decoded():
    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    picture = pikepdf.Stream(pdf, zlib.compress(bytes(1000)))
    picture.Type = pikepdf.Name.XObject
    picture.Subtype = pikepdf.Name.Image
    picture.Width, picture.Height = 100_000, 100_000
    picture.ColorSpace = pikepdf.Name.DeviceGray
    picture.BitsPerComponent = 8
    picture.Filter = pikepdf.Name.FlateDecode
    pdf.pages[0].Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=picture))
    out = io.BytesIO()
    pdf.save(out)
    with pytest.raises(CounterError) as refused:
        check_scan(Path("picture.pdf"), out.getvalue())
    assert refused.value.key == "attachment.bomb"
    assert "10000000000" in refused.value.message("en")


@pytest.mark.slow  # opens the file in a process of its own, under a memory limit
def test_a_tiff_of_two_thousand_huge_frames(tmp_path):
    bomb = tmp_path / "frames.tiff"
    bomb.write_bytes(tiff_frames(2000, 9000, 9000))
    assert bomb.stat().st_size < MIB
    result = check_in_a_child(bomb)
    assert result["key"] == "attachment.total_pixels", result
    assert result["peak"] < 400 * MIB
    assert result["seconds"] < SECONDS


def test_a_tiff_of_too_many_small_frames():
    with pytest.raises(CounterError) as refused:
        check_scan(Path("many.tif"), tiff_frames(501, 80, 80))
    assert refused.value.key == "attachment.frames"
    assert check_scan(Path("fine.tif"), tiff_frames(500, 80, 80)).pages == 500


def test_the_bomb_message_names_the_pixels():
    from PIL import Image

    out = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(out, "PNG")  # 400 Mpx in a few kilobytes
    with pytest.raises(CounterError) as refused:
        check_scan(Path("bomb.png"), out.getvalue())
    assert refused.value.key == "attachment.bomb"
    assert "(400000000, at most 89478485)" in refused.value.message("en")
