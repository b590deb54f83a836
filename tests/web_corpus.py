"""A small corpus for the web tests: the seed (analysed by the real pipeline), a story told by
three outlets, and a hostile page whose every field is HTML and script.

The crafted records are written by hand (spans found by searching their own text), so the UI is
tested on statements, events and places whatever state the analysis stages are in; the seed is
what the pipeline gives today. Built with the store's API (``Store.write_record``, ``cluster``, ``link_claims``).
"""

from __future__ import annotations

from pathlib import Path

from naba.record import SCHEMA

# the flag every injected script tries to set; the browser tests check it stays unset
PWNED = "__naba_pwned"


def _span(text: str, sub: str, nth: int = 0, **extra) -> dict:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(sub, pos + 1)
    return {"start": pos, "end": pos + len(sub), "text": sub, **extra}


def _record(id_: str, title: str, outlet: str, published: str, paragraphs: list[str], *,
            url: str | None = None, entities=(), mentions=(), statements=(), events=(),
            times=(), removed=(), related=()) -> dict:
    text = "\n\n".join(paragraphs)
    paras, pos = [], 0
    for p in paragraphs:
        paras.append({"start": pos, "end": pos + len(p), "text": p, "kind": "body"})
        pos += len(p) + 2
    rec = {"schema": SCHEMA, "id": id_, "title": title, "url": url, "outlet": outlet,
           "published": published, "author": None, "text": text, "removed": list(removed),
           "related": list(related), "headings": [], "paragraphs": paras, "sentences": [],
           "entities": list(entities), "mentions": [], "statements": [], "events": [],
           "times": [], "warnings": [], "meta": {}}
    for sub, nth, typ, ent in mentions:
        rec["mentions"].append(_span(text, sub, nth, type=typ, entity=ent))
    for st in statements:
        rec["statements"].append({
            "speaker": _span(text, *st["speaker"]) if st.get("speaker") else None,
            "speaker_entity": st.get("speaker_entity"), "speaker_name": st.get("speaker_name"),
            "cue": _span(text, *st["cue"]), "content": _span(text, *st["content"]),
            "kind": st.get("kind", "indirect"),
            "medium": _span(text, *st["medium"]) if st.get("medium") else None,
            "certainty": st.get("certainty", "reported")})
    for ev in events:
        rec["events"].append({
            "type": ev["type"], "trigger": _span(text, *ev["trigger"]),
            **{k: (_span(text, *ev[k][:2], entity=ev[k][2]) if ev.get(k) else None)
               for k in ("actor", "target", "location")},
            "time": ev.get("time"), "negated": False, "hedged": False})
    for sub, value, kind in times:
        rec["times"].append(_span(text, sub, value=value, kind=kind))
    return rec


STORY = [
    "قال وزير الخارجية سامي النجار في مقابلة مع قناة الشرق إن المحادثات في دمشق كانت مثمرة وإن جولة جديدة ستعقد قريبا في العاصمة السورية بحضور وفود من عدة دول عربية وأجنبية.",
    "وأضاف النجار أن بلاده ستواصل دعم الحوار بين الأطراف كافة، مشيرا إلى أن الوضع الإنساني في الشمال ما زال صعبا ويحتاج إلى مساعدات عاجلة من المنظمات الدولية.",
    "وهاجمت قوات مجهولة موقعا عسكريا قرب حلب يوم الثلاثاء، بحسب مصادر محلية تحدثت عن سقوط عدد من الجرحى في صفوف المدنيين.",
]
PLACES = [
    {"id": "L1", "type": "LOC", "name": "دمشق", "aliases": ["دمشق"], "roles": [],
     "gazetteer": "gn:170654", "country": "SY", "lat": 33.5102, "lon": 36.2913},
    {"id": "L2", "type": "LOC", "name": "حلب", "aliases": ["حلب"], "roles": [],
     "gazetteer": "gn:170063", "country": "SY", "lat": 36.2021, "lon": 37.1343},
]


