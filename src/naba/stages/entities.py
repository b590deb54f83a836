"""Stage: entities. NER mentions, grouped into the article's entities, with roles and places.

1. Tag each sentence's tokens with the shipped CRF (:mod:`naba.models.ner.tagger`).
2. Turn tag runs into mentions; a glued proclitic comes off the first word ("وبغداد" -> "بغداد");
   places and known organisations joined by و are one mention each ("داعش والقاعدة").
3. Add title-alias mentions ("المرشد الأعلى") from ``entities/data/title_aliases.tsv``.
4. Attach roles: the title phrase just before a person's name ("السفير الإيراني السابق في سوريا").
5. One type per name in the article (:func:`unify_types`); places linked to the gazetteer in the
   article's context (:func:`link_places`: "عمان" near "العاصمة الأردنية" is Amman).
6. Group mentions into entities (:mod:`naba.entities.group`); give each entity its corpus-wide id
   (:mod:`naba.entities.ids`).

Fills ``record.mentions`` (type PER/ORG/LOC/MISC, ``entity`` id) and ``record.entities`` (id, type,
name, aliases, roles; ``attrs``: ``gazetteer``, ``country``, ``lat``, ``lon`` for places,
``mentions`` count). Not for: statements or events (they read these).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from functools import lru_cache

from ..arabic.normalize import normalize
from ..arabic.resources import read_lines, stopwords
from ..arabic.tokenize import candidates
from ..entities import clitics, gazetteer, lexicon
from ..entities.countries import country_place, country_table
from ..entities.group import Cand, Group, _strip_al, bare, group, key, words_of
from ..entities.ids import entity_id, known_name
from ..models.ner import namelike
from ..models.ner.tagger import chunks, tag_document
from ..record import Entity, Mention, Record, Token

TYPES = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}
_QUOTES = set("“”\"«»'‘’()")
_HASH = "#"
_EDGE_MARKS = _QUOTES | {_HASH}  # no part of a mention at its edges
ROLE_WINDOW = 8


def _stops() -> frozenset[str]:
    return frozenset(normalize(w) for w in read_lines("naba.entities.data", "role_stops.txt"))


@lru_cache(maxsize=1)
def _name_stops() -> frozenset[str]:
    return frozenset(normalize(w) for w in read_lines("naba.entities.data", "name_stops.txt"))


def _sentence_tokens(record: Record) -> list[list[int]]:
    starts = [t.start for t in record.tokens]
    out = []
    for s in record.sentences:
        i, j = bisect_left(starts, s.start), bisect_left(starts, s.end)
        if j > i:
            out.append(list(range(i, j)))
    return out


def _mention(record: Record, toks: list[Token], typ: str, article_words) -> Cand | None:
    first = toks[0]
    start = first.start
    p = clitics.proclitic(first.norm, article_words)
    if p:
        start += clitics.raw_offset(first.text, len(p))
    end = toks[-1].end
    while start < end and record.text[start] in _EDGE_MARKS:
        start += 1  # "»المتحدة للتأمين": a quote mark glued to the first word
    while end > start and (record.text[end - 1] in _EDGE_MARKS or record.text[end - 1].isspace()):
        end -= 1  # "دونالد #" of "دونالد #ترمب" tagged as the name
    text = record.text[start:end]
    words = words_of(text)
    if not words:
        return None
    alt = clitics.place_reading(first.norm, words) if typ == "LOC" and not p else None
    if alt:  # "وتل أبيب", "للبنان"
        start += clitics.raw_offset(first.text, alt[0])
        text, words = record.text[start:end], alt[1]
    place = gazetteer.lookup(" ".join(words)) if typ == "LOC" else None
    return Cand(start, end, text, typ, words, place.id if place else None)


_OPEN, _CLOSE = set("“«\""), set("”»\"")


def _is_nisba(t: Token) -> bool:
    return t.norm.startswith("ال") and len(t.norm) > 4 and (t.norm.endswith("ي") or t.norm.endswith("يه"))


def _trim_person(toks: list[Token], a: int, b: int) -> tuple[int, int]:
    """A person's span without the words around the name that the tagger took in: kinship and
    group nouns, honorific nisbas and generic titles before it ("أرملة عرفات", "الأوروغواياني
    فرناندو موسليرا"), and from a stop word or a لل-word on ("نايف بن عبدالعزيز رحمه الله",
    "ساندرز للصحفيين", "محمد بن عطية لفرانس")."""
    stops, names = _name_stops(), gazetteer.person_names()
    while b - a > 1 and (toks[a].norm in stops or _is_generic(toks[a])
                         or (_is_nisba(toks[a]) and toks[a].norm not in names)):
        a += 1
    for j in range(a + 1, b):
        n = toks[j].norm
        if n in stops or (n.startswith("لل") and len(n) > 4) or (
                n.startswith("ل") and clitics.proclitic(n) == "ل" and gazetteer.lookup(n[1:])):
            return a, j
    return a, b


def _grow_place(toks: list[Token], a: int, b: int, sent_end: int) -> tuple[int, int]:
    """A place's span grown to the longest gazetteer name around it ("الهاشمية" inside "المملكة
    الأردنية الهاشمية", "الزور" in "دير الزور")."""
    best = (a, b) if gazetteer.lookup(" ".join(t.norm for t in toks[a:b])) else None
    for x in range(max(0, a - 2), a + 1):
        for y in range(b, min(sent_end, b + 2) + 1):
            if (x, y) == (a, b) or (best and y - x <= best[1] - best[0]):
                continue
            if _place_of(toks[x:y]):
                best = (x, y)
    return best or (a, b)


