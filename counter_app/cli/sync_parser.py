"""The grammar of the `sync` and `central` commands (kept beside parser.py, equally light)."""

from __future__ import annotations

import argparse
from pathlib import Path

HELP: dict[str, tuple[str, str]] = {
    "sync": (
        "đồng bộ với cơ sở dữ liệu trung tâm (liên tục; --once: một lượt)",
        "sync with the central database (keeps running; --once: one round)",
    ),
    "sync.central": (
        "địa chỉ máy chủ trung tâm (được ghi nhớ; mật khẩu cất vào kho mật khẩu của hệ điều hành)",
        "central address (remembered; a password in it goes to the operating system's keyring)",
    ),
    "sync.once": ("một lượt rồi thoát", "one round, then exit"),
    "password-stdin": (
        "đọc mật khẩu máy chủ trung tâm từ dòng đầu của stdin (không ghi mật khẩu vào địa chỉ: "
        "mọi người dùng của máy đều xem được dòng lệnh)",
        "read the central password from stdin's first line (never put it in the address: every "
        "user of the machine can read a command line)",
    ),
    "sync.sslmode": (
        "chế độ TLS của PostgreSQL (disable, require, verify-ca, verify-full)",
        "PostgreSQL TLS mode (disable, require, verify-ca, verify-full)",
    ),
    "sync.sslrootcert": (
        "tệp chứng chỉ gốc để kiểm tra máy chủ",
        "root certificate file to check the server with",
    ),
    "central": ("quản trị cơ sở dữ liệu trung tâm", "administer the central database"),
    "central.url": ("địa chỉ cơ sở dữ liệu trung tâm", "central database address"),
    "central.init": ("tạo hoặc nâng cấp lược đồ trung tâm", "create or upgrade the central schema"),
    "central.add-counter": (
        "thêm một quầy: trên PostgreSQL tạo tài khoản riêng và in mật khẩu một lần; "
        "trên SQLite (dùng thử) in địa chỉ ghi tên quầy",
        "add a counter: on PostgreSQL make its own login and print its password once; "
        "on a trial SQLite central print an address naming the counter",
    ),
    "central.counter": ("mã quầy", "counter ID"),
    "central.agency": (
        "mã cơ quan quầy phục vụ (lặp lại được)",
        "agency the counter serves (repeatable)",
    ),
    "central.name": ("tên quầy", "counter name"),
    "central.notices": (
        "thông báo về quyết định của cơ quan xử lý, gửi từ trung tâm: đang chờ, đã gửi, lỗi; "
        "'send' gửi những thông báo đang chờ qua máy chủ thư và cổng SMS của thư mục dữ liệu",
        "the notices of decisions taken at central: queued, sent, failed; 'send' sends what "
        "waits through the mail server and SMS gateway set in the data folder",
    ),
    "central.notices.code": ("chỉ thông báo của hồ sơ này", "only this dossier's notices"),
    "central.status": (
        "ghi quyết định của cơ quan xử lý (dùng thử, kiểm thử); không có CODE STATUS: tình trạng"
        " của máy chủ trung tâm (số quầy, hồ sơ, dải số sắp hết)",
        "record a processing department's decision (trials and tests); without CODE STATUS:"
        " central's state (counters, dossiers, number spaces running low)",
    ),
    "central.note": ("lý do / ghi chú", "reason / note"),
    "central.submit": (
        'nhận một hồ sơ trực tuyến như cổng dịch vụ công gửi (JSON tiếp nhận kèm "agency")',
        'take an online submission as the portal sends it (intake JSON plus "agency")',
    ),
    "central.catalog": (
        "nhập danh mục thủ tục vào trung tâm",
        "import a catalog file into central",
    ),
    "central.export": (
        "xuất hồ sơ theo trường của Cổng dịch vụ công quốc gia (JSON lines)",
        "export dossiers in the national portal's field names (JSON lines)",
    ),
    "central.date": ("ngày tiếp nhận YYYY-MM-DD", "receipt date YYYY-MM-DD"),
    "central.since": (
        "chỉ hồ sơ thay đổi sau số thứ tự thay đổi này (dòng cuối in số để lần sau tiếp tục)",
        "only dossiers changed after this change sequence number (the last line prints the"
        " number to continue from)",
    ),
    "central.calendar": (
        "đặt hoặc bỏ một ngày nghỉ / ngày làm việc bù trên lịch chung, hoặc nạp tệp lịch nghỉ"
        " chính thức (các quầy nhận khi đồng bộ)",
        "set or remove a holiday or extra working day on the shared calendar, or load an official"
        " calendar file (counters pull them)",
    ),
    "central.calendar.date": ("ngày YYYY-MM-DD", "day YYYY-MM-DD"),
    "central.calendar.kind": (
        "holiday: ngày nghỉ; workday: ngày làm việc (kể cả thứ Bảy, Chủ nhật)",
        "holiday: a day off; workday: a working day (even a Saturday or Sunday)",
    ),
    "central.calendar.note": ("ghi chú, ví dụ tên ngày lễ", "note, such as the holiday's name"),
    "central.calendar.remove": ("bỏ ngày này khỏi lịch chung", "remove this day from the calendar"),
    "central.calendar.import": (
        "nạp mọi ngày của tệp lịch nghỉ chính thức (resources/calendar/official_days.json)",
        "load every day of an official calendar file (resources/calendar/official_days.json)",
    ),
}

