"""Stories in the SQLite store: the clusterer's index (indexed lookups only, so a batch costs the
same at any store size) and the reads behind `svodka stories` and `svodka timeline`."""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date

import numpy as np

from ..records import Article, Story, StoryCard, StoryMember
from ..stories.cluster import Membership, StoryState
from ..stories.rank import StoryCounts, is_breaking, score, weight
from ..stories.view import choose_title, summarise

CHUNK = 500
UNDATED = 0
"""The stored day of an undated member, and a story's first and last day while none of its members is
dated: date ordinals start at 1, so 0 is no day. Stored like a day, undated members are one equality
away in the same indexes, and the day columns stay NOT NULL as schema 4 made them."""
KEY_POSTINGS = 200
"""Stories read under each key by a lookup with no day range (an undated article's, or a dated one's
among undated stories): the latest ones. A near-paraphrase shares the article's rare keys, whose
postings are short, so capping the common keys' long ones loses no close match and keeps the cost
of such a lookup flat as the store grows."""
UNDATED_POSTINGS = f"SELECT story_id FROM story_keys WHERE key = ? AND day = {UNDATED} ORDER BY story_id DESC LIMIT ?"
DATED_POSTINGS = f"SELECT story_id FROM story_keys WHERE key = ? AND day > {UNDATED} ORDER BY day DESC LIMIT ?"
OUTLETS = ("SELECT count(DISTINCT nullif(a.outlet, '')) FROM story_members m JOIN articles a ON a.id = m.article_id "
           "WHERE m.story_id = stories.id")
"""A story's outlets: its articles' own, never their sources (a file path is no outlet); an article
with none adds none."""


class SQLiteStoryIndex:
    def __init__(self, db: sqlite3.Connection):
        self._db = db

    def documents(self) -> int:
        row = self._db.execute("SELECT documents FROM term_counts WHERE term = ''").fetchone()
        return row[0] if row else 0

    def add_frequencies(self, counts: Counter, documents: int) -> None:
        rows = [*counts.items(), ("", documents)]
        self._db.executemany(
            "INSERT INTO term_counts (term, documents) VALUES (?, ?) "
            "ON CONFLICT (term) DO UPDATE SET documents = documents + excluded.documents", rows)

    def frequencies(self, terms: set[str]) -> dict[str, int]:
        found = {}
        for chunk in _chunks(sorted(terms)):
            found.update(self._db.execute(
                f"SELECT term, documents FROM term_counts WHERE term IN ({_marks(chunk)})", chunk).fetchall())
        return found

    def copies(self, bands: list[int], days: tuple[int, int] | None) -> list[tuple[str, np.ndarray]]:
        if days is None:
            return self._copies(bands, "")
        return [*self._copies(bands, " AND b.day BETWEEN ? AND ?", days),
                *self._copies(bands, " AND b.day = ?", (UNDATED,))]

    def _copies(self, bands: list[int], days: str, parameters: tuple = ()) -> list[tuple[str, np.ndarray]]:
        rows = self._db.execute(
            "SELECT DISTINCT m.article_id, m.signature FROM lsh_bands b "
            f"JOIN story_members m ON m.article_id = b.article_id WHERE b.band IN ({_marks(bands)}){days}",
            (*bands, *parameters))
        return [(article_id, np.frombuffer(blob, dtype=np.uint32)) for article_id, blob in rows]

    def story_of(self, article_id: str) -> tuple[int, str | None]:
        return tuple(self._db.execute(
            "SELECT story_id, duplicate_of FROM story_members WHERE article_id = ?", (article_id,)).fetchone())

    def candidates(self, keys: list[str], first_day: int, last_day: int, limit: int) -> list[int]:
        keys = sorted(keys)
        rows = self._db.execute(
            f"SELECT story_id, count(DISTINCT key) AS shared FROM story_keys WHERE key IN ({_marks(keys)}) "
            "AND day BETWEEN ? AND ? GROUP BY story_id ORDER BY shared DESC, story_id DESC LIMIT ?",
            (*keys, first_day, last_day, limit))
        return [row[0] for row in rows]

    def undated_candidates(self, keys: list[str], limit: int) -> list[int]:
        return _most_shared([self._postings(UNDATED_POSTINGS, key) for key in keys], limit)

    def any_day_candidates(self, keys: list[str], limit: int) -> list[int]:
        return _most_shared([self._postings(UNDATED_POSTINGS, key) + self._postings(DATED_POSTINGS, key)
                             for key in keys], limit)

    def _postings(self, query: str, key: str) -> list[int]:
        return [row[0] for row in self._db.execute(query, (key, KEY_POSTINGS))]

    def load(self, story_ids: list[int]) -> list[StoryState]:
        if not story_ids:
            return []
        rows = self._db.execute(
            "SELECT id, centroid, first_day, last_day, articles, thread_id, happening FROM stories "
            f"WHERE id IN ({_marks(story_ids)})", story_ids)
        return [StoryState(id, json.loads(centroid), _day(first), _day(last), articles, thread, happening)
                for id, centroid, first, last, articles, thread, happening in rows]

    def next_story_id(self) -> int:
        self._next = max(getattr(self, "_next", 0),
                         self._db.execute("SELECT coalesce(max(id), 0) FROM stories").fetchone()[0]) + 1
        return self._next

    def save(self, stories: list[StoryState], memberships: list[Membership], keys: dict[int, set[str]]) -> None:
        self._db.executemany(
            "INSERT INTO stories (id, thread_id, first_day, last_day, articles, outlets, centroid, happening) "
            "VALUES (?, ?, ?, ?, ?, 0, ?, ?) ON CONFLICT (id) DO UPDATE SET first_day = excluded.first_day, "
            "last_day = excluded.last_day, articles = excluded.articles, centroid = excluded.centroid",
            [(s.id, s.thread, _stored(s.first_day), _stored(s.last_day), s.articles,
              json.dumps(_rounded(s.centroid), ensure_ascii=False), s.happening) for s in stories])
        self._db.executemany(
            "INSERT INTO story_members (article_id, story_id, duplicate_of, category, similarity, day, signature) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(m.article_id, m.story_id, m.duplicate_of, m.category, round(m.similarity, 4), _stored(m.day),
              m.signature.tobytes()) for m in memberships])
        self._db.executemany("INSERT OR IGNORE INTO lsh_bands (band, day, article_id) VALUES (?, ?, ?)",
                             [(band, _stored(m.day), m.article_id) for m in memberships for band in m.bands])
        self._db.executemany(
            "INSERT OR IGNORE INTO story_keys (key, day, story_id) VALUES (?, ?, ?)",
            [(key, _stored(day), s.id) for s in stories for day in s.days for key in keys.get(s.id, ())])
        self._db.executemany(f"UPDATE stories SET outlets = ({OUTLETS}) WHERE id = ?", [(s.id,) for s in stories])


