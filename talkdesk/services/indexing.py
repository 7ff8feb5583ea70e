"""What text of a record goes into which search index (one definition for services and demo).

Private notes and care reasons go to their own index, so an ordinary search can
never reveal them; they are searched only when the user asks.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import Connection

from talkdesk.storage import search_index
from talkdesk.storage.search_index import Index


def talk_public_text(content: str, problems: str, suggestions: str, amendments: str = "") -> str:
    return "\n".join(t for t in (content, problems, suggestions, amendments) if t)


def talk_private_text(private_notes: str, care_reason: str) -> str:
    return "\n".join(t for t in (private_notes, care_reason) if t)


def follow_up_text(title: str, detail: str, resolution: str, feedback_text: str) -> str:
    return "\n".join(t for t in (title, detail, resolution, feedback_text) if t)


def index_talks(
    conn: Connection, talks: Iterable[tuple[int, datetime, str, str, str, str, str]]
) -> None:
    """Index many talks: (id, held_at, content, problems, suggestions, private, care_reason)."""
    public, private = [], []
    for tid, held_at, content, problems, suggestions, notes, care_reason in talks:
        public.append((held_at, tid, talk_public_text(content, problems, suggestions)))
        private.append((held_at, tid, talk_private_text(notes, care_reason)))
    search_index.put_many(conn, Index.TALK, public)
    search_index.put_many(conn, Index.TALK_PRIVATE, private)


def index_follow_ups(
    conn: Connection, items: Iterable[tuple[int, datetime, str, str, str, str]]
) -> None:
    """Index many follow-ups: (id, created_at, title, detail, resolution, feedback_text)."""
    search_index.put_many(
        conn,
        Index.FOLLOW_UP,
        [(created, fid, follow_up_text(t, d, r, f)) for fid, created, t, d, r, f in items],
    )
