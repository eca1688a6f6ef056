"""Versioned schema migrations for the SQLite store: applied in order, each in its own transaction."""

SEARCH_SCHEMA = 8  # the migration that creates the search index

_COUNT_NEW = """
    INSERT INTO entity_counts (entity_id, type, mentions, articles)
        SELECT id, type, 1, 1 FROM entities WHERE id = NEW.entity_id
        ON CONFLICT (entity_id) DO UPDATE SET mentions = mentions + 1, articles = articles + NOT EXISTS (
            SELECT 1 FROM mentions WHERE entity_id = NEW.entity_id AND article_id = NEW.article_id
            AND rowid != NEW.rowid);"""
"""A mention of an entity (none when entity_id is NULL) counts once, and its article once unless
another mention of the entity in it counted it already."""
_UNCOUNT_OLD = """
    UPDATE entity_counts SET mentions = mentions - 1, articles = articles - NOT EXISTS (
        SELECT 1 FROM mentions WHERE entity_id = OLD.entity_id AND article_id = OLD.article_id)
        WHERE entity_id = OLD.entity_id;
    DELETE FROM entity_counts WHERE entity_id = OLD.entity_id AND mentions = 0;"""

_LIST_NEW_V11 = """
    INSERT OR IGNORE INTO article_entities (article_id, entity_id)
        SELECT NEW.article_id, NEW.entity_id WHERE NEW.entity_id IS NOT NULL;"""
_LIST_NEW = """
    INSERT OR IGNORE INTO article_entities (article_id, entity_id, seq, at)
        SELECT NEW.article_id, NEW.entity_id, c.seq, c.at FROM articles a JOIN article_cards c ON c.seq = a.seq
        WHERE a.id = NEW.article_id AND NEW.entity_id IS NOT NULL;"""
_UNLIST_OLD = """
    DELETE FROM article_entities WHERE article_id = OLD.article_id AND entity_id = OLD.entity_id
        AND NOT EXISTS (SELECT 1 FROM mentions WHERE article_id = OLD.article_id AND entity_id = OLD.entity_id);"""

_DAY_OF_NEW = "SELECT substr(c.at, 1, 10) FROM articles a JOIN article_cards c ON c.seq = a.seq WHERE a.id = NEW.article_id"
_DAY_OF_OLD = "SELECT substr(c.at, 1, 10) FROM articles a JOIN article_cards c ON c.seq = a.seq WHERE a.id = OLD.article_id"
_DAY_NEW = f"""
    INSERT INTO entity_days (entity_id, day, mentions) SELECT NEW.entity_id, ({_DAY_OF_NEW}), 1
        WHERE NEW.entity_id IS NOT NULL ON CONFLICT (entity_id, day) DO UPDATE SET mentions = mentions + 1;"""
