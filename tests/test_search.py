"""Search: diacritics, letter variants and glued clitics find the plain forms; filters; dedup."""

from __future__ import annotations

from pathlib import Path

import pytest

from naba.engines.local import ingest
from naba.store import open_store
from naba.store.search import make_snippet, parse_query

FIXTURE = Path(__file__).parent / "fixtures" / "news_small.jsonl"


@pytest.fixture(scope="module")
def store(tmp_path_factory, seed_text):
    db = tmp_path_factory.mktemp("search") / "c.db"
    seed = db.parent / "seed.txt"
    seed.write_text(seed_text, encoding="utf-8")
    ingest([FIXTURE, seed], db, workers=1, stages="clean,segment", progress=False)
    s = open_store(db, readonly=True)
    yield s
    s.close()


def ids(res) -> set:
    return {h.doc_id for h in res.hits}


def test_plain_query_finds_the_seed(store):
    res = store.search("خامنئي")
    assert str(Path(store.path).parent / "seed.txt") in ids(res)
    assert all("خامنئي" in h.snippet for h in res.hits)


@pytest.mark.parametrize("variant", [
    "خامنَئِي",      # diacritized
    "خامنئى",        # alef maqsura for ya
    "لخامنئي",       # glued preposition
    "وخامنئي",       # glued conjunction
    "بالإيرانية",    # hamza on alef, glued article + preposition, ta marbuta
])
def test_variants_find_the_plain_forms(store, variant):
    assert store.search(variant).total >= 1


def test_clitic_query_matches_bare_and_defined(store):
    bare = store.search("الحكومة").total
    assert bare > 0
    assert store.search("وللحكومة").total >= bare  # و + لل + حكومة: finds الحكومة and حكومة


def test_phrase_and_negation(store):
    both = store.search("الرئيس الإيراني")
    phrase = store.search('"الرئيس الإيراني"')
    assert 0 < phrase.total <= both.total
    assert store.search("خامنئي -خامنئي").total == 0
    assert parse_query("-") == (None, [])


def test_filters(store):
    everything = store.search("", limit=1000)
    outlet = everything.hits[0].outlet
    res = store.search("", outlet=outlet.upper(), limit=1000)
    assert res.total == sum(1 for h in everything.hits if h.outlet == outlet)
    res = store.search("", since="2018-05-01", until="2018-05-31", limit=1000)
    assert res.total > 0 and all("2018-05-01" <= h.published <= "2018-05-31" for h in res.hits)
    assert store.search("", event_type="ASSAULT").total == 0  # no event stage ran
    assert store.search("", entity="خامنئي").total == 0


def test_dedup_counts_a_story_once(store):
    q = store.search("", limit=1000)
    d = store.search("", limit=1000, dedup=True)
    assert q.total == d.total and q.stories == q.total - 1 == len(d.hits)
    assert max(h.copies for h in d.hits) == 2


def test_snippet_centres_on_the_match():
    text = "كلام " * 60 + "وقال المرشد خامنئي شيئا" + " كلام" * 60
    snip = make_snippet(text, ["خامنئي"])
    assert "خامنئي" in snip and snip.startswith("…") and len(snip) < 250


def test_cli_search_json(store, capsys):
    import json

    from naba.cli import main

    assert main(["search", "بالإيرانية", "--db", str(store.path), "--json", "--limit", "2"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["total"] >= 1 and out["order"] == "rank" and len(out["hits"]) <= 2
    assert {"id", "doc_id", "title", "outlet", "published", "snippet", "cluster_id"} <= set(out["hits"][0])


@pytest.mark.parametrize("opt,value", [("--since", "garbage"), ("--until", "20/05/2022"), ("--event-type", "FOO"),
                                       ("--since", "2018-13-01"), ("--until", "2018-05-32")])
def test_cli_search_bad_filter_is_an_error(store, capsys, opt, value):
    # A filter that cannot match anything by its form is a mistake to report, not "0 articles".
    from naba.cli import main

    assert main(["search", "إيران", "--db", str(store.path), opt, value]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and opt in err[0]


def test_one_filter_check_for_cli_and_web():
    # naba search and the web view share this check (store.search.check_filters)
    from naba.store.search import FilterError, check_filters

    check_filters(since="2018", until="2018-02-31", event_type="assault")  # month-end links; any case
    with pytest.raises(FilterError) as e:
        check_filters(since="2018-05-01", event_type="BOMBING")
    assert e.value.name == "event_type" and e.value.as_option().startswith("--event-type 'BOMBING' ")
    assert "\n" not in str(e.value)


def test_presentation_form_query_finds_the_letters(store):
    # "ﺧﺎﻣﻨﺌﻲ" as a PDF gives it (shaped glyphs): the clean stage folds article text, so does the query
    assert store.search("\ufea7\ufe8e\ufee3\ufee8\ufe8c\ufef2").total == store.search("خامنئي").total >= 1
    # with an isolated shadda form inside (NFKC gives " " + shadda): one word, as clean reads it
    assert store.search("\ufea7\ufe8e\ufee3\ufee8\ufe7c\ufe8c\ufef2").total == store.search("خامنئي").total
