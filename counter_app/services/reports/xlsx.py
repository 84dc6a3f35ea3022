"""The reports as spreadsheets (openpyxl): Vietnamese headers, dates as real dates with a
number format, widths set, a totals row, the header frozen. Built in memory and returned as
bytes, which the service writes whole or not at all."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from counter_app.domain.clock import local
from counter_app.domain.messages import translate
from counter_app.domain.ratings import Level, RatingCounts, RatingReview
from counter_app.domain.reports import DailyReview, DueItem, PeriodReport, PeriodRow
from counter_app.domain.wording import short_date
from counter_app.services.reports.words import (
    BOOK_TITLE,
    CHANNELS,
    COLLECTIONS,
    DAILY_TITLE,
    PERIOD_COLUMNS,
    PERIOD_TITLE,
    TOTAL,
    cash_difference,
    period_lines,
    period_numbers,
    person,
    status_word,
)

DATE = "dd/mm/yyyy"
DATETIME = "dd/mm/yyyy hh:mm"
COUNT = "#,##0"
MONEY = '#,##0 "đ"'
PERCENT = "0.0%"
BOLD = Font(bold=True)
CellValue = str | int | float | Decimal | date | datetime | None  # what a cell here may hold
TITLE = Font(bold=True, size=13)
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
THIN = Side(style="thin", color="808080")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)


def excel_time(moment: datetime | None) -> datetime | None:
    """Spreadsheets have no time zones: the counter's local time, as the officer reads it."""
    return local(moment).replace(tzinfo=None) if moment is not None else None


def to_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def first_sheet(workbook: Workbook) -> Worksheet:
    """The sheet a new workbook starts with (openpyxl types `active` as maybe a chart)."""
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    return sheet


class Table:
    """A titled, ruled table on a sheet: header row frozen, formats per column, totals row."""

    def __init__(
        self,
        sheet: Worksheet,
        columns: Sequence[tuple[str, float, str | None]],  # heading, width, number format
        *,
        title: str,
        subtitle: str = "",
    ) -> None:
        self.sheet = sheet
        self.columns = columns
        sheet["A1"] = title
        sheet["A1"].font = TITLE
        sheet["A2"] = subtitle
        sheet["A2"].font = Font(italic=True)
        self.header_row = 4
        for index, (heading, width, _) in enumerate(columns, start=1):
            header = sheet.cell(self.header_row, index, heading)
            header.font = BOLD
            header.fill = HEADER_FILL
            header.alignment = CENTRE
            header.border = GRID
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = sheet.cell(self.header_row + 1, 1).coordinate
        self.row = self.header_row + 1
        workbook = sheet.parent
        assert workbook is not None  # a sheet made by a Workbook
        self._body = [cell_style(workbook, fmt) for _, _, fmt in columns]
        self._total = [cell_style(workbook, fmt, total=True) for _, _, fmt in columns]

    def add(self, values: Sequence[CellValue], *, total: bool = False) -> None:
        styles = self._total if total else self._body
        for index, value in enumerate(values, start=1):
            self.sheet.cell(self.row, index, value).style = styles[index - 1]
        self.row += 1

    def total(self, values: Sequence[CellValue]) -> None:
        self.add(values, total=True)


def cell_style(workbook: Workbook, number_format: str | None, *, total: bool = False) -> str:
    """A named style (ruled, wrapped; bold and shaded in a totals row), made once per
    workbook: thousands of cells then share it instead of each building its own, which is
    what keeps a 2,000-row book well under two seconds."""
    name = f"counter-{'total' if total else 'body'}-{number_format or 'text'}"
    if name not in workbook.named_styles:
        workbook.add_named_style(
            NamedStyle(
                name=name,
                font=Font(bold=total),
                fill=TOTAL_FILL if total else PatternFill(),
                border=GRID,
                alignment=WRAP,
                number_format=number_format or "General",
            )
        )
    return name


def _counts(
    workbook: Workbook,
    name: str,
    title: str,
    subtitle: str,
    key_heading: str,
    rows: Sequence[tuple[str, str, int]],
    *,
    name_heading: str = "",
    number_heading: str = "Số hồ sơ",
    number_format: str = COUNT,
) -> None:
    columns: list[tuple[str, float, str | None]] = [(key_heading, 22, None)]
    if name_heading:
        columns.append((name_heading, 60, None))
    columns.append((number_heading, 16, number_format))
    table = Table(workbook.create_sheet(name), columns, title=title, subtitle=subtitle)
    for key, label, count in rows:
        table.add([key, label, count] if name_heading else [label or key, count])
    total = sum(count for *_, count in rows)
    table.total([TOTAL, None, total] if name_heading else [TOTAL, total])


