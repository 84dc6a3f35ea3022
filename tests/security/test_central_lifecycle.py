"""Central checks each move a counter writes against the lifecycle: on PostgreSQL a trigger with
the table of allowed moves revision c0005 generated from counter_app/domain/lifecycle.py (kept
equal to it here), on SQLite the repository with the domain itself."""

from __future__ import annotations

import importlib.util
import json

import psycopg
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counter_app.domain.dossier import Status, SupplementRound
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import TRANSITIONS, Action, apply
from counter_app.domain.serialize import dossier_to_json
from counter_app.domain.sync import Outcome, counter_owns, with_origins
from counter_app.paths import migrations_dir
from counter_app.services.sync.admin import CentralAdmin
from counter_app.store.central.wire import PushItem
from tests.conftest import AGENCY, intake_json
from tests.domain.test_lifecycle import T0, dossier, no_shift
from tests.sync.helpers import central_rows


def _migration():  # type: ignore[no-untyped-def]
    path = migrations_dir() / "central" / "versions" / "0005_counter_security.py"
    spec = importlib.util.spec_from_file_location("central_0005", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _domain_leads_to(action: Action, start: Status, to: Status) -> bool:
    """Whether the domain's state machine takes a dossier at `start` to `to` by `action`
    (a resubmission goes back to where its supplement round was asked from)."""
    if action is Action.RESUBMIT and to not in TRANSITIONS[Action.REQUEST_SUPPLEMENT][0]:
        return False  # a supplement round is only ever asked from these
    subject = dossier(start)
    if action is Action.RESUBMIT:
        subject.supplement_rounds.append(
            SupplementRound(requested_at=T0, old_due=None, from_status=to)
        )
    try:
        apply(subject, action, actor="canbo", at=T0, shift_due=no_shift, note="lý do")
    except CounterError:
        return False
    return subject.status is to


def test_the_migration_lists_the_domain_lifecycle(province):
    domain = {
        (action.value, start.value, to.value, not counter_owns(action, start))
        for action in TRANSITIONS
        for start in Status
        for to in Status
        if _domain_leads_to(action, start, to)
    }
    receipts = {("receive", None, s, False) for s in ("new", "receiving")}
    moves = set(_migration().MOVES)
    assert moves == domain | receipts
    with province.admin() as connection:
        stored = set(
            connection.execute(
                "SELECT action, from_status, to_status, central_move FROM central_lifecycle_moves"
            ).fetchall()
        )
    assert stored == moves


def _entry(action: str, start: str, to: str) -> str:
    return json.dumps(
        {
            "at": "2026-12-06T10:00:00+07:00",
            "actor": "canbo",
            "action": action,
            "from": start,
            "to": to,
            "note": "lý do",
            "place": "",
        }
    )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    start=st.sampled_from(list(Status)),
    action=st.sampled_from([a for a in Action if a is not Action.RECEIVE]),
    to=st.sampled_from(list(Status)),
    as_central=st.booleans(),
)
def test_the_trigger_takes_exactly_the_moves_the_domain_allows(
    province, start, action, to, as_central
):
    """A dossier central holds at `start` (written by central); the counter writes one move:
    as itself any move of the lifecycle, as central (a merge) only a move the counter owns."""
    with province.admin() as connection:
        connection.execute(
            "UPDATE dossiers SET status = %s, version = 1, written_by = 0, "
            "data = jsonb_set(data, '{status}', to_jsonb(%s::text)) WHERE uuid = %s",
            (start.value, start.value, province.own_uuid),
        )
    expected = _domain_leads_to(action, start, to) and (
        not as_central or counter_owns(action, start)
    )
    attacker = province.connect()
    try:
        attacker.execute(
            "UPDATE dossiers SET status = %(to)s::varchar, version = 2, written_by = %(writer)s, "
            "data = jsonb_set(jsonb_set(data, '{status}', to_jsonb(%(to)s::varchar)), '{history}', "
            "data -> 'history' || jsonb_build_array(%(entry)s::jsonb)) WHERE uuid = %(own)s",
            province.values
            | {
                "to": to.value,
                "writer": 0 if as_central else province.a_number,
                "entry": _entry(action.value, start.value, to.value),
            },
        )
        accepted = True
    except psycopg.errors.InsufficientPrivilege:
        accepted = False
    finally:
        attacker.rollback()
        attacker.close()
    assert accepted == expected


def test_a_pushed_jump_in_the_lifecycle_is_a_conflict_on_both_centrals(central_as_a):
    url, gateway = central_as_a
    with CentralAdmin(url) as admin:
        submitted = admin.submit(intake_json() | {"agency": AGENCY})
    registration = gateway.register(install_id="install-a", name="A", used={})
    data = central_rows(url)[submitted.uuid]
    forged = with_origins(dossier_to_json(submitted), submitted) | {"status": "done"}
    [result] = gateway.push(registration.number, [PushItem.of(submitted.uuid, 2, 1, forged)])
    assert result.outcome is Outcome.CONFLICT
    assert central_rows(url)[submitted.uuid] == data
