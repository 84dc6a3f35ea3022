"""Who the officers are, as the history of a move records them."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.store.models import UserRow


def officer_names(session: Session, logins: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Each known login's full name and title now; logins that are no account are left out."""
    wanted = set(logins)
    if not wanted:
        return {}
    rows = session.execute(
        select(UserRow.login, UserRow.full_name, UserRow.title).where(UserRow.login.in_(wanted))
    )
    return {row.login: (row.full_name, row.title) for row in rows}
