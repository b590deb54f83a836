"""PLOVER events in a record: triggers, arguments, modality, and one event per story.

Steps, per sentence: (1) triggers from the lexicon (single words with clitics stripped, phrases);
(2) actor candidates: the record's mentions when the entities stage found them, plus actor phrases
from the lexicon (a sector word with a nationality: "الطائرات الإسرائيلية"; a country or its
adjective: "الروسية"); (3) arguments: for a verb the subject right after it (Arabic VSO) or the
nearest one before it, for a noun its nationality adjective, its genitive ("انسحاب القوات") or "من
قبل X"; the target after it (after ل/على/ضد for nouns); the location a place after في/ب/ل; the time
the nearest time expression in the sentence; no participant across a reported-speech "إن/أن"; a
noun like "المتظاهرون" is its own actor; an attack of words ("هاجم ترامب وسائل الإعلام قائلا"، "هجوم
لاذع"), with no violence in its sentence, is ACCUSE, not ASSAULT, and so is a government's formal protest ("احتجت
موسكو لدى السفير"، "احتجاجا رسميا"); (4) negation and hedging (also
from hedged statements, and "الانسحاب لن يتم"); (5) the learned event filter's confidence (:mod:`naba.models.events`);
(6) mentions of one story (same type, trigger group and compatible arguments) merge.

Not for: finding the entities (``entities`` stage) or the time expressions (``times`` stage).
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

import re
from dataclasses import dataclass, field

from ..record import Event, Record
from ..arabic.normalize import normalized_with_offsets
from ..spanindex import SpanIndex, TakenSpans
from .lexicon import Trigger, cue_pairs, cues, lexicon, strip_variants

_WORD_RE = re.compile(r"\w+")
_SENT_RE = re.compile(r"[^.!?؟\n]+[.!?؟]*")
VERB_SUBJECT_CHARS = 14  # a subject this close after a verb is its subject (VSO)
BEFORE_CHARS = 90  # how far back an actor may stand before its trigger
VERBAL_CUE_WORDS = 8  # a statement or tweet this close to هاجم/هجوم is where the attack was made
VERBAL_PERSON_CHARS = 90  # a person named this close after هاجم is whom it attacks (with no violence around)
NOUN_TARGET_CHARS = 35  # a noun trigger's target stands close after it ("دعم موسكو لنظامه")


@dataclass(slots=True)
class Cand:
    """An actor/target/place candidate: a span of the original text and what it refers to."""

    start: int
    end: int
    type: str  # PER ORG LOC MISC ACTOR
    entity: str | None = None
    country: str | None = None  # ISO3
    sector: str | None = None
    name: str | None = None
    after_prep: bool = False
    is_country: bool = False
    adjective: bool = False  # a bare nationality adjective ("الإيراني"): an argument only right after a noun


@dataclass(slots=True)
class Found:
    trig: Trigger
    start: int
    end: int
    sent: tuple[int, int]
    args: dict = field(default_factory=dict)


def _sentences(record: Record) -> list[tuple[int, int]]:
    if record.sentences:
        return [(s.start, s.end) for s in record.sentences]
    return [(m.start(), m.end()) for m in _SENT_RE.finditer(record.text)]


def _tokens(norm: str, offs: list[int]):
    for m in _WORD_RE.finditer(norm):
        yield m.group(), offs[m.start()], offs[m.end() - 1] + 1, m.start(), m.end()


@lru_cache(maxsize=300_000)
def _word_trigger(word: str) -> Trigger | None:
    """The trigger a single normalized word is, if any (cached per word form)."""
    lx = lexicon()
    variants = strip_variants(word)
    if any(v in lx.excluded for v in variants):
        return None
    for v in variants:
        # with the article a word is a noun: "القصف" is a trigger, "للطالبة" (the student) is not طالب+ه
        article = len(word) > len(v) and word[:len(word) - len(v)].endswith(("ال", "لل"))
        trig = (lx.nouns if article else lx.words).get(v)
        if trig:
            return trig
    return None


def find_triggers(text: str) -> list[tuple[Trigger, int, int]]:
    lx = lexicon()
    norm, offs = normalized_with_offsets(text)
    found = []
    for rx, trig, anchor in lx.phrases:
        if anchor and anchor not in norm:
            continue
        for m in rx.finditer(norm):
            found.append((trig, offs[m.start()], offs[m.end() - 1] + 1))
    for word, a, b, _, _ in _tokens(norm, offs):
        trig = _word_trigger(word)
        if trig is not None:
            found.append((trig, a, b))
    excluded = TakenSpans()  # spans of no trigger: found triggers overlapping one are dropped
    for rx in lx.excluded_phrases:
        for m in rx.finditer(norm):
            # a group named x marks the words that are no trigger; the rest of the match is context
            x = "x" if "x" in rx.groupindex and m.start("x") >= 0 else 0
            excluded.add(offs[m.start(x)], offs[m.end(x) - 1] + 1)
    words = list(_tokens(norm, offs))
    dawn = set()
    for i, (w, a, b, _, _) in enumerate(words):  # "فجر الخميس": dawn, not "he detonated"
        if w in cues()["dawn"] and i + 1 < len(words) and words[i + 1][0] in cues()["light"]:
            dawn.add((a, b))
    found = [f for f in found if not excluded.overlaps(f[1], f[2]) and (f[1], f[2]) not in dawn]
    found.sort(key=lambda f: (-(f[2] - f[1]), f[1]))
    taken, out = TakenSpans(), []
    for trig, a, b in found:
        if taken.overlaps(a, b):
            continue
        taken.add(a, b)
        out.append((trig, a, b))
    out.sort(key=lambda f: f[1])
    return out


def _country_of(words: list[str]) -> str | None:
    lx = lexicon()
    if len(words) > 1:  # a name of several words ("الولايات المتحدة"، "المملكة المتحدة")
        for v in strip_variants(" ".join(words)):
            if v in lx.countries:
                return lx.countries[v]
    for w in words:
        for v in strip_variants(w):
            if v in lx.countries:
                return lx.countries[v]
    return None


def _sector_of(norm_span: str) -> str | None:
    lx = lexicon()
    words = norm_span.split()
    for i in range(len(words)):
        for j in (2, 1):
            key = " ".join(words[i:i + j])
            for v in strip_variants(key):
                if v in lx.agents:
                    return lx.agents[v]
    return None


@lru_cache(maxsize=1)
def _agent_first_words() -> frozenset[str]:
    return frozenset(k.split()[0] for k in lexicon().agents if " " in k)


def candidates(record: Record) -> list[Cand]:
    """Mentions from the entities stage, plus actor phrases found with the lexicon."""
    lx = lexicon()
    text = record.text
    out: list[Cand] = []
    entities: dict = {}  # record.entity(id) without a scan of all entities per mention
    for e in record.entities:
        entities.setdefault(e.id, e)
    for m in record.mentions:
        ent = entities.get(m.entity)
        words = normalized_with_offsets(m.text)[0].split()
        country = None
        if ent is not None:
            c = ent.attrs.get("country") or ent.attrs.get("country_code")
            country = c if isinstance(c, str) and len(c) == 3 else None
        country = country or _country_of(words)
        name = ent.name if ent else m.text
        out.append(Cand(m.start, m.end, m.type, m.entity, country, None, name,
                        is_country=m.type == "LOC" and _country_of(words) is not None and len(words) <= 2))
    norm, offs = normalized_with_offsets(text)
    toks = list(_tokens(norm, offs))
    first_mention: dict[int, object] = {}  # the first mention starting at an offset
    for m in record.mentions:
        first_mention.setdefault(m.start, m)
    # The mentions' candidates (all of ``out`` so far) by offset. An ACTOR phrase added below ends
    # before the next token the loop looks at, and a candidate widened to a phrase ends inside it,
    # so neither can overlap a later phrase: the index built before the loop stays exact.
    named = SpanIndex(out)
    i = 0
    while i < len(toks):
        w, a, b, na, nb = toks[i]
        sector = None
        for j in (2, 1):
            if i + j > len(toks):
                continue
            if j == 2 and not any(v in _agent_first_words() for v in strip_variants(w)):
                continue  # no two-word agent starts with this word
            key = " ".join(t[0] for t in toks[i:i + j])
            if any(v in lx.agents for v in strip_variants(key)):
                sector, end_i = lx.agents[next(v for v in strip_variants(key) if v in lx.agents)], i + j
                break
        country = _country_of([w]) if sector is None else None
        pair = None  # a country name of two words ("الولايات المتحدة"، "المملكة المتحدة")
        if sector is None and country is None and i + 1 < len(toks):
            pair = next((lx.countries[v] for v in strip_variants(w + " " + toks[i + 1][0]) if v in lx.countries), None)
            country = pair
        if sector is None and country is None:
            i += 1
            continue
        end_i = end_i if sector else i + (2 if pair else 1)
        # a nationality or a mention right after a sector word belongs to it ("القوات الروسية")
        k = end_i
        while sector and k < len(toks) and k < end_i + 2:
            c2 = _country_of([toks[k][0]])
            if c2:
                country = country or c2
                k += 1
                end_i = k
                continue
            if sector and toks[k][1] in first_mention:
                m = first_mention[toks[k][1]]
                end_i = min(next((x for x in range(k, len(toks)) if toks[x][2] >= m.end), k) + 1, len(toks))
                break
            break
        start, end = a, toks[end_i - 1][2]
        overlapped = named.overlapping(start, end)
        if not any(c.type != "ACTOR" for c in overlapped):
            adjective = sector is None and any(v in lx.adjectives for v in strip_variants(w))
            out.append(Cand(start, end, "ACTOR", None, country, sector, lx.country_names.get(country),
                            is_country=sector is None, adjective=adjective))
        elif sector:  # a sector word before a mention widens it ("نظام الأسد")
            for c in overlapped:
                if c.start < end and start < c.end:
                    c.sector = c.sector or sector
                    c.country = c.country or country
                    if start < c.start and end >= c.end:
                        c.start = start
        i = end_i
    for c in out:
        before = _WORD_RE.findall(normalized_with_offsets(text[max(0, c.start - 25):c.start])[0])
        head = normalized_with_offsets(text[c.start:c.end])[0].split()
        glued = head[0][:1] in ("ل", "ب") and head[0][1:3] in ("ل", "لا", "ال") if head else False
        place = any(v in cues()["place_word"] for w in before[-2:] for v in strip_variants(w))
        c.after_prep = bool(before and before[-1] in cues()["preposition"]) or glued or place or (
            bool(head) and head[0].startswith(("لل", "بال")))
        if c.sector is None:
            c.sector = _sector_of(" ".join(head))
    out.sort(key=lambda c: c.start)
    return out


def _code(c: Cand | None) -> str | None:
    if c is None:
        return None
    parts = [p for p in (c.country, c.sector) if p]
    return " ".join(parts) or None


def _key(text: str, c: Cand | None) -> str | None:
    if c is None:
        return None
    return (c.entity or (c.country if c.is_country or (c.country and not c.entity) else None)
            or normalized_with_offsets(text[c.start:c.end])[0])


def _prefix_before(text: str, pos: int, chars: int = 25) -> list[str]:
    return normalized_with_offsets(text[max(0, pos - chars):pos])[0].split()




@lru_cache(maxsize=4)
def _complementizers(text: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of the "إن/أن" words of a text, in order (read once per record: the
    events of a long unpunctuated sentence asked for every pair of offsets, cubic in its length)."""
    norm, offs = normalized_with_offsets(text)
    found = [(offs[m.start()], offs[m.end() - 1] + 1) for m in _WORD_RE.finditer(norm)
             if m.group() in cues()["complementizer"]]
    return [a for a, _ in found], [b for _, b in found]


