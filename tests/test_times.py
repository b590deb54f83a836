"""Time expressions: month-name families, Hijri, relative ones, datelines, and the dev-set gate."""

from __future__ import annotations

import pytest

import naba
from naba.times import dateline_date, extract


def values(text, published):
    return [(t.text, t.value, t.kind) for t in extract(text, published)]


@pytest.mark.parametrize("text,value", [
    ("وصل في 16 فيفري 1992 إلى تونس", "1992-02-16"),            # Maghreb
    ("في ٣ شباط/فبراير ٢٠٢٠ أعلن", "2020-02-03"),               # Levantine/Egyptian pair, Eastern digits
    ("يوم 24 كانون الثاني 2019", "2019-01-24"),
    ("منذ 5 جويلية 2016", "2016-07-05"),
    ("في 8 مايو 2022", "2022-05-08"),
    ("الأول من آب/أغسطس 2018", "2018-08-01"),
])
def test_absolute_dates_of_every_family(text, value):
    found = extract(text, None)
    assert [t.value for t in found] == [value]
    assert found[0].kind == "absolute"


def test_hijri_date_converted_and_dateline_sets_published():
    text = ("وزير التعليم يفتتح المدارس\n\nالرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس أعلن المتحدث "
            "أمس أن الاجتماع عقد في مقر الوزارة بحضور عدد من المسؤولين.")
    assert dateline_date(text) == ("2015-08-10", "10 اغسطس 2015 م")
    found = values(text, None)
    assert ("25 شوال 1436 هـ", "2015-08-10", "hijri") in found
    rec = naba.analyze(text, stages=("clean", "segment", "times"))
    assert rec.published == "2015-08-10"
    assert any("dateline" in w for w in rec.warnings)
    assert [t.value for t in rec.times if t.text == "أمس"] == ["2015-08-09"]


@pytest.mark.parametrize("text,value", [
    ("زار الوزير المدينة الثلاثاء الماضي", "2022-05-17"),
    ("قال أمس", "2022-05-19"),
    ("في الثامن من الشهر الحالي", "2022-05-08"),
    ("قام في الثامن الشهر الحالي", "2022-05-08"),
    ("يعقد الأسبوع المقبل", "2022-W21"),
    ("العام الماضي", "2021"),
    ("قبل ثلاثة أيام", "2022-05-17"),
    ("في سبتمبر/أيلول الماضي", "2021-09"),
    ("وسيعود الوفد إلى بغداد الثلاثاء", "2022-05-24"),
])
def test_relative_expressions_resolve_against_published(text, value):
    assert [t.value for t in extract(text, "2022-05-20")] == [value]


def test_relative_expression_without_published_says_why():
    (t,) = extract("قام في الثامن الشهر الحالي بزيارة", None)
    assert t.value is None and t.attrs["unresolved"] == "no publication date"


def test_ambiguous_month_word_needs_context():
    assert extract("وقد مارس الضغط على الحكومة", "2022-05-20") == []
    assert [t.value for t in extract("في مارس الماضي", "2022-05-20")] == ["2022-03"]


def test_seed_time(seed_text, seed_gold):
    seed_record = naba.analyze(seed_text, published="2022-05-20", stages=("clean", "segment", "times"))
    gold = seed_gold["times"][0]
    (t,) = [t for t in seed_record.times if t.text == gold["text"]]
    assert t.value == gold["value_if_published_2022-05-20"] and t.kind == gold["kind"]
    assert [x.text for x in seed_record.times] == [g["text"] for g in seed_gold["times"]]


def test_dev_gate(shared_data):
    from naba.evaluate.times import evaluate

    res = evaluate(shared_data / "attribution" / "dev.jsonl")
    # measured: f1 0.980, value accuracy 0.960 (the set was also used to tune the rules)
    assert res["f1"] >= 0.94
    assert res["value_accuracy"] >= 0.94


