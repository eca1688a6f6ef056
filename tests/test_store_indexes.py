"""Listings answer from indexes (schema 9): the same answers as the full scans they replace, and
query plans with no scan of a large table where a filter is given."""
import re
import sqlite3
from collections import Counter

import pytest
from facts import LUKASHENKO, MINSK, PUTIN, RUSSIA, article, call_article, meeting_article, store_at_schema

from svodka.records import Entity, Event, Participant
from svodka.store import open_store
from svodka.store.lookup import name_matches
from svodka.store.schema import MIGRATIONS

PEOPLE = [
    Entity("person:putin-vladimir", "PER", "Владимир Путин", ("Путин", "В.Путин", "Владимир Владимирович Путин")),
    Entity("person:mishustin", "PER", "Михаил Мишустин", ("Мишустин",)),
    Entity("per:сергей-скрипаль", "PER", "Сергей Скрипаль", ()),
    Entity("per:юлия-скрипаль", "PER", "Юлия Скрипаль", ()),
    Entity("person:le-pen", "PER", "Марин Ле Пен", ("Ле Пен",)),
    Entity("person:navalny", "PER", "Алексей Навальный", ()),
    Entity("person:gorbachev", "PER", "Михаил Горбачёв", ("Горбачёв",)),
    Entity("org:un", "ORG", "ООН", ("Организация Объединённых Наций",)),
    Entity("city:yo", "LOC", "Йошкар-Ола", ()),
    Entity("org:xy", "ORG", "X", ("Ян",)),
]
ENDINGS = ("", "а", "я", "у", "ым", "ом", "е", "ой", "ем", "ого", "ы")


def old_find_entity_ids(db: sqlite3.Connection, name: str) -> list[str]:
    """find_entities as it was before schema 9 (every alias read and folded): the reference."""
    wanted = name.casefold()
    rows = db.execute("SELECT DISTINCT entity_id, alias FROM entity_aliases").fetchall()
    ids = dict.fromkeys(entity_id for entity_id, alias in rows if alias.casefold() == wanted or entity_id == name)
    if not ids:
        ids = dict.fromkeys(entity_id for entity_id, alias in rows if name_matches(name, alias))
    return list(ids)


def old_top_entities(db: sqlite3.Connection, limit: int, type: str | None) -> list[tuple[str, int, int]]:
    return [tuple(row) for row in db.execute(
        "SELECT entity_id, count(*), count(DISTINCT article_id) FROM mentions JOIN entities ON id = entity_id "
        "WHERE (? IS NULL OR entities.type = ?) GROUP BY entity_id ORDER BY 2 DESC, 3 DESC, 1 LIMIT ?",
        (type, type, limit))]


def people_article(number: int, people: list[Entity]):
    text = " ".join(f"{person.name} и {person.aliases[0] if person.aliases else person.name}." for person in people)
    names = [(surface, person) for person in people for surface in dict.fromkeys(
        (person.name, *(person.aliases[:1])))]
    return article(f"{number:016x}", text, names, published=f"2024-06-{1 + number % 28:02d}")


def queries() -> list[str]:
    """Every name, alias and id as written, upper- and lower-cased, inflected word by word, by its
    last word or two; and names that find nothing."""
    found = ["", " ", "Путина Владимира", "Скрипаля", "Ле Пена", "ООН", "оон", "Горбачев", "горбачёва",
             "Йошкар-Олы", "Ян", "Яна", "Хх", "%", "_", "Пут", "Путинизм", "Владимир", "Владимира Путина"]
    for person in PEOPLE:
        found.append(person.id)
        for alias in (person.name, *person.aliases):
            words = alias.split()
            found += [alias, alias.upper(), alias.lower()]
            found += [" ".join(words[:-1] + [words[-1] + ending]) for ending in ENDINGS]
            found += [words[-1] + ending for ending in ENDINGS]
            if len(words) > 1:
                found += [" ".join(word + ending for word in words[-2:]) for ending in ENDINGS]
    return list(dict.fromkeys(found))


@pytest.fixture
def people_store(db_path):
    with open_store(db_path) as store:
        store.add([people_article(n, PEOPLE[n % 3 : n % 3 + 4 + n % 5]) for n in range(12)])
        yield store


# --- get: exact id first, then a unique prefix ----------------------------------------------------

def test_get_finds_an_exact_id_and_a_unique_prefix_in_any_ascii_case(db_path):
    stored = meeting_article()
    with open_store(db_path) as store:
        store.add([stored, call_article()])
        assert store.get(stored.id) == stored
        assert store.get(stored.id[:5]) == stored and store.get(stored.id[:5].upper()) == stored
        assert store.get(stored.id + "0") is None and store.get("zzzz") is None


