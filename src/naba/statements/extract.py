"""Finding statements in a segmented record: cues, contents, speakers, media, certainty.

One pass over the tokens of each body paragraph (headings are never statements):

- a cue verb (قال، أكد، رجّح، نفى ... from ``cues.tsv``) opens a frame; the words after it are the
  speaker region, which ends at a complementizer (إن/أن/إلى أن ...: indirect speech), a colon or a
  quotation (direct speech), or a preposition that introduces nominal content for a few verbs
  (أكد على، أشار إلى); a participle (قائلاً) inside the region hands the frame its content;
- a participle cue (قائلاً، مضيفاً، مشيراً إلى أن) continues the previous speaker;
- an according-to cue (بحسب، وفقاً لـ، نقلاً عن ...) attributes the clause around it (or the quote
  just before it) to the source after it, when that source looks like one;
- a quotation right before a cue verb ("«...»، قال المصدر") is that verb's content.

The speaker region is trimmed to the source noun phrase (appositions kept, time adverbs and a
trailing medium phrase cut off); a missing speaker is the previous speaker (a continuation like
"وأضاف"). Media come from the frame ("في مؤتمر صحفي"، "لرويترز") or from a following sentence
"جاء ذلك على ..." that names the channel of the statements just made.

Not for: canonical names and coreference (:mod:`naba.statements.speakers`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from ..arabic.normalize import normalize, normalized_with_offsets
from ..arabic.tokenize import candidates
from ..entities.countries import countries_in
from ..record import Record, Statement, Token, trim
from ..spanindex import SpanIndex
from .lexicon import Cue, context_words, lexicon
from .quotes import QUOTE_MARKS, quote_spans
from .speakers import SpeakerMemory

SENTENCE_END = ".!?؟…"
COMMAS = "،,"
MAX_REGION = 30
MAX_NAME_QUOTE_WORDS = 4
DASHES = "—–-"  # after a dateline: "دبي، الإمارات العربية المتحدة (CNN)— تصدت الدفاعات"
HEDGE_WINDOW = 8
PARTICIPLE_REACH = 8  # words between a participle cue and its complementizer
SUBJECT_REACH = 8  # words between a و-cue after a comma and its complementizer (its subject)


@dataclass
class Frame:
    """A statement being built, in character offsets."""

    cue: Token
    lemma: str
    certainty: str
    kind: str
    content: tuple[int, int]
    speaker: tuple[int, int] | None = None
    medium: tuple[int, int] | None = None
    continuation: bool = False  # participle or subjectless verb: the previous speaker
    lead: tuple[int, int] | None = None  # subject of the sentence's opening verb ("شكك ترامب ...، قائلا")
    consumed: list[int] = field(default_factory=list)  # token indices used up by this frame
    nested: bool = False  # inside another statement's content: no antecedent for what follows


class _RecordIndex:
    """A record's mentions and times by offset, and its normalized text, built once per
    :func:`find_statements` call and shared by its paragraphs: looking them up by scanning all of
    them for every cue or quote is quadratic in a long article."""

    def __init__(self, record: Record):
        self.text = record.text
        self.mentions = SpanIndex(record.mentions)
        self.times = SpanIndex(record.times)
        self._norm: tuple[str, list[int]] | None = None
        self._tokens = record.tokens
        self._words: frozenset[str] | None = None
        self._starts: dict[str, list[int]] | None = None

    def words(self) -> frozenset[str]:
        """The normalized forms of the record's tokens (built on first use)."""
        if self._words is None:
            self._words = frozenset(t.norm for t in self._tokens)
        return self._words

    def starts_of(self, norm: str) -> list[int]:
        """The sorted start offsets of the record's tokens whose normalized form is ``norm`` (the
        table built on first use)."""
        if self._starts is None:
            self._starts = {}
            for t in sorted(self._tokens, key=lambda t: t.start):
                self._starts.setdefault(t.norm, []).append(t.start)
        return self._starts.get(norm, [])

    def normalized(self) -> tuple[str, list[int]] | None:
        """``normalize(text)`` with the offset each of its characters came from; None when
        normalizing a piece is not that piece of it (str.lower's final sigma, its İ -> i̇)."""
        if "\u03a3" in self.text or "\u0130" in self.text:
            return None
        if self._norm is None:
            self._norm = normalized_with_offsets(self.text)
        return self._norm


class Paragraph:
    """The tokens, quotes and sentence bounds of one body paragraph."""

    def __init__(self, record: Record, start: int, end: int, tokens: list[Token],
                 sentences: list[tuple[int, int]], index: _RecordIndex):
        self.record, self.start, self.end, self.index = record, start, end, index
        self.toks = tokens
        self.quotes = quote_spans(record.text, start, end)
        self.quote_at = {o: c for o, c in self.quotes}
        self._quote_starts = [o for o, _ in self.quotes]
        self._quotes_sorted = all(a <= b for a, b in zip(self._quote_starts, self._quote_starts[1:]))
        self.sentences = sentences
        self._sent_starts = [s for s, _ in sentences]
        self._tok_starts = [t.start for t in tokens]
        self._tok_ends = [t.end for t in tokens]
        self._ends_sorted = all(a <= b for a, b in zip(self._tok_ends, self._tok_ends[1:]))

    def sentence(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self._sent_starts, offset) - 1
        if i >= 0 and offset <= self.sentences[i][1]:
            return self.sentences[i]
        return self.start, self.end

    def index_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_left(self._tok_starts, offset)

    def quotes_from(self, offset: int) -> list[tuple[int, int]]:
        """The quotes (in order) but those opening before ``offset``, when the quotes are sorted;
        all of them otherwise (callers test the start themselves)."""
        if self._quotes_sorted:
            return self.quotes[bisect_left(self._quote_starts, offset):]
        return self.quotes

    def count_ending_by(self, i: int, offset: int) -> int:
        """How many tokens from index ``i`` on end at or before ``offset``."""
        if self._ends_sorted:
            return max(0, bisect_right(self._tok_ends, offset) - i)
        return sum(1 for x in self.toks[i:] if x.end <= offset)


# -- token tests -----------------------------------------------------------------------------------
def _unglued(norm: str) -> list[str]:
    out = [norm]
    if norm[:1] in ("و", "ف") and len(norm) > 3:
        out.append(norm[1:])
    return out


def cue_of(tok: Token) -> Cue | None:
    cues = lexicon().cues
    for n in _unglued(tok.norm):
        if n in cues:
            return cues[n]
    return None


def _bare_cue(toks: list[Token], k: int) -> Cue | None:
    """A cue form left out of cues.tsv because it is ambiguous ("بين": between), taken as its cue
    verb when it opens a clause right before a complementizer ("وبين أن جميع تبرعات الدم ستخضع")."""
    lemma = next((n for n in _unglued(toks[k].norm) if n in context_words("bare_cue")), None)
    opens = k == 0 or toks[k].norm[:1] in ("و", "ف") or toks[k - 1].text in COMMAS + SENTENCE_END
    if lemma is None or not opens or k + 1 >= len(toks) or not (
            complementizer_len(toks, k + 1) or _adverbial_then_complementizer(toks, k + 1)):
        return None  # not "وقارن بين أن تكون أو لا تكون"
    return next((c for c in lexicon().cues.values() if c.lemma == lemma and not c.participle), None)


def _adverbial_then_complementizer(toks: list[Token], i: int) -> bool:
    """A short phrase opened by a function word, then a complementizer, from token ``i`` ("وبين في
    الوقت ذاته بأن"): no comma or sentence end in it, at most three words."""
    if toks[i].norm not in lexicon().function_words:
        return False
    for j in range(i + 1, min(i + 4, len(toks))):
        if toks[j].text in COMMAS + SENTENCE_END + ":" or cue_of(toks[j]):
            return False
        if complementizer_len(toks, j):
            return True
    return False


def according_at(toks: list[Token], k: int) -> tuple[str, tuple[str, ...], int] | None:
    """(lemma, particles, number of words) of an according-to cue starting at token ``k``."""
    lex = lexicon()
    for words, (lemma, particles) in lex.according.items():
        if k + len(words) > len(toks):
            continue
        first_ok = words[0] in _unglued(toks[k].norm)
        if first_ok and all(toks[k + i].norm == w for i, w in enumerate(words[1:], 1)):
            return lemma, particles, len(words)
    return None


def complementizer_len(toks: list[Token], k: int) -> int:
    comps = lexicon().complementizers
    if k + 1 < len(toks) and (toks[k].norm, toks[k + 1].norm) in comps:
        return 2
    if (toks[k].norm,) in comps and not _spelled_letter(toks, k):
        return 1
    return 0


def _inner_dot(toks: list[Token], j: int) -> bool:
    """A dot glued between two words ("سي.ان.ان"): part of an abbreviation, not a sentence end."""
    return (toks[j].text == "." and 0 < j < len(toks) - 1 and toks[j - 1].end == toks[j].start
            and toks[j + 1].start == toks[j].end and toks[j + 1].text[:1].isalpha())


def _abbreviation_dot(para: "Paragraph", j: int) -> bool:
    """A dot glued to the word before it that the segment stage did not take as a sentence end
    ("وقالت د. سحر نصر، وزيرة ...": an abbreviation)."""
    toks = para.toks
    t = toks[j]
    if t.text != "." or j == 0 or toks[j - 1].end != t.start:
        return False
    return para.sentence(t.start)[1] > t.end


def _spelled_letter(toks: list[Token], k: int) -> bool:
    """"ان" spelling the letter N in an initialism ("سي ان ان"، "سي.ان.ان ترك"), not إن/أن: a
    neighbour (across a dot) is "ان" too ("لبي بي سي إن ..." keeps its complementizer)."""
    if toks[k].norm != "ان":
        return False
    for step in (-1, 1):
        i = k + step
        if 0 <= i < len(toks) and toks[i].text == "." and toks[i].start in (toks[k].end, toks[k].start - 1):
            i += step
        if 0 <= i < len(toks) and toks[i].norm == "ان":
            return True
    return False


def _is_media_word(norm: str) -> bool:
    media = lexicon().media
    return any(rest in media or rest.removeprefix("ال") in media for _, rest in candidates(norm))


def _glued_medium(tok: Token) -> bool:
    """لوكالة، لرويترز، لبي: a glued ل before a medium word."""
    n = tok.norm
    return n.startswith("ل") and len(n) > 3 and _is_media_word(n[1:])


# -- the pass --------------------------------------------------------------------------------------
def find_statements(record: Record) -> list[Statement]:
    frames: list[tuple[Frame, Paragraph]] = []
    paragraphs = _paragraphs(record)
    for para in paragraphs:
        frames.extend((f, para) for f in _paragraph_frames(para))
    _carry_media(record, frames)
    return _to_statements(record, frames)


def _paragraphs(record: Record) -> list[Paragraph]:
    toks = sorted(record.tokens, key=lambda t: t.start)
    starts = [t.start for t in toks]
    sents = sorted((s.start, s.end) for s in record.sentences)
    index = _RecordIndex(record)
    out = []
    for p in record.paragraphs:
        if p.kind != "body":
            continue
        a, b = bisect_right(starts, p.start - 1), bisect_right(starts, p.end - 1)
        ps = [(s, e) for s, e in sents if s >= p.start and e <= p.end]
        out.append(Paragraph(record, p.start, p.end, toks[a:b], ps, index))
    return out


