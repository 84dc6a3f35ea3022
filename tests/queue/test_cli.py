"""`queue take|call|status` and the desk's other commands, run for real as the officer would."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import ok_json, run_cli


@pytest.fixture
def counter(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    ok_json(run_cli(folder, "init"))
    return folder


@pytest.mark.slow
def test_take_call_status_follow_the_contract(counter: Path) -> None:
    first = ok_json(run_cli(counter, "queue", "take", "A"))
    assert {"number", "area", "taken_at", "ahead"} <= set(first)
    assert (first["number"], first["area"], first["ahead"]) == (1, "A", 0)
    assert first["taken_at"].endswith("+07:00")
    second = ok_json(run_cli(counter, "queue", "take", "tu phap - ho tich"))  # by its name
    assert (second["number"], second["area"], second["ahead"]) == (2, "A", 1)
    elderly = ok_json(run_cli(counter, "queue", "take", "A", "--priority", "elderly"))
    assert (elderly["number"], elderly["ticket"], elderly["ahead"]) == (1, "Ư1", 0)

    called = ok_json(run_cli(counter, "queue", "call", "--desk", "3"))
    assert {"number", "area", "desk", "called_at"} <= set(called)
    assert (called["ticket"], called["desk"]) == ("Ư1", 3)  # priority first
    status = ok_json(run_cli(counter, "queue", "status"))
    area_a = next(a for a in status["areas"] if a["area"] == "A")
    assert {"area", "waiting", "serving"} <= set(area_a)
    assert (area_a["waiting"], area_a["serving"]) == (2, ["Ư1"])

    assert ok_json(run_cli(counter, "queue", "call", "--desk", "4"))["number"] == 1
    assert ok_json(run_cli(counter, "queue", "call", "--desk", "3"))["number"] == 2
    empty = run_cli(counter, "--lang", "en", "queue", "call", "--desk", "3")
    assert empty.returncode == 1 and empty.stdout == ""
    assert empty.stderr.strip() == "Queue empty: nobody is waiting."
    empty_area = run_cli(counter, "--lang", "en", "queue", "call", "--desk", "3", "--area", "B")
    assert "Queue empty" in empty_area.stderr and "area B" in empty_area.stderr


@pytest.mark.slow
def test_a_ticket_called_twice_recall_skip_transfer(counter: Path) -> None:
    for _ in range(2):
        ok_json(run_cli(counter, "queue", "take", "A"))
    ok_json(run_cli(counter, "queue", "call", "--desk", "1"))
    twice = run_cli(counter, "--lang", "en", "queue", "call", "--desk", "2", "--number", "1")
    assert twice.returncode == 1
    assert twice.stderr.strip() == (
        "Ticket 1 is being served at desk 1; it is not called to another desk."
    )
    again = ok_json(run_cli(counter, "queue", "recall", "--desk", "1"))
    assert (again["number"], again["calls"]) == (1, 2)
    absent = ok_json(run_cli(counter, "queue", "skip", "--desk", "1"))
    assert absent["state"] == "absent"
    back = ok_json(run_cli(counter, "queue", "call", "--desk", "2", "--number", "1"))
    assert (back["desk"], back["state"]) == (2, "called")  # the absent citizen came back
    moved = ok_json(run_cli(counter, "queue", "transfer", "B", "--desk", "2"))
    assert (moved["area"], moved["state"]) == ("B", "waiting")
    assert ok_json(run_cli(counter, "queue", "call", "--desk", "5", "--area", "B"))["number"] == 1
    nothing = run_cli(counter, "--lang", "en", "queue", "recall", "--desk", "9")
    assert nothing.stderr.strip() == "Desk 9 has no ticket called (call the next one first)."
    figures = ok_json(run_cli(counter, "queue", "figures"))
    assert figures["target_minutes"] == 15 and figures["total"]["called"] == 1  # 2 waits
    assert set(figures["by_area"]) == {"A", "B"} and set(figures["by_desk"]) == {"5"}


@pytest.mark.slow
def test_bad_input_is_refused_plainly(counter: Path) -> None:
    unknown = run_cli(counter, "--lang", "en", "queue", "take", "Z")
    assert unknown.returncode == 1 and "There is no area “Z”" in unknown.stderr
    priority = run_cli(counter, "--lang", "en", "queue", "take", "A", "--priority", "vip")
    assert "elderly, disabled, pregnant" in priority.stderr
    no_desk = run_cli(counter, "--lang", "en", "queue", "call")
    assert no_desk.stderr.strip() == "This PC's desk number is not set (Settings, or --desk N)."
    desk = run_cli(counter, "--lang", "en", "queue", "call", "--desk", "0")
    assert "from 1 to 99" in desk.stderr
    ticket = run_cli(counter, "--lang", "en", "queue", "call", "--desk", "1", "--number", "x1")
    assert "is not a ticket number" in ticket.stderr
    for result in (unknown, priority, no_desk, desk, ticket):
        assert result.returncode == 1 and result.stdout == ""


@pytest.mark.slow
def test_a_wrong_or_unreachable_queue_server_is_said_plainly(counter: Path) -> None:
    from counter_app.services.workspace import Workspace

    for url, said in (
        ("mysql://queue@server/queue", "The queue address (queue.url) is not valid"),
        ("postgresql://queue@127.0.0.1:1/queue", "Cannot reach the centre's queue server"),
    ):
        with Workspace(counter) as ws:
            ws.settings.set("queue.url", url)
        result = run_cli(counter, "--lang", "en", "queue", "take", "A")
        assert result.returncode == 1 and result.stderr.startswith(said), result.stderr


def set_printer(counter: Path, value: str) -> None:
    from counter_app.services.workspace import Workspace

    workspace = Workspace(counter)
    try:
        workspace.settings.set("queue.printer", value)
    finally:
        workspace.close()


@pytest.mark.slow  # runs the real program as a process
def test_take_print_sends_the_ticket_to_the_escpos_printer(counter: Path, tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    device.write_bytes(b"")
    set_printer(counter, f"file:{device}")
    taken = ok_json(run_cli(counter, "queue", "take", "A", "--print"))
    assert taken["number"] == 1
    assert device.read_bytes().startswith(b"\x1dv0")  # the ticket's raster picture (GS v 0)

    set_printer(counter, "lp0")
    refused = run_cli(counter, "--lang", "en", "queue", "take", "A", "--print")
    assert refused.returncode == 1 and "qt:PRINTER-NAME" in refused.stderr
    status = ok_json(run_cli(counter, "queue", "status"))
    assert next(a for a in status["areas"] if a["area"] == "A")["waiting"] == 2  # kept
