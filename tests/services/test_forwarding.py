"""Receiving regardless of residence and of the handling agency's area (issue 14, Decree
118/2025/NĐ-CP): a counter takes a dossier for an agency it does not serve, says on the receipt
where the result will be returned ("return_at", default this counter), and forwards it to the
handling agency by the transfer move, recorded like any move (history, outbox, audit) and
named on the control sheet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counter_app.domain.errors import ValidationFailed
from counter_app.domain.lifecycle import Action
from counter_app.services.intake import request_from_json
from tests.cli.test_cli import OFFICER, ok_json, run_cli
from tests.conftest import AGENCY, CALENDAR, OTHER_AGENCY, intake_json
from tests.printing.conftest import flat, pdf_text

ELSEWHERE = "Thôn Khuổi Tẳng, xã Mẫu Sơn, tỉnh Lạng Sơn"


@pytest.fixture
def papers(ws):  # type: ignore[no-untyped-def]
    from counter_app.services.printing import PaperService

    return PaperService(ws.dossiers, ws.catalog, ws.accounts, ws.settings, invariant=True)


def _receive(ws, officer, **more):  # type: ignore[no-untyped-def]
    data = intake_json(CALENDAR, address=ELSEWHERE) | more
    return ws.intake.receive(request_from_json(data), user=officer)


def test_the_receipt_names_the_agency_that_returns_the_result(ws, officer, papers):
    ws.settings.set("counter.name", "Bộ phận Một cửa Sở Tư pháp")
    ws.catalog.set_served_agencies({AGENCY})
    dossier = _receive(ws, officer, return_at=AGENCY.lower())
    assert (dossier.agency_code, dossier.return_at) == (OTHER_AGENCY, AGENCY)
    assert ws.dossiers.get(dossier.code).return_at == AGENCY
    text = flat(pdf_text(papers.receipt(dossier.code).pdf))
    assert "6. Đăng ký nhận kết quả tại: Sở Tư pháp tỉnh Lạng Sơn" in text


def test_without_return_at_the_result_comes_back_to_this_counter(ws, officer, papers):
    ws.settings.set("counter.name", "Bộ phận Một cửa phường Tam Thanh")
    dossier = _receive(ws, officer)
    assert dossier.return_at == ""
    text = flat(pdf_text(papers.receipt(dossier.code).pdf))
    assert "6. Đăng ký nhận kết quả tại: Bộ phận Một cửa phường Tam Thanh" in text


def test_an_unknown_place_of_return_is_refused_and_nothing_is_written(ws, officer):
    with pytest.raises(ValidationFailed) as refused:
        _receive(ws, officer, return_at="000.00.77.H37")
    assert [p.field for p in refused.value.problems] == ["return_at"]
    assert refused.value.message("vi") == (
        "Nơi trả kết quả 000.00.77.H37 không có trong danh mục cơ quan."
    )
    assert "000.00.77.H37" in refused.value.message("en")
    assert ws.dossiers.outbox_size() == 0


def test_forwarding_to_the_handling_agency_is_a_recorded_move(ws, officer, papers):
    ws.catalog.set_served_agencies({AGENCY})
    dossier = _receive(ws, officer, return_at=AGENCY)
    audited = ws.audit.verify()
    ws.dossiers.transition(dossier.code, Action.TRANSFER, user=officer)
    forwarded = ws.dossiers.get(dossier.code)
    assert [e.action for e in forwarded.history] == ["receive", "transfer"]
    assert ws.dossiers.outbox_size() == 2
    assert ws.audit.verify() == audited + 1  # its audit line, the chain intact
    sheet = flat(pdf_text(papers.control_sheet(dossier.code).pdf))
    assert "→ Sở Xây dựng tỉnh Lạng Sơn" in sheet


@pytest.mark.slow  # runs the real program as a process
def test_the_intake_file_takes_return_at(tmp_path: Path):
    from tests.conftest import SMALL_CATALOG

    data = tmp_path / "data"
    catalog = tmp_path / "catalog.json"
    catalog.write_text(json.dumps(SMALL_CATALOG, ensure_ascii=False), encoding="utf-8")
    ok_json(run_cli(data, "init"))
    ok_json(run_cli(data, "catalog", "import", str(catalog)))
    ok_json(
        run_cli(data, "user", "add", OFFICER, "--role", "staff", stdin="matkhau123\nmatkhau123\n")
    )
    request = intake_json(CALENDAR, address=ELSEWHERE) | {"return_at": AGENCY}
    answer = ok_json(run_cli(data, "intake", "-", "--user", OFFICER, stdin=json.dumps(request)))
    assert isinstance(answer, dict)
    shown = ok_json(run_cli(data, "show", answer["code"]))
    assert isinstance(shown, dict)
    assert (shown["agency"], shown["return_at"]) == (OTHER_AGENCY, AGENCY)
    refused = run_cli(
        data, "--lang", "en", "intake", "-", "--user", OFFICER,
        stdin=json.dumps(request | {"return_at": "000.00.77.H37"}),
    )  # fmt: skip
    assert refused.returncode != 0 and refused.stdout == ""
    assert "The place of return 000.00.77.H37 is not an agency of the catalog." in refused.stderr
