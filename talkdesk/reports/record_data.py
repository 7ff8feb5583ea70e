"""What a printed talk record holds, gathered from the services: never the private notes.

`RecordFormData` is the one source for the Word form (reports/record_form.py)
and the PDF and printout (ui/record_print.py), so they show the same thing.
Care details are copied into it only when the user asked for them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from talkdesk.domain.values import (
    CareLevel,
    FeedbackHow,
    FollowUpStatus,
    Response,
    TalkKind,
    Topic,
)
from talkdesk.services.follow_ups import FollowUpDetail, FollowUpFilter, FollowUpSort
from talkdesk.services.query import Page
from talkdesk.services.talks import Amendment, TalkDetail

if TYPE_CHECKING:
    from talkdesk.services.bundle import Services

Progress = Callable[[int, int], None]
"""Told (done, total) as the records are read or written."""

_ALL_ITEMS = Page(limit=1000)  # a talk's own follow-ups: a handful


class ExportCancelled(Exception):
    """The user stopped a long export; nothing half-written is left behind."""


@dataclass(frozen=True)
class FollowUpLine:
    """A follow-up measure agreed in the talk, with where it stands and the feedback given."""

    title: str
    handler: str
    due_on: date | None
    status: FollowUpStatus
    resolution: str
    feedback_on: date | None
    feedback_how: FeedbackHow | None
    feedback_text: str
    response: Response | None


@dataclass(frozen=True)
class CareDetails:
    level: CareLevel
    reason: str


@dataclass(frozen=True)
class RecordFormData:
    """One talk as the record form prints it: plain values, no private notes.

    Attributes:
        number: the talk's number (its id), as the user sees it in the program.
        care: the care flag and its reason, only when the user chose to include them.
    """

    unit: str
    number: int
    held_at: datetime
    place: str
    talker: str
    talker_post: str
    person: str
    person_post: str
    department: str
    others_present: str
    recorder: str
    kind: TalkKind
    topics: tuple[Topic, ...]
    content: str
    problems: str
    suggestions: str
    follow_ups: tuple[FollowUpLine, ...]
    amendments: tuple[Amendment, ...]
    finalised_at: datetime | None
    care: CareDetails | None = None

    @property
    def confidential(self) -> bool:
        """Whether the form carries care details (and so is marked 内部资料 注意保密)."""
        return self.care is not None


def record_form_data(
    detail: TalkDetail,
    unit: str,
    talker_post: str,
    person_post: str,
    follow_ups: Sequence[FollowUpDetail],
    include_care: bool,
) -> RecordFormData:
    """The printable part of a stored talk; the care flag only with `include_care`."""
    data = detail.data
    care = None
    if include_care and (data.care_level is not CareLevel.NONE or data.care_reason.strip()):
        care = CareDetails(data.care_level, data.care_reason.strip())
    return RecordFormData(
        unit=unit.strip(),
        number=detail.id,
        held_at=data.held_at,
        place=data.place,
        talker=detail.row.talker_name,
        talker_post=talker_post,
        person=detail.row.person_name,
        person_post=person_post,
        department=detail.row.department_name,
        others_present=data.others_present,
        recorder=data.recorder,
        kind=data.kind,
        topics=data.topics,
        content=data.content,
        problems=data.problems,
        suggestions=data.suggestions,
        follow_ups=tuple(_follow_up_line(f) for f in follow_ups),
        amendments=detail.amendments,
        finalised_at=detail.finalised_at if detail.is_final else None,
        care=care,
    )


def _follow_up_line(item: FollowUpDetail) -> FollowUpLine:
    row = item.row
    return FollowUpLine(
        title=row.title,
        handler=row.handler,
        due_on=row.due_on,
        status=row.status,
        resolution=item.resolution,
        feedback_on=row.feedback_on,
        feedback_how=item.feedback_how,
        feedback_text=item.feedback_text,
        response=item.response,
    )


def load_record_forms(
    services: Services,
    talk_ids: Sequence[int],
    include_care: bool,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[RecordFormData]:
    """Read the talks' records (in the order given) with their follow-ups.

    Runs on the database thread; raises ExportCancelled when `cancelled()` turns true.
    """
    unit = services.session.info().unit
    posts: dict[int, str] = {}

    def post_of(person_id: int) -> str:
        if person_id not in posts:
            posts[person_id] = services.people.person(person_id).position
        return posts[person_id]

    forms = []
    total = len(talk_ids)
    for done, talk_id in enumerate(talk_ids):
        if cancelled is not None and cancelled():
            raise ExportCancelled
        detail = services.talks.get_talk(talk_id)
        rows = services.follow_ups.list_follow_ups(
            FollowUpFilter(talk_id=talk_id), FollowUpSort.CREATED, page=_ALL_ITEMS
        )
        items = [services.follow_ups.get(r.id) for r in rows]
        forms.append(
            record_form_data(
                detail,
                unit,
                post_of(detail.data.talker_id),
                post_of(detail.data.person_id),
                items,
                include_care,
            )
        )
        if progress is not None:
            progress(done + 1, total)
    return forms


def load_record_form(services: Services, talk_id: int, include_care: bool) -> RecordFormData:
    return load_record_forms(services, [talk_id], include_care)[0]