def _stored(day: int | None) -> int:
    return UNDATED if day is None else day


def _day(stored: int) -> int | None:
    return None if stored == UNDATED else stored


def _most_shared(postings: list[list[int]], limit: int) -> list[int]:
    """The stories found under the most keys (each key's postings counted once), latest first among equals."""
    shared = Counter(story_id for found in postings for story_id in set(found))
    return sorted(shared, key=lambda story_id: (-shared[story_id], -story_id))[:limit]


def _rounded(vector: dict[str, float]) -> dict[str, float]:
    return {term: round(value, 5) for term, value in vector.items()}


def _marks(values) -> str:
    return ", ".join("?" * len(values))


def _chunks(values: list, size: int = CHUNK):
    for start in range(0, len(values), size):
        yield values[start : start + size]


RECENT_DAYS = 30
"""Without --since, stories ranked are those seen in the store's last 30 days: older ones have
decayed to nothing, and the index on last_day keeps the ranking as cheap as the window is small."""
VIEW_MEMBERS = 30
"""Members read for a story's headline and summary: the originals, most recent first."""
CARD_OUTLETS = 5
"""Outlets a story's card names: those with the most of its articles."""


def ranked_story_ids(db: sqlite3.Connection, limit: int | None, since_day: int | None,
                     entity_ids: Sequence[str] | None,
                     story_ids: Sequence[int] | None = None) -> list[tuple[int, float, bool]]:
    """(story id, score, breaking), best first (by score, then weight), of stories seen since
    `since_day` (else those of the last RECENT_DAYS of the store and the undated ones) and, when
    given, naming one of `entity_ids`; with `story_ids`, of those stories whenever seen."""
    latest = db.execute("SELECT max(last_day) FROM stories").fetchone()[0]
    if latest is None:
        return []
    where, parameters = _seen(since_day, latest - RECENT_DAYS, story_ids)
    if entity_ids is not None:
        where += (" AND s.id IN (SELECT m.story_id FROM article_entities n JOIN story_members m ON m.article_id = n.article_id "
                  f"WHERE n.entity_id IN ({_marks(entity_ids)}))")
        parameters += list(entity_ids)
    rows = db.execute(
        "SELECT s.id, s.articles, s.outlets, s.first_day, s.last_day, "
        f"(SELECT count(*) FROM story_members m WHERE m.story_id = s.id AND m.day != {UNDATED}), "
        "(SELECT count(*) FROM story_members m WHERE m.story_id = s.id AND m.day = s.last_day) "
        f"FROM stories s WHERE {where}", parameters).fetchall()
    ranked = []
    for story_id, articles, outlets, first_day, last_day, dated, on_last_day in rows:
        counts = StoryCounts(articles, dated, outlets, _day(first_day), _day(last_day), on_last_day)
        ranked.append((score(counts, _day(latest)), weight(counts), story_id, is_breaking(counts)))
    ranked.sort(key=lambda item: (-item[0], -item[1], -item[2]))
    best = [(story_id, points, breaking) for points, _, story_id, breaking in ranked]
    return best[:limit] if limit else best


