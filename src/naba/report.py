"""``--format text``: a readable terminal report of a record.

Arabic lines are printed in logical order (terminals with bidi support, and most do, render them
right-to-left); each line starts with an ASCII label so the layout reads the same either way.

Not for: the JSON record (:meth:`naba.record.Record.to_dict`) or HTML (:mod:`naba.web`).
"""

from __future__ import annotations

from .record import Record

RLM = "\u200f"


def _line(label: str, value: str) -> str:
    return f"{label:<12} {RLM}{value}"


def chain_of_sources(record: Record, st) -> str:
    """outlet -> medium -> speaker, the path by which a statement reached the reader."""
    parts = [record.outlet or "(outlet unknown)"]
    if st.medium is not None:
        parts.append(st.medium.text)
    parts.append(st.speaker_name or (st.speaker.text if st.speaker else "(unattributed)"))
    return " ← ".join(reversed(parts))


def format_text(record: Record) -> str:
    out = []
    out.append(_line("title:", record.title or "-"))
    out.append(_line("outlet:", record.outlet or "-"))
    out.append(_line("published:", record.published or "-"))
    if record.url:
        out.append(_line("url:", record.url))
    out.append("")
    for p in record.paragraphs:
        out.append(("## " if p.kind == "heading" else "") + RLM + p.text)
        out.append("")
    if record.entities:
        out.append("== entities ==")
        for e in record.entities:
            roles = f"  [{'; '.join(e.roles)}]" if e.roles else ""
            aliases = " | ".join(a for a in e.aliases if a != e.name)
            out.append(_line(f"{e.type}:", e.name + (f"  ({aliases})" if aliases else "") + roles))
        out.append("")
    if record.statements:
        out.append("== statements ==")
        for i, st in enumerate(record.statements, 1):
            out.append(_line(f"[{i}] {st.kind}", f"{st.certainty}; cue: {st.cue.text}"))
            out.append(_line("  source:", chain_of_sources(record, st)))
            out.append(_line("  said:", st.content.text))
        out.append("")
    if record.events:
        out.append("== events ==")
        for ev in record.events:
            bits = [ev.trigger.text]
            for k in ("actor", "target", "location"):
                v = getattr(ev, k)
                if v is not None:
                    bits.append(f"{k}={v.text}")
            if ev.time is not None and ev.time < len(record.times):
                t = record.times[ev.time]
                bits.append(f"time={t.value or t.text}")
            flags = "".join([" NEGATED" if ev.negated else "", " HEDGED" if ev.hedged else ""])
            out.append(_line(ev.type + ":", "; ".join(bits) + flags))
        out.append("")
    if record.times:
        out.append("== times ==")
        for t in record.times:
            out.append(_line(f"{t.kind}:", f"{t.text} -> {t.value or '(unresolved)'}"))
        out.append("")
    if record.removed or record.related:
        out.append("== removed ==")
        for r in record.removed:
            out.append(_line(f"{r['reason']}:", r["text"]))
        for r in record.related:
            out.append(_line("related:", r["text"] + (f" <{r['url']}>" if r.get("url") else "")))
        out.append("")
    for w in record.warnings:
        out.append(_line("warning:", w))
    return "\n".join(out).rstrip() + "\n"
