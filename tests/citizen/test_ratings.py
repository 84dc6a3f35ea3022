"""The citizen's ratings: once per occasion, never by an officer's login, never changed, in
the day's and the period's figures, per officer and procedure, and exported."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.domain.ratings import REASONS, Level, Occasion, Source, parse_reasons, review_of
from counter_app.services.accounts import Role
from counter_app.services.intake import request_from_json
from tests.conftest import TEN_DAYS, intake_json, vn


@pytest.fixture
def dossier(ws, officer):  # type: ignore[no-untyped-def]
    return ws.intake.receive(
        request_from_json(intake_json(TEN_DAYS)), user=officer, at=vn(2026, 12, 1, 9, 30)
    )


def rate_at(ws, code, level, moment, reasons=()):  # type: ignore[no-untyped-def]
    ws.ratings.clock = lambda: moment
    return ws.ratings.rate(code, level, reasons, source=Source.SCREEN)


def test_a_rating_is_stored_with_the_dossier_the_officer_and_the_time(ws, dossier):
    rating = rate_at(ws, dossier.code, Level.SATISFIED, vn(2026, 12, 1, 9, 40), ["fees", "waiting"])
    assert rating.occasion is Occasion.INTAKE and rating.officer == "canbo"
    assert rating.reasons == ("waiting", "fees")  # the list's order, each once
    [stored] = ws.ratings.of_dossier(dossier.code)
    assert stored == rating and stored.at == vn(2026, 12, 1, 9, 40)


def test_a_rating_given_twice_is_refused_and_the_first_is_kept(ws, dossier):
    rate_at(ws, dossier.code, Level.VERY_SATISFIED, vn(2026, 12, 1, 9, 40))
    with pytest.raises(CounterError) as refused:
        rate_at(ws, dossier.code, Level.DISSATISFIED, vn(2026, 12, 1, 9, 41))
    assert refused.value.key == "rating.twice"
    assert "tiếp nhận" in refused.value.message("vi") and "intake" in refused.value.message("en")
    assert [r.level for r in ws.ratings.of_dossier(dossier.code)] == [Level.VERY_SATISFIED]


def test_the_return_is_rated_apart_from_the_intake_and_by_who_handed_it_back(ws, officer, dossier):
    other = ws.accounts.add_user("canbo2", Role.STAFF, "matkhau123", "Lê Thị Mai")
    rate_at(ws, dossier.code, Level.SATISFIED, vn(2026, 12, 1, 9, 40))
    for action, at in ((Action.TRANSFER, 10), (Action.RESOLVE, 11)):
        ws.dossiers.transition(dossier.code, action, user=officer, at=vn(2026, 12, 2, at))
    ws.dossiers.transition(dossier.code, Action.RETURN, user=other, at=vn(2026, 12, 3, 8))
    rating = rate_at(ws, dossier.code, Level.DISSATISFIED, vn(2026, 12, 3, 8, 5), ["result"])
    assert (rating.occasion, rating.officer) == (Occasion.RETURN, "canbo2")
    assert len(ws.ratings.of_dossier(dossier.code)) == 2


def test_an_officers_login_cannot_rate(ws, officer, dossier):
    with pytest.raises(CounterError) as refused:
        ws.ratings.rate(dossier.code, Level.VERY_SATISFIED, source=Source.KEYPAD, login="CanBo")
    assert refused.value.key == "rating.by_officer"
    assert ws.ratings.of_dossier(dossier.code) == []


def test_a_stored_rating_cannot_be_changed_even_in_the_store(ws, dossier):
    rate_at(ws, dossier.code, Level.DISSATISFIED, vn(2026, 12, 1, 9, 40))
    with ws.database.write() as session, pytest.raises(Exception, match="never changed"):
        session.execute(text("UPDATE ratings SET level = 'very_satisfied'"))
    assert ws.ratings.of_dossier(dossier.code)[0].level is Level.DISSATISFIED


def test_unknown_reasons_are_refused_with_the_list():
    with pytest.raises(CounterError) as refused:
        parse_reasons(["waiting", "bribe"])
    assert "attitude" in refused.value.message("en")


@given(
    st.lists(st.tuples(st.sampled_from(list(Level)), st.sampled_from("ab"), st.sampled_from("xy")))
)
def test_shares_add_up_per_officer_and_procedure(rows):
    review = review_of([(level.value, officer, proc) for level, officer, proc in rows])
    assert review.total.total == len(rows)
    assert sum(c.total for c in review.by_officer.values()) == len(rows)
    assert sum(c.total for c in review.by_procedure.values()) == len(rows)
    for counts in (review.total, *review.by_officer.values()):
        shares = [counts.share(level) for level in Level]
        if counts.total:
            assert sum(shares) == pytest.approx(1.0)
        else:
            assert shares == [None, None, None]
    assert set(REASONS) == set(parse_reasons(list(REASONS)))


def test_day_and_period_figures_and_the_export(ws, officer, dossier, tmp_path):
    boss = ws.accounts.add_user("truong", Role.SUPERVISOR, "matkhau123", "Trần Văn Bình")
    second = ws.intake.receive(
        request_from_json(intake_json(TEN_DAYS)), user=officer, at=vn(2026, 12, 1, 10)
    )
    rate_at(ws, dossier.code, Level.VERY_SATISFIED, vn(2026, 12, 1, 9, 40))
    rate_at(ws, second.code, Level.DISSATISFIED, vn(2026, 12, 2, 8))
    day = ws.reports.daily(date(2026, 12, 1), user=boss).to_json()
    assert day["ratings"] == {"very_satisfied": 1, "satisfied": 0, "dissatisfied": 0}
    period = ws.reports.period(date(2026, 12, 1), date(2026, 12, 2), user=boss).to_json()
    assert period["ratings"] == {"very_satisfied": 1, "satisfied": 0, "dissatisfied": 1}
    canbo = period["ratings_review"]["by_officer"]["canbo"]
    assert canbo["shares"] == {"very_satisfied": 0.5, "satisfied": 0.0, "dissatisfied": 0.5}
    assert list(period["ratings_review"]["by_procedure"]) == [TEN_DAYS]
    path = ws.reports.export_period_xlsx(
        date(2026, 12, 1), date(2026, 12, 2), tmp_path / "p.xlsx", user=boss
    )
    rows = list(openpyxl.load_workbook(path)["Đánh giá"].iter_rows(values_only=True))
    assert ("Cán bộ", "canbo", 1, 0, 1, 0.5, 0.0, 0.5, 2) in rows
    with pytest.raises(CounterError):
        ws.ratings.review(date(2026, 12, 1), date(2026, 12, 2), user=officer)
