"""What every official paper shares: its data, page styles, letterhead, title and signatures.

The letterhead follows the layout of administrative documents (Decree 30/2020/NĐ-CP): the
parent agency and the agency on the left, the national motto on the right with a rule under
"Độc lập - Tự do - Hạnh phúc", the place and date in italics under it; the form number and
its legal basis in small italics above.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.units import mm

from counter_app.domain.catalog import DocumentForm
from counter_app.domain.clock import local
from counter_app.domain.dossier import Applicant, Dossier, HistoryEntry
from counter_app.domain.identity_papers import PAPER_LABELS
from counter_app.domain.lifecycle import Action
from counter_app.domain.wording import official_date, official_time
from counter_app.services.printing.kinds import PaperKind
from counter_app.services.printing.layout import (
    SERIF,
    SERIF_BOLD,
    SERIF_ITALIC,
    Line,
    Sheet,
    Style,
    draw_lines,
    width_of,
    wrap,
)
from counter_app.services.printing.paper_settings import PaperSettings
from counter_app.services.printing.rules import last_move

MOTTO_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"

STYLES = {
    "A4": Style(A4, top=15 * mm, bottom=18 * mm, left=25 * mm, right=15 * mm, size=12, small=9),
    "A5": Style(
        A5,
        top=10 * mm,
        bottom=14 * mm,
        left=14 * mm,
        right=10 * mm,
        size=9.5,
        small=7.5,
        title=11.5,
    ),
    "book": Style(
        landscape(A4),
        top=12 * mm,
        bottom=14 * mm,
        left=12 * mm,
        right=12 * mm,
        size=11,
        small=8,
        title=14,
    ),
}

FORM_WORDS = {
    DocumentForm.ORIGINAL: "Bản chính",
    DocumentForm.CERTIFIED_COPY: "Bản sao chứng thực",
    DocumentForm.COPY: "Bản chụp",
}


@dataclass(frozen=True)
class Letterhead:
    parent_name: str
    agency_name: str
    place: str
    receiving_unit: str = ""  # the centre or one-stop unit that took the dossier in
    number: str = ""  # "Số: 12/TB-BPMC" from the paper's register, under the left block


@dataclass(frozen=True)
class PaperData:
    """Everything a paper about one dossier prints, gathered by the service."""

    dossier: Dossier
    head: Letterhead
    settings: PaperSettings
    officers: Mapping[str, str]  # login → full name
    counter_name: str
    printed_at: datetime
    return_place: str = ""  # the agency that hands the result back, when not this counter
    duration_text: str = ""  # the procedure's time limit as the catalog states it
    mark: str = ""  # across the top margin of every page, e.g. "BẢN IN LẠI …" on a reprint
    replaces: tuple[str, ...] = ()  # codes the dossier had before it was renumbered
    book_number: int = 0  # the receipt's "Số thứ tự" in the tracking book of its year
    payment_qr: str = ""  # the VietQR of the fees still due, when the agency's account is set
    fees_due: int = 0  # what the fees still want once the payments recorded are taken off

    def officer(self, login: str) -> str:
        return self.officers.get(login) or login

    @property
    def code(self) -> str:
        return self.dossier.code or ""


def new_sheet(kind: PaperKind, data: PaperData, style: Style, *, invariant: bool) -> Sheet:
    title = data.settings.forms.title(kind)
    return Sheet(
        style,
        title=f"{title.capitalize()} – {data.code}",
        author=data.head.agency_name or data.counter_name,
        subject=data.dossier.procedure_name,
        running_head=f"{title.capitalize()} – Mã hồ sơ: {data.code} (tiếp theo)",
        invariant=invariant,
        mark=data.mark,
    )


def dossier_paper(
    kind: PaperKind, data: PaperData, dated: datetime, *, size: str = "A4", invariant: bool
) -> Sheet:
    """How every paper about one dossier opens: its form's line, the letterhead dated the day
    of `dated` (the move it speaks of, or the printing) and its title."""
    sheet = new_sheet(kind, data, STYLES[size], invariant=invariant)
    form_line(sheet, data.settings, kind)
    letterhead(sheet, data.head, official_date(local(dated).date(), data.head.place))
    title(sheet, data.settings.forms.title(kind))
    return sheet


def addressee(sheet: Sheet, name: str) -> None:
    """ "Kính gửi: Ông/Bà …", centred under the title of a letter to the applicant."""
    sheet.paragraph(
        [("Kính gửi: Ông/Bà ", SERIF), (name, SERIF_BOLD)], align="center", after=2 * mm
    )


def move_paper(
    kind: PaperKind, data: PaperData, action: Action, *, invariant: bool
) -> tuple[Sheet, HistoryEntry]:
    """An A4 paper about the dossier's latest `action` move (a refusal, a request), opened and
    dated on the day of that move."""
    move = last_move(data.dossier, action)
    assert move is not None
    return dossier_paper(kind, data, move.at, invariant=invariant), move


def form_line(sheet: Sheet, settings: PaperSettings, kind: PaperKind) -> None:
    """ "Mẫu số 01 (Ban hành kèm theo …)" in small italics, right-aligned above everything.

    A paper the regime has no form for (the stop notice under the 2018 circular) prints no line:
    citing a circular that has no such form would be false."""
    forms = settings.forms
    number = forms.form_number(kind)
    if not number:
        return
    basis = forms.legal_basis
    text = f"{number} ({basis})" if basis else number
    sheet.paragraph([(text, SERIF_ITALIC)], size=sheet.style.small, align="right", after=1 * mm)


def letterhead(sheet: Sheet, head: Letterhead, date_line: str) -> None:
    """The two-column heading of an official paper, the cursor left under it."""
    canvas = sheet.canvas
    style = sheet.style
    size1, size2 = style.size, style.size + 1
    leading = style.line(style.size)
    gap = 3 * mm
    motto_width = max(width_of(MOTTO_1, SERIF_BOLD, size1), width_of(MOTTO_2, SERIF_BOLD, size2))
    right_width = max(motto_width + 2 * mm, sheet.width * 0.55)
    left_width = sheet.width - right_width - gap
    x_left = sheet.left
    x_right = sheet.left + left_width + gap
    top = sheet.y

    # Left: the parent agency, the receiving unit above the agency that handles the dossier
    # (as the forms name both), the agency in bold, a short rule under it.
    y = top
    above = (head.parent_name, head.receiving_unit)
    for name in dict.fromkeys(n for n in above if n and n.upper() != head.agency_name.upper()):
        lines = wrap([(name.upper(), SERIF)], size1, left_width)
        y = draw_lines(canvas, lines, x_left, y, left_width, size1, leading, "center")
    lines = wrap([(head.agency_name.upper(), SERIF_BOLD)], size1, left_width)
    y = draw_lines(canvas, lines, x_left, y, left_width, size1, leading, "center")
    rule = min(max(line.width for line in lines), left_width) / 3
    centre = x_left + left_width / 2
    sheet.rule(centre - rule / 2, centre + rule / 2, y - 2.5, 0.5)
    left_bottom = y - 3 * mm
    if head.number:
        lines = wrap([(head.number, SERIF)], size1, left_width)
        y = draw_lines(canvas, lines, x_left, y - 2 * mm, left_width, size1, leading, "center")
        left_bottom = y - 1 * mm

    # Right: the national motto, the rule under its second line, the place and date.
    y = draw_lines(
        canvas,
        [_line(MOTTO_1, SERIF_BOLD, size1)],
        x_right,
        top,
        right_width,
        size1,
        leading,
        "center",
    )
    y = draw_lines(
        canvas,
        [_line(MOTTO_2, SERIF_BOLD, size2)],
        x_right,
        y,
        right_width,
        size2,
        style.line(size2),
        "center",
    )
    motto2 = width_of(MOTTO_2, SERIF_BOLD, size2)
    centre = x_right + right_width / 2
    sheet.rule(centre - motto2 / 2, centre + motto2 / 2, y - 2, 0.6)
    y -= 2.5 * mm
    lines = wrap([(date_line, SERIF_ITALIC)], size1, right_width)
    y = draw_lines(canvas, lines, x_right, y, right_width, size1, leading, "center")
    sheet.y = min(y, left_bottom) - 3 * mm


def _line(text: str, font: str, size: float) -> Line:
    return wrap([(text, font)], size, 10_000)[0]


def title(sheet: Sheet, text: str, subtitle: str = "") -> None:
    style = sheet.style
    sheet.paragraph(
        [(text, SERIF_BOLD)], size=style.title, align="center", keep_next=style.line() * 3
    )
    if subtitle:
        sheet.paragraph([(subtitle, SERIF_BOLD)], size=style.size, align="center")
    sheet.space(2 * mm)


def received_dossier(sheet: Sheet, data: PaperData, lead: str) -> None:
    """Under `lead` ("… đã tiếp nhận hồ sơ của:"): the applicant, the procedure asked and
    when the dossier was received."""
    dossier = data.dossier
    sheet.paragraph(lead, after=0.5 * mm)
    applicant_block(sheet, dossier.applicant)
    sheet.field("Nội dung yêu cầu giải quyết", dossier.procedure_name, bold=True)
    if dossier.received_at:
        sheet.paragraph(f"Thời gian tiếp nhận hồ sơ: {official_time(dossier.received_at)}")
    sheet.space(1 * mm)


def applicant_block(sheet: Sheet, applicant: Applicant) -> None:
    """The applicant as the forms name them: "Ông/Bà", with the organisation they act for."""
    sheet.field("Ông/Bà", applicant.full_name, bold=True)
    if applicant.organisation:
        sheet.field("Tên tổ chức", applicant.organisation)
    if applicant.id_number:
        sheet.field(PAPER_LABELS[applicant.paper_type], applicant.id_number)
    sheet.field("Địa chỉ", applicant.address)
    phone = f"Số điện thoại: {applicant.phone or '……………'}"
    if applicant.email:
        phone += f"; thư điện tử: {applicant.email}"
    sheet.paragraph(phone)


@dataclass(frozen=True)
class Signature:
    role: str
    note: str = "(Ký và ghi rõ họ tên)"
    name: str = ""


def signatures(sheet: Sheet, blocks: Sequence[Signature | None], *, lead: str = "") -> None:
    """Signature columns side by side (None leaves a column empty), kept on one page, with
    room to sign: 20 mm on A4, 12 mm on A5. `lead`, a closing line in italics, goes on the same
    page, so a paper that runs over never ends with the signatures alone."""
    style = sheet.style
    blank = 20 * mm if style.size >= 11 else 12 * mm
    leading = style.line()
    width = sheet.width / len(blocks)
    laid: list[tuple[list[Line], list[Line], list[Line]] | None] = []
    for block in blocks:
        if block is None:
            laid.append(None)
            continue
        role = wrap([(block.role, SERIF_BOLD)], style.size, width - 4 * mm)
        note = wrap([(block.note, SERIF_ITALIC)], style.size, width - 4 * mm) if block.note else []
        name = wrap([(block.name, SERIF_BOLD)], style.size, width - 4 * mm) if block.name else []
        laid.append((role, note, name))
    height = (
        max((len(r) + len(n) + len(m)) * leading + blank for r, n, m in filter(None, laid)) + 2 * mm
    )
    if lead:
        sheet.paragraph(lead, font=SERIF_ITALIC, keep_next=height + 2 * mm)
    sheet.space(2 * mm)
    sheet.keep(height)
    top = sheet.y
    lowest = top
    for i, item in enumerate(laid):
        if item is None:
            continue
        role, note, name = item
        x = sheet.left + i * width + 2 * mm
        y = draw_lines(sheet.canvas, role, x, top, width - 4 * mm, style.size, leading, "center")
        y = draw_lines(sheet.canvas, note, x, y, width - 4 * mm, style.size, leading, "center")
        y -= blank
        y = draw_lines(sheet.canvas, name, x, y, width - 4 * mm, style.size, leading, "center")
        lowest = min(lowest, y)
    sheet.y = lowest