def _paragraph_frames(para: Paragraph) -> list[Frame]:
    frames: list[Frame] = []
    consumed: set[int] = set()
    accordings = []
    for k, tok in enumerate(para.toks):
        if k in consumed:
            continue
        acc = according_at(para.toks, k)
        if acc is not None:
            accordings.append((k, acc))
            nxt = k + acc[2]
            if nxt < len(para.toks) and para.toks[nxt].norm in context_words("according_ma"):
                consumed.update((nxt, nxt + 1))  # "وفق ما ذكرت وكالة": one statement, by بحسب
            elif _glued_ma(para.toks[nxt - 1]):
                consumed.add(nxt)  # "حسبما أوردت صحيفة"
            continue
        cue = cue_of(tok) or _bare_cue(para.toks, k)
        if cue is None:
            continue
        frame = _verb_frame(para, k, cue)
        if frame is not None:
            frames.append(frame)
            consumed.update(frame.consumed)
            a, b = frame.content
            consumed.update(range(para.index_at(a), para.index_at(b)))
            nested = _nested_frame(para, frame)
            if nested is not None:
                frames.append(nested)
    for k, acc in accordings:
        frame = _according_frame(para, k, acc, frames)
        if frame is not None:
            frames.append(frame)
    frames.sort(key=lambda f: f.cue.start)
    return frames


def _verb_frame(para: Paragraph, k: int, cue: Cue) -> Frame | None:
    toks = para.toks
    lex = lexicon()
    region, absorbed, content, kind = _scan_after_cue(para, k, cue)
    if content is None and not region and not absorbed:
        content = _quote_before(para, k)
        kind = "direct"
    if _verb_object_only(toks, region, cue):
        return None
    if cue.lemma == "جاء":
        if content is None or content[1] <= content[0] or not region or toks[region[0]].norm != "في" \
                or len(region) < 2:
            return None  # "وجاء تهديد المتحدث"، "جاء ذلك في"، "وجاء في البيان إن" and nothing: no statement
        content, kind = _unwrap(para, content, kind)
        speaker, medium = _came_in(para, region)
        if speaker is None:
            return None
        return Frame(toks[k], cue.lemma, cue.certainty, kind, content, speaker=speaker, medium=medium,
                     consumed=absorbed)
    time_first = _time_chunk(para, region)
    if time_first:
        region = region[time_first:]  # "أكد الخميس الماضي، رسمياً وفاة ...": no subject after the verb
    if content is None or content[1] <= content[0]:
        speaker, _ = _speaker_and_medium(para, region)
        opens_clause = k == 0 or toks[k - 1].text in COMMAS + SENTENCE_END or toks[k - 1].norm in lex.negations
        if speaker is None or cue.participle or not opens_clause or speaker[0] != toks[region[0]].start:
            return None
        # a speaker with no content ("لم يؤكد القانوع ... وقال:"): the antecedent of what follows
        return Frame(toks[k], cue.lemma, cue.certainty, "", (0, 0), speaker=speaker)
    content, kind = _unwrap(para, content, kind)
    frame = Frame(toks[k], cue.lemma, cue.certainty, kind, content, continuation=cue.participle, consumed=absorbed)
    if k > 0 and toks[k - 1].norm.lstrip("وف") in lex.negations and cue.certainty != "hedged":
        frame.certainty = "denied"  # "لم يستبعد أن" stays hedged
    _set_speaker_and_medium(para, k, cue, region, frame, time_first)
    pronoun_subject = any(toks[x].norm in _connectors() and toks[x].norm.endswith(("ه", "ها", "هم"))
                          for x in range(max(0, k - 2), k))  # "لكنه لم يستبعد أن"
    if frame.speaker is None and not pronoun_subject and _impersonal(toks[k], cue):
        return None  # "ويُعتقد أن"، "ويرجح أن": no one said it
    if frame.medium is None:
        frame.medium = _medium_opening(para, k)
    frame.continuation = frame.speaker is None
    if frame.continuation:
        frame.lead = _lead_subject(para, k)
    return frame


def _nested_frame(para: Paragraph, outer: Frame) -> Frame | None:
    """A statement of another source at the start of an indirect content, subject first: "قال المرصد
    إن مصادر موثوقة قالت إن ..."، "وقالت تقارير أخرى إن الأب صرح بأنه ...": one to three words (no
    function word, comma or quote), a past cue verb (no و, no participle), then its complementizer."""
    if outer.kind not in ("indirect", "mixed"):
        return None
    toks = para.toks
    a = para.index_at(outer.content[0])
    for j in range(a + 1, min(a + 4, len(toks))):
        t = toks[j]
        if t.start >= outer.content[1] or any(toks[x].text in COMMAS + SENTENCE_END + QUOTE_MARKS + ":"
                                              or toks[x].norm in lexicon().function_words for x in range(a, j)):
            return None
        cue = cue_of(t)
        if cue is None:
            continue
        if cue.participle or t.norm[:1] in ("و", "ف", "ي", "ت", "ن") or j + 1 >= len(toks) \
                or not complementizer_len(toks, j + 1):
            return None  # a past verb only: "تقارير تفيد بأن"، "كل المعطيات تشير إلى أن" are no one's words
        inner = _verb_frame(para, j, cue)
        if inner is None or not inner.kind or inner.content[1] > outer.content[1]:
            return None
        inner.speaker, inner.continuation, inner.lead = (toks[a].start, toks[j - 1].end), False, None
        inner.nested = True
        return inner
    return None


def _verb_object_only(toks: list[Token], region: list[int], cue: Cue) -> bool:
    """The words after the cue verb make it no statement: its object pronoun ("الذي أعلن عنه") or
    a ruling it upholds ("أكدت محكمة ... احكاماً بالسجن")."""
    if region and toks[region[0]].norm in context_words("cue_object"):
        return True
    return normalize(cue.lemma) in context_words("uphold_cue") and any(
        toks[x].norm in context_words("upheld") for x in region)


def _set_speaker_and_medium(para: Paragraph, k: int, cue: Cue, region: list[int], frame: Frame,
                            time_first: int) -> None:
    """The speaker and medium of the cue verb at ``k`` from the words after it (``region``): a
    relayed source ("نقلت ... عن"), a subject before a copula, the subject phrase; when that is the
    verb's object or nothing, a subject before the verb (not for a participle)."""
    toks, lex = para.toks, lexicon()
    issued = _issued_in(para, k, cue, region)
    if issued is not None:
        frame.speaker, frame.medium = issued  # "أصدرت الوزارة بيانا قالت فيه"
        return
    relayed = _relay_split(para, region, lex.relays.get(cue.lemma))
    if relayed is None:
        relayed = _according_relay(para, region, frame)
    copula = _copula_subject(para, k) if k > 0 and toks[k - 1].norm in context_words("copula_particle") else None
    if relayed is not None:
        frame.medium, frame.speaker = relayed
    elif copula is not None:
        frame.speaker, frame.medium = copula, _speaker_and_medium(para, region)[1]  # the subject came before
    elif time_first:
        frame.medium = _speaker_and_medium(para, region)[1]
    else:
        frame.speaker, frame.medium = _speaker_and_medium(para, region)
    if frame.speaker is not None and _object_not_speaker(para, region, cue, frame.speaker, toks[k]):
        frame.speaker = None  # "ووصفت احتجازه بأنه"، "ونوه ببادرة المواطنين": the verb's object
    if frame.speaker is None and not cue.participle:
        frame.speaker = _subject_before(para, k)


def _document_noun(tok: Token) -> bool:
    """A medium word, also with its accusative alif ("بيانا"، "تقريرا")."""
    n = tok.norm
    return _is_media_word(n) or (n.endswith("ا") and len(n) > 3 and _is_media_word(n[:-1]))


def _issued_in(para: Paragraph, k: int, cue: Cue, region: list[int]
               ) -> tuple[tuple[int, int] | None, tuple[int, int]] | None:
    """(speaker, medium) of a cue verb at ``k`` in a relative clause on the document noun right before
    it, its resumptive pronoun right after it ("أصدرت الوزارة بيانا قالت فيه إن"، "ورد برنستين بتغريدة
    قال فيها"، "بيانا وصف فيه الزفاف بأنه"): the medium is the document (with a في before it), the speaker
    the subject of the verb that issued it in the same clause (after that verb, or before it when the
    document follows the verb at once), None when there is no such verb; the words after the pronoun
    are the cue verb's object, unless they name a source and the verb takes no object ("بيانا قال فيه
    المتحدث باسمها إن"). None when the cue is not in such a clause."""
    toks = para.toks
    if not region or k == 0 or toks[region[0]].norm not in context_words("resumptive") \
            or not _document_noun(toks[k - 1]):
        return None
    n = k - 1
    prep = _media_prep(toks, n - 1) if n > 0 else None
    m = n - 1 if prep is not None and prep[0] == n and prep[1] else n  # "في بيان كتب فيه" (media_prepositions.txt)
    medium = (toks[m].start, toks[n].end)
    if len(region) > 1 and normalize(cue.lemma) not in context_words("object_cue"):
        named, _ = _speaker_and_medium(para, region[1:])
        if named is not None and _names_source(para, named):
            return named, medium
    s, _ = para.sentence(toks[n].start)
    c = m - 1
    while c >= 0 and toks[c].start >= s and toks[c].text not in SENTENCE_END + ":":
        if toks[c].text in COMMAS and not all(_in_time(para, toks[x]) for x in range(c + 1, m)
                                              if toks[x].text not in COMMAS):
            break  # but "أصدرت قبائل صعدة، الأربعاء، بياناً"
        c -= 1
    clause = [x for x in range(c + 1, m) if toks[x].text not in COMMAS]
    while clause and toks[clause[0]].norm.lstrip("وف") in context_words("before_verb"):
        clause.pop(0)  # "من جانبها، أصدرت"، "وقد أصدرت"
    issue = {normalize(w) for w in context_words("issue_verb")}
    verb = next((x for x in clause if any(u in issue for u in _unglued(toks[x].norm))), None)
    if verb is None and clause and _verb_like(toks[clause[0]]):
        verb = clause[0]  # "ورد برنستين بتغريدة قال فيها"
    if verb is None:
        return None, medium
    subject = [x for x in clause if x > verb] or [x for x in clause if x < verb]
    doc = next((p for p, x in enumerate(subject) if p and _document_noun(toks[x])), None)
    if doc is not None:
        subject = subject[:doc]  # "ونشر ترامب تغريدة على تويتر يقول فيها"
    while subject and _in_time(para, toks[subject[0]]):
        subject = subject[1:]  # "أصدر الاثنين الاتحاد المصري"
    if not subject or any(cue_of(toks[x]) or according_at(toks, x) for x in subject):
        return None, medium
    return _speaker_and_medium(para, subject)[0], medium


def _verb_like(tok: Token) -> bool:
    """Whether a clause-opening word may be its verb: no ال, letters, no function word, no cue."""
    lex = lexicon()
    bare = tok.norm[1:] if tok.norm[:1] in ("و", "ف") and len(tok.norm) > 3 else tok.norm
    return not (bare.startswith("ال") or len(bare) < 3 or not bare.isalpha() or bare in lex.function_words
                or tok.norm in lex.function_words or cue_of(tok))


