"""Events on the seed (with the gold entities as mentions, so the test measures this stage alone),
and on bare text (the stage's own actor lexicon)."""

from __future__ import annotations

import json
import re

import naba
from naba.arabic.normalize import normalize
from naba.record import PLOVER_TYPES, Entity, Mention
from naba.stages import events as events_stage


def with_gold_mentions(text: str, gold: dict, published: str):
    rec = naba.analyze(text, published=published, stages=("clean", "segment", "times", "statements"))
    spans = []
    for typ, groups in gold["entities"].items():
        for i, aliases in enumerate(groups):
            eid = f"{typ}{i}"
            rec.entities.append(Entity(eid, typ, aliases[0], list(aliases)))
            for a in aliases:
                for m in re.finditer(r"(?<![^\W\d_][^\W\d_])(?<=[\W وفبلك])" + re.escape(a) + r"(?!\w)", " " + rec.text):
                    spans.append((m.start() - 1, m.end() - 1, typ, eid))
    spans.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    taken = []
    for a, b, t, e in spans:
        if not any(a < tb and ta < b for ta, tb in taken):
            taken.append((a, b))
            rec.mentions.append(Mention(a, b, rec.text[a:b], t, e))
    rec.mentions.sort(key=lambda m: m.start)
    return events_stage.run(rec)


def _names(span) -> set[str]:
    return {span["text"], span.get("name", "")} if span else set()


def test_seed_events_against_gold(seed_text, seed_gold):
    rec = with_gold_mentions(seed_text, seed_gold, "2022-05-20")
    events = [e.to_dict() for e in rec.events]
    assert all(e["type"] in PLOVER_TYPES for e in events)
    found = 0
    for g in seed_gold["events"]:
        head = normalize(g["trigger"]).split()[0]
        cands = [e for e in events if e["type"] == g["type"] and any(
            head in normalize(t["text"]) or normalize(t["text"]) in normalize(g["trigger"])
            for t in [e["trigger"], *e.get("triggers", [])])]
        assert cands, f"no {g['type']} event for trigger {g['trigger']}"
        found += any(g["actor"] in _names(e["actor"]) for e in cands)
    assert found >= 5  # measured: actors right on 6 of the 7 gold events


def test_seed_visit_has_place_time_and_people(seed_text, seed_gold):
    rec = with_gold_mentions(seed_text, seed_gold, "2022-05-20")
    visit = next(e for e in rec.events if e.type == "CONSULT" and "زيار" in e.trigger.text)
    assert "الأسد" in visit.actor.text and visit.target.text == "علي خامنئي"
    assert visit.location.text == "طهران"
    assert rec.times[visit.time].value == "2022-05-08"


def test_bare_text_uses_actor_lexicon_and_codes():
    rec = naba.analyze("قصفت الطائرات الإسرائيلية مواقع للميليشيات الإيرانية في سوريا أمس.",
                       published="2022-05-20", stages=("clean", "segment", "times", "events"))
    (ev,) = [e for e in rec.events if e.type == "ASSAULT"]
    assert ev.actor.text == "الطائرات الإسرائيلية" and ev.attrs["actor_code"] == "ISR MIL"
    assert rec.times[ev.time].value == "2022-05-19"


def test_negation_and_merge():
    text = ("لم تنسحب القوات الروسية من المنطقة. وقال مسؤول إن الانسحاب لن يتم قريبا.\n\n"
            "وشنت الطائرات الإسرائيلية هجوما على مطار دمشق. وأدى الهجوم إلى أضرار.")
    rec = naba.analyze(text, stages=("clean", "segment", "times", "events"))
    retreats = [e for e in rec.events if e.type == "RETREAT"]
    assert retreats[0].trigger.text == "تنسحب" and retreats[0].negated
    assert retreats[0].attrs["actor_code"] == "RUS MIL"
    attacks = [e for e in rec.events if e.type == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].attrs.get("triggers")


# --- arguments on real sentences (cut from ../shared/data/events/arabic_event_gsr, assault/protest dev)

def _bare(text: str):
    return naba.analyze(text, stages=("clean", "segment", "times", "events")).events


def _typed_triggers(text: str) -> list[tuple[str, str]]:
    """(type, trigger text) of the events found without the entities stage."""
    return [(e.type, e.trigger.text) for e in _bare(text)]


