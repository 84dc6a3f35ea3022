"""Every write path that records a dossier move goes through `services.moves.record_moves`, so a
signed day refuses them all alike and nothing of the refused write is left: not the dossier's
change, not an outbox entry, not an audit line. A new path that writes the outbox or the moves'
audit lines itself is caught by the source check at the end."""

from __future__ import annotations

import ast
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from counter_app.domain.amend import Correction
from counter_app.domain.clock import now
from counter_app.domain.dossier import Collector, Dossier, Status
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action
from counter_app.services.accounts import Role, User
from counter_app.services.demo import generate_dossiers
from counter_app.services.intake import request_from_json
from counter_app.services.sync.admin import CentralAdmin
from counter_app.services.workspace import Workspace
from counter_app.store.models import AuditRow, DossierRow, HistoryRow, OutboxRow
from tests.conftest import AGENCY, SAME_DAY, intake_json
from tests.sync.conftest import CENTRAL_FILE, new_sqlite_central, test_keyring
from tests.sync.helpers import make_counter, take
from tests.sync.test_sync import counter_url

__all__ = ["test_keyring"]  # the sync tests' fixture, used here too

EARLY = "Kiểm thử: khóa sổ sớm"


@dataclass
class Counter:
    """A counter synced with central, with one dossier of each kind a write path needs, whose
    day (today) is then signed off."""

    ws: Workspace
    officer: User
    supervisor: User
    new: Dossier  # received, still at the counter
    releasing: Dossier  # its result ready to hand back
    online: list[str]  # online submissions waiting at the counter
    conflict: int  # an open conflict whose lost move can be made again


@pytest.fixture(scope="module")
def signed_day(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Counter]:
    """The counter, made once for the module (a second of syncing): each test takes a copy."""
    root = tmp_path_factory.mktemp("signed-day")
    central = new_sqlite_central(root)
    ws, officer = make_counter(root, "a")
    supervisor = ws.accounts.add_user("totruong", Role.SUPERVISOR, "matkhau123", "Lê Văn Tổ")
    ws.sync.configure(counter_url(central, "Q1", [AGENCY]))
    ws.sync.run_once()
    new, releasing, disputed = take(ws, officer, 3)
    ws.dossiers.transition(releasing.code, Action.RESOLVE, user=officer)
    ws.dossiers.transition(disputed.code, Action.TRANSFER, user=officer)
    with CentralAdmin(central) as admin:
        online = [admin.submit(intake_json() | {"agency": AGENCY}).uuid for _ in range(2)]
    ws.sync.run_once()
    with CentralAdmin(central) as admin:
        admin.decide(disputed.code, Status.WAITING, note="Thiếu bản sao", actor="phongtp")
    ws.dossiers.transition(disputed.code, Action.STOP, user=officer, note="Hồ sơ giả mạo")
    assert ws.sync.run_once().conflicts == 1
    (conflict,) = ws.sync.conflicts()
    today = now().date()
    cash = ws.reports.daily(today, user=supervisor).cash_fees
    ws.reports.sign_off(today, user=supervisor, cash_counted=cash, early_reason=EARLY)
    ws.close()
    yield Counter(ws, officer, supervisor, new, releasing, online, conflict.id)


@pytest.fixture
def counter(signed_day: Counter, tmp_path: Path) -> Iterator[Counter]:
    """A copy of the signed counter and of its central (demo data leases numbers there)."""
    template = Path(signed_day.ws.data_dir)
    shutil.copytree(template, tmp_path / "a")
    shutil.copy(template.parent / CENTRAL_FILE, tmp_path / CENTRAL_FILE)
    ws = Workspace(tmp_path / "a", busy_timeout_ms=10000)
    ws.settings.set("central.url", f"sqlite:///{tmp_path / CENTRAL_FILE}?counter=Q1")
    yield replace(signed_day, ws=ws)
    ws.close()


WritePath = Callable[[Counter], object]

WRITE_PATHS: dict[str, WritePath] = {
    "intake": lambda c: c.ws.intake.receive(
        request_from_json(intake_json(SAME_DAY)), user=c.officer
    ),
    "transition": lambda c: c.ws.dossiers.transition(c.new.code, Action.TRANSFER, user=c.officer),
    "return": lambda c: c.ws.dossiers.hand_back(
        c.releasing.code, Collector("Nguyễn Văn An", "020090001234"), user=c.officer
    ),
    "online accept": lambda c: c.ws.sync.accept_online(c.online[0], user=c.officer),
    "online refuse": lambda c: c.ws.sync.decide_online(
        c.online[0], Action.REFUSE, user=c.officer, note="Sai thủ tục"
    ),
    "online supplement": lambda c: c.ws.sync.decide_online(
        c.online[1], Action.REQUEST_SUPPLEMENT, user=c.officer, note="Thiếu tờ khai"
    ),
    "conflict redo": lambda c: c.ws.sync.reapply_conflict(c.conflict, user=c.supervisor),
    "demo data": lambda c: generate_dossiers(c.ws, count=5, days=1, seed=1),
    "amend": lambda c: c.ws.dossiers.amend(
        c.new.code, replace(Correction.of(c.new), note="Thiếu giấy ủy quyền"), user=c.officer
    ),
}


