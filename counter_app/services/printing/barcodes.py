"""The dossier code as a Code 128 and the status look-up address as a QR, drawn as vectors.

The bars come from python-barcode's encoder (the shortest mix of code sets B and C) and are
drawn as filled rectangles, so the printer's own resolution renders them. Ten modules of
quiet zone on each side are part of the symbol's width (ISO/IEC 15417). The module width
(the narrowest bar) is 0.254 mm on the A4/A5 papers, which ordinary handheld scanners read
and which is a whole number of dots at 300 and 600 dpi; labels use whole dots of the label
printer (see `label.py`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab.lib.units import inch, mm
from reportlab.pdfgen.canvas import Canvas

QUIET_MODULES = 10
PAPER_MODULE = inch / 100  # 0.254 mm
QR_QUIET_MODULES = 4
# Choosing the best of the eight mask patterns (ISO/IEC 18004 § 7.8.3) takes segno 2 to 3 ms,
# four times the encoding itself and as much as the rest of a receipt. Every mask decodes: the
# choice only steers away from patterns that can trouble a poor reader (large blocks, finder
# look-alikes). A fixed mask is the trade; tests decode every QR at 150, 200 and 300 dpi.
QR_MASK = 0
_DARK = re.compile(rb"\x01+")


@lru_cache(maxsize=512)
def code128_bars(text: str) -> tuple[int, tuple[tuple[int, int], ...]]:
    """(number of modules, (start, width) of each bar) of the symbol, without quiet zones."""
    from barcode.codex import Code128

    modules = Code128(text).build()[0]
    bars = []
    start = None
    for i, bit in enumerate(modules + "0"):
        if bit == "1" and start is None:
            start = i
        elif bit == "0" and start is not None:
            bars.append((start, i - start))
            start = None
    return len(modules), tuple(bars)


def code128_width(text: str, module: float) -> float:
    """Width of the whole symbol, quiet zones included."""
    count, _ = code128_bars(text)
    return (count + 2 * QUIET_MODULES) * module


def bar_height(text: str, module: float) -> float:
    """The usual minimum: 15 % of the symbol's length, and at least 6.35 mm."""
    count, _ = code128_bars(text)
    return max(6.35 * mm, 0.15 * count * module)


@lru_cache(maxsize=512)
def _bars_operators(text: str) -> str:
    """The bars as PDF rectangles in module units (x) and symbol height units (y)."""
    _, bars = code128_bars(text)
    return " ".join(f"{start} 0 {width} 1 re" for start, width in bars) + " f"


def draw_code128(
    canvas: Canvas, text: str, x: float, y: float, module: float, height: float
) -> float:
    """Draw the symbol with its left quiet zone starting at `x`, bars from `y` up; return its
    width with both quiet zones."""
    count, _ = code128_bars(text)
    _paint(canvas, x + QUIET_MODULES * module, y, module, height, _bars_operators(text))
    return (count + 2 * QUIET_MODULES) * module


def _paint(canvas: Canvas, x: float, y: float, sx: float, sy: float, operators: str) -> None:
    """Fill prepared path operators in black, their unit square scaled to (sx, sy) at (x, y)."""
    canvas.saveState()
    canvas.setFillGray(0)
    canvas.transform(sx, 0, 0, sy, x, y)
    canvas.addLiteral(operators)
    canvas.restoreState()


@lru_cache(maxsize=128)
def qr_symbol(text: str) -> tuple[int, str]:
    """(modules per side, PDF rectangles of the dark runs in module units, origin at the
    bottom left) of a QR of `text`: error correction level M (15 %), mask `QR_MASK`."""
    import segno

    matrix = segno.make_qr(text, error="m", boost_error=False, mask=QR_MASK).matrix
    count = len(matrix)
    ops = [
        f"{run.start()} {count - 1 - r} {run.end() - run.start()} 1 re"
        for r, row in enumerate(matrix)
        for run in _DARK.finditer(bytes(row))
    ]
    return count, " ".join(ops) + " f"


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """A QR filling the square of side `size` at (x, y), its 4-module quiet zone inside."""
    count, operators = qr_symbol(text)
    module = size / (count + 2 * QR_QUIET_MODULES)
    quiet = QR_QUIET_MODULES * module
    _paint(canvas, x + quiet, y + quiet, module, module, operators)
