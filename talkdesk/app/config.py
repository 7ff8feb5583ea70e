"""Where things live and how costly the key derivation is.

The key derivation cost is not read from the environment: no setting may
weaken a real workspace. Tests replace `kdf_params` in-process; the throwaway
demo names FAST_KDF itself.
"""

from __future__ import annotations

import os
from pathlib import Path

from talkdesk.storage.kdf import DEFAULT_KDF, FAST_KDF, KdfParams

APP_NAME = "talkdesk"
__all__ = ["FAST_KDF", "data_dir", "kdf_params"]


def data_dir(cli_value: str | None) -> Path:
    """--data-dir, else TALKDESK_DATA_DIR, else the platform's user data folder."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get("TALKDESK_DATA_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=True))


def kdf_params() -> KdfParams:
    """The Argon2id cost for the password slot of a real workspace."""
    return DEFAULT_KDF