def test_protester_noun_is_its_own_actor():
    text = "وكان متظاهرون فلسطينيون قد خرجوا الى الشوارع السبت، وسط رام الله في مظاهرات تطالب السلطة بوقف المفاوضات."
    ev = next(e for e in _bare(text) if e.type == "PROTEST" and e.trigger.text == "متظاهرون")
    assert ev.actor.text == "متظاهرون فلسطينيون" and ev.attrs["actor_code"] == "PSE CVL"


def test_speaker_before_reported_speech_is_not_the_actor():
    text = ("وقال النقيب محمد جاسم من شرطة كركوك إن «جنديا عراقيا قتل وأصيب آخر بجروح في هجوم مسلح "
            "استهدف دوريتهما عند قرية العباسي».")
    for ev in _bare(text):
        assert ev.actor is None or "جاسم" not in ev.actor.text and "شرطة" not in ev.actor.text


def test_victims_after_a_verb_of_violence_are_the_target():
    (ev, *_) = [e for e in _bare("من ناحية ثانية، قتل أربعة اشخاص واصيب 6 آخرون بهجوم انتحاري غرب بغداد.")
                if e.type == "ASSAULT"]
    assert ev.target is not None and ev.target.text == "اشخاص"


def test_noun_negated_by_the_verb_after_it():
    (ev,) = [e for e in _bare("وقال مسؤول إن الانسحاب لن يتم قريبا.") if e.type == "RETREAT"]
    assert ev.negated
    (ev,) = [e for e in _bare("وقال مسؤول إن الانسحاب بدأ أمس.") if e.type == "RETREAT"]
    assert not ev.negated


def test_seed_request_and_strike_actors(seed_text, seed_gold):
    rec = with_gold_mentions(seed_text, seed_gold, "2022-05-20")
    requests = [e for e in rec.events if e.type == "REQUEST"]
    # "يطلب مشورة" and "طلب لقاء الخامنئي": Assad asks; Khamenei is the one asked, never the asker
    assert requests and all("الأسد" in e.actor.text for e in requests)
    strike = next(e for e in rec.events if e.type == "ASSAULT" and e.trigger.text == "القصف")
    assert strike.actor.text == "الإسرائيلي" and strike.attrs["actor_code"] == "ISR"
    meetings = [e for e in rec.events if e.type == "CONSULT" and e.trigger.text != "ناقش"]
    assert all(e.actor is None or e.target is None or e.actor.text != e.target.text for e in meetings)


# --- the event filter (naba.models.events)

def test_filter_confidence_in_attrs():
    text = ("قتل 28 شخصاً وجرح نحو 60 آخرين في هجوم انتحاري استهدف ثكنة عسكرية في مدينة دلس الواقعة "
            "شرق العاصمة الجزائرية أمس.")
    evs = [e for e in _bare(text) if e.type == "ASSAULT"]
    assert evs and all(0.0 <= e.attrs["confidence"] <= 1.0 for e in evs)
    assert any(e.attrs["specific"] for e in evs)
    # a metaphor from the economy pages: a trigger word, no attack
    evs = [e for e in _bare("وأكد المسؤول أن الأزمة المالية كانت بمثابة هجوم على الطبقة الوسطى في البلاد.")
           if e.type == "ASSAULT"]
    assert evs and not any(e.attrs["specific"] for e in evs)


def _heldout_f1(data, typ, models):
    from naba.models.events import train as T
    tp = fp = fn = 0
    for s in T.sentences(data, typ):
        if s["part"] != "heldout":
            continue
        m = models[typ]
        pred = any(m.prob(f) >= m.threshold for f in T.instances(s, typ))
        tp += pred and s["gold"]
        fp += pred and not s["gold"]
        fn += s["gold"] and not pred
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return 2 * p * r / (p + r) if p + r else 0.0


def test_shipped_filter_heldout_gate(shared_data):
    from naba.models.events.filter import load
    data = shared_data / "events" / "arabic_event_gsr"
    models = load()
    # measured on the held-out third (never trained on), sentences as given: ASSAULT 0.767, PROTEST
    # 0.451 (with 73 and 52 positive sentences, ±0.05 is noise); the lexicon alone: 0.35 and 0.35;
    # one annotator against the majority of the others: 0.67 and 0.50
    assert _heldout_f1(data, "ASSAULT", models) >= 0.67
    assert _heldout_f1(data, "PROTEST", models) >= 0.43


