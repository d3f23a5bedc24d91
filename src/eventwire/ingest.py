"""Ingest a corpus into a store: read → skip stored → analyse (engine) → write in transactions.

Used by ``eventwire ingest`` and the Python API alike.  Resumable and idempotent:
articles whose content hash is already stored are skipped before analysis, and each
batch is committed atomically, so a run killed at any point is resumed by running it
again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from eventwire.config import Settings
from eventwire.readers.discover import discover
from eventwire.readers.errors import InputError
from eventwire.readers.fields import FieldMap
from eventwire.records import Article
from eventwire.store import connect
from eventwire.store.writer import BatchResult, Processed, StoreWriter


@dataclass
class IngestReport:
    """Totals of one ingest run."""

    run_id: int = 0
    read: int = 0
    articles: int = 0
    skipped: int = 0
    duplicates: int = 0
    events_new: int = 0
    event_mentions: int = 0
    batches: int = 0
    seconds: float = 0.0
    errors: list[InputError] = field(default_factory=list)

    @property
    def articles_per_second(self) -> float:
        """Articles analysed and stored per second of wall time."""
        return self.articles / self.seconds if self.seconds else 0.0


ProgressFn = Callable[[IngestReport, BatchResult], None]


def _batches(
    items: Iterable[Article | InputError],
    writer: StoreWriter,
    size: int,
    report: IngestReport,
    pending_errors: list[InputError],
) -> Iterator[list[Article]]:
    """Batches of articles not yet stored (and not seen earlier in this run); errors set aside."""
    seen: set[str] = set()
    batch: list[Article] = []

    def flush() -> list[Article]:
        stored = writer.existing_ids(a.id for a in batch)
        report.skipped += len(stored)
        return [a for a in batch if a.id not in stored]

    for item in items:
        if isinstance(item, InputError):
            pending_errors.append(item)
            continue
        report.read += 1
        if item.id in seen:
            report.skipped += 1
            continue
        seen.add(item.id)
        batch.append(item)
        if len(batch) >= size:
            fresh = flush()
            batch = []
            if fresh:
                yield fresh
    if batch:
        fresh = flush()
        if fresh:
            yield fresh


def ingest(
    paths: Sequence[str | Path],
    db: str | Path,
    *,
    workers: int = 1,
    fmt: str = "auto",
    fields: FieldMap | None = None,
    batch_size: int = 32,
    settings: Settings | None = None,
    progress: ProgressFn | None = None,
    stdin: BinaryIO | None = None,
) -> IngestReport:
    """Read ``paths`` into the store at ``db``; returns the totals and every bad-input record."""
    from eventwire.engines.local import LocalEngine

    settings = settings or Settings.from_env()
    report = IngestReport()
    started = time.perf_counter()
    engine = LocalEngine(workers, settings, batch_size)
    with engine:  # start workers before DuckDB opens its threads
        con = connect(db)
        try:
            writer = StoreWriter(con)
            report.run_id = writer.start_run([str(p) for p in paths])
            pending: list[InputError] = []
            items = discover(paths, fmt, fields, settings.max_bytes, stdin=stdin)
            for _batch, processed in engine.map(_batches(items, writer, batch_size, report, pending)):
                errors, pending[:] = list(pending), []
                result = writer.write_batch([*(Processed(analysis=None, error=e) for e in errors), *processed])
                report.errors += errors + [p.error for p in processed if p.error is not None]
                report.articles += result.articles
                report.skipped += result.skipped
                report.duplicates += result.duplicates
                report.events_new += result.events_new
                report.event_mentions += result.event_mentions
                report.batches += 1
                report.seconds = time.perf_counter() - started
                if progress is not None:
                    progress(report, result)
            if pending:
                result = writer.write_batch([Processed(analysis=None, error=e) for e in pending])
                report.errors += pending
                if progress is not None:
                    progress(report, result)
            report.seconds = time.perf_counter() - started
            totals = BatchResult(
                articles=report.articles,
                skipped=report.skipped,
                duplicates=report.duplicates,
                events_new=report.events_new,
                event_mentions=report.event_mentions,
                errors=len(report.errors),
            )
            writer.finish_run(totals)
        finally:
            con.close()
    return report
