"""One search over talks and follow-ups: words, names by pinyin or initials, and filters.

A query's words must all occur in a record's text (any length: the index of
character pairs). A word that is also a person's name, pinyin or initials
(张三, zhangsan, zs) finds that person's records too, whatever their text.
Private notes and care reasons are searched only when asked, and a hit found
only there says so. How keys are found is in `search_plans`; here the hits
are read, a page at a time, with a snippet around the words.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any, NamedTuple

from sqlalchemy import Connection, Select, bindparam, exists, literal, or_, select
from sqlalchemy.sql import ColumnElement

from talkdesk.domain.values import CareLevel, FollowUpStatus, TalkKind, Topic
from talkdesk.services.context import Context
from talkdesk.services.follow_ups import FollowUpsService
from talkdesk.services.follow_ups import rows_with_texts as follow_up_rows_with_texts
from talkdesk.services.people import department_subtree
from talkdesk.services.query import driver_rows, like_pattern
from talkdesk.services.search_plans import Found, Part, Source, run, union
from talkdesk.services.talks import TalksService
from talkdesk.services.talks import rows_with_texts as talk_rows_with_texts
from talkdesk.storage import search_index
from talkdesk.storage.database import Database
from talkdesk.storage.search_index import Index
from talkdesk.storage.tables import follow_up, person, talk

SNIPPET_CHARS = 72
"""About how long a snippet is; the first match sits near its start."""

NAME_CAP = 60
"""A query word matching more people than this is taken as text only (`zh` while typing
`zhangsan`): a name finds someone, not a tenth of the roster."""

NAMES_KEPT = 256
"""Most texts whose people `SearchService` keeps while the data stay as they are."""

_TALKS = Source(Index.TALK, talk, talk.c.held_at, talk.c.id)
_PRIVATE = Source(Index.TALK_PRIVATE, talk, talk.c.held_at, talk.c.id)
_ITEMS = Source(Index.FOLLOW_UP, follow_up, follow_up.c.created_at, follow_up.c.id)


class HitKind(StrEnum):
    TALK = "talk"
    FOLLOW_UP = "follow_up"


class SearchScope(StrEnum):
    ALL = "all"
    TALKS = "talks"
    FOLLOW_UPS = "follow_ups"


@dataclass(frozen=True)
class SearchQuery:
    """What the search box and its filters hold.

    `person` is a name, pinyin or initials, like a word of `text`, but only narrows.
    Talk kind and topic narrow follow-ups to those raised in such talks.
    """

    text: str = ""
    scope: SearchScope = SearchScope.ALL
    person: str = ""
    department_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    kind: TalkKind | None = None
    topic: Topic | None = None
    include_private: bool = False
    limit: int = 50

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.text.lower().split()))

    @property
    def is_empty(self) -> bool:
        """Nothing to look for: no words and no person (filters alone list nothing)."""
        return not self.words and not self.person.strip()


class Snippet(NamedTuple):
    """A piece of a record's text; `marks` are the (start, end) of each match in it (a named
    tuple, as `SearchHit`)."""

    text: str
    marks: tuple[tuple[int, int], ...] = ()


class SearchHit(NamedTuple):
    """One record found (a named tuple: a page of search builds fifty at a time).

    `by`: the talker of a talk, the handler of a follow-up. `title`: a follow-up's
    title ("" for a talk). `private`: found only in private notes or the care
    reason (the snippet is from there). `person_named` / `by_named`: found by the
    name of the person / of the talker, not by the text.
    """

    kind: HitKind
    id: int
    when: datetime
    person_name: str
    department_name: str
    by: str
    title: str
    snippet: Snippet
    talk_kind: TalkKind | None = None
    care: CareLevel = CareLevel.NONE
    status: FollowUpStatus | None = None
    private: bool = False
    person_named: bool = False
    by_named: bool = False

    @property
    def by_name(self) -> bool:
        return self.person_named or self.by_named


@dataclass(frozen=True)
class SearchResult:
    """The newest hits, and how many there are in all.

    The counts are exact when `exact`; otherwise (filters that cannot be counted
    cheaply) they are lower bounds, and `more` says there are hits beyond those shown.
    """

    hits: tuple[SearchHit, ...] = ()
    talk_count: int = 0
    follow_up_count: int = 0
    exact: bool = True
    more: bool = False
    words: tuple[str, ...] = ()
    no_such_person: bool = False  # the person filter matches nobody

    @property
    def total(self) -> int:
        return self.talk_count + self.follow_up_count


class _Chosen(NamedTuple):
    key: int
    kind: HitKind
    private: bool = False
    by_name: bool = False


@dataclass
class _Found:
    """One kind's keys with what each was found by."""

    found: Found
    private: set[int] = field(default_factory=set)
    by_name: set[int] = field(default_factory=set)


