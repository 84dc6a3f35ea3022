"""The citizen-ID QR (CCCD gắn chip / thẻ căn cước): read the payload, check it against itself.

A card that cannot be read is refused with the reason (CounterError). A card that reads but
disagrees with the facts its 12-digit number encodes (province, century, birth year, gender)
is kept with warnings: the officer holds the card and can look, and a misread digit must not
block the desk.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from counter_app.domain.errors import CounterError, Problem
from counter_app.domain.provinces import PROVINCES, province_name
from counter_app.domain.text import clean, fold
from counter_app.domain.validation import shown_value

MIN_FIELDS = 7
SEPARATOR = "|"

# ASCII only: `\d` would also take Arabic-Indic or full-width digits.
_ID_NUMBER = re.compile(r"[0-9]{12}")
# Most cards carry the old 9-digit CMND; some carry an earlier 12-digit number, or nothing.
_OLD_ID_NUMBER = re.compile(r"(?:[0-9]{9}|[0-9]{12})?")
_DATE = re.compile(r"[0-9]{8}")


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"


# Folded spellings readers send: "Nam", "Nữ" (NFC or NFD), "Nu", any case.
_GENDERS = {"nam": Gender.MALE, "nu": Gender.FEMALE, "male": Gender.MALE, "female": Gender.FEMALE}

# The 4th digit: even for men, odd for women; pairs name the century of birth (Circular
# 59/2021/TT-BCA, Article 7): 0/1 20th century (1900s), 2/3 21st, 4/5 22nd, 6/7 23rd,
# 8/9 24th (2300s).
_CENTURIES = (1900, 2000, 2100, 2200, 2300)


def century_and_gender(digit: str) -> tuple[int, Gender]:
    """First year of the century of birth and the gender that the 4th digit encodes."""
    value = int(digit)
    return _CENTURIES[value // 2], Gender.FEMALE if value % 2 else Gender.MALE


@dataclass(frozen=True)
class CitizenIdCard:
    id_number: str
    old_id_number: str
    full_name: str
    birth_date: date
    gender: Gender
    address: str
    issue_date: date | None
    extra: tuple[str, ...] = ()
    warnings: tuple[Problem, ...] = ()

    @property
    def province(self) -> str | None:
        """Province where the birth was registered, from the first three digits."""
        return province_name(self.id_number[:3])

    def to_json(self, lang: str = "vi") -> dict[str, object]:
        return {
            "id_number": self.id_number,
            "old_id_number": self.old_id_number,
            "full_name": self.full_name,
            "birth_date": self.birth_date.isoformat(),
            "gender": self.gender.value,
            "address": self.address,
            "issue_date": self.issue_date.isoformat() if self.issue_date else None,
            "extra": list(self.extra),
            "warnings": [warning.message(lang) for warning in self.warnings],
        }


def parse_citizen_qr(payload: str) -> CitizenIdCard:
    """Read a scanned QR; raises only CounterError, whatever the scanner typed."""
    if not isinstance(payload, str):
        raise CounterError("qr.empty")
    text = strip_controls(payload)
    if not text:
        raise CounterError("qr.empty")
    fields = [clean(part) for part in text.split(SEPARATOR)]
    if len(fields) < MIN_FIELDS:
        raise CounterError("qr.fields", count=len(fields))
    id_number, old_id, full_name, birth_text, gender_text, address, issue_text = fields[:7]
    extra = fields[MIN_FIELDS:]
    while extra and not extra[-1]:  # a trailing "|" is not a field
        extra.pop()

    if not _ID_NUMBER.fullmatch(id_number):
        raise CounterError("qr.id_number", value=shown_value(id_number))
    if not _OLD_ID_NUMBER.fullmatch(old_id):
        raise CounterError("qr.old_id", value=shown_value(old_id))
    if not full_name:
        raise CounterError("qr.name")
    birth_date = _read_date(birth_text, "field.birth_date")
    gender = _read_gender(gender_text)
    issue_date = _read_date(issue_text, "field.issue_date") if issue_text else None

    warnings = id_number_warnings(id_number, birth_date, gender)
    if issue_date is not None and issue_date < birth_date:
        warnings.append(Problem("issue_date", "qr.warn.issue_before_birth"))
    return CitizenIdCard(
        id_number=id_number,
        old_id_number=old_id,
        full_name=full_name,
        birth_date=birth_date,
        gender=gender,
        address=address,
        issue_date=issue_date,
        extra=tuple(extra),
        warnings=tuple(warnings),
    )


def id_number_warnings(
    id_number: str, birth_date: date | None, gender: Gender | None
) -> list[Problem]:
    """What the 12-digit number contradicts: a sign of a misread, never a refusal."""
    if not isinstance(id_number, str) or not _ID_NUMBER.fullmatch(id_number):
        return []  # the format is checked by whoever reads the number
    problems: list[Problem] = []
    province = id_number[:3]
    if province not in PROVINCES:
        problems.append(Problem("id_number", "qr.warn.province", {"province": province}))
    century, encoded_gender = century_and_gender(id_number[3])
    if birth_date is not None:
        if birth_date.year // 100 * 100 != century:
            problems.append(Problem("id_number", "qr.warn.century"))
        if birth_date.year % 100 != int(id_number[4:6]):
            problems.append(
                Problem(
                    "id_number",
                    "qr.warn.birth_year",
                    {"year": birth_date.year, "digits": id_number[3:6]},
                )
            )
    if gender is not None and gender != encoded_gender:
        problems.append(Problem("id_number", "qr.warn.gender"))
    return problems


def strip_controls(text: str) -> str:
    """Stray control characters out (NUL, GS, BOM…); CR, LF and Tab become spaces, ends trimmed."""
    kept = []
    for ch in text:
        if unicodedata.category(ch) in ("Cc", "Cf"):
            if ch.isspace():
                kept.append(" ")
        else:
            kept.append(ch)
    return "".join(kept).strip()


def _read_date(text: str, field: str) -> date:
    """DDMMYYYY, as the card prints it."""
    if _DATE.fullmatch(text):
        try:
            return date(int(text[4:]), int(text[2:4]), int(text[:2]))
        except ValueError:
            pass
    raise CounterError("qr.date", field=field, value=shown_value(text))


def _read_gender(text: str) -> Gender:
    gender = _GENDERS.get(fold(text))
    if gender is None:
        raise CounterError("qr.gender", value=shown_value(text))
    return gender
