"""The talk record form as PDF and on paper: the same `FormLayout` as the Word form, drawn by Qt.

Each talk is laid out as its own QTextDocument on the PDF writer or printer
(so its pages are numbered 第 1 页 共 N 页 on their own) and drawn page by page
with its footer; the next talk starts on a new page. The Chinese faces are
named in order of preference (仿宋 and 宋体 on Windows, Noto on Linux), or Qt may
pick a Japanese face; Qt embeds the subsets it uses in the PDF. Needs a
QGuiApplication (the command line makes an offscreen one).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QRawFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextOption,
    QTextTableCell,
    QTextTableFormat,
)

from talkdesk.reports.record_data import ExportCancelled, Progress, RecordFormData
from talkdesk.reports.record_layout import (
    FormLayout,
    PairRow,
    Translate,
    WideRow,
    estimated_lines,
    form_layout,
)

# Faces in order of preference: Windows (仿宋/宋体/黑体), macOS, then Noto/Source Han (Linux).
SONG = ["FangSong", "仿宋", "STFangsong", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC"]
SONG += ["Source Han Serif SC", "AR PL UMing CN"]
HEI = ["SimHei", "黑体", "Microsoft YaHei", "PingFang SC", "Heiti SC", "Noto Sans CJK SC"]
HEI += ["Source Han Sans SC", "WenQuanYi Micro Hei"]
TITLE_FACES = ["方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "宋体", "Songti SC"]
TITLE_FACES += ["Noto Serif CJK SC", "Source Han Serif SC", *HEI]

MARGINS_MM = (28.0, 25.0, 26.0, 22.0)  # left, top, right, bottom: as the Word form
FOOTER_MM = 10.0  # the page number sits this far above the paper's bottom edge
SIGNATURE_DATE_MM = 85.0  # where the date blanks of the signature lines start
COLUMNS = (20.5, 29.5, 20.5, 29.5)  # per cent of the table's width, as the Word form


@dataclass(frozen=True)
class Face:
    families: list[str]
    points: float
    bold: bool = False


TITLE = Face(TITLE_FACES, 22, bold=True)
MARKING = Face(HEI, 14)
LABEL = Face(HEI, 12)
BODY = Face(SONG, 12)
SMALL = Face(SONG, 10.5)
FOOTER = Face(SONG, 9)


# -- to a file or a printer -------------------------------------------------------------------


def pdf_bytes(
    forms: Sequence[RecordFormData],
    translate: Translate,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The forms as one PDF (A4, a new page for each talk), kept in memory for an atomic save."""
    buffer = QBuffer()  # owns its bytes: nothing the writer still points to is freed first
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    try:
        writer.setResolution(600)
        writer.setCreator("talkdesk")
        if forms:  # the title names the unit at most, never a person
            writer.setTitle(form_layout(forms[0], translate).title)
        prepare_device(writer)
        paint_forms(writer, forms, translate, progress, cancelled)
    finally:
        del writer  # finishes with the buffer before the buffer goes
    pdf = bytes(buffer.data().data())
    buffer.close()
    return ideographs_for_radicals(pdf)


def prepare_device(device: QPagedPaintDevice) -> None:
    """A4 portrait with no margins of its own: the forms keep theirs (the painter's origin is
    the paper's corner). A printer is also set to full-page mode by its caller."""
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )


def paint_forms(
    device: QPagedPaintDevice,
    forms: Sequence[RecordFormData],
    translate: Translate,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """Draw each form on its own pages of `device` (a PDF writer or a printer)."""
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the PDF or printer could not be opened")
    try:
        first = True
        for n, data in enumerate(forms):
            if cancelled is not None and cancelled():
                raise ExportCancelled
            layout = form_layout(data, translate)
            document = build_document(layout, device)
            pages = document.pageCount()
            for page in range(pages):
                if not first:
                    device.newPage()
                first = False
                _paint_page(painter, document, page, pages, layout.page_footer, device)
            # gone now, while the device it lays out on still exists (not whenever Python
            # collects it: a document outliving its PDF writer has crashed the process)
            shiboken6.delete(document)
            if progress is not None:
                progress(n + 1, len(forms))
    finally:
        painter.end()


def _paint_page(
    painter: QPainter,
    document: QTextDocument,
    page: int,
    pages: int,
    footer: str,
    device: QPagedPaintDevice,
) -> None:
    size = document.pageSize()
    painter.save()
    painter.translate(0, -page * size.height())
    document.drawContents(painter, QRectF(0, page * size.height(), size.width(), size.height()))
    painter.restore()
    painter.save()
    painter.setFont(_font(FOOTER))
    painter.setPen(QColor("black"))
    baseline = size.height() - _mm(device, FOOTER_MM)
    box = QRectF(0, baseline - _mm(device, 6), size.width(), _mm(device, 6))
    text = footer.replace("{page}", str(page + 1)).replace("{pages}", str(pages))
    painter.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, text)
    painter.restore()


