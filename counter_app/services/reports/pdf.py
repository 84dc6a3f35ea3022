"""The reports as PDF, in the look of the counter's printed papers: the bundled fonts, the
letterhead with the national motto, ruled tables whose header repeats on every page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.lib.units import mm

from counter_app.domain.messages import translate
from counter_app.domain.reports import DailyReview, DueItem, MethodTotal, PeriodReport, PeriodRow
from counter_app.domain.wording import official_date, short_date, short_time_and_date, thousands
from counter_app.services.printing.common import (
    STYLES,
    Letterhead,
    Signature,
    letterhead,
    signatures,
    title,
)
from counter_app.services.printing.fonts import render_lock
from counter_app.services.printing.layout import SERIF_BOLD, Column, Sheet
from counter_app.services.reports.words import (
    CHANNELS,
    COLLECTIONS,
    DAILY_TITLE,
    PERIOD_COLUMNS,
    PERIOD_TITLE,
    TOTAL,
    cash_difference,
    period_counts,
    period_lines,
    period_rates,
    person,
    status_word,
)

TABLE_SIZE = 9.5
# The period table's group headings, shortened to fit above a narrow column of figures.
SHORT_GROUPS = {
    "Số hồ sơ nhận giải quyết": "Tiếp nhận",
    "Số hồ sơ đã giải quyết": "Đã giải quyết",
    "Số hồ sơ đang giải quyết": "Đang giải quyết",
    "Tỷ lệ": "Tỷ lệ",
}


@dataclass(frozen=True)
class Heading:
    """What the letterhead says: the parent agency, the counter, where and when printed."""

    parent_name: str
    counter_name: str
    place: str
    printed_at: datetime


def percent(value: float | None) -> str:
    """ "93,5" (Vietnamese decimal comma); "–" when there is nothing to divide."""
    return "–" if value is None else f"{value * 100:.1f}".replace(".", ",")


def _bold(text: str) -> list[tuple[str, str]]:
    return [(text, SERIF_BOLD)]


def _start(style_name: str, heading: Heading, text: str, subtitle: str) -> Sheet:
    sheet = Sheet(
        STYLES[style_name],
        title=f"{text.capitalize()} – {subtitle}",
        author=heading.counter_name,
        running_head=f"{text.capitalize()} – {subtitle} (tiếp theo)",
    )
    head = Letterhead(heading.parent_name, heading.counter_name, heading.place)
    letterhead(sheet, head, official_date(heading.printed_at.date(), heading.place))
    title(sheet, text, subtitle)
    return sheet


def _section(sheet: Sheet, text: str) -> None:
    sheet.space(1.5 * mm)
    sheet.paragraph(_bold(text), keep_next=sheet.style.line() * 4, after=1 * mm)


def _counts(
    sheet: Sheet, key_heading: str, rows: Sequence[tuple[str, int]], *, money: bool = False
) -> None:
    unit = "Số tiền (đồng)" if money else "Số hồ sơ"
    columns = (Column("STT", 8, "center"), Column(key_heading, 70), Column(unit, 22, "right"))
    body: list[list[Any]] = [
        [str(n), label, thousands(value)] for n, (label, value) in enumerate(rows, start=1)
    ]
    body.append(["", _bold(TOTAL), _bold(thousands(sum(value for _, value in rows)))])
    sheet.table(columns, body, size=TABLE_SIZE)


def _payments(sheet: Sheet, payments: Mapping[str, MethodTotal]) -> None:
    columns = (
        Column("STT", 8, "center"),
        Column("Hình thức nộp", 50),
        Column("Số lần nộp", 20, "right"),
        Column("Số tiền (đồng)", 22, "right"),
    )
    body: list[list[Any]] = [
        [str(n), translate(f"payment.method.{method}"), thousands(paid.count),
         thousands(paid.amount)]
        for n, (method, paid) in enumerate(payments.items(), start=1)
    ]  # fmt: skip
    count = sum(paid.count for paid in payments.values())
    amount = sum(paid.amount for paid in payments.values())
    body.append(["", _bold(TOTAL), _bold(thousands(count)), _bold(thousands(amount))])
    sheet.table(columns, body, size=TABLE_SIZE)


def _due(sheet: Sheet, items: Sequence[DueItem], officers: Mapping[str, str]) -> None:
    if not items:
        sheet.paragraph("Không có hồ sơ nào.", size=TABLE_SIZE)
        return
    columns = (
        Column("STT", 9, "center"),
        Column("Mã hồ sơ", 30),
        Column("Thủ tục", 40),
        Column("Người nộp", 26),
        Column("Trạng thái", 18),
        Column("Hẹn trả", 18, "center"),
        Column("Cán bộ tiếp nhận", 22),
    )
    body = [
        [
            str(n),
            item.code,
            item.procedure_name,
            item.applicant_name,
            status_word(item.status),
            short_time_and_date(item.due_at),
            officers.get(item.received_by) or item.received_by,
        ]
        for n, item in enumerate(items, start=1)
    ]
    sheet.table(columns, body, size=TABLE_SIZE - 1)


def daily_pdf(review: DailyReview, heading: Heading, officers: Mapping[str, str]) -> bytes:
    subtitle = f"Ngày {short_date(review.day)}"
    if review.officer:
        subtitle += f" – cán bộ {officers.get(review.officer) or review.officer}"
    with render_lock:
        sheet = _start("A4", heading, DAILY_TITLE, subtitle)
        outcomes = review.on_time
        _section(sheet, "I. Tổng hợp")
        summary = [
            ("Số hồ sơ tiếp nhận", thousands(review.received)),
            ("Số hồ sơ đã giải quyết", thousands(review.resolved)),
            (
                "– trước hạn / đúng hạn / quá hạn",
                f"{outcomes.before} / {outcomes.on} / {outcomes.late}",
            ),
            ("Tỷ lệ giải quyết đúng hạn (%)", percent(outcomes.on_time_rate)),
            ("Số hồ sơ đã trả kết quả", thousands(review.returned)),
            ("Hồ sơ quá hạn chưa giải quyết", thousands(len(review.overdue))),
            ("Hồ sơ đến hạn trong ngày", thousands(len(review.due_today))),
            ("Hồ sơ đến hạn ngày làm việc tiếp theo", thousands(len(review.due_tomorrow))),
            ("Phí, lệ phí đã thu (đồng)", thousands(review.fees_total)),
            ("Trong đó thu bằng tiền mặt (đồng)", thousands(review.cash_fees)),
        ]
        sheet.table(
            (Column("Chỉ tiêu", 70), Column("Số liệu", 30, "right")),
            [[label, value] for label, value in summary],
            size=TABLE_SIZE,
        )
        _section(sheet, "II. Hồ sơ tiếp nhận theo kênh")
        _counts(
            sheet, "Kênh thực hiện", [(CHANNELS[k], review.by_channel.get(k, 0)) for k in CHANNELS]
        )
        _section(sheet, "III. Hồ sơ tiếp nhận theo thủ tục")
        _counts(
            sheet,
            "Thủ tục hành chính",
            [
                (f"{code} – {review.procedure_names.get(code, '')}", count)
                for code, count in review.by_procedure.items()
            ],
        )
        _section(sheet, "IV. Hồ sơ tiếp nhận theo cán bộ")
        _counts(
            sheet,
            "Cán bộ tiếp nhận",
            [(officers.get(login) or login, count) for login, count in review.by_officer.items()],
        )
        _section(sheet, "V. Phí, lệ phí đã thu")
        _counts(
            sheet,
            "Hình thức thu",
            [(COLLECTIONS[k], review.fees_by_collection.get(k, 0)) for k in ("before", "after")],
            money=True,
        )
        _section(sheet, "VI. Phí, lệ phí đã nộp theo hình thức nộp (đối soát)")
        _payments(sheet, review.payments)
        _section(sheet, "VII. Hồ sơ quá hạn chưa giải quyết")
        _due(sheet, review.overdue, officers)
        _section(sheet, "VIII. Hồ sơ đến hạn trong ngày")
        _due(sheet, review.due_today, officers)
        _section(sheet, "IX. Hồ sơ đến hạn ngày làm việc tiếp theo")
        _due(sheet, review.due_tomorrow, officers)
        signed = review.sign_off
        _section(sheet, "X. Ký xác nhận cuối ngày")
        if signed is None:
            sheet.paragraph("Ngày chưa được ký xác nhận.")
        else:
            sheet.paragraph(
                f"Ký xác nhận bởi {person(officers, signed.signed_by)} lúc "
                f"{short_time_and_date(signed.signed_at)}. Tiền mặt kiểm đếm: "
                f"{thousands(signed.cash_counted)} đồng; phí thu tiền mặt đã ghi nhận: "
                f"{thousands(signed.fees_recorded)} đồng; chênh lệch: "
                f"{cash_difference(signed.difference)}."
                + (f" Ghi chú: {signed.note}" if signed.note else "")
            )
            if not signed.locked and signed.reopened_at is not None:
                sheet.paragraph(
                    f"Đã mở lại bởi {person(officers, signed.reopened_by)} lúc "
                    f"{short_time_and_date(signed.reopened_at)}; lý do: {signed.reopen_reason}"
                )
        signatures(sheet, [None, Signature("LÃNH ĐẠO BỘ PHẬN MỘT CỬA")])
        pdf, _ = sheet.finish()
    return pdf


def period_pdf(report: PeriodReport, heading: Heading) -> bytes:
    subtitle = f"Từ ngày {short_date(report.start)} đến ngày {short_date(report.end)}"
    columns = (
        Column("STT", 7, "center"),
        Column("Đơn vị, thủ tục hành chính", 52),
        *[Column(f"{SHORT_GROUPS[group]}: {name}", 11, "right") for group, name in PERIOD_COLUMNS],
    )

    def cells(row: PeriodRow) -> list[str]:
        return [thousands(n) for n in period_counts(row)] + [percent(n) for n in period_rates(row)]

    body: list[list[Any]] = []
    for number, name, row, is_agency in period_lines(report):
        texts = [number, name, *cells(row)]
        body.append([_bold(text) for text in texts] if is_agency else texts)
    body.append(["", _bold(TOTAL), *[_bold(c) for c in cells(report.total)]])
    with render_lock:
        sheet = _start("book", heading, PERIOD_TITLE, subtitle)
        sheet.table(columns, body, size=8, header_size=7)
        signatures(sheet, [Signature("NGƯỜI LẬP BIỂU"), None, Signature("LÃNH ĐẠO BỘ PHẬN")])
        pdf, _ = sheet.finish()
    return pdf
