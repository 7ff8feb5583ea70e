"""The Today page: the day's agenda (appointments, who is due, triggers, follow-ups)."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from talkdesk.domain.coverage import CoverageState
from talkdesk.services.changes import Entity
from talkdesk.services.follow_ups import FollowUpListRow
from talkdesk.services.glance import Overview
from talkdesk.services.overview import overview
from talkdesk.ui.labels import label
from talkdesk.ui.navigation import PageId
from talkdesk.ui.pages.base import ContentPage
from talkdesk.ui.pages.today_figures import PAGE_MARGINS, PAGE_SPACING, Card, TodayFigures
from talkdesk.ui.pages.today_figures import STYLE as figures_style
from talkdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    # The agenda's modules (coverage, plans, appointments) are imported when the agenda is
    # first read, after the figures: the first page's first data do not wait for them.
    from talkdesk.services.agenda import Agenda, PlanAgenda
    from talkdesk.services.bundle import Services
    from talkdesk.services.coverage import MemberStatus, MissedPeriod, WaitingTrigger
    from talkdesk.services.plans import AppointmentRow
    from talkdesk.ui.pages.appointment_dialog import AppointmentEditor

LINES_SHOWN = 6
"""Lines shown per list before a "more" link: the page stays a glance, the lists hold the rest."""
PLANS_SHOWN = 3
"""Plans shown with their people (those with most overdue first); the Plans page has all."""

_STYLE = """
QFrame#agendaSection { background: #ffffff; border: 1px solid #d9dee5; border-radius: 6px; }
QLabel#sectionTitle { font-weight: 600; color: #1f2d3d; }
QLabel#subTitle { color: #4a5568; font-weight: 600; padding-top: 4px; }
QLabel#empty { color: #8a94a3; }
QPushButton#agendaLine { border: none; border-radius: 4px; background: transparent;
    padding: 0; text-align: left; }
QPushButton#agendaLine:hover { background: #eef3f9; }
QLabel#tag_overdue { color: #ffffff; background: #c62828; border-radius: 3px; padding: 1px 6px; }
QLabel#tag_due { color: #6b4e00; background: #ffd966; border-radius: 3px; padding: 1px 6px; }
QLabel#tag_missed { color: #5a6778; background: #e2e8f0; border-radius: 3px; padding: 1px 6px; }
QLabel#tag_plain { color: #1f3f63; background: #d6e4f2; border-radius: 3px; padding: 1px 6px; }
QPushButton#lineAction { border: 1px solid #c5ced9; border-radius: 4px; background: #ffffff;
    color: #2f5f8f; padding: 1px 8px; }
