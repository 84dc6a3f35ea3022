"""The rules of the sync with the central database, in plain Python so both sides share them.

A dossier travels as its JSON (`serialize.dossier_to_json`) with a version. Central accepts a
counter's version when it follows from what central holds (the counter's base, or its own last
write); when central changed the dossier meanwhile, the counter's moves are replayed on
central's state through the lifecycle, and only moves the counter owns may be merged. Anything
else is a conflict: kept on both sides and shown to the supervisor, never overwritten quietly.
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Protocol

from counter_app.domain.amend import take_correction
from counter_app.domain.catalog import DocumentForm, FeeCollection
from counter_app.domain.clock import iso, local, parse_iso
from counter_app.domain.dossier import (
    Applicant,
    ApplicantType,
    Channel,
    Collector,
    DocumentReceived,
    Dossier,
    FeeLine,
    HistoryEntry,
    ReturnMethod,
    Status,
    SupplementRound,
    Timeliness,
)
from counter_app.domain.errors import CounterError
from counter_app.domain.identity_papers import IdType
from counter_app.domain.lifecycle import TRANSITIONS, Action, DueShift, apply

CENTRAL_WRITER = 0  # `written_by` of a change made centrally (counters are numbered from 1)

# Moves central owns once a dossier is with the processing department; every other move
# (intake, acceptance, refusal, supplement at the desk, payment, withdrawal, hand-back) is the
# counter's.
CENTRAL_MOVES = frozenset(
    {
        (Action.REQUEST_SUPPLEMENT, Status.PROCESSING),
        (Action.REQUEST_PAYMENT, Status.PROCESSING),
        (Action.STOP, Status.PROCESSING),
        (Action.STOP, Status.PAYING),
        (Action.STOP, Status.WAITING),
        (Action.RESOLVE, Status.PROCESSING),
    }
)


def counter_owns(action: Action, from_status: Status) -> bool:
    return (action, from_status) not in CENTRAL_MOVES


def _moment(text: str | None) -> datetime | None:
    return parse_iso(text) if text else None


def dossier_from_json(data: dict[str, Any]) -> Dossier:
    """The inverse of `serialize.dossier_to_json` (labels and computed fields ignored)."""
    person = data["applicant"]
    collector = data.get("collector")
    return Dossier(
        uuid=data["uuid"],
        code=data.get("code"),
        procedure_code=data["procedure"]["code"],
        procedure_name=data["procedure"]["name"],
        agency_code=data["agency"],
        status=Status(data["status"]),
        applicant=Applicant(
            full_name=person["full_name"],
            type=ApplicantType(person["type"]),
            id_number=person.get("id_number") or "",
            birth_date=date.fromisoformat(person["birth_date"])
            if person.get("birth_date")
            else None,
            phone=person.get("phone") or "",
            email=person.get("email") or "",
            address=person.get("address") or "",
            organisation=person.get("organisation") or "",
            id_type=IdType(person["id_type"]) if person.get("id_type") else None,
            consents_to_notices=(person.get("consent") or {}).get("notices") is True,
        ),
        documents=[
            DocumentReceived(
                d["name"], DocumentForm(d["form"]), d["count"], d.get("component_code", "")
            )
            for d in data.get("documents", [])
        ],
        fees=[
            FeeLine(f["name"], f["amount"], f["quantity"], FeeCollection(f["collection"]))
            for f in data.get("fees", [])
        ],
        sets=data.get("sets", 1),
        channel=Channel(data["channel"]),
        return_method=ReturnMethod(data["return_method"]),
        return_at=data.get("return_at") or "",
        note=data.get("note") or "",
        received_at=_moment(data.get("received_at")),
        due_at=_moment(data.get("due_at")),
        completed_at=_moment(data.get("completed_at")),
        returned_at=_moment(data.get("returned_at")),
        collector=(
            Collector(collector["full_name"], collector["id_number"], collector["authorised"])
            if collector
            else None
        ),
        timeliness=Timeliness(data["timeliness"]) if data.get("timeliness") else None,
        received_by=data.get("received_by") or "",
        history=[
            HistoryEntry(
                at=parse_iso(h["at"]),
                actor=h["actor"],
                action=h["action"],
                from_status=Status(h["from"]) if h.get("from") else None,
                to_status=Status(h["to"]),
                note=h.get("note") or "",
                place=h.get("place") or "",
                actor_name=h.get("actor_name") or "",
                actor_title=h.get("actor_title") or "",
            )
            for h in data.get("history", [])
        ],
        supplement_rounds=[
            SupplementRound(
                requested_at=parse_iso(r["requested_at"]),
                old_due=_moment(r.get("old_due")),
                resubmitted_at=_moment(r.get("resubmitted_at")),
                new_due=_moment(r.get("new_due")),
                from_status=Status(r["from_status"]) if r.get("from_status") else Status.NEW,
            )
            for r in data.get("supplement_rounds", [])
        ],
    )


def supplement_origins(dossier: Dossier) -> list[str]:
    """`serialize` leaves out where each supplement round came from; the sync carries it."""
    return [r.from_status.value for r in dossier.supplement_rounds]


def with_origins(data: dict[str, Any], dossier: Dossier) -> dict[str, Any]:
    for item, origin in zip(data["supplement_rounds"], supplement_origins(dossier), strict=True):
        item["from_status"] = origin
    return data


def _move_key(entry: HistoryEntry) -> tuple[Any, ...]:
    return (iso(entry.at), entry.action, entry.to_status.value, entry.actor, entry.place)


def new_moves(known: Dossier, incoming: Dossier) -> list[HistoryEntry]:
    """The moves of `incoming` that `known` has not seen, in their order."""
    seen = {_move_key(entry) for entry in known.history}
    return [entry for entry in incoming.history if _move_key(entry) not in seen]


def replay(
    base: Dossier, moves: list[HistoryEntry], shift_due: DueShift, *, counter_only: bool
) -> Dossier | str:
    """`base` with the moves made again through the state machine, or why it cannot be."""
    result = _working_copy(base)
    for move in moves:
        try:
            action = Action(move.action)
        except ValueError:
            return f"unknown action {move.action}"
        if action is Action.RECEIVE:
            return "a second receipt"
        if counter_only and not counter_owns(action, result.status):
            return f"{action.value} from {result.status.value} belongs to central"
        if action is Action.AMEND:  # a correction: no state to check, the values are carried
            result.history.append(copy.copy(move))
            continue
        try:
            made = apply(
                result,
                action,
                actor=move.actor,
                at=move.at,
                shift_due=shift_due,
                note=move.note or "-",
                place=move.place,
            )
        except CounterError as error:
            return f"{action.value} from {result.status.value}: {error.key}"
        made.actor_name, made.actor_title = move.actor_name, move.actor_title
    return result


def _working_copy(dossier: Dossier) -> Dossier:
    """A copy `apply` may move without touching the original: it sets the dossier's own fields,
    appends to its history and supplement rounds and changes the last round; applicant,
    documents and fees are only read (a deep copy of them was most of a push's time)."""
    working = copy.copy(dossier)
    working.history = list(dossier.history)
    working.supplement_rounds = [copy.copy(r) for r in dossier.supplement_rounds]
    return working


def chain_is_legal(dossier: Dossier, shift_due: DueShift) -> str | None:
    """Why a dossier never seen centrally cannot have reached its state, or None."""
    if not dossier.history or dossier.history[0].action != Action.RECEIVE.value:
        return "no receipt"
    first = dossier.history[0]
    start = copy.copy(dossier)  # replay works on its own copy
    start.status, start.history, start.supplement_rounds = first.to_status, [first], []
    replayed = replay(start, dossier.history[1:], shift_due, counter_only=False)
    if isinstance(replayed, str):
        return replayed
    if replayed.status is not dossier.status:
        return f"history ends in {replayed.status.value}, not {dossier.status.value}"
    return None


def only_received(data: dict[str, Any]) -> bool:
    """A dossier's JSON whose history is its receipt alone, in the state it says: what
    `chain_is_legal` finds legal without a replay, told without decoding the dossier (most of
    what a counter pushes are its new intakes). On PostgreSQL central's trigger checks every
    row's moves again, whoever writes it."""
    history = data.get("history")
    if not isinstance(history, list) or not history:
        return False
    return receipt_alone(data.get("status"), history[0], more=len(history) > 1)


def receipt_alone(status: object, first: object, *, more: bool) -> bool:
    """`only_received` told from the dossier's status, its history's first entry and whether
    others follow: what a counter's outbox read finds without decoding the whole JSON."""
    return (
        not more
        and isinstance(first, dict)
        and first.get("action") == Action.RECEIVE.value
        and first.get("from") is None
        and first.get("to") == status
        and status in _STATUS_VALUES
    )


_STATUS_VALUES = frozenset(status.value for status in Status)


class Outcome(StrEnum):
    INSERTED = "inserted"  # new to central
    UPDATED = "updated"  # followed from what central held
    DUPLICATE = "duplicate"  # central already had this version from this counter: no change
    MERGED = "merged"  # central had moved on; the counter's moves were replayed on its state
    CONFLICT = "conflict"  # kept aside for the supervisor, central's state unchanged
    # the code is another dossier's centrally (numbered alone before joining): the counter
    # renumbers its dossier and sends it again
    CODE_TAKEN = "code-taken"


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    dossier: Dossier | None = None  # what central holds after the decision
    version: int = 0
    reason: str = ""


def decide_push(
    *,
    stored: Dossier | None,
    stored_version: int,
    stored_writer: int | None,
    incoming: Dossier,
    version: int,
    base: int,
    counter: int,
    shift_due: DueShift,
) -> Decision:
    """What central does with one dossier a counter pushes (`base`: the central version the
    counter last knew). Pure: the same answer for a repeated push, whatever happened between."""
    if stored is None:
        why = chain_is_legal(incoming, shift_due)
        if why:
            return Decision(Outcome.CONFLICT, None, 0, why)
        return Decision(Outcome.INSERTED, incoming, version)
    own_lineage = stored_writer == counter
    if own_lineage and version <= stored_version:
        return Decision(Outcome.DUPLICATE, stored, stored_version)
    moves = new_moves(stored, incoming)
    if own_lineage or stored_version == base:
        if version <= stored_version:
            return Decision(Outcome.CONFLICT, stored, stored_version, "version not newer")
        replayed = replay(stored, moves, shift_due, counter_only=False)
        if isinstance(replayed, str):
            return Decision(Outcome.CONFLICT, stored, stored_version, replayed)
        if replayed.status is not incoming.status:
            return Decision(Outcome.CONFLICT, stored, stored_version, "state does not follow")
        return Decision(Outcome.UPDATED, incoming, version)
    if not moves:
        return Decision(Outcome.MERGED, stored, stored_version)
    replayed = replay(stored, moves, shift_due, counter_only=True)
    if isinstance(replayed, str):
        return Decision(Outcome.CONFLICT, stored, stored_version, replayed)
    _carry_counter_fields(replayed, incoming, moves)
    return Decision(Outcome.MERGED, replayed, max(stored_version, version) + 1)


def _carry_counter_fields(merged: Dossier, incoming: Dossier, moves: list[HistoryEntry]) -> None:
    """What the counter decided with its moves that the replay cannot recompute."""
    actions = {move.action for move in moves}
    if Action.ACCEPT.value in actions:
        merged.code, merged.received_at, merged.due_at = (
            incoming.code,
            incoming.received_at,
            incoming.due_at,
        )
    if Action.RETURN.value in actions:
        merged.collector = incoming.collector
    if Action.AMEND.value in actions:
        take_correction(merged, incoming)


# --- what a conflict lost, and making it again


@dataclass(frozen=True)
class FieldDifference:
    """One value the counter's refused version and central's kept version disagree on."""

    field: str  # a path in the dossier's JSON: "status", "applicant.phone", "documents"
    counter: object
    central: object


# Derived from other fields, or shown as moves rather than as values.
_NOT_COMPARED = frozenset({"uuid", "history", "status_number", "fee_total", "supplement_rounds"})


def differing_fields(
    counter: dict[str, Any], central: dict[str, Any] | None
) -> list[FieldDifference]:
    """The values that differ, in the order of the dossier's JSON; a nested object (applicant,
    procedure, collector) field by field, a list (documents, fees) as a whole."""
    if central is None:
        return []
    differences = []
    for key in [*counter, *(k for k in central if k not in counter)]:
        if key in _NOT_COMPARED:
            continue
        mine, theirs = counter.get(key), central.get(key)
        if isinstance(mine, dict) and isinstance(theirs, dict):
            for sub in [*mine, *(k for k in theirs if k not in mine)]:
                if mine.get(sub) != theirs.get(sub):
                    differences.append(
                        FieldDifference(f"{key}.{sub}", mine.get(sub), theirs.get(sub))
                    )
        elif mine != theirs:
            differences.append(FieldDifference(key, mine, theirs))
    return differences


def lost_moves(counter: dict[str, Any], central: dict[str, Any] | None) -> list[HistoryEntry]:
    """The moves made at the counter that central's kept version does not have."""
    mine = dossier_from_json(counter)
    if central is None:
        return mine.history
    return new_moves(dossier_from_json(central), mine)


def reapply(
    dossier: Dossier,
    moves: list[HistoryEntry],
    *,
    actor: str,
    at: datetime,
    place: str,
    shift_due: DueShift,
    lost: Dossier,
) -> tuple[Dossier, list[HistoryEntry]]:
    """The lost moves made again on a copy of the dossier as it stands now, each checked by
    the state machine, as `actor` now with the original notes: the copy and its new history
    entries. Refuses (CounterError) when one is not allowed from where the dossier stands, and
    for receipts and acceptances, which take a new code on their own paths. `lost` is the
    counter's refused version: whom a result was handed to, what a correction set."""
    working = copy.deepcopy(dossier)
    entries = []
    for move in moves:
        action = Action(move.action)
        if action in (Action.RECEIVE, Action.ACCEPT):
            raise CounterError("sync.reapply_intake", action=f"action.{action.value}")
        if action is Action.AMEND:
            entries.append(_corrected_again(working, lost, move, actor=actor, at=at, place=place))
            continue
        if working.status not in TRANSITIONS[action][0]:
            raise CounterError(
                "sync.reapply_refused",
                action=f"action.{action.value}",
                status=f"status.{working.status.value}",
            )
        entries.append(
            apply(
                working,
                action,
                actor=actor,
                at=at,
                note=move.note,
                place=place,
                shift_due=shift_due,
            )
        )
        if action is Action.RETURN:
            working.collector = lost.collector
    return working, entries


def _corrected_again(
    working: Dossier, lost: Dossier, move: HistoryEntry, *, actor: str, at: datetime, place: str
) -> HistoryEntry:
    take_correction(working, lost)
    entry = HistoryEntry(at, actor, move.action, working.status, working.status, move.note, place)
    working.history.append(entry)
    return entry


def central_action(dossier: Dossier, target: Status) -> Action:
    """The one move that takes the dossier to `target` (a department's decision by state)."""
    for action, (sources, to) in TRANSITIONS.items():
        if dossier.status not in sources:
            continue
        if to is target or (
            to is None
            and dossier.supplement_rounds
            and dossier.supplement_rounds[-1].from_status is target
        ):
            return action
    raise CounterError(
        "central.no_move", what=f"status.{target.value}", status=f"status.{dossier.status.value}"
    )


class Jitter(Protocol):
    """Where the random part of a delay comes from: the `random` module, or a test's seeded one."""

    def uniform(self, a: float, b: float, /) -> float: ...


def backoff_delay(
    attempt: int, *, base: float = 1.0, cap: float = 300.0, rng: Jitter = random
) -> float:
    """Seconds to wait before retry number `attempt` (1, 2, ...): exponential, capped, with
    full jitter so that counters cut off together do not come back together."""
    ceiling = min(cap, base * 2 ** max(0, attempt - 1))
    return rng.uniform(ceiling / 2, ceiling)


# --- the national portal's field names (export)
# Codes go out as strings, as provincial connectors send them to the portal (docs/PORTAL.md).

_CHANNEL = {"direct": "1", "online": "2", "postal": "3"}
_APPLICANT_TYPE = {"citizen": "1", "business": "2", "agency": "3", "other": "4"}
_RETURN = {"counter": "0", "postal": "1"}
_FEE_COLLECTION = {"before": "1", "after": "2", "exempt": "3"}
# LoaiDinhDanh by the applicant's paper: "1" the personal number (CCCD), "2" an old CMND, the
# only two codes the connector sends; the other papers have no code known (docs/PORTAL.md).
_ID_KIND = {IdType.CITIZEN_ID.value: "1", IdType.OLD_ID.value: "2"}
# A dossier pushed before counters named the paper: its kind by the number's length, as the
# connector tells them (12 digits CCCD, 9 CMND).
_ID_KIND_BY_LENGTH = {12: "1", 9: "2"}
# Where the dossier's work is over (NgayKetThucXuLy is then its completion time).
_COMPLETED = frozenset({"unresolved", "releasing", "done"})


def portal_time(text: str | None) -> str:
    """yyyyMMddHHmmss in Vietnam's time; "" when there is no such moment."""
    return local(parse_iso(text)).strftime("%Y%m%d%H%M%S") if text else ""


def _flag(value: bool) -> str:
    return "1" if value else "0"


def _identity_papers(person: dict[str, Any]) -> list[dict[str, Any]]:
    """DinhDanhCHS: the applicant's number with its paper's code; [] for a paper the portal's
    codes do not name (the connector would write a placeholder number, the export invents none)."""
    id_number = person.get("id_number") or ""
    if not id_number.isdigit():
        return []
    id_type = person.get("id_type")
    kind = _ID_KIND.get(id_type) if id_type else _ID_KIND_BY_LENGTH.get(len(id_number))
    return [{"LoaiDinhDanh": kind, "SoDinhDanh": id_number}] if kind else []


def _fee_kind(name: str) -> str:
    """LoaiPhiLePhi: "2" a lệ phí (charge), "1" a phí (fee), told by the line's name."""
    return "2" if name.casefold().startswith("lệ phí") else "1"


def _officer(move: dict[str, Any]) -> str:
    """Who made a move, as the portal names people: the officer's full name when the counter
    recorded it, else the actor (a login from before, central, portal)."""
    return move.get("actor_name") or move.get("actor") or ""


def _progress(data: dict[str, Any]) -> list[dict[str, Any]]:
    """QuaTrinhXuLy: one record per move, each carrying the dossier's code like the portal's
    own progress records, and the officer's name and title as they were at the move; a
    move's step starts when it is made."""
    return [
        {
            "MaHoSo": data.get("code") or "",
            "NguoiXuLy": _officer(h),
            "ChucDanh": h.get("actor_title") or "",
            "ThoiDiemXuLy": portal_time(h["at"]),
            "PhongBanXuLy": h.get("place") or "",
            "NoiDungXuLy": "; ".join(
                filter(None, [Action(h["action"]).label("vi"), h.get("note") or ""])
            ),
            "TrangThai": str(Status(h["to"]).number),
            "NgayBatDau": portal_time(h["at"]),
            "NgayKetThucTheoQuyDinh": portal_time(data.get("due_at")),
        }
        for h in data.get("history", [])
    ]


def _supplements(data: dict[str, Any]) -> list[dict[str, Any]]:
    """DanhSachHoSoBoSung: each round with who asked and what (the n-th request's move) and
    who took the papers back (the n-th resubmission's move)."""
    history = data.get("history", [])
    asked = [h for h in history if h["action"] == Action.REQUEST_SUPPLEMENT.value]
    taken = [h for h in history if h["action"] == Action.RESUBMIT.value]
    rounds = []
    for number, r in enumerate(data.get("supplement_rounds", []), start=1):
        request = asked[number - 1] if number <= len(asked) else {}
        resubmission = taken[number - 1] if r.get("resubmitted_at") and number <= len(taken) else {}
        rounds.append(
            {
                "HoSoBoSungId": number,
                "NguoiYeuCauBoSung": _officer(request),
                "NoiDungBoSung": request.get("note") or "",
                "NgayBoSung": portal_time(r["requested_at"]),
                "NguoiTiepNhanBoSung": _officer(resubmission),
                "NgayTiepNhanBoSung": portal_time(r.get("resubmitted_at")),
                "TrangThaiBoSung": bool(r.get("resubmitted_at")),
                "NgayHenTraTruoc": portal_time(r.get("old_due")),
                "NgayHenTraMoi": portal_time(r.get("new_due")),
            }
        )
    return rounds


def portal_record(
    data: dict[str, Any],
    *,
    procedure: dict[str, Any] | None = None,
    unit_name: str = "",
    digitised: frozenset[str] = frozenset(),
    reused: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """One dossier in the field set provincial connectors send to the national portal's
    dossier sync, from its JSON, its procedure's catalog entry, the names of the papers
    central holds a scan of and of those reused from the citizen's paper store (dates
    yyyyMMddHHmmss)."""
    person = data["applicant"]
    procedure = procedure or {}
    fee_codes = {f["name"]: f.get("code", "") for f in procedure.get("fees", [])}
    refused = [h for h in data.get("history", []) if h["to"] == Status.DENIED.value]
    papers = [
        {
            "MaThanhPhanHoSo": d.get("component_code", ""),
            "TenTepDinhKem": d["name"],
            "SoLuong": d["count"],
            "DuocSoHoa": _flag(d["name"] in digitised),
            "DuocTaiSuDung": _flag(d["name"] in reused),
        }
        for d in data.get("documents", [])
    ]
    return {
        "MaHoSo": data.get("code"),
        "MaTTHC": data["procedure"]["code"],
        "TenTTHC": data["procedure"]["name"],
        "MaLinhVuc": procedure.get("field_code", ""),
        "TenLinhVuc": procedure.get("field", ""),
        "KenhThucHien": _CHANNEL[data["channel"]],
        "ChuHoSo": person["full_name"],
        "LoaiDoiTuong": _APPLICANT_TYPE[person["type"]],
        "SoGiayToChuHoSo": person.get("id_number") or "",
        "DinhDanhCHS": _identity_papers(person),
        "SoDienThoai": person.get("phone") or "",
        "Email": person.get("email") or "",
        "DiaChi": person.get("address") or "",
        "TrichYeuHoSo": data["procedure"]["name"],
        "NgayNopHoSo": portal_time(data.get("received_at")),
        "NgayTiepNhan": portal_time(data.get("received_at")),
        "NgayHenTra": portal_time(data.get("due_at")),
        "TrangThaiHoSo": str(Status(data["status"]).number),
        "NgayKetThucXuLy": (
            portal_time(data.get("completed_at")) if data["status"] in _COMPLETED else ""
        ),
        "NgayTuChoi": portal_time(refused[-1]["at"]) if refused else "",
        "NgayTra": portal_time(data.get("returned_at")),
        "HinhThuc": _RETURN[data["return_method"]],
        "DonViXuLy": unit_name,
        "TenDonViXuLy": unit_name,
        "MaDonViXuLy": data["agency"],
        "GhiChu": data.get("note") or "",
        "HoSoCoThanhPhanSoHoa": _flag(any(p["DuocSoHoa"] == "1" for p in papers)),
        "TaiLieuNop": papers,
        "DanhSachLePhi": [
            {
                "TenPhiLePhi": f["name"],
                "MaPhiLePhi": fee_codes.get(f["name"], ""),
                "HinhThucThu": _FEE_COLLECTION[f["collection"]],
                "Gia": str(f["amount"] * f["quantity"]),
                "LoaiPhiLePhi": _fee_kind(f["name"]),
            }
            for f in data.get("fees", [])
        ],
        "DanhSachHoSoBoSung": _supplements(data),
        "QuaTrinhXuLy": _progress(data),
    }
