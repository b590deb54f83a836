"""Grouping an article's mentions into entities.

Mentions are visited longest first. A mention joins an entity of the same type when
- its matching key equals one the entity already has (diacritics, hamza forms and ة/ه are
  normalized away; a leading ال is ignored for persons: "الخامنئي" = "خامنئي"), or
- places: it links to the same gazetteer id ("سوريا" = "سورية"), or
- persons and organisations: its words are a contiguous run of the entity's longest name
  ("الأسد" in "بشار الأسد", "داعش" in "تنظيم داعش"); when several entities qualify, the one whose
  last word matches (the surname), then the one with most mentions, wins.
A mention of another type whose key is already an entity's key joins that entity (the tagger
called "الأسد" LOC once and PER five times: one person).

Not for: finding mentions (the tagger) or ids across the corpus (:mod:`.ids`).
"""

from __future__ import annotations

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


def words_of(text: str) -> tuple[str, ...]:
    """Normalized words of a mention; a first word fused as لل+ال ("للأمم") reads as "الأمم"."""
    words = [w for w in normalize(text).split() if w[:1].isalnum()]
    if words and words[0].startswith("لل") and len(words[0]) > 4:
        words[0] = "ا" + words[0][1:]
    return tuple(words)


def _contains(big: tuple[str, ...], small: tuple[str, ...], typ: str) -> bool:
    if typ == "PER":
        big, small = tuple(map(_strip_al, big)), tuple(map(_strip_al, small))
    n = len(small)
    return 0 < n < len(big) and any(big[i:i + n] == small for i in range(len(big) - n + 1))


def _add(g: Group, c: Cand) -> None:
    g.mentions.append(c)
    g.keys.add(key(c.words, g.type))
    if len(c.words) > len(g.longest) and not c.alias_of:
        g.longest = c.words
    c.entity = g


def group(cands: list[Cand], generic: frozenset[str] = frozenset()) -> list[Group]:
    """Entities of an article's mentions (``generic``: words that alone do not name an entity)."""
    groups: list[Group] = []
    order = sorted(cands, key=lambda c: (c.alias_of is not None, -len(c.words), c.start))
    for c in order:
        k = key(c.words, c.type)
        same = [g for g in groups if g.type == c.type]
        hit = None
        if c.alias_of:
            hit = next((g for g in same if key(words_of(c.alias_of), "PER") in g.keys
                        or _contains(g.longest, words_of(c.alias_of)[-1:], "PER")), None)
        if hit is None:
            hit = next((g for g in same if k in g.keys or (c.place_id and g.place_id == c.place_id)), None)
        if hit is None and c.type in ("PER", "ORG") and not c.alias_of and not set(c.words) <= generic:
            fits = [g for g in same if _contains(g.longest, c.words, c.type)]
            if fits:
                fits.sort(key=lambda g: (_strip_al(g.longest[-1]) != _strip_al(c.words[-1]), -len(g.mentions)))
                hit = fits[0]
        if hit is None:
            hit = next((g for g in groups if k in g.keys and len(g.mentions) >= 2), None)
        if hit is None:
            hit = Group(c.type, place_id=c.place_id, name=c.alias_of)
            groups.append(hit)
        _add(hit, c)
    groups.sort(key=lambda g: min(m.start for m in g.mentions))
    return groups
