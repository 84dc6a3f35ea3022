"""Thông báo dừng giải quyết hồ sơ (new with the 2025 forms): which dossier, from when, why."""

from __future__ import annotations

from reportlab.lib.units import mm

from counter_app.domain.clock import local
from counter_app.domain.lifecycle import Action
from counter_app.domain.wording import official_time
from counter_app.services.printing.common import (
    PaperData,
    Signature,
    addressee,
    move_paper,
    signatures,
)
from counter_app.services.printing.kinds import Paper, PaperKind
from counter_app.services.printing.layout import SERIF, SERIF_BOLD

KIND = PaperKind.STOP_NOTICE


def render_stop_notice(data: PaperData, *, invariant: bool = False) -> Paper:
    dossier = data.dossier
    sheet, stop = move_paper(KIND, data, Action.STOP, invariant=invariant)
    stopped = local(stop.at)
    agency = data.head.agency_name
    addressee(sheet, dossier.applicant.full_name)
    sheet.paragraph(f"{agency} thông báo dừng giải quyết hồ sơ sau đây của Ông/Bà:", after=0.5 * mm)
    sheet.field("Mã hồ sơ", data.code, bold=True)
    sheet.field("Nội dung yêu cầu giải quyết", dossier.procedure_name, bold=True)
    if dossier.received_at:
        sheet.paragraph(f"Thời gian tiếp nhận hồ sơ: {official_time(dossier.received_at)}")
    if dossier.due_at:
        sheet.paragraph(f"Thời hạn trả kết quả đã hẹn: {official_time(dossier.due_at)}")
    sheet.paragraph(f"Thời điểm dừng giải quyết: {official_time(stopped)}")
    sheet.paragraph([("Lý do dừng giải quyết: ", SERIF), (stop.note, SERIF_BOLD)], after=1 * mm)
    sheet.paragraph(f"{agency} thông báo để Ông/Bà được biết./.")
    signatures(sheet, [None, Signature("THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên và đóng dấu)")])
    pdf, pages = sheet.finish()
    return Paper(KIND, data.settings.forms.title(KIND), pdf, pages, dossier.code)
