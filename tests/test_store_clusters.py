"""Story clusters: near-duplicates join, the earliest report heads the cluster, recurring wording
on distant dates and short templated texts stay apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import naba
from naba.store import open_store

FIXTURE = Path(__file__).parent / "fixtures" / "news_small.jsonl"


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    out = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            continue
        if obj.get("text", "").strip() and len(obj["text"]) > 800:
            out.append(obj)
    return out


def _rec(text: str, id: str, published: str | None, outlet: str = "x") -> dict:
    rec = naba.analyze(text, id=id, published=published, outlet=outlet,
                       stages=("clean", "segment")).to_dict()
    return rec


def test_clusters(tmp_path, articles):
    base = articles[1]["text"]
    other = articles[2]["text"]
    sentences = base.split("، ")
    edited = "، ".join(sentences[:-1]) + "، وأضاف مصدر آخر تفاصيل جديدة."
    s = open_store(tmp_path / "c.db")
    s.write_record(_rec(edited, "copy", "2018-05-03", "b"))       # written first, published later
    s.write_record(_rec(base, "orig", "2018-05-02", "a"))
    s.write_record(_rec(base, "much-later", "2018-06-20", "c"))   # same words, seven weeks on
    s.write_record(_rec(other, "other", "2018-05-02", "a"))
    short = "كاريكاتير فارس قره بيت: الدفاع عن القدس"
    s.write_record(_rec(short, "short1", None))
    s.write_record(_rec(short + " اليوم", "short2", None))
    stats = s.cluster()
    art = {d: s.article(s.article_id(d)) for d in
           ("copy", "orig", "much-later", "other", "short1", "short2")}
    assert art["copy"]["cluster_id"] == art["orig"]["cluster_id"] == art["orig"]["id"]
    assert art["much-later"]["cluster_id"] == art["much-later"]["id"]
    assert art["other"]["cluster_id"] == art["other"]["id"]
    assert art["short1"]["cluster_id"] != art["short2"]["cluster_id"]
    row = s.conn.execute("SELECT earliest_article, first_published, size, n_outlets FROM clusters"
                         " WHERE id=?", (art["orig"]["id"],)).fetchone()
    assert row == (art["orig"]["id"], "2018-05-02", 2, 2)
    assert stats == {"articles": 6, "clusters": 5, "multi": 1, "largest": 2}
    assert s.counts()["stories"] == 5
    assert s.cluster() == stats  # nothing changed: no recomputation, same answer
    s.close()