def _place_of(toks: list[Token]):
    """The gazetteer place the words name, a proclitic off the first word ("وآسيا")."""
    words = [t.norm for t in toks]
    words[0] = words[0][len(clitics.proclitic(words[0])):]
    return gazetteer.lookup(" ".join(words))


def _split_places(toks: list[Token], a: int, b: int) -> list[tuple[int, int]]:
    """A place run that is places joined by و ("أوروبا وآسيا", "سوريا والعراق") as its places;
    otherwise ("البوسنة والهرسك") the run itself."""
    cuts = [k for k in range(a + 1, b) if clitics.proclitic(toks[k].norm) == "و"]
    bounds = [a] + cuts + [b]
    pieces = list(zip(bounds, bounds[1:]))
    if cuts and not _place_of(toks[a:b]) and all(_place_of(toks[x:y]) for x, y in pieces):
        return pieces
    return [(a, b)]


def _titled_name(toks: list[Token], a: int, b: int) -> bool:
    """A run that opens with a person's title (not an organisation head) and ends in a personal
    name: a titled person, whatever type the tagger gave it."""
    first, last = toks[a], toks[b - 1]
    names = gazetteer.person_names()
    if b - a < 2 or not _is_title(first) or first.norm in lexicon.org_heads() or _place_of([last]):
        return False  # "قائد القوات الروسية في سوريا" ends in a place, not a name
    return last.norm in names or last.base in names or (namelike.score(last.base) or 0) >= 2


def _definite(t: Token) -> bool:
    """A word with the article, alone or after a proclitic ("الأنباء"، "للنظام"، "وبالجيش")."""
    return t.norm.startswith("ال") or t.prefix.endswith(("ال", "لل"))


def _proper_name_nationality(toks: list[Token], a: int, b: int) -> bool:
    """An organisation run that ends in a nationality adjective after an indefinite word, a proper
    name ("شينخوا الصينية"، "وكالة فارس الإيرانية"، "مانشستر يونايتد الإنجليزي"): the adjective
    says where the name is from and is no part of it. After a definite word it is ("وكالة الأنباء
    السورية"، "الجيش السوري"، "للنظام السوري"), and so is one of a name listed whole
    (``known_names.tsv``: "أرامكو السعودية") or after a generic head alone ("جريدة الرياضي")."""
    if b - a < 2:
        return False
    last, before = toks[b - 1], toks[b - 2]
    adjective = last.norm in country_table().adjectives or (last.norm.endswith("يه") and country_place(last.norm))
    if not (_is_nisba(last) and adjective) or _definite(before):  # not a country: "منتخب الأوروغواي"
        return False
    if b - a == 2 and _is_generic(before):
        return False
    name = " ".join(t.norm for t in toks[a:b])
    name = name[len(clitics.proclitic(toks[a].norm)):]
    return known_name("ORG", name) is None and lexicon.known_entities().get(name) != "ORG"


