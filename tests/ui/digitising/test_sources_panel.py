"""The scan panel's other sources: PDF files (drawn by QtPdf), the watched folder, a SANE
scanner (a fake device behind python-sane's API), and staging before a dossier exists."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest

from counter_app.services.digitising import sources
from counter_app.services.digitising.sources import (
    COLOUR,
    FEEDER,
    FLATBED,
    SANE_SETTING,
    SaneChoice,
    SaneDriver,
)
from counter_app.services.digitising.wia import WiaDriver
from counter_app.ui.digitising import ScanPanel
from counter_app.ui.digitising import panel as panel_module
from tests.digitising.conftest import page_bytes, pdf_bytes
from tests.digitising.test_sources import FakeDevice, FakeSane
from tests.ui.conftest import make_session
from tests.ui.digitising.test_scan_panel import COPY, ORIGINAL, attach, page


@pytest.fixture
def session(workspace, staff):  # type: ignore[no-untyped-def]
    return make_session(workspace, staff, "en")


@pytest.fixture
def code(dossiers) -> str:  # type: ignore[no-untyped-def]
    return dossiers["due_today"].code


def build(qtbot, session, code=None) -> ScanPanel:  # type: ignore[no-untyped-def]
    widget = ScanPanel(session, code, confirm=lambda question: True)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def panel(qtbot, session, code):  # type: ignore[no-untyped-def]
    widget = build(qtbot, session, code)
    yield widget
    widget.tasks.wait()


def test_a_pdf_shows_its_first_page_and_previews_every_page(qtbot, panel, session, code, tmp_path):
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(pdf_bytes(3))
    attach(qtbot, panel, ORIGINAL, [pdf])
    (stored,) = session.workspace.attachments.list(code)
    assert stored.media_type == "application/pdf" and stored.pages == 3
    thumb = panel._thumbs[stored.sha256]
    assert thumb.png  # drawn, not the generic file icon
    icon = panel.sections[ORIGINAL].list.item(0).icon().pixmap(160, 160)
    assert icon.height() == 160 and 100 < icon.width() < 130  # an A4 page, upright
    assert "3 pages" in panel.sections[ORIGINAL].list.item(0).text()
    panel.preview(stored.sha256)
    qtbot.waitUntil(lambda: panel.preview_dialog is not None)
    assert len(panel.preview_dialog.pixmaps) == 3
    assert panel.preview_dialog.pixmap.width() == 1000
    panel.preview_dialog.reject()


def test_files_saved_into_the_watched_folder_are_offered_then_taken(
    qtbot, panel, session, code, tmp_path
):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    panel.settle_seconds = 0  # two polls that see the same size are enough here
    panel._watch_timer.setInterval(50)  # and they need not be a second apart
    panel.set_watch_folder(inbox)
    panel.show()
    first, second = page(inbox, "s1.png", 1), page(inbox, "s2.png", 2)
    digests = [hashlib.sha256(p.read_bytes()).hexdigest() for p in (first, second)]
    qtbot.waitUntil(lambda: len(panel.offered) == 2, timeout=10_000)
    assert panel.take_button.isVisible()
    assert "2 new scan" in panel.offer_label.text()
    panel.target_combo.setCurrentText(COPY)
    panel.take_button.click()
    qtbot.waitUntil(lambda: panel.thumbnail_count(COPY) == 2)
    stored = session.workspace.attachments.list(code)
    assert [(a.component, a.sha256) for a in stored] == [(COPY, d) for d in digests]
    assert sorted(p.name for p in inbox.iterdir()) == ["taken"]
    assert sorted(p.name for p in (inbox / "taken").iterdir()) == ["s1.png", "s2.png"]
    panel._watch_timer.stop()


def test_a_bad_file_in_the_folder_is_set_aside_and_the_others_taken(
    qtbot, panel, session, code, tmp_path
):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    panel.settle_seconds = 0
    panel._watch_timer.setInterval(50)
    panel.set_watch_folder(inbox)
    panel.show()
    page(inbox, "good.png", 1)
    (inbox / "broken.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    qtbot.waitUntil(lambda: len(panel.offered) == 2, timeout=10_000)
    panel.target_combo.setCurrentText(ORIGINAL)
    panel.take_button.click()
    qtbot.waitUntil(lambda: panel.thumbnail_count(ORIGINAL) == 1)
    assert [a.original_name for a in session.workspace.attachments.list(code)] == ["good.png"]
    assert "broken.pdf" in panel.message_label.text()
    assert "damaged" in panel.message_label.text()
    assert [p.name for p in (inbox / "refused").iterdir()] == ["broken.pdf"]
    assert [p.name for p in (inbox / "taken").iterdir()] == ["good.png"]
    panel._watch_timer.stop()


def test_a_missing_scan_folder_is_said_in_the_panel(qtbot, panel, tmp_path):
    panel.set_watch_folder(tmp_path / "gone")
    panel.show()
    panel.poll_folder()
    qtbot.waitUntil(lambda: bool(panel.message_label.text()))
    assert "gone" in panel.message_label.text()
    panel._watch_timer.stop()


def test_without_a_scanner_driver_the_scan_button_says_why(qtbot, session, code, monkeypatch):
    monkeypatch.setattr(panel_module, "scanner_driver", lambda: None)
    widget = build(qtbot, session, code)
    assert not widget.scan_button.isEnabled()
    assert "SANE on Linux, WIA on Windows" in widget.scan_button.toolTip()


def choose(session, device: str = "fake:usb:001", **settings) -> SaneChoice:  # type: ignore[no-untyped-def]
    choice = SaneChoice(device, "Fujitsu fi-7160", **settings)
    session.workspace.settings.set(SANE_SETTING, choice.to_setting())
    return choice


def test_a_sane_scan_attaches_the_feeder_pages(qtbot, session, code, monkeypatch):
    device = FakeDevice(sheets=2, source="ADF Front")
    monkeypatch.setattr(panel_module, "scanner_driver", lambda: SaneDriver(FakeSane(device)))
    choose(session, source=FEEDER)
    widget = build(qtbot, session, code)
    assert widget.scan_button.isEnabled()
    widget.target_combo.setCurrentText(ORIGINAL)
    widget.scan_button.click()
    qtbot.waitUntil(lambda: widget.thumbnail_count(ORIGINAL) == 2)
    stored = session.workspace.attachments.list(code)
    assert [a.media_type for a in stored] == ["image/png", "image/png"]
    widget.tasks.wait()


def test_a_scanner_lost_mid_scan_stores_nothing(qtbot, session, code, monkeypatch):
    device = FakeDevice(sheets=3, fail_after=1, source="ADF Front")
    monkeypatch.setattr(panel_module, "scanner_driver", lambda: SaneDriver(FakeSane(device)))
    choose(session, source=FEEDER)
    widget = build(qtbot, session, code)
    widget.scan_button.click()
    qtbot.waitUntil(lambda: bool(widget.message_label.text()))
    assert "lost mid-scan" in widget.message_label.text()
    assert session.workspace.attachments.list(code) == []
    widget.tasks.wait()


def two_scanners() -> tuple[FakeSane, FakeDevice]:
    sheetfed = FakeDevice(sheets=3, sources=("ADF Front", "ADF Duplex"))
    flatbed = FakeDevice(
        sheets=3, name="fake:usb:002", vendor="Canon", model="LiDE 300", sources=("Flatbed",)
    )
    return FakeSane(sheetfed, flatbed), flatbed


def listed(qtbot, panel) -> list[str]:  # type: ignore[no-untyped-def]
    """The scanners the open choice lists, once it has looked."""
    qtbot.waitUntil(lambda: panel.scanner_dialog is not None)
    dialog = panel.scanner_dialog
    qtbot.waitUntil(lambda: dialog.look_button.isEnabled())
    return [dialog.device_combo.itemData(i) for i in range(dialog.device_combo.count())]


def test_the_first_scan_asks_which_scanner_then_scans_with_it(qtbot, session, code, monkeypatch):
    sane, flatbed = two_scanners()
    monkeypatch.setattr(panel_module, "scanner_driver", lambda: SaneDriver(sane))
    widget = build(qtbot, session, code)
    assert widget.scanner_label.text() == "No scanner chosen."
    widget.target_combo.setCurrentText(COPY)
    widget.scan_button.click()
    assert listed(qtbot, widget) == ["fake:usb:001", "fake:usb:002"]
    dialog = widget.scanner_dialog
    assert "2 scanner" in dialog.status_label.text()
    dialog.device_combo.setCurrentIndex(1)
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData(FLATBED))
    dialog.resolution_combo.setCurrentIndex(dialog.resolution_combo.findData(200))
    dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData(COLOUR))
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: widget.thumbnail_count(COPY) == 1)  # scanned right after choosing
    assert flatbed.options == {"source": "Flatbed", "resolution": 200, "mode": "Color"}
    stored = session.workspace.settings.get(SANE_SETTING)
    assert SaneChoice.from_setting(stored) == SaneChoice(
        "fake:usb:002", "Canon LiDE 300", FLATBED, 200, COLOUR
    )
    assert widget.scanner_label.text() == "Scanner: Canon LiDE 300, glass, 200 dpi, colour"
    assert widget.scanner_dialog is None
    widget.tasks.wait()
    again = build(qtbot, session, code)  # remembered: the next panel scans at once
    assert again.scanner_label.text() == widget.scanner_label.text()
    again.target_combo.setCurrentText(ORIGINAL)
    again.scan_button.click()
    qtbot.waitUntil(lambda: again.thumbnail_count(ORIGINAL) == 1)
    assert again.scanner_dialog is None
    again.tasks.wait()


def test_a_scanner_that_is_gone_is_said_and_the_choice_offered_again(
    qtbot, session, code, monkeypatch
):
    sane, _ = two_scanners()
    monkeypatch.setattr(panel_module, "scanner_driver", lambda: SaneDriver(sane))
    choose(session, source=FEEDER)
    sane.unplug("fake:usb:001")
    widget = build(qtbot, session, code)
    widget.target_combo.setCurrentText(ORIGINAL)
    widget.scan_button.click()
    assert listed(qtbot, widget) == ["fake:usb:002"]
    dialog = widget.scanner_dialog
    for text in (widget.message_label.text(), dialog.problem_label.text()):
        assert "Fujitsu fi-7160" in text and "choose the scanner again" in text
    assert dialog.problem_label.isVisibleTo(dialog)
    assert session.workspace.attachments.list(code) == []
    dialog.ok_button.click()
    assert SaneChoice.from_setting(session.workspace.settings.get(SANE_SETTING)).device == (
        "fake:usb:002"
    )
    assert not widget.message_label.text()
    widget.scan_button.click()
    qtbot.waitUntil(lambda: widget.thumbnail_count(ORIGINAL) == 1)
    widget.tasks.wait()


def test_no_scanner_found_keeps_the_old_choice(qtbot, session, code, monkeypatch):
    monkeypatch.setattr(panel_module, "scanner_driver", lambda: SaneDriver(FakeSane(None)))
    before = choose(session)
    widget = build(qtbot, session, code)
    widget.scanner_button.click()
    assert listed(qtbot, widget) == []
    dialog = widget.scanner_dialog
    assert "No scanner found" in dialog.status_label.text()
    assert not dialog.ok_button.isEnabled()
    dialog.reject()
    assert widget.scanner_dialog is None
    assert SaneChoice.from_setting(session.workspace.settings.get(SANE_SETTING)) == before
    widget.tasks.wait()


def test_staged_scans_live_in_memory_until_taken(qtbot, session, tmp_path, monkeypatch):
    threads: list[threading.Thread] = []
    drawn = panel_module.make_thumbnail

    def recording(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return drawn(*args, **kwargs)

    monkeypatch.setattr(panel_module, "make_thumbnail", recording)
    widget = build(qtbot, session)
    assert not widget.sections and widget.empty_label.isVisibleTo(widget)
    widget.set_components([ORIGINAL, COPY])
    files = [page(tmp_path, "a.png", 1), page(tmp_path, "b.png", 2)]
    attach(qtbot, widget, COPY, files)
    assert threads and all(t is not threading.main_thread() for t in threads)
    section = widget.sections[COPY]
    section.list.setCurrentRow(1)
    section.earlier_button.click()
    section.turn_button.click()
    widget.add_files(COPY, [files[0]])  # the same file twice is refused
    qtbot.waitUntil(lambda: bool(widget.message_label.text()))
    assert "already among the scans" in widget.message_label.text()
    staged = widget.take_staged()
    assert [(s.component, s.original_name, s.rotation) for s in staged] == [
        (COPY, "b.png", 90),
        (COPY, "a.png", 0),
    ]
    assert widget.staged_count() == 0 and widget.sections[COPY].list.count() == 0
    assert not Path(tmp_path / "taken").exists()  # files picked by hand stay where they are
    widget.tasks.wait()


# --- WIA (Windows): its COM automation objects as comtypes gives them, late-bound; WIA cannot
# run here (the Windows tests check the real module loads under Wine and says "no WIA")


class WiaProperties:
    def __init__(self, values: dict[str, str]) -> None:
        self.values = values

    def Item(self, name: str):  # type: ignore[no-untyped-def]
        return type("Property", (), {"Value": self.values[name]})()


class WiaScanner:
    """A DeviceInfo whose Connect() gives a device with one item transferring a PNG."""

    Type = 1  # ScannerDeviceType
    DeviceID = "{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0000"

    def __init__(self, png: bytes) -> None:
        self.Properties = WiaProperties({"Name": "ScanSnap iX1600", "Manufacturer": "Fujitsu"})
        self.png = png

    def Connect(self):  # type: ignore[no-untyped-def]
        image = type("ImageFile", (), {"FileData": type("Vector", (), {"BinaryData": self.png})()})
        item = type("Item", (), {"Transfer": staticmethod(lambda _format: image())})()
        items = type("Items", (), {"Item": staticmethod(lambda _index: item)})()
        return type("Device", (), {"Items": items})()


class WiaClient:
    """comtypes.client: CreateObject("WIA.DeviceManager") lists the scanners."""

    def __init__(self, *scanners: WiaScanner) -> None:
        self.scanners = scanners

    def CreateObject(self, progid: str, dynamic: bool = False):  # type: ignore[no-untyped-def]
        assert progid == "WIA.DeviceManager" and dynamic
        scanners = self.scanners
        infos = type(
            "DeviceInfos",
            (),
            {"Count": len(scanners), "Item": staticmethod(lambda i: scanners[i - 1])},
        )()
        return type("DeviceManager", (), {"DeviceInfos": infos})()


def test_on_windows_the_buttons_choose_and_scan_through_wia(qtbot, session, code, monkeypatch):

    client = WiaClient(WiaScanner(page_bytes("png")))
    monkeypatch.setattr(sources, "sane_module", lambda: None)  # no python-sane on Windows
    monkeypatch.setattr("counter_app.services.digitising.wia.wia_client", lambda: client)
    assert isinstance(sources.scanner_driver(), WiaDriver)
    monkeypatch.setattr(panel_module, "scanner_driver", sources.scanner_driver)
    widget = build(qtbot, session, code)
    assert widget.scan_button.isEnabled()
    widget.target_combo.setCurrentText(ORIGINAL)
    widget.scan_button.click()
    assert listed(qtbot, widget) == [WiaScanner.DeviceID]
    dialog = widget.scanner_dialog
    assert not dialog.resolution_combo.isVisibleTo(dialog)  # WIA scans as its driver is set
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: widget.thumbnail_count(ORIGINAL) == 1)
    assert widget.scanner_label.text() == "Scanner: Fujitsu ScanSnap iX1600"
    (stored,) = session.workspace.attachments.list(code)
    assert stored.media_type == "image/png"
    widget.tasks.wait()