def _scan_after_cue(para: Paragraph, k: int, cue: Cue
                    ) -> tuple[list[int], list[int], tuple[int, int] | None, str | None]:
    """The words after the cue verb at ``k`` up to its content: (region: the speaker phrase's token
    indices, absorbed: cue words inside it, content, kind); content None when none was found in the
    sentence (within MAX_REGION words)."""
    toks, text = para.toks, para.record.text
    lex = lexicon()
    nominal = {normalize(p) for lemma, p in _nominal() if lemma == cue.lemma}
    region: list[int] = []
    absorbed: list[int] = []
    content, kind = None, None
    j = k + 1
    while j < len(toks) and j <= k + MAX_REGION:
        t = toks[j]
        if t.text in SENTENCE_END and not _inner_dot(toks, j) and not _abbreviation_dot(para, j):
            break
        if j == k + 1 and t.norm in _direct_openers():
            s_end = para.sentence(t.start)[1]
            content, kind = trim(text, t.start, _next_frame(para, t.start, s_end)), "direct"
            while content[1] > content[0] and text[content[1] - 1] in ".":
                content = (content[0], content[1] - 1)
            break
        n = complementizer_len(toks, j)
        if n and j > 0 and toks[j - 1].norm.lstrip("و") in _not_complementizers():
            break
        if n:
            content, kind = _clause(para, toks[j + n - 1].end), "indirect"
            break
        if t.text == ":":
            if j + 1 < len(toks) and toks[j + 1].start in para.quote_at:
                content, kind = _quote_interior(para, toks[j + 1].start), "direct"
            else:
                content, kind = trim(text, t.end, _next_frame(para, t.end, para.end)), "direct"
            break
        if t.start in para.quote_at:
            inside = para.count_ending_by(j + 1, para.quote_at[t.start])  # tokens inside the quote
            described = _described_as(toks, j, cue)
            if not described and _name_like_quote(para, j, k, cue, inside):
                region.extend(range(j, j + inside + 2))
                j += inside + 2
                continue
            if described:
                region = [x for x in region if x != j - 1]  # its ب is no speaker
            content, kind = _quote_interior(para, t.start), "direct"
            break
        other = cue_of(t)
        if other is not None:
            if other.participle or t.norm.startswith(("بال", "بقول")):
                absorbed.append(j)
                j += 1
                continue
            if t.norm[:1] in ("و", "ف") or t.norm.lstrip("وف") in lex.negations:
                break  # a new clause: this cue had no content
            absorbed.append(j)  # "في اجتماع دعت إليه موسكو": a relative clause inside the frame
        if t.norm in lex.negations and j + 1 < len(toks) and cue_of(toks[j + 1]):
            break
        if t.norm in nominal - {"-"}:  # ("-" marks the verbal-noun heads, never a dash in the text)
            content, kind = _clause(para, t.end), "indirect"
            break
        if "-" in nominal and t.norm in _nominal_heads() and not lex.source_kind(t.norm):
            content, kind = _clause(para, t.start), "indirect"  # "أكد أردوغان عزم بلاده"
            break
        region.append(j)
        j += 1
    return region, absorbed, content, kind


def _name_like_quote(para: Paragraph, j: int, k: int, cue: Cue, inside: int) -> bool:
    """Whether the quote opening at token ``j`` (``inside`` words) in the region of the cue at ``k``
    is a quoted name in the speaker phrase rather than the cue's quotation ('وفق صحيفة "كوريري
    ديلا سيرا".': a quoted outlet name). Never a quote left open: it runs to the paragraph's end."""
    toks = para.toks
    close = para.quote_at[toks[j].start]
    if close >= para.end:
        return False  # no closing mark: no name to skip ('وتابعت التغريدة "يفرض ...' at the end)
    after = bisect_right(para._tok_starts, close)  # the first token after it
    return (inside <= MAX_NAME_QUOTE_WORDS and after < len(toks) and toks[after].text not in SENTENCE_END
            and cue.lemma not in context_words("describe_cue")) \
        or (inside <= 2 * MAX_NAME_QUOTE_WORDS and _content_follows(para, close)) \
        or (inside <= MAX_NAME_QUOTE_WORDS and j > k + 1 and _is_media_word(toks[j - 1].norm))


def _described_as(toks: list[Token], j: int, cue: Cue) -> bool:
    """A quote right after the ب of وصف ("لما وصفته بـ"هدف معاد" قالت إنه"): the description
    itself, the cue's content, even when a clause follows it."""
    return cue.lemma in context_words("describe_cue") and j > 0 and toks[j - 1].norm == "ب"


def _object_not_speaker(para: Paragraph, region: list[int], cue: Cue, speaker: tuple[int, int],
                        cue_tok: Token) -> bool:
    """Whether the speaker found after the cue is the verb's object: a lone word with a pronoun
    suffix after وصف/اتهم ("ووصفت احتجازه بأنه"; not one with ال), or a word with ب glued right after
    a verb that takes its object with ب, when it is بال- or ends in ة/ه ("ونوه ببادرة المواطنين ...،
    لافتاً إلى أن"; not a name: "ونوه بوتين")."""
    toks, lemma = para.toks, normalize(cue.lemma)
    first = toks[region[0]] if region else None
    if first is None or speaker[0] != first.start:
        return False
    if lemma in context_words("ba_object_cue") and first.norm[:1] == "ب" and len(first.norm) > 3 \
            and (first.norm.startswith("بال") or first.norm.endswith("ه")):
        return True  # "ببادرة"، "بالجهود"; not a name ("ونوه بوتين")
    if not (lemma in context_words("object_cue") and speaker[1] == first.end
            and first.text.endswith(context_words("object_suffix")) and not first.norm.startswith("ال")):
        return False
    if len(region) == 1:
        return True
    # "ووصف أوضاعهم في بورما "بالكابوس"": a prepositional phrase after it, when the verb carries no
    # object of its own ("ووصفها رئيسها في بيان بأنها": the word is its subject)
    bare = cue_tok.norm[1:] if cue_tok.norm[:1] in ("و", "ف") and len(cue_tok.norm) > 3 else cue_tok.norm
    return bare in (lemma, lemma + "ت") and toks[region[1]].norm in lexicon().function_words


def _impersonal(tok: Token, cue: Cue) -> bool:
    """A subjectless passive or impersonal present ("يُعتقد أن"، "ويُرجح"، and a hedged "يعتقد/يرجح/
    يتوقع" with no subject, which news uses for "it is believed")."""
    bare = tok.text[1:] if tok.text[:1] in ("و", "ف") and len(tok.norm) > 3 else tok.text
    if bare.startswith(context_words("impersonal_prefix")):
        return True
    return cue.certainty == "hedged" and not cue.participle and normalize(bare)[:1] == "ي"


def _medium_opening(para: Paragraph, k: int) -> tuple[int, int] | None:
    """A medium phrase that opens the sentence before the cue and its comma ("وفي حوار مع شبكة CNN،
    قال الوزير")."""
    toks, text = para.toks, para.record.text
    s, _ = para.sentence(toks[k].start)
    first = min(para.index_at(s), k)
    if first >= k - 2 or toks[k - 1].text not in COMMAS:
        return None
    t = toks[first]
    preps = lexicon().media_preps
    bare = t.norm[1:] if t.norm[:1] in ("و", "ف") and len(t.norm) > 2 else t.norm
    if (bare,) not in preps and (first + 1 < k and (bare, toks[first + 1].norm) not in preps):
        return None
    region = toks[first:k - 1]
    if any(x.text in COMMAS or cue_of(x) for x in region) or not any(_is_media_word(x.norm) for x in region[1:4]):
        return None
    a = t.start + (1 if bare != t.norm else 0)
    return trim(text, a, toks[k - 2].end)


def _in_time(para: Paragraph, t: Token) -> bool:
    """Whether token ``t`` is inside a time expression of the record."""
    return any(x.start <= t.start and t.end <= x.end for x in para.index.times.covering(t.start, t.end))


def _time_chunk(para: Paragraph, region: list[int]) -> int:
    """The number of region tokens taken by a time expression and its comma at the start of the
    region ("أكد الخميس الماضي، رسمياً"): then the subject is not after the verb. 0 when none."""
    toks, times = para.toks, para.index.times
    n = 0
    while n < len(region) and toks[region[n]].text not in COMMAS:
        t = toks[region[n]]
        if not any(x.start <= t.start and t.end <= x.end for x in times.covering(t.start, t.end)):
            return 0
        n += 1
    if n == 0 or n >= len(region):
        return 0
    return n + 1


def _came_in(para: Paragraph, region: list[int]):
    """(speaker, medium) of "جاء في <X> أن": "في بيان لجنة التحقيقات" -> the committee, in a
    statement; "في وسائل الإعلام السورية" -> the media; "في البيان" -> the statement itself."""
    toks, lex = para.toks, lexicon()
    fi, region = region[0], region[1:]
    head = toks[region[0]]
    if _is_media_word(head.norm) and not lex.source_kind(head.norm.removeprefix("ال")) == "organization":
        rest = list(region[1:])
        while rest and (toks[rest[0]].norm in context_words("issued_by") or _is_adjective(toks[rest[0]])):
            rest.pop(0)
        medium = (toks[fi].start, toks[rest[0] - 1].end if rest else head.end)
        if rest:
            speaker, _ = _speaker_and_medium(para, rest)
            if speaker is not None:
                first = toks[rest[0]].norm
                glued = first[:1] == "ل" and not first.startswith("لل") and (
                    bool(lex.source_kind(first[1:])) or first[1:] in para.index.words())
                # "في بيان لوزارة الداخلية"، "في تغريدة لمانشستر سيتي" (مانشستر written bare elsewhere)
                return (speaker[0] + glued, speaker[1]), medium
    speaker, medium = _speaker_and_medium(para, region)
    return speaker, medium


def _is_adjective(tok: Token) -> bool:
    """ثانٍ، مشترك، رسمي: a short indefinite adjective after a medium word."""
    return tok.norm in context_words("medium_adjective")


def _lead_subject(para: Paragraph, k: int) -> tuple[int, int] | None:
    """The subject of the verb that opens the sentence (or one of its comma-separated parts)
    before the cue at ``k``: "شكك ترامب في ذكاء جيمس، قائلا"، "وانتقد المقدم التلفزيوني، دون
    ليمون، تغريدة ترامب، وقال". Only a phrase that names a source (an entity mention at its head,
    or a title, organisation or source word) counts; the cue's sentence must not start with it."""
    toks, lex = para.toks, lexicon()
    s, _ = para.sentence(toks[k].start)
    first = min(para.index_at(s), k)
    starts = [first] + [i + 1 for i in range(first, k) if toks[i].text and toks[i].text in COMMAS + DASHES]  # "(CNN)— تصدت"
    for v in starts:
        while v + 1 < k and toks[v].norm.lstrip("وف") in context_words("before_verb"):
            v += 1  # "من جهته عبر مدرب الفريق ... عن سعادته، وأكد": the verb after the opener
        if v + 1 >= k:
            break
        verb = toks[v]
        bare = verb.norm[1:] if verb.norm[:1] in ("و", "ف") and len(verb.norm) > 3 else verb.norm
        if (bare.startswith("ال") or len(bare) < 3 or not bare.isalpha() or bare in lex.function_words
                or verb.norm in lex.function_words or according_at(toks, v) or cue_of(verb)):
            continue
        region = [i for i in range(v + 1, k)]
        acc = next((x for x, i in enumerate(region) if x and toks[i].text.endswith(("اً", "ًا", "ً"))), None)
        if acc is not None:
            region = region[:acc]  # "أصدر مطار الملك خالد الدولي بياناً": the object (accusative) ends the subject
        while region and (toks[region[-1]].text in COMMAS or toks[region[-1]].norm in ("و", "ف")):
            region.pop()
        speaker, _ = _speaker_and_medium(para, region) if region else (None, None)
        if speaker is None or speaker[0] != toks[v + 1].start:
            continue
        place = [m for m in para.index.mentions.at(speaker[0])
                 if m.type[:3] in ("LOC", "GPE") and m.end <= speaker[1]]
        if place and not _names_source(para, speaker):
            return speaker[0], max(m.end for m in place)  # "ورحبت الرباط بالقرار معتبرة أنه": the capital
        if not _names_source(para, speaker):
            continue
        return speaker
    return None


