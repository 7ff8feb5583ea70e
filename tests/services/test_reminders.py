"""Reminders from the data on China's working calendar: shown once, snoozed, dismissed."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from talkdesk.domain.clock import FixedClock
from talkdesk.domain.values import CadenceKind, FollowUpStatus, TriggerKind
from talkdesk.services.bundle import Services
from talkdesk.services.follow_ups import FollowUpInput
from talkdesk.services.plans import PlanInput
from talkdesk.services.reminders import Reminder, ReminderKind, ReminderService, SnoozeChoice
from talkdesk.services.talks import TalkInput
from talkdesk.storage.tables import reminder_event
from tests.services.conftest import Office

K = ReminderKind


@pytest.fixture
def reminders(services: Services) -> ReminderService:
    return ReminderService(services.session.context, services.coverage, services.calendar)


def _kinds(found: list[Reminder]) -> list[ReminderKind]:
    return [r.kind for r in found]


def test_appointment_the_working_day_before_skips_the_national_day_holidays(
    services: Services, office: Office, reminders: ReminderService, clock: FixedClock
) -> None:
    clock.set(datetime(2026, 9, 28, 10, 0))
    appt, _ = services.plans.schedule(office.leader, office.zhang, datetime(2026, 10, 8, 10, 0))
    # 1-7 October are days off: the working day before Thursday 8 October is 30 September.
    assert reminders.next_due_at() == datetime(2026, 9, 30, 9, 0)
    assert reminders.due(datetime(2026, 9, 30, 8, 59)) == []
    [first] = reminders.due(datetime(2026, 9, 30, 9, 0))
    assert first.kind is K.APPOINTMENT_DAY_BEFORE
    assert first.key == f"appt:{appt.uuid}:day-before"
    assert (first.subject_id, first.person_id, first.person_name) == (appt.id, office.zhang, "张三")
    assert first.starts_at == datetime(2026, 10, 8, 10, 0)
    reminders.mark_shown([first], datetime(2026, 9, 30, 9, 0))
    assert reminders.due(datetime(2026, 9, 30, 9, 1)) == []
    assert reminders.next_due_at(datetime(2026, 9, 30, 9, 1)) == datetime(2026, 10, 8, 9, 30)
    [soon] = reminders.due(datetime(2026, 10, 8, 9, 30))
    assert soon.kind is K.APPOINTMENT_SOON
    assert soon.key == f"appt:{appt.uuid}:soon"


def test_a_tiaoxiu_saturday_is_the_working_day_before_and_a_weekend_is_skipped(
    services: Services, office: Office, reminders: ReminderService, clock: FixedClock
) -> None:
    clock.set(datetime(2026, 9, 28, 10, 0))
    services.plans.schedule(office.leader, office.zhang, datetime(2026, 10, 12, 15, 0))
    services.plans.schedule(office.leader, office.li, datetime(2026, 11, 30, 10, 0))
    # Saturday 10 October 2026 is a working day (调休) before Monday the 12th.
    assert reminders.next_due_at() == datetime(2026, 10, 10, 9, 0)
    [made_up] = reminders.due(datetime(2026, 10, 10, 9, 0))
    assert made_up.person_name == "张三"
    reminders.mark_shown([made_up], datetime(2026, 10, 10, 9, 0))
    # Monday 30 November: reminded on Friday the 27th, not over the weekend.
    early = [r for r in reminders.due(datetime(2026, 11, 27, 8, 59)) if r.person_name == "李四"]
    assert early == []
    [friday] = [r for r in reminders.due(datetime(2026, 11, 27, 9, 0)) if r.person_name == "李四"]
    assert friday.due_at == datetime(2026, 11, 27, 9, 0)


def test_a_users_day_off_moves_the_day_before(
    services: Services, office: Office, reminders: ReminderService
) -> None:
    services.calendar.set_override(date(2026, 11, 27), False)
    services.plans.schedule(office.leader, office.zhang, datetime(2026, 11, 30, 10, 0))
    assert reminders.next_due_at() == datetime(2026, 11, 26, 9, 0)


def test_a_cancelled_or_just_made_appointment_is_not_reminded_of_the_past(
    services: Services, office: Office, reminders: ReminderService, clock: FixedClock
) -> None:
    # Made at 09:30 for 09:50 the same day: the day before and "in 30 minutes" have passed.
    services.plans.schedule(office.leader, office.zhang, datetime(2026, 11, 24, 9, 50))
    assert reminders.due(datetime(2026, 11, 24, 9, 45)) == []
    later, _ = services.plans.schedule(office.leader, office.li, datetime(2026, 11, 26, 10, 0))
    services.plans.cancel(later.id)
    assert reminders.next_due_at() is None


def test_period_start_and_end_say_how_many_are_left(
    services: Services, office: Office, reminders: ReminderService, clock: FixedClock
) -> None:
    clock.set(datetime(2026, 9, 20, 10, 0))
    plan, _ = services.plans.create_plan(
        PlanInput(
            name="办公室季度谈心谈话",
            talker_id=office.leader,
            cadence=CadenceKind.QUARTERLY,
            start_on=date(2026, 7, 1),
            department_ids=(office.department,),
            reminder_lead_days=5,
        )
    )
    # Q3 started before the plan existed: only its end is reminded, five working days before
    # Wednesday 30 September (the last working day), counting that day.
    [q3_end] = reminders.due(datetime(2026, 9, 24, 9, 0))
    assert q3_end.kind is K.PERIOD_END
    assert (q3_end.subject_id, q3_end.count, q3_end.on) == (plan.id, 2, date(2026, 9, 30))
    assert q3_end.key == f"period-end:{plan.uuid}:2026-07-01"
    reminders.mark_shown([q3_end], datetime(2026, 9, 24, 9, 0))
    # Q4 starts on 1 October, a holiday: reminded on the first working day, 8 October.
    assert reminders.next_due_at(datetime(2026, 9, 24, 9, 0)) == datetime(2026, 10, 8, 9, 0)
    clock.set(datetime(2026, 10, 8, 9, 0))
    [q4_start] = reminders.due()
    assert (q4_start.kind, q4_start.count, q4_start.plan_name) == (
        K.PERIOD_START,
        2,
        "办公室季度谈心谈话",
    )
    assert q4_start.key == f"period-start:{plan.uuid}:2026-10-01"
    reminders.mark_shown([q4_start])
    services.talks.create_talk(
        TalkInput(talker_id=office.leader, person_id=office.zhang, held_at=clock.now())
    )
    # Five working days before Thursday 31 December: Friday the 25th, one still to go.
    assert reminders.next_due_at() == datetime(2026, 12, 25, 9, 0)
    [q4_end] = reminders.due(datetime(2026, 12, 25, 9, 0))
    assert (q4_end.kind, q4_end.count, q4_end.scheduled) == (K.PERIOD_END, 1, 0)


def test_nobody_left_no_period_reminder(
    services: Services, office: Office, reminders: ReminderService, clock: FixedClock
) -> None:
    services.plans.create_plan(
        PlanInput(
            "月度",
            office.leader,
            CadenceKind.MONTHLY,
            date(2026, 11, 1),
            person_ids=(office.zhang,),
        )
    )
    services.talks.create_talk(
        TalkInput(talker_id=office.leader, person_id=office.zhang, held_at=clock.now())
    )
    assert reminders.due(datetime(2026, 11, 30, 18, 0)) == []
    # The next month's start is still a time to look again.
    assert reminders.next_due_at() == datetime(2026, 12, 1, 9, 0)


def test_follow_up_due_then_overdue_each_once(
    services: Services, office: Office, reminders: ReminderService
) -> None:
    item, _ = services.follow_ups.create(
        FollowUpInput("食堂问题", person_id=office.zhang, due_on=date(2026, 11, 28))
    )
    # Due on Saturday the 28th: reminded on Friday; overdue from Monday.
    assert reminders.next_due_at() == datetime(2026, 11, 27, 9, 0)
    [due] = reminders.due(datetime(2026, 11, 27, 9, 0))
    assert (due.kind, due.key, due.subject_id, due.on) == (
        K.FOLLOW_UP_DUE,
        f"followup-due:{item.row.uuid}",
        item.id,
        date(2026, 11, 28),
    )
    reminders.mark_shown([due], datetime(2026, 11, 27, 9, 0))
    reminders.mark_shown([due], datetime(2026, 11, 27, 9, 5))  # idempotent
    assert reminders.due(datetime(2026, 11, 29, 9, 0)) == []
    [overdue] = reminders.due(datetime(2026, 11, 30, 9, 0))
    assert overdue.kind is K.FOLLOW_UP_OVERDUE and overdue.supersedes == ()
    reminders.mark_shown([overdue], datetime(2026, 11, 30, 9, 0))
    assert reminders.due(datetime(2026, 12, 30, 9, 0)) == []
    assert reminders.next_due_at(datetime(2026, 12, 30, 9, 0)) is None
    with services.session.context.db.reading() as conn:
        rows = conn.execute(select(reminder_event.c.key, reminder_event.c.shown_at)).all()
    assert sorted(rows) == sorted(
        [
            (f"followup-due:{item.row.uuid}", datetime(2026, 11, 27, 9, 0)),
            (f"followup-overdue:{item.row.uuid}", datetime(2026, 11, 30, 9, 0)),
        ]
    )


def test_a_closed_follow_up_is_not_reminded(
    services: Services, office: Office, reminders: ReminderService
) -> None:
    item, _ = services.follow_ups.create(FollowUpInput("食堂问题", due_on=date(2026, 11, 28)))
    services.follow_ups.set_status(item.id, FollowUpStatus.RESOLVED, "已协调解决")
    assert reminders.next_due_at() is None


def test_snooze_an_hour_then_it_comes_again_once(
    services: Services, office: Office, reminders: ReminderService, clock: FixedClock
) -> None:
    services.follow_ups.create(FollowUpInput("食堂问题", due_on=date(2026, 11, 27)))
    clock.set(datetime(2026, 11, 27, 9, 0))
    [due] = reminders.due()
    reminders.mark_shown([due])
    clock.set(datetime(2026, 11, 27, 9, 5))
    until = reminders.snooze_until(SnoozeChoice.HOUR)
    assert until == datetime(2026, 11, 27, 10, 5)
    reminders.snooze(due.key, until)
    assert reminders.listed() == []  # off the in-app list while snoozed
    assert reminders.due(datetime(2026, 11, 27, 10, 4)) == []
    assert reminders.next_due_at() == until
    [again] = reminders.due(until)
    assert again.key == due.key and again.remind_at == until
    reminders.mark_shown([again], until)
    assert reminders.due(datetime(2026, 11, 27, 12, 0)) == []
    assert [r.key for r in reminders.listed(datetime(2026, 11, 27, 12, 0))] == [due.key]


def test_tomorrow_morning_is_the_next_working_day(
    reminders: ReminderService, clock: FixedClock
) -> None:
    clock.set(datetime(2026, 11, 27, 16, 0))  # a Friday
    assert reminders.snooze_until(SnoozeChoice.TOMORROW_MORNING) == datetime(2026, 11, 30, 9, 0)
    clock.set(datetime(2026, 9, 30, 16, 0))  # before the national day week
    assert reminders.snooze_until(SnoozeChoice.TOMORROW_MORNING) == datetime(2026, 10, 8, 9, 0)


def test_dismissed_never_comes_again(
    services: Services, office: Office, reminders: ReminderService
) -> None:
    services.plans.schedule(office.leader, office.zhang, datetime(2026, 11, 26, 10, 0))
    [day_before] = reminders.due(datetime(2026, 11, 25, 9, 0))
    reminders.mark_shown([day_before], datetime(2026, 11, 25, 9, 0))
    assert [r.key for r in reminders.listed(datetime(2026, 11, 25, 9, 1))] == [day_before.key]
    reminders.dismiss(day_before.key)
    assert reminders.listed(datetime(2026, 11, 25, 9, 1)) == []
    assert _kinds(reminders.due(datetime(2026, 11, 26, 9, 30))) == [K.APPOINTMENT_SOON]
    [soon] = reminders.due(datetime(2026, 11, 26, 9, 30))
    reminders.dismiss(soon.key)
    assert reminders.due(datetime(2026, 11, 26, 9, 45)) == []
    assert reminders.next_due_at(datetime(2026, 11, 26, 9, 45)) is None


def test_catch_up_coalesces_into_one_digest_shown_once(
    services: Services, office: Office, reminders: ReminderService
) -> None:
    services.plans.schedule(office.leader, office.zhang, datetime(2026, 11, 26, 10, 0))
    services.follow_ups.create(FollowUpInput("食堂问题", due_on=date(2026, 11, 25)))
    services.follow_ups.create(FollowUpInput("停车问题", due_on=date(2026, 11, 26)))
    # Closed from Tuesday until Thursday 11:00: every stage has passed.
    digest = reminders.catch_up(datetime(2026, 11, 26, 11, 0))
    assert len(digest) == 3  # later stages stand for earlier ones: no flood
    assert dict(digest.counts) == {
        K.APPOINTMENT_SOON: 1,
        K.FOLLOW_UP_OVERDUE: 1,
        K.FOLLOW_UP_DUE: 1,
    }
    assert digest.count(K.FOLLOW_UP_OVERDUE) == 1
    soon = next(r for r in digest.items if r.kind is K.APPOINTMENT_SOON)
    assert [s.kind for s in soon.supersedes] == [K.APPOINTMENT_DAY_BEFORE]
    assert not reminders.catch_up(datetime(2026, 11, 26, 11, 1))
    assert reminders.due(datetime(2026, 11, 26, 23, 0)) == []
    # The one still ahead: the second follow-up turning overdue on Friday.
    assert reminders.next_due_at(datetime(2026, 11, 26, 11, 1)) == datetime(2026, 11, 27, 9, 0)


def test_nothing_of_a_name_or_note_is_stored(
    services: Services, office: Office, reminders: ReminderService
) -> None:
    services.follow_ups.create(
        FollowUpInput("食堂问题", person_id=office.zhang, due_on=date(2026, 11, 25))
    )
    reminders.catch_up(datetime(2026, 11, 26, 11, 0))
    with services.session.context.db.reading() as conn:
        stored = " ".join(str(v) for row in conn.execute(select(reminder_event)) for v in row)
    assert "张三" not in stored and "食堂" not in stored


def test_trigger_the_working_day_before_its_due_date_then_overdue_each_once(
    services: Services, office: Office, reminders: ReminderService
) -> None:
    trigger, _ = services.plans.add_trigger(
        office.zhang, TriggerKind.NEW_POST, date(2026, 11, 21), 7, note="调任综合科"
    )
    # Due on Saturday the 28th: reminded the working day before, Friday; overdue from Monday.
    assert reminders.next_due_at() == datetime(2026, 11, 27, 9, 0)
    assert reminders.due(datetime(2026, 11, 27, 8, 59)) == []
    [due] = reminders.due(datetime(2026, 11, 27, 9, 0))
    assert (due.kind, due.key, due.subject_id, due.on, due.trigger_kind) == (
        K.TRIGGER_DUE,
        f"trigger-due:{trigger.uuid}",
        trigger.id,
        date(2026, 11, 28),
        TriggerKind.NEW_POST,
    )
    assert (due.person_id, due.person_name) == (office.zhang, "张三")
    reminders.mark_shown([due], datetime(2026, 11, 27, 9, 0))
    reminders.mark_shown([due], datetime(2026, 11, 27, 9, 5))  # idempotent
    assert reminders.due(datetime(2026, 11, 29, 9, 0)) == []
    [overdue] = reminders.due(datetime(2026, 11, 30, 9, 0))
    assert (overdue.kind, overdue.key) == (K.TRIGGER_OVERDUE, f"trigger-overdue:{trigger.uuid}")
    assert overdue.supersedes == ()
    reminders.mark_shown([overdue], datetime(2026, 11, 30, 9, 0))
    assert [r.key for r in reminders.listed(datetime(2026, 11, 30, 9, 1))] == [overdue.key]
    assert reminders.due(datetime(2026, 12, 30, 9, 0)) == []
    assert reminders.next_due_at(datetime(2026, 12, 30, 9, 0)) is None
    with services.session.context.db.reading() as conn:
        stored = conn.execute(select(reminder_event)).all()
    assert sorted((row.key, row.kind, row.shown_at) for row in stored) == sorted(
        [
            (f"trigger-due:{trigger.uuid}", "trigger_due", datetime(2026, 11, 27, 9, 0)),
            (f"trigger-overdue:{trigger.uuid}", "trigger_overdue", datetime(2026, 11, 30, 9, 0)),
        ]
    )
    text = " ".join(str(v) for row in stored for v in row)
    assert "张三" not in text and "调任" not in text


def test_an_answered_trigger_never_reminds(
    services: Services, office: Office, reminders: ReminderService, clock: FixedClock
) -> None:
    services.plans.add_trigger(office.zhang, TriggerKind.HARDSHIP, date(2026, 11, 24), 7)
    answered_later, _ = services.plans.add_trigger(
        office.li, TriggerKind.REQUESTED, date(2026, 11, 24), 3
    )
    services.talks.create_talk(
        TalkInput(talker_id=office.leader, person_id=office.zhang, held_at=clock.now())
    )
    # 张三's talk answered his event: only 李四's request reminds, on Thursday the 26th.
    [due] = reminders.due(datetime(2026, 11, 26, 9, 0))
    assert (due.kind, due.subject_id) == (K.TRIGGER_DUE, answered_later.id)
    reminders.mark_shown([due], datetime(2026, 11, 26, 9, 0))
    clock.set(datetime(2026, 11, 26, 15, 0))
    services.talks.create_talk(
        TalkInput(talker_id=office.leader, person_id=office.li, held_at=clock.now())
    )
    assert reminders.due(datetime(2026, 12, 30, 9, 0)) == []
    assert reminders.next_due_at() is None
    assert reminders.listed() == []


def test_trigger_reminders_snooze_dismiss_and_catch_up_like_follow_ups(
    services: Services, office: Office, reminders: ReminderService, clock: FixedClock
) -> None:
    first, _ = services.plans.add_trigger(office.zhang, TriggerKind.HARDSHIP, date(2026, 11, 24), 2)
    second, _ = services.plans.add_trigger(office.li, TriggerKind.EVALUATION, date(2026, 11, 24), 3)
    services.follow_ups.create(FollowUpInput("食堂问题", due_on=date(2026, 11, 25)))
    # 张三's event is due on Thursday: reminded on Wednesday; snoozed an hour, it comes once more.
    clock.set(datetime(2026, 11, 25, 9, 0))
    due = next(r for r in reminders.due() if r.kind is K.TRIGGER_DUE)
    assert due.subject_id == first.id
    reminders.mark_shown([due])
    reminders.snooze(due.key, datetime(2026, 11, 25, 10, 0))
    assert _kinds(reminders.due(datetime(2026, 11, 25, 9, 59))) == [K.FOLLOW_UP_DUE]
    [again] = [r for r in reminders.due(datetime(2026, 11, 25, 10, 0)) if r.key == due.key]
    reminders.mark_shown([again], datetime(2026, 11, 25, 10, 0))
    reminders.dismiss(due.key)
    assert due.key not in [r.key for r in reminders.listed(datetime(2026, 11, 25, 10, 1))]
    # Closed from Wednesday 10:00 until the next Monday: one digest, counted by kind.
    digest = reminders.catch_up(datetime(2026, 11, 30, 11, 0))
    assert dict(digest.counts) == {K.FOLLOW_UP_OVERDUE: 1, K.TRIGGER_OVERDUE: 2}
    overdue = {r.subject_id: r for r in digest.items if r.kind is K.TRIGGER_OVERDUE}
    assert [s.kind for s in overdue[second.id].supersedes] == [K.TRIGGER_DUE]
    assert overdue[first.id].supersedes == ()  # its due stage was shown (and dismissed)
    assert not reminders.catch_up(datetime(2026, 11, 30, 11, 1))
    assert reminders.next_due_at(datetime(2026, 11, 30, 11, 1)) is None


def test_a_rolling_plan_reminds_some_working_days_before_each_persons_deadline(
    services: Services, office: Office, reminders: ReminderService, clock: FixedClock
) -> None:
    services.talks.create_talk(
        TalkInput(talker_id=office.leader, person_id=office.li, held_at=datetime(2026, 11, 10, 9))
    )
    plan, _ = services.plans.create_plan(
        PlanInput(
            "每四周",
            office.leader,
            CadenceKind.EVERY_N_WEEKS,
            date(2026, 11, 2),
            cadence_n=4,
            person_ids=(office.zhang, office.li),
            reminder_lead_days=3,
        )
    )
    deadlines = {m.person_id: m.deadline for m in services.coverage.report().plans[0].members}
    # 张三 from the plan's start, 李四 from his talk on 10 November: four weeks each
    assert deadlines == {office.zhang: date(2026, 11, 30), office.li: date(2026, 12, 8)}
    # Monday 30 November: three working days counting it, Thursday the 26th;
    # Tuesday 8 December: Friday the 4th.
    assert reminders.next_due_at() == datetime(2026, 11, 26, 9, 0)
    [zhang] = reminders.due(datetime(2026, 11, 26, 9, 0))
    assert (zhang.kind, zhang.count, zhang.on, zhang.plan_name) == (
        K.PERIOD_END,
        1,
        date(2026, 11, 30),
        "每四周",
    )
    assert zhang.key == f"period-end:{plan.uuid}:rolling-2026-11-26"
    reminders.mark_shown([zhang], datetime(2026, 11, 26, 9, 0))
    assert reminders.next_due_at(datetime(2026, 11, 26, 9, 1)) == datetime(2026, 12, 4, 9, 0)
    [li] = reminders.due(datetime(2026, 12, 4, 9, 0))
    assert (li.count, li.on) == (1, date(2026, 12, 8))
