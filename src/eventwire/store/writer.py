"""Batched, transactional writes of analyses into the store.

One :meth:`StoreWriter.write_batch` call is one transaction: articles, their records,
the deduplicated events and every event mention either all land or none do, so a run
killed at any moment leaves the store consistent and a re-run resumes where it stopped
(stored article ids are skipped).  Rows go in as Arrow tables (``INSERT ... SELECT``),
never as SQL text; the few scalar statements use ``?`` parameters.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from eventwire.readers.errors import InputError
from eventwire.records import Analysis, Event, Place
from eventwire.store import dedup

_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass
class Processed:
    """One article after the pipeline: its analysis and wire-copy signature, or the error that stopped it."""

    analysis: Analysis | None
    minhash: list[int] = field(default_factory=list)
    n_shingles: int = 0
    error: InputError | None = None


@dataclass
class BatchResult:
    """What one committed batch added."""

    articles: int = 0
    skipped: int = 0
    duplicates: int = 0
    events_new: int = 0
    event_mentions: int = 0
    errors: int = 0


def utcnow() -> dt.datetime:
    """The current UTC time as a naive timestamp (how the store keeps times)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


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


def _side(event: Event, analysis: Analysis, which: str) -> dict[str, Any]:
    arg = event.source if which == "source" else event.target
    actor = analysis.actor(arg.actor_id) if arg is not None else None
    code = (arg.code if arg is not None else None) or (actor.code if actor else None) or ""
    return {
        "code": code,
        "country": actor.country if actor else None,
        "name": actor.name if actor else (arg.text if arg is not None else None),
        "sectors": list(actor.sectors) if actor else [],
        "arg": arg,
    }


def event_rows(analysis: Analysis, now: dt.datetime) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(event rows keyed by dedup id, event-mention rows) for one analysis."""
    art = analysis.article
    places = {p.id: p for p in analysis.places}
    events: list[dict[str, Any]] = []
    mentions: list[dict[str, Any]] = []
    for ev in analysis.events:
        src, tgt = _side(ev, analysis, "source"), _side(ev, analysis, "target")
        place = places.get(ev.place_id) if ev.place_id else None
        day = event_date(ev, analysis)
        eid = event_id(event_key(src["code"], tgt["code"], ev.cameo, ev.modality, day, place_key(place)))
        events.append(
            {
                "id": eid,
                "date": day,
                "source_code": src["code"],
                "source_country": src["country"],
                "source_name": src["name"],
                "source_sectors": src["sectors"],
                "target_code": tgt["code"],
                "target_country": tgt["country"],
                "target_name": tgt["name"],
                "target_sectors": tgt["sectors"],
                "cameo": ev.cameo,
                "base_code": ev.cameo[:3],
                "root": ev.root,
                "cameo_name": ev.cameo_name,
                "quad_class": ev.quad_class,
                "goldstein": ev.goldstein,
                "plover_type": ev.plover_type,
                "plover_mode": ev.plover_mode,
                "modality": ev.modality,
                "place_key": place_key(place),
                "place_name": place.name if place else None,
                "latitude": place.latitude if place else None,
                "longitude": place.longitude if place else None,
                "country_code": place.country_code if place else None,
                "place_cameo_country": place.cameo_country if place else None,
                "geonames_id": place.geonames_id if place else None,
                "feature_class": place.feature_class if place else None,
                "feature_code": place.feature_code if place else None,
                "first_seen": now,
                "source_url": art.url or art.origin,
            }
        )
        sa, ta = src["arg"], tgt["arg"]
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
                "source_start": sa.start if sa else None,
                "source_end": sa.end if sa else None,
                "source_text": sa.text if sa else None,
                "source_actor_id": sa.actor_id if sa else None,
                "target_start": ta.start if ta else None,
                "target_end": ta.end if ta else None,
                "target_text": ta.text if ta else None,
                "target_actor_id": ta.actor_id if ta else None,
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


def _record_rows(analysis: Analysis) -> dict[str, list[dict[str, Any]]]:
    aid = analysis.article.id
    rows: dict[str, list[dict[str, Any]]] = {}
    rows["actors"] = [
        {**a.model_dump(exclude={"evidence"}), "article_id": aid, "code": a.code} for a in analysis.actors
    ]
    rows["mentions"] = [{**m.model_dump(), "article_id": aid} for m in analysis.mentions]
    rows["quotes"] = [{**q.model_dump(exclude={"cue_start", "cue_end"}), "article_id": aid} for q in analysis.quotes]
    rows["times"] = [{**t.model_dump(), "article_id": aid} for t in analysis.times]
    rows["places"] = [{**p.model_dump(), "article_id": aid} for p in analysis.places]
    rows["sources"] = [{**s.model_dump(), "article_id": aid} for s in analysis.sources]
    return rows


# Recompute the per-event counts of the events touched by a batch.  Wire copies form a
# cluster (articles.cluster_id = id of the first-stored copy): a cluster counts as ONE
# article, its mentions count once (the largest count among its copies), and its outlet
# (the first copy's source) once.  num_copies counts the extra copies linked to the event.
_AGGREGATE_SQL = """
UPDATE events SET num_mentions = agg.m, num_articles = agg.a, num_sources = agg.s,
                  num_copies = agg.c, is_root = agg.lead
