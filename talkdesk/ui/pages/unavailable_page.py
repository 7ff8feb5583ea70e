"""Stands in for a page whose module is missing or failed to load, so the window still works."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from talkdesk.services.changes import Changes


class UnavailablePage(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(title, self)
        heading.setObjectName("pageTitle")
        text = QLabel(self.tr("This page is not available in this version."), self)
        text.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addStretch(1)

    def on_changes(self, changes: Changes) -> None:
        """Nothing shown, nothing to refresh."""

    def reload(self) -> None:
        """Nothing to read."""
