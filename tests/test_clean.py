"""naba.stages.clean on real quirks (QUIRKS.md in ../shared/data/news)."""

import naba
from naba.stages.clean import classify, repair_words

BODY = "قال وزير الخارجية إن المفاوضات مستمرة بين الطرفين منذ أسابيع طويلة وفي عدة عواصم."


def test_obfuscated_word_repaired_and_reported():
    repairs = []
    assert repair_words("نحن لم نأتي لمحـ.ـاربة داعش", repairs) == "نحن لم نأتي لمحاربة داعش"
    assert repairs == [{"from": "محـ.ـاربة", "to": "محاربة", "reason": "obfuscated"}]


def test_inword_kashida_removed_prefix_kashida_kept():
    repairs = []
    assert repair_words("المعاهـد وجــودت", repairs) == "المعاهد وجودت"
    assert repairs == [{"from": "المعاهـد", "to": "المعاهد", "reason": "kashida"},
                       {"from": "وجــودت", "to": "وجودت", "reason": "kashida"}]
    assert repair_words("بـ7 مليارات لـ\"العربية.نت\"", []) == "بـ7 مليارات لـ\"العربية.نت\""


def test_zero_width_inside_word_removed():
    repairs = []
    assert repair_words("مح\u200bاربة والمعاهـد", repairs) == "محاربة والمعاهد"
    assert [r["reason"] for r in repairs] == ["obfuscated", "kashida"]  # a plain kashida word is no evasion


def test_a_one_line_article_keeps_its_text_around_a_notice():
    """A whole article on one line with an app notice in it loses the notice's sentence, not the
    article; a short notice line is still removed whole."""
    notice = "يمكنكم استلام اشعارات بأهم الأخبار عبر تطبيقنا."
    one_line = " ".join([BODY] * 8 + [notice] + [BODY.replace("الخارجية", "الداخلية")])
    rec = naba.analyze(one_line)
    assert "يمكنكم" not in rec.text and "وزير الداخلية" in rec.text and rec.text.count("وزير الخارجية") == 8
    assert {"text": notice, "reason": "app-promo"} in rec.removed
    rec = naba.analyze(BODY + "\n" + notice + "\n" + BODY.replace("الخارجية", "الداخلية"))
    assert {"text": notice, "reason": "app-promo"} in rec.removed and "يمكنكم" not in rec.text


def test_boilerplate_kinds():
    assert classify("يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي")[0] == "removed"
    assert classify("//انتهى//") == ("removed", "signoff")
    assert classify("// يتبع //") == ("removed", "signoff")
    assert classify("إقرأ أيضا: وزير يستقيل")[0] == "related"
    assert classify(BODY) == ("keep", None)


def test_entities_bidi_nbsp_bom():
    rec = naba.analyze("\ufeffعنوان الخبر\n" + BODY.replace(" ", "\u00a0", 3) + " &#8220;نص&#8221; \u200e#وسم",
                       stages=("clean",))
    assert "\u00a0" not in rec.text and "\ufeff" not in rec.text and "\u200e" not in rec.text
    assert "“نص”" in rec.text


def test_repeated_title_removed_lead_equal_to_abstract_kept():
    doc = {"id": "x", "title": "عنوان الخبر هنا", "abstract": BODY,
           "text": "عنوان الخبر هنا\n" + BODY + "\n" + "وأضاف الوزير أن الحل السياسي هو الطريق الوحيد لإنهاء الأزمة."}
    rec = naba.analyze(doc, stages=("clean",))
    assert [r["reason"] for r in rec.removed] == ["repeated-title"]
    assert rec.text.startswith(BODY)  # the lead is where the facts are: it stays
    assert rec.meta["abstract_in_text"] is True


