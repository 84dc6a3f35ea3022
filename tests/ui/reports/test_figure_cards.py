"""A card's large figure is never cut: on a 1280-pixel screen "13,613,000 VND" did not fit the
fees card; its font shrinks to fit, not below the window's own size."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from counter_app.ui.reports.figures import FigureCard

SUM = "13,613,000 VND"


def test_a_long_sum_shrinks_to_the_card_and_a_short_count_stays_large(qtbot) -> None:  # type: ignore[no-untyped-def]
    card = FigureCard("fees", "Fees collected")
    qtbot.addWidget(card)
    card.resize(150, 90)
    card.show()
    qtbot.waitExposed(card)
    large = card.value_label.font().pointSizeF()
    card.show_value(SUM)
    label = card.value_label
    assert QFontMetrics(label.font()).horizontalAdvance(SUM) <= label.contentsRect().width()
    assert label.font().pointSizeF() < large
    assert label.font().pointSizeF() >= card.caption_label.font().pointSizeF()
    card.show_value("19")
    assert label.font().pointSizeF() == large
