"""Highlighting by character offsets (naba.web.highlight) and the SVG chart geometry."""

from __future__ import annotations

import random
from html.parser import HTMLParser

from naba.web.charts import bar_chart, month_series, place_map
from naba.web.highlight import Mark, query_hits, render
from naba.store.prepare import query_terms


class Check(HTMLParser):
    """Collects text, checks tags nest properly, and records (tag, attrs, text) per element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.stack, self.done = [], [], []

    def handle_starttag(self, tag, attrs):
        self.stack.append([tag, dict(attrs), ""])

    def handle_endtag(self, tag):
        el = self.stack.pop()
        assert el[0] == tag, f"</{tag}> closes <{el[0]}>"
        self.done.append(el)

    def handle_data(self, data):
        self.text.append(data)
        for el in self.stack:
            el[2] += data


def parse(html: str) -> Check:
    c = Check()
    c.feed(str(html))
    c.close()
    assert not c.stack
    return c


SEED_LINE = "قال السفير الإيراني السابق في سوريا “محمد رضا باقري”، إنّ بشار الأسد خلال لقاءه مع “الخامنئي” ناقش"


def test_nested_and_crossing_marks_keep_the_text_and_nest():
    t = SEED_LINE
    speaker = t.index("السفير")
    marks = [Mark(0, 3, "cue", {"class": "st-cue"}),
             Mark(speaker, t.index("”،") + 1, "speaker", {"class": "st-speaker"}),
             Mark(t.index("محمد"), t.index("”،"), "mention", {"class": "m", "href": "/entity/1"}),
             Mark(t.index("بشار"), len(t), "content", {"class": "st-content", "id": "s1"}),
             # starts before the content and ends inside it: the content is split in two
             Mark(t.index("إنّ"), t.index("الأسد") + 5, "event", {"class": "ev"})]
    c = parse(render(t, marks))
    assert "".join(c.text) == t
    pieces = [el for el in c.done if el[1].get("class", "").startswith("st-content")]
    assert sorted(p[1]["class"] for p in pieces) == ["st-content", "st-content cont"]
    assert "".join(p[2] for p in sorted(pieces, key=lambda p: "cont" in p[1]["class"])) \
        == t[t.index("بشار"):]
    assert [el[1]["id"] for el in c.done if "id" in el[1]] == ["s1"]
    mention = next(el for el in c.done if el[0] == "a")
    assert mention[2] == "محمد رضا باقري" and mention[1]["href"] == "/entity/1"


def test_random_overlaps_never_lose_or_add_text():
    rng = random.Random(3)
    t = SEED_LINE * 3
    kinds = ["content", "speaker", "cue", "medium", "event", "mention", "time", "hit"]
    for _ in range(300):
        marks = []
        for _ in range(rng.randrange(0, 12)):
            a = rng.randrange(len(t))
            b = min(len(t), a + rng.randrange(1, 60))
            marks.append(Mark(a, b, rng.choice(kinds), {"class": "x"}))
        lo = rng.randrange(len(t) // 2)
        hi = rng.randrange(lo, len(t))
        c = parse(render(t, marks, lo, hi))
        assert "".join(c.text) == t[lo:hi]


def test_text_and_attributes_are_escaped():
    t = '<script>alert("x")</script> & <b onclick=\'y\'>'
    html = str(render(t, [Mark(0, 8, "mention", {"class": 'm"><script>', "href": "/e/1?a=\"b'",
                                                   "onclick": "evil()"})]))
    assert "<script>" not in html and "<b " not in html
    c = parse(html)
    assert [el[0] for el in c.done] == ["a"]
    assert "".join(c.text) == t
    assert c.done[0][1] == {"class": 'm"><script>', "href": "/e/1?a=\"b'"}


def test_query_hits_find_forms_with_clitics_and_diacritics():
    t = "وصل الرئيسُ إلى دمشق، ثم التقى بالرئيس السوري وللرئيس كلمة"
    terms = set(query_terms("الرئيس"))
    hits = query_hits(t, terms)
    assert [t[h.start:h.end] for h in hits] == ["الرئيسُ", "بالرئيس", "وللرئيس"]


def test_month_series_fills_gaps_and_bars_scale():
    s = month_series([{"month": "2017-11", "articles": 4}, {"month": "2018-02", "articles": 2}])
    assert [r["month"] for r in s] == ["2017-11", "2017-12", "2018-01", "2018-02"]
    assert [r["articles"] for r in s] == [4, 0, 0, 2]
    chart = bar_chart(s)
    hs = [b["h"] for b in chart["bars"]]
    assert hs[0] == 2 * hs[3] and hs[1] == 0
    xs = [b["x"] for b in chart["bars"]]
    assert xs == sorted(xs)  # time runs left to right


def test_place_map_puts_north_up_and_east_right():
    m = place_map(33.51, 36.29, "دمشق", [{"id": 2, "name": "حلب", "lat": 36.2, "lon": 37.13}])
    aleppo = m["others"][0]
    assert aleppo["y"] < m["y"] and aleppo["x"] > m["x"]
    assert 0 <= m["x"] <= m["width"] and 0 <= m["y"] <= m["height"]
