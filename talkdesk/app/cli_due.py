"""`talkdesk due`: the day's agenda (the Today page's figures) as text or as a JSON document."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from talkdesk.app.cli_commands import OK, _CliError, _open, _paths, _say
from talkdesk.domain.clock import SystemClock
from talkdesk.domain.clock import today as today_of
from talkdesk.domain.periods import Period
from talkdesk.services.agenda import FOLLOW_UP_DAYS, Agenda, AgendaService, PlanAgenda
from talkdesk.services.calendar import CalendarService
from talkdesk.services.context import Context
from talkdesk.services.coverage import CoverageService, MemberStatus, WaitingTrigger
from talkdesk.services.follow_ups import FollowUpListRow, FollowUpsService
from talkdesk.services.plans import AppointmentRow, PlansService
from talkdesk.ui.labels import label

translate = QCoreApplication.translate
JSON_VERSION = 1


def cmd_due(args: argparse.Namespace) -> int:
    clock = SystemClock()
    on = _day(args.on) if args.on else today_of(clock)
    db = _open(_paths(args))
    try:
        ctx = Context(lambda: db, clock)
        calendar = CalendarService(ctx)
        agenda = AgendaService(
            ctx, CoverageService(ctx, calendar), PlansService(ctx), FollowUpsService(ctx)
        ).agenda(on)
    finally:
        db.close()
    if args.json:
        _say(json.dumps(agenda_document(agenda), ensure_ascii=False, indent=2))
    else:
        for line in agenda_lines(agenda):
            _say(line)
    return OK


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise _CliError(
            translate("cli", "{value} is not a date; write it as YYYY-MM-DD.").format(value=text)
        ) from None


# -- the JSON document ------------------------------------------------------------------


def agenda_document(agenda: Agenda) -> dict[str, Any]:
    """The agenda as plain JSON values: ids, names, states, ISO dates; stable keys."""
    return {
        "version": JSON_VERSION,
        "on": agenda.on.isoformat(),
        "week_end": agenda.week_end.isoformat(),
        "totals": {
            "due": agenda.people_due,
            "overdue": agenda.people_overdue,
            "missed": len(agenda.missed),
            "triggers": len(agenda.triggers),
            "appointments_today": len(agenda.today),
            "appointments_later_this_week": len(agenda.later_this_week),
            "follow_ups_overdue": agenda.follow_ups_overdue_count,
            "follow_ups_due": agenda.follow_ups_due_count,
        },
        "appointments": {
            "today": [_appointment(a) for a in agenda.today],
            "later_this_week": [_appointment(a) for a in agenda.later_this_week],
        },
        "plans": [_plan(p) for p in agenda.plans],
        "triggers": [_trigger(t) for t in agenda.triggers],
        "follow_ups": {
            "overdue": [_follow_up(f, agenda.on) for f in agenda.follow_ups_overdue],
            "due": [_follow_up(f, agenda.on) for f in agenda.follow_ups_due],
        },
    }


def _period(period: Period | None) -> dict[str, str] | None:
    if period is None:
        return None
    return {"start": period.start.isoformat(), "last_day": period.last_day.isoformat()}


def _appointment(a: AppointmentRow) -> dict[str, Any]:
    return {
        "id": a.id,
        "uuid": a.uuid,
        "talker_id": a.talker_id,
        "person_id": a.person_id,
        "person_name": a.person_name,
        "starts_at": a.starts_at.isoformat(timespec="minutes"),
        "place": a.place,
        "plan_id": a.plan_id,
        "trigger_id": a.trigger_id,
    }


def _plan(p: PlanAgenda) -> dict[str, Any]:
    return {
        "id": p.plan_id,
        "name": p.name,
        "talker_id": p.talker_id,
        "talker_name": p.talker_name,
        "period": _period(p.period),
        "counts": {
            "covered": p.covered,
            "done": p.done,
            "scheduled": p.scheduled,
            "pending": p.pending,
            "due": p.due,
            "overdue": p.overdue,
            "missed": len(p.missed),
        },
        "to_talk": [_member(m) for m in p.to_talk],
        "missed": [
            {"person_id": m.person_id, "person_name": m.person_name, "period": _period(m.period)}
            for m in p.missed
        ],
    }


def _member(m: MemberStatus) -> dict[str, Any]:
    return {
        "person_id": m.person_id,
        "person_name": m.person_name,
        "department": m.person.department_name,
        "state": m.state.value,
        "period": _period(m.period),
        "deadline": m.deadline.isoformat(),
        "days_left": m.days_left,
        "working_days_left": m.working_days_left,
        "last_talk_on": m.last_talk_on.isoformat() if m.last_talk_on else None,
    }


def _trigger(t: WaitingTrigger) -> dict[str, Any]:
    return {
        "id": t.id,
        "person_id": t.person_id,
        "person_name": t.person_name,
        "kind": t.kind.value,
        "state": t.state.value,
        "occurred_on": t.occurred_on.isoformat(),
        "due_on": t.due_on.isoformat(),
        "days_left": t.days_left,
        "working_days_left": t.working_days_left,
    }


def _follow_up(f: FollowUpListRow, on: date) -> dict[str, Any]:
    assert f.due_on is not None  # the agenda lists only items with a due date
    return {
        "id": f.id,
        "uuid": f.uuid,
        "title": f.title,
        "person_id": f.person_id,
        "person_name": f.person_name,
        "status": f.status.value,
        "due_on": f.due_on.isoformat(),
        "days_left": (f.due_on - on).days,
    }


# -- the text -----------------------------------------------------------------------------


def agenda_lines(agenda: Agenda) -> list[str]:
    """The agenda as a short plain-text report in the user's language."""
    none = "  " + translate("cli", "(none)")
    out = [translate("cli", "What needs doing on {day}").format(day=agenda.on.isoformat()), ""]

    out.append(translate("cli", "Appointments today:"))
    out += [_appointment_line(a, with_day=False) for a in agenda.today] or [none]
    out.append(
        translate("cli", "Appointments later this week (to {day}):").format(
            day=agenda.week_end.isoformat()
        )
    )
    out += [_appointment_line(a, with_day=True) for a in agenda.later_this_week] or [none]

    for plan in agenda.plans:
        out.append("")
        out.append(_plan_heading(plan))
        out += [_member_line(m) for m in plan.to_talk]
        out += [
            "  "
            + translate("cli", "missed: {name}, {start} – {end}").format(
                name=m.person_name,
                start=m.period.start.isoformat(),
                end=m.period.last_day.isoformat(),
            )
            for m in plan.missed
        ]
        if not plan.to_talk and not plan.missed:
            out.append("  " + translate("cli", "Nobody is due or overdue."))

    out.append("")
    out.append(translate("cli", "Triggers waiting:"))
    out += [_trigger_line(t) for t in agenda.triggers] or [none]

    out.append("")
    out.append(translate("cli", "Follow-ups overdue:"))
    out += [_follow_up_line(f, agenda.on) for f in agenda.follow_ups_overdue] or [none]
    out.append(translate("cli", "Follow-ups due within {n} days:").format(n=FOLLOW_UP_DAYS))
    out += [_follow_up_line(f, agenda.on) for f in agenda.follow_ups_due] or [none]
    return out


