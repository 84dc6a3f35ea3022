"""Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: what to add or fix, as the officer typed it when
asking (the note of the request-supplement move), and whom to ask."""

from __future__ import annotations

from reportlab.lib.units import mm

from counter_app.domain.clock import local
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
from counter_app.services.printing.layout import SERIF, SERIF_BOLD
from counter_app.services.printing.receipt import codes_block
from counter_app.services.printing.rules import last_move

KIND = PaperKind.SUPPLEMENT


def render_supplement(data: PaperData, *, invariant: bool = False) -> Paper:
    dossier = data.dossier
    request = last_move(dossier, Action.REQUEST_SUPPLEMENT)
    assert request is not None
    asked = local(request.at)
    officer = data.officer(request.actor)
    sheet = dossier_paper(KIND, data, asked, invariant=invariant)
    codes_block(sheet, data, qr=False)

    sheet.paragraph(f"{data.head.agency_name} đã tiếp nhận hồ sơ của:", after=0.5 * mm)
    applicant_block(sheet, dossier.applicant)
    sheet.field("Nội dung yêu cầu giải quyết", dossier.procedure_name, bold=True)
    if dossier.received_at:
        sheet.paragraph(f"Thời gian tiếp nhận hồ sơ: {official_time(dossier.received_at)}")
    sheet.space(1 * mm)
    sheet.paragraph(
        "Sau khi xem xét, đối chiếu với quy định, hồ sơ của Ông/Bà cần được bổ sung, hoàn "
        "thiện. Đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung và lý do sau:",
        after=1 * mm,
    )
    sheet.paragraph([(request.note, SERIF_BOLD)], first_indent=5 * mm, after=1 * mm)
    sheet.paragraph(
        f"Thời hạn giải quyết hồ sơ tạm dừng từ {official_time(asked)} và được tính tiếp từ "
        "khi Ông/Bà nộp đủ hồ sơ đã bổ sung, hoàn thiện."
    )
    contact = f"Ông/Bà {officer}" + (
        f", số điện thoại {data.settings.contact_phone}" if data.settings.contact_phone else ""
    )
    sheet.paragraph(
        [
            (
                "Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với ",
                SERIF,
            ),
            (contact, SERIF),
            (" để được hướng dẫn./.", SERIF),
        ]
    )
    signatures(sheet, [None, Signature("NGƯỜI HƯỚNG DẪN", name=officer)])
    pdf, pages = sheet.finish()
    return Paper(KIND, data.settings.forms.title(KIND), pdf, pages, dossier.code)
