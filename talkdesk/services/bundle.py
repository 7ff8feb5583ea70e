"""All services of one workspace, built once in `app` and handed to the screens."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from talkdesk.services.session import WorkspaceSession

if TYPE_CHECKING:
    from talkdesk.services.agenda import AgendaService
    from talkdesk.services.calendar import CalendarService
    from talkdesk.services.context import Context
    from talkdesk.services.coverage import CoverageService
    from talkdesk.services.exports import ExportsService
    from talkdesk.services.follow_ups import FollowUpsService
    from talkdesk.services.ledger import LedgerService
    from talkdesk.services.people import PeopleService
    from talkdesk.services.person_profile import PersonProfileService
    from talkdesk.services.plans import PlansService
    from talkdesk.services.reminders import ReminderService
    from talkdesk.services.roster_import import RosterService
    from talkdesk.services.search import SearchService
    from talkdesk.services.statistics import StatisticsService
    from talkdesk.services.talks import TalksService
    from talkdesk.services.templates import TemplatesService

T = TypeVar("T")


class Services:
    """Each service is made (and its module imported) when it is first asked for.

    The first screen needs two or three services; importing all of them (the
    working calendar, coverage, reminders) would delay its first data. Services
    are asked for from the GUI thread and the database thread, so making one is
    guarded: each exists once and shares its caches.
    """

    def __init__(self, session: WorkspaceSession) -> None:
        self.session = session
        self._made: dict[str, Any] = {}
        self._lock = threading.RLock()

    @property
    def _ctx(self) -> Context:
        return self.session.context

    def _once(self, name: str, make: Callable[[], T]) -> T:
        made = self._made.get(name)
        if made is None:
            with self._lock:
                made = self._made.get(name)
                if made is None:
                    made = self._made[name] = make()
        return made

    @property
    def people(self) -> PeopleService:
        from talkdesk.services.people import PeopleService

        return self._once("people", lambda: PeopleService(self._ctx))

    @property
    def roster(self) -> RosterService:
        from talkdesk.services.roster_import import RosterService

        return self._once("roster", lambda: RosterService(self._ctx))

    @property
    def talks(self) -> TalksService:
        from talkdesk.services.talks import TalksService

        return self._once("talks", lambda: TalksService(self._ctx))

    @property
    def follow_ups(self) -> FollowUpsService:
        from talkdesk.services.follow_ups import FollowUpsService

        return self._once("follow_ups", lambda: FollowUpsService(self._ctx))

    @property
    def plans(self) -> PlansService:
        from talkdesk.services.plans import PlansService

        return self._once("plans", lambda: PlansService(self._ctx))

    @property
    def templates(self) -> TemplatesService:
        from talkdesk.services.templates import TemplatesService

        return self._once("templates", lambda: TemplatesService(self._ctx))

    @property
    def search(self) -> SearchService:
        from talkdesk.services.search import SearchService

        return self._once("search", lambda: SearchService(self._ctx, self.talks, self.follow_ups))

    @property
    def calendar(self) -> CalendarService:
        from talkdesk.services.calendar import CalendarService

        return self._once("calendar", lambda: CalendarService(self._ctx))

    @property
    def coverage(self) -> CoverageService:
        from talkdesk.services.coverage import CoverageService

        return self._once("coverage", lambda: CoverageService(self._ctx, self.calendar))

    @property
    def profiles(self) -> PersonProfileService:
        from talkdesk.services.person_profile import PersonProfileService

        return self._once(
            "profiles", lambda: PersonProfileService(self._ctx, self.people, self.coverage)
        )

    @property
    def agenda(self) -> AgendaService:
        from talkdesk.services.agenda import AgendaService

        return self._once(
            "agenda",
            lambda: AgendaService(self._ctx, self.coverage, self.plans, self.follow_ups),
        )

    @property
    def reminders(self) -> ReminderService:
        from talkdesk.services.reminders import ReminderService

        return self._once(
            "reminders", lambda: ReminderService(self._ctx, self.coverage, self.calendar)
        )

    @property
    def exports(self) -> ExportsService:
        from talkdesk.services.exports import ExportsService

        return self._once("exports", lambda: ExportsService(self._ctx))

    @property
    def statistics(self) -> StatisticsService:
        from talkdesk.services.statistics import StatisticsService

        return self._once(
            "statistics", lambda: StatisticsService(self._ctx, self.talks, self.follow_ups)
        )

    @property
    def ledger(self) -> LedgerService:
        from talkdesk.services.ledger import LedgerService

        return self._once("ledger", lambda: LedgerService(self._ctx))
