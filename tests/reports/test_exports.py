"""The exported files read back: openpyxl for the spreadsheets (values, real dates, totals),
pypdf's text for the PDFs, compared with the figures the service computes."""

from __future__ import annotations

import errno
import os
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from tests.reports.conftest import CALENDAR, SAME_DAY, TEN_DAYS, fix_clock, move, receive, vn

DAY = date(2026, 11, 6)


@pytest.fixture
def filled(ws, officer, boss):  # type: ignore[no-untyped-def]
    first = receive(ws, officer, SAME_DAY, vn(2026, 11, 6, 8, 30), name="Hoàng Thị Ngọc Ánh")
    move(ws, first, Action.RESOLVE, boss, vn(2026, 11, 6, 10, 0))
    move(ws, first, Action.RETURN, officer, vn(2026, 11, 6, 11, 0))
    receive(ws, officer, TEN_DAYS, vn(2026, 11, 6, 9, 15), channel="online")
    receive(ws, officer, CALENDAR, vn(2026, 11, 6, 14, 5), channel="postal")
    late = receive(
        ws, officer, TEN_DAYS, vn(2026, 10, 20, 9, 0), due=vn(2026, 11, 2, 17, 0), name="Đỗ Văn Bảy"
    )
    move(ws, late, Action.RESOLVE, boss, vn(2026, 11, 6, 15, 0))
    receive(ws, officer, TEN_DAYS, vn(2026, 11, 2, 9, 0), due=vn(2026, 11, 5, 17, 0))  # overdue
    fix_clock(ws, vn(2026, 11, 6, 18, 0))
    return first


def sheet_rows(path: Path, name: str) -> list[tuple]:
    sheet = load_workbook(path)[name]
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def pdf_text(path: Path) -> str:
    return " ".join((page.extract_text() or "") for page in PdfReader(path).pages)


def test_daily_xlsx_reads_back_as_the_figures(ws, boss, filled, tmp_path):  # type: ignore[no-untyped-def]
    path = ws.reports.export_daily_xlsx(DAY, tmp_path / "ngay.xlsx", user=boss)
    review = ws.reports.daily(DAY, user=boss)
    workbook = load_workbook(path)
    summary = workbook["Tổng hợp"]
    assert summary["A4"].value == "Chỉ tiêu"  # Vietnamese headers
    assert summary.freeze_panes == "A5"
    assert summary.column_dimensions["A"].width == 52
    figures = {row[0]: row[1] for row in summary.iter_rows(min_row=5, values_only=True)}
    assert figures["Ngày"] == datetime(2026, 11, 6)  # a real date cell
    assert summary["B5"].is_date and summary["B5"].number_format == "dd/mm/yyyy"
    assert figures["Số hồ sơ tiếp nhận"] == review.received == 3
    assert figures["Số hồ sơ đã giải quyết"] == review.resolved == 2
    assert figures["– Quá hạn"] == review.on_time.late == 1
    assert figures["Phí, lệ phí đã thu"] == review.fees_total == 202_000
    assert figures["Hồ sơ quá hạn chưa giải quyết"] == len(review.overdue) == 1

    channels = sheet_rows(path, "Theo kênh")
    assert channels[4:] == [
        ("Trực tiếp", 1),
        ("Trực tuyến", 1),
        ("Bưu chính công ích", 1),
        ("Tổng cộng", 3),
    ]
    procedures = sheet_rows(path, "Theo thủ tục")
    assert procedures[-1] == ("Tổng cộng", None, 3)
    assert (SAME_DAY, "Chứng thực bản sao từ bản chính giấy tờ, văn bản", 1) in procedures
    overdue = workbook["Quá hạn"]
    assert overdue["F5"].value == datetime(2026, 11, 5, 17, 0)  # local time, no time zone
    assert overdue["F5"].number_format == "dd/mm/yyyy hh:mm"
    assert overdue["A6"].value == "Tổng cộng: 1 hồ sơ"
    trend = sheet_rows(path, "30 ngày")
    assert trend[4][0] == datetime(2026, 10, 8) and trend[-1] == ("Tổng cộng", 5)


def test_period_xlsx_has_the_province_layout(ws, boss, filled, tmp_path):  # type: ignore[no-untyped-def]
    start, end = date(2026, 11, 1), date(2026, 11, 30)
    path = ws.reports.export_period_xlsx(start, end, tmp_path / "ky.xlsx", user=boss)
    report = ws.reports.period(start, end, user=boss)
    sheet = load_workbook(path)["Báo cáo"]
    assert sheet["B3"].value == datetime(2026, 11, 1) and sheet["B3"].is_date
    assert sheet["C5"].value == "Số hồ sơ nhận giải quyết"
    assert [sheet.cell(6, c).value for c in range(3, 6)] == [
        "Mới tiếp nhận",
        "Kỳ trước chuyển qua",
        "Tổng số",
    ]
    assert sheet.freeze_panes == "C7"
    rows = [row for row in sheet.iter_rows(min_row=7, values_only=True)]
    assert rows[0][:2] == ("1", "Sở Tư pháp tỉnh Lạng Sơn")
    assert rows[1][0] == "1.1"
    total = rows[-1]
    assert total[1] == "Tổng cộng"
    figures = report.total
    assert total[2:5] == (figures.received_new, figures.carried_over, figures.received_total)
    assert total[2:5] == (4, 1, 5)
    assert total[5:9] == (0, 1, 1, 2)  # early, on time, late, resolved
    assert total[12] == pytest.approx(figures.on_time_rate) == pytest.approx(0.5)
    assert sheet.cell(7 + len(rows) - 1, 13).number_format == "0.0%"


