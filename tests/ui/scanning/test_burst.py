"""The burst recogniser alone (no Qt): scanners are recognised exactly, people never are, and
every key that is not part of a scan is handed back in order."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.ui.scanning.burst import (
    COMMIT_REWRITES,
    MAX_KEYS,
    Burst,
    BurstRecognizer,
    KeyInput,
    KeyKind,
    Reason,
    Typing,
)
from counter_app.ui.scanning.settings import ScannerSettings
from tests.ui.scanning.keyboard import CODE
from tests.ui.scanning.telex import BACKSPACE

SCANNER_GAP = st.floats(min_value=2, max_value=20)
HUMAN_GAP = st.floats(min_value=80, max_value=250)
PRINTABLE = st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"))
_KINDS = {BACKSPACE: KeyKind.BACKSPACE, "\r": KeyKind.ENTER, "\t": KeyKind.TAB}


def key(at: float, ch: str) -> KeyInput:
    kind = _KINDS.get(ch, KeyKind.TEXT)
    return KeyInput(at, kind, "" if kind is KeyKind.BACKSPACE else ch, payload=object())


@dataclass
class Desk:
    """Drives a recogniser as the filter does, with the settle timer simulated: records what a
    widget would receive, in order, and the bursts."""

    settings: ScannerSettings = field(default_factory=ScannerSettings)
    received: list[KeyInput] = field(default_factory=list)
    bursts: list[Burst] = field(default_factory=list)
    typing: list[Typing] = field(default_factory=list)
    now: float = 0.0

    def __post_init__(self) -> None:
        self.recognizer = BurstRecognizer(self.settings)
        self._held_at: float | None = None

    def _apply(self, verdict, fed: KeyInput | None = None) -> None:
        if verdict.typing is not None:
            self.typing.append(verdict.typing)
            self.received.extend(verdict.typing.keys)
        if verdict.burst is not None:
            self.bursts.append(verdict.burst)
        if fed is not None and verdict.deliver:
            self.received.append(fed)

    def wait(self, ms: float) -> None:
        """Time passes; the settle timer fires if it is due."""
        self.now += ms
        if self._held_at is not None and self.now - self._held_at >= self.settings.settle_ms:
            self._held_at = None
            self._apply(self.recognizer.settle())

    def press(self, ch: str, gap: float) -> KeyInput:
        self.wait(gap)
        fed = key(self.now, ch)
        verdict = self.recognizer.feed(fed)
        self._apply(verdict, fed)
        self._held_at = self.now if self.recognizer.collecting else None
        return fed

    def type(self, text: str, gap: float | list[float]) -> list[KeyInput]:
        gaps = gap if isinstance(gap, list) else [gap] * len(text)
        return [self.press(ch, g) for ch, g in zip(text, gaps, strict=True)]

    def finish(self) -> None:
        self.wait(10_000)

    def received_text(self) -> str:
        return "".join(BACKSPACE if k.kind is KeyKind.BACKSPACE else k.text for k in self.received)


@given(
    st.text(PRINTABLE, min_size=8, max_size=200),
    st.data(),
    st.sampled_from(["\r", "\t"]),
)
def test_any_text_at_scanner_speed_with_a_terminator_is_recognised_exactly(text, data, end):
    desk = Desk()
    gaps = data.draw(st.lists(SCANNER_GAP, min_size=len(text) + 1, max_size=len(text) + 1))
    desk.type(text + end, gaps)
    desk.finish()
    assert [b.text for b in desk.bursts] == [text]
    assert desk.bursts[0].terminator is _KINDS[end]
    assert desk.received == []
    assert not desk.bursts[0].rewrites and not desk.bursts[0].garbled


@given(
    st.text(st.one_of(PRINTABLE, st.sampled_from(["\r", "\t", BACKSPACE])), max_size=60),
    st.data(),
)
def test_human_typing_is_never_a_scan_and_arrives_in_order(text, data):
    desk = Desk()
    gaps = data.draw(st.lists(HUMAN_GAP, min_size=len(text), max_size=len(text)))
    keys = desk.type(text, gaps)
    desk.finish()
    assert desk.bursts == []
    assert [id(k) for k in desk.received] == [id(k) for k in keys]


@given(st.text(PRINTABLE, max_size=7), st.data(), st.sampled_from(["\r", "\t"]))
def test_text_shorter_than_min_length_is_typing_even_at_scanner_speed(text, data, end):
    desk = Desk()
    gaps = data.draw(st.lists(SCANNER_GAP, min_size=len(text) + 1, max_size=len(text) + 1))
    desk.type(text + end, gaps)
    desk.finish()
    assert desk.bursts == []
    assert desk.received_text() == text + end


SEGMENT = st.one_of(
    st.tuples(st.just("human"), st.text(st.sampled_from("abc đ1\r\t" + BACKSPACE), max_size=8)),
    st.tuples(st.just("scan"), st.text(PRINTABLE, min_size=8, max_size=40)),
)


@given(st.lists(SEGMENT, max_size=6), st.data())
def test_interleaved_typing_and_scans(segments, data):
    desk = Desk()
    typed: list[KeyInput] = []
    for what, text in segments:
        if what == "human":
            gaps = data.draw(st.lists(HUMAN_GAP, min_size=len(text), max_size=len(text)))
            typed += desk.type(text, gaps)
        else:
            desk.wait(data.draw(HUMAN_GAP))
            desk.type(text + "\r", data.draw(SCANNER_GAP))
    desk.finish()
    assert [b.text for b in desk.bursts] == [text for what, text in segments if what == "scan"]
    assert [id(k) for k in desk.received] == [id(k) for k in typed]


@pytest.mark.parametrize("gap", [50, 60, 70])
def test_a_fast_typist_is_still_a_person(gap):
    desk = Desk()
    desk.type(CODE + "\r", gap)
    desk.finish()
    assert desk.bursts == []
    assert desk.received_text() == CODE + "\r"
    assert {t.reason for t in desk.typing} <= {Reason.GAP, Reason.SETTLED}


def test_a_pause_inside_a_scan_hands_the_keys_back_and_starts_again():
    desk = Desk()
    desk.type("000.00.", 5)
    desk.wait(0)
    desk.press("0", 50)  # a pause: the first part is typing, "0" may begin a burst
    assert desk.received_text() == "000.00."
    assert desk.typing[-1].reason is Reason.GAP
    assert desk.typing[-1].gap_ms == 50
    desk.finish()
    assert desk.received_text() == "000.00.0"
    assert desk.typing[-1].reason is Reason.SETTLED


def test_backspaces_of_an_input_method_are_applied_and_marked():
    desk = Desk()
    # Unikey: "000.D" then the second D becomes backspace + "Đ".
    desk.type(f"000.D{BACKSPACE}Đ.H37-261125-0042\r", 3)
    (burst,) = desk.bursts
    assert burst.text == "000.Đ.H37-261125-0042"
    assert burst.rewrites == {3: 1, 4: 1}  # the letter written over, and the one before it
    assert burst.input_method and not burst.garbled


def test_a_letter_written_over_twice_is_counted_twice():
    desk = Desk()
    desk.type(f"000.A{BACKSPACE}Ạ{BACKSPACE}Ả-H37-261125-0042\r", 3)  # Unikey: "ajr"
    (burst,) = desk.bursts
    assert burst.text == "000.Ả-H37-261125-0042"
    assert burst.rewrites[4] == 2


def test_a_backspace_into_text_before_the_burst_garbles_it():
    desk = Desk()
    desk.type(f"d{BACKSPACE}{BACKSPACE}đ00.00.06.H37-261125-0042\r", 3)
    (burst,) = desk.bursts
    assert burst.garbled


def test_a_commit_replacing_characters_is_applied_and_marked():
    recognizer = BurstRecognizer()
    for at, ch in enumerate("000.D"):
        recognizer.feed(KeyInput(at, KeyKind.TEXT, ch))
    recognizer.feed(KeyInput(6, KeyKind.COMMIT, "Đ", erase=1))
    for at, ch in enumerate(".H37-261125-0042", start=7):
        recognizer.feed(KeyInput(at, KeyKind.TEXT, ch))
    verdict = recognizer.feed(KeyInput(30, KeyKind.ENTER))
    assert verdict.burst is not None
    assert verdict.burst.text == "000.Đ.H37-261125-0042"
    assert verdict.burst.rewrites[4] == COMMIT_REWRITES


def test_text_left_uncommitted_by_an_input_method_garbles_the_burst():
    recognizer = BurstRecognizer()
    for at, ch in enumerate(CODE):
        recognizer.feed(KeyInput(at, KeyKind.TEXT, ch))
    recognizer.feed(KeyInput(30, KeyKind.COMMIT, composing=True))
    verdict = recognizer.feed(KeyInput(31, KeyKind.ENTER))
    assert verdict.burst is not None and verdict.burst.garbled


def test_prefix_and_suffix_are_stripped_whatever_the_case():
    desk = Desk(ScannerSettings(prefix="]Ab", suffix="#z"))
    desk.type("]aB" + CODE.lower() + "#Z\r", 4)
    assert [b.text for b in desk.bursts] == [CODE.lower()]


@pytest.mark.parametrize(
    ("typed", "reasons"),
    [
        (CODE + "#\r", set()),  # not even withheld: "0" cannot begin the prefix
        ("]" + CODE + "\r", {Reason.SUFFIX}),
        ("]x" + CODE + "#\r", {Reason.PREFIX}),
    ],
)
def test_a_burst_without_the_prefix_or_suffix_is_typing(typed, reasons):
    desk = Desk(ScannerSettings(prefix="]0", suffix="#"))
    desk.type(typed, 4)
    desk.finish()
    assert desk.bursts == []
    assert desk.received_text() == typed
    assert {t.reason for t in desk.typing} == reasons


def test_keys_that_cannot_begin_the_prefix_are_not_even_withheld():
    recognizer = BurstRecognizer(ScannerSettings(prefix="~"))
    verdict = recognizer.feed(KeyInput(0, KeyKind.TEXT, "a"))
    assert verdict.deliver and not recognizer.collecting
    assert recognizer.feed(KeyInput(100, KeyKind.TEXT, "~")).held


def test_only_the_configured_terminators_end_a_scan():
    desk = Desk(ScannerSettings(terminators=("tab",)))
    desk.type(CODE + "\r", 5)
    desk.finish()
    assert desk.bursts == [] and desk.typing[0].reason is Reason.KEY
    desk.type(CODE + "\t", 5)
    assert [b.text for b in desk.bursts] == [CODE]


def test_without_terminators_the_scan_ends_when_the_keys_stop():
    desk = Desk(ScannerSettings(terminators=()))
    desk.type(CODE, 5)
    assert desk.bursts == []
    desk.wait(60)
    assert [b.text for b in desk.bursts] == [CODE]
    assert desk.bursts[0].terminator is None


def test_without_terminators_a_suffix_ends_the_scan_at_once():
    desk = Desk(ScannerSettings(terminators=(), suffix="$"))
    desk.type(CODE + "$", 5)
    assert [b.text for b in desk.bursts] == [CODE]


def test_other_keys_break_a_burst_and_keep_their_place():
    recognizer = BurstRecognizer()
    held = [recognizer.feed(KeyInput(i, KeyKind.TEXT, ch)).held for i, ch in enumerate("000.0")]
    assert all(held)
    arrow = recognizer.feed(KeyInput(6, KeyKind.OTHER))
    assert arrow.deliver
    assert arrow.typing is not None
    assert "".join(k.text for k in arrow.typing.keys) == "000.0"


def test_passive_keys_are_kept_in_order_only_while_collecting():
    recognizer = BurstRecognizer()
    assert recognizer.feed(KeyInput(0, KeyKind.PASSIVE)).deliver
    recognizer.feed(KeyInput(1, KeyKind.TEXT, "A"))
    shift = KeyInput(2, KeyKind.PASSIVE)
    assert recognizer.feed(shift).held
    assert recognizer.pending[-1] is shift
    verdict = recognizer.settle()
    assert verdict.typing is not None and verdict.typing.keys[-1] is shift


def test_a_runaway_burst_is_typing():
    recognizer = BurstRecognizer()
    for i in range(MAX_KEYS):
        recognizer.feed(KeyInput(i, KeyKind.TEXT, "x"))
    verdict = recognizer.feed(KeyInput(MAX_KEYS, KeyKind.TEXT, "x"))
    assert verdict.typing is not None and verdict.typing.reason is Reason.LONG
    assert len(verdict.typing.keys) == MAX_KEYS


@given(
    st.lists(
        st.tuples(
            st.floats(min_value=0, max_value=100),
            st.sampled_from([KeyKind.TEXT, KeyKind.BACKSPACE, KeyKind.ENTER, KeyKind.TAB]),
            st.sampled_from(["a", "]", "0", "-"]),
        ),
        max_size=40,
    ),
    st.sampled_from(["", "]"]),
)
def test_would_hold_foretells_feed(events, prefix):
    """Shortcut checks come just before the key: they must answer as the key will be met."""
    recognizer = BurstRecognizer(ScannerSettings(prefix=prefix, min_length=3))
    now = 0.0
    for gap, kind, text in events:
        now += gap
        text = text if kind is KeyKind.TEXT else ""
        foretold = recognizer.would_hold(kind, text, now)
        verdict = recognizer.feed(KeyInput(now, kind, text))
        assert foretold == verdict.held
