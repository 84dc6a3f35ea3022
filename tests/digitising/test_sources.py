"""Sources of pages: files, a watched folder (real files written in steps), SANE through a fake
device that speaks python-sane's device API (the adapter's boundary)."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from counter_app.domain.errors import CounterError
from counter_app.services.digitising import Staged
from counter_app.services.digitising.sources import (
    COLOUR,
    FEEDER,
    FLATBED,
    GREY,
    SANE_SETTING,
    TAKEN_FOLDER,
    FileImport,
    SaneChoice,
    SaneSource,
    WatchedFolder,
    sane_module,
)
from tests.digitising.conftest import COMPONENT, page_bytes, pdf_bytes


class Clock:
    """Monotonic seconds the test moves by hand: no sleeping, no timing in the assertions."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def step(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    watched = tmp_path / "inbox"
    watched.mkdir()
    return watched


def test_file_import_reads_every_kind(scans):
    files = []
    for name, data in (
        ("a.png", page_bytes("png")),
        ("b.jpg", page_bytes("jpeg")),
        ("c.tif", page_bytes("tiff", frames=2)),
        ("d.pdf", pdf_bytes(2)),
    ):
        (scans / name).write_bytes(data)
        files.append(scans / name)
    source = FileImport(files)
    pages = source.acquire()
    assert [Path(p.name).name for p in pages] == ["a.png", "b.jpg", "c.tif", "d.pdf"]
    assert [p.data for p in pages] == [f.read_bytes() for f in files]
    source.settle(pages)
    assert all(f.exists() for f in files)  # the officer's files stay


def test_file_import_refuses_a_large_file_before_reading_it(scans):
    big = scans / "big.png"
    big.write_bytes(page_bytes("png"))
    with pytest.raises(CounterError) as refused:
        FileImport([big], max_bytes=100).acquire()
    assert refused.value.key == "attachment.too_large"
    with pytest.raises(CounterError) as missing:
        FileImport([scans / "gone.png"]).acquire()
    assert missing.value.key == "file.missing"


def test_a_half_written_file_is_not_taken_too_early(folder, clock):
    watcher = WatchedFolder(folder, settle_seconds=2.0, clock=clock)
    data = pdf_bytes(3)
    target = folder / "scan-0001.pdf"
    with target.open("wb") as stream:
        stream.write(data[:1000])  # the scanner's software starts writing
        stream.flush()
        assert watcher.poll() == []  # first sight: never ready at once
        clock.step(5)
        stream.write(data[1000:2000])  # still growing after a pause longer than the settle time
        stream.flush()
        assert watcher.poll() == []  # the size changed: the wait starts again
        clock.step(1)
        assert watcher.poll() == []  # unchanged, but not for long enough
        stream.write(data[2000:])
    assert watcher.poll() == []  # complete now, but just changed
    clock.step(2)
    assert watcher.poll() == [target]
    (page,) = watcher.acquire()
    assert page.data == data and page.origin == target


def test_unfinished_names_hidden_files_and_other_kinds_are_left_alone(folder, clock):
    watcher = WatchedFolder(folder, settle_seconds=1.0, clock=clock)
    for name in ("scan.pdf.part", ".scan.png", "scan.tmp", "notes.txt", "~lock.png~"):
        (folder / name).write_bytes(b"x" * 10)
    (folder / "sub.png").mkdir()
    (folder / "empty.png").write_bytes(b"")
    for _ in range(2):
        assert watcher.poll() == []
        clock.step(5)


