"""`counter-app amend`, run for real: the contract (any of the intake file's amendable keys, the
whole dossier back as `show` prints it), the refusals after transfer, and the corrected receipt
that says which one it replaces."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from counter_app.domain.clock import local, parse_iso
from tests.cli.test_cli import (
    OFFICER,
    PASSWORD_INPUT,
    Prepared,
    build_template,
    copy_template,
    fingerprint,
    has_vietnamese,
    ok_json,
    run_cli,
    write_json,
)
from tests.printing.conftest import decoded, flat, pdf_text, render_png

pytestmark = pytest.mark.slow  # each test runs the real program as a process

BOSS = "truong"


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Prepared:
    return build_template(tmp_path_factory.mktemp("amend-template"))


@pytest.fixture
def data_dir(prepared: Prepared, tmp_path: Path) -> Path:
    return copy_template(prepared, tmp_path)


def test_amend_changes_what_the_file_names_and_prints_the_whole_dossier(
    prepared: Prepared, data_dir: Path
) -> None:
    before = ok_json(run_cli(data_dir, "show", prepared.code))
    correction = {
        "applicant": {"phone": "0987 654 321", "full_name": "Nguyễn Văn Ân"},
        "documents": [{"name": "Tờ khai", "form": "original", "count": 1}],
        "note": "Bổ sung tờ khai còn thiếu",
    }
    shown = ok_json(
        run_cli(
            data_dir, "amend", prepared.code, "-", "--user", OFFICER,
            stdin=json.dumps(correction, ensure_ascii=False),
        )
    )  # fmt: skip
    assert isinstance(shown, dict) and isinstance(before, dict)
    assert shown == ok_json(run_cli(data_dir, "show", prepared.code))
    assert shown["applicant"]["phone"] == "0987654321"
    assert shown["applicant"]["full_name"] == "Nguyễn Văn Ân"
    assert shown["applicant"]["id_number"] == before["applicant"]["id_number"]  # not named: kept
    assert [d["name"] for d in shown["documents"]] == ["Tờ khai"]
    assert shown["note"] == "Bổ sung tờ khai còn thiếu"
    assert shown["status"] == "new" and shown["code"] == prepared.code
    assert shown["history"][-1]["action"] == "amend"
    assert shown["history"][-1]["actor"] == OFFICER


def test_after_transfer_an_officer_is_refused_and_a_supervisor_needs_a_reason(
    prepared: Prepared, data_dir: Path, tmp_path: Path
) -> None:
    ok_json(run_cli(data_dir, "user", "add", BOSS, "--role", "supervisor", stdin=PASSWORD_INPUT))
    ok_json(run_cli(data_dir, "transition", prepared.code, "transfer", "--user", OFFICER))
    file = write_json(tmp_path / "fix.json", {"applicant": {"phone": "0987654321"}})
    untouched = fingerprint(data_dir)
    refused = run_cli(data_dir, "amend", prepared.code, str(file), "--user", OFFICER)
    assert refused.returncode == 1 and refused.stdout == ""
    assert "lãnh đạo" in refused.stderr and has_vietnamese(refused.stderr)
    refused = run_cli(data_dir, "--lang", "en", "amend", prepared.code, str(file), "--user", BOSS)
    assert refused.returncode == 1 and "reason" in refused.stderr
    assert fingerprint(data_dir) == untouched
    supervised = ["amend", prepared.code, str(file), "--user", BOSS,
                  "--reason", "Công dân báo sai số điện thoại"]  # fmt: skip
    unsigned = run_cli(data_dir, "--lang", "en", *supervised, stdin="")
    assert unsigned.returncode == 1 and "password" in unsigned.stderr.lower()
    wrong = run_cli(data_dir, "--lang", "en", *supervised, stdin="not-the-password\n")
    assert wrong.returncode == 1 and wrong.stdout == ""
    kept = ok_json(run_cli(data_dir, "show", prepared.code))
    assert isinstance(kept, dict) and kept["applicant"]["phone"] != "0987654321"
    password = PASSWORD_INPUT.split("\n")[0] + "\n"  # a supervisor's decision is signed
    shown = ok_json(run_cli(data_dir, *supervised, stdin=password))
    assert isinstance(shown, dict)
    assert shown["applicant"]["phone"] == "0987654321" and shown["status"] == "processing"
    assert shown["history"][-1]["note"] == "Công dân báo sai số điện thoại"


def test_amend_refuses_what_an_intake_correction_cannot_change(
    prepared: Prepared, data_dir: Path
) -> None:
    untouched = fingerprint(data_dir)
    for body, words in (
        ({"procedure": "2.000908.000.00.00.H37"}, "procedure"),
        ({"applicant": {"phone": "12345"}}, "12345"),
        ({"sets": 1}, prepared.code),  # the same as entered: nothing to record
    ):
        refused = run_cli(
            data_dir, "amend", prepared.code, "-", "--user", OFFICER, stdin=json.dumps(body)
        )
        assert refused.returncode == 1 and refused.stdout == "", body
        assert words in refused.stderr and "Traceback" not in refused.stderr, body
    assert fingerprint(data_dir) == untouched


def test_the_receipt_of_a_corrected_dossier_replaces_the_earlier_one(
    prepared: Prepared, data_dir: Path, tmp_path: Path
) -> None:
    first = tmp_path / "first.pdf"
    ok_json(run_cli(data_dir, "print", "receipt", prepared.code, "-o", str(first)))
    assert "thay thế" not in flat(pdf_text(first.read_bytes()))
    file = write_json(tmp_path / "fix.json", {"applicant": {"phone": "0987654321"}})
    ok_json(run_cli(data_dir, "amend", prepared.code, str(file), "--user", OFFICER))
    corrected = tmp_path / "corrected.pdf"
    ok_json(run_cli(data_dir, "print", "receipt", prepared.code, "-o", str(corrected)))
    pdf = corrected.read_bytes()
    text = flat(pdf_text(pdf))
    received = local(parse_iso(prepared.intake["received_at"]))
    assert f"BẢN ĐÃ SỬA – thay thế phiếu in lúc {received:%H:%M} ngày {received:%d/%m/%Y}" in text
    assert "0987654321" in text and "0912345678" not in text
    read_back = flat(PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    assert "BẢN ĐÃ SỬA – thay thế phiếu in lúc" in read_back
    found = decoded(render_png(pdf, tmp_path, 200))
    assert prepared.code in [code for codes in found.values() for code in codes]
