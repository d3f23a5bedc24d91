"""A partitioned Parquet dataset of results: written by ``eventwire ingest --output DIR`` (any engine), read back
by ``eventwire load DIR --db ...`` and queried in place by DuckDB (``--db DIR``).

Layout under the output root (a local or shared directory, or a pyarrow filesystem URI such as ``s3://b/p``)::

    articles/date=YYYY-MM-DD/part-<batch key>-0.parquet   one row per article, + its lossless Analysis JSON
    events/date=YYYY-MM-DD/...        one row per event *report*: event key columns + evidence (event date)
    actors/ mentions/ quotes/ times/ places/ sources/   date = the article's publication date
    errors/input-<hash of input path>.parquet          bad records of one input file (locator + reason)
    errors/pipeline-<article id>.parquet               an article on which the pipeline failed

Column names and types are those of the DuckDB store's tables (derived from its DDL), so the same SQL runs on
both.  Idempotence (docs/scale.md): rows are keyed by the article content hash, a run first drops articles
already committed under the root, a batch writes its articles file last (the commit record) under a name derived
from its content, and every reader keeps one copy per article id and only rows of committed articles.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import pyarrow as pa

from eventwire.config import Settings
from eventwire.ingest import IngestReport, ProgressFn, chunked, drive, unseen
from eventwire.readers.errors import InputError
from eventwire.readers.fields import FieldMap
from eventwire.records import Analysis, Article
from eventwire.store.rows import Processed, article_rows
from eventwire.store.schema import RECORD_TABLES, arrow_schemas, columns
from eventwire.store.writer import BatchResult, utcnow

#: Every dataset under the root, in the order a batch writes them (``articles`` last: it commits the batch).
DATASETS: tuple[str, ...] = (*RECORD_TABLES, "events", "articles", "errors")
#: Bookkeeping columns on every row: run key, input file number and record number within the file.
ORDER_COLUMNS: tuple[str, ...] = ("ew_run", "ew_file", "ew_record")
_EVENT_AGGREGATES = ("id", "modality", "is_root", "num_mentions", "num_sources", "num_articles", "num_copies")
MAX_PARTITIONS = 100_000


# -- layout and schemas --------------------------------------------------------------------------------------------
def filesystem(root: str | Path) -> tuple[Any, str]:
    """(pyarrow filesystem, base path) for an output root: a local path or a URI (``s3://``, ``gs://``, ...)."""
    import pyarrow.fs as pafs

    text = str(root)
    if "://" in text and not text.startswith("file://"):
        fs, base = pafs.FileSystem.from_uri(text)
        return fs, base.rstrip("/")
    local = text[len("file://") :] if text.startswith("file://") else text
    return pafs.LocalFileSystem(), str(Path(local).resolve())


@lru_cache(maxsize=1)
def schemas() -> dict[str, pa.Schema]:
    """Arrow schema of each dataset, from the store's DDL (same names and types) plus bookkeeping columns."""

    def of(table: str) -> pa.Schema:
        return arrow_schemas()[table]

    order = [pa.field("ew_run", pa.string()), pa.field("ew_file", pa.int32()), pa.field("ew_record", pa.int32())]
    day = pa.field("date", pa.date32())
    out: dict[str, pa.Schema] = {}
    art = of("articles")
    out["articles"] = pa.schema([*art, day, pa.field("analysis", pa.string()), *order])
    for name in RECORD_TABLES:
        out[name] = pa.schema([*of(name), day, *order])
    ev = of("events")
    out["events"] = pa.schema(
        [
            *of("event_mentions"),
            *(f for f in ev if f.name not in _EVENT_AGGREGATES),
            pa.field("ew_seq", pa.int32()),
            *order,
        ]
    )
    err = of("errors")
    out["errors"] = pa.schema(
        [*(f for f in err if f.name != "run_id"), pa.field("kind", pa.string()), pa.field("ew_run", pa.string())]
    )
    return out


def new_run_key() -> str:
    """A sortable key for one ingest run (UTC time to the microsecond)."""
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


# -- rows ----------------------------------------------------------------------------------------------------------
@dataclass
class Written:
    """What one batch wrote."""

    articles: int = 0
    event_mentions: int = 0
    event_ids: set[int] = field(default_factory=set)
    errors: list[InputError] = field(default_factory=list)


def _analysis_json(analysis: Analysis) -> str:
    """The lossless Analysis record without the article text (kept once, in the ``text`` column)."""
    return analysis.model_dump_json(exclude={"article": {"text"}})


def batch_rows(
    items: Sequence[tuple[Processed, int, int]], run: str, now: dt.datetime
) -> dict[str, list[dict[str, Any]]]:
    """Rows of every dataset for analysed articles given as (processed, file number, record number).

    Built with the store's own row builder (:func:`eventwire.store.rows.article_rows`), so the Parquet rows are
    the store's rows.
    """
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in DATASETS if name != "errors"}
    for p, file_no, record_no in items:
        assert p.analysis is not None
        published = p.analysis.article.published
        order = {"ew_run": run, "ew_file": file_no, "ew_record": record_no}
        rows = article_rows(p, now)
        tables["articles"].append({**rows.article, "date": published, "analysis": _analysis_json(p.analysis), **order})
        for name, records in rows.records.items():
            tables[name] += [{**r, "date": published, **order} for r in records]
        for seq, (ev, mention) in enumerate(zip(rows.events, rows.event_mentions, strict=True)):
            tables["events"].append({**ev, **mention, "ew_seq": seq, **order})
    return tables


