"""Small layout pieces that several dialogs and pages share."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget


def button_row(left: QWidget, right: QWidget) -> QHBoxLayout:
    """A dialog's button row: a secondary action on the left, the main one on the right."""
    row = QHBoxLayout()
    row.addWidget(left)
    row.addStretch(1)
    row.addWidget(right)
    return row


def error_label() -> QLabel:
    """A dialog's inline error line: red, wrapped, hidden until there is something to say."""
    label = QLabel()
    label.setObjectName("error")
    label.setStyleSheet("color: #c62828;")
    label.setWordWrap(True)
    label.hide()
    return label