def _adjust(toks: list[Token], a: int, b: int, typ: str) -> tuple[int, int]:
    """Token range of a tagged run, repaired at its edges: a quoted name runs to its closing quote
    ("“محمود جهار باغي”"); an organisation drops a generic head before a known name
    ("ميليشيا الحرس الثوري"), takes a following nisba when its name is definite ("الحرس الثوري
    الإيراني", not the club's country of "مانشستر يونايتد الإنجليزي"), drops a nationality
    adjective after a proper name that the tagger took in (:func:`_proper_name_nationality`:
    "شينخوا الصينية") and an org head
    just before it ("تنظيم داعش")."""
    if typ == "PER" and a > 0 and toks[a - 1].text in _OPEN:
        for j in range(b, min(b + 3, len(toks))):
            if toks[j].text in _CLOSE:
                if all(t.norm[:1].isalpha() for t in toks[b:j]):
                    b = j
                break
            if not toks[j].norm[:1].isalpha():
                break
    if typ == "ORG":
        known = lexicon.known_entities()
        if b - a > 1 and _is_generic(toks[a]) and any(
                " ".join(t.norm for t in toks[a + 1:k]) in known for k in range(a + 2, b + 1)):
            a += 1
        if b < len(toks) and _is_nisba(toks[b]) and toks[a].norm.startswith("ال"):
            b += 1
        elif _proper_name_nationality(toks, a, b):
            b -= 1
        if a > 0 and toks[a - 1].norm in lexicon.org_heads() and b - a == 1:
            a -= 1
    return a, b


def org_pattern_mentions(record: Record, cands: list[Cand], sents, article_words) -> list[Cand]:
    """Organisation names the tagger missed that have the common shape head + definite words
    ending in a nisba: "مركز البحوث العلمية", "القناة الخامسة الإيرانية"."""
    heads = lexicon.org_heads()
    covered = set()
    for c in cands:
        covered.update(range(*c.tok))
    toks, out = record.tokens, []
    for idx in sents:
        end = idx[-1] + 1
        for i in idx:
            t = toks[i]
            if i in covered or not (t.norm in heads or t.base in heads or
                                    ("ال" + t.base) in heads and t.prefix):
                continue
            j = i + 1
            while j < end and j - i <= 3 and toks[j].norm.startswith("ال") and j not in covered:
                j += 1
            if j - i >= 3 and _is_nisba(toks[j - 1]):
                c = _mention(record, toks[i:j], "ORG", article_words)
                if c:
                    c.tok = (i, j)
                    out.append(c)
                    covered.update(range(i, j))
    return out


def _sentence_starts(sents: list[list[int]]) -> dict[int, int]:
    """token index -> the index of its sentence's first token."""
    return {i: idx[0] for idx in sents for i in idx}


def _party_name_word(w: Token) -> bool:
    """A word that can stand between a party head and a country in a party's name ("نداء" of "حركة
    نداء تونس"): indefinite, no proclitic, and no function word, title or nisba adjective."""
    n = w.norm
    return (n.isalpha() and not n.startswith("ال") and n not in stopwords() and not n.endswith(("ي", "يه"))
            and not _is_title(w) and "ال" + n not in lexicon.title_words() and clitics.proclitic(n) == "")


def party_names(record: Record, cands: list[Cand], sents: list[list[int]], article_words) -> None:
    """A country tagged as a place at the end of a party's name ("حركة نداء تونس"، "حركة تحرير
    السودان", the tagger found only the country) becomes that party: an indefinite party head
    (``lexicon.party_heads``, a proclitic allowed: "لحركة") and one or two indefinite words that are
    no function word, title or nisba adjective before the country, itself without a proclitic
    ("الحركة تتهم إسرائيل"، "جماعة إرهابية بالعراق" stay as they are), all in one sentence."""
    heads, toks = lexicon.party_heads(), record.tokens
    taken = {i for c in cands for i in range(*c.tok)}
    sent_first = _sentence_starts(sents)
    for n, c in enumerate(cands):
        a = c.tok[0]
        if (c.type != "LOC" or c.tok[1] - a != 1 or not (c.place_id or "").startswith("iso:")
                or c.start != toks[a].start):
            continue
        for k in (1, 2):
            head, words = a - k - 1, toks[a - k:a]
            if (head < sent_first.get(a, 0) or any(i in taken for i in range(head, a))
                    or not all(map(_party_name_word, words))):
                continue
            h = toks[head]
            if h.norm in heads or (h.base in heads and not h.prefix.endswith(("ال", "لل"))):
                party = _mention(record, toks[head:a + 1], "ORG", article_words)
                if party:
                    party.tok = (head, a + 1)
                    cands[n] = party
                break


def _known_org(words: tuple[str, ...], seen: set[str]) -> bool:
    """An organisation's name by the lists (WikiFANE and the news list, ``known_names.tsv``) or by
    the article (``seen``: keys of its other organisation mentions)."""
    name = " ".join(words)
    return (lexicon.known_entities().get(name) == "ORG" or known_name("ORG", name) is not None
            or key(words, "ORG") in seen)


