"""A counter with dossiers and a scan, ready to be backed up; helpers to tamper with backups."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from counter_app.services.intake import request_from_json
from tests.conftest import TEN_DAYS, intake_json
from tests.digitising.conftest import COMPONENT, write_page


@pytest.fixture
def counter(ws, officer, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Three dossiers, the first with one scanned page."""
    ws.settings.set("counter.name", "Bộ phận Một cửa xã Hoàng Đồng")
    codes = []
    for n in range(3):
        request = request_from_json(intake_json(TEN_DAYS, id_number=f"02009000123{n}"))
        codes.append(ws.intake.receive(request, user=officer).code)
    page = write_page(tmp_path, "page.png", seed=3)
    ws.attachments.attach(codes[0], [page], component=COMPONENT, user=officer)
    return ws


def rewrite(backup: Path, target: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """Copy a backup member by member, `change(name, data) -> bytes | None` on the way (None
    drops the member); the manifest is copied as it was unless changed too."""
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(target, "w") as copy:
        for info in source.infolist():
            data = change(info.filename, source.read(info.filename))
            if data is not None:
                copy.writestr(info.filename, data)
    return target


def reseal(backup: Path) -> None:
    """Make the manifest agree with the members again (a consistent, forged backup)."""
    with zipfile.ZipFile(backup) as source:
        members = {i.filename: source.read(i.filename) for i in source.infolist()}
    manifest = json.loads(members.pop("manifest.json"))
    manifest["members"] = {
        name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        for name, data in members.items()
    }
    with zipfile.ZipFile(backup, "w") as target:
        for name, data in members.items():
            target.writestr(name, data)
        target.writestr("manifest.json", json.dumps(manifest))


@pytest.fixture
def admin(ws):  # type: ignore[no-untyped-def]
    from counter_app.services.accounts import Role

    return ws.accounts.add_user("quantri", Role.ADMIN, "matkhau-quantri", "Hoàng Văn Đức")
