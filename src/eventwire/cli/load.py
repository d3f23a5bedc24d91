"""``eventwire load PARQUET_DIR --db FILE``: merge a Parquet dataset written by ``ingest --output`` into a store.

Also holds the ``ingest --output`` dispatch to the local or Ray engine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from eventwire.cli import app
from eventwire.cli.common import err, fail
from eventwire.store import DEFAULT_DB


def ingest_parquet(
    paths: list[str],
    output: str,
    engine: str,
    address: str | None,
    workers: int,
    fmt: str,
    fields: Any,
    batch_size: int,
    settings: Any,
    progress: Any,
) -> Any:
    """Run ``ingest --output`` with the chosen engine; returns its IngestReport (clean failures otherwise)."""
    if engine == "ray":
        try:
            from eventwire.engines.ray_engine import RayUnavailableError, ingest_ray
        except ImportError:
            fail("the Ray engine needs Ray: pip install 'eventwire[ray]'")
        if "-" in paths:
            fail("the Ray engine reads files, not standard input")
        try:
            return ingest_ray(
                paths,
                output,
                workers=workers,
                address=address,
                fmt=fmt,
                fields=fields,
                batch_size=batch_size,
                settings=settings,
                progress=progress,
            )
        except RayUnavailableError as exc:
            fail(str(exc))
        except ConnectionError as exc:
            fail(f"cannot reach the Ray cluster at {address}: {exc}")
    from eventwire.parquet_dataset import ingest_to_parquet

    return ingest_to_parquet(
        paths,
        output,
        workers=workers,
        fmt=fmt,
        fields=fields,
        batch_size=batch_size,
        settings=settings,
        progress=progress,
    )


@app.command()
def load(
    dataset: Annotated[str, typer.Argument(help="Parquet dataset directory written by `ingest --output`.")],
    db: Annotated[Path, typer.Option(help="DuckDB store file (created if missing).")] = Path(DEFAULT_DB),
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per transaction.")] = 64,
) -> None:
    """Merge a Parquet dataset into the store with the same dedup as ingest (stored articles skipped,
    wire copies linked, events merged). Loading it again adds nothing. Exit 1 if the dataset holds failed records."""
    from eventwire.parquet_dataset import is_dataset
    from eventwire.parquet_dataset import load as run_load
    from eventwire.store import StoreError

    if not is_dataset(dataset):
        fail(f"{dataset}: not an eventwire Parquet dataset (no articles/, events/ or errors/ directory)")
    try:
        report = run_load(dataset, db, batch_size=batch_size)
    except StoreError as exc:
        fail(str(exc))
    err.print(
        f"loaded {report.articles} articles ({report.duplicates} wire copies linked), skipped {report.skipped} "
        f"already stored, {report.event_mentions} event mentions ({report.events_new} new events) "
        f"in {report.seconds:.1f}s into {db}",
        highlight=False,
    )
    if report.errors:
        err.print(f"{len(report.errors)} failed record(s) in the dataset (see the errors table)", highlight=False)
        raise typer.Exit(1)
