"""Phiếu đề nghị nộp phí, lệ phí: the fees a request-payment move asks for, line by line,
what was paid already and what is still due, with the VietQR that pays it by transfer.

The circulars have no form for it (the form line stays empty); it takes the look of the
counter's other papers, and the VietQR block of the receipt."""

from __future__ import annotations

from reportlab.lib.units import mm

from counter_app.domain.catalog import FeeCollection
from counter_app.domain.lifecycle import Action
from counter_app.domain.wording import money, money_in_words
from counter_app.services.printing.common import (
    PaperData,
    Signature,
    move_paper,
    received_dossier,
    signatures,
)
from counter_app.services.printing.kinds import Paper, PaperKind
from counter_app.services.printing.layout import SERIF, SERIF_BOLD, SERIF_ITALIC, Column
from counter_app.services.printing.receipt import codes_block, payment_block

KIND = PaperKind.PAYMENT_REQUEST


def render_payment_request(data: PaperData, *, invariant: bool = False) -> Paper:
    dossier = data.dossier
    assert data.fees_due > 0
    sheet, request = move_paper(KIND, data, Action.REQUEST_PAYMENT, invariant=invariant)
    codes_block(sheet, data, qr=False)

    received_dossier(sheet, data, f"{data.head.agency_name} đề nghị Ông/Bà:")
    sheet.paragraph(
        "thực hiện nghĩa vụ tài chính để hồ sơ được tiếp tục giải quyết, gồm các khoản phí, "
        "lệ phí sau:",
        after=1 * mm,
    )
    rows: list[list[str]] = []
    owed = 0
    for number, line in enumerate(dossier.fees, start=1):
        exempt = line.collection is FeeCollection.EXEMPT
        rows.append(
            [
                str(number),
                line.name,
                str(line.quantity),
                money(line.amount),
                "miễn" if exempt else money(line.total),
            ]
        )
        owed += 0 if exempt else line.total
    sheet.table(
        [
            Column("STT", 1, "center"),
            Column("Khoản phí, lệ phí", 6),
            Column("Số lượng", 1.5, "center"),
            Column("Mức thu", 2.5, "right"),
            Column("Thành tiền", 2.7, "right"),
        ],
        rows,
    )
    sheet.space(1 * mm)
    if owed > data.fees_due:  # part paid before: what was paid, and what is left
        sheet.paragraph(
            f"Tổng cộng: {money(owed)}; đã nộp: {money(owed - data.fees_due)}.",
            first_indent=5 * mm,
        )
    sheet.paragraph(
        [
            ("Số tiền phải nộp: ", SERIF),
            (money(data.fees_due), SERIF_BOLD),
            (f" (Bằng chữ: {money_in_words(data.fees_due)}).", SERIF_ITALIC),
        ],
        first_indent=5 * mm,
        after=1 * mm,
    )
    if request.note:
        sheet.paragraph(f"Nội dung đề nghị: {request.note}", after=1 * mm)
    if data.payment_qr:
        payment_block(sheet, data.payment_qr)
    sheet.paragraph(
        [
            (
                "Ông/Bà có thể nộp bằng tiền mặt hoặc thẻ tại Bộ phận Một cửa; khi nộp, xin mang "
                "theo phiếu này hoặc báo mã hồ sơ.",
                SERIF_ITALIC,
            )
        ]
    )
    signatures(sheet, [None, Signature("NGƯỜI LẬP PHIẾU", name=data.officer(request.actor))])
    pdf, pages = sheet.finish()
    return Paper(KIND, data.settings.forms.title(KIND), pdf, pages, dossier.code)
