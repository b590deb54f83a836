"""Corpus-wide entity ids: the same canonical entity gets the same id in every article.

Places linked to the gazetteer use its id ("iso:SY", "geo:170654"); everything else is
``<type>:<12 hex of sha1(normalized canonical name)>``, so "بشّار الأسد" and "بشار الأسد" in two
articles give one id. A person named by surname alone in an article gets the surname's id, unless
``data/known_names.tsv`` lists the form as a well-known person's or organisation's ("بوتين" ->
"فلاديمير بوتين", "مجلس الأمن" -> "مجلس الأمن الدولي"). Full names spelt two ways ("هيذر ناورت",
"هيذر نويرت") share the id of the spelling ``data/name_variants.tsv`` gives as canonical (mined
from the news corpus by :mod:`.variants`).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from ..arabic.resources import read_tsv
from .group import words_of


def canonical_key(name: str, typ: str) -> str:
    words = list(words_of(name))  # "«أوبك" is أوبك, "#ترمب" ترمب, "للأمم" الأمم
    if typ == "PER":
        words = [w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words]
    return " ".join(words).replace("عبد ", "عبد")


@lru_cache(maxsize=1)
def _known() -> dict[tuple[str, str], str]:
    out = {}
    for typ, name, forms in read_tsv("naba.entities.data", "known_names.tsv"):
        for f in [name] + forms.split("|"):
            out[(typ, canonical_key(f, typ))] = name
    # mined spellings (naba.entities.variants) never override the hand list, and join its names
    for typ, name, forms in read_tsv("naba.entities.data", "name_variants.tsv"):
        name = out.get((typ, canonical_key(name, typ)), name)
        for f in [name] + forms.split("|"):
            out.setdefault((typ, canonical_key(f, typ)), name)
    return out


def known_name(typ: str, name: str) -> str | None:
    """The canonical name of a well-known person or organisation named ``name``
    (``data/known_names.tsv``), or of a transliterated full name spelt another way in the news
    (``data/name_variants.tsv``: "هيذر ناورت" -> "هيذر نويرت")."""
    return _known().get((typ, canonical_key(name, typ)))


def entity_id(typ: str, name: str, place_id: str | None = None) -> str:
    if place_id:
        return place_id
    name = known_name(typ, name) or name
    digest = hashlib.sha1(canonical_key(name, typ).encode("utf-8")).hexdigest()[:12]
    return f"{typ.lower()}:{digest}"