def _seen(since_day: int | None, recent_day: int, story_ids: Sequence[int] | None) -> tuple[str, list]:
    """Which stories to rank: the given ones; those seen since a day (undated stories have no day to
    be seen on); by default those of the store's last RECENT_DAYS and the undated ones."""
    if story_ids is not None:
        return f"s.id IN ({_marks(story_ids)})", list(story_ids)
    if since_day is not None:
        return "s.last_day >= ?", [since_day]
    return "(s.last_day >= ? OR s.last_day = ?)", [recent_day, UNDATED]


def story_ids_of(db: sqlite3.Connection, article_ids: Sequence[str]) -> dict[str, int]:
    """The story each of the articles is in (articles not clustered yet are left out)."""
    found = {}
    for chunk in _chunks(list(article_ids)):
        found.update(db.execute(
            f"SELECT article_id, story_id FROM story_members WHERE article_id IN ({_marks(chunk)})", chunk).fetchall())
    return found


def stories_naming(db: sqlite3.Connection, entity_ids: Sequence[str], other_ids: Sequence[str] | None,
                   limit: int | None) -> list[int]:
    """The stories of the latest articles that name one of `entity_ids` (and one of `other_ids`,
    when given), up to `limit` of them, latest first (by first day); a story with no dated article has
    no place in time and is left out. The articles are read newest first from the entity's index
    and the reading stops at `limit` stories."""
    query = ("SELECT m.story_id, s.first_day FROM article_entities n "
             "JOIN story_members m ON m.article_id = n.article_id JOIN stories s ON s.id = m.story_id "
             f"WHERE n.entity_id IN ({_marks(entity_ids)}) AND s.first_day != {UNDATED}")
    parameters = list(entity_ids)
    if other_ids is not None:
        query += f" AND n.article_id IN (SELECT article_id FROM article_entities WHERE entity_id IN ({_marks(other_ids)}))"
        parameters += list(other_ids)
    found: dict[int, int] = {}
    for story_id, first_day in db.execute(query + " ORDER BY n.at DESC, n.seq DESC", parameters):
        found[story_id] = first_day
        if limit and len(found) >= limit:
            break
    return [story_id for story_id, _ in sorted(found.items(), key=lambda item: (-item[1], -item[0]))]


def members(db: sqlite3.Connection, story_id: int) -> list[StoryMember]:
    rows = db.execute(
        "SELECT a.id, a.source, a.url, a.outlet, a.title, a.published, m.category, m.duplicate_of "
        "FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = ? "
        "ORDER BY m.day, a.seq", (story_id,))
    return [StoryMember(*row) for row in rows]


def story_view(db: sqlite3.Connection, story_id: int, score: float, breaking: bool,
               load_article: Callable[[str], Article]) -> Story:
    row = db.execute("SELECT thread_id, centroid, first_day, last_day FROM stories WHERE id = ?", (story_id,)).fetchone()
    thread, centroid, first_day, last_day = row[0], json.loads(row[1]), row[2], row[3]
    every = members(db, story_id)
    entities = _entities(db, [member.article_id for member in every])
    title, summary, sources = _headline_and_summary(db, story_id, every, centroid, entities, load_article)
    ids = [member.article_id for member in every]
    return Story(
        id=story_id, thread=thread, title=title, summary=summary, summary_sources=sources, score=score,
        breaking=breaking, category=_majority(member.category for member in every),
        first_seen=_iso(first_day), last_seen=_iso(last_day),
        outlets=tuple(dict.fromkeys(member.outlet for member in every if member.outlet)),
        members=tuple(every), entities=tuple(entities),
        quote_count=_count(db, "quotes", ids), event_count=_count(db, "events", ids))