def error_rows(errors: Iterable[InputError], kind: str, run: str, now: dt.datetime) -> list[dict[str, Any]]:
    """Rows of the errors dataset: record locator (origin, line) and reason."""
    return [
        {"origin": e.origin, "line": e.line, "reason": e.reason, "seen_at": now, "kind": kind, "ew_run": run}
        for e in errors
    ]


# -- writing -------------------------------------------------------------------------------------------------------
class ParquetSink:
    """Writes batches of processed articles (and bad records) under an output root; used by every engine."""

    def __init__(self, root: str | Path) -> None:
        self.root = str(root)
        self.fs, self.base = filesystem(root)

    def _write_partitioned(self, name: str, rows: list[dict[str, Any]], key: str) -> None:
        import pyarrow.dataset as ds

        if not rows:
            return
        table = pa.Table.from_pylist(rows, schema=schemas()[name])
        ds.write_dataset(
            table,
            f"{self.base}/{name}",
            format="parquet",
            filesystem=self.fs,
            partitioning=ds.partitioning(pa.schema([("date", pa.date32())]), flavor="hive"),
            basename_template=f"part-{key}-{{i}}.parquet",
            existing_data_behavior="overwrite_or_ignore",
            max_partitions=MAX_PARTITIONS,
            file_options=ds.ParquetFileFormat().make_write_options(compression="zstd"),
        )

    def _write_errors(self, name: str, rows: list[dict[str, Any]]) -> None:
        import pyarrow.parquet as pq

        path = f"{self.base}/errors/{name}.parquet"
        if not rows:
            with contextlib.suppress(FileNotFoundError, OSError):
                self.fs.delete_file(path)
            return
        self.fs.create_dir(f"{self.base}/errors", recursive=True)
        pq.write_table(pa.Table.from_pylist(rows, schema=schemas()["errors"]), path, filesystem=self.fs)

    def write_input_errors(self, origin: str, errors: Sequence[InputError], run: str) -> None:
        """(Re)write the bad records of one input file; a file with none left has its errors file removed."""
        self._write_errors(f"input-{_digest(origin)}", error_rows(errors, "input", run, utcnow()))

    def write_batch(
        self, items: Sequence[tuple[Article, int, int]], processed: Sequence[Processed], run: str
    ) -> Written:
        """Write one batch: (article, file number, record number) inputs and their processed results, in order.

        The record datasets go first and the articles file last, all under one name derived from the batch's
        article ids: a retried batch overwrites its own files, and an article is committed once its row is in
        ``articles``.  An article the pipeline failed on goes to the errors dataset (and is not retried).
        """
        now = utcnow()
        written = Written()
        good: list[tuple[Processed, int, int]] = []
        for (article, file_no, record_no), p in zip(items, processed, strict=True):
            if p.analysis is None or p.error is not None:
                error = p.error or InputError(article.origin or article.id, "pipeline failed")
                written.errors.append(error)
                self._write_errors(f"pipeline-{article.id}", error_rows([error], "pipeline", run, now))
                continue
            good.append((p, file_no, record_no))
        if not good:
            return written
        key = _digest("\n".join(sorted(p.analysis.article.id for p, _, _ in good if p.analysis)))
        tables = batch_rows(good, run, now)
        for name in DATASETS:
            if name in tables:
                self._write_partitioned(name, tables[name], key)
        written.articles = len(tables["articles"])
        written.event_mentions = len(tables["events"])
        written.event_ids = {int(r["event_id"]) for r in tables["events"]}
        return written


