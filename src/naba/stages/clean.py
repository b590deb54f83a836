"""Stage 1, clean: from a scraped body to the article as its author wrote it.

What it does, in order:
1. characters: HTML entities unescaped, CRLF, BOMs, bidi marks and odd spaces fixed;
2. lines classified against data files (``arabic/data/boilerplate.tsv``, ``teasers.tsv``,
   ``navigation_exact.txt``): site chrome, share/app-promotion lines, agency sign-offs,
   disclaimers go to ``record.removed`` with their reason; "اقرأ أيضاً" teasers to
   ``record.related``; a line repeating the title, the abstract or an earlier line is removed;
3. words broken to evade filters ("محـ.ـاربة") repaired, kashida inside words removed
   ("جــودت" -> "جودت"), prefix+kashida ("بـ7") kept; every repair listed in ``meta["repairs"]``;
4. the title taken from the first line when the input had none;
5. paragraphs laid out (joined by a blank line) and typed heading/body.

After this stage ``record.text`` never changes. Not for: sentence splitting (``segment``).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from ..arabic import charsets as cs
from ..arabic.normalize import normalize
from ..arabic.resources import data_lines, data_tsv
from ..errors import NoArticleText
from ..record import Paragraph, Record

L = cs.ARABIC_LETTER_CLASS
_ZW = "\u200B\u200C\u200D\u2060\u00AD"
# A word broken by kashida + a dot/star/dash (or zero-width characters) between two letters.
_OBFUSCATION_RE = re.compile(
    f"(?<=[{L}])(?:\u0640+[.·•*_\\-]+\u0640*|\u0640*[.·•*_\\-]+\u0640+|[{_ZW}]+)(?=[{L}])")
_INWORD_KASHIDA_RE = re.compile(f"(?<=[{L}{cs.DIACRITICS}])\u0640+(?=[{L}])")
_WORD_AROUND_RE = re.compile(f"[{cs.ARABIC_WORD_CLASS}.·•*_\\-{_ZW}]+")
_SPACES_RE = re.compile(f"[ \t{cs.SPACES}]+")
_DROP_CHARS = str.maketrans({c: None for c in cs.BIDI_MARKS + "\uFEFF"})
_URL_RE = re.compile(r"https?://\S+")
_HEADING_END = tuple(".!?؟:،,;؛…\"”»)")
MAX_HEADING_WORDS = 14


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((reason, re.compile(normalize(rx))) for reason, rx in data_tsv("boilerplate.tsv"))


@lru_cache(maxsize=1)
def _teasers() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(normalize(rx)) for rx in data_lines("teasers.tsv"))


@lru_cache(maxsize=1)
def _navigation() -> frozenset[str]:
    return frozenset(normalize(x) for x in data_lines("navigation_exact.txt"))


def _key(line: str) -> str:
    """Normalized, space-collapsed form of a line for classification and duplicate checks."""
    return " ".join(normalize(line).split())


def fix_characters(text: str) -> str:
    if "&" in text:
        text = html.unescape(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_DROP_CHARS)
    return text


def repair_words(line: str, repairs: list[dict]) -> str:
    """Join words broken by kashida+dots or zero-width characters; drop in-word kashida."""
    if "\u0640" not in line and not any(c in line for c in _ZW):
        return line
    if _OBFUSCATION_RE.search(line):
        def fix(m: re.Match) -> str:
            word = m.group()
            fixed = _INWORD_KASHIDA_RE.sub("", _OBFUSCATION_RE.sub("", word))
            if fixed != word:
                shown_from, shown_to = word, fixed
                first_break = next((i for i, c in enumerate(word) if c == "\u0640" or c in ".·•*_-" + _ZW), 0)
                if word[0] in "وفبلك" and first_break >= 3:  # report the word without its proclitic
                    shown_from, shown_to = word[1:], fixed[1:]
                repairs.append({"from": shown_from, "to": shown_to, "reason": "obfuscated"})
            return fixed

        line = _WORD_AROUND_RE.sub(fix, line)
    if "\u0640" in line:
        line = _INWORD_KASHIDA_RE.sub("", line)
    return "".join(c for c in line if c not in _ZW)


def classify(line: str) -> tuple[str, str | None]:
    """("keep", None) | ("removed", reason) | ("related", teased headline or "")."""
    key = _key(line)
    if key in _navigation():
        return "removed", "navigation"
    for rx in _teasers():
        m = rx.match(key)
        if m:
            return "related", m.group(1) if m.groups() else ""
    for reason, rx in _boilerplate():
        if rx.search(key):
            return "removed", reason
    return "keep", None


def _teaser_text(line: str) -> str:
    """The teased headline as written (after the "اقرأ أيضاً:" marker)."""
    m = re.match(r"\s*\S+\s+\S+?\s*[:：\-–—]+\s*", line)
    if m:
        return line[m.end():].strip()
    parts = line.split(None, 2)
    return parts[2].strip() if len(parts) > 2 else ""


def _is_heading(line: str, next_line: str | None) -> bool:
    if next_line is None:
        return False
    s = line.strip()
    if not s or s.endswith(_HEADING_END):
        return False
    n = len(s.split())
    return 1 <= n <= MAX_HEADING_WORDS and len(next_line.split()) > n


def run(record: Record) -> Record:
    text = fix_characters(record.text)
    repairs: list[dict] = []
    title_key = _key(record.title) if record.title else None
    abstract = record.meta.get("abstract")
    abstract_key = _key(abstract) if isinstance(abstract, str) and abstract.strip() else None
    seen: set[str] = set()
    kept: list[str] = []
    pending_teaser = False
    for raw_line in text.split("\n"):
        line = _SPACES_RE.sub(" ", raw_line).strip()
        if not line:
            pending_teaser = False
            continue
        verdict, detail = classify(line)
        if verdict == "keep" and pending_teaser and len(line.split()) <= 25:
            record.related.append(_related(line))
            continue
        pending_teaser = False
        if verdict == "removed":
            record.removed.append({"text": line, "reason": detail})
            continue
        if verdict == "related":
            teaser = _teaser_text(line)
            if teaser:
                record.related.append(_related(teaser))
            else:
                pending_teaser = True
                record.removed.append({"text": line, "reason": "teaser-marker"})
            continue
        key = _key(line)
        if key in seen:
            record.removed.append({"text": line, "reason": "duplicate-line"})
            continue
        if title_key and key == title_key:
            record.removed.append({"text": line, "reason": "repeated-title"})
            continue
        if abstract_key and kept == [] and (key == abstract_key or
                                           (len(key) > 40 and abstract_key.startswith(key[:-3]))):
            record.removed.append({"text": line, "reason": "repeated-abstract"})
            continue
        seen.add(key)
        kept.append(repair_words(line, repairs))
    for rel in record.related:  # repairs in teasers are reported, their text is kept as written
        repair_words(rel["text"], repairs)
    if not record.title and len(kept) > 1 and _is_title_line(kept[0]):
        record.title = kept.pop(0)
    if not kept:
        raise NoArticleText("no article text left after removing boilerplate")
    _layout(record, kept)
    if repairs:
        record.meta["repairs"] = repairs
    return record


def _is_title_line(line: str) -> bool:
    return len(line.split()) <= 30 and not line.rstrip().endswith((".", "…", ":"))


def _related(text: str) -> dict:
    m = _URL_RE.search(text)
    url = m.group().rstrip(").,،") if m else None
    if m:
        text = (text[:m.start()] + text[m.end():]).strip()
    return {"text": text, "url": url}


def _layout(record: Record, lines: list[str]) -> None:
    parts, paragraphs, pos = [], [], 0
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        kind = "heading" if _is_heading(line, nxt) else "body"
        paragraphs.append(Paragraph(pos, pos + len(line), line, kind))
        parts.append(line)
        pos += len(line) + 2
    record.text = "\n\n".join(parts)
    record.paragraphs = paragraphs
