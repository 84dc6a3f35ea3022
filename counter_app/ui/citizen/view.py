"""What the citizen's screen shows, read from the intake form or from a stored dossier: plain
text, so the screen never reaches into the officer's widgets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from counter_app.domain.dossier import Dossier
from counter_app.ui import formatting
from counter_app.ui.intake.values import birth_text, due_text

if TYPE_CHECKING:
    from counter_app.ui.intake.page import IntakePage


@dataclass(frozen=True)
class CitizenView:
    procedure: str = ""
    full_name: str = ""
    id_number: str = ""
    birth_date: str = ""
    phone: str = ""
    address: str = ""
    papers: tuple[str, ...] = field(default_factory=tuple)
    fees: str = ""
    due: str = ""

    @property
    def empty(self) -> bool:
        return not any(
            (self.procedure, self.full_name, self.id_number, self.birth_date, self.phone,
             self.address, self.papers)
        )  # fmt: skip


def view_of_intake(page: IntakePage) -> CitizenView:
    """The form as typed, spelling mistakes and all: that is what the citizen checks."""
    fields = page.fields
    procedure = page.procedure()
    total = page.fees.total()
    return CitizenView(
        procedure=procedure.name if procedure else "",
        full_name=fields["full_name"].text(),
        id_number=fields["id_number"].text(),
        birth_date=fields["birth_date"].text(),
        phone=fields["phone"].text(),
        address=fields["address"].text(),
        papers=tuple(
            f"{doc.name} ({doc.count})" for doc in page.papers.documents() if doc.name.strip()
        ),
        fees=formatting.money(total, "vi") if procedure and total else "",
        due=page.due_label.text() if procedure else "",
    )


def view_of_dossier(dossier: Dossier) -> CitizenView:
    applicant = dossier.applicant
    total = sum(line.total for line in dossier.fees)
    return CitizenView(
        procedure=dossier.procedure_name,
        full_name=applicant.full_name,
        id_number=applicant.id_number,
        birth_date=birth_text(applicant.birth_date) if applicant.birth_date else "",
        phone=applicant.phone,
        address=applicant.address,
        papers=tuple(f"{doc.name} ({doc.count})" for doc in dossier.documents),
        fees=formatting.money(total, "vi") if total else "",
        due=due_text(dossier.due_at),
    )
