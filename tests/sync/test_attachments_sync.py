"""Scanned originals go to central with their dossier: content-addressed, in chunks, resumable,
stored once, removals marked, and out of reach of counters of other agencies. Against the real
PostgreSQL and a trial SQLite central."""

from __future__ import annotations

import contextlib
import hashlib
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from counter_app.domain.catalog_file import catalog_from_json
from counter_app.domain.clock import now
from counter_app.domain.errors import CounterError
from counter_app.services.sync.admin import CentralAdmin, open_central
from counter_app.services.sync.attachments import STATE, send_attachments
from counter_app.services.sync.gateway import CentralGateway
from counter_app.store.central import blobs
from counter_app.store.central.blobs import CHUNK_SIZE, parts_of
from counter_app.store.central.database import CentralAddress, CentralDatabase, split_password
from tests.conftest import AGENCY, OTHER_AGENCY, SMALL_CATALOG
from tests.digitising.conftest import COMPONENT, write_page
from tests.sync.helpers import central_rows, make_counter, take
from tests.sync.proxy import FaultProxy

OTHER_PROCEDURE = "1.009972.000.00.00.H37"  # handled by OTHER_AGENCY
OTHER_COMPONENT = "Đơn đề nghị cấp giấy phép"


@pytest.fixture(params=["sqlite", "pg"])
def central(request):  # type: ignore[no-untyped-def]
    """The administrator's URL of a fresh central, on each backend."""
    return request.getfixturevalue(f"{request.param}_central")


@pytest.fixture
def proxy(pg_server):  # type: ignore[no-untyped-def]
    line = FaultProxy(pg_server.port)
    yield line
    line.close()


def counter_url(admin_url: str, counter_id: str, agencies: list[str], port: int | None = None):  # type: ignore[no-untyped-def]
    """A counter's own login on PostgreSQL (through `port` when given), the file naming the
    counter on SQLite."""
    with CentralAdmin(admin_url) as admin:
        made = admin.add_counter(counter_id, agencies)
    if admin_url.startswith("sqlite"):
        return f"{admin_url}?counter={counter_id}"
    database = admin_url.rsplit("/", 1)[1]
    host = f"127.0.0.1:{port}" if port else admin_url.split("@", 1)[1].split("/")[0]
    return f"postgresql://{made.role}:{made.password}@{host}/{database}"


def noise_page(folder: Path, name: str, size: int, seed: int) -> Path:
    """A PNG of random grey noise: incompressible, so about `size` bytes on disk."""
    from PIL import Image

    side = int(size**0.5)
    image = Image.frombytes("L", (side, side), random.Random(seed).randbytes(side * side))
    path = folder / name
    image.save(path, "PNG", compress_level=1)
    return path


def counter_with_dossier(tmp_path, url: str, name: str = "a", procedure: str | None = None):  # type: ignore[no-untyped-def]
    ws, user = make_counter(tmp_path, name)
    ws.sync.configure(url)
    ws.sync.run_once()
    (dossier,) = take(ws, user, 1, procedure=procedure)
    return ws, user, dossier


def central_view(admin_url: str, dossier_uuid: str | None = None):  # type: ignore[no-untyped-def]
    """(counts of blobs and chunks, the dossier's rows by sha256) as the administrator sees."""
    database = open_central(admin_url)
    try:
        with database.read() as session:
            counts = blobs.blob_counts(session)
            rows = {}
            if dossier_uuid:
                rows = {r.item.sha256: r for r in blobs.attachments_of(session, dossier_uuid)}
            return counts, rows
    finally:
        database.close()


def central_content(admin_url: str, sha256: str) -> bytes | None:
    database = open_central(admin_url)
    try:
        with database.read() as session:
            return blobs.read_blob(session, sha256)
    finally:
        database.close()


def scans(tmp_path: Path) -> Path:
    folder = tmp_path / "scans"
    folder.mkdir(exist_ok=True)
    return folder