class SearchService:
    def __init__(self, ctx: Context, talks: TalksService, follow_ups: FollowUpsService) -> None:
        self._ctx = ctx
        self._talks = talks
        self._follow_ups = follow_ups
        # the people each text named, for the database and its generation (see `_named`)
        self._names: tuple[Database, int, dict[str, list[int]]] | None = None

    def search(self, query: str, include_private: bool = False, limit: int = 50) -> SearchResult:
        """The words alone, over talks and follow-ups."""
        return self.find(SearchQuery(query, include_private=include_private, limit=limit))

    def find(self, q: SearchQuery) -> SearchResult:
        """The newest `q.limit` hits, their counts, and snippets with the words marked."""
        words = q.words
        if q.is_empty:
            return SearchResult(words=words)
        with self._ctx.db.reading() as conn:
            chosen_people: list[int] | None = None
            if q.person.strip():
                chosen_people = self._named(conn, q.person)
                if not chosen_people:
                    return SearchResult(words=words, no_such_person=True)
            named = {
                w: ids
                for w in words
                if _may_be_name(w) and len(ids := self._named(conn, w)) <= NAME_CAP and ids
            }
            departments = (
                None if q.department_id is None else department_subtree(conn, q.department_id)
            )
            filters = _Filters(q, chosen_people, departments)
            talks = items = _Found(Found.nothing())
            if q.scope is not SearchScope.FOLLOW_UPS:
                talks = _search(conn, filters, words, named, _TALKS, q.include_private)
            if q.scope is not SearchScope.TALKS:
                items = _search(conn, filters, words, named, _ITEMS, False)
            # the newest keys of both kinds (each newest first; keys order by date)
            newest = heapq.merge(
                ((k, HitKind.TALK) for k in talks.found.keys),
                ((k, HitKind.FOLLOW_UP) for k in items.found.keys),
                reverse=True,
            )
            chosen = [
                _chosen(k, kind, talks if kind is HitKind.TALK else items)
                for k, kind in itertools.islice(newest, q.limit)
            ]
            hits = _hits(conn, chosen, words, set().union(*named.values()))
        return SearchResult(
            hits=hits,
            talk_count=talks.found.total,
            follow_up_count=items.found.total,
            exact=talks.found.exact and items.found.exact,
            more=len(talks.found.keys) + len(items.found.keys) > q.limit,
            words=words,
        )

    def _named(self, conn: Connection, text: str) -> list[int]:
        """`_people_named`, kept until the data change: every query word that may be a
        name is looked up (a scan of the roster), and a search is often asked again
        (the next word typed, a refresh after a change elsewhere)."""
        db = self._ctx.db
        memo = self._names
        if memo is None or memo[0] is not db or memo[1] != db.generation:
            memo = (db, db.generation, {})
            self._names = memo
        known = memo[2]
        found = known.get(text)
        if found is None:
            if len(known) >= NAMES_KEPT:
                known.clear()
            found = known[text] = _people_named(conn, text)
        return found


# -- reading the hits of one page ----------------------------------------------------------


