"""The "remember on this computer" secret, kept in the OS credential store via keyring.

Any keyring failure (no backend, locked, denied, entry gone) becomes
KEYRING_UNAVAILABLE with a reason code, so the caller falls back to the password.
"""

from __future__ import annotations

import logging
import os

from talkdesk.domain.errors import ErrorCode, TalkdeskError

log = logging.getLogger(__name__)

SERVICE = "talkdesk"


class RememberedKeyStore:
    """One secret per workspace, under the workspace id."""

    def __init__(self, service: str = SERVICE) -> None:
        self._service = service

    def new_secret(self, workspace_id: str) -> bytes:
        secret = os.urandom(32)
        self._call("set", workspace_id, secret.hex())
        return secret

    def secret(self, workspace_id: str) -> bytes:
        value = self._call("get", workspace_id)
        if not value:
            raise TalkdeskError(ErrorCode.KEYRING_UNAVAILABLE, reason="missing")
        try:
            return bytes.fromhex(value)
        except ValueError:
            raise TalkdeskError(ErrorCode.KEYRING_UNAVAILABLE, reason="garbled") from None

    def forget(self, workspace_id: str) -> None:
        try:
            self._call("delete", workspace_id)
        except TalkdeskError:
            log.info("nothing to forget in the credential store")

    def _call(self, verb: str, workspace_id: str, value: str = "") -> str | None:
        # ~0.1 s to import, more to find a backend: only when the store is really used
        import keyring
        import keyring.errors

        try:
            if verb == "set":
                keyring.set_password(self._service, workspace_id, value)
                return None
            if verb == "delete":
                keyring.delete_password(self._service, workspace_id)
                return None
            result = keyring.get_password(self._service, workspace_id)
            return result if isinstance(result, str) else None
        except keyring.errors.NoKeyringError:
            reason = "no_backend"
        except keyring.errors.PasswordDeleteError:
            reason = "missing"
        except keyring.errors.KeyringLocked:
            reason = "locked"
        except Exception as exc:  # backends raise anything: DBus, Win32, macOS errors
            log.warning("credential store failed on %s: %s", verb, type(exc).__name__)
            reason = "failed"
        raise TalkdeskError(ErrorCode.KEYRING_UNAVAILABLE, reason=reason)
