"""Error codes worded for the user, in their language, saying what to do next."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from talkdesk.domain.errors import ErrorCode, TalkdeskError

# lupdate finds `translate("context", "literal")` calls, not strings passed through a wrapper.
translate = QCoreApplication.translate


def error_text(error: TalkdeskError) -> str:
    """One or two sentences: what went wrong and what the user can do."""
    code = error.code
    reason = str(error.details.get("reason", ""))
    if code is ErrorCode.KEYRING_UNAVAILABLE:
        return keyring_text(reason)
    if code in (ErrorCode.IMPORT_REFUSED, ErrorCode.UNDO_REFUSED):
        from talkdesk.ui.roster_texts import roster_error_text

        return roster_error_text(error)
    if code is ErrorCode.FILE_NOT_WRITABLE and reason == "busy":
        return translate(
            "messages",
            "The workspace is in use by another program or another talkdesk window. "
            "Close it and try again.",
        )
    if code is ErrorCode.FILE_NOT_WRITABLE and reason == "denied":
        return translate(
            "messages",
            "talkdesk may not read or write the workspace's files. "
            "Check the folder's permissions, or ask your administrator.",
        )
    texts = {
        ErrorCode.WORKSPACE_MISSING: translate(
            "messages",
            "No workspace was found in this folder. "
            "Create one, or choose the folder that holds it.",
        ),
        ErrorCode.WORKSPACE_EXISTS: translate(
            "messages", "This folder already holds a workspace. Open it, or choose an empty folder."
        ),
        ErrorCode.WORKSPACE_NOT_EMPTY: translate(
            "messages",
            "The target folder is not empty. Restore into a new or empty folder; "
            "an existing workspace is never overwritten.",
        ),
        ErrorCode.WRONG_PASSWORD: translate(
            "messages", "The password is not correct. Please try again."
        ),
        ErrorCode.WRONG_RECOVERY_CODE: translate(
            "messages",
            "The recovery code is not correct. Check each group against the printed code.",
        ),
        ErrorCode.KEYFILE_DAMAGED: translate(
            "messages",
            "The key file (keys.json) is damaged and its backup copy too. "
            "Restore the workspace from a backup.",
        ),
        ErrorCode.DATABASE_DAMAGED: translate(
            "messages",
            "The password is right, but the database file is damaged or missing. "
            "Nothing was changed. Restore the workspace from a backup.",
        ),
        ErrorCode.NOT_A_DATABASE: translate("messages", "This file is not a talkdesk database."),
        ErrorCode.SCHEMA_TOO_NEW: translate(
            "messages",
            "This workspace was made by a newer version of talkdesk. Please update talkdesk.",
        ),
        ErrorCode.PASSWORD_TOO_WEAK: translate(
            "messages", "The password is too weak: use at least 8 characters of several kinds."
        ),
        ErrorCode.PASSWORDS_DIFFER: translate(
            "messages", "The two passwords differ. Please type them again."
        ),
        ErrorCode.DISK_FULL: translate(
            "messages", "The disk is full. Nothing was lost; free some space and try again."
        ),
        ErrorCode.FILE_NOT_WRITABLE: translate(
            "messages",
            "The file could not be written. Check the folder's permissions and try again.",
        ),
        ErrorCode.BACKUP_INVALID: translate(
            "messages", "This file is not a sound talkdesk backup. Choose another backup file."
        ),
        ErrorCode.NOT_FOUND: translate(
            "messages", "The record no longer exists. The list has been refreshed."
        ),
        ErrorCode.INVALID_VALUE: translate(
            "messages", "A required field is empty or not valid: {field}."
        ),
        ErrorCode.DUPLICATE: translate("messages", "An entry with this name already exists."),
        ErrorCode.LOCKED: translate(
            "messages", "The workspace is locked. Unlock it with your password."
        ),
        ErrorCode.FINALISED: translate(
            "messages", "This record is finalised and cannot be edited. Add an amendment instead."
        ),
    }
    text = texts.get(code) or unexpected_text()
    if "{field}" in text:
        text = text.format(field=field_name(str(error.details.get("field", ""))))
    return text


def keyring_text(reason: str) -> str:
    texts = {
        "no_backend": translate(
            "messages",
            "This computer has no credential store, so the password cannot be remembered. "
            "Please type your password.",
        ),
        "missing": translate(
            "messages",
            "The remembered key is no longer in this computer's credential store "
            "(for example after a Windows password reset). Please type your password.",
        ),
        "locked": translate(
            "messages", "The credential store is locked. Please type your password."
        ),
        "not_remembered": translate("messages", "The password is not remembered on this computer."),
        "garbled": translate(
            "messages",
            "The key remembered on this computer no longer fits this workspace. "
            "Please type your password; you can turn remembering on again in Settings.",
        ),
        "mismatch": translate(
            "messages",
            "The key remembered on this computer no longer fits this workspace. "
            "Please type your password; you can turn remembering on again in Settings.",
        ),
    }
    return texts.get(
        reason,
        translate("messages", "The credential store could not be read. Please type your password."),
    )


def field_name(field: str) -> str:
    names = {
        "name": translate("messages", "name"),
        "title": translate("messages", "what is to be followed up"),
        "person": translate("messages", "person"),
        "talker": translate("messages", "talker"),
        "held_at": translate("messages", "date and time"),
        "reason": translate("messages", "reason"),
        "text": translate("messages", "text"),
        "resolution": translate("messages", "how it was resolved"),
        "note": translate("messages", "note"),
        "state": translate("messages", "state of the record"),
        "within_days": translate("messages", "days within which to talk"),
        "cadence_n": translate("messages", "interval"),
        "hard_days": translate("messages", "hard limit"),
    }
    return names.get(field, field)


def unexpected_text() -> str:
    """For a failure that carries no code: a bug, not the user's doing."""
    return translate(
        "messages",
        "Something unexpected went wrong. Your data are safe; "
        "please try again, and if it happens again, restart talkdesk.",
    )


def notice_text(notice: str) -> str:
    """What opening the workspace had to work around, worded for the user."""
    if notice == "keyfile_backup_used":
        return translate(
            "messages",
            "The key file was damaged; its backup copy was used and the key file repaired.",
        )
    return translate("messages", "The workspace was opened after a repair.")
