"""Limits wherever a user or a file can make something huge or far: each is refused with a
clear message (Vietnamese by default), never "An unexpected error", never a traceback; through
the real command line and at the service level."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from counter_app.domain import limits
from counter_app.domain.catalog_file import catalog_from_json
from counter_app.domain.dossier import DossierFilter
from counter_app.domain.errors import CounterError, ValidationFailed
from counter_app.domain.lifecycle import Action
from counter_app.domain.messages import translate
from counter_app.services.accounts import Role
from counter_app.services.catalog import parse_json_text
from counter_app.services.demo import generate_dossiers
from counter_app.services.intake import request_from_json
from tests.cli import test_bad_input
from tests.cli.test_bad_input import assert_refused, unchanged
from tests.cli.test_cli import DB_NAME, OFFICER, run_cli
from tests.conftest import SMALL_CATALOG, TEN_DAYS, intake_json

FAR_DAYS = ("9999-12-31", "0001-01-01")
DEEP = 100_000  # brackets: far past the parser's recursion limit

# a private copy of a data folder with the small catalog, an officer and one dossier
prepared, data_dir = test_bad_input.prepared, test_bad_input.data_dir


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def _catalog(**duration: object) -> dict:
    catalog = json.loads(json.dumps(SMALL_CATALOG))
    catalog["procedures"][0]["duration"] = duration
    return catalog


# --- the file contents, at the service level

INTAKE_CASES = {
    "sets": (intake_json() | {"sets": 10**30}, "sets"),
    "sets_float": (intake_json() | {"sets": 1e308}, "sets"),
    "count": (intake_json() | {"documents": [{"name": "Tờ khai", "count": 10**9}]}, "documents"),
    "note": (intake_json() | {"note": "x" * (limits.NOTE_LIMIT + 1)}, "note"),
    "name": (intake_json(full_name="A" * (limits.NAME_LIMIT + 1)), "full_name"),
    "document_name": (
        intake_json() | {"documents": [{"name": "x" * (limits.CATALOG_TEXT_LIMIT + 1)}]},
        "documents",
    ),
    "fee_total": (
        intake_json() | {"fees": [{"name": "Lệ phí", "amount": limits.MAX_FEE, "quantity": 2}]},
        "fees",
    ),
    "birth_year_1": (intake_json(birth_date="0001-01-01"), "birth_date"),
    "birth_year_9999": (intake_json(birth_date="9999-12-31"), "birth_date"),
}


@pytest.mark.parametrize("case", list(INTAKE_CASES))
def test_intake_limits_at_the_service(ws, officer, case):
    data, field = INTAKE_CASES[case]
    with pytest.raises(ValidationFailed) as refused:
        ws.intake.receive(request_from_json(data), user=officer)
    assert field in [p.field for p in refused.value.problems]
    assert refused.value.message("en")


@pytest.mark.parametrize("key", ["documents", "fees"])
def test_intake_lists_are_bounded(key):
    item = {"name": "Tờ khai", "count": 1, "amount": 0}
    with pytest.raises(CounterError) as refused:
        request_from_json(intake_json() | {key: [item] * 10_000})
    assert refused.value.key == "input.too_many"


def test_deeply_nested_json_is_refused():
    with pytest.raises(CounterError) as refused:
        parse_json_text('{"applicant": ' + _nested(DEEP) + "}")
    assert refused.value.key == "json.too_deep"


@pytest.mark.parametrize(
    "duration",
    [
        {"unit": "working_days", "amount": 1e308},
        {"unit": "calendar_days", "amount": "1e30"},
        {"unit": "working_days", "amount": limits.MAX_DURATION_DAYS + 1},
        {"unit": "working_hours", "amount": limits.MAX_DURATION_HOURS + 1},
    ],
)
def test_catalog_durations_are_bounded(duration):
    with pytest.raises(CounterError) as refused:
        catalog_from_json(_catalog(**duration))
    assert "procedures[0].duration.amount" in refused.value.message("en")


def test_the_longest_catalog_duration_still_gives_a_due_time(ws, officer):
    ws.catalog.import_catalog(
        catalog_from_json(_catalog(unit="working_days", amount=limits.MAX_DURATION_DAYS))
    )
    procedure = SMALL_CATALOG["procedures"][0]["code"]  # type: ignore[index]
    dossier = ws.intake.receive(request_from_json(intake_json(procedure)), user=officer)
    assert dossier.due_at is not None and dossier.due_at.year <= limits.LAST_WORK_YEAR + 10


def test_duration_reason_names_the_limits():
    text = translate("catalog.reason.duration_long", "en")
    assert str(limits.MAX_DURATION_DAYS) in text and str(limits.MAX_DURATION_HOURS) in text


@pytest.mark.parametrize("day", [date(9999, 12, 31), date(1, 1, 1)])
def test_far_days_are_refused_by_the_services(ws, officer, day):
    supervisor = ws.accounts.add_user("lanhdao", Role.SUPERVISOR, "matkhau123", "Lê Văn Cường")
    for attempt in (
        lambda: ws.dossiers.find(DossierFilter(day=day)),
        lambda: ws.dossiers.count(DossierFilter(date_from=day)),
        lambda: ws.reports.daily(day, user=supervisor),
        lambda: ws.reports.period(day, day, user=supervisor),
        lambda: ws.papers.tracking_book(day),
    ):
        with pytest.raises(CounterError) as refused:
            attempt()
        assert refused.value.key == "input.date_range"


def test_counts_are_bounded_at_the_service(ws, officer):
    for criteria in (DossierFilter(limit=0), DossierFilter(limit=10**20)):
        with pytest.raises(CounterError) as refused:
            ws.dossiers.find(criteria)
        assert refused.value.key == "input.range"
    for count, days in ((10**12, 1), (1, 10**21), (0, 1)):
        with pytest.raises(CounterError) as refused:
            generate_dossiers(ws, count=count, days=days)
        assert refused.value.key == "input.range"


# --- through the command line


# Each runs the real program as a process (a second or so, 29 tests): they are left to the
# full run, while the same limits are checked at the services above in the quick loop.
CLI = pytest.mark.slow


@CLI
@pytest.mark.parametrize("case", ["sets", "count", "note", "name", "fee_total", "birth_year_1"])
def test_cli_intake_limits(data_dir: Path, case):
    data, _ = INTAKE_CASES[case]
    path = data_dir.parent / "request.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with unchanged(data_dir):
        assert_refused(run_cli(data_dir, "intake", str(path), "--user", OFFICER))


@CLI
@pytest.mark.parametrize("command", ["intake", "catalog"])
def test_cli_deeply_nested_files(data_dir: Path, command):
    path = data_dir.parent / "deep.json"
    path.write_text('{"procedure": "x", "applicant": ' + _nested(DEEP) + "}", encoding="utf-8")
    args = ["intake", str(path), "--user", OFFICER] if command == "intake" else [
        "catalog", "import", str(path)]  # fmt: skip
    with unchanged(data_dir):
        assert_refused(run_cli(data_dir, *args))


@CLI
def test_cli_catalog_with_an_endless_duration(data_dir: Path):
    path = data_dir.parent / "catalog.json"
    path.write_text(json.dumps(_catalog(unit="working_days", amount=1e308)), encoding="utf-8")
    with unchanged(data_dir):
        assert_refused(run_cli(data_dir, "catalog", "import", str(path)), "duration.amount")
    request = data_dir.parent / "request.json"
    request.write_text(json.dumps(intake_json(TEN_DAYS)), encoding="utf-8")
    assert run_cli(data_dir, "intake", str(request), "--user", OFFICER).returncode == 0


@CLI
@pytest.mark.parametrize("day", FAR_DAYS)
@pytest.mark.parametrize(
    "command",
    [
        ["list", "--date", "{day}"],
        ["report", "daily", "--date", "{day}"],
        ["report", "period", "--from", "{day}", "--to", "{day}"],
        ["report", "book", "--from", "{day}", "--to", "{day}", "--xlsx", "{out}.xlsx"],
        ["print", "book", "--date", "{day}", "-o", "{out}.pdf"],
    ],
)
def test_cli_far_dates(data_dir: Path, command, day):
    out = str(data_dir.parent / "out")
    args = [part.format(day=day, out=out) for part in command]
    with unchanged(data_dir):
        assert_refused(run_cli(data_dir, *args), day)


@CLI
@pytest.mark.parametrize(
    "args",
    [
        ["list", "--limit", str(10**20)],
        ["demo-data", "--dossiers", str(10**12)],
        ["demo-data", "--dossiers", "1", "--days", str(10**8)],
        ["demo-data", "--dossiers", "1", "--days", str(10**21)],
    ],
)
def test_cli_counts(data_dir: Path, args):
    with unchanged(data_dir):
        assert_refused(run_cli(data_dir, *args), args[-1])


def test_single_fields_are_bounded_at_the_service(ws, officer):
    dossier = ws.intake.receive(request_from_json(intake_json()), user=officer)
    too_long = "x" * (limits.NOTE_LIMIT + 1)
    supervisor = ws.accounts.add_user("lanhdao", Role.SUPERVISOR, "matkhau123", "Lê Văn Cường")
    admin = ws.accounts.add_user("quantri", Role.ADMIN, "matkhau123", "Đỗ Văn Hùng")
    for attempt in (
        lambda: ws.dossiers.transition(dossier.code, Action.TRANSFER, user=officer, note=too_long),
        lambda: ws.accounts.add_user("minh", Role.STAFF, "matkhau123", "M" * 201),
        lambda: ws.papers.apology(dossier.code, new_due=None, reason=too_long),
        lambda: ws.accounts.update_user("canbo", by=admin, full_name="M" * 201),
        lambda: ws.reports.sign_off(
            dossier.received_at.date(), cash_counted=0, user=supervisor, note=too_long
        ),
    ):
        with pytest.raises(ValidationFailed) as refused:
            attempt()
        assert refused.value.key == "text.too_long"
    assert ws.dossiers.get(dossier.code).status.value == "new"


@CLI
def test_cli_single_fields(data_dir: Path, prepared):
    with unchanged(data_dir):
        note = "x" * (limits.NOTE_LIMIT + 1)
        args = ("transition", prepared.code, "transfer", "--user", OFFICER, "--note", note)
        assert_refused(run_cli(data_dir, *args), str(limits.NOTE_LIMIT))
        assert_refused(
            run_cli(data_dir, "user", "add", "minh", "--role", "staff", "--full-name", "M" * 201,
                    stdin="matkhau123\nmatkhau123\n"),
            str(limits.NAME_LIMIT),
        )  # fmt: skip


def _endless_stored_duration(database_path: Path) -> None:
    """A procedure as an older version could have imported it (or pulled it from central)."""
    with closing(sqlite3.connect(database_path)) as db, db:
        db.execute("UPDATE procedures SET duration_amount = '1e308' WHERE code = ?", (TEN_DAYS,))


def test_a_stored_endless_duration_refuses_intake_clearly(ws, officer):
    _endless_stored_duration(ws.database.path)
    ws.catalog.invalidate()
    with pytest.raises(CounterError) as refused:
        ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=officer)
    assert refused.value.key == "procedure.duration"


@CLI
def test_cli_intake_of_a_procedure_with_a_stored_endless_duration(data_dir: Path):
    _endless_stored_duration(data_dir / DB_NAME)
    path = data_dir.parent / "request.json"
    path.write_text(json.dumps(intake_json(TEN_DAYS)), encoding="utf-8")
    assert_refused(run_cli(data_dir, "intake", str(path), "--user", OFFICER), TEN_DAYS)