def _state(ws: Workspace) -> tuple[int, ...]:
    """What a refused write must leave as it was."""
    with ws.database.read() as session:
        return tuple(
            session.scalar(query) or 0
            for query in (
                select(func.count()).select_from(OutboxRow),
                select(func.count()).select_from(AuditRow),
                select(func.count()).select_from(DossierRow),
                select(func.count()).select_from(HistoryRow),
                select(func.sum(DossierRow.version)),
            )
        )


@pytest.mark.parametrize("path", WRITE_PATHS.values(), ids=WRITE_PATHS.keys())
def test_every_write_path_is_refused_on_a_signed_day(counter: Counter, path: WritePath) -> None:
    before = _state(counter.ws)
    with pytest.raises(CounterError) as refused:
        path(counter)
    assert refused.value.key == "report.day_signed"
    assert _state(counter.ws) == before
    assert {d.uuid for d in counter.ws.sync.online_submissions()} == set(counter.online)
    assert [c.id for c in counter.ws.sync.conflicts()] == [counter.conflict]


@pytest.mark.parametrize("path", WRITE_PATHS.values(), ids=WRITE_PATHS.keys())
def test_every_write_path_goes_through_once_the_day_is_reopened(
    counter: Counter, path: WritePath
) -> None:
    counter.ws.reports.reopen(now().date(), user=counter.supervisor, reason="Sửa sai sót")
    outbox, audit, *_ = _state(counter.ws)
    path(counter)
    after_outbox, after_audit, *_ = _state(counter.ws)
    assert after_outbox > outbox and after_audit > audit


# --- nothing records a move any other way

PACKAGE = Path(__file__).resolve().parents[2] / "counter_app"
MOVES_MODULE = PACKAGE / "services" / "moves.py"
# The writers of a move's traces: the outbox, the moves' audit lines, the dossier's rows.
MOVE_WRITERS = frozenset(
    {"enqueue", "move_audit", "dossier_change", "insert_dossiers", "save_dossier"}
)
# Pulling central's state writes central's dossiers, not a move made here; a code changed after
# a clash at central is no move either (no state, no signed-day figure changes); a citizen's
# paper on file goes to central through the outbox as a paper, not as a dossier's move.
ALLOWED_ELSEWHERE = {
    ("store/central/replica.py", "replace_dossier", "insert_dossiers"),
    ("store/citizen_papers.py", "queue_paper", "enqueue"),
    ("services/moves.py", "record_code_change", "enqueue"),
    ("services/moves.py", "record_code_change", "dossier_change"),
}


def _calls(path: Path) -> list[tuple[str, str]]:
    """(enclosing function, called name) of every call to a move writer in a module."""
    found = []

    def visit(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = function
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                inner = child.name
            if isinstance(child, ast.Call):
                callee = child.func
                name = getattr(callee, "attr", getattr(callee, "id", ""))
                if name in MOVE_WRITERS:
                    found.append((function, name))
            visit(child, inner)

    visit(ast.parse(path.read_text(encoding="utf-8")), "")
    return found


def test_only_record_moves_writes_the_outbox_and_the_moves_audit_lines() -> None:
    elsewhere = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE).as_posix()
        for function, name in _calls(path):
            if path == MOVES_MODULE and function == "record_moves":
                continue
            if (where, function, name) not in ALLOWED_ELSEWHERE:
                elsewhere.append(f"{where}: {function}() calls {name}()")
    assert elsewhere == []
    assert ("record_moves", "enqueue") in _calls(MOVES_MODULE)


def test_the_source_check_would_see_a_path_that_skips_record_moves(tmp_path: Path) -> None:
    sneaky = tmp_path / "sneaky.py"
    sneaky.write_text(
        "def accept(session, dossier):\n"
        "    enqueue(session, [dossier_change(dossier, version=2)])\n"
    )
    assert _calls(sneaky) == [("accept", "enqueue"), ("accept", "dossier_change")]
