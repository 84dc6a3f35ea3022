"""The search box over the dossiers: one FTS5 trigram index (db/local/versions/0009) answers
any part of a name, accents optional, an ID number, a phone or a code, newest first."""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Integer, Select, Text, column, func, select, table

from counter_app.domain.codes import DossierCode, is_dossier_code
from counter_app.domain.text import fold
from counter_app.domain.validation import normalise_phone
from counter_app.store.models import DossierRow, SearchKeyRow

SEARCH_INDEX = table("dossier_search", column("rowid", Integer), column("haystack", Text))
_KEYS = SearchKeyRow.__table__
_NUMBER_SEPARATORS = re.compile(r"[\s.\-+()]")
TRIGRAM = 3  # the shortest text the index can look up anywhere in a word
NEWEST_FIRST = (DossierRow.received_at.desc(), DossierRow.code.desc())


def search_phrase(needle: str) -> str:
    """The FTS5 query for what was typed: folded like the index; digits written with spaces,
    dots or dashes also as the bare number (a phone in its national form), since the index
    holds phones and ID numbers bare but codes with their dashes. Shorter than a trigram, a
    text can only be a whole word (the index pads every word with spaces): "an" finds
    "Nguyễn Văn An", not "Lan"."""
    typed = fold(needle)
    digits = _NUMBER_SEPARATORS.sub("", needle)
    if not digits.isdigit():
        return _phrase(typed)
    number = normalise_phone(needle) if len(digits) >= 9 else digits
    return _phrase(number) if number == typed else f"{_phrase(number)} OR {_phrase(typed)}"


def _phrase(text: str) -> str:
    if len(text) < TRIGRAM:
        text = f" {text} "
    return '"' + text.replace('"', '""') + '"'


def matching(query: Select, needle: str) -> Select:
    """`query` over dossiers narrowed to what the search box means, in the list's order: a whole
    code finds that dossier; anything else goes through the index, read newest first."""
    if is_dossier_code(needle):
        return query.where(DossierRow.code == str(DossierCode.parse(needle))).order_by(
            *NEWEST_FIRST
        )
    return (
        query.join(_KEYS, _KEYS.c.uuid == DossierRow.uuid)
        .join(SEARCH_INDEX, SEARCH_INDEX.c.rowid == _KEYS.c.id)
        .where(_in_index(needle))
        .order_by(SEARCH_INDEX.c.rowid.desc())
    )


def count_in_index(needle: str) -> Select | None:
    """How many dossiers the index finds for `needle` alone, without reading a dossier (the
    triggers keep one index row per dossier); None for a whole code, which needs no index."""
    if is_dossier_code(needle):
        return None
    return select(func.count()).select_from(SEARCH_INDEX).where(_in_index(needle))


def _in_index(needle: str) -> ColumnElement[bool]:
    return SEARCH_INDEX.c.haystack.match(search_phrase(needle))
