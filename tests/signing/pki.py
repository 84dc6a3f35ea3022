"""A test PKI on a SoftHSM2 token: a CA, an officer's signing certificate, an expired one and a
revoked one (with the CA's CRL naming it), each key made on the token and never leaving it, and a
second CA the counter does not trust ("unknown signer").

    python -m tests.signing.pki DIR       builds it in DIR and prints what it made as JSON

SoftHSM2 (Debian `softhsm2`) is installed with apt when it is missing and this runs as root.
The token lives in DIR/tokens through the SOFTHSM2_CONF file DIR/softhsm2.conf, so nothing of
the machine's own tokens is touched; set SOFTHSM2_CONF to it before loading the module.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

MODULE_CANDIDATES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
)
TOKEN_LABEL = "counter-test"
USER_PIN = "123456"
SO_PIN = "12345678"
SIGNER = "signer"
EXPIRED = "expired"
REVOKED = "revoked"
UNIT = "UBND tỉnh Lạng Sơn"


@dataclass(frozen=True)
class TestPki:
    folder: str
    conf: str  # the SOFTHSM2_CONF file
    module: str
    token_label: str
    pin: str
    so_pin: str
    ca_pem: str  # the trusted root
    crl_pem: str  # the root's CRL (names the revoked certificate)
    other_ca_pem: str  # a root the counter does not trust
    other_key_pem: str  # an unknown signer's key and certificate, in software
    other_cert_pem: str
    signer_cert_pem: str
    expired_cert_pem: str
    tsa_key_pem: str  # a timestamping authority under the trusted root, in software
    tsa_cert_pem: str


def softhsm_module() -> str | None:
    return next((path for path in MODULE_CANDIDATES if Path(path).is_file()), None)


def ensure_softhsm() -> str:
    """The SoftHSM2 module, installed from Debian's packages when missing (as root)."""
    found = softhsm_module()
    if found is None and shutil.which("apt-get") and os.geteuid() == 0:
        environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "softhsm2"],
            env=environment,
            capture_output=True,
            check=False,
        )
        found = softhsm_module()
    if found is None:
        raise FileNotFoundError("SoftHSM2 is not installed: apt-get install softhsm2")
    return found


def _name(common: str, unit: str = UNIT) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, unit),
            x509.NameAttribute(NameOID.COMMON_NAME, common),
        ]
    )


def _key_usage(*, ca: bool) -> x509.KeyUsage:
    """A CA signs certificates and CRLs; a signer signs documents (with non-repudiation)."""
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=not ca,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def _ca(common: str, now: datetime) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = _name(common)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=3650))
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_key_usage(ca=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def _leaf(
    common: str,
    public_key: rsa.RSAPublicKey,
    ca_key: rsa.RSAPrivateKey,
    ca_cert: x509.Certificate,
    not_before: datetime,
    not_after: datetime,
    usage: x509.ObjectIdentifier = ExtendedKeyUsageOID.EMAIL_PROTECTION,
) -> x509.Certificate:
    return (
        x509.CertificateBuilder()
        .subject_name(_name(common))
        .issuer_name(ca_cert.subject)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(ca=False), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([usage]),
            critical=usage == ExtendedKeyUsageOID.TIME_STAMPING,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )


def _token_key(session, label: str) -> rsa.RSAPublicKey:  # type: ignore[no-untyped-def]
    """An RSA key pair made on the token (the private half cannot be read out)."""
    import pkcs11
    from pkcs11.util.rsa import encode_rsa_public_key

    public, _private = session.generate_keypair(
        pkcs11.KeyType.RSA, 2048, label=label, id=label.encode(), store=True
    )
    loaded = serialization.load_der_public_key(encode_rsa_public_key(public))
    assert isinstance(loaded, rsa.RSAPublicKey)
    return loaded


def _store_certificate(session, label: str, cert: x509.Certificate) -> None:  # type: ignore[no-untyped-def]
    from pkcs11 import Attribute, CertificateType, ObjectClass

    session.create_object(
        {
            Attribute.CLASS: ObjectClass.CERTIFICATE,
            Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
            Attribute.TOKEN: True,
            Attribute.LABEL: label,
            Attribute.ID: label.encode(),
            Attribute.SUBJECT: cert.subject.public_bytes(),
            Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER),
        }
    )


