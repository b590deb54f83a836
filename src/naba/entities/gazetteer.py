"""Runtime gazetteer lookups: normalized name -> place/country record, and name-token lists.

Countries come first (``iso:<CC>``), then GeoNames places (``geo:<geonameid>``, the most populous
place of a name wins). Everything is keyed on :func:`naba.arabic.normalize.normalize`.

Not for: building the files (:mod:`.build`) or deciding what is a mention (the tagger does).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..arabic.normalize import normalize
from ..arabic.resources import read_lines, read_tsv

PKG = "naba.entities.data"


@dataclass(frozen=True, slots=True)
class Place:
    id: str  # "iso:SY" or "geo:170654"
    kind: str  # country | city
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
def places() -> dict[str, Place]:
    out: dict[str, Place] = {}
    countries: dict[str, Place] = {}
    for cc, name, lat, lon, names in read_tsv(PKG, "countries.tsv"):
        p = countries[cc] = Place(f"iso:{cc}", "country", name, cc, _f(lat), _f(lon))
        for n in names.split("|"):
            out.setdefault(normalize(n), p)
    for name, cc in read_tsv(PKG, "country_variants.tsv"):
        if cc in countries:
            out.setdefault(normalize(name), countries[cc])
    for gid, name, cc, pop, lat, lon, names in read_tsv(PKG, "places.tsv"):
        p = Place(f"geo:{gid}", "city", name, cc, _f(lat), _f(lon), int(pop or 0))
        for n in names.split("|"):
            out.setdefault(normalize(n), p)
    return out


def lookup(norm_name: str) -> Place | None:
    """The place a normalized name denotes, if the gazetteer knows it."""
    return places().get(norm_name)


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Every normalized word of a known place name (for tagger features)."""
    return frozenset(w for name in places() for w in name.split())


@lru_cache(maxsize=1)
def person_names() -> frozenset[str]:
    return frozenset(read_lines(PKG, "person_names.txt"))


@lru_cache(maxsize=1)
def places_by_id() -> dict[str, Place]:
    return {p.id: p for p in places().values()}
