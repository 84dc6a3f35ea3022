"""The `report` commands. Like every command: JSON on stdout, one line on stderr on error."""

from __future__ import annotations

import argparse

from counter_app.cli.commands import _parse_date, emit, output_path, signed_in, workspace
from counter_app.domain.errors import CounterError


def _reader(ws, login: str | None):  # -> User
    """Whose figures: an account's (its role decides what it sees), or without --user the
    counter's own, as whoever holds the data folder already can read it all."""
    from counter_app.domain.permissions import Role
    from counter_app.services.accounts import User

    if login:
        return ws.accounts.user(login)
    return User("counter-app", "", Role.SUPERVISOR)


def _files(args: argparse.Namespace, result: dict, write_xlsx, write_pdf) -> None:
    if args.xlsx:
        result["xlsx"] = str(write_xlsx(output_path(args, args.xlsx)))
    if args.pdf:
        result["pdf"] = str(write_pdf(output_path(args, args.pdf)))


def daily(args: argparse.Namespace) -> int:
    day = _parse_date(args.date)
    with workspace(args) as ws:
        user = _reader(ws, args.user)
        reports = ws.reports
        result = reports.daily(day, user=user, officer=args.officer).to_json()
        _files(
            args,
            result,
            lambda path: reports.export_daily_xlsx(day, path, user=user, officer=args.officer),
            lambda path: reports.export_daily_pdf(day, path, user=user, officer=args.officer),
        )
    return emit(result)


def period(args: argparse.Namespace) -> int:
    start, end = _parse_date(args.date_from), _parse_date(args.date_to)
    with workspace(args) as ws:
        user = _reader(ws, args.user)
        reports = ws.reports
        result = reports.period(start, end, user=user).to_json()
        _files(
            args,
            result,
            lambda path: reports.export_period_xlsx(start, end, path, user=user),
            lambda path: reports.export_period_pdf(start, end, path, user=user),
        )
    return emit(result)


def book(args: argparse.Namespace) -> int:
    start, end = _parse_date(args.date_from), _parse_date(args.date_to)
    target = output_path(args, args.xlsx)
    with workspace(args) as ws:
        user = _reader(ws, args.user)
        path = ws.reports.export_book_xlsx(start, end, target, user=user)
    return emit({"from": start.isoformat(), "to": end.isoformat(), "xlsx": str(path)})


def sign_off(args: argparse.Namespace) -> int:
    day = _parse_date(args.date)
    text = args.cash.strip().replace(".", "").replace(",", "")
    if not text.isdigit():
        raise CounterError("report.cash_amount", value=args.cash)
    with workspace(args) as ws:
        user = signed_in(ws, args)
        signed = ws.reports.sign_off(
            day,
            user=user,
            cash_counted=int(text),
            note=args.note,
            early_reason=args.early_reason,
        )
    return emit(signed.to_json())


def reopen(args: argparse.Namespace) -> int:
    day = _parse_date(args.date)
    with workspace(args) as ws:
        user = signed_in(ws, args)
        reopened = ws.reports.reopen(day, user=user, reason=args.reason)
    return emit(reopened.to_json())
