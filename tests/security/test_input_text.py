"""Poisoned text at every boundary: NUL and other control characters, lone surrogates,
zero-width-only names and right-to-left overrides are cleaned away or refused with a message
by the one domain rule (`text.check_text` over `text.clean`), never stored as they came."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.catalog_file import catalog_from_json
from counter_app.domain.errors import CounterError, Problem, ValidationFailed
from counter_app.domain.lifecycle import Action
from counter_app.domain.text import check_text, clean, unstorable_at
from counter_app.services.accounts import Role
from counter_app.services.intake import request_from_json
from tests.cli import test_bad_input
from tests.cli.test_bad_input import assert_refused
from tests.cli.test_cli import OFFICER, ok_json, run_cli
from tests.conftest import SMALL_CATALOG, intake_json

RTL_OVERRIDE = "\u202e"
ZERO_WIDTH = "\u200b\u200c\u200d\ufeff\u2060"
UNSAFE = ("Cc", "Cf", "Cs")

# a private copy of a data folder with the small catalog, an officer and one dossier
prepared, data_dir = test_bad_input.prepared, test_bad_input.data_dir


@given(st.text(), st.booleans(), st.integers(min_value=1, max_value=50))
def test_any_text_is_refused_or_safe(value, required, limit):
    problems: list[Problem] = []
    text = check_text(problems, "full_name", value, limit, required=required)
    if problems:
        assert problems[0].message("en")  # a message, in words
        return
    assert not any(unicodedata.category(char) in UNSAFE for char in text)
    assert text == unicodedata.normalize("NFC", text)
    assert text == text.strip() and "  " not in text
    assert len(text) <= limit
    assert text or not required  # never empty yet accepted as given
    assert unstorable_at({"name": text}) is None


_JSON_LEAVES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(), st.just("\\u0000"), st.just("a\x00b")
)
_JSON = st.recursive(
    _JSON_LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


def _unstorable_texts(data: object) -> list[str]:
    if isinstance(data, str):
        return [data] if "\x00" in data or any(0xD800 <= ord(c) <= 0xDFFF for c in data) else []
    if isinstance(data, dict):
        return [t for value in data.values() for t in _unstorable_texts(value)]
    if isinstance(data, list):
        return [t for value in data for t in _unstorable_texts(value)]
    return []


@given(_JSON)
def test_unstorable_text_is_found_wherever_it_lies(data):
    # the quick look over the JSON text and the walk that says where agree with the definition
    where = unstorable_at(data)
    assert (where is not None) == bool(_unstorable_texts(data))


@given(st.text())
def test_clean_is_safe_and_stable(value):
    text = clean(value)
    assert not any(unicodedata.category(char) in UNSAFE for char in text)
    assert clean(text) == text
    json.dumps(text).encode("utf-8")  # what the store and central write


@pytest.mark.parametrize(
    ("given_name", "kept"),
    [
        ("Nguyễn\x00Văn An", "Nguyễn Văn An"),
        ("Lê\u202e Văn Cường", "Lê Văn Cường"),
        ("Trần\u200bThị\tBình\r\n", "TrầnThị Bình"),
        ("Nguye\u0302\u0303n", "Nguyễn"),  # decomposed, as some input methods send it
    ],
)
def test_names_are_cleaned(given_name, kept):
    problems: list[Problem] = []
    assert check_text(problems, "full_name", given_name, 200, required=True) == kept
    assert problems == []


@pytest.mark.parametrize("given_name", [ZERO_WIDTH, " \x00 ", RTL_OVERRIDE + "\u200b"])
def test_a_name_of_invisible_characters_is_missing(given_name):
    problems: list[Problem] = []
    check_text(problems, "full_name", given_name, 200, required=True)
    assert [p.key for p in problems] == ["field.required"]


def test_a_broken_character_is_refused_not_guessed():
    problems: list[Problem] = []
    check_text(problems, "full_name", "Trần \ud800Bình", 200, required=True)
    assert [p.key for p in problems] == ["text.broken"]
    assert "full name" in problems[0].message("en")


def test_unstorable_names_where():
    assert unstorable_at({"a": [{"b": "x"}, {"c": "y\x00"}]}) == "a[1].c"
    assert unstorable_at({"a": "\udc80"}) == "a"
    assert unstorable_at({"a": ["fine", 1, None]}) is None


# --- the boundaries


def test_intake_cleans_and_refuses(ws, officer):
    request = request_from_json(
        intake_json(full_name="Nguyễn\x00 Văn\u202e An", address="Số 5\x1b[31m")
        | {"note": "gọi\x00 lại", "documents": [{"name": "Tờ\u200b khai", "count": 1}]}
    )
    dossier = ws.intake.receive(request, user=officer)
    assert dossier.applicant.full_name == "Nguyễn Văn An"
    assert dossier.applicant.address == "Số 5 [31m"
    assert dossier.note == "gọi lại"
    assert dossier.documents[0].name == "Tờ khai"
    for bad in (ZERO_WIDTH, "An \udc80"):
        with pytest.raises(ValidationFailed) as refused:
            ws.intake.receive(request_from_json(intake_json(full_name=bad)), user=officer)
        assert refused.value.problems[0].field == "full_name"
    request = request_from_json(intake_json() | {"documents": [{"name": ZERO_WIDTH}]})
    assert [p.field for p in request.problems] == ["documents"]


def test_transition_note_and_account_name_are_cleaned(ws, officer):
    dossier = ws.intake.receive(request_from_json(intake_json()), user=officer)
    moved = ws.dossiers.transition(dossier.code, Action.TRANSFER, user=officer, note="a\x00b")
    assert moved.history[-1].note == "a b"
    with pytest.raises(CounterError) as refused:
        ws.dossiers.transition(dossier.code, Action.STOP, user=officer, note=ZERO_WIDTH)
    assert refused.value.key == "lifecycle.note_required"
    user = ws.accounts.add_user("lanhdao", Role.SUPERVISOR, "matkhau123", "Lê\u202e Văn\x00 Cường")
    assert user.full_name == "Lê Văn Cường"


def test_detach_reason_and_apology_reason_are_cleaned(ws, officer, tmp_path):
    from sqlalchemy import select

    from counter_app.store.models import AuditRow
    from tests.digitising.conftest import write_page

    dossier = ws.intake.receive(request_from_json(intake_json()), user=officer)
    (item,) = ws.attachments.attach(
        dossier.code,
        [write_page(tmp_path, "p.png")],
        component=dossier.documents[0].name,
        user=officer,
    )
    ws.attachments.remove(dossier.code, item.sha256, user=officer, reason="quét\x00 lỗi\u202e")
    with ws.database.read() as session:
        detail = session.scalars(
            select(AuditRow.detail).where(AuditRow.action == "attachment.remove")
        ).one()
    assert detail["reason"] == "quét lỗi"
    with pytest.raises(ValidationFailed) as refused:
        ws.papers.apology(dossier.code, new_due=None, reason="lỗi \udc80")
    assert refused.value.key == "text.broken"


def test_catalog_import_cleans_and_refuses():
    catalog = json.loads(json.dumps(SMALL_CATALOG))
    catalog["procedures"][0]["name"] = "Cấp\x00 giấy\u202e phép"
    assert catalog_from_json(catalog).procedures[0].name == "Cấp giấy phép"
    catalog["procedures"][0]["name"] = "Cấp \ud800"
    with pytest.raises(CounterError) as refused:
        catalog_from_json(catalog)
    assert "procedures[0].name" in refused.value.message("en")
    assert "broken" in refused.value.message("en")


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_central_submission_is_cleaned(backend, request):
    """An online submission with NUL in a name used to be refused by PostgreSQL's jsonb with
    a crash; now the name is cleaned like the counter's."""
    from counter_app.services.sync.admin import CentralAdmin

    url = request.getfixturevalue("sqlite_central" if backend == "sqlite" else "pg_central")
    with CentralAdmin(url) as admin:
        dossier = admin.submit(intake_json(full_name="Phạm\x00 Thu\u202e Hà"))
        assert dossier.applicant.full_name == "Phạm Thu Hà"
        with pytest.raises(ValidationFailed):
            admin.submit(intake_json(full_name=ZERO_WIDTH))


# --- through the command line


def _raw_json(path: Path, data: object) -> Path:
    """JSON with \\u escapes, as a file can carry NUL and lone surrogates."""
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.slow
def test_cli_intake_of_a_broken_name_is_refused(data_dir: Path):
    path = _raw_json(data_dir.parent / "bad.json", intake_json(full_name="An \ud800"))
    message = assert_refused(run_cli(data_dir, "intake", str(path), "--user", OFFICER))
    assert "họ và tên" in message


@pytest.mark.slow
def test_cli_intake_of_a_nul_name_stores_it_clean(data_dir: Path):
    path = _raw_json(data_dir.parent / "nul.json", intake_json(full_name="An\x00 Bình\u202e"))
    taken = ok_json(run_cli(data_dir, "intake", str(path), "--user", OFFICER))
    shown = ok_json(run_cli(data_dir, "show", taken["code"]))  # type: ignore[index]
    assert shown["applicant"]["full_name"] == "An Bình"  # type: ignore[index]
