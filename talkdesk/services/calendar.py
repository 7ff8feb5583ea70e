"""China's working calendar: holidays and 调休 days from `holidays`, plus the user's corrections.

The `holidays` package (released monthly) knows each year's holidays and the
weekend days made working days once the State Council has announced them,
late in the year before. For a year it does not know yet, or a local change,
the user keeps a list of corrections: (day, working or not). That list lives
in the workspace (`workspace_info`, key "calendar_overrides", as JSON), so it
is encrypted and travels with the data.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from talkdesk.domain.clock import today
from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.workdays import WorkingCalendar
from talkdesk.services.changes import Changes, Entity
from talkdesk.services.context import Context
from talkdesk.services.info_values import read_json, write_json

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


HOLIDAYS_KEY = "holiday_years"


def _parse_years(raw: Any) -> dict[int, YearDays]:
    try:
        return {
            int(year): YearDays(
                frozenset(map(date.fromisoformat, days["off"])),
                frozenset(map(date.fromisoformat, days["on"])),
            )
            for year, days in raw.items()
        }
    except (AttributeError, KeyError, TypeError, ValueError):
        _log.warning("stored holidays unreadable; asked the package again")
        return {}


def _dump_years(years: dict[int, YearDays]) -> dict[str, Any]:
    return {
        str(year): {
            "off": sorted(d.isoformat() for d in days.holidays),
            "on": sorted(d.isoformat() for d in days.working_weekend_days),
        }
        for year, days in years.items()
    }


def _package_stamp() -> str:
    """Changes when the `holidays` package is upgraded (without importing it)."""
    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:
        return ""
    try:
        info = (Path(spec.origin).parent / "countries" / "china.py").stat()
    except OSError:
        return ""
    return f"{info.st_size}-{info.st_mtime_ns}"


class CalendarService:
    """Builds the working calendar of the years asked for; reads and sets the user's overrides.

    The package's answer per year is kept (it does not change while the
    program runs); the overrides are read from the workspace each time.
    """

    def __init__(self, ctx: Context, source: Callable[[int], YearDays] | None = None) -> None:
        """`source`: another calendar's years (tests); by default the package's, stored."""
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
        years = list(years)
        self._load([y for y in years if y not in self._years])
        off: set[date] = set()
        on: set[date] = set()
        for year in years:
            known = self._years[year]
            off |= known.holidays
            on |= known.working_weekend_days
        base = WorkingCalendar(frozenset(off), frozenset(on))
        return base.with_overrides((o.day, o.working) for o in overrides)

    def _load(self, missing: list[int]) -> None:
        if not missing:
            return
        source = self._source
        if source is not None:
            self._years.update((year, source(year)) for year in missing)
        else:
            self._years.update(self._stored_years(missing))

    def _stored_years(self, wanted: list[int]) -> dict[int, YearDays]:
        """The package's answers, kept in the workspace until the package changes.

        Importing `holidays` and building a year costs 100–300 ms, on the way to
        the first screen's figures; the stored answers are read in a millisecond.
        Years not stored yet are asked of the package (with their neighbours, which
        the next question will want) and stored in one write.
        """
        stamp = _package_stamp()
        with self._ctx.db.reading() as conn:
            stored = read_json(conn, HOLIDAYS_KEY)
        raw: dict[str, Any] = {}
        if stamp and isinstance(stored, dict) and stored.get("stamp") == stamp:
            raw = stored.get("years", {})
        years = _parse_years(raw)
        asked = {y + d for y in wanted if y not in years for d in (-1, 0, 1)} - set(years)
        if asked:
            for year in sorted(asked):
                years[year] = china_year(year)
            with self._ctx.db.transaction(changes_records=False) as conn:
                write_json(conn, HOLIDAYS_KEY, {"stamp": stamp, "years": _dump_years(years)})
        return years

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
    raw = read_json(conn, OVERRIDES_KEY)
    if not raw:
        return []
    try:
        return sorted(
            CalendarOverride(
                date.fromisoformat(item["date"]), bool(item["working"]), str(item.get("note", ""))
            )
            for item in raw
        )
    except (ValueError, TypeError, KeyError):
        # Written only by this module; if damaged, the package's calendar still stands.
        _log.warning("calendar overrides unreadable; ignored")
        return []


def _write(conn: Connection, overrides: list[CalendarOverride]) -> None:
    write_json(
        conn,
        OVERRIDES_KEY,
        [{"date": o.day.isoformat(), "working": o.working, "note": o.note} for o in overrides],
    )