QPushButton#lineAction:hover { background: #d6e4f2; }
"""


def target(kind: str, *ids: int) -> str:
    """What a line opens, as the second string of `open_page`: "person:12", "plan:3:person:12"."""
    parts = [kind]
    for i, value in enumerate(ids):
        parts.append(str(value) if i == 0 else f"person:{value}")
    return ":".join(parts)


class AgendaLine(QPushButton):
    """One line of the agenda: a tag (state or time), a name, a detail; clicking opens the item.

    Attributes:
        page_key / target: what `open_page` is emitted with.
        state: the coverage state the line shows, if any (overdue red, due yellow).
    """

    def __init__(
        self,
        tag: str,
        text: str,
        detail: str,
        page_key: str,
        target: str,
        state: CoverageState | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agendaLine")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.page_key = page_key
        self.target = target
        self.state = state
        self.action_button: QPushButton | None = None  # e.g. "Schedule…" on a due line
        self.tag_label = QLabel(tag)
        kind = state.value if state in _TAGGED else "plain"
        self.tag_label.setObjectName(f"tag_{kind}")
        self.text_label = QLabel(text)  # rich text: callers escape names and titles
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        self.detail_label = QLabel(detail)
        self.detail_label.setObjectName("detail")
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.setSpacing(8)
        for child in (self.tag_label, self.text_label, self.detail_label):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            child.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout.addWidget(self.tag_label)
        layout.addWidget(self.text_label, 1)
        layout.addWidget(self.detail_label)
        self.setMinimumHeight(30)
        plain = QTextDocumentFragment.fromHtml(text).toPlainText()
        self.setAccessibleName(" ".join(t for t in (tag, plain, detail) if t))

    def text_shown(self) -> str:
        """The line as plain text (tag, text, detail), as a screen reader would say it."""
        return self.accessibleName()


_TAGGED = (CoverageState.OVERDUE, CoverageState.DUE, CoverageState.MISSED)


class Section(QFrame):
    """A titled box of agenda lines, with "nothing" when empty and a "more" link when long."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaSection")
        self._title = title
        self.title_label = QLabel(title)
        self.title_label.setObjectName("sectionTitle")
        self._body = QVBoxLayout()
        self._body.setSpacing(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        layout.addWidget(self.title_label)
        layout.addLayout(self._body)

    def clear(self, count: int | None = None) -> None:
        shown = self._title if count is None else f"{self._title} · {count}"
        self.title_label.setText(shown)
        while self._body.count():
            item = self._body.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()

    def add(self, widget: QWidget) -> None:
        self._body.addWidget(widget)

    def add_note(self, text: str, name: str = "empty") -> None:
        note = QLabel(text)
        note.setObjectName(name)
        note.setWordWrap(True)
        self._body.addWidget(note)

    def lines(self) -> list[AgendaLine]:
        return [
            w
            for i in range(self._body.count())
            if isinstance(w := self._body.itemAt(i).widget(), AgendaLine)
        ]


class TodayPage(ContentPage):
    """The day's agenda: appointments, people due or overdue per plan, triggers, missed periods,
    follow-ups due or overdue; four counts on top.

    Attributes:
        agenda: the agenda shown (None before the first read and while locked).
        nav_counts: the counts last sent with `counts_changed`.

    Signals:
        open_page(str, str): the user wants the page with this key ("people", "plans",
            "talks", "follow_ups") showing what the line or card stands for: a follow-up
            status choice ("overdue"), or an item ("person:12", "plan:3:person:12",
            "appointment:5", "follow_up:7"), or "".
        counts_changed(object): {PageId: count} for the navigation, after each read.
        figures_shown(): the greeting and the count cards show the data read.
    """

    open_page = Signal(str, str)
    counts_changed = Signal(object)
    figures_shown = Signal()
    concerns = frozenset(
        {
            Entity.TALK,
            Entity.FOLLOW_UP,
            Entity.WORKSPACE,
            Entity.PLAN,
            Entity.PERSON,
            Entity.DEPARTMENT,
            Entity.APPOINTMENT,
            Entity.TRIGGER,
        }
    )

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(services, runner, parent)
        self.agenda: Agenda | None = None
        self.overview: Overview | None = None
        self.nav_counts: dict[PageId, int] = {}
        self._appointments: AppointmentEditor | None = None
        self.setStyleSheet(figures_style + _STYLE)
        self.figures = TodayFigures()
        self.figures.card_clicked.connect(self.open_page)
        self.greeting_label = self.figures.greeting_label
        self.talks_card, self.open_card, self.overdue_card, self.feedback_card = (
            self.figures.cards()
        )

        self.appointments_section = Section(self.tr("Appointments"))
        self.plans_section = Section(self.tr("Due and overdue talks"))
        self.missed_section = Section(self.tr("Missed periods"))
        self.triggers_section = Section(self.tr("Triggers waiting"))
        self.follow_ups_section = Section(self.tr("Follow-ups due or overdue"))

        left, right = QVBoxLayout(), QVBoxLayout()
        for stack, sections in (
            (left, (self.appointments_section, self.plans_section, self.missed_section)),
            (right, (self.triggers_section, self.follow_ups_section)),
        ):
            stack.setSpacing(12)
            for section in sections:
                stack.addWidget(section)
            stack.addStretch()
        columns = QHBoxLayout()
        columns.setSpacing(12)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        body = QWidget()
        body.setObjectName("agendaBody")
        body.setLayout(columns)
        columns.setContentsMargins(0, 0, 4, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        scroll.setStyleSheet("QScrollArea, QWidget#agendaBody { background: transparent; }")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(PAGE_SPACING)
        layout.addWidget(self.figures)
        layout.addWidget(scroll, 1)

    def cards(self) -> tuple[Card, ...]:
        return self.figures.cards()

    def sections(self) -> tuple[Section, ...]:
        return (
            self.appointments_section,
            self.plans_section,
            self.missed_section,
            self.triggers_section,
            self.follow_ups_section,
        )

    def lines(self) -> list[AgendaLine]:
        """Every line shown, top to bottom, left column first."""
        return [line for section in self.sections() for line in section.lines()]

    # -- reading -------------------------------------------------------------------------

    @property
    def appointments(self) -> AppointmentEditor:
        """Schedules a talk from a due line (made when first needed)."""
        if self._appointments is None:
            from talkdesk.ui.pages.appointment_dialog import AppointmentEditor

            self._appointments = AppointmentEditor(self._services, self._runner, self)
        return self._appointments

    def _forget(self) -> None:
        self.agenda = None
        self.overview = None
        self.figures.clear()
        for section in self.sections():
            section.clear()
        self._set_counts({PageId.TODAY: 0, PageId.PLANS: 0, PageId.FOLLOW_UPS: 0})

    def _load(self) -> None:
        """The figures first (a few counts, quick), then the agenda (coverage of every plan)."""
        services, today = self._services, self._today()

        self._runner.submit(lambda: overview(services, today), on_success=self.show_figures)
        self._runner.submit(  # `services.agenda` is made (its modules imported) on that thread
            lambda: services.agenda.agenda(today, follow_up_lines=LINES_SHOWN),
            on_success=self._show_agenda,
        )

    def show_figures(self, overview: Overview) -> None:
        """The greeting and the cards (also given at start-up, from the first glance)."""
        self.figures.show_overview(overview, self._services.session.context.now())
        self.overview = overview
        self.figures_shown.emit()

    def _show_agenda(self, agenda: Agenda) -> None:
        self.agenda = agenda
        self._show_appointments(agenda)
        self._show_plans(agenda)
        self._show_missed(agenda.missed)
        self._show_triggers(agenda.triggers)
        self._show_follow_ups(agenda)
        self._set_counts(
            {
                PageId.TODAY: agenda.attention,
                PageId.PLANS: agenda.people_due + agenda.people_overdue,
                PageId.FOLLOW_UPS: self.overview.overdue_follow_ups
                if self.overview is not None
                else agenda.follow_ups_overdue_count,
            }
        )

    def _set_counts(self, counts: dict[PageId, int]) -> None:
        self.nav_counts = counts
        self.counts_changed.emit(counts)

    # -- the sections ----------------------------------------------------------------------

    def _line(self, section: Section, line: AgendaLine) -> None:
        line.clicked.connect(lambda _checked=False: self.open_page.emit(line.page_key, line.target))
        section.add(line)

    def _more(self, section: Section, hidden: int, page_key: str, choice: str) -> None:
        if hidden <= 0:
            return
        link = QPushButton(self.tr("%n more…", "", hidden))
        link.setObjectName("moreLink")
        link.setCursor(Qt.CursorShape.PointingHandCursor)
        link.clicked.connect(lambda _checked=False: self.open_page.emit(page_key, choice))
        section.add(link)

    def _show_appointments(self, agenda: Agenda) -> None:
        section = self.appointments_section
        section.clear(len(agenda.today) + len(agenda.later_this_week))
        for title, rows, fmt in (
            (self.tr("Today"), agenda.today, "HH:mm"),
            (self.tr("Later this week"), agenda.later_this_week, "ddd HH:mm"),
        ):
            section.add_note(title, "subTitle")
            if not rows:
                section.add_note(self.tr("None"))
            for row in rows[:LINES_SHOWN]:
                self._line(section, self._appointment_line(row, fmt))
            self._more(section, len(rows) - LINES_SHOWN, "appointments", "")

    def _appointment_line(self, row: AppointmentRow, fmt: str) -> AgendaLine:
        when = QLocale().toString(QDateTime(row.starts_at), fmt)
        return AgendaLine(
            when, row.person_name, row.place, "appointments", target("appointment", row.id)
        )

    def _show_plans(self, agenda: Agenda) -> None:
        section = self.plans_section
        section.clear(agenda.people_due + agenda.people_overdue)
        if not agenda.plans:
            section.add_note(
                self.tr("No active plans yet. Plans say who talks with whom, how often.")
            )
            return
        shown_any = False
        # the plans with the most people overdue first; a glance, not the whole list
        waiting = sorted(
            (plan for plan in agenda.plans if plan.to_talk),
            key=lambda plan: (-plan.overdue, -len(plan.to_talk)),
        )
        for plan in waiting[:PLANS_SHOWN]:
            shown_any = True
            section.add_note(self._plan_heading(plan), "subTitle")
            for member in plan.to_talk[:LINES_SHOWN]:
                line = self._member_line(member)
                self._add_schedule_button(line, plan, member)
                self._line(section, line)
            self._more(
                section, len(plan.to_talk) - LINES_SHOWN, "plans", target("plan", plan.plan_id)
            )
        self._more(section, len(waiting) - PLANS_SHOWN, "plans", "")
        if not shown_any:
            section.add_note(self.tr("Nobody is due or overdue in any plan."))

    def _plan_heading(self, plan: PlanAgenda) -> str:
        text = self.tr("%1 · %2 · %3 of %4 done")
        for i, value in enumerate(
            (plan.name, plan.talker_name, str(plan.done), str(plan.covered)), start=1
        ):
            text = text.replace(f"%{i}", value)
        return text

    def _member_line(self, member: MemberStatus) -> AgendaLine:
        name = escape(member.person_name)
        if member.person.department_name:
            department = escape(member.person.department_name)
            name = f'{name}&nbsp;&nbsp;<span style="color:#5a6778">{department}</span>'
        return AgendaLine(
            label(member.state),
            name,
            self._days_left(member.days_left, member.working_days_left),
            "plans",
            target("plan", member.plan_id, member.person_id),
            member.state,
        )

    def _add_schedule_button(
        self, line: AgendaLine, plan: PlanAgenda, member: MemberStatus
    ) -> None:
        """A "Schedule…" button at the end of a due line: book the talk in one or two clicks."""
        button = QPushButton(self.tr("Schedule…"))
        button.setObjectName("lineAction")
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setToolTip(self.tr("Schedule a talk with this person"))
        button.clicked.connect(
            lambda _checked=False: self.appointments.schedule(
                member.person_id, plan.talker_id, plan.plan_id
            )
        )
        line.layout().addWidget(button)
        line.action_button = button

    def _days_left(self, days: int, working_days: int) -> str:
        if days < 0:
            return self.tr("%n day(s) late", "", -days)
        if days == 0:
            return self.tr("last day today")
        left = self.tr("%n day(s) left", "", days)
        return left + self.tr(" (%n working day(s))", "", working_days)

    def _show_missed(self, missed: tuple[MissedPeriod, ...]) -> None:
        section = self.missed_section
        section.clear(len(missed))
        if not missed:
            section.add_note(self.tr("No period ended without its talk."))
        for m in missed[:LINES_SHOWN]:
            period = self.tr("%1 – %2")
            period = period.replace("%1", _short_date(m.period.start))
            period = period.replace("%2", _short_date(m.period.last_day))
            line = AgendaLine(
                label(CoverageState.MISSED),
                escape(m.person_name),
                period,
                "plans",
                target("plan", m.plan_id, m.person_id),
                CoverageState.MISSED,
            )
            self._line(section, line)
        self._more(section, len(missed) - LINES_SHOWN, "plans", "")

    def _show_triggers(self, triggers: tuple[WaitingTrigger, ...]) -> None:
        section = self.triggers_section
        section.clear(len(triggers))
        if not triggers:
            section.add_note(self.tr("No events are waiting for a talk."))
        for t in triggers[:LINES_SHOWN]:
            line = AgendaLine(
                label(t.state),
                f'{escape(t.person_name)}&nbsp;&nbsp;<span style="color:#5a6778">'
                f"{escape(label(t.kind))}</span>",
                self._days_left(t.days_left, t.working_days_left),
                "people",
                target("person", t.person_id),
                t.state,
            )
            self._line(section, line)
        self._more(section, len(triggers) - LINES_SHOWN, "people", "")

    def _show_follow_ups(self, agenda: Agenda) -> None:
        section = self.follow_ups_section
        overdue, due = agenda.follow_ups_overdue, agenda.follow_ups_due
        overdue_count, due_count = agenda.follow_ups_overdue_count, agenda.follow_ups_due_count
        section.clear(overdue_count + due_count)
        for title, rows, count, state, choice in (
            (self.tr("Overdue"), overdue, overdue_count, CoverageState.OVERDUE, "overdue"),
            (
                self.tr("Due within %n day(s)", "", _follow_up_days()),
                due,
                due_count,
                CoverageState.DUE,
                "not_closed",
            ),
        ):
            section.add_note(title, "subTitle")
            if not rows:
                section.add_note(self.tr("None"))
            for row in rows[:LINES_SHOWN]:
                self._line(section, self._follow_up_line(row, agenda.on, state))
            self._more(section, count - LINES_SHOWN, "follow_ups", choice)

    def _follow_up_line(self, row: FollowUpListRow, on: date, state: CoverageState) -> AgendaLine:
        assert row.due_on is not None
        days = (row.due_on - on).days
        detail = self.tr("%n day(s) late", "", -days) if days < 0 else _short_date(row.due_on)
        text = escape(row.title)
        if row.person_name:
            text += f'&nbsp;&nbsp;<span style="color:#5a6778">{escape(row.person_name)}</span>'

        tag = label(state) if state is CoverageState.OVERDUE else self.tr("Due soon")
        return AgendaLine(tag, text, detail, "follow_ups", target("follow_up", row.id), state)


def _short_date(day: date) -> str:
    return QLocale().toString(QDate(day), QLocale.FormatType.ShortFormat)


def _follow_up_days() -> int:
    from talkdesk.services.agenda import FOLLOW_UP_DAYS

    return FOLLOW_UP_DAYS
