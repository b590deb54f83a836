"""What each page shows, as plain data: one function per page, used by both its HTML and its
JSON twin. HTML fragments made here (the highlighted article body, snippets) come only from
:mod:`.highlight`, which escapes every piece of corpus text.

Not for: HTTP (:mod:`.app`), SQL (:mod:`.queries` and the store) or markup (``templates/``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..arabic.normalize import normalize
from ..record import Record, Span, Statement
from ..report import chain_of_sources
from ..store.claims import link_state
from ..store.claims import said_before as said_before_for
from ..store.search import FilterError, check_filters, parse_query
from . import charts, queries
from .highlight import Mark, query_hits, render

PAGE_SIZE = 20
MAX_PAGE_SIZE = 50
MAX_PAGE = 50
MAX_QUERY_CHARS = 200
MAX_FILTER_CHARS = 100
FACET_SCAN = 1000  # facets count over at most this many top results
_SAFE_CLASS = re.compile(r"[^A-Za-z0-9_-]")


class BadRequest(ValueError):
    """A request outside the limits (query too long, page too far...)."""


class NotFound(LookupError):
    pass


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL (safe to put in an href), else None."""
    if url and re.match(r"^https?://[^\s<>\"']+$", url.strip(), re.I):
        return url.strip()
    return None


def _cls(x: Any) -> str:
    return _SAFE_CLASS.sub("", str(x or ""))[:20]


# -- search -----------------------------------------------------------------------------------
@dataclass
class SearchParams:
    q: str = ""
    outlet: str = ""
    since: str = ""
    until: str = ""
    entity: str = ""
    speaker: str = ""
    event_type: str = ""
    page: int = 1
    size: int = PAGE_SIZE

    @classmethod
    def parse(cls, args: dict[str, str]) -> "SearchParams":
        p = cls()
        p.q = (args.get("q") or "").strip()
        if len(p.q) > MAX_QUERY_CHARS:
            raise BadRequest(f"the query is longer than {MAX_QUERY_CHARS} characters")
        for name in ("outlet", "since", "until", "entity", "speaker", "event_type"):
            v = (args.get(name) or "").strip()
            if len(v) > MAX_FILTER_CHARS:
                raise BadRequest(f"{name} is longer than {MAX_FILTER_CHARS} characters")
            setattr(p, name, v)
        try:
            check_filters(since=p.since, until=p.until, event_type=p.event_type)
        except FilterError as e:
            raise BadRequest(str(e)) from None
        try:
            p.page = int(args.get("page") or 1)
            p.size = int(args.get("size") or PAGE_SIZE)
        except ValueError:
            raise BadRequest("page and size must be whole numbers") from None
        if not 1 <= p.page <= MAX_PAGE:
            raise BadRequest(f"page must be between 1 and {MAX_PAGE}")
        if not 1 <= p.size <= MAX_PAGE_SIZE:
            raise BadRequest(f"size must be between 1 and {MAX_PAGE_SIZE}")
        return p

    def filters(self) -> dict[str, str]:
        return {k: getattr(self, k) for k in ("outlet", "since", "until", "entity", "speaker",
                                               "event_type") if getattr(self, k)}

    def link(self, **change: Any) -> str:
        """The query string of this search with some parameters changed (None drops one)."""
        from urllib.parse import urlencode

        d = {"q": self.q, **self.filters(), "page": self.page, "size": self.size}
        d.update(change)
        d = {k: v for k, v in d.items() if v not in (None, "") and not (k == "page" and v == 1)
             and not (k == "size" and v == PAGE_SIZE)}
        return "/?" + urlencode(d) if d else "/"