# -- what is already committed -------------------------------------------------------------------------------------
def committed_ids(root: str | Path) -> np.ndarray[Any, np.dtype[np.uint64]]:
    """Sorted article ids (content hashes as unsigned 64-bit ints) already committed under ``root``."""
    import pyarrow.dataset as ds

    fs, base = filesystem(root)
    import pyarrow.fs as pafs

    info = fs.get_file_info(f"{base}/articles")
    if info.type != pafs.FileType.Directory:
        return np.zeros(0, dtype=np.uint64)
    dataset = ds.dataset(f"{base}/articles", format="parquet", filesystem=fs, partitioning="hive")
    ids = dataset.to_table(columns=["id"]).column("id").to_pylist()
    return np.unique(np.fromiter((int(i, 16) for i in ids), dtype=np.uint64, count=len(ids)))


def is_committed(article_id: str, committed: np.ndarray[Any, np.dtype[np.uint64]]) -> bool:
    """Whether an article id is in a :func:`committed_ids` array (binary search)."""
    if not len(committed):
        return False
    value = np.uint64(int(article_id, 16))
    pos = int(np.searchsorted(committed, value))
    return pos < len(committed) and bool(committed[pos] == value)


# -- the local engine into Parquet ---------------------------------------------------------------------------------
def numbered_inputs(paths: Sequence[str | Path]) -> Iterator[tuple[int, str | InputError]]:
    """(file number, input path or '-') for every input file in discovery order, or a missing-path error."""
    from eventwire.readers.discover import walk

    n = 0
    for raw in paths:
        if str(raw) == "-":
            yield n, "-"
            n += 1
            continue
        for item in walk([raw]):
            yield n, (item if isinstance(item, InputError) else str(item))
            n += 1


def ingest_to_parquet(
    paths: Sequence[str | Path],
    output: str | Path,
    *,
    workers: int = 1,
    fmt: str = "auto",
    fields: FieldMap | None = None,
    batch_size: int = 32,
    settings: Settings | None = None,
    progress: ProgressFn | None = None,
    stdin: BinaryIO | None = None,
) -> IngestReport:
    """Read ``paths`` with the local engine and write the Parquet dataset at ``output``; returns an IngestReport.

    The same readers, skip rule (already committed or repeated in this run) and :func:`process_batch` as
    ``eventwire ingest --db``; the Ray engine (:mod:`eventwire.engines.ray_engine`) writes the same rows.
    """
    from eventwire.engines.local import LocalEngine
    from eventwire.readers.discover import discover

    settings = settings or Settings.from_env()
    report = IngestReport()
    started = time.perf_counter()
    sink = ParquetSink(output)
    run = new_run_key()
    committed = committed_ids(output)
    seen: set[str] = set()
    ordinals: dict[str, tuple[int, int]] = {}
    events_seen: set[int] = set()

    def articles() -> Iterator[Article]:
        for file_no, item in numbered_inputs(paths):
            if isinstance(item, InputError):
                report.errors.append(item)
                sink.write_input_errors(item.origin, [item], run)
                continue
            errors: list[InputError] = []
            stream = discover([item], fmt, fields, settings.max_bytes, stdin=stdin)
            for record_no, got in unseen(stream, report, seen, errors.append, lambda a: is_committed(a.id, committed)):
                ordinals[got.id] = (file_no, record_no)
                yield got
            sink.write_input_errors("<stdin>" if item == "-" else item, errors, run)
            report.errors += errors

    def write(batch: Sequence[Article], processed: list[Processed]) -> BatchResult:
        written = sink.write_batch([(a, *ordinals.pop(a.id)) for a in batch], processed, run)
        return batch_result(report, written, events_seen)

    with LocalEngine(workers, settings, batch_size) as engine:
        drive(engine, chunked(articles(), batch_size), write, report, started, progress)
    report.seconds = time.perf_counter() - started
    return report


