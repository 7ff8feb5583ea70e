from __future__ import annotations

from dataclasses import dataclass

import pytest

from talkdesk.services.bundle import Services
from talkdesk.services.people import PersonInput
from talkdesk.services.session import WorkspaceSession


@dataclass(frozen=True)
class Office:
    """A tiny roster: one leader and two staff in one department."""

    leader: int
    zhang: int
    li: int
    department: int


@pytest.fixture
def services(session: WorkspaceSession) -> Services:
    return Services(session)


@pytest.fixture
def office(services: Services) -> Office:
    dep, _ = services.people.add_department("办公室")
    leader, _ = services.people.add_person(PersonInput("王主任", dep.id, "主任", is_leader=True))
    zhang, _ = services.people.add_person(PersonInput("张三", dep.id, "科员"))
    li, _ = services.people.add_person(PersonInput("李四", dep.id, "科员"))
    return Office(leader.id, zhang.id, li.id, dep.id)
