"""Digital signatures (ký số) of the dossier's electronic copies and papers: PAdES with pyHanko,
keys on a PKCS#11 token. pyHanko and python-pkcs11 are imported inside, never by --help."""

from counter_app.services.signing.service import SignedFile, SigningService
from counter_app.store.signed_copies import SignedCopy

__all__ = ["SignedCopy", "SignedFile", "SigningService"]
