"""Everything a store holds, to compare two stores made from the same inputs in different ways
(a crashed and re-run ingest, a serial and a distributed one)."""
import sqlite3

SNAPSHOT = {
    "articles": "SELECT id, source, url, title, lead, authors, outlet, cited, published, language, spans, text, "
                "category FROM articles",
    "sources": "SELECT article_id, source FROM article_sources",
    "entities": "SELECT id, type, name, wikidata FROM entities",
    "aliases": "SELECT entity_id, alias FROM entity_aliases",
    "mentions": 'SELECT article_id, start, "end", type, normal, entity_id, kind FROM mentions',
    "quotes": "SELECT * FROM quotes",
    "events": "SELECT * FROM events",
    "participants": "SELECT * FROM event_participants",
    "read before": "SELECT raw_key, article_id FROM raw_documents",
}


def snapshot(db_path) -> dict:
    """Everything the store holds, but ingest times and story numbers: stories as sets of articles."""
    with sqlite3.connect(db_path) as db:
        found = {name: sorted(map(repr, db.execute(query))) for name, query in SNAPSHOT.items()}
        members: dict[int, set] = {}
        for article, story in db.execute("SELECT article_id, story_id FROM story_members"):
            members.setdefault(story, set()).add(article)
        found["stories"] = sorted(sorted(group) for group in members.values())
        found["unclustered"] = db.execute(
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM story_members)").fetchone()[0]
    return found
