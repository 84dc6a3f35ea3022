"""What Unikey or EVKey in Telex mode sends while a scanner types: a model for the tests.

Each key either goes through, or the input method sends backspaces and the rewritten end of
the word (as Unikey does on Windows). Marks: dd → đ, aa ee oo → â ê ô, aw ow uw → ă ơ ư,
"w" alone → ư (an option), s f r x j put a tone on the last vowel of the word; typing the
same key again undoes the mark and keeps the key (an option: "ddd" → "dd").
"""

from __future__ import annotations

import unicodedata

BACKSPACE = "\b"
TONES = {"s": "\u0301", "f": "\u0300", "r": "\u0309", "x": "\u0303", "j": "\u0323"}
_TONE_MARKS = frozenset(TONES.values())
_CIRCUMFLEX = {"a": "â", "e": "ê", "o": "ô"}
_W_MARK = {"a": "ă", "o": "ơ", "u": "ư"}
_VOWELS = "aeiouy"


def _like(letter: str, model: str) -> str:
    return letter.upper() if model.isupper() else letter


def _base(letter: str) -> str:
    return unicodedata.normalize("NFD", letter)[0].lower()


def unikey(keys: str, *, undo: bool = True, w_alone: bool = True) -> tuple[list[str], str]:
    """The events (characters, BACKSPACE) the widget receives, and the text it then shows."""
    shown: list[str] = []
    events: list[str] = []

    def rewrite(start: int, tail: list[str]) -> None:
        events.extend(BACKSPACE * (len(shown) - start))
        events.extend(tail)
        shown[start:] = tail

    for key in keys:
        low = key.lower()
        start = len(shown)
        while start and shown[start - 1].isalpha():
            start -= 1
        last = shown[-1] if start < len(shown) else ""
        end = len(shown) - 1
        if low == "d" and last in ("d", "D"):
            rewrite(end, [_like("đ", last)])
        elif low == "d" and undo and last in ("đ", "Đ"):
            rewrite(end, [_like("d", last), key])
        elif low in _CIRCUMFLEX and last.lower() == low:
            rewrite(end, [_like(_CIRCUMFLEX[low], last)])
        elif low in _CIRCUMFLEX and undo and last.lower() == _CIRCUMFLEX[low]:
            rewrite(end, [_like(low, last), key])
        elif low == "w" and last.lower() in _W_MARK:
            rewrite(end, [_like(_W_MARK[last.lower()], last)])
        elif low == "w" and undo and last.lower() in _W_MARK.values():
            rewrite(end, [_like(_base(last), last), key])
        elif low == "w" and w_alone:
            shown.append(_like("ư", key))
            events.append(shown[-1])
        elif low in TONES and any(_base(ch) in _VOWELS for ch in shown[start:]):
            at = max(i for i in range(start, len(shown)) if _base(shown[i]) in _VOWELS)
            letter = unicodedata.normalize("NFD", shown[at])
            marks = "".join(m for m in letter[1:] if m not in _TONE_MARKS)
            tone = next((m for m in letter[1:] if m in _TONE_MARKS), "")
            if tone == TONES[low] and undo:
                vowel = unicodedata.normalize("NFC", letter[0] + marks)
                rewrite(at, [vowel, *shown[at + 1 :], key])
            else:
                vowel = unicodedata.normalize("NFC", letter[0] + marks + TONES[low])
                rewrite(at, [vowel, *shown[at + 1 :]])
        else:
            shown.append(key)
            events.append(key)
    return events, "".join(shown)
