"""The search box's store side: the trigram index of migration 0009, what a query means, the
order of the answer, and the index kept in step by every write path."""

from __future__ import annotations

import dataclasses

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from counter_app.domain.dossier import DossierFilter, Status
from counter_app.domain.lifecycle import Action
from counter_app.domain.text import fold
from counter_app.services.intake import request_from_json
from counter_app.store import migrations
from counter_app.store.central.replica import replace_dossier
from counter_app.store.database import DEFAULT_BUSY_TIMEOUT_MS, _make_engine, open_database
from counter_app.store.search import search_phrase
from tests.conftest import PREBUILT, intake_json, the_officer, vn

PEOPLE = (
    ("Nguyễn Văn An", "020090001234", "0912345678"),
    ("Đặng Thị Lan", "020185004321", "0987654321"),
    ("Hoàng Văn Đức", "001088009999", "0354111222"),
    ("Lê Quốc Bảo", "020077000001", ""),
    ("NGUYỄN THỊ THU HƯƠNG", "020195123123", "0243456789"),
    ("Lăng Văn Ân", "020066777888", "0812000111"),
)


@pytest.fixture
def people(ws, officer) -> dict[str, object]:
    """One dossier per person, received an hour apart (the last one newest)."""
    return PREBUILT["people"]  # type: ignore[return-value]


def _receive_people(ws) -> dict[str, object]:  # type: ignore[no-untyped-def]
    officer = the_officer(ws)
    received = {}
    for hour, (name, id_number, phone) in enumerate(PEOPLE):
        request = request_from_json(intake_json(full_name=name, id_number=id_number, phone=phone))
        received[name] = ws.intake.receive(request, user=officer, at=vn(2025, 4, 24, 8 + hour))
    return received


PREBUILT.builds["people"] = _receive_people


def found(ws, query: str, **criteria: object) -> list[str]:
    return [d.applicant.full_name for d in ws.dossiers.find(DossierFilter(text=query, **criteria))]


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("nguyen van an", ["Nguyễn Văn An"]),  # accents left out
        ("NGUYỄN VĂN AN", ["Nguyễn Văn An"]),
        ("dang thi", ["Đặng Thị Lan"]),  # đ folded to d
        ("đặng", ["Đặng Thị Lan"]),
        ("van an", ["Lăng Văn Ân", "Nguyễn Văn An"]),  # any part of the name, across words
        ("thu huong", ["NGUYỄN THỊ THU HƯƠNG"]),
        ("duc", ["Hoàng Văn Đức"]),
        ("uoc ba", ["Lê Quốc Bảo"]),
        ("nguyen", ["NGUYỄN THỊ THU HƯƠNG", "Nguyễn Văn An"]),  # newest first
        ("020090001234", ["Nguyễn Văn An"]),  # a whole ID number
        ("0001234", ["Nguyễn Văn An"]),  # part of one
        ("+84 912 345 678", ["Nguyễn Văn An"]),  # a phone in international form
        ("0987.654", ["Đặng Thị Lan"]),  # part of a phone, as written
        ("024 345", ["NGUYỄN THỊ THU HƯƠNG"]),
        ("khong ai", []),
    ],
)
def test_what_the_search_box_finds(ws, people, query, names) -> None:
    assert found(ws, query) == names


def test_a_code_whole_or_in_part(ws, people) -> None:
    bao = people["Lê Quốc Bảo"]
    assert found(ws, bao.code.lower()) == ["Lê Quốc Bảo"]
    day_and_number = bao.code.split("-", 1)[1]
    assert found(ws, day_and_number) == ["Lê Quốc Bảo"]


def test_shorter_than_three_letters_means_a_whole_word(ws, people) -> None:
    """ "an" is too short to look up inside words: it finds the name An, not Lan or Văn."""
    assert found(ws, "an") == ["Lăng Văn Ân", "Nguyễn Văn An"]
    assert found(ws, "le") == ["Lê Quốc Bảo"]
    assert found(ws, "a") == []
    assert search_phrase("an") == '" an "'


def test_search_with_filters_count_and_pages(ws, people, officer) -> None:
    an = people["Nguyễn Văn An"]
    ws.dossiers.transition(an.code, Action.TRANSFER, user=officer, at=vn(2025, 4, 24, 16))
    assert found(ws, "nguyen", statuses=(Status.PROCESSING,)) == ["Nguyễn Văn An"]
    assert found(ws, "van", day=vn(2025, 4, 25).date()) == []
    assert ws.dossiers.count(DossierFilter(text="van")) == 3
    assert ws.dossiers.count(DossierFilter(text="van", statuses=(Status.PROCESSING,))) == 1
    assert ws.dossiers.count(DossierFilter(text=an.code)) == 1
    pages = [found(ws, "van", limit=1, offset=i) for i in range(4)]
    assert pages == [["Lăng Văn Ân"], ["Hoàng Văn Đức"], ["Nguyễn Văn An"], []]