def test_hijri_numeric_date_is_not_a_publication_date():
    # saudinewsnet:12062 opens with "خلال الفترة من 4 إلى 15/9/1436هـ": not a Gregorian dateline,
    # and the article must still analyse (it crashed with an OverflowError in hijridate once).
    import naba

    text = ("أعلنت وزارة الخدمة المدنية أسماء (4878) متقدمة على الوظائف التعليمية المعلنة خلال الفترة من 4 "
            "إلى 15/9/1436هـ، ويمثلن من تم ترشيحهن مبدئيا.\nودعت الوزارة المتقدمات إلى مراجعة الفروع في "
            "العاشر من شهر رمضان المقبل.")
    rec = naba.analyze(text, stages=("clean", "segment", "times"))
    assert rec.published is None or rec.published >= "1900"


def test_numeric_date_with_hijri_marker_is_converted():
    # "وتاريخ 12/2/1439هـ" (Alarabia AL-internationalNews-1200-20180516, QUIRKS.md)
    from naba.times import extract

    got = [(t.text, t.value, t.kind) for t in extract("صدر بالأمر وتاريخ 12/2/1439هـ ونشر في 3/4/2018 م", "2018-05-16")]
    assert ("12/2/1439هـ", "2017-11-01", "hijri") in got
    assert any(v == "2018-04-03" and k == "absolute" for _, v, k in got)



def test_numeric_date_without_hijri_marker_is_hijri_only_near_the_publication_year():
    # 1436 AH is the publication's Hijri year: Hijri; "29/5/1453" in a "this day in history" piece is 1453 CE
    assert values("يوم الخميس الموافق 14/ 10/ 1436", "2015-07-26") == [
        ("يوم الخميس الموافق 14/ 10/ 1436", "2015-07-30", "hijri")]
    assert values("سقطت القسطنطينية في 29/5/1453", "2018-05-29") == [
        ("29/5/1453", "1453-05-29", "absolute")]
    # 1432 is four years from 1436: not near enough, read as Gregorian
    assert values("في 3/4/1432", "2015-07-26") == [("3/4/1432", "1432-04-03", "absolute")]
    # no publication date: a modern Hijri year only
    assert values("في 14/10/1436", None) == [("14/10/1436", "2015-07-30", "hijri")]
    assert values("في 29/5/1453", None) == [("29/5/1453", "1453-05-29", "absolute")]
    # with هـ a date is Hijri whatever the publication date
    assert values("في 3/4/1432هـ", "2015-07-26") == [("3/4/1432هـ", "2011-03-08", "hijri")]


def test_hijri_year_range_is_shared_by_grammar_and_resolver():
    import importlib

    grammar, resolve = (importlib.import_module(f"naba.times.{m}") for m in ("grammar", "resolve"))
    assert resolve.HIJRI_YEARS is grammar.HIJRI_YEARS
    lo, hi = grammar.HIJRI_YEARS
    assert lo <= resolve.HIJRI_UNMARKED[0] <= resolve.HIJRI_UNMARKED[1] <= hi
    assert [m.rule for m in grammar.find(f"عام {hi}هـ")] == ["hijri_year"]
    # outside the range a marked year is no Hijri year
    assert [m.rule for m in grammar.find(f"عام {hi + 1}هـ")] != ["hijri_year"]


def test_connector_and_qualifier_words_from_the_data_files():
    # day ranges (modifiers.tsv day_range), school and fiscal years (year_kind), counts from an event
    # (event_after, not_event)
    assert values("بين 11 إلى 14 يوليو", "2018-07-20") == [("11 إلى 14 يوليو", "2018-07-11", "absolute")]
    assert values("من 3 حتى 5 مارس 2018", "2018-07-20") == [("3 حتى 5 مارس 2018", "2018-03-03", "absolute")]
    assert values("ميزانية العام المالي 1436-1437هـ", "2015-07-26") == [
        ("العام المالي 1436-1437هـ", "2015", "hijri")]
    assert values("بعد يومين على الحادث", "2018-07-20") == []
    assert values("قبل سنوات من الزمن", "2018-07-20") == [("قبل سنوات", None, "relative")]
    assert values("في 15 يونيو من العام الدراسي المقبل", "2018-07-20")[0][:2] == ("15 يونيو", "2018-06-15")


def test_unseen_gate():
    # tests/fixtures/times_unseen.jsonl: 38 news excerpts, 119 expressions annotated by hand before naba
    # ran on them. Fresh (before any change): F1 0.902, value accuracy 0.877. The rules were then fixed
    # on its errors, so it is in-sample now: F1 0.996, value accuracy 1.0.
    from pathlib import Path

    from naba.evaluate.times import evaluate

    res = evaluate(Path(__file__).parent / "fixtures" / "times_unseen.jsonl")
    assert res["gold"] == 119
    assert res["f1"] >= 0.97
    assert res["value_accuracy"] >= 0.97


