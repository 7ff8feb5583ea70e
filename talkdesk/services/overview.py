"""The Today page's greeting and count cards, read through the services."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from talkdesk.services.follow_ups import FollowUpFilter
from talkdesk.services.glance import Overview
from talkdesk.services.talks import TalkFilter

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services


def overview(services: Services, today: date) -> Overview:
    """What start-up's first glance (services/glance.py) reads without the services."""
    talks, follow_ups = services.talks, services.follow_ups
    return Overview(
        owner_name=services.session.info().owner_name,
        talks_this_month=talks.count_talks(
            TalkFilter(date_from=today.replace(day=1), date_to=today)
        ),
        open_follow_ups=follow_ups.count_follow_ups(FollowUpFilter(open_only=True)),
        overdue_follow_ups=follow_ups.count_follow_ups(
            FollowUpFilter(open_only=True, overdue_on=today)
        ),
        feedback_owed=follow_ups.count_follow_ups(FollowUpFilter(feedback_owed=True)),
    )
