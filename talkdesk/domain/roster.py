"""Roster import rules: find the header, match columns by name, and check each row.

Pure functions over the cells a file reader produced (no file, no database):
the same rules serve the import dialog's preview, its per-row report, the
command line's dry run, and the import itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TypeVar

from talkdesk.domain.roster_values import (
    CellValue,
    clean_name,
    department_path,
    name_key,
    normal_text,
    parse_date,
    parse_gender,
    parse_party_member,
    parse_yes_no,
)
from talkdesk.domain.values import Gender

HEADER_SCAN_ROWS = 30
"""The header is looked for in this many first rows (titles and notes may come before it)."""

MAX_NAME, MAX_DEPARTMENT, MAX_POSITION, MAX_PHONE = 50, 100, 100, 50
MAX_DEPARTMENT_DEPTH = 6

T = TypeVar("T")


class SourceKind(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"


class RosterField(StrEnum):
    """What a column can hold: the fields of a person that an import fills in."""

    NAME = "name"
    DEPARTMENT = "department"
    POSITION = "position"
    GENDER = "gender"
    PARTY_MEMBER = "party_member"
    JOINED_ON = "joined_on"
    PHONE = "phone"
    IS_LEADER = "is_leader"


class Refusal(StrEnum):
    """Why a whole file cannot be imported (nothing is imported then)."""

    UNREADABLE = "unreadable"
    UNSUPPORTED_TYPE = "unsupported_type"
    TOO_LARGE = "too_large"
    NOT_A_SPREADSHEET = "not_a_spreadsheet"
    LEGACY_OR_ENCRYPTED = "legacy_or_encrypted"
    ZIP_BOMB = "zip_bomb"
    XML_ENTITIES = "xml_entities"
    ENCODING = "encoding"
    NOT_TEXT = "not_text"
    BAD_CSV = "bad_csv"
    EMPTY = "empty"
    TOO_MANY_ROWS = "too_many_rows"
    NO_NAME_COLUMN = "no_name_column"


class UndoRefusal(StrEnum):
    """Why the last import cannot be undone."""

    NOTHING_TO_UNDO = "nothing_to_undo"
    PEOPLE_IN_USE = "people_in_use"
    DEPARTMENTS_IN_USE = "departments_in_use"


class RowStatus(StrEnum):
    OK = "ok"
    DUPLICATE = "duplicate"
    ERROR = "error"


class Problem(StrEnum):
    """What is wrong with one row (a duplicate is a problem too, but not an error)."""

    MISSING_NAME = "missing_name"
    TOO_LONG = "too_long"
    BAD_DATE = "bad_date"
    BAD_GENDER = "bad_gender"
    BAD_PARTY_MEMBER = "bad_party_member"
    BAD_YES_NO = "bad_yes_no"
    DEPARTMENT_TOO_DEEP = "department_too_deep"
    AMBIGUOUS_DEPARTMENT = "ambiguous_department"
    DUPLICATE_IN_FILE = "duplicate_in_file"
    DUPLICATE_IN_WORKSPACE = "duplicate_in_workspace"

    @property
    def is_duplicate(self) -> bool:
        return self in (Problem.DUPLICATE_IN_FILE, Problem.DUPLICATE_IN_WORKSPACE)


# -- header names -----------------------------------------------------------------------

HEADER_NAMES: dict[RosterField, tuple[str, ...]] = {
    RosterField.NAME: ("姓名", "名字", "人员姓名", "员工姓名", "干部姓名", "name", "full name"),
    RosterField.DEPARTMENT: (
        "部门",
        "科室",
        "处室",
        "所在部门",
        "所在科室",
        "所在处室",
        "工作部门",
        "部门科室",
        "部门/科室",
        "内设机构",
        "department",
        "dept",
        "division",
    ),
    RosterField.POSITION: (
        "职务",
        "岗位",
        "职位",
        "职务/岗位",
        "现任职务",
        "现职务",
        "岗位名称",
        "职务职级",
        "post",
        "position",
        "title",
        "job title",
    ),
    RosterField.GENDER: ("性别", "gender", "sex"),
    RosterField.PARTY_MEMBER: (
        "党员",
        "是否党员",
        "中共党员",
        "政治面貌",
        "party member",
        "party",
        "cpc member",
        "political status",
    ),
    RosterField.JOINED_ON: (
        "入职时间",
        "入职日期",
        "参加工作时间",
        "参加工作日期",
        "到岗时间",
        "到岗日期",
        "入职",
        "来单位时间",
        "进入本单位时间",
        "joined",
        "joined on",
        "join date",
        "date joined",
        "start date",
        "hire date",
    ),
    RosterField.PHONE: (
        "电话",
        "联系电话",
        "手机",
        "手机号",
        "手机号码",
        "联系方式",
        "电话号码",
        "办公电话",
        "phone",
        "mobile",
        "telephone",
        "tel",
        "phone number",
        "contact",
    ),
    RosterField.IS_LEADER: ("领导", "是否领导", "领导干部", "是否领导干部", "leader", "is leader"),
}

_NOTES = re.compile(r"\(.*?\)|\[.*?\]|[*:：\s]")


def header_key(value: CellValue) -> str:
    """A header cell compared loosely: 姓名（必填）*, " Name: " and 姓 名 all match their field."""
    text = unicodedata.normalize("NFKC", normal_text(value)).casefold()
    return _NOTES.sub("", text)


_FIELD_OF_HEADER: dict[str, RosterField] = {
    header_key(name): fld for fld, names in HEADER_NAMES.items() for name in names
}


def field_of_header(value: CellValue) -> RosterField | None:
    return _FIELD_OF_HEADER.get(header_key(value))


# -- the file as read, and its layout --------------------------------------------------------


@dataclass(frozen=True)
class SheetRow:
    """One non-blank row: its number as the spreadsheet program shows it, and its cells."""

    number: int
    cells: tuple[CellValue, ...]

    def cell(self, column: int | None) -> CellValue:
        if column is None or column >= len(self.cells):
            return None
        return self.cells[column]


@dataclass(frozen=True)
class Sheet:
    """The non-blank rows of a file (the chosen worksheet of a workbook)."""

    kind: SourceKind
    rows: tuple[SheetRow, ...]

    @property
    def width(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)


@dataclass(frozen=True)
class ColumnMapping:
    """Which column (0-based) feeds which field; a column feeds one field at most."""

    pairs: tuple[tuple[RosterField, int], ...] = ()

    @classmethod
    def of(cls, columns: Mapping[RosterField, int | None]) -> ColumnMapping:
        mapping = cls()
        for fld in RosterField:
            mapping = mapping.with_column(fld, columns.get(fld))
        return mapping

    def column(self, fld: RosterField) -> int | None:
        return next((c for f, c in self.pairs if f is fld), None)

    def with_column(self, fld: RosterField, column: int | None) -> ColumnMapping:
        """This mapping with `fld` read from `column` (or from none); another field that
        read that column no longer does."""
        kept = [(f, c) for f, c in self.pairs if f is not fld and c != column]
        if column is not None:
            kept.append((fld, column))
        order = list(RosterField)
        return ColumnMapping(tuple(sorted(kept, key=lambda p: order.index(p[0]))))

    @property
    def has_name(self) -> bool:
        return self.column(RosterField.NAME) is not None


@dataclass(frozen=True)
class RosterLayout:
    """Where the header is (an index into `Sheet.rows`, None when none was found), its
    texts per column, and the columns matched to fields by those texts."""

    header_index: int | None
    headers: tuple[str, ...]
    mapping: ColumnMapping

    def data_rows(self, sheet: Sheet) -> tuple[SheetRow, ...]:
        start = 0 if self.header_index is None else self.header_index + 1
        return sheet.rows[start:]


def find_layout(sheet: Sheet) -> RosterLayout:
    """The header row is the first of the top rows that names the most fields.

    Merged header cells arrive already spread over the cells they cover, so a
    two-row header (a group title above 姓名, 部门 …) is found at its lower row.
    """
    best: tuple[int, int, dict[int, RosterField]] | None = None
    for index, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        found: dict[int, RosterField] = {}
        for column, value in enumerate(row.cells):
            fld = field_of_header(value)
            if fld is not None and fld not in found.values():
                found[column] = fld
        score = len(found) + (1 if RosterField.NAME in found.values() else 0)
        if found and (best is None or score > best[1]):
            best = (index, score, found)
    if best is None:
        return RosterLayout(None, (), ColumnMapping())
    index, _score, found = best
    headers = tuple(normal_text(v) for v in sheet.rows[index].cells)
    return RosterLayout(index, headers, ColumnMapping.of({f: c for c, f in found.items()}))


# -- departments and people already in the workspace ---------------------------------------


@dataclass(frozen=True)
class KnownDepartment:
    id: int
    name: str
    parent_id: int | None


@dataclass(frozen=True)
class DepartmentTarget:
    """Where a row's department lands: the deepest existing department on its path
    (None = the top) and the names still to create below it, outermost first."""

    existing_id: int | None
    missing: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[int | None, tuple[str, ...]]:
        return self.existing_id, tuple(n.casefold() for n in self.missing)


class AmbiguousDepartment(Exception):
    """A lone name that several departments in different places carry."""


class DepartmentIndex:
    """Finds departments by path: 办公室/综合科 under 办公室; a lone 综合科 at the top,
    else wherever the one department of that name is."""

    def __init__(self, departments: Iterable[KnownDepartment]) -> None:
        self._children: dict[tuple[int | None, str], int] = {}
        self._anywhere: dict[str, list[int]] = {}
        for dep in departments:
            key = dep.name.strip().casefold()
            self._children.setdefault((dep.parent_id, key), dep.id)
            self._anywhere.setdefault(key, []).append(dep.id)

    def resolve(self, path: Sequence[str]) -> DepartmentTarget:
        if not path:
            return DepartmentTarget(None)
        first = path[0].casefold()
        current = self._children.get((None, first))
        if current is None:
            elsewhere = self._anywhere.get(first, [])
            if len(elsewhere) > 1:
                raise AmbiguousDepartment(path[0])
            current = elsewhere[0] if elsewhere else None
        if current is None:
            return DepartmentTarget(None, tuple(path))
        for i, name in enumerate(path[1:], start=1):
            child = self._children.get((current, name.casefold()))
            if child is None:
                return DepartmentTarget(current, tuple(path[i:]))
            current = child
        return DepartmentTarget(current)


PersonKey = tuple[str, tuple[int | None, tuple[str, ...]]]


def person_key(name: str, target: DepartmentTarget) -> PersonKey:
    """Same name in the same department: the same person, for the duplicate check."""
    return name_key(name), target.key


# -- checking rows -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RosterPerson:
    """A person as a row gives them; fields without a column keep their defaults."""

    name: str
    department: tuple[str, ...] = ()
    position: str = ""
    gender: Gender = Gender.UNKNOWN
    phone: str = ""
    party_member: bool = False
    joined_on: date | None = None
    is_leader: bool = False


@dataclass(frozen=True)
class RowProblem:
    problem: Problem
    field: RosterField | None = None
    other_row: int | None = None  # the earlier row of a duplicate in the file


@dataclass(frozen=True)
class RowResult:
    number: int
    status: RowStatus
    person: RosterPerson
    problems: tuple[RowProblem, ...] = ()
    target: DepartmentTarget = field(default_factory=lambda: DepartmentTarget(None))


@dataclass(frozen=True)
class RosterReport:
    rows: tuple[RowResult, ...]

    def count(self, status: RowStatus) -> int:
        return sum(1 for r in self.rows if r.status is status)

    def to_import(self, include_duplicates: bool = False) -> tuple[RowResult, ...]:
        wanted = {RowStatus.OK, RowStatus.DUPLICATE} if include_duplicates else {RowStatus.OK}
        return tuple(r for r in self.rows if r.status in wanted)


def check_rows(
    sheet: Sheet,
    layout: RosterLayout,
    mapping: ColumnMapping,
    departments: Iterable[KnownDepartment],
    existing: set[PersonKey],
) -> RosterReport:
    """Each data row read with `mapping`: ok, a duplicate (of an earlier row, or of a person
    already in the workspace), or an error with its problems. Rows repeating the header
    (a printout's header on every page) are left out."""
    index = DepartmentIndex(departments)
    seen: dict[PersonKey, int] = {}
    column = _name_column(layout, mapping)
    header_name = "" if column is None else header_key(layout.headers[column])
    out: list[RowResult] = []
    for row in layout.data_rows(sheet):
        name_cell = row.cell(mapping.column(RosterField.NAME))
        if header_name and header_key(name_cell) == header_name:
            continue
        out.append(_check_row(row, mapping, index, seen, existing))
    return RosterReport(tuple(out))


def _name_column(layout: RosterLayout, mapping: ColumnMapping) -> int | None:
    column = mapping.column(RosterField.NAME)
    if column is None or column >= len(layout.headers) or not layout.headers[column]:
        return None
    return column


def _check_row(
    row: SheetRow,
    mapping: ColumnMapping,
    index: DepartmentIndex,
    seen: dict[PersonKey, int],
    existing: set[PersonKey],
) -> RowResult:
    problems: list[RowProblem] = []

    def read(fld: RosterField, parse: Callable[[CellValue], T], default: T) -> T:
        column = mapping.column(fld)
        if column is None:
            return default
        try:
            return parse(row.cell(column))
        except ValueError:
            problems.append(RowProblem(_BAD[fld], fld))
            return default

    name = clean_name(row.cell(mapping.column(RosterField.NAME)))
    if not name:
        problems.append(RowProblem(Problem.MISSING_NAME, RosterField.NAME))
    person = RosterPerson(
        name=name,
        department=department_path(row.cell(mapping.column(RosterField.DEPARTMENT))),
        position=normal_text(row.cell(mapping.column(RosterField.POSITION))),
        gender=read(RosterField.GENDER, parse_gender, Gender.UNKNOWN),
        phone=normal_text(row.cell(mapping.column(RosterField.PHONE))),
        party_member=read(RosterField.PARTY_MEMBER, parse_party_member, False),
        joined_on=read(RosterField.JOINED_ON, parse_date, None),
        is_leader=read(RosterField.IS_LEADER, parse_yes_no, False),
    )
    problems += _too_long(person)
    target = DepartmentTarget(None)
    if len(person.department) > MAX_DEPARTMENT_DEPTH:
        problems.append(RowProblem(Problem.DEPARTMENT_TOO_DEEP, RosterField.DEPARTMENT))
    else:
        try:
            target = index.resolve(person.department)
        except AmbiguousDepartment:
            problems.append(RowProblem(Problem.AMBIGUOUS_DEPARTMENT, RosterField.DEPARTMENT))
    if problems:
        return RowResult(row.number, RowStatus.ERROR, person, tuple(problems), target)
    key = person_key(name, target)
    if key in seen:
        duplicate = RowProblem(Problem.DUPLICATE_IN_FILE, other_row=seen[key])
        return RowResult(row.number, RowStatus.DUPLICATE, person, (duplicate,), target)
    seen[key] = row.number
    if key in existing:
        duplicate = RowProblem(Problem.DUPLICATE_IN_WORKSPACE)
        return RowResult(row.number, RowStatus.DUPLICATE, person, (duplicate,), target)
    return RowResult(row.number, RowStatus.OK, person, (), target)


_BAD = {
    RosterField.GENDER: Problem.BAD_GENDER,
    RosterField.PARTY_MEMBER: Problem.BAD_PARTY_MEMBER,
    RosterField.JOINED_ON: Problem.BAD_DATE,
    RosterField.IS_LEADER: Problem.BAD_YES_NO,
}


def _too_long(person: RosterPerson) -> list[RowProblem]:
    limits = (
        (RosterField.NAME, person.name, MAX_NAME),
        (RosterField.POSITION, person.position, MAX_POSITION),
        (RosterField.PHONE, person.phone, MAX_PHONE),
        (RosterField.DEPARTMENT, max(person.department, key=len, default=""), MAX_DEPARTMENT),
    )
    return [RowProblem(Problem.TOO_LONG, fld) for fld, text, limit in limits if len(text) > limit]
