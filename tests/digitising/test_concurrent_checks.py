"""Checks of scanned files run on several background tasks at once (thumbnails, the watched
folder, a scanner): the decompression-bomb check swaps the process-wide warning filters, so two
checks at the same moment must neither miss a bomb nor leave the filters changed."""

from __future__ import annotations

import struct
import threading
import warnings
import zlib
from pathlib import Path

from counter_app.domain.errors import CounterError
from counter_app.services.digitising.files import DEFAULT_MAX_PIXELS, check_scan
from tests.digitising.conftest import page_bytes

ROUNDS = 20


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def bomb_png(side: int = 10_000) -> bytes:
    """A few hundred bytes that claim 100 megapixels: past Pillow's warning limit, under its
    error limit, so only the warning filter turns it into a refusal."""
    assert DEFAULT_MAX_PIXELS < side * side < 2 * DEFAULT_MAX_PIXELS
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)  # 1-bit grey
    rows = zlib.compress(b"\x00" * (side // 8 + 1) * 4)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", rows)
        + _chunk(b"IEND", b"")
    )


def test_a_bomb_and_a_good_page_checked_at_once_each_get_their_own_answer():
    """The bomb is checked again and again for as long as the good pages take, so its short
    checks fall inside, across and after theirs."""
    bomb, good = bomb_png(), page_bytes("png", size=(2480, 3508))  # an A4 page at 300 dpi
    before = list(warnings.filters)
    start = threading.Barrier(2)
    good_done = threading.Event()
    outcomes: dict[str, list[object]] = {"bomb": [], "good": []}

    def outcome(name: str, data: bytes) -> object:
        try:
            return check_scan(Path(f"{name}.png"), data).pages
        except CounterError as error:
            return error.key

    def check_good() -> None:
        start.wait()
        try:
            for _ in range(ROUNDS):
                outcomes["good"].append(outcome("good", good))
        finally:
            good_done.set()

    def check_bombs() -> None:
        start.wait()
        while not good_done.is_set():
            outcomes["bomb"].append(outcome("bomb", bomb))

    threads = [threading.Thread(target=check_good), threading.Thread(target=check_bombs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert outcomes["good"] == [1] * ROUNDS
    assert len(outcomes["bomb"]) > ROUNDS
    assert set(outcomes["bomb"]) == {"attachment.bomb"}
    assert warnings.filters == before
