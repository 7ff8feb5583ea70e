"""First start: who you are and a password, then the recovery code shown once and typed back."""

from __future__ import annotations

import random
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain import recovery
from talkdesk.domain.errors import TalkdeskError
from talkdesk.domain.values import Role
from talkdesk.services.session import WorkspaceSession
from talkdesk.ui.dialogs.password_fields import NewPasswordFields
from talkdesk.ui.labels import label
from talkdesk.ui.layouts import button_row
from talkdesk.ui.messages import error_text
from talkdesk.ui.tasks import TaskRunner

DETAILS, CODE, CONFIRM = range(3)


class SetupDialog(QDialog):
    """Creates the workspace, then will not close until two recovery groups are typed back.

    Attributes:
        recovery_code: the code, once the workspace exists (shown once, never stored).
        asked_groups: the two 1-based group numbers the user must type back.
        keyring_notice: why "remember on this computer" could not be turned on, if so.
    """

    def __init__(
        self, session: WorkspaceSession, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self.recovery_code = ""
        self.asked_groups: tuple[int, int] = tuple(  # type: ignore[assignment]
            sorted(random.sample(range(1, recovery.GROUPS + 1), 2))
        )
        self.keyring_notice = ""
        self.setWindowTitle(self.tr("Set up talkdesk"))
        self.setMinimumWidth(560)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._details_page())
        self.pages.addWidget(self._code_page())
        self.pages.addWidget(self._confirm_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.pages)

    # -- step 1: details and password --------------------------------------------

    def _details_page(self) -> QWidget:
        page = QWidget(self)
        title = QLabel(self.tr("Welcome to talkdesk"), page)
        title.setObjectName("pageTitle")
        intro = QLabel(
            self.tr(
                "Your records are kept on this computer only, encrypted with a key that "
                "your password protects. Please tell us who you are and choose a password."
            ),
            page,
        )
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        self.name_edit = QLineEdit(page)
        self.unit_edit = QLineEdit(page)
        self.role_combo = QComboBox(page)
        for role in Role:
            self.role_combo.addItem(label(role), role)
        self.password_fields = NewPasswordFields(page)
        self.password_fields.set_labels(self.tr("Password:"), self.tr("Repeat password:"))
        self.remember_check = QCheckBox(self.tr("Remember on this computer"), page)
        remember_hint = QLabel(
            self.tr(
                "talkdesk then opens without asking for the password on this computer "
                "(the key is kept in the system's credential store). Locking always asks."
            ),
            page,
        )
        remember_hint.setWordWrap(True)
        remember_hint.setObjectName("hint")
        self.details_error = QLabel(page)
        self.details_error.setObjectName("error")
        self.details_error.setWordWrap(True)
        self.create_button = QPushButton(self.tr("Create workspace"), page)
        self.create_button.setDefault(True)
        cancel = QPushButton(self.tr("Quit"), page)
        cancel.clicked.connect(self.reject)
        self.create_button.clicked.connect(self._create)

        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Your name:"), self.name_edit)
        form.addRow(self.tr("Unit:"), self.unit_edit)
        form.addRow(self.tr("Role:"), self.role_combo)
        self.password_fields.add_rows(form)
        layout = QVBoxLayout(page)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.remember_check)
        layout.addWidget(remember_hint)
        layout.addWidget(self.details_error)
        layout.addStretch(1)
        layout.addLayout(button_row(cancel, self.create_button))
        return page

    def _create(self) -> None:
        problem = None
        if not self.name_edit.text().strip():
            problem = self.tr("Please enter your name.")
        elif not self.unit_edit.text().strip():
            problem = self.tr("Please enter your unit.")
        else:
            problem = self.password_fields.problem()
        if problem:
            self.details_error.setText(problem)
            return
        self.details_error.setText(self.tr("Creating the encrypted workspace…"))
        self.create_button.setEnabled(False)
        session = self._session
        password = self.password_fields.password()
        name, unit = self.name_edit.text().strip(), self.unit_edit.text().strip()
        role = Role(self.role_combo.currentData())
        remember = self.remember_check.isChecked()

        def work() -> tuple[str, TalkdeskError | None]:
            code = session.create(password, name, unit, role, remember=False)
            if remember:
                try:
                    session.set_remembered(True)
                except TalkdeskError as exc:
                    return code, exc
            return code, None

        self._runner.submit(work, self._created, self._create_failed)

    def _created(self, result: tuple[str, TalkdeskError | None]) -> None:
        code, keyring_error = result
        self.recovery_code = code
        self.password_fields.clear()
        if keyring_error is not None:
            self.keyring_notice = error_text(keyring_error)
            self.code_notice.setText(self.keyring_notice)
            self.code_notice.show()
        for index, group in enumerate(recovery.groups(code)):
            self.group_labels[index].setText(group)
        self.pages.setCurrentIndex(CODE)

    def _create_failed(self, error: TalkdeskError) -> None:
        self.create_button.setEnabled(True)
        self.details_error.setText(error_text(error))

    # -- step 2: the recovery code -----------------------------------------------

    def _code_page(self) -> QWidget:
        page = QWidget(self)
        title = QLabel(self.tr("Your recovery code"), page)
        title.setObjectName("pageTitle")
        text = QLabel(
            self.tr(
                "If you forget your password, this code is the only way to open your "
                "records. It is shown only now. Print it or write it down, and keep it "
                "locked away, apart from this computer."
            ),
            page,
        )
        text.setWordWrap(True)
        self.code_notice = QLabel(page)
        self.code_notice.setObjectName("notice")
        self.code_notice.setWordWrap(True)
        self.code_notice.hide()
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(8)
        self.group_labels: list[QLabel] = []
        columns = 4
        for index in range(recovery.GROUPS):
            number = QLabel(str(index + 1), page)
            number.setObjectName("hint")
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            group = QLabel(page)
            group.setObjectName("recoveryGroup")
            group.setAlignment(Qt.AlignmentFlag.AlignCenter)
            group.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row, col = divmod(index, columns)
            grid.addWidget(number, row, col * 2)
            grid.addWidget(group, row, col * 2 + 1)
            self.group_labels.append(group)
        self.print_button = QPushButton(self.tr("Print…"), page)
        self.print_button.clicked.connect(self._print)
        self.code_next = QPushButton(self.tr("I have kept it safe"), page)
        self.code_next.setDefault(True)
        self.code_next.clicked.connect(self._to_confirm)
        layout = QVBoxLayout(page)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(self.code_notice)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addLayout(button_row(self.print_button, self.code_next))
        return page

    def _print(self) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        document = QTextDocument(self)
        document.setDefaultFont(self.font())
        document.setHtml(self.print_html())
        document.print_(printer)

    def print_html(self) -> str:
        """The sheet that is printed: what the code is for and the groups, numbered."""
        cells = "".join(
            f"<td style='padding:8px 14px'><small>{i}</small>&nbsp;"
            f"<b style='font-size:18pt;font-family:monospace'>{escape(g)}</b></td>"
            + ("</tr><tr>" if i % 4 == 0 and i < recovery.GROUPS else "")
            for i, g in enumerate(recovery.groups(self.recovery_code), start=1)
        )
        return (
            f"<h2>{escape(self.tr('talkdesk recovery code'))}</h2>"
            f"<p>{escape(self.tr('Unit:'))} {escape(self.unit_edit.text())}</p>"
            f"<table border='1' cellspacing='0'><tr>{cells}</tr></table>"
            "<p>"
            + escape(
                self.tr(
                    "This code opens the workspace and sets a new password if the password "
                    "is forgotten. Keep it locked away; anyone holding it can read the records."
                )
            )
            + "</p>"
        )

    # -- step 3: two groups typed back -------------------------------------------

    def _confirm_page(self) -> QWidget:
        page = QWidget(self)
        title = QLabel(self.tr("Check your copy"), page)
        title.setObjectName("pageTitle")
        first, second = self.asked_groups
        text = QLabel(
            self.tr("Type groups %1 and %2 of the recovery code from your copy.")
            .replace("%1", str(first))
            .replace("%2", str(second)),
            page,
        )
        text.setWordWrap(True)
        self.group_edits = (QLineEdit(page), QLineEdit(page))
        form = QFormLayout()
        for number, edit in zip(self.asked_groups, self.group_edits, strict=True):
            edit.setMaxLength(recovery.GROUP_LEN + 2)
            edit.setMaximumWidth(160)
            form.addRow(self.tr("Group %1:").replace("%1", str(number)), edit)
        self.confirm_error = QLabel(page)
        self.confirm_error.setObjectName("error")
        self.confirm_error.setWordWrap(True)
        back = QPushButton(self.tr("Show the code again"), page)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(CODE))
        self.finish_button = QPushButton(self.tr("Finish"), page)
        self.finish_button.setDefault(True)
        self.finish_button.clicked.connect(self._finish)
        layout = QVBoxLayout(page)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.confirm_error)
        layout.addStretch(1)
        layout.addLayout(button_row(back, self.finish_button))
        return page

    def _to_confirm(self) -> None:
        for edit in self.group_edits:
            edit.clear()
        self.confirm_error.clear()
        self.pages.setCurrentIndex(CONFIRM)
        self.group_edits[0].setFocus()

    def _finish(self) -> None:
        groups = recovery.groups(self.recovery_code)
        for number, edit in zip(self.asked_groups, self.group_edits, strict=True):
            typed = recovery.normalise(edit.text())
            if typed != groups[number - 1]:
                self.confirm_error.setText(
                    self.tr(
                        "Group %1 does not match. Check your copy, or show the code again."
                    ).replace("%1", str(number))
                )
                edit.setFocus()
                edit.selectAll()
                return
        self.recovery_code = ""  # shown once: not kept in memory longer than needed
        self.accept()

    def reject(self) -> None:
        """Once the workspace exists, the dialog closes only after the code is confirmed."""
        if self.pages.currentIndex() == DETAILS and self.create_button.isEnabled():
            super().reject()
