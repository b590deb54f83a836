"""Re-key a stored corpus's entities on the corpus-wide ids (schema migration 4).

Stores written before migration 4 keyed an entity by ``TYPE|normalized name`` (or ``kb:<link>``),
so "دونالد ترامب" and "دونالد ترمب", or two names of one gazetteer place, were two entities. This
computes each entity's key as its record would give it now (:func:`naba.store.keys.entity_key`):
the gazetteer id kept in its ``attrs`` for a linked place, else
:func:`naba.entities.ids.entity_id` of its type and name; ``kb:`` keys, keys already in a naba
id form and untyped entities keep theirs. Rows that now share a key are merged into the oldest
(smallest id): mentions, statement speakers and event arguments point to it, aliases and roles
are moved with their counts summed, and a ``claim_links`` row between two statements whose
speakers became one entity is marked ``same_speaker`` with the speaker bonus added (links that
only the bonus would have made are not searched for: ``naba claims --force`` rebuilds them all).
The merged entity is named by :func:`naba.store.keys.display_name` of its most mentioned row's
name. Everything runs in the caller's transaction (the migration's).

Limit: an old ``TYPE|name`` row held every entity of that name, so one that the records gave two
ids (a place linked in one article and not in another) stays one entity, under its first row's id.

Not for: keys of new records (:mod:`.keys`, used by :mod:`.db`).
"""

from __future__ import annotations

import json
import sqlite3

from ..arabic.normalize import normalize
from .keys import display_name, is_naba_id

_REFS = (("mentions", "entity_id"), ("statements", "speaker_entity"), ("events", "actor_entity"),
         ("events", "target_entity"), ("events", "location_entity"))


def new_key(key: str, typ: str | None, name: str, attrs: str | None) -> str:
    """The key a record of this stored entity would give it now."""
    from ..entities.ids import entity_id

    if key.startswith("kb:") or is_naba_id(key) or not typ:
        return key
    if attrs and '"gazetteer"' in attrs:
        gid = json.loads(attrs).get("gazetteer")
        if is_naba_id(gid):
            return gid
    eid = entity_id(typ, name)
    return eid if is_naba_id(eid) else key


def rekey_entities(conn: sqlite3.Connection) -> dict:
    """Re-key and merge in place; returns counts (``entities_before``, ``entities_after``,
    ``merged``: rows folded into another, ``rekeyed``: rows whose key or name changed)."""
    mentions = dict(conn.execute("SELECT entity_id, count(*) FROM mentions"
                                 " WHERE entity_id IS NOT NULL GROUP BY entity_id"))
    groups: dict[str, list[tuple]] = {}
    n_before = 0
    for eid, key, typ, name, attrs in conn.execute(
            "SELECT id, key, type, name, attrs FROM entities ORDER BY id"):
        n_before += 1
        groups.setdefault(new_key(key, typ, name, attrs), []).append((eid, key, typ, name))
    merge: list[tuple[int, int]] = []  # (old, new)
    updates: list[tuple] = []  # (key, name, norm, id)
    for k, rows in groups.items():
        keep, key, typ, name = rows[0]  # ORDER BY id: the oldest row survives
        if len(rows) > 1:
            merge += [(r[0], keep) for r in rows[1:]]
            # the name of the most mentioned row (the oldest on ties)
            name = max(rows, key=lambda r: (mentions.get(r[0], 0), -r[0]))[3]
        shown = display_name(typ, name)
        if k != key or shown != rows[0][3]:
            updates.append((k, shown, normalize(shown), keep))
    conn.execute("DROP TABLE IF EXISTS temp.rekey_map")
    conn.execute("CREATE TEMP TABLE rekey_map (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)")
    conn.executemany("INSERT INTO temp.rekey_map VALUES (?, ?)", merge)
    for table, col in _REFS:
        conn.execute(f"UPDATE {table} SET {col} = (SELECT new FROM temp.rekey_map WHERE old = {col})"
                     f" WHERE {col} IN (SELECT old FROM temp.rekey_map)")
    for table, text in (("aliases", "alias"), ("roles", "role")):
        conn.execute(f"INSERT INTO {table}(entity_id, {text}, norm, count)"
                     f" SELECT m.new, t.{text}, t.norm, t.count FROM temp.rekey_map m"
                     f" JOIN {table} t ON t.entity_id = m.old WHERE true"
                     " ON CONFLICT(entity_id, norm) DO UPDATE SET count = count + excluded.count")
        conn.execute(f"DELETE FROM {table} WHERE entity_id IN (SELECT old FROM temp.rekey_map)")
    # a survivor without coordinates or country takes them from a merged row
    conn.execute(
        "UPDATE entities SET"
        " lat = coalesce(lat, (SELECT e.lat FROM temp.rekey_map m JOIN entities e ON e.id = m.old"
        "  WHERE m.new = entities.id AND e.lat IS NOT NULL ORDER BY e.id LIMIT 1)),"
        " lon = coalesce(lon, (SELECT e.lon FROM temp.rekey_map m JOIN entities e ON e.id = m.old"
        "  WHERE m.new = entities.id AND e.lon IS NOT NULL ORDER BY e.id LIMIT 1)),"
        " country = coalesce(country, (SELECT e.country FROM temp.rekey_map m"
        "  JOIN entities e ON e.id = m.old WHERE m.new = entities.id AND e.country IS NOT NULL"
        "  ORDER BY e.id LIMIT 1))"
        " WHERE id IN (SELECT new FROM temp.rekey_map)")
    conn.execute("DELETE FROM entities WHERE id IN (SELECT old FROM temp.rekey_map)")
    conn.executemany("UPDATE entities SET key=?, name=?, norm=? WHERE id=?", updates)
    _relink_claims(conn)
    conn.execute("DROP TABLE temp.rekey_map")
    return {"entities_before": n_before, "entities_after": n_before - len(merge),
            "merged": len(merge), "rekeyed": len(updates)}


def _relink_claims(conn: sqlite3.Connection) -> None:
    """Links between statements whose speakers are now one entity: the same speaker."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name='claim_links'").fetchone():
        return
    from .claims import SPEAKER_BONUS
    conn.execute(
        "UPDATE claim_links SET same_speaker = 1, score = round(min(score + ?, 1.0), 4)"
        " WHERE same_speaker = 0 AND EXISTS (SELECT 1 FROM statements s, statements t"
        "  WHERE s.article_id = claim_links.article_id AND s.idx = claim_links.idx"
        "  AND t.article_id = claim_links.earlier_article_id AND t.idx = claim_links.earlier_idx"
        "  AND s.speaker_entity IS NOT NULL AND s.speaker_entity = t.speaker_entity)",
        (SPEAKER_BONUS,))
