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
from typing import TYPE_CHECKING, BinaryIO

from eventwire.config import Settings
from eventwire.readers.discover import discover
from eventwire.readers.errors import InputError
from eventwire.readers.fields import FieldMap
from eventwire.records import Article
from eventwire.store import connect
from eventwire.store.writer import BatchResult, Processed, StoreWriter

if TYPE_CHECKING:
    from eventwire.engines.local import LocalEngine


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

    def add_batch(self, result: BatchResult, started: float, progress: ProgressFn | None) -> None:
        """Add what one written batch added to the totals and tell the progress callback."""
        self.articles += result.articles
        self.skipped += result.skipped
        self.duplicates += result.duplicates
        self.events_new += result.events_new
        self.event_mentions += result.event_mentions
        self.batches += 1
        self.seconds = time.perf_counter() - started
        if progress is not None:
            progress(self, result)

    def totals(self) -> BatchResult:
        """The run's totals, as recorded in the store's ``runs`` row."""
        return BatchResult(
            articles=self.articles,
            skipped=self.skipped,
            duplicates=self.duplicates,
            events_new=self.events_new,
            event_mentions=self.event_mentions,
            errors=len(self.errors),
        )


ProgressFn = Callable[[IngestReport, BatchResult], None]
WriteFn = Callable[[Sequence[Article], list[Processed]], BatchResult]


def unseen(
    items: Iterable[Article | InputError],
    report: IngestReport,
    seen: set[str],
    on_error: Callable[[InputError], None],
    skip: Callable[[Article], bool] | None = None,
) -> Iterator[tuple[int, Article]]:
    """(record number from 1, article) for the articles of ``items`` not in ``seen`` nor skipped by ``skip``.

    Counts every article read and every one skipped in ``report``; adds the yielded ids to ``seen`` (shared
    across the inputs of a run); bad records go to ``on_error``.
    """
    for record_no, item in enumerate(items, start=1):
        if isinstance(item, InputError):
            on_error(item)
            continue
        report.read += 1
        if item.id in seen or (skip is not None and skip(item)):
            report.skipped += 1
            continue
        seen.add(item.id)
        yield record_no, item


def chunked(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Consecutive lists of ``size`` articles (the last one shorter)."""
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def drive(
    engine: LocalEngine,
    batches: Iterable[list[Article]],
    write: WriteFn,
    report: IngestReport,
    started: float,
    progress: ProgressFn | None,
) -> None:
    """The batch loop every local run shares: analyse each batch on ``engine``, hand it with its results to the
    sink's ``write`` and add what it wrote to ``report``."""
    for batch, processed in engine.map(batches):
        report.add_batch(write(batch, processed), started, progress)


def _batches(
    items: Iterable[Article | InputError],
    writer: StoreWriter,
    size: int,
    report: IngestReport,
    pending_errors: list[InputError],
) -> Iterator[list[Article]]:
    """Batches of articles not yet stored (and not seen earlier in this run); errors set aside."""
    for batch in chunked((a for _, a in unseen(items, report, set(), pending_errors.append)), size):
        stored = writer.existing_ids(a.id for a in batch)
        report.skipped += len(stored)
        fresh = [a for a in batch if a.id not in stored]
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
    settings = settings or Settings.from_env()
    report = IngestReport()
    started = time.perf_counter()
    from eventwire.engines.local import LocalEngine

    engine = LocalEngine(workers, settings, batch_size)
    with engine:  # start workers before DuckDB opens its threads
        con = connect(db)
        try:
            writer = StoreWriter(con)
            report.run_id = writer.start_run([str(p) for p in paths])
            pending: list[InputError] = []

            def write(_batch: Sequence[Article], processed: list[Processed]) -> BatchResult:
                errors, pending[:] = list(pending), []
                result = writer.write_batch([*(Processed(analysis=None, error=e) for e in errors), *processed])
                report.errors += errors + [p.error for p in processed if p.error is not None]
                return result

            items = discover(paths, fmt, fields, settings.max_bytes, stdin=stdin)
            drive(engine, _batches(items, writer, batch_size, report, pending), write, report, started, progress)
            if pending:
                result = writer.write_batch([Processed(analysis=None, error=e) for e in pending])
                report.errors += pending
                if progress is not None:
                    progress(report, result)
            report.seconds = time.perf_counter() - started
            writer.finish_run(report.totals())
        finally:
            con.close()
    return report