def _complementizer(text: str, a: int, b: int) -> bool:
    """Whether an "إن/أن" (that) stands between offsets a and b: the start of reported speech."""
    starts, ends = _complementizers(text)
    i = bisect_left(starts, a)
    return i < len(starts) and ends[i] <= b


def _phrase(text: str, start: int, stop: int, max_words: int = 3, quantity: bool = False) -> Cand | None:
    """An unnamed noun phrase opening ``text[start:stop]`` (light words such as امس skipped): up to
    ``max_words`` words, ending before punctuation, a preposition or "أن". With ``quantity`` it must
    open with a count ("آلاف"، "عشرات من"، "47"), and a "من" right after the count is kept."""
    norm, offs = normalized_with_offsets(text[start:stop])
    words = list(_WORD_RE.finditer(norm))
    cue = cues()
    i = 0
    while i < len(words) and words[i].group() in cue["light"] and not (
            quantity and (words[i].group().isdigit() or words[i].group() in cue["quantity"])):
        i += 1
    if i == len(words) or any(ch in ".,،;؛:!?؟()" for ch in norm[:words[i].start()]):
        return None
    first = words[i].group()
    stops = cue["preposition"] | cue["complementizer"]
    conj = tuple(cue["clause_conjunction"])
    if first in stops or first.startswith(conj) or (quantity and not (first.isdigit() or first in cue["quantity"])):
        return None
    out = [words[i]]
    for m in words[i + 1:]:
        if len(out) >= max_words + (1 if quantity else 0):
            break
        gap = norm[out[-1].end():m.start()]
        keep_of = quantity and m.group() in cue["count_of"] and len(out) == 1
        if (gap.strip(" «»\"") or (m.group() in stops and not keep_of) or m.group() in cue["light"]
                or m.group().startswith(conj)):  # "ضد الحكم وأفاد": a glued و opens the next clause
            break
        out.append(m)
    if quantity and len(out) == 1 or out[-1].group() in cue["count_of"]:
        return None
    return Cand(start + offs[out[0].start()], start + offs[out[-1].end() - 1] + 1, "ACTOR")


