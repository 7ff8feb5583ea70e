"""The demo workspace: a believable organ of the default size, the same for the same seed."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from talkdesk.app.config import FAST_KDF
from talkdesk.app.demo import DEMO_UNIT, make_demo_session
from talkdesk.domain.clock import FixedClock
from talkdesk.domain.errors import ErrorCode, TalkdeskError
from talkdesk.domain.values import FollowUpSource, TalkState
from talkdesk.services.bundle import Services
from talkdesk.services.demo import DemoSummary, generate
from talkdesk.services.follow_ups import FollowUpFilter
from talkdesk.services.people import PeopleFilter
from talkdesk.services.pinyin import name_keys
from talkdesk.services.query import Page
from talkdesk.services.session import WorkspaceSession
from talkdesk.services.talks import TalkFilter
from talkdesk.storage import search_index
from talkdesk.storage.keystore import RememberedKeyStore
from talkdesk.storage.search_index import Index
from talkdesk.storage.tables import person, talk_note


@pytest.fixture
def demo(session: WorkspaceSession) -> tuple[Services, DemoSummary]:
    summary = generate(session.context)
    return Services(session), summary


def test_default_demo_is_a_small_organ(
    demo: tuple[Services, DemoSummary], clock: FixedClock
) -> None:
    services, summary = demo
    people = services.people
    assert people.count_people(PeopleFilter(include_left=True)) == 60 == summary.people
    assert len(people.departments()) == 6
    assert any(d.parent_id is not None for d in people.departments())
    leaders = people.people(PeopleFilter(leaders_only=True))
    assert len(leaders) == 3 and summary.owner_name in {p.name for p in leaders}
    assert all(2 <= len(p.name) <= 3 for p in people.people())
    someone = people.people()[7]
    initials = name_keys(someone.name)[1]
    assert someone.id in {p.id for p in people.people(PeopleFilter(text=initials))}

    plans = services.plans.list_plans()
    assert len(plans) >= 4 and {p.talker_name for p in plans} <= {p.name for p in leaders}

    talks = services.talks
    total = talks.count_talks()
    assert 800 < total < 2000  # two years of monthly and quarterly talks
    newest = talks.list_talks(page=Page(0, 1))[0]
    oldest = talks.list_talks(descending=False, page=Page(0, 1))[0]
    assert newest.held_at < clock.now()
    assert clock.now() - oldest.held_at > timedelta(days=600)
    assert talks.count_talks(TalkFilter(state=TalkState.DRAFT)) > 0
    detail = talks.get_talk(newest.id)
    assert len(detail.data.content) > 100 and "本人" in detail.data.content

    items = services.follow_ups
    n_items = items.count_follow_ups()
    assert total / 5 < n_items < total / 2
    assert items.count_follow_ups(FollowUpFilter(open_only=True, overdue_on=clock.now().date()))
    assert items.count_follow_ups(FollowUpFilter(source=FollowUpSource.SUGGESTION_BOX)) > 0
    assert summary.appointments > 0
    assert services.templates.templates()


def test_search_finds_words_of_the_notes(demo: tuple[Services, DemoSummary]) -> None:
    services, _ = demo
    ctx = services.session.context
    with ctx.db.reading() as conn:
        rowids = search_index.find(conn, Index.TALK, "压力", 50)
        assert len(rowids) == 50
        assert search_index.count(conn, Index.TALK, "压力") > 50
        sample = [search_index.record_id(r) for r in rowids[:5]]
        texts = conn.execute(
            select(talk_note.c.content, talk_note.c.problems).where(talk_note.c.talk_id.in_(sample))
        ).all()
    assert all("压力" in content + problems for content, problems in texts)
    assert services.search.search("家庭").talk_count > 0


def test_same_seed_same_workspace(tmp_path: Path, clock: FixedClock) -> None:
    def build(folder: str, seed: int) -> list[tuple[str, str]]:
        session, _ = make_demo_session(
            tmp_path / folder, clock, RememberedKeyStore(), FAST_KDF, people=20, years=1, seed=seed
        )
        with session.context.db.reading() as conn:
            rows = conn.execute(select(person.c.name, person.c.uuid).order_by(person.c.id)).all()
            notes = conn.execute(select(talk_note.c.content).order_by(talk_note.c.talk_id)).all()
        session.lock()
        return [tuple(r) for r in rows] + [(n[0], "") for n in notes]

    first = build("a", 7)
    assert build("b", 7) == first
    assert build("c", 8) != first


def test_demo_session_is_unlocked_and_opens_with_its_password(
    tmp_path: Path, clock: FixedClock
) -> None:
    session, code = make_demo_session(
        tmp_path / "demo", clock, RememberedKeyStore(), FAST_KDF, password="demo pass 123"
    )
    info = session.info()
    assert info.unit == DEMO_UNIT and info.owner_name
    assert len(code.split("-")) == 8
    session.lock()
    session.unlock_with_password("demo pass 123")
    assert Services(session).people.count_people() > 50
    session.lock()


def test_refuses_a_workspace_that_has_people(demo: tuple[Services, DemoSummary]) -> None:
    services, _ = demo
    with pytest.raises(TalkdeskError) as err:
        generate(services.session.context)
    assert err.value.code is ErrorCode.WORKSPACE_NOT_EMPTY


def test_a_demo_that_fails_while_filling_is_removed(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> DemoSummary:
        raise RuntimeError("generator bug")

    monkeypatch.setattr("talkdesk.app.demo.generate", broken)
    with pytest.raises(RuntimeError):
        make_demo_session(tmp_path / "demo", clock, RememberedKeyStore(), FAST_KDF)
    assert not (tmp_path / "demo").exists()
