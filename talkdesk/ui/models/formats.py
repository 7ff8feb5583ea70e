"""How dates and times show in lists: ISO order, which reads the same in Chinese and English."""

from __future__ import annotations

from datetime import date, datetime


def date_text(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def datetime_text(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value is not None else ""