def test_taken_files_move_to_taken_and_are_not_offered_again(folder, clock, tmp_path):
    watcher = WatchedFolder(folder, settle_seconds=1.0, clock=clock)
    (folder / "b.png").write_bytes(page_bytes("png", seed=2))
    (folder / "a.png").write_bytes(page_bytes("png", seed=1))
    (folder / TAKEN_FOLDER).mkdir()
    (folder / TAKEN_FOLDER / "a.png").write_bytes(b"an older a.png, kept")
    watcher.poll()
    clock.step(1)
    ready = watcher.poll()
    assert {p.name for p in ready} == {"a.png", "b.png"}
    pages = watcher.take(ready)
    watcher.settle(pages)
    assert sorted(p.name for p in folder.iterdir()) == [TAKEN_FOLDER]
    taken = sorted(p.name for p in (folder / TAKEN_FOLDER).iterdir())
    assert taken == ["a-1.png", "a.png", "b.png"]
    assert (folder / TAKEN_FOLDER / "a.png").read_bytes() == b"an older a.png, kept"
    clock.step(5)
    assert watcher.poll() == []


def test_a_missing_folder_says_so(tmp_path, clock):
    with pytest.raises(CounterError) as refused:
        WatchedFolder(tmp_path / "nowhere", clock=clock).poll()
    assert refused.value.key == "scan.folder_missing"
    assert "nowhere" in refused.value.message("en")


def test_watched_folder_pages_attach_and_are_then_moved(ws, officer, dossier, folder, clock):
    watcher = WatchedFolder(folder, settle_seconds=1.0, clock=clock)
    (folder / "p.png").write_bytes(page_bytes("png", seed=4))
    watcher.poll()
    clock.step(1)
    pages = watcher.acquire()
    scans = [ws.attachments.check_bytes(page.name, page.data) for page in pages]
    staged = [Staged(COMPONENT, scan) for scan in scans]
    ws.attachments.attach_staged(dossier.code, staged, user=officer)
    watcher.settle(pages)
    (stored,) = ws.attachments.list(dossier.code)
    assert stored.original_name == "p.png"
    taken = (folder / TAKEN_FOLDER / "p.png").read_bytes()
    assert stored.sha256 == hashlib.sha256(taken).hexdigest()


# --- SANE through a fake device -----------------------------------------------------------


class SaneError(Exception):
    """python-sane's `sane.error`."""


class FakeOption:
    """python-sane's Option, as far as the adapter reads it."""

    def __init__(self, constraint: object) -> None:
        self.constraint = constraint


