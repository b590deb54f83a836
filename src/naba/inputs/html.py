"""HTML -> main text and metadata, with trafilatura (text, title, author, site, url) and htmldate
(publication date from the page's metadata and markup; never from a copyright footer).

Not for: cleaning the text (that is :mod:`naba.stages.clean`, which runs on this output too).
"""

from __future__ import annotations

import re

from ..errors import NoArticleText, TruncatedInput

_OPEN_RE = re.compile(r"<\s*(html|body)\b", re.I)
_CLOSE_RE = re.compile(r"</\s*(html|body)\s*>", re.I)
HTML_SNIFF_RE = re.compile(
    r"^\s*(<!doctype\s+html|<html\b|<head\b|<body\b|<meta\b|<!--)|<(p|div|article|span|a|br|h[1-6])\b[^>]*>",
    re.I)


def looks_like_html(s: str) -> bool:
    head = s[:4096]
    if re.match(r"\s*(<!doctype\s+html|<html\b|<head\b|<\?xml)", head, re.I):
        return True
    return len(re.findall(r"</?(p|div|article|span|a|br|h[1-6]|table|li|ul)\b[^>]*>", head, re.I)) >= 3


def check_complete(html: str) -> None:
    """Raise TruncatedInput when a page that opened <html>/<body> never closes either."""
    if _OPEN_RE.search(html[:20000]) and not _CLOSE_RE.search(html[-20000:]):
        raise TruncatedInput("HTML is truncated: the page opens <html>/<body> but never closes it")


def extract(html: str, url: str | None = None) -> dict:
    """Main text and metadata of a page: ``{text, title, author, sitename, url, date, description}``."""
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
        "title": d.get("title"),
        "author": d.get("author"),
        "sitename": d.get("sitename"),
        "url": d.get("url") or url,
        "date": find_date(html, url),
        "description": d.get("description"),
    }


def find_date(html: str, url: str | None = None) -> str | None:
    """Publication date (YYYY-MM-DD) from the page's metadata/markup, or None.

    ``extensive_search=False`` keeps htmldate to metadata, structured data, URL and date markup:
    no free-text guessing, so a "© 2024" footer cannot become the date.
    """
    from htmldate import find_date as _find

    try:
        return _find(html, url=url, original_date=True, extensive_search=False,
                     outputformat="%Y-%m-%d")
    except Exception:  # htmldate raises assorted errors on odd markup; a missing date is fine
        return None
