"""A standalone HTML page of one analysis, displaCy-style, with no external assets.

Every highlight is built from character spans, so overlapping items (a name inside a
quote, a trigger inside a sentence) are rendered by splitting the text at every span
boundary and giving each piece the classes of all the spans covering it.
"""

from __future__ import annotations

import html
import itertools
from dataclasses import dataclass

from eventwire.records import Analysis

CSS = """
body{font-family:system-ui,sans-serif;margin:0;display:flex;gap:1rem;color:#1d232a;background:#fafafa}
main{flex:3;padding:1.5rem;line-height:1.9;max-width:60rem}
aside{flex:2;padding:1rem;font-size:.85rem;background:#fff;border-left:1px solid #ddd;height:100vh;overflow:auto;
position:sticky;top:0}
h1{font-size:1.2rem} h2{font-size:1rem;margin:1rem 0 .3rem}
.meta{color:#555;font-size:.85rem}
.x{border-radius:3px;cursor:help}
.ew-actor{background:#d7ebff;border-bottom:2px solid #2f6fb5}
.ew-place{background:#e3f6df;border-bottom:2px solid #3b8b2e}
.ew-time{background:#fff0c9;border-bottom:2px solid #b58a00}
.ew-source{background:#f1e3ff;border-bottom:2px solid #7b3fb5}
.ew-trigger{background:#ffd6d1;border-bottom:3px solid #c0392b;font-weight:600}
.ew-quote{font-style:italic;text-decoration:underline dotted #888}
.legend span{margin-right:.6rem;padding:0 .3rem}
table{border-collapse:collapse;width:100%} td,th{border-bottom:1px solid #eee;padding:2px 4px;text-align:left;
vertical-align:top}
"""


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    cls: str
    title: str


def collect_marks(result: Analysis) -> list[Mark]:
    """Every highlighted span of the analysis, with its CSS class and tooltip."""
    actors = {a.id: a for a in result.actors}
    marks: list[Mark] = []
    for m in result.mentions:
        a = actors.get(m.actor_id)
        title = f"actor {a.name} [{a.code}] {a.role or ''} ({m.kind})" if a else f"actor ({m.kind})"
        marks.append(Mark(m.start, m.end, "ew-actor", title))
    for q in result.quotes:
        speaker = actors[q.speaker_actor_id].name if q.speaker_actor_id in actors else (q.speaker_text or "?")
        marks.append(Mark(q.start, q.end, "ew-quote", f"{q.kind} quote by {speaker}"))
    for t in result.times:
        marks.append(Mark(t.start, t.end, "ew-time", f"time {t.type} {t.value}"))
    for p in result.places:
        marks.append(Mark(p.start, p.end, "ew-place", f"place {p.name} ({p.country_code}) geonames {p.geonames_id}"))
    for s in result.sources:
        marks.append(Mark(s.start, s.end, "ew-source", f"source #{s.order} {s.name} ({s.role})"))
    for e in result.events:
        src = e.source.code if e.source else "-"
        tgt = e.target.code if e.target else "-"
        marks.append(
            Mark(
                e.trigger.start,
                e.trigger.end,
                "ew-trigger",
                f"event {e.cameo} {e.cameo_name}: {src} → {tgt} ({e.modality})",
            )
        )
    return [m for m in marks if 0 <= m.start < m.end <= len(result.article.text)]


def highlight(text: str, marks: list[Mark]) -> str:
    """HTML of ``text`` with every mark applied."""
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    pieces = []
    for a, b in itertools.pairwise(bounds):
        active = [m for m in marks if m.start <= a and b <= m.end]
        chunk = html.escape(text[a:b]).replace("\n", "<br>\n")
        if active:
            classes = " ".join(sorted({m.cls for m in active}))
            title = html.escape(" | ".join(m.title for m in active), quote=True)
            pieces.append(f'<span class="x {classes}" title="{title}">{chunk}</span>')
        else:
            pieces.append(chunk)
    return "".join(pieces)


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def render_html(result: Analysis) -> str:
    """A complete, self-contained HTML page for one analysis."""
    art = result.article
    names = {a.id: a.name for a in result.actors}
    panel = [
        "<h2>Actors</h2>",
        _table(
            ["name", "code", "role"], [[a.name, a.code, f"{a.role or ''} ({a.role_status})"] for a in result.actors]
        ),
    ]
    if result.events:
        panel += [
            "<h2>Events</h2>",
            _table(
                ["source", "cameo", "target", "modality", "date"],
                [
                    [
                        e.source.code or e.source.text if e.source else "-",
                        f"{e.cameo} {e.cameo_name}",
                        e.target.code or e.target.text if e.target else "-",
                        e.modality,
                        e.date or "",
                    ]
                    for e in result.events
                ],
            ),
        ]
    if result.quotes:
        panel += [
            "<h2>Quotes</h2>",
            _table(
                ["speaker", "kind", "content"],
                [
                    [names.get(q.speaker_actor_id or "", q.speaker_text or "?"), q.kind, q.text[:120]]
                    for q in result.quotes
                ],
            ),
        ]
    if result.times:
        panel += ["<h2>Times</h2>", _table(["text", "value"], [[t.text, t.value] for t in result.times])]
    if result.places:
        panel += [
            "<h2>Places</h2>",
            _table(
                ["text", "place", "country", "geonames"],
                [[p.text, p.name, p.country_code or "", str(p.geonames_id or "")] for p in result.places],
            ),
        ]
    if result.sources:
        panel += [
            "<h2>Provenance</h2>",
            _table(
                ["#", "source", "role"],
                [[str(s.order), s.name, s.role] for s in result.sources],
            ),
        ]
    legend = "".join(
        f'<span class="x {c}">{n}</span>'
        for c, n in [
            ("ew-actor", "actor"),
            ("ew-trigger", "event"),
            ("ew-quote", "quote"),
            ("ew-time", "time"),
            ("ew-place", "place"),
            ("ew-source", "source"),
        ]
    )
    title = html.escape(art.title or f"Article {art.id}")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} — eventwire</title>
<style>{CSS}</style></head>
<body><main><h1>{title}</h1>
<p class="meta">published {art.published} · source {html.escape(art.source or "-")} · id {art.id}</p>
<p class="legend">{legend}</p>
<article id="text">{highlight(art.text, collect_marks(result))}</article></main>
<aside>{"".join(panel)}</aside></body></html>
"""


def argument_marks(result: Analysis) -> list[Mark]:
    """The source and target argument spans of every event, as ``ew-arg`` marks (for viewers that show them)."""
    actors = {a.id: a for a in result.actors}
    marks: list[Mark] = []
    for e in result.events:
        for side, arg in (("source", e.source), ("target", e.target)):
            if arg is None:
                continue
            actor = actors.get(arg.actor_id or "")
            who = f"{actor.name} [{arg.code or actor.code}]" if actor else (arg.code or arg.text)
            marks.append(Mark(arg.start, arg.end, "ew-arg", f"{side} of event {e.id} {e.cameo} {e.cameo_name}: {who}"))
    return [m for m in marks if 0 <= m.start < m.end <= len(result.article.text)]
