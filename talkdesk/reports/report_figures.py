"""The report's indicator table and its summary paragraph, in words, from the figures.

Both compare the period with the one before: a share by percentage points, a
count by its difference, the median by days. Shares are compared as shown
(rounded to whole percents), so "82% to 95%" is always "13 points". A figure the
previous period lacks (nothing to share out) is said so, never shown as a fall.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from talkdesk.reports import report_texts as texts
from talkdesk.reports.report_data import ReportData
from talkdesk.reports.report_texts import (
    CONTEXT,
    DASH,
    Translate,
    date_words,
    period_words,
)
from talkdesk.services.statistics_figures import Statistics


@dataclass(frozen=True)
class IndicatorRow:
    """A line of the indicator table, in words: this period, the previous one, the change."""

    name: str
    now: str
    before: str
    change: str


@dataclass(frozen=True)
class _Share:
    rate: float | None
    part: int
    whole: int


_Tr = Callable[[str], str]
"""A translation in the report's context."""
_Pick = Callable[[Statistics], _Share]
"""Picks a share out of a period's figures."""


def percent(rate: float | None) -> int | None:
    """A share as the whole percent shown (None when there is nothing to share).

    Never 100% while someone is left out, nor 0% when someone is in: 1934 of 1943
    people is 99%, not a rounded-up 100% beside nine names missed.
    """
    if rate is None:
        return None
    shown = int(f"{100 * rate:.0f}")
    if shown == 100 and rate < 1:
        return 99
    if shown == 0 and rate > 0:
        return 1
    return shown


def indicator_rows(data: ReportData, translate: Translate) -> list[IndicatorRow]:
    def tr(source: str) -> str:
        return translate(CONTEXT, source)

    now, before = data.stats, data.previous
    rows: list[IndicatorRow] = []

    def share(name: str, pick: _Pick) -> None:
        a, b = pick(now), pick(before)
        rows.append(
            IndicatorRow(
                tr(name),
                _share_text(a, tr),
                _share_text(b, tr),
                _points_change(percent(a.rate), percent(b.rate), tr),
            )
        )

    def count(name: str, a: int, b: int) -> None:
        rows.append(IndicatorRow(tr(name), str(a), str(b), _count_change(a, b, tr)))

    fu, fu0 = now.follow_ups, before.follow_ups
    share(texts.COVERAGE, lambda s: _Share(s.coverage.rate, s.coverage.talked, s.coverage.covered))
    count(texts.TALKS, now.talks, before.talks)
    count(texts.PEOPLE_TALKED, now.people_talked, before.people_talked)
    count(texts.OPENED, fu.opened, fu0.opened)
    count(texts.RESOLVED, fu.resolved, fu0.resolved)
    count(texts.UNRESOLVABLE, fu.unresolvable, fu0.unresolvable)
    count(texts.OVERDUE_ITEMS, fu.overdue, fu0.overdue)
    share(
        texts.ON_TIME,
        lambda s: _Share(
            s.follow_ups.on_time_rate, s.follow_ups.resolved_on_time, s.follow_ups.resolved
        ),
    )
    median, median0 = fu.median_days_to_resolve, fu0.median_days_to_resolve
    rows.append(
        IndicatorRow(
            tr(texts.MEDIAN),
            _days_text(median, tr),
            _days_text(median0, tr),
            _days_change(median, median0, tr),
        )
    )
    share(texts.FEEDBACK, lambda s: _Share(s.feedback.rate, s.feedback.given, s.feedback.owed))
    count(texts.SATISFIED, now.feedback.satisfied, before.feedback.satisfied)
    count(texts.PARTLY, now.feedback.partly, before.feedback.partly)
    count(texts.NOT_SATISFIED, now.feedback.not_satisfied, before.feedback.not_satisfied)
    share(texts.CARED_AGAIN, lambda s: _Share(s.care.rate, s.care.talked_again, s.care.people))
    return rows


def _share_text(share: _Share, tr: _Tr) -> str:
    shown = percent(share.rate)
    if shown is None:
        return DASH
    return tr(texts.SHARE).format(percent=f"{shown}%", part=share.part, whole=share.whole)


def _days_text(days: float | None, tr: _Tr) -> str:
    return DASH if days is None else tr(texts.DAYS).format(n=f"{days:g}")


def _points_change(now: int | None, before: int | None, tr: _Tr) -> str:
    if now is None or before is None:
        return DASH
    return _change(now - before, texts.UP_POINTS, texts.DOWN_POINTS, tr)


def _count_change(now: int, before: int, tr: _Tr) -> str:
    return _change(now - before, texts.UP, texts.DOWN, tr)


