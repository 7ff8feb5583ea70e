"""The talk record form (谈心谈话记录表) as a Word document: A4, a bordered table, signatures.

Every run names its East-Asian face (仿宋 body, 黑体 labels, 方正小标宋简体 title)
through talkdesk.reports.docx_fonts, which also sets the styles, the font
table's fallbacks, the A4 page and the footer. Many talks go into one
document, a section (and a page) per talk with its own page numbers, or into a
folder, a file per talk. Private notes are not in `RecordFormData` at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from talkdesk.reports.docx_fonts import Face, add_page_footer, add_run, prepare_document, set_a4
from talkdesk.reports.record_data import ExportCancelled, Progress, RecordFormData
from talkdesk.reports.record_layout import (
    CONTEXT,
    QT_TRANSLATE_NOOP,
    FormLayout,
    PairRow,
    Translate,
    WideRow,
    form_layout,
)

# -- page and fonts ---------------------------------------------------------------------------

MARGINS = (Cm(2.5), Cm(2.2), Cm(2.8), Cm(2.6))  # top, bottom, left, right
COLUMN_WIDTHS = (Cm(3.2), Cm(4.6), Cm(3.2), Cm(4.6))  # 15.6 cm: the page between the margins
LINE_PT = 12 * 1.3  # 小四 at the body's line spacing
SIGNATURE_DATE_AT = Cm(8.5)  # where the date blanks of the signature lines start


TITLE = Face("方正小标宋简体", "Times New Roman", 22)  # 二号
MARKING = Face("黑体", "Arial", 14)  # 四号
LABEL = Face("黑体", "Arial", 12)  # 小四
BODY = Face("仿宋", "Times New Roman", 12)
SMALL = Face("仿宋", "Times New Roman", 10.5)  # 五号
FOOTER = Face("宋体", "Times New Roman", 9)

# what follows w:pgNumType in a w:sectPr (the schema's order)
_AFTER_PAGE_NUMBERING = (
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
)


class FileNames(StrEnum):
    """How files are named when each talk goes into its own file."""

    DATE_NUMBER = "date_number"
    DATE_NUMBER_NAME = "date_number_name"


# -- writing --------------------------------------------------------------------------------


def write_record_forms(
    out: BinaryIO,
    forms: Sequence[RecordFormData],
    translate: Translate,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """Write one .docx holding each talk's form on its own pages (a section per talk)."""
    if not forms:
        raise ValueError("no talk to write")
    document = Document()
    _prepare(document, translate)
    for n, data in enumerate(forms):
        if cancelled is not None and cancelled():
            raise ExportCancelled
        layout = form_layout(data, translate)
        if n == 0:  # later sections copy its page and share its footer
            _set_page(document.sections[0])
            _add_footer(document.sections[0], layout.page_footer)
        else:
            document.add_section(WD_SECTION.NEW_PAGE)
        _add_form(document, layout)
        if progress is not None:
            progress(n + 1, len(forms))
    document.save(out)


def write_record_form(out: BinaryIO, form: RecordFormData, translate: Translate) -> None:
    write_record_forms(out, [form], translate)


def file_stem(
    held_at: datetime,
    number: int,
    translate: Translate,
    person: str = "",
    names: FileNames = FileNames.DATE_NUMBER,
) -> str:
    """The name of a talk's own file (谈话记录_2026-11-20_12): its date and number, and the
    person's name only when the user chose so."""
    prefix = translate(CONTEXT, QT_TRANSLATE_NOOP("RecordForm", "Talk record"))
    parts = [prefix, held_at.strftime("%Y-%m-%d"), str(number)]
    if names == FileNames.DATE_NUMBER_NAME and person:
        parts.append(person)
    return safe_file_name("_".join(parts))


def form_stem(form: RecordFormData, translate: Translate, names: FileNames) -> str:
    return file_stem(form.held_at, form.number, translate, form.person, names)


def many_stem(count: int, on: date, translate: Translate) -> str:
    """The name offered for one document holding many talks (谈话记录12份_2026-11-24)."""
    source = QT_TRANSLATE_NOOP("RecordForm", "{count} talk records {date}")
    return safe_file_name(translate(CONTEXT, source).format(count=count, date=on.isoformat()))


