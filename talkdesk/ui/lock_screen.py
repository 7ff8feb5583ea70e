"""What the window shows while the workspace is closed: opening, locked, or preparing the demo."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from talkdesk.ui.style import icon


class LockScreen(QWidget):
    """Hides every record; offers the way back in.

    Signals:
        unlock_requested(): the user wants the password dialog.
    """

    unlock_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        picture = QLabel(self)
        picture.setPixmap(icon("lock").pixmap(QSize(56, 56)))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(self)
        self.title.setObjectName("lockTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel(self)
        self.message.setObjectName("hint")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setFixedWidth(320)
        self.progress.hide()
        self.unlock_button = QPushButton(self.tr("Unlock…"), self)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(picture)
        layout.addSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addSpacing(12)
        layout.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self.show_opening()

    def show_opening(self, text: str = "") -> None:
        self.title.setText(self.tr("Opening the workspace…"))
        self.message.setText(text)
        self.unlock_button.hide()

    def show_locked(self) -> None:
        self.title.setText(self.tr("talkdesk is locked"))
        self.message.setText(
            self.tr("Your records are closed and the key has been removed from memory.")
        )
        self.progress.hide()
        self.unlock_button.show()

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.show()
