"""The grammar of `backup` and `restore` (kept beside parser.py, equally light)."""

from __future__ import annotations

import argparse
from pathlib import Path

from counter_app.cli.help_text import help_in

HELP: dict[str, tuple[str, str]] = {
    "backup": (
        "sao lưu dữ liệu (cơ sở dữ liệu và bản quét) vào một tệp, "
        "an toàn khi chương trình đang chạy",
        "back up the data (database and scans) to one file, safe while the program runs",
    ),
    "backup.output": ("tệp sao lưu cần tạo (.zip)", "the backup file to write (.zip)"),
    "backup.auto": (
        "bản sao lưu hằng ngày nếu đến hạn, vào thư mục đã cài đặt, giữ N bản mới nhất "
        "(cho trình lập lịch)",
        "the daily backup if it is due, into the configured folder, keeping the newest N "
        "(for a scheduler)",
    ),
    "restore": (
        "khôi phục dữ liệu từ bản sao lưu (kiểm tra trước; dữ liệu hiện tại được giữ lại "
        "trong backups/before-restore-...)",
        "restore the data from a backup (checked first; the current data is kept in "
        "backups/before-restore-...)",
    ),
    "restore.file": ("tệp sao lưu", "the backup file"),
}


def add_operations_commands(
    commands: argparse._SubParsersAction, lang: str, parser_class: type
) -> None:
    h = help_in(lang, HELP)

    backup = commands.add_parser("backup", help=h("backup"))
    target = backup.add_mutually_exclusive_group(required=True)
    target.add_argument("-o", "--output", type=Path, metavar="FILE", help=h("backup.output"))
    target.add_argument("--auto", action="store_true", help=h("backup.auto"))
    backup.set_defaults(handler="operations_commands:backup")

    restore = commands.add_parser("restore", help=h("restore"))
    restore.add_argument("file", type=Path, metavar="FILE", help=h("restore.file"))
    restore.set_defaults(handler="operations_commands:restore")
