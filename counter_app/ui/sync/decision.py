"""The officer's decision on one online submission: accept it (it gets its code and due time
now, as a walk-in would), or ask for a supplement or refuse it with a reason the applicant
reads on paper."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from counter_app.domain.dossier import Dossier
from counter_app.domain.lifecycle import TRANSITIONS, Action
from counter_app.ui.dossiers.action import MoveDialog

DECISIONS = (Action.ACCEPT, Action.REQUEST_SUPPLEMENT, Action.REFUSE)


class DecisionDialog(MoveDialog):
    """`perform(note)` records the decision and raises CounterError to refuse it; the refusal
    is shown here and the dialog stays open. Opened with `open()`."""

    ERROR_NAME = "decisionError"

    def __init__(
        self,
        submission: Dossier,
        action: Action,
        lang: str,
        perform: Callable[[str], object],
        parent: QWidget | None = None,
    ) -> None:
        if action not in DECISIONS:
            raise ValueError(action)
        after = TRANSITIONS[action][1]
        super().__init__(action, lang, perform, submission.status, after, parent)
        self.about_label.setText(
            self.tr("Online submission of {name}: {procedure}").format(
                name=submission.applicant.full_name, procedure=submission.procedure_name
            )
        )
        if self.required:
            self.add_reason()
        else:
            explain = QLabel(
                self.tr(
                    "The dossier gets its code and its due time now, counted from this moment "
                    "as for a walk-in; the decision goes up to the central system."
                )
            )
            explain.setWordWrap(True)
            self.body.addWidget(explain)
        self.add_foot()
