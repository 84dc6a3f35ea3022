"""The grammar of what the citizen does at the desk (issue 18): `rate` from a keypad or kiosk
and the notices to applicants (kept beside parser.py, equally light)."""

from __future__ import annotations

import argparse

from counter_app.cli.help_text import help_in

HELP: dict[str, tuple[str, str]] = {
    "rate": (
        "người dân đánh giá mức độ hài lòng (bàn phím đánh giá, ki-ốt); không dùng tài khoản "
        "cán bộ",
        "the citizen's satisfaction rating (keypad, kiosk); never an officer's login",
    ),
    "rate.level": ("mức đánh giá", "the level"),
    "rate.reason": (
        "lý do (có thể lặp lại): waiting, attitude, guidance, papers, fees, result",
        "a reason (may be repeated): waiting, attitude, guidance, papers, fees, result",
    ),
    "rate.user": (
        "tài khoản đang đăng nhập nơi đánh giá (tài khoản cán bộ bị từ chối)",
        "the login signed in where the rating is given (an officer's is refused)",
    ),
    "notices": (
        "thông báo gửi người nộp: đang chờ, đã gửi, lỗi; 'send' gửi những thông báo đang chờ",
        "notices to applicants: queued, sent, failed; 'send' sends what waits",
    ),
    "notices.code": ("chỉ thông báo của hồ sơ này", "only this dossier's notices"),
}

LEVELS = ("very_satisfied", "satisfied", "dissatisfied")


def add_citizen_commands(commands: argparse._SubParsersAction, lang: str) -> None:
    h = help_in(lang, HELP)

    rate = commands.add_parser("rate", help=h("rate"))
    rate.add_argument("code")
    rate.add_argument("level", choices=LEVELS, help=h("rate.level"))
    rate.add_argument(
        "--reason", action="append", default=[], metavar="TEXT", help=h("rate.reason")
    )
    rate.add_argument("--user", metavar="LOGIN", help=h("rate.user"))
    rate.set_defaults(handler="citizen_commands:rate")

    notices = commands.add_parser("notices", help=h("notices"))
    notices.add_argument("action", nargs="?", choices=("send",))
    notices.add_argument("--code", help=h("notices.code"))
    notices.set_defaults(handler="citizen_commands:notices")