def _private_pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _pem(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def build(folder: Path) -> TestPki:
    """Make the token, the CAs and the certificates in `folder` (emptied first)."""
    import pkcs11

    module = ensure_softhsm()
    folder = Path(folder)
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "tokens").mkdir(parents=True)
    conf = folder / "softhsm2.conf"
    tokens = folder / "tokens"
    conf.write_text(
        f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n"
    )
    os.environ["SOFTHSM2_CONF"] = str(conf)
    subprocess.run(
        [
            *("softhsm2-util", "--init-token", "--free", "--label", TOKEN_LABEL),
            *("--pin", USER_PIN, "--so-pin", SO_PIN),
        ],
        capture_output=True,
        check=True,
        env={**os.environ, "SOFTHSM2_CONF": str(conf)},
    )
    now = datetime.now(UTC)
    ca_key, ca_cert = _ca("CA thử nghiệm Một cửa", now)
    other_key, other_ca = _ca("CA lạ", now)
    lib = pkcs11.lib(module)
    token = lib.get_token(token_label=TOKEN_LABEL)
    certs: dict[str, x509.Certificate] = {}
    with token.open(user_pin=USER_PIN, rw=True) as session:
        validity = {
            SIGNER: (now - timedelta(days=30), now + timedelta(days=365)),
            EXPIRED: (now - timedelta(days=400), now - timedelta(days=35)),
            REVOKED: (now - timedelta(days=30), now + timedelta(days=365)),
        }
        for label, (start, end) in validity.items():
            public = _token_key(session, label)
            certs[label] = _leaf(f"Cán bộ {label}", public, ca_key, ca_cert, start, end)
            _store_certificate(session, label, certs[label])
    crl = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(ca_cert.subject)
        .last_update(now - timedelta(days=1))
        .next_update(now + timedelta(days=30))
        .add_revoked_certificate(
            x509.RevokedCertificateBuilder()
            .serial_number(certs[REVOKED].serial_number)
            .revocation_date(now - timedelta(days=2))
            .build()
        )
        .sign(ca_key, hashes.SHA256())
    )
    unknown_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    unknown = _leaf(
        "Người ký lạ",
        unknown_key.public_key(),
        other_key,
        other_ca,
        now - timedelta(days=1),
        now + timedelta(days=30),
    )
    tsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    tsa = _leaf(
        "TSA thử nghiệm",
        tsa_key.public_key(),
        ca_key,
        ca_cert,
        now - timedelta(days=30),
        now + timedelta(days=365),
        ExtendedKeyUsageOID.TIME_STAMPING,
    )
    pem = serialization.Encoding.PEM
    return TestPki(
        folder=str(folder),
        conf=str(conf),
        module=module,
        token_label=TOKEN_LABEL,
        pin=USER_PIN,
        so_pin=SO_PIN,
        ca_pem=_pem(folder / "ca.pem", ca_cert.public_bytes(pem)),
        crl_pem=_pem(folder / "ca-crl.pem", crl.public_bytes(pem)),
        other_ca_pem=_pem(folder / "other-ca.pem", other_ca.public_bytes(pem)),
        other_key_pem=_pem(folder / "unknown-key.pem", _private_pem(unknown_key)),
        other_cert_pem=_pem(folder / "unknown.pem", unknown.public_bytes(pem)),
        signer_cert_pem=_pem(folder / "signer.pem", certs[SIGNER].public_bytes(pem)),
        expired_cert_pem=_pem(folder / "expired.pem", certs[EXPIRED].public_bytes(pem)),
        tsa_key_pem=_pem(folder / "tsa-key.pem", _private_pem(tsa_key)),
        tsa_cert_pem=_pem(folder / "tsa.pem", tsa.public_bytes(pem)),
    )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m tests.signing.pki DIR")
    print(json.dumps(asdict(build(Path(sys.argv[1]))), indent=2, ensure_ascii=False))