def split_coordinated_orgs(record: Record, cands: list[Cand], article_words) -> None:
    """An organisation run that is organisations joined by و ("داعش والقاعدة"، "حماس والجهاد
    الإسلامي") as its organisations, when every part is a known one (:func:`_known_org`) and the
    whole is not; "حزب العدالة والتنمية"، "منظمة الأمن والتعاون" stay whole."""
    toks = record.tokens
    seen: dict[str, int] = Counter(key(c.words, "ORG") for c in cands if c.type == "ORG")
    out = []
    for c in cands:
        a, b = c.tok
        cuts = [k for k in range(a + 1, b) if clitics.proclitic(toks[k].norm) == "و"] if c.type == "ORG" else []
        pieces = []
        if cuts:
            own = key(c.words, "ORG")
            others = {k for k, n in seen.items() if n > (k == own)}
            bounds = [a] + cuts + [b]
            for x, y in zip(bounds, bounds[1:]):
                m = _mention(record, toks[x:y], "ORG", article_words)
                if m is None or not _known_org(m.words, others):
                    pieces = []
                    break
                m.tok = (x, y)
                pieces.append(m)
            if pieces and _known_org(c.words, set()):
                pieces = []
        out.extend(pieces or [c])
    cands[:] = out


def find_mentions(record: Record) -> tuple[list[Cand], list[list[int]], list[float]]:
    """The tagger's mentions (spans repaired), the sentences' token indices, and each token's
    probability under the tagger of being part of a name."""
    sents = _sentence_tokens(record)
    article_words = frozenset(t.norm for t in record.tokens)
    cands = []
    scores: list[list[float]] = []
    tags = tag_document([[record.tokens[i].text for i in idx] for idx in sents], scores)
    in_name = [0.0] * len(record.tokens)
    for idx, sc in zip(sents, scores):
        for i, p in zip(idx, sc):
            in_name[i] = p
    for idx, sent_tags in zip(sents, tags):
        toks = [record.tokens[i] for i in idx]
        for a0, b0, ty in chunks(sent_tags):
            typ = TYPES.get(ty, "MISC")
            if typ == "ORG" and _titled_name(toks, a0, b0):
                typ = "PER"  # "المستشارة الألمانية أنغيلا ميركل" tagged as one ORG run
            for a, b in _split_places(toks, a0, b0) if typ == "LOC" else [(a0, b0)]:
                if typ == "PER":  # "نظام الأسد", "الرئيس بشار الأسد": the name starts after
                    a, b = _trim_person(toks, a, b)
                elif typ == "LOC":
                    a, b = _grow_place(toks, a, b, len(toks))
                a, b = _adjust(toks, a, b, typ)
                c = _mention(record, toks[a:b], typ, article_words)
                if c and not (typ == "LOC" and len(c.words) == 1 and gazetteer.is_admin_head(c.words[0])):
                    c.tok = (idx[a], idx[b - 1] + 1)  # (a lone "مدينة" tagged as a place names none)
                    cands.append(c)
    join_hashtags(record, cands)
    party_names(record, cands, sents, article_words)
    split_coordinated_orgs(record, cands, article_words)
    return cands, sents, in_name


def join_hashtags(record: Record, cands: list[Cand]) -> None:
    """Two runs of one type with only a hashtag mark between them are one name ("دونالد #ترمب",
    "#كيم_جونغ_أون" after a first word): the tokenizer parts "#" from the word it tags."""
    out: list[Cand] = []
    for c in sorted(cands, key=lambda c: c.start):
        prev = out[-1] if out else None
        if prev is not None and prev.type == c.type and record.text[prev.end:c.start].strip() == _HASH:
            text = record.text[prev.start:c.end]
            joined = Cand(prev.start, c.end, text, c.type, words_of(text), None)
            joined.tok = (prev.tok[0], c.tok[1])
            out[-1] = joined
        else:
            out.append(c)
    cands[:] = out


def _first_word_forms(t: Token) -> list[tuple[str, str]]:
    """(normalized form, stripped proclitic) readings of a phrase's first word."""
    forms = [(t.norm, "")]
    for p, rest in candidates(t.norm):
        if p and "ال" not in p:
            forms.append((rest, "" if p.endswith("ل") and rest.startswith("ال") and t.norm.startswith(p + "ل") else p))
    return forms


def _is_generic(t: Token) -> bool:
    generic = lexicon.title_words() | lexicon.org_heads()
    return t.norm in generic or t.base in generic


