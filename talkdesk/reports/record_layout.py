"""The record form's words and rows in the user's language, shared by the Word and PDF forms.

Both renderers walk the same `FormLayout`, so the .docx, the PDF and the
printout list the same fields in the same order. Strings are English sources
marked with `QT_TRANSLATE_NOOP` (lupdate finds them) and translated by the
`translate` callable the caller passes (QCoreApplication.translate in ui/app).
The enumeration names reuse ui/labels.py's sources (context "labels"), so they
read the same as on screen.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum, StrEnum

from talkdesk.domain.values import (
    CareLevel,
    FeedbackHow,
    FollowUpStatus,
    Response,
    TalkKind,
    Topic,
)
from talkdesk.reports.record_data import FollowUpLine, RecordFormData

Translate = Callable[[str, str], str]
CONTEXT = "RecordForm"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks a string for lupdate; the caller's `translate` translates it when used."""
    return source


def identity(context: str, source: str) -> str:
    """A `translate` that keeps the English sources (tests, and a missing catalogue)."""
    return source


# -- the fields' labels ---------------------------------------------------------------------

_TIME = QT_TRANSLATE_NOOP("RecordForm", "Time of talk")
_PLACE = QT_TRANSLATE_NOOP("RecordForm", "Place")
_TALKER = QT_TRANSLATE_NOOP("RecordForm", "Talker")
_POST = QT_TRANSLATE_NOOP("RecordForm", "Post")
_PERSON = QT_TRANSLATE_NOOP("RecordForm", "Person talked with")
_DEPARTMENT_POST = QT_TRANSLATE_NOOP("RecordForm", "Department and post")
_OTHERS = QT_TRANSLATE_NOOP("RecordForm", "Others present")
_RECORDER = QT_TRANSLATE_NOOP("RecordForm", "Recorder")
_KIND = QT_TRANSLATE_NOOP("RecordForm", "Kind of talk")
_TOPICS = QT_TRANSLATE_NOOP("RecordForm", "Topics")
_CONTENT = QT_TRANSLATE_NOOP("RecordForm", "What was said")
_PROBLEMS = QT_TRANSLATE_NOOP("RecordForm", "Problems raised")
_SUGGESTIONS = QT_TRANSLATE_NOOP("RecordForm", "Opinions and suggestions")
_MEASURES = QT_TRANSLATE_NOOP("RecordForm", "Follow-up measures and their state")
_FEEDBACK = QT_TRANSLATE_NOOP("RecordForm", "Feedback given")
_CARE = QT_TRANSLATE_NOOP("RecordForm", "Care and concern")
_AMENDMENTS = QT_TRANSLATE_NOOP("RecordForm", "Amendments")

FIELD_LABELS = (
    _TIME,
    _PLACE,
    _TALKER,
    _POST,
    _PERSON,
    _DEPARTMENT_POST,
    _OTHERS,
    _RECORDER,
    _KIND,
    _TOPICS,
    _CONTENT,
    _PROBLEMS,
    _SUGGESTIONS,
    _MEASURES,
    _FEEDBACK,
)
"""The labels every form shows (sources), in order: what a test looks for."""


@dataclass(frozen=True)
class Cell:
    """A labelled value; `lines` are the value's lines (an empty tuple leaves room to write)."""

    label: str
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class PairRow:
    """Two short fields side by side: label, value, label, value."""

    left: Cell
    right: Cell


@dataclass(frozen=True)
class WideRow:
    """A field across the table, at least `min_lines` lines high (room to write by hand)."""

    cell: Cell
    min_lines: int


Row = PairRow | WideRow


@dataclass(frozen=True)
class Signature:
    """Who signs, the line to sign on and the date blank (谈话人签字：______  日期：____)."""

    who: str
    blank: str
    date: str