class FakeDevice:
    """python-sane's SaneDev as the adapter uses it: options as attributes (an unknown one
    raises AttributeError), `opt` (each option's allowed values), scan(), multi_scan() (an
    iterator over the feeder's sheets), cancel(), close(). `fail_after`: the device disappears
    after that many pages. `sources`: the values its "source" option allows."""

    def __init__(
        self,
        sheets: int,
        fail_after: int | None = None,
        source: str = "",
        *,
        name: str = "fake:usb:001",
        vendor: str = "Fujitsu",
        model: str = "fi-7160",
        sources: tuple[str, ...] = (),
    ) -> None:
        options: dict[str, object] = {"resolution": 150, "mode": "Color"}
        allowed: dict[str, FakeOption] = {
            "resolution": FakeOption((50, 600, 1)),
            "mode": FakeOption(["Lineart", "Gray", "Color"]),
        }
        if source or sources:
            options["source"] = source or sources[0]
            allowed["source"] = FakeOption(list(sources) or [source])
        self.__dict__.update(
            options=options,
            opt=allowed,
            sheets=sheets,
            fail_after=fail_after,
            served=0,
            cancelled=False,
            closed=False,
            set_order=[],
            signature=(name, vendor, model, "sheetfed scanner"),
        )

    def __setattr__(self, key: str, value: object) -> None:
        if key not in self.options:
            raise AttributeError(f"No such attribute: {key}")
        self.options[key] = value
        self.set_order.append(key)

    def __getattr__(self, key: str) -> object:
        if key in self.__dict__.get("options", {}):
            return self.options[key]
        raise AttributeError(f"No such attribute: {key}")

    def _sheet(self) -> Image.Image:
        if self.fail_after is not None and self.served >= self.fail_after:
            raise SaneError("Error during device I/O")
        self.__dict__["served"] += 1
        size = (85 * self.options["resolution"] // 10, 110 * self.options["resolution"] // 10)
        shade = 255 - self.served
        if self.options["mode"] == "Color":
            return Image.new("RGB", (size[0] // 10, size[1] // 10), (shade, shade, 255))
        return Image.new("L", (size[0] // 10, size[1] // 10), shade)

    def scan(self) -> Image.Image:
        return self._sheet()

    def multi_scan(self):  # type: ignore[no-untyped-def]
        while self.served < self.sheets:
            yield self._sheet()

    def cancel(self) -> None:
        self.__dict__["cancelled"] = True

    def close(self) -> None:
        self.__dict__["closed"] = True


class FakeSane:
    """The module-level API: init, get_devices, open, error. `unplug(name)` takes a device off
    the bus."""

    error = SaneError

    def __init__(self, *devices: FakeDevice | None) -> None:
        self.devices = {device.signature[0]: device for device in devices if device is not None}

    @property
    def device(self) -> FakeDevice | None:
        return next(iter(self.devices.values()), None)

    def init(self) -> tuple[int, int, int, int]:
        return (16777216, 1, 0, 32)

    def get_devices(self) -> list[tuple[str, str, str, str]]:
        return [device.signature for device in self.devices.values()]

    def open(self, name: str) -> FakeDevice:
        if name not in self.devices:
            raise SaneError("Invalid argument")
        return self.devices[name]

    def unplug(self, name: str) -> None:
        del self.devices[name]


def test_sane_devices_are_listed():
    (device,) = SaneSource.devices(FakeSane(FakeDevice(1)))
    assert device.name == "fake:usb:001" and device.label == "Fujitsu fi-7160"
    assert SaneSource.devices(FakeSane(None)) == []


def test_sane_feeder_pages_come_back_as_png_at_the_set_resolution(ws):
    device = FakeDevice(sheets=3)
    source = SaneSource(FakeSane(device), "fake:usb:001", resolution=300, feeder=True)
    pages = source.acquire()
    assert len(pages) == 3 and device.closed and not device.cancelled
    assert device.options == {"resolution": 300, "mode": "Gray"}
    for page in pages:
        assert page.name.endswith(".png") and page.origin is None
        checked = ws.attachments.check_bytes(page.name, page.data)
        assert checked.kind == "png" and checked.pages == 1
        with Image.open(io.BytesIO(page.data)) as image:
            assert round(image.info["dpi"][0]) == 300
    assert len({page.data for page in pages}) == 3


def test_one_page_from_the_glass():
    device = FakeDevice(sheets=5)
    assert len(SaneSource(FakeSane(device), "fake:usb:001", feeder=False).acquire()) == 1


def test_the_device_source_says_feeder_or_glass():
    for source, pages in (("ADF Duplex", 3), ("Automatic Document Feeder", 3), ("Flatbed", 1),
                          ("", 1)):  # fmt: skip
        device = FakeDevice(sheets=3, source=source)
        assert len(SaneSource(FakeSane(device), "fake:usb:001").acquire()) == pages, source


def test_a_scanner_lost_mid_scan_gives_a_message_and_no_page(ws, officer, dossier):
    device = FakeDevice(sheets=4, fail_after=2)
    source = SaneSource(FakeSane(device), "fake:usb:001", feeder=True)
    with pytest.raises(CounterError) as lost:
        source.acquire()
    assert lost.value.key == "scan.device_lost"
    message = lost.value.message("vi")
    assert "fake:usb:001" in message and "Error during device I/O" in message
    assert device.cancelled and device.closed
    assert ws.attachments.list(dossier.code) == []


def test_no_scanner_and_an_empty_feeder():
    with pytest.raises(CounterError) as missing:
        SaneSource(FakeSane(None), "fake:usb:001").acquire()
    assert missing.value.key == "scan.device_gone"
    with pytest.raises(CounterError) as empty:
        SaneSource(FakeSane(FakeDevice(sheets=0)), "fake:usb:001", feeder=True).acquire()
    assert empty.value.key == "scan.no_pages"


def test_without_python_sane_the_choice_is_absent():
    try:
        import sane  # type: ignore[import-not-found]  # noqa: F401
    except ImportError:
        assert sane_module() is None
    else:
        assert sane_module() is not None


# --- the scanner the officer chose ---------------------------------------------------------

SOURCES = ("Flatbed", "ADF Front", "ADF Duplex")


def test_a_chosen_feeder_scan_sets_source_first_then_resolution_and_colour():
    device = FakeDevice(sheets=3, sources=SOURCES)
    choice = SaneChoice("fake:usb:001", "Fujitsu fi-7160", FEEDER, 200, COLOUR)
    pages = choice.source_for(FakeSane(device)).acquire()
    assert len(pages) == 3
    assert device.options == {"source": "ADF Front", "resolution": 200, "mode": "Color"}
    assert device.set_order == ["source", "resolution", "mode"]
    with Image.open(io.BytesIO(pages[0].data)) as image:
        assert image.mode == "RGB" and round(image.info["dpi"][0]) == 200


def test_a_chosen_flatbed_scans_one_page_from_the_glass_in_grey():
    device = FakeDevice(sheets=3, sources=SOURCES)
    device.options["source"] = "ADF Duplex"  # as the last user left it
    choice = SaneChoice("fake:usb:001", source=FLATBED, resolution=300, mode=GREY)
    (page,) = choice.source_for(FakeSane(device)).acquire()
    assert device.options == {"source": "Flatbed", "resolution": 300, "mode": "Gray"}
    with Image.open(io.BytesIO(page.data)) as image:
        assert image.mode == "L"


def test_a_feeder_asked_of_a_device_with_only_a_glass_scans_one_page():
    device = FakeDevice(sheets=3, sources=("Flatbed",))
    choice = SaneChoice("fake:usb:001", source=FEEDER)
    assert len(choice.source_for(FakeSane(device)).acquire()) == 1


def test_a_device_with_a_fixed_list_of_resolutions_gets_the_nearest():
    device = FakeDevice(sheets=1)
    device.opt["resolution"] = FakeOption([150, 600])
    SaneSource(FakeSane(device), "fake:usb:001", resolution=200, feeder=False).acquire()
    assert device.options["resolution"] == 150


def test_the_choice_is_kept_in_the_settings(ws):
    choice = SaneChoice("fake:usb:002", "Canon LiDE 300", FLATBED, 200, COLOUR)
    ws.settings.set(SANE_SETTING, choice.to_setting())
    assert SaneChoice.from_setting(ws.settings.get(SANE_SETTING)) == choice
    assert SaneChoice.from_setting(None) is None
    stale = {"device": "fake:usb:002", "source": "transparency", "resolution": 1200}
    assert SaneChoice.from_setting(stale) == SaneChoice("fake:usb:002")


@given(
    st.dictionaries(
        st.sampled_from(["device", "label", "source", "resolution", "mode", "other"]),
        st.one_of(
            st.none(), st.booleans(), st.integers(), st.text(max_size=12), st.lists(st.integers())
        ),
    )
)
def test_any_stored_value_reads_as_a_choice_or_none(stored):
    choice = SaneChoice.from_setting(stored)
    if choice is not None:
        assert choice.device == stored["device"] and choice.device
        assert choice.source in (FEEDER, FLATBED) and choice.resolution in (200, 300)
        assert choice.mode in (GREY, COLOUR)


def test_a_chosen_scanner_that_is_gone_says_which_and_keeps_nothing():
    sane = FakeSane(FakeDevice(sheets=2), FakeDevice(sheets=2, name="fake:usb:002"))
    sane.unplug("fake:usb:001")
    choice = SaneChoice("fake:usb:001", "Fujitsu fi-7160")
    with pytest.raises(CounterError) as gone:
        choice.source_for(sane).acquire()
    assert gone.value.key == "scan.device_gone"
    assert "Fujitsu fi-7160" in gone.value.message("vi") and "chọn lại" in gone.value.message("vi")
    assert "choose the scanner again" in gone.value.message("en")