def _phrase_before(text: str, start: int, end: int) -> Cand | None:
    """A counted noun phrase right before a verb ("20 مدنيا قتلوا"، "ان شخصين قد قتلا")."""
    norm, offs = normalized_with_offsets(text[start:end])
    words = list(_WORD_RE.finditer(norm))
    cue = cues()
    j = len(words)
    while j and words[j - 1].group() in cue["light"]:
        j -= 1
    if j == 0 or any(ch in ".,،;؛:!?؟()" for ch in norm[words[j - 1].end():]):
        return None
    for k in range(j - 1, max(-1, j - 4), -1):
        w = words[k].group()
        if w in cue["preposition"] or w in cue["complementizer"] or any(
                ch in ".,،;؛:!?؟()" for ch in norm[words[k].end():words[j - 1].end()]):
            return None
        if w.isdigit() or w in cue["quantity"]:
            if k == j - 1:
                return None
            return Cand(start + offs[words[k].start()], start + offs[words[j - 1].end() - 1] + 1, "ACTOR", sector="CVL")
    return None


def attach(record: Record, found: Found, cands: SpanIndex[Cand], prev: list[Found]) -> None:
    text = record.text
    s0, s1 = found.sent
    inside = [c for c in cands.within(s0, s1) if not (c.start < found.end and found.start < c.end)]
    # a candidate before "قال ... إن" is the speaker, not a participant of the reported event
    before = [c for c in inside if c.end <= found.start and not _complementizer(text, c.end, found.start)]
    after = [c for c in inside if c.start >= found.end and not _complementizer(text, found.end, c.start)]
    actor = target = location = None
    if found.trig.kind == "a":  # "المتظاهرون": the trigger names its actor
        actor = next(iter(cands.overlapping(found.start, found.end)), None) or Cand(
            found.start, found.end, "ACTOR", sector="CVL")
        nxt = next((c for c in after if c.start - actor.end <= 2 and (c.adjective or c.is_country)), None)
        if nxt is not None:  # "متظاهرون فلسطينيون"
            actor = Cand(actor.start, nxt.end, "ACTOR", None, nxt.country, actor.sector or "CVL")
            after = [c for c in after if c is not nxt]
    places = [c for c in after if c.type == "LOC" and c.start - found.end < 60]
    for c in places:
        lead = _prefix_before(text, c.start)
        word = normalized_with_offsets(text[c.start:c.end])[0]
        if (lead and any(w in cues()["location_lead"] or
                         w.startswith(("ب", "ل", "في")) for w in lead[-3:])) or word.startswith(("ب", "في")):
            location = c
            break
    # a nationality adjective is never a separate target/actor when it qualifies a place ("للعاصمة الإيرانية")
    after = [c for c in after if c is not location]
    # the victim of an earlier verb in the sentence does not do what follows ("جنديا قتل ... في هجوم"، "وقتل ثلاثة
    # جنود في هجوم")
    victims = [p.args["target"] for p in prev if p.sent == found.sent and p.trig.type == "ASSAULT"
               and p.trig.kind in ("v", "w") and p.args.get("target") is not None]
    before = [c for c in before if not c.after_prep and not c.adjective
              and not (c.type == "LOC" and not c.is_country)
              and not any(v.start <= c.start and c.end <= v.end for v in victims)]
    nominal = found.trig.kind in ("n", "a", "p")
    direct = [c for c in after if c.start - found.end <= VERB_SUBJECT_CHARS and not c.after_prep
              and not (c.type == "LOC" and not c.is_country)
              and found.trig.kind != "r" and (nominal or not c.adjective)
              # a verb's subject follows it at once ("طلب لقاء الخامنئي": الخامنئي is not the subject)
              and (nominal or all(w in cues()["light"] for w in _WORD_RE.findall(
                  normalized_with_offsets(text[found.end:c.start])[0])))]
    after = [c for c in after if not c.adjective or (direct and c is direct[0])]
    gap_words = _prefix_before(text, direct[0].start, direct[0].start - found.end) if direct else []
    undergoer = found.trig.type in ("ASSAULT", "COERCE", "SANCTION")
    # "الزيارة" / "الاجتماع": a definite noun with no argument of its own points back to its story
    definite = nominal and any(v.startswith("ال") for v in strip_variants(
        normalized_with_offsets(text[found.start:found.end])[0].split()[0])[1:2] + (
        normalized_with_offsets(text[found.start:found.end])[0],))
    # "جنود أميركيين نفذوا الغارة"، "شنت الطائرات غارات"، "قامت الجماعة بخطف" (a verb form after a glued ب is a noun)
    glued_b = normalized_with_offsets(text[found.start:found.end])[0][:1] == "ب"
    if actor is None and (nominal or glued_b):
        actor = _support_subject(text, found, inside)
    # "دعا الرئيس أوباما ... ودعا في الوقت نفسه إثيوبيا": a verb with a glued و and no subject of its own shares
    # the subject of the verb before it in the sentence
    shared = None
    if not nominal and normalized_with_offsets(text[found.start:found.end])[0][:1] in "وف":
        earlier = [p for p in prev if p.sent == found.sent and p.trig.kind in ("v", "w") and p.args.get("actor")
                   and p.args["actor"].end <= found.start]
        shared = earlier[-1].args["actor"] if earlier else None
    if actor is not None:
        pass
    elif nominal:
        by = next((c for c in after if not cues()["by_lead"].isdisjoint(_prefix_before(text, c.start, 12))
                   and c.start - found.end < 80), None)
        if direct and not gap_words:
            if undergoer and not direct[0].is_country:
                target = direct[0]
            else:
                actor = direct[0]
        actor = actor or by
        if actor is None:
            same = [f for f in prev if f.trig.type == found.trig.type and f.sent == found.sent and f.args.get("actor")]
            if same:
                actor = same[-1].args["actor"]
            elif before and found.start - before[-1].end <= BEFORE_CHARS and not definite:
                actor = before[-1]
    else:
        if direct and undergoer and direct[0].sector == "CVL" and not direct[0].entity:
            target = direct[0]  # "قتل أربعة أشخاص": civilians after a verb of violence are its victims
            if before and found.start - before[-1].end <= BEFORE_CHARS:
                actor = before[-1]
        elif direct:
            actor = direct[0]
        elif shared is not None:
            actor = shared
        elif before and found.start - before[-1].end <= BEFORE_CHARS:
            actor = before[-1]
    # "صندوق النقد الدولي الذي طالب المملكة": a verb right after a relative pronoun has its antecedent as subject
    rel = None if nominal else _antecedent(text, found, inside)
    word = normalized_with_offsets(text[found.start:found.end])[0]
    pronoun = {"الذي": "ه", "التي": "ها", "الذين": "هم", "اللذين": "هما", "اللتين": "هما", "اللواتي": "هن"}.get(
        (_prefix_before(text, found.start, 14) or [""])[-1])
    resumptive = pronoun is not None and word.endswith(pronoun) and not (pronoun == "ه" and word.endswith("ها"))
    if rel is not None and resumptive and len(word) > 4:
        # "الجيش العراقي الذي تدعمه الولايات المتحدة": a pronoun object agreeing with the relative points back to the
        # antecedent ("فوكس نيوز التي اتهمته": ه is someone else, the station accused)
        target = rel
        if actor is rel:
            actor = None
    elif rel is not None:
        if actor is not None and actor.start >= found.end and target is None:
            target = actor
        actor = rel
    if target is None:
        reach = NOUN_TARGET_CHARS if nominal else 90
        rest = [c for c in after if c is not actor and (actor is None or c.start >= actor.end)
                and c.start - found.end < reach and not (c.type == "LOC" and not c.is_country and c is not location)
                and not (nominal and any(p in text[found.end:c.start] for p in "،,;؛"))]
        linked = [c for c in after if c.entity and c.type in ("PER", "ORG") and c is not actor
                  and (actor is None or c.start >= actor.end) and c.start - found.end < 130]
        named = [c for c in rest if c.sector or c.entity or c.is_country]
        pick = linked or named or rest
        if pick:
            target = pick[0]
    # "تتعرض لهجمات": the one attacked is the subject of تعرض (or of the sentence before)
    lead = _prefix_before(text, found.start, 16)
    exposed = tuple(cues()["exposed"])
    if lead and lead[-1].startswith(exposed) or (lead and any(w.startswith(exposed) for w in lead[-2:])):
        subj = [c for c in before if c is not actor]
        if subj:
            target = subj[-1]
        else:
            sents = _sentences(record)
            k = next((i for i, s in enumerate(sents) if s == found.sent), 0)
            if k:
                p0, p1 = sents[k - 1]
                first = [c for c in cands.within(p0, p1)
                         if not (c.type == "LOC" and not c.is_country) and not c.after_prep]
                target = first[0] if first else target
    actor, target = _unnamed(text, found, actor, target, location, direct, nominal, undergoer, cands)
    actor, target = _passive(text, found, actor, target, cands)
    if actor is not None and target is not None and actor.start < target.end and target.start < actor.end:
        target = None  # "غارات جوية نفذتها مقاتلات إسرائيلية": the doer found twice
    if target is actor or (target and actor and _key(text, target) == _key(text, actor)):
        target = None
    found.args = {"actor": actor, "target": target, "location": location}