def _hits(
    conn: Connection, chosen: list[_Chosen], words: Sequence[str], named: set[int]
) -> tuple[SearchHit, ...]:
    """The page's hits: their rows and texts in a statement or two per kind, and snippets."""
    record_id = search_index.record_id
    talk_ids = [record_id(c.key) for c in chosen if c.kind is HitKind.TALK]
    item_ids = [record_id(c.key) for c in chosen if c.kind is HitKind.FOLLOW_UP]
    talks = talk_rows_with_texts(conn, talk_ids)
    items = follow_up_rows_with_texts(conn, item_ids)
    pattern = _pattern(tuple(words))
    hits: list[SearchHit] = []
    for c in chosen:
        rid = record_id(c.key)
        if c.kind is HitKind.TALK and rid in talks:
            t, public, private = talks[rid]
            hits.append(
                SearchHit(
                    c.kind,
                    rid,
                    t.held_at,
                    t.person_name,
                    t.department_name,
                    t.talker_name,
                    "",
                    _snippet(private if c.private else public, pattern, SNIPPET_CHARS),
                    talk_kind=t.kind,
                    care=t.care_level,
                    private=c.private,
                    person_named=c.by_name and t.person_id in named,
                    by_named=c.by_name and t.talker_id in named,
                )
            )
        elif c.kind is HitKind.FOLLOW_UP and rid in items:
            f, text = items[rid]
            hits.append(
                SearchHit(
                    c.kind,
                    rid,
                    f.created_at,
                    f.person_name,
                    f.department_name,
                    f.handler,
                    f.title,
                    _snippet(text, pattern, SNIPPET_CHARS),
                    status=f.status,
                    person_named=c.by_name and f.person_id in named,
                )
            )
    return tuple(hits)


# -- the parts of one search ---------------------------------------------------------------


@dataclass(frozen=True)
class _Filters:
    query: SearchQuery
    people: list[int] | None
    departments: list[int] | None

    @property
    def narrowing(self) -> bool:
        return self.people is not None or self.departments is not None

    def dates(self) -> tuple[datetime | None, datetime | None]:
        q = self.query
        since = None if q.date_from is None else datetime.combine(q.date_from, time.min)
        before = None
        if q.date_to is not None:
            before = datetime.combine(q.date_to + timedelta(days=1), time.min)
        return since, before

    def conditions(self, source: Source) -> list[ColumnElement[bool]]:
        out: list[ColumnElement[bool]] = []
        if self.people is not None:
            out.append(_involving(source, self.people))
        if self.departments is not None:
            staff = select(person.c.id).where(person.c.department_id.in_(self.departments))
            column = talk.c.person_id if source.table is talk else follow_up.c.person_id
            out.append(column.in_(staff))
        about = _talk_conditions(self.query)
        if about and source.table is talk:
            out.extend(about)
        elif about:  # follow-ups raised in such talks
            out.append(exists().where(talk.c.id == follow_up.c.talk_id, *about))
        return out


def _talk_conditions(q: SearchQuery) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    if q.kind is not None:
        out.append(talk.c.kind == q.kind.value)
    if q.topic is not None:  # topics are stored as "work,life": match whole codes
        out.append((literal(",") + talk.c.topics + ",").like(f"%,{q.topic.value},%"))
    return out


def _involving(source: Source, people: list[int]) -> ColumnElement[bool]:
    """A talk with or by one of these people; a follow-up concerning one of them."""
    if source.table is talk:
        return or_(talk.c.person_id.in_(people), talk.c.talker_id.in_(people))
    return follow_up.c.person_id.in_(people)


def _search(
    conn: Connection,
    filters: _Filters,
    words: tuple[str, ...],
    named: dict[str, list[int]],
    source: Source,
    include_private: bool,
) -> _Found:
    """One kind of record: by text, by name (with the other words as text), privately."""
    since, before = filters.dates()
    base = tuple(filters.conditions(source))

    def part(src: Source, text: tuple[str, ...], extra: list[ColumnElement[bool]]) -> Part:
        narrowing = filters.narrowing or bool(extra)
        return Part(src, text, (*base, *extra), narrowing, since, before)

    limit = filters.query.limit
    parts = [part(source, words, [])]
    found = run(conn, parts[0], limit)
    out = _Found(found)
    if named:
        rest = tuple(w for w in words if w not in named)
        by_name = part(source, rest, [_involving(source, ids) for ids in named.values()])
        name_found = run(conn, by_name, limit)
        out.by_name = set(name_found.keys) - set(found.keys)
        out.found = union(conn, (parts, found), ([by_name], name_found))
        parts.append(by_name)
    if include_private and words:
        hidden = part(_PRIVATE, words, [])
        hidden_found = run(conn, hidden, limit)
        out.private = set(hidden_found.keys) - set(out.found.keys)
        out.found = union(conn, (parts, out.found), ([hidden], hidden_found))
    return out


