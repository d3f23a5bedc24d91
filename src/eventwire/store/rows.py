"""Rows of the store's tables for one processed article — the one mapping from records to table columns.

Both sinks build their rows here: :class:`~eventwire.store.writer.StoreWriter` (DuckDB) adds the wire-copy link
and run id to the article row, :class:`~eventwire.parquet_dataset.ParquetSink` adds the date partition, the
lossless Analysis JSON and its bookkeeping columns.  Column names are those of the tables in
:mod:`eventwire.store.schema`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from eventwire.readers.errors import InputError
from eventwire.records import Analysis, Argument, Event, Place
from eventwire.store import dedup
from eventwire.store.schema import RECORD_TABLES

Row = dict[str, Any]

_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass
class Processed:
    """One article after the pipeline: its analysis and wire-copy signature, or the error that stopped it."""

    analysis: Analysis | None
    minhash: list[int] = field(default_factory=list)
    n_shingles: int = 0
    error: InputError | None = None


@dataclass
class ArticleRows:
    """The rows one analysed article contributes to each table (before sink-specific columns)."""

    article: Row
    records: dict[str, list[Row]]
    events: list[Row]
    event_mentions: list[Row]


# -- event identity ------------------------------------------------------------------------------------------------
def event_date(event: Event, analysis: Analysis) -> dt.date | None:
    """The event's day: its own TIMEX date when resolved to a day, else the article's publication date."""
    if event.date and _FULL_DATE.match(event.date):
        try:
            return dt.date.fromisoformat(event.date[:10])
        except ValueError:
            pass
    return analysis.article.published


def place_key(place: Place | None) -> str:
    """Location part of the event key: GeoNames id, else the lower-cased place name, else ''."""
    if place is None:
        return ""
    if place.geonames_id is not None:
        return f"g{place.geonames_id}"
    return "n:" + place.name.lower()


def event_key(source_code: str, target_code: str, cameo: str, modality: str, date: dt.date | None, loc: str) -> str:
    """The cross-article identity of an event."""
    return "\x1f".join((source_code, target_code, cameo, modality, date.isoformat() if date else "", loc))


def event_id(key: str) -> int:
    """Stable 63-bit event id from the event key (same event, same id, in any store)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big") >> 1


# -- event rows ----------------------------------------------------------------------------------------------------
def _actor_columns(prefix: str, arg: Argument | None, analysis: Analysis) -> Row:
    """``<prefix>_code/_country/_name/_sectors`` of an event side (the actor's, else the argument's own)."""
    actor = analysis.actor(arg.actor_id) if arg is not None else None
    return {
        f"{prefix}_code": (arg.code if arg is not None else None) or (actor.code if actor else None) or "",
        f"{prefix}_country": actor.country if actor else None,
        f"{prefix}_name": actor.name if actor else (arg.text if arg is not None else None),
        f"{prefix}_sectors": list(actor.sectors) if actor else [],
    }


def _span_columns(prefix: str, arg: Argument | None) -> Row:
    """``<prefix>_start/_end/_text/_actor_id`` of an event argument (NULLs when absent)."""
    return {
        f"{prefix}_start": arg.start if arg else None,
        f"{prefix}_end": arg.end if arg else None,
        f"{prefix}_text": arg.text if arg else None,
        f"{prefix}_actor_id": arg.actor_id if arg else None,
    }


def _place_columns(place: Place | None) -> Row:
    """The event's place columns (NULLs when it has none)."""
    return {
        "place_key": place_key(place),
        "place_name": place.name if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "country_code": place.country_code if place else None,
        "place_cameo_country": place.cameo_country if place else None,
        "geonames_id": place.geonames_id if place else None,
        "feature_class": place.feature_class if place else None,
        "feature_code": place.feature_code if place else None,
    }


