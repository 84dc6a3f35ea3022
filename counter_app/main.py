"""Entry point of `counter-app`: a subcommand runs the command line, none opens the window.

Only argparse is imported up front, so `counter-app --help` answers at once; each command
imports what it needs when it runs, and a plain start of the window builds no command parser.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

WINDOW_OPTIONS = ("--data-dir", "--lang")


def main(argv: list[str] | None = None) -> int:
    _worker_process()
    _utf8_streams()
    _announce_running()
    window = _window_options(sys.argv[1:] if argv is None else argv)
    if window is not None:
        return _open_window(window, argv)
    from counter_app.cli import build_parser, run

    args = build_parser(argv).parse_args(argv)
    if args.version:
        from importlib.metadata import version

        print(version("counter-app"))
        return 0
    if args.command in (None, "kiosk", "board"):
        return _open_window(args, argv)
    return run(args)


def _worker_process() -> None:
    """In the frozen program, a process started with "spawn" (the window's sync worker) is
    the program itself with `--multiprocessing-fork`: run the worker and exit there, before
    anything reads the command line. Run from Python, "spawn" starts Python itself and never
    comes here; the window's quick start imports nothing more."""
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()


def _utf8_streams() -> None:
    """Speak UTF-8 on stdin, stdout and stderr whatever the locale or code page says.

    On Windows a pipe or a file gets the ANSI code page (cp1252, cp1258): Vietnamese letters
    would crash the output with UnicodeEncodeError, and the frozen program ignores PYTHONUTF8.
    A console is left alone (Python already writes it as UTF-16 through WriteConsoleW).
    """
    import codecs

    for stream in (sys.stdin, sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "ascii"
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and codecs.lookup(encoding).name != "utf-8":
            reconfigure(encoding="utf-8")


# Inno Setup's AppMutex: the setup and the uninstaller see the program running and ask to close it.
RUNNING_MUTEX = "counter-app-running"
_running_mutex: list[object] = []  # the handle, held until the process ends


def _announce_running() -> None:
    if sys.platform == "win32" and not _running_mutex:
        import ctypes

        _running_mutex.append(ctypes.windll.kernel32.CreateMutexW(None, False, RUNNING_MUTEX))


def _window_options(argv: list[str]) -> argparse.Namespace | None:
    """The window's options when the command line holds nothing else (a start from the desktop
    or the menu), read without building every command's parser, which would hold up the sign-in
    window; anything else (a command, --help, a wrong value) goes to the full parser."""
    values: dict[str, str] = {}
    rest = list(argv)
    while rest:
        name, equals, value = rest.pop(0).partition("=")
        if name not in WINDOW_OPTIONS or name in values:
            return None
        if not equals:
            if not rest:
                return None
            value = rest.pop(0)
        values[name] = value
    lang = values.get("--lang", os.environ.get("COUNTER_APP_LANG", "vi"))
    if lang not in ("vi", "en"):
        return None
    data_dir = Path(values["--data-dir"]) if "--data-dir" in values else None
    return argparse.Namespace(data_dir=data_dir, lang=lang, command=None, version=False)


def _open_window(args: argparse.Namespace, argv: list[str] | None) -> int:
    from counter_app.cli import guarded

    if _no_display():
        print(_NO_DISPLAY[1 if args.lang == "en" else 0], file=sys.stderr)
        return 1

    def launch() -> int:
        explicit = any(a == "--lang" or a.startswith("--lang=") for a in argv or sys.argv[1:])
        chosen = args.lang if explicit or os.environ.get("COUNTER_APP_LANG") else None
        if args.command is not None:  # the queue's kiosk or board, full screen
            from counter_app.ui.queue.app import run_screen

            return run_screen(args.command, args.data_dir, chosen, full_screen=not args.window)
        _import_before_qt()
        from counter_app.ui.app import run_app

        return run_app(data_dir=args.data_dir, lang=chosen)

    return guarded(args, launch)


def _import_before_qt() -> None:
    """The plain Python modules the sign-in window needs, imported before Qt: once PySide6 is
    loaded it reads the source of every module imported after it (to see whether the module
    uses its __feature__ switches), which slowed the window's start by a fiftieth."""
    import concurrent.futures  # noqa: F401

    import counter_app.services.operations.instance
    import counter_app.services.preferences  # noqa: F401


_NO_DISPLAY = (
    "Không tìm thấy màn hình để mở cửa sổ (biến DISPLAY hoặc WAYLAND_DISPLAY trống). "
    "Hãy chạy trong phiên đồ họa, hoặc dùng các lệnh con (counter-app --help).",
    "No display to open the window on (DISPLAY and WAYLAND_DISPLAY are empty). "
    "Run it in a graphical session, or use the subcommands (counter-app --help).",
)


def _no_display() -> bool:
    """On Linux without a display Qt would abort with a core dump: say so plainly instead."""
    env = os.environ
    return (
        sys.platform.startswith("linux")
        and not env.get("QT_QPA_PLATFORM")
        and not env.get("DISPLAY")
        and not env.get("WAYLAND_DISPLAY")
    )


if __name__ == "__main__":
    sys.exit(main())
