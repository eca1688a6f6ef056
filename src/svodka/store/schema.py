"""Versioned schema migrations for the SQLite store: applied in order, each in its own transaction."""

MIGRATIONS: tuple[str, ...] = (
    # 1: articles and every source each was seen in
    """
    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        url TEXT,
        title TEXT,
        lead TEXT,
        authors TEXT NOT NULL,
        outlet TEXT,
        cited TEXT NOT NULL,
        published TEXT,
        language TEXT,
        spans TEXT NOT NULL,
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles (published);
    CREATE INDEX articles_outlet ON articles (outlet);
    CREATE TABLE article_sources (
        article_id TEXT NOT NULL REFERENCES articles (id),
        source TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (article_id, source)
    );
    """,
    # 2: entities, their aliases, and every mention of them
    """
    CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        wikidata TEXT,
        first_seen TEXT NOT NULL
    );
    CREATE INDEX entities_name ON entities (name);
    CREATE TABLE entity_aliases (
        entity_id TEXT NOT NULL REFERENCES entities (id),
        alias TEXT NOT NULL,
        PRIMARY KEY (entity_id, alias)
    );
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles (id),
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        type TEXT NOT NULL,
        normal TEXT NOT NULL,
        entity_id TEXT REFERENCES entities (id),
        kind TEXT NOT NULL,
        PRIMARY KEY (article_id, start, "end", kind)
    );
    CREATE INDEX mentions_entity ON mentions (entity_id);
    """,
)
