"""Demo data: the bundled catalog and accounts, and realistic synthetic dossiers made through
the intake path itself (validation, due times, codes, outbox, audit), only batched."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any, cast

from counter_app.domain.catalog import DurationUnit, Procedure
from counter_app.domain.clock import VN_TZ, now
from counter_app.domain.dossier import (
    Applicant,
    ApplicantType,
    Channel,
    Dossier,
    ReturnMethod,
)
from counter_app.domain.errors import CounterError
from counter_app.domain.lifecycle import Action, apply
from counter_app.domain.limits import MAX_DEMO_DAYS, MAX_DEMO_DOSSIERS, check_whole
from counter_app.domain.permissions import Role
from counter_app.paths import resources_dir
from counter_app.services.accounts import User
from counter_app.services.catalog import read_json_file
from counter_app.services.intake import IntakeRequest
from counter_app.services.workspace import Workspace

BATCH = 2000


def install_demo(ws: Workspace) -> dict[str, Any]:
    """Import the demo catalog and add the demo accounts that do not exist yet."""
    summary = ws.catalog.import_file(resources_dir() / "demo" / "catalog.json")
    existing = {user.login for user in ws.accounts.users()}
    accounts = []
    demo_accounts = cast(
        list[dict[str, str]], read_json_file(resources_dir() / "demo" / "accounts.json")
    )
    for account in demo_accounts:
        if account["login"] not in existing:
            ws.accounts.add_user(
                account["login"], Role(account["role"]), account["password"], account["full_name"]
            )
        accounts.append(
            {
                "login": account["login"],
                "password": account["password"],
                "role": account["role"],
                "full_name": account["full_name"],
            }
        )
    return {"agencies": summary.agencies, "procedures": summary.procedures, "accounts": accounts}


def _weighted(items: list[Any]) -> tuple[list[str], list[float]]:
    """Accept ["Nguyễn", ...] or [["Nguyễn", 30], ...] or [{"name": .., "weight": ..}, ...]."""
    names: list[str] = []
    weights: list[float] = []
    for item in items:
        if isinstance(item, str):
            names.append(item)
            weights.append(1.0)
        elif isinstance(item, dict):
            names.append(item["name"])
            weights.append(float(item.get("weight", 1)))
        else:
            names.append(item[0])
            weights.append(float(item[1]))
    return names, weights


def _in_address(unit: str) -> str:
    """ "Xã Văn An" reads "xã Văn An" inside an address, as on the citizen's papers."""
    return unit[:1].lower() + unit[1:]


class _People:
    """Vietnamese names and Lạng Sơn addresses (ward or commune, province: two-level local
    government) drawn from resources/demo/people.json."""

    def __init__(self, rng: random.Random) -> None:
        data = read_json_file(resources_dir() / "demo" / "people.json")
        assert isinstance(data, dict)
        self._rng = rng
        self._family = _weighted(data["family_names"])
        self._middle = {"m": data["middle_names_male"], "f": data["middle_names_female"]}
        self._given = {"m": data["given_names_male"], "f": data["given_names_female"]}
        self._places = data["places"]

    def applicant(self, serial: int) -> Applicant:
        rng = self._rng
        sex = rng.choice("mf")
        family = rng.choices(*self._family)[0]
        name = f"{family} {rng.choice(self._middle[sex])} {rng.choice(self._given[sex])}"
        born = date(rng.randint(1950, 2005), rng.randint(1, 12), rng.randint(1, 28))
        century = 0 if born.year < 2000 else 2
        gender_digit = century + (0 if sex == "m" else 1)
        id_number = f"020{gender_digit}{born.year % 100:02d}{serial % 1_000_000:06d}"
        place = rng.choice(self._places)
        commune = _in_address(place["commune"])
        if place.get("streets") and rng.random() < 0.6:
            street = f"Số {rng.randint(1, 200)}, đường {rng.choice(place['streets'])}"
        elif place.get("villages"):
            street = rng.choice(place["villages"])
        else:
            street = f"Số {rng.randint(1, 200)}"
        address = f"{street}, {commune}, tỉnh Lạng Sơn"  # no district since 1 July 2025
        phone = f"0{rng.choice('35789')}{rng.randint(10_000_000, 99_999_999)}"
        return Applicant(
            full_name=name,
            type=ApplicantType.CITIZEN,
            id_number=id_number,
            birth_date=born,
            phone=phone,
            address=address,
        )


def _working_moments(ws: Workspace, agency: str, first: date, last: datetime, rng: random.Random):  # type: ignore[no-untyped-def]
    """A random moment within the agency's working hours between `first` and `last`."""
    calendar = ws.calendars.for_agency(agency)
    span = (last.date() - first).days + 1
    for _ in range(1000):
        day = first + timedelta(days=rng.randrange(span))
        if not calendar.is_working_day(day):
            continue
        start, end = rng.choice(calendar.schedule.periods)
        begin = datetime.combine(day, start, VN_TZ)
        seconds = int((datetime.combine(day, end, VN_TZ) - begin).total_seconds())
        moment = begin + timedelta(seconds=rng.randrange(seconds))
        if moment < last:
            return moment
    return last


