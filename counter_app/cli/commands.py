"""One function per subcommand. Each opens the workspace, does one thing, prints JSON."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from counter_app.domain.errors import CounterError


def emit(value: object) -> int:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def data_dir(args: argparse.Namespace) -> Path:
    if args.data_dir is not None:
        return Path(args.data_dir)
    from counter_app.paths import default_data_dir

    return default_data_dir()


def output_path(args: argparse.Namespace, value: str | Path) -> Path:
    """A file to write named on the command line, refused if it is the counter's own data."""
    from counter_app.services.outputs import check_output

    return check_output(Path(value), data_dir(args))


def workspace(args: argparse.Namespace, *, create: bool = False):  # -> Workspace
    from counter_app.services.workspace import Workspace

    return Workspace(data_dir(args), create=create)


def dossier_json(dossier, lang: str) -> dict:
    from counter_app.domain.clock import now
    from counter_app.domain.serialize import dossier_to_json

    data = dossier_to_json(dossier)
    data["status_label"] = dossier.status.label(lang)
    data["overdue"] = dossier.is_overdue(now())
    return data


def init(args: argparse.Namespace) -> int:
    with workspace(args, create=True) as ws:
        result: dict[str, object] = {
            "data_dir": str(ws.data_dir),
            "database": str(ws.database.path),
        }
        restored = ws.audit.restore_triggers()
        if restored:
            result["audit_triggers_restored"] = restored
        if args.demo:
            from counter_app.services.demo import install_demo

            result["demo"] = install_demo(ws)
    return emit(result)


