"""The recovery code: random, shown once in groups, typed back forgivingly."""

from __future__ import annotations

import secrets
import unicodedata

# Crockford's base32: no I, L, O, U, so a code read off paper is not mistyped.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUPS = 8
GROUP_LEN = 4  # 8 x 4 characters x 5 bits = 160 bits
_CONFUSABLE = str.maketrans({"I": "1", "L": "1", "O": "0", "U": "V"})


def new_recovery_code() -> str:
    """A fresh code, grouped for reading: `ABCD-EFGH-...`."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_LEN))
    return format_code(raw)


def format_code(raw: str) -> str:
    return "-".join(raw[i : i + GROUP_LEN] for i in range(0, len(raw), GROUP_LEN))


def groups(code: str) -> list[str]:
    return normalise(code).split("-")


def normalise(typed: str) -> str:
    """The canonical code for what a user typed: case, spaces, dashes and look-alikes forgiven.

    NFKC first, so the full-width letters and digits a Chinese input method
    types (`ＡＢ１２`) are the plain ones; anything else that is not ASCII stays
    and makes the code ill-formed rather than silently dropped.
    """
    plain = unicodedata.normalize("NFKC", typed).upper()
    cleaned = "".join(ch for ch in plain if ch.isalnum()).translate(_CONFUSABLE)
    return format_code(cleaned)


def is_well_formed(typed: str) -> bool:
    raw = normalise(typed).replace("-", "")
    return len(raw) == GROUPS * GROUP_LEN and all(ch in ALPHABET for ch in raw)