_REFUSALS = [
    "Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan.",
    "Giấy tờ tùy thân đã hết hạn sử dụng.",
    "Thiếu bản chính để đối chiếu.",
]
_SUPPLEMENTS = [
    "Bổ sung văn bản xác nhận thông tin về cư trú.",
    "Tờ khai ghi thiếu thông tin ngày cấp giấy tờ tùy thân.",
    "Bổ sung bản vẽ thiết kế có chữ ký của đơn vị tư vấn.",
]


def _progress(
    ws: Workspace, dossier: Dossier, officers: list[User], until: datetime, rng: random.Random
) -> None:
    """Move a freshly received dossier along a plausible path, never past `until`."""
    assert dossier.received_at is not None
    shift = ws.calendars.shifter(dossier.agency_code)
    at = dossier.received_at

    calendar = ws.calendars.for_agency(dossier.agency_code)

    def move(action: Action, delay: timedelta, note: str = "") -> bool:
        nonlocal at
        when = calendar.next_working_moment(at + delay)  # officers act in office hours
        if when >= until:
            return False
        apply(
            dossier, action, actor=rng.choice(officers).login, at=when, shift_due=shift, note=note
        )
        at = when
        return True

    roll = rng.random()
    if roll < 0.03:
        move(Action.REFUSE, timedelta(minutes=rng.randint(2, 20)), rng.choice(_REFUSALS))
        return
    if roll < 0.05:
        move(Action.WITHDRAW, timedelta(hours=rng.randint(1, 72)), "Công dân đề nghị rút hồ sơ.")
        return
    quick = dossier.due_at is None or dossier.due_at - at <= timedelta(hours=12)
    if not quick and not move(Action.TRANSFER, timedelta(minutes=rng.randint(10, 180))):
        return
    if not quick and rng.random() < 0.08:
        if not move(
            Action.REQUEST_SUPPLEMENT, timedelta(hours=rng.randint(2, 48)), rng.choice(_SUPPLEMENTS)
        ):
            return
        if not move(Action.RESUBMIT, timedelta(hours=rng.randint(4, 120))):
            return
    if not quick and rng.random() < 0.05:
        if not move(Action.REQUEST_PAYMENT, timedelta(hours=rng.randint(1, 24))):
            return
        if not move(Action.PAY, timedelta(hours=rng.randint(1, 48))):
            return
    if not quick and rng.random() < 0.02:
        move(
            Action.STOP,
            timedelta(hours=rng.randint(2, 48)),
            "Cơ quan có thẩm quyền yêu cầu tạm dừng.",
        )
        return
    span = (dossier.due_at - at) if dossier.due_at else timedelta(days=3)
    # Most finish ahead of time, some on the day, about one in eight late.
    finish = span * rng.choice([0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0, 1.25])
    if not move(Action.RESOLVE, max(finish, timedelta(minutes=15))):
        return
    move(Action.RETURN, timedelta(hours=rng.randint(1, 96)))


def generate_dossiers(ws: Workspace, *, count: int, days: int, seed: int | None = None) -> int:
    """Make `count` dossiers received over the last `days` days, saved in batches."""
    check_whole(count, "--dossiers", MAX_DEMO_DOSSIERS)
    check_whole(days, "--days", MAX_DEMO_DAYS)
    rng = random.Random(seed)
    procedures: list[Procedure] = [p for p in ws.catalog.search("") if p.active]
    officers = [u for u in ws.accounts.users() if u.role is Role.STAFF] or ws.accounts.users()
    if not procedures or not officers:
        raise CounterError("demo.empty")
    # Same-day services (certification, civil status) are the bulk of a counter's day.
    weights = [4.0 if p.duration.unit is DurationUnit.SAME_DAY else 1.0 for p in procedures]
    people = _People(rng)
    until = now()
    first = until.date() - timedelta(days=days - 1)
    place = ws.settings.identity().name
    made = 0
    while made < count:
        batch: list[Dossier] = []
        for _ in range(min(BATCH, count - made)):
            procedure = rng.choices(procedures, weights)[0]
            officer = rng.choice(officers)
            received = _working_moments(ws, procedure.agency_code, first, until, rng)
            request = IntakeRequest(
                procedure_code=procedure.code,
                applicant=people.applicant(made + len(batch)),
                sets=1 if rng.random() < 0.9 else 2,
                channel=Channel.DIRECT if rng.random() < 0.85 else Channel.POSTAL,
                return_method=ReturnMethod.COUNTER if rng.random() < 0.9 else ReturnMethod.POSTAL,
            )
            dossier = ws.intake.prepare(request, user=officer, at=received, place=place)
            _progress(ws, dossier, officers, until, rng)
            batch.append(dossier)
        ws.intake.save(batch)
        made += len(batch)
    return made
