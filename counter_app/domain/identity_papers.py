"""The identity papers an applicant may show, how each number is written, and how to guess
the paper from the number when no one said which it is.

Rules (sources and what rests on custom rather than a primary text: docs/IDENTITY_PAPERS.md):
- citizen_id: the 12-digit personal number (CCCD / thẻ căn cước / số định danh cá nhân);
- old_id: the 9-digit CMND, no longer valid since 1 January 2025: accepted with a warning;
- passport: 6-9 letters or digits with at least one digit (Vietnamese: one letter, 7 digits);
- foreign_id: a foreigner's document (residence card, foreign passport…): 5-20 letters/digits;
- enterprise_code: the enterprise/tax code, 10 digits, or 13 for a dependent unit (10 + 3);
- other: any other paper's number, as written, up to OTHER_NUMBER_LIMIT characters.
"""

from __future__ import annotations

import re
import string
from enum import StrEnum

from counter_app.domain.text import clean, nfc


class IdType(StrEnum):
    CITIZEN_ID = "citizen_id"
    OLD_ID = "old_id"
    PASSPORT = "passport"
    FOREIGN_ID = "foreign_id"
    ENTERPRISE_CODE = "enterprise_code"
    OTHER = "other"


# What the papers print before the number (the 2025 receipt's "Số CCCD/Số định danh" wording).
PAPER_LABELS = {
    IdType.CITIZEN_ID: "Số CCCD/Số định danh",
    IdType.OLD_ID: "Số CMND",
    IdType.PASSPORT: "Số hộ chiếu",
    IdType.FOREIGN_ID: "Số giấy tờ của người nước ngoài",
    IdType.ENTERPRISE_CODE: "Mã số doanh nghiệp/Mã số thuế",
    IdType.OTHER: "Số giấy tờ",
}

OTHER_NUMBER_LIMIT = 30
ID_NUMBER_LIMIT = OTHER_NUMBER_LIMIT  # the longest number any paper may have, as stored

_SEPARATORS = re.compile(r"[\s.\-]+")
# ASCII letters only: str.upper() would turn "ß" into "SS" and "ﬁ" into "FI", making a passport
# number out of what no paper prints.
_CAPITALS = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)
# ASCII on purpose: `\d` would also take Arabic-Indic or full-width digits.
_RULES = {
    IdType.CITIZEN_ID: re.compile(r"[0-9]{12}"),
    IdType.OLD_ID: re.compile(r"[0-9]{9}"),
    IdType.PASSPORT: re.compile(r"(?=[A-Z]*[0-9])[A-Z0-9]{6,9}"),
    IdType.FOREIGN_ID: re.compile(r"(?=[A-Z]*[0-9])[A-Z0-9]{5,20}"),
    IdType.ENTERPRISE_CODE: re.compile(r"[0-9]{10}(?:[0-9]{3})?"),
}
_VIETNAMESE_PASSPORT = re.compile(r"[A-Z][0-9]{7}")
_OTHER = re.compile(rf"(?=.*[^\W_])[^\x00-\x1f]{{1,{OTHER_NUMBER_LIMIT}}}")
_GUESSES = (
    (_RULES[IdType.CITIZEN_ID], IdType.CITIZEN_ID),
    (_RULES[IdType.OLD_ID], IdType.OLD_ID),
    (_RULES[IdType.ENTERPRISE_CODE], IdType.ENTERPRISE_CODE),
    (_VIETNAMESE_PASSPORT, IdType.PASSPORT),
)


def normalise_id_number(value: str, id_type: IdType | None = None) -> str:
    """The number as the paper prints it: without the spaces, dots and dashes people type,
    letters in capitals; an "other" paper's number is kept as written ("12/GP-UBND")."""
    if id_type is IdType.OTHER:
        return clean(value)
    return _SEPARATORS.sub("", nfc(value or "")).translate(_CAPITALS)


def guess_id_type(number: str) -> IdType:
    """The paper a number most likely belongs to; a citizen ID when it looks like none
    (so a mistyped citizen ID is refused with the citizen ID's rule, as before)."""
    normalised = normalise_id_number(number)
    for rule, id_type in _GUESSES:
        if rule.fullmatch(normalised):
            return id_type
    return IdType.CITIZEN_ID


def is_well_formed(number: str, id_type: IdType) -> bool:
    """Whether a normalised number is written as its paper writes numbers (format only)."""
    rule = _RULES.get(id_type, _OTHER)
    return rule.fullmatch(number) is not None
