"""The command line: JSON on stdout, one clear message on stderr and a non-zero exit on error.

Heavy modules (SQLAlchemy, Qt, holidays) are imported inside the commands, never here.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from counter_app.cli.parser import build_parser

__all__ = ["build_parser", "guarded", "run"]

EXIT_ERROR = 1


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
    import tempfile
    import traceback
    from datetime import datetime

    from counter_app.domain.text import hide_passwords

    text = hide_passwords(traceback.format_exc())
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folders = []
    if getattr(args, "data_dir", None):
        folders.append(Path(args.data_dir) / "logs")
    folders.append(Path(tempfile.gettempdir()))
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"counter-app-crash-{stamp}-{os.getpid()}.log"
            path.write_text(text, encoding="utf-8")
            return str(path)
        except OSError:
            continue
    return "-"
