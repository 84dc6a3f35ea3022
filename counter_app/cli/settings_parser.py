"""The grammar of `settings list|get|set` (kept beside parser.py, equally light)."""

from __future__ import annotations

import argparse

from counter_app.cli.help_text import help_in

HELP: dict[str, tuple[str, str]] = {
    "settings": (
        "các thiết lập của quầy, theo khai báo của chương trình",
        "the counter's settings, as the program declares them",
    ),
    "settings.list": (
        "mọi thiết lập với giá trị đang dùng (bí mật hiện là ***)",
        "every setting with the value in use (secrets shown as ***)",
    ),
    "settings.get": ("giá trị của một thiết lập (JSON)", "one setting's value (JSON)"),
    "settings.set": (
        "đặt một thiết lập (giá trị JSON hoặc chữ thường), được kiểm tra theo khai báo",
        "set a setting (a JSON value or plain text), checked against its declaration",
    ),
    "settings.key": ("tên thiết lập, ví dụ counter.name", "the setting's key, e.g. counter.name"),
    "settings.value": ("giá trị mới", "the new value"),
    "settings.user": (
        "tài khoản thay đổi thiết lập; mật khẩu đọc từ dòng đầu của stdin",
        "login of the account making the change; its password on stdin's first line",
    ),
}


def add_settings_commands(
    commands: argparse._SubParsersAction, lang: str, parser_class: type
) -> None:
    h = help_in(lang, HELP)
    settings = commands.add_parser("settings", help=h("settings"))
    actions: argparse._SubParsersAction[argparse.ArgumentParser] = settings.add_subparsers(
        dest="settings_command", required=True, metavar="COMMAND", parser_class=parser_class
    )
    listing = actions.add_parser("list", help=h("settings.list"))
    listing.set_defaults(handler="settings_commands:settings_list")
    get = actions.add_parser("get", help=h("settings.get"))
    get.add_argument("key", metavar="KEY", help=h("settings.key"))
    get.set_defaults(handler="settings_commands:settings_get")
    put = actions.add_parser("set", help=h("settings.set"))
    put.add_argument("key", metavar="KEY", help=h("settings.key"))
    put.add_argument("value", metavar="VALUE", help=h("settings.value"))
    put.add_argument("--user", required=True, metavar="LOGIN", help=h("settings.user"))
    put.set_defaults(handler="settings_commands:settings_set")
