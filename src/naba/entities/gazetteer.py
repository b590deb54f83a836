"""Runtime gazetteer lookups: normalized name -> place/country record, and name-token lists.

Regions come first (``reg:<slug>``, ``data/regions.tsv``: "الضفة الغربية" is not the country), with
seas, rivers and mountains (``nat:<slug>``, ``data/natural_places.tsv``), then
countries (``iso:<CC>``), then GeoNames places (``geo:<geonameid>``, ``places.tsv`` plus the
hand-written ``extra_places.tsv``), the most populous place of a name first. Names in
``place_stops.txt`` ("المدينة", "الجزيرة") link to nothing. A name with several places is resolved
in its article (:func:`resolve`): a cue from ``ambiguous_places.tsv`` ("العاصمة الأردنية" -> Amman),
else the place in a (Arabic-speaking) country the article names, else the default; a name the
gazetteer lacks after an administrative head of ``admin_heads.txt`` ("محافظة عدن", "ولاية هلمند") is
resolved without it. Everything is keyed on
:func:`naba.arabic.normalize.normalize`.

Not for: building the files (:mod:`.build`) or deciding what is a mention (the tagger does).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..arabic.normalize import normalize
from ..arabic.resources import read_lines, read_tsv

PKG = "naba.entities.data"
CONTEXT_MIN_SHARE = 20  # a place in a named country beats the default if at least 1/20 as populous
# The kinds the shipped NER model saw as its gazetteer-place feature (continents and natural places
# were added later: they are linked, but do not switch the tagger's feature on).
TAGGER_KINDS = ("country", "city", "region")
_KINDS = {"cont": "continent", "nat": "natural"}


@dataclass(frozen=True, slots=True)
class Place:
    id: str  # "iso:SY", "geo:170654", "reg:west-bank", "nat:nile" or "cont:europe"
    kind: str  # country | city | region | continent | natural
    name_en: str
    cc: str
    lat: float | None
    lon: float | None
    population: int = 0


def _f(x: str) -> float | None:
    try:
        return round(float(x), 5)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def all_places() -> dict[str, tuple[Place, ...]]:
    """normalized name -> every place it can denote, the default first."""
    out: dict[str, list[Place]] = {}

    def add(name: str, p: Place) -> None:
        ps = out.setdefault(normalize(name), [])
        if p not in ps:
            ps.append(p)

    for fn in ("regions.tsv", "natural_places.tsv"):
        for rid, name, cc, lat, lon, names in read_tsv(PKG, fn):
            p = Place(rid, _KINDS.get(rid.partition(":")[0], "region"), name, cc, _f(lat), _f(lon))
            for n in names.split("|"):
                add(n, p)
    regions = set(out)
    countries: dict[str, Place] = {}
    for cc, name, lat, lon, names in read_tsv(PKG, "countries.tsv"):
        p = countries[cc] = Place(f"iso:{cc}", "country", name, cc, _f(lat), _f(lon))
        for n in names.split("|"):
            if normalize(n) not in regions:
                add(n, p)
    for name, cc in read_tsv(PKG, "country_variants.tsv"):
        if cc in countries:
            add(name, countries[cc])
    cities = []
    for fn in ("places.tsv", "extra_places.tsv"):
        for gid, name, cc, pop, lat, lon, names in read_tsv(PKG, fn):
            cities.append((Place(f"geo:{gid}", "city", name, cc, _f(lat), _f(lon), int(pop or 0)), names))
    cities.sort(key=lambda x: -x[0].population)
    for p, names in cities:
        for n in names.split("|"):
            add(n, p)
    for w in read_lines(PKG, "place_stops.txt"):
        out.pop(normalize(w), None)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    """normalized name -> its default place."""
    return {k: v[0] for k, v in all_places().items()}


def lookup(norm_name: str) -> Place | None:
    """The place a normalized name denotes by default, if the gazetteer knows it."""
    return places().get(norm_name)


@lru_cache(maxsize=1)
def _cues() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    out: dict[str, list] = {}
    for name, pid, cues in read_tsv(PKG, "ambiguous_places.tsv"):
        out.setdefault(normalize(name), []).append((pid, tuple(normalize(c) for c in cues.split("|"))))
    return {k: tuple(v) for k, v in out.items()}


def resolve(norm_name: str, countries: frozenset[str] = frozenset(), text: str = "") -> Place | None:
    """The place a name denotes in an article that names ``countries`` (ISO2 codes) and whose
    normalized text is ``text``: a cue of ``ambiguous_places.tsv`` first, then a place in one of
    the article's countries (one with native Arabic place names, ``context_countries.txt``, and not
    far less populous than the default), then the default. An unknown "<head> <name>" with a head
    of ``admin_heads.txt`` resolves as <name>, unless that is a country."""
    cands = all_places().get(norm_name)
    if not cands:
        head, _, rest = norm_name.partition(" ")
        if rest and head in _admin_heads():  # "محافظة عدن" -> عدن, but "إقليم سوريا" is no place
            p = resolve(rest, countries, text)
            return p if p and p.kind != "country" else None
        return None
    for pid, cues in _cues().get(norm_name, ()):
        if any(c in text for c in cues):
            hit = places_by_id().get(pid)
            if hit:
                return hit
    best = cands[0]
    if len(cands) > 1 and best.cc not in countries and best.kind == "city":
        for p in cands[1:]:
            if (p.kind == "city" and p.cc in countries and p.cc in _context_countries()
                    and p.population * CONTEXT_MIN_SHARE >= best.population):
                return p
    return best


@lru_cache(maxsize=1)
def _admin_heads() -> frozenset[str]:
    return frozenset(normalize(w) for w in read_lines(PKG, "admin_heads.txt"))


def is_admin_head(norm: str) -> bool:
    """"مدينة", "الولاية": an administrative head alone (a tagged place that names nothing)."""
    heads = _admin_heads()
    return norm in heads or (norm.startswith("ال") and norm[2:] in heads)


@lru_cache(maxsize=1)
def _context_countries() -> frozenset[str]:
    return frozenset(cc for line in read_lines(PKG, "context_countries.txt") for cc in line.split())


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Every normalized word of a GeoNames/country place name (a tagger feature: the derived files
    only, as the shipped model was trained with them)."""
    names = [n for row in read_tsv(PKG, "countries.tsv") for n in row[4].split("|")]
    names += [row[0] for row in read_tsv(PKG, "country_variants.tsv")]
    names += [n for row in read_tsv(PKG, "places.tsv") for n in row[6].split("|")]
    return frozenset(w for name in names for w in normalize(name).split())


@lru_cache(maxsize=1)
def person_names() -> frozenset[str]:
    return frozenset(read_lines(PKG, "person_names.txt"))


@lru_cache(maxsize=1)
def places_by_id() -> dict[str, Place]:
    return {p.id: p for ps in all_places().values() for p in ps}
