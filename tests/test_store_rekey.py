"""Store entities keyed on the records' corpus-wide ids (naba.store.keys), and schema migration 4
that re-keys and merges a store written with the old TYPE|name keys (naba.store.rekey)."""

from __future__ import annotations

import sqlite3

import pytest

from naba.cli import main
from naba.entities import gazetteer
from naba.entities.ids import entity_id
from naba.store import open_store
from naba.store.keys import entity_key, is_naba_id
from naba.store.schema import MIGRATIONS, SCHEMA_VERSION, transaction

TRUMP = entity_id("PER", "دونالد ترامب")


def _article(doc_id: str, name: str, short: str, role: str) -> dict:
    """A record naming Trump ``name`` then ``short``, with the id naba's entity stage gives."""
    text = f"قال {name} إن المحادثات مثمرة. وأضاف {short} أنه متفائل."
    i, j = text.index(name), text.index(short, text.index("وأضاف"))
    ent = {"id": entity_id("PER", name), "type": "PER", "name": name, "aliases": [name, short],
           "roles": [role], "mentions": 2}
    return {"schema": "naba/1", "id": doc_id, "title": "", "url": None, "outlet": "x",
            "published": "2018-06-12", "text": text, "removed": [], "related": [], "headings": [],
            "sentences": [], "entities": [ent],
            "mentions": [{"start": i, "end": i + len(name), "text": name, "type": "PER", "entity": ent["id"]},
                         {"start": j, "end": j + len(short), "text": short, "type": "PER",
                          "entity": ent["id"]}],
            "statements": [], "events": [], "times": [], "warnings": []}


@pytest.fixture()
def trump_store(tmp_path):
    s = open_store(tmp_path / "c.db")
    assert s.write_record(_article("a1", "دونالد ترامب", "ترامب", "الرئيس الأمريكي"), hash="h1")
    assert s.write_record(_article("a2", "دونالد ترمب", "ترمب", "الرئيس الأميركي"), hash="h2")
    yield s
    s.close()


def test_keys_accept_naba_ids_only():
    assert TRUMP == entity_id("PER", "ترمب") == entity_id("PER", "دونالد ترمب")
    assert entity_key({"id": TRUMP, "type": "PER", "name": "ترمب"}) == TRUMP
    assert entity_key({"id": "geo:170654", "type": "LOC", "name": "الشام"}) == "geo:170654"
    # kb links first; local ids of hand-made records fall back to TYPE|normalized name
    assert entity_key({"id": TRUMP, "type": "PER", "name": "ترمب", "wikidata": "Q22686"}) == "kb:Q22686"
    for local in ("e1", "P1", "per:1", "x", "PER:abc", None, 7):
        assert entity_key({"id": local, "type": "PER", "name": "ترمب"}) == "PER|ترمب"
    assert all(is_naba_id(pid) for pid in gazetteer.places_by_id())


def test_two_spellings_are_one_entity(trump_store):
    conn = trump_store.conn
    rows = conn.execute("SELECT key, type, name FROM entities").fetchall()
    assert rows == [(TRUMP, "PER", "دونالد ترامب")]  # the known canonical name
    aliases = dict(conn.execute("SELECT alias, count FROM aliases"))
    assert aliases == {"دونالد ترامب": 1, "ترامب": 1, "دونالد ترمب": 1, "ترمب": 1}
    assert len(conn.execute("SELECT * FROM roles").fetchall()) == 2
    rep = trump_store.entity("ترمب")
    assert (rep["entity"]["key"], rep["mentions"], rep["articles"]) == (TRUMP, 4, 2)
    for q in ("ترمب", "دونالد ترامب", "ترامب"):
        assert trump_store.search(entity=q).total == 2


