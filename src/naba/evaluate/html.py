"""``naba eval html --data DIR``: HTML extraction and publication dates against ../shared/data/html.

DIR holds one folder per source, each with pages and that source's expected output:

- ``trafilatura/``: ``assabah.expected.json`` (snippets "with" must be kept, "without" are
  boilerplate that must be gone, plus the title);
- ``fundus/``: ``LBCGroup.expected.json`` (title and body paragraphs, publishing date);
- ``newspaper4k/``: ``arabic_article.expected.txt`` (the body) and ``.expected_meta.json`` (title);
- ``goose3/``: ``test_cnn_arabic.expected.json`` (``cleaned_text``: the first characters of the body);
- ``htmldate/``: ``gold_dates.json`` (publication date and URL of 8 pages).

A page passes when its expected text is kept (every expected paragraph or snippet found in the
clean text), its boilerplate is gone (no "without" snippet; at most 5% of the clean text's
characters outside the expected body; no "read also" marker), and its title or date equals the
gold where the source gives one. Prints one line per page, then one JSON object as the last line.

Not for: speed (``bench/bench_analyze.py``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Callable

from ..arabic.normalize import normalize
from . import print_result

MAX_EXTRA_SHARE = 0.05
_TEASER_MARKER_RE = re.compile(r"(اقرا|إقرأ|اقرأ)\s*(ايضا|أيضا|أيضاً|ايضاً)")
STAGES = ("clean", "segment")


def _key(s: str) -> str:
    """Matching form: normalized, quotes and punctuation spacing ignored, spaces collapsed."""
    s = normalize(s)
    s = re.sub(r"[\"'“”«»„‟]", "", s)
    return " ".join(s.split())


def _analyze(path: Path, **meta):
    from ..pipeline import analyze

    return analyze(path.read_bytes(), stages=STAGES, **meta)


def _body_check(rec, expected_paragraphs: list[str]) -> dict:
    """Share of expected paragraphs found in the text, and share of the text not in the gold."""
    text_key = _key(rec.text)
    found = sum(1 for p in expected_paragraphs if _key(p) in text_key)
    gold_key = _key("\n".join(expected_paragraphs))
    extra = [p.text for p in rec.paragraphs if _key(p.text) not in gold_key]
    extra_chars = sum(len(x) for x in extra)
    return {
        "kept": found / max(1, len(expected_paragraphs)),
        "extra_share": extra_chars / max(1, len(rec.text)),
        "extra": extra,
    }


def _title_ok(rec, gold_title: str | None) -> bool | None:
    if not gold_title:
        return None
    return _key(rec.title or "") == _key(gold_title)


def _result(source: str, page: str, rec, checks: dict) -> dict:
    ok = all(v for k, v in checks.items() if v is not None and k.endswith("_ok"))
    return {"source": source, "page": page, "passed": ok, "title": rec.title,
            "published": rec.published, **checks}


def eval_trafilatura(d: Path) -> list[dict]:
    out = []
    for url, gold in json.loads((d / "assabah.expected.json").read_text(encoding="utf-8")).items():
        rec = _analyze(d / gold["file"], url=url)
        text = _key(rec.text)
        missing = [s for s in gold.get("with", []) if _key(s) not in text]
        leaked = [s for s in gold.get("without", []) if _key(s) in text]
        out.append(_result("trafilatura", gold["file"], rec, {
            "kept_ok": not missing, "boilerplate_ok": not leaked, "title_ok": _title_ok(rec, gold.get("title")),
            "missing": missing, "leaked": leaked}))
    return out


def eval_fundus(d: Path) -> list[dict]:
    gold = json.loads((d / "LBCGroup.expected.json").read_text(encoding="utf-8"))["V1"]
    meta = json.loads((d / "meta.info.json").read_text(encoding="utf-8"))
    url = next(iter(meta.values())).get("url")
    page = next(d.glob("LBCGroup*.html"))
    rec = _analyze(page, url=url)
    paragraphs = [p for s in gold["body"]["sections"] for p in s["headline"] + s["paragraphs"]]
    body = _body_check(rec, paragraphs)
    gold_date = (gold.get("publishing_date") or "")[:10] or None
    return [_result("fundus", page.name, rec, {
        "kept_ok": body["kept"] >= 1.0, "boilerplate_ok": body["extra_share"] <= MAX_EXTRA_SHARE,
        "title_ok": _title_ok(rec, gold.get("title")),
        "date_ok": (rec.published == gold_date) if gold_date else None,
        "kept": round(body["kept"], 3), "extra_share": round(body["extra_share"], 3), "extra": body["extra"]})]


def eval_newspaper4k(d: Path) -> list[dict]:
    meta = json.loads((d / "arabic_article.expected_meta.json").read_text(encoding="utf-8"))
    expected = (d / "arabic_article.expected.txt").read_text(encoding="utf-8")
    rec = _analyze(d / "arabic_article.html", url=meta.get("url"))
    body = _body_check(rec, [p for p in expected.split("\n") if p.strip()])
    return [_result("newspaper4k", "arabic_article.html", rec, {
        "kept_ok": body["kept"] >= 1.0, "boilerplate_ok": body["extra_share"] <= MAX_EXTRA_SHARE,
        "title_ok": _title_ok(rec, meta.get("title")),
        "kept": round(body["kept"], 3), "extra_share": round(body["extra_share"], 3), "extra": body["extra"]})]


def eval_goose3(d: Path) -> list[dict]:
    out = []
    for gold_path in sorted(d.glob("*.expected.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        page = gold_path.name.replace(".expected.json", ".html")
        rec = _analyze(d / page, url=gold.get("url"))
        start = _key(gold["expected"]["cleaned_text"])
        out.append(_result("goose3", page, rec, {
            # goose3 keeps only the body's first characters: the clean text must start with them
            "kept_ok": _key(rec.text).startswith(start),
            "boilerplate_ok": not _TEASER_MARKER_RE.search(rec.text)}))
    return out


def eval_htmldate(d: Path) -> list[dict]:
    out = []
    for page, gold in json.loads((d / "gold_dates.json").read_text(encoding="utf-8")).items():
        rec = _analyze(d / page, url=gold.get("url"))
        out.append(_result("htmldate", page, rec, {
            "date_ok": rec.published == gold["date"], "gold_date": gold["date"],
            "kept_ok": len(rec.text) >= 200,
            "boilerplate_ok": not _TEASER_MARKER_RE.search(rec.text)}))
    return out


SOURCES: dict[str, Callable[[Path], list[dict]]] = {
    "trafilatura": eval_trafilatura,
    "fundus": eval_fundus,
    "newspaper4k": eval_newspaper4k,
    "goose3": eval_goose3,
    "htmldate": eval_htmldate,
}


def evaluate(data: Path) -> tuple[list[dict], dict]:
    """Per-page results and the summary (per-source pass rates, htmldate date accuracy)."""
    from ..errors import NabaError

    pages: list[dict] = []
    for source, fn in SOURCES.items():
        if not (data / source).is_dir():
            continue
        try:
            pages.extend(fn(data / source))
        except NabaError as e:  # a page naba rejects fails; the evaluation goes on
            pages.append({"source": source, "page": "?", "passed": False, "error": f"{e.code}: {e}"})
    per_source = {}
    for p in pages:
        s = per_source.setdefault(p["source"], {"pages": 0, "passed": 0})
        s["pages"] += 1
        s["passed"] += bool(p["passed"])
    for s in per_source.values():
        s["pass_rate"] = round(s["passed"] / s["pages"], 3)
    dated = [p for p in pages if p["source"] == "htmldate"]
    correct = sum(1 for p in dated if p.get("date_ok"))
    summary = {
        "pages": len(pages),
        "passed": sum(1 for p in pages if p["passed"]),
        "per_source": per_source,
        "dates_correct": correct,
        "dates_total": len(dated),
        "date_accuracy": round(correct / len(dated), 3) if dated else None,
    }
    return pages, summary


def _cmd(args) -> int:
    data = Path(args.data)
    if not data.is_dir():
        from ..errors import InputError

        raise InputError(f"{data} is not a directory (expected ../shared/data/html)")
    pages, summary = evaluate(data)
    for p in pages:
        checks = " ".join(f"{k[:-3]}={'ok' if v else 'FAIL'}" for k, v in p.items()
                          if k.endswith("_ok") and v is not None)
        line = f"{'PASS' if p['passed'] else 'FAIL'} {p['source']}/{p['page']} {checks}"
        if p.get("error"):
            line += f" error={p['error']}"
        if p.get("gold_date") and not p.get("date_ok"):
            line += f" date={p.get('published')} gold={p['gold_date']}"
        for k in ("missing", "leaked", "extra"):
            if p.get(k):
                line += f" {k}={[x[:60] for x in p[k]]}"
        print(line)
    return print_result(summary)


def register(kinds) -> None:
    p = kinds.add_parser("html", help="HTML extraction and dates against ../shared/data/html")
    p.add_argument("--data", required=True, help="the html folder (../shared/data/html)")
    p.set_defaults(func=_cmd)
