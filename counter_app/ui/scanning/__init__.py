"""The handheld scanner at the desk: telling its bursts of keys from typing, and the test
an administrator runs to tune it (docs/DOMAIN.md, "The handheld reader").

`ScannerFilter` is installed once on the application; the window connects its `sig_scanned`
(a ScanResult) and `sig_refused` (a message for the status bar). `ScannerSettings` is stored
under the settings key "scanner"; `ScannerTestWidget` goes on the settings page.
"""
