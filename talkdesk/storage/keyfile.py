"""keys.json: the data key wrapped once per slot (password, recovery code, remembered).

The file holds no secret. Each slot wraps the same random 256-bit data key with
AES-256-GCM under a key-encryption key derived from that slot's secret; the
workspace id and slot name are the associated data, so a slot cannot be moved
to another workspace. A wrong secret fails the GCM tag, which is how a wrong
password is told apart from a damaged database.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.recovery import is_well_formed, normalise
from talkdesk.storage.atomic import write_atomic_all
from talkdesk.storage.kdf import KdfParams

FORMAT = 1
PASSWORD = "password"
RECOVERY = "recovery"
REMEMBERED = "remembered"


@dataclass(frozen=True)
class KeyFile:
    workspace_id: str
    slots: dict[str, dict[str, Any]] = field(default_factory=dict)

    def has(self, slot: str) -> bool:
        return slot in self.slots


def new_data_key() -> bytes:
    return os.urandom(32)


def create(
    workspace_id: str, data_key: bytes, password: str, recovery_code: str, kdf: KdfParams
) -> KeyFile:
    kf = KeyFile(workspace_id)
    kf = with_password(kf, data_key, password, kdf)
    return _with_slot(kf, RECOVERY, data_key, _recovery_kek, normalise(recovery_code))


def with_password(kf: KeyFile, data_key: bytes, password: str, kdf: KdfParams) -> KeyFile:
    salt = os.urandom(16)
    kek = _argon2(password, salt, kdf)
    slot = _wrap(kf.workspace_id, PASSWORD, kek, data_key)
    slot.update(
        kdf="argon2id",
        salt=_b64(salt),
        iterations=kdf.iterations,
        lanes=kdf.lanes,
        memory_kib=kdf.memory_kib,
    )
    return replace(kf, slots={**kf.slots, PASSWORD: slot})


def with_remembered(kf: KeyFile, data_key: bytes, secret: bytes) -> KeyFile:
    return _with_slot(kf, REMEMBERED, data_key, _secret_kek, secret)


def without(kf: KeyFile, slot: str) -> KeyFile:
    return replace(kf, slots={k: v for k, v in kf.slots.items() if k != slot})


def password_kdf(kf: KeyFile) -> KdfParams:
    """The Argon2id cost the password slot was wrapped with."""
    slot = _slot(kf, PASSWORD)
    try:
        return KdfParams(int(slot["iterations"]), int(slot["lanes"]), int(slot["memory_kib"]))
    except (KeyError, TypeError, ValueError):
        raise TalkdeskError(ErrorCode.KEYFILE_DAMAGED, slot=PASSWORD) from None


def is_weaker(have: KdfParams, want: KdfParams) -> bool:
    """True when any of `have`'s costs is below `want`'s (then the slot is re-wrapped)."""
    return (
        have.iterations < want.iterations
        or have.lanes < want.lanes
        or have.memory_kib < want.memory_kib
    )


def unwrap_password(kf: KeyFile, password: str) -> bytes:
    slot = _slot(kf, PASSWORD)
    kdf = password_kdf(kf)
    kek = _argon2(password, _unb64(slot["salt"]), kdf)
    return _unwrap(kf, PASSWORD, kek, ErrorCode.WRONG_PASSWORD)


def unwrap_recovery(kf: KeyFile, code: str) -> bytes:
    if not is_well_formed(code):  # also keeps non-ASCII letters out of the key derivation
        raise TalkdeskError(ErrorCode.WRONG_RECOVERY_CODE)
    kek = _recovery_kek(kf, normalise(code))
    return _unwrap(kf, RECOVERY, kek, ErrorCode.WRONG_RECOVERY_CODE)


def unwrap_remembered(kf: KeyFile, secret: bytes) -> bytes:
    return _unwrap(kf, REMEMBERED, _secret_kek(kf, secret), ErrorCode.KEYRING_UNAVAILABLE)


# -- the file -------------------------------------------------------------------


def save(path: Path, kf: KeyFile) -> None:
    """Write both copies atomically: a failure (a full disk) leaves both as they were."""
    data = dumps(kf)
    write_atomic_all([(path, data), (backup_path(path), data)])


def dumps(kf: KeyFile) -> bytes:
    """The file's bytes (what `parse` reads back)."""
    return json.dumps(
        {"format": FORMAT, "workspace_id": kf.workspace_id, "slots": kf.slots},
        indent=2,
        sort_keys=True,
    ).encode()


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def load(path: Path) -> tuple[KeyFile, bool]:
    """The key file and whether its backup copy had to be used.

    Raises KEYFILE_DAMAGED when neither copy is sound, WORKSPACE_MISSING when
    neither exists.
    """
    primary, backup = path, backup_path(path)
    if not primary.exists() and not backup.exists():
        raise TalkdeskError(ErrorCode.WORKSPACE_MISSING)
    try:
        return parse(primary.read_bytes()), False
    except (OSError, ValueError):
        pass
    try:
        return parse(backup.read_bytes()), True
    except (OSError, ValueError) as exc:
        raise TalkdeskError(ErrorCode.KEYFILE_DAMAGED) from exc


