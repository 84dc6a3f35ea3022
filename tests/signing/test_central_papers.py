"""The central half of the paper store: a paper filed at one counter goes up with the sync and
is offered at every counter of its agency (reused there as the signed copy, still valid), not at
a counter of another agency; a counter cut off from central still offers its own papers."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import text

from counter_app.domain.errors import CounterError
from counter_app.store.central.paper_store import file_papers
from counter_app.store.citizen_papers import papers_of
from tests.conftest import AGENCY, OTHER_AGENCY
from tests.digitising.conftest import ID_COPY, write_page
from tests.signing.conftest import configure
from tests.signing.pki import USER_PIN
from tests.sync.conftest import (  # noqa: F401  (fixtures)
    pg_central,
    pg_server,
    sqlite_central,
    test_keyring,
)
from tests.sync.helpers import central_rows, make_counter, take
from tests.sync.test_attachments_sync import (  # noqa: F401  (`central`: each backend in turn)
    OTHER_PROCEDURE,
    as_counter,
    central,
    counter_url,
    counter_with_dossier,
    proxy,
    scans,
)

OWNER = "020090001234"  # the applicant of tests.conftest.intake_json


def file_id_copy(ws, user, code, tmp_path, pki, seed: int):  # type: ignore[no-untyped-def]
    """Scan and sign the applicant's ID copy of dossier `code`: the paper filed at `ws`."""
    configure(ws, pki)
    page = write_page(scans(tmp_path), f"cccd-{seed}.png", seed=seed)
    ws.attachments.attach(code, [page], component=ID_COPY, user=user)
    ws.signing.sign(code, user=user, pin=USER_PIN, what="digitised")
    papers = ws.paper_store.on_file(OWNER)
    (paper,) = [p.paper for p in papers if p.paper.kind == ID_COPY and p.paper.source == "local"]
    return paper


def test_a_paper_filed_at_one_counter_is_offered_at_the_others_of_its_agency(  # type: ignore[no-untyped-def]
    central,  # noqa: F811
    tmp_path,
    pki,
):
    a, user_a, first = counter_with_dossier(tmp_path, counter_url(central, "A", [AGENCY]), "a")
    filed = file_id_copy(a, user_a, first.code, tmp_path, pki, seed=5)
    a.sync.run_once()
    assert a.sync.pending() == 0

    b, user_b, second = counter_with_dossier(tmp_path, counter_url(central, "B", [AGENCY]), "b")
    offered = b.paper_store.on_file(OWNER, user=user_b)
    assert [(p.paper.uuid, p.paper.source, p.expired) for p in offered] == [
        (filed.uuid, "central", False)
    ]
    assert offered[0].paper.sha256 == filed.sha256
    # reused at B: A's signed copy attached, and it still validates there
    configure(b, pki)
    b.paper_store.record_consent(second.code, given=True, user=user_b)
    copy = b.paper_store.reuse(second.code, filed.uuid, component=ID_COPY, user=user_b)
    assert copy.sha256 == filed.sha256 and copy.reused_from == filed.uuid
    assert [item.sha256 for item in b.attachments.list(second.code)] == [filed.sha256]
    verdict = b.signing.verify(b.attachments.blobs.path(copy.sha256))
    assert (verdict.valid, verdict.intact) == (True, True)

    # a validity corrected at B reaches A through central
    b.paper_store.set_validity(
        OWNER, filed.uuid, issued_on=date(2016, 4, 1), expires_on=date(2026, 4, 1), user=user_b
    )
    b.sync.run_once()
    (at_a,) = [p for p in a.paper_store.on_file(OWNER, user=user_a) if p.paper.uuid == filed.uuid]
    assert (at_a.paper.source, at_a.paper.expires_on) == ("local", date(2026, 4, 1))

    c, user_c, _ = counter_with_dossier(
        tmp_path, counter_url(central, "C", [OTHER_AGENCY]), "c", procedure=OTHER_PROCEDURE
    )
    assert c.paper_store.on_file(OWNER, user=user_c) == []
    for ws in (a, b, c):
        ws.close()


def test_cut_off_from_central_a_counter_offers_its_own_papers(pg_central, proxy, tmp_path, pki):  # type: ignore[no-untyped-def]  # noqa: F811
    a, user_a, first = counter_with_dossier(tmp_path, counter_url(pg_central, "A", [AGENCY]), "a")
    from_a = file_id_copy(a, user_a, first.code, tmp_path, pki, seed=6)
    a.sync.run_once()
    url = counter_url(pg_central, "B", [AGENCY], port=proxy.port)
    b, user_b, second = counter_with_dossier(tmp_path, url, "b")
    from_b = file_id_copy(b, user_b, second.code, tmp_path, pki, seed=7)
    online = b.paper_store.on_file(OWNER)
    assert {p.paper.uuid for p in online} == {from_a.uuid, from_b.uuid}
    assert online.central_problem is None

    proxy.down = True  # the line is cut: central refuses every connection
    proxy.cut_all()
    offline = b.paper_store.on_file(OWNER, user=user_b)
    assert [(p.paper.uuid, p.paper.source) for p in offline] == [(from_b.uuid, "local")]
    assert offline.central_problem is not None  # said, not silently left out
    with pytest.raises(CounterError):
        b.sync.run_once()  # the round finds central out of reach: the look-up no longer waits
    after_round = b.paper_store.on_file(OWNER, user=user_b)
    assert [p.paper.uuid for p in after_round] == [from_b.uuid]
    assert after_round.central_problem is not None
    assert after_round.central_problem.key == "papers.central_offline"
    (third,) = take(b, user_b)
    b.paper_store.record_consent(third.code, given=True, user=user_b)
    copy = b.paper_store.reuse(third.code, from_b.uuid, component=ID_COPY, user=user_b)
    assert copy.sha256 == from_b.sha256
    for ws in (a, b):
        ws.close()