@dataclass(frozen=True)
class FormLayout:
    """Everything one printed form says, translated.

    Attributes:
        marking: 内部资料 注意保密 when care details are in, else "".
        reference: the talk's number and state, printed under the title.
        page_footer: a format string with {page} and {pages}.
    """

    marking: str
    title: str
    reference: str
    rows: tuple[Row, ...]
    signatures: tuple[Signature, ...]
    page_footer: str


def form_layout(data: RecordFormData, translate: Translate) -> FormLayout:
    """The form of one talk in the language of `translate`."""

    def tr(source: str) -> str:
        return translate(CONTEXT, source)

    def cell(label: str, value: str) -> Cell:
        return Cell(tr(label), _lines(value))

    rows: list[Row] = [
        PairRow(
            Cell(tr(_TIME), (datetime_words(data.held_at, translate),)),
            cell(_PLACE, data.place),
        ),
        PairRow(cell(_TALKER, data.talker), cell(_POST, data.talker_post)),
        PairRow(
            cell(_PERSON, data.person),
            cell(_DEPARTMENT_POST, _joined(" ", data.department, data.person_post)),
        ),
        PairRow(cell(_OTHERS, data.others_present), cell(_RECORDER, data.recorder)),
        PairRow(
            Cell(tr(_KIND), (enum_label(data.kind, translate),)),
            Cell(tr(_TOPICS), _lines(topics_words(data.topics, translate))),
        ),
        WideRow(cell(_CONTENT, data.content), 9),
        WideRow(cell(_PROBLEMS, data.problems), 3),
        WideRow(cell(_SUGGESTIONS, data.suggestions), 3),
        WideRow(Cell(tr(_MEASURES), _measures(data, translate)), 2),
        WideRow(Cell(tr(_FEEDBACK), _feedback(data, translate)), 2),
    ]
    if data.care is not None:
        level = enum_label(data.care.level, translate)
        text = (
            tr(QT_TRANSLATE_NOOP("RecordForm", "{level}: {reason}")).format(
                level=level, reason=data.care.reason
            )
            if data.care.reason
            else level
        )
        rows.append(WideRow(Cell(tr(_CARE), _lines(text)), 1))
    if data.amendments:
        rows.append(WideRow(Cell(tr(_AMENDMENTS), _amendments(data, translate)), 1))
    return FormLayout(
        marking=tr(QT_TRANSLATE_NOOP("RecordForm", "Internal material — keep confidential"))
        if data.confidential
        else "",
        title=_title(data.unit, translate),
        reference=_reference(data, translate),
        rows=tuple(rows),
        signatures=_signatures(translate),
        page_footer=tr(QT_TRANSLATE_NOOP("RecordForm", "Page {page} of {pages}")),
    )


def _title(unit: str, translate: Translate) -> str:
    if unit:
        source = QT_TRANSLATE_NOOP("RecordForm", "{unit}: record of a one-to-one talk")
        return translate(CONTEXT, source).format(unit=unit)
    return translate(CONTEXT, QT_TRANSLATE_NOOP("RecordForm", "Record of a one-to-one talk"))


def _reference(data: RecordFormData, translate: Translate) -> str:
    number = translate(CONTEXT, QT_TRANSLATE_NOOP("RecordForm", "No. {number}")).format(
        number=data.number
    )
    if data.finalised_at is None:
        state = translate(CONTEXT, QT_TRANSLATE_NOOP("RecordForm", "Draft, not finalised"))
    else:
        state = translate(CONTEXT, QT_TRANSLATE_NOOP("RecordForm", "Finalised on {date}")).format(
            date=date_words(data.finalised_at.date(), translate)
        )
    return translate(CONTEXT, QT_TRANSLATE_NOOP("RecordForm", "{number}    {state}")).format(
        number=number, state=state
    )


