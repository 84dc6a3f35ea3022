"""Phiếu từ chối tiếp nhận giải quyết hồ sơ: the specific reason, as typed with the refusal."""

from __future__ import annotations

from reportlab.lib.units import mm

from counter_app.domain.lifecycle import Action
from counter_app.domain.wording import official_time
from counter_app.services.printing.common import (
    PaperData,
    Signature,
    applicant_block,
    dossier_paper,
    signatures,
)
from counter_app.services.printing.kinds import Paper, PaperKind
from counter_app.services.printing.layout import SERIF_BOLD
from counter_app.services.printing.rules import last_move

KIND = PaperKind.REFUSAL


def render_refusal(data: PaperData, *, invariant: bool = False) -> Paper:
    dossier = data.dossier
    refusal = last_move(dossier, Action.REFUSE)
    assert refusal is not None
    officer = data.officer(refusal.actor)
    sheet = dossier_paper(KIND, data, refusal.at, invariant=invariant)
    sheet.paragraph([(f"Mã hồ sơ: {data.code}", SERIF_BOLD)], align="center", after=2 * mm)

    sheet.paragraph(f"{data.head.agency_name} tiếp nhận hồ sơ của:", after=0.5 * mm)
    applicant_block(sheet, dossier.applicant)
    sheet.field("Nội dung yêu cầu giải quyết", dossier.procedure_name, bold=True)
    submitted = dossier.received_at or (dossier.history[0].at if dossier.history else refusal.at)
    sheet.paragraph(f"Thời gian nộp hồ sơ: {official_time(submitted)}")
    sheet.space(1 * mm)
    sheet.paragraph(
        "Qua xem xét, đối chiếu với quy định hiện hành, hồ sơ của Ông/Bà không đủ điều kiện "
        f"để tiếp nhận, giải quyết. {data.head.agency_name} từ chối tiếp nhận hồ sơ với lý do "
        "cụ thể như sau:",
        after=1 * mm,
    )
    sheet.paragraph([(refusal.note, SERIF_BOLD)], first_indent=5 * mm, after=1 * mm)
    sheet.paragraph("Xin thông báo để Ông/Bà được biết và thực hiện./.")
    signatures(sheet, [None, Signature("NGƯỜI TIẾP NHẬN HỒ SƠ", name=officer)])
    pdf, pages = sheet.finish()
    return Paper(KIND, data.settings.forms.title(KIND), pdf, pages, dossier.code)
