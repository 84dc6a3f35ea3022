"""What the handheld scanner just typed: a dossier code, a citizen-ID QR, or neither.

Scanners type like a keyboard (DOMAIN.md "Scanners at the desk"): the text ends with Enter or
Tab, may start with an AIM symbology prefix ("]Q1"), may be lowercase under Caps Lock, and a
Telex input method may have rewritten letters as they were typed ("dd" → "đ").
Classification undoes what it safely can and never raises: the desk always gets an answer,
and for an unreadable scan, the reason.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from counter_app.domain.citizen_id import (
    SEPARATOR,
    CitizenIdCard,
    parse_citizen_qr,
    strip_controls,
)
from counter_app.domain.codes import AGENCY_PATTERN, DossierCode
from counter_app.domain.errors import CounterError
from counter_app.domain.text import clean
from counter_app.domain.validation import shown_value

# AIM symbology identifier some scanners put first: "]" + code letter + modifier.
_AIM_PREFIX = re.compile(r"\][A-Za-z][0-9A-Za-z]")
# Shaped like a code, so a failed parse is worth its own reason ("not a dossier code").
_CODE_SHAPED = re.compile(r"[0-9A-Za-z.]+-[0-9]+-[0-9]+")
# A code inside a longer text, such as the look-up link in the QR printed on the receipt.
_EMBEDDED_CODE = re.compile(
    rf"(?<![0-9A-Za-z.-])(?:{AGENCY_PATTERN})-[0-9]{{6}}-[0-9]{{4,5}}(?![0-9A-Za-z.-])",
    re.IGNORECASE,
)

# Telex keys that put each mark back (DOMAIN.md: Unikey/EVKey with Telex at the desks).
# VNI is not undone: its digits would make every rewritten letter read as a code just as well.
_CIRCUMFLEX = "\u0302"  # â ê ô: Telex doubles the vowel
_TELEX = {
    "\u0306": "w",  # ă
    "\u031b": "w",  # ơ ư
    "\u0301": "s",
    "\u0300": "f",
    "\u0309": "r",
    "\u0303": "x",
    "\u0323": "j",
}
_TONES = frozenset("\u0301\u0300\u0309\u0303\u0323")


class ScanKind(StrEnum):
    DOSSIER = "dossier"
    CITIZEN_ID = "citizen_id"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class ScanResult:
    kind: ScanKind
    text: str
    code: DossierCode | None = None
    card: CitizenIdCard | None = None
    problem: CounterError | None = None

    def to_json(self, lang: str = "vi") -> dict[str, object]:
        if self.kind is ScanKind.DOSSIER and self.code is not None:
            return {"kind": self.kind.value, "code": str(self.code)}
        if self.kind is ScanKind.CITIZEN_ID and self.card is not None:
            return {"kind": self.kind.value, **self.card.to_json(lang)}
        reason = self.problem.message(lang) if self.problem is not None else None
        return {"kind": ScanKind.UNKNOWN.value, "text": self.text, "reason": reason}


def classify_scan(text: str) -> ScanResult:
    """Decide what a scan is. Never raises."""
    scanned = scrub_scan(text)
    if not scanned:
        return ScanResult(ScanKind.UNKNOWN, scanned, problem=CounterError("scan.empty"))
    if SEPARATOR in scanned:  # no dossier code contains "|": it is a QR or nothing
        try:
            card = parse_citizen_qr(scanned)
        except CounterError as error:
            return ScanResult(ScanKind.UNKNOWN, scanned, problem=error)
        return ScanResult(ScanKind.CITIZEN_ID, scanned, card=card)
    code = _read_code(scanned)
    if code is not None:
        return ScanResult(ScanKind.DOSSIER, scanned, code=code)
    if _CODE_SHAPED.fullmatch(scanned):
        problem = CounterError("code.format", value=shown_value(scanned))
    else:
        problem = CounterError("scan.unknown", value=shown_value(scanned))
    return ScanResult(ScanKind.UNKNOWN, scanned, problem=problem)


def scrub_scan(text: object) -> str:
    """NFC, no control characters, no scanner prefix or suffix, inner blanks collapsed."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    if not isinstance(text, str):
        return ""
    scanned = clean(strip_controls(text))
    prefix = _AIM_PREFIX.match(scanned)
    if prefix is not None:
        scanned = scanned[prefix.end() :].strip()
    return scanned


def untelex(text: str) -> str:
    """The keys Telex turned into `text` ("Đ" → "DD", "ầ" → "aaf"), letter by letter."""
    out = []
    for ch in text:
        if ch in "đĐ":  # no combining mark to decompose
            out.append("dd" if ch == "đ" else "DD")
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        if not marks or not base.isascii():
            out.append(ch)
            continue
        typed, tone = base, ""
        for mark in marks:
            if mark == _CIRCUMFLEX:
                typed += base
            elif mark in _TONES:
                tone = _TELEX[mark]
            elif mark in _TELEX:
                typed += _TELEX[mark]
            else:  # a mark Telex does not type: leave the letter alone
                typed, tone = ch, ""
                break
        typed += tone
        out.append(typed.upper() if base.isupper() else typed)
    return "".join(out)


def _read_code(scanned: str) -> DossierCode | None:
    """The code as scanned, as typed before Telex rewrote it, or inside a link."""
    candidates = [scanned]
    if not scanned.isascii():
        candidates.append(untelex(scanned))
    for candidate in candidates:
        try:
            return DossierCode.parse(candidate)
        except CounterError:
            continue
    found = set()
    for match in _EMBEDDED_CODE.finditer(scanned):
        try:
            found.add(DossierCode.parse(match.group()))
        except CounterError:
            continue
    return found.pop() if len(found) == 1 else None
