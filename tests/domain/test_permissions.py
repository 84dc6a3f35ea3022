"""Who may do what: the whole table, enumerated, so a change to it is a visible decision."""

from __future__ import annotations

import pytest

from counter_app.domain.errors import CounterError
from counter_app.domain.messages import MESSAGES
from counter_app.domain.permissions import PERMISSIONS, Permission, Role, allowed, require

S, V, A = Role.STAFF, Role.SUPERVISOR, Role.ADMIN
EXPECTED = {
    Permission.MANAGE_ACCOUNTS: {A},
    Permission.ADMIN_COMMAND: {A},
    Permission.OPEN_SETTINGS: {A},
    Permission.CHANGE_ADMIN_SETTING: {A},
    Permission.CHANGE_SUPERVISOR_SETTING: {V, A},
    Permission.CHANGE_DESK_SETTING: {S, V, A},
    Permission.SEE_COUNTER_REPORTS: {V, A},
    Permission.SEE_PERIOD_REPORT: {V, A},
    Permission.SIGN_OFF_DAY: {V, A},
    Permission.CORRECT_AFTER_TRANSFER: {V, A},
    Permission.RESOLVE_CONFLICT: {V, A},
}


def test_the_table_declares_every_permission_exactly_as_agreed() -> None:
    assert set(PERMISSIONS) == set(Permission)
    assert {permission: set(roles) for permission, roles in PERMISSIONS.items()} == EXPECTED


@pytest.mark.parametrize("permission", list(Permission))
@pytest.mark.parametrize("role", list(Role))
def test_require_refuses_with_a_message_naming_the_account_and_the_action(
    permission: Permission, role: Role
) -> None:
    assert permission.value in MESSAGES
    if role in EXPECTED[permission]:
        assert allowed(role, permission)
        require("someone", role, permission)
        return
    assert not allowed(role, permission)
    with pytest.raises(CounterError) as refused:
        require("someone", role, permission)
    assert refused.value.key == "permission.denied"
    english = refused.value.message("en")
    assert "“someone” may not" in english and MESSAGES[permission.value][1] in english
