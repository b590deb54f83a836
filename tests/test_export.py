"""Export: one file per table in JSONL, CSV and Parquet, with the same rows."""

from __future__ import annotations

import csv
import json

import pytest

import naba
from naba.store import open_store
from naba.store.export import TABLES


@pytest.fixture(scope="module")
def store(tmp_path_factory, seed_text):
    rec = naba.analyze(seed_text, id="seed", published="2022-05-20", stages=("clean", "segment"))
    d = rec.to_dict()
    d["times"] = [{"start": 0, "end": 4, "text": d["text"][:4], "value": "2022-05-08",
                   "kind": "absolute"}]
    s = open_store(tmp_path_factory.mktemp("export") / "c.db")
    s.write_record(d, hash="h", raw="raw")
    s.write_failure(hash="f", code="empty", message="empty input")
    s.cluster()
    yield s
    s.close()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_every_table_is_written(store, tmp_path, fmt):
    counts = store.export(tmp_path, fmt)
    assert set(counts) == set(TABLES)
    assert counts["articles"] == 1 and counts["times"] == 1 and counts["failures"] == 1
    assert counts["clusters"] == 1
    for t in TABLES:
        assert (tmp_path / f"{t}.{fmt}").exists()
    if fmt == "jsonl":
        art = json.loads((tmp_path / "articles.jsonl").read_text(encoding="utf-8"))
        assert art["doc_id"] == "seed" and "raw" not in art and "خامنئي" in art["text"]
    elif fmt == "csv":
        with open(tmp_path / "times.csv", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        assert rows[0]["value"] == "2022-05-08"
    else:
        import pyarrow.parquet as pq

        t = pq.read_table(tmp_path / "articles.parquet")
        assert t.num_rows == 1 and t.column("published").to_pylist() == ["2022-05-20"]
        assert pq.read_table(tmp_path / "mentions.parquet").num_rows == 0


def test_with_record_and_table_choice(store, tmp_path):
    counts = store.export(tmp_path, "jsonl", tables=["articles"], with_record=True)
    assert counts == {"articles": 1}
    art = json.loads((tmp_path / "articles.jsonl").read_text(encoding="utf-8"))
    assert json.loads(art["record"]) == store.record(art["id"])
    with pytest.raises(ValueError):
        store.export(tmp_path, "xml")


def test_cli_export(store, tmp_path):
    from naba.cli import main

    assert main(["export", "--db", str(store.path), "--format", "csv", "--out",
                 str(tmp_path / "o"), "--tables", "articles,times"]) == 0
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["articles.csv", "times.csv"]