def _names_source(para: Paragraph, span: tuple[int, int]) -> bool:
    """Whether a phrase names a source: a person/organisation mention starts it, or its first
    word is a title, honorific, organisation, group, anonymous or document word."""
    a, b = span
    if any(m.end <= b and m.type[:3] in ("PER", "ORG") for m in para.index.mentions.at(a)):
        return True
    lex = lexicon()
    i = para.index_at(a)
    head = next(t for t in para.toks[i:i + 1] if t.start == a)
    return any(lex.source_kind(rest.removeprefix("ال")) or lex.source_kind(rest)
               for _, rest in candidates(head.norm))


def _relay_split(para: Paragraph, region: list[int], particle: str | None):
    """(medium, speaker) of a relay verb's region ("وسائل إعلام تركية عن الرئيس أردوغان قوله"):
    the words before the particle are the medium, the source phrase after it the speaker."""
    if not particle or not region:
        return None
    toks = para.toks
    at = next((p for p, i in enumerate(region) if toks[i].norm == particle), None)
    if at is None or at + 1 >= len(region):
        return None
    speaker, _ = _speaker_and_medium(para, [i for i in region[at + 1:] if not _says(toks[i])])
    if speaker is None:
        return None
    before = [i for i in region[:at] if toks[i].norm not in lexicon().function_words]
    medium = (toks[before[0]].start, toks[before[-1]].end) if before else None
    return medium, speaker


def _according_relay(para: Paragraph, region: list[int], frame: Frame):
    """(medium, speaker) when a cue verb's region holds an according-to relay with عن ("أفاد مراسل
    "العربية" في باريس نقلاً عن وزير الداخلية الفرنسي بأنه"): the source after عن said it, the
    subject before relayed it; the according-to cue is used up by this frame."""
    toks = para.toks
    for p, i in enumerate(region):
        acc = according_at(toks, i)
        if acc is None:
            continue
        j = p + acc[2]
        if not (p and j < len(region) and toks[region[j]].norm in acc[1] and toks[region[j]].norm in context_words("relay_from")):
            return None
        speaker, _ = _speaker_and_medium(para, [x for x in region[j + 1:] if not _says(toks[x])])
        before = [x for x in region[:p] if toks[x].norm not in lexicon().function_words]
        if speaker is None or not before:
            return None
        frame.consumed.append(i)
        return trim(para.record.text, toks[before[0]].start, toks[before[-1]].end), speaker
    return None


def _says(tok: Token) -> bool:
    """قوله، قولها، تأكيده: the relayed speaker's saying, not part of his name."""
    return tok.norm.startswith(context_words("saying_stem")) and len(tok.norm) <= 7


@lru_cache(maxsize=1)
def lex_discourse() -> frozenset[str]:
    """Function words and discourse openers ("من جهة أخرى"), which do not make a clause."""
    from .lexicon import _lines
    return lexicon().function_words | frozenset(normalize(w) for w in _lines("discourse.txt"))


def _content_follows(para: Paragraph, close: int) -> bool:
    """Whether the sentence goes on after the quotation closing at ``close`` to another quotation
    or a complementizer (so the first one was a quoted name in the speaker phrase: 'مدير المكتب
    الإعلامي في "غرفة العمليات المركزية في الجنوب" ... حسين أبازيد لوكالة الأنباء "تم الاتفاق ..."')."""
    toks = para.toks
    _, e = para.sentence(close)
    i = para.index_at(close + 1)
    if i >= len(toks) or toks[i].text in SENTENCE_END + COMMAS + ":":
        return False
    for j in range(i, min(i + MAX_REGION, len(toks))):
        t = toks[j]
        if t.start >= e or t.text in SENTENCE_END or (cue_of(t) and not cue_of(t).participle):
            return False  # '"نرى في ترامب شريكا" كما أضاف "..."': what follows is another verb's
        if complementizer_len(toks, j) and j > 0 and toks[j - 1].norm.lstrip("و") in _not_complementizers():
            return False  # '... بـ"الميناء الأكثر أماناً" ما يعني أن': a conjunction, no content of the cue
        if t.start in para.quote_at or complementizer_len(toks, j) or t.text == ":":
            return True
    return False


@lru_cache(maxsize=1)
def _direct_openers() -> frozenset[str]:
    from .lexicon import _lines
    return frozenset(normalize(w) for w in _lines("direct_openers.txt"))


def _not_complementizers() -> frozenset[str]:
    from .lexicon import _lines
    return frozenset(normalize(w) for w in _lines("not_complementizers.txt"))


@lru_cache(maxsize=1)
def _nominal_heads() -> frozenset[str]:
    from .lexicon import _lines
    return frozenset(normalize(w) for w in _lines("nominal_heads.txt"))


def _nominal() -> tuple[tuple[str, str], ...]:
    from .lexicon import _tsv
    return tuple((r[0], r[1]) for r in _tsv("nominal_content.tsv"))


def _clause(para: Paragraph, after: int) -> tuple[int, int]:
    """The content of indirect speech from offset ``after`` to the end of its sentence (or of a
    quotation that runs past it), stopping before ", قائلا/بحسب ..." that starts another frame."""
    text = para.record.text
    a = after
    while a < para.end and text[a].isspace():
        a += 1
    s, e = para.sentence(a)
    for qo, qc in para.quotes_from(a):
        if para._quotes_sorted and qo >= e:
            break  # sorted: no later quote opens before e (which only grows)
        if a <= qo < e and qc >= e:
            e = para.sentence(min(qc, para.end - 1))[1] if qc < para.end else para.end
    e = _next_frame(para, a, e)
    a, e = trim(text, a, e)
    while e > a and text[e - 1] in ".":
        e -= 1
    return a, e


def _next_frame(para: Paragraph, a: int, e: int) -> int:
    """Where a content running from ``a`` to ``e`` ends because another frame begins: ", قائلا",
    ", وأضاف أن", ", بحسب ...", or a participle cue with its own complementizer even without a
    comma ("... آيلة للسقوط مشيرا في تصريح ل"الرياض" بأن")."""
    toks = para.toks
    for i in range(para.index_at(a + 1), para.index_at(e)):
        t = toks[i]
        if t.text in COMMAS and i + 1 < len(toks):
            nxt = toks[i + 1]
            c = cue_of(nxt)
            new_clause = c is not None and nxt.norm[:1] == "و" and not c.participle and any(
                complementizer_len(toks, j) for j in range(i + 2, min(i + 2 + SUBJECT_REACH, len(toks)))
                if toks[j].start < e and not any(toks[x].text in SENTENCE_END + COMMAS for x in range(i + 2, j)))
            saying = c is not None and nxt.norm.startswith(context_words("saying_noun"))  # "، بقوله "...""
            if (c is not None and c.participle) or new_clause or saying or according_at(toks, i + 1):
                return t.start
            if nxt.norm in _connectors() and _cue_with_complementizer(toks, i + 2, e):
                return t.start  # "...، لكنه لم يستبعد أن"، "...، حيث أشارت 53 % من الشركات بأنها"
        if _copula_cue_at(toks, i):
            return t.start  # '... برصاص الجيش الإسرائيلي" وكانت قد أعلنت "..."'
        c = cue_of(t)
        if c is not None and not c.participle and t.norm[:1] == "و" and i + 1 < len(toks) \
                and toks[i + 1].text == ":":
            return t.start  # "... منذ الموسم الماضي وقال: "...""
        if c is not None and not c.participle and t.norm[:1] == "و" and toks[i - 1].text not in COMMAS \
                and normalize(c.lemma) not in context_words("object_cue") and _named_subject_then_complementizer(para, i, e):
            return t.start  # "... أوراق معدة للمعاكسة وأضاف الدبيخي أنه": a new statement, no comma before it
        if c is not None and c.participle and toks[i - 1].text not in COMMAS and i + 1 < len(toks) \
                and toks[i + 1].norm.startswith(context_words("saying_noun")):
            return t.start  # "... التكفيري معلقا بالقول "...""
        if c is not None and c.participle and toks[i - 1].text not in COMMAS:
            for j in range(i + 1, min(i + 1 + PARTICIPLE_REACH, len(toks))):
                if toks[j].text in SENTENCE_END or toks[j].start >= e:
                    break
                if complementizer_len(toks, j):
                    return t.start
    return e


def _named_subject_then_complementizer(para: Paragraph, i: int, e: int) -> bool:
    """Whether the cue verb at ``i`` has its own subject (not after وصف/اتهم, whose word after is
    mostly the object: "ووصف عامري بأنه"), one to four words that name a source
    (a mention, title or source word at its head, or a speaker named before), then a complementizer
    before ``e`` (no comma or sentence end between)."""
    toks = para.toks
    for j in range(i + 2, min(i + 6, len(toks))):
        if toks[j].start >= e or toks[j - 1].text in SENTENCE_END + COMMAS + ":" or toks[j - 1].text in QUOTE_MARKS:
            return False
        if complementizer_len(toks, j):
            span = (toks[i + 1].start, toks[j - 1].end)
            return _names_source(para, span) or _written_before(para, toks[i + 1], toks[i].start)
    return False


def _written_before(para: Paragraph, tok: Token, before: int) -> bool:
    """Whether a word (no ال, four letters or more) stands earlier in the paragraph: the family name of a
    person named in full before ("الشيخ دبيخي بن سليمان الدبيخي" ... "وأضاف الدبيخي")."""
    n = tok.norm
    return len(n) >= 4 and not n.startswith("و") and any(
        t.norm == n for t in para.toks if t.start < before and t.start != tok.start)


def _copula_cue_at(toks: list[Token], i: int) -> bool:
    """"وكانت قد أعلنت": a coordinated copula, قد and a cue verb open a new statement."""
    return (i + 2 < len(toks) and toks[i].norm[:1] == "و" and toks[i].norm[1:] in context_words("copula")
            and toks[i + 1].norm in context_words("copula_particle") and (c := cue_of(toks[i + 2])) is not None
            and not c.participle)


@lru_cache(maxsize=1)
def _connectors() -> frozenset[str]:
    from .lexicon import _lines
    return frozenset(normalize(w) for w in _lines("clause_connectors.txt"))


def _cue_with_complementizer(toks: list[Token], i: int, e: int) -> bool:
    """Whether a cue verb (after an optional negation) starts at token ``i`` or within the next
    few words, with a complementizer after it before ``e``."""
    lex = lexicon()
    for c in range(i, min(i + 6, len(toks))):
        if toks[c].start >= e or toks[c].text in SENTENCE_END:
            return False
        cue = cue_of(toks[c])
        if cue is not None and not cue.participle:
            return any(complementizer_len(toks, j) for j in range(c + 1, min(c + 1 + MAX_REGION, len(toks)))
                       if toks[j].start < e)
        if toks[c].norm in lex.negations and c != i:
            continue
    return False


def _quote_interior(para: Paragraph, open_at: int) -> tuple[int, int]:
    return trim(para.record.text, open_at + 1, para.quote_at[open_at])


