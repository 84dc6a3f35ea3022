"""The handheld scanner at the desk: telling its bursts of keys from typing, and the test
an administrator runs to tune it (DOMAIN.md "Scanners at the desk").

`ScannerFilter` is installed once on the application; the window connects its `sig_scanned`
(a ScanResult) and `sig_refused` (a message for the status bar). `ScannerSettings` is stored
under the settings key "scanner"; `ScannerTestWidget` goes on the settings page.
"""
