"""`counter-app print`, run for real as a subprocess: to a file, and every way it can refuse
(unknown code, a path that cannot be written, a paper the state does not allow, no printer)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli import (
    OFFICER,
    Prepared,
    build_template,
    cli_env,
    copy_template,
    fingerprint,
    has_vietnamese,
    ok_json,
    run_cli,
)
from tests.printing.conftest import flat, pdf_text

pytestmark = pytest.mark.slow  # each test runs the real program as a process


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Prepared:
    return build_template(tmp_path_factory.mktemp("print-template"))


@pytest.fixture
def data_dir(prepared: Prepared, tmp_path: Path) -> Path:
    return copy_template(prepared, tmp_path)


def no_printer_env(lang: str | None = None) -> dict[str, str]:
    """Offscreen Qt and a print server that does not answer: no printer, for certain."""
    env = cli_env(lang)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["CUPS_SERVER"] = "127.0.0.1:9"  # the discard port: refused at once
    env.pop("PRINTER", None)
    env.pop("LPDEST", None)
    return env


def refused(result: subprocess.CompletedProcess[str], *expected: str) -> str:
    assert result.returncode == 1, f"exit {result.returncode}\n{result.stdout}{result.stderr}"
    assert result.stdout == "", result.stdout
    assert "Traceback" not in result.stderr and "Lỗi ngoài dự kiến" not in result.stderr
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    for part in expected:
        assert part in message, f"{part!r} not in {message!r}"
    return message


def test_print_receipt_to_a_file(prepared, data_dir, tmp_path):
    target = tmp_path / "giấy tiếp nhận.pdf"
    answer = ok_json(run_cli(data_dir, "print", "receipt", prepared.code, "-o", str(target)))
    assert answer == {
        "paper": "receipt",
        "code": prepared.code,
        "title": "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        "pages": 1,
        "output": str(target),
        "bytes": target.stat().st_size,
    }
    pdf = target.read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert f"Mã hồ sơ: {prepared.code}" in flat(pdf_text(pdf))
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_print_every_kind_to_a_file(prepared, data_dir, tmp_path):
    code = prepared.code
    ok_json(
        run_cli(
            data_dir,
            "transition",
            code,
            "request-supplement",
            "--user",
            OFFICER,
            "--note",
            "Bổ sung bản sao giấy khai sinh có chứng thực",
        )
    )
    out = tmp_path / "out.pdf"
    supplement = ok_json(run_cli(data_dir, "print", "supplement", code, "-o", str(out)))
    assert supplement["paper"] == "supplement"  # type: ignore[index]
    assert "Bổ sung bản sao giấy khai sinh có chứng thực" in flat(pdf_text(out.read_bytes()))
    for args in (
        ["label", code, "--size", "50x30"],
        ["receipt", code, "--size", "A5"],
        ["control-sheet", code],
        ["apology", code, "--new-due", "2099-01-05T16:00:00+07:00", "--note", "chờ xác minh"],
    ):
        answer = ok_json(run_cli(data_dir, "print", *args, "-o", str(out)))
        assert answer["paper"] == args[0] and answer["pages"] >= 1  # type: ignore[index]
    ok_json(run_cli(data_dir, "transition", code, "resubmit", "--user", OFFICER))
    ok_json(run_cli(data_dir, "transition", code, "transfer", "--user", OFFICER))
    ok_json(
        run_cli(
            data_dir,
            "transition",
            code,
            "stop",
            "--user",
            OFFICER,
            "--note",
            "Công dân đề nghị dừng",
        )
    )
    ok_json(run_cli(data_dir, "print", "stop-notice", code, "-o", str(out)))
    assert "Công dân đề nghị dừng" in flat(pdf_text(out.read_bytes()))


def test_print_the_book(prepared, data_dir, tmp_path):
    day = prepared.intake["received_at"][:10]
    out = tmp_path / "so.pdf"
    answer = ok_json(run_cli(data_dir, "print", "book", "--date", day, "-o", str(out)))
    assert answer["paper"] == "book" and answer["code"] is None  # type: ignore[index]
    assert prepared.code in pdf_text(out.read_bytes())
    ok_json(run_cli(data_dir, "print", "book", "--from", "2020-01-01", "--to", day, "-o", str(out)))
    refused(run_cli(data_dir, "print", "book", "--from", day, "-o", str(out)), "--from")
    refused(run_cli(data_dir, "print", "book", "--date", day, "--to", day, "-o", str(out)))
    refused(
        run_cli(
            data_dir, "print", "book", "--from", "2025-05-02", "--to", "2025-05-01", "-o", str(out)
        ),
        "2025-05-02",
    )
    refused(
        run_cli(data_dir, "print", "book", "--date", "24/04/2025", "-o", str(out)), "24/04/2025"
    )


def test_unknown_code_writes_nothing(data_dir, tmp_path):
    target = tmp_path / "x.pdf"
    before = fingerprint(data_dir)
    refused(
        run_cli(data_dir, "print", "receipt", "000.00.12.H37-250424-0999", "-o", str(target)),
        "Không tìm thấy hồ sơ",
        "000.00.12.H37-250424-0999",
    )
    refused(run_cli(data_dir, "print", "label", "không phải mã", "-o", str(target)))
    assert not target.exists()
    assert fingerprint(data_dir) == before


def test_unwritable_output_path(prepared, data_dir, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    for target in (tmp_path / "missing" / "x.pdf", blocker / "x.pdf"):
        refused(
            run_cli(data_dir, "print", "receipt", prepared.code, "-o", str(target)),
            "Không ghi được vào",
            str(target),
        )
    folder = tmp_path / "a-folder"
    folder.mkdir()
    refused(run_cli(data_dir, "print", "receipt", prepared.code, "-o", str(folder)), str(folder))
    assert list(folder.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "a-folder", "data"]


def test_an_existing_file_is_replaced_whole(prepared, data_dir, tmp_path):
    target = tmp_path / "receipt.pdf"
    target.write_bytes(b"old")
    ok_json(run_cli(data_dir, "print", "receipt", prepared.code, "-o", str(target)))
    assert target.read_bytes().startswith(b"%PDF-")


def test_paper_not_fitting_the_state(prepared, data_dir, tmp_path):
    target = tmp_path / "x.pdf"
    message = refused(
        run_cli(data_dir, "print", "refusal", prepared.code, "-o", str(target)),
        "phiếu từ chối tiếp nhận giải quyết hồ sơ",
        "Được tiếp nhận",
    )
    assert has_vietnamese(message)
    refused(
        run_cli(data_dir, "print", "supplement", prepared.code, "-o", str(target)),
        "chưa có yêu cầu bổ sung",
    )
    refused(run_cli(data_dir, "print", "stop-notice", prepared.code, "-o", str(target)))
    english = run_cli(
        data_dir, "--lang", "en", "print", "refusal", prepared.code, "-o", str(target)
    )
    refused(english, "Cannot print the refusal slip", "Received")
    assert not target.exists()


def test_apology_times(prepared, data_dir, tmp_path):
    target = tmp_path / "x.pdf"
    refused(
        run_cli(data_dir, "print", "apology", prepared.code, "--new-due", "mai", "-o", str(target)),
        "mai",
    )
    refused(
        run_cli(
            data_dir,
            "print",
            "apology",
            prepared.code,
            "--new-due",
            prepared.intake["due_at"],
            "-o",
            str(target),
        ),
        "phải sau",
    )
    missing = run_cli(data_dir, "print", "apology", prepared.code, "-o", str(target))
    assert missing.returncode == 2 and "--new-due" in missing.stderr
    assert not target.exists()


def test_bad_sizes(prepared, data_dir, tmp_path):
    target = tmp_path / "x.pdf"
    refused(
        run_cli(data_dir, "print", "receipt", prepared.code, "--size", "Letter", "-o", str(target)),
        "Letter",
        "A4, A5",
    )
    refused(
        run_cli(data_dir, "print", "label", prepared.code, "--size", "40x20", "-o", str(target)),
        "50x30, 60x40, 100x50, a4",
    )


def test_no_printer(prepared, data_dir):
    result = run_cli(data_dir, "print", "receipt", prepared.code, env=no_printer_env())
    refused(result, "Không tìm thấy máy in mặc định", "-o")
    english = run_cli(data_dir, "print", "label", prepared.code, env=no_printer_env("en"))
    refused(english, "No default printer")


def test_help_does_not_load_the_printing_libraries():
    probe = (
        "import sys\n"
        "from counter_app.main import main\n"
        "try:\n"
        "    main(['print', '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('reportlab', 'barcode', 'segno', 'PySide6') if m in sys.modules]\n"
        "print('HEAVY=' + ','.join(heavy), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        encoding="utf-8",
        env=cli_env(),
        timeout=60,
        check=False,
    )
    assert "HEAVY=\n" in done.stderr, done.stderr
    assert "receipt" in done.stdout and "stop-notice" in done.stdout


def test_print_json_is_machine_readable(prepared, data_dir, tmp_path):
    result = run_cli(data_dir, "print", "label", prepared.code, "-o", str(tmp_path / "l.pdf"))
    data = json.loads(result.stdout)
    assert set(data) == {"paper", "code", "title", "pages", "output", "bytes"}
