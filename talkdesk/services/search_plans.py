"""How search finds the keys of matching records, each plan bounded whatever the data.

A search over one index ("part") has text words and conditions on the records'
rows; it yields the matching index keys (date and id, so key order is date
order), newest first. The plan depends on what is asked:

- text, no conditions: the first page inside the index (`ORDER BY rowid DESC
  LIMIT n`, n at least `KEYS_READ`), the total from the index's count when there are more;
- text and conditions, few hits (at most `JOIN_CAP`): every hit joined to its
  row (exact);
- text and a narrowing condition (people, a department): that condition's
  records, at most `CANDIDATE_CAP`, through the person indexes, crossed in
  memory with every key the index holds for the text (exact);
- text and other conditions (talk kind, topic): the index's hits in key order
  joined to their rows until the first page is full (the total only bounded);
- conditions only (a name): the records through their indexes, newest first.

No plan reads a row per hit: pages and totals come from a few statements.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Column, Connection, Select, Table, bindparam, func, literal_column, select
from sqlalchemy.sql import ColumnElement

from talkdesk.domain.search_terms import match_expression
from talkdesk.services.query import Page, driver_rows, page_of
from talkdesk.storage import search_index
from talkdesk.storage.search_index import Index

CANDIDATE_CAP = 20_000
"""Most records a narrowing condition may select and still be crossed with the index's hits."""

JOIN_CAP = 5_000
"""Most hits joined one by one to their rows to apply conditions (a few ms a thousand)."""

PROBE_CAP = 100
"""Most keys checked one by one against a part, to count an overlap exactly."""

KEYS_READ = 500
"""Keys read from the index for a first page: fewer matches need no count (reading 500 keys
costs about what counting a rare word does; a common word's count takes 20 times that)."""


@dataclass(frozen=True)
class Source:
    """An index and the table of the records it holds (with the date its keys carry)."""

    index: Index
    table: Table
    when: Column[datetime]
    id: Column[int]


@dataclass(frozen=True)
class Part:
    """One search over one index: every text word must occur; every condition must hold.

    `narrowing`: the conditions select few records through an index (people, a department).
    """

    source: Source
    words: tuple[str, ...]
    conditions: tuple[ColumnElement[bool], ...]
    narrowing: bool
    since: datetime | None = None
    before: datetime | None = None

    @property
    def text(self) -> str:
        return " ".join(self.words)

    def key_bounds(self) -> tuple[int | None, int | None]:
        since = None if self.since is None else search_index.doc_rowid(self.since, 0)
        before = None if self.before is None else search_index.doc_rowid(self.before, 0)
        return since, before

    def row_conditions(self) -> list[ColumnElement[bool]]:
        """The conditions with the date range, for statements over the records' table."""
        out = list(self.conditions)
        if self.since is not None:
            out.append(self.source.when >= self.since)
        if self.before is not None:
            out.append(self.source.when < self.before)
        return out


@dataclass(frozen=True)
class Found:
    """Keys newest first: every match when `complete`, else at least the first page and one.

    `total` is the number of matches when `exact`, else a lower bound of it.
    """

    keys: list[int]
    total: int
    complete: bool
    exact: bool = True

    @classmethod
    def nothing(cls) -> Found:
        return cls([], 0, True)

    @classmethod
    def all_of(cls, keys: list[int]) -> Found:
        return cls(keys, len(keys), True)


def run(conn: Connection, part: Part, limit: int) -> Found:
    """The part's matching keys by the cheapest bounded plan (see the module's notes)."""
    if not part.words:
        return _rows_only(conn, part, limit)
    if not part.conditions:
        return _index_only(conn, part, limit)
    since, before = part.key_bounds()
    hits = count(conn, part.source.index, part.text, before, since)
    if hits <= JOIN_CAP:
        return _joined(conn, part, None) if hits else Found.nothing()
    if part.narrowing:
        found = _crossed(conn, part)
        if found is not None:
            return found
    return _joined(conn, part, limit)


Side = tuple[Sequence[Part], Found]
"""Keys found, and the parts whose matches they are."""


def union(conn: Connection, a: Side, b: Side) -> Found:
    """Keys matching either side; the total exact whenever it can be had cheaply."""
    (_, found_a), (_, found_b) = a, b
    if found_a.total == 0:
        return found_b
    if found_b.total == 0:
        return found_a
    keys = sorted(set(found_a.keys) | set(found_b.keys), reverse=True)
    if found_a.complete and found_b.complete:
        return Found.all_of(keys)
    total = _union_total(conn, a, b)
    if total is None:
        total = _union_total(conn, b, a)
    if total is None:
        return Found(keys, max(found_a.total, found_b.total, len(keys)), False, exact=False)
    return Found(keys, total, False)


def _union_total(conn: Connection, a: Side, b: Side) -> int | None:
    """|A ∪ B| when A's total is known and B's few keys can each be checked against A."""
    (parts_a, found_a), (_, found_b) = a, b
    if not (found_a.exact and found_b.exact and found_b.complete):
        return None
    if len(found_b.keys) > PROBE_CAP:
        return None
    overlap: set[int] = set()
    for part in parts_a:
        matching = probe(conn, part, found_b.keys)
        if matching is None:
            return None
        overlap |= matching
    return found_a.total + found_b.total - len(overlap)