def _unnamed(text: str, found: Found, actor, target, location, direct, nominal: bool, undergoer: bool,
             cands: SpanIndex[Cand] = SpanIndex(())):
    """Participants no entity or actor phrase covers: counted groups after a verb ("تظاهر آلاف
    الإسرائيليين": its actor; "قتلت 47 إرهابيا": its victims) or before a verb of killing ("20 مدنيا
    قتلوا": the victims), the object right after a verb of violence ("خطفوا مصورا فرنسيا"), the
    perpetrator of a noun trigger ("هجوم نفذه متطرف"), and what a protest is against ("ضد الحكم") or
    whom it addresses (:func:`_demanded`)."""
    s0, s1 = found.sent
    cue = cues()
    kind, typ = found.trig.kind, found.trig.type
    stop = min(s1, found.end + 60)
    if kind in ("v", "w") and not (direct and direct[0] in (actor, target)):
        q = _phrase(text, found.end, stop, max_words=3, quantity=True)
        if q is not None:
            if undergoer and target is None:
                target = q
            elif not undergoer and (actor is None or actor.end <= found.start):
                actor = q
    if kind in ("v", "w") and undergoer and found.trig.group in ("kill", "assassinate", "abduct"):
        q = _phrase_before(text, max(s0, found.start - 60), found.start)
        if q is not None and (actor is None or actor.end <= q.end):
            target = q
            if actor is not None and actor.end <= found.start:
                actor = None
    if kind in ("v", "w") and undergoer:  # the object right after the verb (and its subject)
        after = actor.end if actor is not None and actor.start >= found.end else found.end
        q = _phrase(text, after, stop, max_words=3)
        if q is not None and (target is None or q.end <= target.start):
            target = q
    if nominal and actor is None:
        norm, offs = normalized_with_offsets(text[found.end:stop])
        m = next((m for m in _WORD_RE.finditer(norm) if m.group() in cue["perpetrator_cue"]), None)
        if m is not None and not any(ch in ".,،;؛:!?؟" for ch in norm[:m.start()]) and m.start() < 40:
            actor = _phrase(text, found.end + offs[m.end() - 1] + 1, stop, max_words=3)
    if typ == "PROTEST":  # "ضد X" close after the protest wins over a name further on
        norm, offs = normalized_with_offsets(text[found.end:stop])
        ws = list(_WORD_RE.finditer(norm))
        against = False
        for m in ws[:5]:
            if any(ch in ".,،;؛:!?؟" for ch in norm[:m.start()]):
                break
            if m.group() in cue["protest_against"]:
                q = _phrase(text, found.end + offs[m.end() - 1] + 1, stop, max_words=3)
                if q is not None and not (target is not None and q.start <= target.start < q.end):
                    target, against = q, True
                break
        if not against:
            target = _demanded(text, found, cands) or target
    if location is not None:
        for c in (actor, target):
            if c is not None and c.start < location.end and location.start < c.end:
                actor, target = (None, target) if c is actor else (actor, None)
    return actor, target


