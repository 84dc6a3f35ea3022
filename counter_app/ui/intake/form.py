"""The intake form's rules, without Qt: which fields it has and in what order, the applicant as
it will be stored from what the fields say, and what a scanned ID card fills or contradicts.
The page (page.py) reads its widgets into plain text and asks these."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from counter_app.domain.citizen_id import CitizenIdCard, id_number_warnings
from counter_app.domain.dossier import Applicant, ApplicantType
from counter_app.domain.errors import Problem
from counter_app.domain.identity_papers import IdType, normalise_id_number
from counter_app.domain.text import clean
from counter_app.domain.validation import normalise_phone
from counter_app.ui.intake.values import birth_text, parse_birth_date

APPLICANT_FIELDS = (
    "full_name",
    "organisation",
    "id_number",
    "birth_date",
    "phone",
    "email",
    "address",
)
# The order of the form on screen: the first field with a problem is the one focused.
FIELD_ORDER = (
    "procedure",
    "type",
    *APPLICANT_FIELDS,
    "documents",
    "fees",
    "sets",
    "channel",
    "return_method",
    "return_at",
    "note",
)
CARD_FIELDS = ("full_name", "id_number", "birth_date", "address")  # what a card's QR fills
NEEDS_ORGANISATION = frozenset({ApplicantType.BUSINESS, ApplicantType.AGENCY})


def birth_date_of(text: str) -> date | None:
    """The birth date typed, or None when there is none or it cannot be read."""
    try:
        return parse_birth_date(text)
    except ValueError:
        return None


def applicant(
    texts: Mapping[str, str], kind: ApplicantType, paper: IdType, consents: bool = False
) -> Applicant:
    """The applicant the fields describe, normalised as it will be stored; `consents`: to
    notices about the dossier."""
    text = {key: clean(value) for key, value in texts.items()}
    return Applicant(
        full_name=text["full_name"],
        type=kind,
        id_number=normalise_id_number(text["id_number"], paper),
        id_type=paper,
        birth_date=birth_date_of(texts["birth_date"]),
        phone=normalise_phone(text["phone"]),
        email=text["email"],
        address=text["address"],
        organisation=text["organisation"] if kind in NEEDS_ORGANISATION else "",
        consents_to_notices=consents,
    )


def card_values(card: CitizenIdCard) -> dict[str, str]:
    """What a scanned card puts into the fields it fills."""
    return {
        "full_name": clean(card.full_name),
        "id_number": card.id_number,
        "birth_date": birth_text(card.birth_date),
        "address": clean(card.address),
    }


def typed_by_hand(
    texts: Mapping[str, str], before: CitizenIdCard | None, card: CitizenIdCard
) -> str:
    """What the officer typed into the fields a card fills, that neither the card scanned
    before nor this one put there (the typed name, or the first such text); "" if none."""
    earlier = card_values(before) if before is not None else {}
    scanned = card_values(card)
    for key in CARD_FIELDS:
        text = clean(texts[key])
        if text and text not in (earlier.get(key), scanned[key]):
            return clean(texts["full_name"]) or text
    return ""


def card_warnings(card: CitizenIdCard | None, typed: Applicant) -> list[Problem]:
    """The card's warnings, worked out again once the officer corrects a misread digit."""
    if card is None:
        return []
    if typed.id_number == card.id_number and typed.birth_date == card.birth_date:
        return list(card.warnings)
    others = [w for w in card.warnings if w.field != "id_number"]
    return others + id_number_warnings(typed.id_number, typed.birth_date, card.gender)
