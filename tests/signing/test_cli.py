"""`sign`, `verify` and `papers` run for real, the PIN on stdin."""

from __future__ import annotations

import pytest

from counter_app.services.accounts import Role
from tests.cli.test_cli import ok_json, run_cli
from tests.digitising.conftest import pdf_bytes
from tests.signing.pki import USER_PIN


@pytest.mark.slow
def test_sign_verify_and_papers_from_the_command_line(signing_ws, dossier, tmp_path):  # type: ignore[no-untyped-def]
    data = signing_ws.data_dir
    signed = ok_json(
        run_cli(
            data, "sign", dossier.code, "--user", "canbo", "--what", "all", stdin=USER_PIN + "\n"
        )
    )
    assert isinstance(signed, dict) and set(signed) == {"signed"}
    assert len(signed["signed"]) == 4
    for item in signed["signed"]:
        assert {"file", "sha256", "signer", "signed_at"} <= set(item)
        assert item["signer"] == "Cán bộ signer" and item["signed_at"].endswith("+07:00")
        verdict = ok_json(run_cli(data, "verify", item["file"]))
        assert verdict == {
            "signed": True,
            "valid": True,
            "intact": True,
            "signer": "Cán bộ signer",
            "signed_at": item["signed_at"],
            "reason": "Chữ ký số hợp lệ, tài liệu không bị thay đổi.",
        }
    papers = ok_json(run_cli(data, "papers", "020090001234"))
    assert isinstance(papers, list) and len(papers) == 2
    assert {paper["kind"] for paper in papers} == {
        item["component"] for item in signed["signed"] if item["what"] == "component"
    }
    assert all(paper["expired"] is False for paper in papers)
    first = papers[0]["id"]
    needs = run_cli(data, "--lang", "en", "papers", "020090001234", "--set-validity", first)
    assert needs.returncode == 1 and "needs --user" in needs.stderr
    validity = ("papers", "020090001234", "--user", "canbo", "--set-validity", first)
    bad_day = run_cli(data, *validity, "--issued", "2020-02-30")
    assert bad_day.returncode == 1 and "2020-02-30" in bad_day.stderr
    dates = ("--issued", "1998-05-04", "--expires", "2024-05-04")
    corrected = ok_json(run_cli(data, *validity, *dates))
    assert isinstance(corrected, list)
    (paper,) = [paper for paper in corrected if paper["id"] == first]
    assert (paper["issued_on"], paper["expires_on"], paper["expired"]) == (
        "1998-05-04",
        "2024-05-04",
        True,
    )
    signing_ws.accounts.add_user("quantri", Role.ADMIN, "matkhau123", "Quản trị")
    denied = run_cli(data, "--lang", "en", "papers", "020090001234", "--user", "quantri")
    assert denied.returncode == 1 and denied.stdout == ""
    assert "may not see the citizens' paper store" in denied.stderr


@pytest.mark.slow  # runs the real program as a process
def test_a_wrong_pin_is_one_clear_line_and_nothing_printed(signing_ws, dossier):  # type: ignore[no-untyped-def]
    result = run_cli(
        signing_ws.data_dir,
        "--lang",
        "en",
        "sign",
        dossier.code,
        "--user",
        "canbo",
        stdin="111111\n",
    )
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.strip().startswith("Wrong PIN.")
    assert "Traceback" not in result.stderr
    assert signing_ws.signing.signed_copies(dossier.code) == []


@pytest.mark.slow  # runs the real program as a process
def test_verify_an_unsigned_or_missing_file(signing_ws, tmp_path):  # type: ignore[no-untyped-def]
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(pdf_bytes(1))
    verdict = ok_json(run_cli(signing_ws.data_dir, "--lang", "en", "verify", str(plain)))
    assert verdict["signed"] is False and verdict["reason"] == "The document is not signed."
    missing = run_cli(signing_ws.data_dir, "verify", str(tmp_path / "none.pdf"))
    assert missing.returncode == 1 and missing.stdout == "" and "none.pdf" in missing.stderr
