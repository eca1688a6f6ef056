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
)