def test_training_reproduces_the_shipped_filter(shared_data, tmp_path):
    from naba.models.events import train as T
    from naba.models.events.filter import MODEL_PATH, load
    out = tmp_path / "events_filter.json"
    T.train(shared_data / "events" / "arabic_event_gsr", out, log=lambda *a: None)
    new, shipped = json.loads(out.read_text()), json.loads(MODEL_PATH.read_text())
    for typ in ("ASSAULT", "PROTEST", "*"):
        assert new["models"][typ]["threshold"] == shipped["models"][typ]["threshold"]
        assert abs(new["models"][typ]["report"]["heldout"]["f1"] - shipped["models"][typ]["report"]["heldout"]["f1"]) < 0.02
    assert out.stat().st_size < 200_000
    assert set(load(str(out))) == {"ASSAULT", "PROTEST", "*"}


def test_words_that_only_look_like_triggers():
    text = ("وقالت وزارة الدفاع الروسية إن الوضع الاجتماعي صعب. وأعلن الجيش وقف إطلاق النار في المدينة. "
            "وأنهى اللاعب مسيرته الكروية.")
    evs = _bare(text)
    assert not [e for e in evs if e.type in ("CONSULT", "PROTEST")]
    assert [e.type for e in evs if "إطلاق" in e.trigger.text] == ["RETREAT"]


def test_formulas_and_dawn_are_not_events():
    text = ("وقال المصدر الذي رفض الكشف عن اسمه إن اللجنة ستعلن قريبا. ورفض قصر كينزنغتون التعليق على الأمر. "
            "وقال المسماري إن قوات الجيش هاجمت فجر الخميس أماكن تواجد الميليشيات. ورفض البرلمان مشروع القانون.")
    assert [(e.type, e.trigger.text) for e in _bare(text)] == [("ASSAULT", "هاجمت"), ("REJECT", "ورفض")]


def test_still_is_not_a_negation():
    text = "منذ ظهورها في برنامج تلفزيوني الأسبوع الماضي، لا تزال الانتقادات توجه للطالبة بسبب الحجاب."
    (ev,) = [e for e in _bare(text) if e.type == "ACCUSE"]
    assert not ev.negated
    (ev,) = [e for e in _bare("ولم تنسحب القوات من المدينة.") if e.type == "RETREAT"]
    assert ev.negated


def test_unnamed_participants():
    # sentences cut from ../shared/data/events/arabic_event_gsr (dev, tune part)
    def roles(text, trigger):
        ev = next(e for e in _bare(text) if e.trigger.text == trigger)
        return (ev.actor.text if ev.actor else None, ev.target.text if ev.target else None)
    assert roles("تظاهر الاف الاسرائيليين مساء امس في تل ابيب.", "تظاهر")[0] == "الاف الاسرائيليين"
    assert roles("افادت مصادر متطابقة ان مجهولين خطفوا مصورا فرنسيا في بوساسو بشمال الصومال.",
                 "خطفوا")[1] == "مصورا فرنسيا"
    assert roles("أعلنت الشرطة الافغانية أن 20 مدنيا قتلوا امس في هجوم انتحاري.", "قتلوا") == (None, "20 مدنيا")
    assert roles("مقتل ثلاثة اطباء في هجوم مسلح نفذه متطرف اسلامي ضد مستشفى في جنوب صنعاء.",
                 "هجوم")[0] == "متطرف اسلامي"
    assert roles("كما خرجت مظاهرات محدودة في الموصل ضد الحكم وأفاد شهود عيان.", "مظاهرات")[1] == "الحكم"


def test_standing_agreements_issued_statements_and_plans():
    # corpus false positives (bench/events_corpus.py on ../shared/data/news, 1,000 articles)
    evs = _bare("وقال روحاني إن الاتفاق النووي مع القوى الكبرى لا يزال قائما. "
                "وقال الجيش في بيان صادر عنه إنه سيواصل العمل.")
    assert not [e for e in evs if e.type in ("AGREE", "COERCE")]
    (ev,) = [e for e in _bare("وأعلنت قوى 14 آذار عزمها تنفيذ اعتصام يوم الأحد.") if e.type == "PROTEST"]
    assert ev.hedged
    (ev,) = [e for e in _bare("وتظاهر الآلاف في القاهرة أمس.") if e.type == "PROTEST"]
    assert not ev.hedged