def _denial_broken(text: str, f: Found, between: list[str]) -> bool:
    """Whether what a denial (or a denied statement) is about ends before the trigger: a relative
    pronoun, a contrast, a new speech verb or the involvement denied instead of the event ("تنفي
    تورطها في الغارات"، "وتنفي قطر تلك الاتهامات وتقول إن المقاطعة") stands in ``between``; a noun of
    accusation is the thing denied, and the accusation was made ("نفى ... كل تلك الاتهامات")."""
    if f.trig.type == "ACCUSE" and f.trig.kind in ("n", "p"):
        return True
    brk = cues()["denial_break"]
    return any(v in brk for w in between for v in strip_variants(w))


def _denied(text: str, f: Found, earlier: list[str]) -> bool:
    """A denial word (نفى، تنفي) earlier in the sentence whose scope reaches the trigger; "لا ينفي" denies nothing."""
    lx = lexicon()
    for i in range(len(earlier) - 1, -1, -1):
        if any(lx.modality.get(v) == "denial" for v in strip_variants(earlier[i])):
            if i and lx.modality.get(earlier[i - 1]) == "negation":
                return False
            return not _denial_broken(text, f, earlier[i + 1:])
    return False


def _agent(text: str, found: Found, cands: SpanIndex[Cand]) -> Cand | None:
    """The doer named after a verb of violence: "قتل X بنيران/برصاص/على يد/من قبل Y" gives Y."""
    s1 = found.sent[1]
    stop = min(s1, found.end + 130)
    norm, offs = normalized_with_offsets(text[found.end:stop])
    ws = list(_WORD_RE.finditer(norm))
    cue, leads = cues(), cue_pairs("agent_pair")  # "من قبل"، "على يد"
    for k, m in enumerate(ws[:16]):  # "خطف في وسط مدينة تيزي وزو (110 كلم ...) من قبل أربعة مسلحين"
        if any(ch in ".;؛:!?؟" for ch in norm[:m.start()]):
            return None
        w, prev = m.group(), ws[k - 1].group() if k else ""
        if w not in cue["agent_cue"] or (w in leads and prev not in leads[w]):
            continue
        at = found.end + offs[m.end() - 1] + 1
        named = next((c for c in cands.starting(at, at + 2) if c.end <= s1), None)
        return named or _phrase(text, at, stop, max_words=3)
    return None


def _antecedent(text: str, found: Found, inside: list[Cand]) -> Cand | None:
    """The named phrase a relative pronoun right before the trigger refers to ("قوات الأسد التي قصفت"; its
    object when the verb carries a pronoun: "الجيش العراقي الذي تدعمه الولايات المتحدة")."""
    lead = _prefix_before(text, found.start, 14)
    if not lead or lead[-1] not in cues()["relative"]:
        return None
    w0 = max(found.sent[0], found.start - 30)
    norm, offs = normalized_with_offsets(text[w0:found.start])
    m = list(_WORD_RE.finditer(norm))[-1]
    at = w0 + offs[m.start()]
    return next((c for c in reversed(inside) if c.end <= at and at - c.end <= 3 and not c.adjective and c.end > w0
                 and not c.after_prep and not (c.type == "LOC" and not c.is_country)), None)


def _support_subject(text: str, found: Found, inside: list[Cand]) -> Cand | None:
    """The actor of a noun trigger that is the object of a light verb (نفذ، شن، ارتكب; قام بـ): the
    verb's subject, right after it ("شنت الطائرات الإسرائيلية غارات") or before it ("ثمانية جنود
    أميركيين نفذوا الغارة"، "وقامت الجماعة ... بخطف")."""
    cue = cues()
    s0 = found.sent[0]
    lead_start = max(s0, found.start - 90)
    norm, offs = normalized_with_offsets(text[lead_start:found.start])
    clause_at = max((norm.rfind(ch) for ch in ".,،;؛:!?؟"), default=-1) + 1
    ws = [m for m in _WORD_RE.finditer(norm) if m.start() >= clause_at]
    trig_word = normalized_with_offsets(text[found.start:found.end])[0].split()[0]
    for k in range(len(ws) - 1, max(-1, len(ws) - 10), -1):
        w = ws[k].group()
        forms = strip_variants(w)[:2]
        light = any(v in cue["support_verb"] for v in forms)
        done = any(v in cue["support_verb_b"] for v in forms) and trig_word.startswith("ب")
        if not (light or done):
            continue
        v0, v1 = lead_start + offs[ws[k].start()], lead_start + offs[ws[k].end() - 1] + 1
        if k == len(ws) - 1 or light and k >= len(ws) - 3:
            pass
        elif not done:
            return None
        after = [c for c in inside if v1 <= c.start and c.end <= found.start and not c.after_prep]
        if after:
            return after[0]
        if k < len(ws) - 1:  # an unnamed subject between the verb and the noun ("قامت الجماعة في ديسمبر بخطف")
            q = _phrase(text, v1, found.start, max_words=3, quantity=True) or _phrase(text, v1, found.start, max_words=3)
            if q is not None and q.end <= found.start:
                return q
        before = [c for c in inside if c.end <= v0 and c.start >= lead_start + offs[min(clause_at, len(offs) - 1)]
                  and not c.after_prep and not c.adjective and not _complementizer(text, c.end, v0)]
        if before:
            return before[-1]
        return _phrase_before(text, max(s0, v0 - 40), v0) if k else None
    return None


def _demanded(text: str, found: Found, cands: SpanIndex[Cand]) -> Cand | None:
    """Whom a protest addresses: the one named after a demand ("مظاهرات تطالب السلطة بوقف المفاوضات"،
    "مطالبين برحيل السلطات العسكرية"، "تطالب باستقالة الرئيس"، "نحن ضد الجيش") later in its sentence."""
    s1 = found.sent[1]
    stop = min(s1, found.end + 160)
    norm, offs = normalized_with_offsets(text[found.end:stop])
    cue = cues()["protest_demand"]
    for m in _WORD_RE.finditer(norm):
        if not any(v in cue for v in strip_variants(m.group())[:2]):
            continue
        at = found.end + offs[m.end() - 1] + 1
        named = next((c for c in cands.starting(at, at + 25) if c.end <= s1 and not c.adjective
                      and (c.entity or c.sector or c.is_country)
                      and not any(ch in ".,،;؛:!?؟" for ch in text[at:c.start])), None)
        if named is not None:
            return named
        q = _phrase(text, at, stop, max_words=2)
        if q is not None:
            words = normalized_with_offsets(text[q.start:q.end])[0].split()
            if words and not words[0].startswith("ب"):
                keep = [w for w in words[1:] if not w.startswith("ب")]
                if len(keep) < len(words) - 1:  # "السلطة بوقف": the addressee, not what is asked
                    q = Cand(q.start, q.start + len(text[q.start:q.end].split()[0]), "ACTOR")
                return q
    return None