# A name found elsewhere in the article is a mention where the tagger left it out only if the
# tagger gave its words at least this probability of being in a name there: "دين" (debt) after a
# person tagged "دين", "الجولة" after a span that took it in. The CRF is sure of O for many real
# surnames it does not know ("وقال نجم": 0.0016), so the floor is low: on ANERcorp dev and two
# news sets (naba eval ner --stage) 0.001 and 0.01 score alike, and 0.01 dropped 47 of 115 spread
# names in 200 sample articles, 0.001 18.
MIN_SPREAD = 0.001


@lru_cache(maxsize=1)
def _not_surnames() -> frozenset[str]:
    """Last words of a name that do not name its person alone (``data/not_surnames.txt``), without ال."""
    return frozenset(_strip_al(normalize(w)) for w in read_lines("naba.entities.data", "not_surnames.txt"))


def _attributive(toks: list[Token], i: int, first: int = 0) -> bool:
    """A definite word right after a definite word of its sentence (that starts at token ``first``)
    that is no title: an adjective or a genitive of that noun ("الشوط الثاني"، "الميثاق العربي"),
    not a name alone ("الرئيس الأسد" is a title and the name; a line that opens with "الأسد" after
    one that ended in "الشقيقة")."""
    return (i > first and toks[i].norm.startswith("ال") and toks[i - 1].norm.startswith("ال")
            and not _is_title(toks[i - 1]))


def propagate(record: Record, cands: list[Cand], sents: list[list[int]] | None = None,
              in_name: list[float] | None = None) -> list[Cand]:
    """Mentions the tagger missed of names it found elsewhere in the article (one sense per
    discourse): the same words, or a person's surname alone ("الخامنئي" after "علي خامنئي"; not
    an ordinal, weekday or the second part of a compound given name, ``data/not_surnames.txt``),
    where the tagger's ``in_name`` probability of a word reaches :data:`MIN_SPREAD` and a lone
    word is not an adjective of the word before it (:func:`_attributive`)."""
    from collections import Counter

    stops = _stops() | lexicon.title_words() | lexicon.org_heads()
    types: dict[str, Counter] = {}
    for c in cands:
        if c.alias_of:
            continue
        alone = c.type == "PER" and len(c.words) > 1 and _strip_al(c.words[-1]) not in _not_surnames()
        forms = [c.words] + ([c.words[-1:]] if alone else [])
        for w in forms:
            if all(x in stops or len(x) < 3 for x in w):
                continue
            types.setdefault(key(w, "PER"), Counter())[c.type] += 1
    if not types:
        return []
    sizes = sorted({len(k.split()) for k in types}, reverse=True)
    firsts = {k.split()[0] for k in types}
    covered = set()
    for c in cands:
        covered.update(range(*c.tok))
    toks, out = record.tokens, []
    article_words = frozenset(t.norm for t in toks)
    sent_first = _sentence_starts(_sentence_tokens(record) if sents is None else sents)
    i = 0
    while i < len(toks):
        found = None
        norm = toks[i].norm
        if i not in covered and norm[:1].isalnum() and any(
                _strip_al(norm[k:]) in firsts for k in (0, 1, 2)):
            p = "" if _strip_al(norm) in firsts else clitics.proclitic(norm, article_words)
            first = norm[len(p):]
            for n in sizes:
                seq = toks[i:i + n]
                if len(seq) < n or any(j in covered for j in range(i, i + n)):
                    continue
                k = key(tuple([first] + [t.norm for t in seq[1:]]), "PER")
                if k in types:
                    if in_name is not None and max(in_name[i:i + n]) < MIN_SPREAD:
                        break
                    if n == 1 and _attributive(toks, i, sent_first.get(i, 0)):
                        break
                    typ = types[k].most_common(1)[0][0]
                    c = _mention(record, seq, typ, article_words)
                    if c:
                        c.tok = (i, i + n)
                        found = c
                    break
        if found:
            out.append(found)
            i = found.tok[1]
        else:
            i += 1
    return out


def title_alias_mentions(record: Record, cands: list[Cand]) -> list[Cand]:
    """Mentions of title phrases that name one person ("المرشد الأعلى")."""
    aliases = lexicon.title_aliases()
    if not aliases:
        return []
    sizes = sorted({len(a.split()) for a in aliases}, reverse=True)
    firsts = tuple({f for a in aliases for f in (a.split()[0], _strip_al(a.split()[0]))})
    taken = [(c.start, c.end) for c in cands]
    toks, out = record.tokens, []
    for i, t in enumerate(toks):
        if not t.norm.endswith(firsts):  # a proclitic only comes before an alias's first word
            continue
        for n in sizes:
            seq = toks[i:i + n]
            hit = next(((form, p) for form, p in _first_word_forms(t)
                        if len(seq) == n and " ".join([form] + [x.norm for x in seq[1:]]) in aliases), None)
            if hit is None:
                continue
            phrase = " ".join([hit[0]] + [x.norm for x in seq[1:]])
            start = t.start + clitics.raw_offset(t.text, len(hit[1]))
            end = seq[-1].end
            if any(a < end and start < b for a, b in taken):
                break
            text = record.text[start:end]
            out.append(Cand(start, end, text, "PER", words_of(text), alias_of=aliases[phrase][0],
                            tok=(i, i + n)))
            taken.append((start, end))
            break
    return out