def test_originals_reach_central_whole_with_their_rows(central, tmp_path):
    ws, user, dossier = counter_with_dossier(tmp_path, counter_url(central, "A", [AGENCY]))
    big = noise_page(scans(tmp_path), "big.png", 1_300_000, seed=1)  # three chunks
    small = write_page(scans(tmp_path), "small.png", seed=2)
    added = ws.attachments.attach(dossier.code, [big, small], component=COMPONENT, user=user)
    ws.sync.run_once()

    counts, rows = central_view(central, dossier.uuid)
    assert counts == {"blobs": 2, "chunks": parts_of(big.stat().st_size, CHUNK_SIZE) + 1}
    for item, path in zip(added, (big, small), strict=True):
        content = central_content(central, item.sha256)
        assert content is not None and hashlib.sha256(content).hexdigest() == item.sha256
        assert content == path.read_bytes()
        row = rows[item.sha256]
        assert (row.item.component, row.item.position, row.item.rotation) == (
            COMPONENT,
            item.position,
            0,
        )
        assert (row.item.pages, row.item.added_by, row.item.media_type) == (1, "canbo", "image/png")
        assert not row.removed and row.written_by == 1

    ws.attachments.rotate(dossier.code, added[0].sha256, 90, user=user)
    ws.attachments.move(dossier.code, added[0].sha256, 1, user=user)
    ws.sync.run_once()
    _, rows = central_view(central, dossier.uuid)
    assert rows[added[0].sha256].item.rotation == 90
    assert [rows[a.sha256].item.position for a in added] == [2, 1]
    assert central_view(central)[0] == counts  # metadata only: nothing sent again
    ws.close()


def test_the_same_file_in_two_dossiers_is_stored_once(central, tmp_path):
    ws, user, first = counter_with_dossier(tmp_path, counter_url(central, "A", [AGENCY]))
    (second,) = take(ws, user, 1)
    page = noise_page(scans(tmp_path), "page.png", 700_000, seed=3)  # two chunks
    ws.attachments.attach(first.code, [page], component=COMPONENT, user=user)
    ws.attachments.attach(second.code, [page], component=COMPONENT, user=user)
    ws.sync.run_once()
    counts, rows_first = central_view(central, first.uuid)
    _, rows_second = central_view(central, second.uuid)
    assert counts == {"blobs": 1, "chunks": 2}
    assert (
        rows_first.keys() == rows_second.keys() == {hashlib.sha256(page.read_bytes()).hexdigest()}
    )
    ws.close()


def test_an_original_waits_until_its_dossier_is_central(central, tmp_path):
    ws, user, _ = counter_with_dossier(tmp_path, counter_url(central, "A", [AGENCY]))
    (late,) = take(ws, user, 1)  # not pushed yet
    (item,) = ws.attachments.attach(
        late.code, [write_page(scans(tmp_path), "p.png", seed=4)], component=COMPONENT, user=user
    )
    gateway = CentralGateway(ws.sync.address())
    sent = send_attachments(ws.database, gateway, ws.sync.status().counter_number)
    assert (sent.dossiers, sent.originals, sent.waiting) == (0, 0, 1)
    assert central_view(central)[0] == {"blobs": 0, "chunks": 0}
    with ws.database.read() as session:
        from counter_app.store.settings import get_setting

        assert get_setting(session, STATE)["waiting"] == [late.uuid]
    ws.sync.run_once()  # pushes the dossier, then its original
    assert central_content(central, item.sha256) is not None
    assert set(central_view(central, late.uuid)[1]) == {item.sha256}
    again = send_attachments(ws.database, gateway, ws.sync.status().counter_number)
    assert again == type(again)()  # nothing changed: nothing asked of central
    gateway.close()
    ws.close()


def test_a_removal_is_marked_centrally_and_undone_by_attaching_again(central, tmp_path):
    ws, user, dossier = counter_with_dossier(tmp_path, counter_url(central, "A", [AGENCY]))
    page = write_page(scans(tmp_path), "p.png", seed=5)
    keep = write_page(scans(tmp_path), "q.png", seed=6)
    (removed, kept) = ws.attachments.attach(dossier.code, [page, keep], component=COMPONENT,
                                            user=user)  # fmt: skip
    ws.sync.run_once()
    ws.attachments.remove(dossier.code, removed.sha256, user=user)
    ws.sync.run_once()
    counts, rows = central_view(central, dossier.uuid)
    assert rows[removed.sha256].removed and rows[removed.sha256].removed_at is not None
    assert not rows[kept.sha256].removed
    assert counts["blobs"] == 2  # the content stays: the record of what was handed in
    (again,) = ws.attachments.attach(dossier.code, [page], component=COMPONENT, user=user)
    ws.sync.run_once()
    _, rows = central_view(central, dossier.uuid)
    assert not rows[removed.sha256].removed
    assert rows[removed.sha256].item.position == again.position != removed.position
    ws.close()


