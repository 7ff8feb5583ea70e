"""What a service call touched, so each screen can decide whether to refresh."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Entity(StrEnum):
    WORKSPACE = "workspace"
    DEPARTMENT = "department"
    PERSON = "person"
    PLAN = "plan"
    TRIGGER = "trigger"
    APPOINTMENT = "appointment"
    TALK = "talk"
    FOLLOW_UP = "follow_up"
    TEMPLATE = "template"


@dataclass(frozen=True)
class Changes:
    """The kinds of record a call created, changed or removed."""

    touched: frozenset[Entity] = frozenset()

    @classmethod
    def of(cls, *entities: Entity) -> Changes:
        return cls(frozenset(entities))

    def __contains__(self, entity: object) -> bool:
        return entity in self.touched

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.touched | other.touched)

    def __bool__(self) -> bool:
        return bool(self.touched)

    def any_of(self, *entities: Entity) -> bool:
        return not self.touched.isdisjoint(entities)
