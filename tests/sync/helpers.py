"""Counters, faults and central look-ups shared by the sync tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from counter_app.domain.errors import CounterError
from tests.conftest import new_store_template


class FaultyGateway:
    """The real gateway, failing on request: before the call reaches central, or after
    central committed (the reply is lost), or every call while the line is down."""

    def __init__(self, inner) -> None:  # type: ignore[no-untyped-def]
        self.inner = inner
        self.offline = False
        self.fail_next: str | None = None  # "before" | "after"
        self.fail_on: str | None = None  # only calls of this name (push, pull, leases...)

    def _call(self, op: str, *args, fault: str | None = None, **kwargs):  # type: ignore[no-untyped-def]
        """`fault`: the name a test fails it by, when not its own (pull_all is a pull)."""
        if self.offline:
            raise CounterError("sync.offline", reason="line down (test)")
        mode = None
        if self.fail_next and (self.fail_on is None or self.fail_on == (fault or op)):
            mode, self.fail_next = self.fail_next, None
        if mode == "before":
            raise CounterError("sync.offline", reason="cut before central (test)")
        result = getattr(self.inner, op)(*args, **kwargs)
        if mode == "after":
            raise CounterError("sync.offline", reason="reply lost after commit (test)")
        return result

    def register(self, **kwargs):  # type: ignore[no-untyped-def]
        return self._call("register", **kwargs)

    def push(self, *args):  # type: ignore[no-untyped-def]
        return self._call("push", *args)

    def pull(self, *args):  # type: ignore[no-untyped-def]
        return self._call("pull", *args)

    def pull_all(self, *args):  # type: ignore[no-untyped-def]
        return self._call("pull_all", *args, fault="pull")

    def leases(self, *args):  # type: ignore[no-untyped-def]
        return self._call("leases", *args)

    def codes(self, *args):  # type: ignore[no-untyped-def]
        return self._call("codes", *args)

    def resolve(self, *args):  # type: ignore[no-untyped-def]
        return self._call("resolve", *args)

    def audit_anchor(self, *args):  # type: ignore[no-untyped-def]
        return self._call("audit_anchor", *args)

    def record_ratings(self, *args):  # type: ignore[no-untyped-def]
        return self._call("record_ratings", *args)

    def record_anchor(self, *args):  # type: ignore[no-untyped-def]
        return self._call("record_anchor", *args)

    def file_papers(self, *args):  # type: ignore[no-untyped-def]
        return self._call("file_papers", *args)

    def papers_for(self, *args):  # type: ignore[no-untyped-def]
        return self._call("papers_for", *args)

    def paper_copy(self, *args):  # type: ignore[no-untyped-def]
        return self._call("paper_copy", *args)

    def attachments_present(self, *args):  # type: ignore[no-untyped-def]
        return self._call("attachments_present", *args)

    def put_attachments(self, *args):  # type: ignore[no-untyped-def]
        return self._call("put_attachments", *args)

    def start_upload(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return self._call("start_upload", *args, **kwargs)

    def claim_upload(self, *args):  # type: ignore[no-untyped-def]
        return self._call("claim_upload", *args)

    def put_chunk(self, *args):  # type: ignore[no-untyped-def]
        return self._call("put_chunk", *args)

    def finish_upload(self, *args):  # type: ignore[no-untyped-def]
        return self._call("finish_upload", *args)

    def release(self) -> None:
        self.inner.release()

    def close(self) -> None:
        self.inner.close()


def make_counter(root: Path, name: str, *, faulty: bool = False, **options):  # type: ignore[no-untyped-def]
    """A counter's workspace with an officer; with `faulty`, its sync goes through a
    FaultyGateway kept as `ws.faults`."""
    from counter_app.services.accounts import Role
    from counter_app.services.sync import SyncService
    from counter_app.services.sync.gateway import CentralGateway
    from counter_app.services.workspace import Workspace

    if not (root / name).exists():
        shutil.copytree(new_store_template(), root / name)
    ws = Workspace(root / name, create=True, busy_timeout_ms=10000)
    ws.settings.set("counter.name", f"Quầy {name}")
    user = ws.accounts.add_user("canbo", Role.STAFF, "matkhau123", "Nguyễn Thị Hoa")
    holder: dict = {}

    def factory(address):  # type: ignore[no-untyped-def]
        gateway = CentralGateway(address)
        if faulty:
            gateway = FaultyGateway(gateway)
            holder["faults"] = gateway
            ws.faults = gateway
        return gateway

    ws.sync.close()
    ws.sync = SyncService(
        ws.database,
        ws.settings,
        ws.catalog,
        ws.calendars,
        ws.intake,
        gateway_factory=factory,
        **options,
    )
    return ws, user


def take(ws, user, count: int = 1, procedure: str | None = None):  # type: ignore[no-untyped-def]
    from counter_app.services.intake import request_from_json
    from tests.conftest import TEN_DAYS, intake_json

    return [
        ws.intake.receive(request_from_json(intake_json(procedure or TEN_DAYS)), user=user)
        for _ in range(count)
    ]


def central_rows(url: str) -> dict[str, dict]:
    """uuid -> {code, version, status, written_by} as central holds them."""
    from sqlalchemy import select

    from counter_app.services.sync.admin import open_central
    from counter_app.store.central.models import CentralDossierRow as D

    database = open_central(url)
    try:
        with database.read() as session:
            rows = session.execute(select(D.uuid, D.code, D.version, D.status, D.written_by, D.seq))
            return {
                r.uuid: {
                    "code": r.code,
                    "version": r.version,
                    "status": r.status,
                    "written_by": r.written_by,
                    "seq": r.seq,
                }
                for r in rows
            }
    finally:
        database.close()


def local_rows(ws) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from counter_app.store.models import DossierRow as D

    with ws.database.read() as session:
        rows = session.execute(select(D.uuid, D.code, D.version, D.synced_version, D.status))
        return {
            r.uuid: {
                "code": r.code,
                "version": r.version,
                "synced": r.synced_version,
                "status": r.status,
            }
            for r in rows
        }


def one_submission_accepted_twice(central: str, root: Path):  # type: ignore[no-untyped-def]
    """Counters a and b, both synced with `central`, accept the same online submission; only
    a has pushed since. Returns (a, b, the submission's uuid, a's dossier): the race that
    leaves b with a conflict on its next sync."""
    from counter_app.services.sync.admin import CentralAdmin
    from tests.conftest import AGENCY, intake_json

    a, user_a = make_counter(root, "a")
    b, user_b = make_counter(root, "b")
    for ws in (a, b):
        ws.sync.configure(central)
        ws.sync.run_once()
    with CentralAdmin(central) as admin:
        uuid = admin.submit(intake_json() | {"agency": AGENCY}).uuid
    a.sync.run_once()
    b.sync.run_once()
    first = a.sync.accept_online(uuid, user=user_a)
    b.sync.accept_online(uuid, user=user_b)
    a.sync.run_once()
    return a, b, uuid, first


def as_an_older_version_left_it(ws, uuid: str, **values: object) -> None:  # type: ignore[no-untyped-def]
    """Write `values` straight into a dossier's row, as an older version of the app could
    have left them. That version's outbox entries held no JSON of the dossier (revision 0024),
    so the entries waiting lose theirs, and a push reads the dossier back from its rows."""
    from sqlalchemy import update

    from counter_app.store.models import DossierRow, OutboxRow

    with ws.database.write() as session:
        session.execute(update(DossierRow).where(DossierRow.uuid == uuid).values(**values))
        session.execute(update(OutboxRow).where(OutboxRow.entity_id == uuid).values(dossier=None))
