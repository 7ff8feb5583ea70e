"""Reading a roster file (.csv or .xlsx) into rows of cells, safely.

A roster arrives from outside (an e-mail, a USB stick), so it is treated as
hostile until proven otherwise:

- Any file: at most MAX_FILE_BYTES, read once into memory (what is checked is
  what is parsed).
- .xlsx (a zip of XML): before openpyxl sees it, every member is decompressed
  as a stream and counted, so a zip bomb is refused on its real sizes, not the
  sizes its headers claim (per member, in total, and by compression ratio);
  every XML member is scanned for a DOCTYPE or ENTITY declaration (billion
  laughs, external entities) and refused. openpyxl itself parses through
  defusedxml, which it uses automatically when installed (a test checks it).
- .csv: UTF-8 or GB18030 (GBK's superset), with or without a BOM; the
  delimiter sniffed, with fallbacks.

Every failure is a TalkdeskError(IMPORT_REFUSED, reason=Refusal, row=N when known).
"""

from __future__ import annotations

import bisect
import csv
import io
import logging
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.roster import Refusal, Sheet, SheetRow, SourceKind, find_layout
from talkdesk.domain.roster_values import CellValue

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
"""Non-blank rows; a roster of a whole organ is a few thousand people."""
MAX_COLUMNS = 100

MAX_ZIP_MEMBERS = 500
MAX_MEMBER_BYTES = 25 * 1024 * 1024
MAX_TOTAL_BYTES = 60 * 1024 * 1024
MAX_RATIO = 200
RATIO_CHECKED_FROM = 1024 * 1024
"""Small members may compress very well (an empty sheet); only large ones are held to the ratio."""

