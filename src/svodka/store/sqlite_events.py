"""Quotes and events in the SQLite store: written with their article, read back onto it, and
looked up by speaker, by the entity a quote is about, by participant and by type."""
from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence

from ..records import Article, Entity, Event, Participant, Quote, Range
from .base import ArticleRef, EntityIds, FoundEvent, FoundQuote

QUOTE_COLUMNS = ('ordinal, start, "end", text, kind, speaker_id, speaker_text, speaker_start, speaker_end, '
                 "cue, cue_start, cue_end, addressee_id, notes")
EVENT_COLUMNS = "ordinal, type, cameo, trigger, place_id, date, date_precision, format, duration, status"
ARTICLE_REF = "a.id, a.title, a.published, a.outlet, a.source, a.url"
CHUNK = 500


def save_events(db: sqlite3.Connection, article: Article) -> None:
    """Write the article's quotes and events; the caller writes them once per article."""
    db.executemany(
        f"INSERT INTO quotes (article_id, {QUOTE_COLUMNS}) VALUES ({', '.join('?' * 15)})",
        [(article.id, ordinal, *_quote_row(quote)) for ordinal, quote in enumerate(article.quotes)],
    )
    for ordinal, event in enumerate(article.events):
        # The day it is listed by and its article's seq are the article's as stored (ordered by events_latest).
        db.execute(f"INSERT INTO events (article_id, {EVENT_COLUMNS}, day, article_seq) "
                   f"SELECT {', '.join('?' * 11)}, coalesce(?, substr(published, 1, 10)), seq FROM articles WHERE id = ?",
                   (article.id, ordinal, event.type, event.cameo or "", event.trigger, event.place, event.date,
                    event.date_precision, event.format, event.duration, event.status, event.date, article.id))
        db.executemany("INSERT INTO event_participants (article_id, ordinal, position, entity_id, role, day, article_seq) "
                       "SELECT ?, ?, ?, ?, ?, day, article_seq FROM events WHERE article_id = ? AND ordinal = ?",
                       [(article.id, ordinal, n, p.entity, p.role, article.id, ordinal)
                        for n, p in enumerate(event.participants)])
        db.executemany('INSERT INTO event_evidence (article_id, ordinal, position, start, "end") '
                       "VALUES (?, ?, ?, ?, ?)",
                       [(article.id, ordinal, n, r.start, r.end) for n, r in enumerate(event.evidence)])
        db.executemany("INSERT INTO event_topics (article_id, ordinal, position, topic) VALUES (?, ?, ?, ?)",
                       [(article.id, ordinal, n, topic) for n, topic in enumerate(event.topics)])


def lacks_events(db: sqlite3.Connection, article: Article) -> bool:
    """True when the stored copy of `article` (same text) has no quotes or events yet while
    `article` has some: stored before they were extracted, so they can be added now."""
    if not (article.quotes or article.events):
        return False
    stored = db.execute("SELECT text FROM articles WHERE id = ?", (article.id,)).fetchone()
    return stored is not None and stored[0] == article.text and not db.execute(
        "SELECT EXISTS (SELECT 1 FROM quotes WHERE article_id = ?) OR EXISTS "
        "(SELECT 1 FROM events WHERE article_id = ?)", (article.id, article.id)).fetchone()[0]


def _quote_row(quote: Quote) -> tuple:
    notes = json.dumps([[note.start, note.end] for note in quote.notes])
    return (quote.start, quote.end, quote.text, quote.kind, quote.speaker, quote.speaker_text,
            quote.speaker_start, quote.speaker_end, quote.cue, quote.cue_start, quote.cue_end,
            quote.addressee, notes)


def with_events(db: sqlite3.Connection, article: Article) -> Article:
    return article.with_(quotes=tuple(stored_quotes(db, article.id)), events=tuple(stored_events(db, article.id)))


def stored_quotes(db: sqlite3.Connection, article_id: str) -> list[Quote]:
    rows = db.execute(f"SELECT {QUOTE_COLUMNS} FROM quotes WHERE article_id = ? ORDER BY ordinal", (article_id,))
    return [_quote_of(row) for row in rows]


