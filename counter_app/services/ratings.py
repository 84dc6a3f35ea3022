"""The citizen's ratings: given once per dossier and occasion from the citizen's screen or a
keypad, never by an officer's login, never changed; the supervisor's shares per officer,
procedure and period."""

from __future__ import annotations

import uuid as uuid_module
from collections.abc import Callable
from datetime import date, datetime

from counter_app.domain.clock import iso, now
from counter_app.domain.errors import CounterError
from counter_app.domain.permissions import Permission, require
from counter_app.domain.ratings import (
    Level,
    Rating,
    RatingReview,
    Source,
    occasion_of,
    parse_reasons,
    review_of,
)
from counter_app.domain.reports import day_bounds
from counter_app.domain.wording import short_date
from counter_app.services.accounts import AccountService, User
from counter_app.services.dossiers import DossierService
from counter_app.store.database import Database
from counter_app.store.journal import AuditEntry, append_audit
from counter_app.store.ratings import add_rating, find_rating, rating_rows, ratings_of_dossier

CITIZEN = "citizen"  # the audit trail's actor of a rating: never an officer's login
RATED = "rating.give"


class RatingService:
    def __init__(
        self,
        database: Database,
        dossiers: DossierService,
        accounts: AccountService,
        *,
        clock: Callable[[], datetime] = now,
    ) -> None:
        self._db = database
        self._dossiers = dossiers
        self._accounts = accounts
        self.clock = clock

    def rate(
        self,
        code: str,
        level: Level,
        reasons: tuple[str, ...] | list[str] = (),
        *,
        source: Source,
        login: str | None = None,
    ) -> Rating:
        """Record the citizen's rating of the dossier's latest occasion (its intake, or its
        return once handed back). `login` is who is signed in where the rating is given: an
        officer's account cannot rate. A second rating of the same occasion is refused."""
        if login:
            self._accounts.user(login)  # an unknown login is refused as such
            raise CounterError("rating.by_officer", login=login.strip().lower())
        chosen = parse_reasons(list(reasons))
        dossier = self._dossiers.get(code)
        occasion, officer = occasion_of(dossier)
        rating = Rating(
            uuid=str(uuid_module.uuid4()),
            dossier_uuid=dossier.uuid,
            code=dossier.code or "",
            occasion=occasion,
            level=level,
            reasons=chosen,
            officer=officer,
            at=self.clock(),
            source=source,
        )
        with self._db.write() as session:
            given = find_rating(session, dossier.uuid, occasion)
            if given is not None:
                raise _twice(rating, given.at)
            if not add_rating(session, rating):  # given at the same moment elsewhere
                raise _twice(rating, rating.at)
            append_audit(
                session,
                [AuditEntry(rating.at, CITIZEN, RATED, rating.code, rating.to_json())],
            )
        return rating

    def of_dossier(self, code: str) -> list[Rating]:
        dossier = self._dossiers.get(code)
        with self._db.read() as session:
            return ratings_of_dossier(session, dossier.uuid, dossier.code or "")

    def review(self, start: date, end: date, *, user: User) -> RatingReview:
        """Shares of each level from `start` to `end` (both included), per officer and
        procedure; the supervisor's."""
        require(user.login, user.role, Permission.SEE_PERIOD_REPORT)
        if start > end:
            raise CounterError("report.range", start=short_date(start), end=short_date(end))
        first, _ = day_bounds(start)
        _, last = day_bounds(end)
        with self._db.read() as session:
            return review_of(rating_rows(session, first, last))


def _twice(rating: Rating, at: datetime) -> CounterError:
    return CounterError(
        "rating.twice",
        code=rating.code,
        what=f"rating.occasion.{rating.occasion.value}",
        at=iso(at),
    )
