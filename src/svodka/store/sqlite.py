"""The embedded default store: one SQLite file, WAL journal, one transaction per batch."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from ..records import Article, Entity, Sighting, Story, StoryCard
from ..stories.cluster import Clusterer
from .base import AddResult, Graph, Profile
from ..search.query import Query
from .errors import NewerStore, NotAStore, StoreError, sqlite_error
from .prepared import Prepared
from .schema import MIGRATIONS, SEARCH_SCHEMA
from ..search.results import Filters, Results
from ..search.saved import SavedSearch
from .sqlite_entities import entity as stored_entity
from .sqlite_profile import graph, profile
from .sqlite_saved import delete as delete_saved_search
from .sqlite_saved import save as save_search
from .sqlite_saved import saved as saved_searches
from . import corrections as corrected
from .corrections import Correction, follow_redirects
from .sqlite_columns import columns_of
from .sqlite_facets import facets as search_facets
from .sqlite_outlets import outlet_entities, outlet_months, outlets
from .sqlite_search import index_article, reindex, search
from .people import KnownPeople, joined_to_known_people
from .lookup import last_word
from .sqlite_entities import (
    articles_mentioning,
    find_entities,
    merge_entity,
    save_entities,
    top_entities,
    with_entities,
)
from .sqlite_events import (
    find_events,
    find_quotes,
    lacks_events,
    save_events,
    with_events,
)
from .sqlite_stories import (
    SQLiteStoryIndex,
    ranked_story_ids,
    stories_naming,
    story_card,
    story_ids_of,
    story_view,
)

COLUMNS = ("id", "source", "url", "title", "lead", "authors", "outlet", "cited", "published",
           "language", "spans", "text", "category")
JSON_COLUMNS = ("authors", "cited", "spans")
KEY_FUNCTIONS = {"svodka_casefold": str.casefold, "svodka_last_word": last_word}
"""Python's folding, for migrations that fill key columns of rows stored before them (schema 9)."""


BUSY_TIMEOUT_S = 120
"""How long a write waits for another process's transaction (a concurrent ingest's batch) to end
before it fails: readers never wait (WAL), writers take turns a batch at a time."""


