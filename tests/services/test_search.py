"""Search over talks and follow-ups: words of any length, names by pinyin, filters, private
notes only when asked, snippets with the words marked; every plan gives the same hits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pytest

from talkdesk.domain.values import CareLevel, TalkKind, Topic
from talkdesk.services import search_plans
from talkdesk.services.bundle import Services
from talkdesk.services.follow_ups import FollowUpInput
from talkdesk.services.people import PersonInput
from talkdesk.services.search import (
    HitKind,
    SearchQuery,
    SearchResult,
    SearchScope,
    snippet,
)
from talkdesk.services.talks import TalkInput


@dataclass(frozen=True)
class Org:
    """王主任 talks with 张三 (办公室) and 李四, 赵六 (财务科)."""

    leader: int
    zhang: int
    li: int
    zhao: int
    office: int
    finance: int
    talks: dict[str, int]
    items: dict[str, int]


@pytest.fixture
def org(services: Services) -> Org:
    people = services.people
    office, _ = people.add_department("办公室")
    finance, _ = people.add_department("财务科")
    leader, _ = people.add_person(PersonInput("王主任", office.id, "主任", is_leader=True))
    zhang, _ = people.add_person(PersonInput("张三", office.id, "科员"))
    li, _ = people.add_person(PersonInput("李四", finance.id, "科员"))
    zhao, _ = people.add_person(PersonInput("赵六", finance.id, "会计"))
    t = services.talks
    talks = {}
    for key, who, when, kind, topics, content, extra in [
        (
            "zhang_home",
            zhang.id,
            datetime(2026, 3, 2, 9),
            TalkKind.REGULAR,
            (Topic.LIFE,),
            "近期家庭压力较大，孩子上学接送困难。",
            {"private_notes": "夫妻关系紧张"},
        ),
        (
            "zhang_work",
            zhang.id,
            datetime(2026, 9, 14, 15),
            TalkKind.TRANSFER,
            (Topic.WORK, Topic.CAREER),
            "希望到业务岗位锻炼，提升综合能力。",
            {},
        ),
        (
            "li_home",
            li.id,
            datetime(2026, 6, 1, 10),
            TalkKind.CARING,
            (Topic.LIFE, Topic.HEALTH),
            "家庭负担较重，父母年事已高。",
            {"care_level": CareLevel.CARE, "care_reason": "长期失眠"},
        ),
        (
            "zhao_work",
            zhao.id,
            datetime(2025, 12, 20, 14),
            TalkKind.REGULAR,
            (Topic.WORK,),
            "预算编制任务重，压力较大。",
            {},
        ),
    ]:
        detail, _ = t.create_talk(
            TalkInput(leader.id, who, when, kind=kind, topics=topics, content=content, **extra)
        )
        talks[key] = detail.id
    f = services.follow_ups
    items = {}
    for key, title, who, talk_key in [
        ("zhang_school", "协调解决孩子上学接送问题", zhang.id, "zhang_home"),
        ("li_family", "关心家庭困难，落实帮扶", li.id, "li_home"),
        ("box", "食堂饭菜价格偏高", None, None),
    ]:
        talk_id = talks[talk_key] if talk_key else None
        item, _ = f.create(FollowUpInput(title, who, talk_id=talk_id))
        items[key] = item.id
    return Org(leader.id, zhang.id, li.id, zhao.id, office.id, finance.id, talks, items)


def found(result: SearchResult) -> list[tuple[HitKind, int]]:
    return [(h.kind, h.id) for h in result.hits]


def talks_of(org: Org, *keys: str) -> list[tuple[HitKind, int]]:
    return [(HitKind.TALK, org.talks[k]) for k in keys]


def item(org: Org, key: str) -> tuple[HitKind, int]:
    return (HitKind.FOLLOW_UP, org.items[key])


def test_chinese_substrings_of_any_length_newest_first(services: Services, org: Org) -> None:
    search = services.search
    two = search.find(SearchQuery("家庭"))
    # follow-ups are dated when written down (the clock's today), talks when held
    assert found(two) == [item(org, "li_family"), *talks_of(org, "li_home", "zhang_home")]
    assert (two.talk_count, two.follow_up_count, two.exact, two.more) == (2, 1, True, False)
    assert found(search.find(SearchQuery("家庭压力较大"))) == talks_of(org, "zhang_home")
    assert found(search.find(SearchQuery("压力很大"))) == []
    one = search.find(SearchQuery("压", scope=SearchScope.TALKS))  # one character
    assert found(one) == talks_of(org, "zhang_home", "zhao_work")
    both = search.find(SearchQuery("家庭 孩子"))  # every word, anywhere in the record
    assert set(found(both)) == {*talks_of(org, "zhang_home")}


def test_snippet_marks_every_word_found() -> None:
    text = "谈话开门见山。" * 10 + "近期家庭压力较大，家庭事务多。" + "本人表示理解。" * 10
    piece = snippet(text, ["家庭", "压力"])
    marked = [piece.text[s:e] for s, e in piece.marks]
    assert marked == ["家庭", "压力", "家庭"]
    assert piece.text.startswith("…") and piece.text.endswith("…")
    assert len(piece.text) <= 80
    assert snippet("短文本", []).text == "短文本"
    assert snippet("Stress at WORK", ["work"]).marks == ((10, 14),)  # any case


def test_hits_say_who_when_and_show_the_text_found(services: Services, org: Org) -> None:
    hit = services.search.find(SearchQuery("接送困难")).hits[0]
    assert (hit.person_name, hit.department_name, hit.by) == ("张三", "办公室", "王主任")
    assert hit.when == datetime(2026, 3, 2, 9) and hit.talk_kind is TalkKind.REGULAR
    assert [hit.snippet.text[s:e] for s, e in hit.snippet.marks] == ["接送困难"]
    item_hit = services.search.find(SearchQuery("食堂")).hits[0]
    assert item_hit.kind is HitKind.FOLLOW_UP and item_hit.title == "食堂饭菜价格偏高"
    assert item_hit.person_name == ""  # anonymous


def test_names_by_pinyin_and_initials_find_the_persons_records(
    services: Services, org: Org
) -> None:
    search = services.search
    expected = {*talks_of(org, "zhang_home", "zhang_work"), item(org, "zhang_school")}
    for name in ("zs", "ZS", "zhangsan", "张三"):
        result = search.find(SearchQuery(name))
        assert set(found(result)) == expected, name
        assert all(h.person_named and h.person_name == "张三" for h in result.hits)
        assert (result.talk_count, result.follow_up_count, result.exact) == (2, 1, True)
    # a name and words: that person's records holding the words
    assert found(search.find(SearchQuery("zs 家庭"))) == talks_of(org, "zhang_home")
    # the talker is found by name too
    held = search.find(SearchQuery("wzr", scope=SearchScope.TALKS)).hits
    assert len(held) == 4 and all(h.by_named and not h.person_named for h in held)
    # one letter names nobody; two letters that are nobody's initials are text
    assert search.find(SearchQuery("z")).hits == ()
    assert search.find(SearchQuery("zq")).hits == ()


def test_private_notes_and_care_reasons_only_when_asked(services: Services, org: Org) -> None:
    search = services.search
    assert search.find(SearchQuery("夫妻关系")).hits == ()
    assert search.find(SearchQuery("失眠")).hits == ()
    private = search.find(SearchQuery("夫妻关系", include_private=True))
    assert found(private) == talks_of(org, "zhang_home")
    hit = private.hits[0]
    assert hit.private and hit.snippet.text == "夫妻关系紧张"
    care = search.find(SearchQuery("失眠", include_private=True)).hits[0]
    assert care.private and care.care is CareLevel.CARE
    # a talk found in its notes is not a private hit, even if its private notes match too
    services.talks.update_draft(
        org.talks["zhao_work"],
        TalkInput(
            org.leader,
            org.zhao,
            datetime(2025, 12, 20, 14),
            content="预算编制任务重，压力较大。",
            private_notes="压力来自家里",
        ),
    )
    both = search.find(SearchQuery("压力", include_private=True, scope=SearchScope.TALKS))
    assert [(h.id, h.private) for h in both.hits] == [
        (org.talks["zhang_home"], False),
        (org.talks["zhao_work"], False),
    ]
    assert both.talk_count == 2
    # one hit a page: the public count and the private hits, each checked against the words
    paged = search.find(SearchQuery("压力", include_private=True, limit=1))
    assert (len(paged.hits), paged.talk_count, paged.exact, paged.more) == (1, 2, True, True)


def test_filters_narrow_the_hits(services: Services, org: Org) -> None:
    search = services.search
    assert set(found(search.find(SearchQuery("家庭", department_id=org.finance)))) == {
        *talks_of(org, "li_home"),
        item(org, "li_family"),
    }
    in_2025 = SearchQuery("压力", date_from=date(2025, 1, 1), date_to=date(2025, 12, 31))
    assert found(search.find(in_2025)) == talks_of(org, "zhao_work")
    spring = SearchQuery("家庭", date_from=date(2026, 3, 2), date_to=date(2026, 3, 2))
    assert found(search.find(spring)) == talks_of(org, "zhang_home")  # both ends included
    caring = search.find(SearchQuery("家庭", kind=TalkKind.CARING))
    # follow-ups raised in such talks
    assert set(found(caring)) == {*talks_of(org, "li_home"), item(org, "li_family")}
    health = search.find(SearchQuery("家庭", topic=Topic.HEALTH, scope=SearchScope.TALKS))
    assert found(health) == talks_of(org, "li_home")
    by_person = search.find(SearchQuery("家庭", person="ls"))
    assert found(by_person) == [item(org, "li_family"), *talks_of(org, "li_home")]
    only_items = search.find(SearchQuery("家庭", scope=SearchScope.FOLLOW_UPS))
    assert found(only_items) == [item(org, "li_family")] and only_items.talk_count == 0
    # a person alone lists their records; a person nobody is, nothing
    assert len(search.find(SearchQuery(person="赵六")).hits) == 1
    nobody = search.find(SearchQuery("家庭", person="不存在"))
    assert nobody.no_such_person and nobody.hits == ()
    # filters alone (no words, no person) find nothing
    assert search.find(SearchQuery(department_id=org.office)).hits == ()


@pytest.mark.parametrize("keys_read", [search_plans.KEYS_READ, 0])  # 0: counted in the index
def test_a_page_of_hits_with_the_count_of_all(
    services: Services, org: Org, monkeypatch: pytest.MonkeyPatch, keys_read: int
) -> None:
    monkeypatch.setattr(search_plans, "KEYS_READ", keys_read)
    for n in range(7):
        services.talks.create_talk(
            TalkInput(org.leader, org.zhao, datetime(2026, 1, 1 + n, 9), content="家庭和睦")
        )
    result = services.search.find(SearchQuery("家庭", limit=5))
    assert len(result.hits) == 5 and result.more
    assert (result.talk_count, result.follow_up_count, result.exact) == (9, 1, True)
    assert [h.when for h in result.hits] == sorted((h.when for h in result.hits), reverse=True)


@pytest.mark.parametrize(
    "caps",
    [
        {},
        {"JOIN_CAP": 0},  # conditions: crossed with the hits, or the page joined
        {"JOIN_CAP": 0, "CANDIDATE_CAP": 1},  # too many candidates: joined, page only
        {"JOIN_CAP": 0, "PROBE_CAP": 0},
    ],
)
def test_every_plan_finds_the_same_hits(
    services: Services, org: Org, monkeypatch: pytest.MonkeyPatch, caps: dict[str, int]
) -> None:
    for name, value in caps.items():
        monkeypatch.setattr(search_plans, name, value)
    search = services.search
    queries = [
        SearchQuery("家庭", department_id=org.finance),
        SearchQuery("家庭", person="张三"),
        SearchQuery("压力", kind=TalkKind.REGULAR),
        SearchQuery("家庭", topic=Topic.LIFE, date_from=date(2026, 1, 1)),
        SearchQuery("zs 孩子"),
        SearchQuery("ls", include_private=True),
        SearchQuery("家庭", include_private=True, department_id=org.office),
    ]
    expected = [
        {*talks_of(org, "li_home"), item(org, "li_family")},
        {*talks_of(org, "zhang_home")},
        {*talks_of(org, "zhang_home", "zhao_work")},
        {*talks_of(org, "zhang_home", "li_home"), item(org, "li_family")},  # raised in li_home
        {*talks_of(org, "zhang_home"), item(org, "zhang_school")},
        {*talks_of(org, "li_home"), item(org, "li_family")},
        {*talks_of(org, "zhang_home")},
    ]
    for q, want in zip(queries, expected, strict=True):
        result = search.find(q)
        assert set(found(result)) == want, q
        keys = [h.when for h in result.hits]
        assert keys == sorted(keys, reverse=True)
        if result.exact:
            assert result.total == len(want), q
        else:
            assert result.total <= len(want), q


def test_hits_are_read_in_a_few_statements(services: Services, org: Org) -> None:
    """No statement per hit: the page's rows and texts are read in one go per kind."""
    for n in range(20):
        services.follow_ups.create(FollowUpInput(f"家庭走访第{n}次", org.zhang))
    statements: list[str] = []
    engine = services.session.context.db.engine
    from sqlalchemy import event

    def count(*_args: object) -> None:
        statements.append("")

    event.listen(engine, "before_cursor_execute", count)
    try:
        result = services.search.find(SearchQuery("家庭"))
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(result.hits) == 23
    assert len(statements) <= 12


def test_names_looked_up_again_once_the_roster_changes(services: Services, org: Org) -> None:
    """Who a word names is kept between searches, but not across a change."""
    search = services.search
    assert search.find(SearchQuery("zq")).hits == ()  # nobody's initials yet
    assert search.find(SearchQuery("张三", person="zq")).no_such_person
    zhou, _ = services.people.add_person(PersonInput("周琦", org.office, "科员"))
    talk, _ = services.talks.create_talk(
        TalkInput(org.leader, zhou.id, datetime(2026, 11, 2, 9), content="工作交接顺利。")
    )
    assert found(search.find(SearchQuery("zq"))) == [(HitKind.TALK, talk.id)]
    assert not search.find(SearchQuery("工作", person="zq")).no_such_person