def probe(conn: Connection, part: Part, keys: Sequence[int]) -> set[int] | None:
    """Those of `keys` that match the part; None when that cannot be checked quickly.

    A one-character word matches as a prefix, and a prefix query checked key
    by key rereads every term it covers: it is not probed.
    """
    if any(len(w) == 1 for w in part.words):
        return None
    src = part.source
    since, before = part.key_bounds()
    ok = {k for k in keys if (since is None or k >= since) and (before is None or k < before)}
    if ok and part.conditions:
        by_record = {search_index.record_id(k): k for k in ok}
        stmt = select(src.id).where(src.id.in_(list(by_record)), *part.conditions)
        ok = {by_record[rid] for rid in conn.execute(stmt).scalars()}
    if ok and part.words:
        ok = search_index.find_among(conn, src.index, part.text, ok)
    return ok


def _index_only(conn: Connection, part: Part, limit: int) -> Found:
    """The newest keys inside the index; up to `KEYS_READ` of them, which are then the
    count as well: a second statement to count a word found a few hundred times costs
    more than reading its keys."""
    since, before = part.key_bounds()
    index = part.source.index
    most = max(limit, KEYS_READ)
    keys = find(conn, index, part.text, most + 1, before, since)
    if len(keys) <= most:
        return Found.all_of(keys)
    return Found(keys, count(conn, index, part.text, before, since), False)


# -- the index alone, by statements built once per shape -------------------------------------


def find(
    conn: Connection,
    index: Index,
    text: str,
    limit: int | None,
    before: int | None = None,
    since: int | None = None,
) -> list[int]:
    """Keys of the newest `limit` (None: all) records matching `text`, newest first, with
    `since <= key < before` (as `search_index.find`, by a statement built once)."""
    expr = match_expression(text)
    if expr is None:
        return []
    stmt = _find_select(index, limit, before is not None, since is not None)
    rows = driver_rows(conn, stmt, {"q": expr, "before": before, "since": since})
    return [key for (key,) in rows]


def count(
    conn: Connection, index: Index, text: str, before: int | None = None, since: int | None = None
) -> int:
    """How many records match `text`, with `since <= key < before`."""
    expr = match_expression(text)
    if expr is None:
        return 0
    stmt = _count_select(index, before is not None, since is not None)
    return int(driver_rows(conn, stmt, {"q": expr, "before": before, "since": since})[0][0])


def _bounded(stmt: Select[Any], index: Index, before: bool, since: bool) -> Select[Any]:
    rowid = search_index.rowid_column(index)
    stmt = stmt.select_from(search_index.fts_table(index)).where(
        literal_column(index.value).op("MATCH")(bindparam("q"))
    )
    if before:
        stmt = stmt.where(rowid < bindparam("before"))
    if since:
        stmt = stmt.where(rowid >= bindparam("since"))
    return stmt


@functools.lru_cache(maxsize=64)
def _find_select(index: Index, limit: int | None, before: bool, since: bool) -> Select[Any]:
    rowid = search_index.rowid_column(index)
    stmt = _bounded(select(rowid), index, before, since).order_by(rowid.desc())
    return stmt if limit is None else page_of(stmt, Page(0, limit))


@functools.lru_cache(maxsize=16)
def _count_select(index: Index, before: bool, since: bool) -> Select[Any]:
    return _bounded(select(func.count()), index, before, since)


def _crossed(conn: Connection, part: Part) -> Found | None:
    """The narrowing condition's records crossed with every hit; None: too many records."""
    src = part.source
    key = search_index.key_of(src.when, src.id)
    stmt = select(key).where(*part.row_conditions()).limit(CANDIDATE_CAP + 1)
    candidates = set(conn.execute(stmt).scalars())
    if len(candidates) > CANDIDATE_CAP:
        return None
    if not candidates:
        return Found.nothing()
    hits = find(conn, src.index, part.text, None, before=max(candidates) + 1, since=min(candidates))
    return Found.all_of([k for k in hits if k in candidates])


def _joined(conn: Connection, part: Part, limit: int | None) -> Found:
    """The index's hits in key order joined to their rows: all, or until `limit` and one."""
    src = part.source
    match = search_index.matches(src.index, part.text)
    if match is None:
        return Found.nothing()
    rowid = search_index.rowid_column(src.index)
    since, before = part.key_bounds()
    where = [match, *part.conditions]
    if since is not None:
        where.append(rowid >= since)
    if before is not None:
        where.append(rowid < before)
    stmt = (
        select(rowid)
        .select_from(
            search_index.fts_table(src.index).join(
                src.table, src.id == search_index.record_of(rowid)
            )
        )
        .where(*where)
        .order_by(rowid.desc())
    )
    if limit is None:
        return Found.all_of([int(k) for k in conn.execute(stmt).scalars()])
    keys = [int(k) for k in conn.execute(stmt.limit(limit + 1)).scalars()]
    if len(keys) <= limit:
        return Found.all_of(keys)
    return Found(keys, len(keys), False, exact=False)


def _rows_only(conn: Connection, part: Part, limit: int) -> Found:
    """Records by their conditions alone (a name, no text), newest first."""
    src = part.source
    where = part.row_conditions()
    total = int(
        conn.execute(select(func.count()).select_from(src.table).where(*where)).scalar_one()
    )
    key = search_index.key_of(src.when, src.id)
    stmt = select(key).where(*where).order_by(src.when.desc(), src.id.desc())
    complete = total <= CANDIDATE_CAP
    if not complete:
        stmt = stmt.limit(limit + 1)
    keys = sorted((int(k) for k in conn.execute(stmt).scalars()), reverse=True)
    return Found(keys, total, complete)
