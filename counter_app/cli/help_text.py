"""A command's help is a (Vietnamese, English) pair in its grammar module's HELP table; one
look-up picks the user's language for all of them."""

from __future__ import annotations

from collections.abc import Callable, Mapping


def help_in(lang: str, table: Mapping[str, tuple[str, str]]) -> Callable[[str], str]:
    """The help text of a key in `lang` (English for "en", else Vietnamese)."""
    pick = 1 if lang == "en" else 0
    return lambda key: table[key][pick]
