"""The log: rotating files in the data folder, personal data scrubbed, dossier codes kept."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.services.operations import logs
from counter_app.services.operations.logs import REDACTED, configure_logging, recent_lines, scrub

CODE = "000.00.12.H37-261128-0042"
digits = st.text("0123456789", min_size=1, max_size=1)


@given(st.text("0123456789", min_size=12, max_size=12))
def test_any_id_number_is_scrubbed(number: str) -> None:
    assert number not in scrub(f"ID {number} for {CODE}")
    assert CODE in scrub(f"ID {number} for {CODE}")


@given(
    st.sampled_from(["03", "05", "07", "08", "09"]),
    st.text("0123456789", min_size=8, max_size=8),
    st.sampled_from(["", " ", ".", "-"]),
)
def test_phone_numbers_in_their_usual_forms_are_scrubbed(prefix, rest, sep) -> None:
    local = prefix + rest
    spaced = sep.join([local[:4], local[4:7], local[7:]])
    international = "+84" + sep + sep.join([local[1:4], local[4:7], local[7:]])
    for phone in (local, spaced, international):
        assert scrub(f"call {phone} now") == f"call {REDACTED} now", phone


def test_a_citizen_id_qr_is_scrubbed_whole() -> None:
    qr = "020090001234|123456789|Nguyễn Văn An|15031990|Nam|Số 5, Lạng Sơn|20042021"
    assert scrub(f"scan refused: {qr}") == f"scan refused: {REDACTED}"


def test_what_support_needs_is_kept() -> None:
    line = (
        f"2026-11-28 10:00:01,123 INFO 4242 counter_app.x: {CODE} saved, uuid {uuid.uuid4()}, "
        f"sha {'ab' * 32}, 1820 bytes, 37 dossiers, revision 0004"
    )
    assert scrub(line) == line
    assert scrub("mail an.nguyen@example.vn") == f"mail {REDACTED}"


def test_lines_go_to_the_data_folder_scrubbed(tmp_path: Path) -> None:
    handler = configure_logging(tmp_path)
    try:
        log = logging.getLogger("counter_app.somewhere")
        log.info("received %s for %s", CODE, "020090001234")
        try:
            raise ValueError("bad phone 0912345678")
        except ValueError:
            log.exception("it broke")
    finally:
        logs.stop_logging(handler)
    text = (tmp_path / "logs" / "counter-app.log").read_text(encoding="utf-8")
    assert CODE in text and "Traceback" in text
    assert "020090001234" not in text and "0912345678" not in text


def test_the_log_rotates_and_the_tail_spans_the_files(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 8000)
    handler = configure_logging(tmp_path)
    try:
        log = logging.getLogger("counter_app.rotation")
        for n in range(600):
            log.info("line %04d %s", n, CODE)
    finally:
        logs.stop_logging(handler)
    files = sorted(p.name for p in (tmp_path / "logs").iterdir())
    assert files == ["counter-app.log", *(f"counter-app.log.{n}" for n in range(1, 6))]
    tail = recent_lines(tmp_path, 200)
    assert len(tail) == 200 and tail[-1].endswith(f"line 0599 {CODE}")
    numbers = [int(line.split("line ")[1][:4]) for line in tail]
    assert numbers == sorted(numbers)  # oldest first, across the rotated files


def test_an_unwritable_log_is_given_up_quietly(tmp_path: Path, capsys) -> None:
    (tmp_path / "logs").write_text("a file where the folder should be")
    handler = configure_logging(tmp_path)
    try:
        logging.getLogger("counter_app.quiet").warning("nobody hears this")
    finally:
        logs.stop_logging(handler)
    assert capsys.readouterr().err == ""


def test_only_the_app_s_records_are_taken(tmp_path: Path) -> None:
    handler = configure_logging(tmp_path)
    try:
        logging.getLogger("urllib3").warning("not ours")
        logging.getLogger("counter_app.ours").warning("ours")
    finally:
        logs.stop_logging(handler)
    assert recent_lines(tmp_path)[-1].endswith("ours")
    assert all("not ours" not in line for line in recent_lines(tmp_path))


@pytest.mark.parametrize("count", [0, 1])
def test_no_log_yet_is_an_empty_tail(tmp_path: Path, count: int) -> None:
    assert recent_lines(tmp_path, count) == []


def test_each_line_carries_its_time_with_the_offset(tmp_path: Path) -> None:
    """A support engineer abroad reads the log: every time says it is Vietnam time."""
    handler = configure_logging(tmp_path)
    try:
        logging.getLogger("counter_app.somewhere").info("saved %s", CODE)
    finally:
        logs.stop_logging(handler)
    line = (tmp_path / "logs" / "counter-app.log").read_text(encoding="utf-8").splitlines()[0]
    stamp = datetime.fromisoformat(line.split(" ", 1)[0])
    assert stamp.utcoffset() == timedelta(hours=7)
    assert line.split(" ", 1)[0].endswith("+07:00")
