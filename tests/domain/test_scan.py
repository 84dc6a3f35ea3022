import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.codes import DossierCode
from counter_app.domain.scan import ScanKind, classify_scan, scrub_scan, untelex

CODE = "000.00.06.H56-231027-0361"
ADDRESS = "Số 5, đường Trần Đăng Ninh, phường Tam Thanh, thành phố Lạng Sơn, Lạng Sơn"
QR = f"020090001234|123456789|Nguyễn Văn An|15031990|Nam|{ADDRESS}|20042021"


@pytest.mark.parametrize(
    "text",
    [
        CODE,
        CODE.lower(),
        CODE + "\r\n",
        CODE + "\r",
        CODE + "\n",
        CODE + "\t",
        "  " + CODE.lower() + "\t",
        "]C0" + CODE + "\r\n",  # AIM symbology prefix
        "\ufeff" + CODE,
    ],
)
def test_dossier_codes(text):
    result = classify_scan(text)
    assert result.kind is ScanKind.DOSSIER
    assert result.code == DossierCode("000.00.06.H56", date(2023, 10, 27), 361)
    assert result.to_json() == {"kind": "dossier", "code": CODE}


def test_code_inside_a_look_up_link():
    result = classify_scan(f"https://dichvucong.langson.gov.vn/tra-cuu?ma={CODE}&lang=vi")
    assert result.kind is ScanKind.DOSSIER
    assert str(result.code) == CODE


def test_link_with_two_codes_is_not_guessed():
    other = "000.00.06.H56-231027-0362"
    result = classify_scan(f"https://example.vn/?a={CODE}&b={other}")
    assert result.kind is ScanKind.UNKNOWN


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("000.Đ.H56-231027-0361", "000.DD.H56-231027-0361"),  # Telex dd → đ
        ("000.đ.h56-231027-0361", "000.DD.H56-231027-0361"),  # and Caps Lock off
        ("000.06.Â56-231027-0361", "000.06.AA56-231027-0361"),  # aa → â
        ("000.06.Á56-231027-0361", "000.06.AS56-231027-0361"),  # as → á
        ("000.06.Ạ56-231027-0361", "000.06.AJ56-231027-0361"),  # aj → ạ
    ],
)
def test_telex_rewrites_are_undone(typed, code):
    result = classify_scan(typed)
    assert result.kind is ScanKind.DOSSIER
    assert str(result.code) == code


def test_untelex():
    assert untelex("đầu") == "ddaafu"
    assert untelex("Được") == "DDuwowjc"
    assert untelex("ăn") == "awn"
    assert untelex("abc-123") == "abc-123"
    assert untelex("ç") == "ç"  # a mark Telex does not type


def test_citizen_id_qr():
    result = classify_scan(QR + "\r\n")
    assert result.kind is ScanKind.CITIZEN_ID
    assert result.card is not None
    assert result.card.full_name == "Nguyễn Văn An"
    assert result.text == QR
    data = result.to_json("en")
    assert data["kind"] == "citizen_id"
    assert data["id_number"] == "020090001234"
    assert data["birth_date"] == "1990-03-15"
    assert data["warnings"] == []
    assert set(data) == {
        "kind",
        "id_number",
        "old_id_number",
        "full_name",
        "birth_date",
        "gender",
        "address",
        "issue_date",
        "extra",
        "warnings",
    }


def test_citizen_id_qr_in_nfd_comes_back_nfc():
    result = classify_scan(unicodedata.normalize("NFD", QR))
    assert result.kind is ScanKind.CITIZEN_ID
    assert unicodedata.is_normalized("NFC", result.text)
    assert result.card is not None
    assert result.card.address == ADDRESS


def test_citizen_id_qr_with_warnings_is_still_a_card():
    result = classify_scan(QR.replace("|Nam|", "|Nữ|"))
    assert result.kind is ScanKind.CITIZEN_ID
    assert result.to_json("en")["warnings"] == [
        "The gender does not match the ID number: possibly a misread."
    ]


