"""The NER tagger: the shipped weights load fast, tag real sentences, and the CoNLL scorer and
`naba eval ner` follow the contract. The dev-split quality gate needs ../shared/data."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from naba.evaluate.ner import score, spans
from naba.models.ner import tagger

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Cut from ANERcorp train.txt (CC BY-SA 4.0, CAMeL Lab re-release), its first sentence.
ANER_SENT = ("فرانكفورت (د ب أ) أعلن اتحاد صناعة السيارات في ألمانيا امس الاول أن شركات صناعة السيارات "
             "في ألمانيا تواجه عاما صعبا").split()


def test_model_loads_fast_and_tags():
    tagger.tagger.cache_clear()
    t0 = time.perf_counter()
    tagger.tagger()
    assert time.perf_counter() - t0 < 2.0
    tags = tagger.tag(ANER_SENT)
    assert len(tags) == len(ANER_SENT)
    assert tags[ANER_SENT.index("ألمانيا")] == "B-LOC"


def test_conll_spans_and_scores():
    assert spans(["B-PERS", "I-PERS", "O", "B-LOC", "I-ORG"]) == {(0, 2, "PERS"), (3, 4, "LOC"), (4, 5, "ORG")}
    r = score([["B-PERS", "I-PERS", "O", "B-LOC"]], [["B-PERS", "O", "O", "B-LOC"]])
    assert r["per_type"]["LOC"]["f1"] == 100.0 and r["per_type"]["PERS"]["f1"] == 0.0
    assert r["micro_f1"] == 50.0


def test_eval_cli_contract(tmp_path):
    gold = tmp_path / "gold.txt"
    gold.write_text("\n".join(f"{w} {'B-LOC' if w == 'ألمانيا' else 'O'}" for w in ANER_SENT) + "\n\n",
                    encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "naba", "eval", "ner", "--gold", str(gold)],
                         capture_output=True, text=True, check=True).stdout
    last = json.loads(out.strip().splitlines()[-1])
    assert "micro_f1" in last and "per_type" in last and 0 <= last["micro_f1"] <= 100


def test_word_clusters_give_features_to_unseen_spellings():
    from naba.models.ner.features import clusters, word_features

    cl = clusters()
    assert len(cl) > 50_000
    # two capitals share a fine cluster; the clitic-glued form gets its base's clusters too
    assert cl["لندن"][-1] == cl["باريس"][-1]
    own, _ = word_features("ولندن")
    assert f"bc2={cl['لندن'][2]}" in own or f"c2={cl['لندن'][2]}" in own


def test_topic_cues_join_the_word_features():
    """A match report's sentence carries the sport topic, joined with a city's place flag (so the
    CRF can learn that "كييف" after "دينامو" in a match report is a club); a plain sentence none."""
    from naba.models.ner.features import document_features, sentence_topics, word_features

    match = "وفاز دينامو كييف على ضيفه في المباراة".split()
    plain = "وصل الوزير إلى كييف أمس".split()
    def topics(toks):
        own = [word_features(t)[0] for t in toks]
        return sentence_topics([o[0][2:] for o in own], [o[1][2:] for o in own])

    assert topics(match) == {"sport"} and topics(plain) == set()
    feats = document_features([match, plain])
    kiev = feats[0][match.index("كييف")]
    assert "T=sport" in kiev and any(f.startswith("T=sport&g") for f in kiev)
    assert not any(f.startswith("T=") for f in feats[1][plain.index("كييف")])


def test_head_names_mark_words_that_follow_a_name_head():
    """Words mined from the news after "نادي"/"شركة"/"حزب" carry their head's class, on the word
    (also with a glued clitic) and on its neighbours; a common word carries none."""
    from naba.models.ner.features import word_features

    own, win = word_features("والزمالك")
    assert "mh=club" in own and "1mh=club" in win[1] and "-1mh=club" in win[-1]
    assert "mh=party" in word_features("الليكود")[0]
    assert not any(f.startswith("mh=") for f in word_features("الحكومة")[0])


def test_unlisted_names_read_as_names_by_their_letters():
    """Foreign names in no list ("بنفيكا", "إيتو") score as names, common words as not; the score
    reaches the word's own and its neighbours' features."""
    from naba.arabic.normalize import normalize
    from naba.entities import gazetteer
    from naba.models.ner import namelike
    from naba.models.ner.features import word_features

    names = gazetteer.person_names()
    for word in ("بنفيكا", "إيتو", "سلتيك"):
        assert normalize(word) not in names and namelike.score(normalize(word)) >= 2, word
    for word in ("أهدافا", "الحكومة", "فريق", "سيلعب"):
        assert namelike.score(normalize(word)) <= -2, word
    own, win = word_features("وبنفيكا")
    assert "nl=3" in own and "1nl=3" in win[1] and "-1nl=3" in win[-1]


def test_name_gram_table_scores_listed_words_out_of_fold(tmp_path, monkeypatch):
    """A word of the lists is scored by a model that never saw it: a name-looking common word
    keeps a name-like score, it is not pulled to the list it is in."""
    from naba.models.ner import namelike

    names = {f"{a}{b}{c}و" for a in "بتجد" for b in "يرز" for c in "سشص"} | {"كارلو"}
    common = [f"ال{a}{b}{c}ات" for a in "مكل" for b in "عغف" for c in "قنه"] + ["ماركو"]
    path = tmp_path / "grams.tsv.gz"
    monkeypatch.setattr(namelike, "PATH", path)
    namelike._table.cache_clear()
    try:
        assert namelike.build(names, common, path) > 0
        assert namelike.score("دمزشو") == 3 and namelike.score("الطعنات") == -3  # unseen words
        assert namelike.score("ماركو") > 0  # listed as common, read as a name
    finally:
        namelike._table.cache_clear()


def test_a_name_tagged_once_is_tagged_wherever_it_recurs_nearby():
    from naba.models.ner.tagger import propagate

    keys = [["فاز", "دينامو", "كييف"], ["وقال", "مدرب", "دينامو", "كييف"], ["كييف"], ["x"], ["كييف"]]
    tags = [["O", "B-ORG", "I-ORG"], ["O", "O", "O", "O"], ["B-LOC"], ["O"], ["O"]]
    out = propagate(keys, tags, window=1)
    assert out[1] == ["O", "O", "B-ORG", "I-ORG"]  # the two-word name, not the LOC reading of كييف
    assert out[0] == tags[0] and out[2] == ["B-LOC"]  # tagged words keep their tags
    assert out[4] == ["O"]  # كييف is tagged two sentences up: beyond a window of 1
    assert propagate(keys, tags, window=2)[4] == ["B-LOC"]
    assert propagate(keys, tags, window=0)[1] == ["O"] * 4  # nothing beyond the window
    from naba.models.ner.features import word_features

    base = [[word_features(w)[0][1][2:] for w in s] for s in (["الهيئة"], ["وقالت", "الهيئة"])]
    generic = propagate(base, [["B-ORG"], ["O", "O"]])
    assert generic[1] == ["O", "O"]  # a lone organisation head is no name to spread


def test_dev_fixture_quality_gate():
    """The shipped model on 80 committed sentences of the ANERcorp dev split (see
    fixtures/anercorp_dev_head.SOURCE.txt): measured 80.1 micro F1, floor a little below."""
    from naba.evaluate.ner import evaluate, read_gold

    r = evaluate(read_gold(FIXTURES / "anercorp_dev_head.txt"))
    assert r["sentences"] == 80 and r["entities"] == 203
    assert r["micro_f1"] >= 78.0
    assert r["per_type"]["LOC"]["f1"] >= 88.0


# name: (sentences, tokens, entities), micro floor, per-type floors. First measurements, before the
# tagger saw each set (their SOURCE.txt files): 76.51, 71.02, 64.91 (67.04 with two gold slips fixed),
# and 73.23 for news2018d with the model trained on the first three (70.03 with the one trained on none).
NEWS_GATES = {
    "ner_news2018.conll": ((149, 4077, 358), 73.5, {"LOC": 86.0, "PERS": 78.0, "ORG": 46.0}),
    "ner_news2018b.conll": ((128, 4367, 327), 68.0, {"LOC": 81.0, "PERS": 70.0, "ORG": 52.0, "MISC": 54.0}),
    "ner_news2018c.conll": ((133, 4078, 305), 64.0, {"LOC": 75.0, "PERS": 73.0, "ORG": 42.0, "MISC": 40.0}),
    "ner_news2018d.conll": ((127, 4113, 326), 70.0, {"LOC": 77.0, "PERS": 78.0, "ORG": 56.0, "MISC": 63.0}),
}


@pytest.mark.parametrize("name", sorted(NEWS_GATES))
def test_news_fixture_quality_gates(name):
    """The shipped model on naba's four news gold sets (25 articles each of 2015-2018, annotated by
    hand with the ANERcorp conventions before the tagger saw them), floors a few points under the first
    measurements. Since session 4 `naba train ner` trains on the first three, so for them this is
    in-sample (a broken model fails it; held out: bench/ner_news_cv.py); news2018d is held out."""
    from naba.evaluate.ner import evaluate, read_gold

    counts, micro, per_type = NEWS_GATES[name]
    r = evaluate(read_gold(FIXTURES / name))
    assert (r["sentences"], r["tokens"], r["entities"]) == counts
    assert r["micro_f1"] >= micro
    assert all(r["per_type"][t]["f1"] >= f for t, f in per_type.items())


@pytest.mark.parametrize(
    "name,floor",
    [("ner_news2018.conll", 77.0), ("ner_news2018b.conll", 70.5), ("ner_news2018c.conll", 70.0),
     ("ner_news2018d.conll", 70.0)],
)
def test_news_fixtures_through_the_entities_stage(name, floor):
    """What a record holds, scored as NER (`naba eval ner --stage`): every gold token aligned, every
    entity counted. The floors are a little under the stage's numbers before the shipped model
    trained on these sets (80.29 / 74.10 / 72.53 against the tagger's 76.99 / 71.38 / 67.04; on the
    fresh news2018d 72.23 against 73.23: there the stage's organisation heads cost more than its
    repairs gave). Held out now: bench/ner_news_cv.py."""
    from naba.evaluate.ner import evaluate, evaluate_stage, read_gold

    gold = read_gold(FIXTURES / name)
    r = evaluate_stage(gold)
    assert r["unaligned"] == 0 and r["entities"] == evaluate(gold)["entities"]
    assert r["micro_f1"] >= floor


def test_stage_tags_read_mentions_back_onto_gold_tokens():
    """A mention without its proclitic ("بغداد" of "وبغداد") tags the whole gold token; a line the
    clean stage drops as a repeat leaves its tokens unaligned and untagged."""
    from naba.evaluate.ner import stage_tags

    sent = [(w, "O") for w in "وصل الرئيس العراقي إلى بغداد أمس وزار وبغداد تستعد".split()]
    pred, unaligned = stage_tags([sent, sent])
    assert unaligned == len(sent) and pred[1] == ["O"] * len(sent)
    assert pred[0][4] == "B-LOC" and pred[0][7] == "B-LOC"


def test_stage_tags_keep_a_first_line_without_a_stop_and_match_whole_words():
    """A first line with no final stop is text, not the title the clean stage would take it for;
    a token is found as a whole word ("زيارة" is not the end of "الزيارة" further on)."""
    from naba.evaluate.ner import stage_tags

    first = [("زيارة", "O"), ("بشار", "B-PERS"), ("الأسد", "I-PERS"), ("إلى", "O"), ("موسكو", "B-LOC")]
    second = [(w, "O") for w in "قال بوتين إن الزيارة مهمة .".split()]
    pred, unaligned = stage_tags([first, second])
    assert unaligned == 0
    assert pred[0] == ["O", "B-PERS", "I-PERS", "O", "B-LOC"] and pred[1][1] == "B-PERS"


def test_dev_split_quality_gate(shared_data):
    """The shipped model on the ANERcorp dev split (the last 10% of train.txt, never trained on):
    floors pinned a little below the measured 72.07 micro F1."""
    from naba.evaluate.ner import evaluate
    from naba.models.ner.train import anercorp_split

    _, dev = anercorp_split(shared_data)
    assert len(dev) == 399
    r = evaluate(dev)
    assert r["micro_f1"] >= 70.5
    assert r["per_type"]["LOC"]["f1"] >= 83.0 and r["per_type"]["PERS"]["f1"] >= 68.0


def test_training_runs_print_their_dev_scores(capsys):
    from naba.models.ner.train import print_dev_scores

    r = score([["B-PERS", "I-PERS", "O", "B-LOC"]], [["B-PERS", "I-PERS", "O", "B-ORG"]])
    print_dev_scores({"anercorp_dev": r})  # naba train ner
    print_dev_scores({"train_s": 3, "dev": r}, width=10, precision_recall=True)  # naba train ner-neural
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "anercorp_dev   micro F1 50.00  (LOC 0.0 MISC 0.0 ORG 0.0 PERS 100.0)"
    assert lines[2] == "dev        micro F1 50.00 P 50.00 R 50.00 (LOC 0.0 MISC 0.0 ORG 0.0 PERS 100.0)"
    assert json.loads(lines[3]) == {"train_s": 3, "dev": {"micro_f1": 50.0, "per_type": {
        "LOC": 0.0, "MISC": 0.0, "ORG": 0.0, "PERS": 100.0}}}
    assert json.loads(lines[1])["anercorp_dev"]["per_type"]["PERS"] == 100.0


@pytest.mark.parametrize("content", [b"", "\u0642\u0627\u0644\n\u0639\u0648\u0646\n".encode(),
                                     bytes(range(256)) * 40, b"a foo\nb bar\n"])
def test_eval_cli_rejects_a_file_that_is_not_iob(tmp_path, content):
    # An empty, tagless or binary "gold" file is an error, not micro_f1 0.0 with exit 0.
    gold = tmp_path / "gold.txt"
    gold.write_bytes(content)
    p = subprocess.run([sys.executable, "-m", "naba", "eval", "ner", "--gold", str(gold)],
                       capture_output=True, text=True)
    assert p.returncode != 0 and p.stdout == ""
    assert len(p.stderr.strip().splitlines()) == 1 and "gold file" in p.stderr
