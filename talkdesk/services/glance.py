"""The Today page's figures, and start-up's first glance at them before SQLAlchemy loads.

`first_glance` unwraps the remembered key and reads the figures through sqlcipher3
alone (storage/glance.py); services/overview.py reads the same figures through the
services. The window shows the first at once and the second replaces it when the
services are ready. This module imports no SQLAlchemy (a contract in pyproject.toml).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date

from talkdesk.domain.errors import TalkdeskError
from talkdesk.storage import glance
from talkdesk.storage.keys import load_keys, remembered_key
from talkdesk.storage.keystore import RememberedKeyStore
from talkdesk.storage.paths import WorkspacePaths

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Overview:
    """The Today page's greeting and count cards."""

    owner_name: str
    talks_this_month: int
    open_follow_ups: int
    overdue_follow_ups: int
    feedback_owed: int


@dataclass(frozen=True)
class Glance:
    """What start-up shows first, and the data key that opens the workspace after it."""

    overview: Overview
    unit: str
    key: bytes = field(repr=False)


def first_glance(paths: WorkspacePaths, store: RememberedKeyStore, today: date) -> Glance | None:
    """The figures read with the remembered key; None when the normal opening must decide.

    None when the workspace is not remembered, the credential store fails, the key
    file needed its backup copy, or the database is not one this version reads as it
    is. The normal opening then meets the same condition and words it for the user.
    """
    try:
        kf, notices = load_keys(paths)
        if notices:
            return None
        key = remembered_key(kf, store)
    except TalkdeskError as exc:
        log.info("first glance skipped: %s", exc.code.value)
        return None
    figures = glance.read_figures(paths, key, today)
    if figures is None:
        return None
    overview = Overview(
        owner_name=figures.owner_name,
        talks_this_month=figures.talks_this_month,
        open_follow_ups=figures.open_follow_ups,
        overdue_follow_ups=figures.overdue_follow_ups,
        feedback_owed=figures.feedback_owed,
    )
    return Glance(overview, figures.unit, key)
