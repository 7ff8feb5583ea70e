"""A person's page inside the People page: who they are, their timeline, plans and triggers."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.values import Gender
from talkdesk.services.changes import Changes, Entity
from talkdesk.services.people import PersonRow
from talkdesk.services.person_profile import (
    TIMELINE_PAGE,
    PersonProfile,
    Timeline,
)
from talkdesk.ui.labels import label, yes_no
from talkdesk.ui.models.formats import date_text
from talkdesk.ui.pages.person_tables import PlanLinesModel, TimelineModel, TriggersModel
from talkdesk.ui.pages.record_table import RecordTable
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services

_STYLE = """
QFrame#personHeader { background: #ffffff; border: 1px solid #d9dee5; border-radius: 6px; }
QLabel#personName { font-size: 16pt; font-weight: 600; color: #1f2d3d; }
QLabel#fieldName { color: #5a6778; }
QLabel#fieldValue { color: #1f2d3d; }
QLabel#sectionTitle { font-weight: 600; color: #1f2d3d; padding-top: 2px; }
QLabel#tag_left { color: #5a6778; background: #e2e8f0; border-radius: 3px; padding: 1px 6px; }
QLabel#tag_plain { color: #1f3f63; background: #d6e4f2; border-radius: 3px; padding: 1px 6px; }
QPushButton#backLink { border: none; background: transparent; color: #2f5f8f;
    padding: 4px 2px; font-weight: 600; }
