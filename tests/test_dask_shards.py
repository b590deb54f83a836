"""The Parquet shard layout (naba.engines.shards): rows per table, atomic shards, readers, and the
store loading a shard. Needs only pyarrow (no Dask)."""

from __future__ import annotations

import json

import pytest

pa = pytest.importorskip("pyarrow")

from naba.engines import shards  # noqa: E402
from naba.record import Entity, Event, Mention, Statement  # noqa: E402
from naba.store.prepare import content_hash, failure_row, prepare_article  # noqa: E402


@pytest.fixture(scope="module")
def annotated(seed_text):
    """The seed analysed, plus one hand-placed annotation of each kind on its real text (so the
    flattening is checked whatever the stages find today)."""
    import naba

    rec = naba.analyze(seed_text, id="seed", published="2022-05-20",
                       stages=("clean", "segment", "times"))
    t = rec.text
    i = t.index("خامنئي")
    j = t.index("الأسد")
    rec.entities += [Entity("e1", "PER", "علي خامنئي", ["خامنئي"], ["المرشد"]),
                     Entity("e2", "PER", "بشار الأسد", ["الأسد"], [])]
    rec.mentions += [Mention(i, i + 6, t[i:i + 6], "PER", "e1", {"conf": 0.9}),
                     Mention(j, j + 5, t[j:j + 5], "PER", "e2")]
    k = t.index("قال") if "قال" in t else 0
    rec.statements.append(Statement(cue=rec.span(k, k + 3, lemma="قال"),
                                    content=rec.span(k + 4, k + 30), kind="indirect",
                                    certainty="reported", speaker=rec.span(i, i + 6),
                                    speaker_entity="e1", speaker_name="علي خامنئي"))
    rec.events.append(Event("CONSULT", rec.span(j, j + 5), actor=rec.span(j, j + 5, entity="e2"),
                            target=rec.span(i, i + 6, entity="e1"), time=0 if rec.times else None))
    return rec


def _rows(rec, raw):
    return shards.record_rows(prepare_article(rec.to_dict(), hash=content_hash(raw), source="seed.txt",
                                              raw=raw, stages=("clean",)), source_format="text")


def test_record_rows_flatten_every_kind(annotated, seed_text):
    rows = _rows(annotated, seed_text)
    t = annotated.text
    art = rows["articles"][0]
    assert art["hash"] == content_hash(seed_text) and art["doc_id"] == "seed"
    assert json.loads(art["record"]) == annotated.to_dict()
    assert art["fts_norm"] and isinstance(art["minhash"], bytes)
    assert [m["entity"] for m in rows["mentions"]] == ["e1", "e2"]
    assert json.loads(rows["mentions"][0]["attrs"]) == {"conf": 0.9}
    assert rows["entities"][0]["aliases"] == ["خامنئي"] and rows["entities"][0]["roles"] == ["المرشد"]
    st = rows["statements"][0]
    assert t[st["speaker_start"]:st["speaker_end"]] == st["speaker_text"] == "خامنئي"
    assert st["lemma"] == "قال" and st["medium_text"] is None
    ev = rows["events"][0]
    assert ev["actor_entity"] == "e2" and ev["target_entity"] == "e1"
    assert ev["trigger_text"] == t[ev["trigger_start"]:ev["trigger_end"]]
    if annotated.times:
        assert ev["time_value"] == annotated.times[0].value
        assert len(rows["times"]) == len(annotated.times)


def test_write_shard_is_atomic_and_once(tmp_path, annotated, seed_text):
    rows = _rows(annotated, seed_text)
    assert shards.write_shard(tmp_path, "p1", rows, {"source": "seed.txt"}) is True
    assert shards.is_finished(tmp_path, "p1")
    assert shards.finished_shards(tmp_path) == {"p1"}
    marker = shards.read_marker(tmp_path, "p1")
    assert marker["counts"]["articles"] == 1 and marker["counts"]["mentions"] == 2
    # a second attempt of the same partition does not rewrite it
    before = (shards.shard_dir(tmp_path, "p1") / "articles.parquet").stat().st_mtime_ns
    assert shards.write_shard(tmp_path, "p1", rows) is False
    assert (shards.shard_dir(tmp_path, "p1") / "articles.parquet").stat().st_mtime_ns == before
    # nothing left in _tmp, and a leftover from a killed writer is swept, never read
    assert not any((tmp_path / shards.TMP_DIR).iterdir())
    (tmp_path / shards.TMP_DIR / "p2.dead").mkdir()
    (tmp_path / shards.TMP_DIR / "p2.dead" / "articles.parquet").write_bytes(b"half")
    assert shards.finished_shards(tmp_path) == {"p1"}
    assert shards.sweep_tmp(tmp_path) == 1