def test_cut_copy_of_abstract_removed():
    cut = BODY[:BODY.index("منذ") + 2]  # the first line stops inside a word, the abstract goes on
    for lead in (cut, BODY[:BODY.index("منذ")] + "..."):
        doc = {"id": "x", "abstract": BODY, "text": lead + "\n" + BODY.replace("قال", "أكد")}
        rec = naba.analyze(doc, stages=("clean",))
        assert rec.removed == [{"text": lead, "reason": "repeated-abstract"}]


def test_whole_first_paragraph_kept_when_abstract_goes_on():
    # AlArabiya: the abstract is the first paragraph and the start of the second
    second = "وأضاف الوزير أن الحل السياسي هو الطريق الوحيد لإنهاء الأزمة."
    doc = {"id": "x", "abstract": BODY + " " + second[:30], "text": BODY + "\n" + second}
    rec = naba.analyze(doc, stages=("clean",))
    assert rec.removed == [] and rec.text == BODY + "\n\n" + second


def test_france24_abstract_cut_mid_word_completed_from_first_line():
    # FR-middleEast style: the abstract field stops inside a word; the first line holds it whole
    first = BODY + " وأضاف أن الجولة المقبلة ستعقد في جنيف."
    doc = {"id": "x", "abstract": first[:len(BODY) + 4], "text": first + "\n" + BODY.replace("قال", "أكد")}
    rec = naba.analyze(doc, stages=("clean",))
    assert rec.text.startswith(first)
    assert rec.meta["abstract"] == first and rec.meta["abstract_completed"]


def test_teaser_marker_alone_takes_next_line():
    doc = "عنوان\n" + BODY + "\nاقرأ أيضا:\nوزير يستقيل بعد فضيحة\n\n" + BODY.replace("قال", "أكد")
    rec = naba.analyze(doc, stages=("clean",))
    assert [r["text"] for r in rec.related] == ["وزير يستقيل بعد فضيحة"]


# Lines as they occur in ../shared/data/news/articles.jsonl.gz (outlet noted), each with its reason.
CORPUS_BOILERPLATE = [
    ("يمكنكم تسلم إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول.", "app-promo"),  # BBC
    ("--------------------------------------------------------------------", "separator"),  # BBC
    ("***", "separator"),  # okaz
    ("// انتهى //", "signoff"),  # was (SPA)
    ("13:37 ت م", "signoff"),  # was (SPA)
    ("** جميع المقالات المنشورة تمثل رأي كتابها فقط.", "disclaimer"),  # alarabia
    ("علماً أن CNN بالعربية لا يمكنها التأكد من صحة المعلومات المتناقلة عبر مواقع التواصل الاجتماعي.", "disclaimer"),
    ("للتواصل مع الكاتب ارسل رسالة SMS", "contact"),  # almadina
    ("تبدأ بالرمز (43) ثم مسافة ثم نص الرسالة إلى", "contact"),  # almadina
    ("88591 - Stc", "contact"),  # almadina
    ("للتواصل أرسل sms إلى 88548 الاتصالات، 636250 موبايلي، 738303 زين تبدأ بالرمز 153 مسافة ثم الرسالة", "contact"),  # okaz
    ("فرانس24/ أ ف ب", "credit"),  # france24
    ("فرانس 24/ أ ف ب/ رويترز", "credit"),  # france24
    ("* خدمة «نيويورك تايمز»", "credit"),  # aawsat
    ("*نقلاً عن \"الشروق\" المصرية", "credit"),  # alarabia
    ("نشر هذا المقال بالتعاون مع موقع التوظيف الإلكتروني بيت.كوم", "credit"),  # CNN
    ("...المزيد", "more"),  # aawsat
    ("لمتابعة المباراة على الحواسيب اللوحية، اضغط هنا...", "link-prompt"),  # france24
]

