"""Entry point of `counter-app`: a subcommand runs the command line, none opens the window.

Only argparse is imported up front, so `counter-app --help` answers at once; each command
imports what it needs when it runs.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from counter_app.cli import build_parser, run

    args = build_parser(argv).parse_args(argv)
    if args.version:
        from importlib.metadata import version

        print(version("counter-app"))
        return 0
    if args.command is None:
        return _open_window(args)
    return run(args)


def _open_window(args) -> int:  # type: ignore[no-untyped-def]
    from counter_app.cli import guarded

    def launch() -> int:
        from counter_app.ui.app import run_app

        return run_app(data_dir=args.data_dir, lang=args.lang)

    return guarded(args, launch)


if __name__ == "__main__":
    sys.exit(main())