def test_negation_scope_is_the_triggers_own_clause():
    # corpus sentences (bench/events_corpus.py on ../shared/data/news, seed 11)
    def neg(text, trigger):
        return next(e for e in _bare(text) if e.trigger.text == trigger).negated
    # a denial reaches what it is about, not a later clause or the involvement denied instead of the event
    assert not neg("وتنفي قطر تلك الاتهامات وتقول إن المقاطعة تمثل تعديا على سيادتها.", "المقاطعة")
    assert not neg("وتنفي قطر تلك الاتهامات وتقول إن المقاطعة تمثل تعديا على سيادتها.", "الاتهامات")
    assert not neg("ولقي عشرات الأشخاص مصرعهم في دوما، لكن دمشق تنفي تورطها في الغارات.", "الغارات")
    assert not neg("إلقاء بن جريد المسؤولية على ساركوزي لا ينفي مسؤولية حلف شمال الأطلسي عن اغتياله.", "اغتياله")
    assert neg("ونفى مصدر في القنصلية السعودية مقتل خاشقجي داخل المبنى.", "مقتل")
    assert neg("ونفت الحكومة أن تكون قواتها قصفت المدينة.", "قصفت")
    # a negation before another verb negates that verb, not the noun after it
    assert not neg("وأفاد السكان أن الميليشيات لم تكتف بالمجزرة التي ارتكبتها بحق المدنيين.", "بالمجزرة")
    assert not neg("لم يستغرق اجتماع وزير الخارجية الأمريكي مع العاهل السعودي أكثر من 15 دقيقة.", "اجتماع")
    assert not neg("وقصفت القوات مواقع التنظيم ما أدى لمقتل 30 إرهابيا.", "لمقتل")
    assert neg("انتقد قرقاش الحوثيين بشأن عدم انعقاد محادثات جنيف.", "محادثات")
    assert neg("ولم يقم بزيارته مراعاة للعلاقات مع سول.", "بزيارته")
    # a denied statement ("لم تعلن") about the responsibility for an attack: the attack happened
    rec = naba.analyze("ولم تعلن أي جهة مسؤوليتها عن الهجمات.", stages=("clean", "segment", "times", "statements", "events"))
    assert [e.negated for e in rec.events if e.type == "ASSAULT"] == [False]


def test_passive_verbs_of_violence():
    def roles(text, trigger):
        ev = next(e for e in _bare(text) if e.trigger.text == trigger)
        return (ev.actor.text if ev.actor else None, ev.target.text if ev.target else None)
    # arabic_event_gsr dev, tune part: a subject before قتل with no object after it is the victim
    assert roles("وقال مصدر في الشرطة، ان شخصا قتل واصيب اربعة في انفجار سيارة مفخخة.", "قتل") == (None, "شخصا")
    assert roles("وكانت رئيسة الوزراء السابقة، بي نظير بوتو، قد قتلت في هجوم انتحاري في مدينة روالبندي.",
                 "قتلت")[0] is None
    # the victim of the verb is not the actor of the attack after it
    assert roles("وقال المسؤول إن جنديا أميركيا قتل وأصيب ثلاثة آخرون في انفجار عبوة ناسفة.", "انفجار")[0] is None
    # the doer after بنيران/برصاص
    assert roles("وفي الديوانية قتل أحد عناصر الشرطة بنيران مسلحين مجهولين وسط الديوانية.", "قتل") == (
        "مسلحين", "عناصر الشرطة")
    # corpus: an object after the verb keeps it active
    assert roles("وكانت فرقة مظلية من قوات مكافحة الإرهاب قد قتلت أول من أمس أربعة من المتهمين.", "قتلت")[1] == "أربعة"
    assert roles("ألقت الشرطة القبض على طالب قتل والديه بالرصاص داخل المدينة الجامعية.", "قتل")[1] != "طالب"
    # "قد" after كان is a past perfect, no hedge
    (ev, *_) = [e for e in _bare("وكانت الشرطة قد اعتقلت ثلاثة مشتبه بهم.") if e.type == "COERCE"]
    assert not ev.hedged


