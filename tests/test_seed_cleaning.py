"""End-to-end: the flagship seed article's "cleaning" gold (examples/seed.gold.json)."""

from naba.arabic.normalize import normalize
from naba.record import check_spans


def test_removed_lines(seed_record, seed_gold):
    removed = [r["text"] for r in seed_record.removed]
    for line in seed_gold["cleaning"]["removed"]:
        assert line in removed
        assert line not in seed_record.text


def test_related_teaser(seed_record, seed_gold):
    related = [r["text"] for r in seed_record.related]
    assert related == seed_gold["cleaning"]["related"]
    assert "اقرأ أيضاً" not in seed_record.text


def test_title_and_headings(seed_record, seed_gold):
    assert seed_record.title == seed_gold["cleaning"]["title"]
    assert [h.text for h in seed_record.headings] == seed_gold["cleaning"]["headings"]


def test_repaired_words(seed_record, seed_gold):
    repairs = {r["from"]: r["to"] for r in seed_record.meta.get("repairs", [])}
    for broken, fixed in seed_gold["cleaning"]["repaired_words"].items():
        assert repairs.get(broken) == fixed


def test_text_kept_as_written(seed_record, seed_text):
    # diacritics and quote marks are kept; every paragraph of the body is there verbatim
    assert "بشّار الأسد" in seed_record.text
    assert "“محمد رضا باقري”" in seed_record.text
    assert normalize("المُرشد") == normalize("المرشد")
    body_last = seed_text.strip().splitlines()[-1]
    assert seed_record.text.endswith(body_last)


def test_spans_consistent(seed_record):
    assert check_spans(seed_record) == []
    assert len(seed_record.sentences) >= 13
