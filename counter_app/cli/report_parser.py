"""The grammar of the `report` commands (the supervisor's review; kept beside parser.py,
equally light)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from counter_app.cli.help_text import help_in

HELP: dict[str, tuple[str, str]] = {
    "report": (
        "số liệu báo cáo, ký xác nhận cuối ngày, xuất XLSX/PDF",
        "figures, the end-of-day sign-off, XLSX/PDF exports",
    ),
    "report.daily": ("số liệu trong một ngày", "the figures of one day"),
    "report.period": (
        "báo cáo theo kỳ (mẫu của tỉnh: theo cơ quan, theo thủ tục)",
        "the period report (the province's layout: per agency, per procedure)",
    ),
    "report.book": (
        "sổ theo dõi hồ sơ dạng bảng tính XLSX",
        "the tracking book as an XLSX spreadsheet",
    ),
    "report.sign-off": (
        "ký xác nhận một ngày (khóa số liệu của ngày), đối chiếu tiền mặt",
        "sign off a day (locks its figures), reconciling the cash",
    ),
    "report.reopen": (
        "mở lại một ngày đã ký (ghi nhật ký, cần lý do)",
        "reopen a signed day (audited, needs a reason)",
    ),
    "report.date": ("ngày YYYY-MM-DD", "the day YYYY-MM-DD"),
    "report.from": ("từ ngày YYYY-MM-DD", "from YYYY-MM-DD"),
    "report.to": ("đến ngày YYYY-MM-DD (tính cả ngày này)", "to YYYY-MM-DD (included)"),
    "report.xlsx": ("ghi thêm tệp XLSX", "also write an XLSX file"),
    "report.pdf": ("ghi thêm tệp PDF", "also write a PDF file"),
    "report.user": (
        "tài khoản xem báo cáo (quyền theo vai trò; bỏ trống: toàn bộ phận)",
        "login the figures are for (access by role; omitted: the whole counter)",
    ),
    "report.officer": ("chỉ số liệu của một cán bộ", "one officer's figures only"),
    "report.cash": ("số tiền mặt kiểm đếm (đồng)", "the cash counted (in dong)"),
    "report.note": ("ghi chú (bắt buộc khi có chênh lệch)", "note (needed for a difference)"),
    "report.reason": ("lý do mở lại", "why the day is reopened"),
    "report.early_reason": (
        "lý do ký ngày hôm nay trước giờ đóng cửa (bắt buộc khi đó: việc ký chặn mọi tiếp nhận "
        "còn lại trong ngày)",
        "why today is signed off before the counter's closing time (needed then: signing "
        "blocks every intake for the rest of the day)",
    ),
    "as_user": (
        "tài khoản lãnh đạo thực hiện; mật khẩu đọc từ dòng đầu của stdin (hoặc nhập khi được hỏi)",
        "login of the supervisor acting; the password is read from stdin's first line (or asked "
        "for at the terminal)",
    ),
}


def add_report_commands(
    commands: argparse._SubParsersAction, lang: str, parser_class: type
) -> None:
    h = help_in(lang, HELP)

    report = commands.add_parser("report", help=h("report"))
    reports = report.add_subparsers(
        dest="report_command", required=True, metavar="COMMAND", parser_class=parser_class
    )
    daily = reports.add_parser("daily", help=h("report.daily"))
    daily.add_argument("--date", required=True, help=h("report.date"))
    daily.add_argument("--officer", metavar="LOGIN", help=h("report.officer"))
    _outputs(daily, h)
    daily.set_defaults(handler="report_commands:daily")

    period = reports.add_parser("period", help=h("report.period"))
    _period(period, h)
    _outputs(period, h)
    period.set_defaults(handler="report_commands:period")

    book = reports.add_parser("book", help=h("report.book"))
    _period(book, h)
    book.add_argument("--xlsx", metavar="FILE", required=True, help=h("report.xlsx"))
    book.add_argument("--user", metavar="LOGIN", help=h("report.user"))
    book.set_defaults(handler="report_commands:book")

    sign = reports.add_parser("sign-off", help=h("report.sign-off"))
    sign.add_argument("--date", required=True, help=h("report.date"))
    sign.add_argument("--cash", required=True, metavar="AMOUNT", help=h("report.cash"))
    sign.add_argument("--note", default="", help=h("report.note"))
    sign.add_argument("--user", required=True, help=h("as_user"))
    sign.add_argument("--early-reason", default="", metavar="TEXT", help=h("report.early_reason"))
    sign.set_defaults(handler="report_commands:sign_off")

    reopen = reports.add_parser("reopen", help=h("report.reopen"))
    reopen.add_argument("--date", required=True, help=h("report.date"))
    reopen.add_argument("--reason", required=True, help=h("report.reason"))
    reopen.add_argument("--user", required=True, help=h("as_user"))
    reopen.set_defaults(handler="report_commands:reopen")


def _period(parser: argparse.ArgumentParser, h: Callable[[str], str]) -> None:
    parser.add_argument(
        "--from", dest="date_from", required=True, metavar="D", help=h("report.from")
    )
    parser.add_argument("--to", dest="date_to", required=True, metavar="D", help=h("report.to"))


def _outputs(parser: argparse.ArgumentParser, h: Callable[[str], str]) -> None:
    parser.add_argument("--xlsx", metavar="FILE", help=h("report.xlsx"))
    parser.add_argument("--pdf", metavar="FILE", help=h("report.pdf"))
    parser.add_argument("--user", metavar="LOGIN", help=h("report.user"))
