"""The report files from the page: written in the background where the supervisor chose,
read back and compared with the figures on screen; a failure said in the page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from tests.ui.reports.conftest import DAY


def summary_values(path: Path) -> dict[str, object]:
    sheet = load_workbook(path).worksheets[0]
    return {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row and row[0]}


def book_codes(path: Path) -> set[str]:
    """The dossier codes in a tracking book's spreadsheet."""
    return {
        value
        for row in load_workbook(path).worksheets[0].iter_rows(values_only=True)
        for value in row
        if isinstance(value, str) and value.startswith("000.00.06.H37-")
    }


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def wait_saved(qtbot, bar, path: Path) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not bar.tasks.busy and str(path) in bar.message_label.text())


def test_the_daily_review_as_xlsx_and_pdf(qtbot, open_page, supervisor, tmp_path) -> None:
    page = open_page(supervisor)
    bar = page.daily.exports
    workbook = tmp_path / "ngay.xlsx"
    bar.save("dailyXlsx", workbook)
    assert not bar.buttons["dailyPdf"].isEnabled()  # one file at a time
    wait_saved(qtbot, bar, workbook)
    assert bar.buttons["dailyPdf"].isEnabled()
    values = summary_values(workbook)
    review = page.daily.review
    assert values["Số hồ sơ tiếp nhận"] == review.received == 4
    assert values["Số hồ sơ đã giải quyết"] == review.resolved
    assert values["Phí, lệ phí đã thu"] == review.fees_total

    pdf = tmp_path / "ngay.pdf"
    bar.save("dailyPdf", pdf)
    wait_saved(qtbot, bar, pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert bar.message_label.text() == f"Saved: {pdf}"


def test_one_officers_day_exports_that_officers_figures(
    qtbot, open_page, supervisor, tmp_path
) -> None:
    page = open_page(supervisor)
    page.daily.set_officer("lan")
    qtbot.waitUntil(lambda: page.daily.review.officer == "lan")
    path = tmp_path / "lan.xlsx"
    page.daily.exports.save("dailyXlsx", path)
    wait_saved(qtbot, page.daily.exports, path)
    assert summary_values(path)["Số hồ sơ tiếp nhận"] == 3


def test_the_period_report_and_the_tracking_book(
    qtbot, open_page, supervisor, tmp_path, day
) -> None:
    page = open_page(supervisor)
    tab = page.period
    bar = tab.exports
    report = tmp_path / "ky.xlsx"
    bar.save("periodXlsx", report)
    wait_saved(qtbot, bar, report)
    text = [
        str(value)
        for sheet in load_workbook(report).worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    assert "UBND xã Hoàng Đồng" in text

    book = tmp_path / "so.xlsx"
    bar.save("bookXlsx", book)
    wait_saved(qtbot, bar, book)
    codes = book_codes(book)
    assert day.walk_in.code in codes and day.overdue.code in codes  # both in November
    assert tab.period() == (date(2026, 11, 1), DAY)

    pdf = tmp_path / "ky.pdf"
    bar.save("periodPdf", pdf)
    wait_saved(qtbot, bar, pdf)
    assert pdf.read_bytes().startswith(b"%PDF")

    printed = tmp_path / "so.pdf"
    bar.save("bookPdf", printed)
    wait_saved(qtbot, bar, printed)
    text = pdf_text(printed)
    assert day.walk_in.code in text and day.overdue.code in text


def test_staff_export_the_tracking_book_of_their_day(
    qtbot, open_page, staff, tmp_path, day
) -> None:
    bar = open_page(staff).daily.exports
    book = tmp_path / "so.xlsx"
    bar.save("dayBookXlsx", book)
    wait_saved(qtbot, bar, book)
    codes = book_codes(book)
    day_codes = {day.walk_in.code, day.online.code, day.postal.code, day.other_officer.code}
    assert codes == day_codes
    printed = tmp_path / "so.pdf"
    bar.save("dayBookPdf", printed)
    wait_saved(qtbot, bar, printed)
    text = pdf_text(printed)
    assert all(code in text for code in day_codes)
    assert day.overdue.code not in text  # received on another day


def test_a_file_that_cannot_be_written_is_explained(qtbot, open_page, supervisor, tmp_path) -> None:
    bar = open_page(supervisor).daily.exports
    bar.save("dailyXlsx", tmp_path / "missing" / "folder" / "ngay.xlsx")
    qtbot.waitUntil(lambda: not bar.error_label.isHidden())
    assert bar.error_label.text() != ""
    assert bar.message_label.text() == ""
    assert all(button.isEnabled() for button in bar.buttons.values())


def test_an_export_never_writes_over_the_store(qtbot, open_page, supervisor, workspace) -> None:
    page = open_page(supervisor)
    bar = page.daily.exports
    store = workspace.database.path
    before = store.read_bytes()
    bar.save("dailyXlsx", store)
    assert bar.error_label.isVisible() and "the counter's own data" in bar.error_label.text()
    assert not bar.tasks.busy and bar.buttons["dailyPdf"].isEnabled()
    assert store.read_bytes() == before
