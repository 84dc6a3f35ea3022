from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.dossier import Applicant, ApplicantType
from counter_app.domain.validation import (
    check_applicant,
    check_email,
    check_id_number,
    check_phone,
    normalise_id_number,
    normalise_phone,
    shown_value,
)

TODAY = date(2025, 4, 24)

# --- ID numbers


@pytest.mark.parametrize(
    ("value", "normalised"),
    [
        ("020090001234", "020090001234"),
        ("020 090 001 234", "020090001234"),
        ("020.090.001.234", "020090001234"),
        (" 123 456 789 ", "123456789"),
        ("", ""),
    ],
)
def test_normalise_id_number(value, normalised):
    assert normalise_id_number(value) == normalised


@pytest.mark.parametrize(
    "value",
    ["", "  ", "020090001234", "020 090 001 234", "001301000001", "123456789", "096185000001"],
)
def test_good_id_numbers(value):
    assert check_id_number(value) is None


@pytest.mark.parametrize(
    ("value", "key", "params"),
    [
        ("12345678", "id_number.format", {"value": "12345678"}),
        ("12345678901", "id_number.format", {"value": "12345678901"}),
        ("02009000123456", "id_number.format", {"value": "02009000123456"}),
        ("02009000123A", "id_number.format", {"value": "02009000123A"}),
        ("abc", "id_number.format", {"value": "abc"}),
        ("003090001234", "id_number.province", {"province": "003"}),
        ("000090001234", "id_number.province", {"province": "000"}),
        ("097090001234", "id_number.province", {"province": "097"}),
        ("020490001234", "id_number.century", {"digit": "4"}),
        ("020890001234", "id_number.century", {"digit": "8"}),
        ("020990001234", "id_number.century", {"digit": "9"}),
    ],
)
def test_bad_id_numbers(value, key, params):
    problem = check_id_number(value)
    assert problem is not None
    assert (problem.field, problem.key, problem.params) == ("id_number", key, params)


def test_id_number_problem_renders_in_both_languages():
    problem = check_id_number("003090001234")
    assert problem is not None
    assert problem.message("vi") == "Mã tỉnh 003 trong số định danh không tồn tại."
    assert problem.message("en") == "Province code 003 in the ID number does not exist."


# --- phones


