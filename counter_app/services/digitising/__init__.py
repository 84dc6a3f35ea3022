"""Digitising: scanned originals kept byte for byte by SHA-256, codes read from pictures, and
the digitised dossier PDF. Pillow, img2pdf and zxing-cpp are imported here, never by --help."""

from counter_app.services.digitising.service import DigitisedDossier, DigitisingService, Staged

__all__ = ["DigitisedDossier", "DigitisingService", "Staged"]
