"""The citizen's paper store: signed papers filed by owner and kind, offered at the next intake,
reused with the citizen's consent (recorded as reused), refused when expired; look-ups audited."""

from __future__ import annotations

from datetime import date

import pytest

from counter_app.domain.errors import CounterError
from counter_app.services.intake import request_from_json
from tests.conftest import TEN_DAYS, intake_json
from tests.digitising.conftest import COMPONENT, ID_COPY
from tests.signing.pki import USER_PIN


def audit_actions(ws) -> list[str]:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from counter_app.store.models import AuditRow

    with ws.database.read() as session:
        return list(session.scalars(select(AuditRow.action).order_by(AuditRow.id)))


@pytest.fixture
def filed(signing_ws, dossier, officer):  # type: ignore[no-untyped-def]
    signing_ws.signing.sign(dossier.code, user=officer, pin=USER_PIN, what="digitised")
    return signing_ws.paper_store.on_file("020090001234", user=officer)


def test_signed_papers_are_filed_under_their_owner(signing_ws, filed, officer):  # type: ignore[no-untyped-def]
    assert sorted(item.paper.kind for item in filed) == sorted([COMPONENT, ID_COPY])
    assert all(not item.expired and item.paper.signer == "Cán bộ signer" for item in filed)
    assert signing_ws.paper_store.on_file("001099000001", user=officer) == []
    assert audit_actions(signing_ws).count("paper_store.lookup") == 2


def test_reuse_needs_consent_and_attaches_the_signed_copy(signing_ws, filed, officer):  # type: ignore[no-untyped-def]
    ws = signing_ws
    again = ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=officer)
    offered = ws.paper_store.last_applicant("020090001234")
    assert offered is not None and offered.full_name == "Nguyễn Văn An"
    paper = next(item.paper for item in filed if item.paper.kind == ID_COPY)
    with pytest.raises(CounterError) as refused:
        ws.paper_store.reuse(again.code, paper.uuid, component=ID_COPY, user=officer)
    assert refused.value.key == "papers.no_consent"
    ws.paper_store.record_consent(again.code, given=True, user=officer)
    copy = ws.paper_store.reuse(again.code, paper.uuid, component=ID_COPY, user=officer)
    assert copy.reused_from == paper.uuid
    attached = ws.attachments.list(again.code)
    assert [(a.component, a.sha256) for a in attached] == [(ID_COPY, paper.sha256)]
    assert [c.reused_from for c in ws.signing.signed_copies(again.code)] == [paper.uuid]
    assert ws.signing.verify(ws.attachments.blobs.path(paper.sha256)).valid
    assert audit_actions(ws)[-3:] == ["paper_store.consent", "attachment.add", "paper_store.reuse"]
    # a reused paper is not filed a second time
    assert len(ws.paper_store.on_file("020090001234", user=officer)) == len(filed)


def test_an_expired_paper_is_not_reused(signing_ws, filed, officer):  # type: ignore[no-untyped-def]
    ws = signing_ws
    paper = filed[0].paper
    ws.paper_store.set_validity(
        "020090001234",
        paper.uuid,
        issued_on=date(2015, 1, 1),
        expires_on=date(2025, 1, 1),
        user=officer,
    )
    assert [
        item.expired
        for item in ws.paper_store.on_file("020090001234")
        if item.paper.uuid == paper.uuid
    ] == [True]
    again = ws.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=officer)
    ws.paper_store.record_consent(again.code, given=True, user=officer)
    with pytest.raises(CounterError) as refused:
        ws.paper_store.reuse(again.code, paper.uuid, component=paper.kind, user=officer)
    assert refused.value.key == "papers.expired"
    assert "01/01/2025" in refused.value.message("vi")
    assert ws.attachments.list(again.code) == []


def test_an_administrator_cannot_read_the_store(signing_ws, filed):  # type: ignore[no-untyped-def]
    from counter_app.services.accounts import Role

    admin = signing_ws.accounts.add_user("quantri", Role.ADMIN, "matkhau123", "Quản trị")
    with pytest.raises(CounterError) as refused:
        signing_ws.paper_store.on_file("020090001234", user=admin)
    assert refused.value.key == "papers.denied"


def test_the_validity_of_a_paper_on_file_is_set_checked_and_audited(signing_ws, filed, officer):  # type: ignore[no-untyped-def]
    ws = signing_ws
    paper = filed[0].paper
    corrected = ws.paper_store.set_validity(
        " 020090001234 ",
        paper.uuid,
        issued_on=date(2021, 3, 2),
        expires_on=date(2036, 3, 2),
        user=officer,
    )
    assert (corrected.paper.issued_on, corrected.paper.expires_on) == (
        date(2021, 3, 2),
        date(2036, 3, 2),
    )
    assert not corrected.expired
    (listed,) = [p for p in ws.paper_store.on_file("020090001234") if p.paper.uuid == paper.uuid]
    assert listed == corrected
    assert audit_actions(ws)[-2] == "paper_store.validity"
    refusals = {
        "papers.validity_order": dict(issued_on=date(2021, 3, 2), expires_on=date(2020, 1, 1)),
        "papers.issued_later": dict(issued_on=date(2099, 1, 1), expires_on=None),
    }
    for key, dates in refusals.items():
        with pytest.raises(CounterError) as refused:
            ws.paper_store.set_validity("020090001234", paper.uuid, user=officer, **dates)
        assert refused.value.key == key
    # another person's number, or an unknown paper, changes nothing
    for owner, paper_id in (("001099000001", paper.uuid), ("020090001234", "no-such-paper")):
        with pytest.raises(CounterError) as refused:
            ws.paper_store.set_validity(
                owner, paper_id, issued_on=None, expires_on=date(2020, 1, 1), user=officer
            )
        assert refused.value.key == "papers.not_on_file"
    (again,) = [p for p in ws.paper_store.on_file("020090001234") if p.paper.uuid == paper.uuid]
    assert again == corrected
    assert audit_actions(ws).count("paper_store.validity") == 1
