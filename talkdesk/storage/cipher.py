"""Keying a raw sqlcipher3 connection: shared by the engine and start-up's first glance."""

from __future__ import annotations

from typing import Any


def apply_key(cursor: Any, key: bytes) -> None:
    """Key the connection with the raw 256-bit data key (no KDF), logging nothing.

    Must be the first statement on a new connection: SQLCipher reads the file with
    whatever key it has when the first page is needed.
    """
    cursor.execute("PRAGMA cipher_log_level = NONE")
    cursor.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