def test_unseen2_gate():
    # tests/fixtures/times_unseen2.jsonl: 10 more excerpts, 37 expressions, annotated after the fixes
    # above and before naba ran on them. Fresh: F1 0.909, value accuracy 0.771; after the Hijri-year,
    # "من عام" and count fixes (in-sample now): F1 0.987, value 0.811; with weekday + day/month read by
    # the weekday ("الثلاثاء 10/12" = 12 Shawwal): value 0.892. Left: weekdays of a preview that lie
    # ahead, "this day in history".
    from pathlib import Path

    from naba.evaluate.times import evaluate

    res = evaluate(Path(__file__).parent / "fixtures" / "times_unseen2.jsonl")
    assert res["gold"] == 37
    assert res["f1"] >= 0.95
    assert res["value_accuracy"] >= 0.86


def test_unseen3_gate():
    # tests/fixtures/times_unseen3.jsonl: 30 excerpts (11 SaudiNewsNet, 10 ANT, 9 Jawhara FM, not chosen
    # for their dates), 52 expressions annotated after the fixes above and before naba ran on them.
    # Fresh: F1 0.941, value accuracy 0.958. After the approximator, fiscal-year, future-word, weekday-range
    # and vague-period fixes (in-sample now): F1 0.990, value 0.980. Left: "في أكتوبر" six months either
    # side of the publication date (nearest, ties to the past), "اليوم التالي" after an undated event.
    from pathlib import Path

    from naba.evaluate.times import evaluate

    res = evaluate(Path(__file__).parent / "fixtures" / "times_unseen3.jsonl")
    assert res["gold"] == 52
    assert res["f1"] >= 0.96
    assert res["value_accuracy"] >= 0.95



def test_unseen4_gate():
    # tests/fixtures/times_unseen4.jsonl: 30 excerpts (12 SaudiNewsNet, 10 ANT, 8 Jawhara FM, not chosen
    # for their dates), 59 expressions annotated after the fixes above and before naba ran on them.
    # Fresh: F1 0.898 (P 0.898, R 0.898), value accuracy 1.0 (53/53). After the month-pair, glued-أمس,
    # bracketed-weekday, dash-range, غد, vague-past and superlative fixes (in-sample now): F1 0.974, value
    # 1.0. Then "خلال أيام" (vague; "خلال أيام العيد" is no time) and "عطلة نهاية الأسبوع" (annotated as the
    # week of the publication day, a judgement call): F1 1.0, value 1.0 (in-sample).
    from pathlib import Path

    from naba.evaluate.times import evaluate

    res = evaluate(Path(__file__).parent / "fixtures" / "times_unseen4.jsonl")
    assert res["gold"] == 59
    assert res["f1"] >= 0.95
    assert res["value_accuracy"] >= 0.97

