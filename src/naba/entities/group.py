"""Grouping an article's mentions into entities.

Mentions are visited longest first. A mention joins an entity of the same type when
- its matching key equals one the entity already has (diacritics, hamza forms and ة/ه are
  normalized away; a leading ال is ignored for persons: "الخامنئي" = "خامنئي"), or
- places: it links to the same gazetteer id ("سوريا" = "سورية"), or
- persons and organisations: its words are a contiguous run of the entity's longest name
  ("الأسد" in "بشار الأسد", "داعش" in "تنظيم داعش"), but not a father's name after بن
  ("سلمان" is not "محمد بن سلمان"); when several entities qualify, :func:`_pick` decides (the
  surname's owner, one named just before, the one with a title, the most recent), or
- persons: failing all that, its words are spelling variants of the entity's words
  (:func:`same_word`: "شافيز" = "تشافيز", "نتانياهو" = "نتنياهو", "مادريغال" = "مارديغال").
A mention of another type whose key is already an entity's key joins that entity (the tagger
called "الأسد" LOC once and PER five times: one person).

Not for: finding mentions (the tagger) or ids across the corpus (:mod:`.ids`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..arabic.normalize import normalize


@dataclass
class Cand:
    """A mention before it becomes a record Mention."""

    start: int
    end: int
    text: str
    type: str  # PER ORG LOC MISC
    words: tuple[str, ...]  # normalized words
    place_id: str | None = None
    entity: "Group | None" = None
    alias_of: str | None = None  # canonical person a title alias names ("المرشد الأعلى")
    tok: tuple[int, int] = (0, 0)  # token range in record.tokens
    role: str | None = None
    entity_id: str | None = None


@dataclass
class Group:
    type: str
    mentions: list[Cand] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    longest: tuple[str, ...] = ()
    place_id: str | None = None
    roles: list[str] = field(default_factory=list)
    name: str | None = None  # canonical name when known from data (title aliases)


def _strip_al(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


def key(words: tuple[str, ...], typ: str) -> str:
    """The matching key of a name: "عبد العزيز" = "عبدالعزيز"; persons ignore ال."""
    if typ == "PER":
        words = tuple(_strip_al(w) for w in words)
    return " ".join(words).replace("عبد ", "عبد")


_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def bare(word: str) -> str:
    """A word without the quote marks, brackets or hashtag mark at its edges ("«أوبك" -> "أوبك")."""
    return _EDGE.sub("", word)


def words_of(text: str) -> tuple[str, ...]:
    """Normalized words of a mention (an underscore parts words: "كيم_جونغ_أون"; quote marks,
    brackets and a hashtag at a word's edges are no part of it: "«أوبك", "#ترمب"); a first word
    fused as لل+ال ("للأمم") reads as "الأمم"."""
    words = [w for w in map(bare, normalize(text).replace("_", " ").split()) if w]
    if words and words[0].startswith("لل") and len(words[0]) > 4:
        words[0] = "ا" + words[0][1:]
    return tuple(words)


NEAR = 80  # characters: a full name this close before a surname settles whom it names
_PATRONYM = frozenset({"بن", "ابن", "بنت"})
_SKELETON = str.maketrans({"غ": "ج", "ڤ": "ف", "ڨ": "ق", "گ": "ك", "پ": "ب", "چ": "ج"})


def skeleton(w: str) -> str:
    """A name word's spelling-variant form: ال off, تش = ش, غ = ج (the g sound), doubled letters
    once ("تشافيز" = "شافيز", "هيوجو" = "هيوغو")."""
    w = _strip_al(w).replace("تش", "ش").translate(_SKELETON)
    return "".join(c for i, c in enumerate(w) if i == 0 or c != w[i - 1])


def _loose(w: str) -> str:
    return w[:1] + "".join(c for c in w[1:] if c not in "اوي")


def same_word(a: str, b: str) -> bool:
    """Two spellings of one name word: equal skeletons, or for long words (6+ letters, where two
    real names rarely differ so little) equal without long vowels or one swap of neighbours."""
    if a == b:
        return True
    a, b = skeleton(a), skeleton(b)
    if a == b:
        return True
    if min(len(a), len(b)) < 6:
        return False
    if _loose(a) == _loose(b):
        return True
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    return False


def _contains(big: tuple[str, ...], small: tuple[str, ...], typ: str, eq=None) -> bool:
    if typ == "PER":
        big, small = tuple(map(_strip_al, big)), tuple(map(_strip_al, small))
    n = len(small)
    if not 0 < n < len(big):
        return False
    for i in range(len(big) - n + 1):
        if typ == "PER" and i > 0 and big[i - 1] in _PATRONYM:
            continue  # "سلمان" in "محمد بن سلمان" is the father
        if eq is None and big[i:i + n] == small or eq and all(map(eq, big[i:i + n], small)):
            return True
    return False


def _variant(g: "Group", words: tuple[str, ...]) -> bool:
    whole = len(g.longest) == len(words) and all(map(same_word, g.longest, words))
    return whole or _contains(g.longest, words, "PER", same_word)


def _recent(g: "Group", start: int) -> int:
    return max((m.start for m in g.mentions if m.start < start), default=-1)


def _add(g: Group, c: Cand) -> None:
    g.mentions.append(c)
    g.keys.add(key(c.words, g.type))
    if len(c.words) > len(g.longest) and not c.alias_of:
        g.longest = c.words
    c.entity = g


def _other_known(g: "Group", c: Cand) -> bool:
    """True when ``c`` alone is a well-known person's short form ("ترامب" -> دونالد ترامب) and
    ``g`` is a different person ("ميلانيا ترامب"): then the short form is not ``g``'s surname."""
    from .ids import known_name

    if c.type != "PER" or len(c.words) != 1 or len(g.longest) <= 1:
        return False
    known = known_name("PER", " ".join(c.words))
    return known is not None and known_name("PER", " ".join(g.longest)) != known


def _pick(fits: list[Group], c: Cand) -> Group | None:
    """The entity a (short) mention names among several that fit: the surname's owner; then one
    named just before it (within ``NEAR`` characters); then the prominent one, who has a title
    ("الرئيس الفلسطيني الراحل ياسر عرفات" over "سهى عرفات" for "ضريح عرفات"); then the one named
    last before it; then the one with most mentions."""
    fits = [g for g in fits if not _other_known(g, c)]
    if len(fits) <= 1:
        return fits[0] if fits else None
    return min(fits, key=lambda g: (_strip_al(g.longest[-1]) != _strip_al(c.words[-1]),
                                    _recent(g, c.start) < c.start - NEAR,
                                    not any(m.role for m in g.mentions),
                                    -_recent(g, c.start), -len(g.mentions)))


class _Index:
    """The groups made so far, looked up by key, gazetteer id and name word instead of scanned:
    an article of thousands of mentions compared each with every entity (quadratic; a 2 MB text
    spent 30 s here). Lookups give a superset of the groups that can match, in creation order;
    the callers test each with the same predicates as before, so the grouping is unchanged."""

    def __init__(self) -> None:
        self.groups: list[Group] = []
        self.order: dict[int, int] = {}  # id(group) -> creation index
        self.by_key: dict[str, list[Group]] = {}
        self.by_place: dict[str, list[Group]] = {}
        self.by_word: dict[str, list[Group]] = {}  # a word of the longest name, as is and without ال
        self.by_shape: dict[tuple[str, ...], list[Group]] = {}  # :func:`_shape` of such a word
        self.indexed_keys: dict[int, set[str]] = {}
        self.indexed_longest: dict[int, tuple[str, ...]] = {}

    def new(self, g: Group) -> None:
        self.order[id(g)] = len(self.groups)
        self.groups.append(g)
        if g.place_id:
            self.by_place.setdefault(g.place_id, []).append(g)

    def added(self, g: Group) -> None:
        """Index what :func:`_add` changed: a new key, a longer name."""
        done = self.indexed_keys.setdefault(id(g), set())
        for k in g.keys - done:
            self.by_key.setdefault(k, []).append(g)
            done.add(k)
        if self.indexed_longest.get(id(g)) != g.longest:
            self.indexed_longest[id(g)] = g.longest
            for w in set(g.longest) | {_strip_al(w) for w in g.longest}:
                self.by_word.setdefault(w, []).append(g)
                self.by_shape.setdefault(_shape(w), []).append(g)

    def in_order(self, found, typ: str | None) -> list[Group]:
        """``found`` without repeats (and of ``typ`` unless None), in the order the groups were made."""
        seen = {id(g): g for g in found if typ is None or g.type == typ}
        return sorted(seen.values(), key=lambda g: self.order[id(g)])

    def keyed(self, k: str, typ: str | None) -> list[Group]:
        return self.in_order(self.by_key.get(k, ()), typ)

    def placed(self, place_id: str | None, typ: str) -> list[Group]:
        return self.in_order(self.by_place.get(place_id, ()) if place_id else (), typ)

    def containing(self, word: str, typ: str) -> list[Group]:
        """Groups of ``typ`` whose longest name has ``word`` (as is or without ال)."""
        return self.in_order([*self.by_word.get(word, ()), *self.by_word.get(_strip_al(word), ())], typ)

    def similar(self, word: str, typ: str) -> list[Group]:
        """Groups of ``typ`` with a word that may be a spelling variant of ``word``."""
        return self.in_order([*self.by_shape.get(_shape(word), ()), *self.by_shape.get(_shape(_strip_al(word)), ())],
                            typ)


def _shape(w: str) -> tuple[str, ...]:
    """The letters of a word's skeleton but long vowels, sorted: equal for any two words that
    :func:`same_word` matches (equal skeletons, equal without long vowels, one swap of neighbours),
    so it indexes the candidates for that test."""
    return tuple(sorted(c for c in skeleton(w) if c not in "اوي"))


def group(cands: list[Cand], generic: frozenset[str] = frozenset()) -> list[Group]:
    """Entities of an article's mentions (``generic``: words that alone do not name an entity)."""
    index = _Index()
    groups = index.groups
    order = sorted(cands, key=lambda c: (c.alias_of is not None, -len(c.words), c.start))
    for c in order:
        k = key(c.words, c.type)
        hit = None
        if c.alias_of:
            alias = words_of(c.alias_of)
            same = [g for g in groups if g.type == c.type] if not alias else index.in_order(
                [*index.keyed(key(alias, "PER"), c.type), *index.containing(_strip_al(alias[-1]), c.type)], None)
            hit = next((g for g in same if key(alias, "PER") in g.keys
                        or _contains(g.longest, alias[-1:], "PER")), None)
        part = c.type in ("PER", "ORG") and not c.alias_of and not set(c.words) <= generic
        # a name of no words is in no group's words: those tests scan the groups as they did
        scan = (lambda: [g for g in groups if g.type == c.type]) if not c.words else None
        if hit is None:
            exact = index.in_order([*index.keyed(k, c.type), *index.placed(c.place_id, c.type)], None)
            if part and len(exact) == 1 and len(exact[0].longest) > len(c.words):
                near = scan() if scan else index.containing(c.words[0], c.type)
                exact += [g for g in near if g is not exact[0] and _contains(g.longest, c.words, c.type)]
            hit = _pick(exact, c)
        if hit is None and part:
            near = scan() if scan else index.containing(c.words[0], c.type)
            hit = _pick([g for g in near if _contains(g.longest, c.words, c.type)], c)
        if hit is None and c.type == "PER" and not c.alias_of:
            near = scan() if scan else index.similar(c.words[0], c.type)
            hit = _pick([g for g in near if _variant(g, c.words)], c)
        if hit is None:
            hit = next((g for g in index.keyed(k, None) if len(g.mentions) >= 2), None)
        if hit is None:
            hit = Group(c.type, place_id=c.place_id, name=c.alias_of)
            index.new(hit)
        _add(hit, c)
        index.added(hit)
    groups.sort(key=lambda g: min(m.start for m in g.mentions))
    return groups
