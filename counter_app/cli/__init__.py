"""The command line: JSON on stdout, one clear message on stderr and a non-zero exit on error.

Heavy modules (SQLAlchemy, Qt, holidays) are imported inside the commands, never here.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

__all__ = ["build_parser", "guarded", "run"]

EXIT_ERROR = 1


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """Every command's parser, built on demand: the window's start (main.py) needs none."""
    from counter_app.cli.parser import build_parser as build

    return build(argv)


def run(args: argparse.Namespace) -> int:
    from importlib import import_module

    module, _, name = args.handler.rpartition(":")  # "module:function" for other modules
    commands = import_module(f"counter_app.cli.{module or 'commands'}")
    handler: Callable[[argparse.Namespace], int] = getattr(commands, name)
    from counter_app.cli.operations_commands import log_if_writing  # <data>/logs/

    log_if_writing(args)
    return guarded(args, lambda: handler(args))


def guarded(args: argparse.Namespace, action: Callable[[], int]) -> int:
    """Run a command; a refusal becomes one line on stderr, a bug a line and a crash log."""
    from counter_app.domain.errors import CounterError
    from counter_app.domain.messages import translate

    lang = args.lang
    try:
        return action()
    except CounterError as error:
        print(error.message(lang), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception:
        log = _write_crash_log(args)
        print(translate("app.bug", lang, log=log), file=sys.stderr)
        return EXIT_ERROR


def _write_crash_log(args: argparse.Namespace) -> str:
    """Into the data folder's logs/, scrubbed and owner-only (services/operations/logs.py)."""
    import traceback

    from counter_app.cli.commands import data_dir
    from counter_app.services.operations.logs import write_crash_log

    path = write_crash_log(data_dir(args), traceback.format_exc())
    return str(path) if path else "-"
