"""The in-app reminder list: what was shown and is still open, with snooze and dismiss.

Reminders are worded here from their kind and fields (names, dates, counts),
never stored as text; the tray and the catch-up digest use the same words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.errors import TalkdeskError
from talkdesk.services.reminders import Digest, Reminder, ReminderKind, SnoozeChoice
from talkdesk.ui.labels import label
from talkdesk.ui.messages import error_text
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.reminders import ReminderService


def _day(day: date | None) -> str:
    if day is None:
        return ""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def _time(at: datetime | None) -> str:
    if at is None:
        return ""
    return QLocale().toString(QTime(at.hour, at.minute), QLocale.FormatType.ShortFormat)


def reminder_text(r: Reminder) -> str:
    """One reminder in a sentence, in the user's language."""
    K = ReminderKind
    name, day = r.person_name, _day(r.on)
    if r.kind is K.APPOINTMENT_DAY_BEFORE:
        text = QCoreApplication.translate("RemindersPanel", "Talk with {name} on {day} at {time}")
        return text.format(name=name, day=day, time=_time(r.starts_at))
    if r.kind is K.APPOINTMENT_SOON:
        text = QCoreApplication.translate(
            "RemindersPanel", "Talk with {name} at {time}, starting soon"
        )
        return text.format(name=name, time=_time(r.starts_at))
    if r.kind is K.PERIOD_START:
        text = QCoreApplication.translate(
            "RemindersPanel", "{plan}: a new period has begun, {count} to talk with by {day}"
        )
        return text.format(plan=r.plan_name, count=r.count, day=day) + _scheduled(r)
    if r.kind is K.PERIOD_END:
        text = QCoreApplication.translate(
            "RemindersPanel", "{plan}: {count} still to talk with by {day}"
        )
        return text.format(plan=r.plan_name, count=r.count, day=day) + _scheduled(r)
    if r.kind is K.FOLLOW_UP_DUE:
        if name:
            text = QCoreApplication.translate(
                "RemindersPanel", "The follow-up for {name} is due on {day}"
            )
        else:
            text = QCoreApplication.translate("RemindersPanel", "A follow-up is due on {day}")
        return text.format(name=name, day=day)
    if r.kind is K.TRIGGER_DUE:
        text = QCoreApplication.translate(
            "RemindersPanel", "A talk with {name} is due by {day} ({event})"
        )
        return text.format(name=name, day=day, event=_event(r))
    if r.kind is K.TRIGGER_OVERDUE:
        text = QCoreApplication.translate(
            "RemindersPanel", "The talk with {name} is overdue (due by {day}, {event})"
        )
        return text.format(name=name, day=day, event=_event(r))
    if name:
        text = QCoreApplication.translate(
            "RemindersPanel", "The follow-up for {name} is overdue (due on {day})"
        )
    else:
        text = QCoreApplication.translate("RemindersPanel", "A follow-up is overdue (due on {day})")
    return text.format(name=name, day=day)


def _event(r: Reminder) -> str:
    """The event that calls for the talk (new post, hardship, …)."""
    return label(r.trigger_kind) if r.trigger_kind is not None else ""


def _scheduled(r: Reminder) -> str:
    if not r.scheduled:
        return ""
    text = QCoreApplication.translate("RemindersPanel", " ({scheduled} of them scheduled)")
    return text.format(scheduled=r.scheduled)


def digest_lines(digest: Digest) -> list[str]:
    """The digest counted by kind: 'Appointments: 3', 'Follow-ups due: 5', …"""
    K = ReminderKind
    groups = (
        (
            QCoreApplication.translate("RemindersPanel", "Appointments: {count}"),
            (K.APPOINTMENT_DAY_BEFORE, K.APPOINTMENT_SOON),
        ),
        (
            QCoreApplication.translate("RemindersPanel", "Talk plans: {count}"),
            (K.PERIOD_START, K.PERIOD_END),
        ),
        (
            QCoreApplication.translate("RemindersPanel", "Follow-ups due: {count}"),
            (K.FOLLOW_UP_DUE,),
        ),
        (
            QCoreApplication.translate("RemindersPanel", "Follow-ups overdue: {count}"),
            (K.FOLLOW_UP_OVERDUE,),
        ),
        (
            QCoreApplication.translate("RemindersPanel", "Talks called for by an event: {count}"),
            (K.TRIGGER_DUE, K.TRIGGER_OVERDUE),
        ),
    )
    out = []
    for text, kinds in groups:
        count = sum(digest.count(kind) for kind in kinds)
        if count:
            out.append(text.format(count=count))
    return out


