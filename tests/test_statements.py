"""Statements (who said what): the seed end to end, real sentences, and the dev-set gate.

The short texts below are cut from the seed (examples/seed.txt) and from the articles of
../shared/data/attribution/dev.jsonl (ANT corpus and SaudiNewsNet), as noted on each.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import naba
from naba.evaluate.statements import evaluate_file, same_speaker
from naba.statements.quotes import quote_spans

NO_NER = ("clean", "segment", "times", "statements")
UNSEEN = Path(__file__).parent / "fixtures" / "statements_unseen.jsonl"  # news excerpts, ids inside


def statements(text: str, stages=NO_NER):
    return naba.analyze(text, stages=stages, published="2018-05-17").statements


def _check_seed(record, gold):
    got = record.statements
    assert len(got) == len(gold["statements"])
    for st, g in zip(got, gold["statements"]):
        assert st.content.text == g["content"]
        assert st.cue.text == g["cue"]
        assert st.speaker_name == g["speaker_canonical"]
        assert (st.medium.text if st.medium else None) == g["medium"]
        assert st.certainty == g["certainty"]
        assert st.kind == g["kind"]
        if g["speaker"] is not None:
            assert st.speaker is not None and st.speaker.text == g["speaker"]


def test_seed_statements_without_entities(seed_text, seed_gold):
    """Our own coreference gives "محمد رضا باقري" for "باقري" and "السفير السابق"."""
    record = naba.analyze(seed_text, stages=NO_NER, published="2022-05-20")
    _check_seed(record, seed_gold)


def test_seed_statements_full_pipeline(seed_text, seed_gold):
    record = naba.analyze(seed_text, id="seed", published="2022-05-20")  # the NER model ships
    _check_seed(record, seed_gold)
    for st in record.statements:
        assert st.cue.attrs["lemma"]
        assert record.text[st.content.start:st.content.end] == st.content.text


def test_quote_pairs_reversed_and_unclosed():
    text = "قال ”نص أول“ ثم «نص ثان» وقال: ”نص لم يغلق"
    spans = quote_spans(text, 0, len(text))
    inner = [text[a + 1:b] for a, b in spans]
    assert inner == ["نص أول", "نص ثان", "نص لم يغلق"]


def test_stray_closing_quote_does_not_open():
    text = 'إن فصائل المعارضة تمكنت من بسط سيطرتها على التلة"، مشيراً إلى أنهم استهدفوا "قوات الأسد".'
    spans = quote_spans(text, 0, len(text))
    assert [text[a + 1:b] for a, b in spans] == ["قوات الأسد"]


def test_direct_quote_then_according_to_and_continuation():
    # dev: ant_multisource:SK-middleEast-3839-20181012 (cut)
    text = ('وأضاف ممثل روسيا: "الإرهابيون يجب أن يغادروا. إبقاؤهم في المجتمع ليس فكرة جيدة"، '
            'بحسب ما نقل لوكالة فرانس برس دبلوماسي طلب عدم كشف اسمه.\n\n'
            'وتابع: "أخرجوهم من المناطق التي يتواجدون بها، وبخاصة من إدلب".')
    got = statements(text)
    assert [s.cue.text for s in got] == ["وأضاف", "بحسب", "وتابع"]
    assert got[0].kind == "direct" and got[0].speaker_name == "ممثل روسيا"
    assert got[0].content.text == "الإرهابيون يجب أن يغادروا. إبقاؤهم في المجتمع ليس فكرة جيدة"
    assert got[1].kind == "according_to" and got[1].content.text == got[0].content.text
    assert got[2].speaker is None and got[2].speaker_name == "ممثل روسيا"


def test_indirect_with_participle_continuation_and_medium():
    # dev: saudinewsnet:5261 and ant_multisource:AL-economy-459-20180504 (cut)
    text = ('وقال صالح شيخ يوسف، أحد قادة الفرقة الثانية الساحلية، إن فصائل المعارضة تمكنت من بسط '
            'سيطرتها على التلة، مشيراً إلى أنهم استهدفوا قوات الأسد المنتشرة في محيط التلة بالصواريخ.\n\n'
            'وقالت خمسة مصادر مطلعة لرويترز إن الحكومة تتجه لتخصيص 2.3 مليار ريال.')
    got = statements(text)
    assert [s.cue.text for s in got] == ["وقال", "مشيراً", "وقالت"]
    assert got[0].speaker.text == "صالح شيخ يوسف، أحد قادة الفرقة الثانية الساحلية"
    assert got[0].content.text == "فصائل المعارضة تمكنت من بسط سيطرتها على التلة"
    assert got[1].speaker_name == "صالح شيخ يوسف"
    assert got[1].content.text.startswith("استهدفوا قوات الأسد")
    assert got[2].speaker.text == "خمسة مصادر مطلعة" and got[2].medium.text == "لرويترز"


def test_certainty_from_cue_negation_and_hedge():
    # dev: ant_multisource:SK-middleEast-3839-20181012, BB-internationalNews-346, saudinewsnet:10672 (cut)
    text = ('ولا تعتبر روسيا أن أفراد الخوذ البيضاء في مناطق المعارضة يعملون بصفتهم مسعفين.\n\n'
            'وقال إم إن تيواري نائب قائد الشرطة لبي بي سي "نعتقد أن المتهمين حاولوا التفاوض مع والدي الضحية".\n\n'
            'والمحت الوكالة الاميركية الى ان اليونان لن تتمكن من احترام ديونها.\n\n'
            'ونفى المتحدث باسم الوزارة أن تكون القوات قد دخلت المدينة.')
    got = statements(text)
    assert [s.certainty for s in got] == ["denied", "hedged", "hedged", "denied"]
    assert got[2].cue.attrs["lemma"] == "ألمح"


def test_narration_and_headlines_are_not_statements():
    text = ("مسؤول إيراني يكشف عن طلب شخصي قدمه بشار الأسد\n\n"
            "يُذكر أن إيران كانت من أولى الدول التي أرسلت ميليشياتها العسكرية لمُساندة نظام الأسد.\n\n"
            "وقال الوزير في مؤتمر صحفي.")
    assert statements(text) == []


def test_same_speaker_is_lenient_on_titles_only():
    assert same_speaker("محمد رضا باقري", "محمد رضا باقري")
    assert same_speaker("وكالة التصنيف الائتماني ستاندارد آند بورز", "ستاندارد آند بورز")
    assert not same_speaker("ميلانيا ترامب", "دونالد ترامب")
    assert not same_speaker(None, "دونالد ترامب")


def test_eval_command_on_the_seed(tmp_path, seed_text, seed_gold):
    record = naba.analyze(seed_text, stages=("clean",), published="2022-05-20")
    gold = {"id": "seed", "published": "2022-05-20", "title": None, "outlet": None,
            "text": record.text, "statements": seed_gold["statements"]}
    path = tmp_path / "seed.jsonl"
    path.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    res = evaluate_file(path, stages=NO_NER)
    assert res["f1"] == 1.0 and res["speaker_accuracy"] == 1.0 and res["certainty_accuracy"] == 1.0


def test_participle_with_its_own_complementizer_ends_the_content():
    # news: saudinewsnet:5131 (cut)
    text = ('كشف وزير الإدارة المحلية اليمني عبدالرقيب سيف فتح الأسودي بأن قاعدة العند ستكون محررة بعد 48 '
            'ساعة وهي آيلة للسقوط مشيرا في تصريح ل"الرياض" بأن قوات التحالف اتبعت استراتيجية ذكية '
            'مبينا بأن الجيش الوطني سيطر على الجبال المحيطة.')
    got = statements(text)
    assert [s.cue.text for s in got] == ["كشف", "مشيرا", "مبينا"]
    assert got[0].content.text == "قاعدة العند ستكون محررة بعد 48 ساعة وهي آيلة للسقوط"
    assert got[1].content.text == "قوات التحالف اتبعت استراتيجية ذكية"
    assert got[1].medium.text == 'في تصريح ل"الرياض"'
    assert {s.speaker_name for s in got} == {"عبدالرقيب سيف فتح الأسودي"}


def test_participle_takes_the_subject_of_the_opening_verb():
    # news: saudinewsnet:4711 (cut); dev: ant_multisource:BB-internationalNews-937-20180805 (cut)
    text = ('قال الوزير إن المباراة مهمة.\n\n'
            'وعبر الرئيس السابق وعضو الشرف الحالي أحمد الرزوقي عن ثقته بإمكانات الزويهري، لافتا الى أن '
            'المهمة صعبة وشاقة.\n\n'
            'ومضى قائلا إن النادي قوي.')
    got = statements(text)
    assert [s.cue.text for s in got] == ["قال", "لافتا", "قائلا"]
    assert got[1].speaker_name == "أحمد الرزوقي"
    assert got[2].speaker is None and got[2].speaker_name == "أحمد الرزوقي"


def test_relayed_source_is_after_an_and_the_relay_is_the_medium():
    # news: ant_multisource:FR-middleEast-843-20180729 and FR-internationalNews-1344-20180520 (cut)
    text = ('نقلت وسائل إعلام تركية منها محطة خبر ترك التلفزيونية عن الرئيس رجب طيب أردوغان قوله الأحد '
            'إن تركيا لن تتراجع عن موقفها.\n\n'
            'اتفقت الصين والولايات المتحدة على عدم الدخول في حرب تجارية، بحسب ما نقلت وكالة أنباء الصين '
            'الجديدة (شينخو) الرسمية السبت عن نائب رئيس الوزراء الصيني ليو هي.\n\n'
            'أعلن نائب رئيس الوزراء الصيني ليو هي السبت أن بكين وواشنطن اتفقتا على عدم فرض رسوم، بحسب ما '
            'نقلت وكالة أنباء الصين الجديدة (شينخو) الرسمية.')
    got = statements(text)
    assert [s.cue.text for s in got] == ["نقلت", "بحسب", "أعلن"]  # the last بحسب is the medium
    assert got[0].speaker.text == "الرئيس رجب طيب أردوغان" and got[0].speaker_name == "رجب طيب أردوغان"
    assert got[0].medium.text == "وسائل إعلام تركية منها محطة خبر ترك التلفزيونية"
    assert got[1].speaker_name == "ليو هي"
    assert got[1].content.text == "اتفقت الصين والولايات المتحدة على عدم الدخول في حرب تجارية"
    assert got[2].medium.text.startswith("وكالة أنباء الصين الجديدة")


def test_according_to_after_a_discourse_opener_and_source_before_cue():
    # news: saudinewsnet:8992, ant_multisource:SK-economy-1095-20180802 (cut)
    text = ('ومن جهة أخرى بحسب مصادر محلية، جددت طائرات التحالف العربي غاراتها على قاعدة العند.\n\n'
            'وصعد الخام الأميركي نحو اثنين بالمئة بعدما اطلع التجار على تقرير يشير إلى أن مخزونات الخام '
            'ستنخفض قريبا.')
    got = statements(text)
    assert got[0].content.text == "جددت طائرات التحالف العربي غاراتها على قاعدة العند"
    assert got[0].speaker.text == "مصادر محلية"
    assert got[1].speaker.text == "تقرير" and got[1].content.text == "مخزونات الخام ستنخفض قريبا"


def test_quoted_name_in_the_speaker_phrase_and_unmarked_direct_quote():
    # news: ant_multisource:FR-middleEast-741-20180706 and saudinewsnet:12129 (cut)
    text = ('وتقترب الفصائل من اتفاق في الجنوب.\n\n'
            'وقال مدير المكتب الإعلامي في "غرفة العمليات المركزية في الجنوب" التابعة للفصائل المعارضة '
            'حسين أبازيد لوكالة الأنباء الفرنسية "تم الاتفاق على وقف إطلاق النار في محافظة درعا."\n\n'
            'وأضاف نحن نبارك هذه الخطوة ونقدرها لدول التحالف.')
    got = statements(text)
    assert got[0].content.text == "تم الاتفاق على وقف إطلاق النار في محافظة درعا."
    assert got[0].speaker_name == "حسين أبازيد" and got[0].medium.text == "لوكالة الأنباء الفرنسية"
    assert got[1].kind == "direct" and got[1].speaker is None and got[1].speaker_name == "حسين أبازيد"
    assert got[1].content.text == "نحن نبارك هذه الخطوة ونقدرها لدول التحالف"


UNSEEN2 = Path(__file__).parent / "fixtures" / "statements_unseen2.jsonl"  # see statements_unseen2.SOURCE.txt
UNSEEN3 = Path(__file__).parent / "fixtures" / "statements_unseen3.jsonl"  # see statements_unseen3.SOURCE.txt
UNSEEN4 = Path(__file__).parent / "fixtures" / "statements_unseen4.jsonl"  # see statements_unseen4.SOURCE.txt
UNSEEN5 = Path(__file__).parent / "fixtures" / "statements_unseen5.jsonl"  # see statements_unseen5.SOURCE.txt
UNSEEN6 = Path(__file__).parent / "fixtures" / "statements_unseen6.jsonl"  # see statements_unseen6.SOURCE.txt
UNSEEN7 = Path(__file__).parent / "fixtures" / "statements_unseen7.jsonl"  # see statements_unseen7.SOURCE.txt

# Quality gates on the unseen sets, each a bit below what the rules reach; the sets were annotated
# before naba ran on them, then tuned on (in-sample now). The honest fresh-article estimates are the
# first measurements:
# - statements_unseen (13 excerpts, seed 11): F1 0.843, speaker 0.80, F1 with the right speaker 0.675;
#   after tuning, without NER F1 0.941, speaker 0.875, certainty 1.0; whole pipeline F1 0.954, speaker 0.951.
# - statements_unseen2 (15 excerpts, seed 29, 2026-11-29): F1 0.868, speaker 0.821 (0.732 without NER),
#   F1 with the right speaker 0.713 (0.636 without NER); after tuning, without NER F1 0.964, speaker
#   0.940, certainty 0.985, F1 with the right speaker 0.907; whole pipeline speaker 0.925, 0.892.
# - statements_unseen3 (15 excerpts, seed 61, 2026-11-29, with and without NER alike): F1 0.840
#   (P 0.962, R 0.746), speaker 0.800, F1 with the right speaker 0.672; after tuning, without NER F1
#   0.937, speaker 0.949, certainty 0.983, F1 with the right speaker 0.889; whole pipeline speaker 0.966,
#   F1 with the right speaker 0.905.
# - statements_unseen4 (15 excerpts, seed 71, 2026-11-29, 66 statements after one correction): F1 0.871
#   (P 0.931, R 0.818), speaker 0.796 without NER / 0.815 whole pipeline, F1 with the right speaker
#   0.694 / 0.710; after tuning, without NER F1 0.921 (P 0.967, R 0.879), speaker 0.966, certainty
#   0.948, F1 with the right speaker 0.889; whole pipeline speaker 0.983, F1 with the right speaker 0.905.
# - statements_unseen5 (15 politics-heavy excerpts, seed 91, 2026-11-29, 49 statements): F1 0.870
#   (P 0.930, R 0.816) without NER / 0.882 whole pipeline, speaker 0.600 / 0.707, F1 with the right
#   speaker 0.522 / 0.624; after tuning, without NER F1 0.935 (P 1.0, R 0.878), speaker 0.814,
#   certainty 0.977, F1 with the right speaker 0.761; whole pipeline F1 0.946, speaker 0.818, 0.774.
# - statements_unseen7 (15 excerpts, seed 131, 2026-11-29, 49 statements): F1 0.899 (P 1.0, R 0.816) both
#   modes, speaker 0.875 without NER / 0.850 whole pipeline, F1 with the right speaker 0.787 / 0.764; after
#   tuning, both modes F1 0.979 (P 1.0, R 0.959), speaker 0.979, certainty 1.0, F1 with the right speaker 0.958.
UNSEEN_GATES = [  # (set, stages: NO_NER or None for the whole pipeline, floors)
    (UNSEEN, NO_NER, {"f1": 0.90, "speaker_accuracy": 0.82, "certainty_accuracy": 0.95}),
    (UNSEEN, None, {"f1": 0.92, "speaker_accuracy": 0.90, "f1_with_speaker": 0.85}),
    (UNSEEN2, NO_NER, {"f1": 0.94, "speaker_accuracy": 0.90, "certainty_accuracy": 0.95, "f1_with_speaker": 0.87}),
    (UNSEEN2, None, {"f1": 0.94, "speaker_accuracy": 0.88, "f1_with_speaker": 0.85}),
    (UNSEEN3, NO_NER, {"f1": 0.91, "speaker_accuracy": 0.92, "certainty_accuracy": 0.95, "f1_with_speaker": 0.86}),
    (UNSEEN3, None, {"f1": 0.91, "speaker_accuracy": 0.93, "f1_with_speaker": 0.87}),
    (UNSEEN4, NO_NER, {"f1": 0.90, "speaker_accuracy": 0.94, "certainty_accuracy": 0.93, "f1_with_speaker": 0.86}),
    (UNSEEN4, None, {"f1": 0.90, "speaker_accuracy": 0.95, "f1_with_speaker": 0.87}),
    (UNSEEN5, NO_NER, {"f1": 0.92, "speaker_accuracy": 0.79, "certainty_accuracy": 0.95, "f1_with_speaker": 0.74}),
    (UNSEEN5, None, {"f1": 0.93, "speaker_accuracy": 0.79, "f1_with_speaker": 0.75}),
    (UNSEEN6, NO_NER, {"f1": 0.94, "speaker_accuracy": 0.91, "certainty_accuracy": 0.94, "f1_with_speaker": 0.87}),
    (UNSEEN6, None, {"f1": 0.94, "speaker_accuracy": 0.91, "f1_with_speaker": 0.87}),
    (UNSEEN7, NO_NER, {"f1": 0.95, "speaker_accuracy": 0.95, "certainty_accuracy": 0.97, "f1_with_speaker": 0.93}),
    (UNSEEN7, None, {"f1": 0.95, "speaker_accuracy": 0.95, "f1_with_speaker": 0.93}),
]


@pytest.mark.parametrize("path,stages,floors", UNSEEN_GATES,
                         ids=[f"{p.stem}-{'no_ner' if st else 'full'}" for p, st, _ in UNSEEN_GATES])
def test_unseen_quality_gate(path, stages, floors):
    res = evaluate_file(path, stages=stages)  # None: the whole pipeline
    below = {k: (res[k], floor) for k, floor in floors.items() if res[k] < floor}
    assert res["failed"] == 0 and not below, below


def test_nominal_content_opened_by_a_verbal_noun():
    # statements_unseen2: saudinewsnet:10975 (cut)
    got = statements("أعلنت خلية الإعلام الحربي العراقية اليوم، مقتل العشرات من عناصر تنظيم داعش في الأنبار، "
                     "مؤكدة تدمير عدة مخازن وعجلات تابعة للتنظيم.")
    assert [(s.cue.text, s.speaker_name) for s in got] == [("أعلنت", "خلية الإعلام الحربي العراقية"),
                                                           ("مؤكدة", "خلية الإعلام الحربي العراقية")]
    assert got[0].content.text.startswith("مقتل العشرات") and got[1].content.text.startswith("تدمير عدة")


def test_came_in_a_statement_and_time_after_the_verb():
    # statements_unseen2: saudinewsnet:11064 and saudinewsnet:8984 (cut)
    got = statements("وجاء في بيان لجنة التحقيقات إن الحادث وقع على طريق سريع.")
    assert got[0].speaker.text == "لجنة التحقيقات" and got[0].medium.text == "في بيان"
    got = statements("وكان المتحدث باسم حركة طالبان “ذبيح الله مجاهد”، أكد الخميس الماضي، رسمياً وفاة "
                     "“الملا عمر قبل مدة من الزمن جراء المرض”، لكنه رفض الإدلاء بأي معلومات.")
    assert [s.speaker_name for s in got] == ["ذبيح الله مجاهد"]


def test_clause_connector_starts_a_new_statement():
    # statements_unseen2: saudinewsnet:14662 (cut)
    got = statements('قال مصدر رفيع بمدينة الملك فهد الطبية إن إجراءات التوظيف في المدينة تسير على نحو إلكتروني، '
                     'لكنه لم يستبعد أن تكون الواقعة قد حدثت بالفعل، بقوله "لكل قاعدة شواذ".')
    assert [(s.cue.text, s.certainty, s.content.text) for s in got] == [
        ("قال", "reported", "إجراءات التوظيف في المدينة تسير على نحو إلكتروني"),
        ("يستبعد", "hedged", "تكون الواقعة قد حدثت بالفعل"),
        ("بقوله", "reported", "لكل قاعدة شواذ")]
    assert all(s.speaker_name == "مصدر رفيع بمدينة الملك فهد الطبية" for s in got)


def test_impersonal_passive_broken_plural_and_opening_medium():
    # constructed after the error kinds seen on statements_unseen.jsonl
    assert statements("ويُعتقد أن الهجوم نفذه تنظيم داعش.") == []
    got = statements("قال خبراء إن الاقتصاد سيتعافى. وأضافوا أن التضخم سيتراجع.")
    assert got[1].speaker is None and got[1].speaker_name == "خبراء"
    got = statements("وفي حوار مع شبكة CNN، قال الوزير إن بلاده لن تتراجع.")
    assert got[0].speaker.text == "الوزير" and got[0].medium.text == "في حوار مع شبكة CNN"


# measured 2026-11 on all 16 dev articles without NER: F1 0.934, speaker 0.877, certainty 0.965
# (0.851 before the continuation, relay and apposition rules); with the whole pipeline speaker 0.895
@pytest.mark.shared
def test_dev_quality_gate(shared_data):
    res = evaluate_file(shared_data / "attribution" / "dev.jsonl", stages=NO_NER)
    assert res["f1"] >= 0.92
    assert res["speaker_accuracy"] >= 0.85
    assert res["certainty_accuracy"] >= 0.94


def test_according_to_source_glued_to_lam_starts_after_it():
    # ant_multisource:AL-economy-1015-20180713 and AL-economy-217-20180311 (news corpus)
    got = statements('وتأتي الزيادة في الوقت الذي ارتفع فيه إجمالي التبادلات التجارية بين أكبر اقتصادين '
                     'في العالم رغم التوتر، وفقا لوكالة "فرانس برس".')
    assert [(s.kind, s.speaker.text) for s in got] == [("according_to", 'وكالة "فرانس برس"')]
    text = ('توقع بنك JPMorgan Chase أن تقود الطروحات الأولية النمو في منطقة الشرق الأوسط هذا العام، '
            'بحسب لوكالة بلومبرغ.')
    got = statements(text)
    acc = [s for s in got if s.kind == "according_to"]
    assert [s.speaker.text for s in acc] == ["وكالة بلومبرغ"] and acc[0].medium is None
    assert text[acc[0].speaker.start:acc[0].speaker.end] == "وكالة بلومبرغ"


def test_plural_subjectless_cue_never_takes_a_single_previous_speaker():
    # ant_multisource:AL-economy-662-20180524 (news corpus); the second text swaps in a single speaker
    got = statements('قال مسؤولون إن حكومة البحرين تجري محادثات مع البرلمان بشأن نظام جديد للدعم. '
                     'وأضافوا أنه لم يتضح بعد ما إذا كان النظام الجديد سيقلص مجمل عبء الدعم الحكومي.')
    assert [s.speaker_name for s in got] == ["مسؤولون", "مسؤولون"]
    got = statements('قال الوزير محمد الأحمد إن الحكومة تجري محادثات مع البرلمان. '
                     'وأضافوا أنه لم يتضح بعد ما إذا كان النظام الجديد سيقلص مجمل عبء الدعم الحكومي.')
    assert got[0].speaker_name == "محمد الأحمد"
    assert got[1].cue.text == "وأضافوا" and got[1].speaker is None and got[1].speaker_name is None


def test_medium_after_the_content_in_the_same_sentence():
    # ../shared/data/news articles.jsonl.gz, ant_multisource:CN-internationalNews-376-20180522 and
    # ant_multisource:CN-internationalNews-145-20180318: "، وذلك في كلمة" and a bare "، خلال مقابلة".
    text = ("وقال زوكربيرغ إن العاملين على أنظمة الحماية والأمان سيؤثرون سلبا على الأرباح، لكنه لفت إلى "
            "أن حماية المستخدمين أكثر أهمية من تحقيق أرباح طائلة بالنسبة له، وذلك في كلمة ألقاها أمام "
            "البرلمان الأوروبي، الثلاثاء.\n\n"
            "وقال وزير الخارجية البريطانية، بوريس جونسون، الأحد، إن خبراء من منظمة حظر الاسلحة الكيماوية "
            "سيعاينون أدلة في حادثة تسميم جاسوس روسي ببريطانيا في مختبر دولي، خلال مقابلة له مع قناة \"BBC\".")
    got = statements(text)
    assert len(got) == 3  # "، لكنه لفت إلى أن" is a statement of its own (a cue with its own content)
    assert got[0].medium is not None and got[0].medium.text == "في كلمة ألقاها أمام البرلمان الأوروبي"
    assert got[0].content.text.endswith("سلبا على الأرباح")
    assert got[1].cue.text == "لفت" and got[1].speaker_name == "زوكربيرغ"
    assert got[1].medium is not None and got[1].medium.text == "في كلمة ألقاها أمام البرلمان الأوروبي"
    assert got[1].content.text.endswith("بالنسبة له")
    assert got[2].medium is not None and got[2].medium.text == "مقابلة له مع قناة \"BBC\""
    assert got[2].content.text.endswith("في مختبر دولي")


def test_medium_not_taken_from_an_ordinary_clause_after_the_content():
    # ant_multisource:CN-economy-96-20180501 (news corpus): "، وذلك بسبب" is no medium, the
    # "، وذلك في مقابلة" after it is.
    text = ("وقال الملياردير المصري إنه وضع نصف ثروته في الذهب، وذلك بسبب الأزمات التي تشهدها المنطقة "
            "في الآونة الأخيرة.\n\nوأكد أن سعر هذا المعدن سيرتفع بالمستقبل، وذلك في مقابلة مع موقع "
            "\"بلومبيرغ\" الثلاثاء.")
    got = statements(text)
    assert len(got) == 2
    assert got[0].medium is None
    assert got[1].medium is not None and got[1].medium.text == "في مقابلة مع موقع \"بلومبيرغ\" الثلاثاء"


def test_medium_opening_the_next_sentence():
    # ../shared/data/attribution/dev.jsonl, saudinewsnet:10417: "جاء ذلك خلال اجتماعه ..."; the
    # same sentence opened by "وذلك خلال" carries the medium the same way.
    for opener in ("جاء ذلك", "وذلك"):
        text = ("أكد وزير التعليم الدكتور عزام بن محمد الدخيّل، على أهمية البداية الجادة للعام الدراسي "
                f"المقبل.\n\n{opener} خلال اجتماعه بمديري تعليم عسير، جيزان، نجران.")
        got = statements(text)
        assert len(got) == 1
        assert got[0].medium is not None and got[0].medium.text == "اجتماعه بمديري تعليم عسير"


def test_source_at_the_paragraph_start_does_not_read_the_last_token():
    """The 'bare وفق before a definite phrase' check looks at the word before the source; a
    source at token 0 has none (it once read toks[-1], here وفق, and refused the source)."""
    from naba.arabic.tokenize import tokenize
    from naba.record import Record
    from naba.statements import extract as X

    text = "عقود طويلة المدى ذكرت وفق"   # written for this test: the last word is وفق
    rec = Record(text=text)
    para = X.Paragraph(rec, 0, len(text), tokenize(text), [(0, len(text))], X._RecordIndex(rec))
    assert X._looks_like_source(para, [0, 1], ())


def test_rerunning_stages_on_a_record_sees_its_new_times():
    """The offset index of mentions and times is built per run: statements run again after the
    times stage must see the times (a record-level cache once kept the index of the first run)."""
    from naba.pipeline import run_stages

    text = "أكد الخميس الماضي، وزير الخارجية أن المفاوضات ستستأنف قريبا في العاصمة."
    fresh = naba.analyze(text, stages=("clean", "segment", "times", "statements"))
    rec = naba.analyze(text, stages=("clean", "segment", "statements"))
    run_stages(rec, ("times", "statements"))
    assert rec.times and [s.speaker_name for s in rec.statements] == [s.speaker_name for s in fresh.statements]


def test_one_long_paragraph_is_not_quadratic():
    # A scraped page with no line breaks is one paragraph: each cue used to rescan all of its
    # tokens (3 s for these 1,600 sentences, 90 s for a 500 KB one-line file); now a bisect.
    import time

    from naba.inputs.loader import load
    from naba.pipeline import STAGES, run_stages
    from naba.stages import statements

    sent = ("قال وزير الخارجية الإيراني محمد جواد ظريف يوم الأحد إن طهران لن تتفاوض، وأضاف أن "
            "الولايات المتحدة فرضت عقوبات جديدة على إيران في بيروت. ")
    rec = run_stages(load(sent * 1600), tuple(s for s in STAGES if s not in ("statements", "events")))
    t0 = time.perf_counter()
    statements.run(rec)
    assert time.perf_counter() - t0 < 1.5
    assert len(rec.statements) == 3200


def test_opening_mark_between_spaces_and_medium_before_the_quote():
    # statements_unseen3: ant_multisource:BB-internationalNews-459-20180503 (cut)
    text = ('وقال البريغادير جنرال أيسابيلو ريفيرا، المتحدث باسم الحرس الوطني البورتوريكي، في بيان " قتل '
            'تسعة من أفراد طاقم الطائرة في الحادث، لكننا لا نستطيع الإعلان عن اسمائهم".')
    spans = quote_spans(text, 0, len(text))
    assert [text[a + 1:b].strip() for a, b in spans] == [
        "قتل تسعة من أفراد طاقم الطائرة في الحادث، لكننا لا نستطيع الإعلان عن اسمائهم"]
    got = statements(text)
    assert [(s.kind, s.medium.text) for s in got] == [("direct", "في بيان")]
    assert got[0].content.text.startswith("قتل تسعة") and got[0].speaker_name.endswith("أيسابيلو ريفيرا")
    # a stray closing mark after a space and before punctuation still opens nothing
    text = 'إن فصائل المعارضة تمكنت من بسط سيطرتها على التلة "، مشيراً إلى أنهم استهدفوا قوات الأسد.'
    assert quote_spans(text, 0, len(text)) == []


def test_cue_with_a_colon_ends_the_content_before_it():
    # statements_unseen3: saudinewsnet:2018 (cut)
    got = statements('وأكد المدرب أنه تابع اللاعب منذ الموسم الماضي وقال: " لدينا قناعة تامة بمستواه".')
    assert [(s.cue.text, s.kind, s.content.text) for s in got] == [
        ("وأكد", "indirect", "تابع اللاعب منذ الموسم الماضي"), ("وقال", "direct", "لدينا قناعة تامة بمستواه")]


def test_according_to_an_institution_at_the_sentence_end():
    # statements_unseen3: ant_multisource:BB-internationalNews-459-20180503 (cut)
    got = statements('وتعود الطائرة لطيران الحرس الوطني في بورتوريكو، وكانت في رحلتها الأخيرة، بحسب الحرس الوطني.')
    assert [(s.kind, s.speaker.text) for s in got] == [("according_to", "الحرس الوطني")]
    assert got[0].content.text.startswith("وتعود الطائرة")


def test_short_name_with_a_definite_description_is_the_earlier_speaker():
    # statements_unseen3: ant_multisource:BB-technology-280-20180620 (cut)
    got = statements('وقال ستيفان باني، الدكتور المشرف على الدراسة إن "التشابه بين نتائج هاتين الدراستين مثير '
                     'للغاية".\n\nوأضاف باني المتخصص في الأنثروبولوجيا البيولوجية في جامعة كامبريدج أن نتائج '
                     'هذه الدراسة تثير العديد من الأسئلة.')
    assert [s.speaker_name for s in got] == ["ستيفان باني", "ستيفان باني"]


def test_bare_name_set_off_after_a_titled_description():
    # statements_unseen3: ant_jawharafm:JA-localNews-487-20170201 (cut)
    got = statements('وأوضح الكاتب العام للنقابة الاساسية للبريد بسوسة، عماد حسن إن الأعوان ينفذون وقفة احتجاجية. '
                     'وأضاف أن جميع مكاتب البريد ستفتح ابوابها.')
    assert got[0].speaker.text == "الكاتب العام للنقابة الاساسية للبريد بسوسة، عماد حسن"
    assert [s.speaker_name for s in got] == ["عماد حسن", "عماد حسن"]


def test_subjectless_cue_after_an_opener_and_a_verb_with_a_subject():
    # statements_unseen3: saudinewsnet:2018 (cut)
    got = statements('وذكر المشرف العلوي بأن الاتجاه للمدرسة البرازيلية يأتي تماشياً. من جهته عبر مدرب الفريق '
                     'الوطني عبد الوهاب الحربي عن سعادته بالتعاقد مع المهاجم، وأكد أنه تابع اللاعب منذ الموسم الماضي.')
    assert got[1].cue.text == "وأكد" and got[1].speaker_name == "عبد الوهاب الحربي"
    # dev.jsonl (saudinewsnet:4398, cut): a particle before the verb; but no preposition is skipped
    got = statements("وقد شاركت بيان ومنال في المعرض، وقالتا: نفذنا جلسات تصوير خاصة.")
    assert got[0].speaker_name == "بيان ومنال"


def test_participle_after_a_verb_whose_subject_is_a_capital():
    # statements_unseen3: ant_multisource:FR-internationalNews-964-20180428 (cut); needs the place
    # mention, so the whole pipeline
    rec = naba.analyze("صوت مجلس الأمن الدولي الجمعة لصالح مشروع قرار. ورحبت الرباط بالقرار معتبرة أنه يعزز "
                       "موقفها ورؤيتها لحل النزاع.", published="2018-04-28")
    assert [(s.cue.text, s.speaker_name) for s in rec.statements] == [("معتبرة", "الرباط")]


def test_initialism_in_the_medium_is_no_complementizer():
    # statements_unseen3: ant_multisource:AL-economy-361-20180402 (cut), dotted and spaced
    for cnn in ("سي.ان.ان ترك", "سي ان ان ترك", "سي إن إن"):
        got = statements(f'وقال زيبكجي في مقابلة تلفزيونية مع {cnn} "وصلنا إلى أعلى رقم صادرات في تاريخنا".')
        assert [(s.kind, s.medium.text, s.content.text) for s in got] == [
            ("direct", f"في مقابلة تلفزيونية مع {cnn}", "وصلنا إلى أعلى رقم صادرات في تاريخنا")]
    # ant_multisource:BB-middleEast-188-20180313 (news corpus): after "بي بي سي" إن/أن is the complementizer
    got = statements("وأفادت عدة مصادر محلية في حديث لبي بي سي أن الآلاف من المدنيين نزحوا.")
    assert [(s.speaker_name, s.content.text) for s in got] == [("عدة مصادر محلية", "الآلاف من المدنيين نزحوا")]


def test_data_and_sources_that_show_or_make_clear():
    # statements_unseen3: ant_multisource:AL-economy-361-20180402 and saudinewsnet:7305 (cut)
    got = statements("وأظهرت بيانات رسمية من معهد الإحصاءات يوم الجمعة أن صادرات تركيا بلغت 13.18 مليار دولار في "
                     "فبراير.\n\nكشفت مصادر مطلعة عن سيناريو جديد. وأبانت المصادر، أن السيناريو يعتمد على تحريك "
                     "سيارة.\n\nوأظهرت صور نشرت في وسائل التواصل الاجتماعي النيران تشتعل في حطام الطائرة.\n\n"
                     "وكان ذلك إبان رئاسته للشركة.")
    assert [(s.cue.text, s.speaker_name) for s in got] == [
        ("وأظهرت", "بيانات رسمية"), ("كشفت", "مصادر مطلعة"), ("وأبانت", "مصادر مطلعة")]


def test_eval_matches_content_with_a_no_break_space(tmp_path):
    # statements_unseen3: ant_multisource:SK-middleEast-2814-20180709 has "الرشوة\xa0مقابل"; the clean
    # stage makes it a space, and the scorer counted the right statement as missed and spurious
    text = "وقال مراسلنا إن رئيس مصلحة الجمارك ضبط متلبسا بتقاضي الرشوة\xa0مقابل تهريب بضائع."
    gold = {"id": "nbsp", "published": "2018-07-09", "text": text, "statements": [
        {"speaker": "مراسلنا", "speaker_canonical": "مراسلنا", "speaker_type": "media", "cue": "وقال",
         "content": "رئيس مصلحة الجمارك ضبط متلبسا بتقاضي الرشوة\xa0مقابل تهريب بضائع", "kind": "indirect",
         "medium": None, "certainty": "reported"}]}
    path = tmp_path / "nbsp.jsonl"
    path.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    res = evaluate_file(path, stages=NO_NER)
    assert (res["matched"], res["pred"], res["speaker_accuracy"]) == (1, 1, 1.0)
    # statements_unseen4: ant_jawharafm:JA-politic-397-20151016 has "المتردي \xa0لن" (a space and a
    # no-break space), which the clean stage folds to one space: the content is found all the same
    gold["text"] = ("وقعت الحادثة في المدينة الساحلية مساء الجمعة بعد مطاردة طويلة استمرت عدة ساعات. "
                    + text.replace("الرشوة\xa0مقابل", "الرشوة \xa0مقابل"))
    gold["statements"][0]["content"] = gold["statements"][0]["content"].replace("الرشوة\xa0", "الرشوة \xa0")
    path.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    res = evaluate_file(path, stages=NO_NER)
    assert (res["matched"], res["pred"], res["speaker_accuracy"]) == (1, 1, 1.0)


def test_quoted_outlet_name_after_according_to_is_no_direct_quote():
    # statements_unseen3: ant_multisource:AL-internationalNews-1557-20180610 (cut, simplified)
    got = statements('ووصفت الرسالة فاليتا بالميناء الأكثر أماناً، وذلك وفق صحيفة "كوريري ديلا سيرا".')
    assert [(s.kind, s.speaker.text, s.content.text) for s in got] == [
        ("according_to", 'صحيفة "كوريري ديلا سيرا"', "ووصفت الرسالة فاليتا بالميناء الأكثر أماناً")]


def test_inference_conjunction_is_no_content():
    # statements_unseen3: ant_multisource:AL-internationalNews-1557-20180610 (cut)
    got = statements('ووصفت الرسالة فاليتا بـ"الميناء الأكثر أماناً" ما يعني أن على المركب الرسو فيها، وذلك وفق '
                     'صحيفة "كوريري ديلا سيرا".')
    assert [(s.cue.text, s.content.text) for s in got] == [
        ("ووصفت", "الميناء الأكثر أماناً"),
        ("وفق", 'ووصفت الرسالة فاليتا بـ"الميناء الأكثر أماناً" ما يعني أن على المركب الرسو فيها')]


def test_lead_subject_ends_before_the_accusative_object():
    # statements_unseen3: saudinewsnet:1865 (cut)
    got = statements('وفي وقت لاحق، أصدر مطار الملك خالد الدولي بياناً توضيحياً برأ من خلاله شركة الاتصالات '
                     'السعودية بالتسبب بالمشكلة، مؤكداً أن ليس للشركة أي ذنب أو مسؤولية في حدوث المشكلة.')
    assert [(s.cue.text, s.speaker_name) for s in got] == [("مؤكداً", "مطار الملك خالد الدولي")]


def test_speaker_with_a_relative_clause_is_named_by_its_head():
    # statements_unseen3: ant_multisource:BB-technology-280-20180620 (cut)
    got = statements('وجاء في الدراسة التي نشرت في دورية "الجمعية الملكية المفتوحة للعلوم" البريطانية أن الرجال '
                     'والنساء في النيبال كانت سواعدهم أقصر.')
    assert got[0].speaker.text.startswith("الدراسة التي نشرت") and got[0].speaker_name == "الدراسة"


def test_organisation_after_affiliated_is_the_complement():
    # statements_unseen3: ant_multisource:SK-middleEast-904-20180410 (cut); the whole pipeline (mentions)
    rec = naba.analyze('وقال مكتب حقوق الإنسان التابع للأمم المتحدة في تقرير "نتيجة لذلك تنامى نفوذ الجماعات '
                       'المسلحة دون رقابة".', published="2018-04-10")
    assert [s.speaker_name for s in rec.statements] == ["مكتب حقوق الإنسان التابع للأمم المتحدة"]


def test_mention_of_titles_only_is_not_the_name():
    # statements_unseen3: ant_multisource:BB-internationalNews-459-20180503 (cut); the tagger takes
    # "البريغادير جنرال" for a person, so the whole pipeline
    rec = naba.analyze('وقال البريغادير جنرال أيسابيلو ريفيرا، المتحدث باسم الحرس الوطني البورتوريكي، في بيان '
                       '"قتل تسعة من أفراد طاقم الطائرة في الحادث".', published="2018-05-03")
    assert [s.speaker_name for s in rec.statements] == ["أيسابيلو ريفيرا"]


def test_told_a_quoted_outlet_and_abbreviation_dot():
    # statements_unseen4: saudinewsnet:4085 and ant_multisource:CN-economy-444-20181016 (cut)
    got = statements("قال مصدر بارز في المعارضة السورية لـ«الشرق الأوسط»، إن حزب الله يضغط على المقاتلين.")
    assert got[0].speaker.text == "مصدر بارز في المعارضة السورية" and got[0].medium.text == "لـ«الشرق الأوسط»"
    got = statements('وقالت د. سحر نصر، وزيرة الاستثمار، في بيان: "إن هذا الاتفاق يأتي تنفيذا لما تم الاتفاق عليه".')
    assert [(s.cue.text, s.kind) for s in got] == [("وقالت", "direct")]
    assert "سحر نصر" in got[0].speaker.text


def test_new_clause_after_a_comma_copula_qad_and_according_relay():
    # statements_unseen4: saudinewsnet:2705, saudinewsnet:1183, ant_multisource:AL-internationalNews-1223-20180518 (cut)
    got = statements("مبيناً أن انخفاض التكلفة سيساعد المملكة، وأوضح التقرير أن انخفاض أسعار النفط قد يشكل عائقا.")
    assert [s.cue.text for s in got] == ["مبيناً", "وأوضح"] and got[1].speaker.text == "التقرير"
    got = statements("وكان خامنئي قد صرح أمس الأول ان بلاده لن تتخلى عن دعم اصدقائها.")
    assert [s.speaker_name for s in got] == ["خامنئي"]
    got = statements('أفاد مراسل "العربية" في باريس نقلاً عن وزير الداخلية الفرنسي بأنه تم توقيف شقيقين.')
    assert [(s.cue.text, s.speaker.text, s.medium.text) for s in got] == [
        ("أفاد", "وزير الداخلية الفرنسي", 'مراسل "العربية" في باريس')]


def test_a_description_of_another_country_is_no_earlier_speaker():
    # statements_unseen4: ant_multisource:AL-internationalNews-1421-20180602 (cut)
    got = statements("اعتبر مندوب الكويت، منصور العتيبي، أن الاحتلال مستثنى من المحاسبة. وفي حين امتنعت بريطانيا "
                     "عن التصويت، اعتبر المندوب الفرنسي في مجلس الأمن أنه كان من المفترض إجراء المزيد من المشاورات، "
                     "معلناً أن فرنسا أيدت المشروع.")
    assert [s.speaker_name for s in got] == ["منصور العتيبي", "المندوب الفرنسي", "المندوب الفرنسي"]
    # the countries come from the one table the events stage reads too
    from naba.entities.countries import countries_in, country_table
    from naba.events.lexicon import lexicon as events_lexicon

    assert events_lexicon().countries is country_table().forms
    assert countries_in(["المندوب", "الفرنسي"]) == {"FRA"} and countries_in(["مندوب", "الكويت"]) == {"KWT"}


def test_glued_lam_after_a_medium_and_gender_of_a_continuation():
    # statements_unseen4: ant_multisource:SK-sport-2122-20180710 and saudinewsnet:2705 (cut)
    got = statements('أعلن نادي مانشستر سيتي ضم اللاعب. وجاء في تغريدة لمانشستر سيتي على تويتر "أفضل الاشياء تحدث للذين يجيدون الانتظار".')
    assert got[-1].speaker.text == "مانشستر سيتي"
    got = statements("وأكد التقرير أن الطلب يرتفع، وأعلنت المملكة منذ ثلاث سنوات أنها ستنتج 41 غيغاوات. "
                     "وقال إن شركة أرامكو ستبدأ في إنشاء 10 مشروعات.")
    assert [(s.cue.text, s.speaker_name) for s in got] == [("وأكد", "التقرير"), ("وأعلنت", "المملكة"),
                                                           ("وقال", "التقرير")]


def test_deputy_for_a_party_keeps_his_name():
    # statements_unseen4: ant_jawharafm:JA-politic-397-20151016 (cut)
    got = statements('قال النائب عن حزب صوت الفلاحين فيصل التبيني في مداخلة له اليوم إنه يخطط للاستقالة من مجلس نواب الشعب.')
    assert got[0].speaker.text == "النائب عن حزب صوت الفلاحين فيصل التبيني"
    assert got[0].medium.text.startswith("في مداخلة") and "فيصل التبيني" in got[0].speaker_name


def test_titled_speaker_through_its_complement_to_the_name():
    # statements_unseen5: ant_multisource:SK-internationalNews-30-20180219 and saudinewsnet:11963 (cut)
    got = statements("صعّد رئيس الوزراء في هنغاريا فيكتور أوربان، الأحد، من لهجته، معتبرا أن المعارضة منفصلة "
                     "عن الواقع.\n\nوقال أوربان في خطابه إن الغيوم تتلبد.")
    assert [s.speaker_name for s in got] == ["فيكتور أوربان", "فيكتور أوربان"]
    got = statements("أوضح المشرف العام على إدارة الإعلام المتحدث الرسمي لجامعة تبوك الدكتور سمير بن موسى "
                     "النجدي أن الجامعة تلقت كثيرا من الاستفسارات.")
    assert got[0].speaker_name == "سمير بن موسى النجدي"
    # a preposition with no name after its complement still ends the phrase
    got = statements("وقال وزير الخارجية في القاهرة إن المحادثات مستمرة.")
    assert got[0].speaker.text == "وزير الخارجية"


def test_according_to_what_a_source_said():
    # statements_unseen5: ant_multisource:FR-internationalNews-2630-20180809 and
    # ant_multisource:SK-internationalNews-1424-20180507 (cut)
    got = statements("أسفر هجوم على حافلة في سوق شمال اليمن عن مقتل العشرات الخميس، وفق ما أعلن الصليب الأحمر "
                     "على صفحته على تويتر.")
    assert [(s.cue.text, s.speaker.text, s.kind) for s in got] == [("وفق", "الصليب الأحمر", "according_to")]
    assert got[0].content.text.endswith("الخميس") and "تويتر" in got[0].medium.text
    got = statements("هدد تنظيم داعش بشن هجمات في الولايات المتحدة، حسبما أوردت صحيفة ديلي ميل البريطانية.")
    assert [(s.cue.text, s.speaker.text) for s in got] == [("حسبما", "صحيفة ديلي ميل البريطانية")]
    got = statements("قضت وحدات الجيش على خمسة إرهابيين، حسب ما أشار به بيان صدر عن وزارة الدفاع.")
    assert got[0].speaker.text == "بيان صدر عن وزارة الدفاع"


def test_leading_according_to_an_outlet_is_the_next_statements_medium():
    # statements_unseen5: saudinewsnet:74 (cut); statements_unseen2's "وحسب رويترز، قالت ساندرز"
    got = statements("وبحسب «رويترز» قالت الوزارة في بيان إنه من المقرر وضع الكشف على خريطة الإنتاج.")
    assert [(s.cue.text, s.speaker.text, s.medium.text) for s in got] == [("قالت", "الوزارة", "في بيان")]
    got = statements("وحسب رويترز، قالت ساندرز إن المناقشات تسير على نحو جيد.")
    assert [(s.cue.text, s.speaker.text, s.medium.text) for s in got] == [("قالت", "ساندرز", "رويترز")]
    # after the sentence it is a statement of its own (statements_unseen3)
    got = statements('ووصفت الرسالة فاليتا بـ"الميناء الأكثر أماناً" ما يعني أن على المركب الرسو فيها، وفق صحيفة '
                     '"كوريري ديلا سيرا".')
    assert [s.cue.text for s in got] == ["ووصفت", "وفق"] and got[1].content.text.startswith("ووصفت")


def test_a_court_upholding_a_ruling_is_no_statement():
    # statements_unseen5: ant_multisource:AL-internationalNews-822-20180407 (cut)
    assert statements("أكدت محكمة في واشنطن احكاماً بالسجن على اثنين من مؤيدي الرئيس التركي.") == []
    assert statements("وأكدت القاضية ماريسا ديميو الخميس الاحكام بالسجن لمدة عام على كل من المتهمين.") == []
    got = statements("وأكدت القاضية أن الحكم نهائي.")
    assert [s.content.text for s in got] == ["الحكم نهائي"]


def test_described_object_with_a_pronoun_suffix_is_not_the_speaker():
    # statements_unseen5: ant_multisource:BB-middleEast-556-20180531 (cut)
    got = statements("ودعت جماعات حقوقية إلى إطلاق سراح منصور، ووصفت احتجازه بأنه انتهاك لحرية التعبير.")
    assert [(s.cue.text, s.speaker_name) for s in got] == [("ووصفت", "جماعات حقوقية")]
    got = statements("وقتل 10 أشخاص في حادث وصفته الشرطة بأنه متعمد.")
    assert got[0].speaker.text == "الشرطة"


def test_nominal_content_of_leaving_and_calling_off():
    # statements_unseen5: ant_jawharafm:JA-internationalNews-945-20160405 (cut)
    got = statements("أعلنت حكومة الإنقاذ الوطني غير المعترف بها، اليوم الثلاثاء، مغادرة السلطة، لتفسح المجال "
                     "أمام حكومة الوفاق.")
    assert [(s.speaker_name, s.content.text[:13]) for s in got] == [("حكومة الإنقاذ الوطني", "مغادرة السلطة")]


def test_name_set_off_by_commas_after_a_cut_title_phrase():
    # statements_unseen6: ant_multisource:SK-middleEast-1534-20180509 and CN-middleEast-1177-20180811 (cut)
    got = statements("قال المتحدث باسم قوات تحالف دعم الشرعية في اليمن، العقيد الركن تركي المالكي، إن قوات "
                     "الدفاع الجوي اعترضت صاروخا.\n\nوأوضح العقيد المالكي أن الصاروخ كان متجها نحو جازان.")
    assert [s.speaker_name for s in got] == ["تركي المالكي", "تركي المالكي"]
    got = statements("قال البروفيسور السعودي بالطب النفسي، طارق الحبيب، إن الملحد لا يشترط أن يكون مريضا.")
    assert got[0].speaker_name == "طارق الحبيب"
    # a place set off by commas is no name
    got = statements("وقال وزير الخارجية في القاهرة، اليوم الأحد، إن المحادثات مستمرة.")
    assert got[0].speaker.text == "وزير الخارجية"


def test_according_to_an_outlet_between_the_cue_and_its_content_is_the_medium():
    # statements_unseen6: ant_multisource:AL-internationalNews-1531-20180609 and saudinewsnet:11148 (cut)
    got = statements("وذكر مصدر عسكري إن الغارات استهدفت مواقع للحوثيين.\n\nوأكد المصدر، طبقا لموقع الجيش "
                     "اليمني الرسمي، أن مقاتلات التحالف رصدت تحركات الميليشيات.")
    assert [s.cue.text for s in got] == ["وذكر", "وأكد"]
    assert got[1].medium.text == "موقع الجيش اليمني الرسمي" and got[1].speaker_name == "مصدر عسكري"
    # 'وفقا لما <verb> X' (the cue's ل glued to ما): X is the source
    got = statements("وقتل ثلاثة أشخاص في الهجوم، وفقا لما نقلته وكالة الأنباء السورية الرسمية.")
    assert got[0].speaker.text == "وكالة الأنباء السورية الرسمية"


def test_quote_after_the_ba_of_wasafa_is_the_description():
    # statements_unseen6: ant_multisource:CN-middleEast-1177-20180811 (cut)
    got = statements('تصدت الدفاعات الجوية السورية، صباح السبت، لما وصفته بـ"هدف معاد" قالت إنه اخترق الأجواء.')
    assert [(s.cue.text, s.content.text) for s in got] == [("وصفته", "هدف معاد"), ("قالت", "اخترق الأجواء")]
    assert all(s.speaker.text == "الدفاعات الجوية السورية" for s in got)  # not 'بـ' nor 'لما'
    got = statements('ووصف أردوغان تهاوي العملة بـ"زوبعة في فنجان".')
    # (the speaker phrase still runs on into the object: 'أردوغان تهاوي العملة'; only the ب is asserted)
    assert got[0].content.text == "زوبعة في فنجان" and not got[0].speaker.text.endswith("بـ")


def test_outlet_told_before_the_speaker_is_the_medium():
    # statements_unseen6: saudinewsnet:12700 (cut)
    got = statements("أكد لـ«عكاظ» وكيل وزارة الصحة الدكتور إبراهيم بن عبدالعزيز العمر، جاهزية 162 بنكاً "
                     "مركزياً للدم، مبيناً أن هناك 4 سيارات متنقلة تتواجد في المنطقة حالياً.")
    assert [s.cue.text for s in got] == ["أكد", "مبيناً"]
    assert got[0].medium.text == "لـ«عكاظ»" and got[0].speaker.text.startswith("وكيل وزارة الصحة")
    assert got[0].content.text.startswith("جاهزية 162")


def test_wakil_is_a_title():
    # saudinewsnet:10355 in ../shared/data/news (cut)
    got = statements("وأكد وكيل وزارة الشؤون الإسلامية للتخطيط والتطوير الدكتور محمد بن أحمد باسودان أن الخطة تسير.")
    assert got[0].speaker_name == "محمد بن أحمد باسودان"


def test_object_with_ba_after_nawwaha_is_no_speaker():
    # statements_unseen6: saudinewsnet:12700 (cut)
    got = statements("أكد وكيل وزارة الصحة الدكتور إبراهيم العمر أن بنوك الدم جاهزة.\n\nونوه ببادرة المواطنين في "
                     "التوجه للتبرع بالدم، لافتاً إلى أن هناك خطة طوارئ لبنوك الدم.")
    assert [s.speaker_name for s in got] == ["إبراهيم العمر", "إبراهيم العمر"]


def test_quote_before_another_cue_verb_is_the_first_cues_content():
    # statements_unseen6: ant_multisource:BB-internationalNews-802-20180714 (cut)
    got = statements('وقال يوري اوشاكوف مستشار الكرملين "نرى في ترامب شريكا جيدا للتفاوض" كما أضاف "حالة '
                     'العلاقات الثنائية بين البلدين سيئة للغاية".')
    assert [(s.cue.text, s.content.text) for s in got] == [
        ("وقال", "نرى في ترامب شريكا جيدا للتفاوض"), ("أضاف", "حالة العلاقات الثنائية بين البلدين سيئة للغاية")]
    assert got[0].speaker.text == "يوري اوشاكوف مستشار الكرملين"


def test_coordinated_copula_qad_cue_ends_the_content_before_it():
    # statements_unseen6: ant_multisource:FR-middleEast-608-20180608 (cut)
    got = statements('وأشارت وزارة الصحة في بيان إلى أن الشاب "يوسف الفصيح استشهد شرق غزة" وكانت قد أعلنت '
                     '"استشهاد الطفل هيثم الجمل برصاص الاحتلال".')
    assert [(s.cue.text, s.content.text) for s in got] == [
        ("وأشارت", 'الشاب "يوسف الفصيح استشهد شرق غزة"'), ("أعلنت", "استشهاد الطفل هيثم الجمل برصاص الاحتلال")]


def test_bare_bayyana_is_a_cue_only_opening_a_clause_before_a_complementizer():
    # statements_unseen6: saudinewsnet:12700 (cut)
    got = statements("وأكد الوزير أن العمل مستمر. وبين أن جميع تبرعات الدم ستخضع للفحوصات الطبية. "
                     "وقارن بين أن تكون المدينة مفتوحة أو مغلقة.")
    assert [s.cue.text for s in got] == ["وأكد", "وبين"] and got[1].speaker_name == "الوزير"


def test_sentence_subject_after_a_dateline_dash_speaks_for_a_continuation():
    # statements_unseen6: ant_multisource:CN-middleEast-1177-20180811 (cut)
    got = statements('دبي، الإمارات العربية المتحدة (CNN)— تصدت الدفاعات الجوية السورية، صباح السبت، لما '
                     'وصفته بـ"هدف معاد" قالت إنه اخترق الأجواء.')
    assert [s.speaker_name for s in got] == ["الدفاعات الجوية السورية"] * 2


def test_name_after_a_quoted_complement_of_a_title():
    # ../shared/data/news: ant_multisource:FR-economy-8-20180126 and CN-middleEast-153-20180303 (cut)
    got = statements('وقال رئيس "سيسكو" تشاك روبنز "نعلم جميعا أن التكنولوجيا ستؤدي إلى استحداث وظائف".')
    assert got[0].speaker_name == "تشاك روبنز"
    # a title's complement glued to an article after the quote is no name: the quote is
    # (the phrase must open with a title to reach the rule; 'مؤسسة "..." للدراسات' did not)
    got = statements('وقال رئيس "هيئة السوق" للأوراق المالية إن الإنتاج سيزيد.')
    assert got[0].speaker_name == "هيئة السوق"
    got = statements('وقال مؤسسة "جدوى للاستثمار" للدراسات الاقتصادية إن الإنتاج سيزيد.')
    assert got[0].speaker_name == "جدوى للاستثمار"


def test_came_in_with_nothing_after_the_complementizer_is_no_statement():
    # "وجاء في ... إن" cut at the end of a text or a sentence: it raised IndexError (text end) or
    # gave a statement with empty content
    assert statements("وجاء في بيان لجنة التحقيقات إن") == []
    got = statements("وجاء في بيان اللجنة إن. وقال الوزير إن الأمر جيد.")
    assert [(s.cue.text, s.content.text) for s in got] == [("وقال", "الأمر جيد")]


def test_quote_left_open_after_the_cue_is_its_content_not_a_name():
    # cut from statements_unseen5/dev texts: a quote with no closing mark runs to the paragraph's end;
    # read as a quoted name in the speaker phrase it took token indices past the paragraph (IndexError)
    got = statements('وقالت الحكومة التي أدارت العاصمة في بيان "نعلمكم بتوقفنا عن أعمالنا')
    assert [(s.cue.text, s.speaker.text, s.content.text) for s in got] == [
        ("وقالت", "الحكومة", "نعلمكم بتوقفنا عن أعمالنا")]
    got = statements('قال الصليب الأحمر إن الهجوم وقع في سوق ضحيان.\n\nوتابعت التغريدة "يفرض حصار\n\n'
                     'وقال الوزير إن الأمر جيد.')
    assert [(s.cue.text, s.content.text) for s in got] == [
        ("قال", "الهجوم وقع في سوق ضحيان"), ("وتابعت", "يفرض حصار"), ("وقال", "الأمر جيد")]


def test_name_after_a_quoted_complement_is_letters_only():
    # punctuation after the quote was taken as a word of the name (', تشاك روبنز', '- تشاك روبنز')
    from naba.statements.speakers import strip_titles

    assert strip_titles('رئيس "سيسكو", تشاك روبنز') == "تشاك روبنز"
    assert strip_titles('رئيس "سيسكو"، تشاك روبنز') == "تشاك روبنز"
    assert strip_titles('رئيس "سيسكو" - تشاك روبنز') == "سيسكو"
    assert strip_titles('رئيس "سيسكو" (تشاك روبنز)') == "سيسكو"


def test_cue_in_a_relative_clause_on_a_document_speaks_for_its_issuer():
    # statements_unseen7: ant_multisource:BB-internationalNews-507-20180515 (cut); sample.jsonl:
    # CN-internationalNews-703-20181015, AL-internationalNews-1087-20180509, BB-internationalNews-822-20180717
    got = statements('وقال توماس ماركل لمجلة "تي إم زد" إنه قرر ألا يحضر زفاف ابنته. وأصدر قصر كينغستون '
                     'بيانا وصف فيه الزفاف بأنه "لحظة خاصة جدا لميغان".')
    assert [(s.speaker_name, s.medium.text if s.medium else None) for s in got][1] == ("قصر كينغستون", "بيانا")
    got = statements('أصدرت وزارة الدفاع البلجيكية بيانا قالت فيه إن "حريقا اندلع أثناء أعمال الصيانة".')
    assert (got[0].speaker.text, got[0].medium.text) == ("وزارة الدفاع البلجيكية", "بيانا")
    got = statements("أصدرت قبائل صعدة، الأربعاء، بياناً أكدت فيه أن صعدة يمنية عربية.")
    assert got[0].speaker.text == "قبائل صعدة"
    got = statements('ونشر ترامب تغريدة على تويتر يقول فيها "لدي ثقة كبيرة في موظفي الاستخبارات".')
    assert got[0].speaker.text == "ترامب"
    got = statements("أصدرت الوزارة بيانا قال فيه المتحدث العسكري إن الهجوم فشل.")
    assert got[0].speaker.text == "المتحدث العسكري"  # named after the pronoun: the verb takes no object


def test_object_of_describe_with_a_prepositional_phrase_is_no_speaker():
    # statements_unseen7: ant_multisource:FR-internationalNews-2128-20180703 (cut)
    got = statements('قال الأمين العام للأمم المتحدة أنطونيو غوتيريس إنه استمع إلى شهادات عن فظائع. والتقى '
                     'غوتيريس الأحد بلاجئين في بنغلادش، ووصف أوضاعهم في بورما "بالكابوس الإنساني".')
    assert got[1].speaker is None and got[1].speaker_name == got[0].speaker_name
    got = statements('ووصفها رئيسها في بيان بأنها "كارثة".')  # the verb has its object: the word is the subject
    assert got[0].speaker.text == "رئيسها"


def test_title_complement_with_a_glued_preposition_is_no_name():
    # statements_unseen7: ant_multisource:FR-internationalNews-2128-20180703; sample.jsonl: saudinewsnet:7270,
    # saudinewsnet:641, saudinewsnet:6160, ant_multisource:SK-economy-427-20180425 (speaker phrases)
    from naba.statements.speakers import strip_titles
    assert strip_titles("الأمين العام للأمم المتحدة أنطونيو غوتيريس") == "أنطونيو غوتيريس"
    assert strip_titles("المتحدث الرسمي للمركز رأفت الصباغ") == "رأفت الصباغ"
    assert strip_titles("المدير العام للتعليم بجدة عبدالله بن أحمد الثقفي") == "عبدالله بن أحمد الثقفي"
    assert strip_titles("الناطق الرسمي للشؤون الصحية بمنطقة عسير سعيد النقير") == "سعيد النقير"
    # a name that opens with ب is no glued place, though its letters after ب name one (Eden, Oulu, Leer)
    assert strip_titles("الرئيس بايدن") == "بايدن"
    assert strip_titles("المدرب باولو بينتو") == "باولو بينتو"
    assert strip_titles("رئيس الوزراء البريطاني الأسبق بلير") == "بلير"
    assert strip_titles("الرئيس التنفيذي للخطوط القطرية") == "الرئيس التنفيذي للخطوط القطرية"  # no name: all of it
    got = statements("قال الأمين العام للأمم المتحدة أنطونيو غوتيريس إنه استمع إلى شهادات عن فظائع.")
    assert got[0].speaker_name == "أنطونيو غوتيريس"


def test_according_to_a_title_takes_the_name_after_its_comma():
    # statements_unseen7: ant_multisource:CN-internationalNews-154-20180320 (cut); sample.jsonl:
    # CN-middleEast-1635-20181020, SK-middleEast-1979-20180527 (a quoted outlet: no name follows)
    got = statements("وسيبحث الجانبان عدداً من الملفات، من بينها سوريا وإيران، وفقاً لما ذكره وزير الخارجية، "
                     "عادل الجبير في وقت سابق.")
    assert got[0].speaker.text == "وزير الخارجية، عادل الجبير" and got[0].speaker_name == "عادل الجبير"
    got = statements("وأعرب الأمين العام عن قلقه، بحسب المتحدث باسمه، ستيفان دوجاريك.")
    assert got[0].speaker_name == "ستيفان دوجاريك"
    got = statements('وبحسب مراسل "سكاي نيوز"، فإن مشروع القانون من اقتراح حزب "إسرائيل بيتنا".')
    assert got[0].speaker.text == 'مراسل "سكاي نيوز"'


def test_leading_according_to_a_source_is_continued():
    # statements_unseen7: ant_multisource:BB-middleEast-805-20180728 (cut); sample.jsonl: saudinewsnet:4241
    got = statements('كما أوضح بيان صادر عن المجلس أن اللجان ستعمل على "تطوير الحوار".\n\nووفقا لمجلس سوريا '
                     'الديمقراطية، فإن الاجتماع مع الحكومة جاء بدعوة منها.\n\nوأشار إلى أن "الهدف من هذا اللقاء '
                     'وضع الأسس".')
    assert got[2].speaker is None and got[2].speaker_name == "مجلس سوريا الديمقراطية"
    got = statements("قال الوزير إن الاجتماع انتهى. وتوقفت المحادثات مع الوفد، بحسب مصادر مطلعة. وأضاف أن "
                     "الحوار سيستأنف.")
    assert got[2].speaker_name == "الوزير"  # an according-to after its sentence: the speaker before it goes on


def test_according_to_opening_its_own_sentence_is_not_the_previous_content():
    # sample.jsonl: ant_multisource:SK-internationalNews-849-20180407, saudinewsnet:1372 (cut)
    got = statements('وتابع "الشرطة لا تبحث عن مهاجمين آخرين"، مشيرا إلى أن الحادث "انتهى". وبحسب مجلة "شبيغل" '
                     'فإن السلطات الألمانية "تفترض" أن الحادث كان اعتداء.')
    assert got[-1].cue.text == "وبحسب" and got[-1].content.text.startswith("السلطات الألمانية")
    got = statements('وجاء في البيان أيضاً: "من الذين فضّلوا الاستجمام في المنزل الوزيرة". وحسب البيان، قالت '
                     'الوزيرة: إنها تحرص دائماً على استقرار حياتها.')
    assert [(s.cue.text, s.medium.text if s.medium else None) for s in got][-1] == ("قالت", "البيان")


def test_speaker_phrase_ends_before_led_by():
    # statements_unseen7: ant_multisource:SK-middleEast-2414-20180616 (cut); sample.jsonl: saudinewsnet:2998
    got = naba.analyze("أعلن الجيش الوطني الليبي بقيادة المشير خليفة حفتر، أن قواته شنت غارات جوية.").statements
    assert got[0].speaker.text == "الجيش الوطني الليبي" and got[0].speaker_name == "الجيش الوطني الليبي"
    got = statements("وقال المتحدث الرسمي بقيادة حرس الحدود بالمنطقة الشرقية النقيب عمر بن محمد الأكلبي إن "
                     "فرق البحث تلقت بلاغا.")  # after a title: the command, part of the phrase
    assert got[0].speaker.text.endswith("النقيب عمر بن محمد الأكلبي")


def test_anonymous_sources_with_other_adjectives_are_other_sources():
    # statements_unseen7: ant_multisource:AL-internationalNews-1731-20180622 (cut); sample.jsonl: saudinewsnet:8329
    got = statements("وأفاد مصدر عسكري، أن قوات الجيش حررت عددا من المواقع.\n\nوأكدت مصادر ميدانية، أن المعارك "
                     "لا تزال مستمرة.\n\nوقال المصدر العسكري إن الجيش تقدم.")
    assert [s.speaker_name for s in got] == ["مصدر عسكري", "مصادر ميدانية", "مصدر عسكري"]


def test_cue_with_a_named_subject_after_a_content_without_comma_starts_a_statement():
    # statements_unseen7: saudinewsnet:11687 (cut); sample.jsonl: saudinewsnet:1380, JA-internationalNews-716-20170415
    got = statements("وأوضح المتحدث الرسمي للهيئة الشيخ دبيخي بن سليمان الدبيخي أن الفتاة كانت برفقة والدتها ووجد "
                     "بحوزته أوراق معدة للمعاكسة وأضاف الدبيخي أنه جرى إحالته إلى الجهات المختصة.")
    assert [(s.cue.text, s.speaker.text if s.speaker else None) for s in got] == [
        ("وأوضح", "المتحدث الرسمي للهيئة الشيخ دبيخي بن سليمان الدبيخي"), ("وأضاف", "الدبيخي")]
    assert got[0].content.text.endswith("للمعاكسة")
    got = statements('وأعلن تنظيم "داعش" مسؤوليته عن هجوم الدهس ووصف عامري بأنه واحد من "جنود التنظيم".')
    assert len(got) == 1  # وصف: the word after it is its object, not a new subject


def test_according_to_an_outlet_named_with_the_article():
    # statements_unseen7: saudinewsnet:8005 (cut)
    got = statements("وفي حادثة منفصلة، قتل جندي تركي وجرح اربعة آخرون عندما انفجر لغم ارضي، بحسب الاناضول.")
    assert [(s.cue.text, s.speaker.text) for s in got] == [("بحسب", "الاناضول")]
    assert statements("وبدأت الجولة الثانية من المحادثات حسب البرنامج المعد لها.") == []


def test_nominal_content_heads_of_unseen7_and_a_dash_is_no_marker():
    # statements_unseen7: saudinewsnet:14668, ant_multisource:SK-middleEast-590-20180327 (cut); sample.jsonl:
    # ant_multisource:AL-internationalNews-529-20180318
    got = statements("أكد وزير الشؤون البلدية والقروية المهندس عبداللطيف آل الشيخ وجوب الالتزام بشروط لائحة الحملات.")
    assert got[0].content.text.startswith("وجوب الالتزام")
    got = statements("وأوردت مصادر سورية معارضة أنباء عن بدء انسحاب الشرطة العسكرية الروسية من تل رفعت.")
    assert got[0].speaker.text == "مصادر سورية معارضة" and "بدء انسحاب" in got[0].content.text
    got = statements("أعلنت وزيرة خارجية كوريا الجنوبية، كانغ كونغ-وا، في مقابلة، أن الزعيم الكوري الشمالي يدرس الوضع.")
    assert got[0].content.text == "الزعيم الكوري الشمالي يدرس الوضع"  # the dash in كونغ-وا opened it


def test_bare_cue_bayyana_before_a_short_adverbial_and_its_complementizer():
    # statements_unseen7: saudinewsnet:14362 (cut)
    got = statements("أوضح خالد الغانم مدير المنتخب أن المعسكر يأتي استعدادا للبطولات. وبين في الوقت ذاته بأن الجهاز "
                     "الفني سلم برامج لياقية للاعبين.")
    assert [s.cue.text for s in got] == ["أوضح", "وبين"] and got[1].speaker_name == got[0].speaker_name
    assert statements("وقارن بين في الماضي والحاضر.") == []


def test_named_organisation_over_its_description_in_the_speaker_phrase():
    # ../shared/data/attribution dev: saudinewsnet:10672 (cut); sample.jsonl: SK-economy-1343-20180930
    got = naba.analyze("أعلنت وكالة التصنيف الائتماني ستاندارد آند بورز أنها خفضت الآفاق الاقتصادية للاتحاد "
                       "الأوروبي من مستقرة الى سلبية.\n\nوبررت وكالة التصنيف الائتماني في بيان هذا التغيير "
                       "بالازمة اليونانية.\n\nوقالت الوكالة في البيان ان الاتحاد يجازف.").statements
    assert [s.speaker_name for s in got] == ["ستاندارد آند بورز"] * len(got) and len(got) >= 2


def test_nested_statement_of_another_source_at_the_start_of_a_content():
    # statements_unseen7: ant_multisource:SK-middleEast-590-20180327 (cut); sample.jsonl:
    # SK-internationalNews-2178-20180617; a present verb is no one's words (BB-middleEast-1042-20181004)
    got = statements("وقال المرصد السوري لحقوق الإنسان إن مصادر موثوقة قالت إن اجتماعا جرى في ريف حلب.\n\n"
                     "وأضاف أن هذا الاتفاق يأتي على الرغم من وجود المهجرين.")
    assert [(s.cue.text, s.speaker_name) for s in got] == [
        ("وقال", "المرصد السوري لحقوق الإنسان"), ("قالت", "مصادر موثوقة"), ("وأضاف", "المرصد السوري لحقوق الإنسان")]
    assert got[1].content.text == "اجتماعا جرى في ريف حلب" and got[0].content.text.startswith("مصادر موثوقة")
    got = statements("وذكرت الصحيفة أن كل المعطيات تشير إلى أن الصحفي محتجز.")
    assert [s.cue.text for s in got] == ["وذكرت"]


def test_however_before_the_subject_is_no_part_of_it():
    # sample.jsonl: ant_multisource:BB-internationalNews-598-20180601 (cut)
    got = statements("ووجهت النيابة تهمة القتل إلى الرجل، بيد أن المتهم أكد أنه لم يكن ينوي قتل الصحفي.")
    assert got[-1].speaker.text == "المتهم"


def test_a_spokesman_for_a_pronoun_is_described_not_named_by_it():
    """"المتحدث باسمها" names no one: "باسمها" (on her/its behalf) was taken as the speaker's name."""
    got = statements("وقال المتحدث باسمه إن الحزب يرفض القرار.")
    assert [(s.speaker.text, s.speaker_name) for s in got] == [("المتحدث باسمه", "المتحدث باسمه")]
    got = statements("وقال المتحدث باسمها، أحمد حافظ، إن الوفد سيصل.")
    assert [s.speaker_name for s in got] == ["أحمد حافظ"]
