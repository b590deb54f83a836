"""The one record naba produces for an article, and its span types.

A :class:`Record` owns the clean article ``text``; every annotation (heading, sentence, mention,
statement, event, time) carries character offsets into that text, and ``span.text ==
record.text[span.start:span.end]`` always holds. The raw input is kept in ``record.raw`` (not in
the JSON, which would double its size; the store keeps it). Stages add to a record; they never
rewrite ``text`` after the ``clean`` stage.

This module is the schema "naba/1" (see ../shared/CONTRACT.md): ``to_dict()`` gives the JSON,
``from_dict()`` reads it back. Anything a stage wants to add beyond the contract goes in an
annotation's ``attrs`` dict, which ``to_dict`` merges into that annotation's JSON object.

Not for: producing annotations (the stages) or storing records (:mod:`naba.store`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA = "naba/1"


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = {"start": self.start, "end": self.end, "text": self.text}
        d.update(self.attrs)
        return d

    @classmethod
    def from_dict(cls, d: dict | None) -> "Span | None":
        if d is None:
            return None
        extra = {k: v for k, v in d.items() if k not in ("start", "end", "text")}
        return cls(d["start"], d["end"], d["text"], extra)


@dataclass(slots=True)
class Token:
    """A word or punctuation token; ``norm`` is the matching form, ``base`` has clitics stripped."""

    start: int
    end: int
    text: str
    norm: str
    base: str
    prefix: str = ""  # the normalized clitic prefix that was stripped off ``base``


@dataclass(slots=True)
class Paragraph:
    start: int
    end: int
    text: str
    kind: str  # "heading" | "body"

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind}


@dataclass(slots=True)
class Entity:
    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = {"id": self.id, "type": self.type, "name": self.name,
             "aliases": list(self.aliases), "roles": list(self.roles)}
        d.update(self.attrs)
        return d


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    type: str
    entity: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = {"start": self.start, "end": self.end, "text": self.text,
             "type": self.type, "entity": self.entity}
        d.update(self.attrs)
        return d


@dataclass(slots=True)
class Statement:
    cue: Span
    content: Span
    kind: str  # direct | indirect | according_to | mixed
    certainty: str  # asserted | reported | hedged | denied | claimed
    speaker: Span | None = None
    speaker_entity: str | None = None
    speaker_name: str | None = None
    medium: Span | None = None
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = {
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "speaker_entity": self.speaker_entity,
            "speaker_name": self.speaker_name,
            "cue": self.cue.to_dict(),
            "content": self.content.to_dict(),
            "kind": self.kind,
            "medium": self.medium.to_dict() if self.medium else None,
            "certainty": self.certainty,
        }
        d.update(self.attrs)
        return d


@dataclass(slots=True)
class TimeExpr:
    start: int
    end: int
    text: str
    value: str | None
    kind: str  # absolute | relative | hijri | year | month
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = {"start": self.start, "end": self.end, "text": self.text,
             "value": self.value, "kind": self.kind}
        d.update(self.attrs)
        return d


@dataclass(slots=True)
class Event:
    type: str  # one of PLOVER_TYPES
    trigger: Span
    actor: Span | None = None
    target: Span | None = None
    location: Span | None = None
    time: int | None = None  # index into record.times
    negated: bool = False
    hedged: bool = False
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = {
            "type": self.type,
            "trigger": self.trigger.to_dict(),
            "actor": self.actor.to_dict() if self.actor else None,
            "target": self.target.to_dict() if self.target else None,
            "location": self.location.to_dict() if self.location else None,
            "time": self.time,
            "negated": self.negated,
            "hedged": self.hedged,
        }
        d.update(self.attrs)
        return d


PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(slots=True)
class Record:
    text: str = ""
    id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    author: str | None = None
    raw: str = ""  # the decoded input as received (not serialized by to_dict)
    source_format: str = "text"  # text | html | json
    removed: list[dict] = field(default_factory=list)
    related: list[dict] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)  # internal; not serialized
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # extra input metadata (abstract, category...)

    # -- helpers -----------------------------------------------------------------------------
    def span(self, start: int, end: int, **attrs: Any) -> Span:
        """A span over ``text`` (the only way stages should make one)."""
        return Span(start, end, self.text[start:end], dict(attrs))

    @property
    def headings(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == "heading"]

    def entity(self, entity_id: str | None) -> Entity | None:
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    # -- serialization -----------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "schema": SCHEMA,
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published,
            "author": self.author,
            "text": self.text,
            "removed": list(self.removed),
            "related": list(self.related),
            "headings": [{"start": p.start, "end": p.end, "text": p.text} for p in self.headings],
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "sentences": [s.to_dict() for s in self.sentences],
            "entities": [e.to_dict() for e in self.entities],
            "mentions": [m.to_dict() for m in self.mentions],
            "statements": [s.to_dict() for s in self.statements],
            "events": [e.to_dict() for e in self.events],
            "times": [t.to_dict() for t in self.times],
            "warnings": list(self.warnings),
            "meta": dict(self.meta),
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Record":
        """Rebuild a record from its JSON (tokens are not serialized and come back empty)."""

        def span(x):
            return Span.from_dict(x)

        def split(x: dict, known: tuple[str, ...]) -> tuple[dict, dict]:
            return ({k: x[k] for k in known if k in x},
                    {k: v for k, v in x.items() if k not in known})

        rec = cls(
            text=d.get("text", ""), id=d.get("id"), title=d.get("title"), url=d.get("url"),
            outlet=d.get("outlet"), published=d.get("published"), author=d.get("author"),
            removed=list(d.get("removed", [])), related=list(d.get("related", [])),
            warnings=list(d.get("warnings", [])), meta=dict(d.get("meta", {})),
        )
        rec.paragraphs = [Paragraph(p["start"], p["end"], p["text"], p["kind"])
                          for p in d.get("paragraphs", [])]
        rec.sentences = [span(s) for s in d.get("sentences", [])]
        for e in d.get("entities", []):
            k, extra = split(e, ("id", "type", "name", "aliases", "roles"))
            rec.entities.append(Entity(attrs=extra, **k))
        for m in d.get("mentions", []):
            k, extra = split(m, ("start", "end", "text", "type", "entity"))
            rec.mentions.append(Mention(attrs=extra, **k))
        for s in d.get("statements", []):
            k, extra = split(s, ("speaker", "speaker_entity", "speaker_name", "cue", "content",
                                 "kind", "medium", "certainty"))
            for key in ("speaker", "cue", "content", "medium"):
                if key in k:
                    k[key] = span(k[key])
            rec.statements.append(Statement(attrs=extra, **k))
        for t in d.get("times", []):
            k, extra = split(t, ("start", "end", "text", "value", "kind"))
            rec.times.append(TimeExpr(attrs=extra, **k))
        for ev in d.get("events", []):
            k, extra = split(ev, ("type", "trigger", "actor", "target", "location", "time",
                                  "negated", "hedged"))
            for key in ("trigger", "actor", "target", "location"):
                if key in k:
                    k[key] = span(k[key])
            rec.events.append(Event(attrs=extra, **k))
        return rec


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` moved inward past the whitespace at both ends of ``text[start:end]``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def check_spans(record: Record) -> list[str]:
    """Every span whose text does not equal ``record.text[start:end]`` (empty when all is well)."""
    bad = []
    t = record.text

    def chk(where: str, s) -> None:
        if s is not None and t[s.start:s.end] != s.text:
            bad.append(f"{where}: {s.start}-{s.end} {s.text!r}")

    for p in record.paragraphs:
        chk("paragraph", p)
    for s in record.sentences:
        chk("sentence", s)
    for m in record.mentions:
        chk("mention", m)
    for st in record.statements:
        for name in ("speaker", "cue", "content", "medium"):
            chk(f"statement.{name}", getattr(st, name))
    for ev in record.events:
        for name in ("trigger", "actor", "target", "location"):
            chk(f"event.{name}", getattr(ev, name))
    for tm in record.times:
        chk("time", tm)
    return bad