def _signatures(translate: Translate) -> tuple[Signature, ...]:
    def tr(source: str) -> str:
        return translate(CONTEXT, source)

    blank = "_" * 14
    date = tr(QT_TRANSLATE_NOOP("RecordForm", "Date: ____________"))
    return (
        Signature(tr(QT_TRANSLATE_NOOP("RecordForm", "Talker's signature:")), blank, date),
        Signature(
            tr(QT_TRANSLATE_NOOP("RecordForm", "Signature of the person talked with:")),
            blank,
            date,
        ),
        Signature(tr(QT_TRANSLATE_NOOP("RecordForm", "Recorder's signature:")), blank, date),
    )


def _measures(data: RecordFormData, translate: Translate) -> tuple[str, ...]:
    if not data.follow_ups:
        return (translate(CONTEXT, QT_TRANSLATE_NOOP("RecordForm", "None")),)
    out = []
    for n, item in enumerate(data.follow_ups, 1):
        out.append(f"{n}. {item.title}{_item_state(item, translate)}")
        if item.resolution:
            out.append(
                translate(CONTEXT, QT_TRANSLATE_NOOP("RecordForm", "    Result: {text}")).format(
                    text=item.resolution
                )
            )
    return tuple(out)


def _item_state(item: FollowUpLine, translate: Translate) -> str:
    """The item's handler, due date and status (（承办：办公室；期限：……；进行中））."""

    def tr(source: str) -> str:
        return translate(CONTEXT, source)

    parts = []
    if item.handler:
        parts.append(
            tr(QT_TRANSLATE_NOOP("RecordForm", "handled by {handler}")).format(handler=item.handler)
        )
    if item.due_on is not None:
        parts.append(
            tr(QT_TRANSLATE_NOOP("RecordForm", "due {date}")).format(
                date=date_words(item.due_on, translate)
            )
        )
    parts.append(enum_label(item.status, translate))
    joined = tr(QT_TRANSLATE_NOOP("RecordForm", "; ")).join(parts)
    return tr(QT_TRANSLATE_NOOP("RecordForm", " ({state})")).format(state=joined)


def _feedback(data: RecordFormData, translate: Translate) -> tuple[str, ...]:
    def tr(source: str) -> str:
        return translate(CONTEXT, source)

    if not data.follow_ups:
        return (tr(QT_TRANSLATE_NOOP("RecordForm", "None")),)
    out = []
    for n, item in enumerate(data.follow_ups, 1):
        if item.feedback_on is None:
            continue
        how = enum_label(item.feedback_how, translate) if item.feedback_how else ""
        line = tr(QT_TRANSLATE_NOOP("RecordForm", "{n}. {title}: told {how} on {date}")).format(
            n=n, title=item.title, how=how, date=date_words(item.feedback_on, translate)
        )
        if item.feedback_text:
            line += tr(QT_TRANSLATE_NOOP("RecordForm", ": {text}")).format(text=item.feedback_text)
        if item.response is not None:
            line += tr(QT_TRANSLATE_NOOP("RecordForm", " (the person: {response})")).format(
                response=enum_label(item.response, translate)
            )
        out.append(line)
    return tuple(out) or (tr(QT_TRANSLATE_NOOP("RecordForm", "Not given yet")),)


def _amendments(data: RecordFormData, translate: Translate) -> tuple[str, ...]:
    out: list[str] = []
    for a in data.amendments:
        head = translate(
            CONTEXT, QT_TRANSLATE_NOOP("RecordForm", "{time}, reason for the correction: {reason}")
        ).format(time=datetime_words(a.made_at, translate), reason=a.reason)
        out.append(head)
        out.extend(_lines(a.text))
    return tuple(out)


# -- words for values --------------------------------------------------------------------------


def date_words(day: date, translate: Translate) -> str:
    """2026年11月20日 in Chinese, 2026-11-20 in English."""
    return translate(CONTEXT, QT_TRANSLATE_NOOP("RecordForm", "{year}-{month:02}-{day:02}")).format(
        year=day.year, month=day.month, day=day.day
    )


def datetime_words(at: datetime, translate: Translate) -> str:
    return f"{date_words(at.date(), translate)} {at:%H:%M}"