@pytest.mark.parametrize("text,published,expected", [
    # numeric dates with spaces after the slashes, a weekday and الموافق before; no هـ needed for 14xx
    ("تبدأ يوم الأحد 8/ 11/ 1436هـ الموافق 23/ 8/ 2015م", "2015-07-22",
     [("يوم الأحد 8/ 11/ 1436هـ", "2015-08-23", "hijri"), ("23/ 8/ 2015م", "2015-08-23", "absolute")]),
    ("من يوم الأربعاء الموافق 23 / 8 / 1436هـ", "2015-07-21",
     [("يوم الأربعاء الموافق 23 / 8 / 1436هـ", "2015-06-10", "hijri")]),
    ("ما تم تداوله الخميس الموافق 14/ 10/ 1436 بوسائل", "2015-08-01",
     [("الخميس الموافق 14/ 10/ 1436", "2015-07-30", "hijri")]),
    # a Hijri month without a day: the Gregorian month of its 15th day; a direction word picks the year
    ("خلال شهر رمضان المبارك الماضي", "2015-08-11", [("شهر رمضان المبارك الماضي", "2015-07", "hijri")]),
    ("إلى رمضان المقبل", "2015-08-11", [("رمضان المقبل", "2016-06", "hijri")]),
    ("منذ بدء تنفيذه في شوال 1434هـ", "2015-08-03", [("شوال 1434هـ", "2013-08", "hijri")]),
    # a range of days gives its first; a month named with a relative year
    ("قمة عقدت في 11 و12 تموز/يوليو في بروكسل", "2018-07-13", [("11 و12 تموز/يوليو", "2018-07-11", "absolute")]),
    ("في نوفمبر/تشرين الثاني العام الماضي", "2018-07-18",
     [("نوفمبر/تشرين الثاني العام الماضي", "2017-11", "month")]),
    # "منذ يوم الجمعة 27 يوليو" is the date, not "a day ago"
    ("انخفضت منذ يوم الجمعة 27 يوليو.", "2018-08-02", [("يوم الجمعة 27 يوليو", "2018-07-27", "absolute")]),
    # "اليوم الأربعاء" in a page crawled on Thursday is the Wednesday
    ("وذكرت الشرطة اليوم الأربعاء أن", "2015-08-06", [("اليوم الأربعاء", "2015-08-05", "relative")]),
    # a vague lead keeps the value of what follows
    ("سيجري اتصالا في وقت لاحق اليوم", "2018-05-09", [("وقت لاحق اليوم", "2018-05-09", "relative")]),
    ("في وقت سابق من الشهر الجاري", "2018-06-23", [("وقت سابق من الشهر الجاري", "2018-06", "relative")]),
    ("تمت في بداية العام", "2018-06-01", [("بداية العام", "2018", "relative")]),
    ("ستكون محررة بعد 48 ساعة", "2015-07-26", [("بعد 48 ساعة", "2015-07-28", "relative")]),
    # from times_unseen2: a Hijri year (a school year 1436-1437 starts where the two meet), "من عام",
    # spaced dashes in a numeric Hijri date
    # a single Hijri year is the Gregorian year of its mid-point (1397 AH = 1976-12-22..1977-12-10)
    ("وفي عام 1397 هـ تم تشكيل", "2015-08-01", [("عام 1397 هـ", "1977", "hijri")]),
    ("في عام 1440هـ", "2019-01-01", [("عام 1440هـ", "2019", "hijri")]),
    ("للعام الدراسي 1436-1437هـ عبر", "2015-07-26", [("لعام الدراسي 1436-1437هـ", "2015", "hijri")]),
    ("في 2 أكتوبر من عام 1187 أنهت", "2018-10-02", [("2 أكتوبر من عام 1187", "1187-10-02", "absolute")]),
    ("المعلنة بتاريخ 4 – 9 - 1436هـ", "2015-08-01", [("4 – 9 - 1436هـ", "2015-06-21", "hijri")]),
])
def test_general_fixes_from_the_unseen_set(text, published, expected):
    assert values(text, published) == expected


def test_plurals_without_number_are_vague_and_event_anchored_counts_are_no_time():
    got = values("وقبل أيام نجحت القوات، ووقعت حوادث خلال الأسابيع الماضية منذ عقود", "2015-08-03")
    assert [(t, v) for t, v, _ in got] == [("قبل أيام", None), ("الأسابيع الماضية", None), ("منذ عقود", None)]
    assert values("ولد بعد أربع سنوات من وفاة والديه، بعد يوم من دخول القوات", "2018-04-12") == []


def test_names_and_general_are_no_times():
    assert values("أميرة المولد – عين اليوم\n\nقال لـ”عين اليوم” إن", "2015-08-08") == []
    assert values("كان في المسجد نحو 2000 من المصلين خلال صلاة الجمعة", "2015-08-03") == []
    assert values("قال المدعي العام السابق دومينيك غريف والأمين العام المقبل", "2018-05-01") == []
    assert values("ارتفع 6.8 % في نهاية العام السابق", "2015-08-01") == [("نهاية العام السابق", "2014", "relative")]


