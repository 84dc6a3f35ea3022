"""The grammar of `sign`, `verify` and `papers` (issue 19), beside parser.py and as light."""

from __future__ import annotations

import argparse
from pathlib import Path

from counter_app.cli.help_text import help_in

HELP: dict[str, tuple[str, str]] = {
    "sign": (
        "ký số bản điện tử của hồ sơ bằng thiết bị ký số (mã PIN nhập từ bàn phím hoặc stdin)",
        "sign the dossier's electronic copies with the signing token (PIN from the terminal "
        "or stdin)",
    ),
    "sign.what": (
        "ký gì: digitised (hồ sơ điện tử và từng giấy tờ), receipt (phiếu tiếp nhận), all",
        "what to sign: digitised (the digitised dossier and each paper), receipt, all",
    ),
    "sign.user": ("cán bộ ký", "the officer who signs"),
    "verify": (
        "kiểm tra chữ ký số của một tệp PDF theo chứng thư gốc đã cài đặt (không cần mạng)",
        "check a PDF's digital signature against the configured trust roots (offline)",
    ),
    "verify.file": ("tệp PDF cần kiểm tra", "the PDF to check"),
    "papers": (
        "các giấy tờ đã số hóa, ký số của một công dân (theo số định danh)",
        "the digitised, signed papers on file for a person (by identity number)",
    ),
    "papers.id": ("số định danh của chủ giấy tờ", "the owner's identity number"),
    "papers.user": (
        "cán bộ tra cứu (ghi vào nhật ký; quản trị viên không được xem kho)",
        "the officer looking (audited; administrators may not read the store)",
    ),
    "papers.set_validity": (
        "sửa ngày cấp và ngày hết hạn của giấy tờ PAPER_ID (mã trong danh sách; cần --user "
        "và --issued; ghi nhật ký)",
        "set the issue date and expiry of paper PAPER_ID (its id in the list; needs --user and "
        "--issued; audited)",
    ),
    "papers.issued": ("ngày cấp ghi trên giấy tờ (YYYY-MM-DD)", "the paper's issue date"),
    "papers.expires": (
        "ngày hết hạn (YYYY-MM-DD; bỏ trống: không hết hạn)",
        "its expiry (YYYY-MM-DD; left out: it does not expire)",
    ),
}


def add_signing_commands(
    commands: argparse._SubParsersAction, lang: str, parser_class: type
) -> None:
    h = help_in(lang, HELP)

    sign = commands.add_parser("sign", help=h("sign"))
    sign.add_argument("code")
    sign.add_argument("--user", required=True, help=h("sign.user"))
    sign.add_argument(
        "--what", choices=("digitised", "receipt", "all"), default="all", help=h("sign.what")
    )
    sign.set_defaults(handler="signing_commands:sign")

    verify = commands.add_parser("verify", help=h("verify"))
    verify.add_argument("file", type=Path, metavar="FILE.pdf", help=h("verify.file"))
    verify.set_defaults(handler="signing_commands:verify")

    papers = commands.add_parser("papers", help=h("papers"))
    papers.add_argument("id_number", metavar="ID_NUMBER", help=h("papers.id"))
    papers.add_argument("--user", help=h("papers.user"))
    papers.add_argument("--set-validity", metavar="PAPER_ID", help=h("papers.set_validity"))
    papers.add_argument("--issued", metavar="YYYY-MM-DD", help=h("papers.issued"))
    papers.add_argument("--expires", metavar="YYYY-MM-DD", help=h("papers.expires"))
    papers.set_defaults(handler="signing_commands:papers")
