"""Corpus-wide entity ids: the same canonical entity gets the same id in every article.

Places linked to the gazetteer use its id ("iso:SY", "geo:170654"); everything else is
``<type>:<12 hex of sha1(normalized canonical name)>``, so "بشّار الأسد" and "بشار الأسد" in two
articles give one id. A person named by surname alone in an article gets the surname's id.
"""

from __future__ import annotations

import hashlib

from ..arabic.normalize import normalize


def canonical_key(name: str, typ: str) -> str:
    words = [w for w in normalize(name).split() if w[:1].isalnum()]
    if words and words[0].startswith("لل") and len(words[0]) > 4:
        words[0] = "ا" + words[0][1:]
    if typ == "PER":
        words = [w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words]
    return " ".join(words).replace("عبد ", "عبد")


def entity_id(typ: str, name: str, place_id: str | None = None) -> str:
    if place_id:
        return place_id
    digest = hashlib.sha1(canonical_key(name, typ).encode("utf-8")).hexdigest()[:12]
    return f"{typ.lower()}:{digest}"
