"""Telling a scanner from a person by the rhythm of the keys (plain Python, no Qt).

A keyboard-wedge scanner types a whole code in a few tens of milliseconds and ends it with
Enter or Tab; people leave 80 ms or more between keys. The recogniser is fed every key as it
comes, withholds the keys that could still be part of a scan, and decides as early as it can:
a complete `Burst`, or `Typing` to hand back to the widgets in the order it came.

An input method (Unikey, EVKey) rewrites letters while a scan is typed: it sends backspaces
and the new letters as keys (Windows), or commit strings (IBus, fcitx). Both are applied to
the burst's text, and the burst counts how many times each character was written over, so
the classification can tell a certain reading from a guess
(`counter_app.domain.scan.classify_typed_scan`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from counter_app.ui.scanning.settings import ScannerSettings

# No scan is this long (a citizen-ID QR is about 150 characters); a runaway burst is typing.
MAX_KEYS = 2000
# A commit hides how many keys the input method took: as good as written over many times.
COMMIT_REWRITES = 2


class KeyKind(StrEnum):
    TEXT = "text"
    """A key that types printable text."""
    BACKSPACE = "backspace"
    ENTER = "enter"
    TAB = "tab"
    COMMIT = "commit"
    """An input method's event: committed text, maybe replacing characters, maybe a preedit."""
    PASSIVE = "passive"
    """Modifier keys and key releases: kept in order with the rest, never decide anything."""
    OTHER = "other"
    """A key no scanner sends: arrows, shortcuts, a key held down (auto-repeat)."""


class Reason(StrEnum):
    """Why withheld keys turned out to be typing."""

    GAP = "gap"  # a pause longer than max_interval_ms
    SETTLED = "settled"  # the keys stopped with no terminator
    SHORT = "short"  # ended, but shorter than min_length
    KEY = "key"  # a key no scanner sends
    PREFIX = "prefix"  # does not start with the scanner's prefix
    SUFFIX = "suffix"  # does not end with the scanner's suffix
    LONG = "long"  # more keys than any scan


@dataclass(frozen=True)
class KeyInput:
    at_ms: float
    kind: KeyKind
    text: str = ""
    erase: int = 0
    """COMMIT: how many characters before the cursor the commit replaces."""
    composing: bool = False
    """COMMIT: the input method still holds text it has not committed."""
    payload: object = field(default=None, compare=False, repr=False)
    """What the caller needs to deliver the key later (the Qt event and its widget)."""


@dataclass(frozen=True)
class Burst:
    """Keys typed at scanner speed up to a terminator: a scan, not yet classified."""

    text: str
    """What the keys typed, backspaces applied, prefix and suffix taken off."""
    rewrites: dict[int, int] = field(hash=False)
    """By index in `text`: how many times an input method wrote that character over what was
    typed (characters it never touched are left out)."""
    garbled: bool
    """An input method erased text from before the burst or kept keys uncommitted."""
    keys: tuple[KeyInput, ...]
    terminator: KeyKind | None
    """ENTER or TAB, or None when the burst ended with the suffix or by silence."""

    @property
    def input_method(self) -> bool:
        """Whether an input method took part (backspaces or its own events)."""
        return any(key.kind in (KeyKind.BACKSPACE, KeyKind.COMMIT) for key in self.keys)


@dataclass(frozen=True)
class Typing:
    """Withheld keys that were typed by a person (or are no usable scan): to deliver."""

    keys: tuple[KeyInput, ...]
    reason: Reason
    gap_ms: float | None = None
    """For GAP: the pause that ended the burst."""


@dataclass(frozen=True)
class Verdict:
    """What to do after a key, or after the settle time passed."""

    typing: Typing | None = None
    """Keys withheld earlier to deliver now, before the key just fed."""
    held: bool = False
    """The key just fed is withheld: part of a possible burst, or the end of `burst`."""
    burst: Burst | None = None

    @property
    def deliver(self) -> bool:
        """The key just fed goes on to its widget now."""
        return not self.held


_STARTS = (KeyKind.TEXT, KeyKind.COMMIT)
_PART_OF_BURST = (KeyKind.TEXT, KeyKind.BACKSPACE, KeyKind.COMMIT)