def search_view(store, params: SearchParams) -> dict:
    filters = params.filters()
    until = filters.pop("until", None)
    res = store.search(params.q, **filters, until=until, limit=params.size,
                       offset=(params.page - 1) * params.size)
    _, forms = parse_query(params.q)
    terms = set(forms)
    hits = []
    for h in res.hits:
        snippet = h.snippet or ""
        hits.append({"id": h.id, "doc_id": h.doc_id, "title": h.title, "outlet": h.outlet,
                     "published": h.published, "url": h.url, "cluster_id": h.cluster_id,
                     "snippet": snippet, "score": h.score,
                     "snippet_html": render(snippet, query_hits(snippet, terms)),
                     "title_html": render(h.title or "", query_hits(h.title or "", terms))})
    if res.total:
        top = store.search(params.q, **filters, until=until, limit=FACET_SCAN, snippets=False)
        facets = queries.facet_counts(store.conn, [h.id for h in top.hits])
    else:
        facets = queries.facet_counts(store.conn, [])
    pages = max(1, min(MAX_PAGE, -(-res.total // params.size)))
    return {"query": params.q, "filters": params.filters(), "total": res.total,
            "stories": res.stories, "page": params.page, "pages": pages, "size": params.size,
            "hits": hits, "facets": facets, "facet_scan": min(res.total, FACET_SCAN)}


def search_json(view: dict) -> dict:
    out = dict(view)
    out["hits"] = [{k: v for k, v in h.items() if not k.endswith("_html")} for h in view["hits"]]
    return out


# -- article ----------------------------------------------------------------------------------
def _chain_parts(outlet: str | None, st: dict) -> list[dict]:
    """speaker, medium, outlet: the same path as :func:`naba.report.chain_of_sources`, as parts."""
    speaker = st.get("speaker_name") or (st["speaker"]["text"] if st.get("speaker") else None)
    parts = [{"role": "speaker", "text": speaker or "(unattributed)"}]
    if st.get("medium"):
        parts.append({"role": "medium", "text": st["medium"]["text"]})
    parts.append({"role": "outlet", "text": outlet or "(outlet unknown)"})
    return parts


def article_view(store, article_id: int) -> dict:
    meta = store.article(article_id)
    rec = store.record(article_id) if meta else None
    if meta is None or rec is None:
        raise NotFound(f"no article {article_id}")
    conn = store.conn
    text = rec.get("text") or ""
    mention_ent = queries.mention_entities(conn, article_id)
    speaker_ent = queries.statement_speakers(conn, article_id)
    names = queries.entity_names(conn, sorted(set(mention_ent.values()) | set(speaker_ent.values())))
    source = Record(outlet=meta.get("outlet"))  # all chain_of_sources reads of the record

    marks: list[Mark] = []
    for i, m in enumerate(rec.get("mentions") or ()):
        eid = mention_ent.get(i)
        ent = names.get(eid) if eid else None
        marks.append(Mark(m["start"], m["end"], "mention", {
            "class": f"m m-{_cls(m.get('type'))}",
            "href": f"/entity/{eid}" if eid else None,
            "title": f"{ent['name']} ({ent['type']})" if ent else m.get("type")}))
    said_before = said_before_for(conn, article_id)
    statements = []
    for i, st in enumerate(rec.get("statements") or ()):
        n = str(i + 1)
        for part in ("content", "speaker", "cue", "medium"):
            sp = st.get(part)
            if sp:
                attrs = {"class": f"st st-{part}", "data-n": n, "title": f"[{n}] {part}"}
                if part == "content":
                    attrs["id"] = f"s{n}"
                marks.append(Mark(sp["start"], sp["end"], part, attrs))
        eid = speaker_ent.get(i)
        statements.append({
            "n": i + 1,
            "speaker": (st.get("speaker") or {}).get("text"),
            "speaker_name": st.get("speaker_name"),
            "speaker_entity": eid,
            "cue": (st.get("cue") or {}).get("text"),
            "content": (st.get("content") or {}).get("text"),
            "medium": (st.get("medium") or {}).get("text"),
            "kind": st.get("kind"), "certainty": st.get("certainty"),
            "chain": chain_of_sources(source, Statement(
                None, None, st.get("kind"), st.get("certainty"),
                speaker=Span.from_dict(st.get("speaker")), speaker_name=st.get("speaker_name"),
                medium=Span.from_dict(st.get("medium")))),
            "chain_parts": _chain_parts(meta.get("outlet"), st),
            "said_before": said_before.get(i),
        })
    events = []
    times = rec.get("times") or []
    for i, ev in enumerate(rec.get("events") or ()):
        tr = ev.get("trigger")
        if tr:
            marks.append(Mark(tr["start"], tr["end"], "event", {
                "class": f"ev ev-{_cls(ev.get('type'))}", "data-type": ev.get("type"),
                "title": ev.get("type") + (" (negated)" if ev.get("negated") else "")}))
        t = ev.get("time")
        events.append({
            "type": ev.get("type"), "trigger": (tr or {}).get("text"),
            "actor": (ev.get("actor") or {}).get("text"),
            "target": (ev.get("target") or {}).get("text"),
            "location": (ev.get("location") or {}).get("text"),
            "time": (times[t].get("value") or times[t].get("text"))
            if isinstance(t, int) and 0 <= t < len(times) else None,
            "negated": bool(ev.get("negated")), "hedged": bool(ev.get("hedged"))})
    for t in times:
        marks.append(Mark(t["start"], t["end"], "time", {
            "class": "tm", "title": t.get("value") or t.get("kind")}))

    blocks = []
    paragraphs = rec.get("paragraphs") or [{"start": 0, "end": len(text), "kind": "body"}]
    for p in paragraphs:
        blocks.append({"kind": p.get("kind", "body"),
                       "html": render(text, marks, p["start"], p["end"])})

    cluster = []
    if meta.get("cluster_id") is not None:
        cluster = [dict(a, current=a["id"] == article_id)
                   for a in queries.cluster_articles(conn, meta["cluster_id"], limit=50)]
    entities = []
    seen = set()
    for i, m in enumerate(rec.get("mentions") or ()):
        eid = mention_ent.get(i)
        if eid and eid not in seen:
            seen.add(eid)
            entities.append({"id": eid, **{k: names[eid][k] for k in ("name", "type")}})
    return {
        "article": {**meta, "url_safe": safe_url(meta.get("url"))},
        "blocks": blocks,
        "statements": statements,
        "claims_linked": link_state(conn),  # "none": no "said before" was looked up yet
        "events": events,
        "entities": entities,
        "times": [{"text": t.get("text"), "value": t.get("value"), "kind": t.get("kind")}
                  for t in times],
        "removed": rec.get("removed") or [],
        "related": [{"text": r.get("text"), "url": r.get("url"), "url_safe": safe_url(r.get("url"))}
                    for r in rec.get("related") or ()],
        "cluster": cluster,
        "record": rec,
    }


def article_json(view: dict) -> dict:
    return {"article": view["article"], "record": view["record"],
            "statements": view["statements"], "entities": view["entities"],
            "cluster": view["cluster"]}


# -- entity -----------------------------------------------------------------------------------
def entity_view(store, entity_id: int) -> dict:
    conn = store.conn
    ent = queries.entity(conn, entity_id)
    if ent is None:
        raise NotFound(f"no entity {entity_id}")
    series = charts.month_series(queries.mentions_by_month(conn, entity_id))
    map_ = None
    if ent.get("lat") is not None and ent.get("lon") is not None:
        map_ = charts.place_map(ent["lat"], ent["lon"], ent["name"],
                                queries.places_near(conn, entity_id, limit=25))
    return {
        "entity": ent,
        "aliases": queries.aliases(conn, entity_id),
        "roles": queries.roles(conn, entity_id),
        "totals": queries.mention_totals(conn, entity_id),
        "by_month": series,
        "chart": charts.bar_chart(series),
        "statements_by": queries.statements_by(conn, entity_id),
        "statements_about": queries.statements_about(conn, entity_id),
        "cooccurring": queries.cooccurring(conn, entity_id),
        "events": queries.entity_events(conn, entity_id),
        "articles": queries.entity_articles(conn, entity_id),
        "map": map_,
    }


def entity_json(view: dict) -> dict:
    return {k: v for k, v in view.items() if k not in ("chart", "map")}


def find_entity(store, name: str) -> list[int]:
    if len(name) > MAX_FILTER_CHARS:
        raise BadRequest(f"the name is longer than {MAX_FILTER_CHARS} characters")
    return queries.entity_ids_by_alias(store.conn, normalize(name))


# -- story cluster ----------------------------------------------------------------------------
def cluster_view(store, cluster_id: int) -> dict:
    conn = store.conn
    info = queries.cluster(conn, cluster_id)
    arts = queries.cluster_articles(conn, cluster_id)
    if info is None and not arts:
        raise NotFound(f"no story cluster {cluster_id}")
    outlets: list[str] = []
    for a in arts:
        if a["outlet"] and a["outlet"] not in outlets:
            outlets.append(a["outlet"])
    return {"cluster": info or {"id": cluster_id, "size": len(arts)}, "articles": arts,
            "outlets": outlets}
