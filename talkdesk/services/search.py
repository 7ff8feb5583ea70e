"""One search over talks and follow-ups, newest first, without private notes unless asked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from talkdesk.services.context import Context
from talkdesk.services.follow_ups import FollowUpsService
from talkdesk.services.talks import TalksService
from talkdesk.storage import search_index
from talkdesk.storage.search_index import Index


class HitKind(StrEnum):
    TALK = "talk"
    FOLLOW_UP = "follow_up"


@dataclass(frozen=True)
class SearchHit:
    kind: HitKind
    id: int
    when: datetime
    title: str
    person_name: str
    private: bool  # found only in private notes or care reasons


@dataclass(frozen=True)
class SearchResult:
    hits: tuple[SearchHit, ...]
    talk_count: int
    follow_up_count: int


class SearchService:
    def __init__(self, ctx: Context, talks: TalksService, follow_ups: FollowUpsService) -> None:
        self._ctx = ctx
        self._talks = talks
        self._follow_ups = follow_ups

    def search(self, query: str, include_private: bool = False, limit: int = 50) -> SearchResult:
        """The newest `limit` hits; the first page is taken inside the index, never sorted."""
        with self._ctx.db.reading() as conn:
            talk_keys = search_index.find(conn, Index.TALK, query, limit)
            private_keys: list[int] = []
            if include_private:
                found = set(talk_keys)
                extra = search_index.find(conn, Index.TALK_PRIVATE, query, limit)
                private_keys = [k for k in extra if k not in found]
            item_keys = search_index.find(conn, Index.FOLLOW_UP, query, limit)
            talk_count = search_index.count(conn, Index.TALK, query)
            item_count = search_index.count(conn, Index.FOLLOW_UP, query)
        newest = sorted(
            [(k, HitKind.TALK, False) for k in talk_keys]
            + [(k, HitKind.TALK, True) for k in private_keys]
            + [(k, HitKind.FOLLOW_UP, False) for k in item_keys],
            reverse=True,
        )[:limit]
        return SearchResult(self._hits(newest), talk_count, item_count)

    def _hits(self, keys: list[tuple[int, HitKind, bool]]) -> tuple[SearchHit, ...]:
        talk_ids = [search_index.record_id(k) for k, kind, _ in keys if kind is HitKind.TALK]
        item_ids = [search_index.record_id(k) for k, kind, _ in keys if kind is HitKind.FOLLOW_UP]
        talks = self._talks.rows_by_id(talk_ids)
        items = self._follow_ups.rows_by_id(item_ids)
        hits: list[SearchHit] = []
        for key, kind, private in keys:
            rid = search_index.record_id(key)
            if kind is HitKind.TALK and rid in talks:
                t = talks[rid]
                hits.append(SearchHit(kind, rid, t.held_at, t.talker_name, t.person_name, private))
            elif kind is HitKind.FOLLOW_UP and rid in items:
                f = items[rid]
                hits.append(SearchHit(kind, rid, f.created_at, f.title, f.person_name, False))
        return tuple(hits)
