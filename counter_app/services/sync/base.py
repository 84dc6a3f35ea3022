"""What every part of the sync shares: the configured central and the link to it, the
numbers leased from it (an intake may ask for some at once), and the worker's wake-up.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid as uuid_module
from collections.abc import Callable
from datetime import date, timedelta

from counter_app.domain.clock import now
from counter_app.domain.codes import lease_target
from counter_app.domain.errors import CounterError
from counter_app.services.calendars import CalendarService
from counter_app.services.catalog import CatalogService
from counter_app.services.intake import IntakeService
from counter_app.services.settings import SettingsService
from counter_app.services.sync import credentials
from counter_app.services.sync.link import CentralLink, GatewayFactory
from counter_app.services.sync.results import SetAside
from counter_app.store.central import replica
from counter_app.store.central.database import CentralAddress, check_url, split_password
from counter_app.store.database import Database
from counter_app.store.settings import put_setting

log = logging.getLogger(__name__)

PUSH_BATCH = 500
PULL_PAGE = 500
VOLUME_DAYS = 30  # the recent days a lease's size is read from
FIRST_LEASE = 10  # numbers leased at once for an agency this counter has none of
CODES_CHECK_S = 300.0  # a worker's rounds ask central about slots and number spaces this often
NUMBER_SPACE_LOW = "sync.number_space_low"  # (agency, day)s whose leasable numbers run low


def _default_gateway(address: CentralAddress) -> CentralLink:
    from counter_app.services.sync.gateway import CentralGateway

    return CentralGateway(address)


class SyncBase:
    def __init__(
        self,
        database: Database,
        settings: SettingsService,
        catalog: CatalogService,
        calendars: CalendarService,
        intake: IntakeService,
        *,
        gateway_factory: GatewayFactory | None = None,
        push_batch: int = PUSH_BATCH,
        pull_page: int = PULL_PAGE,
    ) -> None:
        self._db = database
        self._settings = settings
        self._catalog = catalog
        self._calendars = calendars
        self._intake = intake
        self._gateway_factory = gateway_factory or _default_gateway
        self._gateway: CentralLink | None = None
        self._gateway_key: CentralAddress | None = None
        # the intake's look-ups of the paper store, on a link of their own (never waiting for
        # a round under way)
        self._lookup: CentralLink | None = None
        self._lookup_key: CentralAddress | None = None
        self._lookup_lock = threading.Lock()
        self._round_lock = threading.Lock()  # one round at a time (worker and "Sync now")
        self._set_aside: list[SetAside] = []  # by the round under way
        self._wake = threading.Event()
        # set while the worker runs in another process: wakes it there (ui/sync/controller)
        self.forward_requests: Callable[[], None] | None = None
        self._codes_checked: tuple[tuple[str, ...], date] | None = None  # what was asked last
        self._codes_due = 0.0  # when to ask central about slots and number spaces again
        self.push_batch = push_batch
        self.pull_page = pull_page

    # --- configuration

    def configure(
        self,
        url: str,
        *,
        sslmode: str | None = None,
        sslrootcert: str | None = None,
        password: str | None = None,
    ) -> None:
        """Remember the central address; its password (given apart, or still in the address)
        goes to the keyring, not the store. Changing to another central after registering is
        refused: numbers would collide."""
        bare, in_address = split_password(check_url(url))
        password = password if password is not None else in_address
        identity = self._settings.identity()
        if identity.counter_number is not None and identity.central_url not in (None, bare):
            raise CounterError("sync.other_central", url=identity.central_url)
        if password is not None:
            credentials.store_password(CentralAddress(bare).keyring_name, password)
        if identity.central_url != bare:
            self._settings.set("central.url", bare)
        if self._settings.get("central.install_id") is None:
            self._settings.set("central.install_id", str(uuid_module.uuid4()))
        if sslmode is not None:
            self._settings.set("central.sslmode", sslmode)
        if sslrootcert is not None:
            self._settings.set("central.sslrootcert", sslrootcert)

    def has_password(self, url: str) -> bool:
        """Whether the keyring already holds the password of the (PostgreSQL) address."""
        address = CentralAddress(split_password(check_url(url))[0])
        if address.is_sqlite or not address.user:
            return True
        return credentials.load_password(address.keyring_name) is not None

    def address(self) -> CentralAddress:
        url = self._settings.identity().central_url
        if not url:
            raise CounterError("sync.no_central")
        address = CentralAddress(url)
        password = None
        if not address.is_sqlite and address.user:
            password = credentials.load_password(address.keyring_name)
        return CentralAddress(
            url,
            password=password,
            sslmode=self._settings.get("central.sslmode"),  # type: ignore[arg-type]
            sslrootcert=self._settings.get("central.sslrootcert"),  # type: ignore[arg-type]
        )

    def _central(self) -> CentralLink:
        address = self.address()
        if self._gateway is None or self._gateway_key != address:
            self.close()
            self._gateway = self._gateway_factory(address)
            self._gateway_key = address
        return self._gateway

    def close(self) -> None:
        if self._gateway is not None:
            self._gateway.close()
            self._gateway = None
        with self._lookup_lock:
            if self._lookup is not None:
                self._lookup.close()
                self._lookup = None

    # --- numbers

    def _lease_agencies(self, agencies: tuple[str, ...]) -> list[str]:
        return sorted(agencies) if agencies else sorted(self._catalog.served_agencies())

    def _refresh_leases(
        self, central: CentralLink, number: int, agencies: tuple[str, ...], *, force: bool
    ) -> None:
        """Leases for today and the coming working days (`sync.lease_days` days in all), for
        the agencies this counter serves (at least `sync.lease_target` free numbers) and those
        it received for lately, each sized from its busiest recent day, so a counter cut off
        for those days still receives its usual volume. Its fallback slots and the number
        spaces running low come back in the same central transaction, asked when leases are
        wanted, on an explicit round (`force`) or every CODES_CHECK_S seconds."""
        minimum = self._settings.number("sync.lease_target") or 0
        days_ahead = self._settings.number("sync.lease_days") or 1
        served = set(self._lease_agencies(agencies))
        today = now().date()
        with self._db.read() as session:
            volumes = replica.daily_volumes(session, today - timedelta(days=VOLUME_DAYS), today)
        receiving = sorted(served | set(volumes))
        days = {agency: self._lease_days(agency, today, days_ahead) for agency in receiving}
        with self._db.read() as session:
            left = replica.lease_left(
                session, receiving, sorted({d for v in days.values() for d in v})
            )
        wanted: dict[tuple[str, date], int] = {}
        for agency in receiving:
            target = lease_target(volumes.get(agency, []), minimum if agency in served else 0)
            for day in days[agency]:
                free = left[(agency, day)]
                if free < max(1, target // 2) < target:
                    wanted[(agency, day)] = target - free
        checked = (tuple(receiving), today)
        recent = self._codes_checked == checked and time.monotonic() < self._codes_due
        if recent and not (wanted or force):
            return  # nothing wanted, the slots and warnings read lately still hold
        grant = central.codes(number, wanted, today, receiving)
        self._codes_checked, self._codes_due = checked, time.monotonic() + CODES_CHECK_S
        with self._db.write() as session:
            replica.store_leases(session, grant.leases)
            put_setting(session, "codes.fallback_zone", grant.zone.to_json())
            put_setting(session, "codes.fallback_slots", grant.slots)
            put_setting(session, NUMBER_SPACE_LOW, [low.to_json() for low in grant.low])

    def fetch_numbers(self, wanted: dict[tuple[str, date], int]) -> None:
        """Lease numbers at once for an intake this counter holds none for (the first dossier
        of an agency it does not serve): when central answered the last round, one central
        transaction; otherwise nothing, and the intake is refused as before ("sync first")."""
        identity = self._settings.identity()
        if identity.counter_number is None or self._settings.get("sync.online") is not True:
            return
        sizes = {key: max(count, FIRST_LEASE) for key, count in wanted.items()}
        since = min(day for _, day in sizes)
        try:
            leases = self._central().leases(identity.counter_number, sizes, since)
        except CounterError as error:
            log.info("no numbers from central for the intake: %s", error.key)
            return
        with self._db.write() as session:
            replica.store_leases(session, leases)

    def _lease_days(self, agency: str, today: date, count: int) -> list[date]:
        """Today and the working days after it, `count` days in all."""
        calendar = self._calendars.for_agency(agency)
        days = [today][:count]
        while len(days) < count:
            days.append(calendar.next_working_day(days[-1]))
        return days

    def request_sync(self) -> None:
        """ "Sync now": wake the worker at once, here or in its own process."""
        self._wake.set()
        if self.forward_requests is not None:
            self.forward_requests()
