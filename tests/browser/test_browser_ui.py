"""What a person sees in a real browser (headless Chromium): search -> article -> entity ->
story cluster, right-to-left, highlighted, with nothing from the corpus ever executed."""

from __future__ import annotations

import pytest

import web_corpus

pytestmark = pytest.mark.browser


def _page(browser, server, **ctx):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **ctx)
    page = context.new_page()
    foreign = []
    page.on("request", lambda r: None if r.url.startswith(server) else foreign.append(r.url))
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    return context, page, foreign, dialogs


def test_search_article_entity_cluster(browser, server, shot):
    context, page, foreign, dialogs = _page(browser, server)
    page.goto(server + "/")
    page.fill("input[name=q]", "بدمشق")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector("ol.hits li.hit")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    hits = page.locator("ol.hits li.hit")
    total = page.request.get(f"{server}/api/search?q=بدمشق").json()["total"]
    assert hits.count() == total >= 3  # the three versions of the story (and the seed, if analysed)
    assert page.locator("mark.hit").first.inner_text() == "دمشق"
    # the facets sit at the inline start: on the right of the results in a right-to-left page
    facets = page.locator("aside.facets").bounding_box()
    results = page.locator("section.results").bounding_box()
    assert facets["x"] > results["x"]
    shot(page, "1-search")

    hits.filter(has_text="Agence Test").locator("h2 a").click()
    page.wait_for_selector(".article-body")
    assert page.evaluate("getComputedStyle(document.querySelector('.article-body')).direction") == "rtl"
    aid = page.url.rsplit("/", 1)[1]
    rec = page.request.get(f"{server}/api/article/{aid}").json()["record"]
    n = len(rec["statements"])
    assert page.locator(".article-body .st-content:not(.cont)").count() == n
    assert page.locator("aside .stmt").count() == n
    assert page.locator(".article-body a.m").count() >= len(rec["mentions"])
    assert page.locator(".article-body .ev").count() >= len(rec["events"])
    # highlights are visible: the statement background is painted
    bg = page.evaluate("getComputedStyle(document.querySelector('.st-content')).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    # the Arabic font is the bundled one, loaded from this server
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('16px \"Noto Naskh Arabic\"', 'دمشق')")
    shot(page, "2-article")

    # a toggle (no script: a checkbox and CSS) hides the statement highlights
    page.click("label[for=t-st]")
    bg_off = page.evaluate("getComputedStyle(document.querySelector('.st-content')).backgroundColor")
    assert bg_off in ("rgba(0, 0, 0, 0)", "transparent")
    page.click("label[for=t-st]")

    page.locator(".article-body a.m", has_text="دمشق").first.click()
    page.wait_for_selector(".entity-head h1")
    assert "دمشق" in page.locator(".entity-head h1").inner_text()
    assert page.locator("svg.chart rect.bar").count() >= 1
    assert page.locator("svg.map circle.here").is_visible()
    assert page.locator(".stmt-row").count() >= 1
    shot(page, "3-entity")

    page.go_back()
    page.locator("a", has_text="القصة عبر المصادر").first.click()
    page.wait_for_selector("ol.timeline")
    outlets = page.locator("ol.timeline .outlet-name").all_inner_texts()
    assert outlets == ["سكاي تست", "Agence Test", "BBC Test"]
    dates = page.locator("ol.timeline .when").all_inner_texts()
    assert dates == sorted(dates)
    shot(page, "4-cluster")
    assert not foreign, f"requests left the server: {foreign}"
    assert not dialogs
    context.close()


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["csp", "no-csp"])
def test_no_script_from_the_corpus_runs(browser, server, corpus, shot, bypass_csp):
    """The hostile page, with the Content-Security-Policy on and also bypassed (so that only
    the escaping stands between its scripts and the reader)."""
    _, ids = corpus
    context, page, foreign, dialogs = _page(browser, server, bypass_csp=bypass_csp)
    hid = ids["hostile"]
    art = page.request.get(f"{server}/api/article/{hid}").json()
    eid = art["entities"][0]["id"]
    flag = web_corpus.PWNED
    for path in (f"/article/{hid}", f"/entity/{eid}", "/?q=window", "/?q=عنوان",
                 f"/cluster/{art['article']['cluster_id']}"):
        page.goto(server + path)
        page.wait_for_load_state("load")
        for el in page.locator(".article-body b, .article-body span, .article-body a").all()[:20]:
            el.hover()
        page.wait_for_timeout(100)
        assert page.evaluate(f"typeof window.{flag}") == "undefined", path
        assert page.evaluate("document.scripts.length") == 0, path
        assert page.locator("iframe, img, object, embed").count() == 0, path
    page.goto(server + f"/article/{hid}")
    body = page.locator(".article-body").inner_text()
    assert f"<script>window.{flag}=1</script>" in body
    assert "{{7*7}}" in body
    shot(page, "hostile")
    assert not dialogs, dialogs
    assert not foreign, foreign
    context.close()


def test_seed_statements_with_speakers_and_channel(browser, server, corpus, shot):
    _, ids = corpus
    assert "seed" in ids, "the seed could not be analysed (see the output of the corpus fixture)"
    context, page, foreign, dialogs = _page(browser, server)
    rec = page.request.get(f"{server}/api/article/{ids['seed']}").json()["record"]
    page.goto(f"{server}/article/{ids['seed']}")
    assert rec["statements"]
    rows = page.locator("aside .stmt")
    assert rows.count() == len(rec["statements"])
    for i, st in enumerate(rec["statements"]):
        row = rows.nth(i).inner_text()
        assert (st["speaker_name"] or st["speaker"]["text"]) in row
        if st["medium"]:
            assert st["medium"]["text"] in row
            assert page.locator(f".article-body .st-medium[data-n='{i + 1}']").first.is_visible()
        if st["speaker"]:
            assert page.locator(f".article-body .st-speaker[data-n='{i + 1}']").first.is_visible()
    shot(page, "seed")
    context.close()
