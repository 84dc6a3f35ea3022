"""A decision taken at central reaches the applicant from central (issue 18: "sent from
central when the decision was taken there"): central queues its notice with the decision and
its sender (the counters' worker code pointed at central's queue) sends it through a real SMTP
server; no counter queues another when the decision comes down, so it is sent once."""

from __future__ import annotations

import json

import pytest

from counter_app.domain.dossier import Status
from counter_app.domain.lifecycle import Action
from counter_app.services.intake import request_from_json
from counter_app.services.sync.admin import CentralAdmin
from tests.citizen.test_notices import Mailbox, smtp
from tests.conftest import AGENCY, SMALL_CATALOG, TEN_DAYS, intake_json
from tests.sync.helpers import make_counter
from tests.sync.test_attachments_sync import central, counter_url
from tests.sync.test_cli_and_worker import cli

__all__ = ["central", "smtp"]  # the fixtures this module uses from others


def test_centrals_decision_is_sent_once_from_central(central, smtp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    mailbox, port = smtp
    assert isinstance(mailbox, Mailbox)
    here, officer = make_counter(tmp_path, "a")
    there, _ = make_counter(tmp_path, "b")  # serves the same agency: pulls the dossier too
    here.sync.configure(counter_url(central, "A", [AGENCY]))
    there.sync.configure(counter_url(central, "B", [AGENCY]))
    here.sync.run_once()
    data = intake_json(TEN_DAYS)
    data["applicant"]["consent"] = {"notices": True}
    dossier = here.intake.receive(request_from_json(data), user=officer)
    here.dossiers.transition(dossier.code, Action.TRANSFER, user=officer)
    here.sync.run_once()
    there.sync.run_once()
    with CentralAdmin(central) as admin:
        admin.decide(dossier.code, Status.RELEASING, note="", actor="phongtp")
        queued = admin.notice_sender(here.settings).notices(dossier.code)
    assert [(n["kind"], n["channel"], n["state"]) for n in queued] == [
        ("result_ready", "email", "waiting"),
        ("result_ready", "sms", "waiting"),
    ]
    for _ in range(2):  # a second round brings nothing new
        here.sync.run_once()
        there.sync.run_once()
    assert here.dossiers.get(dossier.code).status is Status.RELEASING  # the decision came down
    assert here.notices.notices(dossier.code) == []  # noticed at central, not again here
    assert there.notices.notices(dossier.code) == []
    # central's sender: the mail server of the data folder it runs with
    for key, value in (
        ("notices.smtp.host", "127.0.0.1"),
        ("notices.smtp.port", port),
        ("notices.smtp.tls", "none"),
        ("notices.from", "mot-cua@langson.gov.vn"),
    ):
        here.settings.set(key, value)
    with CentralAdmin(central) as admin:
        sender = admin.notice_sender(here.settings)
        assert sender.send_waiting().to_json() == {"sent": 1, "failed": 0, "waiting": 1}
        assert sender.send_waiting().to_json() == {"sent": 0, "failed": 0, "waiting": 1}
        states = [(n["channel"], n["state"]) for n in sender.notices(dossier.code)]
    assert states == [("email", "sent"), ("sms", "waiting")]  # no SMS gateway set: it waits
    [message] = mailbox.messages  # sent once
    assert message["To"] == data["applicant"]["email"]
    assert dossier.code in message.get_content()
    here.close()
    there.close()


@pytest.mark.slow
def test_central_notices_on_the_command_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    central = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    data = ["--data-dir", str(tmp_path / "counter")]
    catalog = tmp_path / "catalog.json"
    catalog.write_text(json.dumps(SMALL_CATALOG), encoding="utf-8")
    for command in (
        ("central", "init", central),
        ("central", "catalog", central, str(catalog)),
        (*data, "init"),
        (*data, "sync", "--central", central, "--once"),
    ):
        assert cli(*command).returncode == 0
    cli(*data, "user", "add", "canbo", "--role", "staff", stdin="matkhau123\nmatkhau123\n")
    intake = intake_json(TEN_DAYS)
    intake["applicant"]["consent"] = {"notices": True}
    (tmp_path / "d.json").write_text(json.dumps(intake), encoding="utf-8")
    code = json.loads(cli(*data, "intake", str(tmp_path / "d.json"), "--user", "canbo").stdout)[
        "code"
    ]
    assert cli(*data, "transition", code, "transfer", "--user", "canbo").returncode == 0
    assert cli(*data, "sync", "--once").returncode == 0
    assert cli("central", "status", central, code, "releasing").returncode == 0
    listed = json.loads(cli(*data, "central", "notices", central, "--code", code).stdout)
    assert [(n["code"], n["channel"], n["state"]) for n in listed] == [
        (code, "email", "waiting"),
        (code, "sms", "waiting"),
    ]
    sent = json.loads(cli(*data, "central", "notices", central, "send").stdout)
    assert sent == {"sent": 0, "failed": 0, "waiting": 2}  # nothing set up here: both wait
    assert cli(*data, "sync", "--once").returncode == 0
    assert json.loads(cli(*data, "notices", "--code", code).stdout) == []
