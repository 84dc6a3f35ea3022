"""Where a paper goes: a file written whole or not at all, or the default printer's queue."""

from __future__ import annotations

import json
import os
import shutil
import stat
import time
from pathlib import Path

import pytest

from counter_app.domain.errors import CounterError
from counter_app.services.printing import Paper, PaperKind, PrintJob
from counter_app.services.printing.printer import SystemPrinter
from counter_app.services.printing.service import write_atomically
from tests.cli.test_cli import cli_env, ok_json, run_cli
from tests.packaging.test_frozen_bundle import INTAKE, decoded_codes
from tests.ui.queue.conftest import CupsServer

PAPER = Paper(
    PaperKind.RECEIPT,
    "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    b"%PDF-1.4 test",
    1,
    "000.00.12.H37-250424-0001",
)


def test_write_is_whole_or_nothing(tmp_path, monkeypatch):
    target = tmp_path / "receipt.pdf"
    assert write_atomically(target, b"%PDF-first") == target
    assert target.read_bytes() == b"%PDF-first"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644

    def broken_replace(source, destination):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(CounterError) as refused:
        write_atomically(target, b"%PDF-second")
    assert refused.value.key == "file.unwritable"
    assert "No space left on device" in refused.value.message()
    assert target.read_bytes() == b"%PDF-first"  # the old file untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["receipt.pdf"]  # no .part left


def test_write_refuses_folders_and_missing_parents(tmp_path):
    for target in (tmp_path, tmp_path / "no" / "such" / "x.pdf"):
        with pytest.raises(CounterError) as refused:
            write_atomically(target, b"%PDF")
        assert refused.value.key == "file.unwritable"
        assert str(target) in refused.value.message()


class FakePrinter:
    def __init__(self, name: str | None) -> None:
        self.name = name
        self.sent: list[tuple[bytes, str, str]] = []

    def default(self) -> str:
        if self.name is None:
            raise CounterError("paper.no_printer")
        return self.name

    def send(self, pdf: bytes, printer: str, title: str) -> str:
        self.sent.append((pdf, printer, title))
        return "request id is Quay-1-7 (1 file(s))"


def test_send_to_the_default_printer(ws):
    from counter_app.services.printing import PaperService

    printer = FakePrinter("Quay-1")
    papers = PaperService(ws.dossiers, ws.catalog, ws.accounts, ws.settings, printer=printer)
    job = papers.send_to_printer(PAPER)
    assert job == PrintJob("Quay-1", "request id is Quay-1-7 (1 file(s))")
    assert printer.sent == [
        (PAPER.pdf, "Quay-1", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ 000.00.12.H37-250424-0001")
    ]
    nobody = PaperService(
        ws.dossiers, ws.catalog, ws.accounts, ws.settings, printer=FakePrinter(None)
    )
    with pytest.raises(CounterError) as refused:
        nobody.send_to_printer(PAPER)
    assert refused.value.key == "paper.no_printer"


def test_offscreen_there_is_no_printer(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setenv("CUPS_SERVER", "127.0.0.1:9")
    with pytest.raises(CounterError) as refused:
        SystemPrinter().default()
    assert refused.value.key == "paper.no_printer"
    assert "Không tìm thấy máy in mặc định" in refused.value.message()


def _fake_spooler(folder: Path, name: str, exit_code: int = 0) -> Path:
    """A stand-in for lp/lpr that keeps its arguments and what it was given to print."""
    script = folder / name
    script.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n" "$@" > "{folder}/args"\n'
        f'{shutil.which("cat")} > "{folder}/job.pdf"\n'
        + (
            f'echo "printer not ready" >&2; exit {exit_code}\n'
            if exit_code
            else 'echo "request id is Quay-1-12 (1 file(s))"\n'
        ),
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


@pytest.mark.parametrize("spooler", ["lp", "lpr"])
def test_the_spooler_gets_the_pdf(tmp_path, monkeypatch, spooler):
    _fake_spooler(tmp_path, spooler)
    monkeypatch.setenv("PATH", str(tmp_path))
    answer = SystemPrinter().send(b"%PDF-1.4 job", "Quay-1", "Giấy tiếp nhận")
    assert (tmp_path / "job.pdf").read_bytes() == b"%PDF-1.4 job"
    args = (tmp_path / "args").read_text(encoding="utf-8").split("\n")
    if spooler == "lp":
        assert args[:4] == ["-d", "Quay-1", "-t", "Giấy tiếp nhận"]
        assert answer == "request id is Quay-1-12 (1 file(s))"
    else:
        assert args[:4] == ["-P", "Quay-1", "-T", "Giấy tiếp nhận"]


def test_spooler_failures_are_messages(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    _fake_spooler(tmp_path, "lp", exit_code=1)
    with pytest.raises(CounterError) as refused:
        SystemPrinter().send(b"%PDF", "Quay-1", "x")
    assert refused.value.key == "paper.print_failed"
    assert "printer not ready" in refused.value.message()


@pytest.mark.slow  # CUPS and a Qt print job (5 s)
def test_without_a_spooler_the_paper_prints_through_qt(tmp_path, cups_server: CupsServer):
    """Windows has no lp or lpr: there `print receipt` without -o goes through Qt's print
    system, page by page as the window prints, to the default printer (here a CUPS PDF
    printer found with no spooler command on PATH); the barcode reads back from the page."""
    data = tmp_path / "data"
    ok_json(run_cli(data, "init", "--demo"))
    intake = tmp_path / "hồ sơ.json"
    intake.write_text(json.dumps(INTAKE, ensure_ascii=False), "utf-8")
    code = ok_json(run_cli(data, "intake", str(intake), "--user", "canbo"))["code"]
    printed_pdf = cups_server.add_pdf_printer("Quay_khong_lp")
    cups_server.lp("lpadmin", "-d", "Quay_khong_lp")
    no_spooler = tmp_path / "no-spooler"
    no_spooler.mkdir()
    env = {**cli_env(), "PATH": str(no_spooler)}

    printed = ok_json(run_cli(data, "print", "receipt", code, env=env))
    assert printed["printer"] == "Quay_khong_lp"
    deadline = time.monotonic() + 60
    while not cups_server.printed("Quay_khong_lp", printed_pdf):
        assert time.monotonic() < deadline, cups_server.log()
        time.sleep(0.2)
    assert decoded_codes(printed_pdf) == [code]