def _passive(text: str, found: Found, actor, target, cands: SpanIndex[Cand]):
    """The unvocalized past of a verb of violence read as a passive: its subject before it, with no object
    after it ("أن جنديا أميركيا قتل في هجوم"، "ثمانية اشخاص قتلوا جراء ضربة"), is its victim; a doer
    named after it (بنيران، برصاص، على يد، من قبل) is the actor, also when the victim follows the verb
    ("قتل أحد عناصر الشرطة بنيران مسلحين")."""
    if found.trig.type != "ASSAULT" or found.trig.kind not in ("v", "w"):
        return actor, target
    cue = cues()
    word = normalized_with_offsets(text[found.start:found.end])[0]
    if not any(v in cue["passive_past"] for v in strip_variants(word)[:2] if v == word or word[:1] in "وف"):
        return actor, target
    agent = _agent(text, found, cands)
    norm = normalized_with_offsets(text[found.end:min(found.sent[1], found.end + 40)])[0]
    words = _WORD_RE.findall(norm)
    i = 0
    while i < len(words) and words[i] in cue["light"] and not words[i].isdigit():
        i += 1
    first = words[i] if i < len(words) else ""
    # a glued ب opens a prepositional phrase ("بنيران"، "بالرصاص"), unless it starts a name (بشار)
    named_b = any(c.type == "PER" and normalized_with_offsets(
        text[c.start:c.end])[0].split()[:1] == [first] for c in cands.starting(found.end, found.end + 39))
    objectless = (not first or any(ch in ".,،;؛:!?؟()«»\"" for ch in norm[:norm.find(first)] if first)
                  or first in cue["preposition"] or first in cue["passive_next"]
                  or (first[:1] in cue["glued_preposition"] and len(first) > 3 and not named_b))
    if objectless and actor is not None and actor.end <= found.start and (
            target is None or target.start >= found.end):
        actor, target = None, actor
    if agent is not None and (actor is None or actor.end <= found.start or actor.start >= agent.start):
        if target is not None and agent.start < target.end and target.start < agent.end:
            target = None  # the doer is no victim ("خطف ... من قبل أربعة مسلحين")
        actor = agent
    return actor, target


def _modality(record: Record, f: Found, stated: SpanIndex | None = None) -> tuple[bool, bool]:
    lx = lexicon()
    text = record.text
    cue = cues()
    nominal = f.trig.kind in ("n", "a", "p")
    # the two words before the trigger within its clause ("فقتل، لم" is not a negated قتل)
    lead3 = _WORD_RE.findall(re.split(r"[،,;؛:«»\"]", normalized_with_offsets(
        text[max(f.sent[0], f.start - 30):f.start])[0])[-1])[-3:]
    near = lead3[-2:]
    # "ما لم يوافق": unless, a condition and no negation
    unless = any(w in cue["unless_negation"] and k and lead3[k - 1] in cue["unless_lead"] for k, w in enumerate(lead3))

    def negates(i: int, w: str) -> bool:
        if not (lx.modality.get(w) == "negation" or (w[:1] in "وف" and lx.modality.get(w[1:]) == "negation")):
            return False
        rest = near[i + 1:]
        if rest and rest[0] in cue["still"]:  # "لا تزال الانتقادات توجه"، "لم تكتف بالمجزرة"
            return False
        if w in cue["relative_ma"] and rest:  # "ما أدى إلى مقتل": a relative, unless right before the trigger
            return False
        # a noun takes a negation right before it or through a happen-verb ("لم يتم اعتقال"); any other
        # verb between is what is negated ("لم يستغرق اجتماع ... أكثر من 15 دقيقة")
        return not (nominal and rest and rest[0] not in cue["happen"] | cue["determiner"])
    negated = not unless and any(negates(i, w) for i, w in enumerate(near))
    # "لم يسبق له أن التقى"، "لم تتوصل الأطراف لاتفاق"، "لم تشهد المدينة أي اشتباكات": a negated frame verb earlier
    # in the clause
    clause_words = _WORD_RE.findall(re.split(r"[،,;؛:]", normalized_with_offsets(
        text[max(f.sent[0], f.start - 80):f.start])[0])[-1])[-8:]
    negated = negated or any(
        (lx.modality.get(w) == "negation" or (w[:1] in "وف" and lx.modality.get(w[1:]) == "negation"))
        and w not in cue["relative_ma"]  # "غالبا ما تشهد": no negation
        and clause_words[i + 1] in cue["negated_frame"] for i, w in enumerate(clause_words[:-1]))
    if f.trig.kind in ("n", "a"):  # "الانسحاب لن يتم": a noun negated by the verb after it
        nxt = _WORD_RE.findall(normalized_with_offsets(text[f.end:min(f.sent[1], f.end + 30)])[0])[:3]
        negated = negated or (len(nxt) > 1 and lx.modality.get(nxt[0]) == "negation"
                              and nxt[0] not in cue["not_happen_negation"] and nxt[1] in cues()["happen"])
    earlier = _prefix_before(text, f.start, max(0, f.start - f.sent[0]))
    earlier = earlier[-12:]
    negated = negated or _denied(text, f, earlier)
    # "وكانت ... قد قتلت": قد after كان marks a past perfect, not a possibility
    hedged = any(lx.modality.get(v) == "hedge" and not (v in cue["pluperfect_hedge"] and any(
        x in cues()["pluperfect"] for x in earlier[max(0, i - 8):i])) for i, w in enumerate(earlier)
        for v in strip_variants(w))
    # planned or called for, not (yet) happened: "تعتزم تنفيذ اعتصام"، "دعا إلى التظاهر"، "الاجتماع المرتقب"
    plan = cues()["filter_plan"]
    clause = re.split(r"[،,;؛:]", normalized_with_offsets(text[f.sent[0]:f.start])[0])[-1].split()[-6:]
    nxt = _WORD_RE.findall(normalized_with_offsets(text[f.end:min(f.sent[1], f.end + 30)])[0])[:2]
    hedged = hedged or unless or any(v in plan for w in clause for v in strip_variants(w)) or (
        f.trig.kind in ("n", "a", "p") and any(w in plan for w in nxt))
    stated = stated if stated is not None else SpanIndex(record.statements, bounds=_content_bounds)
    for st in stated.covering(f.start, f.end):
        if st.certainty == "hedged":
            hedged = True
        # from the cue on: "لم تعلن أي جهة مسؤوليتها عن الهجمات" may have only "الهجمات" as content
        lead = st.cue.end if st.cue is not None and st.cue.end <= f.start else st.content.start
        if st.certainty == "denied" and not _denial_broken(
                text, f, _prefix_before(text, f.start, max(0, f.start - lead))):
            negated = True
    return negated, hedged


