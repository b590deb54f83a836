"""naba eval events: span words are compared with the glued proclitic stripped as the search index
does (not any run of و ف ب ل letters), and two gold span records of one sentence are both kept."""

from __future__ import annotations

import csv
import json

from naba.evaluate.events import _words, evaluate


def test_words_strip_a_proclitic_not_a_run_of_letters():
    assert _words("والجيش للشرطة") == {"جيش", "شرطه"}
    assert _words("بلد لبنان") == {"بلد", "لبنان"}       # lstrip('وفبل') made them د and نان


def test_two_span_records_of_one_sentence_are_both_kept(tmp_path):
    # a sentence written for this test; its gold actor is given by two records
    text = "هاجم مسلحون مجهولون مركزا للشرطة في المدينة."
    with (tmp_path / "assault_gsr.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, ["id", "text", "accept", "reject"])
        w.writeheader()
        w.writerow({"id": "t-1", "text": text, "accept": 3, "reject": 0})
    recs = [{"event_type": "ASSAULT", "text": text, "source_gold": g, "target_gold": "الشرطة"}
            for g in ("مسلحون", "طائرات")]   # only the first matches naba's actor
    (tmp_path / "assault_spans.json").write_text(json.dumps(recs, ensure_ascii=False), encoding="utf-8")
    out = evaluate(tmp_path)
    assert out["span_records_duplicated"] == {"ASSAULT": 1, "PROTEST": 0}
    spans = [out[f"assault_spans_{p}"] for p in ("tune", "heldout")]
    got = [s for s in spans if s["n"]]
    assert len(got) == 1 and got[0]["n"] == 1          # one sentence, counted once
    assert got[0]["actor_match"] == 1.0                # the later record did not overwrite it
