"""naba.stages.clean on real quirks (QUIRKS.md in ../shared/data/news)."""

import naba
from naba.stages.clean import classify, repair_words

BODY = "قال وزير الخارجية إن المفاوضات مستمرة بين الطرفين منذ أسابيع طويلة وفي عدة عواصم."


def test_obfuscated_word_repaired_and_reported():
    repairs = []
    assert repair_words("نحن لم نأتي لمحـ.ـاربة داعش", repairs) == "نحن لم نأتي لمحاربة داعش"
    assert repairs == [{"from": "محـ.ـاربة", "to": "محاربة", "reason": "obfuscated"}]


def test_inword_kashida_removed_prefix_kashida_kept():
    assert repair_words("المعاهـد وجــودت", []) == "المعاهد وجودت"
    assert repair_words("بـ7 مليارات لـ\"العربية.نت\"", []) == "بـ7 مليارات لـ\"العربية.نت\""


def test_zero_width_inside_word_removed():
    assert repair_words("مح\u200bاربة", []) == "محاربة"


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


def test_repeated_abstract_and_title_removed():
    doc = {"id": "x", "title": "عنوان الخبر هنا", "abstract": BODY,
           "text": "عنوان الخبر هنا\n" + BODY + "\n" + "وأضاف الوزير أن الحل السياسي هو الطريق الوحيد لإنهاء الأزمة."}
    rec = naba.analyze(doc, stages=("clean",))
    reasons = [r["reason"] for r in rec.removed]
    assert "repeated-title" in reasons and "repeated-abstract" in reasons
    assert rec.text.startswith("وأضاف")


def test_teaser_marker_alone_takes_next_line():
    doc = "عنوان\n" + BODY + "\nاقرأ أيضا:\nوزير يستقيل بعد فضيحة\n\n" + BODY.replace("قال", "أكد")
    rec = naba.analyze(doc, stages=("clean",))
    assert [r["text"] for r in rec.related] == ["وزير يستقيل بعد فضيحة"]
