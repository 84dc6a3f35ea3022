"""Each paper made from a dossier built through the services: the right Vietnamese words, every
font embedded as a subset, the state rules, and layouts that wrap and continue, never clip."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from counter_app.domain.catalog_file import catalog_from_json
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.domain.wording import official_time
from counter_app.services.printing import PaperKind
from tests.conftest import AGENCY, SAME_DAY, SMALL_CATALOG, vn
from tests.printing.conftest import STATUS_URL, flat, pdf_fonts, pdf_text, pdf_words

MM = 72 / 25.4
HEADER = [
    "UBND TỈNH LẠNG SƠN",
    "SỞ TƯ PHÁP TỈNH LẠNG SƠN",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
]


def page_sizes_mm(pdf: bytes) -> list[tuple[float, float]]:
    reader = PdfReader(io.BytesIO(pdf))
    return [
        (round(float(p.mediabox.width) / MM, 1), round(float(p.mediabox.height) / MM, 1))
        for p in reader.pages
    ]


def assert_words(text: str, *expected: str) -> None:
    joined = flat(text)
    for words in expected:
        assert flat(words) in joined, f"{words!r} not in the paper:\n{text}"


def assert_fonts_embedded(pdf: bytes, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = pdf_fonts(pdf, tmp_path)
    assert rows, "no font at all"
    for row in rows:
        assert row.embedded and row.subset and row.unicode, row
        assert row.name.split("+", 1)[1].startswith("Liberation"), row


def assert_nothing_clipped(pdf: bytes, left_mm: float = 5, right_mm: float = 5) -> None:
    """Every word lies inside its page, clear of the edges."""
    words, pages = pdf_words(pdf)
    assert words
    for word in words:
        width, height = pages[word.page - 1]
        assert word.x0 >= left_mm * MM - 0.5, word
        assert word.x1 <= width - right_mm * MM + 0.5, word
        assert word.y0 >= 0 and word.y1 <= height, word


# --- the receipt ----------------------------------------------------------------------------


def test_receipt_has_the_official_wording(papers, make, tmp_path):
    dossier = make()
    paper = papers.receipt(dossier.code)
    assert paper.kind is PaperKind.RECEIPT and paper.pages == 1 and paper.code == dossier.code
    assert page_sizes_mm(paper.pdf) == [(210.0, 297.0)]
    text = pdf_text(paper.pdf)
    assert_words(
        text,
        *HEADER,
        "Lạng Sơn, ngày 24 tháng 4 năm 2025",
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        f"Mã hồ sơ: {dossier.code}",
        "Mẫu số 01 (Ban hành kèm theo Thông tư số 03/2025/TT-VPCP",
        "Ông/Bà: Nguyễn Văn An",
        "Số CCCD/Số định danh: 020090001234",
        "Địa chỉ: Số 5, đường Trần Đăng Ninh, phường Tam Thanh, thành phố Lạng Sơn",
        "Số điện thoại: 0912345678",
        "Nội dung yêu cầu giải quyết: Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
        "Tờ khai yêu cầu cấp Phiếu",
        "Bản chụp giấy tờ tùy thân",
        "Bản chính",
        "2. Số lượng hồ sơ: 01 (bộ)",
        "3. Thời gian giải quyết hồ sơ theo quy định là: 10 ngày làm việc",
        "4. Thời gian nhận hồ sơ: 09 giờ 30 phút, ngày 24 tháng 4 năm 2025",
        f"5. Thời gian trả kết quả giải quyết hồ sơ: {official_time(dossier.due_at)}",
        "6. Đăng ký nhận kết quả tại: Bộ phận Một cửa",
        "Phí cung cấp thông tin lý lịch tư pháp: 200.000 đồng",
        "Bằng chữ: Hai trăm nghìn đồng",
        "Vào Sổ theo dõi hồ sơ, Quyển số: 01/2025, Số thứ tự: 1.",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "Nguyễn Thị Hoa",
    )
    assert_fonts_embedded(paper.pdf, tmp_path)
    assert_nothing_clipped(paper.pdf)


def test_receipt_a5_and_postal_return(papers, make):
    dossier = make(SAME_DAY)
    a5 = papers.receipt(dossier.code, size="a5")
    assert page_sizes_mm(a5.pdf) == [(148.0, 210.0)]
    assert_words(pdf_text(a5.pdf), "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Chứng thực bản sao")
    assert_nothing_clipped(a5.pdf, 3, 3)


def test_receipt_size_setting_and_bad_size(papers, make, ws):
    dossier = make()
    ws.settings.set("papers.receipt_size", "A5")
    assert page_sizes_mm(papers.receipt(dossier.code).pdf) == [(148.0, 210.0)]
    with pytest.raises(CounterError) as refused:
        papers.receipt(dossier.code, size="Letter")
    assert refused.value.key == "paper.size"
    assert "A4, A5" in refused.value.message()


def test_header_wording_follows_the_settings(papers, make, ws):
    dossier = make()
    ws.settings.set("papers.place", "Cao Lộc")
    ws.settings.set("papers.regime", "2018")
    ws.settings.set("papers.parent_agency_name", "Ủy ban nhân dân tỉnh Lạng Sơn")
    ws.settings.set("papers.tracking_book_volume", "03/{year}-TP")
    text = pdf_text(papers.receipt(dossier.code).pdf)
    assert_words(
        text,
        "Cao Lộc, ngày 24 tháng 4 năm 2025",
        "Mẫu số 01 (Ban hành kèm theo Thông tư số 01/2018/TT-VPCP ngày 23/11/2018",
        "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN",
        "Quyển số: 03/2025-TP",
    )
    ws.settings.set("papers.legal_basis", "Theo Quyết định số 12/2025/QĐ-UBND của UBND tỉnh")
    ws.settings.set("papers.form_numbers", {"receipt": "Mẫu số 01/TN"})
    assert_words(
        pdf_text(papers.receipt(dossier.code).pdf),
        "Mẫu số 01/TN (Theo Quyết định số 12/2025/QĐ-UBND của UBND tỉnh)",
    )


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("papers.regime", "2019"),
        ("papers.status_url_template", "https://example.vn/tra-cuu"),
        ("papers.label_printer_dpi", 7),
        ("papers.titles", {"passport": "X"}),
        ("papers.place", 12),
    ],
)
def test_bad_settings_are_named(papers, make, ws, key, value):
    dossier = make()
    ws.settings.set(key, value)
    with pytest.raises(CounterError) as refused:
        papers.receipt(dossier.code)
    assert refused.value.key == "paper.setting"
    assert key in refused.value.message()


def test_no_qr_without_an_address(papers, make, ws):
    dossier = make()
    ws.settings.set("papers.status_url_template", "")
    assert "Tra cứu hồ sơ" not in pdf_text(papers.receipt(dossier.code).pdf)


def test_long_names_and_addresses_wrap_inside_the_page(papers, make):
    name = " ".join(["Nguyễn Thị Phương Thảo Hoàng Lê Minh"] * 6)[:200].strip()
    address = " ".join(["Thôn Khuổi Phầy, xã Xuân Long, huyện Cao Lộc, tỉnh Lạng Sơn"] * 4)[:200]
    dossier = make(full_name=name, address=address.strip())
    for paper in (papers.receipt(dossier.code), papers.receipt(dossier.code, size="A5")):
        text = flat(pdf_text(paper.pdf))
        assert flat(name) in text  # every word, in order, wrapped not cut
        assert flat(address) in text
        assert_nothing_clipped(paper.pdf, 3, 3)
    for size in ("50x30", "60x40", "100x50", "a4"):
        label = papers.label(dossier.code, size=size)
        assert_nothing_clipped(label.pdf, 0.5, 0.5)


def test_a_word_longer_than_the_line_breaks_between_letters(papers, make):
    address = "Số" + "9" * 150 + " đường Bà Triệu"
    dossier = make(address=address)
    paper = papers.receipt(dossier.code)
    assert "".join(flat(pdf_text(paper.pdf)).split()).count("9" * 150) == 1
    assert_nothing_clipped(paper.pdf)


def test_sixty_components_continue_with_the_header_repeated(papers, make):
    documents = [
        {"name": f"Giấy tờ số {i:02d}: bản kê khai chi tiết tài sản", "form": "copy", "count": i}
        for i in range(1, 61)
    ]
    dossier = make(documents=documents)
    paper = papers.receipt(dossier.code)
    assert paper.pages >= 2
    first, second = pdf_text(paper.pdf, page=1), pdf_text(paper.pdf, page=2)
    for page_text in (first, second):
        assert_words(page_text, "STT", "Tên giấy tờ", "Hình thức", "Số lượng")
    assert_words(second, "(tiếp theo)", f"Mã hồ sơ: {dossier.code}", f"Trang 2/{paper.pages}")
    assert_words(first, f"Trang 1/{paper.pages}")
    whole = flat(pdf_text(paper.pdf))
    for i in range(1, 61):
        assert f"Giấy tờ số {i:02d}: bản kê khai chi tiết tài sản" in whole
    assert_nothing_clipped(paper.pdf)


def test_a_foreign_letter_still_prints(papers, make, tmp_path):
    dossier = make(full_name="François Nguyễn Ça")
    paper = papers.receipt(dossier.code)
    assert "François Nguyễn Ça" in pdf_text(paper.pdf)
    assert_fonts_embedded(paper.pdf, tmp_path)


# --- the other papers -----------------------------------------------------------------------


def test_supplement_request_prints_the_note(papers, make, tmp_path):
    note = "Bổ sung bản chụp giấy khai sinh; tờ khai ghi sai ngày sinh, đề nghị khai lại."
    dossier = make(moves=[(Action.REQUEST_SUPPLEMENT, note, vn(2025, 4, 25, 8, 15))])
    paper = papers.supplement_request(dossier.code)
    text = pdf_text(paper.pdf)
    assert_words(
        text,
        *HEADER,
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        "Mẫu số 02",
        "Lạng Sơn, ngày 25 tháng 4 năm 2025",
        f"Mã hồ sơ: {dossier.code}",
        "Ông/Bà: Nguyễn Văn An",
        note,
        "tạm dừng từ 08 giờ 15 phút, ngày 25 tháng 4 năm 2025",
        "liên hệ với Ông/Bà Nguyễn Thị Hoa",
        "NGƯỜI HƯỚNG DẪN",
    )
    assert_fonts_embedded(paper.pdf, tmp_path)
    # Still printable after the papers came back, as it was.
    resubmitted = make(
        moves=[
            (Action.REQUEST_SUPPLEMENT, note, vn(2025, 4, 25, 8, 15)),
            (Action.RESUBMIT, "", vn(2025, 4, 28, 9, 0)),
        ]
    )
    assert note in flat(pdf_text(papers.supplement_request(resubmitted.code).pdf))


def test_refusal_prints_the_reason(papers, make, tmp_path):
    reason = "Tờ khai chưa có chữ ký của người yêu cầu; thiếu bản chụp căn cước."
    dossier = make(moves=[(Action.REFUSE, reason, vn(2025, 4, 24, 9, 45))])
    paper = papers.refusal(dossier.code)
    assert_words(
        pdf_text(paper.pdf),
        *HEADER,
        "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
        "Mẫu số 03",
        "Lạng Sơn, ngày 24 tháng 4 năm 2025",
        f"Mã hồ sơ: {dossier.code}",
        "Ông/Bà: Nguyễn Văn An",
        "từ chối tiếp nhận hồ sơ với lý do cụ thể như sau:",
        reason,
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
    )
    assert_fonts_embedded(paper.pdf, tmp_path)


def test_control_sheet_lists_the_moves(papers, make, ws, tmp_path):
    dossier = make(
        moves=[
            (Action.TRANSFER, "", vn(2025, 4, 24, 14, 0)),
            (Action.RESOLVE, "Đã ký phiếu", vn(2025, 5, 5, 10, 0)),
        ]
    )
    paper = papers.control_sheet(dossier.code)
    assert_words(
        pdf_text(paper.pdf),
        *HEADER,
        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        "Mẫu số 06",
        f"Mã hồ sơ: {dossier.code}",
        "Người nộp hồ sơ: Nguyễn Văn An",
        "Thời gian tiếp nhận hồ sơ: 09 giờ 30 phút, ngày 24 tháng 4 năm 2025",
        "Tiếp nhận – Bộ phận Một cửa",
        "Chuyển xử lý",
        "14 giờ 00 phút, ngày 24/04/2025",
        "Hoàn thành xử lý",
        "Trước hạn",
        "Đã ký phiếu",
        "Giao: … Nhận: …",
    )
    assert_fonts_embedded(paper.pdf, tmp_path)
    ws.settings.set("papers.regime", "2018")
    assert "Mẫu số 05" in pdf_text(papers.control_sheet(dossier.code).pdf)


def test_apology_prints_the_old_and_new_times(papers, make, ws, tmp_path):
    dossier = make(moves=[(Action.TRANSFER, "", vn(2025, 4, 24, 14, 0))])
    new_due = vn(2025, 5, 20, 16, 0)
    paper = papers.apology(dossier.code, new_due=new_due, reason="cần xác minh tại nơi cư trú")
    assert_words(
        pdf_text(paper.pdf),
        *HEADER,
        "VĂN BẢN XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
        "Mẫu số 04",
        "Lạng Sơn, ngày 02 tháng 5 năm 2025",  # the day it is printed
        "Kính gửi: Ông/Bà Nguyễn Văn An",
        "Ngày 24 tháng 4 năm 2025, Sở Tư pháp tỉnh Lạng Sơn tiếp nhận",
        f"Mã hồ sơ: {dossier.code}",
        f"Thời hạn trả kết quả giải quyết hồ sơ đã hẹn: {official_time(dossier.due_at)}",
        "Lý do: cần xác minh tại nơi cư trú.",
        "hẹn trả kết quả giải quyết hồ sơ vào 16 giờ 00 phút, ngày 20 tháng 5 năm 2025",
        "THỦ TRƯỞNG CƠ QUAN",
    )
    assert_fonts_embedded(paper.pdf, tmp_path)
    ws.settings.set("papers.regime", "2018")
    old = papers.apology(dossier.code, new_due=new_due)
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in pdf_text(old.pdf)


def test_stop_notice_prints_the_reason(papers, make, tmp_path):
    reason = "Người yêu cầu đề nghị dừng để bổ sung giấy tờ từ nước ngoài."
    dossier = make(
        moves=[
            (Action.TRANSFER, "", vn(2025, 4, 24, 14, 0)),
            (Action.STOP, reason, vn(2025, 4, 28, 9, 0)),
        ]
    )
    paper = papers.stop_notice(dossier.code)
    assert_words(
        pdf_text(paper.pdf),
        *HEADER,
        "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
        "Mẫu số 05",
        "Lạng Sơn, ngày 28 tháng 4 năm 2025",
        "Kính gửi: Ông/Bà Nguyễn Văn An",
        f"Mã hồ sơ: {dossier.code}",
        "Thời điểm dừng giải quyết: 09 giờ 00 phút, ngày 28 tháng 4 năm 2025",
        f"Lý do dừng giải quyết: {reason}",
    )
    assert_fonts_embedded(paper.pdf, tmp_path)


def test_label_sizes(papers, make, tmp_path):
    dossier = make(sets=3)
    expected = {"50x30": (50.0, 30.0), "60x40": (60.0, 40.0), "100x50": (100.0, 50.0)}
    for size, dimensions in expected.items():
        label = papers.label(dossier.code, size=size)
        assert page_sizes_mm(label.pdf) == [dimensions]
        assert_words(pdf_text(label.pdf), dossier.code, "Nguyễn Văn An", "Nhận: 24/04/2025")
        assert_fonts_embedded(label.pdf, tmp_path)
        assert all(
            r.name.split("+")[1].startswith("LiberationSans")
            for r in pdf_fonts(label.pdf, tmp_path)
        )
    sheet = papers.label(dossier.code, size="A4")
    assert page_sizes_mm(sheet.pdf) == [(210.0, 297.0)]
    assert pdf_text(sheet.pdf).count(dossier.code) == 3  # one label per set
    assert papers.label(dossier.code).pdf == papers.label(dossier.code, size="100x50").pdf
    with pytest.raises(CounterError) as refused:
        papers.label(dossier.code, size="40x20")
    assert refused.value.key == "paper.size"


def test_tracking_book_of_a_day_and_a_period(papers, make, ws, tmp_path):
    first = make()
    second = make(SAME_DAY, at=vn(2025, 4, 24, 14, 5), full_name="Hoàng Thị Lan")
    later = make(at=vn(2025, 4, 25, 8, 0), full_name="Lương Văn Thắng")
    ws.dossiers.transition(
        second.code, Action.RESOLVE, user=ws.accounts.user("canbo"), at=vn(2025, 4, 24, 15, 0)
    )
    ws.dossiers.transition(
        second.code, Action.RETURN, user=ws.accounts.user("canbo"), at=vn(2025, 4, 24, 16, 0)
    )
    day = papers.tracking_book(date(2025, 4, 24))
    assert day.kind is PaperKind.BOOK
    assert page_sizes_mm(day.pdf) == [(297.0, 210.0)]
    text = pdf_text(day.pdf)
    assert_words(
        text,
        "SỔ THEO DÕI HỒ SƠ",
        "Ngày 24/04/2025",
        "Mẫu số 07",
        "Quyển số: 01/2025. Số hồ sơ: 2.",
        first.code,
        second.code,
        "Hoàng Thị Lan",
        "Người nhận kết quả",
        "16 giờ 00 phút,",  # the time of return, in a narrow cell: two lines
    )
    assert flat(text).count("Hoàng Thị Lan") == 2  # the applicant took the result herself
    assert later.code not in text
    assert flat(text).index(first.code) < flat(text).index(second.code)
    period = pdf_text(papers.tracking_book(date(2025, 4, 24), date(2025, 4, 25)).pdf)
    assert_words(period, "Từ ngày 24/04/2025 đến ngày 25/04/2025", later.code, "Số hồ sơ: 3.")
    empty = pdf_text(papers.tracking_book(date(2025, 4, 26)).pdf)
    assert "Không có hồ sơ nào được tiếp nhận" in flat(empty)
    with pytest.raises(CounterError) as refused:
        papers.tracking_book(date(2025, 4, 26), date(2025, 4, 25))
    assert refused.value.key == "paper.book_range"
    assert_fonts_embedded(day.pdf, tmp_path)


def test_a_long_book_repeats_its_header(papers, make):
    for i in range(40):
        make(at=vn(2025, 4, 24, 8, i), full_name=f"Người nộp số {i:02d}")
    paper = papers.tracking_book(date(2025, 4, 24))
    assert paper.pages >= 3
    for page in range(1, paper.pages + 1):
        text = pdf_text(paper.pdf, page=page)
        assert_words(text, "Mã hồ sơ", "Tên cá nhân, tổ chức", f"Trang {page}/{paper.pages}")
    assert_nothing_clipped(paper.pdf)


# --- what a dossier's state allows ------------------------------------------------------------


def test_papers_refused_in_the_wrong_state(papers, make):
    received = make()
    for kind in (PaperKind.REFUSAL, PaperKind.STOP_NOTICE):
        with pytest.raises(CounterError) as refused:
            papers.render(kind, received.code)
        assert refused.value.key == "paper.wrong_state"
        assert "Được tiếp nhận" in refused.value.message()
    with pytest.raises(CounterError) as refused:
        papers.supplement_request(received.code)
    assert refused.value.key == "paper.no_supplement"
    assert refused.value.message("en").startswith(f"Dossier “{received.code}” was never asked")

    refused_dossier = make(moves=[(Action.REFUSE, "Thiếu tờ khai", vn(2025, 4, 24, 9, 40))])
    for kind in (PaperKind.RECEIPT, PaperKind.LABEL, PaperKind.CONTROL_SHEET):
        with pytest.raises(CounterError) as refused:
            papers.render(kind, refused_dossier.code)
        assert refused.value.key == "paper.wrong_state"
    with pytest.raises(CounterError):
        papers.apology(refused_dossier.code, new_due=vn(2025, 6, 1, 9, 0))
    assert papers.available(refused_dossier.code) == [PaperKind.REFUSAL]
    assert papers.available(received.code) == [
        PaperKind.RECEIPT,
        PaperKind.LABEL,
        PaperKind.CONTROL_SHEET,
        PaperKind.APOLOGY,
    ]


def test_apology_needs_a_later_due_time(papers, make, ws):
    dossier = make()
    with pytest.raises(CounterError) as refused:
        papers.apology(dossier.code, new_due=None)
    assert refused.value.key == "paper.new_due_missing"
    for new_due in (dossier.due_at, vn(2025, 4, 30, 9, 0)):
        with pytest.raises(CounterError) as refused:
            papers.apology(dossier.code, new_due=new_due)
        assert refused.value.key == "paper.new_due_early"
    done = make(
        moves=[
            (Action.RESOLVE, "", vn(2025, 4, 25, 9, 0)),
            (Action.RETURN, "", vn(2025, 4, 25, 10, 0)),
        ]
    )
    with pytest.raises(CounterError) as refused:
        papers.apology(done.code, new_due=vn(2025, 6, 1, 9, 0))
    assert refused.value.key == "paper.wrong_state"

    ws.catalog.import_catalog(
        catalog_from_json(
            {
                "format": "counter-app-catalog",
                "version": 1,
                "agencies": SMALL_CATALOG["agencies"],
                "procedures": [
                    {
                        "code": "9.000002.000.00.00.H37",
                        "name": "Thủ tục không quy định thời hạn",
                        "field": "Khác",
                        "agency": AGENCY,
                        "level": "level_2",
                        "duration": {"unit": "none"},
                    }
                ],
            }
        )
    )
    open_ended = make("9.000002.000.00.00.H37")
    with pytest.raises(CounterError) as refused:
        papers.apology(open_ended.code, new_due=vn(2025, 6, 1, 9, 0))
    assert refused.value.key == "paper.no_due"
    assert "không quy định thời hạn" in pdf_text(papers.receipt(open_ended.code).pdf)


def test_unknown_code(papers):
    with pytest.raises(CounterError) as refused:
        papers.receipt("000.00.12.H37-250424-0999")
    assert refused.value.key == "dossier.unknown"
    with pytest.raises(CounterError) as refused:
        papers.receipt("not a code")
    assert refused.value.key == "code.format"


# --- the PDF itself -----------------------------------------------------------------------------


def test_pdfs_are_stable_and_text_is_nfc(papers, make):
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Trần Thị Ánh Tuyết")
    dossier = make(full_name=decomposed)
    first = papers.receipt(dossier.code)
    assert first.pdf == papers.receipt(dossier.code).pdf  # invariant: byte for byte
    text = pdf_text(first.pdf)
    assert "Trần Thị Ánh Tuyết" in text
    reader = PdfReader(io.BytesIO(first.pdf))
    assert reader.metadata.title == f"Giấy tiếp nhận hồ sơ và hẹn trả kết quả – {dossier.code}"
    assert reader.metadata.author == "Sở Tư pháp tỉnh Lạng Sơn"


def test_status_url_is_the_template_filled(papers, make):
    dossier = make()
    assert papers.paper_settings().status_url(dossier.code) == STATUS_URL.format(code=dossier.code)
