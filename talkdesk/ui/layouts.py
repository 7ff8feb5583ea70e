"""Small layout pieces that several dialogs and pages share."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget


def button_row(left: QWidget, right: QWidget) -> QHBoxLayout:
    """A dialog's button row: a secondary action on the left, the main one on the right."""
    row = QHBoxLayout()
    row.addWidget(left)
    row.addStretch(1)
    row.addWidget(right)
    return row
