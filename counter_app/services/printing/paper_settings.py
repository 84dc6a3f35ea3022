"""What the papers read from the counter's `papers.*` settings.

Each key, its default, its range and what it does is declared in
`counter_app/domain/settings_registry.py`; a value of the wrong shape is refused here with its
key named (`paper.setting`), since a paper must not come out with a setting silently ignored.
The kinds of paper are those of `PaperKind`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from counter_app.domain.errors import CounterError
from counter_app.domain.settings_registry import REGISTRY, int_default
from counter_app.services.printing.kinds import PaperKind
from counter_app.services.printing.regimes import REGIMES, Regime

RECEIPT_SIZES = REGISTRY["papers.receipt_size"].choices
LABEL_SIZES = REGISTRY["papers.label_size"].choices


def _text(name: str) -> str:
    return str(REGISTRY[f"papers.{name}"].default)


@dataclass(frozen=True)
class PaperSettings:
    """The `papers.*` settings; their defaults are the registry's."""

    place: str = _text("place")
    regime: str = _text("regime")
    legal_basis: str = _text("legal_basis")
    form_numbers: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    parent_agency_name: str = _text("parent_agency_name")
    status_url_template: str = _text("status_url_template")
    tracking_book_volume: str = _text("tracking_book_volume")
    registers: dict[str, str] = field(default_factory=dict)
    contact_phone: str = _text("contact_phone")
    receipt_size: str = _text("receipt_size")
    label_size: str = _text("label_size")
    label_printer_dpi: int = int_default("papers.label_printer_dpi")

    @classmethod
    def from_values(cls, values: Mapping[str, object]) -> PaperSettings:
        """Read the `papers.*` keys; a value of the wrong shape is refused with its key named."""
        found: dict[str, object] = {}
        defaults = cls()
        for name in cls.__dataclass_fields__:
            key = f"papers.{name}"
            value = values.get(key)
            if value is None or value == "" or value == {}:
                continue
            default = getattr(defaults, name)
            if isinstance(default, dict):
                if not isinstance(value, dict) or not all(
                    isinstance(k, str) and isinstance(v, str) for k, v in value.items()
                ):
                    raise CounterError("paper.setting", name=key, value=value)
                if unknown := set(value) - {kind.value for kind in PaperKind}:
                    raise CounterError("paper.setting", name=key, value=", ".join(sorted(unknown)))
            elif isinstance(default, int):
                if isinstance(value, bool) or not isinstance(value, int) or not 72 <= value <= 1200:
                    raise CounterError("paper.setting", name=key, value=value)
            elif not isinstance(value, str):
                raise CounterError("paper.setting", name=key, value=value)
            else:
                value = value.strip()
            found[name] = value
        settings = cls(**found)  # type: ignore[arg-type]
        if settings.regime not in REGIMES:
            raise CounterError("paper.setting", name="papers.regime", value=settings.regime)
        if settings.receipt_size.upper() not in RECEIPT_SIZES:
            raise CounterError(
                "paper.setting", name="papers.receipt_size", value=settings.receipt_size
            )
        if settings.label_size.lower() not in LABEL_SIZES:
            raise CounterError("paper.setting", name="papers.label_size", value=settings.label_size)
        if settings.status_url_template and "{code}" not in settings.status_url_template:
            raise CounterError(
                "paper.setting",
                name="papers.status_url_template",
                value=settings.status_url_template,
            )
        return settings

    @property
    def forms(self) -> Regime:
        """The regime in force with this counter's overrides applied."""
        base = REGIMES[self.regime]
        return Regime(
            key=base.key,
            legal_basis=self.legal_basis or base.legal_basis,
            form_numbers={**base.form_numbers, **self.form_numbers},
            titles={**base.titles, **self.titles},
        )

    def volume(self, year: int) -> str:
        return self.tracking_book_volume.replace("{year}", str(year))

    def status_url(self, code: str) -> str:
        return self.status_url_template.replace("{code}", code) if self.status_url_template else ""
