"""Recording a talk fulfils what it answers: its appointment is done, triggers answered."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from talkdesk.domain.clock import FixedClock
from talkdesk.domain.values import AppointmentStatus, TriggerKind
from talkdesk.services.bundle import Services
from talkdesk.services.changes import Entity
from talkdesk.services.talks import TalkInput
from talkdesk.storage.tables import audit_event
from tests.services.conftest import Office

WEEK = (datetime(2026, 11, 23), datetime(2026, 11, 30))


def _talk(office: Office, person: int, when: datetime, talker: int | None = None) -> TalkInput:
    return TalkInput(
        talker_id=office.leader if talker is None else talker,
        person_id=person,
        held_at=when,
        content="谈到工作安排。",
    )


def _planned(services: Services) -> list[int]:
    return [a.id for a in services.plans.appointments(*WEEK)]


def test_the_talk_recorded_today_fulfils_tomorrows_appointment(
    services: Services, office: Office, clock: FixedClock
) -> None:
    appt, _ = services.plans.schedule(office.leader, office.zhang, datetime(2026, 11, 25, 10, 0))
    assert _planned(services) == [appt.id]
    detail, changes = services.talks.create_talk(_talk(office, office.zhang, clock.now()))
    assert Entity.TALK in changes and Entity.APPOINTMENT in changes
    assert Entity.TRIGGER not in changes
    done = services.plans.appointment(appt.id)
    assert (done.status, done.talk_id) == (AppointmentStatus.DONE, detail.id)
    assert _planned(services) == []  # the week view and the Today page no longer list it
    with services.session.context.db.reading() as conn:
        audited = conn.execute(
            select(audit_event.c.action, audit_event.c.entity_uuid).where(
                audit_event.c.entity == "appointment"
            )
        ).all()
        stored = " ".join(str(v) for row in conn.execute(select(audit_event)) for v in row)
    assert ("changed", appt.uuid) in audited
    assert "张三" not in stored and "工作安排" not in stored


def test_a_talk_with_another_person_or_by_another_talker_leaves_it_planned(
    services: Services, office: Office, clock: FixedClock
) -> None:
    appt, _ = services.plans.schedule(office.leader, office.zhang, datetime(2026, 11, 25, 10, 0))
    _, changes = services.talks.create_talk(_talk(office, office.li, clock.now()))
    assert Entity.APPOINTMENT not in changes
    _, changes = services.talks.create_talk(
        _talk(office, office.zhang, clock.now(), talker=office.li)
    )
    assert Entity.APPOINTMENT not in changes
    assert services.plans.appointment(appt.id).status is AppointmentStatus.PLANNED
    assert _planned(services) == [appt.id]


def test_only_the_nearest_appointment_within_the_window_is_done(
    services: Services, office: Office, clock: FixedClock
) -> None:
    plans = services.plans
    too_early, _ = plans.schedule(office.leader, office.zhang, datetime(2026, 11, 9, 10, 0))
    earlier, _ = plans.schedule(office.leader, office.zhang, datetime(2026, 11, 10, 10, 0))
    nearest, _ = plans.schedule(office.leader, office.zhang, datetime(2026, 11, 20, 10, 0))
    too_late, _ = plans.schedule(office.leader, office.zhang, datetime(2026, 11, 26, 9, 0))
    services.talks.create_talk(_talk(office, office.zhang, datetime(2026, 11, 24, 9, 0)))
    status = [plans.appointment(a.id).status for a in (too_early, earlier, nearest, too_late)]
    assert status == [
        AppointmentStatus.PLANNED,  # 15 days before
        AppointmentStatus.PLANNED,  # within 14 days, but not the nearest
        AppointmentStatus.DONE,
        AppointmentStatus.PLANNED,  # two days after
    ]
    # The next talk, the day after, keeps the appointment of the 26th; the 10th stays open.
    services.talks.create_talk(_talk(office, office.zhang, datetime(2026, 11, 25, 16, 0)))
    assert plans.appointment(too_late.id).status is AppointmentStatus.DONE
    assert plans.appointment(earlier.id).status is AppointmentStatus.PLANNED


def test_a_waiting_trigger_is_answered_by_the_talk(
    services: Services, office: Office, clock: FixedClock
) -> None:
    plans = services.plans
    new_post, _ = plans.add_trigger(office.zhang, TriggerKind.NEW_POST, date(2026, 11, 20), 30)
    later, _ = plans.add_trigger(office.zhang, TriggerKind.HARDSHIP, date(2026, 11, 25), 7)
    other, _ = plans.add_trigger(office.li, TriggerKind.REQUESTED, date(2026, 11, 23), 7)
    waiting = {t.id for t in services.coverage.report().triggers}
    assert waiting == {new_post.id, later.id, other.id}

    detail, changes = services.talks.create_talk(_talk(office, office.zhang, clock.now()))
    assert Entity.TRIGGER in changes and Entity.APPOINTMENT not in changes
    answered = {t.id: t.talk_id for t in plans.triggers(office.zhang)}
    # A talk cannot answer an event that happened after it.
    assert answered == {new_post.id: detail.id, later.id: None}
    fresh = Services(services.session)  # as the Today page reads it
    assert {t.id for t in fresh.coverage.report().triggers} == {later.id, other.id}
    assert {t.id for t in plans.triggers(waiting_only=True)} == {later.id, other.id}


def test_correcting_a_draft_moves_what_it_fulfils(
    services: Services, office: Office, clock: FixedClock
) -> None:
    plans = services.plans
    zhang_appt, _ = plans.schedule(office.leader, office.zhang, datetime(2026, 11, 25, 10, 0))
    li_appt, _ = plans.schedule(office.leader, office.li, datetime(2026, 11, 25, 11, 0))
    trigger, _ = plans.add_trigger(office.li, TriggerKind.REQUESTED, date(2026, 11, 23), 7)
    # Recorded for 张三 by mistake: 张三's appointment is done.
    detail, _ = services.talks.create_talk(_talk(office, office.zhang, clock.now()))
    assert plans.appointment(zhang_appt.id).status is AppointmentStatus.DONE

    # Saving again without a change of person, talker or time touches nothing else.
    same = TalkInput(office.leader, office.zhang, clock.now(), content="补充内容")
    _, changes = services.talks.update_draft(detail.id, same)
    assert Entity.APPOINTMENT not in changes and Entity.TRIGGER not in changes
    assert plans.appointment(zhang_appt.id).status is AppointmentStatus.DONE

    # Corrected to 李四: 张三's appointment is planned again, 李四's done, the request answered.
    _, changes = services.talks.update_draft(detail.id, _talk(office, office.li, clock.now()))
    assert Entity.APPOINTMENT in changes and Entity.TRIGGER in changes
    released = plans.appointment(zhang_appt.id)
    assert (released.status, released.talk_id) == (AppointmentStatus.PLANNED, None)
    assert plans.appointment(li_appt.id).talk_id == detail.id
    assert [t.talk_id for t in plans.triggers(office.li)] == [detail.id]
    assert _planned(services) == [zhang_appt.id]

    # Moved to a month later: the appointment is planned again; the request, made before
    # then, is still answered by it.
    _, changes = services.talks.update_draft(
        detail.id, _talk(office, office.li, datetime(2026, 12, 28, 10, 0))
    )
    assert Entity.APPOINTMENT in changes and Entity.TRIGGER in changes
    assert plans.appointment(li_appt.id).status is AppointmentStatus.PLANNED
    assert [(t.id, t.talk_id) for t in plans.triggers(office.li)] == [(trigger.id, detail.id)]
    assert _planned(services) == [zhang_appt.id, li_appt.id]


def test_a_finalised_talk_keeps_its_links(
    services: Services, office: Office, clock: FixedClock
) -> None:
    appt, _ = services.plans.schedule(office.leader, office.zhang, datetime(2026, 11, 23, 15, 0))
    trigger, _ = services.plans.add_trigger(
        office.zhang, TriggerKind.EVALUATION, date(2026, 11, 1), 30
    )
    detail, _ = services.talks.create_talk(_talk(office, office.zhang, clock.now()))
    services.talks.finalise(detail.id)
    services.talks.amend(detail.id, "补记", "补充说明")
    assert services.plans.appointment(appt.id).talk_id == detail.id
    assert [(t.id, t.talk_id) for t in services.plans.triggers(office.zhang)] == [
        (trigger.id, detail.id)
    ]
    assert services.coverage.report().triggers == ()
