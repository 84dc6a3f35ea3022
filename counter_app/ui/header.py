"""The band across the top of the window: who is working, at which counter, which day, and
whether the counter is connected to the central system."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from counter_app.ui import formatting, theme
from counter_app.ui.labels import role_label
from counter_app.ui.session import Session

CLOCK_INTERVAL_MS = 30_000


class HeaderBar(QFrame):
    def __init__(
        self, session: Session, sync_indicator: QWidget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.setObjectName("headerBar")
        self.setStyleSheet(
            f"#headerBar {{ background: {theme.HEADER_BACKGROUND.name()}; }}"
            f"#headerBar QLabel {{ color: {theme.HEADER_TEXT.name()}; }}"
            f"#headerBar QLabel[muted='true'] {{ color: {theme.HEADER_MUTED_TEXT.name()}; }}"
        )
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        identity = session.workspace.settings.identity()
        user = session.user

        self.counter_label = self._label("counterName", identity.name, scale=1.25, bold=True)
        self.today_label = self._label("todayLabel", "", muted=True)
        self.officer_label = self._label("officerName", user.full_name or user.login, bold=True)
        self.role_label = self._label("officerRole", role_label(user.role), muted=True)
        self.sync_indicator = sync_indicator

        left = QVBoxLayout()
        left.setSpacing(2)
        left.addWidget(self.counter_label)
        left.addWidget(self.today_label)
        right = QVBoxLayout()
        right.setSpacing(2)
        right.addWidget(self.officer_label)
        right.addWidget(self.role_label)
        middle = QVBoxLayout()
        middle.addStretch(1)
        middle.addWidget(self.sync_indicator)

        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 16, 8)
        row.setSpacing(24)
        row.addLayout(left)
        row.addStretch(1)
        row.addLayout(middle)
        row.addSpacing(24)
        row.addLayout(right)

        self.refresh_today()
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_INTERVAL_MS)
        self._clock.timeout.connect(self.refresh_today)
        self._clock.start()

    def _label(
        self, name: str, text: str, *, scale: float = 1.0, bold: bool = False, muted: bool = False
    ) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setProperty("muted", muted)
        font = QFont(label.font())
        if scale != 1.0:
            font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
        return label

    def refresh_today(self) -> None:
        """The date follows the domain clock (Vietnam time), so it turns over at midnight."""
        self.today_label.setText(formatting.long_day(self._session.clock().date()))
