"""Every table of a store as Parquet files, for DuckDB, pandas, Polars or Spark.

One pass over the stored articles (in store order) writes articles, mentions, quotes and events a
batch at a time, so memory does not grow with the store (the entities seen so far are remembered by
id, one set the size of the entity table); stories follow from the store's story cards. Each file
is written under a temporary name and renamed when complete: a file that is there is whole.
`COLUMNS` documents every column; the README's table is checked against it."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..records import Article, StoryCard
from ..store import Store

RANGE = pa.struct([("start", pa.int64()), ("end", pa.int64())])
PARTICIPANT = pa.struct([("entity", pa.string()), ("role", pa.string())])
TEXT_LIST = pa.list_(pa.string())

COLUMNS: dict[str, list[tuple[str, pa.DataType, str]]] = {
    "articles": [
        ("id", pa.string(), "the article's id (a hash of its content)"),
        ("source", pa.string(), "where it was first read from: a path, URL or input name"),
        ("url", pa.string(), "its canonical URL, when known"),
        ("outlet", pa.string(), "the outlet that published it"),
        ("published", pa.string(), "publication date or time, ISO 8601 (null when undated)"),
        ("language", pa.string(), "ISO 639-1 code of its language"),
        ("category", pa.string(), "its topic category"),
        ("title", pa.string(), "headline"),
        ("lead", pa.string(), "lead paragraph"),
        ("authors", TEXT_LIST, "bylines"),
        ("cited", TEXT_LIST, "news agencies it cites (ТАСС, РИА Новости, …)"),
        ("story", pa.int64(), "the story it belongs to (stories.id; null if not clustered yet)"),
        ("text", pa.string(), "the whole text; every offset in the other tables points into it"),
    ],
    "mentions": [
        ("article_id", pa.string(), "articles.id"),
        ("start", pa.int64(), "first character of the mention in the article's text"),
        ("end", pa.int64(), "character after the mention"),
        ("text", pa.string(), "the mention as written (text[start:end])"),
        ("normal", pa.string(), "its nominative form"),
        ("type", pa.string(), "PER, LOC or ORG"),
        ("kind", pa.string(), "name, descriptor, adjective or byline"),
        ("entity_id", pa.string(), "entities.id (null when it was not linked)"),
    ],
    "entities": [
        ("id", pa.string(), "the entity's id"),
        ("type", pa.string(), "PER, LOC or ORG"),
        ("name", pa.string(), "its one canonical name"),
        ("aliases", TEXT_LIST, "other names it is known by"),
        ("wikidata", pa.string(), "Wikidata id (Q…), when known"),
    ],
    "quotes": [
        ("article_id", pa.string(), "articles.id"),
        ("ordinal", pa.int64(), "its place among the article's quotes"),
        ("start", pa.int64(), "first character of the quoted words"),
        ("end", pa.int64(), "character after them"),
        ("text", pa.string(), "the quoted words (for indirect speech, the reported clause)"),
        ("kind", pa.string(), "direct, indirect or mixed"),
        ("speaker", pa.string(), "entities.id of the speaker (null when not an entity)"),
        ("speaker_text", pa.string(), "who spoke, as written, when not an entity (\"эксперты\")"),
        ("speaker_start", pa.int64(), "the mention that names the speaker: start"),
        ("speaker_end", pa.int64(), "and end"),
        ("cue", pa.string(), "the verb of speech (\"заявил\")"),
        ("cue_start", pa.int64(), "the cue's start"),
        ("cue_end", pa.int64(), "and end"),
        ("addressee", pa.string(), "entities.id of whom it was said to, when stated"),
        ("notes", pa.list_(RANGE), "ranges inside the quote that are not the speaker's words (editor's notes, "
                                   "the attribution)"),
    ],
    "events": [
        ("article_id", pa.string(), "articles.id"),
        ("ordinal", pa.int64(), "its place among the article's events"),
        ("type", pa.string(), "meeting, call, visit, criticism, appointment, …"),
        ("cameo", pa.string(), "CAMEO event code (null where none fits)"),
        ("status", pa.string(), "happened, planned, negated or hypothetical"),
        ("participants", pa.list_(PARTICIPANT), "entities.id and role (initiator, counterpart, host, visitor, "
                                                "participant, target, appointee)"),
        ("place", pa.string(), "entities.id of where it happened"),
        ("date", pa.string(), "when: YYYY, YYYY-MM or YYYY-MM-DD"),
        ("date_precision", pa.string(), "day, month, year or unknown"),
        ("trigger", pa.string(), "the word that told of it"),
        ("evidence", pa.list_(RANGE), "the sentences that tell of it, as character ranges"),
        ("topics", TEXT_LIST, "what it was about"),
        ("format", pa.string(), "how it was held (in person, video, …), when stated"),
        ("duration", pa.string(), "how long, when stated"),
    ],
    "stories": [
        ("id", pa.int64(), "the story's id"),
        ("thread", pa.int64(), "the first story of the thread it continues (its own id when it starts one)"),
        ("title", pa.string(), "headline chosen from its articles"),
        ("summary", pa.string(), "extractive summary from several outlets"),
        ("category", pa.string(), "the category most of its articles have"),
        ("first_seen", pa.string(), "day of its earliest dated article (null when none is dated)"),
        ("last_seen", pa.string(), "day of its latest dated article"),
        ("articles", pa.int64(), "how many articles (articles.story = id)"),
        ("copies", pa.int64(), "how many of them are copies of another"),
        ("outlet_count", pa.int64(), "how many outlets"),
        ("score", pa.float64(), "its rank score when exported (recency counts)"),
        ("breaking", pa.bool_(), "whether it was breaking when exported"),
    ],
}
SCHEMAS = {table: pa.schema([(name, kind) for name, kind, _ in columns]) for table, columns in COLUMNS.items()}
BATCH = 1000


def export_parquet(store: Store, folder: Path, progress: Callable[[int], None] | None = None) -> dict[str, int]:
    """Write every table of `store` into `folder` as TABLE.parquet; the rows written per table."""
    folder.mkdir(parents=True, exist_ok=True)
    with _Tables(folder) as tables:
        seen_entities: set[str] = set()
        for batch in _batches(store.articles(), BATCH):
            stories = store.stories_of([article.id for article in batch])
            tables.write("articles", [_article_row(article, stories.get(article.id)) for article in batch])
            tables.write("mentions", [row for article in batch for row in _mention_rows(article)])
            tables.write("quotes", [row for article in batch for row in _quote_rows(article)])
            tables.write("events", [row for article in batch for row in _event_rows(article)])
            tables.write("entities", list(_new_entities(batch, seen_entities)))
            if progress:
                progress(len(batch))
        for cards in _batches(store.every_story_card(), BATCH):
            tables.write("stories", [_story_row(card) for card in cards])
        return tables.counts


class _Tables:
    """One Parquet writer per table, each under a temporary name until all are written."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.counts = {table: 0 for table in COLUMNS}
        self._writers = {table: pq.ParquetWriter(self._partial(table), SCHEMAS[table], compression="zstd")
                         for table in COLUMNS}

    def _partial(self, table: str) -> Path:
        return self.folder / f".{table}.parquet.partial"

    def write(self, table: str, rows: list[dict]) -> None:
        if rows:
            self._writers[table].write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[table]))
            self.counts[table] += len(rows)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, traceback):
        for writer in self._writers.values():
            writer.close()
        for table in COLUMNS:
            if exc_type is None:
                os.replace(self._partial(table), self.folder / f"{table}.parquet")
            else:
                self._partial(table).unlink(missing_ok=True)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _article_row(article: Article, story: int | None) -> dict:
    return {"id": article.id, "source": article.source, "url": article.url, "outlet": article.outlet,
            "published": article.published, "language": article.language, "category": article.category,
            "title": article.title, "lead": article.lead, "authors": list(article.authors),
            "cited": list(article.cited), "story": story, "text": article.text}


def _mention_rows(article: Article) -> Iterator[dict]:
    for mention in article.mentions:
        yield {"article_id": article.id, "start": mention.start, "end": mention.end,
               "text": article.text[mention.start:mention.end], "normal": mention.normal, "type": mention.type,
               "kind": mention.kind, "entity_id": mention.entity}


def _quote_rows(article: Article) -> Iterator[dict]:
    for ordinal, quote in enumerate(article.quotes):
        yield {"article_id": article.id, "ordinal": ordinal, **quote.to_dict()}


def _event_rows(article: Article) -> Iterator[dict]:
    for ordinal, event in enumerate(article.events):
        yield {"article_id": article.id, "ordinal": ordinal, **event.to_dict()}


def _new_entities(articles: list[Article], seen: set[str]) -> Iterator[dict]:
    for article in articles:
        for entity in article.entities:
            if entity.id not in seen:
                seen.add(entity.id)
                yield {"id": entity.id, "type": entity.type, "name": entity.name, "aliases": list(entity.aliases),
                       "wikidata": entity.wikidata}


def _story_row(card: StoryCard) -> dict:
    row = card.to_dict()
    del row["outlets"]
    return row
