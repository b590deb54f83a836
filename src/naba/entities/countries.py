"""Countries by the words news uses for them: names and nationality adjectives (فرنسا، الفرنسي،
الكويتيون) -> ISO3, read from ``naba/arabic/data/events/countries.tsv``. One table, loaded once,
for the events stage (actors that are countries) and the statements stage (two speakers from
different countries are not one speaker). All keys are in the normalized matching form.

Not for: places with coordinates and gazetteer ids (:mod:`.gazetteer`, its own ``countries.tsv``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..arabic.normalize import normalize
from ..arabic.resources import read_tsv

DATA = "naba.arabic.data.events"


@dataclass(frozen=True)
class CountryTable:
    forms: dict[str, str]  # name or adjective (with/without ال) -> ISO3
    adjectives: frozenset[str]  # the nationality-adjective forms among ``forms``
    names: dict[str, str]  # ISO3 -> display name (the first Arabic name)


def _adjectives(name: str, raw: str) -> set[str]:
    """Nationality adjectives of a one-word country name (normalized; ``raw`` as the table writes
    it), with and without ال: سوريا -> سوري، السورية، السوريون ... A name written with the article
    ال is read without it (الجزائر -> جزائري); one whose ال is its own letters, written with a
    hamza, as written (ألمانيا, normalized المانيا -> ألماني, الألماني; ألبانيا -> ألباني, not
    "باني", builder). A capital the table lists for its country (الرياض، لندن، بغداد: a city in the
    gazetteer) has none: its adjective is the city's ("اللندنية") or another word ("الرياضي",
    sporting; "بكيني")."""
    from . import gazetteer

    city = gazetteer.lookup(name)
    if city is not None and city.kind == "city":
        return set()
    if raw.startswith("ال"):
        return _adjectives_of(name[2:])
    return _adjectives_of(name)


def _adjectives_of(bare: str) -> set[str]:
    if " " in bare or len(bare) < 3:
        return set()
    if bare.endswith(("يه", "يا")):  # سوريه/سوريا, تركيا, ألمانيا -> سوري, تركي, ألماني
        stem = bare[:-2]
    elif bare.endswith(("ا", "ه")):
        stem = bare[:-1]
    else:
        stem = bare
    adj = stem + "ي"
    forms = {adj, adj + "ه", adj + "ين", adj + "ون", stem + "يون", stem + "يين"}
    return forms | {"ال" + f for f in forms}


@lru_cache(maxsize=1)
def country_table() -> CountryTable:
    forms: dict[str, str] = {}
    names: dict[str, str] = {}
    adjectives: set[str] = set()
    bare: set[str] = set()
    for code, variants in read_tsv(DATA, "countries.tsv"):
        for i, raw in enumerate(variants.split("|")):
            v = " ".join(normalize(raw).split())
            if i == 0:
                names[code] = raw
            plain = {v, v[2:] if raw.startswith("ال") else "ال" + v}  # "الجزائر"/"جزائر"; not "مانيا" of ألمانيا
            bare |= plain
            adjectives |= _adjectives(v, raw)
            for f in plain | _adjectives(v, raw):
                forms.setdefault(f, code)
    return CountryTable(forms, frozenset(adjectives - bare), names)


def countries_in(words) -> set[str]:
    """The countries (ISO3) named in ``words`` (normalized) by a name or a nationality adjective."""
    table = country_table().forms
    return {table[w] for w in words if w in table}


@lru_cache(maxsize=1)
def _places() -> dict:
    """ISO3 -> the gazetteer's country place (found under the first of its names it knows)."""
    from . import gazetteer

    out = {}
    for form, code in country_table().forms.items():
        if code not in out:
            p = gazetteer.lookup(form)
            if p is not None and p.kind == "country":
                out[code] = p
    return out


def country_place(word: str):
    """The gazetteer country a word (normalized) names or is the nationality adjective of
    ("السوريه", "سعوديه", "اليمني" -> Syria, Saudi Arabia, Yemen), or None."""
    code = country_table().forms.get(word)
    return _places().get(code) if code else None
