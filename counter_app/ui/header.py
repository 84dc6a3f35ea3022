"""The band across the top of the window: who is working, at which counter, which day, and
whether the counter is connected to the central system."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

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

        user = session.user

        self.counter_label = self._label("counterName", "", scale=1.25, bold=True)
        self.desk_label = self._label("deskNumber", "", scale=1.25, muted=True)
        self.today_label = self._label("todayLabel", "", muted=True)
        self.officer_label = self._label("officerName", user.full_name or user.login, bold=True)
        self.role_label = self._label("officerRole", role_label(user.role), muted=True)
        self.sync_indicator = sync_indicator
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.sign_out_button.setObjectName("signOut")
        self.sign_out_button.setToolTip(
            self.tr("Sign out so that another officer can sign in (Ctrl+Shift+L)")
        )
        self.sign_out_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the shortcut serves keys
        self.sign_out_button.setAutoDefault(False)

        counter = QHBoxLayout()
        counter.setSpacing(12)
        counter.addWidget(self.counter_label)
        counter.addWidget(self.desk_label)
        counter.addStretch(1)
        left = QVBoxLayout()
        left.setSpacing(2)
        left.addLayout(counter)
        left.addWidget(self.today_label)
        right = QVBoxLayout()
        right.setSpacing(2)
        right.addWidget(self.officer_label)
        right.addWidget(self.role_label)
        officer = QHBoxLayout()
        officer.setSpacing(12)
        officer.addLayout(right)
        officer.addWidget(self.sign_out_button, 0, Qt.AlignmentFlag.AlignVCenter)
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
        row.addLayout(officer)

        self.refresh_counter()
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

    def refresh_counter(self) -> None:
        """The counter's name and desk as stored now: Cài đặt calls it when they are saved."""
        identity = self._session.workspace.settings.identity()
        self.counter_label.setText(identity.name)
        desk = identity.desk_number
        self.desk_label.setText(self.tr("Desk {n}").format(n=desk) if desk else "")
        self.desk_label.setVisible(bool(desk))

    def refresh_today(self) -> None:
        """The date follows the domain clock (Vietnam time), so it turns over at midnight."""
        self.today_label.setText(formatting.long_day(self._session.clock().date()))