def _chosen(key: int, kind: HitKind, found: _Found) -> _Chosen:
    return _Chosen(key, kind, key in found.private, key in found.by_name)


# -- people by name, pinyin or initials ------------------------------------------------------


def _may_be_name(word: str) -> bool:
    """Whether a query word is worth looking up as a name (zs, zhangsan, 张三)."""
    if word.isascii():
        return len(word) >= 2 and word.isalpha()
    return 2 <= len(word) <= 6 and word.isalpha()


def _people_named(conn: Connection, text: str) -> list[int]:
    """People (also those who left) named by `text`: exactly (张三, zs, zhangsan) if anyone
    is, else whose name holds it, or whose initials start with it, or their pinyin (from
    its third letter: `zh` is half the roster). `zs` is 张三, not also 周书记 (zsj)."""
    text = text.strip().lower()
    shape = 0 if not text.isascii() else 1 if len(text) < 3 else 2
    params = {"contains": like_pattern(text), "prefix": like_pattern(text, prefix_only=True)}
    rows = driver_rows(conn, _NAMED[shape], params)
    exact = [r[0] for r in rows if text in (r[1], r[2], r[3])]
    return exact or [r[0] for r in rows]


def _named_select(*conditions: ColumnElement[bool]) -> Select[Any]:
    p = person.c
    return select(p.id, p.name, p.pinyin, p.initials).where(or_(*conditions))


_p = person.c
_NAMED = (  # by the name; and the initials (ASCII); and the pinyin (ASCII, 3 letters or more)
    _named_select(_p.name.like(bindparam("contains"), escape="\\")),
    _named_select(
        _p.name.like(bindparam("contains"), escape="\\"),
        _p.initials.like(bindparam("prefix"), escape="\\"),
    ),
    _named_select(
        _p.name.like(bindparam("contains"), escape="\\"),
        _p.initials.like(bindparam("prefix"), escape="\\"),
        _p.pinyin.like(bindparam("prefix"), escape="\\"),
    ),
)


# -- snippets --------------------------------------------------------------------------------


def snippet(text: str, words: Sequence[str], width: int = SNIPPET_CHARS) -> Snippet:
    """About `width` characters of `text` on one line, from shortly before the first word
    found, with every word found in it marked; the start of the text if none is."""
    return _snippet(text, _pattern(tuple(words)), width)


def _snippet(text: str, pattern: re.Pattern[str] | None, width: int) -> Snippet:
    """`snippet` with the words' pattern made (fifty of these make a page of hits)."""
    flat = " ".join(text.split())
    n = len(flat)
    first = pattern.search(flat) if pattern is not None else None
    if pattern is None or first is None:
        return Snippet(flat if n <= width else flat[:width] + "…", ())
    start = first.start() - width // 5
    if start <= 0 or n <= width:
        start = 0
    elif start > n - width:  # the window ends with the text
        start = n - width
    end = start + width
    if start == 0:
        marks = tuple([m.span() for m in pattern.finditer(flat, 0, end)])
        return Snippet(flat if end >= n else flat[:end] + "…", marks)
    shift = 1 - start  # the text starts with "…"
    marks = tuple(
        [(m.start() + shift, m.end() + shift) for m in pattern.finditer(flat, start, end)]
    )
    return Snippet("…" + flat[start:end] + ("…" if end < n else ""), marks)


@functools.lru_cache(maxsize=16)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    longest_first = sorted(words, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in longest_first), re.IGNORECASE)
