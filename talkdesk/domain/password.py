"""Password strength: a hint for the user and a floor the program enforces."""

from __future__ import annotations

from enum import IntEnum

MIN_LENGTH = 8


class Strength(IntEnum):
    TOO_WEAK = 0
    WEAK = 1
    FAIR = 2
    STRONG = 3


def strength(password: str) -> Strength:
    """A coarse estimate from length and character variety (no dictionary)."""
    if len(password) < MIN_LENGTH or len(set(password)) < 4:
        return Strength.TOO_WEAK
    classes = sum(
        (
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
            any(ord(c) > 127 and c.isalpha() for c in password),
        )
    )
    score = classes + (len(password) >= 12) + (len(password) >= 16)
    if score >= 4:
        return Strength.STRONG
    if score >= 3:
        return Strength.FAIR
    return Strength.WEAK


def is_acceptable(password: str) -> bool:
    return strength(password) > Strength.TOO_WEAK