def _due_sheet(
    workbook: Workbook, name: str, title: str, subtitle: str, items: Sequence[DueItem]
) -> None:
    table = Table(
        workbook.create_sheet(name),
        [
            ("Mã hồ sơ", 28, None),
            ("Tên thủ tục hành chính", 48, None),
            ("Tên cá nhân, tổ chức", 28, None),
            ("Cơ quan giải quyết", 18, None),
            ("Trạng thái", 18, None),
            ("Hẹn trả kết quả", 18, DATETIME),
            ("Cán bộ tiếp nhận", 18, None),
        ],
        title=title,
        subtitle=subtitle,
    )
    for item in items:
        table.add(
            [
                item.code,
                item.procedure_name,
                item.applicant_name,
                item.agency_code,
                status_word(item.status),
                excel_time(item.due_at),
                item.received_by,
            ]
        )
    table.total([f"{TOTAL}: {len(items)} hồ sơ", *[None] * 6])


def daily_workbook(review: DailyReview, officers: Mapping[str, str]) -> bytes:
    """The day's review on several sheets: the summary first, then each breakdown."""
    workbook = Workbook()
    day = short_date(review.day)
    who = ""
    if review.officer:
        who = f" – cán bộ {officers.get(review.officer) or review.officer}"
    subtitle = f"Ngày {day}{who}"
    summary = Table(
        first_sheet(workbook),
        [("Chỉ tiêu", 52, None), ("Số liệu", 22, COUNT)],
        title=DAILY_TITLE,
        subtitle=subtitle,
    )
    summary.sheet.title = "Tổng hợp"
    outcomes = review.on_time
    lines: list[tuple[str, CellValue, str | None]] = [
        ("Ngày", review.day, DATE),
        ("Số hồ sơ tiếp nhận", review.received, None),
        *[(f"– {CHANNELS[key]}", review.by_channel.get(key, 0), None) for key in CHANNELS],
        ("Số hồ sơ đã giải quyết", review.resolved, None),
        ("– Trước hạn", outcomes.before, None),
        ("– Đúng hạn", outcomes.on, None),
        ("– Quá hạn", outcomes.late, None),
        ("Tỷ lệ giải quyết đúng hạn", outcomes.on_time_rate, PERCENT),
        ("Số hồ sơ đã trả kết quả", review.returned, None),
        ("Hồ sơ quá hạn chưa giải quyết", len(review.overdue), None),
        ("Hồ sơ đến hạn trong ngày", len(review.due_today), None),
        ("Hồ sơ đến hạn ngày làm việc tiếp theo", len(review.due_tomorrow), None),
        ("Phí, lệ phí đã thu", review.fees_total, MONEY),
        ("Trong đó thu bằng tiền mặt", review.cash_fees, MONEY),
    ]
    signed = review.sign_off
    if signed is not None:
        lines += [
            ("Ký xác nhận bởi", person(officers, signed.signed_by), None),
            ("Ký xác nhận lúc", excel_time(signed.signed_at), DATETIME),
            ("Tiền mặt kiểm đếm", signed.cash_counted, MONEY),
            ("Chênh lệch", cash_difference(signed.difference), None),
            ("Ghi chú", signed.note, None),
        ]
        if not signed.locked:
            reopened = f"{person(officers, signed.reopened_by)}: {signed.reopen_reason}"
            lines.append(("Đã mở lại bởi", reopened, None))
    for label, value, number_format in lines:
        summary.add([label, value])
        if number_format:
            summary.sheet.cell(summary.row - 1, 2).number_format = number_format

    _counts(
        workbook,
        "Theo kênh",
        "Hồ sơ tiếp nhận theo kênh",
        subtitle,
        "Kênh thực hiện",
        [(key, CHANNELS[key], review.by_channel.get(key, 0)) for key in CHANNELS],
    )
    _counts(
        workbook,
        "Theo thủ tục",
        "Hồ sơ tiếp nhận theo thủ tục",
        subtitle,
        "Mã thủ tục",
        [
            (code, review.procedure_names.get(code, ""), n)
            for code, n in review.by_procedure.items()
        ],
        name_heading="Tên thủ tục hành chính",
    )
    _counts(
        workbook,
        "Theo cơ quan",
        "Hồ sơ tiếp nhận theo cơ quan giải quyết",
        subtitle,
        "Mã cơ quan",
        [(code, code, n) for code, n in review.by_agency.items()],
    )
    _counts(
        workbook,
        "Theo cán bộ",
        "Hồ sơ tiếp nhận theo cán bộ",
        subtitle,
        "Tài khoản",
        [(login, officers.get(login, ""), n) for login, n in review.by_officer.items()],
        name_heading="Họ và tên",
    )
    _counts(
        workbook,
        "Theo giờ",
        "Hồ sơ tiếp nhận theo giờ",
        subtitle,
        "Giờ",
        [(f"{hour:02d}", f"{hour:02d}:00–{hour:02d}:59", n) for hour, n in review.by_hour.items()],
    )
    _counts(
        workbook,
        "Phí, lệ phí",
        "Phí, lệ phí đã thu theo hình thức thu",
        subtitle,
        "Hình thức thu",
        [
            (key, COLLECTIONS[key], review.fees_by_collection.get(key, 0))
            for key in ("before", "after")
        ],
        number_heading="Số tiền",
        number_format=MONEY,
    )
    payments = Table(
        workbook.create_sheet("Thanh toán"),
        [("Hình thức nộp", 22, None), ("Số lần nộp", 14, COUNT), ("Số tiền", 16, MONEY)],
        title="Phí, lệ phí đã nộp theo hình thức nộp (đối soát)",
        subtitle=subtitle,
    )
    for method, paid in review.payments.items():
        payments.add([translate(f"payment.method.{method}"), paid.count, paid.amount])
    totals = review.payments.values()
    payments.total([TOTAL, sum(paid.count for paid in totals), sum(paid.amount for paid in totals)])
    trend = Table(
        workbook.create_sheet("30 ngày"),
        [("Ngày", 14, DATE), ("Số hồ sơ tiếp nhận", 20, COUNT)],
        title="Hồ sơ tiếp nhận trong 30 ngày",
        subtitle=subtitle,
    )
    for trend_day, count in review.trend:
        trend.add([trend_day, count])
    trend.total([TOTAL, sum(count for _, count in review.trend)])
    _due_sheet(workbook, "Quá hạn", "Hồ sơ quá hạn chưa giải quyết", subtitle, review.overdue)
    _due_sheet(
        workbook, "Đến hạn trong ngày", "Hồ sơ đến hạn trong ngày", subtitle, review.due_today
    )
    _due_sheet(
        workbook,
        "Đến hạn ngày tiếp theo",
        "Hồ sơ đến hạn ngày làm việc tiếp theo",
        subtitle,
        review.due_tomorrow,
    )
    ratings_sheet(workbook, review.ratings, subtitle, officers)
    return to_bytes(workbook)


