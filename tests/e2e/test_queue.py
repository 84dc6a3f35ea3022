"""The queue with the real programs on one virtual display, as on a centre's single PC: a
citizen touches an area on the kiosk and its ticket reaches the printer (an ESC/POS device
file), the officer presses F9 in the main window, and the board shows the number called."""

from __future__ import annotations

import time
from pathlib import Path

from counter_app.services.workspace import Workspace
from tests.e2e.program import RealProgram, counter_json


def area(status: dict, code: str) -> dict:
    return next(a for a in status["areas"] if a["area"] == code)


def test_kiosk_desk_and_board(tmp_path: Path, x_display: str) -> None:
    data = tmp_path / "data"
    printer = tmp_path / "lp0"
    printer.write_bytes(b"")
    counter_json(data, "init", "--demo")
    with Workspace(data) as ws:
        ws.settings.set("counter.desk", 3)
        ws.settings.set("queue.printer", f"file:{printer}")
        ws.settings.set("queue.voice", False)  # the voice has its own test; Xvfb has no sound

    with (
        RealProgram(data, x_display, "board", "--window") as board,
        RealProgram(data, x_display, "kiosk", "--window") as kiosk,
    ):
        # the board first: without a window manager a window mapped later lies on top, and a
        # board that came up after the kiosk was raised would take the citizen's touch
        board_window = board.wait_for_window("^Bảng gọi số$")
        kiosk_window = kiosk.wait_for_window("^Lấy số thứ tự$")
        kiosk.xdotool("windowsize", "--sync", kiosk_window, "1280", "720")
        kiosk.xdotool("windowmove", "--sync", kiosk_window, "0", "0")
        kiosk.xdotool("windowraise", kiosk_window)  # no window manager: over the board
        time.sleep(0.5)
        kiosk.screenshot("kiosk")
        kiosk.xdotool("mousemove", "--window", kiosk_window, "320", "240", "click", "1")  # A
        kiosk.wait_for(lambda: printer.stat().st_size > 0, "the ticket printed", timeout=120)
        assert printer.read_bytes().startswith(b"\x1dv0")  # a raster picture, then the cut
        assert area(counter_json(data, "queue", "status"), "A")["waiting"] == 1

        board.xdotool("windowsize", "--sync", board_window, "1280", "720")
        board.xdotool("windowmove", "--sync", board_window, "0", "0")
        board.xdotool("windowraise", board_window)
        board.wait_for(lambda: board.ink(board_window, 0.2, 0.9) >= 0, "the board drawn")
        empty = board.ink(board_window, 0.1, 0.9)

        with RealProgram(data, x_display) as desk:
            desk.wait_for_window("^Đăng nhập$")
            desk.type("canbo")
            desk.keys("Tab")
            desk.type("canbo123")
            desk.keys("Return")
            desk.wait_for_window("— Máy trạm tiếp nhận$")
            desk.keys("F9")
            desk.wait_for(
                lambda: area(counter_json(data, "queue", "status"), "A")["serving"] == ["1"],
                "ticket 1 called to desk 3",
            )
            board.xdotool("windowraise", board_window)
            board.wait_for(
                lambda: board.ink(board_window, 0.1, 0.9) != empty, "the number on the board"
            )
            board.screenshot("board-called")
