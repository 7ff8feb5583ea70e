"""Roster rules: the header found among titles, columns matched by name, each row checked."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talkdesk.domain.roster import (
    ColumnMapping,
    DepartmentTarget,
    KnownDepartment,
    Problem,
    RosterField,
    RowStatus,
    Sheet,
    SheetRow,
    SourceKind,
    check_rows,
    field_of_header,
    find_layout,
    person_key,
)
from talkdesk.domain.roster_values import (
    clean_name,
    department_path,
    parse_date,
    parse_gender,
    parse_party_member,
    parse_yes_no,
)
from talkdesk.domain.values import Gender


def sheet(*rows: tuple[object, ...], start: int = 1) -> Sheet:
    return Sheet(
        SourceKind.CSV,
        tuple(SheetRow(start + i, tuple(r)) for i, r in enumerate(rows)),  # type: ignore[arg-type]
    )


# -- headers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("姓名", RosterField.NAME),
        ("姓 名", RosterField.NAME),
        ("姓名（必填）*", RosterField.NAME),
        (" Name: ", RosterField.NAME),
        ("部门", RosterField.DEPARTMENT),
        ("Department", RosterField.DEPARTMENT),
        ("职务", RosterField.POSITION),
        ("岗位", RosterField.POSITION),
        ("Post", RosterField.POSITION),
        ("性别", RosterField.GENDER),
        ("政治面貌", RosterField.PARTY_MEMBER),
        ("党员", RosterField.PARTY_MEMBER),
        ("Party member", RosterField.PARTY_MEMBER),
        ("入职时间", RosterField.JOINED_ON),
        ("参加工作时间", RosterField.JOINED_ON),
        ("Joined", RosterField.JOINED_ON),
        ("联系方式", RosterField.PHONE),
        ("电话", RosterField.PHONE),
        ("Phone", RosterField.PHONE),
        ("序号", None),
        ("备注", None),
    ],
)
def test_header_names_in_chinese_and_english(header: str, field: RosterField | None) -> None:
    assert field_of_header(header) is field


def test_the_header_is_found_below_a_title_and_matched_by_name() -> None:
    found = sheet(
        ("2026年干部花名册",),
        ("序号", "姓名", "部门", "职务", "联系电话"),
        ("1", "张三", "办公室", "科员", "138"),
    )
    layout = find_layout(found)
    assert layout.header_index == 1
    assert layout.mapping.column(RosterField.NAME) == 1
    assert layout.mapping.column(RosterField.DEPARTMENT) == 2
    assert layout.mapping.column(RosterField.PHONE) == 4
    assert layout.mapping.column(RosterField.GENDER) is None
    assert [r.number for r in layout.data_rows(found)] == [3]


def test_a_two_row_header_is_found_at_its_lower_row() -> None:
    """Merged cells arrive spread out: the group title row names fewer fields."""
    found = sheet(
        ("人员名单", "人员名单", "人员名单"),
        ("姓名", "基本信息", "基本信息"),
        ("姓名", "部门", "岗位"),
        ("张三", "办公室", "科员"),
    )
    layout = find_layout(found)
    assert layout.header_index == 2
    assert dict(layout.mapping.pairs) == {
        RosterField.NAME: 0,
        RosterField.DEPARTMENT: 1,
        RosterField.POSITION: 2,
    }


def test_no_header_leaves_every_column_to_the_user() -> None:
    layout = find_layout(sheet(("张三", "办公室"), ("李四", "财务科")))
    assert layout.header_index is None and not layout.mapping.has_name
    assert len(layout.data_rows(sheet(("a",), ("b",)))) == 2


def test_a_column_feeds_one_field() -> None:
    mapping = ColumnMapping.of({RosterField.NAME: 0, RosterField.DEPARTMENT: 1})
    moved = mapping.with_column(RosterField.POSITION, 1)
    assert moved.column(RosterField.POSITION) == 1
    assert moved.column(RosterField.DEPARTMENT) is None
    assert moved.with_column(RosterField.NAME, None).has_name is False


# -- values ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (datetime(2019, 3, 1, 0, 0), date(2019, 3, 1)),
        (date(2019, 3, 1), date(2019, 3, 1)),
        ("2019-03-01", date(2019, 3, 1)),
        ("2019/3/1", date(2019, 3, 1)),
        ("2019.3.1", date(2019, 3, 1)),
        ("2019年3月1日", date(2019, 3, 1)),
        ("２０１９年３月１日", date(2019, 3, 1)),  # full-width digits
        ("2019-03-01 00:00:00", date(2019, 3, 1)),
        ("20190301", date(2019, 3, 1)),
        ("2019.03", date(2019, 3, 1)),  # year and month, as cadre rosters write it
        ("2019年3月", date(2019, 3, 1)),
        (2019.03, date(2019, 3, 1)),
        (2019.1, date(2019, 10, 1)),  # "2019.10" typed into an Excel number cell
        (43525, date(2019, 3, 1)),  # an unformatted Excel date
        ("43525", date(2019, 3, 1)),
        ("", None),
        (None, None),
    ],
)
def test_dates_as_offices_write_them(cell: object, expected: date | None) -> None:
    assert parse_date(cell) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "cell", ["2019-02-30", "2019-13-01", "yesterday", "2019", 2019, "1800-01-01", True, 1e308]
)
def test_what_is_not_a_date(cell: object) -> None:
    with pytest.raises(ValueError):
        parse_date(cell)  # type: ignore[arg-type]


def test_genders_party_membership_and_yes_no() -> None:
    assert parse_gender("男") is Gender.MALE and parse_gender("Female") is Gender.FEMALE
    assert parse_gender("") is Gender.UNKNOWN
    with pytest.raises(ValueError):
        parse_gender("abc")
    for member in ("中共党员", "中共预备党员", "党员", "是", "√", "yes", True):
        assert parse_party_member(member) is True, member  # type: ignore[arg-type]
    for other in ("群众", "共青团员", "民革党员", "九三学社社员", "否", "", None):
        assert parse_party_member(other) is False, other  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        parse_party_member("也许")
    assert parse_yes_no("Y") is True and parse_yes_no("否") is False


def test_names_and_department_paths() -> None:
    assert clean_name("张　三") == "张三"
    assert clean_name(" 欧阳 小明 ") == "欧阳小明"
    assert clean_name("John   Smith") == "John Smith"
    assert department_path("办公室／综合科") == ("办公室", "综合科")
    assert department_path(" 财务科 ") == ("财务科",)
    assert department_path(None) == ()


# -- rows -------------------------------------------------------------------------------------

HEADER = ("姓名", "部门", "性别", "入职时间")


def test_rows_ok_duplicate_and_errors_with_their_row_numbers() -> None:
    found = sheet(
        HEADER,
        ("张三", "办公室", "男", "2019-03-01"),
        ("", "办公室", "女", ""),
        ("张 三", "办公室", "", ""),
        ("李四", "财务科", "不详", "2019-02-30"),
        ("王五", "人事科", "x", ""),
        ("赵六", "财务科", "女", ""),
        start=3,
    )
    layout = find_layout(found)
    known = [KnownDepartment(1, "财务科", None)]
    existing = {person_key("赵六", DepartmentTarget(1))}
    report = check_rows(found, layout, layout.mapping, known, existing)
    got = {r.number: (r.status, [p.problem for p in r.problems]) for r in report.rows}
    assert got == {
        4: (RowStatus.OK, []),
        5: (RowStatus.ERROR, [Problem.MISSING_NAME]),
        6: (RowStatus.DUPLICATE, [Problem.DUPLICATE_IN_FILE]),
        7: (RowStatus.ERROR, [Problem.BAD_DATE]),
        8: (RowStatus.ERROR, [Problem.BAD_GENDER]),
        9: (RowStatus.DUPLICATE, [Problem.DUPLICATE_IN_WORKSPACE]),
    }
    assert report.rows[2].problems[0].other_row == 4
    assert [r.number for r in report.to_import()] == [4]
    assert [r.number for r in report.to_import(include_duplicates=True)] == [4, 6, 9]
    first = report.rows[0].person
    assert (first.name, first.department, first.gender) == ("张三", ("办公室",), Gender.MALE)
    assert first.joined_on == date(2019, 3, 1)


def test_departments_are_found_by_path_or_by_a_unique_name() -> None:
    known = [
        KnownDepartment(1, "办公室", None),
        KnownDepartment(2, "综合科", 1),
        KnownDepartment(3, "财务科", None),
        KnownDepartment(4, "文书组", 2),
        KnownDepartment(5, "文书组", 3),
    ]
    found = sheet(
        ("姓名", "部门"),
        ("甲", "办公室/综合科"),
        ("乙", "综合科"),
        ("丙", "办公室/督查科"),
        ("丁", "信息中心"),
        ("戊", "文书组"),
        ("己", "财务科/文书组"),
    )
    layout = find_layout(found)
    rows = check_rows(found, layout, layout.mapping, known, set()).rows
    assert [r.target for r in rows] == [
        DepartmentTarget(2),
        DepartmentTarget(2),
        DepartmentTarget(1, ("督查科",)),
        DepartmentTarget(None, ("信息中心",)),
        DepartmentTarget(None),
        DepartmentTarget(5),
    ]
    assert rows[4].status is RowStatus.ERROR
    assert rows[4].problems[0].problem is Problem.AMBIGUOUS_DEPARTMENT


def test_a_repeated_header_row_is_not_a_person() -> None:
    found = sheet(HEADER, ("张三", "办公室"), HEADER, ("李四", "办公室"))
    layout = find_layout(found)
    report = check_rows(found, layout, layout.mapping, [], set())
    assert [r.person.name for r in report.rows] == ["张三", "李四"]


def test_too_long_values_are_errors() -> None:
    found = sheet(("姓名", "部门"), ("张" * 51, "办公室"), ("李四", "部" * 101))
    layout = find_layout(found)
    rows = check_rows(found, layout, layout.mapping, [], set()).rows
    assert [(p.problem, p.field) for r in rows for p in r.problems] == [
        (Problem.TOO_LONG, RosterField.NAME),
        (Problem.TOO_LONG, RosterField.DEPARTMENT),
    ]


cells = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.sampled_from(["姓名", "部门", "入职时间", "性别", "党员", "2019.13", "办公室/", "/"]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(cells, max_size=8), max_size=12))
def test_any_cells_give_a_report_never_an_exception(grid: list[list[object]]) -> None:
    found = sheet(*(tuple(r) for r in grid))
    layout = find_layout(found)
    mapping = layout.mapping.with_column(
        RosterField.NAME, layout.mapping.column(RosterField.NAME) or 0
    )
    report = check_rows(found, layout, mapping, [KnownDepartment(1, "办公室", None)], set())
    numbers = {r.number for r in found.rows}
    for row in report.rows:
        assert row.number in numbers
        errors = [p for p in row.problems if not p.problem.is_duplicate]
        assert (row.status is RowStatus.ERROR) == bool(errors)
        if row.status is RowStatus.OK:
            assert row.person.name and not row.problems
