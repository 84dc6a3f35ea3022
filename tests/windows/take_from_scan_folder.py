"""The scan panel's "Take them" without its widgets, run by the build's Windows Python under
Wine for tests/windows/test_scan_folder.py (the panel itself needs a signed-in window):

    python take_from_scan_folder.py SOURCES DATA_DIR CODE COMPONENT LOGIN

The scan folder named by the counter's setting, the files that settled there checked and
attached to the dossier in one go, then moved into the folder's taken/, as the panel does.
Prints {"folder", "taken", "attached"} as JSON."""

import json
import sys
import time
from pathlib import Path

sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[attr-defined]
sys.path.insert(0, sys.argv[1])  # this tree's sources before the build's installed copy

from counter_app.services.digitising.service import Staged  # noqa: E402
from counter_app.services.digitising.sources import WATCH_FOLDER_SETTING, WatchedFolder  # noqa: E402
from counter_app.services.workspace import Workspace  # noqa: E402

SETTLE_S = 0.5


def main(data_dir: Path, code: str, component: str, login: str) -> None:
    with Workspace(data_dir) as ws:
        folder = Path(ws.settings.get(WATCH_FOLDER_SETTING))
        watcher = WatchedFolder(folder, settle_seconds=SETTLE_S)
        ready = watcher.poll()
        deadline = time.monotonic() + 30
        while not ready and time.monotonic() < deadline:
            time.sleep(SETTLE_S)
            ready = watcher.poll()
        pages = watcher.take(ready)
        staged = [Staged(component, ws.attachments.check_bytes(page.name, page.data))
                  for page in pages]  # fmt: skip
        attached = ws.attachments.attach_staged(code, staged, user=ws.accounts.user(login))
        watcher.settle(pages)
    print(json.dumps({"folder": str(folder), "taken": [Path(page.name).name for page in pages],
                      "attached": len(attached)}, ensure_ascii=False))  # fmt: skip


if __name__ == "__main__":
    main(Path(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5])
