"""The web UI through its HTTP interface (FastAPI's TestClient): pages and their JSON twins,
highlights from character offsets, escaping of hostile pages, limits, read-only, headers."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

import web_corpus
from naba.web.app import create_app


class Page(HTMLParser):
    """Every element with its attributes and the text inside it (for checking what is shown)."""

    VOID = {"meta", "link", "input", "img", "br", "hr", "circle", "line", "rect"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self.stack: list[dict] = []
        self.text = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        el = {"tag": tag, "attrs": dict(attrs), "text": []}
        self.elements.append(el)
        if tag not in self.VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag, attrs):
        self.elements.append({"tag": tag, "attrs": dict(attrs), "text": []})

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i]["tag"] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        self.text.append(data)
        for el in self.stack:
            el["text"].append(data)

    def with_class(self, cls: str) -> list[dict]:
        return [e for e in self.elements if cls in (e["attrs"].get("class") or "").split()]

    def texts(self, cls: str) -> list[str]:
        return ["".join(e["text"]) for e in self.with_class(cls)]


def joined(page: Page, cls: str) -> str:
    """The text of all elements of a class, split pieces put back together (first piece starts
    a new item)."""
    out = []
    for e in page.with_class(cls):
        piece = "".join(e["text"])
        if "cont" in e["attrs"]["class"].split() and out:
            out[-1] += piece
        else:
            out.append(piece)
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    db = tmp_path_factory.mktemp("web") / "corpus.db"
    ids = web_corpus.build(db)
    return db, ids


@pytest.fixture(scope="module")
def client(corpus):
    app = create_app(corpus[0], allowed_hosts=("testserver",))
    with TestClient(app) as c:
        c.app_state = app.state
        yield c


def test_pages_are_rtl_arabic_with_json_twins(client, corpus):
    _, ids = corpus
    a = ids["story_a"]
    cid = client.get(f"/api/article/{a}").json()["article"]["cluster_id"]
    ent = client.get(f"/api/article/{a}").json()["entities"][0]["id"]
    for path in ("/", "/?q=دمشق", f"/article/{a}", f"/entity/{ent}", f"/cluster/{cid}"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert r.headers["content-type"].startswith("text/html")
        assert '<html lang="ar" dir="rtl">' in r.text
        j = client.get(path + ("&" if "?" in path else "?") + "format=json")
        assert j.status_code == 200 and j.headers["content-type"] == "application/json", path


def test_article_highlights_statements_mentions_events_by_offset(client, corpus):
    _, ids = corpus
    aid = ids["story_b"]
    rec = client.get(f"/api/article/{aid}").json()["record"]
    page = Page(client.get(f"/article/{aid}").text)
    assert joined(page, "st-content") == [s["content"]["text"] for s in rec["statements"]]
    assert joined(page, "st-speaker") == [s["speaker"]["text"] for s in rec["statements"]]
    assert joined(page, "st-medium") == [s["medium"]["text"] for s in rec["statements"] if s["medium"]]
    assert joined(page, "m") == [m["text"] for m in rec["mentions"]]
    assert joined(page, "ev") == [e["trigger"]["text"] for e in rec["events"]]
    # the body reads exactly as the clean text: highlighting adds markup, never text
    body = [e for e in page.elements if e["tag"] in ("p", "h2") and "para" in e["attrs"].get("class", "")]
    assert "\n\n".join("".join(e["text"]) for e in body) == rec["text"]
    # each mention links to its corpus-wide entity page
    links = [e["attrs"]["href"] for e in page.with_class("m")]
    assert all(h.startswith("/entity/") for h in links)
    # the chain of sources: speaker <- medium <- outlet
    parts = [("".join(e["text"]), e["attrs"]["class"]) for e in page.elements
             if e["attrs"].get("class", "").startswith("chain-")]
    assert parts == [("سامي النجار", "chain-speaker"), ("قناة الشرق", "chain-medium"),
                     ("سكاي تست", "chain-outlet"),
                     ("سامي النجار", "chain-speaker"), ("سكاي تست", "chain-outlet")]


def test_other_versions_and_cluster_in_order_of_publication(client, corpus):
    _, ids = corpus
    art = client.get(f"/api/article/{ids['story_a']}").json()
    versions = [(c["published"], c["outlet"]) for c in art["cluster"]]
    assert versions == sorted(versions) and len(versions) == 3
    cl = client.get(f"/api/cluster/{art['article']['cluster_id']}").json()
    assert cl["outlets"] == ["سكاي تست", "Agence Test", "BBC Test"]
    page = Page(client.get(f"/cluster/{art['article']['cluster_id']}").text)
    assert [t.strip() for t in page.texts("outlet")] == cl["outlets"]


def test_said_before_under_each_statement_links_the_earlier_articles(client, corpus):
    _, ids = corpus
    # story_b (2018-03-01) said it first; story_a (03-02) and story_c (03-03) repeat the claim
    art = client.get(f"/api/article/{ids['story_c']}").json()
    sb = [s["said_before"] for s in art["statements"]]
    assert sb[0] is None  # "المحادثات في دمشق كانت مثمرة": too short to match
    assert [e["article_id"] for e in sb[1]["earlier"]] == [ids["story_b"], ids["story_a"]]
    assert all(e["same_speaker"] == 1 and e["same_story"] for e in sb[1]["earlier"])
    page = Page(client.get(f"/article/{ids['story_c']}").text)
    blocks = page.with_class("said-before")
    assert len(blocks) == 1 and "قيل من قبل" in "".join(blocks[0]["text"])
    links = [e["attrs"]["href"] for e in page.with_class("before-link")]
    assert links == [f"/article/{ids['story_b']}#s2", f"/article/{ids['story_a']}#s2"]
    assert "".join(page.with_class("earliest")[0]["text"]).count("سكاي تست") == 1
    assert [t.strip() for t in page.texts("before-link")] == [
        "بلاده ستواصل دعم الحوار بين الأطراف كافة"] * 2
    # the first report has nothing before it; the page stays right-to-left
    first = Page(client.get(f"/article/{ids['story_b']}").text)
    assert not first.with_class("said-before")
    assert first.elements[0]["tag"] == "html" and first.elements[0]["attrs"].get("dir") == "rtl"


def test_entity_page_chart_map_statements_cooccurring(client, corpus):
    _, ids = corpus
    art = client.get(f"/api/article/{ids['story_a']}").json()
    by_name = {e["name"]: e["id"] for e in art["entities"]}
    person = client.get(f"/api/entity/{by_name['سامي النجار']}").json()
    assert {a["alias"] for a in person["aliases"]} == {"سامي النجار", "النجار"}
    assert [r["role"] for r in person["roles"]] == ["وزير الخارجية"]
    assert len(person["statements_by"]) == 6  # two in each of three articles
    assert person["by_month"] == [{"month": "2018-03", "articles": 3}]
    assert {c["name"] for c in person["cooccurring"]} == {"قناة الشرق", "دمشق", "حلب"}
    html = client.get(f"/entity/{by_name['دمشق']}").text
    page = Page(html)
    assert page.with_class("chart") and page.with_class("bar")
    assert page.with_class("map") and page.with_class("here")
    assert "حلب" in page.texts("other-label")
    about = client.get(f"/api/entity/{by_name['دمشق']}?format=json").json()["statements_about"]
    assert len(about) == 3 and all("دمشق" in s["content_text"] for s in about)
    r = client.get("/entity", params={"name": "النجار"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/entity/{by_name['سامي النجار']}"


def test_search_ignores_diacritics_and_clitics_and_highlights(client):
    plain = client.get("/api/search", params={"q": "دمشق"}).json()
    assert plain["total"] == 3
    for q in ("دِمَشْق", "بدمشق"):
        assert client.get("/api/search", params={"q": q}).json()["total"] == 3, q
    page = Page(client.get("/", params={"q": "بدمشق"}).text)
    marks = [e for e in page.elements if e["tag"] == "mark"]
    assert marks and all("".join(m["text"]) == "دمشق" for m in marks)


def test_search_facets_and_filters(client):
    res = client.get("/api/search", params={"q": "دمشق"}).json()
    assert {f["value"] for f in res["facets"]["outlet"]} == {"Agence Test", "سكاي تست", "BBC Test"}
    assert res["facets"]["event_type"] == [{"value": "ASSAULT", "n": 3}]
    assert res["facets"]["speaker"][0]["value"] == "سامي النجار"
    one = client.get("/api/search", params={"q": "دمشق", "outlet": "BBC Test"}).json()
    assert one["total"] == 1 and one["hits"][0]["outlet"] == "BBC Test"
    dated = client.get("/api/search", params={"q": "دمشق", "since": "2018-03-02"}).json()
    assert dated["total"] == 2
    spoke = client.get("/api/search", params={"speaker": "النجار"}).json()
    assert spoke["total"] == 3
    assert client.get("/api/search", params={"event_type": "ASSAULT"}).json()["total"] == 4
    assert client.get("/api/search", params={"event_type": "assault"}).json()["total"] == 4


def _hostile_pages(client, corpus):
    _, ids = corpus
    h = ids["hostile"]
    art = client.get(f"/api/article/{h}").json()
    eid = art["entities"][0]["id"]
    return [f"/article/{h}", f"/entity/{eid}", f"/cluster/{art['article']['cluster_id']}",
            "/?q=عنوان", "/?q=window", f"/?entity={art['entities'][0]['name']}"]


def test_hostile_page_is_shown_as_text_never_as_markup(client, corpus):
    for path in _hostile_pages(client, corpus):
        r = client.get(path)
        assert r.status_code == 200, path
        page = Page(r.text)
        tags = {e["tag"] for e in page.elements}
        assert not tags & {"script", "iframe", "img", "object", "embed", "b"}, path
        svgs = [e for e in page.elements if e["tag"] == "svg"]
        assert all(e["attrs"].get("class") in ("chart", "map") for e in svgs), path
        for e in page.elements:
            assert not [a for a in e["attrs"] if a.startswith("on") or a == "autofocus"], (path, e)
            href = e["attrs"].get("href")
            if href is not None:
                assert href.startswith(("/", "https://", "http://", "#")), (path, href)
        shown = "".join(page.text)
        assert web_corpus.PWNED in shown, path  # the hostile text is displayed, as text
    body = Page(client.get(_hostile_pages(client, corpus)[0]).text)
    assert f"<script>window.{web_corpus.PWNED}=1</script>" in "".join(body.text)
    assert "{{7*7}}" in "".join(body.text)


def test_no_endpoint_writes(client, corpus):
    _, ids = corpus
    for path in ("/", f"/article/{ids['story_a']}", "/api/search", "/static/naba.css", "/nowhere"):
        for method in ("POST", "PUT", "PATCH", "DELETE"):
            r = client.request(method, path, content=b"x")
            assert r.status_code == 405 and r.headers["allow"] == "GET, HEAD", (method, path)


def test_database_is_opened_read_only(client, corpus):
    db, ids = corpus
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for path in ("/", "/?q=دمشق", f"/article/{ids['story_a']}", f"/article/{ids['hostile']}"):
        client.get(path)
    store = client.app_state.stores.get()
    with pytest.raises(sqlite3.OperationalError):
        store.conn.execute("DELETE FROM articles")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_security_headers_on_every_kind_of_response(client, corpus):
    _, ids = corpus
    for path in ("/", f"/api/article/{ids['story_a']}", "/static/naba.css", "/nowhere",
                 "/?q=" + "x" * 500):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'none'" in csp, path
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("params", [
    {"q": "ا" * 201}, {"page": "51"}, {"size": "51"}, {"size": "0"}, {"page": "x"},
    {"since": "2018-13-45'; DROP TABLE articles;--"}, {"event_type": "<script>"},
    {"outlet": "o" * 101}, {"event_type": "BOMBING"}, {"since": "2018-13-01"},
])
def test_limits_on_query_and_page_size(client, params):
    r = client.get("/", params=params)
    assert r.status_code == 400
    j = client.get("/api/search", params=params)
    assert j.status_code == 400 and "error" in j.json()


def test_sql_metacharacters_are_just_text(client):
    for q in ("' OR 1=1 --", '"unbalanced', "NEAR(a b)", "a*", "-", "\"\"", "دمشق) OR (1"):
        r = client.get("/api/search", params={"q": q})
        assert r.status_code == 200, q


@pytest.mark.parametrize("path", ["/article/999999", "/article/abc", "/article/1e3",
                                  "/entity/99999999999999999999", "/cluster/-1",
                                  "/api/article/999999"])
def test_unknown_ids_are_404(client, path):
    assert client.get(path).status_code == 404


def test_unknown_host_is_refused(corpus):
    app = create_app(corpus[0])  # default: only localhost names
    with TestClient(app, base_url="http://evil.example") as c:
        assert c.get("/").status_code == 400
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/").status_code == 200


def test_static_font_is_local_and_licensed(client):
    css = client.get("/static/naba.css").text
    urls = re.findall(r"url\(([^)]*)\)", css)
    assert urls and all(u.strip("\"'").startswith("fonts/") for u in urls)
    for w in ("Regular", "Bold"):
        r = client.get(f"/static/fonts/NotoNaskhArabic-{w}.woff2")
        assert r.status_code == 200 and r.content[:4] == b"wOF2"
    assert "SIL Open Font License" in client.get("/static/fonts/OFL.txt").text


def test_seed_statements_shown_with_speaker_and_medium(seed_record, tmp_path):
    """The seed, analysed by the pipeline as it is today: every statement the record holds is
    highlighted in the text, with its speaker and its medium (the TV channel) shown."""
    rec = seed_record.to_dict()
    assert rec["statements"], "the pipeline found no statement in the seed"
    db = tmp_path / "seed.db"
    ids = web_corpus.build(db, rec)
    with TestClient(create_app(db, allowed_hosts=("testserver",))) as c:
        page = Page(c.get(f"/article/{ids['seed']}").text)
    assert joined(page, "st-content") == [s["content"]["text"] for s in rec["statements"]]
    assert joined(page, "st-speaker") == [s["speaker"]["text"] for s in rec["statements"]
                                          if s["speaker"]]
    assert joined(page, "st-medium") == [s["medium"]["text"] for s in rec["statements"]
                                         if s["medium"]]
    panel = page.with_class("stmt")
    assert len(panel) == len(rec["statements"])
    for st, li in zip(rec["statements"], panel):
        shown = "".join(li["text"])
        assert (st["speaker_name"] or st["speaker"]["text"]) in shown
        if st["medium"]:
            assert st["medium"]["text"] in shown


def test_a_store_never_linked_says_so_instead_of_showing_no_earlier_claims(tmp_path, client, corpus):
    """Without claim links (a store built before "said before"), the article page says the
    statements were not compared yet, rather than showing nothing as if nothing was said before."""
    assert "claims-unlinked" not in client.get(f"/article/{corpus[1]['story_a']}").text
    db = tmp_path / "unlinked.db"
    ids = web_corpus.build(db)
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM meta WHERE key='claims_stamp'")
    app = create_app(db, allowed_hosts=("testserver",))
    with TestClient(app) as c:
        page = c.get(f"/article/{ids['story_a']}").text
    assert "claims-unlinked" in page and "naba claims --update" in page


def test_serve_on_a_port_in_use_fails_with_one_line_before_serving(tmp_path):
    import socket
    import subprocess
    import sys

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        p = subprocess.run([sys.executable, "-m", "naba", "serve", "--db", str(tmp_path / "x.db"),
                            "--port", str(port)], capture_output=True, text=True, timeout=60)
    assert p.returncode == 2 and "serving" not in p.stdout
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and f"127.0.0.1:{port}" in lines[0] and "in use" in lines[0], p.stderr