def test_an_exact_id_wins_over_longer_ids_it_begins(db_path):
    short = meeting_article().with_(id="abc")
    longer = [meeting_article().with_(id=f"abc{n}", source=f"{n}.txt") for n in range(3)]
    with open_store(db_path) as store:
        store.add([*longer, short])
        assert store.get("abc") == short
        assert store.get("ab") is None  # ambiguous: four ids begin so
        assert store.get("abc1") == longer[1]


def test_an_ambiguous_prefix_or_a_wildcard_finds_nothing(db_path):
    with open_store(db_path) as store:
        store.add([meeting_article().with_(id="a_b1"), meeting_article().with_(id="a_b2", source="2.txt"),
                   meeting_article().with_(id="axb3", source="3.txt")])
        assert store.get("a_b") is None  # a_b1 and a_b2
        assert store.get("ax").id == "axb3"
        assert store.get("a%") is None and store.get("_") is None and store.get("a_") is None


# --- find_entities: indexed keys, the old semantics ----------------------------------------------

def test_find_entities_answers_as_the_full_scan_did(people_store):
    db = people_store._db
    asked = queries()
    assert len(asked) > 300
    differ = {name: (old, new) for name in asked
              if (old := old_find_entity_ids(db, name)) != (new := [e.id for e in people_store.find_entities(name)])}
    assert differ == {}
    assert [e.id for e in people_store.find_entities("Скрипаля")] == ["per:сергей-скрипаль", "per:юлия-скрипаль"]
    assert [e.id for e in people_store.find_entities("путиным")] == ["person:putin-vladimir"]


def test_aliases_keep_their_keys_through_a_merge(db_path):
    """A person written by surname alone, joined later to the one person of that surname named in
    full: the surname stays findable as an alias of the person (its keys copied with it)."""
    surname = Entity("per:скрипаль", "PER", "Скрипаль", ())
    full = Entity("per:сергей-скрипаль", "PER", "Сергей Скрипаль", ())
    with open_store(db_path) as store:
        store.add([article("1" * 16, "Скрипаль приехал.", [("Скрипаль", surname)])])
        store.add([article("2" * 16, "Сергей Скрипаль уехал.", [("Сергей Скрипаль", full)])])
        assert [e.id for e in store.find_entities("скрипаль")] == old_find_entity_ids(store._db, "скрипаль")
        assert [e.id for e in store.find_entities("Скрипалем")] == old_find_entity_ids(store._db, "Скрипалем")
        assert store._db.execute("SELECT count(*) FROM entity_aliases WHERE folded IS NULL "
                                 "OR last_word IS NULL").fetchone()[0] == 0


# --- entity counts: kept by triggers, equal to counting every mention ----------------------------

def test_top_entities_equal_counting_every_mention(people_store):
    db = people_store._db
    people_store.add([meeting_article(), call_article()])
    for type in (None, "PER", "LOC", "ORG"):
        new = [(entity.id, mentions, articles) for entity, mentions, articles in people_store.top_entities(50, type)]
        assert new == old_top_entities(db, 50, type)
        assert new


def test_entity_counts_and_article_entities_follow_a_merge_and_a_deleted_mention(db_path):
    with open_store(db_path) as store:
        store.add([meeting_article(), call_article()])
        db = store._db
        with store._transaction():
            from svodka.store.sqlite_entities import merge_entity
            merge_entity(db, LUKASHENKO.id, PUTIN.id)
            db.execute("DELETE FROM mentions WHERE entity_id = ? AND start = 0", (RUSSIA.id,))
        counted = [(entity.id, mentions, articles) for entity, mentions, articles in store.top_entities(10)]
        assert counted == old_top_entities(db, 10, None)
        assert LUKASHENKO.id not in [row[0] for row in counted]
        listed = set(db.execute("SELECT article_id, entity_id FROM article_entities").fetchall())
        assert listed == set(db.execute("SELECT DISTINCT article_id, entity_id FROM mentions "
                                        "WHERE entity_id IS NOT NULL").fetchall())
        assert LUKASHENKO.id not in {entity_id for _, entity_id in listed} and listed
        assert_cards_agree(db)


