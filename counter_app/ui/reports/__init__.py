"""The supervisor's review in the window (Báo cáo): the daily review with its sign-off and
exports, and the province figures for a period. Staff see their own day only."""

from counter_app.ui.reports.page import ReportsPage

__all__ = ["ReportsPage"]
