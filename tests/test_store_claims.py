"""Said before: a statement is linked to the same claim, reworded, in other and earlier articles
(different outlets, dates, speakers), never to a different claim, a short one or its own article;
the linking is incremental and idempotent, and ``naba claims`` prints it."""

from __future__ import annotations

import json

import numpy as np
import pytest

from naba.cli import main
from naba.store import open_store
from naba.store.claims import SPEAKER_BONUS, claim_terms, similarity
from web_corpus import _record

# One claim (the cholera count in Hodeidah), worded four ways; a different claim by the same
# minister; and a short one that is everywhere. Written for these tests.
CLAIM_1 = "عدد الإصابات بوباء الكوليرا في محافظة الحديدة تجاوز خمسمئة حالة خلال الأسبوع الماضي"
CLAIM_2 = "إصابات الكوليرا في محافظة الحديدة تجاوزت خمسمئة حالة خلال الأسبوع الماضي وحده"
CLAIM_3 = "عدد المصابين بالكوليرا في الحديدة تجاوز خمسمئة حالة في الأسبوع الماضي"
CLAIM_4 = "الإصابات بوباء الكوليرا في محافظة الحديدة تجاوزت الخمسمئة حالة الأسبوع الماضي"
OTHER = "الوزارة ستفتتح ثلاثة مستشفيات ميدانية جديدة في محافظة الحديدة خلال الشهر المقبل"
SHORT = "الوضع تحت السيطرة"


def _article(id_, outlet, published, statements):
    """statements: (speaker text, speaker entity or None, content)."""
    paras, sts, ents = [], [], {}
    for k, (speaker, ent, content) in enumerate(statements):
        paras.append(f"وقال {speaker} في تصريح صحفي إن {content}.")
        sts.append({"speaker": (speaker, k), "speaker_entity": ent, "speaker_name": speaker,
                    "cue": ("وقال", k), "content": (content,)})
        if ent:
            ents[ent] = {"id": ent, "type": "PER", "name": speaker, "aliases": [speaker], "roles": []}
    rec = _record(id_, f"خبر {id_}", outlet, published, paras + ["وتفاصيل أخرى في الخبر."],
                  entities=list(ents.values()), statements=sts)
    return rec


MINISTER = "وزير الصحة طه المتوكل"
WHO = "ممثل منظمة الصحة العالمية"


def _corpus(path):
    s = open_store(path)
    arts = [
        _article("a-first", "سبأ", "2018-05-01", [(MINISTER, "P1", CLAIM_1), (MINISTER, "P1", SHORT)]),
        _article("b-later", "الجزيرة", "2018-05-03", [(MINISTER, "P1", CLAIM_2), (MINISTER, "P1", OTHER)]),
        _article("c-other-speaker", "بي بي سي", "2018-05-05", [(WHO, None, CLAIM_3), (WHO, None, SHORT)]),
    ]
    for rec in arts:
        s.write_record(rec)
    return s


def test_claim_terms_drop_stop_words_and_clitics():
    terms, n = claim_terms("وقال إن الإصابات بالكوليرا في الحديدة تجاوزت")
    assert n == 7
    assert "في" not in terms and "ان" not in terms
    assert "كوليرا" in terms and "بالكوليرا" not in terms   # the glued بال comes off
    assert "حديده" in terms


def test_said_before_links_same_claim_only(tmp_path):
    s = _corpus(tmp_path / "c.db")
    ids = {d: s.article_id(d) for d in ("a-first", "b-later", "c-other-speaker")}
    stats = s.link_claims()
    assert stats["new"] == 6
    links = s.conn.execute("SELECT article_id, idx, earlier_article_id, earlier_idx, score,"
                           " same_speaker, ordered FROM claim_links ORDER BY 1, 2, 3").fetchall()
    pairs = {(a, i, e, ei) for a, i, e, ei, *_ in links}
    a, b, c = ids["a-first"], ids["b-later"], ids["c-other-speaker"]
    # the claim, reworded, by the same minister two days later, and by someone else after that
    assert pairs == {(b, 0, a, 0), (c, 0, a, 0), (c, 0, b, 0)}
    by = {(x[0], x[2]): x for x in links}
    assert by[(b, a)][5] == 1 and by[(c, a)][5] == 0      # same speaker / a different one
    # the same speaker raises the score by exactly the bonus: the stored score is the
    # similarity with it, and the same pair without it scores SPEAKER_BONUS less
    tb, ta = (frozenset(claim_terms(x)[0]) for x in (CLAIM_2, CLAIM_1))
    with_bonus, without = similarity(tb, ta, 1)[0], similarity(tb, ta, 0)[0]
    assert with_bonus < 1.0                                # not capped, so the difference shows
    assert with_bonus - without == pytest.approx(SPEAKER_BONUS)
    assert by[(b, a)][4] == pytest.approx(with_bonus)
    assert all(x[6] == 1 for x in links)                   # all dated: the order is known
    sb = s.said_before(c)
    assert set(sb) == {0}                                  # the short claim is never matched
    earlier = sb[0]["earlier"]
    assert [e["article_id"] for e in earlier] == [a, b]    # earliest first
    assert earlier[0]["outlet"] == "سبأ" and earlier[0]["speaker_name"] == MINISTER
    assert s.said_before(a) == {}                          # nothing earlier than the first


