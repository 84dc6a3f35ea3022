"""The spool of scans waiting to be attached: on disk, so that a process that dies between
saving a dossier and attaching its scans loses none of them."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from counter_app.domain.errors import CounterError
from counter_app.services.digitising import Staged
from tests.digitising.conftest import COMPONENT, ID_COPY, page_bytes


def staged(ws, name: str, component: str, seed: int, rotation: int = 0) -> Staged:  # type: ignore[no-untyped-def]
    return Staged(component, ws.attachments.check_bytes(name, page_bytes(seed=seed)), rotation)


@pytest.mark.slow  # runs Python in a process of its own
def test_a_scan_spooled_by_a_process_that_crashes_is_offered_at_the_next_start(
    ws, officer, dossier
):
    data_dir = ws.data_dir
    ws.close()
    # The first process spools a page for the saved dossier, then dies before attaching it.
    crashing = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from counter_app.services.digitising import Staged
        from counter_app.services.workspace import Workspace
        from tests.digitising.conftest import page_bytes
        ws = Workspace(Path({str(data_dir)!r}))
        scan = ws.attachments.check_bytes("trang-1.png", page_bytes(seed=7))
        ws.scan_spool.put({dossier.code!r}, [Staged({COMPONENT!r}, scan, 90)])
        os._exit(9)
        """
    )
    died = subprocess.run([sys.executable, "-c", crashing], capture_output=True, text=True)
    assert died.returncode == 9, died.stderr

    from counter_app.services.workspace import Workspace

    again = Workspace(data_dir)
    try:
        (waiting,) = again.scan_spool.waiting()
        assert (waiting.code, waiting.count) == (dossier.code, 1)
        outcome = again.scan_spool.attach_waiting(user=officer, at=dossier.received_at)
        assert outcome == {dossier.code: 1}
        (attached,) = again.attachments.list(dossier.code)
        assert (attached.original_name, attached.component, attached.rotation) == (
            "trang-1.png",
            COMPONENT,
            90,
        )
        assert again.scan_spool.waiting() == []
    finally:
        again.close()


def test_a_refused_attach_keeps_the_scans_and_a_later_one_attaches_each_once(
    ws, officer, dossier, monkeypatch
):
    pages = [staged(ws, "a.png", COMPONENT, 1), staged(ws, "b.png", ID_COPY, 2)]
    ws.scan_spool.put(dossier.code, pages)
    real = ws.attachments.attach_staged

    def disk_full(code, items, **kwargs):  # type: ignore[no-untyped-def]
        raise CounterError("db.disk_full")

    monkeypatch.setattr(ws.attachments, "attach_staged", disk_full)
    outcome = ws.scan_spool.attach_waiting(user=officer, at=dossier.received_at)
    assert isinstance(outcome[dossier.code], CounterError)
    assert [w.count for w in ws.scan_spool.waiting()] == [2]

    # Attached once already (a crash after attaching, before the spool forgot them).
    real(dossier.code, pages[:1], user=officer, at=dossier.received_at)
    monkeypatch.setattr(ws.attachments, "attach_staged", real)
    assert ws.scan_spool.attach_waiting(user=officer, at=dossier.received_at) == {dossier.code: 1}
    assert sorted(a.original_name for a in ws.attachments.list(dossier.code)) == ["a.png", "b.png"]
    assert ws.scan_spool.waiting() == []


def test_an_unfinished_entry_is_not_offered(ws, dossier):
    ws.scan_spool.put(dossier.code, [staged(ws, "a.png", COMPONENT, 1)])
    (waiting,) = ws.scan_spool.waiting()
    (waiting.folder / "manifest.json").unlink()  # the process died before finishing it
    assert ws.scan_spool.waiting() == []