def _is_title(t: Token) -> bool:
    titles = lexicon.title_words()
    return t.norm in titles or any(rest in titles for p, rest in candidates(t.norm) if p)


def _construct_title(toks: list[Token], c: Cand) -> bool:
    """An indefinite title word (:func:`_is_title`) right before a person's name is in construct
    with it: "مستشار ترامب" is Trump's adviser, not Trump's role ("الرئيس ترامب" is). ("محامي" is
    no title word: "محامي ترامب" is left alone.)"""
    a = c.tok[0]
    return a > 0 and _is_title(toks[a - 1]) and not _definite(toks[a - 1])


def attach_roles(record: Record, cands: list[Cand], sents: list[list[int]]) -> None:
    """A person's role: the phrase from a title word up to the name, in the same sentence. A title
    in construct with another person's name (:func:`_construct_title`) is no role of that person
    but part of the next one's: "مستشار ترامب للأمن القومي جون بولتون" is Bolton's."""
    stops = _stops()
    sent_start = {}
    for idx in sents:
        for i in idx:
            sent_start[i] = idx[0]
    cover = {}
    for c in cands:
        for i in range(*c.tok):
            cover[i] = c
    toks = record.tokens
    for c in cands:
        if c.type != "PER" or c.alias_of or _construct_title(toks, c):
            continue
        i = c.tok[0] - 1
        while i >= 0 and toks[i].text in _QUOTES:
            i -= 1
        last, first_title = i, None
        lo = max(sent_start.get(c.tok[0], 0), c.tok[0] - ROLE_WINDOW - 1)
        while i >= lo:
            t = toks[i]
            other = cover.get(i)
            if other is not None and other.type == "PER" and other is not c and _construct_title(toks, other):
                i = other.tok[0] - 1  # "مستشار ترامب جاريد كوشنر": the title comes next
                continue
            if (not t.norm[:1].isalnum() or t.norm in stops
                    or (other is not None and other.type == "PER")):
                break
            if _is_title(t):
                first_title = i
            i -= 1
        if first_title is None or last < first_title:
            continue
        t = toks[first_title]
        p = clitics.proclitic(t.norm) if t.norm not in lexicon.title_words() else ""
        start = t.start + clitics.raw_offset(t.text, len(p))
        role = record.text[start:toks[last].end]
        if t.norm.startswith("لل") and t.norm[2:3] and not p:
            role = "ال" + record.text[t.start + clitics.raw_offset(t.text, 2):toks[last].end]
        c.role = role.strip()


@lru_cache(maxsize=1)
def _place_cues() -> frozenset[str]:
    """Words that before a word make it a place (``data/place_cues.txt``: "في"، "جزيرة")."""
    return frozenset(normalize(w) for w in read_lines("naba.entities.data", "place_cues.txt"))


def _given_name(w: str) -> bool:
    """A word that reads as a personal (given) name: listed, or spelt like a foreign name ("تيريزا")."""
    return w in gazetteer.person_names() or (namelike.score(w) or 0) >= 2


def _place_cued(toks: list[Token], c: Cand) -> bool:
    """A one-word mention read as a place by its neighbours: a place cue or an administrative head
    before it ("في كريت"، "لجزيرة كريت"), or a nationality adjective after it ("كريت اليونانية")."""
    a, b = c.tok
    if a > 0:
        w = toks[a - 1].norm
        if any(x in _place_cues() or gazetteer.is_admin_head(x) for x in (w, w[len(clitics.proclitic(w)):])):
            return True
    return b < len(toks) and toks[b].norm.startswith("ال") and country_place(toks[b].norm) is not None


