"""`queue take|call|recall|skip|done|transfer|status|figures`: JSON on stdout, like every command.

The queue lives in its own store (`queue.url`); this PC's data folder gives the settings."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from counter_app.cli.commands import _parse_date, data_dir, emit, workspace
from counter_app.services.queue import QueueService, called_json, open_queue
from counter_app.services.queue.ticket import TicketSetup, print_from_command_line


@contextmanager
def _queue(args: argparse.Namespace) -> Iterator[QueueService]:
    with workspace(args) as ws, open_queue(ws.settings, data_dir(args)) as queue:
        yield queue


def take(args: argparse.Namespace) -> int:
    with workspace(args) as ws, open_queue(ws.settings, data_dir(args)) as queue:
        taken = queue.take(args.area, args.priority)
        if args.print:  # refused: the message names the ticket, which keeps its place
            print_from_command_line(taken, TicketSetup.of(ws.settings))
        return emit(taken.to_json())


def call(args: argparse.Namespace) -> int:
    with _queue(args) as queue:
        if args.number:
            return emit(called_json(queue.call_ticket(args.number, args.desk)))
        return emit(called_json(queue.call_next(args.desk, args.area)))


def recall(args: argparse.Namespace) -> int:
    with _queue(args) as queue:
        return emit(called_json(queue.recall(args.desk)))


def skip(args: argparse.Namespace) -> int:
    with _queue(args) as queue:
        return emit(called_json(queue.finish(args.desk, absent=True)))


def done(args: argparse.Namespace) -> int:
    with _queue(args) as queue:
        return emit(called_json(queue.finish(args.desk)))


def transfer(args: argparse.Namespace) -> int:
    with _queue(args) as queue:
        return emit(called_json(queue.transfer(args.area, args.desk)))


def status(args: argparse.Namespace) -> int:
    with _queue(args) as queue:
        areas = [
            {
                "area": c.area,
                "waiting": c.waiting,
                "serving": c.serving,
                "name": queue.area_name(c.area),
            }
            for c in queue.status()
        ]
    return emit({"areas": areas})


def figures(args: argparse.Namespace) -> int:
    from counter_app.domain.clock import now

    if args.date_from or args.date_to:
        first = _parse_date(args.date_from or args.date_to)
        last = _parse_date(args.date_to or args.date_from)
    else:
        first = last = _parse_date(args.date) if args.date else now().date()
    with _queue(args) as queue:
        result = queue.figures(first, last).to_json()
    return emit({"from": first.isoformat(), "to": last.isoformat(), **result})
