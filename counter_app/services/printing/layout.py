"""Text and tables flowing down pages: every line wraps inside its box and never runs off it.

Words longer than their box break between letters; a table that reaches the bottom of a page
continues on the next with its header repeated; a row taller than a page splits between its
lines. Pages after the first carry a running head, and "Trang n/N" is printed at the foot of
each page once the number of pages is known (as a form drawn at the end).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from counter_app.domain.text import nfc
from counter_app.services.printing.fonts import (
    SERIF,
    SERIF_BOLD,
    SERIF_FACES,
    SERIF_ITALIC,
    claim_alphabet,
    register_fonts,
)

Run = tuple[str, str]  # (text, font name)
_SPACES = re.compile(r"(\n|[^\S\n]+)")


@dataclass(frozen=True)
class Style:
    """Page size and margins (points) and the type sizes of one kind of page."""

    page: tuple[float, float]
    top: float
    bottom: float
    left: float
    right: float
    size: float = 12
    small: float = 10
    title: float = 14
    leading: float = 1.25

    def line(self, size: float | None = None) -> float:
        return (size or self.size) * self.leading


@dataclass
class Line:
    segments: list[Run]
    width: float
    indent: float = 0


@dataclass(frozen=True)
class Column:
    title: str
    weight: float
    align: str = "left"  # left | center | right


@dataclass
class _Word:
    pieces: list[Run] = field(default_factory=list)
    width: float = 0.0


def width_of(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def _words(runs: Sequence[Run], size: float) -> list[_Word]:
    """Words across runs: text of two runs with no blank between belongs to one word."""
    words: list[_Word] = []
    start_new = True
    for text, font in runs:
        for part in _SPACES.split(nfc(text)):
            if not part:
                continue
            if part == "\n":  # a forced line break: an empty word
                words.append(_Word())
                start_new = True
                continue
            if part.isspace():
                start_new = True
                continue
            if start_new or not words:
                words.append(_Word())
                start_new = False
            word = words[-1]
            word.pieces.append((part, font))
            word.width += stringWidth(part, font, size)
    return words


def _split_long(word: _Word, size: float, room: float, width: float) -> list[_Word]:
    """A word wider than its box, cut between letters: the first piece fills `room`, the
    others a whole line of `width` each."""
    parts: list[_Word] = []
    current = _Word()
    limit = room
    for text, font in word.pieces:
        for ch in text:
            w = stringWidth(ch, font, size)
            if current.pieces and current.width + w > limit:
                parts.append(current)
                current = _Word()
                limit = width
            if current.pieces and current.pieces[-1][1] == font:
                current.pieces[-1] = (current.pieces[-1][0] + ch, font)
            else:
                current.pieces.append((ch, font))
            current.width += w
    if current.pieces:
        parts.append(current)
    return parts


def wrap(runs: Sequence[Run], size: float, width: float, indent: float = 0) -> list[Line]:
    """Greedy line filling; lines after the first start `indent` further right; "\n" breaks."""
    if len(runs) == 1 and "\n" not in runs[0][0]:  # most lines of a paper fit as they are
        text, font = runs[0]
        text = " ".join(nfc(text).split())
        measured = stringWidth(text, font, size)
        if measured <= width and text:
            return [Line([(text, font)], measured)]
    lines: list[Line] = []
    segments: list[Run] = []
    line_width = 0.0

    def room() -> float:
        return width - (indent if lines else 0)

    def flush() -> None:
        nonlocal segments, line_width
        lines.append(Line(segments, line_width, indent if lines else 0))
        segments = []
        line_width = 0.0

    def append(word: _Word, with_space: bool) -> None:
        nonlocal line_width
        for i, (text, font) in enumerate(word.pieces):
            glue = " " if with_space and i == 0 else ""
            if segments and segments[-1][1] == font:
                segments[-1] = (segments[-1][0] + glue + text, font)
            else:
                if glue:
                    segments[-1] = (segments[-1][0] + glue, segments[-1][1])
                segments.append((text, font))
        line_width += word.width

    for word in _words(runs, size):
        if not word.pieces:
            flush()
            continue
        # The blank is drawn at the end of the previous segment, in its font.
        space = stringWidth(" ", segments[-1][1], size) if segments else 0.0
        if segments and line_width + space + word.width <= room():
            line_width += space
            append(word, True)
            continue
        if segments:
            flush()
        if word.width <= room():
            append(word, False)
            continue
        pieces = _split_long(word, size, room(), width - indent)
        for piece in pieces[:-1]:
            append(piece, False)
            flush()
        append(pieces[-1], False)
    if segments or not lines:
        flush()
    return lines


def draw_lines(
    canvas: Canvas,
    lines: Sequence[Line],
    x: float,
    top: float,
    width: float,
    size: float,
    leading: float,
    align: str = "left",
) -> float:
    """Draw lines whose first baseline sits one ascent below `top`; return the y under them."""
    y = top - size * 0.92
    for line in lines:
        if align == "center":
            left = x + (width - line.width) / 2
        elif align == "right":
            left = x + width - line.width
        else:
            left = x + line.indent
        text_object = canvas.beginText(left, y)
        for text, font in line.segments:
            text_object.setFont(font, size)
            text_object.textOut(text)
        canvas.drawText(text_object)
        y -= leading
    return top - leading * len(lines)


class Sheet:
    """A canvas with a cursor: paragraphs and tables go down the page and onto new pages."""

    def __init__(
        self,
        style: Style,
        *,
        title: str,
        author: str,
        subject: str = "",
        running_head: str = "",
        invariant: bool = False,
        footer: bool = True,
        mark: str = "",
        faces: Sequence[str] = (),
    ) -> None:
        """`faces`: those drawn besides the serif ones the sheet itself writes with."""
        faces = tuple(dict.fromkeys((*SERIF_FACES, *faces)))
        register_fonts(faces)  # before the canvas, which starts in the serif face
        self.buffer = io.BytesIO()
        self.canvas = Canvas(
            self.buffer,
            pagesize=style.page,
            invariant=1 if invariant else 0,
            pageCompression=1,
            # A dynamic font: no unembedded Helvetica in the preamble (the stubs say float).
            initialFontName=SERIF,  # type: ignore[arg-type]
            lang="vi-VN",
        )
        self.canvas.setTitle(nfc(title))
        self.canvas.setAuthor(nfc(author))
        self.canvas.setSubject(nfc(subject))
        self.canvas.setCreator("counter-app")
        claim_alphabet(self.canvas, faces)
        self.style = style
        self.running_head = running_head
        self.footer = footer
        self.mark = nfc(mark)
        self.page = 1
        self.left = style.left
        self.width = style.page[0] - style.left - style.right
        self.y = style.page[1] - style.top
        self._start_page()

    # --- pages
    @property
    def bottom(self) -> float:
        return self.style.bottom

    def room(self) -> float:
        return self.y - self.bottom

    def _start_page(self) -> None:
        if self.mark:
            self._draw_mark()
        if self.page > 1 and self.running_head:
            size = self.style.small
            lines = wrap([(self.running_head, SERIF_ITALIC)], size, self.width)
            self.y = draw_lines(
                self.canvas, lines, self.left, self.y, self.width, size, self.style.line(size)
            )
            self.canvas.setLineWidth(0.4)
            self.canvas.line(self.left, self.y - 1, self.left + self.width, self.y - 1)
            self.y -= 3 * mm

    def _draw_mark(self) -> None:
        """The mark in a thin frame at the top right, in the top margin: the text below stays
        where it is on the unmarked paper, so a reprint has the same pages as the original."""
        style = self.style
        size = style.small
        pad = 1 * mm
        width = stringWidth(self.mark, SERIF_BOLD, size)
        right = self.left + self.width
        baseline = style.page[1] - style.top + pad + size * 0.25
        canvas = self.canvas
        canvas.saveState()
        canvas.setFont(SERIF_BOLD, size)
        canvas.drawRightString(right - pad, baseline, self.mark)
        canvas.setLineWidth(0.6)
        canvas.rect(right - width - 2 * pad, baseline - size * 0.3, width + 2 * pad, size * 1.25)
        canvas.restoreState()

    def _end_page(self) -> None:
        """Leave room for "Trang n/N": a form filled in once N is known. A paper of one page
        never gets here before `finish`, and needs none."""
        if self.footer:
            self.canvas.doForm(f"page-foot-{self.page}")
        self.canvas.showPage()

    def new_page(self) -> None:
        self._end_page()
        self.page += 1
        self.y = self.style.page[1] - self.style.top
        self._start_page()

    def keep(self, height: float) -> None:
        """Start a new page unless `height` more fits on this one."""
        if height > self.room() and self.y < self.style.page[1] - self.style.top - 1:
            self.new_page()

    def space(self, height: float) -> None:
        self.y -= height

    # --- text
    def paragraph(
        self,
        runs: Sequence[Run] | str,
        *,
        size: float | None = None,
        font: str = SERIF,
        align: str = "left",
        indent: float = 0,
        first_indent: float = 0,
        after: float = 0,
        keep_next: float = 0,
    ) -> None:
        """Wrapped text from the cursor; lines that do not fit go on the next page."""
        size = size or self.style.size
        leading = self.style.line(size)
        if isinstance(runs, str):
            runs = [(runs, font)]
        x = self.left + first_indent
        lines = wrap(runs, size, self.width - first_indent, indent)
        if len(lines) <= 2 or keep_next:
            self.keep(leading * min(len(lines), 2) + keep_next)
        index = 0
        while index < len(lines):
            fit = int((self.room() + 0.01) // leading)
            if fit < 1:
                self.new_page()
                continue
            chunk = lines[index : index + fit]
            self.y = draw_lines(
                self.canvas, chunk, x, self.y, self.width - first_indent, size, leading, align
            )
            index += len(chunk)
            if index < len(lines):
                self.new_page()
        self.y -= after

    def field(self, label: str, value: str, *, bold: bool = False, after: float = 0) -> None:
        """ "Label: value", the value bold when asked, wrapping back to the margin."""
        self.paragraph(
            [(f"{label}: ", SERIF), (value or "……………", SERIF_BOLD if bold else SERIF)],
            after=after,
        )

    def rule(self, x0: float, x1: float, y: float, width: float = 0.6) -> None:
        self.canvas.setLineWidth(width)
        self.canvas.line(x0, y, x1, y)

    # --- tables
    def table(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[str | Sequence[Run]]],
        *,
        size: float | None = None,
        header_size: float | None = None,
        min_row_lines: int = 1,
        padding: float = 1.2 * mm,
    ) -> None:
        """A ruled table across the text width; the header repeats on every page it spans."""
        size = size or self.style.size
        header_size = header_size or size
        leading = self.style.line(size)
        header_leading = self.style.line(header_size)
        total = sum(c.weight for c in columns)
        widths = [self.width * c.weight / total for c in columns]
        xs = [self.left]
        for w in widths:
            xs.append(xs[-1] + w)
        inner = [w - 2 * padding for w in widths]
        header = [
            wrap([(c.title, SERIF_BOLD)], header_size, inner[i]) for i, c in enumerate(columns)
        ]
        header_height = max(len(h) for h in header) * header_leading + 2 * padding

        def cell_lines(i: int, value: str | Sequence[Run]) -> list[Line]:
            runs = [(value, SERIF)] if isinstance(value, str) else value
            return wrap(runs, size, inner[i])

        def draw_header() -> None:
            top = self.y
            for i, lines in enumerate(header):
                used = len(lines) * header_leading
                offset = (header_height - 2 * padding - used) / 2
                draw_lines(
                    self.canvas,
                    lines,
                    xs[i] + padding,
                    top - padding - offset,
                    inner[i],
                    header_size,
                    header_leading,
                    "center",
                )
            self._grid(xs, top, top - header_height)
            self.y = top - header_height

        first_row = True
        for row in rows:
            cells = [cell_lines(i, value) for i, value in enumerate(row)]
            count = max(min_row_lines, *(len(c) for c in cells))
            height = count * leading + 2 * padding
            need = height + (header_height if first_row else 0)
            if need > self.room():
                fresh = self.style.page[1] - self.style.top - self.bottom
                if need <= fresh or self.room() < header_height + leading * 3 + 2 * padding:
                    self.new_page()
                    first_row = True
            if first_row:
                draw_header()
                first_row = False
            start = 0
            while True:
                fit = int((self.room() - 2 * padding + 0.01) // leading)
                take = count - start if fit >= count - start else max(fit, 1)
                top = self.y
                for i, lines in enumerate(cells):
                    part = lines[start : start + take]
                    if part:
                        draw_lines(
                            self.canvas,
                            part,
                            xs[i] + padding,
                            top - padding,
                            inner[i],
                            size,
                            leading,
                            columns[i].align,
                        )
                bottom = top - take * leading - 2 * padding
                self._grid(xs, top, bottom)
                self.y = bottom
                start += take
                if start >= count:
                    break
                self.new_page()
                draw_header()

    def _grid(self, xs: Sequence[float], top: float, bottom: float) -> None:
        c = self.canvas
        c.setLineWidth(0.5)
        path = c.beginPath()
        for x in xs:
            path.moveTo(x, top)
            path.lineTo(x, bottom)
        path.moveTo(xs[0], top)
        path.lineTo(xs[-1], top)
        path.moveTo(xs[0], bottom)
        path.lineTo(xs[-1], bottom)
        c.drawPath(path, stroke=1, fill=0)

    # --- the end
    def finish(self) -> tuple[bytes, int]:
        """Close the last page, write "Trang n/N" where there is more than one, return the PDF
        and its number of pages."""
        pages = self.page
        if pages == 1 or not self.footer:
            self.canvas.showPage()
        else:
            self._end_page()
            size = self.style.small
            for n in range(1, pages + 1):
                self.canvas.beginForm(f"page-foot-{n}")
                self.canvas.setFont(SERIF_ITALIC, size)
                self.canvas.drawCentredString(
                    self.style.page[0] / 2, self.bottom - 2 * size, f"Trang {n}/{pages}"
                )
                self.canvas.endForm()
        self.canvas.save()
        return self.buffer.getvalue(), pages


__all__ = [
    "SERIF",
    "SERIF_BOLD",
    "SERIF_ITALIC",
    "Column",
    "Line",
    "Run",
    "Sheet",
    "Style",
    "draw_lines",
    "width_of",
    "wrap",
]
