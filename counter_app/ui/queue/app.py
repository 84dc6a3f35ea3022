"""Start the kiosk or the board: no sign-in (they face the public and show nothing personal),
the counter's settings read from its data folder, full screen unless asked otherwise."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from counter_app.domain.errors import CounterError
from counter_app.domain.messages import LANGUAGES, translate
from counter_app.paths import default_data_dir
from counter_app.services.preferences import startup_preferences
from counter_app.services.queue import open_queue, queue_areas
from counter_app.services.queue.voice import Announcer, espeak
from counter_app.services.workspace import Workspace
from counter_app.ui import notify
from counter_app.ui.collector import install_gui_thread_collector
from counter_app.ui.i18n import install_translations, remove_translations
from counter_app.ui.wheel import install_wheel_guard

EXIT_OK = 0
EXIT_ERROR = 1


def run_screen(
    screen: str, data_dir: Path | None = None, lang: str | None = None, *, full_screen: bool = True
) -> int:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName(f"counter-app-{screen}")
    install_wheel_guard(app)
    install_gui_thread_collector(app)
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    if lang not in LANGUAGES:
        lang = startup_preferences(folder).language
    translators = install_translations(app, lang)
    announcer: Announcer | None = None
    try:
        workspace = Workspace(folder)
    except CounterError as error:
        notify.show_error(None, error.message(lang))
        remove_translations(app, translators)
        return EXIT_ERROR
    try:
        from counter_app.ui.queue.board import BoardWindow
        from counter_app.ui.queue.kiosk import KioskWindow

        window: BoardWindow | KioskWindow
        if screen == "board":
            voice = workspace.settings.get("queue.voice", True) is not False
            program = espeak(str(workspace.settings.get("queue.voice_command") or ""))
            notice = ""
            if voice and program is not None:
                announcer = Announcer(program=program)
            elif voice:
                notice = translate("queue.voice_missing", lang)
                print(notice, file=sys.stderr)
            window = BoardWindow(
                lambda: open_queue(workspace.settings, folder),
                {area.code: area.name for area in queue_areas(workspace.settings)},
                announcer.announce if announcer else None,
                notice=notice,
            )
        else:
            window = KioskWindow(workspace, folder, lang)
        if full_screen:
            window.showFullScreen()
        else:
            window.resize(1280, 720)
            window.show()
        window.start()
        return EXIT_OK if app.exec() == 0 else EXIT_ERROR
    finally:
        if announcer is not None:
            announcer.close()
        workspace.close()
        remove_translations(app, translators)
