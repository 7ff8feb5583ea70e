"""Error codes worded for the user, in their language, saying what to do next."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from talkdesk.domain.errors import ErrorCode, TalkdeskError


def _tr(text: str) -> str:
    return QCoreApplication.translate("messages", text)


def error_text(error: TalkdeskError) -> str:
    """One or two sentences: what went wrong and what the user can do."""
    code = error.code
    if code is ErrorCode.KEYRING_UNAVAILABLE:
        return keyring_text(str(error.details.get("reason", "")))
    texts = {
        ErrorCode.WORKSPACE_MISSING: _tr(
            "No workspace was found in this folder. Create one, or choose the folder that holds it."
        ),
        ErrorCode.WORKSPACE_EXISTS: _tr(
            "This folder already holds a workspace. Open it, or choose an empty folder."
        ),
        ErrorCode.WORKSPACE_NOT_EMPTY: _tr(
            "The target folder is not empty. Restore into a new or empty folder; "
            "an existing workspace is never overwritten."
        ),
        ErrorCode.WRONG_PASSWORD: _tr("The password is not correct. Please try again."),
        ErrorCode.WRONG_RECOVERY_CODE: _tr(
            "The recovery code is not correct. Check each group against the printed code."
        ),
        ErrorCode.KEYFILE_DAMAGED: _tr(
            "The key file (keys.json) is damaged and its backup copy too. "
            "Restore the workspace from a backup."
        ),
        ErrorCode.DATABASE_DAMAGED: _tr(
            "The password is right, but the database file is damaged or missing. "
            "Nothing was changed. Restore the workspace from a backup."
        ),
        ErrorCode.NOT_A_DATABASE: _tr("This file is not a talkdesk database."),
        ErrorCode.SCHEMA_TOO_NEW: _tr(
            "This workspace was made by a newer version of talkdesk. Please update talkdesk."
        ),
        ErrorCode.PASSWORD_TOO_WEAK: _tr(
            "The password is too weak: use at least 8 characters of several kinds."
        ),
        ErrorCode.PASSWORDS_DIFFER: _tr("The two passwords differ. Please type them again."),
        ErrorCode.DISK_FULL: _tr(
            "The disk is full. Nothing was lost; free some space and try again."
        ),
        ErrorCode.FILE_NOT_WRITABLE: _tr(
            "The file could not be written. Check the folder's permissions and try again."
        ),
        ErrorCode.BACKUP_INVALID: _tr(
            "This file is not a sound talkdesk backup. Choose another backup file."
        ),
        ErrorCode.NOT_FOUND: _tr("The record no longer exists. The list has been refreshed."),
        ErrorCode.INVALID_VALUE: _tr("A required field is empty or not valid: {field}."),
        ErrorCode.DUPLICATE: _tr("An entry with this name already exists."),
        ErrorCode.LOCKED: _tr("The workspace is locked. Unlock it with your password."),
    }
    text = texts[code]
    if "{field}" in text:
        text = text.format(field=field_name(str(error.details.get("field", ""))))
    return text


def keyring_text(reason: str) -> str:
    texts = {
        "no_backend": _tr(
            "This computer has no credential store, so the password cannot be remembered. "
            "Please type your password."
        ),
        "missing": _tr(
            "The remembered key is no longer in this computer's credential store "
            "(for example after a Windows password reset). Please type your password."
        ),
        "locked": _tr("The credential store is locked. Please type your password."),
        "not_remembered": _tr("The password is not remembered on this computer."),
    }
    return texts.get(
        reason,
        _tr("The credential store could not be read. Please type your password."),
    )


def field_name(field: str) -> str:
    names = {
        "name": _tr("name"),
        "title": _tr("what is to be followed up"),
        "person": _tr("person"),
        "talker": _tr("talker"),
        "held_at": _tr("date and time"),
        "reason": _tr("reason"),
    }
    return names.get(field, field)