def _quote_of(row: Sequence) -> Quote:
    notes = tuple(Range(start, end) for start, end in json.loads(row[13]))
    return Quote(*row[1:13], notes=notes)


def stored_events(db: sqlite3.Connection, article_id: str) -> list[Event]:
    participants, evidence, topics = defaultdict(list), defaultdict(list), defaultdict(list)
    for ordinal, entity_id, role in db.execute(
            "SELECT ordinal, entity_id, role FROM event_participants WHERE article_id = ? "
            "ORDER BY ordinal, position", (article_id,)):
        participants[ordinal].append(Participant(entity_id, role))
    for ordinal, start, end in db.execute(
            'SELECT ordinal, start, "end" FROM event_evidence WHERE article_id = ? ORDER BY ordinal, position',
            (article_id,)):
        evidence[ordinal].append(Range(start, end))
    for ordinal, topic in db.execute(
            "SELECT ordinal, topic FROM event_topics WHERE article_id = ? ORDER BY ordinal, position", (article_id,)):
        topics[ordinal].append(topic)
    rows = db.execute(f"SELECT {EVENT_COLUMNS} FROM events WHERE article_id = ? ORDER BY ordinal", (article_id,))
    return [Event(type, cameo or None, tuple(participants[n]), tuple(evidence[n]), trigger, place, date, precision,
                  tuple(topics[n]), format, duration, status)
            for n, type, cameo, trigger, place, date, precision, format, duration, status in rows]


def _ids(ids: EntityIds) -> tuple[str, ...] | None:
    if ids is None:
        return None
    return (ids,) if isinstance(ids, str) else tuple(ids)


def _in(column: str, ids: tuple[str, ...]) -> str:
    """`column IN (?, ?, …)` with one placeholder per id (an empty list matches nothing)."""
    return f"{column} IN ({', '.join('?' * len(ids))})"


def _in_articles(alias: str, articles: Sequence[str] | None) -> tuple[list[str], list]:
    """The WHERE part keeping rows of these articles (none when `articles` is None)."""
    if articles is None:
        return [], []
    return [_in(f"{alias}.article_id", tuple(articles))], list(articles)


def find_quotes(db: sqlite3.Connection, by: EntityIds = None, about: EntityIds = None,
                limit: int | None = None, articles: Sequence[str] | None = None) -> list[FoundQuote]:
    """Quotes newest first (by when their article was published, or ingested where undated): said by
    one of `by`, mentioning one of `about` within the quote, of `articles`; the last `limit`, oldest first."""
    by, about = _ids(by), _ids(about)
    where, params = _in_articles("q", articles)
    if by is not None:
        where.append(_in("q.speaker_id", by))
        params += by
    if about is None:
        source = "quotes q JOIN articles a ON a.id = q.article_id JOIN article_cards c ON c.seq = a.seq"
    else:  # the entity's articles newest first from its index, then their quotes that name it
        source = ("article_entities c CROSS JOIN quotes q ON q.article_id = c.article_id "
                  "JOIN articles a ON a.id = q.article_id")
        where = [_in("c.entity_id", about), *where,
                 "EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = q.article_id AND "
                 f'{_in("m.entity_id", about)} AND m.start >= q.start AND m."end" <= q."end")']
        params = [*about, *params, *about]
    rows = db.execute(
        f"SELECT {', '.join('q.' + c.strip() for c in QUOTE_COLUMNS.split(','))}, {ARTICLE_REF}, s.name "
        f"FROM {source} LEFT JOIN entities s ON s.id = q.speaker_id "
        f"WHERE {' AND '.join(where) or '1'} ORDER BY c.at DESC, c.seq DESC, q.ordinal DESC LIMIT ?",
        (*params, -1 if limit is None else limit),
    ).fetchall()
    return [FoundQuote(_quote_of(row[:14]), row[0], ArticleRef(*row[14:20]), row[20]) for row in reversed(rows)]


