"""Sổ theo dõi hồ sơ: one row per dossier received in a day or a period, A4 landscape.

Rows follow the order of receipt; the table header repeats on every page and the columns left
for the result (who took it, their signature) are ruled for writing by hand.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib.units import mm

from counter_app.domain.clock import local
from counter_app.domain.dossier import Dossier, ReturnMethod, Status
from counter_app.domain.wording import official_date, short_date, time_and_date
from counter_app.services.printing.common import STYLES, Letterhead, form_line, letterhead, title
from counter_app.services.printing.kinds import Paper, PaperKind
from counter_app.services.printing.layout import Column, Sheet
from counter_app.services.printing.paper_settings import PaperSettings

KIND = PaperKind.BOOK
TABLE_SIZE = 8.5

COLUMNS = (
    Column("STT", 8, "center"),
    Column("Mã hồ sơ", 37),
    Column("Tên thủ tục hành chính", 36),
    Column("Số bộ hồ sơ", 10, "center"),
    Column("Tên cá nhân, tổ chức", 28),
    Column("Địa chỉ, số điện thoại", 32),
    Column("Nhận hồ sơ", 24, "center"),
    Column("Hẹn trả kết quả", 24, "center"),
    Column("Trả kết quả", 24, "center"),
    Column("Người nhận kết quả", 24),
    Column("Ký nhận", 12),
    Column("Ghi chú", 14),
)


@dataclass(frozen=True)
class BookData:
    dossiers: Sequence[Dossier]
    numbers: Sequence[int]  # each dossier's "STT" in the volume of its year, as on its receipt
    first: date
    last: date
    settings: PaperSettings
    parent_name: str
    counter_name: str
    officers: Mapping[str, str]
    printed_at: datetime


def render_tracking_book(data: BookData, *, invariant: bool = False) -> Paper:
    forms = data.settings.forms
    heading = forms.title(KIND)
    if data.first == data.last:
        period = f"Ngày {short_date(data.first)}"
    else:
        period = f"Từ ngày {short_date(data.first)} đến ngày {short_date(data.last)}"
    style = STYLES["book"]
    sheet = Sheet(
        style,
        title=f"{heading.capitalize()} – {period}",
        author=data.counter_name,
        running_head=f"{heading.capitalize()} – {period} (tiếp theo)",
        invariant=invariant,
    )
    form_line(sheet, data.settings, KIND)
    head = Letterhead(data.parent_name, data.counter_name, data.settings.place)
    letterhead(sheet, head, official_date(local(data.printed_at).date(), data.settings.place))
    title(sheet, heading, period)
    volume = data.settings.volume(data.first.year)
    sheet.paragraph(
        f"Quyển số: {volume}. Số hồ sơ: {len(data.dossiers)}.", align="center", after=2 * mm
    )
    rows = [
        _row(number, dossier) for number, dossier in zip(data.numbers, data.dossiers, strict=True)
    ]
    if not rows:
        rows = [["", "Không có hồ sơ nào được tiếp nhận trong thời gian này.", *[""] * 10]]
    sheet.table(COLUMNS, rows, size=TABLE_SIZE, min_row_lines=2, padding=1 * mm)
    pdf, pages = sheet.finish()
    return Paper(KIND, heading, pdf, pages, None)


def _row(number: int, dossier: Dossier) -> list[str]:
    applicant = dossier.applicant
    where = ", ".join(part for part in (applicant.address, applicant.phone) if part)
    collector = ""
    if dossier.collector:
        collector = dossier.collector.full_name
        if dossier.collector.authorised:
            collector += " (được ủy quyền)"
    notes = []
    if dossier.status is not Status.DONE:
        notes.append(dossier.status.label("vi"))
    if dossier.return_method is ReturnMethod.POSTAL:
        notes.append("Trả qua bưu chính")
    return [
        str(number),
        dossier.code or "",
        dossier.procedure_name,
        str(dossier.sets),
        applicant.full_name,
        where,
        time_and_date(dossier.received_at) if dossier.received_at else "",
        time_and_date(dossier.due_at) if dossier.due_at else "Không quy định",
        time_and_date(dossier.returned_at) if dossier.returned_at else "",
        collector,
        "",
        "; ".join(notes),
    ]
