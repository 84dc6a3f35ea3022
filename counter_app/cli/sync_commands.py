"""The `sync` and `central` commands. Like every command: JSON on stdout, one line on stderr on
error; SQLAlchemy, psycopg and keyring are imported only when a command runs."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

from counter_app.cli.commands import emit, read_secret, workspace
from counter_app.cli.operations_commands import sync_lock
from counter_app.domain.errors import CounterError


def sync(args: argparse.Namespace) -> int:
    """One round with --once (prints its counts); otherwise the background worker's loop,
    printing one JSON line per round until interrupted."""
    with sync_lock(args), workspace(args) as ws:
        if args.central or args.sslmode or args.sslrootcert or args.password_stdin:
            url = args.central or ws.settings.identity().central_url
            if not url:
                raise CounterError("sync.no_central")
            password = _password(args, url, asked=not ws.sync.has_password(url))
            ws.sync.configure(
                url, sslmode=args.sslmode, sslrootcert=args.sslrootcert, password=password
            )
        else:
            ws.sync.address()  # refuses at once when no central was ever given
        if args.once:
            return emit(ws.sync.run_once().to_json())
        return _run_worker(ws, args.lang)


def _password(args: argparse.Namespace, url: str, *, asked: bool = False) -> str | None:
    """The central password apart from the address: stdin's first line with
    --password-stdin, else typed at the terminal when `asked` (the keyring lacks it) and a
    person is there. One still written in the address works, with a warning: the process list
    shows it to every user for the whole run."""
    from counter_app.store.central.database import CentralAddress, split_password

    bare, in_address = split_password(url)
    if in_address is not None:
        print(CounterError("secret.in_address").message(args.lang), file=sys.stderr)
    if args.password_stdin or (asked and in_address is None and sys.stdin.isatty()):
        user = CentralAddress(bare).user
        if user is not None and not bare.startswith("sqlite"):
            return read_secret("secret.prompt_central", args.lang, user=user)
    return None


def _run_worker(ws, lang: str) -> int:
    stop = threading.Event()

    def _stop(*_: object) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)

    def report(result, error) -> None:
        line = result.to_json() if result is not None else {"error": error.message(lang)}
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        sys.stdout.flush()

    ws.sync.run_forever(stop, on_round=report)
    return 0


def _admin(args: argparse.Namespace):
    from counter_app.services.sync.admin import CentralAdmin

    return CentralAdmin(args.url, password=_password(args, args.url))


def central_init(args: argparse.Namespace) -> int:
    with _admin(args) as admin:
        return emit(admin.init())


def central_add_counter(args: argparse.Namespace) -> int:
    """On PostgreSQL the counter's own login, its password printed once; on a trial SQLite
    central no credentials (SQLite has no logins): the address names the counter instead."""
    from counter_app.store.central.database import split_password

    with _admin(args) as admin:
        made = admin.add_counter(args.counter, args.agency, args.name or "")
        sqlite = admin.database.address.is_sqlite
    bare = split_password(args.url)[0]
    parts = urlsplit(bare)
    if sqlite:
        joiner = "&" if parts.query else "?"
        central = f"{bare}{joiner}{urlencode({'counter': made.counter_id})}"
        note = "no credentials on a trial SQLite central: give the counter this address"
    else:
        login = f"{made.role}:{made.password}@{parts.netloc.rsplit('@', 1)[-1]}"
        central = urlunsplit(parts._replace(netloc=login))
        note = "shown once: give it to the counter (sync --central ADDRESS); central keeps no copy"
    return emit(
        {
            "counter": made.counter_id,
            "number": made.number,
            "agencies": list(made.agencies),
            "credentials": "none" if sqlite else "role-password",
            "role": made.role,
            "password": made.password,
            "central": central,
            "note": note,
        }
    )


def central_status(args: argparse.Namespace) -> int:
    """A decision with CODE STATUS; without them, central's state for the administrator, with
    a warning for each (agency, day) whose number space runs low."""
    from counter_app.cli.commands import dossier_json
    from counter_app.domain.dossier import Status
    from counter_app.services.dossiers import normalise_code

    if args.code is None:
        with _admin(args) as admin:
            state = admin.state()
        return emit(state.to_json(args.lang))
    if args.status is None:
        raise CounterError("central.status_needs_both")
    code = normalise_code(args.code)
    with _admin(args) as admin:
        dossier = admin.decide(code, Status(args.status), note=args.note)
    return emit(dossier_json(dossier, args.lang))


def central_submit(args: argparse.Namespace) -> int:
    from counter_app.services.catalog import read_json_file

    data = read_json_file(Path(args.file))
    with _admin(args) as admin:
        dossier = admin.submit(data)
    return emit(
        {"uuid": dossier.uuid, "status": dossier.status.value, "agency": dossier.agency_code}
    )


def central_catalog(args: argparse.Namespace) -> int:
    from counter_app.domain.catalog_file import catalog_from_json
    from counter_app.services.catalog import read_json_file

    catalog = catalog_from_json(read_json_file(Path(args.file)))
    with _admin(args) as admin:
        count = admin.import_catalog(catalog)
    return emit(
        {"agencies": len(catalog.agencies), "procedures": len(catalog.procedures), "rows": count}
    )


def central_calendar(args: argparse.Namespace) -> int:
    """A day off or an extra working day for every agency, or every day of an official calendar
    file; counters pull them at their next sync and their due times follow."""
    from counter_app.cli.commands import _parse_date

    if (args.import_file is None) == (args.date is None):
        raise CounterError("central.calendar.date_or_import")
    if args.import_file is not None:
        return _import_official_days(args)
    day = _parse_date(args.date)
    note = args.note.strip()
    with _admin(args) as admin:
        if args.remove:
            admin.remove_calendar_day(day)
        else:
            admin.set_calendar_day(day, working=args.kind == "workday", note=note)
    return emit(
        {
            "date": day.isoformat(),
            "kind": args.kind,
            "note": "" if args.remove else note,
            "removed": args.remove,
        }
    )


def _import_official_days(args: argparse.Namespace) -> int:
    from counter_app.domain.official_days import official_days_from_json
    from counter_app.services.catalog import read_json_file

    official = official_days_from_json(read_json_file(Path(args.import_file)))
    with _admin(args) as admin:
        admin.import_official_days(official)
    return emit(
        {
            "version": official.version,
            "decisions": len(official.decisions),
            "days_off": len(official.days_off),
            "working_days": len(official.working_days),
        }
    )


def central_export(args: argparse.Namespace) -> int:
    """JSON lines; with --since a last line {"last_seq": N}, N the number to give next time
    (the one given when nothing changed)."""
    from counter_app.cli.commands import _parse_date

    day = _parse_date(args.date) if args.date else None
    since = _sequence(args.since) if args.since is not None else None
    last = since
    with _admin(args) as admin:
        for entry in admin.export(day, since):
            sys.stdout.write(json.dumps(entry.record, ensure_ascii=False) + "\n")
            last = entry.seq
    if since is not None:
        sys.stdout.write(json.dumps({"last_seq": last}) + "\n")
    return 0


def _sequence(text: str) -> int:
    digits = text.strip()
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 18:
        raise CounterError("central.since_invalid", value=text)
    return int(digits)
