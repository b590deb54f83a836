"""The store: migrations, idempotent writes, annotations of every kind, failures, records back."""

from __future__ import annotations

import sqlite3

import pytest

import naba
from naba.store import open_store
from naba.store.prepare import index_terms, prepare_article, query_terms
from naba.store.schema import SCHEMA_VERSION, transaction


@pytest.fixture(scope="module")
def seed_record(seed_text):
    """The seed through the foundation stages (the store must hold whatever a record has)."""
    return naba.analyze(seed_text, id="seed", published="2022-05-20", stages=("clean", "segment"))


@pytest.fixture()
def store(tmp_path):
    s = open_store(tmp_path / "c.db")
    yield s
    s.close()


def _record_with_everything(seed_record) -> dict:
    """The seed record, plus one annotation of every kind (entity stages may still be empty)."""
    d = seed_record.to_dict()
    text = d["text"]
    i = text.index("خامنئي")
    span = {"start": i, "end": i + len("خامنئي"), "text": "خامنئي"}
    d["entities"] = [{"id": "e1", "type": "PER", "name": "علي خامنئي", "aliases": ["خامنئي"],
                      "roles": ["المرشد الإيراني"], "country": "IR"}]
    d["mentions"] = [{**span, "type": "PER", "entity": "e1"}]
    d["statements"] = [{"speaker": span, "speaker_entity": "e1", "speaker_name": "علي خامنئي",
                        "cue": {**span, "lemma": "قال"}, "content": span, "kind": "direct",
                        "medium": None, "certainty": "asserted"}]
    d["times"] = [{**span, "value": "2022-05-08", "kind": "absolute"}]
    d["events"] = [{"type": "CONSULT", "trigger": span, "actor": {**span, "entity": "e1"},
                    "target": None, "location": None, "time": 0, "negated": False,
                    "hedged": False, "confidence": 0.5}]
    return d


def test_schema_is_versioned_and_wal(store, tmp_path):
    conn = store.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == SCHEMA_VERSION
    store.close()
    again = open_store(tmp_path / "c.db")  # reopening applies nothing twice
    assert again.conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == SCHEMA_VERSION
    again.close()


def test_write_is_idempotent_and_round_trips(store, seed_record):
    d = _record_with_everything(seed_record)
    assert store.write_record(d, hash="h1", raw="raw input") is True
    assert store.write_record(d, hash="h1") is False
    assert store.has("h1") and not store.has("h2")
    c = store.counts()
    assert (c["articles"], c["entities"], c["mentions"], c["statements"], c["times"],
            c["events"]) == (1, 1, 1, 1, 1, 1)
    aid = store.article_id("seed")
    back = store.record(aid)
    assert back == d
    assert store.raw(aid) == "raw input"
    ev = store.conn.execute("SELECT actor_entity, time_value, attrs FROM events").fetchone()
    assert ev[0] == store.conn.execute("SELECT id FROM entities").fetchone()[0]
    assert ev[1] == "2022-05-08" and '"confidence"' in ev[2]


def test_same_id_new_content_replaces(store, seed_record):
    d = seed_record.to_dict()
    store.write_record(d, hash="v1")
    d2 = dict(d, text=d["text"] + " تحديث", sentences=[])
    assert store.write_record(d2, hash="v2")
    assert store.counts()["articles"] == 1
    assert store.search("تحديث").total == 1
    assert store.search("خامنئي").total == 1  # the old version's index rows are gone


def test_entities_are_shared_across_articles(store, seed_record):
    d = _record_with_everything(seed_record)
    store.write_record(d, hash="a")
    store.write_record(dict(d, id="other"), hash="b")
    assert store.counts()["entities"] == 1
    assert store.conn.execute("SELECT count FROM aliases WHERE alias='خامنئي'").fetchone()[0] == 2
    rep = store.entity("خامنئى")  # alias, spelled with alef maqsura
    assert rep["entity"]["name"] == "علي خامنئي" and rep["articles"] == 2
    assert rep["roles"][0]["role"] == "المرشد الإيراني"
    assert len(rep["said"]) == 2 and rep["by_month"][0]["month"] == "2022-05"


def test_failures_are_kept_and_skipped(store):
    assert store.write_failure(hash="bad", code="not-arabic", message="English", source="x:1")
    assert not store.write_failure(hash="bad", code="not-arabic", message="again")
    assert store.has("bad")
    assert [f["code"] for f in store.failures()] == ["not-arabic"]


def test_a_failed_batch_leaves_nothing(store, seed_record):
    good = prepare_article(seed_record.to_dict(), hash="ok")
    broken = dict(good, hash="broken", fts_norm=None, record={"id": "x", "text": "نص"})
    broken.pop("fts_base")
    with pytest.raises(KeyError):
        store.write_batch([good, broken])
    assert store.counts()["articles"] == 0 and not store.has("ok")


def test_transaction_commits_or_rolls_back():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE t (x INTEGER)")
    with transaction(conn):
        conn.execute("INSERT INTO t VALUES (1)")
    for exc in (ValueError, KeyboardInterrupt):  # an interrupt rolls back too
        with pytest.raises(exc):
            with transaction(conn):
                conn.execute("INSERT INTO t VALUES (2)")
                raise exc()
    assert conn.execute("SELECT x FROM t").fetchall() == [(1,)] and not conn.in_transaction


def test_index_terms_strip_clitics():
    norms, bases, alts = index_terms("وبالرئيس للوزارة بخامنئي")
    assert norms == ["وبالرئيس", "للوزاره", "بخامنئي"]
    assert bases[0] == "رئيس" and bases[1] == "وزاره"
    assert "خامنئي" in alts
    assert "رئيس" in query_terms("والرئيس") and "خامنئي" in query_terms("لخامنئي")


def test_readonly_store_refuses_writes(tmp_path, seed_record):
    with open_store(tmp_path / "r.db") as s:
        s.write_record(seed_record.to_dict())
    ro = open_store(tmp_path / "r.db", readonly=True)
    with pytest.raises(sqlite3.OperationalError):
        ro.write_record(dict(seed_record.to_dict(), id="new", text="نص آخر"))
    assert ro.search("خامنئي").total == 1
    ro.close()


def test_load_parquet_shards(tmp_path, seed_record):
    """The contract with the Dask engine: shards of records (JSON strings) and failures."""
    import json

    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [{"hash": "p1", "source": "s:1", "doc_id": "seed", "stages": "clean,segment",
             "record": json.dumps(seed_record.to_dict(), ensure_ascii=False), "raw": "raw",
             "code": None, "message": None},
            {"hash": "p2", "source": "s:2", "doc_id": "bad", "stages": None, "record": None,
             "raw": None, "code": "not-arabic", "message": "English"}]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "shard-0.parquet")
    with open_store(tmp_path / "c.db") as s:
        assert s.load_parquet([tmp_path / "shard-0.parquet"]) == (1, 0, 1)
        assert s.load_parquet([tmp_path / "shard-0.parquet"]) == (0, 2, 0)
        assert s.search("خامنئي").total == 1 and s.raw(s.article_id("seed")) == "raw"
