"""The papers read back as text against the forms of Circulars 01/2018 and 03/2025/TT-VPCP:
the form line, the letterhead, the control sheet's hand-over columns, dates in running text."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.clock import VN_TZ, local
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.domain.messages import translate
from counter_app.domain.wording import official_time
from tests.conftest import vn
from tests.printing.conftest import flat, pdf_text, pdf_words

SHORT_DATE = re.compile(r"\b\d{2}/\d{2}/\d{4}\b")
REASON = "Người yêu cầu đề nghị dừng để bổ sung giấy tờ từ nước ngoài."


def stopped(make):  # type: ignore[no-untyped-def]
    return make(
        moves=[
            (Action.TRANSFER, "", vn(2025, 4, 24, 14, 0)),
            (Action.STOP, REASON, vn(2025, 4, 28, 9, 0)),
        ]
    )


def test_stop_notice_cites_only_a_circular_that_has_the_form(papers, make, ws):
    dossier = stopped(make)
    text = flat(pdf_text(papers.stop_notice(dossier.code).pdf))
    assert "Mẫu số 05 (Ban hành kèm theo Thông tư số 03/2025/TT-VPCP" in text
    ws.settings.set("papers.regime", "2018")  # Circular 01/2018 has no stop notice
    text = flat(pdf_text(papers.stop_notice(dossier.code).pdf))
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in text
    assert "Thông tư" not in text and "Mẫu số" not in text
    # the papers the 2018 circular does have still cite it
    assert "Mẫu số 01 (Ban hành kèm theo Thông tư số 01/2018/TT-VPCP" in flat(
        pdf_text(papers.receipt(dossier.code).pdf)
    )


def test_running_text_writes_dates_out(papers, make):
    dossier = stopped(make)
    for paper in (papers.receipt(dossier.code), papers.stop_notice(dossier.code)):
        text = flat(pdf_text(paper.pdf))
        assert not SHORT_DATE.findall(text), f"{paper.title}: {SHORT_DATE.findall(text)}"
    receipt = flat(pdf_text(papers.receipt(dossier.code).pdf))
    assert "4. Thời gian nhận hồ sơ: 09 giờ 30 phút, ngày 24 tháng 4 năm 2025" in receipt
    notice = flat(pdf_text(papers.stop_notice(dossier.code).pdf))
    assert "Thời điểm dừng giải quyết: 09 giờ 00 phút, ngày 28 tháng 4 năm 2025" in notice
    late = make()
    apology = flat(
        pdf_text(papers.apology(late.code, new_due=vn(2025, 6, 2, 16, 0), reason="xác minh").pdf)
    )
    assert not SHORT_DATE.findall(apology), SHORT_DATE.findall(apology)
    assert "Ngày 24 tháng 4 năm 2025, Sở Tư pháp tỉnh Lạng Sơn tiếp nhận" in apology
    assert "vào 16 giờ 00 phút, ngày 02 tháng 6 năm 2025" in apology


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)))
def test_official_time_reads_like_the_forms(moment):
    text = official_time(moment.replace(tzinfo=VN_TZ))
    found = re.fullmatch(r"(\d\d) giờ (\d\d) phút, ngày (\d\d) tháng (\d\d?) năm (\d{4})", text)
    assert found, text
    hour, minute, day, month, year = map(int, found.groups())
    assert (hour, minute, day, month, year) == (
        moment.hour,
        moment.minute,
        moment.day,
        moment.month,
        moment.year,
    )
    assert text.split("tháng ")[1].startswith("0") == (moment.month < 3)  # "tháng 02", "tháng 4"


def test_new_due_on_a_day_off_is_refused(papers, make):
    dossier = make()
    saturday = vn(2025, 5, 17, 9, 0)
    with pytest.raises(CounterError) as refused:
        papers.apology(dossier.code, new_due=saturday)
    assert refused.value.key == "paper.new_due_day_off"
    assert "17/05/2025" in translate(refused.value.key, "vi", **refused.value.params)
    national_day = vn(2025, 9, 2, 9, 0)
    with pytest.raises(CounterError) as refused:
        papers.apology(dossier.code, new_due=national_day)
    assert refused.value.key == "paper.new_due_day_off"
    assert papers.apology(dossier.code, new_due=vn(2025, 5, 19, 9, 0)).pages == 1


def test_letterhead_names_the_receiving_unit_above_the_agency(papers, make, ws):
    dossier = make()
    words, pages = pdf_words(papers.receipt(dossier.code).pdf)
    half = pages[0][0] / 2
    left = [w for w in words if w.page == 1 and w.x1 < half]
    unit = next(w for w in left if w.text == "PHẬN")  # BỘ PHẬN MỘT CỬA
    agency = next(w for w in left if w.text == "PHÁP")  # SỞ TƯ PHÁP TỈNH LẠNG SƠN
    parent = next(w for w in left if w.text == "UBND")
    assert parent.y0 < unit.y0 < agency.y0


def test_control_sheet_has_givers_takers_and_timeliness(papers, make):
    dossier = make(
        moves=[
            (Action.TRANSFER, "", vn(2025, 4, 24, 14, 0)),
            (Action.RESOLVE, "", vn(2025, 6, 2, 10, 0)),  # after the time promised
        ]
    )
    text = flat(pdf_text(papers.control_sheet(dossier.code).pdf))
    for heading in (
        "Cơ quan phối hợp giải quyết hồ sơ:",
        "Người giao",
        "Người nhận",
    ):
        assert heading in text, heading
    assert text.count("Trước hạn") == 2  # received and transferred long before the due day
    assert text.count("Quá hạn") == 1  # resolved after it


def book_row_numbers(pdf: bytes) -> dict[str, str]:
    """Dossier code → the "STT" printed left of it in the tracking book."""
    words, _ = pdf_words(pdf)
    numbers = {}
    for word in words:
        if "-" in word.text and word.text.count(".") >= 3:  # a dossier code (or its first part)
            stt = [w for w in words if w.page == word.page and abs(w.y0 - word.y0) < 1]
            numbers[word.text] = min(stt, key=lambda w: w.x0).text
    return numbers


def test_receipt_and_book_share_the_volume_running_number(papers, make):
    first = make(at=vn(2025, 12, 30, 9, 0))
    second = make(at=vn(2025, 12, 31, 9, 0))  # the daily counter of its code starts again
    new_year = make(at=vn(2026, 1, 5, 9, 0))  # a new volume
    expected = {first.code: "1", second.code: "2", new_year.code: "1"}
    for dossier in (first, second, new_year):
        receipt = flat(pdf_text(papers.receipt(dossier.code).pdf))
        volume = f"01/{local(dossier.received_at).year}"
        assert f"Quyển số: {volume}, Số thứ tự: {expected[dossier.code]}." in receipt, receipt
        assert papers.receipt(dossier.code).pdf == papers.receipt(dossier.code).pdf  # unchanged
    book = papers.tracking_book(vn(2025, 12, 31).date(), vn(2026, 1, 5).date())
    assert book_row_numbers(book.pdf) == {second.code: "2", new_year.code: "1"}


def test_number_line_from_the_register_is_given_once(ws, make):
    papers = ws.papers  # with the store, where the registers are kept
    ws.settings.set("papers.registers", {"stop-notice": "TB-BPMC"})
    first, second = stopped(make), stopped(make)

    def number_line(code: str) -> list[str]:
        return re.findall(r"Số: \d+/[\w-]+", flat(pdf_text(papers.stop_notice(code).pdf)))

    assert number_line(first.code) == ["Số: 1/TB-BPMC"]
    assert number_line(second.code) == ["Số: 2/TB-BPMC"]
    ws.settings.set("papers.registers", {"stop-notice": "TB-TTHCC"})  # a later change of symbol
    assert number_line(first.code) == ["Số: 1/TB-BPMC"]  # a reprint keeps what was given
    assert not re.search(r"Số: \d", flat(pdf_text(papers.receipt(first.code).pdf)))
    ws.settings.set("papers.registers", {"passport": "X"})
    with pytest.raises(CounterError) as refused:
        papers.stop_notice(first.code)
    assert refused.value.key == "paper.setting"


def documents(count: int) -> list[dict]:
    return [
        {"name": f"Giấy tờ số {i} có tên khá dài để xuống dòng", "form": "copy", "count": 1}
        for i in range(1, count + 1)
    ]


def test_a5_receipt_fits_one_page_and_long_lists_end_with_their_signatures(papers, make):
    usual = papers.receipt(make(documents=documents(5)).code, size="A5")
    assert usual.pages == 1
    long = papers.receipt(make(documents=documents(14)).code, size="A5")
    assert long.pages == 2
    last = flat(pdf_text(long.pdf, page=long.pages))
    assert "Giấy tờ số 14" in last or "7. Phí, lệ phí" in last
    for closing in ("Vào Sổ theo dõi hồ sơ", "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ"):
        assert closing in last, closing
    assert "NGƯỜI NỘP HỒ SƠ" not in flat(pdf_text(long.pdf, page=1))