# Real sentences near those patterns that must stay.
CORPUS_SENTENCES = [
    "وبهذه المناظرة التي أذاعتها شبكة «فوكس نيوز» بالتعاون مع موقع التواصل الاجتماعي «فيسبوك»، فقد انطلق رسميًا السباق الحزبي نحو البيت الأبيض.",  # aawsat
    "وللاطلاع على مسودة نظام التخصيص يمكن الدخول لها عبر البوابة الإلكترونية للمركز الوطني للتخصيص بالسعودية (اضغط هنا)",  # alarabia
    "ويشار إلى أن المملكة أعلنت عن تطبيق نظام جديد للتأشيرات يبدأ العمل به مطلع العام المقبل.",
    "وقال المصدر: انتهى الاجتماع دون اتفاق بين الطرفين.",
]


def test_corpus_boilerplate_lines():
    for line, reason in CORPUS_BOILERPLATE:
        assert classify(line) == ("removed", reason), line


def test_corpus_sentences_kept():
    for line in CORPUS_SENTENCES:
        assert classify(line) == ("keep", None), line


def test_byline_only_before_the_body():
    # 3alyoum: "عين اليوم – متابعات" opens the text; the same shape later is body text
    assert classify("عين اليوم – متابعات", at_start=True) == ("removed", "byline")
    assert classify("عمر إبراهيم – عين اليوم", at_start=True) == ("removed", "byline")
    assert classify("السعودية – الكويت", at_start=False) == ("keep", None)


def test_teaser_list_without_blank_line_stops_at_body():
    # BBC (BB-internationalNews-430-20180428): marker alone, headlines follow, body goes on
    text = (BODY + "\nاقرأ أيضاً:\nأزمة كوريا الشمالية في سطور\n"
            "مدير سي آي إيه اجتمع سرا مع زعيم كوريا الشمالية\n"
            "وقد يرى المتشككون ذلك بمثابة انتصار دعائي بالنسبة لكيم، ومحاولة لتأمين التقدم النووي.")
    rec = naba.analyze({"id": "b", "title": "قمة الكوريتين", "text": text}, stages=("clean",))
    assert [r["text"] for r in rec.related] == ["أزمة كوريا الشمالية في سطور",
                                                "مدير سي آي إيه اجتمع سرا مع زعيم كوريا الشمالية"]
    assert rec.text.endswith("التقدم النووي.")


def test_teaser_headline_taken_as_written():
    # france24: "للمزيد: ..." (also with a dash)
    for line in ("للمزيد: ضربات جوية تستهدف مطار التيفور العسكري السوري",
                 "للمزيد - ضربات جوية تستهدف مطار التيفور العسكري السوري",
                 "قد يهمك/ ضربات جوية تستهدف مطار التيفور العسكري السوري"):  # CNN writes "قد يهمك/"
        rec = naba.analyze({"id": "f", "title": "ت", "text": BODY + "\n" + line}, stages=("clean",))
        assert [r["text"] for r in rec.related] == ["ضربات جوية تستهدف مطار التيفور العسكري السوري"]


def test_title_entities_control_chars_and_zero_width_between_spaces():
    # alweeam titles carry "&#8220;...&#8221;"; SaudiNewsNet texts "\x1a" and "\u200b" runs
    rec = naba.analyze({"id": "s", "title": "توزيع &#8220;موسوعة خطب الجمعة&#8221;\u200f على الخطباء",
                        "text": "أدنى متوسط \u200b\u200b شهري منذ أواخر عام 2009 نظرا إلى الانخفاض.\n"
                                "\x1a\x1a مدير الجمعية وأعضاء الجمعية في المنطقة."}, stages=("clean",))
    assert rec.title == "توزيع “موسوعة خطب الجمعة” على الخطباء"
    assert rec.text == ("أدنى متوسط شهري منذ أواخر عام 2009 نظرا إلى الانخفاض.\n\n"
                        "مدير الجمعية وأعضاء الجمعية في المنطقة.")


