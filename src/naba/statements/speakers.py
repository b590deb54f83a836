"""Speaker names and coreference: from a speaker span to a canonical name and an entity.

Uses the entities stage (``record.mentions``/``record.entities``) when it has linked the span;
otherwise falls back on the text: a quoted name inside the span ("السفير ... “محمد رضا باقري”"),
the span with its titles stripped ("الرئيس التركي رجب طيب أردوغان" -> "رجب طيب أردوغان"), and
coreference of short forms and descriptions ("باقري", "السفير السابق", "المصدر") to an earlier
speaker whose words contain theirs.

Not for: finding the speaker span itself (:mod:`naba.statements.extract`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..arabic.normalize import normalize
from ..arabic.tokenize import strip_prefix
from ..entities.countries import countries_in
from ..entities.gazetteer import is_admin_head, lookup, person_names
from ..record import Record, Span
from ..spanindex import SpanIndex
from .lexicon import context_words, lexicon
from .quotes import QUOTE_MARKS

_WORD_RE = re.compile(r"[^\s،,.:؛;()\[\]" + QUOTE_MARKS + r"]+")


def _base(word: str) -> str:
    n = normalize(word)
    prefix, base = strip_prefix(n)
    return base if "ال" in prefix or prefix.endswith("لل") else n


def content_words(text: str) -> list[str]:
    """Normalized words of ``text`` without ال and function words, with source words mapped to
    their group (مصادر -> مصدر), for comparing speaker descriptions."""
    lex = lexicon()
    out = []
    for m in _WORD_RE.finditer(text):
        w = _base(m.group())
        if w in lex.function_words or normalize(m.group()) in lex.function_words:
            continue
        out.append(lex.source_group(w))
    return out


def strip_titles(text: str) -> str:
    """The name inside a speaker description: a bare name after a title's quoted complement
    ('رئيس "سيسكو" تشاك روبنز'), else the quoted part if any, else what follows the titles (or a
    name set off by a comma after them); the text itself when nothing name-like remains."""
    lex = lexicon()
    q = re.search(f"[{QUOTE_MARKS}]([^{QUOTE_MARKS}]+)[{QUOTE_MARKS}]", text)
    before = text[:q.start()].split() if q else []
    after = _name_after_quote(before, text[q.end():]) if q else None
    if after:
        return after  # 'وزير الصحة السابق لتنظيم "داعش" كفاح بشير حسين': the name after the quoted complement
    # a quote after a preposition is the title's complement ('مدير المكتب في "غرفة العمليات"')
    if q and len(q.group(1).split()) <= 5 and not (before and normalize(before[-1]) in lex.function_words | frozenset(context_words("on_behalf"))):
        return q.group(1).strip()
    chunks = [c.strip() for c in re.split("[،,]", text) if c.strip()]
    for chunk in chunks:
        words = chunk.split()
        i, titled = 0, False
        while i < len(words):
            w = words[i]
            n = normalize(w)
            base = _base(w)
            kind = lex.source_kind(base) or lex.source_kind(n)
            if kind is None and titled and n[:1] == "و":
                kind = lex.source_kind(_base(w[1:])) or lex.source_kind(n[1:])  # "وعضو الشرف": a second title
            if kind in ("title", "honorific"):
                titled = True
                i += 1
                if (kind == "title" and not n.startswith("ال") and i < len(words)
                        and lex.source_kind(_base(words[i])) not in ("title", "honorific")):
                    i += 1  # the title's complement: وزير التعليم، ممثل روسيا
                continue
            if titled and (n.startswith(("ال", "لل")) or n in lex.function_words or _on_behalf_of_pronoun(n)):
                i += 1  # "الأمين العام للأمم المتحدة أنطونيو غوتيريس": للأمم is the title's complement
                continue  # and "المتحدث باسمها" is a description with no name ("باسمها" was taken as one)
            if titled and _glued_place(n, words[i - 1]):
                i += 2 if is_admin_head(n[1:]) else 1  # "المدير العام للتعليم بجدة"، "... بمنطقة عسير سعيد النقير"
                continue
            break
        if not titled:
            return chunk
        later = chunks[chunks.index(chunk) + 1:]
        name = _apposed_name(later[0].split()) if later else None
        if name:
            return name  # "مراسل بي بي سي في أمريكا الشمالية، أنتوني زورتشر"، "...، العقيد الركن تركي المالكي"
        hon = [h for h in range(i, len(words) - 1) if normalize(words[h]).startswith("ال") and "honorific" in
               (lex.source_kind(_base(words[h])), lex.source_kind(normalize(words[h])))]  # not the name "أمير"
        if hon and len(words) - hon[-1] - 1 <= 4 and not any(
                normalize(w) in lex.function_words or lex.source_kind(_base(w)) for w in words[hon[-1] + 1:]):
            return " ".join(words[hon[-1] + 1:])  # "المشرف العام على إدارة ... الدكتور سمير بن موسى النجدي"
        if 0 < i < len(words) - 2 and normalize(words[i - 1]) in lex.function_words \
                and countries_in([_base(words[i])]):
            i += 1  # "رئيس الوزراء في هنغاريا فيكتور أوربان": the country is the title's complement
        rest = normalize(words[i]) if i < len(words) else ""
        if 0 < i < len(words) and len(words) - i <= 5 and not (rest[:1] == "و" and len(rest) > 4):
            return " ".join(words[i:])
        tail = _bare_name_tail(words)
        if tail:
            return tail  # "مدير المكتب الإعلامي في ... التابعة للفصائل المعارضة حسين أبازيد"
    return text.strip()


def _on_behalf_of_pronoun(n: str) -> bool:
    """"باسمها"، "باسمه": an on-behalf word (context.tsv on_behalf) with a pronoun suffix (object_suffix)."""
    return n in _on_behalf_pronouns()


@lru_cache(maxsize=1)
def _on_behalf_pronouns() -> frozenset[str]:
    return frozenset(normalize(w) + normalize(suf) for w in context_words("on_behalf")
                     for suf in context_words("object_suffix"))


def _glued_place(n: str, before: str) -> bool:
    """Whether a normalized word ``n`` after a title phrase is a place with ب glued, the title's
    complement: a definite word ("بالرياض"), an administrative head ("بمنطقة") or a gazetteer place
    after the title's complement ("للتعليم بجدة"). A name that opens with ب is none: one of the
    person-name list ("بايدن": Eden, "بلير": Leer) or right after the title word ("المدرب باولو
    بينتو": Oulu, "المطران بولس": Veles)."""
    if n[:1] != "ب" or len(n) <= 3 or n in person_names():
        return False
    if n[1:3] == "ال" or is_admin_head(n[1:]):
        return True
    return lookup(n[1:]) is not None and lexicon().source_kind(_base(before)) not in ("title", "honorific") \
        and lexicon().source_kind(normalize(before)) not in ("title", "honorific")


def _other_nisba(words, ours: list[str]) -> bool:
    """Whether a speaker's ``words`` have a nisba adjective (not a source word) unlike all of ``ours``:
    two anonymous sources told apart by their adjectives ("مصدر عسكري"، "مصادر ميدانية")."""
    lex = lexicon()
    theirs = [x for x in words if x.endswith(("ي", "يه")) and not lex.source_kind(x)]
    return bool(theirs) and not any(_similar(d, x) for d in ours for x in theirs)


def _descriptor_only(text: str) -> bool:
    """An organisation described, not named: an organisation word and definite words only ("وكالة
    التصنيف الائتماني"، "وكالة الأنباء الروسية")."""
    lex, words = lexicon(), text.split()
    return len(words) >= 2 and lex.source_kind(_base(words[0])) == "organization" and all(
        normalize(w).startswith("ال") for w in words[1:])


def _apposed_name(words: list[str]) -> str | None:
    """The name in a phrase set off by a comma after a title: two or three words after any
    honorifics, none a source or function word, the first without ال ("أنتوني زورتشر"، "العقيد الركن
    تركي المالكي" -> "تركي المالكي")."""
    lex = lexicon()
    while words and "honorific" in (lex.source_kind(_base(words[0])), lex.source_kind(normalize(words[0]))):
        words = words[1:]
    if not 2 <= len(words) <= 3 or normalize(words[0]).startswith("ال"):
        return None
    if any(lex.source_kind(_base(w)) or normalize(w) in lex.function_words for w in words):
        return None
    return " ".join(words)


def _name_after_quote(before: list[str], rest: str) -> str | None:
    """The person's name after a quoted complement of a title ('وزير الصحة السابق لتنظيم "داعش"
    كفاح بشير حسين'، 'رئيس "سيسكو" تشاك روبنز'): the phrase opens with a title or honorific and the
    words after the quote are a bare name (no preposition glued to an article: not 'للأوراق المالية';
    letters only: not '- تشاك روبنز', '(تشاك روبنز)')."""
    lex = lexicon()
    if not before or lex.source_kind(_base(before[0])) not in ("title", "honorific"):
        return None
    words = re.sub("[،,]", " ", rest).split()
    if any(not normalize(w).isalpha() or normalize(w).startswith(("بال", "لل", "كال", "فال", "وال")) for w in words):
        return None
    if words and normalize(words[0])[:1] in "بل" and normalize(words[0])[1:2] == "ا":
        return None  # "بانهيار المفاوضات"
    return _apposed_name(words)


def _only_titles(text: str) -> bool:
    """A mention made of title and honorific words only ("البريغادير جنرال", tagged as a person):
    no name in it."""
    lex = lexicon()
    words = text.split()
    return bool(words) and all(lex.source_kind(_base(w)) in ("title", "honorific")
                               or lex.source_kind(normalize(w)) in ("title", "honorific") for w in words)


def _before_relative(text: str) -> str:
    """``text`` up to a relative pronoun after its first word ("الدراسة التي نشرت في دورية
    "الجمعية الملكية"" -> "الدراسة"), or all of it."""
    rel = context_words("relative")
    words = list(re.finditer(r"\S+", text))
    for m in words[1:]:
        if normalize(m.group()) in rel:
            return text[:m.start()].rstrip(" ،,")
    return text


def _name_before_description(text: str) -> str | None:
    """The one bare word (no ال, no function or source word) that opens a speaker phrase when only
    definite words follow it ("باني المتخصص"), else None."""
    lex = lexicon()
    words = text.split()
    n = 0
    for w in words:
        x = normalize(w)
        if (x.startswith("ال") or x in lex.function_words or lex.source_kind(_base(w)) or not x.isalpha()
                or x in lex.cues):
            break
        n += 1
    rest = words[n:]
    if n != 1 or not rest or not all(normalize(w).startswith("ال") for w in rest):
        return None
    return words[0]


def _bare_name_tail(words: list[str]) -> str | None:
    """The last two or three words of a titled phrase when they look like a bare name (no ال,
    no function, source or quoted word)."""
    lex = lexicon()
    n = 0
    for w in reversed(words):
        x = normalize(w)
        if (x.startswith("ال") or x in lex.function_words or lex.source_kind(_base(w)) or not x.isalpha()
                or x[:1] in ("ل", "ب") and x[1:3] == "ال"):
            break
        n += 1
    return " ".join(words[-n:]) if 2 <= n <= 3 and n < len(words) else None


@dataclass
class Speaker:
    words: set[str]
    name: str
    entity: str | None


@dataclass
class SpeakerMemory:
    """The speakers seen so far in an article, for coreference."""

    record: Record
    seen: list[Speaker] = field(default_factory=list)
    _mentions: SpanIndex | None = field(default=None, repr=False)
    _fuller: dict | None = field(default=None, repr=False)
    _by_word: dict[str, list[int]] = field(default_factory=dict, repr=False)  # see :meth:`_similar_speakers`
    _indexed: int = 0

    def mentions(self) -> SpanIndex:
        """The record's mentions indexed by offset (built on first use; a long one-line article
        has thousands, and every speaker looks up the few in its span)."""
        if self._mentions is None:
            self._mentions = SpanIndex(self.record.mentions)
        return self._mentions

    def resolve(self, span: Span) -> tuple[str | None, str]:
        """(entity id, canonical name) of the speaker ``span``; remembers it."""
        head = _before_relative(span.text)
        if head != span.text:  # "الدراسة التي نشرت في دورية ...": named by its head
            span = Span(span.start, span.start + len(head), head)
        entity, name = self._from_mentions(span)
        words = content_words(span.text)
        if entity is not None and _descriptor_only(name):
            # "وبررت وكالة التصنيف الائتماني": an organisation described, named by an earlier speaker
            # with all of its words ("وكالة التصنيف الائتماني ستاندارد آند بورز")
            earlier = self._containing(words)
            if earlier is not None:
                entity, name = earlier.entity or entity, earlier.name
        if entity is not None and len(name.split()) == 1:
            # the entity is only a short form ("بوتين"): a fuller earlier speaker ("فلاديمير بوتن")
            earlier = self._earlier(words, span)
            if earlier is not None and len(earlier.name.split()) > 1:
                entity, name = earlier.entity or entity, earlier.name
        elif entity is None:
            earlier = self._earlier(words, span)
            lead = _name_before_description(span.text) if earlier is None else None
            if lead:  # "باني المتخصص في الأنثروبولوجيا": the family name of an earlier speaker
                earlier = self._earlier(content_words(lead), span, fuller=False)  # before a description
                if earlier is not None and not _similar(_base(earlier.name.split()[-1]), _base(lead)):
                    earlier = None  # "عبد الله الفوزان" is no "عبد الله باعشن"
            if earlier is not None:
                entity, name = earlier.entity, earlier.name
            elif self._titled_organisation(span) and not re.search("[،,]", span.text):
                name = span.text  # "مراسل بي بي سي": the description is the name
            else:
                name = strip_titles(span.text)
        name = name.strip(QUOTE_MARKS + " ") or span.text.strip()
        name = re.sub(r"#(\w+)", lambda m: m.group(1).replace("_", " "), name)  # "سيرغي #لافروف"
        self.seen.append(Speaker(set(words) | set(content_words(name)), name, entity))
        return entity, name

    def _from_mentions(self, span: Span) -> tuple[str | None, str]:
        inside = [m for m in self.mentions().overlapping(span.start, span.end)
                  if m.entity and m.type[:3] in ("PER", "ORG") and self._heads(span, m) and not _only_titles(m.text)]
        named = [m for m in inside if not _descriptor_only(m.text)]
        if named:
            inside = named  # "وكالة التصنيف الائتماني ستاندارد آند بورز": the name, not the description
        # a person named in the phrase is the speaker, not the organisation in his title
        # ("قائد المدفعية في الحرس الثوري “محمود جهار باغي”"); the last, longest one wins
        best = max(inside, key=lambda m: (m.type.startswith("PER"), m.end - m.start, m.start), default=None)
        if best is not None and best.entity:
            ent = self.record.entity(best.entity)
            if ent is not None:
                return ent.id, ent.name
        return None, span.text

    def _titled_organisation(self, span: Span) -> bool:
        """A title whose complement is an organisation mention, and no person named."""
        inside = self.mentions().within(span.start, span.end)
        return (any(m.type[:3] == "ORG" and not self._heads(span, m) for m in inside)
                and not any(m.type[:3] == "PER" for m in inside))

    def _heads(self, span: Span, m) -> bool:
        """Whether mention ``m`` names the speaker rather than a complement inside the phrase:
        it opens the phrase, is quoted, or follows a title or a definite adjective
        ("الرئيس الروسي فلاديمير بوتن"), not a bare noun ("إعلام نظام الأسد"، "المتحدثة باسم ميلانيا")."""
        text = self.record.text
        before = text[span.start:m.start].rstrip()
        if not before or before[-1] in QUOTE_MARKS + "،,":
            return True
        prev = normalize(before.split()[-1])
        if prev in context_words("on_behalf"):
            return False
        lex = lexicon()
        if m.type[:3] == "ORG" and "title" in (lex.source_kind(prev), lex.source_kind(_base(prev))):
            return False  # "مراسل بي بي سي"، "ممثل الأمم المتحدة": the title's complement
        return prev.startswith("ال") or lex.source_kind(prev) in ("title", "honorific") or \
            lex.source_kind(_base(prev)) in ("title", "honorific")

    def _earlier(self, words: list[str], span: Span, fuller: bool = True) -> Speaker | None:
        """An earlier speaker whose words include all of these (short forms and descriptions)."""
        if not words or len(words) > 3:
            return None
        lex = lexicon()
        described = bool(lex.source_kind(words[0]))
        # a description's nisba adjectives may differ ("الوكالة الأميركية" for "وكالة التصنيف")
        want = [w for w in words if not (described and w.endswith(("ي", "يه")) and w != words[0])]
        dropped = [w for w in words if w not in want] if lex.source_kind(words[0]) == "anonymous" else []
        countries = countries_in(words)
        for i in (self._similar_speakers(want[0]) if want else ()):
            sp = self.seen[i]
            if dropped and _other_nisba(sp.words, dropped):
                continue  # "مصادر ميدانية" is not "مصدر عسكري"
            if all(any(_similar(w, x) for x in sp.words) for w in want):
                other = countries_in(sp.words)
                if countries and other and not countries & other:
                    continue  # "المندوب الفرنسي" is not "مندوب الكويت، منصور العتيبي"
                return sp
        if len(words) == 1 and fuller:
            return self._fuller_in_text(words[0], span)
        return None

    def _containing(self, words: list[str]) -> Speaker | None:
        """The latest earlier speaker whose phrase had all of ``words`` (a description) and no title, and
        whose name has none of them (the name proper: "ستاندارد آند بورز"; not "مسؤولو الاتحاد الاوروبي")."""
        for i in (self._similar_speakers(words[0]) if words else ()):
            sp = self.seen[i]
            named = content_words(sp.name)
            if all(any(_similar(w, x) for x in sp.words) for w in words) \
                    and not any(_similar(w, x) for w in words for x in named) \
                    and not any(lexicon().source_kind(x) in ("title", "honorific") for x in sp.words):
                return sp  # (not "المتحدث باسم الجيش الليبي أحمد المسماري" for "الجيش الليبي")
        return None

    def _similar_speakers(self, word: str) -> list[int]:
        """Indices of the speakers seen with a word :func:`_similar` to ``word``, latest first (and
        maybe a few more): the speakers indexed by their words and by those words less one long
        vowel, instead of testing every earlier speaker (quadratic in a long article)."""
        for i in range(self._indexed, len(self.seen)):
            for x in self.seen[i].words:
                for k in {x, *_shortened(x)}:
                    self._by_word.setdefault(k, []).append(i)
        self._indexed = len(self.seen)
        found = {i for k in {word, *_shortened(word)} for i in self._by_word.get(k, ())}
        return sorted(found, reverse=True)

    def _fuller_in_text(self, word: str, span: Span) -> Speaker | None:
        """A fuller form of a one-word name elsewhere in the article ("جيمس" -> "ليبرون جيمس"):
        the word preceded by a name-like word (no ال, not a function, title or cue word)."""
        lex = lexicon()
        if lex.source_kind(word) or word.startswith("ال"):
            return None
        found: dict[str, list[str]] = {}
        for start, p, form in self._fuller_forms().get(word, ()):
            if start != span.start:
                found.setdefault(p, []).append(form)
        if not found:
            return None
        best = max(found.values(), key=len)  # the most frequent fuller form, the first on ties
        return Speaker({word, normalize(best[0].split()[0])}, best[0], None)

    def _fuller_forms(self) -> dict[str, list[tuple[int, str, str]]]:
        """Every "name word" pair of the article, by the second word's base: (its start, the first
        word normalized, the pair as written), in text order. Built once: scanning all tokens for
        each short-form speaker was quadratic in a long article."""
        if self._fuller is not None:
            return self._fuller
        lex = lexicon()
        toks = self.record.tokens
        before_ok = set(",،:(") | set(QUOTE_MARKS)
        forms: dict[str, list[tuple[int, str, str]]] = {}
        for before, prev, tok in zip(toks, toks[1:], toks[2:]):
            if not (before.text in before_ok or before.norm.startswith("ال")
                    or lex.source_kind(before.base) or lex.source_kind(before.norm)) \
                    or before.norm in context_words("relative"):
                continue  # "مستوى ذكاء جيمس": not a name before it; "استدعت روسيا": a sentence opens with
                # the verb; "الأمر الذي جعل المملكة": a relative clause's verb
            p = prev.norm
            if (p.startswith(("ال", "و")) or p in lex.function_words or p in lex.cues
                    or lex.source_kind(prev.base) or not p.isalpha() or len(p) < 3
                    or tok.start - prev.end != 1):
                continue
            forms.setdefault(_base(tok.text), []).append((tok.start, p, f"{prev.text} {tok.text}"))
        self._fuller = forms
        return forms


def _shortened(w: str) -> list[str]:
    """``w`` less one of its long vowels, each way: a word :func:`_similar` to ``w`` is ``w``, one
    of these, or has ``w`` among its own."""
    return [w[:i] + w[i + 1:] for i in range(len(w)) if w[i] in "اوي"]


def _similar(a: str, b: str) -> bool:
    """Equal, or equal but for one long vowel (بوتين / بوتن)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) != 1 or min(len(a), len(b)) < 3:
        return False
    long_, short = (a, b) if len(a) > len(b) else (b, a)
    return any(long_[i] in "اوي" and long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