QPushButton#backLink:hover { text-decoration: underline; }
"""


class PersonView(QWidget):
    """One person: their details, their talks and follow-ups newest first, their line in each
    plan, and their triggers. It reads through the task runner and refreshes itself on
    changes that concern it (see `on_changes`); the People page does the editing.

    Attributes:
        person_id: the person shown (None before the first one).
        profile: what was read for them (None while reading or locked).

    Signals:
        back_requested(): the user wants the list again (the button, Alt+Left or Escape).
        open_page(str, str): open a talk ("talks", "talk:12"), a follow-up
            ("follow_ups", "follow_up:7"), a plan line ("plans", "plan:3:person:12") or a
            new talk with the person ("talks", "new:12").
        edit_requested(PersonRow) / leave_requested(PersonRow) / reinstate_requested(PersonRow) /
            event_requested(PersonRow): the matching button was pressed.
        shown(): a profile arrived and is on screen.
    """

    back_requested = Signal()
    open_page = Signal(str, str)
    edit_requested = Signal(object)
    leave_requested = Signal(object)
    reinstate_requested = Signal(object)
    event_requested = Signal(object)
    shown = Signal()

    concerns = frozenset(
        {
            Entity.PERSON,
            Entity.DEPARTMENT,
            Entity.TALK,
            Entity.FOLLOW_UP,
            Entity.PLAN,
            Entity.TRIGGER,
            Entity.APPOINTMENT,
            Entity.WORKSPACE,  # the working calendar moves deadlines
        }
    )

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._generation = 0  # results for an earlier person or read are dropped
        self._stale = False
        self._limit = TIMELINE_PAGE
        self.person_id: int | None = None
        self.profile: PersonProfile | None = None
        self.setStyleSheet(_STYLE)

        # actions
        self.back_button = QPushButton(self.tr("← All people"))
        self.back_button.setObjectName("backLink")
        self.back_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.back_button.setToolTip(self.tr("Back to the list (Alt+Left)"))
        self.new_talk_button = QPushButton(self.tr("&New talk with this person…"))
        self.new_talk_button.setDefault(True)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.trigger_button = QPushButton(self.tr("Mark an e&vent…"))
        self.trigger_button.setToolTip(
            self.tr("An event that calls for a talk soon: new post, hardship, a request…")
        )
        self.leave_button = QPushButton(self.tr("Mark as &left…"))
        self.reinstate_button = QPushButton(self.tr("&Reinstate"))
        actions = QHBoxLayout()
        actions.addWidget(self.back_button)
        actions.addStretch()
        for button in (
            self.new_talk_button,
            self.edit_button,
            self.trigger_button,
            self.leave_button,
            self.reinstate_button,
        ):
            actions.addWidget(button)

        # header
        self.name_label = QLabel()
        self.name_label.setObjectName("personName")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_tag = QLabel()
        self.status_tag.setObjectName("tag_left")
        self.leader_tag = QLabel(self.tr("Leader"))
        self.leader_tag.setObjectName("tag_plain")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("fieldName")
        self.fields: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        for i, (key, caption) in enumerate(
            (
                ("department", self.tr("Department")),
                ("position", self.tr("Position")),
                ("phone", self.tr("Phone")),
                ("gender", self.tr("Gender")),
                ("party", self.tr("Party member")),
                ("joined", self.tr("Joined on")),
            )
        ):
            name = QLabel(caption)
            name.setObjectName("fieldName")
            value = QLabel()
            value.setObjectName("fieldValue")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            row, column = divmod(i, 3)
            grid.addWidget(name, row, column * 2)
            grid.addWidget(value, row, column * 2 + 1)
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        title_row = QHBoxLayout()
        title_row.setSpacing(10)
        title_row.addWidget(self.name_label)
        title_row.addWidget(self.leader_tag)
        title_row.addWidget(self.status_tag)
        title_row.addStretch()
        title_row.addWidget(self.summary_label)
        header = QFrame()
        header.setObjectName("personHeader")
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(14, 10, 14, 10)
        header_layout.setSpacing(6)
        header_layout.addLayout(title_row)
        header_layout.addLayout(grid)

        # timeline
        self.timeline_model = TimelineModel(self)
        self.timeline_title = QLabel(self.tr("Talks and follow-ups"))
        self.timeline_title.setObjectName("sectionTitle")
        self.timeline_table = RecordTable(
            self.timeline_model, widths=(122, 84, 112, 200, 64), stretch=3
        )
        self.timeline_empty = QLabel(self.tr("No talks or follow-ups with this person yet."))
        self.timeline_empty.setObjectName("fieldName")
        self.more_button = QPushButton()
        self.more_button.setObjectName("link")
        self.more_button.setCursor(Qt.CursorShape.PointingHandCursor)
        timeline_foot = QHBoxLayout()
        timeline_foot.addWidget(self.timeline_empty)
        timeline_foot.addStretch()
        timeline_foot.addWidget(self.more_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.timeline_title)
        left_layout.addWidget(self.timeline_table, 1)
        left_layout.addLayout(timeline_foot)

        # plans and triggers
        self.plans_model = PlanLinesModel(self)
        self.plans_title = QLabel(self.tr("Coverage in plans"))
        self.plans_title.setObjectName("sectionTitle")
        self.plans_table = RecordTable(
            self.plans_model, widths=(120, 66, 56, 64, 88, 88), stretch=0
        )
        self.plans_empty = QLabel(self.tr("Not covered by any active plan."))
        self.plans_empty.setObjectName("fieldName")
        self.triggers_model = TriggersModel(self)
        self.triggers_title = QLabel(self.tr("Events calling for a talk"))
        self.triggers_title.setObjectName("sectionTitle")
        self.triggers_table = RecordTable(
            self.triggers_model, widths=(84, 88, 88, 128, 80), stretch=None
        )
        self.triggers_empty = QLabel(self.tr("No events marked."))
        self.triggers_empty.setObjectName("fieldName")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        for title, table, empty in (
            (self.plans_title, self.plans_table, self.plans_empty),
            (self.triggers_title, self.triggers_table, self.triggers_empty),
        ):
            right_layout.addWidget(title)
            right_layout.addWidget(table, 1)
            right_layout.addWidget(empty)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([650, 510])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(actions)
        layout.addWidget(header)
        layout.addWidget(splitter, 1)

        # wiring
        self.back_button.clicked.connect(self.back_requested)
        for keys in ("Alt+Left", "Escape"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.back_requested)
        self.new_talk_button.clicked.connect(self._new_talk)
        self.edit_button.clicked.connect(lambda: self._request(self.edit_requested))
        self.trigger_button.clicked.connect(lambda: self._request(self.event_requested))
        self.leave_button.clicked.connect(lambda: self._request(self.leave_requested))
        self.reinstate_button.clicked.connect(lambda: self._request(self.reinstate_requested))
        self.more_button.clicked.connect(self.show_more)
        self.timeline_table.clicked.connect(self.timeline_model.reveal)
        self.timeline_table.activated.connect(self._open_timeline_row)
        self.plans_table.activated.connect(self._open_plan_line)
        self.triggers_table.activated.connect(self._open_trigger)
        self._show_nothing()

    # -- reading -----------------------------------------------------------------------

    def show_person(self, person_id: int) -> None:
        """Show this person: what another person's page showed goes at once."""
        if person_id != self.person_id:
            self.person_id = person_id
            self._limit = TIMELINE_PAGE
            self.timeline_model.revealed.clear()
            self._show_nothing()
        self.reload()

    def reload(self) -> None:
        """Read the person's profile again (after a change, or when shown again)."""
        self._stale = False
        person_id = self.person_id
        if person_id is None:
            return
        self._generation += 1
        generation, limit = self._generation, self._limit
        profiles = self._services.profiles
        self._runner.submit(
            lambda: profiles.profile(person_id, limit=limit),
            on_success=lambda profile: self._show(generation, profile),
            on_error=lambda error: self._failed(generation, error),
        )

    def show_more(self) -> None:
        """The next lines of the timeline, read with those already shown (a person's history
        is a few hundred lines at most: rereading them is cheaper than keeping a cursor)."""
        person_id = self.person_id
        if person_id is None or self.profile is None or self.profile.timeline.complete:
            return
        self._limit += TIMELINE_PAGE
        self._generation += 1
        generation, limit = self._generation, self._limit
        profiles = self._services.profiles
        self.more_button.setEnabled(False)
        self._runner.submit(
            lambda: profiles.timeline(person_id, limit),
            on_success=lambda timeline: self._show_timeline(generation, timeline),
            on_error=lambda error: self._failed(generation, error),
        )

    def on_changes(self, changes: Changes) -> None:
        """Read again if the change concerns the person's page (now if shown, else later)."""
        if self.person_id is None or not changes.any_of(*self.concerns):
            return
        self._stale = True
        if self.isVisible():
            self.reload()

    def forget(self) -> None:
        """The workspace was locked: drop what is shown; read it again when next shown."""
        self._generation += 1
        self._stale = True
        self._show_nothing()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _failed(self, generation: int, error: TalkdeskError) -> None:
        if generation != self._generation:
            return
        self.more_button.setEnabled(True)
        if error.code is ErrorCode.NOT_FOUND:
            self.back_requested.emit()
        self._runner.task_failed.emit(error)

    # -- showing -----------------------------------------------------------------------

    def _show_nothing(self) -> None:
        self.profile = None
        self.name_label.clear()
        self.summary_label.clear()
        self.status_tag.hide()
        self.leader_tag.hide()
        for value in self.fields.values():
            value.clear()
        for model in (self.timeline_model, self.plans_model, self.triggers_model):
            model.set_rows([])
        for empty in (self.timeline_empty, self.plans_empty, self.triggers_empty):
            empty.hide()
        self.more_button.hide()
        self._update_buttons()

    def _show(self, generation: int, profile: PersonProfile) -> None:
        if generation != self._generation:
            return
        self.profile = profile
        self._show_person(profile)
        self.plans_model.set_rows(profile.plans)
        self.plans_empty.setVisible(not profile.plans)
        self.plans_title.setText(self.tr("Coverage in plans"))
        self.triggers_model.set_rows(profile.triggers)
        self.triggers_empty.setVisible(not profile.triggers)
        waiting = len(profile.waiting_triggers)
        self.triggers_title.setText(
            self.tr("Events calling for a talk")
            + (self.tr(" · %n waiting", "", waiting) if waiting else "")
        )
        self._show_timeline(generation, profile.timeline)
        self._update_buttons()
        self.shown.emit()

    def _show_person(self, profile: PersonProfile) -> None:
        person = profile.person
        self.name_label.setText(person.name)
        self.leader_tag.setVisible(person.is_leader)
        self.status_tag.setVisible(not person.active)
        if not person.active:
            self.status_tag.setText(
                self.tr("Left on %1").replace("%1", date_text(person.left_on))
                if person.left_on is not None
                else self.tr("Left")
            )
        unknown = self.tr("Not given")
        values = {
            "department": person.department_name,
            "position": person.position,
            "phone": person.phone,
            "gender": label(person.gender) if person.gender is not Gender.UNKNOWN else "",
            "party": yes_no(person.party_member),
            "joined": date_text(person.joined_on),
        }
        for key, value in values.items():
            self.fields[key].setText(value or unknown)
        parts = [self.tr("%n talk(s)", "", profile.timeline.talks)]
        if profile.last_talk_at is not None:
            parts.append(
                self.tr("last on %1").replace("%1", date_text(profile.last_talk_at.date()))
            )
        parts.append(self.tr("%n open follow-up(s)", "", profile.open_follow_ups))
        self.summary_label.setText(" · ".join(parts))

    def _show_timeline(self, generation: int, timeline: Timeline) -> None:
        if generation != self._generation:
            return
        if self.profile is not None and self.profile.timeline is not timeline:
            self.profile = _with_timeline(self.profile, timeline)
        model = self.timeline_model
        model.today = self.profile.on if self.profile is not None else None
        current = self.timeline_table.currentIndex()
        model.set_rows(timeline.rows)
        if current.isValid() and current.row() < model.rowCount():
            self.timeline_table.setCurrentIndex(model.index(current.row(), 0))
        self.timeline_title.setText(
            self.tr("Talks and follow-ups · %1").replace("%1", str(timeline.total))
        )
        self.timeline_empty.setVisible(timeline.total == 0)
        left = timeline.total - len(timeline.rows)
        self.more_button.setVisible(left > 0)
        self.more_button.setEnabled(True)
        self.more_button.setText(
            self.tr("Showing the newest %1 of %2 · show more")
            .replace("%1", str(len(timeline.rows)))
            .replace("%2", str(timeline.total))
        )

    def _update_buttons(self) -> None:
        person = self.profile.person if self.profile is not None else None
        active = person is not None and person.active
        self.new_talk_button.setEnabled(active)
        self.edit_button.setEnabled(person is not None)
        self.trigger_button.setEnabled(active)
        self.leave_button.setVisible(person is None or person.active)
        self.leave_button.setEnabled(active)
        self.reinstate_button.setVisible(person is not None and not person.active)

    # -- actions -----------------------------------------------------------------------

    def person(self) -> PersonRow | None:
        return self.profile.person if self.profile is not None else None

    def _request(self, signal: Any) -> None:
        person = self.person()
        if person is not None:
            signal.emit(person)

    def _new_talk(self) -> None:
        person = self.person()
        if person is not None and person.active:
            self.open_page.emit("talks", f"new:{person.id}")

    def _open_timeline_row(self, index: QModelIndex) -> None:
        row = self.timeline_model.row_at(index.row()) if index.isValid() else None
        if row is None:
            return
        if row.is_talk:
            self.open_page.emit("talks", f"talk:{row.id}")
        else:
            self.open_page.emit("follow_ups", f"follow_up:{row.id}")

    def _open_plan_line(self, index: QModelIndex) -> None:
        line = self.plans_model.row_at(index.row()) if index.isValid() else None
        if line is not None:
            self.open_page.emit("plans", f"plan:{line.plan_id}:person:{line.status.person_id}")

    def _open_trigger(self, index: QModelIndex) -> None:
        line = self.triggers_model.row_at(index.row()) if index.isValid() else None
        if line is not None and line.talk_id is not None:
            self.open_page.emit("talks", f"talk:{line.talk_id}")


def _with_timeline(profile: PersonProfile, timeline: Timeline) -> PersonProfile:
    return replace(profile, timeline=timeline)