def test_papers_waiting_in_the_outbox_hold_no_dossier_back(sqlite_central, tmp_path, pki):  # type: ignore[no-untyped-def]  # noqa: F811
    ws, user = make_counter(tmp_path, "a", push_batch=1)
    ws.sync.configure(counter_url(sqlite_central, "A", [AGENCY]))
    ws.sync.run_once()
    (first,) = take(ws, user)
    paper = file_id_copy(ws, user, first.code, tmp_path, pki, seed=8)
    for year in range(2010, 2016):  # more paper entries than a dossier batch reads at once
        ws.paper_store.set_validity(
            OWNER, paper.uuid, issued_on=date(year, 1, 1), expires_on=None, user=user
        )
    (later,) = take(ws, user)
    ws.sync.run_once()
    assert ws.sync.pending() == 0
    assert {first.uuid, later.uuid} <= set(central_rows(sqlite_central))
    (held,) = [p for p in central_papers(sqlite_central) if p["uuid"] == paper.uuid]
    assert held["issued_on"] == date(2015, 1, 1)
    ws.close()


def central_papers(admin_url: str) -> list[dict]:
    from sqlalchemy import select

    from counter_app.services.sync.admin import open_central
    from counter_app.store.central.models import CentralCitizenPaperRow as P

    database = open_central(admin_url)
    try:
        with database.read() as session:
            return [dict(row._mapping) for row in session.execute(select(P.uuid, P.issued_on))]
    finally:
        database.close()


def test_a_lost_reply_sends_the_papers_again_and_central_keeps_one_of_each(  # type: ignore[no-untyped-def]
    sqlite_central,  # noqa: F811
    tmp_path,
    pki,
):
    ws, user = make_counter(tmp_path, "a", faulty=True)
    ws.sync.configure(counter_url(sqlite_central, "A", [AGENCY]))
    ws.sync.run_once()
    (first,) = take(ws, user)
    configure(ws, pki)
    page = write_page(scans(tmp_path), "cccd.png", seed=9)
    ws.attachments.attach(first.code, [page], component=ID_COPY, user=user)
    ws.signing.sign(first.code, user=user, pin=USER_PIN, what="digitised")
    with ws.database.read() as session:  # not `on_file`: its look-up would be a gateway too
        (paper,) = papers_of(session, OWNER, [AGENCY])
    ws.faults.fail_next, ws.faults.fail_on = "after", "file_papers"
    with pytest.raises(CounterError):
        ws.sync.run_once()
    assert ws.sync.pending() > 0  # central took them, the counter does not know
    ws.sync.run_once()
    assert ws.sync.pending() == 0
    held = [p["uuid"] for p in central_papers(sqlite_central)]
    assert sorted(held) == sorted(set(held)) and paper.uuid in held
    ws.close()


def test_on_postgresql_a_counter_of_another_agency_cannot_read_or_file_the_papers(  # type: ignore[no-untyped-def]
    pg_central,  # noqa: F811
    tmp_path,
    pki,
):
    a, user_a, first = counter_with_dossier(tmp_path, counter_url(pg_central, "A", [AGENCY]), "a")
    filed = file_id_copy(a, user_a, first.code, tmp_path, pki, seed=10)
    a.sync.run_once()
    other = as_counter(counter_url(pg_central, "C", [OTHER_AGENCY]))
    try:
        with other.read() as session:  # row-level security, without the repository's filter
            assert session.scalar(text("SELECT count(*) FROM citizen_papers")) == 0
        forged = (
            "INSERT INTO citizen_papers VALUES ('forged', :owner, 'Giấy tờ', :sha, :agency, "
            "'d', NULL, NULL, '', now(), 'x', central_my_number())"
        )
        attempts = {
            "UPDATE citizen_papers SET owner_id = 'x'": {},  # only the validity may change
            forged: {"owner": OWNER, "sha": filed.sha256, "agency": AGENCY},  # not its agency
        }
        for statement, values in attempts.items():
            with pytest.raises(CounterError) as denied, other.write() as session:
                session.execute(text(statement), values)
            assert denied.value.key == "central.denied"
        with other.write() as session:  # the repository keeps to the counter's agencies
            assert file_papers(session, 2, [replace(filed, uuid="forged")]) == []
    finally:
        other.close()
    a.close()
