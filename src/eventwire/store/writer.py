"""Batched, transactional writes of analyses into the store.

One :meth:`StoreWriter.write_batch` call is one transaction: articles, their records,
the deduplicated events and every event mention either all land or none do, so a run
killed at any moment leaves the store consistent and a re-run resumes where it stopped
(stored article ids are skipped).  Rows go in as Arrow tables (``INSERT ... SELECT``),
never as SQL text; the few scalar statements use ``?`` parameters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from eventwire.readers.errors import InputError
from eventwire.store import dedup
from eventwire.store.rows import (
    Processed,
    article_rows,
    band_rows,
    event_date,
    event_id,
    event_key,
    event_rows,
    place_key,
    record_rows,
)
from eventwire.store.schema import RECORD_TABLES

__all__ = [
    "BatchResult",
    "Processed",
    "StoreWriter",
    "event_date",
    "event_id",
    "event_key",
    "event_rows",
    "place_key",
    "record_rows",
    "utcnow",
]


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
        new_bands = [row for p in items for row in band_rows(p)]
        links: dict[str, tuple[str, float, str]] = {}
        if not new_bands:
            return links
        self.con.register("_new_bands", pa.Table.from_pylist(new_bands))
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
            tables: dict[str, list[dict[str, Any]]] = {k: [] for k in ("articles", "article_bands", *RECORD_TABLES)}
            new_events: dict[int, dict[str, Any]] = {}
            ev_mentions: list[dict[str, Any]] = []
            for p in fresh:
                built = article_rows(p, now)
                aid = built.article["id"]
                dup_of, sim, cluster = links.get(aid, (None, None, aid))
                result.duplicates += dup_of is not None
                tables["articles"].append(
                    {
                        **built.article,
                        "duplicate_of": dup_of,
                        "similarity": sim,
                        "cluster_id": cluster,
                        "run_id": self.run_id,
                    }
                )
                tables["article_bands"] += band_rows(p)
                for name, records in built.records.items():
                    tables[name] += records
                for e in built.events:
                    new_events.setdefault(e["id"], e)
                ev_mentions += built.event_mentions
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
