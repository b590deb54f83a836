"""Full-text search over the store, in Arabic that ignores diacritics, hamza and alef forms, ta
marbuta and glued clitics, with filters on metadata and annotations.

Query syntax: words (all must match, in any form: وبالرئيس finds الرئيس), "quoted phrases"
(matched on clitic-stripped forms, in order), and ``-word`` to exclude. Results are ranked by
BM25 (or by date with ``order="date"``); ``total`` counts matching articles and ``stories``
counts them once per story cluster (near-duplicates across outlets). A query matching more than
``RANK_MAX`` articles is ordered by date instead (BM25 over tens of thousands of matches costs
hundreds of milliseconds; the result's ``order`` says which order was used).

Not for: writing (:mod:`.db`) or the index terms themselves (:mod:`.prepare`).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from ..arabic.normalize import normalize, unshape
from ..arabic.tokenize import TOKEN_RE, strip_prefix
from .prepare import query_terms

RANK_MAX = 3000
_QUERY_RE = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')
# YYYY, YYYY-MM or YYYY-MM-DD with a month 01-12 and a day 01-31 (not checked against the month:
# "2018-02-31" is how the web view's facet links say "to the end of February")
_FILTER_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")


class FilterError(ValueError):
    """A search filter that cannot match anything by its form (a date that is not a date, an
    event type that is not a PLOVER type): a mistake to report, not "0 articles"."""

    def __init__(self, name: str, value: str, reason: str):
        self.name, self.value, self.reason = name, value, reason
        super().__init__(f"{name} {value!r} {reason}")

    def as_option(self) -> str:
        """The message with the filter named as its command-line option (``--event-type``)."""
        return f"--{self.name.replace('_', '-')} {self.value!r} {self.reason}"


def check_filters(*, since: str | None = None, until: str | None = None,
                  event_type: str | None = None) -> None:
    """Raise :class:`FilterError` for the first filter of :func:`search` with a bad form. The one
    check behind ``naba search`` and the web view's search."""
    from ..record import PLOVER_TYPES

    for name, v in (("since", since), ("until", until)):
        if v and not _FILTER_DATE.fullmatch(v):
            raise FilterError(name, v, "is not a date YYYY-MM-DD (or YYYY-MM, YYYY)")
    if event_type and event_type.upper() not in PLOVER_TYPES:
        raise FilterError("event_type", event_type, f"is not one of {', '.join(PLOVER_TYPES)}")


@dataclass
class Hit:
    id: int
    doc_id: str | None
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    cluster_id: int | None
    snippet: str
    score: float | None = None
    copies: int = 1  # articles of the same story among the matches (with dedup=True)


@dataclass
class SearchResult:
    query: str
    total: int
    stories: int
    hits: list[Hit] = field(default_factory=list)
    order: str = "rank"  # the order used: "rank" (BM25) or "date" (newest first)

    def to_dict(self) -> dict:
        return {"query": self.query, "total": self.total, "stories": self.stories,
                "order": self.order, "hits": [asdict(h) for h in self.hits]}


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def parse_query(query: str) -> tuple[str | None, list[str]]:
    """The FTS5 MATCH expression for ``query`` (None when it has no words) and the word forms
    used to highlight a snippet."""
    positive, negative, forms = [], [], []
    for m in _QUERY_RE.finditer(query):
        neg = bool(m.group(1) or m.group(3))
        if m.group(2) is not None:  # a phrase
            words = [normalize(t.group()) for t in TOKEN_RE.finditer(m.group(2))]
            words = [w for w in words if w[:1].isalnum()]
            if not words:
                continue
            bases = [strip_prefix(w)[1] if len(w) > 3 and w[0] in "وفبلكا" else w for w in words]
            expr = "base : " + _quote(" ".join(bases))
            forms += [] if neg else words + bases
        else:
            words = [t.group() for t in TOKEN_RE.finditer(m.group(4))]
            words = [w for w in words if normalize(w)[:1].isalnum()]
            if not words:
                continue
            parts = []
            for w in words:
                terms = query_terms(w)
                forms += [] if neg else terms
                parts.append("{norm base alt} : (" + " OR ".join(_quote(t) for t in terms) + ")")
            expr = " AND ".join(parts)
        (negative if neg else positive).append(f"({expr})")
    if not positive:
        return None, forms
    expr = " AND ".join(positive)
    for n in negative:
        expr += f" NOT {n}"
    return expr, forms


def _entity_ids_sql(param: str) -> str:
    return (f"(SELECT id FROM entities WHERE norm={param}"
            f" UNION SELECT entity_id FROM aliases WHERE norm={param})")


