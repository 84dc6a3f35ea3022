"""Errors the user can act on. They carry a message key, so each UI renders its own language."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Problem:
    """One invalid field: which field, and the message key that explains it."""

    field: str
    key: str
    params: dict[str, object] = dataclasses.field(default_factory=dict)

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return translate(self.key, lang, **self.params)


class ValidationFailed(CounterError):
    """Several fields may be wrong at once; the form shows each next to its field."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems[0].key, **problems[0].params)
        self.problems = problems

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return " ".join(p.message(lang) for p in self.problems)
