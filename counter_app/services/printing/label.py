"""The folder label: the dossier code as a barcode, the applicant and the dates, in a sans.

The barcode keeps the papers' 0.254 mm module wherever it fits: a 25-character code needs
308 modules with its quiet zones, 78 mm, so on the 100 × 50 mm default and on the A4 sheet
(2 × 7 labels of 99.1 × 38.1 mm, one per set of the dossier). On smaller rolls (50 × 30,
60 × 40 mm) the module is the widest whole number of the label printer's dots that fits,
and the symbol starts on a dot, so every bar prints exactly: one dot (0.125 mm at 203 dpi)
on 50 × 30 mm, which 2D imagers and good laser scanners read at the printer's own resolution
but which no 150-dpi rendering can show.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from counter_app.domain.clock import local
from counter_app.domain.wording import short_date
from counter_app.services.printing.barcodes import (
    PAPER_MODULE,
    QUIET_MODULES,
    code128_bars,
    draw_code128,
)
from counter_app.services.printing.common import PaperData
from counter_app.services.printing.fonts import SANS, SANS_BOLD, SANS_FACES
from counter_app.services.printing.kinds import Paper, PaperKind
from counter_app.services.printing.layout import Line, Sheet, Style, draw_lines, width_of, wrap

KIND = PaperKind.LABEL


@dataclass(frozen=True)
class LabelSize:
    width: float
    height: float
    margin: float
    text: float  # base type size


ROLLS = {
    "50x30": LabelSize(50 * mm, 30 * mm, 1.5 * mm, 6.0),
    "60x40": LabelSize(60 * mm, 40 * mm, 2 * mm, 7.0),
    "100x50": LabelSize(100 * mm, 50 * mm, 3 * mm, 8.5),
}
# The A4 sheet: 2 columns × 7 rows of 99.1 × 38.1 mm (the common L7163 layout).
SHEET_CELL = LabelSize(99.1 * mm, 38.1 * mm, 3 * mm, 8.0)
SHEET_COLUMNS, SHEET_ROWS = 2, 7
SHEET_LEFT, SHEET_TOP, SHEET_PITCH_X = 4.65 * mm, 15.15 * mm, 101.6 * mm


def render_label(data: PaperData, *, size: str = "100x50", invariant: bool = False) -> Paper:
    title = data.settings.forms.title(KIND)
    if size == "a4":
        style = Style(A4, top=0, bottom=0, left=0, right=0)
        copies = max(1, data.dossier.sets)
    else:
        roll = ROLLS[size]
        style = Style((roll.width, roll.height), top=0, bottom=0, left=0, right=0)
        copies = 1
    sheet = Sheet(
        style,
        title=f"{title.capitalize()} – {data.code}",
        author=data.head.agency_name or data.counter_name,
        invariant=invariant,
        footer=False,
        faces=SANS_FACES,
    )
    if size == "a4":
        per_page = SHEET_COLUMNS * SHEET_ROWS
        for index in range(copies):
            if index and index % per_page == 0:
                sheet.new_page()
            slot = index % per_page
            column, row = slot % SHEET_COLUMNS, slot // SHEET_COLUMNS
            x = SHEET_LEFT + column * SHEET_PITCH_X
            y = A4[1] - SHEET_TOP - (row + 1) * SHEET_CELL.height
            draw_label(sheet.canvas, data, x, y, SHEET_CELL)
    else:
        dot = 72 / data.settings.label_printer_dpi
        draw_label(sheet.canvas, data, 0, 0, ROLLS[size], dot=dot)
    pdf, pages = sheet.finish()
    return Paper(KIND, title, pdf, pages, data.code)


def module_for(text: str, room: float, *, dot: float | None) -> float:
    """The papers' 0.254 mm module when the symbol fits `room` with its quiet zones (it is
    whole pixels or half-pixels at 150, 200, 300 and 600 dpi and reads everywhere); on a
    smaller label, the widest whole number of printer dots that fits."""
    count, _ = code128_bars(text)
    total = count + 2 * QUIET_MODULES
    if PAPER_MODULE * total <= room:
        return PAPER_MODULE
    if dot and room >= total * dot:
        return int(room / (total * dot)) * dot
    return room / total


def fit(
    text: str, font: str, size: float, smallest: float, width: float, max_lines: int
) -> tuple[list[Line], float]:
    """The largest size from `size` down to `smallest` at which `text` takes at most
    `max_lines` lines; at the smallest, the last line ends with "…" rather than run off."""
    current = size
    while True:
        lines = wrap([(text, font)], current, width)
        if len(lines) <= max_lines:
            return lines, current
        if current - 0.5 < smallest:
            break
        current -= 0.5
    kept = lines[:max_lines]
    last = (
        "".join(t for t, _ in kept[-1].segments)
        + " "
        + "".join(t for line in lines[max_lines:] for t, _ in line.segments)
    )
    while last and width_of(last + "…", font, current) > width:
        last = last[:-1]
    kept[-1] = Line([(last.rstrip() + "…", font)], width_of(last.rstrip() + "…", font, current))
    return kept, current


def draw_label(
    canvas: Canvas,
    data: PaperData,
    x: float,
    y: float,
    size: LabelSize,
    *,
    dot: float | None = None,
) -> None:
    """One label in the box (x, y, size.width, size.height): agency, barcode, code, applicant,
    procedure (when there is room) and the dates."""
    dossier = data.dossier
    base = size.text
    left = x + size.margin
    width = size.width - 2 * size.margin
    top = y + size.height - size.margin
    leading = 1.18

    agency = fit(data.head.agency_name.upper(), SANS_BOLD, base * 0.9, base * 0.7, width, 1)
    name = fit(dossier.applicant.full_name, SANS_BOLD, base * 1.1, base * 0.8, width, 2)
    blocks_after = [name]
    if size.height >= 38 * mm:
        blocks_after.append(fit(dossier.procedure_name, SANS, base * 0.9, base * 0.75, width, 2))
    dates = f"Nhận: {short_date(local(dossier.received_at).date())}" if dossier.received_at else ""
    if dossier.due_at:
        dates += f" – Hẹn trả: {short_date(local(dossier.due_at).date())}"
    blocks_after.append(fit(dates, SANS, base * 0.95, base * 0.7, width, 1))
    code_size = base * 1.15
    code_lines, code_size = fit(data.code, SANS_BOLD, code_size, base * 0.7, width, 1)

    def height(block: tuple[list[Line], float]) -> float:
        return len(block[0]) * block[1] * leading

    text_height = height(agency) + sum(height(b) for b in blocks_after) + code_size * leading
    gap = 0.8 * mm
    bars_height = min(size.height - 2 * size.margin - text_height - 2 * gap, 18 * mm)

    cursor = draw_lines(
        canvas, agency[0], left, top, width, agency[1], agency[1] * leading, "center"
    )
    cursor -= gap
    chosen = module_for(data.code, width, dot=dot)
    count, _ = code128_bars(data.code)
    symbol = (count + 2 * QUIET_MODULES) * chosen
    start = x + (size.width - symbol) / 2
    if dot:
        start = round(start / dot) * dot  # bars on the printer's dot grid
    draw_code128(canvas, data.code, start, cursor - bars_height, chosen, bars_height)
    cursor -= bars_height + 0.3 * mm
    cursor = draw_lines(
        canvas, code_lines, left, cursor, width, code_size, code_size * leading, "center"
    )
    cursor -= gap / 2
    for lines, font_size in blocks_after:
        cursor = draw_lines(
            canvas, lines, left, cursor, width, font_size, font_size * leading, "center"
        )