def catalog_import(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        acting_admin(ws, args)
        summary = ws.catalog.import_file(args.file)
    return emit({"agencies": summary.agencies, "procedures": summary.procedures})


def catalog_list(args: argparse.Namespace) -> int:
    from counter_app.domain.catalog_file import procedure_to_json

    with workspace(args) as ws:
        agencies = ws.catalog.agencies()
        rows = []
        for procedure in ws.catalog.search(args.search):
            item = procedure_to_json(procedure)
            agency = agencies.get(procedure.agency_code)
            item["agency_name"] = agency.name if agency else ""
            item["duration"]["text"] = procedure.duration.describe(args.lang)
            rows.append(item)
    return emit(rows)


def read_secret(prompt_key: str, lang: str, **params: object) -> str:
    """A password typed on the terminal (not echoed) when stdin is one, else stdin's first
    line: never from the command line, which every user of the machine can read."""
    if sys.stdin.isatty():
        import getpass

        from counter_app.domain.messages import translate

        text = getpass.getpass(translate(prompt_key, lang, **params) + " ")
    else:
        text = sys.stdin.readline().rstrip("\r\n")
    if not text:
        raise CounterError("secret.missing")
    return text


def signed_in(ws, args: argparse.Namespace):  # -> User
    """The --user of a command that needs more than a login (a supervisor's or an
    administrator's, or one that removes a scan): checked with its password like a sign-in in
    the window, failures counted and audited alike."""
    password = read_secret("secret.prompt_user", args.lang, login=args.user)
    return ws.accounts.authenticate(args.user, password)


def acting_admin(ws, args: argparse.Namespace) -> None:
    """An administrator's command: once the counter has an administrator, one signs it
    (--user and the password); before, whoever sets the folder up is doing just that."""
    from counter_app.domain.permissions import Permission, Role, require

    has_admin = any(user.role is Role.ADMIN and user.active for user in ws.accounts.users())
    if not has_admin and args.user is None:
        return
    if args.user is None:
        raise CounterError("secret.admin_login")
    user = signed_in(ws, args)
    require(user.login, user.role, Permission.ADMIN_COMMAND)


def _read_password_twice(lang: str) -> str:
    lines = sys.stdin.read().splitlines()
    if len(lines) < 2 or not lines[0]:
        raise CounterError("user.password_missing")
    if lines[0] != lines[1]:
        raise CounterError("user.password_mismatch")
    return lines[0]


def user_add(args: argparse.Namespace) -> int:
    from counter_app.services.accounts import parse_role

    role = parse_role(args.role)
    with workspace(args) as ws:
        acting_admin(ws, args)
        password = _read_password_twice(args.lang)
        user = ws.accounts.add_user(args.login, role, password, args.full_name, args.title)
    return emit(
        {
            "login": user.login,
            "role": user.role.value,
            "full_name": user.full_name,
            "title": user.title,
        }
    )


def intake(args: argparse.Namespace) -> int:
    from counter_app.domain.validation import id_number_notes
    from counter_app.services.catalog import parse_json_text, read_json_file
    from counter_app.services.intake import request_from_json

    if args.file == "-":
        data = parse_json_text(sys.stdin.read())
    else:
        data = read_json_file(Path(args.file))
    request = request_from_json(data)
    with workspace(args) as ws:
        user = ws.accounts.user(args.user)
        dossier = ws.intake.receive(request, user=user)
    shown = receipt_json(dossier)
    notes = id_number_notes(dossier.applicant)
    if notes:  # accepted, but the officer should hear it (an old ID card)
        shown["warnings"] = [note.message(args.lang) for note in notes]
    return emit(shown)


def receipt_json(dossier) -> dict:
    """What receiving a dossier prints: its code, state and times."""
    from counter_app.domain.clock import iso

    return {
        "code": dossier.code,
        "uuid": dossier.uuid,
        "status": dossier.status.value,
        "received_at": iso(dossier.received_at),
        "due_at": iso(dossier.due_at),
    }


def show(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        return emit(shown_dossier(ws, args.code, args.lang))


def shown_dossier(ws, code: str, lang: str) -> dict:
    """The whole dossier as `show` prints it, with its scanned originals."""
    from counter_app.services.originals import attachment_json, originals_of

    dossier = ws.dossiers.get(code)
    data = dossier_json(dossier, lang)
    data["attachments"] = [attachment_json(item) for item in originals_of(ws.database, dossier)]
    if (ticket := ws.dossiers.queue_ticket(code)) is not None:  # the citizen's queue ticket
        data["queue"] = ticket.to_json()
    return data


def attach(args: argparse.Namespace) -> int:
    """`attach CODE FILE... --component NAME --user LOGIN`: all the files or none."""
    from counter_app.services.originals import attachment_json

    with workspace(args) as ws:
        user = ws.accounts.user(args.user)
        added = ws.attachments.attach(args.code, args.files, component=args.component, user=user)
        code = ws.dossiers.get(args.code).code
    return emit({"code": code, "attached": [attachment_json(item) for item in added]})


def detach(args: argparse.Namespace) -> int:
    """`detach CODE SHA256|ID --user LOGIN [--reason TEXT]`: audited like the window's remove."""
    from counter_app.services.originals import attachment_json

    with workspace(args) as ws:
        user = signed_in(ws, args)
        removed = ws.attachments.remove(args.code, args.attachment, user=user, reason=args.reason)
        code = ws.dossiers.get(args.code).code
    return emit({"code": code, "detached": attachment_json(removed), "reason": args.reason})


def print_digitised(args: argparse.Namespace) -> int:
    """`print digitised CODE -o FILE.pdf`: the cover and every scan, written whole or not."""
    target = output_path(args, args.output)
    with workspace(args) as ws:
        digitised = ws.attachments.digitised(args.code, lang=args.lang)
        output = ws.attachments.save(digitised, target)
    return emit(
        {
            "paper": "digitised",
            "code": digitised.code,
            "pages": digitised.pages,
            "output": str(output),
            "bytes": len(digitised.pdf),
        }
    )


def _parse_date(text: str) -> date:
    """A day of the counter's work given on the command line (YYYY-MM-DD, years 2000-2099)."""
    from counter_app.domain.limits import check_work_day

    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise CounterError("input.date", value=text) from None
    return check_work_day(day)


def list_dossiers(args: argparse.Namespace) -> int:
    from counter_app.domain.dossier import DossierFilter, Status

    criteria = DossierFilter(
        day=_parse_date(args.date) if args.date else None,
        statuses=(Status(args.status),) if args.status else (),
        text=args.search,
        limit=args.limit,
    )
    with workspace(args) as ws:
        dossiers = ws.dossiers.find(criteria)
    return emit([dossier_json(d, args.lang) for d in dossiers])


def transition(args: argparse.Namespace) -> int:
    from counter_app.domain.lifecycle import parse_action
    from counter_app.services.payments import parse_payment

    action = parse_action(args.action)
    payment = parse_payment(args.method, args.reference) if args.method else None
    with workspace(args) as ws:
        user = ws.accounts.user(args.user)
        dossier = ws.dossiers.transition(
            args.code, action, user=user, note=args.note, payment=payment
        )
    return emit(dossier_json(dossier, args.lang))


def scan(args: argparse.Namespace) -> int:
    from counter_app.domain.scan import classify_scan

    return emit(classify_scan(args.text).to_json(args.lang))


def _amount(text: str, flag: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise CounterError("input.amount", field=flag, value=text) from None
    if not value.is_finite() or value < 0 or value > 10000:
        raise CounterError("input.amount", field=flag, value=text)
    return value


def deadline(args: argparse.Namespace) -> int:
    from datetime import time

    from counter_app.domain.calendar import WorkingCalendar
    from counter_app.domain.catalog import Duration, DurationUnit
    from counter_app.domain.clock import iso, parse_iso
    from counter_app.domain.deadlines import compute_due

    try:
        received = parse_iso(args.received)
    except ValueError:
        raise CounterError("input.datetime", value=args.received) from None
    if not 2000 <= received.year <= 2099:
        raise CounterError("input.year_range", value=args.received)
    if args.cutoff and not args.same_day:
        raise CounterError("input.cutoff_same_day")
    cutoff = None
    if args.cutoff:
        try:
            cutoff = time.fromisoformat(args.cutoff)
        except ValueError:
            raise CounterError("input.time", value=args.cutoff) from None
    if args.working_days is not None:
        duration = Duration(DurationUnit.WORKING_DAYS, _amount(args.working_days, "--working-days"))
    elif args.calendar_days is not None:
        duration = Duration(
            DurationUnit.CALENDAR_DAYS, _amount(args.calendar_days, "--calendar-days")
        )
    elif args.working_hours is not None:
        duration = Duration(
            DurationUnit.WORKING_HOURS, _amount(args.working_hours, "--working-hours")
        )
    else:
        duration = Duration(DurationUnit.SAME_DAY, Decimal(0), cutoff)
    if args.agency:
        with workspace(args) as ws:
            if args.agency not in ws.catalog.agencies():
                raise CounterError("agency.unknown", code=args.agency)
            calendar = ws.calendars.for_agency(args.agency)
            due = compute_due(calendar, received, duration)
    else:
        due = compute_due(WorkingCalendar(), received, duration)
    return emit({"due_at": iso(due)})


def demo_data(args: argparse.Namespace) -> int:
    import time

    from counter_app.services.demo import generate_dossiers

    started = time.perf_counter()
    with workspace(args) as ws:
        made = generate_dossiers(ws, count=args.dossiers, days=args.days)
    return emit({"dossiers": made, "seconds": round(time.perf_counter() - started, 2)})


def audit_verify(args: argparse.Namespace) -> int:
    with workspace(args) as ws:
        check = ws.audit.check()
    return emit(check.to_json())


def print_paper(args: argparse.Namespace) -> int:
    """`print KIND CODE` / `print book`: the PDF to -o FILE (written whole or not at all), or
    to the default printer."""
    from counter_app.services.printing import PaperKind

    kind = PaperKind(args.paper)
    new_due = None
    if kind is PaperKind.APOLOGY:
        from counter_app.domain.clock import parse_iso

        try:
            new_due = parse_iso(args.new_due)
        except ValueError:
            raise CounterError("input.datetime", value=args.new_due) from None
    if kind is PaperKind.BOOK:
        if args.date and not (args.date_from or args.date_to):
            first = last = _parse_date(args.date)
        elif args.date_from and args.date_to and not args.date:
            first, last = _parse_date(args.date_from), _parse_date(args.date_to)
        else:
            raise CounterError("paper.book_dates")
    target = output_path(args, args.output) if args.output else None
    with workspace(args) as ws:
        if kind is PaperKind.BOOK:
            paper = ws.papers.tracking_book(first, last)
        else:
            paper = ws.papers.render(
                kind,
                args.code,
                size=getattr(args, "size", None),
                new_due=new_due,
                reason=getattr(args, "note", ""),
            )
        result: dict[str, object] = {
            "paper": kind.value,
            "code": paper.code,
            "title": paper.title,
            "pages": paper.pages,
        }
        if target is not None:
            result["output"] = str(ws.papers.save(paper, target))
            result["bytes"] = len(paper.pdf)
        else:
            job = ws.papers.send_to_printer(paper)
            result["printer"] = job.printer
            result["job"] = job.answer
    return emit(result)
