import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.citizen_id import (
    CitizenIdCard,
    Gender,
    id_number_warnings,
    parse_citizen_qr,
)
from counter_app.domain.errors import CounterError
from counter_app.domain.provinces import PROVINCES

ADDRESS = "Số 5, đường Trần Đăng Ninh, phường Tam Thanh, thành phố Lạng Sơn, Lạng Sơn"
VALID = f"020090001234|123456789|Nguyễn Văn An|15031990|Nam|{ADDRESS}|20042021"


def payload(**changes: str) -> str:
    fields = {
        "id_number": "020090001234",
        "old_id": "123456789",
        "name": "Nguyễn Văn An",
        "birth": "15031990",
        "gender": "Nam",
        "address": ADDRESS,
        "issue": "20042021",
    }
    fields.update(changes)
    return "|".join(fields.values())


def warning_keys(card: CitizenIdCard) -> list[str]:
    return [w.key for w in card.warnings]


def refusal(text: str) -> CounterError:
    with pytest.raises(CounterError) as caught:
        parse_citizen_qr(text)
    return caught.value


# --- valid cards


def test_valid_lang_son_card():
    card = parse_citizen_qr(VALID)
    assert card.id_number == "020090001234"
    assert card.old_id_number == "123456789"
    assert card.full_name == "Nguyễn Văn An"
    assert card.birth_date == date(1990, 3, 15)
    assert card.gender is Gender.MALE
    assert card.address == ADDRESS
    assert card.issue_date == date(2021, 4, 20)
    assert card.extra == ()
    assert card.warnings == ()
    assert card.province == "Lạng Sơn"


def test_to_json_has_exactly_the_agreed_keys():
    assert parse_citizen_qr(VALID).to_json() == {
        "id_number": "020090001234",
        "old_id_number": "123456789",
        "full_name": "Nguyễn Văn An",
        "birth_date": "1990-03-15",
        "gender": "male",
        "address": ADDRESS,
        "issue_date": "2021-04-20",
        "extra": [],
        "warnings": [],
    }


def test_woman_born_2001_has_digit_3():
    card = parse_citizen_qr(
        payload(
            id_number="020301004567", old_id="", name="Hoàng Thị Mai", birth="02092001", gender="Nữ"
        )
    )
    assert card.gender is Gender.FEMALE
    assert card.birth_date == date(2001, 9, 2)
    assert card.old_id_number == ""
    assert card.warnings == ()


def test_scanner_suffix_and_surrounding_blanks_are_stripped():
    card = parse_citizen_qr("  " + VALID + "\r\n")
    assert card.issue_date == date(2021, 4, 20)
    assert parse_citizen_qr(VALID + "\t").to_json() == parse_citizen_qr(VALID).to_json()


def test_stray_control_characters_are_dropped():
    card = parse_citizen_qr("\ufeff" + VALID.replace("An|", "An\x00|") + "\x1d")
    assert card.full_name == "Nguyễn Văn An"


def test_fields_are_trimmed_and_collapsed():
    card = parse_citizen_qr(payload(name="  Nguyễn   Văn  An ", id_number=" 020090001234 "))
    assert card.full_name == "Nguyễn Văn An"
    assert card.id_number == "020090001234"


def test_nfd_input_gives_nfc_output():
    card = parse_citizen_qr(unicodedata.normalize("NFD", VALID))
    assert card.full_name == "Nguyễn Văn An"
    assert card.address == ADDRESS
    for value in (card.full_name, card.address):
        assert unicodedata.is_normalized("NFC", value)


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("Nam", Gender.MALE),
        ("NAM", Gender.MALE),
        ("nam", Gender.MALE),
        ("Nữ", Gender.FEMALE),
        (unicodedata.normalize("NFD", "Nữ"), Gender.FEMALE),
        ("NỮ", Gender.FEMALE),
        ("Nu", Gender.FEMALE),
        ("nu", Gender.FEMALE),
    ],
)
def test_gender_spellings_readers_send(text, gender):
    id_number = "020090001234" if gender is Gender.MALE else "020190001234"
    card = parse_citizen_qr(payload(gender=text, id_number=id_number))
    assert card.gender is gender
    assert card.warnings == ()


def test_extra_trailing_fields_are_kept():
    card = parse_citizen_qr(VALID + "|Nguyễn Văn Bình|Trần Thị Cúc|")
    assert card.extra == ("Nguyễn Văn Bình", "Trần Thị Cúc")
    assert card.to_json()["extra"] == ["Nguyễn Văn Bình", "Trần Thị Cúc"]


