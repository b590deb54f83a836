"""Stage 1, clean: from a scraped body to the article as its author wrote it.

What it does, in order:
1. characters: HTML entities unescaped, CRLF, BOMs, bidi marks and odd spaces fixed;
2. lines classified against data files (``arabic/data/boilerplate.tsv``, ``teasers.tsv``,
   ``navigation_exact.txt``): site chrome, share/app-promotion lines, agency sign-offs,
   disclaimers go to ``record.removed`` with their reason, and so does chrome glued into a
   line (``boilerplate_inline.tsv``: tag lists, promo links, byline prefixes); "اقرأ أيضاً" teasers to
   ``record.related``; bylines before the body; a first line repeating the title, a cut-off
   copy of the abstract and a repeated line of six words or more are removed (a lead paragraph
   equal to the abstract stays: the abstract is metadata, the lead is the story);
3. words broken to evade filters ("محـ.ـاربة") repaired, kashida inside words removed
   ("جــودت" -> "جودت"), prefix+kashida ("بـ7") kept; every repair listed in ``meta["repairs"]``
   (reason "obfuscated" or "kashida");
4. the title taken from the first line when the input had none; the publication date taken
   from a dateline in the first lines when the metadata had none;
5. paragraphs laid out (joined by a blank line) and typed heading/body.

After this stage ``record.text`` never changes. Not for: sentence splitting (``segment``).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from ..arabic import charsets as cs
from ..arabic.normalize import normalize, unshape
from ..arabic.resources import data_lines, data_tsv
from ..errors import NoArticleText
from ..inputs.dates import parse_arabic_date
from ..record import Paragraph, Record

L = cs.ARABIC_LETTER_CLASS
_ZW = "\u200B\u200C\u200D\u2060\u00AD"
# A word broken by kashida + a dot/star/dash (or zero-width characters) between two letters.
_OBFUSCATION_RE = re.compile(
    f"(?<=[{L}])(?:\u0640+[.·•*_\\-]+\u0640*|\u0640*[.·•*_\\-]+\u0640+|[{_ZW}]+)(?=[{L}])")
_INWORD_KASHIDA_RE = re.compile(f"(?<=[{L}{cs.DIACRITICS}])\u0640+(?=[{L}])")
_KASHIDA_WORD_RE = re.compile(f"[{cs.ARABIC_WORD_CLASS}]*\u0640[{cs.ARABIC_WORD_CLASS}]*")
_WORD_AROUND_RE = re.compile(f"[{cs.ARABIC_WORD_CLASS}.·•*_\\-{_ZW}]+")
_SPACES_RE = re.compile(f"[ \t{cs.SPACES}]+")
# Bidi marks, BOMs and control characters other than tab/newline ("\x1a" in SaudiNewsNet texts).
_CONTROL = "".join(chr(c) for c in (*range(0, 9), 11, 12, *range(14, 32), 127))
_DROP_CHARS = str.maketrans({c: None for c in cs.BIDI_MARKS + "\uFEFF" + _CONTROL})
_URL_RE = re.compile(r"https?://\S+")
_HEADING_END = tuple(".!?؟:،,;؛…\"”»)")
MAX_HEADING_WORDS = 14
MAX_DATELINE_WORDS = 14  # "المنامة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس"
MIN_DUPLICATE_WORDS = 6  # shorter repeated lines are refrains, list labels, dates: kept
MAX_HEADING_COMMA_WORDS = 6  # a longer line with a comma is a sentence, not a heading
MIN_WORDS_AFTER_HEADING = 8
MAX_TEASER_WORDS = 20  # a line after a lone "اقرأ أيضاً:" marker longer than this is body text
MAX_TEASER_LINES = 10
# A longer line matched by a boilerplate pattern loses only the matched sentences (no line of the
# 5,000 sample articles over 60 words is boilerplate; a one-line article with a notice in it is).
MAX_BOILERPLATE_WORDS = 60


def _pattern(rx: str) -> re.Pattern:
    """Compile a data-file regex in matching form: its letters normalized like the lines it is
    matched against, its escapes (``\\S``, ``\\W``) left as written."""
    return re.compile("".join(part if part.startswith("\\") else normalize(part)
                              for part in re.split(r"(\\.)", rx)))


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[tuple[str, re.Pattern, bool], ...]:
    """(reason, pattern, only before the first kept line) rows of ``boilerplate.tsv``."""
    return tuple((row[0], _pattern(row[1]), len(row) > 2 and row[2] == "first")
                 for row in data_tsv("boilerplate.tsv"))


@lru_cache(maxsize=1)
def _inline() -> tuple[tuple[str, re.Pattern], ...]:
    """(reason, pattern) rows of ``boilerplate_inline.tsv`` (matched on the line as written)."""
    return tuple((row[0], re.compile(row[1])) for row in data_tsv("boilerplate_inline.tsv"))


def cut_inline(line: str, removed: list[dict]) -> str:
    """The line without boilerplate glued into it (a tag list, a promo link, a byline prefix);
    each cut goes to ``removed``."""
    for reason, rx in _inline():
        m = rx.search(line)
        if m and m.group().strip():
            removed.append({"text": m.group().strip(), "reason": reason})
            line = (line[:m.start()] + " " + line[m.end():]).strip()
    return line


@lru_cache(maxsize=1)
def teaser_patterns() -> tuple[re.Pattern, ...]:
    """The "read also" patterns of ``teasers.tsv`` (group 1: the teased headline, may be empty)."""
    return tuple(_pattern(rx) for rx in data_lines("teasers.tsv"))


@lru_cache(maxsize=1)
def _navigation() -> frozenset[str]:
    return frozenset(normalize(x) for x in data_lines("navigation_exact.txt"))


def _key(line: str) -> str:
    """Normalized, space-collapsed form of a line for classification and duplicate checks."""
    return " ".join(normalize(line).split())


def fix_characters(text: str) -> str:
    if "&" in text:
        text = html.unescape(text)
    text = unshape(text)  # shaped glyphs (PDFs, old pages) -> the letters
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_DROP_CHARS)
    return text


def repair_words(line: str, repairs: list[dict]) -> str:
    """Join words broken by kashida+dots or zero-width characters ("obfuscated"); drop in-word
    kashida ("kashida"). Each repaired word is listed once in ``repairs``."""
    if "\u0640" not in line and not any(c in line for c in _ZW):
        return line

    def report(word: str, fixed: str, reason: str) -> None:
        if reason == "obfuscated":
            first_break = next((i for i, c in enumerate(word) if c == "\u0640" or c in ".·•*_-" + _ZW), 0)
            if word[0] in "وفبلك" and first_break >= 3:  # report the word without its proclitic
                word, fixed = word[1:], fixed[1:]
        if not any(r["from"] == word for r in repairs):
            repairs.append({"from": word, "to": fixed, "reason": reason})

    if _OBFUSCATION_RE.search(line):
        def fix(m: re.Match) -> str:
            word = m.group()
            if not _OBFUSCATION_RE.search(word):
                return word  # plain kashida words are handled below
            fixed = _INWORD_KASHIDA_RE.sub("", _OBFUSCATION_RE.sub("", word))
            report(word, fixed, "obfuscated")
            return fixed

        line = _WORD_AROUND_RE.sub(fix, line)
    if "\u0640" in line:
        def unstretch(m: re.Match) -> str:
            word = m.group()
            fixed = _INWORD_KASHIDA_RE.sub("", word)
            if fixed != word:
                report(word, fixed, "kashida")
            return fixed

        line = _KASHIDA_WORD_RE.sub(unstretch, line)
    return "".join(c for c in line if c not in _ZW)


def classify(line: str, at_start: bool = False) -> tuple[str, str | None]:
    """("keep", None) | ("removed", reason) | ("related", teased headline or ""). ``at_start``:
    no body line was kept yet, so patterns marked "first" (bylines) apply too."""
    key = _key(line)
    if key in _navigation():
        return "removed", "navigation"
    for rx in teaser_patterns():
        m = rx.match(key)
        if m:
            return "related", m.group(1) if m.groups() else ""
    for reason, rx, first_only in _boilerplate():
        if (at_start or not first_only) and rx.search(key):
            return "removed", reason
    return "keep", None


def _is_teaser_headline(line: str) -> bool:
    """A line in a list of teased headlines after a lone "اقرأ أيضاً:" marker: short and not
    ending like a body sentence."""
    return len(line.split()) <= MAX_TEASER_WORDS and not line.rstrip().endswith((".", "،", ":", "؛"))


def _cut_copy_of_abstract(key: str, abstract_key: str) -> bool:
    """The line is a cut-off copy of the abstract: shorter, the abstract starts with it, and it
    stops mid-word or with "..." (a whole first paragraph that the abstract goes on from, as
    AlArabiya's abstracts do, is kept)."""
    if not 40 < len(key) < len(abstract_key):
        return False
    if key.endswith(("...", "…")):
        return abstract_key.startswith(key.rstrip(".…").rstrip())
    return abstract_key.startswith(key) and key[-1].isalpha() and abstract_key[len(key)].isalpha()


def _completes_abstract(line: str, abstract: str) -> bool:
    """The abstract is this line cut off mid-word (France24: the abstract field stops inside a
    word and the first line holds it whole)."""
    a = abstract.strip()
    return (len(a) >= 40 and len(line) > len(a) and line.startswith(a)
            and line[len(a) - 1].isalpha() and line[len(a)].isalpha())


def _teaser_text(line: str, headline_key: str) -> str:
    """The teased headline as written: the last words of ``line``, as many as the normalized
    headline that the teaser pattern captured (normalizing keeps word boundaries)."""
    n = len(headline_key.split())
    return " ".join(line.split()[-n:]) if n else ""


def _short_unfinished(line: str | None) -> bool:
    """A short line that does not end like a sentence (a heading candidate)."""
    if not line:
        return False
    s = line.strip()
    return bool(s) and not s.endswith(_HEADING_END) and len(s.split()) <= MAX_HEADING_WORDS


def _is_heading(line: str, prev_line: str | None, next_line: str | None) -> bool:
    """A section heading sits between body paragraphs: short, unfinished, without a clause
    comma (beyond a few words), after a paragraph that is not itself short (a run of short
    lines is verse or a list) and before a clearly longer one. The first paragraph is never a
    heading (it is a byline, a kicker or the lead)."""
    if prev_line is None or next_line is None or not _short_unfinished(line):
        return False
    n = len(line.split())
    if n > MAX_HEADING_COMMA_WORDS and ("،" in line or "," in line):
        return False
    if _short_unfinished(prev_line):
        return False
    return len(next_line.split()) >= max(n + 3, MIN_WORDS_AFTER_HEADING)


def run(record: Record) -> Record:
    text = fix_characters(record.text)
    repairs: list[dict] = []
    if record.title:  # titles carry the same entities and marks ("&#8220;" in alweeam titles)
        record.title = _SPACES_RE.sub(" ", fix_characters(record.title)).strip() or None
    title_key = _key(record.title) if record.title else None
    abstract = record.meta.get("abstract")
    abstract_key = _key(abstract) if isinstance(abstract, str) and abstract.strip() else None
    seen: set[str] = set()
    kept: list[str] = []
    pending_teaser = 0  # teaser headlines still expected after a lone "اقرأ أيضاً:" marker
    teasers_taken = 0  # ... and taken so far: a blank line ends the list, but not before it
    for raw_line in text.split("\n"):
        line = _SPACES_RE.sub(" ", raw_line).strip()
        if not line:
            if teasers_taken:
                pending_teaser = 0
            continue
        line = cut_inline(line, record.removed)
        if not line:
            continue
        verdict, detail = classify(line, at_start=not kept)
        if verdict == "keep" and pending_teaser and _is_teaser_headline(line):
            record.related.append(_related(line))
            pending_teaser -= 1
            teasers_taken += 1
            continue
        pending_teaser = teasers_taken = 0
        if verdict == "removed" and len(line.split()) > MAX_BOILERPLATE_WORDS:
            line = _cut_boilerplate_sentences(line, not kept, record.removed)
            verdict = "keep" if line else verdict
        if verdict == "removed":
            if line:
                record.removed.append({"text": line, "reason": detail})
            continue
        if verdict == "related":
            teaser = _teaser_text(line, detail or "")
            if teaser:
                record.related.append(_related(teaser))
            else:
                pending_teaser = MAX_TEASER_LINES
                record.removed.append({"text": line, "reason": "teaser-marker"})
            continue
        key = _key(line)
        if key in seen and len(key.split()) >= MIN_DUPLICATE_WORDS:
            record.removed.append({"text": line, "reason": "duplicate-line"})
            continue
        if title_key and key == title_key and not kept:
            record.removed.append({"text": line, "reason": "repeated-title"})
            continue
        if abstract_key and not kept:
            # The lead paragraph stays in the text even when it equals the abstract (the abstract
            # is metadata; the lead is where the story's facts are); only a cut-off copy goes,
            # and an abstract cut off mid-word is completed from the line.
            if _cut_copy_of_abstract(key, abstract_key):
                record.removed.append({"text": line, "reason": "repeated-abstract"})
                continue
            if _completes_abstract(line, abstract):
                record.meta["abstract"] = line
                record.meta["abstract_completed"] = True
            if key == abstract_key or record.meta.get("abstract_completed"):
                record.meta["abstract_in_text"] = True  # consumers need not show or index it twice
        seen.add(key)
        line = repair_words(line, repairs)
        if "  " in line:  # zero-width characters between spaces ("متوسط \u200b\u200b شهري")
            line = _SPACES_RE.sub(" ", line)
        kept.append(line)
    for rel in record.related:  # repairs in teasers are reported, their text is kept as written
        repair_words(rel["text"], repairs)
    if not record.title and len(kept) > 1 and _is_title_line(kept[0]):
        record.title = kept.pop(0)
    if not kept:
        raise NoArticleText("no article text left after removing boilerplate")
    if not record.published:
        date = dateline_date(kept)
        if date:
            record.published = date
            record.meta["published_from"] = "dateline"
    _layout(record, kept)
    if repairs:
        record.meta["repairs"] = repairs
    return record


_SENTENCE_END_RE = re.compile(r"(?<=[.!?؟…])\s+")


def _cut_boilerplate_sentences(line: str, at_start: bool, removed: list[dict]) -> str:
    """A long line that a boilerplate pattern matched (a whole article on one line with an app
    notice in it) without the sentences the patterns match; the rest of the line stays."""
    kept = []
    for sentence in _SENTENCE_END_RE.split(line):
        verdict, detail = classify(sentence, at_start=at_start and not kept)
        if verdict == "removed":
            removed.append({"text": sentence, "reason": detail})
        else:
            kept.append(sentence)
    return " ".join(kept)


def dateline_date(lines: list[str]) -> str | None:
    """The date of a dateline among the first two lines (short, a day, a month name and a year:
    "المنامة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس"), for texts whose metadata has none."""
    for line in lines[:2]:
        if len(line.split()) <= MAX_DATELINE_WORDS and not line.rstrip().endswith((".", "؟", "!", "،")):
            date = parse_arabic_date(line)
            if date:
                return date
    return None


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
        prev = lines[i - 1] if i > 0 else None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        kind = "heading" if _is_heading(line, prev, nxt) else "body"
        paragraphs.append(Paragraph(pos, pos + len(line), line, kind))
        parts.append(line)
        pos += len(line) + 2
    record.text = "\n\n".join(parts)
    record.paragraphs = paragraphs
