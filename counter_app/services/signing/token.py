"""The officer's or the unit's signing token through its PKCS#11 module (a Vietnamese CA's
driver on a desk, SoftHSM2 in the tests): one session per signing, so many papers take one PIN
entry, and every failure of the module or the token becomes a message the officer can act on.
The PIN is used to log in and never kept."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from counter_app.domain.errors import CounterError
from counter_app.services.signing.pades import hushed_imports


@dataclass(frozen=True)
class TokenConfig:
    module: str
    token_label: str
    key_label: str


def token_problem(error: BaseException, config: TokenConfig) -> CounterError:
    """What a PKCS#11 failure means for the officer."""
    from pkcs11 import exceptions as p11

    if isinstance(error, p11.PinIncorrect | p11.PinInvalid | p11.PinLenRange):
        return CounterError("signing.pin_wrong")
    if isinstance(error, p11.PinLocked):
        return CounterError("signing.pin_locked", token=config.token_label)
    if isinstance(error, p11.PinExpired):
        return CounterError("signing.pin_expired", token=config.token_label)
    if isinstance(
        error,
        p11.DeviceRemoved
        | p11.TokenNotPresent
        | p11.TokenNotRecognised
        | p11.SessionClosed
        | p11.SessionHandleInvalid
        | p11.NoSuchToken
        | p11.DeviceError
        | p11.ObjectHandleInvalid  # the key's handle died with the token
        | p11.KeyHandleInvalid
        | p11.NoSuchKey,  # looked up again, gone
    ):
        return CounterError("signing.token_gone", token=config.token_label)
    return CounterError(
        "signing.token_failed", token=config.token_label, reason=type(error).__name__
    )


@contextmanager
def token_session(config: TokenConfig, pin: str) -> Iterator[Any]:
    """A logged-in session on the configured token (a `pkcs11.Session`), closed on leaving."""
    import pkcs11
    from pkcs11 import exceptions as p11

    if not config.module:
        raise CounterError("signing.not_configured", setting="signing.pkcs11_module")
    if not Path(config.module).is_file():
        raise CounterError("signing.module_missing", path=config.module)
    if not pin:
        raise CounterError("secret.missing")
    try:
        library = pkcs11.lib(config.module)
    except RuntimeError as error:  # not a PKCS#11 library, or one that fails to start
        raise CounterError("signing.module_broken", path=config.module, reason=str(error)) from None
    token = _find_token(library, config)
    try:
        session = token.open(user_pin=pin)
    except p11.PKCS11Error as error:
        raise token_problem(error, config) from None
    try:
        yield session
    finally:
        with suppress(p11.PKCS11Error):  # the token went away: nothing is left to close
            session.close()


def _find_token(library: Any, config: TokenConfig) -> Any:
    """The token by its label. A token pulled out and plugged back in is only seen again
    after the module starts over (C_Finalize, C_Initialize), which is tried once."""
    from pkcs11 import exceptions as p11

    try:
        return _token_by_label(library, config)
    except p11.PKCS11Error:
        library.reinitialize()
    try:
        return _token_by_label(library, config)
    except p11.PKCS11Error as error:
        raise token_problem(error, config) from None


def _token_by_label(library: Any, config: TokenConfig) -> Any:
    from pkcs11 import exceptions as p11

    try:
        return library.get_token(token_label=config.token_label or None)
    except (p11.NoSuchToken, p11.TokenNotPresent, p11.SlotIDInvalid):
        raise CounterError("signing.token_missing", token=config.token_label or "—") from None
    except p11.MultipleTokensReturned:
        raise CounterError("signing.token_many") from None


def token_signer(session: Any, config: TokenConfig) -> Any:
    """pyHanko's signer for the key (and its certificate) labelled `key_label` on the token."""
    hushed_imports()
    from pkcs11 import exceptions as p11
    from pyhanko.sign.pkcs11 import PKCS11Signer

    label = config.key_label or None
    missing = CounterError("signing.key_missing", label=config.key_label or "—")
    try:
        signer = PKCS11Signer(session, cert_label=label, key_label=label)
        certificate = signer.signing_cert
    except (p11.NoSuchKey, KeyError, ValueError):
        raise missing from None
    except p11.PKCS11Error as error:
        if type(error) is p11.PKCS11Error and str(error).startswith("Could not find"):
            raise missing from None  # pyHanko's own words for a label not on the token
        raise token_problem(error, config) from None
    if certificate is None:
        raise missing
    return signer
