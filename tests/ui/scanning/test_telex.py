"""Scans typed through Telex (Unikey, EVKey): recovered when the keys are certain, refused
with the advice to switch the input method off otherwise, never read as another code."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from counter_app.domain.codes import DossierCode, is_dossier_code
from counter_app.domain.scan import ScanKind, classify_typed_scan, typed_keys
from counter_app.ui.scanning.burst import BurstRecognizer, KeyInput, KeyKind
from tests.ui.scanning.keyboard import CODE, QR
from tests.ui.scanning.telex import BACKSPACE, unikey


def burst_of(events: list[str]):
    """What the recogniser makes of the events at 3 ms, ended by Enter."""
    recognizer = BurstRecognizer()
    at = 0.0
    for event in [*events, "\r"]:
        at += 3
        if event == BACKSPACE:
            key = KeyInput(at, KeyKind.BACKSPACE)
        elif event == "\r":
            key = KeyInput(at, KeyKind.ENTER, "\r")
        else:
            key = KeyInput(at, KeyKind.TEXT, event)
        verdict = recognizer.feed(key)
    assert verdict.burst is not None
    return verdict.burst


def read(keys: str, **options: bool):
    events, shown = unikey(keys, **options)
    burst = burst_of(events)
    assert burst.text == shown
    return classify_typed_scan(burst.text, burst.rewrites, garbled=burst.garbled)


def test_the_model_types_like_telex():
    assert unikey("dd")[1] == "đ"
    assert unikey("ddd")[1] == "dd"
    assert unikey("hoaf")[1] == "hoà"
    assert unikey("Aas")[1] == "Ấ"
    assert unikey("w")[1] == "ư"
    assert unikey("w", w_alone=False)[1] == "w"
    assert unikey("000.DD")[0] == [*"000.D", BACKSPACE, "Đ"]


@pytest.mark.parametrize(
    ("keys", "code"),
    [
        ("000.DD.H37-261125-0042", "000.DD.H37-261125-0042"),  # đ
        ("000.dd.h37-261125-0042", "000.DD.H37-261125-0042"),  # Caps Lock on as well
        ("000.06.AA37-261125-0042", "000.06.AA37-261125-0042"),  # â
        ("000.06.AW1-261125-0042", "000.06.AW1-261125-0042"),  # ă
        ("000.06.UW1-261125-0042", "000.06.UW1-261125-0042"),  # ư
        ("000.06.AS.H37-261125-0042", "000.06.AS.H37-261125-0042"),  # á
        ("000.06.OJ.H37-261125-0042", "000.06.OJ.H37-261125-0042"),  # ọ
        ("G01.HS.XJ-261125-0042", "G01.HS.XJ-261125-0042"),  # tone keys with no vowel
    ],
)
def test_a_lone_telex_letter_is_recovered(keys, code):
    result = read(keys)
    assert result.kind is ScanKind.DOSSIER
    assert str(result.code) == code


@pytest.mark.parametrize(
    "keys",
    [
        "000.DDD.H37-261125-0042",  # undone: shows "DD"
        "000.06.AAA-261125-0042",  # undone: shows "AA"
        "000.06.ASS-261125-0042",  # undone tone: shows "AS"
        "000.DDI.H37-261125-0042",  # "ĐI": "DDI" or "DID"
        "000.06.W1-261125-0042",  # "Ư" with no backspace: "W" or "]", not "UW"
        "000.06.AJR-261125-0042",  # "Ả" as "AR" shows it: the second tone replaced the first
        "000.06.AWA-261125-0042",  # "Â" written over twice
        "000.06.HAS-261125-0042",  # "HÁ": the tone may have been typed after the H
        "000.06.AAS-261125-0042",  # "Ấ": two marks, either order
    ],
)
def test_an_uncertain_scan_is_refused_with_the_input_method_hint(keys):
    result = read(keys)
    assert result.kind is ScanKind.UNKNOWN
    assert result.problem is not None
    assert result.problem.key == "scan.input_method"
    assert "Switch the input method off" in result.to_json("en")["reason"]
    assert "Hãy tắt bộ gõ tiếng Việt" in result.to_json("vi")["reason"]


_AGENCY_LETTERS = "0123456789ADEOUWSFRXJHGK"


@st.composite
def dossier_codes(draw) -> str:
    groups = draw(
        st.lists(st.text(st.sampled_from(_AGENCY_LETTERS), min_size=1, max_size=4), max_size=3)
    )
    agency = ".".join(["000", *groups])
    day = draw(st.dates(date(2000, 1, 1), date(2099, 12, 31)))
    number = draw(st.integers(1, 9999))
    code = f"{agency}-{day:%y%m%d}-{number:04d}"
    assume(is_dossier_code(code))  # at most 13 characters of agency
    return code.lower() if draw(st.booleans()) else code  # Caps Lock


@given(dossier_codes(), st.booleans(), st.booleans())
def test_telex_never_turns_a_scan_into_another_code(code, undo, w_alone):
    result = read(code, undo=undo, w_alone=w_alone)
    if result.kind is ScanKind.DOSSIER:
        assert result.code == DossierCode.parse(code)
    else:
        assert result.problem is not None
        assert result.problem.key == "scan.input_method"


def test_a_code_typed_without_an_input_method_is_read_as_it_stands():
    assert classify_typed_scan(CODE).code == DossierCode.parse(CODE)
    assert typed_keys(CODE) == CODE


def test_a_citizen_id_is_refused_when_an_input_method_rewrote_part_of_it():
    assert classify_typed_scan(QR).kind is ScanKind.CITIZEN_ID
    result = classify_typed_scan(QR, {30: 1})
    assert result.kind is ScanKind.UNKNOWN
    assert result.problem is not None and result.problem.key == "scan.input_method"


def test_a_garbled_scan_is_refused_even_if_it_reads_as_a_code():
    result = classify_typed_scan(CODE, garbled=True)
    assert result.kind is ScanKind.UNKNOWN
    assert result.problem is not None and result.problem.key == "scan.input_method"


def test_nothing_scanned_stays_nothing_scanned():
    result = classify_typed_scan("", garbled=True)
    assert result.problem is not None and result.problem.key == "scan.empty"


def test_typed_keys_reads_letter_by_letter():
    assert typed_keys("000.Đ.Â-Ạ", {4: 1, 6: 1, 8: 1}) == "000.DD.AA-AJ"
    assert typed_keys("Đi", {0: 1, 1: 1}) is None
    assert typed_keys("hd-x", {0: 1, 1: 1}) == "hd-x"  # no vowel, no w, no dd: nothing undone
    assert typed_keys("ha", {1: 1}) is None
    assert typed_keys("A\u0301-1", {1: 1}) == "AS-1"  # a decomposed mark counts with its letter
    assert typed_keys("Â-1") is None  # no key was written over: not typed through Telex
    assert typed_keys("Ả-1", {0: 2}) is None  # written over twice: "ar", "ajr", "asr"…