def batch_result(report: IngestReport, written: Written, events_seen: set[int]) -> BatchResult:
    """What a batch wrote as a BatchResult (events new to this run: not in ``events_seen``, which is updated);
    the batch's failed records are added to ``report``."""
    result = BatchResult(
        articles=written.articles,
        events_new=len(written.event_ids - events_seen),
        event_mentions=written.event_mentions,
        errors=len(written.errors),
    )
    events_seen |= written.event_ids
    report.errors += written.errors
    return result


def account(
    report: IngestReport, written: Written, started: float, progress: ProgressFn | None, events_seen: set[int]
) -> None:
    """Add what a batch wrote to a run's report and tell the progress callback."""
    report.add_batch(batch_result(report, written, events_seen), started, progress)


# -- reading: DuckDB views over the dataset ------------------------------------------------------------------------
def is_dataset(path: str | Path) -> bool:
    """Whether ``path`` is a local directory holding an eventwire Parquet dataset."""
    p = Path(path)
    return p.is_dir() and any((p / name).is_dir() for name in ("articles", "events", "errors"))


_ARTICLE_COLUMNS = (
    "id, title, published, published_from, source, url, language, origin, n_chars, text, n_shingles, minhash, "
    "CAST(NULL AS VARCHAR) AS duplicate_of, CAST(NULL AS DOUBLE) AS similarity, id AS cluster_id, "
    "CAST(NULL AS INTEGER) AS run_id, ingested_at, eventwire_version, model, stages, analysis, "
    "ew_run, ew_file, ew_record"
)
# Rows of an article count only when they come from the same input record as its committed (winning) row.
_WINNER = (
    "JOIN articles w ON w.id = t.article_id AND w.ew_run = t.ew_run AND w.ew_file = t.ew_file "
    "AND w.ew_record = t.ew_record"
)


def open_dataset(root: str | Path) -> Any:
    """An in-memory DuckDB connection whose views (articles, events, event_mentions, actors, mentions, quotes,
    times, places, sources, errors) read the Parquet dataset at ``root`` in place.

    The views have the store's columns, so :mod:`eventwire.store.queries` and the exporters run unchanged.
    One copy per article id (the first input record) counts; rows of uncommitted articles are ignored.
    ``events`` merges reports by event key like the store, but without wire-copy linking (every article
    counts as independent: ``num_copies`` is 0) — ``eventwire load`` links copies.
    """
    import duckdb

    fs, base = filesystem(root)
    if type(fs).__name__ != "LocalFileSystem":
        raise ValueError(
            f"{root}: query a local or mounted copy (DuckDB reads remote Parquet only with its httpfs extension)"
        )
    con = duckdb.connect()
    for name, schema in schemas().items():
        sub = Path(base) / name
        files = any(sub.rglob("*.parquet")) if sub.is_dir() else False
        if files:
            pattern = f"{base}/{name}/**/*.parquet"
            con.execute(f"SET VARIABLE ew_glob_{name} = ?", [pattern])  # fixed names; the path is a parameter
            con.execute(
                f"CREATE VIEW _raw_{name} AS SELECT * FROM read_parquet(getvariable('ew_glob_{name}'), "
                "hive_partitioning = true, union_by_name = true)"
            )
        else:
            con.register(f"_empty_{name}", schema.empty_table())
            con.execute(f"CREATE VIEW _raw_{name} AS SELECT * FROM _empty_{name}")
    con.execute(
        f"CREATE VIEW articles AS SELECT {_ARTICLE_COLUMNS} FROM _raw_articles "
        "QUALIFY row_number() OVER (PARTITION BY id ORDER BY ew_run, ew_file, ew_record) = 1"
    )
    for name in RECORD_TABLES:
        cols = ", ".join(f't."{f.name}"' for f in schemas()[name] if f.name not in ("date", *ORDER_COLUMNS))
        con.execute(f"CREATE VIEW {name} AS SELECT {cols} FROM _raw_{name} t {_WINNER}")
    mention_cols = ", ".join(f't."{c}"' for c in columns("event_mentions"))
    con.execute(f"CREATE VIEW _event_rows AS SELECT t.*, w.source AS article_source FROM _raw_events t {_WINNER}")
    con.execute(f"CREATE VIEW event_mentions AS SELECT {mention_cols} FROM _event_rows t")
    rep_cols = ", ".join(
        f"rep.{c}" for c in columns("events") if c not in _EVENT_AGGREGATES and c not in ("date", "first_seen")
    )
    con.execute(
        f"""CREATE VIEW events AS
        WITH agg AS (
            SELECT event_id, date, count(*)::INTEGER AS num_mentions,
                   count(DISTINCT article_id)::INTEGER AS num_articles,
                   count(DISTINCT coalesce(article_source, '#' || article_id))::INTEGER AS num_sources,
                   bool_or(sentence_index = 0) AS is_root, min(first_seen) AS first_seen
            FROM _event_rows GROUP BY event_id, date
        ), rep AS (
            SELECT * FROM _event_rows
            QUALIFY row_number() OVER (PARTITION BY event_id, date ORDER BY ew_run, ew_file, ew_record, ew_seq) = 1
        )
        SELECT rep.event_id AS id, rep.date, {rep_cols}, rep.modality, agg.is_root, agg.num_mentions,
               agg.num_sources, agg.num_articles, 0 AS num_copies, agg.first_seen
        FROM rep JOIN agg ON agg.event_id = rep.event_id AND agg.date IS NOT DISTINCT FROM rep.date"""
    )
    con.execute(
        "CREATE VIEW errors AS SELECT origin, line, reason, CAST(NULL AS INTEGER) AS run_id, max(seen_at) AS seen_at "
        "FROM _raw_errors GROUP BY origin, line, reason"
    )
    return con


