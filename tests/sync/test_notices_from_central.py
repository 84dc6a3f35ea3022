"""A decision taken at central reaches the applicant too: the counter that received the dossier
queues its notice when the decision comes down, and only that counter."""

from __future__ import annotations

from counter_app.domain.dossier import Status
from counter_app.domain.lifecycle import Action
from counter_app.services.intake import request_from_json
from counter_app.services.sync.admin import CentralAdmin
from tests.conftest import AGENCY, TEN_DAYS, intake_json
from tests.sync.helpers import make_counter
from tests.sync.test_attachments_sync import counter_url


def test_centrals_decision_is_noticed_once_by_the_receiving_counter(sqlite_central, tmp_path):
    here, officer = make_counter(tmp_path, "a")
    there, _ = make_counter(tmp_path, "b")  # serves the same agency: pulls the dossier too
    here.sync.configure(counter_url(sqlite_central, "A", [AGENCY]))
    there.sync.configure(counter_url(sqlite_central, "B", [AGENCY]))
    here.sync.run_once()
    data = intake_json(TEN_DAYS)
    data["applicant"]["consent"] = {"notices": True}
    dossier = here.intake.receive(request_from_json(data), user=officer)
    here.dossiers.transition(dossier.code, Action.TRANSFER, user=officer)
    here.sync.run_once()
    there.sync.run_once()
    with CentralAdmin(sqlite_central) as admin:
        admin.decide(dossier.code, Status.RELEASING, note="", actor="phongtp")
    here.sync.run_once()
    there.sync.run_once()
    here.sync.run_once()  # a second round brings nothing new: nothing queued twice
    queued = here.notices.notices(dossier.code)
    assert [(n["kind"], n["channel"]) for n in queued] == [
        ("result_ready", "email"),
        ("result_ready", "sms"),
    ]
    assert there.notices.notices(dossier.code) == []
    here.close()
    there.close()
