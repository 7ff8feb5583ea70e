"""Guards the PySide6 pin: 6.12.0 loses a reference to True on every Signal.emit (DESIGN.md)."""

from __future__ import annotations

import sys
from importlib.metadata import version

import pytest
from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(bool)


@pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="True is immortal from Python 3.12: no crash to guard"
)
def test_emitting_signals_keeps_the_refcount_of_true() -> None:
    emitter = _Emitter()
    received: list[bool] = []
    emitter.fired.connect(lambda value: received.append(value))
    before = sys.getrefcount(True)
    for _ in range(10_000):
        emitter.fired.emit(True)
    received.clear()
    after = sys.getrefcount(True)
    assert after >= before - 100, f"refcount of True dropped by {before - after}"


def test_pyside6_version_is_in_the_pinned_range() -> None:
    parts = tuple(int(p) for p in version("pyside6-essentials").split(".")[:3])
    assert (6, 11, 3) <= parts < (6, 12), parts
