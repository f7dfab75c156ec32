"""The office signing key (Ed25519) and detached signatures over PDF bytes.

The private key lives in KEY_FOLDER (PEM, mode 600), never in the database, so a database dump
cannot forge permits. The key id is the SHA-256 fingerprint of the raw public key."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

KEY_FILE = "office-ed25519.pem"


@dataclass(frozen=True)
class Signature:
    value: str  # base64
    key_id: str  # hex SHA-256 of the raw public key


def _raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(key: Ed25519PublicKey) -> str:
    return hashlib.sha256(_raw_public(key)).hexdigest()


def office_key(key_folder: Path) -> Ed25519PrivateKey:
    """The office key, generated on first use into `key_folder/office-ed25519.pem`."""
    path = Path(key_folder) / KEY_FILE
    if path.exists():
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError(f"{path} is not an Ed25519 key")
        return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    path.touch(mode=0o600)
    path.write_bytes(pem)
    return key


def sign(content: bytes, key_folder: Path) -> Signature:
    key = office_key(key_folder)
    return Signature(base64.b64encode(key.sign(content)).decode(), key_id(key.public_key()))


def verify(content: bytes, signature: str, signed_key_id: str, key_folder: Path) -> bool:
    """True when `signature` (base64) is the office key's signature over exactly `content`."""
    public = office_key(key_folder).public_key()
    if key_id(public) != signed_key_id:
        return False
    try:
        public.verify(base64.b64decode(signature), content)
    except (InvalidSignature, ValueError):
        return False
    return True
