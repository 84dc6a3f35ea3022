"""What the counter signs and how signed copies are named (plain Python, no Qt, no SQL)."""

from __future__ import annotations

from enum import StrEnum

# The component under which signed electronic copies are attached to their dossier: the sync
# sends them like any scan, and the digitised dossier PDF leaves them out (it is made from scans).
SIGNED_COMPONENT = "Bản điện tử có chữ ký số"
# The file name a paper reused from the store is attached under (then its id): central reads
# it to mark the paper reused (DuocTaiSuDung) in the portal export.
REUSED_NAME_PREFIX = "tai-su-dung-"


class SignedWhat(StrEnum):
    DIGITISED = "digitised"  # the digitised dossier PDF
    COMPONENT = "component"  # one paper of the dossier, digitised on its own (the paper store)
    RECEIPT = "receipt"


class SignChoice(StrEnum):
    """What `sign --what` asks for."""

    DIGITISED = "digitised"  # the dossier PDF and each of its papers
    RECEIPT = "receipt"
    ALL = "all"

    def includes(self, what: SignedWhat) -> bool:
        if self is SignChoice.ALL:
            return True
        if self is SignChoice.RECEIPT:
            return what is SignedWhat.RECEIPT
        return what in (SignedWhat.DIGITISED, SignedWhat.COMPONENT)
