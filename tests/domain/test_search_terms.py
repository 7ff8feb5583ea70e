"""Pair indexing finds exactly what a substring search finds, in a real FTS5 table."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any

import sqlcipher3
from hypothesis import given
from hypothesis import strategies as st

from talkdesk.domain.search_terms import index_tokens, match_expression

# The same DDL (tokenizer and all) as the workspace's schema.
_SCHEMA = importlib.import_module("talkdesk.storage.migrations.versions.0001_initial_schema")

# Few distinct characters, so random texts and queries collide often.
_CHARS = (
    "谈心家庭压力大中文"
    + "abAB12"
    + ",.!?*-()，。！：；（）《》、"
    + "\"'“”‘’「」"
    + "   \t\n\u3000"
)
texts = st.text(alphabet=_CHARS, max_size=30)


def _fts(docs: list[str]) -> Any:
    conn = sqlcipher3.connect(":memory:")
    conn.execute(_SCHEMA._FTS_DDL.format(name="t"))
    conn.executemany(
        "INSERT INTO t(rowid, body) VALUES (?, ?)",
        [(i, index_tokens(d)) for i, d in enumerate(docs)],
    )
    return conn


def _found(conn: Any, query: str) -> set[int]:
    expr = match_expression(query)
    assert expr is not None
    rows = conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (expr,))
    return {int(r[0]) for r in rows}


def _runs(query: str) -> Iterator[str]:
    yield from query.lower().split()


def _expected(docs: list[str], query: str) -> set[int]:
    """Every whitespace-separated run of the query occurs (AND), as the docstring promises."""
    return {i for i, d in enumerate(docs) if all(r in d.lower() for r in _runs(query))}


@given(st.lists(texts, min_size=1, max_size=6), st.data())
def test_substring_of_a_text_is_found_exactly_where_python_finds_it(
    docs: list[str], data: st.DataObject
) -> None:
    source = data.draw(st.sampled_from(docs))
    start = data.draw(st.integers(0, len(source)))
    end = data.draw(st.integers(start, min(len(source), start + 8)))
    query = source[start:end]
    if not query.split():
        assert match_expression(query) is None
        return
    found = _found(_fts(docs), query)
    assert found == _expected(docs, query)
    assert docs.index(source) in found  # the text it came from, at least
    if len(query.split()) == 1:  # one run: exactly Python's `in`
        needle = query.strip().lower()
        assert found == {i for i, d in enumerate(docs) if needle in d.lower()}


@given(st.lists(texts, min_size=1, max_size=6), texts)
def test_any_query_is_found_exactly_where_python_finds_it(docs: list[str], query: str) -> None:
    if not query.split():
        assert match_expression(query) is None
        return
    assert _found(_fts(docs), query) == _expected(docs, query)


def test_two_character_chinese_word_and_single_characters() -> None:
    docs = ["他说家庭压力很大", "家 庭", "压力", 'He said "OK"', "ABC"]
    conn = _fts(docs)
    assert _found(conn, "家庭") == {0}
    assert _found(conn, "庭") == {0, 1}
    assert _found(conn, "压力很") == {0}
    assert _found(conn, '"ok"') == {3}
    assert _found(conn, '"') == {3}
    assert _found(conn, "bc") == {4}
    assert _found(conn, "家 庭") == {0, 1}  # runs are ANDed, not adjacent


def test_index_tokens_are_pairs_plus_last_character() -> None:
    assert index_tokens("家庭压力") == "家庭 庭压 压力 力"
    assert index_tokens("Ab  c") == "ab b c"
    assert index_tokens("") == ""
    assert match_expression("   ") is None
    assert match_expression('a"b') == '"a"" ""b"'