def _quote_before(para: Paragraph, k: int) -> tuple[int, int] | None:
    """A quotation of more than a few words right before the cue ("«...»، قال")."""
    i = k - 1
    while i >= 0 and para.toks[i].text in COMMAS:
        i -= 1
    if i < 0 or para.toks[i].text not in QUOTE_MARKS:
        return None
    for qo, qc in para.quotes:
        if qc == para.toks[i].start and len(para.record.text[qo:qc].split()) > MAX_NAME_QUOTE_WORDS:
            return trim(para.record.text, qo + 1, qc)
    return None


def _unwrap(para: Paragraph, content: tuple[int, int], kind: str) -> tuple[tuple[int, int], str]:
    """Drop quote marks around a whole indirect content (قال إن "...") and tell indirect from
    mixed: mixed when the content holds a quotation that is not just a quoted name."""
    text = para.record.text
    a, b = content
    if kind == "direct":
        return content, kind
    if text[a] in QUOTE_MARKS and a in para.quote_at and para.quote_at[a] >= b - 1:
        return trim(text, a + 1, min(para.quote_at[a], b)), "mixed"
    for qo, qc in para.quotes_from(a):
        if para._quotes_sorted and qo >= b:
            break
        if a <= qo < b and not _name_quote(para, qo, qc):
            return content, "mixed"
    return content, kind


def _name_quote(para: Paragraph, qo: int, qc: int) -> bool:
    """A quoted name ("“الخامنئي”") rather than quoted words: an entity mention, or a short
    quote whose words also appear unquoted in the article or start with a title word."""
    rec = para.record
    inner = rec.text[qo + 1:qc].strip()
    words = inner.split()
    if not words or len(words) > 3:
        return False
    index = para.index
    if index.mentions.within(qo, qc + 1):
        return True
    lex = lexicon()
    first = normalize(words[0]).removeprefix("ال")
    if lex.source_kind(first) in ("title", "honorific"):
        return True
    n_inner = normalize(inner).removeprefix("ال")
    title = rec.title or ""
    norm = index.normalized()
    if norm is None or not n_inner or "\u03a3" in title:
        hay = normalize(title + " " + rec.text[:qo] + " " + rec.text[qc + 1:])
        for piece in hay.split(n_inner)[:-1]:
            if not piece or piece[-1] not in QUOTE_MARKS:
                return True
        return False
    # the same test on the normalized text cut once per record (normalizing it per quote was quadratic):
    # an occurrence (left to right, not overlapping) right after another or after no quote mark
    text, offs = norm
    hay = normalize(title) + " " + text[:bisect_left(offs, qo)] + " " + text[bisect_left(offs, qc + 1):]
    pos = 0
    while (k := hay.find(n_inner, pos)) >= 0:
        if k == pos or hay[k - 1] not in QUOTE_MARKS:
            return True
        pos = k + len(n_inner)
    return False


def _speaker_and_medium(para: Paragraph, region: list[int]) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """Trim the words between the cue and the content to the speaker noun phrase, and pull out a
    medium phrase ("في مؤتمر صحفي"، "لرويترز") if there is one."""
    toks, lex = para.toks, lexicon()
    for pos, i in enumerate(region):
        if according_at(toks, i):
            region = region[:pos]
            break
    chunks: list[list[int]] = [[]]
    for i in region:
        if toks[i].text in COMMAS:
            chunks.append([])
        else:
            chunks[-1].append(i)
    chunks = [c for c in chunks if c]
    speaker: list[int] = []
    medium = None
    for ci, chunk in enumerate(chunks):
        kept, med = _cut_chunk(para, chunk)
        medium = medium or med
        if ci == 0:
            speaker = kept
            if kept and len(kept) < len(chunk):
                if med is None and ci + 2 == len(chunks) and _name_apposition(para, chunks[1], ranked=True):
                    speaker = chunk + chunks[1]  # "مراسل بي بي سي في أمريكا الشمالية، أنتوني زورتشر"، "..., طارق الحبيب"
                break  # a medium or adverb ended the phrase
            continue
        if not kept:
            continue
        if kept[0] != chunk[0] and toks[chunk[0]].norm != "احد":
            break
        head = toks[chunk[0]]
        if speaker and (lex.source_kind(head.base) in ("title", "honorific")
                        or lex.source_kind(head.norm.removeprefix("ال")) in ("title", "honorific")
                        or head.norm in ("احد", "عضو")):
            speaker = speaker + kept
        elif speaker and all(lex.source_kind(toks[i].base) or lex.source_kind(toks[i].norm)
                             or toks[i].norm.startswith("ال") for i in speaker) and len(kept) <= 4 \
                and not toks[kept[0]].norm.startswith("ال"):
            speaker = speaker + kept  # "المقدم التلفزيوني، دون ليمون"
        elif speaker and ci == len(chunks) - 1 and kept == chunk and _name_apposition(para, chunk, ranked=True) \
                and (toks[speaker[0]].norm.startswith("ال") or lex.source_kind(toks[speaker[0]].base)):
            speaker = speaker + kept  # "الكاتب العام للنقابة الاساسية للبريد بسوسة، عماد حسن"
        break
    while speaker and (toks[speaker[-1]].text in COMMAS or normalize(toks[speaker[-1]].text) in lex.function_words):
        speaker.pop()
    if not speaker:
        return None, medium
    a, b = toks[speaker[0]].start, toks[speaker[-1]].end
    return (a, b), medium


def _name_apposition(para: Paragraph, chunk: list[int], ranked: bool = False) -> bool:
    """A bare name of two or three words set off by commas: no ال, no function or source word.
    ``ranked``: also after honorifics, with a family name in ال ("العقيد الركن تركي المالكي"،
    "طارق الحبيب"); the first word of the name still without ال."""
    lex = lexicon()
    if ranked:
        while chunk and _honorific(para.toks[chunk[0]]):
            chunk = chunk[1:]
    if not 2 <= len(chunk) <= 3:
        return False
    for x, i in enumerate(chunk):
        n = para.toks[i].norm
        if ((n.startswith(("ال", "وال")) and not (ranked and x)) or n in lex.function_words or not n.isalpha()
                or cue_of(para.toks[i]) or lex.source_kind(n) or lex.source_kind(para.toks[i].base)):
            return False
    return True


def _honorific(tok: Token) -> bool:
    lex = lexicon()
    return "honorific" in (lex.source_kind(tok.base), lex.source_kind(tok.norm))


def _cut_chunk(para: Paragraph, chunk: list[int]) -> tuple[list[int], tuple[int, int] | None]:
    toks, lex = para.toks, lexicon()
    told = _told_outlet_first(para, chunk)
    if told:  # "أكد لـ«عكاظ» وكيل وزارة الصحة ...": the outlet told, then the speaker
        kept, med = _cut_chunk(para, chunk[told:])
        return kept, med or (toks[chunk[0]].start, toks[chunk[told - 1]].end)
    kept: list[int] = []
    pos = 0
    if _media_prep(toks, chunk[0]) is not None and not _glued_medium(toks[chunk[0]]):
        pos = len(chunk)  # "وقال في الأول من آب": no speaker here
        if any(_is_media_word(toks[x].norm) for x in chunk[:4]):
            keep = _media_prep(toks, chunk[0])
            a = toks[chunk[0]].start if keep[1] else toks[keep[0]].start
            return [], (a, toks[chunk[-1]].end)
    while pos < len(chunk) and toks[chunk[pos]].norm in lex.function_words and not kept \
            and not _name_ali(toks, chunk, pos):
        pos += 1  # leading "أمس"، "فيه"، "من جهته"
    for p in range(pos, len(chunk)):
        i = chunk[p]
        t = toks[i]
        prep = _media_prep(toks, i)
        rest_has_name = any(toks[x].text in QUOTE_MARKS for x in chunk[p:])
        if kept and prep is not None and any(_is_media_word(toks[x].norm) for x in chunk[p:p + 3]):
            rest_has_name = False  # "القائد الميداني في مداخلة هاتفية مع "بوليتيكا"": the quote is the outlet
        if kept and t.norm == "ل" and p + 1 < len(chunk) and toks[chunk[p + 1]].text in QUOTE_MARKS \
                and toks[kept[-1]].norm not in context_words("on_behalf"):
            rest_has_name = False  # "مصدر بارز في المعارضة السورية لـ«الشرق الأوسط»": told the outlet
        if kept and rest_has_name:
            kept.append(i)  # "السفير ... في سوريا “محمد رضا باقري”": the name is still to come
            continue
        if kept and (prep is not None or t.norm in lex.function_words) and t.text not in QUOTE_MARKS \
                and _name_after_complement(para, kept, chunk[p + 1:]):
            return kept + chunk[p:], None  # "رئيس الوزراء في هنغاريا فيكتور أوربان": the name ends it
        if prep is not None:
            med_start_idx, keep_prep = prep
            if any(_is_media_word(toks[x].norm) for x in chunk[p:p + 4]) or _glued_medium(t) or t.norm == "ل":
                a = t.start if keep_prep else toks[med_start_idx].start
                return kept, (a, toks[chunk[-1]].end)
            return kept, None
        if t.norm in lex.function_words and kept and t.text not in QUOTE_MARKS \
                and not (t.norm in context_words("for_party") and toks[kept[-1]].norm in context_words("deputy")):
            return kept, None  # but "النائب عن حزب صوت الفلاحين فيصل التبيني": the party he sits for
        if kept and t.norm in context_words("led_by") and not {lex.source_kind(toks[kept[0]].base),
                                                               lex.source_kind(toks[kept[0]].norm)} & {"title", "honorific"}:
            return kept, None  # "الجيش الوطني الليبي بقيادة المشير خليفة حفتر" (not "المتحدث الرسمي بقيادة حرس الحدود")
        kept.append(i)
    return kept, None


def _told_outlet_first(para: Paragraph, chunk: list[int]) -> int:
    """The number of tokens of a quoted outlet told ("لـ«عكاظ»") that opens a chunk with more words
    after it, else 0."""
    toks = para.toks
    if len(chunk) < 4 or toks[chunk[0]].norm != "ل" or toks[chunk[1]].start not in para.quote_at:
        return 0
    n = para.count_ending_by(chunk[1], para.quote_at[toks[chunk[1]].start] + 1)  # the quote with its marks
    return 1 + n if n - 2 <= MAX_NAME_QUOTE_WORDS and 1 + n < len(chunk) else 0


def _name_after_complement(para: Paragraph, kept: list[int], rest: list[int]) -> bool:
    """Whether the words after a preposition in a titled speaker phrase are the title's complement
    and then the person's name, which ends the phrase: an honorific and a name ("المشرف العام على
    إدارة الإعلام ... الدكتور سمير بن موسى النجدي"), or a bare name whose last word the article
    writes again ("رئيس الوزراء في هنغاريا فيكتور أوربان" ... "وقال أوربان")."""
    toks, lex = para.toks, lexicon()
    head = toks[kept[0]]
    if not rest or len(rest) > 12 or "title" not in (lex.source_kind(head.base), lex.source_kind(head.norm)):
        return False
    if any(cue_of(toks[x]) or _is_media_word(toks[x].norm) or toks[x].text in QUOTE_MARKS + COMMAS
           or not toks[x].norm.isalpha() for x in rest):
        return False
    for x, i in enumerate(rest[:-1]):
        if toks[i].norm.startswith("ال") and _honorific(toks[i]):
            name = rest[x + 1:]
            return len(name) <= 4 and not toks[name[0]].norm.startswith("ال") \
                and not any(toks[y].norm in lex.function_words or lex.source_kind(toks[y].base) for y in name)
    n = _bare_name_len(toks, rest)
    if n == len(rest) == 3 and countries_in([toks[rest[0]].base]):
        n = 2  # "في هنغاريا فيكتور أوربان": the country is the complement
    if not 2 <= n <= 3 or n == len(rest):
        return False
    return _written_again(para, toks[rest[-1]])


