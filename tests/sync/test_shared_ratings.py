"""Ratings given at another counter are pulled (issue 18): a dossier received at counter A and
handed back, and rated, at counter B reaches A's supervisor's review and the province's
figures; a counter of another agency never sees it (row-level security on PostgreSQL, the
repository's filter on SQLite); pulled again, nothing is added twice (a rating has a uuid)."""

from __future__ import annotations

from sqlalchemy import create_engine, func, select, text

from counter_app.domain.clock import now
from counter_app.domain.lifecycle import Action
from counter_app.domain.ratings import Level, Source
from counter_app.services.accounts import Role
from counter_app.services.intake import request_from_json
from counter_app.store.models import RatingRow
from counter_app.store.ratings import unsynced_ratings
from tests.conftest import AGENCY, OTHER_AGENCY, TEN_DAYS, intake_json
from tests.sync.helpers import make_counter
from tests.sync.test_attachments_sync import central, counter_url

__all__ = ["central"]  # the engine-parametrised fixture this module uses
ONE_DISSATISFIED = {"very_satisfied": 0, "satisfied": 0, "dissatisfied": 1}


def ratings_held(ws) -> int:  # type: ignore[no-untyped-def]
    with ws.database.read() as session:
        return int(session.scalar(select(func.count()).select_from(RatingRow)) or 0)


def test_a_rating_given_at_another_counter_reaches_the_receiving_counter(central, tmp_path):  # type: ignore[no-untyped-def]
    here, officer = make_counter(tmp_path, "a")
    there, colleague = make_counter(tmp_path, "b")
    elsewhere, _ = make_counter(tmp_path, "c")
    urls = {
        name: counter_url(central, name, [agency])
        for name, agency in (("A", AGENCY), ("B", AGENCY), ("C", OTHER_AGENCY))
    }
    for ws, name in ((here, "A"), (there, "B"), (elsewhere, "C")):
        ws.sync.configure(urls[name])
    here.sync.run_once()
    dossier = here.intake.receive(request_from_json(intake_json(TEN_DAYS)), user=officer)
    for action in (Action.TRANSFER, Action.RESOLVE):
        here.dossiers.transition(dossier.code, action, user=officer)
    here.sync.run_once()
    there.sync.run_once()
    there.dossiers.transition(dossier.code, Action.RETURN, user=colleague)
    given = there.ratings.rate(dossier.code, Level.DISSATISFIED, ["waiting"], source=Source.KEYPAD)
    there.sync.run_once()
    for _ in range(2):  # the second round pulls nothing new: no duplicate
        here.sync.run_once()
        elsewhere.sync.run_once()
    [pulled] = here.ratings.of_dossier(dossier.code)
    assert (pulled.uuid, pulled.level, pulled.officer) == (given.uuid, Level.DISSATISFIED, "canbo")
    assert ratings_held(here) == 1 and ratings_held(elsewhere) == 0
    with here.database.read() as session:
        assert unsynced_ratings(session, 10) == []  # central's, never sent back
    boss = here.accounts.add_user("truong", Role.SUPERVISOR, "matkhau123", "Trần Văn Bình")
    today = now().date()
    review = here.reports.daily(today, user=boss)
    assert review.ratings.total.to_json() == {
        "very_satisfied": 0,
        "satisfied": 0,
        "dissatisfied": 1,
    }
    period = here.reports.period(today, today, user=boss).to_json()
    assert period["ratings"] == {"very_satisfied": 0, "satisfied": 0, "dissatisfied": 1}
    there.sync.run_once()  # B's own rating does not come back to it either
    assert ratings_held(there) == 1
    for ws in (here, there, elsewhere):
        ws.close()
    if central.startswith("postgresql"):  # what each counter's own login may read
        assert rows_readable(urls["A"]) == rows_readable(urls["B"]) == 1
        assert rows_readable(urls["C"]) == 0


def rows_readable(url: str) -> int:
    """The ratings a counter's login reads on PostgreSQL, row-level security alone deciding."""
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM ratings")).scalar_one())
    finally:
        engine.dispose()