# -- load into a store ---------------------------------------------------------------------------------------------
def _analysis_from_row(text: str, analysis_json: str) -> Analysis:
    data = json.loads(analysis_json)
    data["article"]["text"] = text
    return Analysis.model_validate(data)


def load(
    root: str | Path,
    db: str | Path,
    *,
    batch_size: int = 64,
    progress: ProgressFn | None = None,
) -> IngestReport:
    """Merge the Parquet dataset at ``root`` into the DuckDB store ``db``; returns an IngestReport.

    Articles go through :class:`~eventwire.store.writer.StoreWriter` in input order, exactly as local ingest
    writes them: stored article ids are skipped, wire copies linked (MinHash/LSH), events merged by key and
    recounted.  Loading the same dataset twice adds nothing.
    """
    from eventwire.store import connect
    from eventwire.store.writer import StoreWriter

    report = IngestReport()
    started = time.perf_counter()
    src = open_dataset(root)
    store = connect(db)
    try:
        writer = StoreWriter(store)
        report.run_id = writer.start_run([f"load {root}"])
        errors = [
            InputError(o, r, line=ln)
            for o, ln, r in src.execute(
                "SELECT origin, line, reason FROM errors ORDER BY origin, line NULLS FIRST, reason"
            ).fetchall()
        ]
        if errors:
            writer.write_batch([Processed(analysis=None, error=e) for e in errors])
            report.errors += errors
        cursor = src.execute(
            "SELECT id, text, analysis, minhash, n_shingles FROM articles ORDER BY ew_run, ew_file, ew_record"
        )
        while True:
            rows = cursor.fetchmany(batch_size)
            if not rows:
                break
            report.read += len(rows)
            stored = writer.existing_ids(r[0] for r in rows)
            fresh = [
                Processed(analysis=_analysis_from_row(text, js), minhash=list(mh or []), n_shingles=int(n or 0))
                for aid, text, js, mh, n in rows
                if aid not in stored
            ]
            report.skipped += len(rows) - len(fresh)
            report.add_batch(writer.write_batch(fresh), started, progress)
        report.seconds = time.perf_counter() - started
        writer.finish_run(report.totals())
    finally:
        store.close()
        src.close()
    return report