def test_publication_date_from_dateline_only_when_metadata_has_none():
    # SPA (saudinewsnet:14106): dateline, body, sign-off, time stamp; SaudiNewsNet has no date
    doc = {"id": "was", "title": "نائب العاهل البحريني يجري اتصالًا هاتفيًا",
           "text": " المنامة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n " + BODY + "\n // انتهى //\n 19:52 ت م "}
    rec = naba.analyze(doc, stages=("clean",))
    assert rec.published == "2015-08-10" and rec.meta["published_from"] == "dateline"
    assert [r["reason"] for r in rec.removed] == ["signoff", "signoff"]
    assert naba.analyze({**doc, "date": "2015-08-11"}, stages=("clean",)).published == "2015-08-11"
    # a date inside a body sentence is not a dateline
    story = {"id": "s", "title": "ذكرى", "text": "توفيت الفنانة في 23 أبريل 1966 بعد رحلة مع المرض.\n" + BODY}
    assert naba.analyze(story, stages=("clean",)).published is None


def test_chrome_glued_into_lines_is_cut():
    # alweeam: every article ends with "رابط الخبر بصحيفة الوئام: <title>" in its last line
    # 3alyoum: "سمات <tags>" after the last sentence and "Next Previous" before the first
    # sabq: "<name>- سبق- <city>:" before the first sentence; okaz: share buttons before it
    text = ("Next Previous عبدالله البرقاوي- سبق- الرياض: أعلن مطار الملك خالد الدولي عودة الرحلة إلى الرياض.\n"
            "ومن أبرز سمات الرحلة أنها تأخرت ساعتين بسبب عطل فني.\n"
            "وقال المتحدث إن الركاب بخير. سمات مطار الملك خالد الخطوط الكورية\n"
            "وأضاف أن التحقيق جار. (أ ف ب) رابط الخبر بصحيفة الوئام: عودة رحلة إلى مطار الملك خالد")
    rec = naba.analyze({"id": "i", "title": "عودة رحلة", "text": text}, stages=("clean",))
    assert rec.text == ("أعلن مطار الملك خالد الدولي عودة الرحلة إلى الرياض.\n\n"
                        "ومن أبرز سمات الرحلة أنها تأخرت ساعتين بسبب عطل فني.\n\n"
                        "وقال المتحدث إن الركاب بخير.\n\nوأضاف أن التحقيق جار.")
    assert sorted(r["reason"] for r in rec.removed) == ["byline", "credit", "navigation", "promo-link", "tags"]
    okaz = naba.analyze({"id": "o", "title": "ت", "text": "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك " + BODY},
                        stages=("clean",))
    assert okaz.text == BODY and okaz.removed[0]["reason"] == "share"


def test_presentation_forms_folded_to_letters():
    # Text copied from PDFs and old pages comes in Arabic Presentation Forms (U+FB50-U+FDFF,
    # U+FE70-U+FEFF): the same words, shaped. They are letters, not "not Arabic".
    shaped = "\ufed7\ufe8e\ufedd \ufe8d\ufedf\ufeae\ufe8b\ufef4\ufeb2 \ufe8d\ufedf\ufee0\ufe92\ufee8\ufe8e\ufee7\ufef2 " \
             "\ufee3\ufef4\ufeb8\ufe8e\ufedd \ufecb\ufeee\ufee5 \ufe87\ufee5 \ufe8d\ufedf\ufea4\ufedc\ufeee\ufee3\ufe94 " \
             "\ufeb3\ufe98\ufe9f\ufe98\ufee4\ufeca \ufecf\ufeaa\ufe8d \ufed3\ufef2 \ufe91\ufef4\ufeae\ufeee\ufe95 \ufefb \ufe97\ufe98\ufe84\ufea7\ufeae."
    rec = naba.analyze(shaped)
    assert rec.text.startswith("قال الرئيس اللبناني ميشال عون إن الحكومة ستجتمع غدا في بيروت لا تتأخر")
    assert any(m.text == "بيروت" for m in rec.mentions)