def story_card(db: sqlite3.Connection, story_id: int, score: float, breaking: bool,
               load_article: Callable[[str], Article]) -> StoryCard:
    """What a list shows of a story, read without its members when its headline and summary are kept
    for its present articles (else from its full view, which keeps them)."""
    thread, first_day, last_day, articles, outlets = db.execute(
        "SELECT thread_id, first_day, last_day, articles, outlets FROM stories WHERE id = ?", (story_id,)).fetchone()
    latest = [row[0] for row in db.execute(
        "SELECT m.article_id FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = ? "
        "ORDER BY m.day DESC, a.seq DESC LIMIT ?", (story_id, VIEW_MEMBERS))]
    kept = db.execute("SELECT version, title, summary FROM story_views WHERE story_id = ?", (story_id,)).fetchone()
    if kept is None or kept[0] != _view_version(articles, latest[::-1]):
        view = story_view(db, story_id, score, breaking, load_article)
        title, summary = view.title, view.summary
    else:
        title, summary = kept[1], kept[2]
    members = db.execute("SELECT category, duplicate_of IS NOT NULL FROM story_members WHERE story_id = ?",
                         (story_id,)).fetchall()
    named = [row[0] for row in db.execute(
        "SELECT c.outlet FROM story_members m JOIN articles a ON a.id = m.article_id "
        "JOIN article_cards c ON c.seq = a.seq WHERE m.story_id = ? AND c.outlet IS NOT NULL AND c.outlet != '' "
        "GROUP BY c.outlet ORDER BY count(*) DESC, min(m.day), c.outlet LIMIT ?", (story_id, CARD_OUTLETS))]
    return StoryCard(story_id, thread, title, summary, score, breaking, _majority(row[0] for row in members),
                     _iso(first_day), _iso(last_day), articles, sum(row[1] for row in members), outlets, tuple(named))


def _view_version(members: int, latest: list[str]) -> str:
    """The membership a kept headline and summary were chosen from: how many articles, and the ids of
    the latest VIEW_MEMBERS in order."""
    return f"{members}:{','.join(latest)}"


def _headline_and_summary(db: sqlite3.Connection, story_id: int, every: list[StoryMember], centroid: dict,
                          entities: list[tuple[str, int]], load_article: Callable[[str], Article]):
    """The story's headline, summary and its sources: as last chosen when its articles are the same
    (summarising is most of a listing's time), else chosen anew and kept."""
    version = _view_version(len(every), [member.article_id for member in every[-VIEW_MEMBERS:]])
    kept = db.execute("SELECT version, title, summary, sources FROM story_views WHERE story_id = ?", (story_id,)).fetchone()
    if kept is not None and kept[0] == version:
        return kept[1], kept[2], tuple(json.loads(kept[3]))
    originals = [member for member in every if member.duplicate_of is None][-VIEW_MEMBERS:]
    articles = [load_article(member.article_id) for member in reversed(originals)]
    title = choose_title(articles, centroid, [name for name, _ in entities[:3]])
    summary, sources = summarise(articles, centroid)
    try:
        db.execute("INSERT OR REPLACE INTO story_views (story_id, version, title, summary, sources) VALUES (?, ?, ?, ?, ?)",
                   (story_id, version, title, summary, json.dumps(list(sources), ensure_ascii=False)))
    except sqlite3.OperationalError:  # a store that cannot be written (read-only file, busy): choose again next time
        pass
    return title, summary, tuple(sources)


def _entities(db: sqlite3.Connection, article_ids: list[str]) -> list[tuple[str, int]]:
    """Each entity's name and how many of the articles name it, not counting an article that names it
    only in its byline (read from article_entities and the bylines' index, not from every mention)."""
    counts: Counter = Counter()
    for chunk in _chunks(article_ids):
        counts.update(dict(db.execute(
            f"SELECT entity_id, count(*) FROM article_entities WHERE article_id IN ({_marks(chunk)}) GROUP BY entity_id",
            chunk).fetchall()))
        counts.subtract(dict(db.execute(
            f"SELECT b.entity_id, count(DISTINCT b.article_id) FROM mentions b WHERE b.article_id IN ({_marks(chunk)}) "
            "AND b.kind = 'byline' AND b.entity_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mentions o "
            "WHERE o.entity_id = b.entity_id AND o.article_id = b.article_id AND o.kind != 'byline') "
            "GROUP BY b.entity_id", chunk).fetchall()))
    named = Counter()
    for chunk in _chunks([entity_id for entity_id, count in counts.items() if count > 0]):
        for entity_id, name in db.execute(f"SELECT id, name FROM entities WHERE id IN ({_marks(chunk)})", chunk):
            named[name] += counts[entity_id]
    return sorted(named.items(), key=lambda item: (-item[1], item[0]))


def _count(db: sqlite3.Connection, table: str, article_ids: list[str]) -> int:
    return sum(db.execute(f"SELECT count(*) FROM {table} WHERE article_id IN ({_marks(chunk)})", chunk).fetchone()[0]
               for chunk in _chunks(article_ids))


def _majority(categories) -> str:
    counts = Counter(categories)
    return max(counts, key=lambda category: (counts[category], category != "other")) if counts else "other"


def _iso(stored: int) -> str | None:
    day = _day(stored)
    return None if day is None else date.fromordinal(day).isoformat()
