from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from counter_app.domain.errors import CounterError
from counter_app.services.accounts import MAX_FAILURES, Role
from counter_app.store.models import AuditRow, UserRow
from tests.conftest import vn


def audit_actions(ws) -> list[str]:  # type: ignore[no-untyped-def]
    with ws.database.read() as session:
        return list(session.scalars(select(AuditRow.action).order_by(AuditRow.id)))


def test_password_is_stored_as_argon2_hash_and_login_works(ws, officer):
    with ws.database.read() as session:
        digest = session.scalar(select(UserRow.password_hash).where(UserRow.login == "canbo"))
    assert digest.startswith("$argon2id$") and "matkhau123" not in digest
    user = ws.accounts.authenticate("CanBo", "matkhau123")
    assert (user.login, user.role, user.full_name) == ("canbo", Role.STAFF, "Nguyễn Thị Hoa")
    assert audit_actions(ws)[-1] == "login.ok"


def test_wrong_password_is_refused_and_audited(ws, officer):
    with pytest.raises(CounterError) as refused:
        ws.accounts.authenticate("canbo", "sai")
    assert refused.value.key == "login.failed"
    assert audit_actions(ws)[-1] == "login.failed"


def test_account_locks_after_repeated_failures_then_unlocks(ws, officer):
    t0 = vn(2025, 4, 24, 9)
    for attempt in range(MAX_FAILURES):
        with pytest.raises(CounterError):
            ws.accounts.authenticate("canbo", f"sai{attempt}", at=t0 + timedelta(seconds=attempt))
    with pytest.raises(CounterError) as locked:
        ws.accounts.authenticate("canbo", "matkhau123", at=t0 + timedelta(minutes=1))
    assert locked.value.key == "login.locked"
    assert "phút" in locked.value.message("vi")
    user = ws.accounts.authenticate("canbo", "matkhau123", at=t0 + timedelta(minutes=16))
    assert user.login == "canbo"


def test_unknown_login_is_refused_like_a_wrong_password(ws):
    with pytest.raises(CounterError) as refused:
        ws.accounts.authenticate("nobody", "whatever1")
    assert refused.value.key == "login.failed"  # does not reveal which logins exist
    with pytest.raises(CounterError) as unknown:
        ws.accounts.user("nobody")
    assert unknown.value.key == "user.unknown"


@pytest.mark.parametrize(
    ("login", "password", "key"),
    [("canbo", "matkhau123", "user.exists"), ("Cán bộ", "matkhau123", "user.login_format"),
     ("moi", "ngan", "user.password_short")],
)  # fmt: skip
def test_bad_new_accounts_are_refused(ws, officer, login, password, key):
    with pytest.raises(CounterError) as refused:
        ws.accounts.add_user(login, Role.ADMIN, password)
    assert refused.value.key == key
    assert [u.login for u in ws.accounts.users()] == ["canbo"]


def test_admin_manages_accounts_and_the_last_admin_stays(ws, officer):
    admin = ws.accounts.add_user("quantri", Role.ADMIN, "quantri123", "Nông Thị Mai")
    with pytest.raises(CounterError) as denied:
        ws.accounts.update_user("quantri", by=officer, active=False)
    assert denied.value.key == "permission.denied"
    assert "quản lý tài khoản" in denied.value.message("vi")
    with pytest.raises(CounterError) as last:
        ws.accounts.update_user("quantri", by=admin, role=Role.STAFF)
    assert last.value.key == "user.last_admin"
    changed = ws.accounts.update_user("canbo", by=admin, role=Role.SUPERVISOR, active=False)
    assert (changed.role, changed.active) == (Role.SUPERVISOR, False)
    with pytest.raises(CounterError) as disabled:
        ws.accounts.authenticate("canbo", "matkhau123")
    assert disabled.value.key == "login.inactive"
    ws.accounts.update_user("canbo", by=admin, active=True, password="matmoi2026")
    assert ws.accounts.authenticate("canbo", "matmoi2026").role is Role.SUPERVISOR
    assert audit_actions(ws).count("user.update") == 2


def test_reset_password_unlocks_a_locked_account(ws, officer):
    admin = ws.accounts.add_user("quantri", Role.ADMIN, "quantri123")
    for attempt in range(MAX_FAILURES):
        with pytest.raises(CounterError):
            ws.accounts.authenticate("canbo", f"sai{attempt}")
    ws.accounts.update_user("canbo", by=admin, password="matmoi2026")
    assert ws.accounts.authenticate("canbo", "matmoi2026").login == "canbo"
