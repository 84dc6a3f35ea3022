"""Ratings reach central once, with the counter's number, whatever replies are lost; on
PostgreSQL a counter reads and writes only its own."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from counter_app.domain.errors import CounterError
from counter_app.domain.ratings import Level, Source
from counter_app.services.sync.admin import open_central
from counter_app.store.central.models import CentralRatingRow
from counter_app.store.models import RatingRow
from tests.conftest import AGENCY, OTHER_AGENCY
from tests.sync.helpers import make_counter, take
from tests.sync.test_attachments_sync import as_counter, counter_url


@pytest.fixture(params=["sqlite", "pg"])
def central(request):  # type: ignore[no-untyped-def]
    return request.getfixturevalue(f"{request.param}_central")


def central_ratings(url: str) -> list[tuple]:
    database = open_central(url)
    try:
        with database.read() as session:
            table = CentralRatingRow.__table__
            query = select(table.c.code, table.c.level, table.c.officer, table.c.counter_number)
            return list(session.execute(query).all())
    finally:
        database.close()


def test_a_rating_goes_up_once_even_when_the_reply_is_lost(central, tmp_path):
    ws, officer = make_counter(tmp_path, "a", faulty=True)
    ws.sync.configure(counter_url(central, "A", [AGENCY]))
    ws.sync.run_once()  # the catalog comes down
    (dossier,) = take(ws, officer)
    ws.ratings.rate(dossier.code, Level.VERY_SATISFIED, ["guidance"], source=Source.SCREEN)
    ws.faults.fail_next, ws.faults.fail_on = "after", "record_ratings"  # the answer is lost
    with pytest.raises(CounterError):
        ws.sync.run_once()
    ws.sync.run_once()
    ws.sync.run_once()
    assert central_ratings(central) == [(dossier.code, "very_satisfied", "canbo", 1)]
    with ws.database.read() as session:
        assert session.scalar(select(RatingRow.synced_at)) is not None
    ws.close()


def test_a_counter_sees_only_its_own_ratings(pg_central, tmp_path):
    url_a = counter_url(pg_central, "A", [AGENCY])
    url_b = counter_url(pg_central, "B", [OTHER_AGENCY])
    a, officer = make_counter(tmp_path, "a")
    a.sync.configure(url_a)
    a.sync.run_once()
    (dossier,) = take(a, officer)
    a.ratings.rate(dossier.code, Level.SATISFIED, source=Source.KEYPAD)
    a.sync.run_once()
    b = as_counter(url_b)
    try:
        with b.read() as session:
            assert session.scalar(text("SELECT count(*) FROM ratings")) == 0
        with pytest.raises(Exception, match="row-level security"), b.write() as session:
            session.execute(
                text(
                    "INSERT INTO ratings VALUES ('x', 1, 'd', 'c', 'intake', 'satisfied', "
                    "'[]', 'canbo', now(), 'keypad')"
                )
            )
    finally:
        b.close()
        a.close()