class SQLiteStore:
    """The embedded store: one SQLite file. Its sqlite3 errors reach callers as `StoreError`s that
    name the file and the reason (when opening, and on leaving a `with` block)."""

    def __init__(self, path: Path):
        self.location = str(path)
        self._path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(path, f"cannot be opened: {_unmakeable(path.parent, error)}") from error
        try:
            self._db = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_S)
        except sqlite3.Error as error:
            raise sqlite_error(path, error) from error
        try:
            self._open()
        except sqlite3.Error as error:
            self._db.close()
            raise sqlite_error(path, error) from error
        except StoreError:
            self._db.close()
            raise

    def _open(self) -> None:
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.execute("PRAGMA foreign_keys = ON")
        for name, function in KEY_FUNCTIONS.items():
            self._db.create_function(name, 1, function, deterministic=True)
        self._migrate()
        self._people = KnownPeople(self._db)
        self._columns = columns_of(self.location)

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise NewerStore(self.location, version, len(MIGRATIONS))
        if version == 0 and self._db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise NotAStore(self._path, "an SQLite database of another program")
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            with self._transaction():
                for statement in _statements(script):
                    self._db.execute(statement)
                if number == SEARCH_SCHEMA:  # the articles stored before the index was
                    reindex(self._db, _article_of)
                self._db.execute(f"PRAGMA user_version = {number}")

    def _transaction(self):
        return _Transaction(self._db)

    def add(self, articles: Sequence[Article | Sighting], read_as: dict[str, str] | None = None,
            prepared: dict[str, Prepared] | None = None) -> AddResult:
        """Store a batch in one transaction; `read_as` maps a record's source to the fingerprint of
        the document it was read from, remembered with the article it became; `prepared`, what
        was computed for storing articles already (by id)."""
        new, duplicate = [], []
        now = _now()
        prepared = prepared or {}
        with self._transaction():
            for article in articles:
                if isinstance(article, Sighting):
                    if self._seen_again(article, now):
                        duplicate.append(article.article_id)
                else:
                    stored = self._add_article(article, now, prepared.get(article.id))
                    (new if stored else duplicate).append(article.id)
                self._remember_read(article, read_as or {})
        return AddResult(tuple(new), tuple(duplicate))

    def _add_article(self, article: Article, now: str, prepared: Prepared | None) -> bool:
        """Store one article (with its entities, quotes and events) and its source; False when it was
        stored already."""
        seq = self._insert(article, now)
        inserted = seq is not None
        if inserted:
            index_article(self._db, seq, article, prepared.index_lemmas if prepared else None)
            article = joined_to_known_people(self._people, article)
            save_entities(self._db, article, now)
            for earlier, person in self._people.note(article.entities):
                merge_entity(self._db, earlier.id, person.id)
        if inserted or lacks_events(self._db, article):
            save_events(self._db, article)
        if inserted:
            follow_redirects(self._db, article.id, [entity.id for entity in article.entities])
        self._db.execute(
            "INSERT OR IGNORE INTO article_sources (article_id, source, seen_at) VALUES (?, ?, ?)",
            (article.id, article.source, now),
        )
        return inserted

    def _seen_again(self, sighting: Sighting, now: str) -> bool:
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO article_sources (article_id, source, seen_at) "
            "SELECT id, ?, ? FROM articles WHERE id = ?", (sighting.source, now, sighting.article_id))
        return cursor.rowcount == 1 or self._db.execute(
            "SELECT 1 FROM articles WHERE id = ?", (sighting.article_id,)).fetchone() is not None

    def _remember_read(self, article: Article | Sighting, read_as: dict[str, str]) -> None:
        key = read_as.get(article.source)
        if key:
            article_id = article.article_id if isinstance(article, Sighting) else article.id
            self._db.execute("INSERT OR IGNORE INTO raw_documents (raw_key, article_id) SELECT ?, id FROM articles "
                             "WHERE id = ?", (key, article_id))

    def read_before(self, raw_keys: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for start in range(0, len(raw_keys), 500):
            chunk = list(raw_keys[start : start + 500])
            found.update(self._db.execute(
                f"SELECT raw_key, article_id FROM raw_documents WHERE raw_key IN ({', '.join('?' * len(chunk))})",
                chunk).fetchall())
        return found

    def stored(self, article_ids: Sequence[str]) -> set[str]:
        found = set()
        for start in range(0, len(article_ids), 500):
            chunk = list(article_ids[start : start + 500])
            found.update(row[0] for row in self._db.execute(
                f"SELECT id FROM articles WHERE id IN ({', '.join('?' * len(chunk))})", chunk))
        return found

    def cluster(self, articles: Sequence[Article], prepared: dict[str, Prepared] | None = None) -> int:
        """Put the stored articles not in a story yet into stories, in one transaction; returns how
        many were clustered."""
        with self._transaction():
            clustered = self.stories_of([article.id for article in articles])
            pending = list({a.id: a for a in articles if a.id not in clustered}.values())
            features = {article_id: found.story for article_id, found in (prepared or {}).items()}
            Clusterer(SQLiteStoryIndex(self._db)).add(pending, features)
        return len(pending)

    def stories_of(self, article_ids: Sequence[str]) -> dict[str, int]:
        return story_ids_of(self._db, article_ids)

    def stories(self, limit: int | None = None, since: str | None = None,
                entities: Sequence[str] | None = None) -> list[Story]:
        since_day = date.fromisoformat(since).toordinal() if since else None
        return self._views(ranked_story_ids(self._db, limit, since_day, entities))

    def story_cards(self, limit: int | None = None, since: str | None = None,
                    entities: Sequence[str] | None = None) -> list[StoryCard]:
        """What lists of stories show, without reading their members: the best ranked, as `stories`
        ranks them."""
        since_day = date.fromisoformat(since).toordinal() if since else None
        return self._cards(ranked_story_ids(self._db, limit, since_day, entities))

    def latest_story_cards(self, naming: Sequence[str], with_: Sequence[str] | None = None,
                           limit: int | None = None) -> list[StoryCard]:
        """The latest `limit` stories that name one of the entities `naming` (and one of `with_` in
        the same article, when given), as cards, oldest first: an entity's or a pair's timeline."""
        ids = stories_naming(self._db, naming, with_, limit)
        cards = self._cards(ranked_story_ids(self._db, None, None, None, ids)) if ids else []
        return sorted(cards, key=lambda card: (card.first_seen or "", card.id))

    def story(self, story_id: int) -> Story | None:
        found = self._views(ranked_story_ids(self._db, None, None, None, [story_id]))
        return found[0] if found else None

    def every_story_card(self) -> Iterator[StoryCard]:
        """Every story's card, in id order, read a chunk at a time."""
        last = 0
        while True:
            ids = [row[0] for row in self._db.execute("SELECT id FROM stories WHERE id > ? ORDER BY id LIMIT 500", (last,))]
            if not ids:
                return
            yield from sorted(self._cards(ranked_story_ids(self._db, None, None, None, ids)), key=lambda card: card.id)
            last = ids[-1]

    def story_articles(self, story_id: int) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT article_id FROM story_members WHERE story_id = ?", (story_id,))]

    def _cards(self, ranked: list[tuple[int, float, bool]]) -> list[StoryCard]:
        return [story_card(self._db, story_id, score, breaking, self._text_of) for story_id, score, breaking in ranked]

    def _views(self, ranked: list[tuple[int, float, bool]]) -> list[Story]:
        return [story_view(self._db, story_id, score, breaking, self._text_of) for story_id, score, breaking in ranked]

    def _text_of(self, article_id: str) -> Article:
        """The stored article without its entities, quotes and events: what a story's headline and
        summary are chosen from (reading the rest would cost more than the choosing)."""
        return _article_of(self._db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone())

    def thread(self, thread_id: int) -> list[tuple[int, str | None]]:
        """(story id, first day seen) of every story in the thread, in date order; None for a story
        of undated articles (day 0)."""
        return [(story_id, date.fromordinal(day).isoformat() if day else None) for story_id, day in self._db.execute(
            "SELECT id, first_day FROM stories WHERE thread_id = ? ORDER BY first_day, id", (thread_id,))]

    def cluster_pending(self, batch: int = 1000) -> int:
        """Cluster articles stored but in no story (a store from an older svodka, or an ingest cut
        short); returns how many were clustered."""
        done = 0
        while self._unclustered() and (articles := [self._article_of(row) for row in self._db.execute(
                "SELECT * FROM articles WHERE id NOT IN (SELECT article_id FROM story_members) "
                "ORDER BY seq LIMIT ?", (batch,)).fetchall()]):
            done += self.cluster(articles)
        return done

    def _unclustered(self) -> bool:
        """Whether some article is in no story: every story member is a stored article (a foreign
        key) once (the primary key), so there is one exactly when articles outnumber members; the
        counts are read from the smallest index of each, never by finding which one it is."""
        articles, members = self._db.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM story_members)").fetchone()
        return articles > members

    def _insert(self, article: Article, now: str) -> int | None:
        """The new article's seq, or None when it was stored already."""
        row = _row_of(article)
        cursor = self._db.execute(
            f"INSERT INTO articles ({', '.join(COLUMNS)}, ingested_at) "
            f"VALUES ({', '.join('?' * len(COLUMNS))}, ?) ON CONFLICT (id) DO NOTHING",
            (*row, now),
        )
        return cursor.lastrowid if cursor.rowcount == 1 else None

    def search(self, query: Query | None, filters: Filters = Filters(), sort: str = "relevance", limit: int = 20,
               offset: int = 0, facets: int = 0) -> Results:
        if not facets:
            return search(self._db, query, filters, sort, limit, offset, columns=self._columns)
        counted, total = search_facets(self._db, self._columns, query, filters, top=facets)
        results = search(self._db, query, filters, sort, limit, offset, total=total, columns=self._columns)
        results.facets = counted
        return results

    def reindex(self, progress=None) -> int:
        """Build the search index anew from every stored article."""
        with self._transaction():
            return reindex(self._db, _article_of, progress)

    def get(self, article_id: str) -> Article | None:
        """The article of this id, else the one whose id begins so (ASCII letters in any case, as
        LIKE compares); None when none or several do."""
        row = self._db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:  # a prefix: through the index articles_id_nocase
            rows = self._db.execute("SELECT * FROM articles WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
                                    (_escape_like(article_id) + "%",)).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return None if row is None else self._article_of(row)

    def latest(self, limit: int) -> list[Article]:
        rows = self._db.execute("SELECT * FROM articles ORDER BY seq DESC LIMIT ?", (limit,))
        return [self._article_of(row) for row in rows]

    def articles(self) -> Iterator[Article]:
        for row in self._db.execute("SELECT * FROM articles ORDER BY seq"):
            yield self._article_of(row)

    def _article_of(self, row: sqlite3.Row) -> Article:
        return with_events(self._db, with_entities(self._db, _article_of(row)))

    def top_entities(self, limit: int, type: str | None = None):
        return top_entities(self._db, limit, type)

    def find_entities(self, name: str):
        return find_entities(self._db, name)

    def articles_mentioning(self, entity_id: str):
        return articles_mentioning(self._db, entity_id)

    def quotes(self, by=None, about=None, limit: int | None = None, articles: Sequence[str] | None = None):
        return find_quotes(self._db, by, about, limit, articles)

    def events(self, entity=None, with_=None, type: str | None = None, limit: int | None = None,
               articles: Sequence[str] | None = None, statuses: Sequence[str] | None = None):
        return find_events(self._db, entity, with_, type, limit, articles, statuses)

    def sources_of(self, article_id: str) -> list[str]:
        rows = self._db.execute(
            "SELECT source FROM article_sources WHERE article_id = ? ORDER BY seen_at, source", (article_id,)
        )
        return [row["source"] for row in rows]

    def merge_entities(self, old: str, new: str, who: str) -> int:
        """Merge entity `old` into `new` as an analyst's correction (kept, listed, undoable, followed
        by later ingests); the correction's id."""
        with self._transaction():
            return corrected.merge(self._db, old, new, who)

    def rename_entity(self, entity_id: str, name: str, who: str) -> int:
        with self._transaction():
            return corrected.rename(self._db, entity_id, name, who)

    def unmention(self, article_id: str, start: int, end: int, who: str) -> int:
        """Take a mention that names no one out of its article, as a correction."""
        with self._transaction():
            return corrected.unmention(self._db, article_id, start, end, who)

    def split_entity(self, entity_id: str, alias: str, who: str) -> int:
        """Split the name `alias` off the entity into an entity of its own, as a correction."""
        with self._transaction():
            return corrected.split(self._db, entity_id, alias, who)

    def undo_correction(self, correction_id: int, who: str) -> None:
        with self._transaction():
            corrected.undo(self._db, correction_id, who)

    def corrections(self, limit: int = 200) -> list[Correction]:
        return corrected.corrections(self._db, limit)

    def stats(self) -> dict:
        one = lambda sql: self._db.execute(sql).fetchone()[0]
        counted, articles = self._columns.count(self._db)
        return {
            "database": self.location,
            "schema_version": one("PRAGMA user_version"),
            "articles": articles,
            "sources": one("SELECT count(*) FROM article_sources"),
            "outlets": len(counted["outlet"]),
            "entities": one("SELECT count(*) FROM entities"),
            # the linked ones as counted at every write, and the few that name no entity
            "mentions": one("SELECT (SELECT coalesce(sum(mentions), 0) FROM entity_counts) "
                            "+ (SELECT count(*) FROM mentions WHERE entity_id IS NULL)"),
            "quotes": one("SELECT count(*) FROM quotes"),
            "events": one("SELECT count(*) FROM events"),
            "stories": one("SELECT count(*) FROM stories"),
            "languages": _languages(counted["language"], articles),
            "first_published": one("SELECT min(published) FROM articles"),
            "last_published": one("SELECT max(published) FROM articles"),
        }

    def entity(self, entity_id: str) -> Entity | None:
        return stored_entity(self._db, entity_id)

    def entity_profile(self, entity_id: str, top: int = 20) -> Profile:
        return profile(self._db, entity_id, top)

    def entity_graph(self, entity_id: str, top: int = 20) -> Graph:
        return graph(self._db, entity_id, top)

    def outlets(self) -> list[tuple[str, int, str | None, str | None]]:
        return outlets(self._db)

    def outlet(self, outlet: str, top: int = 20) -> tuple[list[tuple[str, int]], list[tuple[str, str, str, int]]]:
        """The outlet's articles per month, and the entities it names most."""
        return outlet_months(self._db, outlet), outlet_entities(self._db, outlet, top)

    def article_refs(self, limit: int, offset: int = 0) -> list[sqlite3.Row]:
        """The latest stored articles' id, title, outlet, published, language, url and source, newest first."""
        return self._db.execute(
            "SELECT id, title, outlet, published, language, url, source FROM articles "
            "ORDER BY seq DESC LIMIT ? OFFSET ?", (limit, offset)).fetchall()

    def save_search(self, search: SavedSearch) -> bool:
        """Keep `search` under its name (replacing one of that name: then True)."""
        with self._transaction():
            return save_search(self._db, search, _now())

    def saved_searches(self, name: str | None = None) -> list[tuple[SavedSearch, str]]:
        return saved_searches(self._db, name)

    def delete_saved_search(self, name: str) -> bool:
        with self._transaction():
            return delete_saved_search(self._db, name)

    def close(self) -> None:
        self._db.close()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, traceback):
        self.close()
        if isinstance(exc, sqlite3.Error):
            raise sqlite_error(self._path, exc) from exc