FROM (
    WITH per_article AS (
        SELECT em.event_id, em.article_id, count(*) AS cnt, bool_or(em.sentence_index = 0) AS lead
        FROM event_mentions em
        WHERE em.event_id IN (SELECT id FROM _touched)
        GROUP BY em.event_id, em.article_id
    ), per_cluster AS (
        SELECT p.event_id, coalesce(ar.cluster_id, ar.id) AS cluster, max(p.cnt) AS m, count(*) AS n,
               bool_or(p.lead) AS lead
        FROM per_article p JOIN articles ar ON ar.id = p.article_id
        GROUP BY p.event_id, coalesce(ar.cluster_id, ar.id)
    )
    SELECT pc.event_id, sum(pc.m)::INTEGER AS m, count(*)::INTEGER AS a,
           count(DISTINCT coalesce(rep.source, '#' || pc.cluster))::INTEGER AS s,
           (sum(pc.n) - count(*))::INTEGER AS c, bool_or(pc.lead) AS lead
    FROM per_cluster pc LEFT JOIN articles rep ON rep.id = pc.cluster
    GROUP BY pc.event_id
) AS agg
WHERE events.id = agg.event_id
"""


class StoreWriter:
    """Writes batches of processed articles into a store connection (one transaction per batch)."""

    def __init__(self, con: Any, run_id: int | None = None) -> None:
        self.con = con
        self.run_id = run_id

    # -- runs -------------------------------------------------------------------------------
    def start_run(self, paths: Sequence[str]) -> int:
        """Record the start of an ingest run and return its id."""
        row = self.con.execute("SELECT nextval('run_seq')").fetchone()
        self.run_id = int(row[0])
        self.con.execute(
            "INSERT INTO runs (id, started_at, paths, status) VALUES (?, ?, ?, 'running')",
            [self.run_id, utcnow(), " ".join(paths)],
        )
        return self.run_id

    def finish_run(self, totals: BatchResult, status: str = "finished") -> None:
        """Record the end and totals of the current run."""
        self.con.execute(
            "UPDATE runs SET finished_at = ?, articles_added = ?, articles_skipped = ?, duplicates = ?, "
            "events_added = ?, errors = ?, status = ? WHERE id = ?",
            [
                utcnow(),
                totals.articles,
                totals.skipped,
                totals.duplicates,
                totals.events_new,
                totals.errors,
                status,
                self.run_id,
            ],
        )

    # -- reads used while writing -----------------------------------------------------------
    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are already stored."""
        wanted = list(ids)
        if not wanted:
            return set()
        rows = self.con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [wanted])
        return {r[0] for r in rows.fetchall()}

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        data = pa.Table.from_pylist(rows)
        view = f"_batch_{table}"
        self.con.register(view, data)
        try:
            # Table/view names come from this module's fixed set, never from input.
            self.con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM "{view}"')
        finally:
            self.con.unregister(view)

    def record_errors(self, errors: Sequence[InputError]) -> int:
        """Store bad-input records; one already recorded (same origin, line, reason) is not repeated."""
        added = 0
        now = utcnow()
        for e in errors:
            exists = self.con.execute(
                "SELECT 1 FROM errors WHERE origin = ? AND line IS NOT DISTINCT FROM ? AND reason = ? LIMIT 1",
                [e.origin, e.line, e.reason],
            ).fetchone()
            if exists:
                self.con.execute(
                    "UPDATE errors SET run_id = ?, seen_at = ? WHERE origin = ? AND line IS NOT DISTINCT FROM ? "
                    "AND reason = ?",
                    [self.run_id, now, e.origin, e.line, e.reason],
                )
                continue
            self.con.execute(
                "INSERT INTO errors (origin, line, reason, run_id, seen_at) VALUES (?, ?, ?, ?, ?)",
                [e.origin, e.line, e.reason, self.run_id, now],
            )
            added += 1
        return added

    # -- wire copies ------------------------------------------------------------------------
    def _link_copies(self, items: list[Processed]) -> dict[str, tuple[str, float, str]]:
        """article id -> (duplicate_of, similarity, cluster id) for the wire copies in this batch."""
        band_rows = []
        for p in items:
            assert p.analysis is not None
            if p.n_shingles:
                band_rows += [
                    {"band": b, "bucket": h, "article_id": p.analysis.article.id} for b, h in dedup.bands(p.minhash)
                ]
        links: dict[str, tuple[str, float, str]] = {}
        if not band_rows:
            return links
        self.con.register("_new_bands", pa.Table.from_pylist(band_rows))
        try:
            found = self.con.execute(
                "SELECT DISTINCT n.article_id, a.id, a.minhash, coalesce(a.cluster_id, a.id), a.ingested_at "
                "FROM _new_bands n JOIN article_bands b ON b.band = n.band AND b.bucket = n.bucket "
                "JOIN articles a ON a.id = b.article_id"
            ).fetchall()
        finally:
            self.con.unregister("_new_bands")
        stored: dict[str, list[tuple[str, list[int], str]]] = {}
        for new_id, old_id, sig, cluster, _at in sorted(found, key=lambda r: (r[4], r[1])):
            stored.setdefault(new_id, []).append((old_id, sig, cluster))
        in_batch: dict[tuple[int, int], list[Processed]] = {}
        for p in items:
            assert p.analysis is not None
            aid = p.analysis.article.id
            if not p.n_shingles:
                continue
            candidates = list(stored.get(aid, []))
            my_bands = dedup.bands(p.minhash)
            seen: set[str] = set()
            for band in my_bands:
                for q in in_batch.get(band, []):
                    assert q.analysis is not None
                    qid = q.analysis.article.id
                    if qid not in seen:
                        seen.add(qid)
                        cluster = links[qid][2] if qid in links else qid
                        candidates.append((qid, q.minhash, cluster))
            best: tuple[str, float, str] | None = None
            for cid, sig, cluster in candidates:
                sim = dedup.similarity(p.minhash, sig)
                if sim >= dedup.DUPLICATE_THRESHOLD and (best is None or sim > best[1]):
                    best = (cid, sim, cluster)
            if best is not None:
                links[aid] = best
            for band in my_bands:
                in_batch.setdefault(band, []).append(p)
        return links

    # -- the batch --------------------------------------------------------------------------
    def write_batch(self, processed: Sequence[Processed]) -> BatchResult:
        """Write one batch in one transaction; already-stored articles are skipped, errors recorded."""
        result = BatchResult()
        now = utcnow()
        errors = [p.error for p in processed if p.error is not None]
        good = [p for p in processed if p.analysis is not None and p.error is None]
        self.con.begin()
        try:
            result.errors = len(errors)
            self.record_errors(errors)
            existing = self.existing_ids(p.analysis.article.id for p in good if p.analysis)
            fresh: list[Processed] = []
            seen: set[str] = set()
            for p in good:
                assert p.analysis is not None
                aid = p.analysis.article.id
                if aid in existing or aid in seen:
                    result.skipped += 1
                    continue
                seen.add(aid)
                fresh.append(p)
            links = self._link_copies(fresh)
            tables: dict[str, list[dict[str, Any]]] = {
                k: []
                for k in (
                    "articles",
                    "article_bands",
                    "actors",
                    "mentions",
                    "quotes",
                    "times",
                    "places",
                    "sources",
                )
            }
            new_events: dict[int, dict[str, Any]] = {}
            ev_mentions: list[dict[str, Any]] = []
            for p in fresh:
                assert p.analysis is not None
                an, art = p.analysis, p.analysis.article
                dup_of, sim, cluster = links.get(art.id, (None, None, art.id))
                result.duplicates += dup_of is not None
                tables["articles"].append(
                    {
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
                        "duplicate_of": dup_of,
                        "similarity": sim,
                        "cluster_id": cluster,
                        "run_id": self.run_id,
                        "ingested_at": now,
                        "eventwire_version": an.pipeline.eventwire if an.pipeline else None,
                        "model": an.pipeline.model if an.pipeline else None,
                        "stages": an.pipeline.stages if an.pipeline else None,
                    }
                )
                if p.n_shingles:
                    tables["article_bands"] += [
                        {"band": b, "bucket": h, "article_id": art.id} for b, h in dedup.bands(p.minhash)
                    ]
                for name, rows in _record_rows(an).items():
                    tables[name] += rows
                evs, ems = event_rows(an, now)
                for e in evs:
                    new_events.setdefault(e["id"], e)
                ev_mentions += ems
            for name, rows in tables.items():
                self._insert(name, rows)
            if new_events:
                ids = list(new_events)
                stored = {
                    r[0]
                    for r in self.con.execute(
                        "SELECT id FROM events WHERE id IN (SELECT unnest(?::BIGINT[]))", [ids]
                    ).fetchall()
                }
                self._insert("events", [e for i, e in new_events.items() if i not in stored])
                result.events_new = len(new_events) - len(stored)
                self._insert("event_mentions", ev_mentions)
                result.event_mentions = len(ev_mentions)
                self.con.register("_touched", pa.table({"id": pa.array(ids, pa.int64())}))
                try:
                    self.con.execute(_AGGREGATE_SQL)
                finally:
                    self.con.unregister("_touched")
            result.articles = len(fresh)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        return result
