"""The window's speed as the officer feels it (offscreen Qt, in this process):

- intake page ready after login ≤ 200 ms (the main window built, shown, the search focused);
- a scanned code to its dossier on screen ≤ 100 ms with 200,000 dossiers in the store;
- no keystroke in the procedure search blocks the window longer than 16 ms (10,000 procedures).

Baselines measured in the same run: a bare window with one line edit shown; the look-up of the
dossier alone; a keystroke into a bare line edit.

    .venv/bin/python bench/bench_ui.py [--data-dir DIR-with-200k] [--dossiers 200000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import big_catalog, counter_app, report


def settle(app, until, limit_s: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.perf_counter() + limit_s
    while not until():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise SystemExit("the window did not get there in time")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, help="a store already filled with dossiers")
    parser.add_argument("--dossiers", type=int, default=200_000)
    args = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

    from counter_app.domain.catalog_file import catalog_from_json
    from counter_app.domain.dossier import DossierFilter
    from counter_app.domain.scan import classify_scan
    from counter_app.services.workspace import Workspace
    from counter_app.ui.i18n import apply_base_font, install_translations
    from counter_app.ui.intake import IntakePage
    from counter_app.ui.main_window import MainWindow
    from counter_app.ui.navigation import PageKey
    from counter_app.ui.session import Session

    app = QApplication(sys.argv)
    install_translations(app, "vi")
    apply_base_font(app)

    data = args.data_dir
    if data is None:
        data = Path(tempfile.mkdtemp(prefix="counter-bench-ui-"))
        counter_app(data, "init", "--demo")
        counter_app(data, "demo-data", "--dossiers", str(args.dossiers), "--days", "365")
    ws = Workspace(data)
    user = ws.accounts.user("canbo")
    ok = True

    # 1. intake page ready after login
    def bare() -> None:
        window = QWidget()
        QVBoxLayout(window).addWidget(edit := QLineEdit())
        window.show()
        edit.setFocus()
        settle(app, window.isVisible)
        window.close()

    def after_login() -> None:
        window = MainWindow(Session(ws, user, "vi"))
        window.show()
        page = window.page(PageKey.INTAKE)
        settle(app, lambda: page.isVisible() and window.current_page() is PageKey.INTAKE)
        window.close()
        window.deleteLater()

    bare(), after_login()  # warm: fonts, translations, first queries
    bare_runs, ready_runs = [], []
    for _ in range(7):
        started = time.perf_counter()
        bare()
        bare_runs.append(time.perf_counter() - started)
        started = time.perf_counter()
        after_login()
        ready_runs.append(time.perf_counter() - started)
    ok &= report("intake page ready after login (median)", statistics.median(ready_runs) * 1000,
                 200, statistics.median(bare_runs) * 1000, "bare window shown")  # fmt: skip

    # 2. a scanned code to its dossier on screen
    codes = [d.code for d in ws.dossiers.find(DossierFilter(limit=400, offset=1000))]
    window = MainWindow(Session(ws, user, "vi"))
    window.show()
    window.show_page(PageKey.DOSSIERS)
    dossiers_page = window.page(PageKey.DOSSIERS)
    scans, lookups = [], []
    for code in codes[:60]:
        started = time.perf_counter()
        ws.dossiers.get(code)
        lookups.append(time.perf_counter() - started)
        started = time.perf_counter()
        window.route_scan(classify_scan(code))
        settle(app, lambda c=code: dossiers_page.detail_dialog is not None
               and dossiers_page.detail_dialog.isVisible()
               and dossiers_page.detail_dialog.dossier.code == c)  # fmt: skip
        scans.append(time.perf_counter() - started)
        dossiers_page.detail_dialog.close()
        app.processEvents()
    total = ws.dossiers.count(DossierFilter())
    name = f"scanned code → dossier on screen, {total:,} dossiers"
    ok &= report(name, statistics.median(scans) * 1000, 100,
                 statistics.median(lookups) * 1000, "look-up alone")  # fmt: skip
    print(f"(slowest scan {max(scans) * 1000:.1f} ms)")
    window.close()

    # 3. keystrokes in the procedure search over 10,000 procedures
    with tempfile.TemporaryDirectory() as folder:
        big = Workspace(Path(folder), create=True)
        big.catalog.import_catalog(catalog_from_json(big_catalog(10_000)))
        clerk = big.accounts.add_user("canbo", user.role, "matkhau123", "Bench")
        page = IntakePage(Session(big, clerk, "vi"))
        page.resize(1366, 700)
        page.show()
        page.activate()
        settle(app, page.isVisible)
        line = QLineEdit()
        line.show()
        keys, bare_keys = [], []
        for phrase in ("chung thuc ban sao", "ly lich tu phap", "dang ky kinh doanh", "2.0009"):
            page.search_edit.clear()
            line.clear()
            app.processEvents()
            for ch in phrase:
                started = time.perf_counter()
                QTest.keyClick(page.search_edit, ch)
                app.processEvents()
                keys.append(time.perf_counter() - started)
                started = time.perf_counter()
                QTest.keyClick(line, ch)
                app.processEvents()
                bare_keys.append(time.perf_counter() - started)
        QTest.keyClick(page.search_edit, Qt.Key.Key_Return)
        big.close()
    ok &= report("procedure search keystroke, 10,000 (slowest)", max(keys) * 1000, 16,
                 statistics.median(bare_keys) * 1000, "bare line edit")  # fmt: skip
    print(f"(median keystroke {statistics.median(keys) * 1000:.2f} ms over {len(keys)} keys)")
    ws.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
