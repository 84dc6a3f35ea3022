"""`central export`: the field set provincial connectors send to the national public-service
portal (checked against a JSON schema written from the connector's field list), and the
incremental mode `--since SEQUENCE` that ships only what changed."""

from __future__ import annotations

import copy
import json
from datetime import datetime
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.domain.catalog_file import catalog_from_json
from counter_app.domain.dossier import Status
from counter_app.domain.identity_papers import IdType
from counter_app.domain.lifecycle import Action
from counter_app.domain.sync import portal_record
from counter_app.main import main
from counter_app.services.accounts import Role
from counter_app.services.intake import request_from_json
from counter_app.services.sync.admin import CentralAdmin, open_central
from counter_app.store.central import office
from counter_app.store.central.models import CentralDossierRow
from tests.conftest import AGENCY, SMALL_CATALOG, TEN_DAYS, intake_json
from tests.digitising.conftest import COMPONENT, ID_COPY, write_page
from tests.sync.helpers import make_counter, take
from tests.sync.test_sync import counter_url

SCHEMA = json.loads((Path(__file__).parent / "portal_record.schema.json").read_text("utf-8"))
FIELD_CODE = "G09-TP07"
FEE_CODE = "LP-LLTP-01"


def check(record: dict) -> None:
    jsonschema.validate(record, SCHEMA, cls=jsonschema.Draft202012Validator)


def portal_time(moment: datetime) -> str:
    return moment.strftime("%Y%m%d%H%M%S")


@pytest.fixture(params=["sqlite", "postgresql"])
def central(request: pytest.FixtureRequest) -> str:
    """A fresh central on each backend whose catalog has the portal's field and fee codes."""
    url = request.getfixturevalue("sqlite_central" if request.param == "sqlite" else "pg_central")
    catalog = copy.deepcopy(SMALL_CATALOG)
    (procedure,) = [p for p in catalog["procedures"] if p["code"] == TEN_DAYS]
    procedure["field_code"] = FIELD_CODE
    procedure["fees"][0]["code"] = FEE_CODE
    with CentralAdmin(url) as admin:
        admin.import_catalog(catalog_from_json(catalog))
    return url