def test_aims_metaphors_sport_group_names_and_generic_mentions():
    # corpus sentences (bench/events_corpus.py on ../shared/data/news, seed 11)
    def types(text):
        return [e.type for e in _bare(text)]
    # استهدف as "aim at": a programme, a bank, sanctions, tariffs; an aim that is a goal
    assert "ASSAULT" not in types("وبالتأكيد يستهدف البنك زيادة عدد المشروعات الناشئة لرواد الأعمال.")
    assert "ASSAULT" not in types("وتستهدف العقوبات الأميركية المعاملات التجارية الهامة.")
    assert "ASSAULT" not in types("وردت بكين على الفور برسوم مضادة تستهدف سلعا زراعية أميركية.")
    assert "ASSAULT" in types("واستهدفت طائرات الناتو القافلة.")
    # metaphors
    assert "ASSAULT" not in types("وواصلت مورداونت هجومها الناري ضد أوكسفام.")
    assert "ASSAULT" not in types("وكانت الولايات المتحدة قد انخرطت في معارك تجارية على أكثر من جبهة.")
    assert "ASSAULT" in types("وشنت الطائرات هجوما على مواقع المسلحين.")
    # match reports; a bomb in a stadium stays
    assert "ASSAULT" not in types("وفي الشوط الثاني واصل الهلال هجومه ونجح مدافعه بتسجيل هدف التعادل عند الدقيقة 58.")
    assert "ASSAULT" in types("انفجرت قنبلة في استاد مكتظ جنوبي الصومال مما أسفر عن مقتل 5 من مشجعي كرة القدم.")
    # names of groups "for the support of"; a supporting act stays
    assert "SUPPORT" not in types("أعلن التحالف العربي لدعم الشرعية في اليمن أنه منح 4 تصاريح لسفن.")
    assert "SUPPORT" not in types("وقال ممثلو المجموعة الدولية لدعم سوريا إنهم سيجتمعون.")
    assert "SUPPORT" not in types("وقالت جمعية دعم وتسويق صناعة السيارات إن الرسائل مضللة.")
    assert "SUPPORT" in types("وقال إن مصر ملتزمة بدعم الشرعية في اليمن.")
    assert "SUPPORT" in types("وأفاد التقرير أن الصندوق صعد دعمه لقطاع الطاقة في 2014.")
    # "أي هجوم": any attack, no specific one
    assert "ASSAULT" not in types("وقال إن حماس تتحمل المسؤولية عن أي اعتداء ينطلق من القطاع.")


def test_protest_target_is_whom_it_addresses():
    # arabic_event_gsr dev, tune part (protest)
    def target(text, trigger):
        ev = next(e for e in _bare(text) if e.trigger.text == trigger)
        return ev.target.text if ev.target else None
    assert target("وكان متظاهرون فلسطينيون قد خرجوا الى الشوارع السبت، وسط رام الله في مظاهرات تطالب السلطة "
                  "بوقف المفاوضات مع الاسرائيليين.", "متظاهرون") == "السلطة"
    assert target("وكانت المعارضة التي جمعت في تبيليسي 50 الف متظاهر الجمعة قبل ان تطالب السبت باستقالة الرئيس.",
                  "متظاهر") == "الرئيس"
    assert target("وردد المتظاهرون هتافات تدعو الحكومة الفلسطينية الى صرف الرواتب.", "المتظاهرون") == "الحكومة الفلسطينية"


def test_actor_of_a_noun_after_a_light_verb():
    # arabic_event_gsr dev, tune part (assault)
    def actor(text, trigger):
        ev = next(e for e in _bare(text) if e.trigger.text == trigger)
        return ev.actor.text if ev.actor else None
    assert actor("وقال مواطنون سوريون في منطقة البوكمال إن ثمانية جنود أميركيين نفذوا الغارة.", "الغارة") == "جنود أميركيين"
    assert actor("وقامت الجماعة في ديسمبر (كانون الأول) 2005 بخطف تسعة جنود قرب الحدود مع باكستان.", "بخطف") == "الجماعة"
    assert actor("وشنت الطائرات الإسرائيلية غارات على مواقع في غزة.", "غارات") == "الطائرات الإسرائيلية"
    # the doer after من قبل, past a parenthesis
    assert actor("وأعلنت الشرطة أن أمجد وهبة خطف في وسط مدينة تيزي وزو (110 كلم شرق العاصمة) من قبل أربعة مسلحين.",
                 "خطف") == "أربعة مسلحين"


