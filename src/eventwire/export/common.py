"""Helpers shared by exporters: filtered event rows as dicts, evidence per event."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from eventwire.store.queries import EVENT_COLUMNS, EventFilter, select_events

FETCH_ROWS = 10_000


def iter_events(con: Any, flt: EventFilter) -> Iterator[dict[str, Any]]:
    """Filtered events as dicts (column -> value), streamed in chunks."""
    result = select_events(con, flt)
    names = [d[0] for d in result.description]
    while True:
        rows = result.fetchmany(FETCH_ROWS)
        if not rows:
            return
        for row in rows:
            yield dict(zip(names, row, strict=True))


def evidence(con: Any, event_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """event id -> its mentions (sentence, spans, article id/url/title/source), oldest article first."""
    if not event_ids:
        return {}
    result = con.execute(
        "SELECT m.event_id, m.article_id, m.sentence_index, m.sentence_start, m.sentence_end, m.sentence_text, "
        "m.trigger_text, m.source_text, m.target_text, m.modality, m.reported, a.url, a.title, a.source, "
        "a.published, a.language, a.duplicate_of FROM event_mentions m JOIN articles a ON a.id = m.article_id "
        "WHERE m.event_id IN (SELECT unnest(?::BIGINT[])) ORDER BY m.event_id, a.published, a.id, m.local_id",
        [event_ids],
    )
    names = [d[0] for d in result.description]
    out: dict[int, list[dict[str, Any]]] = {}
    for row in result.fetchall():
        rec = dict(zip(names, row, strict=True))
        out.setdefault(rec["event_id"], []).append(rec)
    return out


def chunks(con: Any, flt: EventFilter, size: int = 2000) -> Iterator[list[dict[str, Any]]]:
    """Filtered events in lists of ``size``."""
    buf: list[dict[str, Any]] = []
    for ev in iter_events(con, flt):
        buf.append(ev)
        if len(buf) >= size:
            yield buf
            buf = []
    if buf:
        yield buf


__all__ = ["EVENT_COLUMNS", "chunks", "evidence", "iter_events"]