def _days_change(now: float | None, before: float | None, tr: _Tr) -> str:
    if now is None or before is None:
        return DASH
    return _change(now - before, texts.LONGER, texts.SHORTER, tr)


def _change(difference: float, up: str, down: str, tr: _Tr) -> str:
    if difference == 0:
        return tr(texts.SAME)
    return tr(up if difference > 0 else down).format(n=f"{abs(difference):g}")


# -- the summary --------------------------------------------------------------------------


def summary(data: ReportData, translate: Translate) -> str:
    """A short paragraph from the figures: what was done, how the rates moved, what is left."""

    def tr(source: str) -> str:
        return translate(CONTEXT, source)

    now, before = data.stats, data.previous
    period = period_words(data.period, translate)
    sentences: list[str] = []
    if now.talks == 0:
        sentences.append(tr(texts.SUMMARY_NO_TALKS).format(period=period))
    elif before.talks == 0:
        sentences.append(
            tr(texts.SUMMARY_TALKS).format(period=period, talks=now.talks, people=now.people_talked)
        )
    else:
        sentences.append(
            tr(texts.SUMMARY_TALKS_CHANGE).format(
                period=period,
                talks=now.talks,
                people=now.people_talked,
                change=_count_change(now.talks, before.talks, tr),
            )
        )
    moves = [
        _move(
            tr(texts.COVERAGE_NAME),
            percent(now.coverage.rate),
            percent(before.coverage.rate),
            "%",
            tr,
        ),
        _move(
            tr(texts.ON_TIME_NAME),
            percent(now.follow_ups.on_time_rate),
            percent(before.follow_ups.on_time_rate),
            "%",
            tr,
        ),
        _move(
            tr(texts.MEDIAN_NAME),
            now.follow_ups.median_days_to_resolve,
            before.follow_ups.median_days_to_resolve,
            tr(texts.DAYS),
            tr,
        ),
        _move(
            tr(texts.FEEDBACK_NAME),
            percent(now.feedback.rate),
            percent(before.feedback.rate),
            "%",
            tr,
        ),
    ]
    said = [m for m in moves if m]
    if said:
        sentences.append(_capitalised(tr(texts.SEPARATOR).join(said)) + tr(texts.FULL_STOP))
    fu = now.follow_ups
    if fu.opened or fu.resolved or fu.overdue:
        sentences.append(
            tr(texts.SUMMARY_FOLLOW_UPS).format(
                opened=fu.opened,
                resolved=fu.resolved,
                overdue=fu.overdue,
                date=date_words(now.as_of, translate),
            )
        )
    fb = now.feedback
    if fb.satisfied or fb.partly or fb.not_satisfied:
        sentences.append(
            tr(texts.SUMMARY_RESPONSES).format(
                given=fb.given,
                satisfied=fb.satisfied,
                partly=fb.partly,
                not_satisfied=fb.not_satisfied,
            )
        )
    coverage = now.coverage
    if coverage.missed:
        sentences.append(
            tr(texts.SUMMARY_MISSED).format(missed=coverage.missed, covered=coverage.covered)
        )
    elif coverage.covered:
        sentences.append(tr(texts.SUMMARY_NONE_MISSED).format(covered=coverage.covered))
    if now.care.people:
        sentences.append(
            tr(texts.SUMMARY_CARE).format(people=now.care.people, again=now.care.talked_again)
        )
    paragraph = sentences[0]
    for sentence in sentences[1:]:
        paragraph = tr(texts.NEXT_SENTENCE).format(before=paragraph, sentence=sentence)
    return paragraph


def _move(name: str, now: float | None, before: float | None, unit: str, tr: _Tr) -> str:
    """How one figure moved since the previous period, or "" when neither period has it."""

    def shown(value: float) -> str:
        number = f"{value:g}"
        return unit.format(n=number) if "{n}" in unit else f"{number}{unit}"

    if now is None and before is None:
        return ""
    if now is None:
        assert before is not None
        return tr(texts.NO_FIGURE).format(indicator=name, before=shown(before))
    if before is None:
        return tr(texts.NO_PREVIOUS).format(indicator=name, now=shown(now))
    if now == before:
        return tr(texts.STAYED).format(indicator=name, now=shown(now))
    source = texts.ROSE if now > before else texts.FELL
    return tr(source).format(indicator=name, before=shown(before), now=shown(now))


def _capitalised(text: str) -> str:
    """A sentence begins with a capital (English); Chinese is left as it is."""
    return text[:1].upper() + text[1:]
