"""The ledger (台账) as an Excel workbook, streamed with openpyxl's write-only mode.

Three sheets: the talks, the follow-ups and a summary. Each sheet has a title
row (the unit and the period), a frozen header row with a filter, column widths
that suit the content, real dates and wrapped long text (`ledger_cells`: what
looks like a formula is stored as text). The summary counts the sheets' rows and
shows the period's indicators from the statistics service, the same numbers as
the Statistics page and the evaluation report.

Rows arrive in chunks from `LedgerService` and go straight to the file, so a
ledger of any size needs little memory; between chunks the progress is
reported and a cancellation honoured (then no file is left). The words come
from `ledger_texts`, translated by the caller's `translate`.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

from talkdesk.domain.values import Response
from talkdesk.reports import ledger_cells as cells
from talkdesk.reports import ledger_texts as texts
from talkdesk.services.exports import ExportKind, ExportsService
from talkdesk.services.ledger import (
    LedgerFilter,
    LedgerFollowUp,
    LedgerHeading,
    LedgerService,
    LedgerSummary,
    LedgerTalk,
)
from talkdesk.services.statistics import StatisticsService
from talkdesk.services.statistics_figures import (
    PeriodKind,
    ReportPeriod,
    Statistics,
    StatisticsFilter,
)

log = logging.getLogger(__name__)

Translate = Callable[[str, str], str]
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

CONFIDENTIAL = "内部资料 注意保密"
"""The classification mark of a ledger with care details: the same words in every language."""


class LedgerCancelled(Exception):
    """The user cancelled the export; the half-written file was removed."""


@dataclass(frozen=True)
class LedgerResult:
    """What was written: the rows of each sheet."""

    talks: int
    follow_ups: int


@dataclass(frozen=True)
class LedgerSources:
    """The services a ledger is written from: its rows, the period's indicators (the same
    figures as the Statistics page and the evaluation report), and the audited way out."""

    ledger: LedgerService
    statistics: StatisticsService
    exports: ExportsService


def export_ledger(
    path: Path,
    sources: LedgerSources,
    flt: LedgerFilter,
    translate: Translate,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> LedgerResult:
    """Write the ledger to `path` (whole or not at all) and record the export in the audit log.

    Raises LedgerCancelled when `cancelled()` turns true: then no file is left and
    nothing is audited.
    """
    summary = sources.ledger.summary(flt)
    heading = sources.ledger.heading(flt)
    stats = sources.statistics.compute(
        report_period(flt.date_from, flt.date_to),
        StatisticsFilter(department_id=flt.department_id, talker_id=flt.talker_id),
    )
    writer = _LedgerWriter(
        sources.ledger, flt, summary, stats, heading, translate, progress, cancelled
    )
    total = summary.talks + summary.follow_ups
    sources.exports.save(path, writer.write, ExportKind.LEDGER, total)
    return LedgerResult(summary.talks, summary.follow_ups)


def report_period(first: date, last: date) -> ReportPeriod:
    """The statistics period of these days: a calendar one when they are one (so the figures
    are those the Statistics page shows, and computed once), else a custom one."""
    for kind in (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.HALF_YEAR, PeriodKind.YEAR):
        period = ReportPeriod.of(kind, first)
        if period.start == first and period.last_day == last:
            return period
    return ReportPeriod.between(first, last)


# -- the sheets' columns -------------------------------------------------------------


E = TypeVar("E", bound=StrEnum)


# -- the writer ----------------------------------------------------------------------


class _LedgerWriter:
    """One export: the workbook's styles, the three sheets, progress and cancellation."""

    def __init__(
        self,
        ledger: LedgerService,
        flt: LedgerFilter,
        summary: LedgerSummary,
        stats: Statistics,
        heading: LedgerHeading,
        translate: Translate,
        progress: Progress | None,
        cancelled: Cancelled | None,
    ) -> None:
        self._ledger = ledger
        self._flt = flt
        self._summary = summary
        self._stats = stats
        self._heading = heading
        self._translate = translate
        self._progress = progress
        self._cancelled = cancelled
        self._total = summary.talks + summary.follow_ups
        self._done = 0
        # labels once per export, not once per cell
        self._labels = {
            value: translate("labels", source) for value, source in texts.LABELS.items()
        }
        self._topic_separator = translate("labels", ", ")
        self._yes = self._t(texts.YES)
        self._talk_columns = texts.TALK_COLUMNS + (texts.CARE_COLUMNS if flt.include_care else ())

    def _t(self, source: str) -> str:
        return self._translate(texts.CONTEXT, source)

    def write(self, out: BinaryIO) -> None:
        wb = Workbook(write_only=True)
        try:
            cells.add_styles(wb)
            self._report(0)
            talks = self._sheet(wb, texts.SHEET_TALKS, texts.WHAT_TALKS, self._talk_columns)
            follow_ups = self._sheet(
                wb, texts.SHEET_FOLLOW_UPS, texts.WHAT_FOLLOW_UPS, texts.FOLLOW_UP_COLUMNS
            )
            summary = wb.create_sheet(self._t(texts.SHEET_SUMMARY))
            n = self._rows(talks, self._ledger.talk_chunks(self._flt), self._talk_row)
            self._finish(talks, self._talk_columns, n)
            n = self._rows(follow_ups, self._ledger.follow_up_chunks(self._flt), self._follow_row)
            self._finish(follow_ups, texts.FOLLOW_UP_COLUMNS, n)
            self._write_summary(summary)
            self._check_cancelled()
            wb.save(out)
        except BaseException:
            cells.discard(wb)
            raise

    # -- the frame of a sheet --

    def _sheet(self, wb: Workbook, name: str, what: str, columns: tuple[texts.Column, ...]) -> Any:
        """A sheet with its widths, frozen title and header rows, the title and the header."""
        ws = wb.create_sheet(self._t(name))
        for i, column in enumerate(columns, 1):
            ws.column_dimensions[get_column_letter(i)].width = column.width
        ws.freeze_panes = "A3"  # set before the first row: openpyxl writes it first
        ws.append([self._title_cell(ws, what)])
        ws.append([cells.styled(ws, self._t(column.header), "ledger_header") for column in columns])
        return ws

    def _title_cell(self, ws: Any, what: str) -> Any:
        flt = self._flt
        text = self._t(texts.TITLE).format(
            unit=self._heading.unit,
            what=self._t(what),
            start=flt.date_from.isoformat(),
            end=flt.date_to.isoformat(),
        )
        text = cells.clean(text.strip())
        if flt.include_care:
            return cells.styled(ws, f"{CONFIDENTIAL}    {text}", "ledger_mark")
        return cells.styled(ws, text, "ledger_title")

    def _finish(self, ws: Any, columns: tuple[texts.Column, ...], rows: int) -> None:
        """What openpyxl writes after the rows: the filter, the merged title, printing."""
        last = get_column_letter(len(columns))
        ws.auto_filter.ref = f"A2:{last}{rows + 2}"
        ws.merged_cells.add(f"A1:{last}1")
        self._print_setup(ws)

    def _print_setup(self, ws: Any) -> None:
        """A4 landscape, as wide as the page, title and header on every page."""
        ws.print_title_rows = "1:2"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = "9"  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        if self._flt.include_care:
            ws.oddHeader.center.text = CONFIDENTIAL
        ws.oddFooter.center.text = self._t(texts.FOOTER)

    # -- rows --

    def _rows(
        self,
        ws: Any,
        chunks: Generator[list[Any], None, None],
        make: Callable[[cells.Cells, Any], list[Any]],
    ) -> int:
        n, made = 0, cells.Cells(ws)
        with contextlib.closing(chunks):  # the connection is given back even when stopped early
            for chunk in chunks:
                self._check_cancelled()
                for row in chunk:
                    n += 1
                    ws.append(make(made, row))
                self._report(len(chunk))
        return n

    def _talk_row(self, c: cells.Cells, t: LedgerTalk) -> list[Any]:
        labels = self._labels
        row = [
            t.id,
            t.held_at.date(),
            c.text(t.person_name),
            c.text(t.department_name),
            c.text(t.position),
            c.text(t.talker_name),
            labels[t.kind],
            self._topic_separator.join(labels[topic] for topic in t.topics) or None,
            c.long(t.place),
            c.long(t.others_present),
            c.text(t.recorder),
            c.long(t.content),
            c.long(t.problems),
            c.long(t.suggestions),
            c.long(t.amendments),
            t.follow_ups or None,
            labels[t.state],
        ]
        if self._flt.include_care:
            row.append(labels[t.care_level] if t.care_level else None)
            row.append(c.long(t.care_reason))
        return row

    def _follow_row(self, c: cells.Cells, f: LedgerFollowUp) -> list[Any]:
        labels = self._labels
        return [
            f.id,
            c.long(f.title),
            c.long(f.detail),
            labels[f.source],
            c.text(f.person_name),
            c.text(f.department_name),
            f.talk_id,
            f.talk_on,
            c.text(f.talker_name),
            c.text(f.handler),
            f.created_on,
            f.due_on,
            labels[f.status],
            self._yes if f.overdue else None,
            f.closed_on,
            c.long(f.resolution),
            f.feedback_on,
            labels[f.feedback_how] if f.feedback_how else None,
            c.long(f.feedback_text),
            labels[f.response] if f.response else None,
        ]

    # -- the summary --

    def _write_summary(self, ws: Any) -> None:
        s, flt, t = self._summary, self._flt, self._t
        ws.column_dimensions["A"].width = 44
        ws.column_dimensions["B"].width = 24
        ws.append([self._title_cell(ws, texts.WHAT_SUMMARY)])
        every = t(texts.ALL)
        lines: list[tuple[str, Any]] = [
            (t(texts.PERIOD), f"{flt.date_from.isoformat()} – {flt.date_to.isoformat()}"),
            (t(texts.DEPARTMENT), self._heading.department_name or every),
            (t(texts.TALKER), self._heading.talker_name or every),
            (t(texts.KIND), self._label(flt.kind) or every),
            (t(texts.TOPIC), self._label(flt.topic) or every),
            (t(texts.STATE), self._label(flt.state) or every),
            (t(texts.STATUS), self._label(flt.status) or every),
            (t(texts.EXPORTED_ON), s.today),
        ]
        c = cells.Cells(ws)
        for name, value in lines:
            ws.append([name, c.text(value) if isinstance(value, str) else value])

        self._indicators(ws)

        ws.append([])
        ws.append([cells.styled(ws, t(texts.IN_THE_LEDGER), "ledger_header")])
        self._section(ws, t(texts.TALKS), s.talks)
        nobody = t(texts.NO_DEPARTMENT)
        departments = ((name or nobody, n) for name, n in s.by_department)
        self._table(ws, t(texts.DEPARTMENT), t(texts.TALKS), departments)
        self._table(ws, t(texts.TALKER), t(texts.TALKS), s.by_talker)
        self._table(ws, t(texts.KIND), t(texts.TALKS), self._labelled(s.by_kind))
        if flt.include_care:
            self._table(ws, t(texts.CARE), t(texts.TALKS), self._labelled(s.care))
        self._section(ws, t(texts.FOLLOW_UPS), s.follow_ups)
        self._table(ws, t(texts.ITEM_STATUS), t(texts.FOLLOW_UPS), self._labelled(s.by_status))
        self._print_setup(ws)

    def _indicators(self, ws: Any) -> None:
        """The period's figures from the statistics service: the Statistics page's numbers."""
        st, t = self._stats, self._t
        ws.append([])
        ws.append([cells.styled(ws, t(texts.INDICATORS), "ledger_header")])
        ws.append([cells.styled(ws, t(texts.INDICATORS_NOTE), "ledger_note")])
        f, fb = st.follow_ups, st.feedback
        lines: list[tuple[str, int | float | None, str | None]] = [
            (t(texts.TALKS_HELD), st.talks, None),
            (t(texts.PEOPLE_TALKED), st.people_talked, None),
            (t(texts.COVERED), st.coverage.covered, None),
            (t(texts.COVERED_TALKED), st.coverage.talked, None),
            (t(texts.COVERAGE), st.coverage.rate, "0.0%"),
            (t(texts.OPENED), f.opened, None),
            (t(texts.RESOLVED), f.resolved, None),
            (t(texts.ON_TIME), f.resolved_on_time, None),
            (t(texts.ON_TIME_RATE), f.on_time_rate, "0.0%"),
            (t(texts.UNRESOLVABLE), f.unresolvable, None),
            (t(texts.OVERDUE_ON).format(day=st.as_of.isoformat()), f.overdue, None),
            (t(texts.MEDIAN), f.median_days_to_resolve, "0.0"),
            (t(texts.OWED), fb.owed, None),
            (t(texts.GIVEN), fb.given, None),
            (t(texts.GIVEN_RATE), fb.rate, "0.0%"),
            *(
                (t(texts.RESPONSE).format(response=self._labels[r]), fb.count(r), None)
                for r in Response
            ),
        ]
        if self._flt.include_care:
            lines += [
                (t(texts.CARED), st.care.people, None),
                (t(texts.CARED_AGAIN), st.care.talked_again, None),
            ]
        for name, value, number_format in lines:
            cell = WriteOnlyCell(ws, value=value)
            if number_format is not None:
                cell.number_format = number_format
            ws.append([name, cell])

    def _section(self, ws: Any, name: str, total: int) -> None:
        ws.append([])
        ws.append(
            [cells.styled(ws, name, "ledger_header"), cells.styled(ws, total, "ledger_header")]
        )

    def _table(self, ws: Any, key: str, count: str, rows: Iterable[tuple[str, int]]) -> None:
        ws.append([])
        ws.append([cells.styled(ws, key, "ledger_bold"), cells.styled(ws, count, "ledger_bold")])
        c = cells.Cells(ws)
        for name, n in rows:
            ws.append([c.text(name), n])

    def _label(self, value: StrEnum | None) -> str | None:
        return None if value is None else self._labels[value]

    def _labelled(self, rows: Iterable[tuple[E, int]]) -> Iterator[tuple[str, int]]:
        return ((self._labels[value], n) for value, n in rows)

    # -- progress and cancelling --

    def _report(self, rows: int) -> None:
        self._done = min(self._total, self._done + rows)
        if self._progress is not None:
            self._progress(self._done, self._total)

    def _check_cancelled(self) -> None:
        if self._cancelled is not None and self._cancelled():
            log.info("ledger export cancelled")
            raise LedgerCancelled