def test_a_damaged_original_is_named_and_holds_back_only_its_own_rows(central, tmp_path):
    """The round gets through: dossiers and the other originals go up; the damaged file is
    named in the status and the log, read again only when its time comes or on "Sync now",
    and goes up once it is whole again."""
    ws, user, dossier = counter_with_dossier(tmp_path, counter_url(central, "A", [AGENCY]))
    (other,) = take(ws, user, 1)
    (bad,) = ws.attachments.attach(dossier.code, [write_page(scans(tmp_path), "p.png", seed=7)],
                                   component=COMPONENT, user=user)  # fmt: skip
    (good,) = ws.attachments.attach(other.code, [write_page(scans(tmp_path), "q.png", seed=8)],
                                    component=COMPONENT, user=user)  # fmt: skip
    stored = ws.attachments.blobs.path(bad.sha256)
    stored.chmod(0o644)
    whole = stored.read_bytes()
    stored.write_bytes(whole[:-10] + b"0123456789")
    assert ws.sync.run_once().pending == 0  # no error: the round got through
    assert central_content(central, bad.sha256) is None
    assert central_content(central, good.sha256) is not None
    assert set(central_view(central, other.uuid)[1]) == {good.sha256}
    assert central_view(central, dossier.uuid)[1] == {}

    status = ws.sync.status()
    (problem,) = status.attachment_problems
    assert (problem.code, problem.name, problem.key, problem.tries) == (
        dossier.code,
        "p.png",
        "attachment.corrupt",
        1,
    )
    assert problem.message("vi").startswith(
        f"Chưa gửi được bản quét «p.png» của hồ sơ {dossier.code} lên máy chủ trung tâm: "
        f"Tệp {stored} bị hỏng"
    )
    assert "Dossiers still go up as usual" in problem.message("en")
    assert status.attachments_waiting == 1 and status.online
    (entry, *_) = ws.sync.log()
    assert entry.ok and entry.message == "sync.attachment_held"
    assert entry.attachment_problem == problem and entry.held == 1

    (later,) = take(ws, user, 1)  # dossiers keep going up; the damaged file waits its turn
    ws.sync.run_once(retry_held=False)
    assert later.uuid in central_rows(central)
    (same,) = ws.sync.status().attachment_problems
    assert same == problem  # not read again before its time
    ws.sync.run_once()  # "Sync now": read again at once
    (again,) = ws.sync.status().attachment_problems
    assert again.tries == 2 and again.retry_at > problem.retry_at

    stored.write_bytes(whole)  # the original is whole again (restored from a backup)
    ws.sync.run_once()
    assert central_content(central, bad.sha256) == whole
    assert set(central_view(central, dossier.uuid)[1]) == {bad.sha256}
    status = ws.sync.status()
    assert status.attachment_problems == () and status.attachments_waiting == 0
    ws.close()


def test_central_completes_a_blob_only_when_its_content_hashes_to_its_name(central):
    database = as_counter(counter_url(central, "A", [AGENCY]))  # counter number 1
    content = b"trang giay to da quet"
    sha = hashlib.sha256(content).hexdigest()
    at = now()

    def put(*parts: int, data: bytes = content) -> str:
        for part in parts:
            with database.write() as session:
                blobs.put_part(session, 1, sha, part, data[part * 8 : part * 8 + 8])
        with database.write() as session:
            return blobs.complete_blob(session, 1, sha, at=at)

    with database.write() as session:
        blobs.start_blob(session, 1, sha, size=len(content), chunk_size=8, at=at)
    assert put(0, 1, 2, data=content.replace(b"da", b"DA")) == "mismatch"
    with database.read() as session:
        state = blobs.blob_state(session, sha)
    assert state is not None and not state.complete and state.missing() == [0, 1, 2]
    assert put(2, 0) == "incomplete"
    assert put(1) == "complete"
    with database.read() as session:
        assert blobs.read_blob(session, sha) == content
    with pytest.raises(CounterError) as refused, database.write() as session:
        blobs.put_part(session, 1, sha, 3, b"extra")  # a complete blob takes no more parts
    assert refused.value.key == "central.denied"
    with database.read() as session:
        assert blobs.read_blob(session, sha) == content
    database.close()


# --- PostgreSQL: a line cut mid-upload, row-level security, the same content at two agencies


