"""Giấy tiếp nhận hồ sơ và hẹn trả kết quả: what the citizen takes home, and brings back.

Its barcode is the dossier code, so the counter finds the dossier again with one scan; a QR
leads to the online status look-up when the counter has its address.
"""

from __future__ import annotations

from reportlab.lib.units import mm

from counter_app.domain.catalog import FeeCollection
from counter_app.domain.clock import local
from counter_app.domain.dossier import ReturnMethod
from counter_app.domain.wording import (
    count_with_zero,
    money,
    money_in_words,
    official_time,
)
from counter_app.services.printing.barcodes import (
    PAPER_MODULE,
    bar_height,
    code128_width,
    draw_code128,
    draw_qr,
)
from counter_app.services.printing.common import (
    FORM_WORDS,
    PaperData,
    Signature,
    applicant_block,
    dossier_paper,
    signatures,
)
from counter_app.services.printing.kinds import Paper, PaperKind
from counter_app.services.printing.layout import (
    SERIF,
    SERIF_BOLD,
    SERIF_ITALIC,
    Column,
    Sheet,
    width_of,
)

KIND = PaperKind.RECEIPT


def render_receipt(data: PaperData, *, size: str = "A4", invariant: bool = False) -> Paper:
    dossier = data.dossier
    assert dossier.received_at is not None and dossier.code
    received = local(dossier.received_at)
    sheet = dossier_paper(KIND, data, received, size=size, invariant=invariant)
    codes_block(sheet, data)
    if data.replaces:  # renumbered when the counter joined central: the old code is void
        sheet.paragraph(
            f"Mã hồ sơ này thay cho mã {', '.join(data.replaces)} trên giấy tiếp nhận đã cấp "
            "trước đây (trùng mã khi quầy kết nối cơ sở dữ liệu tập trung); mã cũ không còn "
            "giá trị.",
            font=SERIF_ITALIC,
            after=1 * mm,
        )

    sheet.paragraph(f"{data.head.agency_name} tiếp nhận hồ sơ của:", after=0.5 * mm)
    applicant_block(sheet, dossier.applicant)
    sheet.field("Nội dung yêu cầu giải quyết", dossier.procedure_name, bold=True, after=1 * mm)

    leading = sheet.style.line()
    sheet.paragraph("1. Thành phần hồ sơ nộp gồm:", keep_next=leading * 4)
    rows = [
        [str(i), doc.name, FORM_WORDS[doc.form], str(doc.count)]
        for i, doc in enumerate(dossier.documents, start=1)
    ]
    if not rows:
        rows = [["", "Không có giấy tờ kèm theo", "", ""]]
    sheet.table(
        [
            Column("STT", 1, "center"),
            Column("Tên giấy tờ", 7.2),
            Column("Hình thức", 2.4, "center"),
            Column("Số lượng", 1.4, "center"),
        ],
        rows,
        padding=1.2 * mm if sheet.style.size >= 11 else 0.6 * mm,  # A5: a usual dossier on one page
    )
    sheet.space(1 * mm)
    sheet.paragraph(f"2. Số lượng hồ sơ: {count_with_zero(dossier.sets)} (bộ)")
    sheet.paragraph(
        f"3. Thời gian giải quyết hồ sơ theo quy định là: {data.duration_text or '……………'}"
    )
    sheet.paragraph(f"4. Thời gian nhận hồ sơ: {official_time(received)}")
    due = official_time(dossier.due_at) if dossier.due_at else "không quy định thời hạn"
    sheet.paragraph([("5. Thời gian trả kết quả giải quyết hồ sơ: ", SERIF), (due, SERIF_BOLD)])
    if dossier.return_method is ReturnMethod.POSTAL:
        place = "qua dịch vụ bưu chính công ích"
        if dossier.applicant.address:
            place += f", tại địa chỉ: {dossier.applicant.address}"
    else:
        place = data.return_place or data.counter_name
    sheet.paragraph(f"6. Đăng ký nhận kết quả tại: {place}")  # the form's own words
    fees(sheet, data)
    volume = data.settings.volume(received.year)
    signatures(
        sheet,
        [
            Signature("NGƯỜI NỘP HỒ SƠ", name=dossier.applicant.full_name),
            Signature("NGƯỜI TIẾP NHẬN HỒ SƠ", name=data.officer(dossier.received_by)),
        ],
        lead=f"Vào Sổ theo dõi hồ sơ, Quyển số: {volume}, Số thứ tự: {data.book_number}.",
    )
    pdf, pages = sheet.finish()
    return Paper(KIND, data.settings.forms.title(KIND), pdf, pages, dossier.code)


