"""Errors the user can act on. They carry a message key, so each UI renders its own language."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from counter_app.domain.messages import DEFAULT_LANGUAGE, translate


class CounterError(Exception):
    """A refusal the user can understand and fix (bad input, illegal move, locked file)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return translate(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message()


class Problem(NamedTuple):
    """One invalid field: which field, and the message key that explains it. (The records the
    sign-in window's start reads are named tuples: a dataclass is compiled as it is imported,
    1 to 2 ms each.)"""

    field: str
    key: str
    params: Mapping[str, object] = MappingProxyType({})

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return translate(self.key, lang, **self.params)


class ValidationFailed(CounterError):
    """Several fields may be wrong at once; the form shows each next to its field."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems[0].key, **problems[0].params)
        self.problems = problems

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return " ".join(p.message(lang) for p in self.problems)