@pytest.mark.parametrize("text,published,expected", [
    # from times_unseen3: an approximator between قبل/منذ and the count (approx.tsv) ...
    ("اجتازوا قبل اكثر من اسبوعين الحدود", "2015-08-03", [("قبل اكثر من اسبوعين", "2015-W30", "relative")]),
    ("يحكم منذ قرابة أربعة أعوام", "2018-04-29", [("منذ قرابة أربعة أعوام", "2014", "relative")]),
    # ... but not after بعد ("after more than 22 years spent ..." looks back from an event)
    ("اعتزاله بعد أكثر من 22 عاما قضاها حارسا", "2018-08-07", []),
    # an approximating word does not hide the event a count is taken from
    ("ووقع الحادث بعد ثلاث سنوات تقريباً على إطلاق النار", "2015-07-25", []),
    ("قبل شهرين تقريبا من إجراء انتخابات", "2018-09-04", []),
    ("نقلت إليه قبل عام تقريبا بسبب", "2018-04-08", [("قبل عام", "2017", "relative")]),
])
def test_general_fixes_from_the_third_unseen_set(text, published, expected):
    assert values(text, published) == expected


def test_fiscal_year_is_a_relative_year():
    # times_unseen3: "خلال العام المالي الجاري" was missed (the school year was listed, the fiscal one not)
    assert values("إجراءات مشابهة خلال العام المالي الجاري", "2018-03-04") == [("العام المالي الجاري", "2018", "relative")]
    assert values("توقعات السنة المالية المقبلة", "2015-08-01") == [("السنة المالية المقبلة", "2016", "relative")]


@pytest.mark.parametrize("text,published,value", [
    # times_unseen3: "سينما" (a noun) read as a future verb sent "مساء الخميس" a week ahead
    ("فتح النار داخل صالة سينما مكتظة بالجمهور في لافايت مساء الخميس", "2015-07-25", "2015-07-23"),
    ("وكانت القوات سيطرت الأربعاء على الميناء", "2018-06-21", "2018-06-20"),
    ("ورفض وزير الخارجية الروسي سيرغي لافروف، الجمعة، مزاعم", "2018-03-12", "2018-03-09"),
    # a future verb still sends the weekday ahead
    ("وسيعود الوفد إلى سيؤول الثلاثاء", "2022-05-20", "2022-05-24"),
])
def test_words_that_look_like_future_verbs_do_not_move_a_weekday(text, published, value):
    assert [t.value for t in extract(text, published)] == [value]


def test_a_range_of_weekdays_is_one_expression_of_its_first_day():
    # times_unseen3: "بإضراب سابق استمر 48 ساعة يومي الثلاثاء والأربعاء" gave an extra الأربعاء
    assert values("بإضراب سابق استمر يومي الثلاثاء والأربعاء", "2018-04-08") == [
        ("يومي الثلاثاء والأربعاء", "2018-04-03", "relative")]
    assert values("يعمل من الأحد إلى الخميس", "2018-02-25")[0][:2] == ("الأحد إلى الخميس", "2018-02-25")
    # two days not in a row joined by و are two days
    assert values("تجري الجمعة والأحد", "2018-07-31") == [
        ("الجمعة", "2018-07-27", "relative"), ("الأحد", "2018-07-29", "relative")]


def test_vague_present_and_recent_periods():
    # times_unseen3: "في هذه الأيام" was missed; vague periods are annotated with value None
    got = values("تستغل عدم توفر السمك خاصة في هذه الأيام، وارتفعت خلال الأيام الأخيرة", "2015-08-02")
    assert got == [("هذه الأيام", None, "relative"), ("الأيام الأخيرة", None, "relative")]
    # "في الفترة الأخيرة" is left unannotated in examples/seed.gold.json, "هذه الفترة" in dev.jsonl
    assert values("التي أخلتها روسيا في الفترة الأخيرة", "2022-05-20") == []
    assert values("في الوقت الحاضر", "2018-04-02") == [("الوقت الحاضر", "2018-04-02", "relative")]


def test_names_that_normalize_to_now_are_no_times():
    # "آلان"/"ألان" (Alain, Alan) normalize to "الان" (now); 12 of 12 such matches in 4,000 corpus articles
    assert values("وقال رئيس الاحتياطي الفيدرالي الأسبق آلان غرينسبان، وألان دنكان", "2018-03-05") == []
    assert values("لم يتوصل حتى الان إلى اتفاق", "2018-03-05") == [("الان", "2018-03-05", "relative")]


