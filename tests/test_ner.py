"""The NER tagger: the shipped weights load fast, tag real sentences, and the CoNLL scorer and
`naba eval ner` follow the contract. The dev-split quality gate needs ../shared/data."""

from __future__ import annotations

import json
import subprocess
import sys
import time

from naba.evaluate.ner import score, spans
from naba.models.ner import tagger

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
