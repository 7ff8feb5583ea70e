"""The list queries' helpers: statements run on the driver give what SQLAlchemy would."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Date, bindparam, event, select

from talkdesk.services.bundle import Services
from talkdesk.services.people import PersonInput
from talkdesk.services.query import (
    Page,
    as_text,
    driver_rows,
    ids_param,
    in_ids,
    one_of,
    page_of,
)
from talkdesk.storage.tables import person
from tests.services.conftest import Office

_BY_IDS = select(person.c.id, person.c.name).where(in_ids(person.c.id, "ids")).order_by(person.c.id)


def test_statements_on_the_driver_give_what_sqlalchemy_gives(
    services: Services, office: Office
) -> None:
    services.people.add_person(PersonInput("赵六", office.department, "科员"))
    plain = select(person.c.id, person.c.name, as_text(person.c.joined_on)).where(
        person.c.department_id == bindparam("dep")
    )
    dated = select(person.c.id).where(  # a date parameter: converted by SQLAlchemy
        person.c.joined_on.is_(None) | (person.c.joined_on < bindparam("day", type_=Date))
    )
    with services.session.context.db.reading() as conn:
        for stmt, params in (
            (plain, {"dep": office.department}),
            (dated, {"day": date(2026, 11, 24)}),
        ):
            want = [tuple(r) for r in conn.execute(stmt, params)]
            assert [tuple(r) for r in driver_rows(conn, stmt, params)] == want
            assert len(want) == 4


def test_statements_are_seen_by_whoever_listens(services: Services, office: Office) -> None:
    """Tests count statements through SQLAlchemy's events: they still see every one."""
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    db = services.session.context.db
    event.listen(db.engine, "before_cursor_execute", count)
    try:
        with db.reading() as conn:
            rows = driver_rows(conn, _BY_IDS, {"ids": ids_param([office.zhang])})
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert [r[1] for r in rows] == ["张三"] and len(seen) == 1


def test_ids_lists_of_any_length_pages_and_constant_sets(
    services: Services, office: Office
) -> None:
    everyone = [office.leader, office.zhang, office.li]
    with services.session.context.db.reading() as conn:
        for ids in ([], [office.li], everyone, [*everyone, 999_999]):
            got = [r[0] for r in driver_rows(conn, _BY_IDS, {"ids": ids_param(ids)})]
            assert got == sorted(i for i in ids if i != 999_999)
        by_id = select(person.c.id).order_by(person.c.id)
        assert [r[0] for r in driver_rows(conn, page_of(by_id, Page(1, 1)))] == [everyone[1]]
        assert [r[0] for r in driver_rows(conn, page_of(by_id, Page(0, 2)))] == everyone[:2]
        named = select(person.c.id).where(one_of(person.c.name, ["李四", "O'Brien", "王主任"]))
        assert sorted(r[0] for r in driver_rows(conn, named)) == [office.leader, office.li]
