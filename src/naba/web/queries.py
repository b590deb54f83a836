"""Read-only queries the web pages need beyond the store's API (:mod:`naba.store`).

Every query is parameterized (values are never formatted into SQL) and bounded by a ``LIMIT``.
Each function takes an open ``sqlite3.Connection`` (the store's, opened read-only) and returns
plain dicts and lists, ready for a template or for JSON.

Not for: searching (``Store.search``), whole records (``Store.record``) or writing anything.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any


def _rows(cur: sqlite3.Cursor) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _one(cur: sqlite3.Cursor) -> dict[str, Any] | None:
    rows = _rows(cur)
    return rows[0] if rows else None


# -- articles ---------------------------------------------------------------------------------
def mention_entities(conn: sqlite3.Connection, article_id: int) -> dict[int, int]:
    """Mention index -> corpus-wide entity id, for one article."""
    return {idx: eid for idx, eid in conn.execute(
        "SELECT idx, entity_id FROM mentions WHERE article_id=? AND entity_id IS NOT NULL",
        (article_id,))}


def statement_speakers(conn: sqlite3.Connection, article_id: int) -> dict[int, int]:
    """Statement index -> corpus-wide entity id of its speaker, for one article."""
    return {idx: eid for idx, eid in conn.execute(
        "SELECT idx, speaker_entity FROM statements WHERE article_id=? AND speaker_entity IS NOT NULL",
        (article_id,))}


def entity_names(conn: sqlite3.Connection, ids: list[int]) -> dict[int, dict]:
    out: dict[int, dict] = {}
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        marks = ",".join("?" * len(part))
        for r in _rows(conn.execute(f"SELECT id, name, type FROM entities WHERE id IN ({marks})",
                                    part)):
            out[r["id"]] = r
    return out


ARTICLE_COLUMNS = "a.id, a.doc_id, a.outlet, a.title, a.published, a.url, a.cluster_id"


def articles_brief(conn: sqlite3.Connection, ids: list[int]) -> dict[int, dict]:
    out: dict[int, dict] = {}
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        marks = ",".join("?" * len(part))
        for r in _rows(conn.execute(
                f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.id IN ({marks})", part)):
            out[r["id"]] = r
    return out


# -- story clusters ---------------------------------------------------------------------------
def cluster(conn: sqlite3.Connection, cluster_id: int) -> dict | None:
    return _one(conn.execute(
        "SELECT id, earliest_article, first_published, size, n_outlets FROM clusters WHERE id=?",
        (cluster_id,)))


def cluster_articles(conn: sqlite3.Connection, cluster_id: int, limit: int = 500) -> list[dict]:
    """The articles of a story cluster in order of publication (undated ones last)."""
    return _rows(conn.execute(
        f"SELECT {ARTICLE_COLUMNS}, a.n_chars FROM articles a WHERE a.cluster_id=?"
        " ORDER BY a.published IS NULL, a.published, a.id LIMIT ?", (cluster_id, limit)))


# -- entities ---------------------------------------------------------------------------------
def entity(conn: sqlite3.Connection, entity_id: int) -> dict | None:
    row = _one(conn.execute(
        "SELECT id, key, type, name, lat, lon, country, attrs FROM entities WHERE id=?",
        (entity_id,)))
    if row and row["attrs"]:
        try:
            row["attrs"] = json.loads(row["attrs"])
        except ValueError:
            row["attrs"] = None
    return row


def entity_ids_by_alias(conn: sqlite3.Connection, norm: str, limit: int = 20) -> list[int]:
    """Entities having ``norm`` (a normalized form) as name or alias, most mentioned first."""
    return [r[0] for r in conn.execute(
        "SELECT entity_id FROM aliases WHERE norm=? ORDER BY count DESC LIMIT ?", (norm, limit))]


def aliases(conn: sqlite3.Connection, entity_id: int, limit: int = 50) -> list[dict]:
    return _rows(conn.execute(
        "SELECT alias, count FROM aliases WHERE entity_id=? ORDER BY count DESC, alias LIMIT ?",
        (entity_id, limit)))


def roles(conn: sqlite3.Connection, entity_id: int, limit: int = 30) -> list[dict]:
    return _rows(conn.execute(
        "SELECT role, count FROM roles WHERE entity_id=? ORDER BY count DESC, role LIMIT ?",
        (entity_id, limit)))


def mentions_by_month(conn: sqlite3.Connection, entity_id: int) -> list[dict]:
    """Articles mentioning the entity per publication month (``YYYY-MM``), oldest first."""
    return _rows(conn.execute(
        "SELECT substr(a.published, 1, 7) AS month, count(DISTINCT a.id) AS articles,"
        " count(*) AS mentions"
        " FROM mentions m JOIN articles a ON a.id = m.article_id"
        " WHERE m.entity_id=? AND a.published IS NOT NULL"
        " GROUP BY month ORDER BY month", (entity_id,)))


def mention_totals(conn: sqlite3.Connection, entity_id: int) -> dict:
    return _one(conn.execute(
        "SELECT count(*) AS mentions, count(DISTINCT article_id) AS articles"
        " FROM mentions WHERE entity_id=?", (entity_id,))) or {"mentions": 0, "articles": 0}


STATEMENT_COLUMNS = (
    "s.article_id, s.idx, s.speaker_text, s.speaker_entity, s.speaker_name, s.cue_text,"
    " s.content_text, s.kind, s.medium_text, s.certainty,"
    " a.outlet, a.title, a.published")


def statements_by(conn: sqlite3.Connection, entity_id: int, limit: int = 50) -> list[dict]:
    return _rows(conn.execute(
        f"SELECT {STATEMENT_COLUMNS} FROM statements s JOIN articles a ON a.id = s.article_id"
        " WHERE s.speaker_entity=? ORDER BY a.published IS NULL, a.published DESC, s.article_id,"
        " s.idx LIMIT ?", (entity_id, limit)))


def statements_about(conn: sqlite3.Connection, entity_id: int, limit: int = 50) -> list[dict]:
    """Statements whose content mentions the entity (said by someone else)."""
    return _rows(conn.execute(
        f"SELECT DISTINCT {STATEMENT_COLUMNS} FROM mentions m"
        " JOIN statements s ON s.article_id = m.article_id"
        "  AND m.start >= s.content_start AND m.end <= s.content_end"
        " JOIN articles a ON a.id = s.article_id"
        " WHERE m.entity_id=? AND (s.speaker_entity IS NULL OR s.speaker_entity != ?)"
        " ORDER BY a.published IS NULL, a.published DESC, s.article_id, s.idx LIMIT ?",
        (entity_id, entity_id, limit)))


def cooccurring(conn: sqlite3.Connection, entity_id: int, limit: int = 20,
                scan: int = 2000) -> list[dict]:
    """Entities named in the same articles, by number of shared articles (over the ``scan``
    most recent articles that mention the entity, to bound the cost for very common ones)."""
    return _rows(conn.execute(
        "WITH arts AS (SELECT DISTINCT m.article_id FROM mentions m WHERE m.entity_id=?"
        "  ORDER BY m.article_id DESC LIMIT ?)"
        " SELECT e.id, e.name, e.type, count(DISTINCT m2.article_id) AS articles"
        " FROM arts JOIN mentions m2 ON m2.article_id = arts.article_id"
        " JOIN entities e ON e.id = m2.entity_id"
        " WHERE m2.entity_id != ?"
        " GROUP BY e.id ORDER BY articles DESC, e.id LIMIT ?",
        (entity_id, scan, entity_id, limit)))


def entity_articles(conn: sqlite3.Connection, entity_id: int, limit: int = 20) -> list[dict]:
    return _rows(conn.execute(
        f"SELECT {ARTICLE_COLUMNS}, count(*) AS mentions FROM mentions m"
        " JOIN articles a ON a.id = m.article_id WHERE m.entity_id=?"
        " GROUP BY a.id ORDER BY a.published IS NULL, a.published DESC, a.id DESC LIMIT ?",
        (entity_id, limit)))


def entity_events(conn: sqlite3.Connection, entity_id: int, limit: int = 50) -> list[dict]:
    return _rows(conn.execute(
        "SELECT e.article_id, e.idx, e.type, e.trigger_text, e.actor_text, e.actor_entity,"
        " e.target_text, e.target_entity, e.location_text, e.location_entity, e.time_value,"
        " e.negated, e.hedged, a.outlet, a.published"
        " FROM events e JOIN articles a ON a.id = e.article_id"
        " WHERE e.actor_entity=? OR e.target_entity=? OR e.location_entity=?"
        " ORDER BY a.published IS NULL, a.published DESC, e.article_id, e.idx LIMIT ?",
        (entity_id, entity_id, entity_id, limit)))


def places_near(conn: sqlite3.Connection, entity_id: int, limit: int = 40) -> list[dict]:
    """Places with coordinates named alongside this entity (for the background of its map)."""
    return _rows(conn.execute(
        "WITH arts AS (SELECT DISTINCT article_id FROM mentions WHERE entity_id=?"
        "  ORDER BY article_id DESC LIMIT 2000)"
        " SELECT e.id, e.name, e.lat, e.lon, count(DISTINCT m.article_id) AS articles"
        " FROM arts JOIN mentions m ON m.article_id = arts.article_id"
        " JOIN entities e ON e.id = m.entity_id"
        " WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL AND e.id != ?"
        " GROUP BY e.id ORDER BY articles DESC LIMIT ?", (entity_id, entity_id, limit)))


# -- search facets ----------------------------------------------------------------------------
def outlets(conn: sqlite3.Connection, limit: int = 100) -> list[dict]:
    return _rows(conn.execute(
        "SELECT outlet, count(*) AS articles FROM articles WHERE outlet IS NOT NULL"
        " GROUP BY outlet ORDER BY articles DESC LIMIT ?", (limit,)))


def event_types(conn: sqlite3.Connection) -> list[dict]:
    return _rows(conn.execute(
        "SELECT type, count(*) AS events FROM events GROUP BY type ORDER BY events DESC LIMIT 50"))


def date_range(conn: sqlite3.Connection) -> dict:
    return _one(conn.execute(
        "SELECT min(published) AS first, max(published) AS last FROM articles"
        " WHERE published IS NOT NULL")) or {"first": None, "last": None}


FACET_SQL = {
    "outlet": "SELECT a.outlet AS value, count(*) AS n FROM ids JOIN articles a ON a.id = ids.id"
              " WHERE a.outlet IS NOT NULL GROUP BY a.outlet ORDER BY n DESC LIMIT 15",
    "month": "SELECT substr(a.published, 1, 7) AS value, count(*) AS n"
             " FROM ids JOIN articles a ON a.id = ids.id WHERE a.published IS NOT NULL"
             " GROUP BY value ORDER BY value DESC LIMIT 24",
    "event_type": "SELECT e.type AS value, count(DISTINCT e.article_id) AS n"
                  " FROM ids JOIN events e ON e.article_id = ids.id"
                  " GROUP BY e.type ORDER BY n DESC LIMIT 16",
    "speaker": "SELECT min(s.speaker_name) AS value, count(DISTINCT s.article_id) AS n"
               " FROM ids JOIN statements s ON s.article_id = ids.id"
               " WHERE s.speaker_norm IS NOT NULL GROUP BY s.speaker_norm ORDER BY n DESC LIMIT 15",
    "entity": "SELECT e.name AS value, e.id AS id, e.type AS type, count(DISTINCT m.article_id) AS n"
              " FROM ids JOIN mentions m ON m.article_id = ids.id"
              " JOIN entities e ON e.id = m.entity_id GROUP BY e.id ORDER BY n DESC LIMIT 15",
}


def facet_counts(conn: sqlite3.Connection, article_ids: list[int]) -> dict[str, list[dict]]:
    """Outlet, month, event type, speaker and entity counts over a set of result articles
    (the ids travel as one JSON array parameter, read back with ``json_each``)."""
    ids = json.dumps(sorted({int(i) for i in article_ids}))
    with_ids = "WITH ids AS (SELECT value AS id FROM json_each(?)) "
    return {name: _rows(conn.execute(with_ids + sql, (ids,))) if article_ids else []
            for name, sql in FACET_SQL.items()}