_CHUNK = 64 * 1024
_DECLARATIONS = tuple(
    word.encode(encoding)
    for word in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_OVERLAP = max(len(d) for d in _DECLARATIONS)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, or an .xlsx saved with a password
_ZIP_MAGIC = b"PK\x03\x04"
_DELIMITERS = ",\t;|"
_SNIFF_CHARS = 64 * 1024


def refused(reason: Refusal, row: int | None = None) -> TalkdeskError:
    details: dict[str, str | int] = {"reason": reason.value}
    if row is not None:
        details["row"] = row
    return TalkdeskError(ErrorCode.IMPORT_REFUSED, **details)


def read_sheet(path: Path) -> Sheet:
    """The non-blank rows of a .csv file or of an .xlsx workbook's roster sheet."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".txt", ".xlsx", ".xlsm"):
        raise refused(Refusal.UNSUPPORTED_TYPE)
    data = _read_bytes(path)
    if data.startswith(_OLE_MAGIC):
        raise refused(Refusal.LEGACY_OR_ENCRYPTED)
    if suffix in (".xlsx", ".xlsm") or data.startswith(_ZIP_MAGIC):
        return read_xlsx(data)
    return read_csv(data)


def _read_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        raise refused(Refusal.UNREADABLE) from None
    if len(data) > MAX_FILE_BYTES:
        raise refused(Refusal.TOO_LARGE)
    if not data.strip():
        raise refused(Refusal.EMPTY)
    return data


# -- CSV ------------------------------------------------------------------------------------


def read_csv(data: bytes) -> Sheet:
    text = decode(data)
    if "\x00" in text:
        raise refused(Refusal.NOT_TEXT, row=text.count("\n", 0, text.index("\x00")) + 1)
    rows: list[SheetRow] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        for number, record in enumerate(reader, start=1):
            cells = tuple(c.strip() for c in record[:MAX_COLUMNS])
            if any(cells):
                rows.append(SheetRow(number, _trimmed(cells)))
                if len(rows) > MAX_ROWS:
                    raise refused(Refusal.TOO_MANY_ROWS)
    except csv.Error:
        raise refused(Refusal.BAD_CSV, row=reader.line_num) from None
    if not rows:
        raise refused(Refusal.EMPTY)
    return Sheet(SourceKind.CSV, tuple(rows))


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030 (covers GBK and GB2312), else refused
    with the line of the first byte that fits neither."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise refused(Refusal.ENCODING, row=1) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise refused(Refusal.ENCODING, row=data.count(b"\n", 0, exc.start) + 1) from None


def _delimiter(text: str) -> str:
    """The Sniffer's delimiter unless another splits the top lines into columns more
    consistently; a comma when none splits them. Quotes are always the double quote:
    the Sniffer's guess of a single quote would split names like O'Brien."""
    lines = [line for line in text[:_SNIFF_CHARS].splitlines() if line.strip()][:50]
    best = max(_DELIMITERS, key=lambda d: _consistency(lines, d))
    try:
        sniffed = csv.Sniffer().sniff("\n".join(lines), delimiters=_DELIMITERS).delimiter
    except csv.Error:
        sniffed = best
    if _consistency(lines, sniffed) >= _consistency(lines, best) > 0:
        return sniffed
    return best if _consistency(lines, best) > 0 else ","


def _consistency(lines: list[str], delimiter: str) -> int:
    """How many lines split into the most common number (>1) of columns."""
    counts: dict[int, int] = {}
    try:
        for record in csv.reader(lines, delimiter=delimiter):
            if len(record) > 1:
                counts[len(record)] = counts.get(len(record), 0) + 1
    except csv.Error:
        return 0
    return max(counts.values(), default=0)


def _trimmed(cells: tuple[CellValue, ...]) -> tuple[CellValue, ...]:
    end = len(cells)
    while end and cells[end - 1] in (None, ""):
        end -= 1
    return cells[:end]


# -- XLSX -----------------------------------------------------------------------------------


def read_xlsx(data: bytes) -> Sheet:
    check_zip(data)
    import openpyxl  # costly import, needed only here
    from openpyxl.xml import DEFUSEDXML

    if not DEFUSEDXML:  # OPENPYXL_DEFUSEDXML=False, or defusedxml missing: the scan still holds
        log.warning("openpyxl parses without defusedxml")

    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(data), read_only=False, data_only=True, keep_links=False, rich_text=False
        )
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        if _from_defusedxml(exc):
            raise refused(Refusal.XML_ENTITIES) from None
        log.info("workbook not readable: %s", type(exc).__name__)
        raise refused(Refusal.NOT_A_SPREADSHEET) from None
    try:
        return _roster_sheet(workbook)
    finally:
        workbook.close()


def _from_defusedxml(exc: BaseException | None) -> bool:
    """openpyxl wraps defusedxml's refusal (EntitiesForbidden …) in a ValueError."""
    seen = 0
    while exc is not None and seen < 10:
        if type(exc).__module__.startswith("defusedxml"):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def check_zip(data: bytes) -> None:
    """Refuse a zip bomb (real sizes counted while decompressing) or XML declaring entities."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # BadZipFile, and odd ones (struct.error …) for garbled headers
        raise refused(Refusal.NOT_A_SPREADSHEET) from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise refused(Refusal.ZIP_BOMB)
        if sum(m.file_size for m in members) > MAX_TOTAL_BYTES:
            raise refused(Refusal.ZIP_BOMB)
        total = 0
        for member in members:
            if member.flag_bits & 0x1:
                raise refused(Refusal.LEGACY_OR_ENCRYPTED)
            _too_big(member.file_size, member.compress_size)
            size = 0
            tail = b""
            for chunk in _member_chunks(archive, member):
                size += len(chunk)
                total += len(chunk)
                _too_big(size, member.compress_size)
                if total > MAX_TOTAL_BYTES:
                    raise refused(Refusal.ZIP_BOMB)
                # every member, whatever its name: a part's name does not decide how it is parsed
                window = tail + chunk
                if any(d in window for d in _DECLARATIONS):
                    raise refused(Refusal.XML_ENTITIES)
                tail = window[-_OVERLAP:]


def _too_big(size: int, compressed: int) -> None:
    if size > MAX_MEMBER_BYTES:
        raise refused(Refusal.ZIP_BOMB)
    if size > RATIO_CHECKED_FROM and size > MAX_RATIO * max(compressed, 1):
        raise refused(Refusal.ZIP_BOMB)


def _member_chunks(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> Iterator[bytes]:
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                yield chunk
    except TalkdeskError:
        raise
    except RuntimeError:  # an encrypted member
        raise refused(Refusal.LEGACY_OR_ENCRYPTED) from None
    except Exception:  # BadZipFile (bad CRC), zlib.error, NotImplementedError, EOFError …
        raise refused(Refusal.NOT_A_SPREADSHEET) from None


def _roster_sheet(workbook: Any) -> Sheet:
    """The active worksheet if it names a person column, else the first one that does,
    else the first with any rows."""
    sheets = [workbook.active, *(w for w in workbook.worksheets if w is not workbook.active)]
    read: list[Sheet] = []
    for worksheet in sheets:
        if worksheet is None or not hasattr(worksheet, "_cells"):
            continue  # a chart sheet
        sheet = Sheet(SourceKind.XLSX, _rows(worksheet))
        if sheet.rows and find_layout(sheet).mapping.has_name:
            return sheet
        read.append(sheet)
    for sheet in read:
        if sheet.rows:
            return sheet
    raise refused(Refusal.EMPTY)


def _rows(worksheet: Any) -> tuple[SheetRow, ...]:
    """The sheet's non-blank rows, each merged range's value spread over its cells.

    Cells are read from the sheet's own store (`_cells`), never through `iter_rows`,
    which would create a cell for every position up to a stray far-away one.
    A merged value is spread only into rows that hold something of their own, so a
    department merged down a block of people reaches each of them, and no blank row
    is made out of a merge alone.
    """
    grid: dict[int, dict[int, CellValue]] = {}
    for (row, column), cell in worksheet._cells.items():
        value = _value(cell.value)
        if value is not None and column <= MAX_COLUMNS:
            grid.setdefault(row, {})[column] = value
            if len(grid) > MAX_ROWS:
                raise refused(Refusal.TOO_MANY_ROWS)
    numbers = sorted(grid)
    for merged in worksheet.merged_cells.ranges:
        top_left = grid.get(merged.min_row, {}).get(merged.min_col)
        if top_left is None:
            continue
        last_column = min(merged.max_col, MAX_COLUMNS)
        first = bisect.bisect_left(numbers, merged.min_row)
        for row in numbers[first : bisect.bisect_right(numbers, merged.max_row)]:
            cells = grid[row]
            for column in range(merged.min_col, last_column + 1):
                cells.setdefault(column, top_left)
    out = []
    for number in numbers:
        cells = grid[number]
        values = tuple(cells.get(c) for c in range(1, max(cells) + 1))
        out.append(SheetRow(number, _trimmed(values)))
    return tuple(out)


def _value(value: object) -> CellValue:
    """A cell's value as one of the kinds the roster rules read; blank text is no value."""
    if value is None or isinstance(value, str | bool | int | float | datetime | date):
        if isinstance(value, str):
            value = value.strip()
            return value or None
        return value
    if isinstance(value, time | timedelta):
        return str(value)
    return str(value).strip() or None
