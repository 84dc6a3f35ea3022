"""`sign`, `verify` and `papers` (issue 19)."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from counter_app.cli.commands import emit, read_secret, workspace
from counter_app.domain.errors import CounterError


def sign(args: argparse.Namespace) -> int:
    """`sign CODE --user LOGIN [--what …]`, the token's PIN on stdin (never an argument)."""
    from counter_app.domain.clock import iso

    with workspace(args) as ws:
        user = ws.accounts.user(args.user)
        ws.dossiers.get(args.code)  # an unknown code is refused before the PIN is asked
        pin = read_secret("signing.pin_prompt", args.lang)
        signed = ws.signing.sign(args.code, user=user, pin=pin, what=args.what)
    return emit(
        {
            "signed": [
                {
                    "file": str(item.path),
                    "sha256": item.copy.sha256,
                    "signer": item.copy.signer,
                    "signed_at": iso(item.copy.signed_at),
                    "what": item.copy.what,
                    "component": item.copy.component,
                }
                for item in signed
            ]
        }
    )


def verify(args: argparse.Namespace) -> int:
    """`verify FILE.pdf`: the signature checked offline against `signing.trust_roots`."""
    from counter_app.domain.clock import iso
    from counter_app.domain.messages import translate

    with workspace(args) as ws:
        verdict = ws.signing.verify(args.file)
    return emit(
        {
            "signed": verdict.signed,
            "valid": verdict.valid,
            "intact": verdict.intact,
            "signer": verdict.signer,
            "signed_at": iso(verdict.signed_at),
            "reason": translate(verdict.reason, args.lang),
        }
    )


def papers(args: argparse.Namespace) -> int:
    """`papers ID_NUMBER [--user LOGIN]`: the papers on file for that person (audited); with
    `--set-validity PAPER_ID --issued DAY [--expires DAY]` one's validity is set first."""
    with workspace(args) as ws:
        user = ws.accounts.user(args.user) if args.user else None
        if args.set_validity:
            if user is None or not args.issued:
                raise CounterError("papers.validity_needs")
            ws.paper_store.set_validity(
                args.id_number,
                args.set_validity,
                issued_on=_day(args.issued),
                expires_on=_day(args.expires) if args.expires else None,
                user=user,
            )
        found = ws.paper_store.on_file(args.id_number, user=user)
    if found.central_problem is not None:  # stdout stays the list; the shortfall is said aside
        print(found.central_problem.message(args.lang), file=sys.stderr)
    return emit([item.as_json() for item in found])


def _day(text: str) -> date:
    """A date written on a paper (any year: a birth certificate may be older than the app)."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CounterError("input.date", value=text) from None