# -- the document of one form -------------------------------------------------------------------


def build_document(layout: FormLayout, device: QPagedPaintDevice) -> QTextDocument:
    """One form laid out on `device`'s pages (sizes in its pixels, fonts at its resolution)."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setPageSize(QSizeF(device.width(), device.height()))
    document.setDefaultFont(_font(BODY))
    left, top, right, bottom = (_css(m) for m in MARGINS_MM)
    root = document.rootFrame().frameFormat()
    root.setLeftMargin(left)
    root.setTopMargin(top)
    root.setRightMargin(right)
    root.setBottomMargin(bottom)
    document.rootFrame().setFrameFormat(root)

    cursor = QTextCursor(document)
    first = True

    def paragraph(text: str, face: Face, align: Qt.AlignmentFlag, after_mm: float = 0) -> None:
        nonlocal first
        block = QTextBlockFormat()
        block.setAlignment(align)
        block.setBottomMargin(_css(after_mm))
        if first:
            cursor.setBlockFormat(block)
            cursor.setBlockCharFormat(_chars(face))
            first = False
        else:
            cursor.insertBlock(block, _chars(face))
        cursor.insertText(text, _chars(face))

    if layout.marking:
        paragraph(layout.marking, MARKING, Qt.AlignmentFlag.AlignLeft, 2)
    paragraph(layout.title, TITLE, Qt.AlignmentFlag.AlignHCenter, 3)
    paragraph(layout.reference, SMALL, Qt.AlignmentFlag.AlignRight, 1.5)
    _table(cursor, layout, device)
    return document


def _table(cursor: QTextCursor, layout: FormLayout, device: QPagedPaintDevice) -> None:
    rows = len(layout.rows) + 1
    table_format = QTextTableFormat()
    table_format.setBorder(_css(0.3))
    table_format.setBorderBrush(QColor("black"))
    table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    table_format.setBorderCollapse(True)
    table_format.setCellSpacing(0)
    table_format.setCellPadding(_css(1.6))
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table_format.setColumnWidthConstraints(
        [QTextLength(QTextLength.Type.PercentageLength, w) for w in COLUMNS]
    )
    table = cursor.insertTable(rows, 4, table_format)
    width = device.width() - _mm(device, MARGINS_MM[0] + MARGINS_MM[2])
    wide_chars = int(width * (sum(COLUMNS[1:]) / 100) / _points_px(device, BODY.points)) - 2
    short_chars = int(width * (COLUMNS[1] / 100) / _points_px(device, BODY.points)) - 2
    for r, row in enumerate(layout.rows):  # merged first: cells filled later keep their place
        if isinstance(row, WideRow):
            table.mergeCells(r, 1, 1, 3)
    last = rows - 1
    table.mergeCells(last, 0, 1, 4)
    for r, row in enumerate(layout.rows):
        if isinstance(row, PairRow):
            _label_cell(table.cellAt(r, 0), row.left.label, middle=True)
            _value_cell(table.cellAt(r, 1), row.left.lines, 1, short_chars)
            _label_cell(table.cellAt(r, 2), row.right.label, middle=True)
            _value_cell(table.cellAt(r, 3), row.right.lines, 1, short_chars)
        elif isinstance(row, WideRow):
            # at the top: Qt misplaces a centred cell of a row split across two pages
            _label_cell(table.cellAt(r, 0), row.cell.label, middle=False)
            _value_cell(table.cellAt(r, 1), row.cell.lines, row.min_lines, wide_chars)
    cell = table.cellAt(last, 0)
    tab = QTextOption.Tab(_css(SIGNATURE_DATE_MM), QTextOption.TabType.LeftTab)
    cursor = cell.firstCursorPosition()
    for n, sign in enumerate(layout.signatures):
        block = QTextBlockFormat()
        block.setTopMargin(_css(7))
        block.setBottomMargin(_css(1.5))
        block.setTabPositions([tab])
        if n:
            cursor.insertBlock(block, _chars(BODY))
        else:
            cursor.setBlockFormat(block)
        cursor.insertText(f"{sign.who}{sign.blank}\t{sign.date}", _chars(BODY))


def _label_cell(cell: QTextTableCell, text: str, middle: bool) -> None:
    fmt = cell.format().toTableCellFormat()  # a fresh format would drop the cell's span
    fmt.setVerticalAlignment(
        QTextCharFormat.VerticalAlignment.AlignMiddle
        if middle
        else QTextCharFormat.VerticalAlignment.AlignTop
    )
    cell.setFormat(fmt)
    cursor = cell.firstCursorPosition()
    block = QTextBlockFormat()
    block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    cursor.setBlockFormat(block)
    cursor.insertText(text, _chars(LABEL))


def _value_cell(cell: QTextTableCell, lines: tuple[str, ...], min_lines: int, chars: int) -> None:
    fmt = cell.format().toTableCellFormat()
    fmt.setVerticalAlignment(
        QTextCharFormat.VerticalAlignment.AlignTop
        if min_lines > 2
        else QTextCharFormat.VerticalAlignment.AlignMiddle
    )
    cell.setFormat(fmt)
    cursor = cell.firstCursorPosition()
    shown = list(lines)
    # room to write by hand: empty lines up to the row's height
    shown += [""] * max(0, min_lines - estimated_lines(lines, max(1, chars)))
    for n, line in enumerate(shown):
        if n:
            cursor.insertBlock(QTextBlockFormat(), _chars(BODY))
        cursor.insertText(line, _chars(BODY))


# -- the text a PDF reader copies --------------------------------------------------------------

_TO_UNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")
_HEX = re.compile(rb"<([0-9A-Fa-f]{4})>")


def ideographs_for_radicals(pdf: bytes) -> bytes:
    """Make the PDF's copied and searched text say 门 and 示, not the radicals ⻔ and ⽰.

    CJK fonts draw a radical (U+2E80-U+2FDF) and its ideograph with one glyph, and
    Qt's map from glyphs back to text (each font's ToUnicode CMap) takes the lowest
    code point: the radical. The maps Qt writes are uncompressed, and an ideograph
    is as long in hex as a radical, so they are corrected in place (no offsets move).
    """
    out = bytearray(pdf)
    equivalents = radical_equivalents()
    for number in {int(m.group(1)) for m in _TO_UNICODE.finditer(pdf)}:
        head = re.search(rb"(?:^|\n)%d 0 obj\s*<<(.*?)>>\s*stream\r?\n" % number, pdf, re.S)
        if head is None or b"/Filter" in head.group(1):
            continue
        length = re.search(rb"/Length (\d+)", head.group(1))
        if length is None:
            continue
        start = head.end()
        stream = pdf[start : start + int(length.group(1))]
        out[start : start + len(stream)] = _fix_cmap(stream, equivalents)
    return bytes(out)


def _fix_cmap(cmap: bytes, equivalents: dict[int, int]) -> bytes:
    """Replace radicals among the text values (never the glyph codes) of bfchar/bfrange."""

    def value(match: re.Match[bytes]) -> bytes:
        code = int(match.group(1), 16)
        return b"<%04X>" % equivalents[code] if code in equivalents else match.group(0)

    lines, section = [], b""
    for line in cmap.split(b"\n"):
        words = line.strip()
        if words.endswith((b"beginbfchar", b"beginbfrange")):
            section = words.split()[-1]
        elif words.startswith((b"endbfchar", b"endbfrange")):
            section = b""
        elif section:
            keep = 1 if section == b"beginbfchar" else 2  # the glyph codes come first
            tokens = list(_HEX.finditer(line))
            if len(tokens) > keep:
                cut = tokens[keep - 1].end()
                line = line[:cut] + _HEX.sub(value, line[cut:])
        lines.append(line)
    return b"\n".join(lines)


@functools.cache
def radical_equivalents() -> dict[int, int]:
    """Radical code point -> the ideograph the installed CJK faces draw with the same glyph."""
    radicals = "".join(chr(c) for c in range(0x2E80, 0x2FE0))
    ideographs = "".join(chr(c) for c in (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000)))
    found: dict[int, int] = {}
    seen: set[str] = set()
    for family in (*TITLE_FACES, *SONG, *HEI):
        raw = QRawFont.fromFont(QFont(family))
        if not raw.isValid() or raw.familyName() != family or family in seen:
            continue
        seen.add(family)
        first: dict[int, int] = {}
        for char, glyph in zip(ideographs, raw.glyphIndexesForString(ideographs), strict=True):
            if glyph and glyph not in first:
                first[glyph] = ord(char)
        for char, glyph in zip(radicals, raw.glyphIndexesForString(radicals), strict=True):
            if glyph in first:
                found.setdefault(ord(char), first[glyph])
    for code in range(0x2F00, 0x2FD6):  # the Kangxi radicals have a standard equivalent
        found.setdefault(code, ord(unicodedata.normalize("NFKC", chr(code))))
    return found


# -- fonts and units ---------------------------------------------------------------------------


def _font(face: Face) -> QFont:
    font = QFont()
    font.setFamilies(face.families)
    font.setPointSizeF(face.points)
    font.setBold(face.bold)
    return font


def _chars(face: Face) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontFamilies(face.families)
    fmt.setFontPointSize(face.points)
    fmt.setFontWeight(QFont.Weight.Bold if face.bold else QFont.Weight.Normal)
    return fmt


def _css(mm: float) -> float:
    """A length in a text format (margin, border, padding, tab): Qt's layout counts these in
    96-dpi pixels and scales them to the device itself."""
    return mm * 96 / 25.4


def _mm(device: QPagedPaintDevice, mm: float) -> float:
    """A length in the device's own pixels (the page size, the painter's coordinates)."""
    return mm * device.logicalDpiY() / 25.4


def _points_px(device: QPagedPaintDevice, points: float) -> float:
    return points * device.logicalDpiY() / 72
