"""The Reports page: a placeholder until the statistics and evaluation report arrive."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from talkdesk.services.changes import Changes
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services


class ReportsPage(QWidget):
    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Reports"), self)
        title.setObjectName("pageTitle")
        text = QLabel(
            self.tr(
                "Statistics and the quarterly or half-yearly evaluation report come in a "
                "later version of talkdesk."
            ),
            self,
        )
        text.setObjectName("hint")
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)

    def on_changes(self, changes: Changes) -> None:
        """Nothing to refresh yet."""

    def reload(self) -> None:
        """Nothing to read yet."""