@pytest.mark.parametrize(
    ("value", "normalised"),
    [
        ("+84 912 345 678", "0912345678"),
        ("84912345678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("0912-345-678", "0912345678"),
        ("(+84) 912 345 678", "0912345678"),
        ("+84 (0) 912 345 678", "0912345678"),
        ("0084 912 345 678", "0912345678"),
        ("+84 205 3812 345", "02053812345"),
        ("842053812345", "02053812345"),
        ("0205 3812 345", "02053812345"),
        ("", ""),
    ],
)
def test_normalise_phone(value, normalised):
    assert normalise_phone(value) == normalised


@pytest.mark.parametrize(
    "value",
    [
        "",
        "0912345678",
        "0312345678",
        "0512345678",
        "0712345678",
        "0812345678",
        "+84 912 345 678",
        "02053812345",
        "0243812345",
    ],
)
def test_good_phones(value):
    assert check_phone(value) is None


@pytest.mark.parametrize(
    "value",
    [
        "0112345678",  # no such prefix
        "0412345678",
        "0612345678",
        "091234567",  # too short
        "09123456789",  # too long for a mobile
        "020538123456",  # too long for a landline
        "912345678",  # no leading zero
        "0912a45678",
        "hello",
    ],
)
def test_bad_phones(value):
    problem = check_phone(value)
    assert problem is not None
    assert (problem.field, problem.key, problem.params) == (
        "phone",
        "phone.format",
        {"value": value},
    )


# --- e-mail


@pytest.mark.parametrize(
    "value",
    ["", "an@example.vn", "nguyen.van.an+hoso@langson.gov.vn", "A_B@mail.co", " an@example.vn "],
)
def test_good_emails(value):
    assert check_email(value) is None


@pytest.mark.parametrize(
    "value",
    [
        "an",
        "an@",
        "@example.vn",
        "an@example",
        "an@@example.vn",
        "an example@example.vn",
        "an..b@example.vn",
        ".an@example.vn",
        "an@example..vn",
        "an@-example.vn",
        "an@example.v",
        "đoan@example.vn",  # Telex turned "dd" into "đ"
        "a" * 65 + "@example.vn",
        "a@" + "b" * 250 + ".vn",
    ],
)
def test_bad_emails(value):
    problem = check_email(value)
    assert problem is not None
    assert (problem.field, problem.key) == ("email", "email.format")


# --- the applicant block


def test_a_good_citizen_has_no_problems():
    applicant = Applicant(
        full_name="Nguyễn Văn An",
        id_number="020090001234",
        birth_date=date(1990, 3, 15),
        phone="0912 345 678",
        email="an@example.vn",
        address="Lạng Sơn",
    )
    assert check_applicant(applicant, today=TODAY) == []


def test_a_name_alone_is_enough():
    assert check_applicant(Applicant(full_name="Nguyễn Văn An"), today=TODAY) == []


@pytest.mark.parametrize("name", ["", "   "])
def test_name_is_required(name):
    problems = check_applicant(Applicant(full_name=name), today=TODAY)
    assert [(p.field, p.key) for p in problems] == [("full_name", "field.required")]
    assert problems[0].message("vi") == "Chưa nhập họ và tên."
    assert problems[0].message("en") == "Please enter the full name."


@pytest.mark.parametrize("kind", [ApplicantType.BUSINESS, ApplicantType.AGENCY])
def test_business_and_agency_need_an_organisation(kind):
    problems = check_applicant(Applicant(full_name="Nguyễn Văn An", type=kind), today=TODAY)
    assert [(p.field, p.key) for p in problems] == [("organisation", "field.required")]
    named = Applicant(full_name="Nguyễn Văn An", type=kind, organisation="Công ty TNHH An Bình")
    assert check_applicant(named, today=TODAY) == []


@pytest.mark.parametrize("kind", [ApplicantType.CITIZEN, ApplicantType.OTHER])
def test_citizens_need_no_organisation(kind):
    assert check_applicant(Applicant(full_name="An", type=kind), today=TODAY) == []


def test_birth_date_not_in_the_future():
    tomorrow = Applicant(full_name="An", birth_date=date(2025, 4, 25))
    assert [p.key for p in check_applicant(tomorrow, today=TODAY)] == ["birth_date.future"]
    born_today = Applicant(full_name="An", birth_date=TODAY)
    assert check_applicant(born_today, today=TODAY) == []


def test_length_limits():
    applicant = Applicant(full_name="A" * 201, address="B" * 501)
    problems = check_applicant(applicant, today=TODAY)
    assert [(p.field, p.key, p.params["limit"]) for p in problems] == [
        ("full_name", "text.too_long", 200),
        ("address", "text.too_long", 500),
    ]
    assert problems[0].message("en") == "The full name is too long (at most 200 characters)."
    at_limit = Applicant(full_name="A" * 200, address="B" * 500)
    assert check_applicant(at_limit, today=TODAY) == []


def test_length_counts_composed_letters():
    import unicodedata

    name = unicodedata.normalize("NFD", "Ễ" * 200)
    assert len(name) > 200
    assert check_applicant(Applicant(full_name=name), today=TODAY) == []


def test_every_problem_at_once():
    applicant = Applicant(
        full_name="",
        type=ApplicantType.BUSINESS,
        id_number="12345",
        birth_date=date(2030, 1, 1),
        phone="123",
        email="nope",
    )
    problems = check_applicant(applicant, today=TODAY)
    assert [p.field for p in problems] == [
        "full_name",
        "organisation",
        "id_number",
        "phone",
        "email",
        "birth_date",
    ]
    for problem in problems:
        assert problem.message("vi") != problem.message("en")


@pytest.mark.parametrize("value", ["phone.format", "field.phone", "value.choice"])
def test_text_equal_to_a_message_key_is_shown_as_typed(value):
    for problem in (check_phone(value), check_email(value), check_id_number(value)):
        assert problem is not None
        assert problem.params["value"] == value
        assert value in problem.message("en")


def test_shown_value_shortens_long_text():
    assert shown_value("x" * 40) == "x" * 40
    assert shown_value("x" * 41) == "x" * 39 + "…"


@given(st.text())
def test_checks_never_raise_and_always_render(value):
    for check in (check_id_number, check_phone, check_email):
        problem = check(value)
        if problem is not None:
            problem.message("vi")
            problem.message("en")
    applicant = Applicant(full_name=value, id_number=value, phone=value, email=value)
    for problem in check_applicant(applicant, today=TODAY):
        problem.message("en")