def _unmakeable(folder: Path, error: OSError) -> str:
    """Why the store's folder could not be made: a file in the way, else what the system said."""
    for ancestor in (folder, *folder.parents):
        if ancestor.exists():
            return f"{ancestor} is not a folder" if not ancestor.is_dir() else error.strerror or str(error)
    return error.strerror or str(error)


class _Transaction:
    def __init__(self, db: sqlite3.Connection):
        self._db = db

    def __enter__(self):
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, traceback):
        self._db.execute("ROLLBACK" if exc_type else "COMMIT")


def _row_of(article: Article) -> tuple:
    """The article's columns (its mentions, quotes and events go to tables of their own)."""
    data = {column: getattr(article, column) for column in COLUMNS}
    data["authors"], data["cited"] = list(article.authors), list(article.cited)
    data["spans"] = [{"start": span.start, "end": span.end, "kind": span.kind} for span in article.spans]
    return tuple(json.dumps(data[c], ensure_ascii=False) if c in JSON_COLUMNS else data[c] for c in COLUMNS)


def _article_of(row: sqlite3.Row) -> Article:
    data = {column: row[column] for column in COLUMNS}
    for column in JSON_COLUMNS:
        data[column] = json.loads(data[column])
    return Article.from_dict(data)


def _statements(script: str) -> Iterator[str]:
    """The script's statements; a trigger's body, whose statements end in ";" too, stays whole."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip().rstrip(";").strip():
                yield pending
            pending = ""


def _languages(counted: list, articles: int) -> dict[str, int]:
    """Articles per language, most first; those of no language as "unknown"."""
    languages = {count.value: count.count for count in counted}
    if unknown := articles - sum(languages.values()):
        languages["unknown"] = unknown
    return dict(sorted(languages.items(), key=lambda item: -item[1]))


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
