"""Where scanned pages come from, behind one small interface.

A source hands over pages in two steps, so nothing is lost between them:

- ``acquire() -> list[AcquiredPage]``: the pages as bytes, each with a file name whose
  extension says its kind (``scan-001.png``, ``receipt.pdf``). The caller checks them
  (``DigitisingService.check_bytes``) and keeps them: attached to a dossier, or staged on the
  intake page until the dossier is saved.
- ``settle(pages)``: the pages are kept; the source may let go of them (the watched folder
  moves its files into ``taken/``).

Sources here:

- ``FileImport``: files the officer picked or dropped (PNG, JPEG, TIFF, PDF).
- ``WatchedFolder``: a folder any scanner's own software saves into. A file is offered once its
  size and time stay the same for ``settle_seconds`` and it can be opened (a scanner still
  writing it, or holding it locked, is left alone); taken files go to ``taken/`` so nothing is
  imported twice, files the checks refuse to ``refused/``. Polled rather than watched by
  notification: network shares, where scanners often save, do not notify reliably.
- ``SaneSource``: a scanner driven through SANE on Linux, when python-sane is installed
  (``sane_module()`` is None otherwise). Pages come back as lossless PNG. A scanner lost
  mid-scan gives ``scan.device_lost`` and no page: a half-scanned batch is never kept. Which
  scanner, its source (feeder or glass), resolution and colour are the officer's
  ``SaneChoice``, kept in the settings; a chosen scanner that cannot be opened any more gives
  ``scan.device_gone``.
- ``WiaSource`` (``wia.py``): a scanner driven through WIA on Windows.

The window's scanner buttons reach SANE or WIA through one ``ScannerDriver``: its devices, and
a source for the officer's choice; ``scanner_driver()`` says which one runs on this computer
(SANE where python-sane is installed, WIA where comtypes is, else none: the Scan button is then
disabled and says why). Another driver (TWAIN, ImageCaptureCore on macOS, a vendor SDK) is one
more source class and driver: acquire the pages as PNG, JPEG, TIFF or PDF bytes, raise
``CounterError`` with a message key when the device fails (and return nothing), leave
``settle`` empty unless it must let go of something. The window runs drivers on a background
task; calls into a driver that is not thread-safe go through one lock, as ``_SANE_LOCK`` does.
"""

from __future__ import annotations

import io
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, ClassVar, Protocol

from counter_app.domain.errors import CounterError
from counter_app.domain.settings_registry import REGISTRY
from counter_app.services.digitising.files import DEFAULT_MAX_BYTES, EXTENSIONS, check_size

WATCH_FOLDER_SETTING = REGISTRY["digitising.watch_folder"].key
TAKEN_FOLDER = "taken"
REFUSED_FOLDER = "refused"
# Names scanner software gives a file while it is still writing it.
UNFINISHED_SUFFIXES = (".part", ".partial", ".tmp", ".temp", ".crdownload", ".download", "~")


@dataclass(frozen=True)
class AcquiredPage:
    """Pages handed over by a source; `origin` is the file they were read from, if any."""

    name: str
    data: bytes
    origin: Path | None = None


