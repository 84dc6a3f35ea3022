"""Drives the citizen's screen from the officer's pages: where it goes (full screen on a second
screen when Qt sees one, else a window the officer moves), what it follows (the intake form,
a dossier saved or handed back), when personal data leaves it (done, or a quiet timeout), a
screen unplugged while showing, and the rating the citizen gives on it."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from counter_app.domain.dossier import Dossier
from counter_app.domain.errors import CounterError
from counter_app.domain.ratings import Level, Source
from counter_app.domain.settings_registry import REGISTRY
from counter_app.ui.citizen.screen import CitizenScreen
from counter_app.ui.citizen.view import view_of_dossier, view_of_intake
from counter_app.ui.fitting import screen_of
from counter_app.ui.intake.page import IntakePage
from counter_app.ui.returns.page import ReturnsPage
from counter_app.ui.session import Session

THANKS_MS = 5000


class CitizenDesk(QObject):
    def __init__(self, session: Session, window: QWidget) -> None:
        super().__init__(window)
        self._session = session
        self._window = window
        self.screen = CitizenScreen()
        self.screen.sig_rated.connect(self._rated)
        self._code: str | None = None  # the dossier the rating buttons are for
        self._intake: IntakePage | None = None  # the intake page followed, if any
        self.clear_timer = QTimer(self)
        self.clear_timer.setSingleShot(True)
        self.clear_timer.timeout.connect(self.idle)
        self._clear_ms = 60_000
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenRemoved.connect(self._screen_removed)
        self.idle()

    def _setting(self, key: str) -> object:
        return self._session.workspace.settings.get(key, REGISTRY[key].default)

    # --- where it is
    def citizens_screen(self) -> QScreen | None:
        """A screen other than the officer's, if Qt sees one."""
        own = screen_of(self._window)
        others = [screen for screen in QGuiApplication.screens() if screen is not own]
        return others[0] if others else None

    def open(self) -> None:
        target = self.citizens_screen()
        if target is None:  # one screen: a window the officer can move and turn
            self.screen.setWindowState(Qt.WindowState.WindowNoState)
            self.screen.show()
        else:
            self.screen.setScreen(target)
            self.screen.setGeometry(target.geometry())
            self.screen.showFullScreen()
        self._window.activateWindow()  # the officer's typing stays in the officer's window

    def toggle(self) -> None:
        if self.screen.isVisible():
            self.screen.hide()
        else:
            self.open()

    def _screen_removed(self, removed: QScreen) -> None:
        """Its monitor was unplugged: it comes back as a window on the officer's screen and
        shows what it showed, and the officer is told."""
        on_it = removed.geometry().contains(self.screen.geometry().center())
        if not self.screen.isVisible() or not on_it:
            return
        own = screen_of(self._window)
        self.screen.showNormal()
        self.screen.setScreen(own)
        self.screen.move(own.availableGeometry().topLeft())
        self._session.messages.info(
            self.tr("The citizen's screen was unplugged: it is shown here as a window.")
        )

    # --- what it follows
    def follow_pages(self, pages: Iterable[QWidget]) -> None:
        """The intake page's form and saves, the return page's hand-backs."""
        for page in pages:
            if isinstance(page, IntakePage):
                self.follow_intake(page)
            elif isinstance(page, ReturnsPage):
                page.hand_back_form.sig_handed_back.connect(self.handed_back)
                page.sig_dossier_shown.connect(self.show_dossier)

    def follow_intake(self, page: IntakePage) -> None:
        self._intake = page
        page.sig_form_changed.connect(self.form_changed)
        page.fees.sig_total_changed.connect(self.form_changed)
        page.sig_saved.connect(self.saved)

    def form_changed(self, *_: object) -> None:
        """A keystroke on the intake page: the screen follows it at once."""
        if self._intake is None:
            return
        view = view_of_intake(self._intake)
        if view.empty:
            if self.screen.showing_personal_data() and self._code is None:
                self.idle()
            return
        self._code = None
        self.screen.show_view(view)
        self.clear_timer.start(self._clear_ms)

    def show_dossier(self, dossier: Dossier) -> None:
        """A dossier opened on the return or detail page, for the citizen to check."""
        self._code = None
        self.screen.show_view(view_of_dossier(dossier))
        self.clear_timer.start(self._clear_ms)

    def saved(self, dossier: Dossier) -> None:
        self._offer_rating(dossier, self.tr("Your dossier has been received"))

    def handed_back(self, dossier: Dossier) -> None:
        self._offer_rating(dossier, self.tr("Your result has been handed over"))

    def _offer_rating(self, dossier: Dossier, heading: str) -> None:
        if not dossier.code:
            return
        self._code = dossier.code
        self.screen.show_code(dossier.code, heading)
        self.clear_timer.start(self._clear_ms)

    def idle(self) -> None:
        """The unit's name and the administrator's message; the settings are read here, never
        on a keystroke (a read of the store costs more than a frame)."""
        self._code = None
        self.clear_timer.stop()
        self._clear_ms = self._read_clear_ms()
        self.screen.show_idle(
            str(self._setting("counter.name") or ""),
            str(self._setting("citizen_screen.message") or ""),
        )

    def _read_clear_ms(self) -> int:
        seconds = self._setting("citizen_screen.clear_seconds")
        return 1000 * (seconds if isinstance(seconds, int) and seconds > 0 else 60)

    # --- the rating
    def _rated(self, level: Level, reasons: tuple[str, ...]) -> None:
        code = self._code
        if code is None:
            return
        self._code = None
        try:
            self._session.workspace.ratings.rate(code, level, reasons, source=Source.SCREEN)
        except CounterError as error:  # rated already, or the store busy: the officer sees why
            self._session.messages.info(error.message(self._session.lang))
        self.screen.show_thanks(self.tr("Thank you!"))
        self.clear_timer.start(THANKS_MS)


def desk_for(widget: QWidget) -> CitizenDesk | None:
    """The citizen's screen of the window `widget` is in (a dialog's parents lead to it)."""
    current: QWidget | None = widget
    while current is not None:
        found = current.findChild(CitizenDesk, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if found is not None:
            return found
        current = current.parentWidget()
    return None
