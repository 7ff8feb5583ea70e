"""Question prompts per topic, to prepare a talk; shipped defaults follow the talk system."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

import talkdesk.resources as resources
from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.values import Topic
from talkdesk.services.changes import Changes, Entity
from talkdesk.services.context import Context, stamps
from talkdesk.services.query import insert_id
from talkdesk.storage.tables import template

Prompts = dict[Topic, tuple[str, ...]]


@dataclass(frozen=True)
class TemplateRow:
    id: int
    uuid: str
    name: str
    builtin: bool
    prompts: Prompts


class TemplatesService:
    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def templates(self) -> list[TemplateRow]:
        stmt = select(
            template.c.id, template.c.uuid, template.c.name, template.c.builtin, template.c.prompts
        ).order_by(template.c.builtin.desc(), template.c.id)
        with self._ctx.db.reading() as conn:
            return [TemplateRow(*r[:4], _decode(r[4])) for r in conn.execute(stmt)]

    def ensure_builtin(self) -> Changes:
        """Add the shipped templates once (a workspace that has templates keeps its own)."""
        with self._ctx.db.transaction() as conn:
            if conn.execute(select(func.count()).select_from(template)).scalar_one():
                return Changes()
            for item in builtin_templates():
                self._insert(conn, item["name"], _decode(json.dumps(item["prompts"])), True)
        return Changes.of(Entity.TEMPLATE)

    def save(
        self, name: str, prompts: Prompts, template_id: int | None = None
    ) -> tuple[TemplateRow, Changes]:
        """Create a template, or change one (a builtin one too: the user's words win)."""
        name = name.strip()
        if not name:
            raise TalkdeskError(ErrorCode.INVALID_VALUE, field="name")
        with self._ctx.db.transaction() as conn:
            if template_id is None:
                template_id = self._insert(conn, name, prompts, False)
            else:
                result = conn.execute(
                    update(template)
                    .where(template.c.id == template_id)
                    .values(name=name, prompts=_encode(prompts), updated_at=self._ctx.now())
                )
                if result.rowcount == 0:
                    raise TalkdeskError(ErrorCode.NOT_FOUND)
        row = next(t for t in self.templates() if t.id == template_id)
        return row, Changes.of(Entity.TEMPLATE)

    def _insert(self, conn: Connection, name: str, prompts: Prompts, builtin: bool) -> int:
        return insert_id(
            conn,
            insert(template).values(
                **stamps(self._ctx.now()), name=name, builtin=builtin, prompts=_encode(prompts)
            ),
        )


def builtin_templates() -> list[dict[str, Any]]:
    raw = resources.path("templates", "talk_prompts.json").read_text("utf-8")
    data: list[dict[str, Any]] = json.loads(raw)
    return data


def _encode(prompts: Prompts) -> str:
    return json.dumps({t.value: list(q) for t, q in prompts.items()}, ensure_ascii=False)


def _decode(stored: str) -> Prompts:
    data = json.loads(stored or "{}")
    return {Topic(k): tuple(v) for k, v in data.items() if k in Topic._value2member_map_}