def event_rows(analysis: Analysis, now: dt.datetime) -> tuple[list[Row], list[Row]]:
    """(event rows keyed by dedup id, event-mention rows) for one analysis."""
    art = analysis.article
    places = {p.id: p for p in analysis.places}
    events: list[Row] = []
    mentions: list[Row] = []
    for ev in analysis.events:
        src = _actor_columns("source", ev.source, analysis)
        tgt = _actor_columns("target", ev.target, analysis)
        place = places.get(ev.place_id) if ev.place_id else None
        day = event_date(ev, analysis)
        eid = event_id(event_key(src["source_code"], tgt["target_code"], ev.cameo, ev.modality, day, place_key(place)))
        events.append(
            {
                "id": eid,
                "date": day,
                **src,
                **tgt,
                "cameo": ev.cameo,
                "base_code": ev.cameo[:3],
                "root": ev.root,
                "cameo_name": ev.cameo_name,
                "quad_class": ev.quad_class,
                "goldstein": ev.goldstein,
                "plover_type": ev.plover_type,
                "plover_mode": ev.plover_mode,
                "modality": ev.modality,
                **_place_columns(place),
                "first_seen": now,
                "source_url": art.url or art.origin,
            }
        )
        mentions.append(
            {
                "event_id": eid,
                "article_id": art.id,
                "local_id": ev.id,
                "sentence_index": analysis.sentence_of(ev.sentence.start),
                "sentence_start": ev.sentence.start,
                "sentence_end": ev.sentence.end,
                "sentence_text": ev.sentence.text,
                "trigger_start": ev.trigger.start,
                "trigger_end": ev.trigger.end,
                "trigger_text": ev.trigger.text,
                **_span_columns("source", ev.source),
                **_span_columns("target", ev.target),
                "date_value": ev.date,
                "date_from": ev.date_from,
                "place_id": ev.place_id,
                "modality": ev.modality,
                "reported": ev.reported,
                "quote_id": ev.quote_id,
                "confidence": ev.confidence,
                "rule": ev.rule,
            }
        )
    return events, mentions


# -- article and record rows ---------------------------------------------------------------------------------------
def record_rows(analysis: Analysis) -> dict[str, list[Row]]:
    """Rows of each article-level record table (:data:`~eventwire.store.schema.RECORD_TABLES`)."""
    aid = analysis.article.id
    rows: dict[str, list[Row]] = {
        "actors": [{**a.model_dump(), "article_id": aid} for a in analysis.actors],
        "mentions": [{**m.model_dump(), "article_id": aid} for m in analysis.mentions],
        "quotes": [{**q.model_dump(), "article_id": aid} for q in analysis.quotes],
        "times": [{**t.model_dump(), "article_id": aid} for t in analysis.times],
        "places": [{**p.model_dump(), "article_id": aid} for p in analysis.places],
        "sources": [{**s.model_dump(), "article_id": aid} for s in analysis.sources],
    }
    assert tuple(rows) == RECORD_TABLES
    return rows


def article_row(p: Processed, now: dt.datetime) -> Row:
    """The ``articles`` columns both sinks share (the store adds wire-copy link and run id)."""
    assert p.analysis is not None
    an, art = p.analysis, p.analysis.article
    return {
        "id": art.id,
        "title": art.title,
        "published": art.published,
        "published_from": art.published_from,
        "source": art.source,
        "url": art.url,
        "language": art.language,
        "origin": art.origin,
        "n_chars": len(art.text),
        "text": art.text,
        "n_shingles": p.n_shingles,
        "minhash": p.minhash,
        "ingested_at": now,
        "eventwire_version": an.pipeline.eventwire if an.pipeline else None,
        "model": an.pipeline.model if an.pipeline else None,
        "stages": an.pipeline.stages if an.pipeline else None,
    }


def band_rows(p: Processed) -> list[Row]:
    """``article_bands`` rows: the LSH bands of the article's MinHash (none for an article without shingles)."""
    assert p.analysis is not None
    if not p.n_shingles:
        return []
    return [{"band": b, "bucket": h, "article_id": p.analysis.article.id} for b, h in dedup.bands(p.minhash)]


def article_rows(p: Processed, now: dt.datetime) -> ArticleRows:
    """Every row one analysed article contributes: its article row, record rows, events and event mentions."""
    assert p.analysis is not None
    events, mentions = event_rows(p.analysis, now)
    return ArticleRows(article_row(p, now), record_rows(p.analysis), events, mentions)
