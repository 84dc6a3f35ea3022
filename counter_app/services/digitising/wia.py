"""Document scanners on Windows through WIA (Windows Image Acquisition), behind the same
``acquire()``/``settle()`` interface as the other sources (see ``sources.py``).

WIA's COM automation layer (``WIA.DeviceManager``, wiaaut.dll, part of Windows since Vista) is
driven through comtypes by late binding (IDispatch): no wrapper code is generated, so it works
the same in the frozen program. ``wia_client()`` is None where comtypes is missing (Linux);
a Windows without WIA (or Wine, which has no wiaaut.dll) gives ``scan.wia_missing`` on the
first call, a computer without a scanner ``scan.no_device``: both say to use the scan folder.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import Any, ClassVar

from counter_app.domain.errors import CounterError
from counter_app.services.digitising.sources import AcquiredPage, SaneChoice, ScannerDevice

WIA_SCANNER = 1  # WiaDeviceType.ScannerDeviceType
WIA_FORMAT_PNG = "{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}"  # lossless, as SaneSource gives
# Device information properties, by their WIA names.
NAME, MANUFACTURER, DESCRIPTION = "Name", "Manufacturer", "Description"
# Calls into COM from the window's background tasks take turns, as SANE's do.
_WIA_LOCK = threading.Lock()


def wia_client() -> Any | None:
    """comtypes.client where it can run (Windows), None elsewhere."""
    try:
        return import_module("comtypes.client")
    except (ImportError, OSError):  # comtypes exists for Windows only
        return None


def _device_manager(client: Any) -> Any:
    try:
        return client.CreateObject("WIA.DeviceManager", dynamic=True)
    except Exception as error:  # OSError or comtypes' COMError: the class is not registered
        raise CounterError("scan.wia_missing", reason=str(error) or type(error).__name__) from None


def _property(info: Any, name: str) -> str:
    try:
        return str(info.Properties.Item(name).Value)
    except Exception:  # a driver may leave any property out
        return ""


class WiaSource:
    """One batch from a WIA scanner (`device_id`, or the first one found), as PNG pages."""

    def __init__(self, client: Any, device_id: str = "") -> None:
        self.client = client
        self.device_id = device_id

    def devices(self) -> list[ScannerDevice]:
        """The scanners WIA knows, named as SaneSource names its devices."""
        with _WIA_LOCK:
            infos = _device_manager(self.client).DeviceInfos
            found = []
            for index in range(1, int(infos.Count) + 1):
                info = infos.Item(index)
                if int(info.Type) != WIA_SCANNER:
                    continue
                found.append(
                    ScannerDevice(
                        name=str(info.DeviceID),
                        vendor=_property(info, MANUFACTURER),
                        model=_property(info, NAME) or _property(info, DESCRIPTION),
                        kind="WIA",
                    )
                )
        if not found:
            raise CounterError("scan.no_device")
        return found

    def acquire(self) -> list[AcquiredPage]:
        chosen = self.device_id or self.devices()[0].name
        with _WIA_LOCK:
            infos = _device_manager(self.client).DeviceInfos
            for index in range(1, int(infos.Count) + 1):
                info = infos.Item(index)
                if str(info.DeviceID) == chosen:
                    return [self._transfer(info, chosen)]
        raise CounterError("scan.device_gone", device=chosen, reason="WIA")

    @staticmethod
    def _transfer(info: Any, chosen: str) -> AcquiredPage:
        try:
            device = info.Connect()
            image = device.Items.Item(1).Transfer(WIA_FORMAT_PNG)
            data = bytes(image.FileData.BinaryData)
        except Exception as error:  # the driver's COMError: unplugged, jammed, busy
            raise CounterError("scan.device_lost", device=chosen, reason=str(error)) from None
        if not data:
            raise CounterError("scan.no_pages", device=chosen)
        return AcquiredPage("scan-001.png", data)

    def settle(self, pages: Sequence[AcquiredPage]) -> None:
        """WIA keeps nothing once the pages are transferred."""


@dataclass(frozen=True)
class WiaDriver:
    """The panel's scanner buttons on Windows: WIA's scanners, and a source for the one chosen
    (the feeder or glass, resolution and colour are the WIA driver's own settings)."""

    client: Any
    name: ClassVar[str] = "WIA"
    settings_apply: ClassVar[bool] = False

    def devices(self) -> list[ScannerDevice]:
        return WiaSource(self.client).devices()

    def source(self, choice: SaneChoice) -> WiaSource:
        return WiaSource(self.client, choice.device)