def unify_types(cands: list[Cand], toks: list[Token] | None = None) -> None:
    """One type per name in an article: a country, region or sea is a place whatever the tagger
    said ("السعودية" tagged ORG, "غينيا بيساو" tagged a person; a one-word one tagged a person
    stays one); a name of the hand-written news list (``news_entities.tsv``) that is no place but
    was tagged one has the list's type ("الدولة الإسلامية"); the surname alone of a
    person named in full is that person ("ميركل" tagged ORG after "أنغيلا ميركل"), also when
    tagged a place ("ماي" after "تيريزا ماي") if the gazetteer knows no place of that name, the
    full name opens with a given name (:func:`_given_name`: not "سطح بلوتو") and, given the
    article's tokens ``toks``, no mention of the word has a place cue (:func:`_place_cued`: "سحر
    كريت" tagged a person does not make "في كريت" one); a name tagged two ways takes its majority
    type, ties going to a place the gazetteer knows, then to the known-entities list, then to the
    first mention."""
    full = [c.words for c in cands if c.type == "PER" and len(c.words) > 1]
    surnames = {w[-1] for w in full}
    person_surnames = {w[-1] for w in full if _given_name(w[0])}
    known = lexicon.known_entities()
    lone_places: dict[str, list[Cand]] = {}
    for c in cands:
        if c.type == "LOC" and len(c.words) == 1 and c.words[0] in person_surnames and not c.alias_of:
            lone_places.setdefault(c.words[0], []).append(c)
    for word, cs in lone_places.items():
        if gazetteer.lookup(word) or word in known or (toks and any(_place_cued(toks, c) for c in cs)):
            continue
        for c in cs:
            c.type = "PER"
    for c in cands:
        word = c.words[0]
        if (c.type in ("ORG", "MISC") and len(c.words) == 1 and word in surnames
                and not gazetteer.lookup(word) and word not in known):
            c.type = "PER"
    by_key: dict[str, list[Cand]] = {}
    for c in cands:
        if not c.alias_of:
            by_key.setdefault(key(c.words, "PER"), []).append(c)
    for cs in by_key.values():
        name = " ".join(cs[0].words)
        place = gazetteer.lookup(name)
        counts = Counter(c.type for c in cs)
        listed = TYPES.get(lexicon.news_entities().get(name, ""))
        if place and place.kind in ("country", "region", "continent", "natural") and (
                "PER" not in counts or len(cs[0].words) > 1):  # a person may be named ليبيا, not غينيا بيساو
            typ = "LOC"
        elif listed and not place and "LOC" in counts:  # "الدولة الإسلامية" tagged as a place
            typ = listed
        elif len(counts) == 1:
            continue
        else:
            top = counts.most_common()
            tied = [t for t, n in top if n == top[0][1]]
            kt = TYPES.get(known.get(" ".join(cs[0].words), ""), "")
            typ = ("LOC" if place and "LOC" in tied else kt if kt in tied
                   else min(cs, key=lambda c: c.start).type if len(tied) > 1 else tied[0])
        for c in cs:
            c.type = typ


def link_places(record: Record, cands: list[Cand]) -> None:
    """Each place mention's gazetteer link, read in its article: the countries the article names
    and its words pick among places of one name ("طرابلس" with "الليبية", "عمان" with
    "العاصمة الأردنية"; :func:`naba.entities.gazetteer.resolve`), and a country's longer name in the
    article its short one (:func:`_short_country_names`)."""
    locs = [c for c in cands if c.type == "LOC"]
    if not locs:
        for c in cands:
            c.place_id = None
        return
    defaults = {c.start: gazetteer.lookup(" ".join(c.words)) for c in locs}
    named = {p.cc: c.text for c in locs if (p := defaults[c.start]) and p.kind == "country"}
    countries = frozenset(named)
    text = " ".join(t.norm for t in record.tokens)
    for c in cands:
        p = None
        if c.type == "LOC":
            p = gazetteer.resolve(" ".join(c.words), countries, text) or _nationality(c, named, text)
        c.place_id = p.id if p else None
    _short_country_names(locs, _title_countries(record.title or ""))


def _nationality(c: Cand, named: dict[str, str], text: str):
    """The place of a run the gazetteer lacks that ends in a nationality adjective (or a country's
    name): "إدلب السورية" is Idlib in Syria, an alias of "إدلب"; "الأراضي السورية", or "السورية"
    alone, is Syria when the article names Syria (in ``named``: country -> the article's name
    for it), an alias of that name, so that it neither renames the country nor links a word that is
    also a common one ("المالي", financial) in an article about something else."""
    country = country_place(c.words[-1])
    if country is None:
        return None
    if len(c.words) > 1:
        p = gazetteer.resolve(" ".join(c.words[:-1]), frozenset(named) | {country.cc}, text)
        if p is not None:  # "باريس السورية": Paris is no Syrian place, and the run no alias of it
            if p.cc != country.cc:
                return None
            c.alias_of = c.text.rsplit(None, 1)[0]
            return p
    if country.cc not in named:
        return None
    c.alias_of = named[country.cc]
    return country


