"""Roster import as a user meets it: messy files in, people out, dangerous files refused, undo."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.roster import Refusal, RosterField, RowStatus, UndoRefusal
from talkdesk.domain.values import AuditAction, Gender
from talkdesk.services.bundle import Services
from talkdesk.services.people import PeopleFilter, PersonInput
from talkdesk.services.roster_files import MAX_MEMBER_BYTES
from talkdesk.services.roster_import import RosterService
from talkdesk.services.talks import TalkInput
from talkdesk.storage.tables import audit_event, department, import_batch, person
from tests.helpers.rosters import (
    MESSY_ROWS,
    billion_laughs_xlsx,
    merged_header_xlsx,
    messy_gbk_csv,
    workbook,
    zip_bomb_xlsx,
)


@pytest.fixture
def roster(services: Services) -> RosterService:
    return services.roster


def everyone(services: Services) -> dict[str, Any]:
    """Each person by name, with the department's name."""
    rows = services.people.people(PeopleFilter(include_left=True))
    return {p.name: p for p in rows}


def table_counts(services: Services) -> dict[str, int]:
    with services.session.context.db.reading() as conn:
        return {
            t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (person, department, import_batch, audit_event)
        }


def refusal(error: pytest.ExceptionInfo[TalkdeskError]) -> str:
    assert error.value.code is ErrorCode.IMPORT_REFUSED
    return str(error.value.details["reason"])


def import_file(roster: RosterService, path: Path, duplicates: bool = False) -> Any:
    found = roster.read(path)
    summary, _changes = roster.import_roster(found, found.layout.mapping, duplicates)
    return summary


# -- messy CSV --------------------------------------------------------------------------------


def test_a_messy_gbk_csv_is_imported_row_by_row(
    services: Services, roster: RosterService, tmp_path: Path
) -> None:
    path = messy_gbk_csv(tmp_path / "花名册.csv")
    found = roster.read(path)
    assert found.layout.mapping.column(RosterField.NAME) == 1  # 序号 comes first
    report = roster.check(found, found.layout.mapping)
    statuses = {r.number: r.status for r in report.rows}
    assert statuses == {
        MESSY_ROWS["张三"]: RowStatus.OK,
        MESSY_ROWS["李四"]: RowStatus.OK,
        MESSY_ROWS["missing"]: RowStatus.ERROR,
        MESSY_ROWS["duplicate"]: RowStatus.DUPLICATE,
        MESSY_ROWS["王五"]: RowStatus.OK,
    }
    summary = import_file(roster, path)
    assert (summary.people, summary.departments) == (3, 3)  # 办公室, 办公室/综合科, 财务科

    people = everyone(services)
    assert set(people) == {"张三", "李四", "王五"}
    zhang, li, wang = people["张三"], people["李四"], people["王五"]
    assert (zhang.department_name, zhang.position, zhang.gender) == ("办公室", "科员", Gender.MALE)
    assert zhang.party_member and zhang.joined_on == date(2019, 3, 1)
    assert zhang.phone == "13800138000"
    assert li.department_name == "综合科" and not li.party_member
    assert wang.party_member and wang.joined_on == date(2018, 7, 1)  # 预备党员
    tree = {d.name: d for d in services.people.departments()}
    assert tree["综合科"].parent_id == tree["办公室"].id
    assert services.people.people(PeopleFilter(text="zs"))[0].name == "张三"  # pinyin made


@pytest.mark.parametrize(
    ("encoding", "bom", "delimiter"),
    [("utf-8", b"\xef\xbb\xbf", ","), ("utf-8", b"", "\t"), ("gb18030", b"", "|")],
)
def test_csv_in_utf8_or_gbk_with_or_without_bom_and_odd_delimiters(
    roster: RosterService, tmp_path: Path, encoding: str, bom: bytes, delimiter: str
) -> None:
    text = "\n".join(
        delimiter.join(r)
        for r in (["Name", "Department", "Gender"], ["张三", "办公室", "男"], ["", "", ""])
    )
    path = tmp_path / "people.csv"
    path.write_bytes(bom + text.encode(encoding))
    found = roster.read(path)
    assert found.sheet.rows[1].cells == ("张三", "办公室", "男")
    assert len(found.sheet.rows) == 2  # the blank row is dropped
    assert import_file(roster, path).people == 1


