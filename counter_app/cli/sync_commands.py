"""The `sync` and `central` commands. Like every command: JSON on stdout, one line on stderr on
error; SQLAlchemy, psycopg and keyring are imported only when a command runs."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from pathlib import Path

from counter_app.cli.commands import emit, workspace
from counter_app.domain.errors import CounterError


def sync(args: argparse.Namespace) -> int:
    """One round with --once (prints its counts); otherwise the background worker's loop,
    printing one JSON line per round until interrupted."""
    with workspace(args) as ws:
        if args.central or args.sslmode or args.sslrootcert:
            url = args.central or ws.settings.identity().central_url
            if not url:
                raise CounterError("sync.no_central")
            ws.sync.configure(url, sslmode=args.sslmode, sslrootcert=args.sslrootcert)
        else:
            ws.sync.address()  # refuses at once when no central was ever given
        if args.once:
            return emit(ws.sync.run_once().to_json())
        return _run_worker(ws, args.lang)


def _run_worker(ws, lang: str) -> int:  # type: ignore[no-untyped-def]
    stop = threading.Event()

    def _stop(*_: object) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)

    def report(result, error) -> None:  # type: ignore[no-untyped-def]
        line = result.to_json() if result is not None else {"error": error.message(lang)}
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        sys.stdout.flush()

    ws.sync.run_forever(stop, on_round=report)
    return 0


def _admin(url: str):  # type: ignore[no-untyped-def]
    from counter_app.services.sync.admin import CentralAdmin

    return CentralAdmin(url)


def central_init(args: argparse.Namespace) -> int:
    with _admin(args.url) as admin:
        return emit(admin.init())


def central_add_counter(args: argparse.Namespace) -> int:
    with _admin(args.url) as admin:
        if admin.database.dialect != "postgresql":
            raise CounterError("central.no_roles")
        made = admin.add_counter(args.counter, args.agency, args.name or "")
    return emit(
        {
            "counter": made.counter_id,
            "number": made.number,
            "agencies": list(made.agencies),
            "role": made.role,
            "password": made.password,
            "note": "shown once: give it to the counter "
            "(sync --central postgresql://ROLE:PASSWORD@HOST/DB); central does not keep it",
        }
    )


def central_status(args: argparse.Namespace) -> int:
    from counter_app.cli.commands import dossier_json
    from counter_app.domain.dossier import Status
    from counter_app.services.dossiers import normalise_code

    code = normalise_code(args.code)
    with _admin(args.url) as admin:
        dossier = admin.decide(code, Status(args.status), note=args.note)
    return emit(dossier_json(dossier, args.lang))


def central_submit(args: argparse.Namespace) -> int:
    from counter_app.services.catalog import read_json_file

    data = read_json_file(Path(args.file))
    with _admin(args.url) as admin:
        dossier = admin.submit(data)
    return emit(
        {"uuid": dossier.uuid, "status": dossier.status.value, "agency": dossier.agency_code}
    )


def central_catalog(args: argparse.Namespace) -> int:
    from counter_app.domain.catalog_file import catalog_from_json
    from counter_app.services.catalog import read_json_file

    catalog = catalog_from_json(read_json_file(Path(args.file)))
    with _admin(args.url) as admin:
        count = admin.import_catalog(catalog)
    return emit(
        {"agencies": len(catalog.agencies), "procedures": len(catalog.procedures), "rows": count}
    )


def central_export(args: argparse.Namespace) -> int:
    from counter_app.cli.commands import _parse_date

    day = _parse_date(args.date) if args.date else None
    with _admin(args.url) as admin:
        for record in admin.export(day):
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0