def _tuple_bounds(span: tuple[int, int]) -> tuple[int, int]:
    """The bounds of a span written as a (start, end) tuple: itself (for :class:`SpanIndex`)."""
    return span


def _content_bounds(st) -> tuple[int, int]:
    return st.content.start, st.content.end


def _time_index(record: Record, f: Found, times: SpanIndex | None = None) -> int | None:
    times = times if times is not None else SpanIndex(record.times)
    best, dist = None, None
    for i in times.within_ids(f.sent[0], f.sent[1]):
        t = record.times[i]
        d = abs(t.start - f.start)
        if dist is None or d < dist:
            best, dist = i, d
    return best


def _span(record: Record, c: Cand | None):
    if c is None:
        return None
    attrs = {}
    if c.entity:
        attrs["entity"] = c.entity
    if c.name:
        attrs["name"] = c.name
    return record.span(c.start, c.end, **attrs)


def _compatible(a: Event, b: Event) -> bool:
    if a.type != b.type or a.attrs.get("group") != b.attrs.get("group") or a.negated != b.negated:
        return False
    for role in ("actor_key", "target_key", "location_key"):
        x, y = a.attrs.get(role), b.attrs.get(role)
        if x and y and x != y:
            return False
    return True


def merge(events: list[Event]) -> list[Event]:
    """One event per story: a later mention with the same type, trigger group and compatible
    arguments joins the first; its trigger goes to ``attrs["triggers"]`` and missing arguments
    are filled in."""
    out: list[Event] = []
    kinds: dict[tuple, list[Event]] = {}  # the hosts by what _compatible needs equal and never changes
    for ev in events:
        kind = (ev.type, ev.attrs.get("group"), ev.negated)
        host = next((h for h in kinds.get(kind, ()) if _compatible(h, ev)), None)
        if host is None:
            out.append(ev)
            kinds.setdefault(kind, []).append(ev)
            continue
        host.attrs.setdefault("triggers", []).append(ev.trigger.to_dict())
        for role in ("actor", "target", "location"):
            if getattr(host, role) is None and getattr(ev, role) is not None:
                setattr(host, role, getattr(ev, role))
                host.attrs[f"{role}_key"] = ev.attrs.get(f"{role}_key")
                if role != "location" and ev.attrs.get(f"{role}_code"):
                    host.attrs[f"{role}_code"] = ev.attrs[f"{role}_code"]
        if host.time is None:
            host.time = ev.time
        host.hedged = host.hedged and ev.hedged
    return out


def confidences(record: Record, found: list[Found]) -> list[tuple[float, float, bool] | None]:
    """(probability, threshold, own model) of each trigger from the event filter, None without it."""
    from ..models.events import filter as event_filter  # here: the model's features read this package's lexicon
    from ..models.events.features import words_with_offsets
    if not event_filter.available():
        return [None] * len(found)
    out, words = [], {}
    for f in found:
        s0, s1 = f.sent
        sentence = record.text[s0:s1]
        if f.sent not in words:
            words[f.sent] = words_with_offsets(sentence)
        p, threshold = event_filter.score(sentence, f.start - s0, f.end - s0, f.trig.type, f.trig.group,
                                          f.trig.kind, words[f.sent])
        out.append((p, threshold, f.trig.type in event_filter.load()))
    return out


def _sport_sentences(text: str, sents: list[tuple[int, int]], triggers) -> set[tuple[int, int]]:
    """Sentences of a match report: two different sport words (one, in an article with four), and no
    trigger of violence outside the sport groups ("انفجرت قنبلة في استاد")."""
    sport, groups = cues()["sport"], cues()["sport_group"]
    words = {}
    for s in sents:
        words[s] = set()
        for w in _WORD_RE.findall(normalized_with_offsets(text[s[0]:s[1]])[0]):
            hits = [v for v in strip_variants(w) if v in sport]
            if hits:  # one key per word: "المباراة" and "مباراة" are one word
                words[s].add(min(hits, key=len))
    article = set().union(*words.values()) if words else set()
    violence = SpanIndex([(a, a) for t, a, _ in triggers if t.type == "ASSAULT" and t.group not in groups],
                         bounds=_tuple_bounds)  # where a trigger of violence starts
    out = set()
    for s in sents:
        if len(words[s]) >= 2 or (words[s] and len(article) >= 4):
            if not violence.starting(s[0], s[1] - 1):
                out.add(s)
    return out


def _has(words: list[str], role: str) -> bool:
    """Whether a word of ``words`` (or one of its clitic variants) is a cue of ``role`` (cues.tsv)."""
    return any(v in cues()[role] for w in words for v in strip_variants(w))


def _around(text: str, f: Found) -> tuple[list[str], list[str], list[str]]:
    """The normalized words of the trigger's sentence before it and after it, and those after it
    within its clause: up to a relative pronoun ("بولتون، الذي ...")."""
    s0, s1 = f.sent
    before = _WORD_RE.findall(normalized_with_offsets(text[s0:f.start])[0])
    after = _WORD_RE.findall(normalized_with_offsets(text[f.end:s1])[0])
    clause = after[:next((i for i, w in enumerate(after) if w in cues()["relative"]), len(after))]
    return before, after, clause


