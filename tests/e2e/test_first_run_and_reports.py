"""The new pages in the real program (Xvfb, xdotool): the first-run wizard on an empty data
folder through to the sign-in and the main window; a supervisor's Báo cáo page (Ctrl+4) with
the day's figures, signed off from the window and checked through the command line."""

from __future__ import annotations

import json
from pathlib import Path

from counter_app.domain.clock import now
from counter_app.services.workspace import Workspace
from tests.conftest import TEN_DAYS, intake_json
from tests.e2e.program import RealProgram, counter_json, run_command

CRIMINAL_RECORD = "2.000488.000.00.00.H37"  # a fee of 200.000 đ, paid at the counter
JUSTICE = "000.00.12.H37"  # Sở Tư pháp: the 9th agency of the demo catalog, by code
COUNTER_NAME = "Bộ phận Một cửa Sở Tư pháp"
PASSWORD_TWICE = "matkhau-999\nmatkhau-999\n"


def test_the_first_run_wizard_sets_up_a_new_counter(tmp_path: Path, x_display: str) -> None:
    data = tmp_path / "data"  # does not exist: a new counter
    with RealProgram(data, x_display) as program:
        wizard = program.wait_for_window("^Thiết lập bộ phận một cửa$")
        program.keys("alt+t")  # Tiếp: Tiếng Việt is already chosen
        # The agencies are read in the background: the lower half of the page fills with them.
        program.wait_for(lambda: program.ink(wizard, 0.5, 0.85) > 2000, "the agencies listed")
        program.keys("alt+c", "Home", *["Down"] * 8, "space", "alt+t")
        program.keys("alt+n")
        program.type(COUNTER_NAME)
        program.keys("alt+s")
        program.type("3")
        program.keys("alt+t")
        program.keys("alt+t")  # no central: this counter runs alone
        program.keys("alt+n")
        program.type("quantri")
        program.keys("alt+h")
        program.type("Hoàng Văn Đức")
        program.keys("alt+m")
        program.type("matkhau-123")
        program.keys("alt+l")
        program.type("matkhau-123")
        program.keys("alt+t")
        program.keys("alt+t")  # printers: the system's default
        program.keys("alt+h")  # Hoàn tất
        program.wait_for_window("^Đăng nhập$")
        assert (data / "counter.sqlite3").exists()
        program.type("quantri")
        program.keys("Tab")
        program.type("matkhau-123")
        program.keys("Return")
        program.wait_for_window(f"^{COUNTER_NAME} — Máy trạm tiếp nhận$")  # signed in
    # What the wizard made, read back through the command line and the store.
    again = run_command(
        data,
        "user",
        "add",
        "quantri",
        "--role",
        "staff",
        "--user",
        "quantri",
        stdin="matkhau-123\n" + PASSWORD_TWICE,
    )  # the administrator's first
    assert again.returncode != 0 and "đã tồn tại" in again.stderr  # the account is there
    dossier_file = tmp_path / "dossier.json"
    dossier_file.write_text(json.dumps(intake_json(TEN_DAYS)), encoding="utf-8")
    code = counter_json(data, "intake", str(dossier_file), "--user", "quantri")["code"]
    assert counter_json(data, "show", code)["received_by"] == "quantri"
    with Workspace(data) as ws:  # no command lists the agencies served: read the store
        assert ws.catalog.served_agencies() == {JUSTICE}
        assert ws.settings.identity().name == COUNTER_NAME
        assert ws.settings.get("counter.desk") == 3
        assert [user.login for user in ws.accounts.users()] == ["quantri"]


def test_a_supervisor_reviews_and_signs_off_the_day(tmp_path: Path, x_display: str) -> None:
    data = tmp_path / "data"
    counter_json(data, "init", "--demo")  # the demo catalog and accounts, no dossiers
    for n, procedure in enumerate((CRIMINAL_RECORD, CRIMINAL_RECORD, TEN_DAYS)):
        request = tmp_path / f"dossier-{n}.json"
        person = intake_json(procedure, id_number=f"02009000123{n}")
        request.write_text(json.dumps(person), encoding="utf-8")
        counter_json(data, "intake", str(request), "--user", "canbo")
    day = now().date().isoformat()
    figures = counter_json(data, "report", "daily", "--date", day)
    assert figures["received"] == 3 and figures["by_officer"] == {"canbo": 3}
    assert figures["fees_total"] == 400_000 and figures["signed_off"] is None

    with Workspace(data) as ws:
        early = ws.reports.closes_later(now().date()) is not None
    with RealProgram(data, x_display) as program:
        program.wait_for_window("^Đăng nhập$")
        program.type("lanhdao")
        program.keys("Tab")
        program.type("lanhdao123")
        program.keys("Return")
        main = program.wait_for_window("— Máy trạm tiếp nhận$")
        program.keys("ctrl+4")  # Báo cáo

        def sign_off_open() -> bool:
            """The sign-off button shows once the day's review is on the page: Alt+K then
            opens its dialog, titled with the day."""
            program.xdotool("windowfocus", "--sync", main)
            program.keys("alt+k")
            return bool(program.xdotool("search", "--onlyvisible", "--name", "^Ký xác nhận ngày"))

        program.wait_for(sign_off_open, "the review of the day loaded")
        program.wait_for_window("^Ký xác nhận ngày")
        program.keys("alt+t")  # Tiền mặt kiểm đếm
        program.type(str(figures["cash_fees"]))
        if early:  # before the counter's closing time: the reason, or nothing is signed
            program.keys("alt+l")  # Lý do ký sớm
            program.type("Kiểm thử: ký trước giờ đóng cửa")
        program.keys("alt+k")  # Ký xác nhận: the day is not over, so the window asks first

        def asked() -> bool:
            found = program.xdotool("search", "--onlyvisible", "--name", "^Ký xác nhận ngày")
            return len(found.split()) == 2

        program.wait_for(asked, "the question of what signing today blocks")
        program.keys("alt+k")  # Ký và khóa số liệu ngày
        program.wait_for(
            lambda: counter_json(data, "report", "daily", "--date", day)["signed_off"],
            "the day signed off from the window",
        )
    signed = counter_json(data, "report", "daily", "--date", day)
    assert signed["signed_off"]["signed_by"] == "lanhdao"
    assert signed["signed_off"]["cash_counted"] == figures["cash_fees"]
    assert signed["signed_off"]["fees_recorded"] == 400_000  # what the page had read
    assert bool(signed["signed_off"]["early_reason"]) is early
    # The figures the page showed and signed are those of the dossiers made for it.
    assert {k: v for k, v in signed.items() if k != "signed_off"} == {
        k: v for k, v in figures.items() if k != "signed_off"
    }