def test_the_index_follows_a_pulled_change(ws, people) -> None:
    """Central's version replaces the local row (the sync's pull): the index follows it, as
    it follows any write, by the triggers."""
    an = people["Nguyễn Văn An"]
    renamed = dataclasses.replace(
        an, applicant=dataclasses.replace(an.applicant, full_name="Trần Văn An", phone="0900000001")
    )
    with ws.database.write() as session:
        replace_dossier(session, renamed, version=2)
    assert found(ws, "nguyen van") == []
    assert found(ws, "tran van an") == ["Trần Văn An"]
    assert found(ws, "0900000001") == ["Trần Văn An"]
    assert found(ws, "0912345678") == []
    with ws.database.read() as session:
        indexed = session.scalar(text("SELECT count(*) FROM dossier_search"))
        keys = session.scalar(text("SELECT count(*) FROM dossier_search_keys"))
    assert indexed == keys == len(PEOPLE)


def test_a_later_intake_of_an_earlier_day_takes_its_place(ws, people, officer) -> None:
    """Keys follow the received time, not the order of writing: a dossier received earlier
    but written last (a backdated intake, a pulled one) lists in its place."""
    request = request_from_json(intake_json(full_name="Nguyễn Văn Ba"))
    ws.intake.receive(request, user=officer, at=vn(2025, 4, 24, 8, 30))
    assert found(ws, "nguyen") == ["NGUYỄN THỊ THU HƯƠNG", "Nguyễn Văn Ba", "Nguyễn Văn An"]


def test_the_migration_indexes_an_existing_store(ws, people) -> None:
    """A store from before 0009 (taken back by the real downgrade) is indexed when opened."""
    path = ws.database.path
    ws.close()
    # as the store migrates: foreign keys off, or SQLite's table rebuilds fail
    engine = _make_engine(path, DEFAULT_BUSY_TIMEOUT_MS, foreign_keys=False)
    with engine.begin() as connection:
        command.downgrade(migrations._config(connection), "0005")
    engine.dispose()
    reopened = open_database(path)
    with reopened.read() as session:
        names = session.execute(text("SELECT count(*) FROM dossier_search")).scalar()
        triggers = session.scalars(
            text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'dossiers'")
        ).all()
    reopened.close()
    assert names == len(PEOPLE)
    assert {"dossier_search_insert", "dossier_search_update", "dossier_search_delete"} <= set(
        triggers
    )


def test_index_triggers_exist_at_head(ws) -> None:
    """A migration that rebuilds `dossiers` in batch mode drops its triggers: it must make
    them again, or the search would go stale without a sound."""
    with ws.database.read() as session:
        triggers = set(
            session.scalars(
                text("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='dossiers'")
            )
        )
    assert {"dossier_search_insert", "dossier_search_update", "dossier_search_delete"} <= triggers


@pytest.mark.slow  # runs the real program as a process
def test_list_search_on_the_command_line_is_the_windows(ws, people, tmp_path) -> None:
    from tests.cli.test_cli import ok_json, run_cli

    data_dir = ws.database.path.parent
    ws.close()
    listed = ok_json(run_cli(data_dir, "list", "--search", "nguyen van an"))
    assert [d["applicant"]["full_name"] for d in listed] == ["Nguyễn Văn An"]
    listed = ok_json(run_cli(data_dir, "list", "--search", "an"))
    assert [d["applicant"]["full_name"] for d in listed] == ["Lăng Văn Ân", "Nguyễn Văn An"]


# --- every part of every field finds its dossier, and nothing else


FIELDS = st.sampled_from(("name", "id_number", "phone"))


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_part_of_a_field_finds_exactly_the_dossiers_holding_it(ws, people, data) -> None:
    name, id_number, phone = data.draw(st.sampled_from(PEOPLE))
    field = data.draw(FIELDS)
    value = {"name": fold(name), "id_number": id_number, "phone": phone}[field]
    codes = {person: dossier.code.lower() for person, dossier in people.items()}
    if len(value) < 3:
        return
    start = data.draw(st.integers(0, len(value) - 3))
    end = data.draw(st.integers(start + 3, len(value)))
    part = value[start:end].strip()
    if len(part) < 3:
        return
    expected = {
        person
        for person, person_id, person_phone in PEOPLE
        if any(part in field for field in (fold(person), person_id, person_phone, codes[person]))
    }
    assert set(found(ws, part)) == expected
    assert name in expected


@pytest.mark.parametrize("query", ['nguyen "van', "*", "a OR b", "NEAR(an)", "\u0300", "-", '""'])
def test_query_syntax_typed_in_the_box_is_only_text(ws, people, query) -> None:
    """FTS5's own operators and quotes are searched for as text, never run as a query."""
    assert found(ws, query) == []
