"""Rich tables for ``eventwire extract --format table``."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from eventwire.records import Analysis


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_tables(result: Analysis, console: Console) -> None:
    """Print one table per kind of record that the analysis holds."""
    art = result.article
    console.print(
        f"[bold]Article[/] {art.id}  published {art.published} ({art.published_from or 'given'})"
        + (f"  source {art.source}" if art.source else "")
        + f"  {len(result.sentences)} sentences",
        highlight=False,
    )
    names = {a.id: a.name for a in result.actors}

    t = Table(title=f"Actors ({len(result.actors)})", title_justify="left")
    for col in ("id", "name", "code", "kind", "role", "status", "conf", "mentions"):
        t.add_column(col)
    for a in result.actors:
        ms = [m.text for m in result.mentions if m.actor_id == a.id]
        t.add_row(
            a.id,
            a.name,
            a.code or "-",
            a.kind,
            a.role or "",
            a.role_status,
            f"{a.confidence:.2f}",
            _short("; ".join(dict.fromkeys(ms)), 60),
        )
    console.print(t)

    if result.quotes:
        t = Table(title=f"Quotes ({len(result.quotes)})", title_justify="left")
        for col in ("id", "kind", "speaker", "cue", "content", "in"):
            t.add_column(col)
        for q in result.quotes:
            speaker = names.get(q.speaker_actor_id or "", q.speaker_text or "?")
            t.add_row(q.id, q.kind, speaker, q.cue or "", _short(q.text), q.parent_id or "")
        console.print(t)

    if result.times:
        t = Table(title=f"Times ({len(result.times)})", title_justify="left")
        for col in ("text", "type", "value", "granularity"):
            t.add_column(col)
        for x in result.times:
            t.add_row(x.text, x.type, x.value, x.granularity)
        console.print(t)

    if result.places:
        t = Table(title=f"Places ({len(result.places)})", title_justify="left")
        for col in ("text", "name", "geonames", "country", "class", "lat", "lon", "actor"):
            t.add_column(col)
        for p in result.places:
            t.add_row(
                p.text,
                p.name,
                str(p.geonames_id or ""),
                p.country_code or "",
                p.feature_class or "",
                f"{p.latitude:.3f}" if p.latitude is not None else "",
                f"{p.longitude:.3f}" if p.longitude is not None else "",
                names.get(p.actor_id or "", ""),
            )
        console.print(t)

    if result.sources:
        t = Table(title=f"Provenance ({len(result.sources)})", title_justify="left")
        for col in ("order", "name", "role", "cue", "evidence"):
            t.add_column(col)
        for s in result.sources:
            t.add_row(str(s.order), s.name, s.role, s.cue or "", _short(s.text, 50))
        console.print(t)

    if result.events:
        t = Table(title=f"Events ({len(result.events)})", title_justify="left")
        for col in ("source", "cameo", "target", "quad", "goldstein", "plover", "modality", "date", "evidence"):
            t.add_column(col)
        for e in result.events:
            src = f"{e.source.code or ''} {e.source.text}" if e.source else "-"
            tgt = f"{e.target.code or ''} {e.target.text}" if e.target else "-"
            t.add_row(
                _short(src, 30),
                f"{e.cameo} {e.cameo_name}",
                _short(tgt, 30),
                str(e.quad_class),
                f"{e.goldstein:+.1f}",
                e.plover_type or "",
                e.modality + (" (reported)" if e.reported else ""),
                e.date or "",
                _short(e.trigger.text, 30),
            )
        console.print(t)
