"""Each identity paper by its own rule: valid numbers accepted, others refused with a message
naming the paper; the paper guessed from the number when no one chose it; the old 9-digit ID
accepted with a warning."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.dossier import Applicant
from counter_app.domain.identity_papers import IdType, guess_id_type, normalise_id_number
from counter_app.domain.provinces import PROVINCES
from counter_app.domain.validation import check_applicant, check_id_number, id_number_notes

DIGITS = string.digits
CAPITALS = string.ascii_uppercase


def digits(count: int) -> st.SearchStrategy[str]:
    return st.text(DIGITS, min_size=count, max_size=count)


def refused(number: str, paper: IdType) -> str:
    """The Vietnamese message that refuses `number` as a `paper`."""
    problem = check_id_number(number, paper)
    assert problem is not None, f"{number!r} accepted as {paper}"
    assert problem.field == "id_number"
    return problem.message("vi")


citizen_ids = st.builds(
    lambda province, digit, rest: province + digit + rest,
    st.sampled_from(sorted(PROVINCES)),
    st.sampled_from("0123"),
    digits(8),
)
passports = st.text(CAPITALS + DIGITS, min_size=6, max_size=9).filter(
    lambda text: any(ch.isdigit() for ch in text)
)
foreign_ids = st.text(CAPITALS + DIGITS, min_size=5, max_size=20).filter(
    lambda text: any(ch.isdigit() for ch in text)
)
enterprise_codes = st.one_of(digits(10), digits(13))
# Numbers none of the papers written with letters and digits only can be.
not_alphanumeric = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zs", "Zl", "Zp"), blacklist_characters=".-"),
    min_size=1,
    max_size=12,
).filter(lambda text: not text.isascii() or not text.isalnum())


# --- each paper's rule: accepted -----------------------------------------------------------


@given(citizen_ids)
def test_citizen_ids_are_accepted(number: str) -> None:
    assert check_id_number(number, IdType.CITIZEN_ID) is None
    assert guess_id_type(number) is IdType.CITIZEN_ID


@given(digits(9))
def test_old_ids_are_accepted(number: str) -> None:
    assert check_id_number(number, IdType.OLD_ID) is None
    assert guess_id_type(number) is IdType.OLD_ID


@given(passports)
def test_passports_are_accepted(number: str) -> None:
    assert check_id_number(number, IdType.PASSPORT) is None
    assert check_id_number(number.lower(), IdType.PASSPORT) is None  # typed in small letters


@given(foreign_ids)
def test_foreigners_documents_are_accepted(number: str) -> None:
    assert check_id_number(number, IdType.FOREIGN_ID) is None


@given(enterprise_codes)
def test_enterprise_codes_are_accepted(number: str) -> None:
    assert check_id_number(number, IdType.ENTERPRISE_CODE) is None
    assert guess_id_type(number) is IdType.ENTERPRISE_CODE


@given(st.text(CAPITALS + DIGITS + "/-", min_size=1, max_size=30).filter(lambda t: t.strip("/-")))
def test_other_papers_take_any_number_with_a_letter_or_digit(number: str) -> None:
    assert check_id_number(number, IdType.OTHER) is None
    assert normalise_id_number(number, IdType.OTHER) == number  # "12/GP-UBND" kept as written


# --- each paper's rule: refused, naming the paper -------------------------------------------


@given(st.one_of(digits(9), digits(10), digits(11), digits(13), not_alphanumeric))
def test_a_citizen_id_is_twelve_digits(number: str) -> None:
    assert "Số định danh" in refused(number, IdType.CITIZEN_ID)


@given(st.one_of(digits(8), digits(10), digits(12), not_alphanumeric))
def test_an_old_id_is_nine_digits(number: str) -> None:
    assert "CMND" in refused(number, IdType.OLD_ID)


@given(
    st.one_of(
        st.text(CAPITALS + DIGITS, min_size=1, max_size=5),
        st.text(CAPITALS + DIGITS, min_size=10, max_size=14),
        st.text(CAPITALS, min_size=6, max_size=9),
        not_alphanumeric,
    ).filter(lambda t: not (6 <= len(t) <= 9 and any(c.isdigit() for c in t) and t.isalnum()))
)
def test_a_passport_number_is_six_to_nine_letters_or_digits(number: str) -> None:
    assert "hộ chiếu" in refused(number, IdType.PASSPORT)


@given(
    st.one_of(
        st.text(CAPITALS + DIGITS, min_size=1, max_size=4),
        st.text(CAPITALS + DIGITS, min_size=21, max_size=25),
        st.text(CAPITALS, min_size=5, max_size=20),
        not_alphanumeric,
    ).filter(lambda t: not (5 <= len(t) <= 20 and any(c.isdigit() for c in t) and t.isalnum()))
)
def test_a_foreigners_document_number_is_five_to_twenty_letters_or_digits(number: str) -> None:
    assert "người nước ngoài" in refused(number, IdType.FOREIGN_ID)


@given(
    st.one_of(
        st.text(DIGITS, min_size=1, max_size=9),
        digits(11),
        digits(12),
        st.text(DIGITS, min_size=14, max_size=20),
        st.text(CAPITALS, min_size=10, max_size=13),
    )
)
def test_an_enterprise_code_is_ten_or_thirteen_digits(number: str) -> None:
    assert "Mã số doanh nghiệp/mã số thuế" in refused(number, IdType.ENTERPRISE_CODE)


@given(st.one_of(st.text("/-", min_size=1, max_size=10), st.text(DIGITS, min_size=31, max_size=40)))
def test_another_papers_number_needs_a_letter_or_digit_and_at_most_thirty(number: str) -> None:
    assert "Số giấy tờ" in refused(number, IdType.OTHER)


def test_a_citizen_id_still_needs_a_known_province_and_a_living_century() -> None:
    assert check_id_number("003090001234", IdType.CITIZEN_ID).key == "id_number.province"
    assert check_id_number("020490001234", IdType.CITIZEN_ID).key == "id_number.century"
    assert check_id_number("003090001234", IdType.OTHER) is None  # not a citizen ID's rules


# --- guessing, the way numbers are typed -------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "paper", "stored"),
    [
        ("020 090 001 234", IdType.CITIZEN_ID, "020090001234"),
        ("012.345.678", IdType.OLD_ID, "012345678"),
        ("0101234567", IdType.ENTERPRISE_CODE, "0101234567"),
        ("0101234567-001", IdType.ENTERPRISE_CODE, "0101234567001"),
        ("c1234567", IdType.PASSPORT, "C1234567"),
        ("12345", IdType.CITIZEN_ID, "12345"),  # looks like nothing: refused as a citizen ID
        ("", IdType.CITIZEN_ID, ""),
    ],
)
def test_the_paper_is_guessed_from_the_number(typed: str, paper: IdType, stored: str) -> None:
    assert guess_id_type(typed) is paper
    assert normalise_id_number(typed) == stored


def test_an_applicant_without_a_chosen_paper_has_the_guessed_one() -> None:
    assert Applicant("A", id_number="012345678").paper_type is IdType.OLD_ID
    chosen = Applicant("A", id_number="012345678", id_type=IdType.OTHER)
    assert chosen.paper_type is IdType.OTHER


def test_letters_that_capitalise_into_ascii_are_not_taken_for_a_passport() -> None:
    assert check_id_number("ßßß123", IdType.PASSPORT) is not None  # "SSSSSS123" otherwise


def test_a_mistyped_number_is_refused_with_the_rule_of_the_paper_it_was_taken_for() -> None:
    problem = check_id_number("12345")
    assert problem is not None and problem.key == "id_number.format"
    problem = check_id_number("C12", IdType.PASSPORT)
    assert problem is not None
    assert problem.message("en").startswith("A passport number has 6 to 9")


# --- the old 9-digit ID: accepted, with a warning -------------------------------------------


def test_an_old_id_is_accepted_with_a_warning_in_both_languages() -> None:
    from datetime import date

    applicant = Applicant("Nguyễn Văn An", id_number="012345678")
    assert check_applicant(applicant, today=date(2026, 12, 6)) == []
    (note,) = id_number_notes(applicant)
    assert "CMND 9 số đã hết giá trị sử dụng từ 01/01/2025" in note.message("vi")
    assert "has not been valid since 1 January 2025" in note.message("en")
    assert id_number_notes(Applicant("A", id_number="020090001234")) == []
    assert id_number_notes(Applicant("A")) == []


# --- what travels to central and back --------------------------------------------------------


@pytest.mark.parametrize("paper", list(IdType))
def test_the_chosen_paper_travels_in_the_dossier_json(paper: IdType) -> None:
    from counter_app.domain.dossier import Dossier
    from counter_app.domain.serialize import dossier_to_json
    from counter_app.domain.sync import dossier_from_json

    dossier = Dossier(
        procedure_code="1.001",
        procedure_name="P",
        agency_code="A",
        applicant=Applicant("An", id_number="AB12345", id_type=paper),
        received_at=None,
        due_at=None,
    )
    data = dossier_to_json(dossier)
    assert data["applicant"]["id_type"] == paper.value
    assert dossier_from_json(data).applicant.paper_type is paper
    del data["applicant"]["id_type"]  # from a counter of an earlier version: guessed
    assert dossier_from_json(data).applicant.paper_type is IdType.CITIZEN_ID
