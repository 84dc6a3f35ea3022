"""The command-line grammar, in Vietnamese or English (`--lang`), built without heavy imports."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any, cast

HELP: dict[str, tuple[str, str]] = {
    "description": (
        "Phần mềm Bộ phận Một cửa. Không có lệnh con: mở cửa sổ làm việc.",
        "One-stop counter desktop client. Without a subcommand: open the desktop window.",
    ),
    "data_dir": (
        "thư mục dữ liệu (mặc định: thư mục dữ liệu của người dùng)",
        "data folder (default: the user's data folder)",
    ),
    "lang": ("ngôn ngữ: vi (mặc định) hoặc en", "language: vi (default) or en"),
    "version": ("in phiên bản rồi thoát", "print the version and exit"),
    "init": ("tạo hoặc nâng cấp cơ sở dữ liệu cục bộ", "create or upgrade the local database"),
    "init.demo": (
        "thêm danh mục và tài khoản mẫu (in ra thông tin đăng nhập)",
        "add the demo catalog and accounts (prints the logins)",
    ),
    "catalog": ("danh mục thủ tục", "the procedure catalog"),
    "catalog.import": ("nhập danh mục từ tệp JSON", "import a catalog JSON file"),
    "catalog.list": ("liệt kê thủ tục", "list procedures"),
    "catalog.search": (
        "tìm theo mã hoặc tên, không cần dấu",
        "search by code or name, diacritics optional",
    ),
    "user": ("tài khoản", "accounts"),
    "user.add": (
        "thêm tài khoản (mật khẩu mới nhập hai lần qua stdin, sau mật khẩu của --user)",
        "add an account (the new password twice on stdin, after the --user's password)",
    ),
    "user.role": ("vai trò", "role"),
    "user.full_name": ("họ và tên", "full name"),
    "user.title": (
        "chức vụ (gửi kèm họ tên cán bộ trong quá trình xử lý)",
        "title (sent with the officer's name in the dossier's progress)",
    ),
    "intake": (
        "tiếp nhận hồ sơ từ tệp JSON (hoặc - để đọc stdin)",
        "take in a dossier from a JSON file (or - for stdin)",
    ),
    "as_user": ("tài khoản cán bộ thực hiện", "login of the officer acting"),
    "as_signed_user": (
        "tài khoản thực hiện; mật khẩu của tài khoản đọc từ dòng đầu của stdin (hoặc nhập khi "
        "được hỏi)",
        "login of the officer acting; its password is read from stdin's first line (or asked "
        "for at the terminal)",
    ),
    "as_admin": (
        "tài khoản quản trị thực hiện, bắt buộc khi đã có quản trị viên; mật khẩu của tài khoản "
        "đọc từ dòng đầu của stdin (hoặc nhập khi được hỏi)",
        "login of the administrator acting, needed once the counter has one; its password is "
        "read from stdin's first line (or asked for at the terminal)",
    ),
    "pay.method": (
        "với pay: hình thức nộp phí (tiền mặt, chuyển khoản, thẻ)",
        "with pay: how the fees were paid (cash, transfer, card)",
    ),
    "pay.reference": (
        "với pay: số tham chiếu giao dịch (bắt buộc với chuyển khoản và thẻ)",
        "with pay: the transaction's reference (needed for a transfer or a card)",
    ),
    "show": ("xem toàn bộ một hồ sơ", "show a whole dossier"),
    "attach": (
        "đính kèm bản quét (JPEG, PNG, TIFF, PDF) vào một thành phần hồ sơ",
        "attach scans (JPEG, PNG, TIFF, PDF) to a component of a dossier",
    ),
    "attach.component": ("tên thành phần hồ sơ", "name of the dossier component"),
    "detach": (
        "gỡ một bản quét khỏi hồ sơ (ghi vào nhật ký)",
        "take a scan off a dossier (recorded in the audit log)",
    ),
    "detach.attachment": (
        "mã SHA-256 hoặc số id của bản quét (xem lệnh show)",
        "the scan's SHA-256 or id (see the show command)",
    ),
    "detach.reason": ("lý do gỡ", "why it is taken off"),
    "print.digitised": (
        "hồ sơ điện tử: trang bìa và mọi bản quét theo thứ tự thành phần",
        "the digitised dossier: a cover and every scan in component order",
    ),
    "list": ("liệt kê hồ sơ", "list dossiers"),
    "list.date": ("ngày tiếp nhận YYYY-MM-DD", "receipt date YYYY-MM-DD"),
    "list.status": (
        "trạng thái (receiving, new, processing, ...)",
        "status (receiving, new, processing, ...)",
    ),
    "list.limit": ("số hồ sơ tối đa (mặc định 100)", "at most this many (default 100)"),
    "list.search": (
        "tìm theo mã, tên, số định danh, điện thoại",
        "search by code, name, ID number, phone",
    ),
    "transition": ("chuyển trạng thái hồ sơ", "move a dossier through its lifecycle"),
    "transition.action": ("thao tác", "action"),
    "transition.note": ("lý do / ghi chú", "reason / note"),
    "scan": (
        "nhận diện chuỗi quét được (mã hồ sơ, QR căn cước)",
        "classify a scanned text (dossier code, citizen-ID QR)",
    ),
    "deadline": ("tính ngày hẹn trả", "compute a due time"),
    "deadline.received": ("thời điểm tiếp nhận ISO 8601", "time of receipt, ISO 8601"),
    "deadline.agency": (
        "dùng lịch làm việc của cơ quan này (cần dữ liệu)",
        "use this agency's working schedule (needs the data folder)",
    ),
    "demo-data": ("tạo hồ sơ mẫu", "make synthetic dossiers"),
    "demo-data.dossiers": ("số hồ sơ", "how many dossiers"),
    "demo-data.days": (
        "trải trên bao nhiêu ngày gần đây (mặc định 60)",
        "spread over this many recent days (default 60)",
    ),
    "audit": ("nhật ký kiểm toán", "the audit log"),
    "audit.verify": ("kiểm tra chuỗi băm của nhật ký", "check the log's hash chain"),
    "print": (
        "in giấy tờ của hồ sơ ra máy in mặc định, hoặc ra tệp PDF với -o",
        "print a paper of a dossier on the default printer, or to a PDF file with -o",
    ),
    "print.receipt": ("giấy tiếp nhận hồ sơ và hẹn trả kết quả", "the receipt"),
    "print.label": ("nhãn dán bìa hồ sơ (mã vạch)", "the folder label (barcode)"),
    "print.supplement": ("phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", "the supplement request"),
    "print.refusal": ("phiếu từ chối tiếp nhận giải quyết hồ sơ", "the refusal slip"),
    "print.control-sheet": ("phiếu kiểm soát quá trình giải quyết hồ sơ", "the control sheet"),
    "print.apology": (
        "văn bản xin lỗi và hẹn lại ngày trả kết quả",
        "the apology with the new due time",
    ),
    "print.stop-notice": ("thông báo dừng giải quyết hồ sơ", "the stop notice"),
    "print.payment-request": (
        "phiếu đề nghị nộp phí, lệ phí (kèm mã VietQR khi đã có tài khoản)",
        "the payment request (with the VietQR once the account is set)",
    ),
    "print.book": ("sổ theo dõi hồ sơ của một ngày hoặc một khoảng ngày", "the tracking book"),
    "print.output": (
        "lưu ra tệp PDF này thay vì gửi tới máy in",
        "save to this PDF file instead of printing",
    ),
    "print.size.receipt": ("khổ giấy: A4 (mặc định) hoặc A5", "paper size: A4 (default) or A5"),
    "print.size.label": (
        "khổ nhãn: 50x30, 60x40, 100x50 (mặc định) hoặc a4 (tờ 14 nhãn)",
        "label size: 50x30, 60x40, 100x50 (default) or a4 (a sheet of 14)",
    ),
    "print.new_due": (
        "thời điểm hẹn trả mới, ISO 8601 (ví dụ 2025-05-20T16:00:00+07:00)",
        "the new due time, ISO 8601 (e.g. 2025-05-20T16:00:00+07:00)",
    ),
    "print.note": ("lý do trả kết quả chậm", "why the result is late"),
    "print.date": ("ngày tiếp nhận YYYY-MM-DD", "day of receipt YYYY-MM-DD"),
    "print.from": ("từ ngày YYYY-MM-DD", "first day YYYY-MM-DD"),
    "print.to": ("đến ngày YYYY-MM-DD", "last day YYYY-MM-DD"),
    "usage_error": (
        "Lệnh không hợp lệ: {message}. Xem: counter-app --help",
        "Invalid command: {message}. See: counter-app --help",
    ),
}

STATUSES = (
    "receiving", "new", "denied", "processing", "waiting",
    "paying", "cancelled", "unresolved", "releasing", "done",
)  # fmt: skip
ACTIONS = (
    "accept", "transfer", "request-supplement", "resubmit", "request-payment",
    "pay", "refuse", "withdraw", "stop", "resolve", "return",
)  # fmt: skip


def _language(argv: list[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return os.environ.get("COUNTER_APP_LANG", "vi")


class _Parser(argparse.ArgumentParser):
    """One line on stderr for a usage error, in the user's language, exit 2."""

    lang = "vi"

    def error(self, message: str) -> None:  # type: ignore[override]
        template = HELP["usage_error"][1 if self.lang == "en" else 0]
        self.exit(2, template.format(message=message) + "\n")


