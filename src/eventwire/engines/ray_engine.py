"""The Ray Data engine: ``eventwire ingest --engine ray --output DIR`` on one machine or a Ray cluster.

The plan is one streaming Ray Data pipeline:

1. the driver lists the input files (the local engine's ``walk``) into a dataset of (path, file number);
2. read tasks turn each file into Articles or bad-record errors with the local engine's ``discover``, drop
   articles already committed under the output (or repeated in the file), and write the file's bad records;
3. ``map_batches`` on an actor pool (``concurrency=workers``; each actor loads the model once in ``__init__``)
   calls :func:`eventwire.engines.core.process_batch` — the same function as the local engine — and writes the
   batch's rows with :class:`eventwire.parquet_dataset.ParquetSink` (date-partitioned Parquet, deterministic file
   names, articles file last);
4. the driver streams back one small summary row per batch for progress and the final report.

Inputs and output must be reachable from every node at the same path (a shared file system), or the output a
URI pyarrow can write (``s3://...``).  Module name: ``ray_engine``, so it never shadows the ``ray`` package.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from eventwire.config import Settings
from eventwire.ingest import IngestReport, ProgressFn
from eventwire.parquet_dataset import (
    ParquetSink,
    Written,
    account,
    committed_ids,
    is_committed,
    new_run_key,
    numbered_inputs,
)
from eventwire.readers.errors import InputError
from eventwire.readers.fields import FieldMap
from eventwire.records import Article

#: Object store size of a local Ray instance started by eventwire (small: the data is streamed, not held).
LOCAL_OBJECT_STORE_BYTES = 200 * 1024 * 1024
#: Rows a read task hands on at a time.
READ_CHUNK = 256

_READ_SCHEMA = pa.schema(
    [
        ("kind", pa.string()),  # article | error | skipped
        ("article", pa.string()),  # Article JSON
        ("origin", pa.string()),
        ("line", pa.int32()),
        ("reason", pa.string()),
        ("ew_file", pa.int32()),
        ("ew_record", pa.int32()),
        ("count", pa.int32()),
    ]
)
_SUMMARY_SCHEMA = pa.schema(
    [
        ("kind", pa.string()),  # batch | error | skipped
        ("articles", pa.int32()),
        ("event_mentions", pa.int32()),
        ("event_ids", pa.list_(pa.int64())),
        ("origin", pa.string()),
        ("line", pa.int32()),
        ("reason", pa.string()),
        ("count", pa.int32()),
    ]
)


class RayUnavailableError(RuntimeError):
    """Ray is not installed (``pip install 'eventwire[ray]'``)."""


def init_ray(address: str | None = None, num_cpus: int | None = None) -> None:
    """Connect to a Ray cluster (``auto``, ``ray://host:10001``) or start a quiet local one; no-op if connected.

    A local instance has no dashboard, no usage statistics and a small object store.
    """
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    try:
        import ray
    except ImportError as exc:
        raise RayUnavailableError("the Ray engine needs Ray: pip install 'eventwire[ray]'") from exc
    if ray.is_initialized():
        return
    kwargs: dict[str, Any] = {"logging_level": logging.WARNING, "ignore_reinit_error": True}
    if address:
        kwargs["address"] = address
    else:
        kwargs.update(
            num_cpus=num_cpus or os.cpu_count() or 1,
            include_dashboard=False,
            object_store_memory=LOCAL_OBJECT_STORE_BYTES,
        )
    ray.init(**kwargs)


def _quiet_data(progress_bars: bool) -> None:
    import ray.data

    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = progress_bars
    ctx.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)


def read_files(
    batch: pa.Table,
    fmt: str,
    fields: FieldMap | None,
    max_bytes: int,
    committed: np.ndarray[Any, np.dtype[np.uint64]],
    output: str,
    run: str,
) -> Iterator[pa.Table]:
    """Read task: the input files of ``batch`` as article / error / skipped rows (errors also written out)."""
    from eventwire.readers.discover import discover

    sink = ParquetSink(output)
    rows: list[dict[str, Any]] = []
    for path, file_no in zip(batch.column("path").to_pylist(), batch.column("ew_file").to_pylist(), strict=True):
        errors: list[InputError] = []
        seen: set[str] = set()
        skipped = 0
        for record_no, item in enumerate(discover([path], fmt, fields, max_bytes), start=1):
            if isinstance(item, InputError):
                errors.append(item)
                rows.append({"kind": "error", "origin": item.origin, "line": item.line, "reason": item.reason})
            elif item.id in seen or is_committed(item.id, committed):
                skipped += 1
            else:
                seen.add(item.id)
                rows.append(
                    {"kind": "article", "article": item.model_dump_json(), "ew_file": file_no, "ew_record": record_no}
                )
            if len(rows) >= READ_CHUNK:
                yield pa.Table.from_pylist(rows, schema=_READ_SCHEMA)
                rows = []
        sink.write_input_errors(path, errors, run)
        rows.append({"kind": "skipped", "count": skipped, "origin": path})
    if rows:
        yield pa.Table.from_pylist(rows, schema=_READ_SCHEMA)


class AnalyzeBatches:
    """Actor UDF: loads the pipeline once, then analyses and writes one batch of articles per call."""

    def __init__(self, settings: Settings, output: str, run: str, nlp_batch_size: int) -> None:
        from eventwire.engines.core import warm_up

        warm_up(settings)
        self.settings = settings
        self.sink = ParquetSink(output)
        self.run = run
        self.nlp_batch_size = nlp_batch_size

    def __call__(self, batch: pa.Table) -> pa.Table:
        """Analyse the article rows of ``batch`` and write their results; summary rows come back."""
        from eventwire.engines.core import process_batch

        out: list[dict[str, Any]] = []
        items: list[tuple[Article, int, int]] = []
        for row in batch.to_pylist():
            if row["kind"] == "article":
                items.append((Article.model_validate_json(row["article"]), row["ew_file"], row["ew_record"]))
            else:
                out.append({k: row[k] for k in ("kind", "origin", "line", "reason", "count")})
        if items:
            processed = process_batch([a for a, _, _ in items], self.settings, self.nlp_batch_size)
            written = self.sink.write_batch(items, processed, self.run)
            out.append(
                {
                    "kind": "batch",
                    "count": len(items),
                    "articles": written.articles,
                    "event_mentions": written.event_mentions,
                    "event_ids": sorted(written.event_ids),
                }
            )
            out += [{"kind": "error", "origin": e.origin, "line": e.line, "reason": e.reason} for e in written.errors]
        return pa.Table.from_pylist(out, schema=_SUMMARY_SCHEMA)


def _task_pool(data: Any, size: int) -> dict[str, Any]:
    """At most ``size`` read tasks at a time (``compute=TaskPoolStrategy`` where Ray has it, else ``concurrency``)."""
    strategy = getattr(data, "TaskPoolStrategy", None)
    return {"compute": strategy(size=size)} if strategy is not None else {"concurrency": size}


def ingest_ray(
    paths: Sequence[str | Path],
    output: str | Path,
    *,
    workers: int = 1,
    address: str | None = None,
    fmt: str = "auto",
    fields: FieldMap | None = None,
    batch_size: int = 32,
    settings: Settings | None = None,
    progress: ProgressFn | None = None,
    progress_bars: bool = False,
) -> IngestReport:
    """Read ``paths`` and write the Parquet dataset at ``output`` with Ray Data and ``workers`` actors.

    Connects to the cluster at ``address`` (``auto``, ``ray://...``) or, without one, uses the Ray instance this
    process already started or starts a local one.  Produces the same rows as
    :func:`eventwire.parquet_dataset.ingest_to_parquet` (the local engine).
    """
    init_ray(address, num_cpus=None)
    import ray.data

    _quiet_data(progress_bars)
    settings = settings or Settings.from_env()
    report = IngestReport()
    started = time.perf_counter()
    out = str(output) if "://" in str(output) else str(Path(output).resolve())
    run = new_run_key()
    sink = ParquetSink(out)
    files: list[dict[str, Any]] = []
    for file_no, item in numbered_inputs(paths):
        if isinstance(item, InputError):
            report.errors.append(item)
            sink.write_input_errors(item.origin, [item], run)
        elif item == "-":
            raise ValueError("the Ray engine reads files, not standard input")
        else:
            files.append({"path": str(Path(item).resolve()), "ew_file": file_no})
    if not files:
        report.seconds = time.perf_counter() - started
        return report
    committed = committed_ids(out)
    events_seen: set[int] = set()
    workers = max(1, workers)
    ds: Any = ray.data.from_items(files, override_num_blocks=min(len(files), 1000))
    ds = ds.map_batches(
        read_files,
        batch_size=1,
        batch_format="pyarrow",
        fn_kwargs={
            "fmt": fmt,
            "fields": fields,
            "max_bytes": settings.max_bytes,
            "committed": committed,
            "output": out,
            "run": run,
        },
        num_cpus=0,  # light next to the NLP; must not wait for CPUs the actors hold
        **_task_pool(ray.data, workers),
    )
    ds = ds.map_batches(
        AnalyzeBatches,
        batch_size=batch_size,
        batch_format="pyarrow",
        fn_constructor_kwargs={"settings": settings, "output": out, "run": run, "nlp_batch_size": batch_size},
        compute=ray.data.ActorPoolStrategy(size=workers),
        num_cpus=1,
    )
    summaries: Iterator[pa.Table] = ds.iter_batches(batch_size=None, batch_format="pyarrow")
    for summary in summaries:
        for row in summary.to_pylist():
            if row["kind"] == "batch":
                written = Written(articles=row["articles"], event_mentions=row["event_mentions"])
                written.event_ids = set(row["event_ids"] or [])
                report.read += row["count"]
                account(report, written, started, progress, events_seen)
            elif row["kind"] == "error":
                report.errors.append(InputError(row["origin"], row["reason"], line=row["line"]))
            else:
                report.read += row["count"] or 0
                report.skipped += row["count"] or 0
    report.seconds = time.perf_counter() - started
    return report