class BurstRecognizer:
    """Feed it every key in order (`feed`), and `settle` when settle_ms passed after the last
    held key; each call says what to withhold, deliver, or report."""

    def __init__(self, settings: ScannerSettings | None = None) -> None:
        self.settings = settings or ScannerSettings()
        self._reset()

    def _reset(self) -> None:
        self._keys: list[KeyInput] = []
        self._chars: list[tuple[str, int]] = []  # (character, times written over)
        self._erased: list[int] = []  # by position: how many times a character was erased
        self._last_at = 0.0
        self._garbled = False
        self._composing = False

    @property
    def collecting(self) -> bool:
        return bool(self._keys)

    @property
    def pending(self) -> tuple[KeyInput, ...]:
        """The keys withheld so far, in order."""
        return tuple(self._keys)

    def would_hold(self, kind: KeyKind, text: str, at_ms: float) -> bool:
        """Whether `feed` would withhold this key now; changes nothing (for shortcut checks,
        which come before the key itself)."""
        if self._keys and at_ms - self._last_at <= self.settings.max_interval_ms:
            if kind in (KeyKind.ENTER, KeyKind.TAB):
                ends = kind.value in self.settings.terminators
                return ends and isinstance(self._complete(kind), Burst)
            if kind is KeyKind.TEXT:
                return self._fits_prefix(self._text() + text)
            return kind in _PART_OF_BURST
        return kind is KeyKind.TEXT and bool(text) and self._fits_prefix(text)

    def feed(self, key: KeyInput) -> Verdict:
        if key.kind is KeyKind.PASSIVE:
            if self._keys:
                self._keys.append(key)
            return Verdict(held=bool(self._keys))
        if not self._keys:
            return self._start(key)
        gap = key.at_ms - self._last_at
        if gap > self.settings.max_interval_ms:
            return self._restart(Reason.GAP, key, gap)
        if len(self._keys) >= MAX_KEYS:
            return self._restart(Reason.LONG, key)
        if key.kind in (KeyKind.ENTER, KeyKind.TAB):
            if key.kind.value not in self.settings.terminators:
                return Verdict(typing=self._drop(Reason.KEY))
            self._keys.append(key)
            ended = self._complete(key.kind)
            if isinstance(ended, Burst):
                self._reset()
                return Verdict(held=True, burst=ended)
            self._keys.pop()
            return Verdict(typing=self._drop(ended))
        if key.kind is KeyKind.OTHER:
            return Verdict(typing=self._drop(Reason.KEY))
        self._take(key)
        if not self._fits_prefix(self._text()):
            self._untake()
            return self._restart(Reason.PREFIX, key)
        if not self.settings.terminators and self.settings.suffix:
            ended = self._complete(None)
            if isinstance(ended, Burst):
                self._reset()
                return Verdict(held=True, burst=ended)
        return Verdict(held=True)

    def settle(self) -> Verdict:
        """No key came for settle_ms: a burst that needs no terminator is complete; any other
        withheld keys were typed by a person."""
        if not self._keys:
            return Verdict()
        if not self.settings.terminators:
            ended = self._complete(None)
            if isinstance(ended, Burst):
                self._reset()
                return Verdict(burst=ended)
            return Verdict(typing=self._drop(ended))
        return Verdict(typing=self._drop(Reason.SETTLED))

    def _start(self, key: KeyInput) -> Verdict:
        starts = key.kind in _STARTS and key.text and not key.erase
        if not starts or not self._fits_prefix(key.text):
            return Verdict()
        self._take(key)
        return Verdict(held=True)

    def _restart(self, reason: Reason, key: KeyInput, gap: float | None = None) -> Verdict:
        """The withheld keys were typing; the key just fed may begin a burst of its own."""
        typing = self._drop(reason, gap)
        again = self._start(key)
        return Verdict(typing=typing, held=again.held)

    def _drop(self, reason: Reason, gap: float | None = None) -> Typing:
        typing = Typing(tuple(self._keys), reason, gap)
        self._reset()
        return typing

    def _take(self, key: KeyInput) -> None:
        self._keys.append(key)
        self._last_at = key.at_ms
        if key.kind is KeyKind.BACKSPACE:
            self._erase(1)
            return
        if key.kind is KeyKind.COMMIT:
            self._erase(key.erase)
            self._composing = key.composing
        for ch in key.text:
            at = len(self._chars)
            rewrites = self._erased[at] if at < len(self._erased) else 0
            if key.kind is KeyKind.COMMIT:
                rewrites = max(rewrites, COMMIT_REWRITES)
            self._chars.append((ch, rewrites))

    def _untake(self) -> None:
        """Take back the last key (only ever a TEXT or COMMIT that broke the prefix)."""
        keys = self._keys[:-1]
        self._reset()
        for key in keys:
            if key.kind is KeyKind.PASSIVE:
                self._keys.append(key)
            else:
                self._take(key)

    def _erase(self, count: int) -> None:
        for _ in range(count):
            if not self._chars:
                self._garbled = True  # the input method reached into text before the burst
                return
            self._chars.pop()
            at = len(self._chars)
            self._erased.extend([0] * (at + 1 - len(self._erased)))
            self._erased[at] += 1
            if self._chars:  # the word being rewritten: mark the letter before as touched
                ch, rewrites = self._chars[-1]
                self._chars[-1] = (ch, max(rewrites, 1))

    def _text(self) -> str:
        return "".join(ch for ch, _ in self._chars)

    def _fits_prefix(self, text: str) -> bool:
        prefix = self.settings.prefix
        size = min(len(prefix), len(text))
        return text[:size].upper() == prefix[:size].upper()

    def _complete(self, terminator: KeyKind | None) -> Burst | Reason:
        """The burst the withheld keys make, or why they make none."""
        text = self._text()
        prefix, suffix = self.settings.prefix, self.settings.suffix
        if text[: len(prefix)].upper() != prefix.upper():
            return Reason.PREFIX
        end = len(text) - len(suffix)
        if suffix and (end < len(prefix) or text[end:].upper() != suffix.upper()):
            return Reason.SUFFIX
        if end - len(prefix) < self.settings.min_length:
            return Reason.SHORT
        rewrites = {
            index - len(prefix): count
            for index, (_, count) in enumerate(self._chars)
            if count and len(prefix) <= index < end
        }
        return Burst(
            text=text[len(prefix) : end],
            rewrites=rewrites,
            garbled=self._garbled or self._composing,
            keys=tuple(self._keys),
            terminator=terminator,
        )
