"""The grammar of `queue`, `kiosk` and `board` (kept beside parser.py, equally light)."""

from __future__ import annotations

import argparse

from counter_app.cli.help_text import help_in

HELP: dict[str, tuple[str, str]] = {
    "queue": (
        "hàng đợi của trung tâm: cấp số, gọi số, tình trạng (địa chỉ: cài đặt queue.url)",
        "the centre's queue: tickets, calls, status (its address: the queue.url setting)",
    ),
    "queue.take": ("cấp một số thứ tự cho khu vực AREA", "take a ticket for area AREA"),
    "queue.take.print": (
        "in phiếu ở máy in phiếu của máy này (cài đặt queue.printer)",
        "print the ticket on this PC's ticket printer (the queue.printer setting)",
    ),
    "queue.area": ("mã hoặc tên khu vực", "the area's code or name"),
    "queue.priority": (
        "số ưu tiên (dãy số riêng, gọi trước): người cao tuổi, người khuyết tật, phụ nữ mang thai",
        "a priority ticket (its own series, called first): elderly, disabled, pregnant",
    ),
    "queue.call": (
        "gọi số tiếp theo tới quầy (số đang phục vụ ở quầy được tính là xong)",
        "call the next ticket to the desk (the desk's current one counts as served)",
    ),
    "queue.desk": ("số quầy (mặc định: số quầy của máy này)", "desk number (default: this PC's)"),
    "queue.call.area": ("chỉ gọi từ khu vực này", "call from this area only"),
    "queue.call.number": (
        "gọi đúng số này (số chưa gọi, hoặc số vắng mặt quay lại)",
        "call this very ticket (one still waiting, or an absent citizen back)",
    ),
    "queue.recall": ("gọi lại số đang ở quầy", "call the desk's ticket again"),
    "queue.skip": ("số đang gọi vắng mặt", "the desk's ticket is absent"),
    "queue.done": ("số đang ở quầy đã phục vụ xong", "the desk's ticket is served"),
    "queue.transfer": (
        "chuyển số đang ở quầy sang khu vực khác (giữ chỗ theo giờ lấy số)",
        "send the desk's ticket to another area (it keeps its place by the time it was taken)",
    ),
    "queue.status": (
        "số người chờ và số đang phục vụ theo khu vực",
        "waiting and serving per area",
    ),
    "queue.figures": (
        "thời gian chờ và phục vụ theo khu vực, quầy, giờ; tỷ lệ chờ quá chỉ tiêu",
        "waiting and service times per area, desk, hour; the share over the target",
    ),
    "queue.date": ("ngày YYYY-MM-DD (mặc định: hôm nay)", "day YYYY-MM-DD (default: today)"),
    "queue.from": ("từ ngày YYYY-MM-DD", "first day YYYY-MM-DD"),
    "queue.to": ("đến ngày YYYY-MM-DD", "last day YYYY-MM-DD"),
    "kiosk": (
        "màn hình lấy số cho người dân (cảm ứng), in phiếu",
        "the citizens' ticket kiosk (touch screen), printing tickets",
    ),
    "board": (
        "bảng gọi số toàn màn hình (TV), đọc số bằng giọng tiếng Việt",
        "the full-screen call board (TV), calling numbers aloud in Vietnamese",
    ),
    "window": ("trong cửa sổ thay vì toàn màn hình", "in a window instead of full screen"),
}


def add_queue_commands(commands: argparse._SubParsersAction, lang: str, parser_class: type) -> None:
    h = help_in(lang, HELP)
    queue = commands.add_parser("queue", help=h("queue"))
    actions: argparse._SubParsersAction[argparse.ArgumentParser] = queue.add_subparsers(
        dest="queue_command", required=True, metavar="COMMAND", parser_class=parser_class
    )
    take = actions.add_parser("take", help=h("queue.take"))
    take.add_argument("area", metavar="AREA", help=h("queue.area"))
    take.add_argument("--priority", metavar="REASON", help=h("queue.priority"))
    take.add_argument("--print", action="store_true", help=h("queue.take.print"))
    take.set_defaults(handler="queue_commands:take")

    call = actions.add_parser("call", help=h("queue.call"))
    call.add_argument("--desk", type=int, metavar="N", help=h("queue.desk"))
    target = call.add_mutually_exclusive_group()
    target.add_argument("--area", metavar="AREA", help=h("queue.call.area"))
    target.add_argument("--number", metavar="TICKET", help=h("queue.call.number"))
    call.set_defaults(handler="queue_commands:call")

    for name in ("recall", "skip", "done"):
        desk_action = actions.add_parser(name, help=h(f"queue.{name}"))
        desk_action.add_argument("--desk", type=int, metavar="N", help=h("queue.desk"))
        desk_action.set_defaults(handler=f"queue_commands:{name}")

    transfer = actions.add_parser("transfer", help=h("queue.transfer"))
    transfer.add_argument("area", metavar="AREA", help=h("queue.area"))
    transfer.add_argument("--desk", type=int, metavar="N", help=h("queue.desk"))
    transfer.set_defaults(handler="queue_commands:transfer")

    status = actions.add_parser("status", help=h("queue.status"))
    status.set_defaults(handler="queue_commands:status")

    figures = actions.add_parser("figures", help=h("queue.figures"))
    figures.add_argument("--date", help=h("queue.date"))
    figures.add_argument("--from", dest="date_from", metavar="DATE", help=h("queue.from"))
    figures.add_argument("--to", dest="date_to", metavar="DATE", help=h("queue.to"))
    figures.set_defaults(handler="queue_commands:figures")

    for name in ("kiosk", "board"):
        screen = commands.add_parser(name, help=h(name))
        screen.add_argument("--window", action="store_true", help=h("window"))
        screen.set_defaults(handler=f"queue_commands:{name}")