def test_empty_extra_field_between_others_keeps_its_place():
    card = parse_citizen_qr(VALID + "||x")
    assert card.extra == ("", "x")


def test_empty_issue_date_is_none():
    card = parse_citizen_qr(payload(issue=""))
    assert card.issue_date is None
    assert card.to_json()["issue_date"] is None


def test_old_twelve_digit_number_is_accepted():
    assert parse_citizen_qr(payload(old_id="020090001111")).old_id_number == "020090001111"


def test_empty_address_is_accepted():
    assert parse_citizen_qr(payload(address="")).address == ""


# --- warnings, not refusals


def test_birth_year_mismatch_warns():
    card = parse_citizen_qr(payload(birth="15031991"))
    assert warning_keys(card) == ["qr.warn.birth_year"]
    assert card.warnings[0].params == {"year": 1991, "digits": "090"}


def test_gender_mismatch_warns():
    card = parse_citizen_qr(payload(gender="Nữ"))
    assert card.gender is Gender.FEMALE
    assert warning_keys(card) == ["qr.warn.gender"]


def test_century_mismatch_warns():
    card = parse_citizen_qr(payload(id_number="020290001234"))  # digit 2 says born 2090
    assert warning_keys(card) == ["qr.warn.century"]


def test_unknown_province_warns():
    card = parse_citizen_qr(payload(id_number="003090001234"))
    assert warning_keys(card) == ["qr.warn.province"]
    assert card.province is None


def test_issue_before_birth_warns():
    card = parse_citizen_qr(payload(issue="01011980"))
    assert warning_keys(card) == ["qr.warn.issue_before_birth"]
    assert card.warnings[0].field == "issue_date"


def test_several_mismatches_warn_together():
    card = parse_citizen_qr(payload(id_number="999385001234", birth="01011990", gender="Nam"))
    assert warning_keys(card) == [
        "qr.warn.province",
        "qr.warn.century",
        "qr.warn.birth_year",
        "qr.warn.gender",
    ]


def test_warnings_are_rendered_in_both_languages():
    card = parse_citizen_qr(payload(birth="15031991"))
    vi = card.to_json("vi")["warnings"]
    en = card.to_json("en")["warnings"]
    assert vi == ["Năm sinh 1991 không khớp với số định danh (mã 090): có thể đọc sai."]
    assert en == ["Birth year 1991 does not match the ID number (090): possibly a misread."]
    assert card.to_json()["warnings"] == vi


def test_id_number_warnings_accepts_unknowns():
    assert id_number_warnings("020090001234", None, None) == []
    assert id_number_warnings("not a number", date(1990, 1, 1), Gender.MALE) == []
    assert [p.key for p in id_number_warnings("020090001234", None, Gender.FEMALE)] == [
        "qr.warn.gender"
    ]


def test_lang_son_is_020_and_there_are_63_provinces():
    assert PROVINCES["020"] == "Lạng Sơn"
    assert PROVINCES["001"] == "Hà Nội"
    assert PROVINCES["096"] == "Cà Mau"
    assert len(PROVINCES) == 63
    assert all(len(code) == 3 and code.isdigit() for code in PROVINCES)


# --- refusals


@pytest.mark.parametrize(
    ("text", "key", "params"),
    [
        ("", "qr.empty", {}),
        ("  \r\n\t", "qr.empty", {}),
        ("020090001234", "qr.fields", {"count": 1}),
        ("020090001234|123456789|Nguyễn Văn An|15031990|Nam|Lạng Sơn", "qr.fields", {"count": 6}),
        (payload(id_number="02009000123"), "qr.id_number", {"value": "02009000123"}),
        (payload(id_number="0200900012345"), "qr.id_number", {"value": "0200900012345"}),
        (payload(id_number="02009000123A"), "qr.id_number", {"value": "02009000123A"}),
        (payload(id_number=""), "qr.id_number", {"value": ""}),
        (
            payload(id_number="０２００９０００１２３４"),
            "qr.id_number",
            {"value": "０２００９０００１２３４"},
        ),
        (payload(old_id="12345678"), "qr.old_id", {"value": "12345678"}),
        (payload(old_id="12345678X"), "qr.old_id", {"value": "12345678X"}),
        (payload(name=""), "qr.name", {}),
        (payload(name="   "), "qr.name", {}),
        (payload(birth="31021990"), "qr.date", {"field": "field.birth_date", "value": "31021990"}),
        (
            payload(birth="1990-03-15"),
            "qr.date",
            {"field": "field.birth_date", "value": "1990-03-15"},
        ),
        (payload(birth=""), "qr.date", {"field": "field.birth_date", "value": ""}),
        (payload(birth="15030000"), "qr.date", {"field": "field.birth_date", "value": "15030000"}),
        (payload(issue="32012021"), "qr.date", {"field": "field.issue_date", "value": "32012021"}),
        (payload(issue="2021"), "qr.date", {"field": "field.issue_date", "value": "2021"}),
        (payload(gender="X"), "qr.gender", {"value": "X"}),
        (payload(gender=""), "qr.gender", {"value": ""}),
    ],
)
def test_refusal_reasons(text, key, params):
    error = refusal(text)
    assert error.key == key
    assert error.params == params


