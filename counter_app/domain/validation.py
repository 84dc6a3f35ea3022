"""Checks of what the officer types for an applicant: each problem names its field.

Every check forgives the way people write the value (spaces, dots, "+84") and accepts an
empty value: whether a field is required is the form's business, and `check_applicant`'s.
"""

from __future__ import annotations

import re
from datetime import date

from counter_app.domain.dossier import Applicant, ApplicantType, Collector
from counter_app.domain.errors import Problem
from counter_app.domain.identity_papers import (
    IdType,
    guess_id_type,
    is_well_formed,
    normalise_id_number,
)
from counter_app.domain.limits import (
    ADDRESS_LIMIT,
    FIRST_BIRTH_YEAR,
    NAME_LIMIT,
    ORGANISATION_LIMIT,
)
from counter_app.domain.provinces import PROVINCES
from counter_app.domain.text import check_text, clean, nfc

# Of the century digits (0/1 1900s, 2/3 2000s, 4-9 2100s-2300s; citizen_id) only these can
# belong to someone alive to stand at the desk before 2100.
_LIVING_CENTURY_DIGITS = frozenset("0123")

_PHONE_SEPARATORS = re.compile(r"[\s.\-()]+")
_MOBILE = re.compile(r"0[35789][0-9]{8}")
_LANDLINE = re.compile(r"02[0-9]{8,9}")

# ASCII on purpose: a Telex input method turns "dd" into "đ" as the address is typed, and a
# mail address with "đ" is almost always that mistake.
_EMAIL_LOCAL = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
_EMAIL_DOMAIN = r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
_EMAIL = re.compile(rf"(?P<local>{_EMAIL_LOCAL})@{_EMAIL_DOMAIN}")
_EMAIL_LIMIT = 254
_EMAIL_LOCAL_LIMIT = 64
_SHOWN_LIMIT = 40


def shown_value(value: str) -> str:
    """Typed or scanned text as a message quotes it: short enough to read in one line."""
    if len(value) > _SHOWN_LIMIT:
        value = value[: _SHOWN_LIMIT - 1] + "…"
    return value


# The message that refuses a badly written number of each paper, naming the paper.
_FORMAT_KEYS = {
    IdType.CITIZEN_ID: "id_number.format",
    IdType.OLD_ID: "id_number.old_id_format",
    IdType.PASSPORT: "id_number.passport_format",
    IdType.FOREIGN_ID: "id_number.foreign_id_format",
    IdType.ENTERPRISE_CODE: "id_number.enterprise_code_format",
    IdType.OTHER: "id_number.other_format",
}


def check_id_number(value: str, id_type: IdType | None = None) -> Problem | None:
    """The number by its paper's rule (`id_type`, else guessed from the number); a citizen
    ID also by its known province and a century someone alive can be born in."""
    paper = id_type or guess_id_type(value)
    number = normalise_id_number(value, paper)
    if not number:
        return None
    if not is_well_formed(number, paper):
        return Problem("id_number", _FORMAT_KEYS[paper], {"value": shown_value(clean(value))})
    if paper is not IdType.CITIZEN_ID:
        return None
    if number[:3] not in PROVINCES:
        return Problem("id_number", "id_number.province", {"province": number[:3]})
    if number[3] not in _LIVING_CENTURY_DIGITS:
        return Problem("id_number", "id_number.century", {"digit": number[3]})
    return None


def id_number_notes(applicant: Applicant) -> list[Problem]:
    """What intake accepts but the officer should hear: an old 9-digit CMND is no longer
    valid (Identity Law 2023, Article 46), so ask for the personal ID number."""
    if applicant.id_number and applicant.paper_type is IdType.OLD_ID:
        return [Problem("id_number", "id_number.old_id")]
    return []


def normalise_phone(value: str) -> str:
    """National form: "+84 912 345 678", "84912345678", "0912.345.678" all give "0912345678"."""
    number = _PHONE_SEPARATORS.sub("", nfc(value or ""))
    if number.startswith("+84"):
        rest = number[3:]
    elif number.startswith("0084"):
        rest = number[4:]
    elif number.startswith("84") and len(number) in (11, 12):  # 84 + 9-digit mobile or landline
        rest = number[2:]
    else:
        return number
    return rest if rest.startswith("0") else "0" + rest  # "+84 (0) 912…" keeps a single 0


def check_phone(value: str) -> Problem | None:
    """A Vietnamese mobile (10 digits, 03/05/07/08/09) or landline (02…, 10-11 digits)."""
    number = normalise_phone(value)
    if not number or _MOBILE.fullmatch(number) or _LANDLINE.fullmatch(number):
        return None
    return Problem("phone", "phone.format", {"value": shown_value(clean(value))})


def check_email(value: str) -> Problem | None:
    """Pragmatic: one @, a dotted domain, nothing a mail server would refuse outright."""
    address = clean(value)
    if not address:
        return None
    match = _EMAIL.fullmatch(address) if len(address) <= _EMAIL_LIMIT else None
    if match is None or len(match["local"]) > _EMAIL_LOCAL_LIMIT:
        return Problem("email", "email.format", {"value": shown_value(address)})
    return None


def check_applicant(applicant: Applicant, *, today: date) -> list[Problem]:
    """Every problem of the applicant block at once, so the form can mark each field."""
    problems: list[Problem] = []
    check_text(problems, "full_name", applicant.full_name, NAME_LIMIT, required=True)
    needs_organisation = applicant.type in (ApplicantType.BUSINESS, ApplicantType.AGENCY)
    check_text(
        problems,
        "organisation",
        applicant.organisation,
        ORGANISATION_LIMIT,
        required=needs_organisation,
    )
    for problem in (
        (check_id_number(applicant.id_number, applicant.paper_type)),
        (check_phone(applicant.phone)),
        (check_email(applicant.email)),
    ):
        if problem is not None:
            problems.append(problem)
    if applicant.birth_date is not None and applicant.birth_date > today:
        problems.append(Problem("birth_date", "birth_date.future"))
    elif applicant.birth_date is not None and applicant.birth_date.year < FIRST_BIRTH_YEAR:
        problems.append(Problem("birth_date", "birth_date.past", {"year": FIRST_BIRTH_YEAR}))
    check_text(problems, "address", applicant.address, ADDRESS_LIMIT, required=False)
    return problems


def check_collector(collector: Collector) -> list[Problem]:
    """Whoever takes a result away is named; an authorised person also shows a valid ID."""
    problems: list[Problem] = []
    if not clean(collector.full_name):
        problems.append(Problem("full_name", "field.required", {"field": "field.full_name"}))
    if collector.authorised and not normalise_id_number(collector.id_number):
        problems.append(Problem("id_number", "field.required", {"field": "field.id_number"}))
    elif collector.id_number:
        problem = check_id_number(collector.id_number)
        if problem is not None:
            problems.append(problem)
    return problems
