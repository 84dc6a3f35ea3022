"""`settings list|get|set`: the registry made scriptable, for rolling a province's counters out.

`set` acts in an account's name, signed with its password (stdin's first line), so the change
is checked against that account's role and audited like one made on the settings page.
"""

from __future__ import annotations

import argparse

from counter_app.cli.commands import emit, signed_in, workspace


def settings_list(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        return emit(ws.settings.listing())


def settings_get(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        return emit(ws.settings.listing_of(args.key))


def settings_set(args: argparse.Namespace) -> int:
    from counter_app.domain.settings_registry import from_text

    with workspace(args) as ws:
        # a value that does not fit is refused before the password is asked
        _, value = ws.settings.writable(args.key, from_text(args.key, args.value))
        user = signed_in(ws, args)
        return emit(ws.settings.change(args.key, value, user))