def test_coordinated_verbs_share_their_subject_and_multiword_countries():
    # corpus sentences (bench/events_corpus.py on ../shared/data/news, seed 29)
    evs = [e for e in _bare("دعا الرئيس الأميركي باراك أوباما، أمس، دول شرق أفريقيا إلى إبقاء الضغط على المتمردين، "
                            "ودعا في الوقت نفسه، إثيوبيا إلى مزيد من الجهود.") if e.type == "REQUEST"]
    assert len(evs) == 2 and evs[0].actor.text == evs[1].actor.text and "الرئيس الأميركي" in evs[1].actor.text
    from naba.events.extract import _country_of
    assert _country_of(normalize("الولايات المتحدة").split()) == "USA"
    # a match report: "اللقاءات الودية" are games, not meetings
    assert not [e for e in _bare("ينهي الفريق الكروي الأول بنادي الاتحاد معسكره في إيطاليا، حيث سيخوض الفريق أقوى "
                                 "اللقاءات الودية بعد أن خاض أربع مباريات ودية.") if e.type == "CONSULT"]


def test_negated_frame_verb_earlier_in_the_clause():
    # corpus sentences (bench/events_corpus.py on ../shared/data/news, seeds 11 and 29)
    def neg(text, trigger):
        return next(e for e in _bare(text) if e.trigger.text == trigger).negated
    assert neg("بيد أن الرئيس كيم لم يسبق له أن التقى الرئيس الصيني شي جين بينغ.", "التقى")
    assert neg("وبحسب المصادر لم تتوصل الأطراف المعنية بالمشروع لاتفاق واضح بخصوص الموعد النهائي.", "لاتفاق")
    assert not neg("وغالبا ما تشهد الأحاديث مطالبة بإحقاق العدالة.", "مطالبة")


def test_unless_is_a_condition_and_the_doer_is_no_target():
    # corpus sentences (bench/events_corpus.py on ../shared/data/news, seed 29)
    (ev,) = [e for e in _bare("وأوردت وسائل إعلام سورية أن قوات النظام تستعد لعملية في دوما، ما لم يوافق فصيل جيش "
                              "الإسلام على الخروج منها.") if e.type == "AGREE"]
    assert not ev.negated and ev.hedged
    ev = next(e for e in _bare("قتل عشرة جنود سوريين على الأقل في غارات جوية نفذتها مقاتلات إسرائيلية على مواقع "
                               "عسكرية.") if e.trigger.text == "غارات")
    assert ev.actor.text == "مقاتلات إسرائيلية" and ev.target is None


def test_relative_pronoun_points_to_the_subject_or_the_object():
    # corpus sentences (bench/events_corpus.py on ../shared/data/news, seed 11)
    def roles(text, trigger):
        ev = next(e for e in _bare(text) if e.trigger.text == trigger)
        return (ev.actor.text if ev.actor else None, ev.target.text if ev.target else None)
    assert roles("وقالت المعارضة إن قوات الأسد التي قصفت المدينة أمس قتلت عشرة مدنيين.", "قصفت")[1] == "المدينة"
    assert roles("وقالت المعارضة إن قوات الأسد التي قصفت المدينة أمس قتلت عشرة مدنيين.", "قصفت")[0].startswith("قوات")
    assert roles("كميات تزيد عما يملكه الجيش العراقي الذي تدعمه الولايات المتحدة.", "تدعمه") == (
        "الولايات المتحدة", "الجيش العراقي")
    # the pronoun does not agree with التي: the station is the one who accused
    assert roles("وإن كان شن هجوما أخيرا ضد محطة «فوكس نيوز» التي اتهمته بأنه محاب لإدارة الرئيس.", "اتهمته")[1] != "فوكس نيوز"