def test_book_xlsx_lists_every_dossier_with_real_dates(ws, officer, filled, tmp_path):  # type: ignore[no-untyped-def]
    path = ws.reports.export_book_xlsx(
        date(2026, 11, 6), date(2026, 11, 6), tmp_path / "so.xlsx", user=officer
    )
    sheet = load_workbook(path)["Sổ theo dõi hồ sơ"]
    assert sheet["A1"].value == "SỔ THEO DÕI HỒ SƠ" and sheet["A2"].value == "Ngày 06/11/2026"
    assert sheet["B4"].value == "Mã hồ sơ" and sheet.freeze_panes == "A5"
    first = [cell.value for cell in sheet[5]]
    assert first[1] == filled.code
    assert first[4] == "Hoàng Thị Ngọc Ánh"
    assert first[7] == datetime(2026, 11, 6, 8, 30) and sheet["H5"].is_date
    assert first[9] == datetime(2026, 11, 6, 11, 0)  # returned
    assert first[10] == "Hoàng Thị Ngọc Ánh"
    assert sheet.max_row == 5 + 3  # three dossiers, then the totals row
    assert sheet["B8"].value == "Tổng cộng: 3 hồ sơ" and sheet["D8"].value == 3


def test_daily_pdf_text_matches_the_figures(ws, boss, filled, tmp_path):  # type: ignore[no-untyped-def]
    path = ws.reports.export_daily_pdf(DAY, tmp_path / "ngay.pdf", user=boss)
    text = pdf_text(path)
    assert "BÁO CÁO TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ TRONG NGÀY" in text
    assert "Ngày 06/11/2026" in text
    assert "Số hồ sơ tiếp nhận 3" in text
    assert "Phí, lệ phí đã thu (đồng) 202.000" in text
    assert "Bưu chính công ích 1" in text
    assert "Tỷ lệ giải quyết đúng hạn (%) 50,0" in text
    assert "Ngày chưa được ký xác nhận." in text


def test_period_pdf_text_matches_the_figures(ws, boss, filled, tmp_path):  # type: ignore[no-untyped-def]
    path = ws.reports.export_period_pdf(
        date(2026, 11, 1), date(2026, 11, 30), tmp_path / "ky.pdf", user=boss
    )
    text = pdf_text(path)
    assert "BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH" in text
    assert "Từ ngày 01/11/2026 đến ngày 30/11/2026" in text
    assert "Sở Xây dựng tỉnh Lạng Sơn" in text
    assert "Tổng cộng 4 1 5 0 1 1 2" in " ".join(text.split())


def test_an_unwritable_path_is_refused_with_a_message(ws, boss, filled, tmp_path):  # type: ignore[no-untyped-def]
    missing = tmp_path / "khong-co" / "ngay.xlsx"
    with pytest.raises(CounterError) as refused:
        ws.reports.export_daily_xlsx(DAY, missing, user=boss)
    assert refused.value.key == "file.unwritable"
    assert str(missing) in refused.value.message("vi")
    assert not missing.parent.exists()


def test_a_full_disk_leaves_no_half_file(ws, boss, filled, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    folder = tmp_path / "reports"
    folder.mkdir()
    target = folder / "ky.pdf"
    target.write_bytes(b"the previous report")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(CounterError) as refused:
        ws.reports.export_period_pdf(date(2026, 11, 1), date(2026, 11, 30), target, user=boss)
    assert os.strerror(errno.ENOSPC) in refused.value.message("en")
    assert target.read_bytes() == b"the previous report"
    assert [p.name for p in folder.iterdir()] == ["ky.pdf"]


def test_exports_follow_the_access_rules(ws, officer, filled, tmp_path):  # type: ignore[no-untyped-def]
    with pytest.raises(CounterError):
        ws.reports.export_period_xlsx(
            date(2026, 11, 1), date(2026, 11, 30), tmp_path / "ky.xlsx", user=officer
        )
    assert not (tmp_path / "ky.xlsx").exists()
    path = ws.reports.export_daily_xlsx(DAY, tmp_path / "cua-toi.xlsx", user=officer)
    assert load_workbook(path)["Tổng hợp"]["A2"].value == "Ngày 06/11/2026 – cán bộ Nguyễn Thị Hoa"