def _title_countries(title: str) -> dict[tuple[str, ...], str]:
    """Countries of two or three words the title names ("زعيم كوريا الشمالية يلتقي ...") -> their ids."""
    words = words_of(title)
    out = {}
    for n in (2, 3):
        for i in range(len(words) - n + 1):
            gram = list(words[i:i + n])
            gram[0] = gram[0][len(clitics.proclitic(gram[0])):]
            p = gazetteer.lookup(" ".join(gram))
            if p is not None and p.kind == "country":
                out[tuple(gram)] = p.id
    return out


def _short_country_names(locs: list[Cand], named: dict[tuple[str, ...], str]) -> None:
    """A country named by the first word(s) of another country the article (its body or, in
    ``named``, its title) names takes that one ("كوريا" after "كوريا الشمالية"), unless two such,
    and only when the gazetteer lists the short name for that country too: "غينيا" is Guinea
    itself, also next to "غينيا بيساو"."""
    countries = [c for c in locs if c.place_id and c.place_id.startswith("iso:")]
    full = {**named, **{tuple(c.words): c.place_id for c in countries}}
    names = gazetteer.all_places()
    for c in countries:
        n = len(c.words)
        longer = {pid for words, pid in full.items() if len(words) > n and words[:n] == tuple(c.words)}
        if len(longer) == 1:
            pid = longer.pop()
            if any(p.id == pid for p in names.get(" ".join(c.words), ())):
                c.place_id = pid


def _canonical(g: Group) -> str:
    if g.name:
        return g.name
    full = [m for m in g.mentions if m.words == g.longest and not m.alias_of] or g.mentions
    # the least-decorated surface of the longest form (not fused with لل, fewest diacritics),
    # first seen on ties
    best = min(full, key=lambda m: (_fused(m), len(m.text) - len(normalize(m.text)), m.start))
    name = ("ا" + best.text[1:] if _fused(best) else best.text).replace("_", " ").replace(_HASH, " ")
    name = " ".join(name.split())  # "#كيم_جونغ_أون", "دونالد #ترمب"
    # a well-known person or body named only by a short form ("ترامب") gets the full name
    known = known_name(g.type, name) if g.type in ("PER", "ORG") else None
    return known if known and len(known.split()) > len(name.split()) else name


def _fused(m: Cand) -> bool:
    """"للأمم المتحدة": the first word is ل + ال fused (words_of reads it "الأمم")."""
    return bare(normalize(m.text).replace("_", " ").split()[0]) != m.words[0]


def to_entity(g: Group) -> Entity:
    name = _canonical(g)
    ent = Entity(entity_id(g.type, name, g.place_id), g.type, name)
    ent.aliases = list(dict.fromkeys(m.text for m in sorted(g.mentions, key=lambda m: m.start)))
    ent.roles = list(dict.fromkeys(r for m in sorted(g.mentions, key=lambda m: m.start)
                                   if (r := getattr(m, "role", None))))
    ent.attrs["mentions"] = len(g.mentions)
    if g.place_id:
        p = gazetteer.places_by_id().get(g.place_id)
        if p:
            ent.attrs.update({"gazetteer": p.id, "place": p.kind, "name_en": p.name_en,
                              "country": p.cc, "lat": p.lat, "lon": p.lon})
    return ent


def run(record: Record) -> Record:
    if not record.tokens:
        return record
    cands, sents, in_name = find_mentions(record)
    cands += propagate(record, cands, sents, in_name)
    cands += org_pattern_mentions(record, cands, sents, frozenset(t.norm for t in record.tokens))
    cands += title_alias_mentions(record, cands)
    attach_roles(record, cands, sents)
    unify_types(cands, record.tokens)
    link_places(record, cands)
    groups = group(cands, lexicon.org_heads() | lexicon.title_words())
    entities, ids = [], {}
    for g in groups:
        ent = to_entity(g)
        if ent.id in ids:  # two groups with one canonical id (e.g. a place under two names)
            prev = ids[ent.id]
            prev.aliases = list(dict.fromkeys(prev.aliases + ent.aliases))
            prev.roles = list(dict.fromkeys(prev.roles + ent.roles))
            prev.attrs["mentions"] += ent.attrs["mentions"]
        else:
            ids[ent.id] = ent
            entities.append(ent)
        for m in g.mentions:
            m.entity_id = ent.id
    record.entities = entities
    record.mentions = [Mention(c.start, c.end, c.text, c.entity.type if c.entity else c.type, c.entity_id)
                       for c in sorted(cands, key=lambda c: c.start)]
    return record
