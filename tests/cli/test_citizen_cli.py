"""The command line of issue 18, run for real: `rate` (once, never with an officer's login),
`notices [--code]` and `notices send`, `transition … pay --method --reference`, the consent in
the intake file, the ratings in `report daily`."""

from __future__ import annotations

import pytest

from tests.cli.test_cli import (
    OFFICER,
    Prepared,
    build_template,
    copy_template,
    ok_json,
    run_cli,
    write_json,
)
from tests.conftest import intake_json


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Prepared:
    return build_template(tmp_path_factory.mktemp("citizen-cli"))


@pytest.fixture
def data_dir(prepared: Prepared, tmp_path):  # type: ignore[no-untyped-def]
    return copy_template(prepared, tmp_path)


@pytest.mark.slow
def test_rate_once_and_the_days_figures(prepared, data_dir):
    code = prepared.code
    rating = ok_json(run_cli(data_dir, "rate", code, "dissatisfied", "--reason", "waiting,fees"))
    assert (rating["code"], rating["occasion"], rating["level"]) == (code, "intake", "dissatisfied")
    assert rating["reasons"] == ["waiting", "fees"] and rating["officer"] == OFFICER
    again = run_cli(data_dir, "--lang", "en", "rate", code, "satisfied")
    assert again.returncode == 1 and "already rated" in again.stderr and again.stdout == ""
    day = rating["at"][:10]
    figures = ok_json(run_cli(data_dir, "report", "daily", "--date", day))
    assert figures["ratings"] == {"very_satisfied": 0, "satisfied": 0, "dissatisfied": 1}


@pytest.mark.slow  # runs the real program as a process
def test_an_officers_login_cannot_rate(prepared, data_dir):
    refused = run_cli(data_dir, "rate", prepared.code, "very_satisfied", "--user", OFFICER)
    assert refused.returncode == 1 and OFFICER in refused.stderr
    assert "Traceback" not in refused.stderr
    bad = run_cli(data_dir, "rate", prepared.code, "great")
    assert bad.returncode == 2


@pytest.mark.slow
def test_consent_notices_and_paying_by_transfer(prepared, data_dir):
    data = intake_json()
    data["applicant"]["consent"] = {"notices": True}
    data["payment"] = {"method": "unpaid"}  # left for the payment request
    intake = write_json(data_dir.parent / "consent.json", data)
    code = ok_json(run_cli(data_dir, "intake", str(intake), "--user", OFFICER))["code"]
    assert ok_json(run_cli(data_dir, "show", code))["applicant"]["consent"] == {"notices": True}
    for action in ("transfer", "request-payment"):
        ok_json(run_cli(data_dir, "transition", code, action, "--user", OFFICER, "--note", "Phí"))
    request = data_dir.parent / "payment-request.pdf"
    printed = ok_json(run_cli(data_dir, "print", "payment-request", code, "-o", str(request)))
    assert (printed["paper"], printed["code"], printed["pages"]) == ("payment-request", code, 1)
    assert request.read_bytes().startswith(b"%PDF")
    no_reference = run_cli(
        data_dir, "transition", code, "pay", "--user", OFFICER, "--method", "transfer"
    )
    assert no_reference.returncode == 1 and "tham chiếu" in no_reference.stderr
    ok_json(
        run_cli(
            data_dir, "transition", code, "pay", "--user", OFFICER,
            "--method", "transfer", "--reference", "FT26340123",
        )
    )  # fmt: skip
    ok_json(run_cli(data_dir, "transition", code, "resolve", "--user", OFFICER))
    queued = ok_json(run_cli(data_dir, "notices", "--code", code))
    assert [(n["kind"], n["channel"], n["state"]) for n in queued] == [
        ("result_ready", "email", "waiting"),
        ("result_ready", "sms", "waiting"),
    ]
    # nothing set up: both wait, none is lost or counted as a try
    assert ok_json(run_cli(data_dir, "notices", "send")) == {"sent": 0, "failed": 0, "waiting": 2}
    waiting = ok_json(run_cli(data_dir, "notices", "--code", code))
    assert [n["attempts"] for n in waiting] == [0, 0]
    day = waiting[0]["queued_at"][:10]
    figures = ok_json(run_cli(data_dir, "report", "daily", "--date", day))
    assert figures["payments_by_method"]["transfer"] == 200000
    assert figures["payments"]["transfer"] == {"count": 1, "amount": 200000}
    assert figures["payments"]["card"] == {"count": 0, "amount": 0}
    # the template's dossier paid its fee in cash at intake: the only cash of the day
    assert figures["payments"]["cash"]["amount"] == figures["cash_fees"]


@pytest.mark.slow
def test_the_intake_files_payment_reaches_the_daily_review(data_dir, tmp_path):  # type: ignore[no-untyped-def]
    """The file's "payment": a transfer without its reference is refused and nothing is
    written; with it, `report daily` counts it by method and its cash is the cash recorded.
    The template's one dossier paid its fee in cash at intake."""
    data = intake_json()
    data["payment"] = {"method": "transfer"}
    no_reference = run_cli(data_dir, "intake", str(write_json(tmp_path / "a.json", data)),
                           "--user", OFFICER)  # fmt: skip
    assert no_reference.returncode == 1 and "tham chiếu" in no_reference.stderr
    assert "Traceback" not in no_reference.stderr and no_reference.stdout == ""
    assert len(ok_json(run_cli(data_dir, "list"))) == 1  # nothing written
    data["payment"] = {"method": "transfer", "reference": "FT26340999"}
    taken = ok_json(
        run_cli(data_dir, "intake", str(write_json(tmp_path / "b.json", data)), "--user", OFFICER)
    )
    data["payment"] = {"method": "unpaid"}
    unpaid = write_json(tmp_path / "c.json", data)
    ok_json(run_cli(data_dir, "intake", str(unpaid), "--user", OFFICER))
    day = taken["received_at"][:10]
    figures = ok_json(run_cli(data_dir, "report", "daily", "--date", day))
    assert figures["payments"] == {
        "cash": {"count": 1, "amount": 200000},
        "transfer": {"count": 1, "amount": 200000},
        "card": {"count": 0, "amount": 0},
    }
    assert figures["cash_fees"] == 200000  # the transfer and the fee left due are not cash
    assert figures["fees_total"] == 600000