STATUSES = (
    "receiving",
    "new",
    "denied",
    "processing",
    "waiting",
    "paying",
    "cancelled",
    "unresolved",
    "releasing",
    "done",
)


def add_sync_commands(commands: argparse._SubParsersAction, lang: str, parser_class: type) -> None:
    pick = 1 if lang == "en" else 0

    def h(key: str) -> str:
        return HELP[key][pick]

    sync = commands.add_parser("sync", help=h("sync"))
    sync.add_argument("--central", metavar="URL", help=h("sync.central"))
    sync.add_argument("--once", action="store_true", help=h("sync.once"))
    sync.add_argument("--password-stdin", action="store_true", help=h("password-stdin"))
    sync.add_argument(
        "--sslmode",
        choices=("disable", "allow", "prefer", "require", "verify-ca", "verify-full"),
        help=h("sync.sslmode"),
    )
    sync.add_argument("--sslrootcert", metavar="FILE", help=h("sync.sslrootcert"))
    sync.set_defaults(handler="sync_commands:sync")

    central = commands.add_parser("central", help=h("central"))
    central_commands = central.add_subparsers(
        dest="central_command", required=True, metavar="COMMAND", parser_class=parser_class
    )

    def admin_command(name: str) -> argparse.ArgumentParser:
        command = central_commands.add_parser(name, help=h(f"central.{name}"))
        command.add_argument("url", metavar="URL", help=h("central.url"))
        command.add_argument("--password-stdin", action="store_true", help=h("password-stdin"))
        return command

    init = admin_command("init")
    init.set_defaults(handler="sync_commands:central_init")

    add = admin_command("add-counter")
    add.add_argument("--counter", required=True, metavar="ID", help=h("central.counter"))
    add.add_argument(
        "--agency", required=True, action="append", metavar="CODE", help=h("central.agency")
    )
    add.add_argument("--name", default="", help=h("central.name"))
    add.set_defaults(handler="sync_commands:central_add_counter")

    status = admin_command("status")
    status.add_argument("code", metavar="CODE", nargs="?")
    status.add_argument("status", choices=STATUSES, metavar="STATUS", nargs="?")
    status.add_argument("--note", default="", help=h("central.note"))
    status.set_defaults(handler="sync_commands:central_status")

    submit = admin_command("submit")
    submit.add_argument("file", type=Path, metavar="FILE.json")
    submit.set_defaults(handler="sync_commands:central_submit")

    catalog = admin_command("catalog")
    catalog.add_argument("file", type=Path, metavar="FILE.json")
    catalog.set_defaults(handler="sync_commands:central_catalog")

    calendar = admin_command("calendar")
    calendar.add_argument("--date", metavar="D", help=h("central.calendar.date"))
    change = calendar.add_mutually_exclusive_group(required=True)
    change.add_argument("--kind", choices=("holiday", "workday"), help=h("central.calendar.kind"))
    change.add_argument("--remove", action="store_true", help=h("central.calendar.remove"))
    change.add_argument(
        "--import", dest="import_file", metavar="FILE", help=h("central.calendar.import")
    )
    calendar.add_argument("--note", default="", help=h("central.calendar.note"))
    calendar.set_defaults(handler="sync_commands:central_calendar")

    notices = admin_command("notices")  # the notices of decisions taken at central (issue 18)
    notices.add_argument("action", nargs="?", choices=("send",))
    notices.add_argument("--code", help=h("central.notices.code"))
    notices.set_defaults(handler="citizen_commands:central_notices")

    export = admin_command("export")
    export.add_argument("--date", help=h("central.date"))
    export.add_argument("--since", metavar="SEQUENCE", help=h("central.since"))
    export.set_defaults(handler="sync_commands:central_export")
