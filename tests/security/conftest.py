"""The attack suite runs on the sync tests' real PostgreSQL and SQLite centrals (their fixtures
are imported here once, for every module). `province` is one
PostgreSQL central for a whole module: counter A serves AGENCY, counter B (the victim) serves
OTHER_AGENCY; each has an online submission, B a lease, a conflict and a scanned original. An
attacker is A's own role, used directly with psycopg."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest

from counter_app.domain.clock import now
from counter_app.services.sync.admin import CentralAdmin
from counter_app.services.sync.gateway import CentralGateway
from counter_app.store.central.database import CentralAddress, split_password
from tests.conftest import AGENCY, CALENDAR, OTHER_AGENCY, intake_json
from tests.sync.conftest import (  # noqa: F401  (fixtures)
    PgServer,
    fresh_pg_central,
    pg_central,
    pg_server,
    sqlite_central,
    test_keyring,
)
from tests.sync.test_postgres import add_counter
from tests.sync.test_sync import central  # noqa: F401  (a fixture: each central in turn)

SCAN = b"%PDF-1.4 the victim's scanned ID card"
SCAN_SHA = hashlib.sha256(SCAN).hexdigest()


@dataclass(frozen=True)
class Province:
    server: PgServer
    admin_url: str
    a_url: str  # the attacker's own address, password included
    b_url: str
    a_role: str
    a_number: int
    b_number: int
    own_uuid: str  # a submission to AGENCY, A's to accept
    victim_uuid: str  # a submission to OTHER_AGENCY, B's
    today: date

    def connect(self, url: str | None = None):  # type: ignore[no-untyped-def]
        """A psycopg connection (as the attacker unless told), one transaction."""
        import psycopg

        return psycopg.connect(url or self.a_url)

    def admin(self):  # type: ignore[no-untyped-def]
        import psycopg

        return psycopg.connect(self.admin_url, autocommit=True)

    @property
    def values(self) -> dict:
        """The names the attacks' SQL uses."""
        return {
            "own": self.own_uuid,
            "victim": self.victim_uuid,
            "mine": AGENCY,
            "theirs": OTHER_AGENCY,
            "me": self.a_number,
            "them": self.b_number,
            "today": self.today,
            "sha": SCAN_SHA,
        }


@pytest.fixture(scope="module")
def province(pg_server: PgServer) -> Iterator[Province]:  # noqa: F811
    with fresh_pg_central(pg_server) as url:
        a, a_url = add_counter(url, "A", [AGENCY])
        b, b_url = add_counter(url, "B", [OTHER_AGENCY])
        with CentralAdmin(url) as admin:
            own = admin.submit(intake_json() | {"agency": AGENCY}).uuid
            victim = admin.submit(intake_json(CALENDAR) | {"agency": OTHER_AGENCY}).uuid
        today = now().date()
        made = Province(
            pg_server, url, a_url, b_url, a.role, a.number, b.number, own, victim, today
        )
        with made.connect(b_url) as connection:
            connection.execute("SELECT * FROM take_code_lease(%s, %s, 50)", (OTHER_AGENCY, today))
            connection.execute("SELECT take_fallback_slot(%s)", (OTHER_AGENCY,))
        with made.admin() as connection:
            connection.execute(
                "INSERT INTO blobs VALUES (%s, %s, 1048576, true, %s, now(), now())",
                (SCAN_SHA, len(SCAN), b.number),
            )
            connection.execute("INSERT INTO blob_chunks VALUES (%s, 0, %s)", (SCAN_SHA, SCAN))
            connection.execute(
                "INSERT INTO attachments VALUES (%s, %s, 'CCCD', 0, 0, 'application/pdf', %s, 1, "
                "'cccd.pdf', 'canbo', now(), false, NULL, %s, now())",
                (victim, SCAN_SHA, len(SCAN), b.number),
            )
            connection.execute(
                "INSERT INTO conflicts (at, counter_number, dossier_uuid, pushed_version, reason, "
                "pushed) VALUES (now(), %s, %s, 2, 'test', '{}')",
                (b.number, victim),
            )
        yield made


@pytest.fixture(params=["postgresql", "sqlite"])
def central_as_a(request, tmp_path):  # type: ignore[no-untyped-def]
    """(the central's admin URL, a gateway logged in as counter A serving AGENCY)."""
    url = request.getfixturevalue(
        "pg_central" if request.param == "postgresql" else "sqlite_central"
    )
    if request.param == "postgresql":
        _, counter_url = add_counter(url, "A", [AGENCY])
        bare, password = split_password(counter_url)
        address = CentralAddress(bare, password=password)
    else:
        with CentralAdmin(url) as admin:
            admin.add_counter("A", [AGENCY])
        address = CentralAddress(f"{url}?counter=A")
    gateway = CentralGateway(address)
    yield url, gateway
    gateway.close()
