"""`rate` and `notices`: JSON on stdout, one line on stderr on error."""

from __future__ import annotations

import argparse

from counter_app.cli.commands import emit, workspace


def rate(args: argparse.Namespace) -> int:
    """`rate CODE LEVEL [--reason TEXT]...` -> the rating as stored."""
    from counter_app.domain.ratings import Source, parse_level

    reasons = [part for text in args.reason for part in text.split(",")]
    with workspace(args) as ws:
        rating = ws.ratings.rate(
            args.code, parse_level(args.level), reasons, source=Source.KEYPAD, login=args.user
        )
    return emit(rating.to_json())


def notices(args: argparse.Namespace) -> int:
    """`notices [--code CODE]` -> the notices with their times; `notices send` -> what this
    sending did: {"sent", "failed", "waiting"}."""
    with workspace(args) as ws:
        if args.action == "send":
            return emit(ws.notices.send_waiting().to_json())
        return emit(ws.notices.notices(args.code))


def central_notices(args: argparse.Namespace) -> int:
    """`central notices URL [--code CODE]` -> central's notices with their times; `central
    notices URL send` sends what waits with this data folder's settings -> {"sent", "failed",
    "waiting"}."""
    from counter_app.cli.sync_commands import _admin
    from counter_app.services.dossiers import normalise_code

    with workspace(args) as ws, _admin(args) as admin:
        sender = admin.notice_sender(ws.settings)
        if args.action == "send":
            return emit(sender.send_waiting().to_json())
        return emit(sender.notices(normalise_code(args.code) if args.code else None))
