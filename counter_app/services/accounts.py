"""Accounts of the counter: roles, argon2 password hashes, lock-out, and audited logins."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy import func, select

if TYPE_CHECKING:
    from argon2 import PasswordHasher

from counter_app.domain.clock import now
from counter_app.domain.errors import CounterError
from counter_app.domain.limits import NAME_LIMIT
from counter_app.domain.permissions import Permission, require
from counter_app.domain.permissions import Role as Role  # re-exported: a User has a Role
from counter_app.domain.text import checked_text
from counter_app.store.database import Database
from counter_app.store.journal import AuditEntry, append_audit
from counter_app.store.models import UserRow

MAX_FAILURES = 5
LOCK_TIME = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
LOGIN_PATTERN = re.compile(r"^[a-z0-9._-]{2,32}$")


def failed_sign_in(failures: int) -> CounterError:
    """The refusal of a wrong password: from the second in a row it says how many tries are
    left, and the last one says the account is now locked (so no one types a sixth time in
    vain)."""
    minutes = int(LOCK_TIME.total_seconds() // 60)
    if failures >= MAX_FAILURES:
        return CounterError("login.locked", minutes=minutes)
    if failures >= 2:
        return CounterError("login.attempts_left", left=MAX_FAILURES - failures, minutes=minutes)
    return CounterError("login.failed")


@dataclass(frozen=True)
class User:
    login: str
    full_name: str
    role: Role
    active: bool = True
    title: str = ""  # chức vụ, as the national portal's progress records name the officer


def parse_role(text: str) -> Role:
    try:
        return Role(text.strip().lower())
    except ValueError:
        raise CounterError("user.role", role=text) from None


def _user(row: UserRow) -> User:
    return User(row.login, row.full_name, Role(row.role), row.active, row.title)


class AccountService:
    def __init__(self, database: Database) -> None:
        self._db = database

    @cached_property
    def _hasher(self) -> PasswordHasher:
        """argon2 is imported by what handles passwords, not by every command that names a role."""
        from argon2 import PasswordHasher

        return PasswordHasher()

    def add_user(
        self, login: str, role: Role, password: str, full_name: str = "", title: str = ""
    ) -> User:
        login = login.strip().lower()
        if not LOGIN_PATTERN.match(login):
            raise CounterError("user.login_format", login=login)
        if len(password) < MIN_PASSWORD_LENGTH:
            raise CounterError("user.password_short", length=MIN_PASSWORD_LENGTH)
        full_name = checked_text("full_name", full_name, NAME_LIMIT)
        title = checked_text("title", title, NAME_LIMIT)
        digest = self._hasher.hash(password)
        at = now()
        with self._db.write() as session:
            if session.scalar(select(UserRow.id).where(UserRow.login == login)) is not None:
                raise CounterError("user.exists", login=login)
            session.add(
                UserRow(
                    login=login,
                    full_name=full_name,
                    title=title,
                    role=role.value,
                    password_hash=digest,
                    created_at=at,
                )
            )
            append_audit(session, [AuditEntry(at, login, "user.add", login, {"role": role.value})])
        return User(login, full_name, role, title=title)

    def user(self, login: str) -> User:
        """An active account by login, for commands that act in someone's name."""
        login = login.strip().lower()
        with self._db.read() as session:
            row = session.scalar(select(UserRow).where(UserRow.login == login))
        if row is None:
            raise CounterError("user.unknown", login=login)
        if not row.active:
            raise CounterError("login.inactive", login=login)
        return _user(row)

    def users(self) -> list[User]:
        with self._db.read() as session:
            rows = session.scalars(select(UserRow).order_by(UserRow.login)).all()
        return [_user(r) for r in rows]

    def update_user(
        self,
        login: str,
        *,
        by: User,
        role: Role | None = None,
        full_name: str | None = None,
        title: str | None = None,
        active: bool | None = None,
        password: str | None = None,
    ) -> User:
        """An administrator's change to an account, audited; a new password also unlocks it.
        The last active administrator cannot be disabled or demoted: someone must remain
        who can manage the counter."""
        require(by.login, by.role, Permission.MANAGE_ACCOUNTS)
        if password is not None and len(password) < MIN_PASSWORD_LENGTH:
            raise CounterError("user.password_short", length=MIN_PASSWORD_LENGTH)
        digest = self._hasher.hash(password) if password is not None else None
        at = now()
        with self._db.write() as session:
            row = session.scalar(select(UserRow).where(UserRow.login == login.strip().lower()))
            if row is None:
                raise CounterError("user.unknown", login=login)
            loses_admin = row.role == Role.ADMIN.value and (
                (role is not None and role is not Role.ADMIN) or active is False
            )
            if loses_admin:
                admins = session.scalar(
                    select(func.count())
                    .select_from(UserRow)
                    .where(UserRow.role == Role.ADMIN.value, UserRow.active.is_(True))
                )
                if (admins or 0) <= 1:
                    raise CounterError("user.last_admin")
            changes: dict[str, object] = {}
            if role is not None:
                row.role = changes["role"] = role.value
            if full_name is not None:
                row.full_name = changes["full_name"] = checked_text(
                    "full_name", full_name, NAME_LIMIT
                )
            if title is not None:
                row.title = changes["title"] = checked_text("title", title, NAME_LIMIT)
            if active is not None:
                row.active = changes["active"] = active
            if digest is not None:
                row.password_hash = digest
                row.failed_attempts = 0
                row.locked_until = None
                changes["password"] = "reset"
            append_audit(session, [AuditEntry(at, by.login, "user.update", row.login, changes)])
            return _user(row)

    def authenticate(self, login: str, password: str, *, at: datetime | None = None) -> User:
        """Check a password; five failures in a row lock the account for fifteen minutes.
        Failures are committed (counted and audited) before the refusal is raised."""
        login = login.strip().lower()
        at = at or now()
        refusal: CounterError | None = None
        with self._db.write() as session:
            row = session.scalar(select(UserRow).where(UserRow.login == login))
            if row is None:
                append_audit(session, [AuditEntry(at, login, "login.unknown", login)])
                refusal = CounterError("login.failed")
            elif not row.active:
                append_audit(session, [AuditEntry(at, login, "login.inactive", login)])
                refusal = CounterError("login.inactive", login=login)
            elif row.locked_until is not None and row.locked_until > at:
                minutes = max(1, int((row.locked_until - at).total_seconds() // 60) + 1)
                append_audit(session, [AuditEntry(at, login, "login.locked", login)])
                refusal = CounterError("login.locked", minutes=minutes)
            elif not self._verify(row.password_hash, password):
                row.failed_attempts += 1
                detail: dict[str, object] = {"failures": row.failed_attempts}
                refusal = failed_sign_in(row.failed_attempts)
                if row.failed_attempts >= MAX_FAILURES:
                    row.locked_until = at + LOCK_TIME
                    row.failed_attempts = 0
                    detail["locked_until"] = row.locked_until.isoformat()
                append_audit(session, [AuditEntry(at, login, "login.failed", login, detail)])
            else:
                row.failed_attempts = 0
                row.locked_until = None
                if self._hasher.check_needs_rehash(row.password_hash):
                    row.password_hash = self._hasher.hash(password)
                append_audit(session, [AuditEntry(at, login, "login.ok", login)])
                user = _user(row)
        if refusal is not None:
            raise refusal
        return user

    def _verify(self, digest: str, password: str) -> bool:
        from argon2.exceptions import InvalidHashError, VerificationError

        try:
            return self._hasher.verify(digest, password)
        except (VerificationError, InvalidHashError):
            return False
