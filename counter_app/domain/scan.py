"""What the handheld scanner just typed: a dossier code, a citizen-ID QR, or neither.

Scanners type like a keyboard (docs/DOMAIN.md, "The handheld reader"): the text ends with Enter or
Tab, may start with an AIM symbology prefix ("]Q1"), may be lowercase under Caps Lock, and a
Telex input method may have rewritten letters as they were typed ("dd" → "đ").
Classification undoes what it safely can and never raises: the desk always gets an answer,
and for an unreadable scan, the reason.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
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
    rf"(?<![\w.-])(?:{AGENCY_PATTERN})-[0-9]{{6}}-[0-9]{{4,5}}(?![\w.-])",
    re.IGNORECASE,
)

# Telex keys that put each mark back (docs/DOMAIN.md: Unikey/EVKey with Telex at the desks).
# VNI is not undone: its digits would make every rewritten letter read as a code just as well.
_CIRCUMFLEX = "\u0302"  # â ê ô: Telex doubles the vowel
_BREVE = "\u0306"
_HORN = "\u031b"
_TELEX = {
    _BREVE: "w",  # ă
    _HORN: "w",  # ơ ư
    "\u0301": "s",
    "\u0300": "f",
    "\u0309": "r",
    "\u0303": "x",
    "\u0323": "j",
}
_TONES = frozenset("\u0301\u0300\u0309\u0303\u0323")
_VOWELS = frozenset("aeiouy")


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


def classify_typed_scan(
    text: str, rewrites: Mapping[int, int] | None = None, *, garbled: bool = False
) -> ScanResult:
    """Decide what a scan is, knowing what the input method did while it was typed.

    `rewrites` counts, by index in `text`, how many times an input method wrote a character
    in place of what was typed (see `typed_keys`); `garbled` says it erased what came before
    the scan or kept keys back. A dossier code comes out only when the keys behind it are
    certain; a citizen-ID card only when nothing was rewritten, since a name or address
    changed by Telex cannot be told from the real one. Other altered scans, and unknown ones
    that Telex letters keep from looking like a code, are refused with the advice to switch
    the input method off. Never raises.
    """
    result = classify_scan(text)
    if not isinstance(text, str) or not result.text:
        return result  # nothing scanned, or not text: positions would mean nothing
    rewrites = {index: count for index, count in (rewrites or {}).items() if count > 0}
    altered = garbled or bool(rewrites)
    scanned = result.text
    if result.kind is ScanKind.DOSSIER and not garbled:
        if scanned.isascii() and not rewrites:
            return result
        # Not as it stands: a code read next to a Vietnamese letter may be only its tail.
        keys = typed_keys(text, rewrites)
        if keys is not None:
            from_keys = classify_scan(keys)
            if from_keys.kind is ScanKind.DOSSIER:
                return from_keys
    elif not altered and (
        result.kind is ScanKind.CITIZEN_ID
        or scanned.isascii()
        or not _CODE_SHAPED.fullmatch(untelex(scanned))
    ):
        return result
    problem = CounterError("scan.input_method", value=shown_value(scanned))
    return ScanResult(ScanKind.UNKNOWN, scanned, problem=problem)


def typed_keys(text: str, rewrites: Mapping[int, int] | None = None) -> str | None:
    """The keys typed through Telex to show `text`, or None when other keys could have too.

    `rewrites[i]` says how many times the input method wrote character i over what was
    there: 1 when one key turned a letter into another (Unikey's backspace and new letter),
    more when it did so again or when a commit hides how many keys it took.

    Words (runs of letters) are read one by one, and each is trusted only when a single key
    sequence gives it under every option of Unikey and EVKey (tone style, marks typed at the
    end of a word, a key repeated to undo a mark, a tone replaced by another, "w" alone for
    "ư", English words restored): a Vietnamese letter standing alone, with one mark, written
    once (đ dd, â aa, ơ ow, á as…); or a word the input method rewrote that has no vowel, no
    "w" and no "dd"; or a word it did not touch. Telex is assumed: VNI reads the same screen
    from other keys.
    """
    counts = rewrites or {}
    letters: list[tuple[str, int]] = []  # composed letters, with their rewrite counts
    for index, ch in enumerate(text):
        count = counts.get(index, 0)
        if unicodedata.combining(ch) and letters:
            previous, was = letters[-1]
            letters[-1] = (previous + ch, max(was, count))
        else:
            letters.append((ch, count))
    keys: list[str] = []
    word: list[tuple[str, int]] = []
    for letter, count in [*letters, ("", 0)]:  # the empty letter ends the last word
        composed = unicodedata.normalize("NFC", letter)
        if composed[:1].isalpha():
            word.append((composed, count))
            continue
        if word:
            typed = _word_keys("".join(part for part, _ in word), [n for _, n in word])
            if typed is None:
                return None
            keys.append(typed)
            word = []
        keys.append(composed)
    return "".join(keys)


def _word_keys(word: str, counts: list[int]) -> str | None:
    if word.isascii():
        folded = word.casefold()
        touched = any(counts)
        if touched and (_VOWELS.intersection(folded) or "w" in folded or "dd" in folded):
            return None  # a tone taken off ("asz"), a mark undone ("ddd", "aaa"), restored
        return word
    if len(word) != 1 or counts != [1]:
        # Marks may be typed anywhere in a word ("did" and "ddi" both show "đi"); a letter
        # written twice hides a key ("ajr" shows "ả" as "ar" does); one written without a
        # backspace was never typed as its keys ("w" alone, or "]", shows "ư").
        return None
    if word in "đĐ":
        return untelex(word)
    base, *marks = list(unicodedata.normalize("NFD", word))
    lower = base.casefold()
    if len(marks) != 1 or lower not in _VOWELS:
        return None
    mark = marks[0]
    if (
        mark in _TONES
        or (mark == _CIRCUMFLEX and lower in "aeo")
        or (mark == _BREVE and lower == "a")
        or (mark == _HORN and lower in "ou")
    ):
        return untelex(word)
    return None


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
