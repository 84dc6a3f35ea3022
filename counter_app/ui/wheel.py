"""The mouse wheel scrolls pages; it never changes a value.

A turn of the wheel over a combo box, a spin box, a date edit or a slider would change what
the officer chose (the return method, the channel, an exempt fee) while they only meant to
scroll the form, and a widget clicked a moment ago keeps the focus, so the guard does not ask
about focus: values change by keyboard, click or typing. One filter on the application covers
every window and dialog: the value widget never sees the turn, which goes to its parents in
turn, as Qt passes on a turn nobody took, so the scroll area around it scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

from counter_app.ui.app_filters import application_filters

GUARD_NAME = "wheelGuard"


def holds_a_value(widget: QObject) -> bool:
    """A widget whose value a wheel turn would change; a scroll bar is a slider that scrolls."""
    return isinstance(widget, (QComboBox, QAbstractSpinBox, QAbstractSlider)) and not isinstance(
        widget, QScrollBar
    )


def pass_to_parents(widget: QWidget, event: QWheelEvent) -> None:
    """Offer the turn to each parent up to the window until one takes it. Qt would do this
    itself only for a turn that came from the mouse, so a synthesised one is handled alike."""
    # Qt's namespace makes hundreds of enums when first imported: not before the sign-in
    # window, which needs none of them (bench/bench_ui_start.py)
    from PySide6.QtCore import Qt

    position = QPointF(event.position())
    while not widget.isWindow() and not widget.testAttribute(
        Qt.WidgetAttribute.WA_NoMousePropagation
    ):
        position += QPointF(widget.pos())
        parent = widget.parentWidget()
        if parent is None:
            return
        widget = parent
        if holds_a_value(widget):
            continue
        passed = QWheelEvent(
            position,
            event.globalPosition(),
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
            event.source(),
        )
        passed.ignore()
        QApplication.sendEvent(widget, passed)
        if passed.isAccepted():
            return


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the application passes here: the wrapper's class is asked first, as
        # `event.type()` makes a Python enum each time (three quarters of the filter's cost).
        if (
            isinstance(event, QWheelEvent)
            and isinstance(watched, QWidget)
            and holds_a_value(watched)
        ):
            pass_to_parents(watched, event)
            event.accept()  # passed on already: Qt must not pass it a second time
            return True
        return False


def install_wheel_guard(app: QCoreApplication) -> WheelGuard:
    """Install the guard on the application once; later calls return the same guard."""
    guard = app.findChild(WheelGuard, GUARD_NAME)
    if guard is None:
        guard = WheelGuard(app)
        guard.setObjectName(GUARD_NAME)
        application_filters().install(guard)
    return guard
