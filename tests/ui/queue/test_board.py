"""The board follows the shared queue: each desk's number, the last call blinking and said
aloud once (again on a recall), the waiting per area, and a server that stops answering."""

from __future__ import annotations

from counter_app.domain.errors import CounterError
from counter_app.services.queue import open_queue
from counter_app.ui.queue.board import BoardWindow

AREAS = {"A": "Tư pháp – Hộ tịch", "B": "Đất đai – Xây dựng"}


def open_board(qtbot, workspace, spoken: list[str], opener=None) -> BoardWindow:  # type: ignore[no-untyped-def]
    board = BoardWindow(
        opener or (lambda: open_queue(workspace.settings, workspace.data_dir)),
        AREAS,
        spoken.append,
    )
    qtbot.addWidget(board)
    board.resize(1280, 720)
    board.show()
    return board


def test_calls_reach_the_board_and_are_said_once_each(qtbot, workspace) -> None:
    spoken: list[str] = []
    with open_queue(workspace.settings, workspace.data_dir) as queue:
        for area in "AAB":
            queue.take(area)
        queue.call_next(1)  # before the board started: shown, not said
        board = open_board(qtbot, workspace, spoken)
        with qtbot.waitSignal(board.sig_shown, timeout=5000):
            board.start()
        assert board.cells[1].number.text() == "1" and spoken == []
        assert "Tư pháp – Hộ tịch: 1 waiting" in board.waiting.text()

        with qtbot.waitSignal(board.sig_shown, timeout=3000):
            queue.call_next(3, "B")
        assert board.cells[3].number.text() == "3"
        assert board.called.text() == "Number 3 — desk 3"
        assert spoken == ["Mời số 3 đến quầy số 3"]
        assert board._blink.isActive()

        with qtbot.waitSignal(board.sig_shown, timeout=3000):
            queue.recall(3)
        assert spoken == ["Mời số 3 đến quầy số 3"] * 2
        with qtbot.waitSignal(board.sig_shown, timeout=3000):
            queue.finish(1)
        assert board.cells[1].number.text() == "—"
        assert len(spoken) == 2  # a ticket served is not announced
    board.stop()


def test_a_queue_server_that_does_not_answer_turns_the_banner_red(qtbot, workspace) -> None:
    def unreachable():  # type: ignore[no-untyped-def]
        raise CounterError("queue.offline", reason="connection refused")

    board = open_board(qtbot, workspace, [], unreachable)
    board.start()
    qtbot.waitUntil(lambda: "not answering" in board.banner.text(), timeout=5000)
    assert "connection refused" in board.banner.toolTip()
    board.stop()


def test_a_missing_voice_is_told_on_the_board_itself(qtbot, workspace) -> None:
    """The Windows board runs without a console: what the centre must fix is on the screen."""
    missing = "No Vietnamese voice (espeak-ng): the board shows the numbers but does not speak."
    board = BoardWindow(
        lambda: open_queue(workspace.settings, workspace.data_dir), AREAS, notice=missing
    )
    qtbot.addWidget(board)
    board.resize(1280, 720)
    board.show()
    assert board.notice.isVisible() and board.notice.text() == missing
    assert not open_board(qtbot, workspace, []).notice.isVisible()  # with a voice: nothing