def test_incremental_idempotent_and_out_of_order(tmp_path):
    s = _corpus(tmp_path / "c.db")
    first = s.link_claims()
    again = s.link_claims()
    assert again["new"] == 0 and again["links"] == first["links"]
    # an article published before all the others arrives last: it becomes the earliest
    s.write_record(_article("z-earliest", "عدن الغد", "2018-04-28", [(MINISTER, "P1", CLAIM_4)]))
    third = s.link_claims()
    assert third["new"] == 1 and third["links"] == first["links"] + 3
    z = s.article_id("z-earliest")
    a = s.article_id("a-first")
    assert [e["article_id"] for e in s.said_before(a)[0]["earlier"]] == [z]
    # an undated copy: linked, but as "elsewhere" (order unknown), on both sides
    s.write_record(_article("u-undated", "مجهول", None, [(WHO, None, CLAIM_2)]))
    s.link_claims()
    u = s.article_id("u-undated")
    assert [e["article_id"] for e in s.said_before(a)[0]["elsewhere"]] == [u]
    assert not s.said_before(u)[0]["earlier"] and len(s.said_before(u)[0]["elsewhere"]) == 4
    # the same document re-ingested with new text replaces its statements and links
    s.write_record(_article("z-earliest", "عدن الغد", "2018-04-28", [(MINISTER, "P1", OTHER)]))
    s.link_claims()
    assert s.conn.execute("SELECT count(*) FROM claim_links WHERE earlier_article_id=?"
                          " OR article_id=?", (z, z)).fetchone()[0] == 0
    z2 = s.article_id("z-earliest")
    assert [e["article_id"] for e in s.said_before(z2).get(0, {}).get("elsewhere", [])] == []
    assert [e["article_id"] for e in s.said_before(s.article_id("b-later"))[1]["earlier"]] == [z2]
    s.close()