def export(url: str, *options: str, capsys: pytest.CaptureFixture[str]) -> list[dict]:
    assert main(["central", "export", url, *options]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_a_returned_dossier_carries_the_connectors_fields(central, tmp_path, capsys):
    ws, user = make_counter(tmp_path, "a")
    ws.sync.configure(counter_url(central, "Q1", [AGENCY]))
    ws.sync.run_once()
    (dossier,) = take(ws, user)
    ws.attachments.attach(
        dossier.code, [write_page(tmp_path, "p.png", seed=3)], component=COMPONENT, user=user
    )
    ws.dossiers.transition(
        dossier.code, Action.REQUEST_SUPPLEMENT, user=user, note="Thiếu bản chụp CCCD"
    )
    ws.dossiers.transition(dossier.code, Action.RESUBMIT, user=user)
    ws.dossiers.transition(dossier.code, Action.TRANSFER, user=user)
    ws.sync.run_once()
    with CentralAdmin(central) as admin:
        admin.decide(dossier.code, Status.RELEASING, note="Đã ký phiếu")
    ws.sync.run_once()
    ws.dossiers.transition(dossier.code, Action.RETURN, user=user)
    ws.sync.run_once()
    done = ws.dossiers.get(dossier.code)
    ws.close()

    (record,) = export(central, capsys=capsys)
    check(record)
    assert (record["MaLinhVuc"], record["TenLinhVuc"]) == (FIELD_CODE, "Lý lịch tư pháp")
    assert record["DonViXuLy"] == "Sở Tư pháp tỉnh Lạng Sơn"
    assert record["TrangThaiHoSo"] == str(Status.DONE.number) == "10"
    assert record["NgayKetThucXuLy"] == portal_time(done.completed_at)
    assert record["NgayTra"] == portal_time(done.returned_at)
    assert record["DinhDanhCHS"] == [{"LoaiDinhDanh": "1", "SoDinhDanh": "020090001234"}]
    papers = {p["TenTepDinhKem"]: p["DuocSoHoa"] for p in record["TaiLieuNop"]}
    assert papers[COMPONENT] == "1" and papers[ID_COPY] == "0"
    assert record["HoSoCoThanhPhanSoHoa"] == "1"
    assert record["DanhSachLePhi"] == [
        {
            "TenPhiLePhi": "Phí cung cấp thông tin lý lịch tư pháp",
            "MaPhiLePhi": FEE_CODE,
            "HinhThucThu": "1",
            "Gia": "200000",
            "LoaiPhiLePhi": "1",
        }
    ]
    (round_,) = record["DanhSachHoSoBoSung"]
    (asked,) = done.supplement_rounds
    assert round_["NguoiYeuCauBoSung"] == round_["NguoiTiepNhanBoSung"] == "Nguyễn Thị Hoa"
    assert round_["NoiDungBoSung"] == "Thiếu bản chụp CCCD" and round_["TrangThaiBoSung"] is True
    assert round_["NgayBoSung"] == portal_time(asked.requested_at)
    assert round_["NgayTiepNhanBoSung"] == portal_time(asked.resubmitted_at)
    progress = record["QuaTrinhXuLy"]
    assert [p["TrangThai"] for p in progress] == [
        str(h.to_status.number) for h in done.history
    ] and progress[-1]["TrangThai"] == "10"
    assert {p["MaHoSo"] for p in progress} == {dossier.code}
    resolved = next(p for p in progress if p["TrangThai"] == str(Status.RELEASING.number))
    assert resolved["NguoiXuLy"] == "central" and "Đã ký phiếu" in resolved["NoiDungXuLy"]
    assert all(p["NgayBatDau"] == p["ThoiDiemXuLy"] for p in progress)


def test_progress_names_each_officer_with_the_title_held_at_the_move(central, tmp_path, capsys):
    """NguoiXuLy and ChucDanh are the officer's full name and title as the account had them
    when the move was made, not the login, and not what the account says now."""
    ws, user = make_counter(tmp_path, "a")
    admin = ws.accounts.add_user("quantri", Role.ADMIN, "matkhau123", "Hoàng Văn Đức")
    ws.accounts.update_user("canbo", by=admin, title="Chuyên viên")
    ws.sync.configure(counter_url(central, "Q1", [AGENCY]))
    ws.sync.run_once()
    (dossier,) = take(ws, user)
    ws.accounts.update_user(
        "canbo", by=admin, full_name="Nguyễn Thị Hoa Mai", title="Phó Trưởng Bộ phận Một cửa"
    )
    ws.dossiers.transition(dossier.code, Action.TRANSFER, user=user)
    ws.sync.run_once()
    with CentralAdmin(central) as admin_central:
        admin_central.decide(dossier.code, Status.RELEASING, note="Đã ký phiếu")
    ws.close()

    (record,) = export(central, capsys=capsys)
    check(record)
    assert [(p["NguoiXuLy"], p["ChucDanh"]) for p in record["QuaTrinhXuLy"]] == [
        ("Nguyễn Thị Hoa", "Chuyên viên"),
        ("Nguyễn Thị Hoa Mai", "Phó Trưởng Bộ phận Một cửa"),
        ("central", ""),
    ]


def test_a_move_recorded_before_names_were_kept_names_the_login():
    record = portal_record(
        {
            "code": "X-1",
            "procedure": {"code": TEN_DAYS, "name": "Cấp Phiếu"},
            "channel": "direct",
            "return_method": "counter",
            "agency": AGENCY,
            "status": "new",
            "received_at": "2026-01-05T08:00:00+07:00",
            "applicant": intake_json()["applicant"],
            "history": [
                {"at": "2026-01-05T08:00:00+07:00", "actor": "canbo", "action": "receive",
                 "from": None, "to": "new"}
            ],
        }
    )  # fmt: skip
    check(record)
    assert [(p["NguoiXuLy"], p["ChucDanh"]) for p in record["QuaTrinhXuLy"]] == [("canbo", "")]


def test_since_ships_only_what_changed_and_says_where_to_go_on(
    central, tmp_path, capsys, monkeypatch
):
    monkeypatch.setattr(office, "EXPORT_BATCH", 1)  # scans looked up between fetches
    ws, user = make_counter(tmp_path, "a")
    ws.sync.configure(counter_url(central, "Q1", [AGENCY]))
    ws.sync.run_once()
    first, second = take(ws, user, 2)
    ws.sync.run_once()
    ws.close()

    *records, tail = export(central, "--since", "0", capsys=capsys)
    assert [r["MaHoSo"] for r in records] == [first.code, second.code]
    for record in records:
        check(record)
    mark = tail["last_seq"]
    assert export(central, "--since", str(mark), capsys=capsys) == [{"last_seq": mark}]

    with CentralAdmin(central) as admin:
        admin.decide(first.code, Status.PROCESSING)
    *changed, tail = export(central, "--since", str(mark), capsys=capsys)
    assert [r["MaHoSo"] for r in changed] == [first.code]
    assert changed[0]["TrangThaiHoSo"] == "4" and tail["last_seq"] > mark
    assert export(central, "--since", str(tail["last_seq"]), capsys=capsys) == [tail]
    # without --since the whole set, with no sequence line (the earlier output unchanged)
    assert [r["MaHoSo"] for r in export(central, capsys=capsys)] == [first.code, second.code]


@pytest.mark.parametrize("given", ["-1", "abc", "1.5", "", "²", "1" * 19])
def test_since_refuses_what_is_not_a_sequence_number(sqlite_central, given, capsys):
    assert main(["--lang", "en", "central", "export", sqlite_central, "--since", given]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == (
        f"--since must be a change sequence number (a whole number, 0 or more), not “{given}”."
    )


def test_identity_kind_and_completion_follow_the_dossier():
    """An old 9-digit CMND is kind 2, a number of another form names no kind (never a made-up
    one); an open dossier has no end of processing even with a completion time."""
    base = {
        "code": "X-1",
        "procedure": {"code": TEN_DAYS, "name": "Cấp Phiếu"},
        "channel": "postal",
        "return_method": "postal",
        "agency": AGENCY,
        "received_at": "2026-01-05T08:00:00+07:00",
        "completed_at": "2026-01-06T08:00:00+07:00",
    }
    old_id = portal_record(
        base
        | {
            "status": "processing",
            "applicant": intake_json()["applicant"] | {"id_number": "020090001"},
        }
    )
    assert old_id["DinhDanhCHS"] == [{"LoaiDinhDanh": "2", "SoDinhDanh": "020090001"}]
    assert old_id["NgayKetThucXuLy"] == "" and old_id["KenhThucHien"] == "3"
    passport = portal_record(
        base
        | {
            "status": "releasing",
            "applicant": intake_json()["applicant"] | {"id_number": "C1234567"},
        }
    )
    assert passport["DinhDanhCHS"] == [] and passport["NgayKetThucXuLy"] == "20260106080000"
    check(old_id)
    check(passport)


def test_the_identity_kind_is_the_applicants_paper_not_the_numbers_length(
    central, tmp_path, capsys
):
    """A 9-digit number the officer said is another paper (a permit) is not sent as a CMND,
    a 12-digit one not as a CCCD; a dossier pushed before counters named the paper (no
    id_type in central's copy) still has its kind guessed from the number's length."""
    ws, user = make_counter(tmp_path, "a")
    ws.sync.configure(counter_url(central, "Q1", [AGENCY]))
    ws.sync.run_once()
    received = {
        (number, paper): ws.intake.receive(
            request_from_json(intake_json(id_number=number, id_type=paper)), user=user
        ).code
        for number, paper in [
            ("020090001", "other"),
            ("020090001234", "other"),
            ("020090001234", "citizen_id"),
            ("020090001", "old_id"),
            ("0100109106", "enterprise_code"),
        ]
    }
    ws.sync.run_once()
    ws.close()
    kinds = {r["MaHoSo"]: r["DinhDanhCHS"] for r in export(central, capsys=capsys)}
    assert {key: kinds[code] for key, code in received.items()} == {
        ("020090001", "other"): [],
        ("020090001234", "other"): [],
        ("020090001234", "citizen_id"): [{"LoaiDinhDanh": "1", "SoDinhDanh": "020090001234"}],
        ("020090001", "old_id"): [{"LoaiDinhDanh": "2", "SoDinhDanh": "020090001"}],
        ("0100109106", "enterprise_code"): [],
    }

    database = open_central(central)
    try:
        with database.write() as session:
            for row in session.query(CentralDossierRow):
                data = copy.deepcopy(row.data)
                del data["applicant"]["id_type"]
                row.data = data
    finally:
        database.close()
    kinds = {r["MaHoSo"]: r["DinhDanhCHS"] for r in export(central, capsys=capsys)}
    assert kinds[received["020090001", "other"]] == [
        {"LoaiDinhDanh": "2", "SoDinhDanh": "020090001"}
    ]
    assert kinds[received["0100109106", "enterprise_code"]] == []


@given(
    id_number=st.text(alphabet="0123456789C", max_size=13),
    id_type=st.sampled_from([None, *IdType]),
    status=st.sampled_from(list(Status)),
    channel=st.sampled_from(["direct", "online", "postal"]),
    kind=st.sampled_from(["citizen", "business", "agency", "other"]),
    fee_name=st.sampled_from(["Lệ phí chứng thực", "lệ phí hộ tịch", "Phí thẩm định", "Cước"]),
    quantity=st.integers(1, 50),
)
@settings(max_examples=60)
def test_every_record_fits_the_connectors_schema(
    id_number: str,
    id_type: IdType | None,
    status: Status,
    channel: str,
    kind: str,
    fee_name: str,
    quantity: int,
) -> None:
    record = portal_record(
        {
            "code": "X-1",
            "procedure": {"code": TEN_DAYS, "name": "Cấp Phiếu"},
            "channel": channel,
            "return_method": "counter",
            "agency": AGENCY,
            "status": status.value,
            "received_at": "2026-01-05T08:00:00+07:00",
            "applicant": intake_json()["applicant"]
            | {"id_number": id_number, "type": kind}
            | ({"id_type": id_type.value} if id_type else {}),
            "fees": [
                {"name": fee_name, "amount": 2000, "quantity": quantity, "collection": "after"}
            ],
        }
    )
    check(record)
    assert record["TrangThaiHoSo"] == str(status.number)
    (fee,) = record["DanhSachLePhi"]
    assert fee["Gia"] == str(2000 * quantity) and fee["HinhThucThu"] == "2"
    assert fee["LoaiPhiLePhi"] == ("2" if fee_name.lower().startswith("lệ phí") else "1")
    if not id_number.isdigit():
        expected = None
    elif id_type is None:
        expected = {12: "1", 9: "2"}.get(len(id_number))
    else:
        expected = {IdType.CITIZEN_ID: "1", IdType.OLD_ID: "2"}.get(id_type)
    assert record["DinhDanhCHS"] == (
        [{"LoaiDinhDanh": expected, "SoDinhDanh": id_number}] if expected else []
    )