def test_a_count_before_an_event_word_starting_like_now_is_event_anchored():
    # "من الانتخابات" / "من الانتظار": the not_event word الآن (normalized الان) matched as a prefix
    assert values("في تطور يأتي قبل أسبوع من الانتخابات الرئاسية", "2018-02-25") == []
    assert values("بعد 15 عاما من الانتظار، صادق البرلمان", "2018-05-01") == []
    assert values("بعد أيام من الآن", "2018-05-01")[0] == ("بعد أيام", None, "relative")


@pytest.mark.parametrize("text,expected", [
    # a word between the count and the event it is counted from (modifiers.tsv after_count)
    ("رفضته قبل أسبوع واحد من الهجوم", []),
    ("استقال بعد أسبوع ونصف من لقائه", []),
    ("وذلك بعد يومين فقط من كشفه", []),
    # day after day, year after year
    ("الوضع الإنساني يتدهور يوماً بعد يوم.", []),
    ("الذي يتطور عاماً بعد عام، لافتاً", []),
    # a singular day or month before a definite noun names it
    ("بطاقات مطروحة قبل يوم التصويت", []),
    ("استأنف النصر تدريباته بعد يوم الراحة", []),
    # but a week or year before one is still a count; "منذ يوم أمس" is أمس
    ("ويحل بعد أسبوع الموعد النهائي", [("بعد أسبوع", "2018-W20", "relative")]),
    ("شرعت الشركة منذ يوم امس في بيع التذاكر", [("امس", "2018-05-08", "relative")]),
])
def test_counts_that_are_no_time_from_the_publication_date(text, expected):
    assert values(text, "2018-05-09") == expected


@pytest.mark.parametrize("text,published,expected", [
    # a weekday with day/month and no year: the weekday picks the reading (times_unseen2: 12 Shawwal 1436)
    ("وحددت الكلية أيام الثلاثاء 10/12 مواعيد", "2015-07-26", [("الثلاثاء 10/12", "2015-07-28", "hijri")]),
    ("وحتى يوم الاربعاء 20/10.", "2015-07-26", [("يوم الاربعاء 20/10", "2015-08-05", "hijri")]),
    ("اليوم الاثنين الموافق 4/ 10، مشيراً", "2015-07-21", [("اليوم الاثنين الموافق 4/ 10", "2015-07-20", "hijri")]),
    ("مباراة الخميس 3/5 في الدوري", "2018-05-01", [("الخميس 3/5", "2018-05-03", "absolute")]),
    # no reading falls on the weekday: the weekday alone
    ("مباراة الخميس 3/6 في الدوري", "2018-05-01", [("الخميس 3/6", "2018-04-26", "relative")]),
])
def test_weekday_with_day_and_month_is_read_by_the_weekday(text, published, expected):
    assert values(text, published) == expected


@pytest.mark.parametrize("published,text", [("0001-01-01", "وصل الوزير يوم الجمعة الماضي"),
                                            ("9999-12-31", "ويغادر الوزير الجمعة المقبلة")])
def test_a_publication_date_at_the_calendars_end_leaves_the_day_unresolved(published, text):
    # a day counted back or ahead past year 1 or 9999 raised OverflowError and failed the document
    (got,) = extract(text, published)
    assert got.value is None and got.attrs["unresolved"] == "out of the calendar's range"


