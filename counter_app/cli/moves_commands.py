"""The officer's moves from the command line: correcting an intake (`amend`) and the online
submissions (`online list|accept|supplement|refuse`). JSON on stdout, one line on stderr."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from counter_app.cli.commands import (
    dossier_json,
    emit,
    receipt_json,
    shown_dossier,
    signed_in,
    workspace,
)


def acting_user(ws, args: argparse.Namespace, *, supervised: bool = False):  # -> User
    """The account a command acts as (`--user`): the one place these commands ask who acts.
    An officer's everyday move needs the login only; a supervisor's decision (`supervised`)
    needs the password too, on stdin's first line or typed when asked (docs/ADMIN.md)."""
    return signed_in(ws, args) if supervised else ws.accounts.user(args.user)


def _read_json(file: str) -> object:
    from counter_app.services.catalog import parse_json_text, read_json_file

    return parse_json_text(sys.stdin.read()) if file == "-" else read_json_file(Path(file))


def amend(args: argparse.Namespace) -> int:
    """`amend CODE FILE.json|- --user LOGIN [--reason TEXT]` -> the whole dossier; with
    --reason the --user's password comes first on stdin."""
    from counter_app.services.intake import correction_from_json

    with workspace(args) as ws:
        # a correction with a reason is a supervisor's (after transfer): password first, then
        # the JSON when it comes on stdin too
        user = acting_user(ws, args, supervised=bool(args.reason))
        data = _read_json(args.file)
        correction = correction_from_json(data, ws.dossiers.get(args.code))
        ws.dossiers.amend(args.code, correction, user=user, reason=args.reason)
        return emit(shown_dossier(ws, args.code, args.lang))


def online_list(args: argparse.Namespace) -> int:
    from counter_app.domain.clock import iso
    from counter_app.domain.serialize import dossier_to_json

    with workspace(args) as ws:
        waiting = ws.sync.online_submissions()
    rows = []
    for dossier in waiting:
        data = dossier_to_json(dossier)
        rows.append(
            {
                "id": dossier.uuid,
                "procedure": data["procedure"],
                "applicant": data["applicant"],
                "submitted_at": iso(dossier.received_at),
                "agency": dossier.agency_code,
                "documents": data["documents"],
                "sets": dossier.sets,
                "return_method": dossier.return_method.value,
                "note": dossier.note,
            }
        )
    return emit(rows)


def online_accept(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        dossier = ws.sync.accept_online(args.id, user=acting_user(ws, args))
    return emit(receipt_json(dossier))


def online_decide(args: argparse.Namespace) -> int:
    """`online supplement|refuse ID --note TEXT --user LOGIN` -> the dossier as `show` prints."""
    from counter_app.domain.lifecycle import Action

    action = Action.REQUEST_SUPPLEMENT if args.online_command == "supplement" else Action.REFUSE
    with workspace(args) as ws:
        dossier = ws.sync.decide_online(args.id, action, user=acting_user(ws, args), note=args.note)
    return emit(dossier_json(dossier, args.lang))
