"""Settings: the password, "remember on this computer", idle-lock minutes, the language and
the working calendar's corrections."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.clock import today
from talkdesk.domain.errors import TalkdeskError
from talkdesk.services.changes import Changes
from talkdesk.services.session import WorkspaceInfo
from talkdesk.ui.dialogs.password_fields import NewPasswordFields
from talkdesk.ui.labels import label
from talkdesk.ui.messages import error_text
from talkdesk.ui.pages.calendar_box import CalendarBox
from talkdesk.ui.preferences import Language, PreferencesFile
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services


class SettingsPage(QWidget):
    """Signals:
    idle_minutes_changed(int): the idle-lock delay was changed (the idle lock follows).
    start_at_login_changed(bool): "Start at login" was switched (the app writes the entry).
    """

    idle_minutes_changed = Signal(int)
    start_at_login_changed = Signal(bool)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        preferences: PreferencesFile,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = services.session
        self._runner = runner
        self._preferences = preferences

        title = QLabel(self.tr("Settings"), self)
        title.setObjectName("pageTitle")
        body = QWidget(self)
        body.setObjectName("pageBody")
        column = QVBoxLayout(body)
        column.setSpacing(14)
        column.addWidget(self._workspace_box(body))
        column.addWidget(self._password_box(body))
        column.addWidget(self._security_box(body))
        column.addWidget(self._language_box(body))
        column.addWidget(self._tray_box(body))
        self.calendar_box = CalendarBox(
            services.calendar, runner, today(services.session.context.clock), body
        )
        column.addWidget(self.calendar_box)
        column.addStretch(1)
        body.setMaximumWidth(720)
        scroll = QScrollArea(self)
        scroll.setObjectName("pageScroll")
        scroll.viewport().setAutoFillBackground(False)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        scroll.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.addWidget(title)
        layout.addWidget(scroll, 1)
        self._stale = True

    # -- sections ----------------------------------------------------------------

    def _workspace_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Workspace"), parent)
        self.owner_label = QLabel(box)
        self.unit_label = QLabel(box)
        self.role_label = QLabel(box)
        folder = QLabel(str(self._session.paths.folder), box)
        folder.setWordWrap(True)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout(box)
        form.addRow(self.tr("Name:"), self.owner_label)
        form.addRow(self.tr("Unit:"), self.unit_label)
        form.addRow(self.tr("Role:"), self.role_label)
        form.addRow(self.tr("Folder:"), folder)
        return box

    def _password_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Change password"), parent)
        hint = QLabel(
            self.tr(
                "The records are not re-encrypted: the new password protects the same key. "
                "The recovery code stays valid."
            ),
            box,
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.current_password = QLineEdit(box)
        self.current_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.current_password.setObjectName("currentPassword")
        self.new_password = NewPasswordFields(box)
        self.password_message = QLabel(box)
        self.password_message.setWordWrap(True)
        self.change_button = QPushButton(self.tr("Change password"), box)
        self.change_button.clicked.connect(self._change_password)
        form = QFormLayout()
        form.addRow(self.tr("Current password:"), self.current_password)
        self.new_password.add_rows(form)
        row = QHBoxLayout()
        row.addWidget(self.password_message, 1)
        row.addWidget(self.change_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(box)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addLayout(row)
        return box

    def _security_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Locking"), parent)
        self.remember_check = QCheckBox(self.tr("Remember on this computer"), box)
        self.remember_check.toggled.connect(self._set_remembered)
        remember_hint = QLabel(
            self.tr(
                "talkdesk then opens without the password on this computer, using the "
                "system's credential store. After a lock the password is always asked."
            ),
            box,
        )
        remember_hint.setObjectName("hint")
        remember_hint.setWordWrap(True)
        self.remember_message = QLabel(box)
        self.remember_message.setObjectName("notice")
        self.remember_message.setWordWrap(True)
        self.remember_message.hide()
        self.idle_spin = QSpinBox(box)
        self.idle_spin.setRange(1, 240)
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setValue(self._preferences.current.idle_minutes)
        self.idle_spin.valueChanged.connect(self._set_idle_minutes)
        idle_row = QHBoxLayout()
        idle_row.addWidget(QLabel(self.tr("Lock after this long without use:"), box))
        idle_row.addWidget(self.idle_spin)
        idle_row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.remember_check)
        layout.addWidget(remember_hint)
        layout.addWidget(self.remember_message)
        layout.addLayout(idle_row)
        return box

    def _language_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Language"), parent)
        self.language_combo = QComboBox(box)
        self.language_combo.addItem(self.tr("Follow the system"), Language.SYSTEM)
        self.language_combo.addItem("简体中文", Language.ZH_CN)
        self.language_combo.addItem("English", Language.EN)
        current = self.language_combo.findData(self._preferences.current.language.value)
        self.language_combo.setCurrentIndex(max(current, 0))
        self.language_combo.currentIndexChanged.connect(self._set_language)
        self.language_message = QLabel(box)
        self.language_message.setObjectName("hint")
        self.language_message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.language_combo)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.language_message)
        return box

    def _tray_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Tray and start-up"), parent)
        prefs = self._preferences.current
        self.close_to_tray_check = QCheckBox(
            self.tr("Keep running in the tray when the window is closed"), box
        )
        self.close_to_tray_check.setChecked(prefs.close_to_tray)
        self.close_to_tray_check.toggled.connect(
            lambda on: self._preferences.save(
                self._preferences.current.with_changes(close_to_tray=on)
            )
        )
        self.start_at_login_check = QCheckBox(self.tr("Start at login"), box)
        self.start_at_login_check.setChecked(prefs.start_at_login)
        self.start_at_login_check.toggled.connect(self.start_at_login_changed)
        layout = QVBoxLayout(box)
        layout.addWidget(self.close_to_tray_check)
        layout.addWidget(self.start_at_login_check)
        return box

    def show_start_at_login(self, on: bool) -> None:
        """What is in effect (the app could not change it, or found it changed)."""
        self.start_at_login_check.blockSignals(True)
        self.start_at_login_check.setChecked(on)
        self.start_at_login_check.blockSignals(False)

    # -- page protocol -------------------------------------------------------------

    def on_changes(self, changes: Changes) -> None:
        """Nothing here depends on the records."""

    def reload(self) -> None:
        self._stale = False
        session = self._session
        self._runner.submit(lambda: (session.info(), session.is_remembered()), self._loaded)
        self.calendar_box.reload()

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.reload()

    def _loaded(self, result: tuple[WorkspaceInfo, bool]) -> None:
        info, remembered = result
        self.owner_label.setText(info.owner_name)
        self.unit_label.setText(info.unit)
        self.role_label.setText(label(info.role))
        self.remember_check.blockSignals(True)
        self.remember_check.setChecked(remembered)
        self.remember_check.blockSignals(False)

    # -- actions ---------------------------------------------------------------------

    def _change_password(self) -> None:
        current = self.current_password.text()
        if not current:
            self._password_result(self.tr("Please type your current password."), ok=False)
            return
        problem = self.new_password.problem()
        if problem:
            self._password_result(problem, ok=False)
            return
        new = self.new_password.password()
        self.change_button.setEnabled(False)
        session = self._session
        self._runner.submit(
            lambda: session.change_password(current, new),
            self._password_changed,
            self._password_failed,
        )

    def _password_changed(self, _result: object) -> None:
        self.change_button.setEnabled(True)
        self.current_password.clear()
        self.new_password.clear()
        self._password_result(
            self.tr("The password was changed. Use the new one from now on."), ok=True
        )

    def _password_failed(self, error: TalkdeskError) -> None:
        self.change_button.setEnabled(True)
        self._password_result(error_text(error), ok=False)
        self.current_password.setFocus()
        self.current_password.selectAll()

    def _password_result(self, text: str, ok: bool) -> None:
        self.password_message.setObjectName("hint" if ok else "error")
        self.password_message.style().unpolish(self.password_message)
        self.password_message.style().polish(self.password_message)
        self.password_message.setText(text)

    def _set_remembered(self, on: bool) -> None:
        self.remember_check.setEnabled(False)
        self.remember_message.hide()
        session = self._session

        def failed(error: TalkdeskError) -> None:
            self.remember_check.blockSignals(True)
            self.remember_check.setChecked(not on)
            self.remember_check.blockSignals(False)
            self.remember_check.setEnabled(True)
            self.remember_message.setText(error_text(error))
            self.remember_message.show()

        self._runner.submit(
            lambda: session.set_remembered(on),
            lambda _r: self.remember_check.setEnabled(True),
            failed,
        )

    def _set_idle_minutes(self, minutes: int) -> None:
        self._preferences.save(self._preferences.current.with_changes(idle_minutes=minutes))
        self.idle_minutes_changed.emit(minutes)

    def _set_language(self, _index: int) -> None:
        language = Language(self.language_combo.currentData())
        self._preferences.save(self._preferences.current.with_changes(language=language))
        self.language_message.setText(
            self.tr("The new language takes effect when talkdesk is started again.")
        )