def test_refusals_render_in_both_languages():
    error = refusal(payload(birth="31021990"))
    assert error.message("vi") == "Ngày trong mã QR không hợp lệ (ngày sinh): 31021990"
    assert error.message("en") == "A date in the QR is not valid (birth date): 31021990"
    error = refusal(payload(issue="x"))
    assert error.message("vi") == "Ngày trong mã QR không hợp lệ (ngày cấp): x"
    assert error.message("en") == "A date in the QR is not valid (issue date): x"
    error = refusal("a|b")
    assert error.message("vi") == "Mã QR căn cước cần ít nhất 7 trường ngăn bởi «|», nhận được 2."
    assert error.message("en") == "A citizen-ID QR needs at least 7 fields separated by “|”, got 2."
    for text in (
        "",
        payload(name=""),
        payload(gender="?"),
        payload(old_id="1"),
        payload(id_number="1"),
    ):
        error = refusal(text)
        assert error.message("vi") and error.message("en")
        assert error.message("vi") != error.message("en")


def test_long_garbage_is_quoted_short():
    error = refusal(payload(gender="x" * 500))
    assert len(error.params["value"]) == 40
    assert error.params["value"].endswith("…")


def test_non_text_is_refused_not_crashed():
    with pytest.raises(CounterError):
        parse_citizen_qr(None)  # type: ignore[arg-type]


# --- never anything but CounterError


@given(st.text())
def test_arbitrary_text_raises_only_counter_error(text):
    try:
        card = parse_citizen_qr(text)
    except CounterError as error:
        assert error.message("vi") and error.message("en")
    else:
        card.to_json("vi")
        card.to_json("en")


digits = st.text(alphabet="0123456789", max_size=14)
near_id = st.one_of(
    st.sampled_from(["020090001234", "001185000001", "999999999999", "000000000000"]),
    digits,
    st.text(max_size=14),
)
near_old = st.one_of(st.just(""), st.sampled_from(["123456789", "020090001111"]), digits)
near_name = st.one_of(
    st.sampled_from(["Nguyễn Văn An", unicodedata.normalize("NFD", "Đỗ Thị Hương"), "", " "]),
    st.text(max_size=30),
)
near_date = st.one_of(
    st.dates().map(lambda d: d.strftime("%d%m") + f"{d.year:04d}"),
    st.sampled_from(["29022000", "29021900", "00000000", "31041990", "15031990", ""]),
    digits,
    st.text(max_size=10),
)
near_gender = st.one_of(
    st.sampled_from(["Nam", "Nữ", "NU", unicodedata.normalize("NFD", "Nữ"), "nam ", ""]),
    st.text(max_size=5),
)
blank = st.sampled_from(["", " ", "\r\n", "\t", "\x00", "\ufeff"])


@given(
    id_number=near_id,
    old_id=near_old,
    name=near_name,
    birth=near_date,
    gender=near_gender,
    address=st.text(max_size=40),
    issue=near_date,
    extra=st.lists(st.text(max_size=10), max_size=3),
    drop=st.integers(min_value=0, max_value=3),
    before=blank,
    after=blank,
)
def test_near_valid_payloads_raise_only_counter_error(
    id_number, old_id, name, birth, gender, address, issue, extra, drop, before, after
):
    fields = [id_number, old_id, name, birth, gender, address, issue, *extra]
    text = before + "|".join(fields[: len(fields) - drop]) + after
    try:
        card = parse_citizen_qr(text)
    except CounterError as error:
        assert error.key.startswith("qr.")
        error.message("en")
    else:
        assert len(card.id_number) == 12
        assert card.full_name
        assert card.to_json("en")["gender"] in ("male", "female")


def test_field_equal_to_a_message_key_renders():
    error = refusal(payload(id_number="value.choice"))
    assert error.message("en") == "The ID number in the QR is not valid: value.choice"
