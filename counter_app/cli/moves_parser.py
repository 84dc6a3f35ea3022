"""The grammar of `amend` and `online` (the officer's moves; kept beside parser.py, equally
light)."""

from __future__ import annotations

import argparse

from counter_app.cli.help_text import help_in

HELP: dict[str, tuple[str, str]] = {
    "amend": (
        "sửa thông tin tiếp nhận (người nộp, giấy tờ, số bộ, hình thức trả, ghi chú) từ tệp "
        "JSON hoặc - để đọc stdin; sau khi chuyển xử lý chỉ lãnh đạo, với lý do",
        "correct an intake (applicant, papers, sets, return method, note) from a JSON file or - "
        "for stdin; after transfer only a supervisor, with a reason",
    ),
    "amend.reason": ("lý do sửa (bắt buộc sau khi chuyển xử lý)", "why (needed after transfer)"),
    "online": ("hồ sơ nộp trực tuyến chờ tiếp nhận", "online submissions waiting at the counter"),
    "online.list": ("liệt kê hồ sơ trực tuyến đang chờ", "list the waiting online submissions"),
    "online.accept": (
        "tiếp nhận một hồ sơ trực tuyến: cấp mã và ngày hẹn trả",
        "accept an online submission: a code and a due time",
    ),
    "online.supplement": (
        "yêu cầu bổ sung hồ sơ trực tuyến",
        "ask for a supplement to an online submission",
    ),
    "online.refuse": ("từ chối hồ sơ trực tuyến", "refuse an online submission"),
    "online.id": ("mã định danh của hồ sơ trực tuyến (id)", "the submission's id"),
    "online.note": ("nội dung gửi người nộp (bắt buộc)", "what the applicant is told (needed)"),
    "as_user": ("tài khoản cán bộ thực hiện", "login of the officer acting"),
}


def add_moves_commands(commands: argparse._SubParsersAction, lang: str, parser_class: type) -> None:
    h = help_in(lang, HELP)

    amend = commands.add_parser("amend", help=h("amend"))
    amend.add_argument("code")
    amend.add_argument("file", metavar="FILE.json|-")
    amend.add_argument("--user", required=True, help=h("as_user"))
    amend.add_argument("--reason", default="", metavar="TEXT", help=h("amend.reason"))
    amend.set_defaults(handler="moves_commands:amend")

    online = commands.add_parser("online", help=h("online"))
    online_commands = online.add_subparsers(
        dest="online_command", required=True, metavar="COMMAND", parser_class=parser_class
    )
    listing = online_commands.add_parser("list", help=h("online.list"))
    listing.set_defaults(handler="moves_commands:online_list")
    accept = online_commands.add_parser("accept", help=h("online.accept"))
    accept.add_argument("id", metavar="ID", help=h("online.id"))
    accept.add_argument("--user", required=True, help=h("as_user"))
    accept.set_defaults(handler="moves_commands:online_accept")
    for name in ("supplement", "refuse"):
        decide = online_commands.add_parser(name, help=h(f"online.{name}"))
        decide.add_argument("id", metavar="ID", help=h("online.id"))
        decide.add_argument("--note", required=True, metavar="TEXT", help=h("online.note"))
        decide.add_argument("--user", required=True, help=h("as_user"))
        decide.set_defaults(handler="moves_commands:online_decide")