def test_verbal_attack_is_accuse_and_a_real_attack_stays_assault():
    # corpus sentences (bench/events_corpus.py on ../shared/data/news, seed 29)
    # words: a speech verb after هاجم, an accusation after "شن هجوما", the media as the target, an adjective of words
    assert ("ACCUSE", "هاجم") in _typed_triggers("هاجم الرئيس التركي رجب طيب أردوغان شركات التصنيف الائتماني، ووصف العاملين فيها "
                                       "بأنهم \"محتالون\"، وذلك على وقع انهيار الليرة التركية.")
    assert ("ACCUSE", "هجوما") in _typed_triggers("فيما شنت الرياض هجوما على إيران، متهمة إياها بالتدخل في الشؤون العربية.")
    assert ("ACCUSE", "هجوما") in _typed_triggers("أما وزير خارجية البحرين فشن هجوما على قناة الجزيرة القطرية، الخميس، قائلا إن "
                                        "القناة القطرية \"تتجنى وتكذب\" على السعودية.")
    assert ("ACCUSE", "هاجم") in _typed_triggers("وفي بيان ساخن غير معتاد الليلة الماضية هاجم شون سبايسر المتحدث باسم البيت الأبيض "
                                       "الصور التي نشرت على تويتر.")
    assert ("ACCUSE", "هجوما") in _typed_triggers("وشن الوزير هجوما لاذعا على المعارضة.")
    # a person named right after هاجم (entities from the gold, as the entities stage finds them)
    text = ("وهاجم نائب الوزير الكوري الشمالي بعنف مستشار الأمن القومي الأميركي، جون بولتون، الذي كان تحدث عن "
            "\"النموذج الليبي\" لجعل كوريا الشمالية خالية من الأسلحة النووية.")
    rec = with_gold_mentions(text, {"entities": {"PER": [["جون بولتون"]]}}, "2018-05-16")
    assert [e.type for e in rec.events if e.trigger.text == "وهاجم"] == ["ACCUSE"]
    # violence: armed men, aircraft, a knife, casualties, a suicide attack
    for text, trig in (("هاجمت حركة الشباب فندقا يضم بعثات دبلوماسية في مقديشو؛ مما أدى إلى مقتل 13 شخصا على الأقل.", "هاجمت"),
                       ("وقالت مصادر أمنية إن طائرات تركية مقاتلة هاجمت معسكرات حزب العمال الكردستاني في شمال العراق.", "هاجمت"),
                       ("هاجم شاب نمساوي يبلغ من العمر 26 عاما بسكين أحد الحراس أمام مقر إقامة سفير إيران.", "هاجم"),
                       ("هاجم مسلحون نقطة تفتيش قرب المدينة.", "هاجم"),
                       ("قتل 31 شخصا على الأقل في هجوم انتحاري قرب مركز اقتراع في مدينة كويتا.", "هجوم")):
        assert ("ASSAULT", trig) in _typed_triggers(text), text


def test_official_protest_is_accuse_and_people_protesting_stay_protest():
    # corpus sentences (bench/events_corpus.py on ../shared/data/news, seed 29)
    # a government's formal protest: ACCUSE (PLOVER: it complains), not a demonstration
    assert ("ACCUSE", "احتجت") in _typed_triggers("وأفادت وزارة الخارجية الروسية في بيان أن موسكو \"احتجت بشدة على طرد دبلوماسيين روسيين "
                                        "ومنع اثنين آخرين من الرعايا الروس من دخول أراضيها\".")
    assert ("ACCUSE", "احتجاجا") in _typed_triggers("وقدمت الحكومة احتجاجا رسميا لدى السفارة.")
    # people protesting; a government that suppressed or caused the protests is not who protests
    for text, trig in (("حكم بسجن وجلد عمال أجانب في السعودية احتجوا على تأخر أجورهم", "احتجوا"),
                       ("وقال السيد والمقيم ان عقب الاشتباكات احتج عدد من السكان باغلاق الطريق الساحلي الرئيسي بين مصراتة وطرابلس.", "احتج"),
                       ("أفرجت السلطات السودانية الأحد عن العشرات من الناشطين والمعارضين الذين تم توقيفهم الشهر الفائت، إثر "
                        "احتجاجات منددة بغلاء الأسعار.", "احتجاجات"),
                       ("ومنذ مطلع كانون الثاني/يناير الماضي قمعت السلطات السودانية مظاهرات احتجاجية على ارتفاع أسعار المواد "
                        "الغذائية وفي مقدمها الخبز.", "احتجاجية")):
        assert ("PROTEST", trig) in _typed_triggers(text), text


def test_complementizer_between_offsets_reads_the_words_of_that_stretch():
    """Whether an "إن/أن" stands between two offsets (read from one index of the record's text,
    not by normalizing every stretch again): only a whole word inside the stretch counts."""
    import re

    from naba.events.extract import _complementizer

    text = "قال الوزير إن الجيش هاجم المتظاهرين وأكد المتحدث أن القوات انسحبت من بيانها"
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    that = {i for i, (a, b) in enumerate(words) if text[a:b] in ("إن", "أن")}
    for i, (a, _) in enumerate(words):
        for j, (_, b) in enumerate(words):
            if i <= j:
                assert _complementizer(text, a, b) == any(i <= k <= j for k in that), (i, j)
    assert not _complementizer(text, words[-3][0], words[-1][1])  # "انسحبت من بيانها": no إن word
