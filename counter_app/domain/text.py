"""Vietnamese text at the boundaries: NFC everywhere, and a folded form for every search."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# user:password@ in an address (scheme://user:password@host); the password may hold an @
_URL_PASSWORD = re.compile(r"(\b[a-zA-Z][\w+.-]*://[^\s:/@]*):\S*@")
HIDDEN_PASSWORD = "***"
# đ/Đ carry no combining mark, so NFD leaves them alone: map them by hand.
_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ð": "d"})


def nfc(text: str) -> str:
    """Compose to NFC: input methods, scanners and pasted text may send decomposed Vietnamese."""
    return unicodedata.normalize("NFC", text)


def clean(text: str | None) -> str:
    """NFC, trimmed, inner runs of white space collapsed to one space."""
    if not text:
        return ""
    return _SPACES.sub(" ", nfc(text)).strip()


def fold(text: str | None) -> str:
    """Diacritic- and case-insensitive form used for every search ("Đặng" → "dang")."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def hide_passwords(text: str) -> str:
    """The text with the password of every address in it replaced: messages and log lines may
    carry a central address, and an administrator's holds the password."""
    return _URL_PASSWORD.sub(rf"\1:{HIDDEN_PASSWORD}@", text)
