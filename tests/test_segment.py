"""naba.stages.segment: sentences and tokens on real text (lines from ../shared/data/news)."""

import json

import naba
from naba.record import check_spans
from naba.stages.segment import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_reversed_curly_quotes_stay_with_their_sentence():
    # AlArabiya writes ”...“ reversed (QUIRKS.md, AL-internationalNews-1102-20180510)
    assert sentences("وقال إن ”اليمن“ بلد عظيم. وأضاف: ”لن نتراجع!“ ثم غادر.") == [
        "وقال إن ”اليمن“ بلد عظيم.", "وأضاف: ”لن نتراجع!“", "ثم غادر."]


def test_guillemets_numbers_domains():
    assert sentences("قال الوزير: «سنواصل العمل». وأكد أن الوضع مستقر…") == [
        "قال الوزير: «سنواصل العمل».", "وأكد أن الوضع مستقر…"]
    assert sentences("بلغت النسبة 3.5% في عام 2018. وقال لـ\"العربية.نت\" إن الوضع هادئ") == [
        "بلغت النسبة 3.5% في عام 2018.", "وقال لـ\"العربية.نت\" إن الوضع هادئ"]


def test_abbreviations_and_initials():
    assert sentences("التقى د. محمد بن سلمان مع أ. د. علي. ثم غادر.") == [
        "التقى د. محمد بن سلمان مع أ. د. علي.", "ثم غادر."]
    # LBCGroup page (fundus): "مركز جون إف. كينيدي للفنون المسرحية"
    assert len(sentences("وخلال مخاطبته أعضاء الحزب في مركز جون إف. كينيدي للفنون المسرحية، بدا شعره ورديا.")) == 1


def test_a_stop_after_a_space_or_a_one_digit_number_ends_a_sentence():
    # ../shared/data/news/sample.jsonl (cut): scraped pages often put a space before the stop
    assert sentences("سجل هدفين في الدقيقتين 19 و 87 . و يعد هذا اللقب الخامس له") == [
        "سجل هدفين في الدقيقتين 19 و 87 .", "و يعد هذا اللقب الخامس له"]
    assert sentences("وأضاف أن الوضع هادئ . وقال إن عدد المصابين بلغ 3. وأكد أن الجيش انسحب.") == [
        "وأضاف أن الوضع هادئ .", "وقال إن عدد المصابين بلغ 3.", "وأكد أن الجيش انسحب."]
    # also in a later sentence of the paragraph, however long the one before it
    assert sentences("وصل الوفد إلى المدينة صباح اليوم. وقال المتحدث إن عدد القتلى بلغ 3. وأضاف أنه مستمر.") == [
        "وصل الوفد إلى المدينة صباح اليوم.", "وقال المتحدث إن عدد القتلى بلغ 3.", "وأضاف أنه مستمر."]
    # but not after an abbreviation or an initial with the space, nor after a list number
    assert sentences("التقى د . محمد و ج. بوش. ثم غادر.") == ["التقى د . محمد و ج. بوش.", "ثم غادر."]
    assert sentences("1. البند الأول. 2. البند الثاني.") == ["1. البند الأول.", "2. البند الثاني."]


def test_question_exclamation_ellipsis():
    assert sentences("هل ستنجح المفاوضات؟ لا أحد يعرف! حصل على 1.5 مليون دولار... ثم اختفى") == [
        "هل ستنجح المفاوضات؟", "لا أحد يعرف!", "حصل على 1.5 مليون دولار...", "ثم اختفى"]


def test_one_line_article_has_no_heading_and_one_paragraph():
    rec = naba.analyze({"id": "o", "title": "عنوان", "text": "أعلنت وزارة الصحة عن افتتاح مستشفى جديد"},
                       stages=("clean", "segment"))
    assert rec.headings == [] and len(rec.paragraphs) == 1 and len(rec.sentences) == 1


def test_sentences_within_paragraphs_on_corpus_sample(shared_data):
    """Every sentence lies inside one paragraph, spans match the text, tokens cover words."""
    with open(shared_data / "news" / "sample.jsonl", encoding="utf-8") as f:
        docs = [json.loads(line) for _, line in zip(range(300), f)]
    checked = 0
    for d in docs:
        try:
            rec = naba.analyze(d, stages=("clean", "segment"))
        except naba.errors.NabaError:
            continue
        checked += 1
        assert check_spans(rec) == []
        for s in rec.sentences:
            assert any(p.start <= s.start and s.end <= p.end for p in rec.paragraphs), s.text
        assert all(rec.text[t.start:t.end] == t.text for t in rec.tokens)
        # no paragraph is left without a sentence
        assert len(rec.sentences) >= len(rec.paragraphs)
    assert checked >= 290


def test_headings_sane_on_corpus_sample(shared_data):
    """On 300 sample articles: few headings (1.7% of paragraphs measured), never the first paragraph, never a line
    with a clause comma beyond six words."""
    with open(shared_data / "news" / "sample.jsonl", encoding="utf-8") as f:
        docs = [json.loads(line) for _, line in zip(range(300), f)]
    headings = paragraphs = 0
    for d in docs:
        try:
            rec = naba.analyze(d, stages=("clean",))
        except naba.errors.NabaError:
            continue
        paragraphs += len(rec.paragraphs)
        for i, p in enumerate(rec.paragraphs):
            if p.kind == "heading":
                headings += 1
                assert i > 0 and i < len(rec.paragraphs) - 1
                assert not p.text.endswith((".", "؟", "!", "،"))
    assert headings <= 0.03 * paragraphs  # measured 1.7%
