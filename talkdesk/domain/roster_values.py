"""Spreadsheet cells read as a person's values: names, dates, genders, yes and no.

A roster is typed by hand in many offices, so each reader accepts what people
write, in Chinese or English (2019年3月1日, 2019.03, 中共党员, 男, √), and raises
ValueError for what it cannot read; the caller turns that into a per-row problem.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, timedelta

from talkdesk.domain.values import Gender

CellValue = str | int | float | bool | date | datetime | None
"""What a file reader hands over for one cell (openpyxl's dates arrive as datetime)."""

FIRST_YEAR, LAST_YEAR = 1900, 2100
"""Dates outside these years are typing mistakes, not dates anyone joined."""

_EXCEL_EPOCH = date(1899, 12, 30)  # Excel's day 0 (it counts the non-existent 1900-02-29)
_EXCEL_DAYS = (10_000, 80_000)  # 1927-05-18 to 2119-01-10: five digits, never a year
_SPACES = re.compile(r"\s+")
_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff])\s+(?=[\u3400-\u9fff\uf900-\ufaff])")
_DATE_PATTERNS = (
    # 2019-03-01, 2019/3/1, 2019.3.1, 2019年3月1日, 2019-03-01 00:00:00
    re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ t]\d.*)?"),
    # 2019-03, 2019.03, 2019年3月: the first of the month (cadre rosters give year and month)
    re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?()"),
    # 20190301
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)

_MALE = {"男", "男性", "m", "male", "man", "先生"}
_FEMALE = {"女", "女性", "f", "female", "woman", "女士"}
_NO_GENDER = {"", "未知", "不详", "unknown", "-", "/"}
_YES = {"是", "yes", "y", "true", "1", "√", "✓", "✔", "对", "有"}
_NO = {"否", "no", "n", "false", "0", "×", "✗", "无", "不是", "-", "/", ""}
_PARTY = {
    "党员",
    "中共党员",
    "中共预备党员",
    "预备党员",
    "共产党员",
    "中国共产党党员",
    "中国共产党员",
    "中共正式党员",
    "正式党员",
    "cpc",
    "cpcmember",
    "partymember",
}
_NOT_PARTY = {"群众", "团员", "共青团员", "中共团员", "无党派", "无党派人士", "民主党派", "masses"}
# The eight democratic parties: their members are not members of the CPC (民革党员 is not 党员).
_DEMOCRATIC_PARTIES = ("民革", "民盟", "民建", "民进", "农工", "致公", "九三", "台盟")


def normal_text(value: CellValue) -> str:
    """A cell as one line of text: full-width forms folded (NFKC), whitespace collapsed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone number typed into Excel arrives as 13800138000.0
    if isinstance(value, datetime):
        value = value.date() if value.time() == datetime.min.time() else value
    text = unicodedata.normalize("NFKC", str(value))
    return _SPACES.sub(" ", text).strip()


def clean_name(value: CellValue) -> str:
    """A person's name; the spaces that align two-character names (张　三) are dropped."""
    return _CJK_GAP.sub("", normal_text(value))


def name_key(name: str) -> str:
    """What makes two names the same person's, for finding duplicates."""
    return clean_name(name).casefold()


def department_path(value: CellValue) -> tuple[str, ...]:
    """办公室/综合科 → ("办公室", "综合科"): a department below its parent."""
    text = normal_text(value).replace("\\", "/")
    return tuple(part.strip() for part in text.split("/") if part.strip())


def parse_date(value: CellValue) -> date | None:
    """A date cell, typed date text, a year and month (2019.03), or an Excel day number."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return _checked(value.date())
    if isinstance(value, date):
        return _checked(value)
    if isinstance(value, bool) or (isinstance(value, float) and not math.isfinite(value)):
        raise ValueError("not a date")
    if isinstance(value, float) and not value.is_integer() and FIRST_YEAR <= value < LAST_YEAR + 1:
        return _year_and_month(value)
    if isinstance(value, int | float):
        return _excel_day(int(value))
    text = normal_text(value).lower()
    if not text:
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            year, month, day = match.groups()
            return _checked_parts(int(year), int(month), int(day) if day else 1)
    if text.isdigit() and len(text) == 5:  # an Excel day number written out as text
        return _excel_day(int(text))
    raise ValueError("not a date")


def _year_and_month(value: float) -> date:
    """2019.03 typed into Excel: a number whose fraction is the month (2019.1 is October)."""
    year = int(value)
    month = round((value - year) * 100)
    return _checked_parts(year, month, 1)


def _excel_day(number: int) -> date:
    """A day number of an unformatted Excel date cell; a bare year (2019) is not one."""
    if not _EXCEL_DAYS[0] <= number <= _EXCEL_DAYS[1]:
        raise ValueError("not a date")
    return _checked(_EXCEL_EPOCH + timedelta(days=number))


def _checked_parts(year: int, month: int, day: int) -> date:
    return _checked(date(year, month, day))  # date() raises ValueError for 2019-02-30


def _checked(day: date) -> date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError("date out of range")
    return day


def parse_gender(value: CellValue) -> Gender:
    text = normal_text(value).casefold()
    if text in _MALE:
        return Gender.MALE
    if text in _FEMALE:
        return Gender.FEMALE
    if text in _NO_GENDER:
        return Gender.UNKNOWN
    raise ValueError("not a gender")


def parse_yes_no(value: CellValue) -> bool:
    if isinstance(value, bool):
        return value
    text = normal_text(value).casefold().replace(" ", "")
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValueError("not yes or no")


def parse_party_member(value: CellValue) -> bool:
    """A yes/no, or a political status (政治面貌): 中共党员 and 预备党员 are members."""
    text = normal_text(value).casefold().replace(" ", "")
    if text in _PARTY:
        return True
    if text in _NOT_PARTY or any(party in text for party in _DEMOCRATIC_PARTIES):
        return False
    return parse_yes_no(value)