def _bare_name_len(toks: list[Token], words: list[int]) -> int:
    """How many of ``words`` at their end could be a bare name: none with ال, a glued ل/ب, no
    function or source word."""
    lex, n = lexicon(), 0
    for i in reversed(words):
        x = toks[i].norm
        if x.startswith("ال") or x in lex.function_words or lex.source_kind(toks[i].base) or x[:1] in "لب":
            break
        n += 1
    return n


def _written_again(para: Paragraph, tok: Token) -> bool:
    """Whether the word ``tok`` (of this paragraph) is written again: elsewhere in the paragraph, or
    after it in the article (beyond this paragraph too). By the record's token table: a scan of
    all tokens for each name is quadratic in a long one-line article."""
    starts = para.index.starts_of(tok.norm)
    in_para = bisect_right(starts, para.end - 1) - bisect_left(starts, para.start)
    return in_para > 1 or bisect_left(starts, tok.end) < len(starts)


def _name_ali(toks: list[Token], chunk: list[int], pos: int) -> bool:
    """"علي لاريجاني": the name علي (written with ي) before a bare name, not the preposition على."""
    t = toks[chunk[pos]]
    return (t.text == "علي" and pos + 1 < len(chunk) and not toks[chunk[pos + 1]].norm.startswith("ال")
            and toks[chunk[pos + 1]].norm not in lexicon().function_words)


def _media_prep(toks: list[Token], i: int) -> tuple[int, bool] | None:
    """(index where the medium starts without the preposition, keep the preposition) when token
    ``i`` is a preposition that can introduce a medium."""
    preps = lexicon().media_preps
    t = toks[i]
    if i + 1 < len(toks) and (t.norm, toks[i + 1].norm) in preps:
        return i + 2, preps[(t.norm, toks[i + 1].norm)]
    if (t.norm,) in preps:
        return i + 1, preps[(t.norm,)]
    if _glued_medium(t):
        return i, True
    if t.norm == "ل" and i + 1 < len(toks) and (toks[i + 1].text in QUOTE_MARKS or _is_media_word(toks[i + 1].norm)):
        return i + 1, True  # "لـ«رويترز»"
    return None


def _subject_before(para: Paragraph, k: int) -> tuple[int, int] | None:
    """A short subject before the cue (SVO: "الإدارة الأمريكية أعلنت أن")."""
    toks, lex = para.toks, lexicon()
    s, _ = para.sentence(toks[k].start)
    if k >= 2 and toks[k - 1].norm in context_words("relative") and toks[k - 1].start > s:
        return _antecedent(para, k - 1, s)
    sp = _copula_subject(para, k)
    if sp is not None:
        return sp
    i = k - 1
    while i >= 0 and toks[i].norm.lstrip("وف") in lex.negations and toks[i].start >= s:
        i -= 1
    pre = []
    while i >= 0 and toks[i].start >= s and toks[i].text not in COMMAS + SENTENCE_END + ":":
        pre.insert(0, i)
        i -= 1
    while pre and (toks[pre[0]].norm in lex.function_words or toks[pre[0]].norm.lstrip("وف") in lex.function_words
                   or complementizer_len(toks, pre[0]) or toks[pre[0]].norm in _connectors()):
        pre.pop(0)  # "وكانت"، "لكن"، "إلا أن"، "لكنه"
    while pre and toks[pre[-1]].norm in lex.function_words:
        pre.pop()  # "قد"
    if not pre or len(pre) > 5:
        return _source_tail(para, k, s)
    first = toks[pre[0]]
    if (first.norm in lex.function_words or first.norm.lstrip("وف") in lex.function_words
            or any(cue_of(toks[x]) or according_at(toks, x) for x in pre)
            or any(toks[x].text in QUOTE_MARKS and False for x in pre)):
        return None
    a = first.start + (1 if first.prefix[:1] in ("و", "ف") or (first.norm[:1] in "وف" and first.norm[1:3] == "ال") else 0)
    return a, toks[pre[-1]].end


def _copula_subject(para: Paragraph, k: int) -> tuple[int, int] | None:
    """The subject between a sentence-opening copula and the cue at ``k``, set off by a comma or
    by قد ("وكان المتحدث باسم الحركة “مجاهد”، أكد"، "وكان خامنئي قد صرح أمس الأول أن")."""
    toks = para.toks
    s, _ = para.sentence(toks[k].start)
    first = min(para.index_at(s), k)
    if first < k - 1 and toks[first].norm.lstrip("و") in context_words("copula") \
            and (toks[k - 1].text in COMMAS or toks[k - 1].norm in context_words("copula_particle")):
        region = list(range(first + 1, k - 1))
        if 0 < len(region) <= 12 and not any(cue_of(toks[x]) or according_at(toks, x) for x in region):
            sp, _ = _speaker_and_medium(para, region)
            if sp is not None and sp[0] == toks[region[0]].start:
                return sp
    return None


def _antecedent(para: Paragraph, rel: int, s: int) -> tuple[int, int] | None:
    """The noun phrase a relative pronoun at ``rel`` refers to, when it names a source
    ("تغريدة وزير الصحة الدكتور خالد الفالح الذي أعلن" -> "وزير الصحة الدكتور خالد الفالح")."""
    toks, lex = para.toks, lexicon()
    span = []
    i = rel - 1
    while i >= 0 and toks[i].start >= s and rel - i <= 8 and toks[i].text not in COMMAS + SENTENCE_END + ":" \
            and toks[i].norm not in lex.function_words and not cue_of(toks[i]):
        span.insert(0, i)
        i -= 1
    while span and not _names_source(para, (toks[span[0]].start, toks[span[-1]].end)):
        span.pop(0)
    if not span:
        return None
    return toks[span[0]].start, toks[span[-1]].end


def _source_tail(para: Paragraph, k: int, s: int) -> tuple[int, int] | None:
    """A source noun right before the cue, with its definite adjectives ("... على تقرير يشير إلى
    أن"، "بعد أن أعلنت الوزارة الأمريكية أن" is VSO and never gets here)."""
    toks, lex = para.toks, lexicon()
    i = k - 1
    while i >= 0 and k - i <= 3 and toks[i].start >= s and toks[i].norm.startswith("ال") \
            and not lex.source_kind(toks[i].norm[2:]):
        i -= 1  # الأمريكية، الرسمي
    if i < 0 or toks[i].start < s:
        return None
    head = toks[i]
    kinds = {lex.source_kind(rest.removeprefix("ال")) for _, rest in candidates(head.norm)}
    if not kinds & {"document", "organization", "anonymous", "group"}:
        return None
    a = head.start + (1 if head.norm[:1] in ("و", "ف") and head.norm[1:3] == "ال" else 0)
    return a, toks[k - 1].end


# -- according-to ---------------------------------------------------------------------------------
def _according_frame(para: Paragraph, k: int, acc, frames: list[Frame]) -> Frame | None:
    lemma, particles, nwords = acc
    toks, lex = para.toks, lexicon()
    j = k + nwords
    if j < len(toks) and toks[j].norm in particles:
        j += 1
    j, relay, said = _after_what_was_said(toks, j, _glued_ma(toks[k + nwords - 1]))
    src = _according_source(para, j, 16 if relay else 8)  # "ما نقلت وكالة الأنباء ... عن نائب رئيس الوزراء ليو هي"
    while src and toks[src[-1]].norm in lex.function_words:
        src.pop()
    src = _cut_at_mention_end(para, src)
    src = _with_apposed_name(para, src)
    medium = None
    if said and not relay and src:
        kept, medium = _cut_chunk(para, src)  # "وفق ما أعلن الصليب الأحمر على صفحته على تويتر"
        if medium is not None and kept:
            src = kept  # (without a medium, "بيان صدر عن وزارة الدفاع" stays whole)
        else:
            medium = None
    if relay:
        split = _relay_split(para, src, relay)
        if split is not None:
            medium, sp = split
            src = [i for i in src if sp[0] <= toks[i].start < sp[1]]
    if not src or not _looks_like_source(para, src, particles, said=said):
        return None
    sp = (toks[src[0]].start + _glued_lam(toks[src[0]], particles), toks[src[-1]].end)
    cue = toks[k]
    if _outlet_as_medium(para, k, src, sp, frames):
        return None
    tail = (sp[0], max(sp[1], medium[1])) if medium and not relay else sp  # the medium after the source too
    content = _according_content(para, k, tail, frames)
    if content is None or content[1] <= content[0]:
        return None
    inner = next((f for f in frames if f.kind and f.kind != "according_to" and f.speaker is not None
                  and f.cue.start == content[0] > toks[k].start), None)
    first = next((toks[i] for i in src if toks[i].text not in QUOTE_MARKS), None)
    if inner is not None and first is not None and _is_media_word(first.norm):
        if inner.medium is None:  # "وحسب رويترز، قالت ساندرز إن": the channel of her statement,
            inner.medium = sp  # not a statement of its own
        return None
    return Frame(cue, lemma, "reported", "according_to", content, speaker=sp, medium=medium)


def _with_apposed_name(para: Paragraph, src: list[int]) -> list[int]:
    """An according-to source that is a title phrase, with the name set off by a comma after it
    ("وفقاً لما ذكره وزير الخارجية، عادل الجبير في وقت سابق"): the name, up to a function word,
    joins the source (as a verb's speaker phrase keeps "مراسل بي بي سي ...، أنتوني زورتشر")."""
    toks, lex = para.toks, lexicon()
    if not src or "title" not in (lex.source_kind(toks[src[0]].base), lex.source_kind(toks[src[0]].norm)):
        return src
    if not all(lex.source_kind(toks[i].base) or lex.source_kind(toks[i].norm) or toks[i].norm in lex.function_words
               or toks[i].norm.startswith(("ال", "لل", "وال") + context_words("on_behalf")) for i in src):
        return src  # a name or a quoted name in it already ("ناطقه أفيخاي أدرعي"، 'مراسل "سكاي نيوز"')
    j = src[-1] + 1
    if j >= len(toks) or toks[j].text not in COMMAS:
        return src
    name: list[int] = []
    x = j + 1
    while x < len(toks) and len(name) < 6 and toks[x].text not in COMMAS + SENTENCE_END + ":" \
            and toks[x].norm not in lex.function_words and not _in_time(para, toks[x]) \
            and toks[x].norm not in context_words("content_opener") and _media_prep(toks, x) is None:
        name.append(x)
        x += 1
    return src + [j] + name if name and _name_apposition(para, name, ranked=True) else src


def _after_what_was_said(toks: list[Token], j: int, glued_ma: bool) -> tuple[int, str | None, bool]:
    """After an according-to cue and its particle, at ``j``: past "ما <cue verb>" ("بحسب ما ذكرت"،
    "حسبما أوردت" with ``glued_ma``, "حسب ما أشار به"، "بحسب ما نقلت عن"). (where the source starts,
    the relay particle of that verb if the real source follows it ("نقلت ... عن"), said: the source
    is the subject of a cue verb ("وفق ما أعلن X"))."""
    relay, said = None, False
    if j < len(toks) and (toks[j].norm in context_words("according_ma") or glued_ma):
        v = j if glued_ma else j + 1
        if v < len(toks) and (c := cue_of(toks[v])) is not None:
            relay = lexicon().relays.get(c.lemma)
            said = relay is None
        j = v + 1  # "بحسب ما ذكرت/نقله"
        if j < len(toks) and toks[j].norm in context_words("said_with"):
            j += 1  # "حسب ما أشار به بيان"
        if j < len(toks) and toks[j].norm in context_words("relay_from"):
            j += 1
            relay = None
    return j, relay, said


