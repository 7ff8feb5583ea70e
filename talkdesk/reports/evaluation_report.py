"""The evaluation report (评估报告) of a quarter or half-year as a Word document.

A4, titled with the unit and the period: a summary paragraph written from the
figures, the indicators against the previous period, the charts (PNG images the
caller drew: this layer has no Qt), who was due a talk and had none, the
follow-ups overdue or still owed feedback, the people flagged for care (only
when asked for, and then the report is marked 内部资料 注意保密), and a bordered
box for the reviewer's comments with signature and date lines. Every run names
its East-Asian face (仿宋 body, 黑体 headings, 方正小标宋简体 title falling back to
黑体). Private notes are not in `ReportData` at all.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from talkdesk.reports import report_texts as texts
from talkdesk.reports.docx_fonts import (
    Face,
    add_page_footer,
    add_run,
    keep_together,
    prepare_document,
    set_a4,
    style_run,
)
from talkdesk.reports.record_form import safe_file_name
from talkdesk.reports.report_data import CaredLine, FollowUpLine, Listed, MissedPerson, ReportData
from talkdesk.reports.report_figures import indicator_rows, summary
from talkdesk.reports.report_table import add_table
from talkdesk.reports.report_texts import (
    CONFIDENTIAL,
    CONTEXT,
    DASH,
    Translate,
    cadence_words,
    date_words,
    period_words,
)
from talkdesk.services.exports import ExportKind, ExportsService
from talkdesk.services.statistics_figures import ReportPeriod

TITLE = Face("方正小标宋简体", "Times New Roman", 18)  # 小二
MARKING = Face("黑体", "Arial", 14)  # 四号
HEADING = Face("黑体", "Arial", 15)
SUBHEADING = Face("黑体", "Arial", 12.5)
BODY = Face("仿宋", "Times New Roman", 14)  # 四号
INFO = Face("仿宋", "Times New Roman", 12)  # 小四
CELL = Face("仿宋", "Times New Roman", 10.5)  # 五号
CELL_HEAD = Face("黑体", "Arial", 10.5)
CAPTION = Face("黑体", "Arial", 10.5)
FOOTER = Face("宋体", "Times New Roman", 9)

MARGINS = (Cm(2.5), Cm(2.2), Cm(2.8), Cm(2.6))  # top, bottom, left, right: 15.6 cm of text
TEXT_WIDTH = 15.6  # cm
CHART_WIDTH = Cm(15.0)
HEADER_FILL = "E8EDF3"

_INDICATOR_COLUMNS = (5.4, 3.6, 3.6, 3.0)
_MISSED_COLUMNS = (1.2, 2.4, 3.6, 5.2, 3.2)
_OVERDUE_COLUMNS = (1.0, 5.0, 1.9, 2.6, 1.9, 2.0, 1.2)
_OWED_COLUMNS = (1.0, 5.0, 1.9, 2.6, 1.9, 2.0, 1.2)
_CARED_COLUMNS = (1.0, 1.9, 2.4, 1.7, 2.2, 4.2, 2.2)


@dataclass(frozen=True)
class ChartImage:
    """A chart drawn by the caller (the UI's charts, as PNG) with the caption it gets."""

    title: str
    png: bytes
    width_cm: float = 15.0  # as wide as it is shown on the page


def report_file_stem(period: ReportPeriod, translate: Translate) -> str:
    """The name offered for the report: 谈心谈话工作评估报告_2026Q3."""
    return safe_file_name(f"{translate(CONTEXT, texts.FILE_STEM)}_{period.code}")


def export_evaluation_report(
    path: Path,
    data: ReportData,
    charts: Sequence[ChartImage],
    exports: ExportsService,
    translate: Translate,
) -> None:
    """Write the report to `path` (whole or not at all) and record the export in the audit log."""
    exports.save(
        path,
        lambda out: write_evaluation_report(out, data, charts, translate),
        ExportKind.REPORT,
        data.records,
    )


def write_evaluation_report(
    out: BinaryIO, data: ReportData, charts: Sequence[ChartImage], translate: Translate
) -> None:
    _Writer(data, charts, translate).write(out)


class _Writer:
    def __init__(
        self, data: ReportData, charts: Sequence[ChartImage], translate: Translate
    ) -> None:
        self.data = data
        self.charts = charts
        self.translate = translate
        self.document: Any = Document()
        self.headings = 0

    def tr(self, source: str) -> str:
        return self.translate(CONTEXT, source)

    def write(self, out: BinaryIO) -> None:
        document = self.document
        prepare_document(document, BODY, FOOTER, line_spacing=1.25)
        props = document.core_properties
        props.title = self.tr(texts.DOCUMENT_TITLE)
        props.author = props.last_modified_by = props.comments = props.keywords = ""
        props.subject = props.category = ""
        section = document.sections[0]
        set_a4(section, *MARGINS)
        add_page_footer(section, self.tr(texts.FOOTER), FOOTER)
        self._head()
        self._heading(texts.OVERVIEW)
        self._body(summary(self.data, self.translate))
        self._heading(texts.INDICATORS)
        self._indicators()
        self._heading(texts.CHARTS)
        self._charts()
        self._heading(texts.MISSED)
        self._missed()
        self._heading(texts.FOLLOW_UPS)
        self._follow_ups()
        if self.data.cared is not None:
            self._heading(texts.CARE)
            self._cared(self.data.cared)
        self._review_box()
        document.save(out)

    # -- the head ------------------------------------------------------------------------

    def _head(self) -> None:
        data, translate = self.data, self.translate
        if data.confidential:
            add_run(self._paragraph(), CONFIDENTIAL, MARKING)
        period = period_words(data.period, translate)
        if data.unit:
            title = self.tr(texts.TITLE).format(unit=data.unit, period=period)
        else:
            title = self.tr(texts.TITLE_NO_UNIT).format(period=period)
        paragraph = self._paragraph(WD_ALIGN_PARAGRAPH.CENTER)
        paragraph.paragraph_format.space_before = Pt(12)
        paragraph.paragraph_format.space_after = Pt(12)
        paragraph.paragraph_format.line_spacing = 1.1
        add_run(paragraph, title.strip(), TITLE)
        previous = period_words(data.previous.period, translate)
        lines = [
            self.tr(texts.PERIOD_LINE).format(
                start=date_words(data.period.start, translate),
                end=date_words(data.period.last_day, translate),
                previous=previous,
            ),
            self.tr(texts.SCOPE_ALL)
            if data.department is None
            else self.tr(texts.SCOPE_DEPARTMENT).format(department=data.department),
            self.tr(texts.AS_OF_LINE).format(
                as_of=date_words(data.stats.as_of, translate),
                made_on=date_words(data.made_on, translate),
            ),
        ]
        for line in lines:
            add_run(self._paragraph(WD_ALIGN_PARAGRAPH.CENTER), line, INFO)
        self._paragraph().paragraph_format.space_after = Pt(6)

    # -- paragraphs ---------------------------------------------------------------------

    def _paragraph(self, align: Any = None) -> Any:
        paragraph = self.document.add_paragraph()
        if align is not None:
            paragraph.alignment = align
        return paragraph

    def _heading(self, source: str) -> None:
        paragraph = self._paragraph()
        fmt = paragraph.paragraph_format
        fmt.space_before, fmt.space_after = Pt(14), Pt(6)
        fmt.keep_with_next = True
        ordinal = self.tr(texts.ORDINALS[self.headings])
        self.headings += 1
        add_run(paragraph, f"{ordinal}{self.tr(source)}", HEADING)

    def _subheading(self, n: int, text: str) -> None:
        paragraph = self._paragraph()
        fmt = paragraph.paragraph_format
        fmt.space_before, fmt.space_after = Pt(8), Pt(4)
        fmt.keep_with_next = True
        add_run(paragraph, f"{self.tr(texts.SUB_ORDINALS[n])}{text}", SUBHEADING)

    def _body(self, text: str) -> None:
        paragraph = self._paragraph(WD_ALIGN_PARAGRAPH.JUSTIFY)
        paragraph.paragraph_format.first_line_indent = Pt(BODY.size * 2)
        add_run(paragraph, text, BODY)

    def _note(self, text: str) -> None:
        paragraph = self._paragraph()
        paragraph.paragraph_format.space_before = Pt(3)
        add_run(paragraph, text, INFO)

    # -- tables ---------------------------------------------------------------------------

    def _table(
        self,
        widths: Sequence[float],
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        centred: Sequence[int] = (),
    ) -> Any:
        """A bordered table with a shaded header row repeated on each page."""
        return add_table(self.document, widths, header, rows, CELL, CELL_HEAD, HEADER_FILL, centred)

    # -- the sections ----------------------------------------------------------------------

    def _indicators(self) -> None:
        translate = self.translate
        header = (
            self.tr(texts.INDICATOR),
            self.tr(texts.THIS_PERIOD).format(period=period_words(self.data.period, translate)),
            self.tr(texts.PREVIOUS_PERIOD).format(
                period=period_words(self.data.previous.period, translate)
            ),
            self.tr(texts.CHANGE),
        )
        rows = [(r.name, r.now, r.before, r.change) for r in indicator_rows(self.data, translate)]
        self._table(_INDICATOR_COLUMNS, header, rows, centred=(1, 2, 3))

    def _charts(self) -> None:
        if not self.charts:
            self._body(self.tr(texts.NO_CHARTS))
            return
        for n, chart in enumerate(self.charts, start=1):
            picture = self._paragraph(WD_ALIGN_PARAGRAPH.CENTER)
            picture.paragraph_format.space_before = Pt(6)
            picture.paragraph_format.keep_with_next = True
            run = picture.add_run()
            style_run(run, CAPTION)
            width = Cm(min(chart.width_cm, CHART_WIDTH.cm))
            run.add_picture(io.BytesIO(chart.png), width=width)
            caption = self._paragraph(WD_ALIGN_PARAGRAPH.CENTER)
            caption.paragraph_format.space_after = Pt(6)
            add_run(caption, self.tr(texts.FIGURE).format(n=n, title=chart.title), CAPTION)

    def _missed(self) -> None:
        missed, stats = self.data.missed, self.data.stats
        if stats.coverage.covered == 0:
            self._body(self.tr(texts.NO_PLANS))
            return
        if not missed.total:
            self._body(self.tr(texts.NOBODY_MISSED))
            return
        period = period_words(self.data.period, self.translate)
        rows = [
            (str(n), p.name, p.department or DASH, self._plans(p), period)
            for n, p in enumerate(missed.lines, start=1)
        ]
        header = (texts.NUMBER, texts.PERSON, texts.DEPARTMENT, texts.PLAN, texts.PERIOD)
        self._table(_MISSED_COLUMNS, [self.tr(h) for h in header], rows, centred=(0,))
        self._cut(missed)

    def _plans(self, person: MissedPerson) -> str:
        if not person.plans:
            return self.tr(texts.NO_PLAN)
        return "\n".join(
            self.tr(texts.PLAN_CADENCE).format(
                plan=p.name, cadence=cadence_words(p.cadence, p.n, self.translate)
            )
            for p in person.plans
        )

    def _follow_ups(self) -> None:
        data, translate = self.data, self.translate
        as_of = data.stats.as_of
        self._subheading(
            0,
            self.tr(texts.OVERDUE).format(
                date=date_words(as_of, translate), count=data.overdue.total
            ),
        )
        if data.overdue.total:
            rows = [
                (
                    str(n),
                    f.title,
                    self._person(f),
                    f.department or DASH,
                    f.handler or DASH,
                    self._day(f.due_on),
                    str((as_of - f.due_on).days) if f.due_on else DASH,
                )
                for n, f in enumerate(data.overdue.lines, start=1)
            ]
            header = (
                texts.NUMBER,
                texts.ITEM,
                texts.PERSON,
                texts.DEPARTMENT,
                texts.HANDLER,
                texts.DUE,
                texts.DAYS_OVERDUE,
            )
            self._table(_OVERDUE_COLUMNS, [self.tr(h) for h in header], rows, (0, 5, 6))
            self._cut(data.overdue)
        else:
            self._note(self.tr(texts.NONE_LISTED))
        self._subheading(1, self.tr(texts.OWED).format(count=data.owed.total))
        if data.owed.total:
            rows = [
                (
                    str(n),
                    f.title,
                    self._person(f),
                    f.department or DASH,
                    f.handler or DASH,
                    self._day(f.due_on),
                    translate("labels", texts.STATUSES[f.status]),
                )
                for n, f in enumerate(data.owed.lines, start=1)
            ]
            header = (
                texts.NUMBER,
                texts.ITEM,
                texts.PERSON,
                texts.DEPARTMENT,
                texts.HANDLER,
                texts.DUE,
                texts.STATUS_NOW,
            )
            self._table(_OWED_COLUMNS, [self.tr(h) for h in header], rows, (0, 5, 6))
            self._cut(data.owed)
        else:
            self._note(self.tr(texts.NONE_LISTED))

    def _cared(self, cared: Listed[CaredLine]) -> None:
        if not cared.total:
            self._body(self.tr(texts.NOBODY_FLAGGED))
            return
        rows = [
            (
                str(n),
                c.name,
                c.department or DASH,
                self.translate("labels", texts.CARE_LEVELS[c.level]),
                self._day(c.flagged_on),
                c.reason or DASH,
                self._day(c.talked_again_on) if c.talked_again_on else self.tr(texts.NOT_YET),
            )
            for n, c in enumerate(cared.lines, start=1)
        ]
        header = (
            texts.NUMBER,
            texts.PERSON,
            texts.DEPARTMENT,
            texts.CARE_LEVEL,
            texts.FLAGGED_ON,
            texts.REASON,
            texts.TALKED_AGAIN_ON,
        )
        self._table(_CARED_COLUMNS, [self.tr(h) for h in header], rows, (0, 3, 4, 6))
        self._cut(cared)

    def _cut(self, listed: Listed[Any]) -> None:
        if listed.cut:
            self._note(
                self.tr(texts.FIRST_ONLY).format(shown=len(listed.lines), total=listed.total)
            )

    def _person(self, item: FollowUpLine) -> str:
        return item.person or self.tr(texts.ANONYMOUS)

    def _day(self, day: date | None) -> str:
        return DASH if day is None else date_words(day, self.translate)

    # -- the reviewer's box ----------------------------------------------------------------

    def _review_box(self) -> None:
        spacer = self._paragraph()
        spacer.paragraph_format.space_before = Pt(12)
        spacer.paragraph_format.keep_with_next = True
        table = self.document.add_table(rows=1, cols=1)
        table.style = self.document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        table.columns[0].width = Cm(TEXT_WIDTH)
        row = table.rows[0]
        row.height = Cm(6.5)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        keep_together(row)
        cell = row.cells[0]
        cell.width = Cm(TEXT_WIDTH)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
        label = cell.paragraphs[0]
        label.paragraph_format.space_before = Pt(6)
        add_run(label, self.tr(texts.REVIEW_LABEL), SUBHEADING)
        for _ in range(5):
            add_run(cell.add_paragraph(), "", BODY)
        for source, before in ((texts.REVIEWER, 6), (texts.REVIEW_DATE, 10)):
            line = cell.add_paragraph()
            line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            line.paragraph_format.space_before = Pt(before)
            line.paragraph_format.right_indent = Cm(1.0)
            add_run(line, self.tr(source), INFO)
        cell.add_paragraph().paragraph_format.space_after = Pt(4)
