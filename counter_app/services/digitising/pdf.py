"""The digitised dossier as one PDF: a cover page (code, applicant, procedure, components with
their page counts) drawn with the papers' fonts, then every original in component order:
pictures embedded losslessly by img2pdf (JPEG and PNG data copied as they are, never
re-encoded), PDF originals' pages copied by pikepdf as they are. A turned original gets the
page's /Rotate, never new pixels."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from counter_app.domain.messages import translate


@dataclass(frozen=True)
class Original:
    data: bytes
    media_type: str
    rotation: int  # degrees, a multiple of 90


@dataclass(frozen=True)
class CoverLine:
    component: str
    pages: int


@dataclass(frozen=True)
class CoverData:
    code: str
    applicant: str
    procedure: str
    components: Sequence[CoverLine]


def cover_page(cover: CoverData, lang: str = "vi") -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    from counter_app.services.printing.fonts import SERIF, SERIF_BOLD, claim_alphabet

    def t(key: str, **params: object) -> str:
        return translate(key, lang, **params)

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True, pageCompression=1)
    canvas.setTitle(f"{t('digitised.title')} {cover.code}")
    claim_alphabet(canvas, (SERIF, SERIF_BOLD))
    width, height = A4
    left, right = 25 * mm, width - 20 * mm
    y = height - 35 * mm
    canvas.setFont(SERIF_BOLD, 16)
    canvas.drawCentredString(width / 2, y, t("digitised.title"))
    y -= 14 * mm

    def wrapped(text: str, font: str, size: float, x: float) -> list[str]:
        lines, line = [], ""
        for word in text.split():
            candidate = f"{line} {word}".strip()
            if line and stringWidth(candidate, font, size) > right - x:
                lines.append(line)
                line = word
            else:
                line = candidate
        return [*lines, line] if line else lines or [""]

    nonlocal_y = [y]

    def field(label: str, value: str) -> None:
        canvas.setFont(SERIF_BOLD, 12)
        canvas.drawString(left, nonlocal_y[0], f"{label}:")
        x = left + 35 * mm
        canvas.setFont(SERIF, 12)
        for line in wrapped(value, SERIF, 12, x):
            canvas.drawString(x, nonlocal_y[0], line)
            nonlocal_y[0] -= 6 * mm
        nonlocal_y[0] -= 2 * mm

    field(t("digitised.code"), cover.code)
    field(t("digitised.applicant"), cover.applicant)
    field(t("digitised.procedure"), cover.procedure)
    y = nonlocal_y[0] - 4 * mm
    canvas.setFont(SERIF_BOLD, 12)
    canvas.drawString(left, y, f"{t('digitised.components')}:")
    y -= 8 * mm
    for number, line in enumerate(cover.components, start=1):
        pages = t("digitised.pages", pages=line.pages)
        canvas.setFont(SERIF, 12)
        canvas.drawRightString(right, y, pages)
        for text_line in wrapped(f"{number}. {line.component}", SERIF, 12, left + 30 * mm):
            canvas.drawString(left + 5 * mm, y, text_line)
            y -= 6 * mm
            if y < 25 * mm:
                canvas.showPage()
                y = height - 25 * mm
                canvas.setFont(SERIF, 12)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def digitised_pdf(
    cover: CoverData,
    originals: Sequence[Original],
    *,
    lang: str = "vi",
) -> tuple[bytes, int]:
    """The cover then each original's pages in order; the PDF and its page count."""
    import img2pdf
    import pikepdf

    document = pikepdf.open(io.BytesIO(cover_page(cover, lang)))
    sources = []  # kept open until saved: qpdf copies a foreign page's streams while writing
    for original in originals:
        if original.media_type == "application/pdf":
            source = pikepdf.open(io.BytesIO(original.data))
        else:
            source = pikepdf.open(io.BytesIO(img2pdf.convert(original.data)))
        sources.append(source)
        for page in source.pages:
            document.pages.append(page)
            if original.rotation % 360:
                document.pages[-1].rotate(original.rotation % 360, relative=True)
    out = io.BytesIO()
    document.save(out, deterministic_id=True, compress_streams=False)
    for source in sources:
        source.close()
    return out.getvalue(), len(document.pages)