def topics_words(topics: tuple[Topic, ...], translate: Translate) -> str:
    return translate("labels", QT_TRANSLATE_NOOP("labels", ", ")).join(
        enum_label(t, translate) for t in topics
    )


def _lines(text: str) -> tuple[str, ...]:
    """A value's lines without the blank ones at either end."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return tuple(lines) if any(lines) else ()


def _joined(separator: str, *parts: str) -> str:
    return separator.join(p.strip() for p in parts if p.strip())


def estimated_lines(lines: tuple[str, ...], chars_per_line: int) -> int:
    """How many printed lines a value takes at about `chars_per_line` wide characters."""
    return sum(max(1, math.ceil(_width(line) / chars_per_line)) for line in lines)


def _width(line: str) -> float:
    """Width in wide (CJK) characters: a Latin letter or digit is about half of one."""
    narrow = len(re.findall(r"[\x00-\x7f]", line))
    return len(line) - narrow + narrow / 2


# -- enumeration names (the same sources as ui/labels.py) --------------------------------------

_ENUM_LABELS: dict[Enum, str] = {
    TalkKind.REGULAR: QT_TRANSLATE_NOOP("labels", "Regular talk"),
    TalkKind.NEW_POST: QT_TRANSLATE_NOOP("labels", "New-post talk"),
    TalkKind.TRANSFER: QT_TRANSLATE_NOOP("labels", "Transfer talk"),
    TalkKind.CARING: QT_TRANSLATE_NOOP("labels", "Caring talk"),
    TalkKind.REMINDING: QT_TRANSLATE_NOOP("labels", "Reminding talk"),
    TalkKind.REQUESTED: QT_TRANSLATE_NOOP("labels", "Requested talk"),
    TalkKind.OTHER: QT_TRANSLATE_NOOP("labels", "Other talk"),
    Topic.WORK: QT_TRANSLATE_NOOP("labels", "Work"),
    Topic.BUSINESS: QT_TRANSLATE_NOOP("labels", "Professional skills"),
    Topic.IDEOLOGY: QT_TRANSLATE_NOOP("labels", "Thinking"),
    Topic.LIFE: QT_TRANSLATE_NOOP("labels", "Life"),
    Topic.CAREER: QT_TRANSLATE_NOOP("labels", "Career"),
    Topic.CONCERNS: QT_TRANSLATE_NOOP("labels", "Concerns and requests"),
    Topic.HEALTH: QT_TRANSLATE_NOOP("labels", "Health"),
    CareLevel.NONE: QT_TRANSLATE_NOOP("labels", "No special care"),
    CareLevel.WATCH: QT_TRANSLATE_NOOP("labels", "Keep an eye on"),
    CareLevel.CARE: QT_TRANSLATE_NOOP("labels", "Needs care"),
    FollowUpStatus.OPEN: QT_TRANSLATE_NOOP("labels", "Open"),
    FollowUpStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("labels", "In progress"),
    FollowUpStatus.RESOLVED: QT_TRANSLATE_NOOP("labels", "Resolved"),
    FollowUpStatus.UNRESOLVABLE: QT_TRANSLATE_NOOP("labels", "Cannot be resolved"),
    FeedbackHow.IN_PERSON: QT_TRANSLATE_NOOP("labels", "In person"),
    FeedbackHow.PHONE: QT_TRANSLATE_NOOP("labels", "By phone"),
    FeedbackHow.WRITING: QT_TRANSLATE_NOOP("labels", "In writing"),
    Response.SATISFIED: QT_TRANSLATE_NOOP("labels", "Satisfied"),
    Response.PARTLY: QT_TRANSLATE_NOOP("labels", "Partly satisfied"),
    Response.NOT_SATISFIED: QT_TRANSLATE_NOOP("labels", "Not satisfied"),
}


def enum_label(value: StrEnum, translate: Translate) -> str:
    """The display name of a kind, topic, care level, status, feedback way or response."""
    source = _ENUM_LABELS.get(value)
    return translate("labels", source) if source is not None else str(value)