def test_a_cut_line_resumes_from_the_last_committed_chunk(pg_central, proxy, tmp_path):
    url = counter_url(pg_central, "A", [AGENCY], port=proxy.port)
    ws, user, dossier = counter_with_dossier(tmp_path, url)
    big = noise_page(scans(tmp_path), "big.png", 3_000_000, seed=9)
    parts = parts_of(big.stat().st_size, CHUNK_SIZE)
    (item,) = ws.attachments.attach(dossier.code, [big], component=COMPONENT, user=user)
    proxy.arm_cut(1_400_000)  # inside the third chunk at the latest
    with pytest.raises(CounterError) as cut:
        ws.sync.run_once()
    assert cut.value.key == "sync.offline"
    committed = central_view(pg_central)[0]["chunks"]
    assert 0 < committed < parts
    assert central_content(pg_central, item.sha256) is None

    proxy.reset()
    gateway = CentralGateway(ws.sync.address())
    sent = send_attachments(ws.database, gateway, ws.sync.status().counter_number)
    gateway.close()
    assert sent.chunks == parts - committed  # the committed ones are not sent again
    assert (sent.originals, sent.dossiers) == (1, 1)
    assert central_content(pg_central, item.sha256) == big.read_bytes()
    assert set(central_view(pg_central, dossier.uuid)[1]) == {item.sha256}
    ws.close()


def as_counter(url: str) -> CentralDatabase:
    bare, password = split_password(url)
    return CentralDatabase(CentralAddress(bare, password=password))


def test_another_agencys_counter_cannot_read_or_touch_the_originals(pg_central, tmp_path):
    url_a = counter_url(pg_central, "A", [AGENCY])
    url_b = counter_url(pg_central, "B", [OTHER_AGENCY])
    a, user_a, dossier = counter_with_dossier(tmp_path, url_a)
    page = noise_page(scans(tmp_path), "page.png", 700_000, seed=10)
    (item,) = a.attachments.attach(dossier.code, [page], component=COMPONENT, user=user_a)
    a.sync.run_once()

    b_central = as_counter(url_b)
    with b_central.read() as session:
        for table in ("blobs", "blob_chunks", "attachments"):
            assert session.scalar(text(f"SELECT count(*) FROM {table}")) == 0
        assert blobs.read_blob(session, item.sha256) is None
        assert blobs.blob_state(session, item.sha256) is None
    attempts = [
        lambda s: blobs.put_part(s, 2, item.sha256, 9, b"x"),
        lambda s: blobs.complete_blob(s, 2, item.sha256, at=dossier.received_at),
        lambda s: blobs.claim_blob(s, item.sha256, "0" * 64),  # no proof of holding it
        lambda s: s.execute(text("UPDATE blobs SET complete = false")),
    ]
    for attempt in attempts:
        with pytest.raises(CounterError) as denied, b_central.write() as session:
            attempt(session)
        assert denied.value.key == "central.denied"
    with b_central.write() as session:  # A's dossier's rows are out of B's reach
        assert session.execute(text("UPDATE attachments SET removed = true")).rowcount == 0
    b_central.close()
    a_central = as_counter(url_a)
    with a_central.read() as session:
        assert blobs.read_blob(session, item.sha256) == page.read_bytes()
    a_central.close()
    a.close()


def test_content_already_central_is_claimed_by_another_agency_not_sent_again(pg_central, tmp_path):
    a, user_a, dossier_a = counter_with_dossier(tmp_path, counter_url(pg_central, "A", [AGENCY]))
    url_b = counter_url(pg_central, "B", [OTHER_AGENCY])
    b, user_b, dossier_b = counter_with_dossier(tmp_path, url_b, "b", procedure=OTHER_PROCEDURE)
    page = noise_page(scans(tmp_path), "page.png", 700_000, seed=11)
    (item,) = a.attachments.attach(dossier_a.code, [page], component=COMPONENT, user=user_a)
    a.sync.run_once()
    b.sync.run_once()  # B's dossier goes up first
    b.attachments.attach(dossier_b.code, [page], component=OTHER_COMPONENT, user=user_b)
    gateway = CentralGateway(b.sync.address())
    sent = send_attachments(b.database, gateway, b.sync.status().counter_number)
    gateway.close()
    assert (sent.chunks, sent.originals, sent.dossiers) == (0, 1, 1)
    assert central_view(pg_central)[0] == {"blobs": 1, "chunks": 2}
    b_central = as_counter(url_b)
    with b_central.read() as session:  # B proved it holds the content: it may read it now
        assert blobs.read_blob(session, item.sha256) == page.read_bytes()
        assert session.scalar(text("SELECT count(*) FROM attachments")) == 1  # its own row
    b_central.close()
    a.close()
    b.close()


# --- any sequence of attach, remove, turn, move, cut uploads and syncs ends in agreement


