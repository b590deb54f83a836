"""HTML -> main text and metadata, with trafilatura (text, title, author, site, url) and htmldate
(publication date from the page's metadata and markup; never from a copyright footer), plus what
they miss on Arabic pages: datelines with Arabic month names in date meta tags and date-classed
elements, the site name in ``<title>``, and the teasers of the "إقرأ أيضاً" block.

Not for: cleaning the text (that is :mod:`naba.stages.clean`, which runs on this output too).
"""

from __future__ import annotations

import re

from ..errors import NoArticleText, TruncatedInput

_OPEN_RE = re.compile(r"<\s*(html|body)\b", re.I)
_CLOSE_RE = re.compile(r"</\s*(html|body)\s*>", re.I)
_HTML_START_RE = re.compile(
    r"\s*(?:<!--.*?-->\s*)*(<!doctype\s+html|<html\b|<head\b|<\?xml)", re.I | re.S)
_HTML_TAG_RE = re.compile(r"</?(p|div|article|span|a|br|h[1-6]|table|li|ul|meta|title|link|script)\b[^>]*>", re.I)


def looks_like_html(s: str) -> bool:
    """A page starts with a doctype/<html>/<head> (after comments such as a browser's "saved
    from url" note) or shows at least three HTML tags in its first 4 KB."""
    head = s[:4096]
    if _HTML_START_RE.match(head):
        return True
    return len(_HTML_TAG_RE.findall(head)) >= 3


_BLOCK_OPEN_RE = re.compile(r"<(p|div|article)\b", re.I)
_BLOCK_CLOSE_RE = re.compile(r"</(p|div|article)\s*>", re.I)


def check_complete(html: str) -> None:
    """Raise TruncatedInput when a page that opened <html>/<body> never closes either, or when
    a fragment stops in the middle of text or of a tag with paragraphs left open."""
    if _OPEN_RE.search(html[:20000]):
        if not _CLOSE_RE.search(html[-20000:]):
            raise TruncatedInput("HTML is truncated: the page opens <html>/<body> but never closes it")
        return
    if not html.rstrip().endswith(">") and (
            len(_BLOCK_OPEN_RE.findall(html)) > len(_BLOCK_CLOSE_RE.findall(html))):
        raise TruncatedInput("HTML is truncated: it stops inside an open paragraph")


def extract(html: str, url: str | None = None) -> dict:
    """Main text and metadata of a page: ``{text, title, author, sitename, url, date, description,
    related}`` (``related``: the teasers of its "إقرأ أيضاً" block)."""
    import trafilatura  # heavy import kept lazy for text-only use

    check_complete(html)
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True, deduplicate=False, date_extraction_params=None,
    )
    if doc is None:
        raise NoArticleText("no article text found in the HTML page")
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = d.get("text") or ""
    if not text.strip():
        raise NoArticleText("no article text found in the HTML page")
    return {
        "text": text,
        "title": clean_title(d.get("title"), d.get("sitename"), text),
        "author": _clean_author(d.get("author")),
        "sitename": _clean_sitename(d.get("sitename")),
        "url": d.get("url") or url,
        "date": find_date(html, url),
        "description": d.get("description"),
        "related": related_links(html, d.get("url") or url),
    }


_MARKER_HINT_RE = re.compile(r"[اإ]قر[أا]\s*[أا]يض|ذات صل|قد يهمك|شاهد\s*[أا]يض")
MAX_RELATED = 10


def related_links(html: str, url: str | None = None) -> list[dict]:
    """Teased headlines of a page's "إقرأ أيضاً" block: the links after an element whose whole
    text is a teaser marker (``arabic/data/teasers.tsv``), in the nearest enclosing block that
    has any (trafilatura drops the block with the rest of the page chrome)."""
    if not _MARKER_HINT_RE.search(html):
        return []
    from urllib.parse import urljoin

    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except Exception:  # lxml rejects some odd documents; no teasers then
        return []
    markers = _teaser_markers()
    order = None
    out: list[dict] = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style") or len(el):
            continue  # a marker is a leaf element ("<span>إقرأ أيضاً</span>")
        text = " ".join(_norm(el.text_content()).split()).rstrip(":： ")
        if not text or len(text) > 30 or not any(
                (m := rx.match(text)) and not (m.groups() and m.group(1)) for rx in markers):
            continue
        if order is None:
            order = {e: i for i, e in enumerate(tree.iter())}
        links = _links_after(el, order)
        for a in links:
            headline = " ".join((a.text_content() or a.get("title") or "").split())
            href = a.get("href")
            if _is_headline(headline) and all(r["text"] != headline for r in out):
                out.append({"text": headline, "url": urljoin(url or "", href) if href else None})
            if len(out) >= MAX_RELATED:
                return out
    return out


_YEAR_RE = re.compile(r"\b(19|20)\d\d\b")


def _is_headline(text: str) -> bool:
    """Three words or more, and not a date line ("ديسمبر 25, 2020") or a "read more" link."""
    words = text.split()
    return len(words) >= 3 and not (len(words) <= 4 and _YEAR_RE.search(text))