def _verbal_attack(text: str, f: Found, triggers, cands: SpanIndex[Cand]) -> bool:
    """Whether an attack trigger (هاجم، هجوم) is words, not violence: an adjective of words right after it
    ("هجوم لاذع"); or, in a sentence with no violence (no ASSAULT trigger of another group, no weapon,
    casualty or military word, no military or armed actor), a statement, tweet or speech close to it, a
    speech verb after it ("هاجم ترامب وسائل الإعلام قائلا"), a target that is the media (or, for a verb, a
    person), or a person named soon after the verb ("هاجم نائب الوزير ... مستشار الأمن القومي، جون بولتون")."""
    c = cues()
    if f.trig.type != "ASSAULT" or f.trig.group != "attack":
        return False
    word = normalized_with_offsets(text[f.start:f.end])[0]
    if not any(stem in word for stem in c["verbal_attack_stem"]):  # also with a pronoun: هاجمته
        return False
    s0, s1 = f.sent
    before, after, clause = _around(text, f)
    if after[:1] and _has(after[:1], "verbal_adjective"):
        return True
    actor, target = f.args.get("actor"), f.args.get("target")
    # weapons and casualties in the trigger's clause: not past a relative pronoun ("بولتون، الذي ... خالية من الأسلحة")
    if _has(before + clause, "violence_context") or (actor is not None and actor.sector is not None
                                                      and normalized_with_offsets(actor.sector)[0] in c["violent_sector"]):
        return False
    if any(t.type == "ASSAULT" and t.group != "attack" and s0 <= a < s1 for t, a, _ in triggers):
        return False
    if _has(before[-VERBAL_CUE_WORDS:] + after[:VERBAL_CUE_WORDS], "verbal_cue") or _has(after, "verbal_after"):
        return True
    if f.trig.kind == "v" and any(x.type == "PER" for x in cands.starting(
            f.end, min(s1, f.end + VERBAL_PERSON_CHARS) - 1)):
        return True
    if target is None:
        return False
    target_words = _WORD_RE.findall(normalized_with_offsets(text[target.start:target.end])[0])
    return (f.trig.kind == "v" and target.type == "PER") or _has(target_words, "verbal_target")


def _official_protest(text: str, f: Found) -> bool:
    """Whether a protest trigger (احتج، احتجاج) is a government's formal protest, ACCUSE in
    PLOVER, not people in the street: its actor is a country ("احتجت موسكو لدى السفير"; for a verb
    only) or an official sector ("احتجت وزارة الخارجية على تصريحات"; for a noun only its genitive:
    "احتجاج الخارجية"), or the phrase is official ("قدمت احتجاجا رسميا"، "مذكرة احتجاج"، "احتجت لدى");
    never with a word of people in its clause ("احتج المئات"، "احتجاجات شعبية")."""
    c = cues()
    if f.trig.type != "PROTEST" or f.trig.group != "protest" or f.trig.kind not in ("v", "n"):
        return False
    word = normalized_with_offsets(text[f.start:f.end])[0]
    if not any(stem in word for stem in c["official_protest_stem"]):
        return False
    before, after, clause = _around(text, f)
    if _has(before[-VERBAL_CUE_WORDS:] + clause[:VERBAL_CUE_WORDS], "people_protest"):
        return False
    if (after[:1] and _has(after[:1], "official_after")) or (before[-1:] and _has(before[-1:], "official_before")):
        return True
    actor = f.args.get("actor")
    if actor is None or word.endswith(("ي", "يه")):  # "مظاهرات احتجاجية": an adjective of a street protest
        return False
    if f.trig.kind == "n" and not 0 <= actor.start - f.end <= 2:
        return False  # for a noun only its genitive ("احتجاج وزارة الخارجية"), not who suppressed or caused it
    if actor.sector is not None:
        return normalized_with_offsets(actor.sector)[0] in c["official_sector"]
    return f.trig.kind == "v" and actor.is_country and not actor.adjective


def extract(record: Record) -> list[Event]:
    """The record's events. Each carries the event filter's ``confidence`` in attrs (the learned
    probability that the trigger reports a real, specific event of its type; a weak,
    type-independent one for types other than ASSAULT and PROTEST) and, for those two types,
    ``specific`` (confidence over the tuned threshold). Nothing is dropped by the filter: it was
    trained on 2007-2008 news dominated by bombings with casualties and scores clear reports of other
    attacks (an airstrike with no casualties) low, so it ranks events rather than deciding them."""
    # lookups by offset, built once (scanning all candidates, sentences, times or statements for
    # each trigger is quadratic in a long article)
    cands = SpanIndex(candidates(record))
    sents = _sentences(record)
    sent_index = SpanIndex(sents, bounds=_tuple_bounds)
    found: list[Found] = []
    in_sentence: dict[tuple[int, int], list[Found]] = {}  # attach reads the earlier triggers of its sentence only
    triggers = find_triggers(record.text)
    play = _sport_sentences(record.text, sents, triggers)
    for trig, a, b in triggers:
        sent = next(iter(sent_index.covering(a, a + 1)), (a, b))
        if sent in play and trig.group in cues()["sport_group"]:
            continue  # "واصل الهلال هجومه": play on a pitch
        f = Found(trig, a, b, sent)
        same_sentence = in_sentence.setdefault(sent, [])
        attach(record, f, cands, same_sentence)
        if _verbal_attack(record.text, f, triggers, cands):
            f.trig = Trigger("ACCUSE", "criticize", f.trig.kind)
        elif _official_protest(record.text, f):
            f.trig = Trigger("ACCUSE", "complain", f.trig.kind)
        found.append(f)
        same_sentence.append(f)
    conf = confidences(record, found)
    events = []
    times = SpanIndex(record.times)
    stated = SpanIndex(record.statements, bounds=_content_bounds)
    for f, c in zip(found, conf):
        negated, hedged = _modality(record, f, stated)
        actor, target, loc = f.args["actor"], f.args["target"], f.args["location"]
        t = record.text
        attrs = {"group": f.trig.group, "actor_key": _key(t, actor), "target_key": _key(t, target),
                 "location_key": _key(t, loc)}
        if c is not None:
            attrs["confidence"] = round(c[0], 3)
            if c[2]:  # the type has its own weights and a tuned threshold
                attrs["specific"] = c[0] >= c[1]
        if _code(actor):
            attrs["actor_code"] = _code(actor)
        if _code(target):
            attrs["target_code"] = _code(target)
        events.append(Event(f.trig.type, record.span(f.start, f.end), _span(record, actor),
                            _span(record, target), _span(record, loc), _time_index(record, f, times),
                            negated, hedged, attrs))
    events = merge(events)
    for ev in events:
        for k in ("actor_key", "target_key", "location_key"):
            ev.attrs.pop(k, None)
    return events