def digest_summary(digest: Digest) -> str:
    """The digest on one line: 'Appointments: 3, Follow-ups due: 5'."""
    return QCoreApplication.translate("RemindersPanel", ", ").join(digest_lines(digest))


class RemindersPanel(QDialog):
    """The reminder list, a window of its own beside the main one (not modal).

    Signals:
        count_changed(int): how many reminders the list holds (the toolbar shows it).
        acted(): a reminder was snoozed or dismissed (the app plans the next wake-up).
    """

    count_changed = Signal(int)
    acted = Signal()

    def __init__(
        self, reminders: ReminderService, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service = reminders
        self._runner = runner
        self._reminders: list[Reminder] = []
        self.setWindowTitle(self.tr("Reminders"))
        self.setModal(False)
        self.resize(560, 380)
        self.list = QListWidget(self)
        self.list.setObjectName("reminderList")
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._selection_changed)
        self.empty_label = QLabel(self.tr("No reminders at the moment."), self)
        self.empty_label.setObjectName("hint")
        self.message = QLabel(self)
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.hide()
        self.snooze_hour_button = QPushButton(self.tr("Remind me in an hour"), self)
        self.snooze_morning_button = QPushButton(self.tr("Remind me tomorrow morning"), self)
        self.dismiss_button = QPushButton(self.tr("Don't remind me again"), self)
        self.snooze_hour_button.clicked.connect(lambda: self._snooze(SnoozeChoice.HOUR))
        self.snooze_morning_button.clicked.connect(
            lambda: self._snooze(SnoozeChoice.TOMORROW_MORNING)
        )
        self.dismiss_button.clicked.connect(self._dismiss)
        actions = QHBoxLayout()
        actions.addWidget(self.snooze_hour_button)
        actions.addWidget(self.snooze_morning_button)
        actions.addWidget(self.dismiss_button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        layout.addWidget(close)
        self._show([])

    @property
    def reminders(self) -> list[Reminder]:
        return list(self._reminders)

    def texts(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def reload(self, just_fired: Iterable[Reminder] = ()) -> None:
        """Read the list again; `just_fired` are shown even if not yet recorded as shown."""
        fired = list(just_fired)
        service = self._service
        self._runner.submit(service.listed, lambda found: self._show(_merged(found, fired)))

    def forget(self) -> None:
        """Locked: no names stay on screen."""
        self._show([])

    # -- inside ---------------------------------------------------------------------

    def _show(self, reminders: list[Reminder]) -> None:
        current = self._current()
        keep = current.key if current is not None else None
        self._reminders = reminders
        self.list.clear()
        for r in reminders:
            item = QListWidgetItem(reminder_text(r), self.list)
            item.setData(Qt.ItemDataRole.UserRole, r.key)
            item.setToolTip(_day(r.remind_at.date()) + " " + _time(r.remind_at))
        keys = [r.key for r in reminders]
        if reminders:
            self.list.setCurrentRow(keys.index(keep) if keep in keys else 0)
        self.list.setVisible(bool(reminders))
        self.empty_label.setVisible(not reminders)
        self._selection_changed()
        self.count_changed.emit(len(reminders))

    def _current(self) -> Reminder | None:
        row = self.list.currentRow()
        return self._reminders[row] if 0 <= row < len(self._reminders) else None

    def _selection_changed(self, _row: int = -1) -> None:
        chosen = self._current() is not None
        for button in (self.snooze_hour_button, self.snooze_morning_button, self.dismiss_button):
            button.setEnabled(chosen)

    def _snooze(self, choice: SnoozeChoice) -> None:
        r = self._current()
        if r is None:
            return
        service = self._service

        def snooze() -> None:
            service.snooze(r.key, service.snooze_until(choice))

        self._act(snooze)

    def _dismiss(self) -> None:
        r = self._current()
        if r is None:
            return
        service, key = self._service, r.key
        self._act(lambda: service.dismiss(key))

    def _act(self, call: Callable[[], None]) -> None:
        self.message.hide()
        self._selection_changed()
        self._runner.submit(call, self._acted, self._failed)

    def _acted(self, _result: object) -> None:
        self.acted.emit()
        self.reload()

    def _failed(self, error: TalkdeskError) -> None:
        self.message.setText(error_text(error))
        self.message.show()


def _merged(listed: list[Reminder], fired: list[Reminder]) -> list[Reminder]:
    """The list read, plus reminders just fired whose record it does not hold yet."""
    groups = {r.group for r in listed}
    extra = [r for r in fired if r.group not in groups]
    return sorted([*listed, *extra], key=lambda r: (r.remind_at, r.key), reverse=True)
