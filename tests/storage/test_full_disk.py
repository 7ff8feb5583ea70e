"""A full disk while writing: DISK_FULL, nothing half written, no record text in errors."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, insert, text
from sqlalchemy.exc import IntegrityError

from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.services.people import PeopleFilter, PeopleService, PersonInput
from talkdesk.services.session import WorkspaceSession
from talkdesk.storage.tables import workspace_info

SECRET_NAME = "欧阳绝密"


def test_full_database_is_disk_full_and_rolled_back(session: WorkspaceSession) -> None:
    db = session.context.db
    people = PeopleService(session.context)
    with db.reading() as conn:
        pages = conn.execute(text("PRAGMA page_count")).scalar_one()
    db.engine.dispose()

    @event.listens_for(db.engine, "connect")
    def _no_room(dbapi_conn: Any, _record: Any) -> None:  # the file may not grow: a full disk
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 4}")

    added = 0
    with pytest.raises(TalkdeskError) as err:
        for i in range(500):
            people.add_person(PersonInput(f"{SECRET_NAME}{i}", position="科员" * 40))
            added += 1
    assert err.value.code is ErrorCode.DISK_FULL
    assert added > 0
    assert SECRET_NAME not in str(err.value) and SECRET_NAME not in repr(err.value.__cause__)
    assert people.count_people(PeopleFilter(include_left=True)) == added  # the last one undone
    assert session.info().owner_name == "王主任"  # still readable


def test_sql_errors_never_carry_the_values(session: WorkspaceSession) -> None:
    with pytest.raises(IntegrityError) as err, session.context.db.transaction() as conn:
        conn.execute(insert(workspace_info).values(key="owner_name", value=SECRET_NAME))
    assert SECRET_NAME not in str(err.value)