def story_record(id_: str, outlet: str, published: str, variant: str = "") -> dict:
    paras = list(STORY)
    if variant:
        paras.append(variant)
    return _record(
        id_, "وزير الخارجية: محادثات دمشق كانت مثمرة", outlet, published, paras,
        url=f"https://news.example/{id_}",
        entities=[{"id": "P1", "type": "PER", "name": "سامي النجار",
                   "aliases": ["سامي النجار", "النجار"], "roles": ["وزير الخارجية"]},
                  {"id": "O1", "type": "ORG", "name": "قناة الشرق", "aliases": ["قناة الشرق"],
                   "roles": []}] + PLACES,
        mentions=[("سامي النجار", 0, "PER", "P1"), ("قناة الشرق", 0, "ORG", "O1"),
                  ("دمشق", 0, "LOC", "L1"), ("النجار", 1, "PER", "P1"), ("حلب", 0, "LOC", "L2")],
        statements=[
            {"speaker": ("وزير الخارجية سامي النجار",), "speaker_entity": "P1",
             "speaker_name": "سامي النجار", "cue": ("قال",),
             "content": ("المحادثات في دمشق كانت مثمرة",), "medium": ("قناة الشرق",)},
            {"speaker": ("النجار", 1), "speaker_entity": "P1", "speaker_name": "سامي النجار",
             "cue": ("وأضاف",), "content": ("بلاده ستواصل دعم الحوار بين الأطراف كافة",)},
        ],
        events=[{"type": "ASSAULT", "trigger": ("وهاجمت",), "actor": ("قوات مجهولة", 0, None),
                 "location": ("حلب", 0, "L2"), "time": 0}],
        times=[("يوم الثلاثاء", "2018-02-27", "relative")])


X = f"window.{PWNED}"
HOSTILE_PARAS = [
    f'<script>{X}=1</script>قال المتحدث <img src=x onerror="{X}=2;alert(1)"> إن الوضع هادئ.',
    f'"><svg onload={X}=3><b onmouseover="{X}=4">نص عريض</b></p><script src="/x.js"></script>',
    f"<iframe src=\"javascript:{X}=5\"></iframe> {{{{7*7}}}} {{% raw %}} ' onfocus={X}=6 autofocus x='",
]


def hostile_record() -> dict:
    return _record(
        "hostile", f'<img src=x onerror="{X}=10">عنوان <script>{X}=11</script>',
        f"<script>{X}=12</script>Evil TV", "2018-03-05", HOSTILE_PARAS,
        url=f"javascript:{X}=13",
        entities=[{"id": "P9", "type": "PER", "name": f"<script>{X}=14</script>زيد",
                   "aliases": [f'<b onclick="{X}=15">زيد</b>'],
                   "roles": [f"<svg onload={X}=16>"]}],
        mentions=[(f'<img src=x onerror="{X}=2;alert(1)">', 0, "PER", "P9"),
                  ('<b onmouseover="', 0, "PER", "P9")],
        statements=[{"speaker": ("المتحدث",), "speaker_entity": "P9",
                     "speaker_name": f"<script>{X}=17</script>", "cue": ("قال",),
                     "content": (f'<img src=x onerror="{X}=2;alert(1)"> إن الوضع هادئ',),
                     "medium": (f"<svg onload={X}=3>",)}],
        events=[{"type": "ASSAULT", "trigger": ("<iframe",), "actor": None}],
        removed=[{"text": f"<script>{X}=18</script>", "reason": f"<b onclick={X}=19>x</b>"}],
        related=[{"text": f"<a href=javascript:{X}=20>اضغط</a>", "url": f"javascript:{X}=21"},
                 {"text": "رابط عادي", "url": f'https://ok.example/"><script>{X}=22</script>'}])


def build(db: Path, seed_record=None) -> dict:
    """Write the corpus to ``db``; returns the article ids by name."""
    from naba.store.db import Store

    ids = {}
    with Store(db) as store:
        records = {
            "story_a": story_record("story-a", "Agence Test", "2018-03-02"),
            "story_b": story_record("story-b", "سكاي تست", "2018-03-01",
                                    "وكانت الجولة السابقة قد انتهت دون نتائج تذكر."),
            "story_c": story_record("story-c", "BBC Test", "2018-03-03",
                                    "ولم تعلق الحكومة على التصريحات حتى الآن."),
            "hostile": hostile_record(),
        }
        if seed_record is not None:
            records["seed"] = seed_record
        for name, rec in records.items():
            store.write_record(rec)
            ids[name] = store.article_id(rec["id"])
        store.cluster(force=True)
        store.link_claims(force=True)
    return ids