def test_cli_claims(tmp_path, capsys):
    db = tmp_path / "c.db"
    s = _corpus(db)
    s.link_claims()
    c = s.article_id("c-other-speaker")
    s.close()
    assert main(["claims", "--db", str(db), str(c), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    st = out["statements"]
    assert [x["idx"] for x in st] == [0, 1]
    assert st[0]["earliest"]["outlet"] == "سبأ" and len(st[0]["earlier"]) == 2
    assert st[1]["earliest"] is None                      # the short one
    assert main(["claims", "--db", str(db), str(c)]) == 0
    text = capsys.readouterr().out
    assert "سبأ" in text and "2018-05-01" in text and MINISTER in text
    assert main(["claims", "--db", str(db), "99999"]) == 1


def test_other_figures_or_a_shared_topic_are_not_the_same_claim():
    from naba.store.claims import THRESHOLD, similarity

    def score(x, y, same=None):
        return similarity(frozenset(claim_terms(x)[0]), frozenset(claim_terms(y)[0]), same)[0]

    # another day's gold price: the same words, other figures (sample.jsonl, skynews, reworded)
    assert score("تراجع الذهب في العقود الأميركية الآجلة 0.2 بالمئة إلى 1257.40 دولار للأوقية",
                 "تراجع الذهب في العقود الأميركية الآجلة 0.1 بالمئة إلى 1320.70 دولار للأوقية") == 0
    assert score("تراجع الذهب في العقود الأميركية الآجلة 0.2 بالمئة إلى 1257.40 دولار للأوقية",
                 "تراجعت العقود الأميركية الآجلة للذهب 0.2 بالمئة إلى 1257.40 دولار للأوقية") >= THRESHOLD
    # a short claim inside a longer one counts (containment), a shared background does not
    short = "الأزمة مع كندا لن تؤثر على علاقات شركة أرامكو السعودية مع عملائها في كندا"
    longer = short + " وإن السياسة النفطية للمملكة ثابتة ولا تتأثر بأي ظروف سياسية"
    assert score(short, longer) >= THRESHOLD
    assert score("بريطانيا تبحث منح الجاسوس الروسي السابق سيرغي سكريبال وابنته يوليا هوية جديدة"
                 " وتوطينهما في الولايات المتحدة لحمايتهما من محاولات قتل أخرى",
                 "محاولة قتل الجاسوس الروسي السابق سيرغي سكريبال وابنته يوليا تمت بغاز الأعصاب"
                 ) < THRESHOLD


def test_claim_terms_strip_prefix_unconditionally_is_the_old_gate():
    """strip_prefix alone gives what the former gate (len > 3 and a first letter in وفبلكا)
    gave: it strips nothing from shorter words or other first letters."""
    from naba.arabic.tokenize import strip_prefix
    from naba.store.claims import stopwords

    words = set(stopwords()) | {"فلسطين", "بالكوليرا", "والحديدة", "لله", "وزن", "فيه", "كما",
                                 "الم", "الي", "لان", "بيروت", "مصر", "الامن", "للامن", "ولد"}
    for w in words:
        gated = strip_prefix(w)[1] if len(w) > 3 and w[0] in "وفبلكا" else w
        assert strip_prefix(w)[1] == gated, w


def test_stamp_changes_with_a_stop_word_edit_of_the_same_count(monkeypatch):
    from naba.store import claims

    before = claims._stamp()
    words = sorted(claims.stopwords())
    edited = frozenset(words[1:] + ["كلمةجديدة"])
    assert len(edited) == len(words)
    monkeypatch.setattr(claims, "stopwords", lambda: edited)
    assert claims._stamp() != before


def _v1_store(path):
    """A store as it was before "said before": only migration 1 applied, records written."""
    from naba.store import schema

    saved = list(schema.MIGRATIONS)
    schema.MIGRATIONS[:] = [m for m in saved if m[0] == 1]
    try:
        s = _corpus(path)
        assert schema.current_version(s.conn) == 1
        assert not s.conn.execute("SELECT 1 FROM sqlite_master WHERE name='claim_links'").fetchone()
        s.close()
    finally:
        schema.MIGRATIONS[:] = saved


def test_store_before_claims_says_not_linked_then_migrates_and_links(tmp_path, capsys):
    from naba.store.schema import SCHEMA_VERSION, current_version

    db = tmp_path / "v1.db"
    _v1_store(db)
    args = ["claims", "--db", str(db), "c-other-speaker"]
    # read-only (no migration): no claim tables; nothing is "not said before"
    assert main(args + ["--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["claims_linked"] == "none"
    assert [x["linked"] for x in out["statements"]] == [False, False]
    assert main(args) == 0
    text = capsys.readouterr().out
    assert "not said before" not in text and "naba claims --update" in text
    # opened by the current code: migrated (claim tables: version 3), tables there but never linked
    s = open_store(db)
    assert SCHEMA_VERSION >= 3 and current_version(s.conn) == SCHEMA_VERSION
    c = s.article_id("c-other-speaker")
    rep = s.claims_report(c)
    assert rep["claims_linked"] == "none" and not rep["statements"][0]["linked"]
    s.close()
    assert main(args) == 0
    assert "not said before" not in capsys.readouterr().out
    # --update links it like a store made with the tables
    assert main(args + ["--update", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["claims_linked"] == "current"
    st = out["statements"]
    assert st[0]["linked"] and st[0]["matchable"] and st[0]["earliest"]["outlet"] == "سبأ"
    assert st[1]["linked"] and not st[1]["matchable"]     # the short one: looked up, unmatchable
    s = open_store(db)
    assert s.link_claims()["links"] == 3
    a = s.article_id("a-first")
    rep = s.claims_report(a)
    assert rep["statements"][0]["n_earlier"] == 0 and rep["statements"][0]["linked"]
    s.close()
    assert main(["claims", "--db", str(db), "a-first"]) == 0
    text = capsys.readouterr().out
    assert "not said before in this corpus" in text and "too short" in text


def _bands_complete(s) -> bool:
    """claim_bands holds exactly one row per band of each matchable claim_index statement."""
    from naba.store.claims import band_layout

    b = band_layout()[0]
    c = s.conn
    per = c.execute("SELECT count(*), count(DISTINCT article_id || ':' || idx) FROM claim_bands"
                    ).fetchone()
    indexed = c.execute("SELECT count(*) FROM claim_index WHERE minhash IS NOT NULL").fetchone()[0]
    orphans = c.execute("SELECT count(*) FROM claim_bands b WHERE NOT EXISTS (SELECT 1 FROM"
                        " claim_index c WHERE c.article_id = b.article_id AND c.idx = b.idx"
                        " AND c.minhash IS NOT NULL)").fetchone()[0]
    return per == (b * indexed, indexed) and orphans == 0


def test_band_keys_give_the_candidates_of_datasketch_lsh():
    """Two statements share a band key exactly when datasketch's MinHashLSH (same threshold and
    signatures) would return one for the other."""
    import random

    from datasketch import LeanMinHash, MinHashLSH

    from naba.store.claims import LSH_THRESHOLD, NUM_PERM, band_keys, signature
    from naba.store.prepare import MINHASH_SCHEME, MINHASH_SEED

    rng = random.Random(3)
    vocab = [f"w{i}" for i in range(60)]
    base = [rng.sample(vocab, 10) for _ in range(15)]
    sets = [sorted(set(rng.choice(base)[:rng.randint(4, 10)]
                       + rng.sample(vocab, rng.randint(0, 4)))) for _ in range(150)]
    sigs = [signature(t) for t in sets]
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    for i, sig in enumerate(sigs):
        lsh.insert(i, LeanMinHash(seed=MINHASH_SEED, hashvalues=sig, scheme=MINHASH_SCHEME))
    keys = band_keys(np.stack(sigs))
    ours, theirs = set(), set()
    for i, sig in enumerate(sigs):
        theirs |= {(i, j) for j in lsh.query(LeanMinHash(seed=MINHASH_SEED, hashvalues=sig,
                                                           scheme=MINHASH_SCHEME)) if j != i}
        ours |= {(i, j) for j in range(len(sigs)) if j != i and (keys[i] == keys[j]).any()}
    assert ours == theirs and 0 < len(ours) < len(sigs) * (len(sigs) - 1)


def test_bands_follow_replaced_articles(tmp_path):
    s = _corpus(tmp_path / "c.db")
    s.link_claims()
    assert _bands_complete(s)
    s.write_record(_article("z-earliest", "عدن الغد", "2018-04-28", [(MINISTER, "P1", CLAIM_4)]))
    s.link_claims()
    s.write_record(_article("z-earliest", "عدن الغد", "2018-04-28", [(MINISTER, "P1", OTHER)]))
    assert _bands_complete(s)      # the replaced statement's bands went with it
    s.link_claims()
    assert _bands_complete(s)
    s.close()


def test_v2_store_linked_before_claim_bands_migrates_and_stays_current(tmp_path, capsys):
    """A store linked by the code before migration 3 (claim_index and claim_links filled, no
    claim_bands): read-only it is still "current"; opened, it gets the table, and the next link
    fills it from claim_index, recomputes nothing, and links a new article as a fresh store
    does."""
    from naba.store.schema import SCHEMA_VERSION, current_version

    db = tmp_path / "v2.db"
    s = _corpus(db)
    s.link_claims()
    links = s.conn.execute("SELECT * FROM claim_links ORDER BY 1, 2, 3, 4").fetchall()
    # what the code before migration 3 left: the same claim tables, no bands, version 2
    s.conn.execute("DROP TABLE claim_bands")
    s.conn.execute("DELETE FROM schema_migrations WHERE version = 3")
    s.conn.execute("DELETE FROM meta WHERE key = 'claims_bands'")
    s.conn.commit()
    s.close()
    args = ["claims", "--db", str(db), "c-other-speaker", "--json"]
    assert main(args) == 0          # read-only: not migrated, the links read as they are
    out = json.loads(capsys.readouterr().out)
    assert out["claims_linked"] == "current"
    assert out["statements"][0]["earliest"]["outlet"] == "سبأ"
    s = open_store(db)
    assert SCHEMA_VERSION >= 3 and current_version(s.conn) == SCHEMA_VERSION
    assert s.conn.execute("SELECT count(*) FROM claim_bands").fetchone()[0] == 0
    assert s.claims_report(s.article_id("a-first"))["claims_linked"] == "current"
    again = s.link_claims()
    assert again["new"] == 0 and _bands_complete(s)
    assert s.conn.execute("SELECT * FROM claim_links ORDER BY 1, 2, 3, 4").fetchall() == links
    s.write_record(_article("z-earliest", "عدن الغد", "2018-04-28", [(MINISTER, "P1", CLAIM_4)]))
    third = s.link_claims()
    assert third["new"] == 1 and third["links"] == len(links) + 3 and _bands_complete(s)
    fresh = _corpus(tmp_path / "fresh.db")
    fresh.write_record(_article("z-earliest", "عدن الغد", "2018-04-28", [(MINISTER, "P1", CLAIM_4)]))
    fresh.link_claims()
    q = "SELECT * FROM claim_links ORDER BY 1, 2, 3, 4"
    assert s.conn.execute(q).fetchall() == fresh.conn.execute(q).fetchall()
    s.close()
    fresh.close()
