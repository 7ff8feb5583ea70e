"""The working calendar service: China's calendar from `holidays`, corrected by the user's list."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.services.bundle import Services
from talkdesk.services.calendar import CalendarOverride, CalendarService, YearDays


@pytest.fixture
def calendar(services: Services) -> CalendarService:
    return CalendarService(services.session.context)


def test_china_2026_with_its_tiaoxiu_days(calendar: CalendarService) -> None:
    cal = calendar.calendar([2026])
    assert cal.is_working_day(date(2026, 1, 4))  # Sunday made a working day
    assert cal.is_working_day(date(2026, 2, 14))  # Saturday made a working day
    assert not cal.is_working_day(date(2026, 10, 6))  # Tuesday in the National Day week
    assert not cal.is_working_day(date(2026, 2, 17))  # spring festival


def test_agrees_with_the_package_on_every_day(calendar: CalendarService) -> None:
    cal = calendar.calendar([2025, 2026])
    known = holidays.country_holidays("CN", years=[2025, 2026])
    day = date(2025, 1, 1)
    while day.year < 2027:
        assert cal.is_working_day(day) == known.is_working_day(day), day
        day += timedelta(days=1)


def test_overrides_are_kept_in_the_workspace_and_applied(
    services: Services, calendar: CalendarService
) -> None:
    assert calendar.overrides() == []
    changes = calendar.set_override(date(2027, 2, 20), True)  # a 调休 Saturday not yet known
    assert changes
    calendar.set_override(date(2027, 2, 15), False)
    calendar.set_override(date(2027, 2, 20), True)  # set twice: kept once
    assert calendar.overrides() == [
        CalendarOverride(date(2027, 2, 15), False),
        CalendarOverride(date(2027, 2, 20), True),
    ]
    # Another service object (e.g. after a restart) reads the same list.
    again = CalendarService(services.session.context).calendar([2027])
    assert again.is_working_day(date(2027, 2, 20))
    assert not again.is_working_day(date(2027, 2, 15))

    calendar.remove_override(date(2027, 2, 15))
    assert calendar.overrides() == [CalendarOverride(date(2027, 2, 20), True)]
    with pytest.raises(TalkdeskError) as err:
        calendar.remove_override(date(2027, 2, 15))
    assert err.value.code is ErrorCode.NOT_FOUND

    calendar.set_overrides([])
    assert calendar.overrides() == []


def test_a_year_the_package_does_not_know_is_weekends_only(services: Services) -> None:
    service = CalendarService(
        services.session.context, source=lambda _year: YearDays(frozenset(), frozenset())
    )
    cal = service.calendar([2031])
    assert cal.is_working_day(date(2031, 1, 1))  # a Wednesday, no holiday known
    assert not cal.is_working_day(date(2031, 1, 4))  # a Saturday


def test_the_package_answer_is_stored_and_asked_again_when_the_package_changes(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from talkdesk.services import calendar as module

    asked: list[int] = []

    def package(year: int) -> YearDays:
        asked.append(year)
        return YearDays(frozenset({date(year, 10, 1)}), frozenset({date(year, 9, 27)}))

    monkeypatch.setattr(module, "china_year", package)
    monkeypatch.setattr(module, "_package_stamp", lambda: "v1")
    ctx = services.session.context
    first = CalendarService(ctx).calendar([2026])
    assert not first.is_working_day(date(2026, 10, 1)) and first.is_working_day(date(2026, 9, 27))
    again = CalendarService(ctx).calendar([2026])  # a later start: read from the workspace
    assert again.is_working_day(date(2026, 9, 27))
    assert asked == [2025, 2026, 2027]  # the neighbours too, in one go

    monkeypatch.setattr(module, "_package_stamp", lambda: "v2")  # the package was upgraded
    CalendarService(ctx).calendar([2026])
    assert asked[3:] == [2025, 2026, 2027]


def test_the_real_package_stamp_changes_with_its_files() -> None:
    from talkdesk.services.calendar import _package_stamp

    assert _package_stamp() != ""
