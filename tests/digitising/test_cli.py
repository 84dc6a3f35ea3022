"""`attach`, `show` with its attachments and `print digitised`, as the officer runs them."""

from __future__ import annotations

import hashlib
import json

import pytest
from pypdf import PdfReader

from tests.cli.test_cli import ok_json, run_cli
from tests.digitising.conftest import COMPONENT, write_page

pytestmark = pytest.mark.slow  # each test runs the real program as a process


def test_attach_show_and_print_digitised(ws, dossier, scans, tmp_path):
    data_dir = ws.data_dir
    ws.close()
    pages = [write_page(scans, f"p{i}.png", seed=i) for i in range(2)]
    attached = ok_json(run_cli(data_dir, "attach", dossier.code, *map(str, pages),
                               "--component", COMPONENT, "--user", "canbo"))  # fmt: skip
    assert [a["order"] for a in attached["attached"]] == [1, 2]
    shown = ok_json(run_cli(data_dir, "show", dossier.code))
    digests = [hashlib.sha256(p.read_bytes()).hexdigest() for p in pages]
    assert [a["sha256"] for a in shown["attachments"]] == digests
    first = shown["attachments"][0]
    assert set(first) >= {"sha256", "component", "order", "pages", "by", "at", "media_type",
                          "size"}  # fmt: skip
    assert first["by"] == "canbo" and first["media_type"] == "image/png"
    assert first["at"].endswith("+07:00")
    output = tmp_path / "hs.pdf"
    printed = ok_json(run_cli(data_dir, "print", "digitised", dossier.code, "-o", str(output)))
    assert printed["pages"] == 3
    assert len(PdfReader(output).pages) == 3


def test_bad_scan_is_one_line_on_stderr(ws, dossier, scans):
    data_dir = ws.data_dir
    ws.close()
    empty = scans / "empty.jpg"
    empty.write_bytes(b"")
    result = run_cli(data_dir, "--lang", "en", "attach", dossier.code, str(empty),
                     "--component", COMPONENT, "--user", "canbo")  # fmt: skip
    assert result.returncode != 0 and result.stdout == ""
    assert result.stderr.strip().count("\n") == 0 and "empty" in result.stderr
    shown = json.loads(run_cli(data_dir, "show", dossier.code).stdout)
    assert shown["attachments"] == []


PASSWORD = "matkhau123\n"  # canbo's: detach asks for it


def test_detach_by_sha256_or_id_is_audited(ws, dossier, scans):
    data_dir = ws.data_dir
    ws.close()
    pages = [write_page(scans, f"p{i}.png", seed=i) for i in range(2)]
    ok_json(run_cli(data_dir, "attach", dossier.code, *map(str, pages),
                    "--component", COMPONENT, "--user", "canbo"))  # fmt: skip
    first, second = ok_json(run_cli(data_dir, "show", dossier.code))["attachments"]
    detached = ok_json(run_cli(data_dir, "detach", dossier.code, first["sha256"].upper(),
                               "--user", "canbo", "--reason", "quét nhầm",
                               stdin=PASSWORD))  # fmt: skip
    assert detached["detached"]["sha256"] == first["sha256"]
    assert detached["code"] == dossier.code and detached["reason"] == "quét nhầm"
    ok_json(
        run_cli(data_dir, "detach", dossier.code, str(second["id"]), "--user", "canbo",
                stdin=PASSWORD)
    )  # fmt: skip
    assert ok_json(run_cli(data_dir, "show", dossier.code))["attachments"] == []
    from counter_app.services.workspace import Workspace
    from counter_app.store.models import AuditRow

    reopened = Workspace(data_dir)
    try:
        with reopened.database.read() as session:
            rows = session.query(AuditRow).filter(AuditRow.action == "attachment.remove").all()
        assert [row.actor for row in rows] == ["canbo", "canbo"]
        assert rows[0].detail["reason"] == "quét nhầm" and "reason" not in rows[1].detail
        assert reopened.audit.verify() > 0
    finally:
        reopened.close()


def test_detach_of_an_unknown_scan_is_one_line_on_stderr(ws, dossier):
    data_dir = ws.data_dir
    ws.close()
    result = run_cli(data_dir, "--lang", "en", "detach", dossier.code, "0" * 64, "--user", "canbo",
                     stdin=PASSWORD)  # fmt: skip
    assert result.returncode != 0 and result.stdout == ""
    assert result.stderr.strip().count("\n") == 0 and "no attachment" in result.stderr