def ratings_sheet(
    workbook: Workbook, review: RatingReview, subtitle: str, officers: Mapping[str, str]
) -> None:
    """The citizens' ratings per officer and per procedure: counts and each level's share."""
    levels = list(Level)
    columns: list[tuple[str, float, str | None]] = [("Theo", 16, None), ("", 40, None)]
    columns += [(level.label(), 14, COUNT) for level in levels]
    columns += [(f"Tỷ lệ {level.label().lower()}", 14, PERCENT) for level in levels]
    columns.append(("Tổng số", 12, COUNT))
    table = Table(
        workbook.create_sheet("Đánh giá"),
        columns,
        title="Mức độ hài lòng của người dân",
        subtitle=subtitle,
    )

    def line(group: str, name: str, counts: RatingCounts, *, total: bool = False) -> None:
        values: list[CellValue] = [group, name]
        values += [counts.counts.get(level.value, 0) for level in levels]
        values += [counts.share(level) for level in levels]
        values.append(counts.total)
        table.add(values, total=total)

    for login, counts in sorted(review.by_officer.items()):
        line("Cán bộ", officers.get(login) or login, counts)
    for code, counts in sorted(review.by_procedure.items()):
        line("Thủ tục", code, counts)
    line(TOTAL, "", review.total, total=True)