def codes_block(sheet: Sheet, data: PaperData, *, qr: bool = True) -> None:
    """The dossier code as a Code 128 with "Mã hồ sơ: …" printed under it, and the QR of the
    status look-up to the right when asked and the counter has its address."""
    code = data.code
    style = sheet.style
    url = data.settings.status_url(code) if qr else ""
    qr_size = 22 * mm if style.size >= 11 else 17 * mm
    gap = 6 * mm
    module = PAPER_MODULE
    room = sheet.width - (qr_size + gap if url else 0)
    if code128_width(code, module) > room:  # an unusually long code: narrower bars, never cut
        module = room / code128_width(code, 1)
    bars_w = code128_width(code, module)
    bars_h = bar_height(code, module)
    text_size = style.size
    block_h = max(bars_h + text_size * 1.5, qr_size if url else 0)
    sheet.keep(block_h + 2 * mm)
    total = bars_w + (gap + qr_size if url else 0)
    x = sheet.left + (sheet.width - total) / 2
    top = sheet.y
    draw_code128(sheet.canvas, code, x, top - bars_h, module, bars_h)
    canvas = sheet.canvas
    label = f"Mã hồ sơ: {code}"
    canvas.setFont(SERIF_BOLD, text_size)
    label_w = width_of(label, SERIF_BOLD, text_size)
    canvas.drawString(x + (bars_w - label_w) / 2, top - bars_h - text_size * 1.15, label)
    if url:
        qx = x + bars_w + gap
        draw_qr(canvas, url, qx, top - qr_size, qr_size)
        caption = "Tra cứu hồ sơ"
        canvas.setFont(SERIF_ITALIC, style.small)
        cw = width_of(caption, SERIF_ITALIC, style.small)
        canvas.drawString(qx + (qr_size - cw) / 2, top - qr_size - style.small, caption)
        block_h = max(block_h, qr_size + style.small * 1.3)
    sheet.y = top - block_h - 2 * mm


def fees(sheet: Sheet, data: PaperData) -> None:
    lines = data.dossier.fees
    if not lines:
        sheet.paragraph("7. Phí, lệ phí: không thu.")
        return
    sheet.paragraph("7. Phí, lệ phí:")
    total = 0
    for line in lines:
        if line.collection is FeeCollection.EXEMPT:
            sheet.paragraph(f"- {line.name}: miễn.", indent=3 * mm, first_indent=5 * mm)
            continue
        amount = money(line.total)
        if line.quantity > 1:
            amount += f" ({line.quantity} × {money(line.amount)})"
        when = (
            "thu khi trả kết quả" if line.collection is FeeCollection.AFTER else "thu khi tiếp nhận"
        )
        sheet.paragraph(f"- {line.name}: {amount}, {when}.", indent=3 * mm, first_indent=5 * mm)
        total += line.total
    if total:
        sheet.paragraph(
            [
                ("Tổng cộng: ", SERIF),
                (money(total), SERIF_BOLD),
                (f" (Bằng chữ: {money_in_words(total)}).", SERIF_ITALIC),
            ],
            first_indent=5 * mm,
        )
    if data.payment_qr:
        payment_block(sheet, data.payment_qr)


def payment_block(sheet: Sheet, text: str) -> None:
    """The VietQR of the fees due, with how to use it, kept together on one page."""
    style = sheet.style
    size = 26 * mm if style.size >= 11 else 20 * mm
    sheet.keep(size + 2 * mm)
    top = sheet.y
    draw_qr(sheet.canvas, text, sheet.left + 5 * mm, top - size, size)
    caption_x = sheet.left + 5 * mm + size + 4 * mm
    sheet.canvas.setFont(SERIF_ITALIC, style.small)
    lines = (
        "Chuyển khoản: quét mã VietQR bằng ứng dụng ngân hàng;",
        "số tiền và mã hồ sơ đã có sẵn trong mã.",
    )
    for index, line in enumerate(lines):
        sheet.canvas.drawString(caption_x, top - size / 2 + (0.5 - index) * style.small * 1.3, line)
    sheet.y = top - size - 2 * mm