_UNDAY_OLD = f"""
    UPDATE entity_days SET mentions = mentions - 1 WHERE entity_id = OLD.entity_id AND day = ({_DAY_OF_OLD});
    DELETE FROM entity_days WHERE entity_id = OLD.entity_id AND mentions = 0;"""

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
    # 3: quotes and events, keyed by their article and their place in it (ordinal). Entity ids are
    # not foreign keys: a speaker or participant need not be one of the stored entities.
    """
    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles (id),
        ordinal INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        speaker_id TEXT,
        speaker_text TEXT,
        speaker_start INTEGER,
        speaker_end INTEGER,
        cue TEXT,
        cue_start INTEGER,
        cue_end INTEGER,
        addressee_id TEXT,
        notes TEXT NOT NULL,
        PRIMARY KEY (article_id, ordinal)
    );
    CREATE INDEX quotes_speaker ON quotes (speaker_id);
    CREATE INDEX quotes_addressee ON quotes (addressee_id);
    CREATE TABLE events (
        article_id TEXT NOT NULL REFERENCES articles (id),
        ordinal INTEGER NOT NULL,
        type TEXT NOT NULL,
        cameo TEXT NOT NULL,
        trigger TEXT NOT NULL,
        place_id TEXT,
        date TEXT,
        date_precision TEXT NOT NULL,
        format TEXT,
        duration TEXT,
        PRIMARY KEY (article_id, ordinal)
    );
    CREATE INDEX events_type ON events (type);
    CREATE INDEX events_date ON events (date);
    CREATE INDEX events_place ON events (place_id);
    CREATE TABLE event_participants (
        article_id TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        position INTEGER NOT NULL,
        entity_id TEXT NOT NULL,
        role TEXT NOT NULL,
        PRIMARY KEY (article_id, ordinal, position),
        FOREIGN KEY (article_id, ordinal) REFERENCES events (article_id, ordinal)
    );
    CREATE INDEX event_participants_entity ON event_participants (entity_id);
    CREATE TABLE event_evidence (
        article_id TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        position INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        PRIMARY KEY (article_id, ordinal, position),
        FOREIGN KEY (article_id, ordinal) REFERENCES events (article_id, ordinal)
    );
    CREATE TABLE event_topics (
        article_id TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        position INTEGER NOT NULL,
        topic TEXT NOT NULL,
        PRIMARY KEY (article_id, ordinal, position),
        FOREIGN KEY (article_id, ordinal) REFERENCES events (article_id, ordinal)
    );
    CREATE INDEX event_topics_topic ON event_topics (topic);
    """,
    # 4: stories, and each article's category. Every article is a member of one story (a copy names the article it copies);
    # story_keys finds the stories active on a day that share a term with an article, lsh_bands the
    # articles that share a MinHash band; term_counts holds document frequencies for tf-idf.
    """
    ALTER TABLE articles ADD COLUMN category TEXT;
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        thread_id INTEGER NOT NULL,
        first_day INTEGER NOT NULL,
        last_day INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        outlets INTEGER NOT NULL,
        centroid TEXT NOT NULL,
        happening TEXT
    );
    CREATE INDEX stories_last_day ON stories (last_day);
    CREATE INDEX stories_thread ON stories (thread_id);
    CREATE TABLE story_members (
        article_id TEXT PRIMARY KEY REFERENCES articles (id),
        story_id INTEGER NOT NULL REFERENCES stories (id),
        duplicate_of TEXT REFERENCES articles (id),
        category TEXT NOT NULL,
        similarity REAL NOT NULL,
        day INTEGER NOT NULL,
        signature BLOB NOT NULL
    );
    CREATE INDEX story_members_story ON story_members (story_id, day);
    CREATE TABLE story_keys (
        key TEXT NOT NULL,
        day INTEGER NOT NULL,
        story_id INTEGER NOT NULL REFERENCES stories (id),
        PRIMARY KEY (key, day, story_id)
    ) WITHOUT ROWID;
    CREATE TABLE lsh_bands (
        band INTEGER NOT NULL,
        day INTEGER NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles (id),
        PRIMARY KEY (band, day, article_id)
    ) WITHOUT ROWID;
    CREATE TABLE term_counts (
        term TEXT PRIMARY KEY,
        documents INTEGER NOT NULL
    ) WITHOUT ROWID;
    """,
    # 5: an article with no date is undated, not of the day it was clustered: its day is 0 (no date
    # ordinal is) in story_members and lsh_bands; a story's first and last day are those of its dated
    # members (0 when none is), and its keys are indexed under day 0 as well when it has undated
    # members (only there when it has no dated one). A story of undated articles opens no thread: a
    # thread it opened goes on from its earliest dated story. A story's outlets are its articles'
    # outlets, never their source paths. Stories already formed are kept as they are.
    """
    UPDATE story_members SET day = 0
        WHERE article_id IN (SELECT id FROM articles WHERE date(substr(published, 1, 10)) IS NULL);
    UPDATE lsh_bands SET day = 0 WHERE article_id IN (SELECT article_id FROM story_members WHERE day = 0);
    UPDATE stories SET
        first_day = coalesce((SELECT min(day) FROM story_members m WHERE m.story_id = stories.id AND m.day != 0), 0),
        last_day = coalesce((SELECT max(day) FROM story_members m WHERE m.story_id = stories.id AND m.day != 0), 0);
    INSERT OR IGNORE INTO story_keys (key, day, story_id)
        SELECT DISTINCT key, 0, story_id FROM story_keys
        WHERE story_id IN (SELECT story_id FROM story_members WHERE day = 0);
    DELETE FROM story_keys WHERE day != 0 AND story_id IN (SELECT id FROM stories WHERE first_day = 0);
    CREATE TEMP TABLE undated_threads AS
        SELECT thread_id AS old, min(id) AS new FROM stories
        WHERE first_day != 0 AND thread_id IN (SELECT id FROM stories WHERE first_day = 0) GROUP BY thread_id;
    UPDATE stories SET thread_id = (SELECT new FROM undated_threads WHERE old = stories.thread_id)
        WHERE first_day != 0 AND thread_id IN (SELECT old FROM undated_threads);
    UPDATE stories SET thread_id = id WHERE first_day = 0;
    DROP TABLE undated_threads;
    UPDATE stories SET outlets = (SELECT count(DISTINCT nullif(a.outlet, '')) FROM story_members m
        JOIN articles a ON a.id = m.article_id WHERE m.story_id = stories.id);
    """,
    # 6: the fingerprint of every document as it was read (its text and metadata) and the article it
    # became, so that reading the same document again costs no cleaning at all.
    """
    CREATE TABLE raw_documents (
        raw_key TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id)
    ) WITHOUT ROWID;
    """,
    # 7: whether an event happened, is planned, negated or hypothetical (events extracted before
    # this were all taken for happened, and are kept so).
    """
    ALTER TABLE events ADD COLUMN status TEXT NOT NULL DEFAULT 'happened';
    CREATE INDEX events_status ON events (status);
    """,
    # 8: the search index: lemmas of each article's title, lead and body (FTS5, rowid = articles.seq).
    # A store of an older schema is indexed right after this migration (SQLiteStore._migrate).
    """
    CREATE VIRTUAL TABLE search_index USING fts5(title, lead, body, content='', tokenize='unicode61 remove_diacritics 0');
    """,
    # 9: listings answer from indexes. Each alias is stored with the keys find_entities looks it up
    # by (its casefolded form, and its last word as lookup.name_matches folds it), filled here for the
    # aliases stored before by functions the store registers (sqlite.KEY_FUNCTIONS). An article id
    # prefix is looked up case-insensitively, as LIKE compares, through an index of that collation.
    # entity_counts holds each entity's mentions and the articles they are in, kept by triggers on
    # every write to mentions (a merge of two entities moves mentions by UPDATE), so the most
    # mentioned entities are read from an index instead of counted over every mention. An event keeps
    # the day it is listed by (its date, else its article's publication day) and its article's seq,
    # so the latest events (of a type) are read in order from an index instead of sorted.
    f"""
    ALTER TABLE entity_aliases ADD COLUMN folded TEXT;
    ALTER TABLE entity_aliases ADD COLUMN last_word TEXT;
    UPDATE entity_aliases SET folded = svodka_casefold(alias), last_word = svodka_last_word(alias);
    CREATE INDEX entity_aliases_folded ON entity_aliases (folded);
    CREATE INDEX entity_aliases_last_word ON entity_aliases (last_word);
    CREATE INDEX articles_id_nocase ON articles (id COLLATE NOCASE);
    CREATE INDEX articles_language ON articles (language);
    DROP INDEX mentions_entity;
    CREATE INDEX mentions_entity ON mentions (entity_id, article_id);
    CREATE TABLE entity_counts (
        entity_id TEXT PRIMARY KEY REFERENCES entities (id),
        type TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        articles INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX entity_counts_rank ON entity_counts (mentions DESC, articles DESC, entity_id);
    CREATE INDEX entity_counts_type_rank ON entity_counts (type, mentions DESC, articles DESC, entity_id);
    INSERT INTO entity_counts (entity_id, type, mentions, articles)
        SELECT m.entity_id, e.type, count(*), count(DISTINCT m.article_id) FROM mentions m
        JOIN entities e ON e.id = m.entity_id GROUP BY m.entity_id;
    ALTER TABLE events ADD COLUMN day TEXT;
    ALTER TABLE events ADD COLUMN article_seq INTEGER;
    UPDATE events SET (day, article_seq) = (SELECT coalesce(events.date, substr(a.published, 1, 10)), a.seq
        FROM articles a WHERE a.id = events.article_id);
    CREATE INDEX events_latest ON events (day, article_seq, ordinal);
    CREATE INDEX events_type_latest ON events (type, day, article_seq, ordinal);
    DROP INDEX events_type;
        CREATE TRIGGER mention_counted AFTER INSERT ON mentions BEGIN {_COUNT_NEW} END;
    CREATE TRIGGER mention_uncounted AFTER DELETE ON mentions BEGIN {_UNCOUNT_OLD} END;
    CREATE TRIGGER mention_recounted AFTER UPDATE OF entity_id ON mentions BEGIN {_UNCOUNT_OLD} {_COUNT_NEW} END;
    """,
    # 10: saved searches (a query and its filters, or a watchlist, as JSON), read back as feeds; and the
    # order of articles by date (published, or ingested where undated) that searches without words
    # and date ranges read from.
    """
    CREATE TABLE saved_searches (
        name TEXT PRIMARY KEY,
        search TEXT NOT NULL,
        saved_at TEXT NOT NULL
    );
    CREATE INDEX articles_when ON articles (coalesce(published, ingested_at));
    """,
    # 11: the entities each article mentions, once each, kept by triggers on every write to mentions
    # (a merge moves mentions by UPDATE): search facets and an entity's neighbours count entities per
    # article from here, a fifth of the rows of its mentions.
    f"""
    CREATE TABLE article_entities (
        article_id TEXT NOT NULL REFERENCES articles (id),
        entity_id TEXT NOT NULL,
        PRIMARY KEY (article_id, entity_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_entities_entity ON article_entities (entity_id, article_id);
    INSERT OR IGNORE INTO article_entities (article_id, entity_id)
        SELECT DISTINCT article_id, entity_id FROM mentions WHERE entity_id IS NOT NULL;
    CREATE TRIGGER mention_listed AFTER INSERT ON mentions WHEN NEW.entity_id IS NOT NULL BEGIN {_LIST_NEW_V11} END;
    CREATE TRIGGER mention_unlisted AFTER DELETE ON mentions WHEN OLD.entity_id IS NOT NULL BEGIN {_UNLIST_OLD} END;
    CREATE TRIGGER mention_relisted AFTER UPDATE OF entity_id ON mentions BEGIN {_UNLIST_OLD} {_LIST_NEW_V11} END;
    """,
    # 12: each story's headline and summary as last chosen, with the membership they were chosen
    # from (`version`): a listing summarises a story again only when its articles have changed.
    """
    CREATE TABLE story_views (
        story_id INTEGER PRIMARY KEY REFERENCES stories (id),
        version TEXT NOT NULL,
        title TEXT,
        summary TEXT NOT NULL,
        sources TEXT NOT NULL
    );
    """,
    # 13: narrow copies for reading many articles at once. `article_cards` holds what searches filter,
    # sort and count by (when: published, or ingested where undated; outlet; language) in rows of a
    # few dozen bytes, where a row of `articles` carries the whole text; `article_entities` gains the
    # article's seq and when, so that an entity's articles in a date range are one range of its index,
    # in date order.
    f"""
    CREATE TABLE article_cards (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        at TEXT NOT NULL,
        outlet TEXT,
        language TEXT
    );
    INSERT INTO article_cards (seq, id, at, outlet, language)
        SELECT seq, id, coalesce(published, ingested_at), outlet, language FROM articles;
    CREATE INDEX article_cards_at ON article_cards (at, seq);
    CREATE INDEX article_cards_outlet ON article_cards (outlet, at, seq);
    CREATE TRIGGER article_carded AFTER INSERT ON articles BEGIN
        INSERT INTO article_cards (seq, id, at, outlet, language)
            VALUES (NEW.seq, NEW.id, coalesce(NEW.published, NEW.ingested_at), NEW.outlet, NEW.language);
    END;
    CREATE TRIGGER article_uncarded AFTER DELETE ON articles BEGIN
        DELETE FROM article_cards WHERE seq = OLD.seq;
    END;
    DROP TRIGGER mention_listed;
    DROP TRIGGER mention_unlisted;
    DROP TRIGGER mention_relisted;
    CREATE TABLE article_entities_dated (
        article_id TEXT NOT NULL REFERENCES articles (id),
        entity_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (article_id, entity_id)
    ) WITHOUT ROWID;
    INSERT INTO article_entities_dated (article_id, entity_id, seq, at)
        SELECT e.article_id, e.entity_id, c.seq, c.at FROM article_entities e
        JOIN articles a ON a.id = e.article_id JOIN article_cards c ON c.seq = a.seq;
    DROP TABLE article_entities;
    ALTER TABLE article_entities_dated RENAME TO article_entities;
    CREATE INDEX article_entities_entity ON article_entities (entity_id, at, seq);
    CREATE TRIGGER article_recarded AFTER UPDATE OF published, ingested_at, outlet, language ON articles BEGIN
        UPDATE article_cards SET at = coalesce(NEW.published, NEW.ingested_at), outlet = NEW.outlet,
            language = NEW.language WHERE seq = NEW.seq;
        UPDATE article_entities SET at = coalesce(NEW.published, NEW.ingested_at) WHERE article_id = NEW.id;
    END;
    CREATE TRIGGER mention_listed AFTER INSERT ON mentions WHEN NEW.entity_id IS NOT NULL BEGIN {_LIST_NEW} END;
    CREATE TRIGGER mention_unlisted AFTER DELETE ON mentions WHEN OLD.entity_id IS NOT NULL BEGIN {_UNLIST_OLD} END;
    CREATE TRIGGER mention_relisted AFTER UPDATE OF entity_id ON mentions BEGIN {_UNLIST_OLD} {_LIST_NEW} END;
    """,
    # 14: an entity's events in date order: each participant row carries its event's day and
    # article seq (as events_latest orders them), and places are indexed the same way, so that the
    # latest events of an entity are the first rows of its index instead of all of them sorted.
    """
    ALTER TABLE event_participants ADD COLUMN day TEXT;
    ALTER TABLE event_participants ADD COLUMN article_seq INTEGER;
    UPDATE event_participants SET (day, article_seq) = (SELECT e.day, e.article_seq FROM events e
        WHERE e.article_id = event_participants.article_id AND e.ordinal = event_participants.ordinal);
    CREATE INDEX event_participants_latest ON event_participants (entity_id, day, article_seq, ordinal);
    DROP INDEX event_participants_entity;
    CREATE INDEX events_place_latest ON events (place_id, day, article_seq, ordinal);
    DROP INDEX events_place;
    """,
    # 15: the bylines among mentions, by article: a story's entities are counted per article from
    # article_entities, less the authors an article names only in its byline.
    """
    CREATE INDEX mentions_byline ON mentions (article_id, entity_id) WHERE kind = 'byline';
    """,
    # 16: each entity's mentions per day (when its article was published, or ingested where undated),
    # kept by triggers on every write to mentions: an entity's profile reads its days from here, not
    # every mention of it.
    f"""
    CREATE TABLE entity_days (
        entity_id TEXT NOT NULL,
        day TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (entity_id, day)
    ) WITHOUT ROWID;
    INSERT INTO entity_days (entity_id, day, mentions)
        SELECT m.entity_id, substr(c.at, 1, 10), count(*) FROM mentions m JOIN articles a ON a.id = m.article_id
        JOIN article_cards c ON c.seq = a.seq WHERE m.entity_id IS NOT NULL GROUP BY 1, 2;
    CREATE TRIGGER mention_dayed AFTER INSERT ON mentions WHEN NEW.entity_id IS NOT NULL BEGIN {_DAY_NEW} END;
    CREATE TRIGGER mention_undayed AFTER DELETE ON mentions WHEN OLD.entity_id IS NOT NULL BEGIN {_UNDAY_OLD} END;
    CREATE TRIGGER mention_redayed AFTER UPDATE OF entity_id ON mentions BEGIN
        {_UNDAY_OLD.replace("WHERE entity_id = OLD.entity_id AND day", "WHERE OLD.entity_id IS NOT NULL AND entity_id = OLD.entity_id AND day")}
        {_DAY_NEW}
    END;
    """,
    # 17: corrections an analyst made (store/corrections.py): each with who made it and when, the
    # rows it changed (to undo it exactly), and for a merge (a split) the redirect (the rule) every
    # later ingest follows.
    """
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        target TEXT NOT NULL,
        value TEXT NOT NULL,
        who TEXT NOT NULL,
        at TEXT NOT NULL,
        saved TEXT NOT NULL,
        undone_at TEXT,
        undone_by TEXT
    );
    CREATE TABLE correction_rows (
        correction_id INTEGER NOT NULL REFERENCES corrections (id),
        table_name TEXT NOT NULL,
        column_name TEXT NOT NULL,
        key TEXT NOT NULL
    );
    CREATE INDEX correction_rows_correction ON correction_rows (correction_id, table_name);
    CREATE TABLE entity_redirects (
        old TEXT PRIMARY KEY,
        new TEXT NOT NULL,
        correction_id INTEGER NOT NULL REFERENCES corrections (id)
    );
    CREATE TABLE entity_splits (
        entity_id TEXT NOT NULL,
        folded TEXT NOT NULL,
        new TEXT NOT NULL,
        correction_id INTEGER NOT NULL REFERENCES corrections (id),
        PRIMARY KEY (entity_id, folded)
    );
    """,
)
