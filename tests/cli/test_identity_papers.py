"""The intake file's `"id_type"` (a contract: the key and its values), guessed from the number
when left out, printed by `show`; the old 9-digit ID taken with a warning; a number refused
with a message that names its paper, and nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import (
    OFFICER,
    Prepared,
    build_template,
    copy_template,
    fingerprint,
    ok_json,
    run_cli,
)
from tests.conftest import intake_json

pytestmark = pytest.mark.slow  # each test runs the real program as a process

ID_TYPES = ("citizen_id", "old_id", "passport", "foreign_id", "enterprise_code", "other")


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Prepared:
    return build_template(tmp_path_factory.mktemp("identity-template"))


@pytest.fixture
def data_dir(prepared: Prepared, tmp_path: Path) -> Path:
    return copy_template(prepared, tmp_path)


def intake(data_dir: Path, *args: str, **applicant: object):  # type: ignore[no-untyped-def]
    request = json.dumps(intake_json(**applicant), ensure_ascii=False)
    return run_cli(data_dir, *args, "intake", "-", "--user", OFFICER, stdin=request)


def shown_applicant(data_dir: Path, code: str) -> dict:
    shown = ok_json(run_cli(data_dir, "show", code))
    assert isinstance(shown, dict)
    return shown["applicant"]


def test_each_paper_is_taken_and_shown_with_its_type(data_dir: Path) -> None:
    given = {
        "citizen_id": ("020 090 001 234", "020090001234"),
        "passport": ("c1234567", "C1234567"),
        "foreign_id": ("AB 1234567", "AB1234567"),
        "enterprise_code": ("0101234567-001", "0101234567001"),
        "other": ("12/GP-UBND", "12/GP-UBND"),
    }
    for id_type, (typed, stored) in given.items():
        answer = ok_json(intake(data_dir, id_number=typed, id_type=id_type))
        assert isinstance(answer, dict) and "warnings" not in answer
        applicant = shown_applicant(data_dir, answer["code"])
        assert (applicant["id_type"], applicant["id_number"]) == (id_type, stored)
    assert set(given) | {"old_id"} == set(ID_TYPES)


@pytest.mark.parametrize(
    ("number", "id_type"),
    [
        ("020090001234", "citizen_id"),
        ("012345678", "old_id"),
        ("0101234567", "enterprise_code"),
        ("C1234567", "passport"),
        ("", "citizen_id"),
    ],
)
def test_the_type_left_out_is_guessed_from_the_number(
    data_dir: Path, number: str, id_type: str
) -> None:
    answer = ok_json(intake(data_dir, "--lang", "en", id_number=number))
    assert isinstance(answer, dict)
    assert shown_applicant(data_dir, answer["code"])["id_type"] == id_type


def test_the_old_id_is_taken_with_a_warning(data_dir: Path) -> None:
    answer = ok_json(intake(data_dir, id_number="012345678", id_type="old_id"))
    assert isinstance(answer, dict)
    assert answer["status"] == "new"
    (warning,) = answer["warnings"]
    assert "CMND 9 số đã hết giá trị sử dụng" in warning
    answer = ok_json(intake(data_dir, "--lang", "en", id_number="012345678"))
    assert isinstance(answer, dict)
    assert "has not been valid since 1 January 2025" in answer["warnings"][0]


@pytest.mark.parametrize(
    ("number", "id_type", "named"),
    [
        ("C12", "passport", "Số hộ chiếu"),
        ("ABCD", "foreign_id", "người nước ngoài"),
        ("01012345", "enterprise_code", "Mã số doanh nghiệp/mã số thuế"),
        ("020090001234", "old_id", "Số CMND"),
        ("012345678", "citizen_id", "Số định danh"),
        ("x" * 31, "other", "Số giấy tờ"),
        ("12345", None, "Số định danh"),
    ],
)
def test_a_bad_number_is_refused_naming_its_paper_and_nothing_is_written(
    data_dir: Path, number: str, id_type: str | None, named: str
) -> None:
    before = fingerprint(data_dir)
    applicant: dict[str, object] = {"id_number": number}
    if id_type is not None:
        applicant["id_type"] = id_type
    refused = intake(data_dir, **applicant)
    assert refused.returncode == 1 and refused.stdout == ""
    assert named in refused.stderr
    assert fingerprint(data_dir) == before


def test_an_unknown_type_is_refused_with_the_choices(data_dir: Path) -> None:
    refused = intake(data_dir, "--lang", "en", id_number="C1234567", id_type="visa")
    assert refused.returncode == 1
    assert "identity paper" in refused.stderr
    for id_type in ID_TYPES:
        assert id_type in refused.stderr


def test_amending_the_number_guesses_its_paper_again(prepared: Prepared, data_dir: Path) -> None:
    assert shown_applicant(data_dir, prepared.code)["id_type"] == "citizen_id"
    correction = json.dumps({"applicant": {"id_number": "0101234567"}})
    shown = ok_json(
        run_cli(data_dir, "amend", prepared.code, "-", "--user", OFFICER, stdin=correction)
    )
    assert isinstance(shown, dict)
    assert (shown["applicant"]["id_number"], shown["applicant"]["id_type"]) == (
        "0101234567",
        "enterprise_code",
    )
    correction = json.dumps({"applicant": {"id_type": "other"}})
    shown = ok_json(
        run_cli(data_dir, "amend", prepared.code, "-", "--user", OFFICER, stdin=correction)
    )
    assert isinstance(shown, dict)
    assert shown["applicant"]["id_type"] == "other"
    assert shown["applicant"]["id_number"] == "0101234567"
