"""The SQLite schema of the corpus store, as small versioned migrations.

Each migration is a function decorated with :func:`migration`; :func:`migrate` applies, in
order, those not yet recorded in the ``schema_migrations`` table, each in its own transaction.
Add a new function with the next number to change the schema; never edit an applied one.

Layout (one row per thing; character offsets are into ``articles.text``, the clean body):

- ``articles``: one analysed document's metadata. ``hash`` (sha1 of the document as received)
  makes ingest idempotent; ``doc_id`` is the record's id; ``cluster_id`` is its story cluster
  (``clusters.id``).
- ``article_texts``: the clean ``text`` (offsets point here), and zlib-compressed ``raw`` input
  and ``record`` JSON (without its text): read them with :meth:`naba.store.db.Store.record`,
  ``.text`` and ``.raw``. Kept apart so that queries over metadata never touch the bodies.
- ``articles_fts``: FTS5, contentless, rowid = ``articles.id``. Columns: ``norm`` (every token
  in :func:`naba.arabic.normalize.normalize` form, title first), ``base`` (the same tokens with
  a glued proclitic stripped, :func:`naba.arabic.tokenize.strip_prefix`, same positions, for
  phrase queries) and ``alt`` (the other plausible clitic splits, a bag of words).
- ``entities`` (corpus-wide, stable ``key``: a knowledge-base link when the record gives one,
  else the record's corpus-wide id in one of naba's forms (``per:<hex>``, ``geo:170654``;
  :mod:`.keys`, since migration 4, which re-keyed and merged older stores: :mod:`.rekey`), else
  ``TYPE|normalized name``), ``aliases`` and ``roles`` (surface forms and titles seen, with
  a count), ``mentions`` (per article, ``entity_id`` into ``entities``).
- ``statements``, ``events``, ``times``: one row per record item, spans flattened to
  ``<name>_start``/``<name>_end``/``<name>_text``; anything beyond the contract is in ``attrs``.
- ``failures``: documents that could not be analysed (``code`` from :mod:`naba.errors`), keyed by
  ``hash`` too, so a rerun skips them as well.
- ``article_index``: per article, its MinHash signature (uint32 little-endian, for clustering)
  and the terms given to ``articles_fts`` (compressed; a contentless FTS5 table needs them to
  delete a row, and SQLite before 3.43 has no ``contentless_delete``).
- ``clusters``: story clusters (near-duplicates across outlets): the earliest article, sizes.
- ``claim_index`` and ``claim_links`` (migration 2): "said before", the same claim in other
  articles' statements (:mod:`.claims`).
- ``claim_bands`` (migration 3): the LSH band keys of each ``claim_index`` signature, so that the
  candidates of new statements are an indexed lookup instead of an in-memory LSH over all.

Not for: reading or writing rows (:mod:`.db`, :mod:`.prepare`).
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Callable, Iterator

MIGRATIONS: list[tuple[int, str, Callable[[sqlite3.Connection], None]]] = []


def migration(version: int):
    def register(fn: Callable[[sqlite3.Connection], None]):
        MIGRATIONS.append((version, fn.__name__, fn))
        MIGRATIONS.sort(key=lambda m: m[0])
        return fn
    return register


@migration(1)
def create_core_tables(conn: sqlite3.Connection) -> None:
    run_script(conn, """
    CREATE TABLE articles (          -- narrow: metadata only, so scans and joins stay fast
        id INTEGER PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        doc_id TEXT,
        source TEXT,                 -- where it came from: path:line or path#WARC-Target-URI
        url TEXT,
        outlet TEXT,
        title TEXT,
        published TEXT,              -- ISO date or NULL
        author TEXT,
        stages TEXT,                 -- the stages that ran, comma-separated
        n_chars INTEGER,
        n_sentences INTEGER,
        cluster_id INTEGER,
        ingested_at TEXT
    );
    CREATE TABLE article_texts (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id),
        text TEXT NOT NULL,          -- the clean body (every offset points here)
        raw BLOB,                    -- zlib(utf-8 raw input)
        record BLOB NOT NULL         -- zlib(JSON of the record without "text")
    );
    CREATE INDEX articles_doc_id ON articles(doc_id);
    CREATE INDEX articles_outlet_pub ON articles(outlet, published);
    CREATE INDEX articles_published ON articles(published);
    CREATE INDEX articles_cluster ON articles(cluster_id);

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        norm, base, alt, content='', tokenize='unicode61 remove_diacritics 0'
    );

    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        type TEXT,
        name TEXT NOT NULL,
        norm TEXT NOT NULL,
        lat REAL,
        lon REAL,
        country TEXT,
        attrs TEXT                   -- JSON: whatever else the record gave
    );
    CREATE INDEX entities_norm ON entities(norm);

    CREATE TABLE aliases (
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        alias TEXT NOT NULL,
        norm TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (entity_id, norm)
    ) WITHOUT ROWID;
    CREATE INDEX aliases_norm ON aliases(norm);

    CREATE TABLE roles (
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        role TEXT NOT NULL,
        norm TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (entity_id, norm)
    ) WITHOUT ROWID;

    CREATE TABLE mentions (
        article_id INTEGER NOT NULL REFERENCES articles(id),
        idx INTEGER NOT NULL,
        entity_id INTEGER REFERENCES entities(id),
        type TEXT,
        start INTEGER, end INTEGER, text TEXT,
        attrs TEXT,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE INDEX mentions_entity ON mentions(entity_id);

    CREATE TABLE statements (
        article_id INTEGER NOT NULL REFERENCES articles(id),
        idx INTEGER NOT NULL,
        speaker_start INTEGER, speaker_end INTEGER, speaker_text TEXT,
        speaker_entity INTEGER REFERENCES entities(id),
        speaker_name TEXT,
        speaker_norm TEXT,
        cue_start INTEGER, cue_end INTEGER, cue_text TEXT,
        lemma TEXT,
        content_start INTEGER, content_end INTEGER, content_text TEXT,
        kind TEXT,
        medium_start INTEGER, medium_end INTEGER, medium_text TEXT,
        certainty TEXT,
        attrs TEXT,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE INDEX statements_speaker_entity ON statements(speaker_entity);
    CREATE INDEX statements_speaker_norm ON statements(speaker_norm);

    CREATE TABLE times (
        article_id INTEGER NOT NULL REFERENCES articles(id),
        idx INTEGER NOT NULL,
        start INTEGER, end INTEGER, text TEXT,
        value TEXT,
        kind TEXT,
        attrs TEXT,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE INDEX times_value ON times(value);

    CREATE TABLE events (
        article_id INTEGER NOT NULL REFERENCES articles(id),
        idx INTEGER NOT NULL,
        type TEXT,
        trigger_start INTEGER, trigger_end INTEGER, trigger_text TEXT,
        actor_start INTEGER, actor_end INTEGER, actor_text TEXT,
        actor_entity INTEGER REFERENCES entities(id),
        target_start INTEGER, target_end INTEGER, target_text TEXT,
        target_entity INTEGER REFERENCES entities(id),
        location_start INTEGER, location_end INTEGER, location_text TEXT,
        location_entity INTEGER REFERENCES entities(id),
        time_idx INTEGER,
        time_value TEXT,
        negated INTEGER, hedged INTEGER,
        attrs TEXT,
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_actor ON events(actor_entity);
    CREATE INDEX events_target ON events(target_entity);
    CREATE INDEX events_location ON events(location_entity);

    CREATE TABLE failures (
        id INTEGER PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        doc_id TEXT,
        source TEXT,
        code TEXT NOT NULL,
        message TEXT,
        at TEXT
    );
    CREATE INDEX failures_code ON failures(code);

    CREATE TABLE article_index (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id),
        minhash BLOB,                -- uint32 little-endian MinHash signature
        fts BLOB NOT NULL            -- zlib(JSON [norm, base, alt]): what articles_fts holds
    );

    CREATE TABLE clusters (
        id INTEGER PRIMARY KEY,      -- = the id of its earliest article
        earliest_article INTEGER NOT NULL REFERENCES articles(id),
        first_published TEXT,
        size INTEGER NOT NULL,
        n_outlets INTEGER NOT NULL
    );

    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
    """)


@migration(2)
def create_claim_tables(conn: sqlite3.Connection) -> None:
    run_script(conn, """
    CREATE TABLE claim_index (       -- per statement: its claim's content words, for matching
        article_id INTEGER NOT NULL,
        idx INTEGER NOT NULL,
        terms TEXT,                  -- space-separated sorted content words; NULL: too short
        minhash BLOB,                -- uint32 little-endian MinHash of the terms; NULL likewise
        PRIMARY KEY (article_id, idx)
    ) WITHOUT ROWID;

    CREATE TABLE claim_links (       -- statement (article_id, idx) carries the claim said before
        article_id INTEGER NOT NULL, --   in statement (earlier_article_id, earlier_idx)
        idx INTEGER NOT NULL,
        earlier_article_id INTEGER NOT NULL,
        earlier_idx INTEGER NOT NULL,
        score REAL NOT NULL,         -- verified similarity (+ the same-speaker bonus), 0..1
        jaccard REAL NOT NULL,       -- Jaccard of the two content-word sets
        same_speaker INTEGER,        -- 1 same, 0 different, NULL unknown
        ordered INTEGER NOT NULL,    -- 1 both dated; 0 either undated (the order is a guess)
        PRIMARY KEY (article_id, idx, earlier_article_id, earlier_idx)
    ) WITHOUT ROWID;
    CREATE INDEX claim_links_earlier ON claim_links(earlier_article_id, earlier_idx);
    """)


@migration(3)
def create_claim_bands(conn: sqlite3.Connection) -> None:
    # Filled by naba.store.claims.link_claims (from claim_index.minhash on a store linked before
    # this table existed: the meta key 'claims_bands' says which band layout it holds).
    run_script(conn, """
    CREATE TABLE claim_bands (       -- one row per LSH band of a claim_index signature
        band INTEGER NOT NULL,       -- 0 .. bands-1
        key INTEGER NOT NULL,        -- 64-bit hash of the band's MinHash values
        article_id INTEGER NOT NULL, -- the statement (claim_index key)
        idx INTEGER NOT NULL,
        PRIMARY KEY (band, key, article_id, idx)
    ) WITHOUT ROWID;
    """)


@migration(4)
def rekey_entities_on_ids(conn: sqlite3.Connection) -> None:
    # Entities were keyed by TYPE|normalized name; now by the record's corpus-wide id
    # (naba.store.keys), so spelling variants of one person or place are one entity: re-key the
    # stored ones and merge those that share a key (naba.store.rekey).
    from .rekey import rekey_entities
    rekey_entities(conn)


def run_script(conn: sqlite3.Connection, sql: str) -> None:
    """Execute ``sql`` statement by statement inside the caller's transaction
    (``executescript`` would commit it first)."""
    stmt = ""
    for line in sql.splitlines(keepends=True):
        stmt += line
        if sqlite3.complete_statement(stmt):
            conn.execute(stmt)
            stmt = ""
    if stmt.strip():
        conn.execute(stmt)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, or ``ROLLBACK`` and re-raise on any exception
    (``BaseException``: an interrupt rolls back too)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    """The value of a ``meta`` row (stamps of derived tables), or None."""
    row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                 (key, value))


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def migrate(conn: sqlite3.Connection) -> int:
    """Apply pending migrations; returns the schema version now in force."""
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                 "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    done = {v for (v,) in conn.execute("SELECT version FROM schema_migrations")}
    for version, name, fn in MIGRATIONS:
        if version in done:
            continue
        with transaction(conn):
            fn(conn)
            conn.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, name, _now()))
    return current_version(conn)


def current_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return row[0] or 0


SCHEMA_VERSION = MIGRATIONS[-1][0]