def parse(raw: bytes) -> KeyFile:
    """A KeyFile from bytes; ValueError for anything that is not a sound key file."""
    data = json.loads(raw.decode("utf-8"))
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a talkdesk key file")
    workspace_id, slots = data.get("workspace_id"), data.get("slots")
    if not isinstance(workspace_id, str) or not isinstance(slots, dict):
        raise ValueError("key file lacks workspace id or slots")
    for name in (PASSWORD, RECOVERY):
        slot = slots.get(name)
        if not isinstance(slot, dict) or not {"nonce", "wrapped"} <= slot.keys():
            raise ValueError(f"key file lacks the {name} slot")
        _unb64(slot["nonce"]), _unb64(slot["wrapped"])
    return KeyFile(workspace_id, slots)


# -- wrapping -------------------------------------------------------------------


def _with_slot(kf: KeyFile, name: str, data_key: bytes, kek_of: Any, secret: Any) -> KeyFile:
    slot = _wrap(kf.workspace_id, name, kek_of(kf, secret), data_key)
    return replace(kf, slots={**kf.slots, name: slot})


def _wrap(workspace_id: str, name: str, kek: bytes, data_key: bytes) -> dict[str, Any]:
    nonce = os.urandom(12)
    wrapped = AESGCM(kek).encrypt(nonce, data_key, _aad(workspace_id, name))
    return {"nonce": _b64(nonce), "wrapped": _b64(wrapped)}


def _unwrap(kf: KeyFile, name: str, kek: bytes, wrong: ErrorCode) -> bytes:
    slot = _slot(kf, name)
    try:
        key = AESGCM(kek).decrypt(
            _unb64(slot["nonce"]), _unb64(slot["wrapped"]), _aad(kf.workspace_id, name)
        )
    except InvalidTag:
        raise TalkdeskError(wrong) from None
    if len(key) != 32:
        raise TalkdeskError(ErrorCode.KEYFILE_DAMAGED)
    return key


def _slot(kf: KeyFile, name: str) -> dict[str, Any]:
    try:
        return kf.slots[name]
    except KeyError:
        raise TalkdeskError(ErrorCode.KEYFILE_DAMAGED, slot=name) from None


def _aad(workspace_id: str, name: str) -> bytes:
    return f"talkdesk/{workspace_id}/{name}".encode()


def _argon2(password: str, salt: bytes, kdf: KdfParams) -> bytes:
    return Argon2id(
        salt=salt,
        length=32,
        iterations=kdf.iterations,
        lanes=kdf.lanes,
        memory_cost=kdf.memory_kib,
    ).derive(password.encode("utf-8"))


def _recovery_kek(kf: KeyFile, code: str) -> bytes:
    # The code carries 160 random bits: a fast KDF is enough, no stretching needed.
    return _hkdf(code.encode("ascii"), kf.workspace_id, b"talkdesk recovery code")


def _secret_kek(kf: KeyFile, secret: bytes) -> bytes:
    return _hkdf(secret, kf.workspace_id, b"talkdesk remembered key")


def _hkdf(material: bytes, workspace_id: str, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=workspace_id.encode(), info=info).derive(
        material
    )


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(text, validate=True)
