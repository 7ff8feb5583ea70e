"""The one catch-up message: what fell due while talkdesk was closed or the PC asleep.

Shown once at the next start (or on resume), never as a flood of
notifications; its items are already recorded as shown, so they are in the
reminder list, which one button opens.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from talkdesk.services.reminders import Digest
from talkdesk.ui.reminders_panel import digest_lines, reminder_text

SHOWN_ITEMS = 8  # the rest are in the reminder list


class DigestDialog(QDialog):
    """Signals:
    open_list_requested(): the user wants the reminder list (the dialog then closes).
    """

    open_list_requested = Signal()

    def __init__(self, digest: Digest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.digest = digest
        self.setWindowTitle(self.tr("While talkdesk was closed"))
        self.setModal(False)
        heading = QLabel(self.tr("While talkdesk was closed, these reminders fell due:"), self)
        heading.setWordWrap(True)
        self.summary_label = QLabel("\n".join(digest_lines(digest)), self)
        self.summary_label.setObjectName("digestSummary")
        self.items = QListWidget(self)
        self.items.setWordWrap(True)
        for reminder in digest.items[:SHOWN_ITEMS]:
            self.items.addItem(reminder_text(reminder))
        if len(digest) > SHOWN_ITEMS:
            more = self.tr("… and {count} more in the reminder list")
            self.items.addItem(more.format(count=len(digest) - SHOWN_ITEMS))
        buttons = QDialogButtonBox(self)
        self.open_list_button = QPushButton(self.tr("Open the reminder list"), self)
        buttons.addButton(self.open_list_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.open_list_button.clicked.connect(self._open_list)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.items, 1)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def _open_list(self) -> None:
        self.accept()
        self.open_list_requested.emit()
