"""What the corpus knows about one entity: its aliases and roles, how often it is mentioned month
by month, what it said (statements it is the speaker of) and what was said about it (statements
whose content mentions it), and the events it takes part in.

The name is matched on its normalized form against canonical names and every alias; when
several entities match, the most mentioned wins (the others are listed as ``others``). When the
entity stage found nothing, statements whose speaker name contains the name still answer.

Not for: finding entities in text (the ``entities`` stage) or the web page (:mod:`naba.web`).
"""

from __future__ import annotations

import json

from ..arabic.normalize import normalize

_STATEMENT_COLS = ("s.article_id, a.doc_id, a.outlet, a.published, s.speaker_name, s.cue_text,"
                   " s.lemma, s.content_text, s.kind, s.certainty, s.medium_text")
_STATEMENT_KEYS = ("article_id", "doc_id", "outlet", "published", "speaker", "cue", "lemma",
                   "content", "kind", "certainty", "medium")


def _rows(cur, keys=None) -> list[dict]:
    keys = keys or [d[0] for d in cur.description]
    return [dict(zip(keys, r)) for r in cur]


def entity_report(store, name: str, *, limit: int = 10) -> dict | None:
    conn = store.conn
    norm = normalize(name.strip())
    if not norm:
        return None
    cands = conn.execute(
        "SELECT e.id, (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS n"
        " FROM entities e WHERE e.id IN (SELECT id FROM entities WHERE norm = ?"
        " UNION SELECT entity_id FROM aliases WHERE norm = ?) ORDER BY n DESC, e.id",
        (norm, norm)).fetchall()
    if not cands:
        said = _speaker_statements(conn, norm, None, limit)
        if not said:
            return None
        return {"query": name, "entity": None, "aliases": [], "roles": [], "mentions": 0,
                "articles": 0, "by_month": [], "said": said, "said_about": [], "events": [],
                "others": []}
    eid = cands[0][0]
    ent = _rows(conn.execute("SELECT id, key, type, name, lat, lon, country, attrs FROM entities"
                             " WHERE id=?", (eid,)))[0]
    ent["attrs"] = json.loads(ent["attrs"]) if ent["attrs"] else {}
    aliases = _rows(conn.execute("SELECT alias, count FROM aliases WHERE entity_id=?"
                                 " ORDER BY count DESC, alias", (eid,)))
    roles = _rows(conn.execute("SELECT role, count FROM roles WHERE entity_id=?"
                               " ORDER BY count DESC, role", (eid,)))
    n_mentions, n_articles = conn.execute(
        "SELECT count(*), count(DISTINCT article_id) FROM mentions WHERE entity_id=?",
        (eid,)).fetchone()
    by_month = _rows(conn.execute(
        "SELECT substr(a.published, 1, 7) AS month, count(*) AS mentions,"
        " count(DISTINCT a.id) AS articles, count(DISTINCT coalesce(a.cluster_id, -a.id)) AS stories"
        " FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ?"
        " GROUP BY month ORDER BY month", (eid,)))
    said = _speaker_statements(conn, normalize(ent["name"]), eid, limit)
    about = _rows(conn.execute(
        f"SELECT DISTINCT {_STATEMENT_COLS} FROM statements s"
        " JOIN mentions m ON m.article_id = s.article_id AND m.entity_id = ?"
        "  AND m.start >= s.content_start AND m.end <= s.content_end"
        " JOIN articles a ON a.id = s.article_id"
        " WHERE s.speaker_entity IS NOT ? ORDER BY a.published DESC LIMIT ?",
        (eid, eid, limit)), _STATEMENT_KEYS)
    events = _rows(conn.execute(
        "SELECT e.article_id, a.published, e.type, e.trigger_text AS trigger,"
        " e.actor_text AS actor, e.target_text AS target, e.location_text AS location,"
        " CASE WHEN e.actor_entity = ?1 THEN 'actor' WHEN e.target_entity = ?1 THEN 'target'"
        "  ELSE 'location' END AS role"
        " FROM events e JOIN articles a ON a.id = e.article_id"
        " WHERE e.actor_entity = ?1 OR e.target_entity = ?1 OR e.location_entity = ?1"
        " ORDER BY a.published DESC LIMIT ?2", (eid, limit)))
    return {"query": name, "entity": ent, "aliases": aliases, "roles": roles,
            "mentions": n_mentions, "articles": n_articles, "by_month": by_month,
            "said": said, "said_about": about, "events": events,
            "others": [c[0] for c in cands[1:]]}


def _speaker_statements(conn, norm: str, eid: int | None, limit: int) -> list[dict]:
    return _rows(conn.execute(
        f"SELECT {_STATEMENT_COLS} FROM statements s JOIN articles a ON a.id = s.article_id"
        " WHERE s.speaker_entity = ? OR instr(s.speaker_norm, ?) > 0"
        " ORDER BY a.published DESC LIMIT ?", (eid, norm, limit)), _STATEMENT_KEYS)


def format_report(rep: dict) -> str:
    ent = rep["entity"]
    lines = []
    if ent:
        lines.append(f"{ent['name']} ({ent['type'] or '?'}) — {rep['mentions']} mentions in "
                     f"{rep['articles']} articles")
        if rep["aliases"]:
            lines.append("aliases: " + "، ".join(f"{a['alias']} ({a['count']})"
                                                 for a in rep["aliases"][:15]))
        if rep["roles"]:
            lines.append("roles: " + "، ".join(f"{r['role']} ({r['count']})"
                                               for r in rep["roles"][:10]))
        if rep["by_month"]:
            lines.append("mentions by month: " + ", ".join(
                f"{m['month'] or 'undated'} {m['mentions']}" for m in rep["by_month"]))
    else:
        lines.append(f"{rep['query']}: no entity; statements by speakers with that name")
    for title, key in (("said", "said"), ("said about", "said_about")):
        if rep[key]:
            lines.append(f"{title}:")
            for s in rep[key]:
                lines.append(f"  {s['published'] or '----------'} {s['outlet'] or '?'} "
                             f"{s['speaker'] or ''} [{s['cue'] or ''}]: {(s['content'] or '')[:160]}")
    if rep["events"]:
        lines.append("events:")
        for e in rep["events"]:
            lines.append(f"  {e['published'] or '----------'} {e['type']} ({e['role']}): "
                         f"{e['actor'] or '?'} -> {e['trigger']} -> {e['target'] or '?'}")
    return "\n".join(lines) + "\n"