def _appointment_line(a: AppointmentRow, with_day: bool) -> str:
    when = a.starts_at.strftime("%Y-%m-%d %H:%M" if with_day else "%H:%M")
    place = f"  ({a.place})" if a.place else ""
    return f"  {when}  {a.person_name}{place}"


def _plan_heading(plan: PlanAgenda) -> str:
    text = translate("cli", "Plan {name} (talker {talker}): {done} of {covered} done").format(
        name=plan.name, talker=plan.talker_name, done=plan.done, covered=plan.covered
    )
    if plan.period is not None:
        text += f"  [{plan.period.start.isoformat()} – {plan.period.last_day.isoformat()}]"
    return text


def _days_left(days: int, working_days: int) -> str:
    if days < 0:
        return translate("cli", "%n day(s) late", "", -days)
    return translate("cli", "%n day(s) left", "", days) + translate(
        "cli", " (%n working day(s))", "", working_days
    )


def _member_line(m: MemberStatus) -> str:
    department = f" ({m.person.department_name})" if m.person.department_name else ""
    return "  " + translate("cli", "{state}: {name}{department}, by {deadline}, {left}").format(
        state=label(m.state),
        name=m.person_name,
        department=department,
        deadline=m.deadline.isoformat(),
        left=_days_left(m.days_left, m.working_days_left),
    )


def _trigger_line(t: WaitingTrigger) -> str:
    return "  " + translate(
        "cli", "{state}: {name}, {kind} on {occurred}, by {due}, {left}"
    ).format(
        state=label(t.state),
        name=t.person_name,
        kind=label(t.kind),
        occurred=t.occurred_on.isoformat(),
        due=t.due_on.isoformat(),
        left=_days_left(t.days_left, t.working_days_left),
    )


def _follow_up_line(f: FollowUpListRow, on: date) -> str:
    assert f.due_on is not None
    who = f" ({f.person_name})" if f.person_name else ""
    days = (f.due_on - on).days
    left = (
        translate("cli", "%n day(s) late", "", -days)
        if days < 0
        else translate("cli", "%n day(s) left", "", days)
    )
    return f"  {f.due_on.isoformat()}  {f.title}{who}, {left}"