def search(store, query: str = "", *, outlet: str | None = None, since: str | None = None,
           until: str | None = None, entity: str | None = None, speaker: str | None = None,
           event_type: str | None = None, limit: int = 20, offset: int = 0,
           order: str = "rank", dedup: bool = False, snippets: bool = True) -> SearchResult:
    query = query or ""
    query = unshape(query)  # shaped glyphs (PDFs): the letters, as the clean stage gives the text
    match, forms = parse_query(query)
    where, params = [], []
    if match:
        where.append("f.articles_fts MATCH ?")
        params.append(match)
    if outlet:
        where.append("a.outlet = ? COLLATE NOCASE")
        params.append(outlet)
    if since:
        where.append("a.published >= ?")
        params.append(since)
    if until:
        where.append("a.published <= ?")
        params.append(until + "~")  # inclusive of times on that day
    if entity:
        where.append("a.id IN (SELECT article_id FROM mentions WHERE entity_id IN "
                     + _entity_ids_sql("?1e") + ")")
    if speaker:
        where.append("a.id IN (SELECT article_id FROM statements WHERE speaker_entity IN "
                     + _entity_ids_sql("?1s") + " OR instr(speaker_norm, ?1s) > 0)")
    if event_type:
        where.append("a.id IN (SELECT article_id FROM events WHERE type = ?)")
        params.append(event_type.upper())
    sql_from = ("articles_fts f JOIN articles a ON a.id = f.rowid" if match else "articles a")
    # named parameters for the repeated ones; positional for the rest
    named = {"1e": normalize(entity) if entity else None, "1s": normalize(speaker) if speaker else None}
    sql_where = " AND ".join(where) or "1"
    sql_where, params = _bind(sql_where, params, named)

    conn = store.conn
    total, stories = conn.execute(
        f"SELECT count(*), count(DISTINCT coalesce(a.cluster_id, -a.id)) FROM {sql_from}"
        f" WHERE {sql_where}", params).fetchone()
    by_rank = bool(match) and order == "rank" and total <= RANK_MAX
    score = "f.rank" if by_rank else "NULL"
    order_by = "a.published DESC, a.id DESC"
    cols = "a.id, a.doc_id, a.title, a.outlet, a.published, a.url, a.cluster_id"
    if dedup:  # one hit per story: its best-ranked (or latest) article, with the count
        agg = ("min(f.rank)" if by_rank
               else "max(coalesce(a.published, '') || printf('%012d', a.id))")
        sql = (f"SELECT {cols}, {agg} AS score, count(*) AS copies FROM {sql_from}"
               f" WHERE {sql_where} GROUP BY coalesce(a.cluster_id, -a.id)")
        order_by = "score" if by_rank else "score DESC"
    else:
        sql = f"SELECT {cols}, {score} AS score, 1 AS copies FROM {sql_from} WHERE {sql_where}"
        if by_rank:
            order_by = "score"
    sql += f" ORDER BY {order_by} LIMIT ? OFFSET ?"
    rows = conn.execute(sql, params + [int(limit), int(offset)]).fetchall()
    hits = []
    for r in rows:
        snippet = ""
        if snippets:
            text = store.text(r[0]) or ""
            snippet = make_snippet(text, forms)
        hits.append(Hit(*r[:7], snippet=snippet, score=r[7] if by_rank else None, copies=r[8]))
    return SearchResult(query=query, total=total, stories=stories, hits=hits,
                        order="rank" if by_rank else "date")


def _bind(sql: str, positional: list, named: dict[str, Any]) -> tuple[str, list]:
    """Turn ``?1e``-style repeated parameters into plain ``?`` in order of appearance."""
    out, params, pos = [], [], iter(positional)
    for piece in re.split(r"(\?1[es]|\?)", sql):
        if piece == "?":
            params.append(next(pos))
            out.append("?")
        elif piece in ("?1e", "?1s"):
            params.append(named[piece[1:]])
            out.append("?")
        else:
            out.append(piece)
    return "".join(out), params


_VARIANTS = {"ا": "اأإآٱ", "ي": "يىی", "ه": "هة", "ك": "كک"}
_MARKS = "[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]*"  # diacritics and tatweel, skipped


@lru_cache(maxsize=256)
def _forms_regex(forms: tuple[str, ...]) -> re.Pattern | None:
    """A regex over the *display* text matching any normalized form, whatever diacritics or
    letter variants the text has (snippets need positions in the text as written)."""
    alts = []
    for f in sorted(set(forms), key=len, reverse=True):
        if not f:
            continue
        parts = []
        for ch in f:
            v = _VARIANTS.get(ch)
            parts.append(f"[{v}]" if v else re.escape(ch))
        alts.append(_MARKS.join(parts))
    return re.compile("|".join(alts), re.IGNORECASE) if alts else None


def make_snippet(text: str, forms: list[str], width: int = 90) -> str:
    """A window of ``text`` around the first place that matches one of ``forms``."""
    rx = _forms_regex(tuple(forms))
    m = rx.search(text) if rx else None
    if m is None:
        return " ".join(text[:2 * width].split())
    pos = m.start()
    start = max(0, pos - width)
    end = min(len(text), pos + width)
    while start > 0 and not text[start - 1].isspace() and pos - start < width + 15:
        start -= 1
    while end < len(text) and not text[end].isspace() and end - pos < width + 15:
        end += 1
    return ("…" if start > 0 else "") + " ".join(text[start:end].split()) + ("…" if end < len(text) else "")