def test_cli_entity_finds_both_articles(trump_store, capsys):
    assert main(["entity", "ترمب", "--db", str(trump_store.path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("دونالد ترامب (PER) — 4 mentions in 2 articles")
    assert "دونالد ترمب (1)" in out and "ترامب (1)" in out


def test_reingest_adds_nothing(trump_store):
    before = trump_store.counts()
    counts = trump_store.conn.execute("SELECT sum(count) FROM aliases").fetchone()
    assert not trump_store.write_record(_article("a1", "دونالد ترامب", "ترامب", "x"), hash="h1")
    assert not trump_store.write_record(_article("a2", "دونالد ترمب", "ترمب", "x"), hash="h2")
    assert trump_store.counts() == before
    assert trump_store.conn.execute("SELECT sum(count) FROM aliases").fetchone() == counts


def test_hand_made_ids_keep_name_keys(tmp_path):
    with open_store(tmp_path / "c.db") as s:
        for n, doc in enumerate(("a", "b")):
            rec = _article(doc, "دونالد ترمب", "ترمب", "x")
            rec["entities"][0]["id"] = "e1"
            for m in rec["mentions"]:
                m["entity"] = "e1"
            s.write_record(rec, hash=f"h{n}")
        assert s.conn.execute("SELECT key, name FROM entities").fetchall() == [
            ("PER|دونالد ترمب", "دونالد ترامب")]
        assert s.entity("ترمب")["articles"] == 2


# -- migration 4 ------------------------------------------------------------------------------
def _old_store(path) -> None:
    """A store at schema version 3 with entities under the old keys, as an older naba wrote it."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                 " applied_at TEXT NOT NULL)")
    for version, name, fn in MIGRATIONS:
        if version <= 3:
            with transaction(conn):
                fn(conn)
                conn.execute("INSERT INTO schema_migrations VALUES (?, ?, 'then')", (version, name))
    damascus = '{"gazetteer": "geo:170654", "place": "city", "lat": 33.5, "lon": 36.3}'
    with transaction(conn):
        conn.executemany("INSERT INTO articles(id, hash, doc_id, outlet, published) VALUES (?,?,?,?,?)",
                         [(1, "h1", "a1", "x", "2018-06-12"), (2, "h2", "a2", "y", "2018-06-13")])
        conn.executemany("INSERT INTO entities(id, key, type, name, norm, lat, lon, attrs)"
                         " VALUES (?,?,?,?,?,?,?,?)", [
            (1, "PER|دونالد ترامب", "PER", "دونالد ترامب", "دونالد ترامب", None, None, None),
            (2, "LOC|الشام", "LOC", "الشام", "الشام", None, None, damascus),
            (3, "PER|دونالد ترمب", "PER", "دونالد ترمب", "دونالد ترمب", None, None, None),
            (4, "LOC|دمشق", "LOC", "دمشق", "دمشق", 33.5, 36.3, damascus),
            (5, "kb:Q1", "PER", "ترمب", "ترمب", None, None, None),
            (6, "PER|سامي النجار", "PER", "سامي النجار", "سامي النجار", None, None, None)])
        conn.executemany("INSERT INTO aliases VALUES (?,?,?,?)", [
            (1, "دونالد ترامب", "دونالد ترامب", 3), (1, "ترامب", "ترامب", 2), (1, "ترمب", "ترمب", 1),
            (3, "دونالد ترمب", "دونالد ترمب", 1), (3, "ترمب", "ترمب", 4),
            (2, "الشام", "الشام", 1), (4, "دمشق", "دمشق", 5), (5, "ترمب", "ترمب", 1),
            (6, "سامي النجار", "سامي النجار", 1)])
        conn.executemany("INSERT INTO roles VALUES (?,?,?,?)", [
            (1, "الرئيس الأمريكي", "الرئيس الامريكي", 2), (3, "الرئيس الأمريكي", "الرئيس الامريكي", 1),
            (3, "الرئيس الأميركي", "الرئيس الاميركي", 1)])
        conn.executemany("INSERT INTO mentions(article_id, idx, entity_id, type) VALUES (?,?,?,?)", [
            (1, 0, 1, "PER"), (1, 1, 4, "LOC"), (1, 2, 6, "PER"), (1, 3, 4, "LOC"),
            (2, 0, 3, "PER"), (2, 1, 3, "PER"), (2, 2, 2, "LOC"), (2, 3, None, "MISC")])
        conn.executemany("INSERT INTO statements(article_id, idx, speaker_entity, speaker_name)"
                         " VALUES (?,?,?,?)", [(1, 0, 1, "دونالد ترامب"), (2, 0, 3, "ترمب")])
        conn.execute("INSERT INTO events(article_id, idx, type, actor_entity, target_entity,"
                     " location_entity) VALUES (2, 0, 'MEET', 3, 6, 2)")
        conn.execute("INSERT INTO claim_links VALUES (2, 0, 1, 0, 0.5, 0.5, 0, 1)")
    conn.close()


def test_migration_merges_old_keys(tmp_path):
    path = tmp_path / "old.db"
    _old_store(path)
    s = open_store(path)  # applies migration 4
    c = s.conn
    assert c.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == SCHEMA_VERSION >= 4
    ents = {r[0]: r[1:] for r in c.execute("SELECT id, key, name, lat FROM entities")}
    assert ents == {1: (TRUMP, "دونالد ترامب", None), 2: ("geo:170654", "دمشق", 33.5),
                    5: ("kb:Q1", "دونالد ترامب", None), 6: (entity_id("PER", "سامي النجار"), "سامي النجار", None)}
    # the oldest row survives, named by its most mentioned spelling (or the known name), with
    # the coordinates of a merged row; a kb key stays
    assert c.execute("SELECT entity_id, count(*) FROM mentions GROUP BY entity_id").fetchall() == [
        (None, 1), (1, 3), (2, 3), (6, 1)]
    assert dict(c.execute("SELECT alias, count FROM aliases WHERE entity_id=1")) == {
        "دونالد ترامب": 3, "ترامب": 2, "ترمب": 5, "دونالد ترمب": 1}
    assert dict(c.execute("SELECT alias, count FROM aliases WHERE entity_id=2")) == {"الشام": 1, "دمشق": 5}
    assert c.execute("SELECT sum(count) FROM aliases").fetchone()[0] == 19
    assert dict(c.execute("SELECT role, count FROM roles")) == {"الرئيس الأمريكي": 3, "الرئيس الأميركي": 1}
    assert c.execute("SELECT speaker_entity FROM statements ORDER BY article_id").fetchall() == [(1,), (1,)]
    assert c.execute("SELECT actor_entity, target_entity, location_entity FROM events").fetchone() == (1, 6, 2)
    assert c.execute("SELECT same_speaker, score FROM claim_links").fetchone() == (1, 0.6)
    rep = s.entity("دونالد ترمب")
    assert (rep["entity"]["id"], rep["mentions"], rep["articles"]) == (1, 3, 2)
    assert s.search(entity="ترمب", snippets=False).total == 2
    assert s.search(entity="الشام", snippets=False).total == 2
    s.close()
    again = open_store(path)  # applied once
    assert again.conn.execute("SELECT count(*) FROM entities").fetchone()[0] == 4
    again.close()


def test_migrated_store_takes_new_records_on_the_same_entity(tmp_path):
    path = tmp_path / "old.db"
    _old_store(path)
    with open_store(path) as s:
        s.write_record(_article("a3", "دونالد ترمب", "ترمب", "الرئيس الأمريكي"), hash="h3")
        assert s.conn.execute("SELECT count(*) FROM entities WHERE type='PER'").fetchone()[0] == 3
        assert s.entity("ترامب")["articles"] == 3


def test_a_read_only_open_migrates_an_old_store_it_can_write_and_reads_one_it_cannot(tmp_path, capsys):
    """``naba search``/``serve``/``export`` open the store read-only: an old store is migrated first
    (its split entities joined) when the file can be written, else read as it is with a note."""
    import os

    path = tmp_path / "old.db"
    _old_store(path)
    with open_store(path, readonly=True) as s:
        assert s.conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == SCHEMA_VERSION
        assert s.search(entity="ترمب", snippets=False).total == 2
    locked = tmp_path / "locked"
    locked.mkdir()
    _old_store(locked / "old.db")
    os.chmod(locked / "old.db", 0o444)
    os.chmod(locked, 0o555)
    try:
        if os.access(locked / "old.db", os.W_OK):  # root ignores the mode bits
            return
        with open_store(locked / "old.db", readonly=True) as s:
            assert s.conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == 3
        assert "cannot be written" in capsys.readouterr().err
    finally:
        os.chmod(locked, 0o755)
