"""Intake at the front desk: the form the officer fills for each citizen in the queue."""

from counter_app.ui.intake.page import IntakePage

__all__ = ["IntakePage"]
