"""Errors as codes: lower layers raise them, the UI and the command line word them."""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """Every failure a user can meet; `ui.messages` turns each into translated text."""

    WORKSPACE_MISSING = "workspace_missing"
    WORKSPACE_EXISTS = "workspace_exists"
    WORKSPACE_NOT_EMPTY = "workspace_not_empty"
    WRONG_PASSWORD = "wrong_password"
    WRONG_RECOVERY_CODE = "wrong_recovery_code"
    KEYFILE_DAMAGED = "keyfile_damaged"
    DATABASE_DAMAGED = "database_damaged"
    NOT_A_DATABASE = "not_a_database"
    SCHEMA_TOO_NEW = "schema_too_new"
    KEYRING_UNAVAILABLE = "keyring_unavailable"
    PASSWORD_TOO_WEAK = "password_too_weak"
    PASSWORDS_DIFFER = "passwords_differ"
    DISK_FULL = "disk_full"
    FILE_NOT_WRITABLE = "file_not_writable"
    BACKUP_INVALID = "backup_invalid"
    NOT_FOUND = "not_found"
    INVALID_VALUE = "invalid_value"
    DUPLICATE = "duplicate"
    LOCKED = "locked"
    FINALISED = "finalised"
    IMPORT_REFUSED = "import_refused"  # reason: a domain.roster.Refusal; row when known
    UNDO_REFUSED = "undo_refused"  # reason: a domain.roster.UndoRefusal
    UNEXPECTED = "unexpected"  # a bug: logged by type, worded generically


class TalkdeskError(Exception):
    """A failure with a code and a few details (never note content or secrets)."""

    def __init__(self, code: ErrorCode, **details: str | int) -> None:
        super().__init__(code.value, details)
        self.code = code
        self.details = details

    def __str__(self) -> str:
        extra = ", ".join(f"{k}={v}" for k, v in sorted(self.details.items()))
        return f"{self.code.value}({extra})" if extra else self.code.value