def assert_cards_agree(db: sqlite3.Connection) -> None:
    """Every article has its card, every listed entity of an article its seq and date, and every
    entity its mentions per day."""
    assert [tuple(row) for row in db.execute("SELECT seq, id, coalesce(published, ingested_at), outlet, language "
                                             "FROM articles ORDER BY seq")] == [
        tuple(row) for row in db.execute("SELECT * FROM article_cards ORDER BY seq")]
    assert db.execute("SELECT count(*) FROM article_entities e JOIN article_cards c ON c.id = e.article_id "
                      "WHERE e.seq IS NOT c.seq OR e.at IS NOT c.at").fetchone()[0] == 0
    assert sorted(map(tuple, db.execute("SELECT * FROM entity_days"))) == sorted(map(tuple, db.execute(
        "SELECT m.entity_id, substr(coalesce(a.published, a.ingested_at), 1, 10), count(*) FROM mentions m "
        "JOIN articles a ON a.id = m.article_id WHERE m.entity_id IS NOT NULL GROUP BY 1, 2")))


def test_a_store_of_schema_8_is_upgraded_with_keys_and_counts(db_path):
    stored = meeting_article()
    with store_at_schema(db_path, 8, stored) as db:
        for entity in stored.entities:
            db.execute("INSERT INTO entities VALUES (?, ?, ?, ?, ?)", (entity.id, entity.type, entity.name,
                                                                      entity.wikidata, "2024-06-01"))
            db.executemany("INSERT INTO entity_aliases VALUES (?, ?)",
                           [(entity.id, alias) for alias in (entity.name, *entity.aliases)])
        db.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)",
                       [(stored.id, m.start, m.end, m.type, m.normal, m.entity, m.kind) for m in stored.mentions])
    with open_store(db_path) as store:
        assert store.stats()["schema_version"] == len(MIGRATIONS) == 17
        assert_cards_agree(store._db)
        assert store._db.execute("SELECT count(*) FROM article_entities").fetchone()[0] == len(
            {m.entity for m in stored.mentions if m.entity})
        assert [e.id for e in store.find_entities("ПУТИНЫМ")] == [PUTIN.id]
        assert [e.id for e in store.find_entities("минск")] == [MINSK.id]
        assert [(e.id, m, a) for e, m, a in store.top_entities(10)] == old_top_entities(store._db, 10, None)


# --- pending clustering --------------------------------------------------------------------------

def test_pending_articles_are_clustered_and_a_clustered_store_is_not_searched(db_path):
    with open_store(db_path) as store:
        store.add([meeting_article(), call_article()])
        assert store.cluster_pending() == 2 and store.cluster_pending() == 0
        statements = []
        store._db.set_trace_callback(statements.append)
        assert store.cluster_pending() == 0
        assert not any("NOT IN" in statement for statement in statements)


# --- query plans ---------------------------------------------------------------------------------

LARGE = {"articles", "mentions", "entity_aliases", "entities", "entity_counts", "quotes", "events",
         "event_participants", "event_evidence", "event_topics", "story_members", "stories", "article_sources",
         "story_keys", "lsh_bands", "a", "e", "q", "m", "n", "s", "p", "v"}  # the tables and their aliases
SCAN = re.compile(r"^SCAN (\w+)")


def full_scans(db: sqlite3.Connection, statement: str) -> list[str]:
    """The plan lines that read a large table (or an index of it) whole. Let through: a scan with
    no WHERE, in the order asked and cut by a LIMIT (no temporary b-tree sorts it), which stops after
    that many rows; and the COUNT(*)s of the pending check, which read the smallest index."""
    plan = [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + statement)]
    upper = statement.upper()
    ordered_limit = (" LIMIT " in upper and not re.search(r" WHERE (?!1 )", upper)
                     and not any("TEMP B-TREE FOR ORDER BY" in line for line in plan))
    if ordered_limit or statement.startswith("SELECT (SELECT count(*) FROM articles)"):
        return []
    return [line for line in plan if (scan := SCAN.match(line.strip())) and scan.group(1) in LARGE]