def test_readers_dedupe_and_keep_empty_tables_typed(tmp_path, annotated, seed_text):
    rows = _rows(annotated, seed_text)
    fail = {t: [] for t in shards.TABLES}
    fail["failures"].append({"hash": content_hash("x"), "doc_id": "bad", "source": "b.txt",
                             "code": "not-arabic", "message": "the document is not Arabic"})
    shards.write_shard(tmp_path, "a", rows)
    shards.write_shard(tmp_path, "b", rows)  # the same document in a second input
    shards.write_shard(tmp_path, "c", fail)
    assert shards.open_dataset(tmp_path, "articles").count_rows() == 2
    df = shards.read_table(tmp_path, "articles", columns=["doc_id", "title"])
    assert list(df.doc_id) == ["seed"]
    assert len(shards.read_table(tmp_path, "mentions")) == 2
    assert list(shards.read_table(tmp_path, "failures").code) == ["not-arabic"]
    assert shards.read_table(tmp_path, "statements").speaker_name.tolist() == ["علي خامنئي"]
    assert [r["id"] for r in shards.iter_records(tmp_path)] == ["seed"]
    with pytest.raises(ValueError):
        shards.shard_files(tmp_path, "nope")


def test_store_loads_a_shard_idempotently(tmp_path, annotated, seed_text):
    from naba.store.db import open_store

    rows = _rows(annotated, seed_text)
    bad = failure_row(hash=content_hash("Hello"), source="en.txt", doc_id="en", code="not-arabic",
                      message="the document is not Arabic")
    rows["failures"].append({k: bad[k] for k in ("hash", "doc_id", "source", "code", "message")})
    shards.write_shard(tmp_path / "lake", "p1", rows)
    d = shards.shard_dir(tmp_path / "lake", "p1")
    with open_store(tmp_path / "c.db") as store:
        assert store.load_parquet([d / "articles.parquet", d / "failures.parquet"]) == (1, 0, 1)
        assert store.load_parquet([d / "articles.parquet", d / "failures.parquet"]) == (0, 2, 0)
        aid = store.article_id("seed")
        assert store.record(aid) == annotated.to_dict()
        assert store.raw(aid) == seed_text
        assert store.counts()["mentions"] == 2 and store.counts()["failures"] == 1


@pytest.mark.parametrize("fmt", ["parquet", "jsonl", "csv"])
def test_export_lake_writes_each_document_once(tmp_path, annotated, seed_text, fmt):
    rows = _rows(annotated, seed_text)
    lake = tmp_path / "lake"
    shards.write_shard(lake, "a", rows)
    shards.write_shard(lake, "b", rows)  # the same document again
    n = shards.export_lake(lake, tmp_path / "out", fmt)
    assert n["articles"] == 1 and n["mentions"] == 2 and n["failures"] == 0
    path = tmp_path / "out" / f"mentions.{fmt}"
    if fmt == "parquet":
        import pyarrow.parquet as pq

        assert pq.read_table(path).column("text").to_pylist() == ["خامنئي", "الأسد"]
    elif fmt == "jsonl":
        assert [json.loads(x)["entity"] for x in path.read_text(encoding="utf-8").splitlines()] == ["e1", "e2"]
    else:
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith('"hash","doc_id","idx"') and len(lines) == 3
        ent = (tmp_path / "out" / "entities.csv").read_text(encoding="utf-8")
        assert "خامنئي" in ent


def test_cli_export_reads_a_lake(tmp_path, annotated, seed_text):
    from naba.cli import main

    lake = tmp_path / "lake"
    shards.write_shard(lake, "a", _rows(annotated, seed_text))
    assert main(["export", "--lake", str(lake), "--format", "jsonl", "--out", str(tmp_path / "o")]) == 0
    arts = (tmp_path / "o" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(a)["doc_id"] for a in arts] == ["seed"]
