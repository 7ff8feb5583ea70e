"""China's working calendar: holidays and 调休 days from `holidays`, plus the user's corrections.

The `holidays` package (released monthly) knows each year's holidays and the
weekend days made working days once the State Council has announced them,
late in the year before. For a year it does not know yet, or a local change,
the user keeps a list of corrections: (day, working or not). That list lives
in the workspace (`workspace_info`, key "calendar_overrides", as JSON), so it
is encrypted and travels with the data.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection, delete, insert, select

from talkdesk.domain.clock import today
from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.workdays import WorkingCalendar
from talkdesk.services.changes import Changes, Entity
from talkdesk.services.context import Context
from talkdesk.storage.tables import workspace_info

OVERRIDES_KEY = "calendar_overrides"
_log = logging.getLogger(__name__)


@dataclass(frozen=True, order=True)
class CalendarOverride:
    """The user's word on one day: a working day (True) or a day off (False), and why."""

    day: date
    working: bool
    note: str = field(default="", compare=False)


@dataclass(frozen=True)
class YearDays:
    """What the package says about one year: its days off and its weekend days made working."""

    holidays: frozenset[date]
    working_weekend_days: frozenset[date]


def china_year(year: int) -> YearDays:
    """China's holidays and 调休 working days of one year, from the `holidays` package."""
    import holidays  # ~80 ms: only when a calendar is first needed, not at start

    known = holidays.country_holidays("CN", years=year)
    return YearDays(
        frozenset(d for d in known if d.year == year),
        frozenset(d for d in known.weekend_workdays if d.year == year),
    )


class CalendarService:
    """Builds the working calendar of the years asked for; reads and sets the user's overrides.

    The package's answer per year is kept (it does not change while the
    program runs); the overrides are read from the workspace each time.
    """

    def __init__(self, ctx: Context, source: Callable[[int], YearDays] = china_year) -> None:
        self._ctx = ctx
        self._source = source
        self._years: dict[int, YearDays] = {}

    def calendar(self, years: Iterable[int] | None = None) -> WorkingCalendar:
        """The calendar of `years` (default: last year to next year) with the overrides applied."""
        with self._ctx.db.reading() as conn:
            overrides = _read(conn)
        return self.calendar_with(overrides, years)

    def calendar_with(
        self, overrides: Iterable[CalendarOverride], years: Iterable[int] | None = None
    ) -> WorkingCalendar:
        """The calendar for `overrides` already read (e.g. inside another query)."""
        if years is None:
            this = today(self._ctx.clock).year
            years = range(this - 1, this + 2)
        off: set[date] = set()
        on: set[date] = set()
        for year in years:
            known = self._year(year)
            off |= known.holidays
            on |= known.working_weekend_days
        base = WorkingCalendar(frozenset(off), frozenset(on))
        return base.with_overrides((o.day, o.working) for o in overrides)

    def _year(self, year: int) -> YearDays:
        if year not in self._years:
            self._years[year] = self._source(year)
        return self._years[year]

    # -- the user's overrides ---------------------------------------------------

    def overrides(self) -> list[CalendarOverride]:
        """The user's corrections, by date."""
        with self._ctx.db.reading() as conn:
            return _read(conn)

    def set_overrides(self, overrides: Iterable[CalendarOverride]) -> Changes:
        """Replace the whole list (the settings page saves it at once); one entry per day."""
        by_day = {o.day: o for o in overrides}
        with self._ctx.db.transaction() as conn:
            _write(conn, sorted(by_day.values()))
        return Changes.of(Entity.WORKSPACE)

    def set_override(self, day: date, working: bool, note: str = "") -> Changes:
        """Add or correct one day."""
        with self._ctx.db.transaction() as conn:
            by_day = {o.day: o for o in _read(conn)}
            by_day[day] = CalendarOverride(day, working, note.strip())
            _write(conn, sorted(by_day.values()))
        return Changes.of(Entity.WORKSPACE)

    def remove_override(self, day: date) -> Changes:
        """Drop the user's word on a day, so the package's answer holds again."""
        with self._ctx.db.transaction() as conn:
            current = _read(conn)
            if all(o.day != day for o in current):
                raise TalkdeskError(ErrorCode.NOT_FOUND)
            _write(conn, [o for o in current if o.day != day])
        return Changes.of(Entity.WORKSPACE)


def read_overrides(conn: Connection) -> list[CalendarOverride]:
    """The overrides, inside a caller's connection (coverage reads them with its facts)."""
    return _read(conn)


def _read(conn: Connection) -> list[CalendarOverride]:
    raw = conn.execute(
        select(workspace_info.c.value).where(workspace_info.c.key == OVERRIDES_KEY)
    ).scalar_one_or_none()
    if not raw:
        return []
    try:
        return sorted(
            CalendarOverride(
                date.fromisoformat(item["date"]), bool(item["working"]), str(item.get("note", ""))
            )
            for item in json.loads(raw)
        )
    except (ValueError, TypeError, KeyError):
        # Written only by this module; if damaged, the package's calendar still stands.
        _log.warning("calendar overrides unreadable; ignored")
        return []


def _write(conn: Connection, overrides: list[CalendarOverride]) -> None:
    value = json.dumps(
        [{"date": o.day.isoformat(), "working": o.working, "note": o.note} for o in overrides]
    )
    conn.execute(delete(workspace_info).where(workspace_info.c.key == OVERRIDES_KEY))
    conn.execute(insert(workspace_info).values(key=OVERRIDES_KEY, value=value))
