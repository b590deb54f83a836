"""The corpus-wide key of a store entity, and its display name.

A record entity's ``id`` is corpus-wide when it has one of naba's forms
(:mod:`naba.entities.ids`): a gazetteer place (``iso:SY``, ``geo:170654``, ``reg:west-bank``,
``nat:nile``, ``cont:europe``: :mod:`naba.entities.gazetteer`) or ``<type>:<12 hex>`` (``per:``,
``org:``, ``loc:``, ``misc:``, ...), the digest of the canonical name, which
``data/known_names.tsv`` makes one for the spelling variants of well-known names. The store keys
entities by, in order: a knowledge-base link the record gives (``kb:<link>``), that id, else
``TYPE|normalized name`` (records not made by naba, whose ids are local: "e1", "P1").

Not for: computing ids (:mod:`naba.entities.ids`), re-keying a stored corpus (:mod:`.rekey`).
"""

from __future__ import annotations

import re

from ..arabic.normalize import normalize

KB_KEYS = ("kb", "kb_id", "link", "wikidata", "geonames", "geonames_id")
GAZETTEER_PREFIXES = ("iso", "geo", "reg", "nat", "cont")
NABA_ID = re.compile(r"(?:(?:%s):[^\s|:]+|[a-z]{2,8}:[0-9a-f]{12})\Z" % "|".join(GAZETTEER_PREFIXES))


def is_naba_id(x: object) -> bool:
    return isinstance(x, str) and NABA_ID.match(x) is not None


def entity_key(ent: dict) -> str:
    """The store key of a record entity dict."""
    kb = next((str(ent[k]) for k in KB_KEYS if ent.get(k)), None)
    if kb:
        return f"kb:{kb}"
    if is_naba_id(ent.get("id")):
        return ent["id"]
    return f"{ent.get('type') or ''}|{normalize(ent.get('name') or '')}"


def display_name(typ: str | None, name: str) -> str:
    """The well-known canonical name of ``name`` (``known_names.tsv``), else ``name`` itself."""
    from ..entities.ids import known_name
    return (known_name(typ, name) if typ and name else None) or name
