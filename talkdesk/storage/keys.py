"""The key file read (or its backup copy) and the remembered slot unwrapped.

Nothing here imports SQLAlchemy: at start-up the remembered key is unwrapped and the
first screen's figures read (storage/glance.py) while SQLAlchemy is still loading.
"""

from __future__ import annotations

import logging

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.storage import keyfile
from talkdesk.storage.keyfile import KeyFile
from talkdesk.storage.keystore import RememberedKeyStore
from talkdesk.storage.paths import WorkspacePaths

log = logging.getLogger(__name__)

KEYFILE_BACKUP_USED = "keyfile_backup_used"


def load_keys(paths: WorkspacePaths) -> tuple[KeyFile, list[str]]:
    """The key file, and KEYFILE_BACKUP_USED among the notices when its copy had to serve."""
    if not paths.keys.exists() and not paths.keys_backup.exists():
        if paths.database.exists():
            raise TalkdeskError(ErrorCode.KEYFILE_DAMAGED, reason="missing")
        raise TalkdeskError(ErrorCode.WORKSPACE_MISSING)
    kf, used_backup = keyfile.load(paths.keys)
    if used_backup:
        log.warning("key file unreadable; its backup copy was used")
    return kf, [KEYFILE_BACKUP_USED] if used_backup else []


def remembered_key(kf: KeyFile, store: RememberedKeyStore) -> bytes:
    """The data key from the secret kept in the OS credential store; KEYRING_UNAVAILABLE else."""
    if not kf.has(keyfile.REMEMBERED):
        raise TalkdeskError(ErrorCode.KEYRING_UNAVAILABLE, reason="not_remembered")
    secret = store.secret(kf.workspace_id)
    try:
        return keyfile.unwrap_remembered(kf, secret)
    except TalkdeskError as exc:
        if exc.code is not ErrorCode.KEYRING_UNAVAILABLE:
            raise
        # The credential store holds a secret, but not this workspace's (replaced, or stale).
        raise TalkdeskError(ErrorCode.KEYRING_UNAVAILABLE, reason="mismatch") from None
