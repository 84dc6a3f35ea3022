"""The central password lives in the operating system's keyring, never in a file or a log.

Without a usable keyring (a headless server, keyring's `fail` backend) storing refuses with
a message saying how to set one up; reading finds nothing and the connection goes on without a
password (a server that trusts the machine, or libpq's own PGPASSFILE)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter_app.domain.errors import CounterError

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = "counter-app central"


def _backend() -> KeyringBackend | None:
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return None
    return backend


def keyring_available() -> bool:
    return _backend() is not None


def store_password(name: str, password: str) -> None:
    backend = _backend()
    if backend is None:
        raise CounterError("sync.no_keyring")
    try:
        backend.set_password(SERVICE, name, password)
    except Exception as error:  # every backend has its own errors: name none of them here
        raise CounterError("sync.keyring_failed", reason=type(error).__name__) from None


def load_password(name: str) -> str | None:
    backend = _backend()
    if backend is None:
        return None
    try:
        return backend.get_password(SERVICE, name)
    except Exception as error:
        raise CounterError("sync.keyring_failed", reason=type(error).__name__) from None