def listing_calls(store):
    """Every store call behind a listing that is given a filter, as the CLI makes them."""
    meeting = meeting_article()
    putin, lukashenko = [e.id for e in store.find_entities("Путин")], [e.id for e in store.find_entities("Лукашенко")]
    story = store.stories_of([meeting.id])[meeting.id]
    members = [m.article_id for m in store.story(story).members]
    return {
        "get id": lambda: store.get(meeting.id),
        "get prefix": lambda: store.get(meeting.id[:6]),
        "find_entities name": lambda: store.find_entities("Путин"),
        "find_entities form": lambda: store.find_entities("Путиным"),
        "find_entities id": lambda: store.find_entities(PUTIN.id),
        "articles_mentioning": lambda: store.articles_mentioning(PUTIN.id),
        "top_entities type": lambda: store.top_entities(20, "PER"),
        "top_entities": lambda: store.top_entities(20),
        "quotes by": lambda: store.quotes(by=putin, limit=20),
        "quotes about": lambda: store.quotes(about=putin, limit=20),
        "quotes by about": lambda: store.quotes(by=putin, about=lukashenko, limit=20),
        "quotes of a story": lambda: store.quotes(articles=members),
        "events entity": lambda: store.events(putin, limit=20, statuses=["happened"]),
        "events entity with": lambda: store.events(putin, lukashenko, limit=20, statuses=["happened"]),
        "events entity type": lambda: store.events(putin, type="meeting", limit=20),
        "events type": lambda: store.events(type="meeting", limit=20),
        "events of a story": lambda: store.events(articles=members, statuses=["happened", "planned"]),
        "stories entity": lambda: store.stories(10, None, putin),
        "stories top": lambda: store.stories(20),
        "stories since": lambda: store.stories(20, "2024-06-01"),
        "story": lambda: store.story(story),
        "thread": lambda: store.thread(story),
        "story cards entity": lambda: store.story_cards(10, None, putin),
        "story cards top": lambda: store.story_cards(20),
        "latest story cards": lambda: store.latest_story_cards(putin, None, 50),
        "latest story cards pair": lambda: store.latest_story_cards(putin, lukashenko, 50),
        "story articles": lambda: store.story_articles(story),
        "events latest": lambda: store.events(limit=20),
        "sources_of": lambda: store.sources_of(meeting.id),
        "latest": lambda: store.latest(10),
        "cluster_pending": store.cluster_pending,
    }


def test_no_listing_given_a_filter_scans_a_large_table(db_path):
    extra = [article(f"{n:016x}", "Путин встретился с Лукашенко в Минске.",
                     [("Путин", PUTIN), ("Лукашенко", LUKASHENKO), ("Минске", MINSK)],
                     events=[Event("meeting", "040", (Participant(PUTIN.id, "visitor"),
                                                      Participant(LUKASHENKO.id, "host")), (),
                                   place=MINSK.id)], published="2024-06-02") for n in range(1, 30)]
    with open_store(db_path) as store:
        store.add([meeting_article(), call_article(), *extra])
        store.cluster_pending()
        calls = listing_calls(store)
        scans = {}
        for name, call in calls.items():
            statements = []
            store._db.set_trace_callback(statements.append)
            call()
            store._db.set_trace_callback(None)
            selects = [s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]
            assert selects, name
            found = [line for statement in selects for line in full_scans(store._db, statement)]
            if found:
                scans[name] = found
        assert scans == {}


def test_the_latest_events_of_a_status_are_read_in_order_from_an_index(db_path):
    """`svodka events` with no filter but its default status: no sort of every event; the index is
    read from the latest end and stops at the limit (the status is checked on the way)."""
    with open_store(db_path) as store:
        store.add([meeting_article(), call_article()])
        statements = []
        store._db.set_trace_callback(statements.append)
        found = store.events(limit=20, statuses=["happened"])
        store._db.set_trace_callback(None)
        listing = next(s for s in statements if s.startswith("SELECT e.day"))
        plan = [row[3] for row in store._db.execute("EXPLAIN QUERY PLAN " + listing)]
        assert plan[0] == "SCAN e USING INDEX events_latest" and not any("TEMP B-TREE" in line for line in plan)
        assert [(f.article.id, f.ordinal) for f in found] == [
            ("aaaa000000000001", 0), ("bbbb000000000002", 0), ("bbbb000000000002", 1)]


