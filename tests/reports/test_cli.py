"""`counter-app report ...` run for real as a subprocess, on a data folder whose dossiers
were built with known times in 2025 (long past, so the real clock changes nothing)."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from counter_app.domain.lifecycle import Action
from tests.cli.test_cli import ok_json, run_cli
from tests.reports.conftest import CALENDAR, SAME_DAY, TEN_DAYS, move, receive, vn

pytestmark = pytest.mark.slow  # each test runs the real program as a process

DAILY_KEYS = {
    "date",
    "received",
    "by_channel",
    "by_procedure",
    "by_officer",
    "resolved",
    "returned",
    "on_time",
    "overdue",
    "due_today",
    "fees_total",
}


@pytest.fixture
def folder(ws, officer, boss):  # type: ignore[no-untyped-def]
    first = receive(ws, officer, SAME_DAY, vn(2025, 11, 6, 8, 30))
    move(ws, first, Action.RESOLVE, boss, vn(2025, 11, 6, 10, 0))
    move(ws, first, Action.RETURN, officer, vn(2025, 11, 6, 11, 0))
    receive(ws, officer, TEN_DAYS, vn(2025, 11, 6, 9, 15), channel="online")
    receive(ws, officer, CALENDAR, vn(2025, 11, 6, 14, 5), channel="postal")
    receive(ws, officer, TEN_DAYS, vn(2025, 10, 28, 9, 0), due=vn(2025, 11, 4, 17, 0))
    return ws.data_dir


def test_report_daily_prints_the_contract(folder, tmp_path):  # type: ignore[no-untyped-def]
    xlsx, pdf = tmp_path / "ngay.xlsx", tmp_path / "ngay.pdf"
    data = ok_json(
        run_cli(folder, "report", "daily", "--date", "2025-11-06", "--xlsx", str(xlsx),
                "--pdf", str(pdf))
    )  # fmt: skip
    assert set(data) >= DAILY_KEYS
    assert data["date"] == "2025-11-06"
    assert data["received"] == 3
    assert data["by_channel"] == {"direct": 1, "online": 1, "postal": 1}
    assert data["by_procedure"] == {SAME_DAY: 1, TEN_DAYS: 1, CALENDAR: 1}
    assert data["by_officer"] == {"canbo": 3}
    assert (data["resolved"], data["returned"]) == (1, 1)
    assert data["on_time"] == {"before": 0, "on": 1, "late": 0}
    assert (data["overdue"], data["due_today"]) == (1, 1)
    assert data["fees_total"] == 202_000
    assert data["xlsx"] == str(xlsx) and data["pdf"] == str(pdf)
    summary = load_workbook(xlsx)["Tổng hợp"]
    assert summary["B6"].value == 3
    assert "Số hồ sơ tiếp nhận 3" in PdfReader(pdf).pages[0].extract_text()


def test_report_period_prints_the_rows(folder, tmp_path):  # type: ignore[no-untyped-def]
    xlsx = tmp_path / "ky.xlsx"
    data = ok_json(
        run_cli(folder, "report", "period", "--from", "2025-11-01", "--to", "2025-11-30",
                "--xlsx", str(xlsx))
    )  # fmt: skip
    assert (data["from"], data["to"]) == ("2025-11-01", "2025-11-30")
    total = data["total"]
    assert (total["received_new"], total["carried_over"], total["received_total"]) == (3, 1, 4)
    assert total["resolved_on_time"] == 1 and total["on_time_rate"] == 1.0
    assert total["in_progress_late"] == 3 and total["online_share"] == 0.25  # judged on 30/11
    assert [row["key"] for row in data["by_agency"]] == ["000.00.12.H37", "000.00.15.H37"]
    assert load_workbook(xlsx)["Báo cáo"]["A1"].value.startswith("BÁO CÁO")


def test_staff_get_their_own_day_and_no_period(folder):  # type: ignore[no-untyped-def]
    data = ok_json(run_cli(folder, "report", "daily", "--date", "2025-11-06", "--user", "canbo"))
    assert data["officer"] == "canbo"
    refused = run_cli(folder, "report", "period", "--from", "2025-11-01", "--to", "2025-11-30",
                      "--user", "canbo")  # fmt: skip
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.strip() == "Tài khoản «canbo» không có quyền xem báo cáo số liệu theo kỳ."


PASSWORD = "matkhau123\n"  # the supervisor's, asked for by sign-off and reopen


def test_sign_off_and_reopen_from_the_command_line(folder):  # type: ignore[no-untyped-def]
    short = run_cli(folder, "--lang", "en", "report", "sign-off", "--date", "2025-11-06",
                    "--cash", "1.000", "--user", "truong", stdin=PASSWORD)  # fmt: skip
    assert short.returncode == 1
    assert short.stderr.count("\n") == 1 and "a note explaining the difference" in short.stderr
    signed = ok_json(
        run_cli(folder, "report", "sign-off", "--date", "2025-11-06", "--cash", "2.000",
                "--user", "truong", stdin=PASSWORD)
    )  # fmt: skip
    assert signed["locked"] and signed["fees_recorded"] == 2_000
    daily = ok_json(run_cli(folder, "report", "daily", "--date", "2025-11-06"))
    assert daily["signed_off"]["signed_by"] == "truong"
    reopened = ok_json(
        run_cli(folder, "report", "reopen", "--date", "2025-11-06", "--reason", "Nhập sót",
                "--user", "truong", stdin=PASSWORD)
    )  # fmt: skip
    assert not reopened["locked"] and reopened["reopen_reason"] == "Nhập sót"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("report", "daily", "--date", "06/11/2025"), "Ngày không hợp lệ: 06/11/2025"),
        (
            ("report", "period", "--from", "2025-12-01", "--to", "2025-11-01"),
            "Khoảng thời gian không hợp lệ",
        ),
        (
            ("report", "daily", "--date", "2025-11-06", "--xlsx", "/khong/co/thu-muc/x.xlsx"),
            "Không ghi được vào /khong/co/thu-muc/x.xlsx",
        ),
    ],
)
def test_bad_input_gets_one_clear_line(folder, args, message):  # type: ignore[no-untyped-def]
    result = run_cli(folder, *args)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_report_help_in_both_languages():
    from tests.cli.test_cli import has_vietnamese

    for command in ("daily", "period", "book", "sign-off", "reopen"):
        english = run_cli(None, "--lang", "en", "report", command, "--help")
        assert english.returncode == 0 and not has_vietnamese(english.stdout), english.stdout
        vietnamese = run_cli(None, "report", command, "--help")
        assert has_vietnamese(vietnamese.stdout)