def test_a_csv_in_neither_encoding_names_its_line(roster: RosterService, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes("姓名\n张三\n".encode() + b"\x81\x20\xff\n")
    with pytest.raises(TalkdeskError) as error:
        roster.read(path)
    assert refusal(error) == Refusal.ENCODING
    assert error.value.details["row"] == 3


# -- xlsx -------------------------------------------------------------------------------------


def test_an_xlsx_with_merged_header_cells_and_dates_as_dates(
    services: Services, roster: RosterService, tmp_path: Path
) -> None:
    path = merged_header_xlsx(tmp_path / "名单.xlsx")
    found = roster.read(path)
    assert found.layout.header_index is not None
    assert found.sheet.rows[found.layout.header_index].number == 3
    assert isinstance(found.sheet.rows[3].cells[3], datetime)  # stored as a date
    summary = import_file(roster, path)
    assert summary.people == 3 and summary.report.count(RowStatus.ERROR) == 0
    people = everyone(services)
    assert people["赵六"].joined_on == date(2015, 9, 1)
    assert people["钱七"].joined_on == date(2021, 3, 15)
    assert people["孙八"].joined_on == date(2022, 1, 4)  # typed as text
    assert people["钱七"].department_name == "办公室"  # merged down from 赵六's row
    assert people["赵六"].party_member and not people["钱七"].party_member
    assert people["钱七"].position == "科员" and people["钱七"].gender is Gender.FEMALE


def test_openpyxl_parses_through_defusedxml(tmp_path: Path) -> None:
    """Defence in depth: even without our own scan, openpyxl refuses the entities."""
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML is True
    path = billion_laughs_xlsx(tmp_path / "laughs.xlsx")
    with pytest.raises(Exception) as error:
        openpyxl.load_workbook(io.BytesIO(path.read_bytes()))
    chain, exc = [], error.value
    while exc is not None:
        chain.append(type(exc).__module__)
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    assert any(module.startswith("defusedxml") for module in chain)


def test_a_billion_laughs_workbook_is_refused_and_nothing_changes(
    services: Services, roster: RosterService, tmp_path: Path
) -> None:
    before = table_counts(services)
    with pytest.raises(TalkdeskError) as error:
        roster.read(billion_laughs_xlsx(tmp_path / "laughs.xlsx"))
    assert refusal(error) == Refusal.XML_ENTITIES
    assert table_counts(services) == before


def test_a_zip_bomb_is_refused_on_its_real_size_and_nothing_changes(
    services: Services, roster: RosterService, tmp_path: Path
) -> None:
    path = zip_bomb_xlsx(tmp_path / "bomb.xlsx")
    assert path.stat().st_size < 200_000  # small on disk
    before = table_counts(services)
    with pytest.raises(TalkdeskError) as error:
        roster.read(path)
    assert refusal(error) == Refusal.ZIP_BOMB
    assert table_counts(services) == before


def test_a_member_compressed_too_well_is_refused_below_the_size_limits(
    roster: RosterService, tmp_path: Path
) -> None:
    size = 4 * 1024 * 1024
    assert size < MAX_MEMBER_BYTES
    with pytest.raises(TalkdeskError) as error:
        roster.read(zip_bomb_xlsx(tmp_path / "ratio.xlsx", size=size))
    assert refusal(error) == Refusal.ZIP_BOMB


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, Refusal.UNSUPPORTED_TYPE),
        (
            "locked.xlsx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
            Refusal.LEGACY_OR_ENCRYPTED,
        ),
        ("broken.xlsx", b"PK\x03\x04 not really a zip", Refusal.NOT_A_SPREADSHEET),
        ("empty.csv", b"\r\n\r\n", Refusal.EMPTY),
        ("binary.csv", "姓名\n张三\n".encode() + b"\x00\x01", Refusal.NOT_TEXT),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(
    roster: RosterService, tmp_path: Path, name: str, content: bytes, reason: Refusal
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(TalkdeskError) as error:
        roster.read(path)
    assert refusal(error) == reason


def test_no_name_column_is_refused(roster: RosterService, tmp_path: Path) -> None:
    found = roster.read(workbook(tmp_path / "x.xlsx", [["部门", "职务"], ["办公室", "科员"]]))
    assert not found.layout.mapping.has_name
    with pytest.raises(TalkdeskError) as error:
        roster.import_roster(found, found.layout.mapping)
    assert refusal(error) == Refusal.NO_NAME_COLUMN


# -- one transaction, audit, undo ------------------------------------------------------------


def test_a_failed_import_changes_nothing(
    services: Services, roster: RosterService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = roster.read(messy_gbk_csv(tmp_path / "r.csv"))
    before = table_counts(services)
    calls = []

    def failing(name: str) -> tuple[str, str]:
        calls.append(name)
        if len(calls) == 2:  # departments made and a person written by now
            raise OSError("disk trouble")
        return "x", "x"

    monkeypatch.setattr("talkdesk.services.roster_import.name_keys", failing)
    with pytest.raises(OSError):
        roster.import_roster(found, found.layout.mapping)
    assert table_counts(services) == before
    assert roster.last_import() is None


def test_the_audit_log_counts_and_never_names(
    services: Services, roster: RosterService, tmp_path: Path
) -> None:
    import_file(roster, messy_gbk_csv(tmp_path / "r.csv"))
    with services.session.context.db.reading() as conn:
        rows = conn.execute(select(audit_event).where(audit_event.c.action == "imported")).all()
        everything = " ".join(str(tuple(r)) for r in conn.execute(select(audit_event)))
    assert [(r.entity, r.count) for r in rows] == [("person", 3)]
    assert "张三" not in everything and "办公室" not in everything


def test_undo_removes_the_last_import_and_only_it(
    services: Services, roster: RosterService, tmp_path: Path
) -> None:
    office, _ = services.people.add_department("办公室")
    services.people.add_person(PersonInput("老王", office.id))
    summary = import_file(roster, messy_gbk_csv(tmp_path / "r.csv"))
    assert summary.departments == 2  # 办公室 existed already
    assert len(everyone(services)) == 4
    last = roster.last_import()
    assert last is not None and last.people == 3 and last.refusal is None

    undone, changes = roster.undo_last_import()
    assert (undone.people, undone.departments) == (3, 2)
    assert changes
    assert set(everyone(services)) == {"老王"}
    assert [d.name for d in services.people.departments()] == ["办公室"]
    last = roster.last_import()
    assert last is not None and last.undone_at is not None
    assert last.refusal is UndoRefusal.NOTHING_TO_UNDO
    with pytest.raises(TalkdeskError) as error:
        roster.undo_last_import()
    assert error.value.code is ErrorCode.UNDO_REFUSED
    with services.session.context.db.reading() as conn:
        actions = [r[0] for r in conn.execute(select(audit_event.c.action))]
    assert AuditAction.IMPORT_UNDONE.value in actions


def test_undo_is_refused_once_an_imported_person_has_a_talk(
    services: Services, roster: RosterService, tmp_path: Path, clock: Any
) -> None:
    leader, _ = services.people.add_person(PersonInput("王主任", is_leader=True))
    import_file(roster, messy_gbk_csv(tmp_path / "r.csv"))
    zhang = everyone(services)["张三"]
    services.talks.create_talk(TalkInput(leader.id, zhang.id, datetime(2026, 11, 20, 9)))
    last = roster.last_import()
    assert last is not None and last.refusal is UndoRefusal.PEOPLE_IN_USE
    with pytest.raises(TalkdeskError) as error:
        roster.undo_last_import()
    assert error.value.details["reason"] == UndoRefusal.PEOPLE_IN_USE
    assert len(everyone(services)) == 4


def test_a_reference_the_check_misses_still_refuses_the_undo(
    services: Services,
    roster: RosterService,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A table added later that refers to people (RESTRICT) cannot make undo orphan it."""
    leader, _ = services.people.add_person(PersonInput("王主任", is_leader=True))
    import_file(roster, messy_gbk_csv(tmp_path / "r.csv"))
    zhang = everyone(services)["张三"]
    services.talks.create_talk(TalkInput(leader.id, zhang.id, datetime(2026, 11, 20, 9)))
    monkeypatch.setattr("talkdesk.services.roster_import._PERSON_REFERENCES", ())
    with pytest.raises(TalkdeskError) as error:
        roster.undo_last_import()
    assert error.value.details["reason"] == UndoRefusal.PEOPLE_IN_USE
    assert len(everyone(services)) == 4
    last = roster.last_import()
    assert last is not None and last.undone_at is None


def test_undo_is_refused_once_someone_else_joined_an_imported_department(
    services: Services, roster: RosterService, tmp_path: Path
) -> None:
    import_file(roster, messy_gbk_csv(tmp_path / "r.csv"))
    finance = next(d for d in services.people.departments() if d.name == "财务科")
    services.people.add_person(PersonInput("新人", finance.id))
    with pytest.raises(TalkdeskError) as error:
        roster.undo_last_import()
    assert error.value.details["reason"] == UndoRefusal.DEPARTMENTS_IN_USE
    assert len(everyone(services)) == 4


def test_duplicates_are_skipped_unless_asked_and_rechecked_at_import(
    services: Services, roster: RosterService, tmp_path: Path
) -> None:
    found = roster.read(messy_gbk_csv(tmp_path / "r.csv"))
    preview = roster.check(found, found.layout.mapping)
    assert preview.count(RowStatus.OK) == 3
    # someone adds 王五 to 财务科 between the preview and the import
    finance, _ = services.people.add_department("财务科")
    services.people.add_person(PersonInput("王五", finance.id))
    summary, _ = roster.import_roster(found, found.layout.mapping)
    assert summary.people == 2
    assert summary.report.count(RowStatus.DUPLICATE) == 2
    roster.undo_last_import()
    summary, _ = roster.import_roster(found, found.layout.mapping, include_duplicates=True)
    assert summary.people == 4
    assert sorted(p.name for p in services.people.people()).count("张三") == 2


# -- never a crash -----------------------------------------------------------------------------


def _outcome(roster: RosterService, path: Path) -> tuple[str, int]:
    """("refused", 0) or ("imported", people imported); any other exception fails the test."""
    try:
        found = roster.read(path)
        summary, _ = roster.import_roster(found, found.layout.mapping)
    except TalkdeskError as exc:
        assert exc.code is ErrorCode.IMPORT_REFUSED
        row = exc.details.get("row")
        assert row is None or (isinstance(row, int) and row >= 1)
        return "refused", 0
    for result in summary.report.rows:
        assert result.number >= 1
        assert (result.status is RowStatus.ERROR) == any(
            not p.problem.is_duplicate for p in result.problems
        )
    return "imported", summary.people


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_random_bytes_never_crash_the_importer(
    services: Services, roster: RosterService, tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    before = table_counts(services)
    outcome, people = _outcome(roster, path)
    after = table_counts(services)
    if outcome == "refused" or people == 0:
        assert after == before
    else:
        assert after[person.name] == before[person.name] + people


def _zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


odd_cell = st.one_of(
    st.text(max_size=8),
    st.sampled_from(["", " ", '"', '""', "\n", "a,b", "；", "2019年13月", "办公室/", "/", "男"]),
)
odd_row = st.lists(odd_cell, max_size=6)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    header=st.permutations(["姓名", "部门", "性别", "入职时间", "备注"]),
    rows=st.lists(odd_row, max_size=8),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_odd_csv_never_crashes_and_imports_exactly_the_ok_rows(
    services: Services,
    roster: RosterService,
    tmp_path: Path,
    header: list[str],
    rows: list[list[str]],
    delimiter: str,
    encoding: str,
    newline: str,
) -> None:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    writer.writerow(header)
    writer.writerows(rows)
    path = tmp_path / "odd.csv"
    try:
        path.write_bytes(buffer.getvalue().encode(encoding))
    except UnicodeEncodeError:
        return  # text GB18030 cannot hold is not a GBK file
    before = table_counts(services)
    try:
        found = roster.read(path)
        report = roster.check(found, found.layout.mapping)
        summary, _ = roster.import_roster(found, found.layout.mapping)
    except TalkdeskError as exc:
        assert exc.code is ErrorCode.IMPORT_REFUSED
        assert table_counts(services) == before
        return
    assert summary.people == summary.report.count(RowStatus.OK)
    assert table_counts(services)[person.name] == before[person.name] + summary.people
    assert all(r.number > 1 for r in report.rows)  # the header is row 1


def test_a_garbled_zip_is_refused_not_crashed(roster: RosterService, tmp_path: Path) -> None:
    good = _zip_of({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
    path = tmp_path / "garbled.xlsx"
    for cut in (10, len(good) // 2, len(good) - 5):
        path.write_bytes(good[:cut] + b"\0" * 7 + good[cut + 7 :])
        with pytest.raises(TalkdeskError) as error:
            roster.read(path)
        assert error.value.code is ErrorCode.IMPORT_REFUSED
