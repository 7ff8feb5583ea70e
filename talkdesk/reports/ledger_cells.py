"""Cells of the ledger workbook: text kept as text, long text wrapped, styles, cleaning up.

openpyxl stores a string beginning with `=` as a formula and refuses control
characters; Excel cuts a cell at 32,767 characters. Everything written to the
ledger passes through here.
"""

from __future__ import annotations

import contextlib
from copy import copy
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill

MAX_TEXT = 32_767  # Excel's limit for one cell
FORMULA_STARTS = ("=", "+", "-", "@")


def add_styles(wb: Workbook) -> None:
    """Named styles, registered once: a cell then carries a name, not a style of its own."""
    top = Alignment(vertical="top")
    wrap = Alignment(vertical="top", wrap_text=True)
    styles = [
        NamedStyle(name="ledger_plain", alignment=top),
        NamedStyle(name="ledger_wrap", alignment=wrap),
        NamedStyle(name="ledger_title", font=Font(bold=True, size=14)),
        NamedStyle(name="ledger_mark", font=Font(bold=True, size=14, color="C00000")),
        NamedStyle(name="ledger_bold", font=Font(bold=True)),
        NamedStyle(name="ledger_note", font=Font(italic=True, color="555555")),
        NamedStyle(
            name="ledger_header",
            font=Font(bold=True),
            fill=PatternFill("solid", fgColor="DDE4EE"),
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
        ),
    ]
    for style in styles:
        wb.add_named_style(style)


def clean(text: str) -> str:
    """Text as a cell can hold it: no control characters, at most Excel's length."""
    if ILLEGAL_CHARACTERS_RE.search(text):
        text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if len(text) > MAX_TEXT:
        text = text[: MAX_TEXT - 1] + "…"
    return text


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS) or text in ERROR_CODES


class Cells:
    """The cells of one sheet: text kept as text, long text wrapped."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self._wrap: Any = None

    def text(self, value: str) -> Any:
        """A short text cell (None when empty: an empty cell costs nothing)."""
        if not value:
            return None
        value = clean(value)
        if not looks_like_formula(value):
            return value
        return self._as_text(value, "ledger_plain")

    def long(self, value: str) -> Any:
        """A long text cell, wrapped."""
        if not value:
            return None
        value = clean(value)
        if looks_like_formula(value):
            return self._as_text(value, "ledger_wrap")
        cell = WriteOnlyCell(self.ws, value=value)
        # The most common styled cell: its style array is copied from the first one rather
        # than the named style looked up again (a fifth of a large ledger's time otherwise).
        if self._wrap is None:
            cell.style = "ledger_wrap"
            self._wrap = cell._style
        else:
            cell._style = copy(self._wrap)
        return cell

    def _as_text(self, value: str, style: str) -> Any:
        """A string cell whatever it begins with: openpyxl would store `=…` as a formula.
        The quote prefix keeps it text when someone edits the cell in Excel."""
        cell = WriteOnlyCell(self.ws, value=None)
        cell.style = style
        cell.quotePrefix = True
        cell.value = value
        cell.data_type = "s"
        return cell


def styled(ws: Any, value: Any, style: str) -> Any:
    cell = WriteOnlyCell(ws, value=value)
    cell.style = style
    return cell


def discard(wb: Workbook) -> None:
    """Close and remove the sheets' temporary files after a failure or a cancellation.

    openpyxl streams each write-only sheet into a temporary file and removes it
    only when the workbook is saved; these hold the rows written so far in plain
    text, so they must not outlive a cancelled export.
    """
    for ws in wb.worksheets:
        rows, writer = getattr(ws, "_rows", None), getattr(ws, "_writer", None)
        with contextlib.suppress(Exception):
            if rows is not None:
                rows.close()
            if writer is not None:
                writer.xf.close()
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.cleanup()