def safe_file_name(text: str, limit: int = 120) -> str:
    """A name every file system takes: no path separators, reserved or control characters."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", text).strip(" .")
    return cleaned[:limit] or "_"


def unique_path(folder: Path, stem: str, suffix: str) -> Path:
    """`folder/stem.suffix`, or `stem (2).suffix` and so on when that exists already."""
    path = folder / f"{stem}{suffix}"
    n = 2
    while path.exists():
        path = folder / f"{stem} ({n}){suffix}"
        n += 1
    return path


# -- the document ------------------------------------------------------------------------------


def _prepare(document: Any, translate: Translate) -> None:
    """Styles and defaults in Chinese faces, and document properties that name no one."""
    prepare_document(document, BODY, FOOTER, line_spacing=1.3)
    props = document.core_properties
    props.title = translate(CONTEXT, QT_TRANSLATE_NOOP("RecordForm", "Record of a one-to-one talk"))
    props.author = props.last_modified_by = props.comments = props.keywords = ""
    props.subject = props.category = ""


def _set_page(section: Any) -> None:
    set_a4(section, *MARGINS)
    # each talk's pages are numbered from 1 (later sections copy this)
    sect = section._sectPr
    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:start"), "1")
    later = [c for c in sect if c.tag in {qn(t) for t in _AFTER_PAGE_NUMBERING}]
    if later:
        later[0].addprevious(numbering)
    else:
        sect.append(numbering)


def _add_footer(section: Any, footer: str) -> None:
    """The page of this talk's form and how many it has (第 1 页 共 2 页)."""
    add_page_footer(section, footer, FOOTER, pages_field="SECTIONPAGES")


def _add_form(document: Any, layout: FormLayout) -> None:
    if layout.marking:
        add_run(document.add_paragraph(), layout.marking, MARKING)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(6)
    title.paragraph_format.space_after = Pt(6)
    title.paragraph_format.line_spacing = 1.0
    add_run(title, layout.title, TITLE)
    reference = document.add_paragraph()
    reference.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    reference.paragraph_format.space_after = Pt(4)
    add_run(reference, layout.reference, SMALL)
    _add_table(document, layout)


def _add_table(document: Any, layout: FormLayout) -> None:
    table = document.add_table(rows=0, cols=4)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # a fixed layout: the columns keep their widths
    for column, width in zip(table.columns, COLUMN_WIDTHS, strict=True):
        column.width = width
    for row in layout.rows:
        cells = table.add_row().cells
        if isinstance(row, PairRow):
            _label(cells[0], row.left.label)
            _value(cells[1], row.left.lines, top=False)
            _label(cells[2], row.right.label)
            _value(cells[3], row.right.lines, top=False)
            table.rows[-1].height = Cm(1.1)
        elif isinstance(row, WideRow):
            _label(cells[0], row.cell.label)
            value = cells[1].merge(cells[3])
            _value(value, row.cell.lines, top=True)
            table.rows[-1].height = Pt(LINE_PT * row.min_lines + 8)
        table.rows[-1].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        _set_widths(table.rows[-1])
    cells = table.add_row().cells
    signatures = cells[0].merge(cells[3])
    first = True
    for sign in layout.signatures:
        paragraph = signatures.paragraphs[0] if first else signatures.add_paragraph()
        first = False
        paragraph.paragraph_format.space_before = Pt(14)
        paragraph.paragraph_format.space_after = Pt(4)
        paragraph.paragraph_format.tab_stops.add_tab_stop(SIGNATURE_DATE_AT)
        add_run(paragraph, f"{sign.who}{sign.blank}\t{sign.date}", BODY)
    _set_widths(table.rows[-1])


def _label(cell: Any, text: str) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_run(paragraph, text, LABEL)


def _value(cell: Any, lines: tuple[str, ...], top: bool) -> None:
    cell.vertical_alignment = (
        WD_CELL_VERTICAL_ALIGNMENT.TOP if top else WD_CELL_VERTICAL_ALIGNMENT.CENTER
    )
    for n, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        if top:
            paragraph.paragraph_format.first_line_indent = None
        add_run(paragraph, line, BODY)


def _set_widths(row: Any) -> None:
    """Word reads the cells' widths, WPS the grid's: both are set."""
    seen: set[int] = set()
    for n, cell in enumerate(row.cells):
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        span = int(cell._tc.grid_span)
        cell.width = sum(COLUMN_WIDTHS[n : n + span], Cm(0))
