"""Văn bản xin lỗi và hẹn lại ngày trả kết quả: the time first promised, why it cannot be kept,
and the new time promised to the citizen."""

from __future__ import annotations

from datetime import datetime

from counter_app.domain.clock import local
from counter_app.domain.wording import official_date, official_time
from counter_app.services.printing.common import (
    PaperData,
    Signature,
    addressee,
    dossier_paper,
    signatures,
)
from counter_app.services.printing.kinds import Paper, PaperKind
from counter_app.services.printing.layout import SERIF, SERIF_BOLD

KIND = PaperKind.APOLOGY


def render_apology(
    data: PaperData, new_due: datetime, reason: str, *, invariant: bool = False
) -> Paper:
    dossier = data.dossier
    assert dossier.due_at is not None
    agency = data.head.agency_name
    sheet = dossier_paper(KIND, data, data.printed_at, invariant=invariant)
    addressee(sheet, dossier.applicant.full_name)
    received = (
        official_date(local(dossier.received_at).date()) if dossier.received_at else "ngày ……"
    )
    sheet.paragraph(
        [
            (
                f"{received[0].upper()}{received[1:]}, {agency} tiếp nhận giải quyết hồ sơ "
                "của Ông/Bà, "
                "nội dung yêu cầu giải quyết: ",
                SERIF,
            ),
            (dossier.procedure_name, SERIF_BOLD),
            (".", SERIF),
        ]
    )
    sheet.paragraph([("Mã hồ sơ: ", SERIF), (data.code, SERIF_BOLD), (".", SERIF)])
    sheet.paragraph(
        f"Thời hạn trả kết quả giải quyết hồ sơ đã hẹn: {official_time(dossier.due_at)}."
    )
    sheet.paragraph(f"Cơ quan chịu trách nhiệm giải quyết hồ sơ: {agency}.")
    why = f" Lý do: {reason.rstrip('.')}." if reason else ""
    sheet.paragraph(
        f"{agency} không thể trả kết quả giải quyết hồ sơ cho Ông/Bà đúng thời hạn đã hẹn.{why}"
    )
    sheet.paragraph(
        [
            (
                "Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của Ông/Bà. "
                f"{agency} xin lỗi Ông/Bà và hẹn trả kết quả giải quyết hồ sơ vào ",
                SERIF,
            ),
            (official_time(new_due), SERIF_BOLD),
            (".", SERIF),
        ]
    )
    sheet.paragraph("Rất mong nhận được sự thông cảm của Ông/Bà./.")
    signatures(sheet, [None, Signature("THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên và đóng dấu)")])
    pdf, pages = sheet.finish()
    return Paper(KIND, data.settings.forms.title(KIND), pdf, pages, dossier.code)