def test_broken_qr_is_unknown_with_the_refusal():
    result = classify_scan(QR.replace("15031990", "31021990"))
    assert result.kind is ScanKind.UNKNOWN
    assert result.problem is not None
    assert result.problem.key == "qr.date"
    assert result.to_json("en")["reason"] == (
        "A date in the QR is not valid (birth date): 31021990"
    )
    assert result.to_json("vi")["reason"] == "Ngày trong mã QR không hợp lệ (ngày sinh): 31021990"


def test_short_qr_is_unknown_with_field_count():
    result = classify_scan("020090001234|Nguyễn Văn An")
    assert result.kind is ScanKind.UNKNOWN
    assert result.problem is not None
    assert result.problem.key == "qr.fields"
    assert result.to_json()["text"] == "020090001234|Nguyễn Văn An"


def test_code_shaped_but_impossible_date():
    result = classify_scan("000.00.06.H56-231399-0361")
    assert result.kind is ScanKind.UNKNOWN
    assert result.problem is not None
    assert result.problem.key == "code.format"
    assert result.to_json("en")["reason"] == "Not a dossier code: 000.00.06.H56-231399-0361"


@pytest.mark.parametrize("text", ["hello", "8935049500117", "Nguyễn Văn An", "---"])
def test_garbage_is_unknown_with_a_reason(text):
    result = classify_scan(text)
    assert result.kind is ScanKind.UNKNOWN
    assert result.problem is not None
    assert result.problem.key == "scan.unknown"
    data = result.to_json("en")
    assert data == {
        "kind": "unknown",
        "text": text,
        "reason": f"Not a dossier code nor a citizen-ID QR: {text}",
    }
    assert result.to_json("vi")["reason"].startswith("Không nhận ra mã vừa quét")


@pytest.mark.parametrize("text", ["", "\r\n", "\t", "\x00\x1d"])
def test_empty_scan(text):
    result = classify_scan(text)
    assert result.kind is ScanKind.UNKNOWN
    assert result.text == ""
    assert result.to_json("en") == {"kind": "unknown", "text": "", "reason": "Nothing was scanned."}


def test_non_text_never_raises():
    assert classify_scan(None).kind is ScanKind.UNKNOWN  # type: ignore[arg-type]
    assert classify_scan(CODE.encode()).kind is ScanKind.DOSSIER  # type: ignore[arg-type]


def test_scrub_scan():
    assert scrub_scan("\x02" + CODE + "\x03\r\n") == CODE
    assert scrub_scan("a\tb\r\nc") == "a b c"
    assert scrub_scan(unicodedata.normalize("NFD", "Đỗ")) == "Đỗ"


@given(st.text())
def test_classify_never_raises(text):
    result = classify_scan(text)
    assert result.kind in ScanKind
    data = result.to_json("en")
    assert data["kind"] == result.kind.value
    result.to_json("vi")


@given(
    st.lists(
        st.one_of(
            st.sampled_from(["020090001234", "Nam", "Nữ", "15031990", "", "Nguyễn Văn An", CODE]),
            st.text(max_size=12),
        ),
        max_size=9,
    ),
    st.sampled_from(["", "\r\n", "\t", "]Q1"]),
)
def test_classify_never_raises_on_near_valid_payloads(fields, affix):
    result = classify_scan(affix + "|".join(fields) + affix)
    assert result.kind in ScanKind
    result.to_json("en")


@given(st.text(alphabet="0123456789.-ABHGabhgđĐâÂáÁ", max_size=30))
def test_classify_never_raises_on_code_like_text(text):
    result = classify_scan(text)
    if result.kind is ScanKind.DOSSIER:
        assert result.code is not None
        assert DossierCode.parse(str(result.code)) == result.code


def test_scan_equal_to_a_message_key_renders():
    result = classify_scan("qr.date")
    assert result.to_json("en")["reason"] == "Not a dossier code nor a citizen-ID QR: qr.date"


def test_a_code_glued_to_vietnamese_letters_is_not_cut_short():
    for text in ("000.00Ư0-000101-0001", "ĐẶNG0-000101-0001"):
        assert classify_scan(text).kind is ScanKind.UNKNOWN
