"""All services of one workspace, built once in `app` and handed to the screens."""

from __future__ import annotations

from dataclasses import dataclass

from talkdesk.services.agenda import AgendaService
from talkdesk.services.calendar import CalendarService
from talkdesk.services.coverage import CoverageService
from talkdesk.services.follow_ups import FollowUpsService
from talkdesk.services.people import PeopleService
from talkdesk.services.plans import PlansService
from talkdesk.services.reminders import ReminderService
from talkdesk.services.search import SearchService
from talkdesk.services.session import WorkspaceSession
from talkdesk.services.talks import TalksService
from talkdesk.services.templates import TemplatesService


@dataclass(frozen=True)
class Services:
    session: WorkspaceSession
    people: PeopleService
    talks: TalksService
    follow_ups: FollowUpsService
    plans: PlansService
    templates: TemplatesService
    search: SearchService
    calendar: CalendarService
    coverage: CoverageService
    agenda: AgendaService
    reminders: ReminderService

    @classmethod
    def build(cls, session: WorkspaceSession) -> Services:
        ctx = session.context
        talks, follow_ups = TalksService(ctx), FollowUpsService(ctx)
        calendar = CalendarService(ctx)
        plans, coverage = PlansService(ctx), CoverageService(ctx, calendar)
        return cls(
            session=session,
            people=PeopleService(ctx),
            talks=talks,
            follow_ups=follow_ups,
            plans=plans,
            templates=TemplatesService(ctx),
            search=SearchService(ctx, talks, follow_ups),
            calendar=calendar,
            coverage=coverage,
            agenda=AgendaService(ctx, coverage, plans, follow_ups),
            reminders=ReminderService(ctx, coverage, calendar),
        )