def test_an_entitys_latest_events_are_read_in_order_from_its_indexes(db_path):
    """An entity's events as participant and as place, newest first, each once, however the page is
    cut: the same as sorting all of them; each index read from the latest end, nothing sorted."""
    days = [f"2024-06-{day:02d}" for day in range(2, 14)]
    extra = [article(f"{n:016x}", "Путин встретился с Лукашенко в Минске.",
                     [("Путин", PUTIN), ("Лукашенко", LUKASHENKO), ("Минске", MINSK)],
                     events=[Event("meeting", "040", (Participant(PUTIN.id, "visitor"), Participant(LUKASHENKO.id, "host"),
                                                      *([Participant(MINSK.id, "host")] if n % 3 == 0 else [])), (),
                                   place=MINSK.id if n % 2 else None)],
                     published=day) for n, day in enumerate(days, start=1)]
    with open_store(db_path) as store:
        store.add([meeting_article(), call_article(), *extra])
        for entity in (MINSK.id, PUTIN.id):
            every = store.events([entity])
            assert len({(f.article.id, f.ordinal) for f in every}) == len(every)
            for limit in (1, 2, 5, 7, 100):
                page = store.events([entity], limit=limit)
                assert [(f.article.id, f.ordinal) for f in page] == [(f.article.id, f.ordinal) for f in every][-limit:]
        in_minsk = {a.id for n, a in enumerate(extra, start=1) if n % 2 or n % 3 == 0} | {meeting_article().id}
        assert sorted(f.article.id for f in store.events([MINSK.id])) == sorted(in_minsk)  # as place or participant
        statements = []
        store._db.set_trace_callback(statements.append)
        store.events([PUTIN.id], limit=3, statuses=["happened"])
        store._db.set_trace_callback(None)
        listings = [s for s in statements if s.startswith("SELECT e.day")]
        assert len(listings) == 2  # as participant, as place
        for listing in listings:
            plan = " | ".join(row[3] for row in store._db.execute("EXPLAIN QUERY PLAN " + listing))
            assert "TEMP B-TREE" not in plan and ("event_participants_latest" in plan or "events_place_latest" in plan), plan


def test_the_plan_check_sees_a_full_scan(db_path):
    """The check above would fail on the queries these indexes replaced."""
    with open_store(db_path) as store:
        store.add([meeting_article()])
        db = store._db
        assert full_scans(db, "SELECT DISTINCT entity_id, alias FROM entity_aliases")
        assert full_scans(db, "SELECT * FROM events e WHERE EXISTS (SELECT 1 FROM event_participants p WHERE "
                              "p.article_id = e.article_id AND p.ordinal = e.ordinal AND p.entity_id = 'x') "
                              "OR e.place_id = 'x' ORDER BY e.date LIMIT 20")
        assert full_scans(db, "SELECT * FROM articles WHERE id NOT IN (SELECT article_id FROM story_members) "
                              "ORDER BY seq LIMIT 10")
        assert full_scans(db, "SELECT * FROM articles ORDER BY seq DESC LIMIT 10") == []
        assert full_scans(db, "SELECT q.ordinal FROM quotes q WHERE EXISTS (SELECT 1 FROM mentions m WHERE "
                              "m.article_id = q.article_id AND m.entity_id = 'x') ORDER BY q.start LIMIT 5")


def test_a_story_is_summarised_again_only_when_its_articles_change(db_path):
    with open_store(db_path) as store:
        articles = [meeting_article(), call_article()]
        store.add(articles)
        store.cluster(articles)
        first = {story.id: story.summary for story in store.stories(10, "2000-01-01")}
        db = store._db
        assert db.execute("SELECT count(*) FROM story_views").fetchone()[0] == len(first)
        db.execute("UPDATE story_views SET summary = 'kept'")
        assert {story.summary for story in store.stories(10, "2000-01-01")} == {"kept"}  # read, not chosen again
        db.execute("UPDATE story_views SET version = 'other articles'")
        assert {story.id: story.summary for story in store.stories(10, "2000-01-01")} == first


def test_a_storys_entities_leave_out_authors_named_only_in_a_byline(db_path):
    """Counted from article_entities less byline-only authors: the same as counting the non-byline
    mentions of each article."""
    from dataclasses import replace

    from svodka.records import Mention
    from svodka.store.sqlite_stories import _entities

    author = Entity("per:ivan-petrov", "PER", "Иван Петров")
    first, second = meeting_article(), call_article()
    byline_only = replace(first, mentions=(*first.mentions, Mention(0, 3, "PER", author.name, author.id, "byline")),
                          entities=(*first.entities, author))
    text = second.text + " Иван Петров"
    named_too = replace(second, text=text, spans=(replace(second.spans[0], end=len(text)),), mentions=(
        *second.mentions, Mention(0, 3, "PER", author.name, author.id, "byline"),
        Mention(len(second.text) + 1, len(text), "PER", author.name, author.id)), entities=(*second.entities, author))
    with open_store(db_path) as store:
        store.add([byline_only, named_too])
        ids = [byline_only.id, named_too.id]
        expected = Counter()
        for article_id in ids:
            expected.update({name for name, kind in store._db.execute(
                "SELECT e.name, m.kind FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ?",
                (article_id,)) if kind != "byline"})
        found = dict(_entities(store._db, ids))
        assert found == dict(expected) and found["Иван Петров"] == 1
