"""The command line builds only the grammar of the command it names (issue 16: building all of
them took about 15 ms of every command's start, one about 5), and that grammar is the same as in
the whole one; a word that is no command, or the top level's help, still gets all of them."""

from __future__ import annotations

import argparse

import pytest

from counter_app.cli.parser import build_parser


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    found = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(found[0].choices) if found else {}


def _grammar(parser: argparse.ArgumentParser) -> list:
    """Every option, argument and default of a parser and of its subcommands, recursively."""
    shape: list = [sorted((k, repr(v)) for k, v in parser._defaults.items())]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            shape.append([(name, _grammar(sub)) for name, sub in action.choices.items()])
        else:
            shape.append(
                (action.option_strings, action.dest, action.nargs, action.choices,
                 action.required, repr(action.default), action.help)
            )  # fmt: skip
    return shape


WHOLE = build_parser([])
NAMES = sorted(_commands(WHOLE))


def test_the_whole_grammar_has_every_command():
    assert {"show", "print", "report", "sync", "intake", "queue", "settings"} <= set(NAMES)
    assert len(NAMES) >= 30


@pytest.mark.parametrize("name", NAMES)
def test_a_named_command_gets_its_own_grammar_only_and_the_same(name: str):
    parser = build_parser(["--data-dir", "/x", "--lang", "vi", name, "--whatever"])
    commands = _commands(parser)
    assert list(commands) == [name]
    assert _grammar(commands[name]) == _grammar(_commands(WHOLE)[name])


def test_the_command_is_found_after_the_top_level_options():
    assert list(_commands(build_parser(["--data-dir=/x", "--version", "show", "C"]))) == ["show"]
    assert list(_commands(build_parser(["--lang", "en", "report", "daily"]))) == ["report"]
    parsed = build_parser(["--lang", "en", "show", "H01.001"]).parse_args(
        ["--lang", "en", "show", "H01.001"]
    )
    assert (parsed.command, parsed.code, parsed.handler, parsed.lang) == (
        "show", "H01.001", "show", "en"
    )  # fmt: skip


@pytest.mark.parametrize(
    "argv",
    [[], ["--help"], ["-h", "show"], ["--data-dir", "/x"], ["shwo", "C"], ["--lan", "en", "show"]],
)
def test_no_command_named_or_a_word_that_is_none_builds_them_all(argv: list[str]):
    assert sorted(_commands(build_parser(argv))) == NAMES


def test_a_mistyped_command_lists_every_command(capsys):  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as ended:
        build_parser(["shwo", "C"]).parse_args(["shwo", "C"])
    assert ended.value.code == 2
    message = capsys.readouterr().err
    assert "shwo" in message
    assert all(name in message for name in ("show", "report", "print", "queue"))


def test_a_commands_own_help_is_whole(capsys):  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit):
        build_parser(["--lang", "en", "report", "--help"]).parse_args(
            ["--lang", "en", "report", "--help"]
        )
    shown = capsys.readouterr().out
    assert "daily" in shown and "period" in shown
