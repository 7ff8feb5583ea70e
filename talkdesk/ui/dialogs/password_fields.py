"""A new password typed twice, with a live strength hint: shared by setup, recovery, settings."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from talkdesk.domain.password import Strength, is_acceptable, strength


class NewPasswordFields(QObject):
    """Two password fields and a hint under them, added as rows of the caller's form
    (so their labels line up with the form's other rows).

    Signals:
        changed(): either field was edited (callers re-check their buttons).
    """

    changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.first = QLineEdit(parent)
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setObjectName("newPassword")
        self.second = QLineEdit(parent)
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setObjectName("repeatPassword")
        self.hint = QLabel(parent)
        self.hint.setObjectName("strength0")
        self.hint.setWordWrap(True)
        self.first_label = QLabel(self.tr("New password:"), parent)
        self.second_label = QLabel(self.tr("Repeat it:"), parent)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._update()

    def password(self) -> str:
        return self.first.text()

    def add_rows(self, form: QFormLayout) -> None:
        form.addRow(self.first_label, self.first)
        form.addRow(self.second_label, self.second)
        form.addRow("", self.hint)

    def set_labels(self, first: str, second: str) -> None:
        self.first_label.setText(first)
        self.second_label.setText(second)

    def problem(self) -> str | None:
        """Why the password cannot be used yet, or None when it can."""
        if not is_acceptable(self.first.text()):
            return self.tr("Use at least 8 characters, mixing letters, digits and signs.")
        if self.first.text() != self.second.text():
            return self.tr("The two passwords differ.")
        return None

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()

    def _update(self) -> None:
        text = self.first.text()
        level = strength(text)
        names = {
            Strength.TOO_WEAK: self.tr("Too weak: at least 8 characters of several kinds."),
            Strength.WEAK: self.tr("Weak: add length, digits or signs."),
            Strength.FAIR: self.tr("Fair."),
            Strength.STRONG: self.tr("Strong."),
        }
        hint = self.tr("Strength: %1").replace("%1", names[level]) if text else ""
        if text and self.second.text() and text != self.second.text():
            hint += " " + self.tr("The two passwords differ.")
        self.hint.setText(hint)
        self.hint.setObjectName(f"strength{int(level)}")
        self.hint.setVisible(bool(hint))
        self.hint.style().unpolish(self.hint)
        self.hint.style().polish(self.hint)
        self.changed.emit()
