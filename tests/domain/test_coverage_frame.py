"""`assess` given the calendar frame a plan computed once answers as when it works it out."""

from __future__ import annotations

from datetime import date

from talkdesk.domain.coverage import Limits, assess
from talkdesk.domain.periods import Cadence, calendar_frame
from talkdesk.domain.values import CadenceKind


def test_a_shared_frame_gives_the_same_answer() -> None:
    cadence, limits, today = Cadence(CadenceKind.QUARTERLY), Limits(30, 60), date(2026, 11, 24)
    frame = calendar_frame(cadence.kind, today, 2)
    for anchor, talks in [
        (date(2025, 1, 1), [date(2026, 2, 3)]),
        (date(2026, 8, 15), []),
        (date(2026, 1, 1), [date(2026, 10, 9)]),
    ]:
        alone = assess(cadence, limits, anchor, talks, [], today, 2)
        shared = assess(cadence, limits, anchor, talks, [], today, 2, frame)
        assert shared == alone
        assert shared is not None
