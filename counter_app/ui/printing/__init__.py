"""Printing from the window: preview (QtPdf), Qt's print system to any printer the operating
system knows, a print queue in the background, the printer remembered per kind of paper, and
the print buttons of the intake, dossier and return pages.

Import the modules themselves (`queue`, `backend`, `actions`...): this package imports nothing,
so `ui.session` can hold a `PrintQueue` without an import cycle.
"""