def find_events(db: sqlite3.Connection, entity: EntityIds = None, with_: EntityIds = None,
                type: str | None = None, limit: int | None = None,
                articles: Sequence[str] | None = None, statuses: Sequence[str] | None = None) -> list[FoundEvent]:
    entity, with_ = _ids(entity), _ids(with_)
    where, params = _in_articles("e", articles)
    # Status, and type where an entity is given, are only checked on the events found otherwise (a
    # unary + keeps SQLite off their indexes, which would list most of the events).
    if statuses is not None:
        where.append(_in("+e.status", tuple(statuses)))
        params += list(statuses)
    if with_ is not None:
        where.append("(e.article_id, e.ordinal) IN (SELECT article_id, ordinal FROM event_participants "
                     f"WHERE {_in('entity_id', with_)})")
        params += with_
    if type is not None:
        where.append("+e.type = ?" if entity is not None or with_ is not None else "e.type = ?")
        params.append(type)
    if entity is None:
        rows = _latest(db, "events e", "e", where, params, limit)
    else:
        rows = _latest_of_entity(db, entity, where, params, limit)
    return _found_events(db, [row[2:] for row in reversed(rows)])


def _latest_of_entity(db: sqlite3.Connection, entity: tuple[str, ...], where: list[str], params: list,
                      limit: int | None) -> list[Sequence]:
    """The entity's latest events, as participant or as place, each once: read newest first from
    both indexes (event_participants_latest, events_place_latest) and merged. An event the entity
    takes part in twice is read twice, so a page cut short by that is read again, longer."""
    wanted = limit
    while True:
        parts = [_latest(db, "event_participants k CROSS JOIN events e ON e.article_id = k.article_id "
                             "AND e.ordinal = k.ordinal", "k", [_in("k.entity_id", entity), *where],
                         [*entity, *params], wanted),
                 _latest(db, "events e", "e", [_in("e.place_id", entity), *where], [*entity, *params], wanted)]
        read = sorted([*parts[0], *parts[1]], key=lambda row: (row[0] is not None, row[0] or "", row[1], row[3]),
                      reverse=True)
        rows = list({(row[2], row[3]): row for row in read}.values())  # the first of each event, in order
        if wanted is None or len(rows) >= wanted or all(len(part) < wanted for part in parts):
            return rows[:limit]
        wanted *= 2


def _latest(db: sqlite3.Connection, source: str, ordered_by: str, where: list[str], params: list,
            limit: int | None) -> list[Sequence]:
    """Events newest first (by day, article seq and ordinal as the table `ordered_by` holds them):
    each row their day, article seq, article id, ordinal, article and evidence."""
    order = ", ".join(f"{ordered_by}.{column} DESC" for column in ("day", "article_seq", "ordinal"))
    return db.execute(
        f"SELECT e.day, e.article_seq, e.article_id, e.ordinal, {ARTICLE_REF}, "
        f"substr(a.text, v.start + 1, v.\"end\" - v.start) FROM {source} JOIN articles a ON a.id = e.article_id "
        "LEFT JOIN event_evidence v ON v.article_id = e.article_id AND v.ordinal = e.ordinal AND v.position = 0 "
        f"WHERE {' AND '.join(where) or '1'} ORDER BY {order} LIMIT ?",
        (*params, -1 if limit is None else limit)).fetchall()


def _found_events(db: sqlite3.Connection, rows: list[Sequence]) -> list[FoundEvent]:
    events = {article_id: stored_events(db, article_id) for article_id in dict.fromkeys(row[0] for row in rows)}
    wanted = {id for found in events.values() for event in found
              for id in (event.place, *(p.entity for p in event.participants)) if id}
    entities = entities_by_id(db, wanted)
    found = []
    for article_id, ordinal, *ref, evidence in rows:
        event = events[article_id][ordinal]
        ids = dict.fromkeys([event.place, *(p.entity for p in event.participants)])
        found.append(FoundEvent(event, ordinal, ArticleRef(*ref), tuple(entities[id] for id in ids if id in entities),
                                evidence))
    return found


def entities_by_id(db: sqlite3.Connection, ids: Iterable[str]) -> dict[str, Entity]:
    """Id, type, name and Wikidata id (no aliases) of each stored entity among `ids`."""
    ids, found = list(ids), {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        for id, type, name, wikidata in db.execute(
                f"SELECT id, type, name, wikidata FROM entities WHERE {_in('id', tuple(chunk))}", chunk):
            found[id] = Entity(id, type, name, (), wikidata)
    return found
