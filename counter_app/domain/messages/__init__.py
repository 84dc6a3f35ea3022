"""Every message the user can see from the domain and services, in Vietnamese and English.

Widgets translate their own strings through Qt; what comes out of the rules (a refused
move, an invalid ID number) is rendered here so the command line and the window say the same.
The table is kept in parts by subject, this package's modules; a key is declared once.
"""

from __future__ import annotations

from counter_app.domain.messages import citizen_and_queue, intake_and_sync, operations_and_law

DEFAULT_LANGUAGE = "vi"
LANGUAGES = ("vi", "en")

# key: (Vietnamese, English). Parameters use str.format names.
MESSAGES: dict[str, tuple[str, str]] = {}
for _part in (intake_and_sync, operations_and_law, citizen_and_queue):
    _twice = MESSAGES.keys() & _part.MESSAGES.keys()
    if _twice:
        raise ValueError(f"messages declared twice: {sorted(_twice)}")
    MESSAGES.update(_part.MESSAGES)


# Parameters that may name another message (a field, an action, a state, a reason) rather
# than carry what the user typed; only these are translated, so typed text never is.
KEY_PARAMETERS = frozenset({"field", "action", "status", "reason", "what"})


def translate(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """Render a message in the user's language, translating parameters that name keys."""
    vi, en = MESSAGES[key]
    template = en if lang == "en" else vi
    rendered = {
        name: (
            translate(value, lang)
            if name in KEY_PARAMETERS and isinstance(value, str) and value in MESSAGES
            else value
        )
        for name, value in params.items()
    }
    return template.format(**rendered)
