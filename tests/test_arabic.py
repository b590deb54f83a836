from naba.arabic.normalize import normalize, unshape
from naba.arabic.tokenize import candidates, tokenize
from naba.stages.segment import split_sentences


def test_normalize_variants_meet():
    assert normalize("بشّار") == normalize("بشار")
    assert normalize("إسرائيل") == normalize("اسرائيل")
    assert normalize("مستشفى") == normalize("مستشفي")
    assert normalize("المدرسة") == normalize("المدرسه")
    assert normalize("٢٠٢٢") == "2022"
    assert normalize("جــودت") == "جودت"


def test_unshape_gives_the_letters_of_presentation_forms():
    # the one fold behind the clean stage and search queries
    assert unshape("\ufea7\ufe8e\ufee3\ufee8\ufe8c\ufef2 \ufefb") == "خامنئي لا"
    assert unshape("\ufee3\ufe7c\ufea4") == "م\u0651ح"  # an isolated shadda form: no space
    assert unshape("ＢＢＣ ١٢ \ufeff") == "ＢＢＣ ١٢ \ufeff"  # only the Arabic forms (not NFKC of all)


def test_tokens_offsets_and_clitics():
    text = "وبغداد والمرشد لوزارة الدفاع"
    toks = tokenize(text)
    assert [text[t.start:t.end] for t in toks] == text.split()
    assert toks[0].base == "بغداد" and toks[1].base == "مرشد"
    assert ("ل", "وزاره") in candidates("لوزاره")


def test_an_underscore_parts_words_and_is_no_token():
    text = "التقى #كيم_جونغ_أون في #بيونغ_يانغ"
    assert [t.text for t in tokenize(text)] == ["التقى", "#", "كيم", "جونغ", "أون", "في", "#", "بيونغ", "يانغ"]


def test_sentences_abbrev_numbers_quotes():
    text = ("قال د. أحمد إن النمو بلغ 3.5 في المئة. وأضاف: «الوضع صعب!» ثم غادر؟ "
            "ونقل موقع العربية.نت الخبر")
    spans = split_sentences(text)
    sents = [text[a:b] for a, b in spans]
    assert sents[0] == "قال د. أحمد إن النمو بلغ 3.5 في المئة."
    assert sents[1] == "وأضاف: «الوضع صعب!»"
    assert sents[2] == "ثم غادر؟"
    assert sents[3].endswith("العربية.نت الخبر")
