"""The "file to write" row of an export dialog: a path with Choose…, and the checks before
writing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

"""Asks for the file to save: (parent, title, suggested path, file filter) -> the file or None."""


def ask_save_path(parent: QWidget, title: str, suggested: Path, file_filter: str) -> Path | None:
    """The file the user chose in the system's save dialog, or None (tests replace this)."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
    return Path(chosen) if chosen else None


def documents() -> Path:
    """The user's Documents folder: where a suggested file goes first."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def with_suffix(path: Path, suffix: str) -> Path:
    """`path` ending in `suffix` (".xlsx"); a name's own dots are kept ("v1.2" -> "v1.2.xlsx")."""
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


class SaveTarget(QWidget):
    """Where an export is written: a path the user may type, and Choose… for the save dialog.

    The suggested file name follows the dialog's choices (`suggest`) until the user picks a
    file in the save dialog; `target` checks the path just before writing.

    Attributes:
        path_edit: the file's path as shown (and typed).
        choose_button: opens the save dialog.
    """

    def __init__(
        self,
        title: str,
        file_filter: str,
        suffix: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._title = title
        self._filter = file_filter
        self._suffix = suffix
        self._suggested = ""
        self._chosen: Path | None = None  # confirmed in the save dialog (overwrite asked)
        self.path_edit = QLineEdit()
        self.choose_button = QPushButton(self.tr("Choose…"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        self.choose_button.clicked.connect(self.choose)

    def suggest(self, name: str) -> None:
        """Suggest this file name, in the folder shown, unless the user chose a file."""
        self._suggested = name
        if self._chosen is None:
            text = self.path_edit.text().strip()
            folder = Path(text).parent if text else documents()
            self.path_edit.setText(str(folder / name))

    def choose(self) -> None:
        """Ask for the file in the save dialog; the one chosen is kept from then on."""
        start = Path(self.path_edit.text() or documents() / self._suggested)
        chosen = ask_save_path(self.window(), self._title, start, self._filter)
        if chosen is not None:
            self._chosen = with_suffix(chosen, self._suffix)
            self.path_edit.setText(str(self._chosen))

    def target(self, show_error: Callable[[str], None]) -> Path | None:
        """The file to write, with the suffix; None (after `show_error` or the user's "No")
        when there is none, its folder is missing or the user would not replace it."""
        text = self.path_edit.text().strip()
        if not text:
            show_error(self.tr("Please choose the file to write."))
            return None
        path = with_suffix(Path(text).expanduser(), self._suffix)
        if not path.parent.is_dir():
            show_error(self.tr("The folder %1 does not exist.").replace("%1", str(path.parent)))
            return None
        if path.exists() and path != self._chosen:
            answer = QMessageBox.question(
                self.window(),
                self._title,
                self.tr("%1 exists already. Replace it?").replace("%1", str(path)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        return path
