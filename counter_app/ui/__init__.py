"""The counter's window (PySide6 widgets). Only `counter_app.main` imports this package.

Visible strings are written in English and translated through Qt (`self.tr`,
`QCoreApplication.translate`); the Vietnamese catalogue is resources/translations/
counter_app_vi.ts, compiled to counter_app_vi.qm (see the README next to it).
"""