class FlakyCentral:
    """A central database whose n-th write fails: before it reaches central, or after central
    committed it (the reply lost)."""

    def __init__(self, inner: CentralDatabase, fail_at: int, mode: str) -> None:
        self.inner, self.fail_at, self.mode, self.writes = inner, fail_at, mode, 0

    def read(self):  # type: ignore[no-untyped-def]
        return self.inner.read()

    @contextlib.contextmanager
    def write(self):  # type: ignore[no-untyped-def]
        self.writes += 1
        failing = self.writes == self.fail_at
        if failing and self.mode == "before":
            raise CounterError("sync.offline", reason="cut before central (test)")
        with self.inner.write() as session:
            yield session
        if failing and self.mode == "after":
            raise CounterError("sync.offline", reason="reply lost after commit (test)")


PAGES = 4
page_step = st.one_of(
    st.tuples(st.just("attach"), st.integers(0, 1), st.integers(0, PAGES - 1)),
    st.tuples(st.just("remove"), st.integers(0, 1), st.integers(0, PAGES - 1)),
    st.tuples(st.just("rotate"), st.integers(0, 1), st.integers(0, PAGES - 1)),
    st.tuples(
        st.just("move"), st.integers(0, 1), st.integers(0, PAGES - 1), st.sampled_from([-1, 1])
    ),
    st.tuples(st.just("cut"), st.integers(1, 12), st.sampled_from(["before", "after"])),
    st.tuples(st.just("sync")),
)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(steps=st.lists(page_step, min_size=3, max_size=25))
@example(  # the cases that matter most, always tried
    steps=[
        ("attach", 0, 0),
        ("attach", 0, 1),
        ("sync",),
        ("remove", 0, 0),
        ("rotate", 0, 0),
        ("move", 0, 0, -1),
        ("attach", 1, 1),
    ]
)
@example(steps=[("attach", 0, 2), ("cut", 2, "after"), ("remove", 0, 0), ("attach", 1, 2)])
def test_any_history_of_changes_and_cuts_ends_with_central_matching(test_keyring, steps):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        url = f"sqlite:///{root / 'central.sqlite3'}"
        with CentralAdmin(url) as admin:
            admin.init()
            admin.import_catalog(catalog_from_json(SMALL_CATALOG))
        ws, user, first = counter_with_dossier(root, counter_url(url, "A", [AGENCY]))
        (second,) = take(ws, user, 1)
        ws.sync.run_once()
        dossiers = [first, second]
        pages = [write_page(scans(root), f"p{i}.png", seed=20 + i) for i in range(PAGES)]
        digests = [hashlib.sha256(page.read_bytes()).hexdigest() for page in pages]
        number = ws.sync.status().counter_number
        try:
            for step in steps:
                _play_pages(ws, user, dossiers, pages, digests, step, number)
            ws.sync.run_once()
            for dossier in dossiers:
                held = {a.sha256: a for a in ws.attachments.list(dossier.code)}
                _, rows = central_view(url, dossier.uuid)
                assert {sha for sha, row in rows.items() if not row.removed} == set(held)
                for sha, item in held.items():
                    row = rows[sha].item
                    assert (row.component, row.position, row.rotation) == (
                        item.component,
                        item.position,
                        item.rotation,
                    )
                    assert central_content(url, sha) == pages[digests.index(sha)].read_bytes()
        finally:
            ws.close()


def _play_pages(ws, user, dossiers, pages, digests, step, number) -> None:  # type: ignore[no-untyped-def]
    kind = step[0]
    if kind == "sync":
        ws.sync.run_once()
        return
    if kind == "cut":  # an upload in small chunks that fails at its n-th central write
        gateway = CentralGateway(ws.sync.address())
        inner = gateway.database
        gateway.database = FlakyCentral(inner, step[1], step[2])
        with contextlib.suppress(CounterError):
            send_attachments(ws.database, gateway, number, chunk_size=4096)
        inner.close()
        return
    code = dossiers[step[1]].code
    held = [a.sha256 for a in ws.attachments.list(code)]
    if kind == "attach":
        if digests[step[2]] not in held:
            ws.attachments.attach(code, [pages[step[2]]], component=COMPONENT, user=user)
        return
    if not held:
        return
    sha = held[step[2] % len(held)]  # whichever is held
    if kind == "remove":
        ws.attachments.remove(code, sha, user=user)
    elif kind == "rotate":
        ws.attachments.rotate(code, sha, 90, user=user)
    else:
        ws.attachments.move(code, sha, step[3], user=user)