def _according_source(para: Paragraph, j: int, limit: int) -> list[int]:
    """The token indices of an according-to cue's source from ``j``: up to ``limit`` words, to a
    comma, sentence end, complementizer, cue verb or a clause opened by ف; a short quoted name is
    taken whole."""
    toks, lex = para.toks, lexicon()
    src: list[int] = []
    while j < len(toks) and len(src) < limit:
        t = toks[j]
        if t.text in COMMAS + SENTENCE_END + ":" or complementizer_len(toks, j) or cue_of(t):
            break
        if t.norm[:1] == "ف" and (t.norm[1:] in lex.function_words or t.norm[1:3] in ("سو", "قد", "ان")
                                 or t.norm[1:2] in ("ي", "ت", "س")):
            break  # "وفقا للخطة فسوف ...": the clause begins
        if t.start in para.quote_at and src:
            close = para.quote_at[t.start]
            n_in = para.count_ending_by(j, close + 1)
            if n_in - 2 <= MAX_NAME_QUOTE_WORDS:
                src.extend(range(j, j + n_in))
                j += n_in
                continue
            break
        src.append(j)
        j += 1
    return src


def _outlet_as_medium(para: Paragraph, k: int, src: list[int], sp: tuple[int, int], frames: list[Frame]) -> bool:
    """An according-to an outlet at ``k`` that is the channel of another statement, not a source
    of its own: right after that statement's content ("أعلن ليو هي أن ...، بحسب ما نقلت وكالة
    شينخو") or between its cue and its content ("وأكد المصدر، طبقا لموقع الجيش اليمني الرسمي، أن").
    The outlet (``src``, spanning ``sp``) becomes that statement's medium when it has none."""
    toks = para.toks
    glued = sp[0] > toks[src[0]].start  # "طبقا لموقع الجيش": the cue's ل glued to the outlet
    outlet = _is_outlet(para, src)
    host = _frame_just_before(para, k, frames) if outlet else None
    if host is None or host.speaker is None or host.kind == "according_to":
        host = next((f for f in frames if f.kind and f.kind != "according_to"
                     and f.cue.start < toks[k].start < f.content[0]
                     and _same_sentence(para.record, f.cue.start, f.content[0])), None)
        if not (outlet or (glued and _is_media_word(toks[src[0]].norm[1:]))):
            host = None
    if host is None or host.medium is not None:
        return False
    host.medium = sp
    return True


def _glued_ma(tok: Token) -> bool:
    """An according-to word with its ما glued ("حسبما"، "بحسبما")."""
    return bool(according_at([tok], 0)) and any(tok.norm.endswith(m) and tok.norm != m
                                                 for m in context_words("according_ma"))


def _glued_lam(head: Token, particles) -> int:
    """1 when the source's first word carries the according-to cue's ل ("وفقا لوكالة الأناضول"،
    "بحسب لوكالة"): the speaker starts after it. "للوكالة" keeps its ل (the ال is elided in it)."""
    n = head.norm
    if head.text[:1] != "ل" or n.startswith("لل") or len(n) <= 3:
        return 0
    return 1 if "ل" in particles or _glued_medium(head) else 0


def _frame_just_before(para: Paragraph, k: int, frames: list[Frame]) -> Frame | None:
    """The frame whose content ends right before the according-to cue at ``k`` ("...، بحسب")."""
    text, cue = para.record.text, para.toks[k]
    for f in frames:
        if f.kind and 0 <= cue.start - f.content[1] <= 4 and not text[f.content[1]:cue.start].strip(QUOTE_MARKS + " ،,."):
            return f
    return None


def _is_outlet(para: Paragraph, src: list[int]) -> bool:
    """A news outlet or channel (وكالة، صحيفة، قناة، موقع ...) rather than a person or office."""
    head, lex = para.toks[src[0]], lexicon()
    if _glued_medium(head) or not _is_media_word(head.norm):
        return False  # "لوكالة فرانس برس دبلوماسي": told to the outlet by someone
    if any(m.type[:3] == "ORG" for m in para.index.mentions.at(head.start)):
        return True
    return any(lex.source_kind(rest.removeprefix("ال")) == "organization" for _, rest in candidates(head.norm))


def _cut_at_mention_end(para: Paragraph, src: list[int]) -> list[int]:
    """A source that is a named entity ends with the name unless a definite adjective, a title
    or a quoted part goes on ("بحسب سكاي نيوز جددت طائرات ...": the clause starts after the name)."""
    toks, lex = para.toks, lexicon()
    if not src:
        return src
    head = [m for m in para.index.mentions.at(toks[src[0]].start) if m.type[:3] in ("PER", "ORG")]
    if not head:
        return src
    end = max(m.end for m in head)
    rest = [i for i in src if toks[i].start >= end]
    if not rest:
        return src
    nxt = toks[rest[0]]
    if nxt.norm.startswith("ال") or nxt.text in QUOTE_MARKS + "(" or lex.source_kind(nxt.base):
        return src
    return [i for i in src if toks[i].start < end]


def _looks_like_source(para: Paragraph, src: list[int], particles, said: bool = False) -> bool:
    """Whether the words after an according-to cue name a source. ``said``: they are the subject
    of "ما <cue verb>" ("وفق ما أعلن الصليب الأحمر"), a source when a short noun phrase."""
    toks, lex = para.toks, lexicon()
    if said and len(src) <= 5 and all(toks[i].norm.isalpha() and toks[i].norm not in lex.function_words
                                      for i in src):
        return True
    a, b = toks[src[0]].start, toks[src[-1]].end
    if any(m.type[:3] in ("PER", "ORG") for m in para.index.mentions.overlapping(a, b)):
        return True
    for i in src[:3]:
        for _, rest in candidates(toks[i].norm):
            if lex.source_kind(rest.removeprefix("ال")) or lex.source_kind(rest):
                return True
    if any(toks[i].text in QUOTE_MARKS for i in src):
        return True
    if len(src) == 1 and toks[src[0]].norm.startswith("ال") and _is_media_word(toks[src[0]].norm) \
            and toks[src[0]].norm[2:] not in lex.media:
        return True  # "بحسب الأناضول": an outlet named with ال (not a medium noun: "بحسب البرنامج")
    first = toks[src[0]].norm
    if "ل" in particles and first.startswith("ل"):
        first = first[1:]
    if not particles and src[0] > 0 and any(toks[i].norm.startswith("ال") for i in src) and \
            lex.according.get((_unglued(toks[src[0] - 1].norm)[-1],), ("",))[0] in context_words("according_common"):
        return False  # "وفق عقود طويلة المدى": bare وفق is "in accordance with" before a common noun phrase
    return (len(src) <= 3 and not first.startswith("ال") and first not in lex.function_words
            and first.isalpha() and not first.endswith(("ه", "ها", "هم")))


def _according_content(para: Paragraph, k: int, sp: tuple[int, int], frames: list[Frame]) -> tuple[int, int] | None:
    text, toks = para.record.text, para.toks
    cue = toks[k]
    frames = [f for f in frames if f.kind]
    for f in frames:  # inside a frame's speaker region: "وقال ممثل فرنسا بحسب المصادر إن ..."
        if f.cue.start < cue.start < f.content[0]:
            return f.content
    s, e = para.sentence(cue.start)
    opens = not text[s:cue.start].strip() and len(text[sp[1]:e].strip(" .،,").split()) >= 3
    for f in frames:  # right after a quotation: '... جيدة"، بحسب دبلوماسي'
        if 0 <= cue.start - f.content[1] <= 4 and not text[f.content[1]:cue.start].strip(QUOTE_MARKS + " ،,.") \
                and not opens:  # but "... انتهى. وبحسب رويترز، فإن المحادثات توقفت": its own sentence
            return f.content
    before = trim(text, s, cue.start)
    discourse = lex_discourse()
    before_words = len([w for w in text[before[0]:before[1]].split()
                        if normalize(w.strip("،,")).lstrip("وف") not in discourse
                        and normalize(w.strip("،,")) not in discourse])
    if before_words >= 3:
        after_words = len(text[sp[1]:e].strip(" .،,").split())
        if after_words >= 3:
            a, b = s, e  # in the middle: the whole sentence
        else:
            a, b = before
            tail = text[a:b].rsplit(None, 1)
            pointer = (normalize(tail[1]).removeprefix("و"),) if len(tail) == 2 else ()
            if tail[0].endswith(("،", ",")) and pointer in _medium_carriers():
                b = a + len(tail[0])  # "...، وذلك وفق صحيفة": the pointer is no part of the content
    else:
        i = para.index_at(sp[1])
        while i < len(toks) and toks[i].text in COMMAS:
            i += 1
        if i >= len(toks) or toks[i].start >= e:
            return None
        a = toks[i].start
        if toks[i].norm in context_words("content_opener"):
            a = toks[i + 1].start if i + 1 < len(toks) else toks[i].end
        elif toks[i].norm.startswith("ف") and len(toks[i].norm) > 3:
            a += 1
        b = e
    a, b = trim(text, a, b)
    while b > a and text[b - 1] in ".،,":
        b -= 1
    return a, b


# -- media carried by "جاء ذلك على ..."، "، وذلك في مؤتمر صحفي" -------------------------------------
@lru_cache(maxsize=1)
def _medium_carriers() -> frozenset[tuple[str, ...]]:
    from .lexicon import _lines
    return frozenset(tuple(normalize(w) for w in ln.split()) for ln in _lines("medium_carriers.txt"))


def _after_carrier(toks: list[Token], i: int) -> int | None:
    """The index after a carrier phrase ("جاء ذلك"، "وذلك"، "وأدلى بهذه التصريحات") starting at
    token ``i``, the longest one; None when there is none."""
    best = None
    for words in _medium_carriers():
        n = len(words)
        if i + n > len(toks) or words[0] not in _unglued(toks[i].norm):
            continue
        if all(toks[i + k].norm == words[k] for k in range(1, n)) and (best is None or i + n > best):
            best = i + n
    return best


def _medium_after(toks: list[Token], j: int, end: int, reach: int) -> tuple[int, int] | None:
    """A medium phrase opened by the preposition at token ``j`` ("في مؤتمر صحفي"، "خلال مقابلة مع
    قناة")،up to the next comma or the sentence end: its media word must be within ``reach`` words
    of the preposition."""
    preps = lexicon().media_preps
    if j + 1 < len(toks) and (toks[j].norm, toks[j + 1].norm) in preps:
        m, keep = j + 2, preps[(toks[j].norm, toks[j + 1].norm)]
    elif (toks[j].norm,) in preps:
        m, keep = j + 1, preps[(toks[j].norm,)]
    else:
        return None
    if not any(_is_media_word(t.norm) for t in toks[m:m + reach] if t.start < end):
        return None
    a = toks[j].start if keep else toks[m].start if m < len(toks) else end
    b = end
    x = m
    while x < len(toks):
        t = toks[x]
        if t.start >= end or t.text in COMMAS + SENTENCE_END:
            b = t.start
            break
        if t.text in QUOTE_MARKS:
            close = _name_quote_close(toks, x, end)
            if close is None:
                b = t.start  # '، في بيان "قتل ..."': the quotation is the content, not the medium
                break
            x = close  # 'قناة "BBC"': a quoted name
        x += 1
    return (a, b) if b > a else None