def period_workbook(report: PeriodReport) -> bytes:
    """The provincial layout: each agency, then its procedures, then the total; two header
    rows (the groups merged over their columns)."""
    workbook = Workbook()
    sheet = first_sheet(workbook)
    sheet.title = "Báo cáo"
    sheet["A1"] = PERIOD_TITLE
    sheet["A1"].font = TITLE
    sheet["A2"] = f"Từ ngày {short_date(report.start)} đến ngày {short_date(report.end)}"
    sheet["A2"].font = Font(italic=True)
    sheet["A3"] = "Từ ngày"
    sheet["B3"] = report.start
    sheet["C3"] = "Đến ngày"
    sheet["D3"] = report.end
    for cell in (sheet["B3"], sheet["D3"]):
        cell.number_format = DATE
    group_row, heading_row = 5, 6
    fixed = [("STT", 6), ("Đơn vị, thủ tục hành chính", 56)]
    for index, (heading, width) in enumerate(fixed, start=1):
        sheet.merge_cells(
            start_row=group_row, end_row=heading_row, start_column=index, end_column=index
        )
        _header(sheet.cell(group_row, index, heading))
        _header(sheet.cell(heading_row, index))
        sheet.column_dimensions[get_column_letter(index)].width = width
    first = len(fixed) + 1
    column = first
    for group in dict.fromkeys(group for group, _ in PERIOD_COLUMNS):
        span = [heading for g, heading in PERIOD_COLUMNS if g == group]
        sheet.merge_cells(
            start_row=group_row,
            end_row=group_row,
            start_column=column,
            end_column=column + len(span) - 1,
        )
        for offset, heading in enumerate(span):
            _header(sheet.cell(group_row, column + offset, group if offset == 0 else None))
            _header(sheet.cell(heading_row, column + offset, heading))
            sheet.column_dimensions[get_column_letter(column + offset)].width = 12
        column += len(span)
    sheet.freeze_panes = sheet.cell(heading_row + 1, first).coordinate
    row = heading_row + 1
    formats = [COUNT] * (len(PERIOD_COLUMNS) - 2) + [PERCENT, PERCENT]

    def put(
        number: str,
        name: str,
        figures: PeriodRow,
        *,
        bold: bool,
        fill: PatternFill | None = None,
        indent: int = 0,
    ) -> None:
        nonlocal row
        values = [number, name, *period_numbers(figures)]
        for index, value in enumerate(values, start=1):
            cell = sheet.cell(row, index, value)
            cell.border = GRID
            if index > 2:
                cell.number_format = formats[index - 3]
            else:
                cell.alignment = Alignment(wrap_text=True, vertical="top", indent=indent)
            if bold:
                cell.font = BOLD
            if fill is not None:
                cell.fill = fill
        row += 1

    for number, name, figures, is_agency in period_lines(report):
        put(number, name, figures, bold=is_agency, indent=0 if is_agency else 1)
    put("", TOTAL, report.total, bold=True, fill=TOTAL_FILL)
    ratings_sheet(workbook, report.ratings, sheet["A2"].value, {})
    return to_bytes(workbook)


def _header(cell: Cell | MergedCell) -> None:
    cell.font = BOLD
    cell.fill = HEADER_FILL
    cell.alignment = CENTRE
    cell.border = GRID


BOOK_HEADINGS: tuple[tuple[str, float, str | None], ...] = (
    ("STT", 6, COUNT),
    ("Mã hồ sơ", 28, None),
    ("Tên thủ tục hành chính", 44, None),
    ("Số bộ hồ sơ", 8, COUNT),
    ("Tên cá nhân, tổ chức", 26, None),
    ("Địa chỉ", 34, None),
    ("Số điện thoại", 14, None),
    ("Nhận hồ sơ", 17, DATETIME),
    ("Hẹn trả kết quả", 17, DATETIME),
    ("Trả kết quả", 17, DATETIME),
    ("Người nhận kết quả", 24, None),
    ("Ghi chú", 24, None),
)


def book_workbook(first: date, last: date, rows: Sequence[tuple[Any, ...]]) -> bytes:
    """Sổ theo dõi hồ sơ as a spreadsheet: the printed book's columns, one row per dossier."""
    workbook = Workbook()
    if first == last:
        period = f"Ngày {short_date(first)}"
    else:
        period = f"Từ ngày {short_date(first)} đến ngày {short_date(last)}"
    table = Table(first_sheet(workbook), BOOK_HEADINGS, title=BOOK_TITLE, subtitle=period)
    table.sheet.title = "Sổ theo dõi hồ sơ"
    sets = 0
    for number, values in enumerate(rows, start=1):
        (code, procedure, count, applicant, address, phone, received, due, returned,
         collector, authorised, status, return_method) = values  # fmt: skip
        notes = []
        if status != "done":
            notes.append(status_word(status))
        if return_method == "postal":
            notes.append("Trả qua bưu chính")
        if collector and authorised:
            collector = f"{collector} (được ủy quyền)"
        sets += count
        table.add(
            [
                number,
                code,
                procedure,
                count,
                applicant,
                address,
                phone,
                excel_time(received),
                excel_time(due),
                excel_time(returned),
                collector,
                "; ".join(notes),
            ]
        )
    table.total([None, f"{TOTAL}: {len(rows)} hồ sơ", None, sets, *[None] * 8])
    return to_bytes(workbook)
