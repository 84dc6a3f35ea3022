"""Who may do what, declared once: each action a role may be refused, and the roles allowed.

The services check this table (`require`); the window asks it (`allowed`) only to hide what a
role could not do anyway. An action's value is the message key that names it in a refusal
("The account “x” may not <action>").
"""

from __future__ import annotations

from enum import StrEnum

from counter_app.domain.errors import CounterError


class Role(StrEnum):
    STAFF = "staff"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Permission(StrEnum):
    MANAGE_ACCOUNTS = "permission.accounts"
    ADMIN_COMMAND = "secret.admin_what"  # catalog import, accounts from the command line
    OPEN_SETTINGS = "permission.settings_page"
    CHANGE_ADMIN_SETTING = "permission.setting_admin"
    CHANGE_SUPERVISOR_SETTING = "permission.setting_supervisor"
    CHANGE_DESK_SETTING = "permission.setting_desk"
    SEE_COUNTER_REPORTS = "permission.report_counter"  # the whole counter, other officers
    SEE_PERIOD_REPORT = "permission.report_period"
    SIGN_OFF_DAY = "permission.sign_off"  # and reopen it
    CORRECT_AFTER_TRANSFER = "permission.correct_after_transfer"
    RESOLVE_CONFLICT = "permission.resolve_conflict"


_EVERYONE = frozenset(Role)
_SUPERVISING = frozenset({Role.SUPERVISOR, Role.ADMIN})
_ADMIN = frozenset({Role.ADMIN})

PERMISSIONS: dict[Permission, frozenset[Role]] = {
    Permission.MANAGE_ACCOUNTS: _ADMIN,
    Permission.ADMIN_COMMAND: _ADMIN,
    Permission.OPEN_SETTINGS: _ADMIN,
    Permission.CHANGE_ADMIN_SETTING: _ADMIN,
    Permission.CHANGE_SUPERVISOR_SETTING: _SUPERVISING,
    Permission.CHANGE_DESK_SETTING: _EVERYONE,
    Permission.SEE_COUNTER_REPORTS: _SUPERVISING,
    Permission.SEE_PERIOD_REPORT: _SUPERVISING,
    Permission.SIGN_OFF_DAY: _SUPERVISING,
    Permission.CORRECT_AFTER_TRANSFER: _SUPERVISING,
    Permission.RESOLVE_CONFLICT: _SUPERVISING,
}


def allowed(role: Role, action: Permission) -> bool:
    return role in PERMISSIONS[action]


def require(login: str, role: Role, action: Permission) -> None:
    """Refuse with `permission.denied` naming the account and the action."""
    if not allowed(role, action):
        raise CounterError("permission.denied", login=login, what=action.value)