@pytest.mark.parametrize("text,published,expected", [
    # times_unseen4: the agencies write the two month names with only a space ("يونيو حزيران"); the
    # second name was an extra month
    ("أعلى مستوى منذ التاسع والعشرين من يونيو حزيران.", "2018-07-13",
     [("التاسع والعشرين من يونيو حزيران", "2018-06-29", "absolute")]),
    ("في مايو أيار 2017 قال", "2018-07-13", [("مايو أيار 2017", "2017-05", "month")]),
    # "لامس" (touched) and "بأمس الحاجة" normalize to a glued أمس: no time (times_unseen4)
    ("بعد أن لامس في وقت سابق من الجلسة 95.241", "2018-07-13", [("وقت سابق", None, "relative")]),
    ("وهم بأمس الحاجة إليه، وقال أمس إن", "2018-07-13", [("أمس", "2018-07-12", "relative")]),
    # "اليوم (الأحد)" (aawsat's style) and "أمس، الخميس،" are one day, not two expressions
    ("حسبما أعلن مسؤولون اليوم (الأحد).", "2015-08-09", [("اليوم (الأحد)", "2015-08-09", "relative")]),
    ("التي أقيمت أمس، الخميس، وانتهت", "2015-07-31", [("أمس، الخميس", "2015-07-30", "relative")]),
    # a dash joins a range of weekdays too ("ليل الخميس - الجمعة": its first day, one expression)
    ("التي شهدت ليل الخميس - الجمعة تفجيرا", "2015-08-08", [("الخميس - الجمعة", "2015-08-06", "relative")]),
    # "يوم غد" (tomorrow) was missed; "غد" before a weekday is that coming day, alone it is no time
    ("ستدخل يوم غد في إضراب عام", "2016-02-07", [("يوم غد", "2016-02-08", "relative")]),
    ("سيكون يوم غد الجمعة", "2016-02-11", [("يوم غد الجمعة", "2016-02-12", "relative")]),
    ("للانطلاق نحو غد أفضل", "2016-02-11", []),
    ("يقام بعد غدٍ الأربعاء", "2015-08-10", [("بعد غدٍ الأربعاء", "2015-08-12", "relative")]),
    # vague past periods, value None as "منذ سنوات"/"سابقا" (relative.tsv)
    ("وتعمل باكستان منذ وقت طويل على", "2018-03-31", [("منذ وقت طويل", None, "relative")]),
    ("كانت تسمى في الماضي باسم", "2017-05-11", [("في الماضي", None, "relative")]),
    # a bare "اليوم" before a superlative is the noun "the day" (modifiers.tsv superlative), not today;
    # "هذا العام الأكثر دفئا" is still this year
    ("في ما يعتبر اليوم الأكثر دموية في العاصمة", "2015-08-09", []),
    ("يعد هذا العام الأكثر دفئا في فرنسا", "2018-10-15", [("هذا العام", "2018", "relative")]),
    ("وقال اليوم الأمين العام", "2015-08-09", [("اليوم", "2015-08-09", "relative")]),
])
def test_general_fixes_from_the_fourth_unseen_set(text, published, expected):
    assert values(text, published) == expected


@pytest.mark.parametrize("text,published,expected", [
    # times_unseen4's last misses: "خلال أيام" is vague, "عطلة نهاية الأسبوع" the publication's week
    ("ستدخل منطقة عفرين خلال أيام كما", "2018-02-19", [("خلال أيام", None, "relative")]),
    ("وهبوط قبل عطلة نهاية الأسبوع.", "2018-07-13", [("عطلة نهاية الأسبوع", "2018-W28", "relative")]),
    ("عاد في عطلة نهاية الأسبوع الماضي", "2018-07-13", [("عطلة نهاية الأسبوع الماضي", "2018-W27", "relative")]),
    # "خلال أيام العيد" / "أيام عيد الفطر": the noun in construct, no time (modifiers.tsv construct_head);
    # a function word between keeps it one ("قبل مدة من الزمن")
    ("غرق 13 شخصا خلال أيام عيد الفطر المبارك", "2018-06-20", []),
    ("التهم المواطنون خلال أيام العيد", "2018-06-20", []),
    ("وفاة الملا عمر قبل مدة من الزمن", "2015-08-01", [("قبل مدة", None, "relative")]),
    # nor an adjective of the noun (duration_adjective): the corpus's "وتساند سلوفاكيا منذ فترة طويلة الدول
    # الأخرى"، "لدينا منذ فترة مبكرة الكثير من"
    ("وتساند سلوفاكيا منذ فترة طويلة الدول الأخرى", "2018-06-20", [("منذ فترة", None, "relative")]),
    ("لدينا منذ فترة مبكرة الكثير من الأدلة", "2018-06-20", [("منذ فترة", None, "relative")]),
    # "بالأمس" is yesterday ("بأمس الحاجة" is not); "بالأمس القريب" the recent past
    ("ما حدث بالأمس من تفجير", "2015-08-01", [("بالأمس", "2015-07-31", "relative")]),
    ("وكأنه حدث بالأمس القريب.", "2015-08-01", [("بالأمس القريب", None, "relative")]),
])
def test_vague_days_the_weekend_and_yesterday_with_the_article(text, published, expected):
    assert values(text, published) == expected