class _NotBuilt:
    """What a command the command line does not name gets instead of its parser: every call
    is accepted and does nothing."""

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: self


class _NamedCommandOnly(argparse._SubParsersAction):
    """The top level's commands, of which only the one the command line names is built:
    building all of them took about 15 ms of every command's start, one about 5."""

    only: str | None = None  # set once made by add_subparsers
    found = False

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        if self.only is not None and name != self.only:
            return _NotBuilt()
        self.found = True
        return super().add_parser(name, **kwargs)


WITH_VALUE = ("--data-dir", "--lang")  # the top level's options that take a value


def _named_command(argv: list[str]) -> str | None:
    """The first word after the top level's options; None before a top-level --help."""
    tokens = iter(argv)
    for token in tokens:
        if token in ("-h", "--help"):
            return None
        if token in WITH_VALUE:
            next(tokens, None)
        elif not token.startswith("-"):
            return token
    return None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The grammar of the command `argv` names (all of it where it names none, or a word that
    is no command: the usage error then lists them all)."""
    argv = sys.argv[1:] if argv is None else argv
    lang, only = _language(argv), _named_command(argv)
    parser, commands = _build(lang, only)
    if only is not None and not commands.found:
        parser, commands = _build(lang, None)
    return parser


def _build(lang: str, only: str | None) -> tuple[argparse.ArgumentParser, _NamedCommandOnly]:
    pick = 1 if lang == "en" else 0

    def h(key: str) -> str:
        return HELP[key][pick]

    _Parser.lang = lang
    parser = _Parser(prog="counter-app", description=h("description"))
    parser.add_argument("--data-dir", type=Path, help=h("data_dir"))
    parser.add_argument(
        "--lang",
        choices=("vi", "en"),
        default=lang if lang in ("vi", "en") else "vi",
        help=h("lang"),
    )
    parser.add_argument("--version", action="store_true", help=h("version"))
    commands = parser.add_subparsers(
        action=_NamedCommandOnly, dest="command", metavar="COMMAND", parser_class=_Parser
    )
    commands = cast(_NamedCommandOnly, commands)
    commands.only = only

    init = commands.add_parser("init", help=h("init"))
    init.add_argument("--demo", action="store_true", help=h("init.demo"))
    init.set_defaults(handler="init")

    catalog = commands.add_parser("catalog", help=h("catalog"))
    catalog_commands = catalog.add_subparsers(
        dest="catalog_command", required=True, metavar="COMMAND", parser_class=_Parser
    )
    imp = catalog_commands.add_parser("import", help=h("catalog.import"))
    imp.add_argument("file", type=Path)
    imp.add_argument("--user", metavar="LOGIN", help=h("as_admin"))
    imp.set_defaults(handler="catalog_import")
    lst = catalog_commands.add_parser("list", help=h("catalog.list"))
    lst.add_argument("--search", default="", help=h("catalog.search"))
    lst.set_defaults(handler="catalog_list")

    user = commands.add_parser("user", help=h("user"))
    user_commands = user.add_subparsers(
        dest="user_command", required=True, metavar="COMMAND", parser_class=_Parser
    )
    add = user_commands.add_parser("add", help=h("user.add"))
    add.add_argument("login")
    add.add_argument(
        "--role", required=True, choices=("staff", "supervisor", "admin"), help=h("user.role")
    )
    add.add_argument("--full-name", default="", help=h("user.full_name"))
    add.add_argument("--title", default="", help=h("user.title"))
    add.add_argument("--user", metavar="LOGIN", help=h("as_admin"))
    add.set_defaults(handler="user_add")

    intake = commands.add_parser("intake", help=h("intake"))
    intake.add_argument("file")
    intake.add_argument("--user", required=True, help=h("as_user"))
    intake.set_defaults(handler="intake")

    show = commands.add_parser("show", help=h("show"))
    show.add_argument("code")
    show.set_defaults(handler="show")

    attach = commands.add_parser("attach", help=h("attach"))
    attach.add_argument("code")
    attach.add_argument("files", nargs="+", type=Path, metavar="FILE")
    attach.add_argument("--component", required=True, help=h("attach.component"))
    attach.add_argument("--user", required=True, help=h("as_user"))
    attach.set_defaults(handler="attach")

    detach = commands.add_parser("detach", help=h("detach"))
    detach.add_argument("code")
    detach.add_argument("attachment", metavar="SHA256|ID", help=h("detach.attachment"))
    detach.add_argument("--user", required=True, help=h("as_signed_user"))
    detach.add_argument("--reason", default="", help=h("detach.reason"))
    detach.set_defaults(handler="detach")

    listing = commands.add_parser("list", help=h("list"))
    listing.add_argument("--date", help=h("list.date"))
    listing.add_argument("--status", choices=STATUSES, help=h("list.status"))
    listing.add_argument("--limit", type=int, default=100, help=h("list.limit"))
    listing.add_argument("--search", default="", help=h("list.search"))
    listing.set_defaults(handler="list_dossiers")

    transition = commands.add_parser("transition", help=h("transition"))
    transition.add_argument("code")
    transition.add_argument("action", choices=ACTIONS, help=h("transition.action"))
    transition.add_argument("--user", required=True, help=h("as_user"))
    transition.add_argument("--note", default="", help=h("transition.note"))
    transition.add_argument("--method", choices=("cash", "transfer", "card"), help=h("pay.method"))
    transition.add_argument("--reference", default="", metavar="TEXT", help=h("pay.reference"))
    transition.set_defaults(handler="transition")

    scan = commands.add_parser("scan", help=h("scan"))
    scan.add_argument("text")
    scan.set_defaults(handler="scan")

    deadline = commands.add_parser("deadline", help=h("deadline"))
    deadline.add_argument("--received", required=True, help=h("deadline.received"))
    kind = deadline.add_mutually_exclusive_group(required=True)
    kind.add_argument("--working-days", metavar="N")
    kind.add_argument("--calendar-days", metavar="N")
    kind.add_argument("--working-hours", metavar="N")
    kind.add_argument("--same-day", action="store_true")
    deadline.add_argument("--cutoff", metavar="HH:MM")
    deadline.add_argument("--agency", help=h("deadline.agency"))
    deadline.set_defaults(handler="deadline")

    demo = commands.add_parser("demo-data", help=h("demo-data"))
    demo.add_argument("--dossiers", type=int, required=True, help=h("demo-data.dossiers"))
    demo.add_argument("--days", type=int, default=60, help=h("demo-data.days"))
    demo.set_defaults(handler="demo_data")

    audit = commands.add_parser("audit", help=h("audit"))
    audit_commands = audit.add_subparsers(
        dest="audit_command", required=True, metavar="COMMAND", parser_class=_Parser
    )
    verify = audit_commands.add_parser("verify", help=h("audit.verify"))
    verify.set_defaults(handler="audit_verify")
    _add_print_command(commands, h)

    from counter_app.cli.sync_parser import add_sync_commands  # the sync issue's commands

    add_sync_commands(commands, lang, _Parser)
    from counter_app.cli.report_parser import add_report_commands  # the supervisor's review

    add_report_commands(commands, lang, _Parser)
    from counter_app.cli.moves_parser import add_moves_commands  # amend, online

    add_moves_commands(commands, lang, _Parser)
    from counter_app.cli.operations_parser import add_operations_commands  # backup, restore

    add_operations_commands(commands, lang, _Parser)
    from counter_app.cli.queue_parser import add_queue_commands  # queue, kiosk, board

    add_queue_commands(commands, lang, _Parser)
    from counter_app.cli.settings_parser import add_settings_commands  # settings list|get|set

    add_settings_commands(commands, lang, _Parser)
    from counter_app.cli.signing_parser import add_signing_commands  # sign, verify, papers

    add_signing_commands(commands, lang, _Parser)
    from counter_app.cli.citizen_parser import add_citizen_commands  # ratings, notices

    add_citizen_commands(commands, lang)
    return parser, commands


PAPERS = (
    "receipt", "label", "supplement", "refusal", "control-sheet", "apology", "stop-notice",
    "payment-request",
)  # fmt: skip


def _add_print_command(commands, h) -> None:
    """`print KIND CODE [-o FILE]` for each paper of a dossier; `print book` for the book."""
    printing = commands.add_parser("print", help=h("print"))
    kinds = printing.add_subparsers(
        dest="paper", required=True, metavar="KIND", parser_class=_Parser
    )
    for kind in PAPERS:
        paper = kinds.add_parser(kind, help=h(f"print.{kind}"))
        paper.add_argument("code")
        paper.add_argument("-o", "--output", metavar="FILE.pdf", help=h("print.output"))
        if kind in ("receipt", "label"):
            paper.add_argument("--size", help=h(f"print.size.{kind}"))
        if kind == "apology":
            paper.add_argument("--new-due", metavar="ISO", required=True, help=h("print.new_due"))
            paper.add_argument("--note", default="", help=h("print.note"))
        paper.set_defaults(handler="print_paper")
    digitised = kinds.add_parser("digitised", help=h("print.digitised"))
    digitised.add_argument("code")
    digitised.add_argument(
        "-o", "--output", metavar="FILE.pdf", required=True, help=h("print.output")
    )
    digitised.set_defaults(handler="print_digitised")
    book = kinds.add_parser("book", help=h("print.book"))
    book.add_argument("--date", help=h("print.date"))
    book.add_argument("--from", dest="date_from", metavar="DATE", help=h("print.from"))
    book.add_argument("--to", dest="date_to", metavar="DATE", help=h("print.to"))
    book.add_argument("-o", "--output", metavar="FILE.pdf", help=h("print.output"))
    book.set_defaults(handler="print_paper")