class Source(Protocol):
    def acquire(self) -> list[AcquiredPage]: ...

    def settle(self, pages: Sequence[AcquiredPage]) -> None: ...


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> AcquiredPage:
    """One file's bytes, a too-large file refused before it is read into memory."""
    shown = str(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise CounterError("file.unreadable", path=shown, reason="not a file")
        check_size(shown, size, max_bytes)
        return AcquiredPage(shown, path.read_bytes(), path)
    except FileNotFoundError:
        raise CounterError("file.missing", path=shown) from None
    except OSError as error:
        raise CounterError("file.unreadable", path=shown, reason=error.strerror) from None


class FileImport:
    """Files picked in a dialog or dropped on the panel."""

    def __init__(self, paths: Sequence[Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.paths = [Path(p) for p in paths]
        self.max_bytes = max_bytes

    def acquire(self) -> list[AcquiredPage]:
        if not self.paths:
            raise CounterError("attachment.none_given")
        return [read_file(path, max_bytes=self.max_bytes) for path in self.paths]

    def settle(self, pages: Sequence[AcquiredPage]) -> None:
        """The officer's own files stay where they are."""


@dataclass
class _Seen:
    size: int
    mtime_ns: int
    since: float


class WatchedFolder:
    """New complete scans in one folder. `clock` is monotonic seconds (tests step it). Safe to
    poll from a background task while the GUI thread reads `ready`."""

    def __init__(
        self,
        folder: Path,
        *,
        settle_seconds: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        self.folder = Path(folder)
        self.settle_seconds = settle_seconds
        self.max_bytes = max_bytes
        self._clock = clock
        self._seen: dict[str, _Seen] = {}
        self._lock = threading.Lock()

    @property
    def taken_folder(self) -> Path:
        return self.folder / TAKEN_FOLDER

    def poll(self) -> list[Path]:
        """The files complete now, oldest first; files still growing wait for a later poll."""
        if not self.folder.is_dir():
            raise CounterError("scan.folder_missing", folder=str(self.folder))
        now = self._clock()
        ready: list[tuple[int, str, Path]] = []
        with self._lock:
            present: set[str] = set()
            try:
                entries = list(os.scandir(self.folder))
            except OSError as error:
                raise CounterError(
                    "file.unreadable", path=str(self.folder), reason=error.strerror
                ) from None
            for entry in entries:
                if not self._candidate(entry):
                    continue
                try:
                    stat = entry.stat()
                except OSError:
                    continue  # gone meanwhile
                present.add(entry.name)
                seen = self._seen.get(entry.name)
                if seen is None or (seen.size, seen.mtime_ns) != (stat.st_size, stat.st_mtime_ns):
                    self._seen[entry.name] = _Seen(stat.st_size, stat.st_mtime_ns, now)
                    continue
                if stat.st_size and now - seen.since >= self.settle_seconds:
                    path = Path(entry.path)
                    if _openable(path):
                        ready.append((stat.st_mtime_ns, entry.name, path))
            for name in set(self._seen) - present:
                del self._seen[name]
        return [path for _, _, path in sorted(ready)]

    @staticmethod
    def _candidate(entry: os.DirEntry[str]) -> bool:
        name = entry.name
        if name.startswith(".") or name.lower().endswith(UNFINISHED_SUFFIXES):
            return False
        if Path(name).suffix.lower() not in EXTENSIONS:
            return False
        try:
            return entry.is_file(follow_symlinks=False)
        except OSError:
            return False

    def acquire(self) -> list[AcquiredPage]:
        """Every file complete now, read (not moved: `settle` does that once they are kept)."""
        return [read_file(path, max_bytes=self.max_bytes) for path in self.poll()]

    def take(self, paths: Sequence[Path]) -> list[AcquiredPage]:
        """The files the officer chose among those offered."""
        return [read_file(Path(path), max_bytes=self.max_bytes) for path in paths]

    def settle(self, pages: Sequence[AcquiredPage]) -> None:
        """Move the kept files into taken/ (a name already there gets a number)."""
        self._move(pages, self.taken_folder)

    def set_aside(self, pages: Sequence[AcquiredPage]) -> None:
        """Move files refused by the checks into refused/: kept for a look, never offered
        again."""
        self._move(pages, self.folder / REFUSED_FOLDER)

    def _move(self, pages: Sequence[AcquiredPage], folder: Path) -> None:
        for page in pages:
            if page.origin is None or not page.origin.exists():
                continue
            try:
                folder.mkdir(exist_ok=True)
                target = _free_name(folder, page.origin.name)
                os.replace(page.origin, target)
            except OSError as error:
                raise CounterError(
                    "scan.folder_unwritable",
                    path=str(page.origin),
                    folder=str(folder),
                    reason=error.strerror or str(error),
                ) from None
            with self._lock:
                self._seen.pop(page.origin.name, None)


def _openable(path: Path) -> bool:
    """A scanner holding the file open for writing locks it on Windows; reading must work."""
    try:
        with path.open("rb") as stream:
            stream.read(1)
    except OSError:
        return False
    return True


def _free_name(folder: Path, name: str) -> Path:
    target = folder / name
    number = 1
    while target.exists():
        target = folder / f"{Path(name).stem}-{number}{Path(name).suffix}"
        number += 1
    return target


# --- SANE ----------------------------------------------------------------------------------

_SANE_LOCK = threading.Lock()  # libsane is not thread-safe: one call at a time
# How SANE backends name a document feeder in their "source" option ("ADF Front", "Automatic
# Document Feeder", "ADF Duplex").
FEEDER_WORDS = ("adf", "feeder")
MAX_FEEDER_SHEETS = 500  # a feeder that never says it is empty stops here
SANE_SETTING = REGISTRY["digitising.sane_scanner"].key
FEEDER, FLATBED = "feeder", "flatbed"
SOURCES = (FEEDER, FLATBED)
RESOLUTIONS = (200, 300)  # enough to read, and to print again, a paper handed in
GREY, COLOUR = "gray", "color"
MODES = (GREY, COLOUR)
# The words SANE backends use for these modes ("Gray", "Grayscale", "Color", "24bit Color").
MODE_WORDS = {GREY: ("gray", "grey"), COLOUR: ("color", "colour")}


def sane_module() -> Any | None:
    """python-sane, or None when it is not installed (the choice is then hidden)."""
    try:
        import sane
    except ImportError:
        return None
    return sane


@dataclass(frozen=True)
class ScannerDevice:
    name: str
    vendor: str
    model: str
    kind: str

    @property
    def label(self) -> str:
        return f"{self.vendor} {self.model}".strip() or self.name


@dataclass(frozen=True)
class SaneChoice:
    """The scanner the officer picked and how it scans (`source`: FEEDER or FLATBED), stored
    under SANE_SETTING; `label` names the device in messages once it has gone."""

    device: str
    label: str = ""
    source: str = FEEDER
    resolution: int = 300
    mode: str = GREY

    @classmethod
    def from_setting(cls, stored: object) -> SaneChoice | None:
        """The stored choice, None when there is none; a value no longer offered falls back
        to the default rather than failing a scan."""
        if not isinstance(stored, dict):
            return None
        device = stored.get("device")
        if not isinstance(device, str) or not device:
            return None

        def offered(key: str, allowed: tuple[Any, ...], default: object) -> object:
            value = stored.get(key)
            return value if value in allowed else default

        return cls(
            device,
            str(stored.get("label") or ""),
            str(offered("source", SOURCES, FEEDER)),
            int(offered("resolution", RESOLUTIONS, 300)),  # type: ignore[call-overload]
            str(offered("mode", MODES, GREY)),
        )

    def to_setting(self) -> dict[str, object]:
        return asdict(self)

    @property
    def shown(self) -> str:
        return self.label or self.device

    def source_for(self, sane: Any) -> SaneSource:
        return SaneSource(
            sane,
            self.device,
            resolution=self.resolution,
            mode=self.mode,
            feeder=self.source == FEEDER,
            label=self.shown,
        )


class ScannerDriver(Protocol):
    """The scanners of one driver and a source for the officer's choice; `settings_apply` says
    whether the choice's feeder or glass, resolution and colour reach the device (WIA scans
    as its driver is set up)."""

    name: ClassVar[str]
    settings_apply: ClassVar[bool]

    def devices(self) -> list[ScannerDevice]: ...

    def source(self, choice: SaneChoice) -> Source: ...


@dataclass(frozen=True)
class SaneDriver:
    sane: Any
    name: ClassVar[str] = "SANE"
    settings_apply: ClassVar[bool] = True

    def devices(self) -> list[ScannerDevice]:
        return SaneSource.devices(self.sane)

    def source(self, choice: SaneChoice) -> Source:
        return choice.source_for(self.sane)


def scanner_driver() -> ScannerDriver | None:
    """SANE where python-sane is installed (Linux), WIA where comtypes is (Windows), else
    None."""
    sane = sane_module()
    if sane is not None:
        return SaneDriver(sane)
    from counter_app.services.digitising.wia import WiaDriver, wia_client

    client = wia_client()
    return WiaDriver(client) if client is not None else None


class SaneSource:
    """One SANE scanner. `sane` is python-sane's module (or an object with its API: init,
    get_devices, open, exit, error); the device is opened for each batch and closed after.
    `feeder`: every sheet in the document feeder (True), one page from the glass (False), or
    whichever the device's selected source is (None: a feeder when its SANE "source" option
    names one; a flatbed asked for sheets would scan the glass again and again). Given True or
    False, the device's "source" option is set to its feeder or its glass when it has both.
    `mode` is GREY or COLOUR, matched to the words the backend uses."""

    def __init__(
        self,
        sane: Any,
        device: str,
        *,
        resolution: int = 300,
        mode: str = GREY,
        feeder: bool | None = None,
        label: str = "",
    ) -> None:
        self._sane = sane
        self.device = device
        self.label = label or device
        self.resolution = resolution
        self.mode = mode
        self.feeder = feeder

    @staticmethod
    def devices(sane: Any) -> list[ScannerDevice]:
        """The scanners SANE sees now (slow: network backends are asked too)."""
        with _SANE_LOCK:
            try:
                sane.init()
                found = sane.get_devices()
            except Exception as error:
                raise CounterError("scan.no_device") from error
        return [ScannerDevice(*(str(part) for part in item[:4])) for item in found]

    def acquire(self) -> list[AcquiredPage]:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        with _SANE_LOCK:
            try:
                self._sane.init()
                device = self._sane.open(self.device)
            except Exception as error:  # unplugged, switched off, another address, busy
                raise CounterError(
                    "scan.device_gone", device=self.label, reason=_reason(error)
                ) from error
            pages: list[AcquiredPage] = []
            try:
                self._configure(device)
                images = device.multi_scan() if self._uses_feeder(device) else [device.scan()]
                for number, image in enumerate(images, start=1):
                    pages.append(AcquiredPage(f"scan-{stamp}-{number:03d}.png", self._png(image)))
                    if number >= MAX_FEEDER_SHEETS:
                        break
            except Exception as error:
                _quietly(device.cancel)
                raise CounterError(
                    "scan.device_lost", device=self.label, reason=_reason(error)
                ) from error
            finally:
                _quietly(device.close)
        if not pages:
            raise CounterError("scan.no_pages", device=self.label)
        return pages

    def settle(self, pages: Sequence[AcquiredPage]) -> None:
        """Nothing to let go of: the pages only ever lived in memory."""

    def _uses_feeder(self, device: Any) -> bool:
        if self.feeder is not None:
            offered = _offered(device, "source")
            if self.feeder and isinstance(offered, list) and offered:
                # A device with only a glass has no feeder to empty: one page, not 500.
                return _pick(offered, _names_feeder) is not None
            return self.feeder
        try:
            source = str(device.source).casefold()
        except (AttributeError, self._sane.error):
            return False
        return _names_feeder(source)

    def _configure(self, device: Any) -> None:
        """Best effort: a backend without one of these options scans with its own default.
        The source goes first: changing it may change what the others allow."""
        settings: list[tuple[str, object]] = []
        if self.feeder is not None:
            source = _pick(_offered(device, "source"), self._is_wanted_source)
            if source is not None:
                settings.append(("source", source))
        settings.append(("resolution", self._resolution(_offered(device, "resolution"))))
        words = MODE_WORDS.get(self.mode, (self.mode,))
        mode = _pick(_offered(device, "mode"), lambda value: value.casefold().startswith(words))
        settings.append(("mode", mode or self.mode.capitalize()))  # SANE's own "Gray", "Color"
        for option, value in settings:
            try:
                setattr(device, option, value)
            except (AttributeError, ValueError, TypeError, self._sane.error):
                continue

    def _is_wanted_source(self, value: str) -> bool:
        """The glass, or the feeder's front side only (a duplex scan doubles the pages)."""
        return _names_feeder(value) == self.feeder and "duplex" not in value.casefold()

    def _resolution(self, offered: object) -> int:
        """The resolution asked for, or the nearest a device with a fixed list offers."""
        if isinstance(offered, list) and offered and self.resolution not in offered:
            numbers = [value for value in offered if isinstance(value, int | float)]
            if numbers:
                return int(min(numbers, key=lambda value: abs(value - self.resolution)))
        return self.resolution

    def _png(self, image: Any) -> bytes:
        out = io.BytesIO()
        image.save(out, "PNG", dpi=(self.resolution, self.resolution))
        return out.getvalue()


def _offered(device: Any, option: str) -> object:
    """The values a device allows for an option (python-sane's `opt[name].constraint`: a list,
    a (min, max, step) range, or None)."""
    try:
        return device.opt[option].constraint
    except (AttributeError, KeyError, TypeError):
        return None


def _names_feeder(source: str) -> bool:
    return any(word in source.casefold() for word in FEEDER_WORDS)


def _pick(offered: object, wanted: Callable[[str], bool]) -> str | None:
    if not isinstance(offered, list):
        return None
    return next((value for value in offered if isinstance(value, str) and wanted(value)), None)


def _quietly(action: Callable[[], object]) -> None:
    try:
        action()
    except Exception:  # the device is gone already: nothing more to tell
        return


def _reason(error: Exception) -> str:
    return str(error).strip() or type(error).__name__
