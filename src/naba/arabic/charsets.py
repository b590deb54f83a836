"""Named Arabic character sets (the building blocks of every normalizer and regex in naba).

Not for: normalizing or matching (:mod:`.normalize`, :mod:`.tokenize`); only the sets.
"""

TATWEEL = "\u0640"
# Harakat, tanween, shadda, sukun, superscript alef, Quranic marks.
DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670" + "".join(
    chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06DD, 0x06DE, 0x06E9))
ALEF_FORMS = "\u0622\u0623\u0625\u0671\u0672\u0673"  # آ أ إ ٱ ...  (-> ا)
ALEF = "\u0627"
ALEF_MAQSURA = "\u0649"  # ى (-> ي)
YA = "\u064A"
FARSI_YA = "\u06CC"
TA_MARBUTA = "\u0629"  # ة (-> ه)
HA = "\u0647"
HAMZA_ON_WAW = "\u0624"
HAMZA_ON_YA = "\u0626"
# Long vowels and hamza seats: the letters transliterations of one foreign name add or leave out
# ("ترامب"/"ترمب", "نويرت"/"ناورت").
VOWEL_LETTERS = "\u0627\u0648\u064A\u0649\u0621" + ALEF_FORMS + HAMZA_ON_WAW + HAMZA_ON_YA
KEHEH = "\u06A9"  # ک (-> ك)
EASTERN_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ZERO_WIDTH = "\u200B\u200C\u200D\u2060\uFEFF\u00AD"
BIDI_MARKS = "\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u061C"
SPACES = "\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000"

# Arabic letters proper (no diacritics, no tatweel, no digits or punctuation).
ARABIC_LETTERS = "".join(chr(c) for c in range(0x0621, 0x063B)) + "".join(
    chr(c) for c in range(0x0641, 0x064B)) + "\u0671\u067E\u0686\u0698\u06A4\u06A9\u06AF\u06CC"
ARABIC_LETTER_CLASS = "\u0621-\u063A\u0641-\u064A\u0671-\u06D3"
ARABIC_WORD_CLASS = ARABIC_LETTER_CLASS + "\u064B-\u065F\u0670\u0640"

ARABIC_PUNCT = "،؛؟٪٫٬"
OPEN_QUOTES = "«“„‹\"'‘"
CLOSE_QUOTES = "»”‟›\"'’"
QUOTES = "«»“”„‟‹›\"‘’"
