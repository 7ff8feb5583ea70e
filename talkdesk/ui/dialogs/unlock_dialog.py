"""Asks for the password (again after a lock); "forgot password" takes the recovery code."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain import recovery
from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.services.session import WorkspaceSession
from talkdesk.ui.dialogs.password_fields import NewPasswordFields
from talkdesk.ui.layouts import button_row
from talkdesk.ui.messages import error_text
from talkdesk.ui.tasks import TaskRunner

PASSWORD, RECOVERY = range(2)


class UnlockDialog(QDialog):
    """Accepted once the session is unlocked; rejected means the user chose to quit.

    Attributes:
        recovered: whether a new password was set through the recovery code.
    """

    def __init__(
        self,
        session: WorkspaceSession,
        runner: TaskRunner,
        notice: str = "",
        hint: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self.recovered = False
        self.setWindowTitle(self.tr("Unlock talkdesk"))
        self.setMinimumWidth(460)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._password_page(notice, hint))
        self.pages.addWidget(self._recovery_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.pages)

    # -- the password ------------------------------------------------------------

    def _password_page(self, notice: str, hint: str) -> QWidget:
        page = QWidget(self)
        title = QLabel(self.tr("Enter your password"), page)
        title.setObjectName("pageTitle")
        folder = QLabel(str(self._session.paths.folder), page)
        folder.setObjectName("hint")
        folder.setWordWrap(True)
        self.notice_label = QLabel(notice, page)
        self.notice_label.setObjectName("notice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setVisible(bool(notice))
        self.hint_label = QLabel(hint, page)
        self.hint_label.setObjectName("hint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setVisible(bool(hint))
        self.password_edit = QLineEdit(page)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setObjectName("password")
        self.error_label = QLabel(page)
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.forgot_button = QPushButton(self.tr("Forgot password?"), page)
        self.forgot_button.setObjectName("link")
        self.forgot_button.setAutoDefault(False)
        self.forgot_button.clicked.connect(self._to_recovery)
        self.quit_button = QPushButton(self.tr("Quit"), page)
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)
        self.unlock_button = QPushButton(self.tr("Unlock"), page)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._unlock)
        self.password_edit.returnPressed.connect(self._unlock)

        form = QFormLayout()
        form.addRow(self.tr("Password:"), self.password_edit)
        forgot_row = QHBoxLayout()
        forgot_row.addStretch(1)
        forgot_row.addWidget(self.forgot_button)
        layout = QVBoxLayout(page)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(folder)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.hint_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(forgot_row)
        layout.addStretch(1)
        layout.addLayout(button_row(self.quit_button, self.unlock_button))
        return page

    def _unlock(self) -> None:
        password = self.password_edit.text()
        if not password or not self.unlock_button.isEnabled():
            return
        self._busy(True, self.tr("Opening…"))
        session = self._session
        self._runner.submit(
            lambda: session.unlock_with_password(password), self._unlocked, self._failed
        )

    def _failed(self, error: TalkdeskError) -> None:
        self._busy(False, error_text(error))
        if error.code is ErrorCode.WRONG_PASSWORD:
            self.password_edit.selectAll()
        self.password_edit.setFocus()

    # -- the recovery code ---------------------------------------------------------

    def _recovery_page(self) -> QWidget:
        page = QWidget(self)
        title = QLabel(self.tr("Set a new password with the recovery code"), page)
        title.setObjectName("pageTitle")
        title.setWordWrap(True)
        text = QLabel(
            self.tr(
                "Type the recovery code you printed or wrote down when the workspace was "
                "created (dashes and spaces do not matter), then choose a new password. "
                "Your records stay as they are."
            ),
            page,
        )
        text.setWordWrap(True)
        self.code_edit = QLineEdit(page)
        self.code_edit.setObjectName("recoveryCode")
        self.code_edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.new_password = NewPasswordFields(page)
        self.recovery_error = QLabel(page)
        self.recovery_error.setObjectName("error")
        self.recovery_error.setWordWrap(True)
        back = QPushButton(self.tr("Back"), page)
        back.setAutoDefault(False)
        back.clicked.connect(self._to_password)
        self.recover_button = QPushButton(self.tr("Set password and unlock"), page)
        self.recover_button.setDefault(True)
        self.recover_button.clicked.connect(self._recover)
        form = QFormLayout()
        form.addRow(self.tr("Recovery code:"), self.code_edit)
        self.new_password.add_rows(form)
        layout = QVBoxLayout(page)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.recovery_error)
        layout.addStretch(1)
        layout.addLayout(button_row(back, self.recover_button))
        return page

    def _to_recovery(self) -> None:
        self.pages.setCurrentIndex(RECOVERY)
        self.recover_button.setDefault(True)
        self.code_edit.setFocus()

    def _to_password(self) -> None:
        self.pages.setCurrentIndex(PASSWORD)
        self.unlock_button.setDefault(True)
        self.password_edit.setFocus()

    def _recover(self) -> None:
        code = self.code_edit.text()
        if not recovery.is_well_formed(code):
            self.recovery_error.setText(
                self.tr(
                    "The recovery code has 8 groups of 4 letters and digits. "
                    "Check it against your copy."
                )
            )
            return
        problem = self.new_password.problem()
        if problem:
            self.recovery_error.setText(problem)
            return
        password = self.new_password.password()
        self.recover_button.setEnabled(False)
        self.recovery_error.setText(self.tr("Opening…"))
        session = self._session
        self._runner.submit(
            lambda: session.unlock_with_recovery(recovery.normalise(code), password),
            self._recovered,
            self._recovery_failed,
        )

    def _recovered(self, _result: object) -> None:
        self.recovered = True
        self._unlocked(None)

    def _recovery_failed(self, error: TalkdeskError) -> None:
        self.recover_button.setEnabled(True)
        self.recovery_error.setText(error_text(error))

    # -- shared ----------------------------------------------------------------------

    def _unlocked(self, _result: object) -> None:
        self.password_edit.clear()
        self.new_password.clear()
        self.code_edit.clear()
        self.accept()

    def _busy(self, busy: bool, message: str) -> None:
        self.unlock_button.setEnabled(not busy)
        self.password_edit.setEnabled(not busy)
        self.forgot_button.setEnabled(not busy)
        self.error_label.setText(message)

    def reject(self) -> None:
        """Escape on the recovery page goes back; on the password page it means quit."""
        if self.pages.currentIndex() == RECOVERY:
            self._to_password()
        elif self.unlock_button.isEnabled():
            super().reject()