def _name_quote_close(toks: list[Token], x: int, end: int) -> int | None:
    """The index of the mark closing a quoted name opened at token ``x`` ('قناة "BBC"'), None when
    the mark opens more words than a name."""
    for y in range(x + 1, min(x + MAX_NAME_QUOTE_WORDS + 2, len(toks))):
        if toks[y].start >= end:
            return None
        if toks[y].text in QUOTE_MARKS:
            return y
    return None


def _carry_media(record: Record, frames: list[tuple[Frame, Paragraph]]) -> None:
    """A medium named apart from the cue: at the start of the next sentence ("جاء ذلك على القناة
    الخامسة"، "وذلك خلال مقابلة") for the statements of the sentence before and of its own, or after
    the content in the same sentence ("...، وذلك في مؤتمر صحفي"، "...، خلال مقابلة مع قناة") for
    the statements whose cue comes before it; then the content stops before it."""
    sents = sorted((s.start, s.end) for s in record.sentences)
    toks = sorted(record.tokens, key=lambda t: t.start)
    starts = [t.start for t in toks]
    for si, (s, e) in enumerate(sents):
        i0, i1 = bisect_right(starts, s - 1), bisect_right(starts, e - 1)
        for i in range(i0, i1 - 1):
            opening = i == i0 and toks[i].start == s
            if not opening and toks[i - 1].text not in COMMAS:
                continue
            j = _after_carrier(toks, i)
            if j is None and opening:
                continue
            medium = _medium_after(toks, j if j is not None else i, e, 3 if j is not None else 1)
            if medium is None:
                continue
            medium = trim(record.text, *medium)
            if opening:
                prev = sents[si - 1] if si > 0 else (s, s)
                for f, _ in frames:
                    if f.medium is None and (prev[0] <= f.cue.start < prev[1] or s <= f.cue.start < e):
                        f.medium = medium
                continue
            cut = toks[i - 1].start
            for f, _ in frames:
                if f.medium is None and s <= f.cue.start < cut:
                    f.medium = medium
                    if f.content[0] < cut < f.content[1]:
                        f.content = trim(record.text, f.content[0], cut)


# -- output ---------------------------------------------------------------------------------------
def _certainty(record: Record, f: Frame) -> str:
    if f.certainty in ("denied", "claimed", "hedged"):
        return f.certainty
    hedges = lexicon().hedges
    words = record.text[f.content[0]:f.content[1]].split()[:HEDGE_WINDOW]
    for w in words:
        n = normalize(w.strip(QUOTE_MARKS + "،,.")).lstrip("و")
        if n in hedges or n.removeprefix("ال") in hedges:
            return "hedged"
    return f.certainty


def _to_statements(record: Record, frames: list[tuple[Frame, Paragraph]]) -> list[Statement]:
    memory = SpeakerMemory(record)
    out: list[Statement] = []
    prev: Statement | None = None
    for f, _ in sorted(frames, key=lambda fp: fp[0].cue.start):
        speaker = record.span(*f.speaker) if f.speaker else None
        if speaker is not None and not speaker.text.strip(QUOTE_MARKS + " "):
            speaker = None  # only quote marks
        if not f.kind:  # a speaker without content: remembered for the continuation after it
            if speaker is None:
                continue
            entity, name = memory.resolve(speaker)
            prev = Statement(record.span(f.cue.start, f.cue.end), record.span(0, 0), "", "", speaker, entity, name)
            continue
        if speaker is not None:
            entity, name = memory.resolve(speaker)
        elif f.lead is not None and (prev is None or not _same_sentence(record, prev.cue.start, f.cue.start)):
            speaker = record.span(*f.lead)
            entity, name = memory.resolve(speaker)
        elif _plural_cue(f.cue) and not (prev is not None and _plural_statement(prev)):
            speaker, entity, name = _plural_antecedent(record, memory, out, f.cue.start)
        elif prev is not None:
            prev = _agreeing(record, f.cue, prev, out)
            entity, name = prev.speaker_entity, prev.speaker_name
            if f.continuation and prev.speaker is not None and _same_sentence(record, prev.cue.start, f.cue.start):
                speaker = prev.speaker
        else:
            entity, name = None, None
        st = Statement(
            cue=record.span(f.cue.start, f.cue.end, lemma=f.lemma),
            content=record.span(*f.content),
            kind=f.kind,
            certainty=_certainty(record, f),
            speaker=speaker,
            speaker_entity=entity,
            speaker_name=name,
            medium=record.span(*f.medium) if f.medium else None,
        )
        out.append(st)
        if not f.nested and (f.kind != "according_to" or _leading_source(record, f, st)):
            prev = st
    return out


def _leading_source(record: Record, f: Frame, st: Statement) -> bool:
    """An according-to that opens its sentence, before its content, naming a source that is no
    outlet ("ووفقا لمجلس سوريا الديمقراطية، فإن ..."): what follows with no subject continues it
    ("وأشار إلى أن")."""
    if st.speaker is None or f.content[0] < f.cue.start:
        return False
    s = max((x.start for x in record.sentences if x.start <= f.cue.start), default=0)
    if record.text[s:f.cue.start].strip(" \n"):
        return False
    return not any(_is_media_word(normalize(w)) for w in st.speaker.text.split()[:1])


PLURAL_ENDINGS = ("ون", "ين", "ان", "ات")


def _cue_gender(norm: str) -> str | None:
    """"f" or "m" for a singular cue in the past tense or a participle (قالت/قال، مضيفة/مضيفا),
    None when its form does not say (present tense, plural, not a cue)."""
    lex = lexicon()
    for n in _unglued(norm):
        c = lex.cues.get(n)
        if c is None:
            continue
        if c.participle:
            return "f" if n.endswith("ة") else "m" if n.endswith("ا") and not n.endswith(("تا", "وا")) else None
        lemma = normalize(c.lemma)
        if n == lemma:
            return "m"
        return "f" if n == lemma + "ت" else None
    return None


def _agreeing(record: Record, cue: Token, prev: Statement, out: list[Statement]) -> Statement:
    """The statement whose speaker a subjectless cue continues: the previous one, unless their cues
    disagree in gender ("وأعلنت المملكة ... أنها ... وقال إن" continues the report before it, not
    the kingdom); then the latest of the few before it in the same paragraph whose cue agrees, if any
    (further back, a feminine verb may stand for a police or a ministry after a named officer)."""
    want, have = _cue_gender(cue.norm), _cue_gender(normalize(prev.cue.text))
    if want is None or have is None or want == have:
        return prev
    para = next((p for p in record.paragraphs if p.start <= cue.start < p.end), None)
    for st in reversed(out[-4:]):
        if para is None or st.cue.start < para.start:
            break
        if st.kind != "according_to" and st.speaker_name and _cue_gender(normalize(st.cue.text)) == want:
            return st
    return prev


def _plural_cue(cue: Token) -> bool:
    """A dual or plural verb or participle (وقالا، وأكدتا، وأضافوا، يقولون، مؤكدين): its subject
    is two or more, so a single previous speaker is not its antecedent."""
    lex = lexicon()
    for n in _unglued(cue.norm):
        c = lex.cues.get(n)
        if c is None:
            continue
        if n.endswith(("ين", "ان", "تين")) or (not c.participle and n.endswith(("وا", "تا", "ون"))):
            return True
        return not c.participle and n.endswith("ا") and n != normalize(c.lemma) and len(n) > 3
    return False


def _plural_phrase(text: str) -> bool:
    """A speaker phrase naming more than one: plural/dual head (مسؤولون، الوزيران، المصادر ...
    by the sound endings) or two coordinated names ("بيان ومنال")."""
    words = [normalize(w.strip(QUOTE_MARKS + "،,()")) for w in text.split()]
    if not words:
        return False
    head = words[0].removeprefix("و").removeprefix("ال")
    if len(head) > 4 and head.endswith(PLURAL_ENDINGS) or head in _broken_plurals():
        return True
    return any(w.startswith("و") and len(w) > 3 and not w.startswith("وال") and i > 0 for i, w in enumerate(words))


@lru_cache(maxsize=1)
def _broken_plurals() -> frozenset[str]:
    from .lexicon import _lines
    return frozenset(normalize(w) for w in _lines("broken_plurals.txt"))


def _plural_statement(st: Statement) -> bool:
    return _plural_cue_span(st) or bool(st.speaker_name and _plural_phrase(st.speaker_name)) \
        or bool(st.speaker and _plural_phrase(st.speaker.text))


def _plural_cue_span(st: Statement) -> bool:
    return bool(st.speaker is None and st.speaker_name and " و" in st.speaker_name)


def _plural_antecedent(record: Record, memory: SpeakerMemory, out: list[Statement], at: int):
    """(speaker, entity, name) for a subjectless dual/plural cue at ``at``: the nearest of the last
    few statements whose speaker is plural, else two coordinated names ("X و Y") in this or the
    previous sentence, else no speaker at all (never a wrong single person)."""
    for st in reversed(out[-4:]):
        if _plural_statement(st):
            speaker = st.speaker if st.speaker is not None and _same_sentence(record, st.cue.start, at) else None
            return speaker, st.speaker_entity, st.speaker_name
    pair = _coordinated_names(record, memory, at)
    if pair is not None:
        return pair
    return None, None, None


def _coordinated_names(record: Record, memory: SpeakerMemory, at: int):
    """Two person names joined by و before offset ``at`` in its sentence or the one before:
    entity mentions ("بيان ومنال") or words of speakers already seen."""
    sents = sorted((s.start, s.end) for s in record.sentences)
    i = next((n for n, (s, e) in enumerate(sents) if s <= at < e), None)
    if i is None:
        return None
    lo = sents[max(0, i - 1)][0]
    pers = sorted((m for m in record.mentions if m.type[:3] == "PER" and lo <= m.start and m.end <= at),
                  key=lambda m: m.start)
    known = {w for sp in memory.seen for w in sp.words}
    spans = [(m.start, m.end) for m in pers]
    for t in record.tokens:
        if lo <= t.start and t.end <= at:
            bare = normalize(record.text[t.start:t.end]).removeprefix("و")
            if bare in known and not bare.startswith("ال") and len(bare) > 2:
                spans.append((t.start, t.end))
    spans.sort()
    for (a1, b1), (a2, b2) in reversed(list(zip(spans, spans[1:]))):
        gap = record.text[b1:a2]
        if gap.strip() == "" and record.text[a2:a2 + 1] == "و" and (a1, b1) != (a2, b2):
            a2b = a2  # the و glued to the second name
        elif gap.strip().startswith("و") and len(gap.split()) <= 3 and all(
                normalize(w).removeprefix("و").startswith("ال") or w == "و" for w in gap.split()):
            a2b = a2  # "... ماكرون والمستشارة الألمانية أنغيلا ميركل"
        else:
            continue
        one = memory.resolve(record.span(a1, b1))
        two = memory.resolve(record.span(a2b + (1 if record.text[a2b] == "و" and gap.strip() == "" else 0), b2))
        if one[1] == two[1]:
            continue
        return record.span(a1, b2), None, f"{one[1]} و{two[1]}"
    return None


def _same_sentence(record: Record, a: int, b: int) -> bool:
    for s in record.sentences:
        if s.start <= a < s.end:
            return s.start <= b < s.end
    return False
