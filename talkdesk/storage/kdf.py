"""The cost of deriving a key from the password (Argon2id), apart from the cryptography code.

Kept in its own small module so that naming a cost does not import `cryptography`
(the GUI's start names it before the window is shown).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost; the default takes a few hundred ms on an office PC."""

    iterations: int = 4
    lanes: int = 4
    memory_kib: int = 64 * 1024


DEFAULT_KDF = KdfParams()
# For throwaway workspaces (the demo) and the test suite: Argon2id at its cheapest.
FAST_KDF = KdfParams(iterations=1, lanes=1, memory_kib=8)