def _links_after(marker, order: dict) -> list:
    """Links after ``marker`` in the nearest of its first four ancestors that has any."""
    pos = order[marker]
    node = marker
    for _ in range(4):
        node = node.getparent()
        if node is None:
            return []
        links = [a for a in node.iter("a") if order.get(a, -1) > pos
                 and len((a.text_content() or "").split()) >= 3]
        if links:
            return links
    return []


def _teaser_markers() -> tuple[re.Pattern, ...]:
    """The teaser patterns of ``teasers.tsv`` that match a marker with nothing after it."""
    from ..stages.clean import teaser_patterns

    return teaser_patterns()


_TITLE_SPLIT_RE = re.compile(r"\s+(?:[-|–—]|::)\s+")


def clean_title(title: str | None, sitename: str | None, text: str) -> str | None:
    """The headline without the site name pages add to ``<title>`` ("X - اليوم السابع",
    "المدينة نيوز - X"): a part equal to the site name goes; when one part is the body's first
    line, that part is the headline."""
    if not title:
        return title
    parts = _TITLE_SPLIT_RE.split(title.strip())
    if len(parts) < 2:
        return title.strip()
    first_line = _norm(text.strip().split("\n", 1)[0])
    for part in parts:
        if _norm(part) == first_line:
            return part.strip()
    site = _norm(sitename or "")
    kept = [p for p in parts if not site or (_norm(p) not in site and site not in _norm(p))]
    if kept and len(kept) < len(parts):
        return " - ".join(p.strip() for p in kept)
    return title.strip()


def _norm(s: str) -> str:
    from ..arabic.normalize import normalize

    return " ".join(normalize(s).split())


def _clean_sitename(name: str | None) -> str | None:
    """trafilatura sometimes gives the site's URL as its name: keep the host ("akhbarelyom.com")."""
    if name and re.match(r"https?://", name):
        return re.sub(r"^https?://(www\.)?", "", name).strip("/") or None
    return name


def _clean_author(author: str | None) -> str | None:
    """trafilatura sometimes returns image alt text or URLs as the author: drop those."""
    if not author or re.search(r"https?|www\.|\.png|\.jpg|logo", author, re.I):
        return None
    return author


def find_date(html: str, url: str | None = None) -> str | None:
    """Publication date (YYYY-MM-DD) from the page's metadata/markup, or None.

    htmldate with ``extensive_search=False`` reads metadata, structured data, the URL and date
    markup; no free-text guessing, so a "© 2024" footer cannot become the date. When it finds
    nothing, :func:`find_arabic_date` reads Arabic datelines in publication-date meta tags and
    date-classed elements ("الأربعاء، 07 أكتوبر 2020"), which htmldate does not parse.
    """
    from htmldate import find_date as _find

    try:
        found = _find(html, url=url, original_date=True, extensive_search=False,
                      outputformat="%Y-%m-%d")
    except Exception:  # htmldate raises assorted errors on odd markup; a missing date is fine
        found = None
    return found or find_arabic_date(html)


_META_DATE_RE = re.compile(r"publish|date|created|issued", re.I)
_META_NOT_RE = re.compile(r"modif|updat|creation_date|expir", re.I)
_DATE_CLASS_RE = re.compile(r"date|time|publish|created|posted", re.I)
# Chrome that shows today's date (header clocks, prayer times), the site's years or other articles' dates
# (related lists, sidebars, comments), never this article's.
_DATE_CLASS_NOT_RE = re.compile(
    r"header|footer|copyright|today|current|clock|weather|prayer|modif|updat|timeline|related|sidebar|widget|comment",
    re.I)
_COPYRIGHT_RE = re.compile(r"©|&copy;|copyright|حقوق", re.I)


def find_arabic_date(html: str) -> str | None:
    """The date of an Arabic dateline in a publication-date ``<meta>`` or in an element whose
    class/id/itemprop says date/time/published (not header/footer/copyright chrome), or None."""
    from lxml import html as lxml_html

    from .dates import parse_arabic_date, parse_date

    try:
        tree = lxml_html.fromstring(html)
    except Exception:  # lxml rejects some odd documents; no date then
        return None
    metas = []
    for meta in tree.iter("meta"):
        key = " ".join(meta.get(a, "") for a in ("property", "name", "itemprop"))
        content = meta.get("content") or ""
        if content and _META_DATE_RE.search(key) and not _META_NOT_RE.search(key):
            metas.append((0 if "publish" in key.lower() else 1, content))
    for _, content in sorted(metas, key=lambda m: m[0]):
        date = parse_date(content)
        if date:
            return date
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        key = " ".join(el.get(a, "") for a in ("class", "id", "itemprop"))
        if not key.strip() or not _DATE_CLASS_RE.search(key) or _DATE_CLASS_NOT_RE.search(key):
            continue
        if any(_DATE_CLASS_NOT_RE.search(" ".join(a.get(k, "") for k in ("class", "id")))
               for a in el.iterancestors()):
            continue
        text = el.text_content()[:300]
        if _COPYRIGHT_RE.search(text):
            continue
        date = (parse_date(el.get("datetime")) if el.get("datetime") else None) or parse_arabic_date(text)
        if date:
            return date
    return None
