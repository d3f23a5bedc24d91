"""``eventwire ingest PATH...``: read a corpus into the store, resumably, in parallel."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli import app
from eventwire.cli.common import err, fail
from eventwire.config import Settings
from eventwire.store import DEFAULT_DB


class InputFormat(StrEnum):
    auto = "auto"
    text = "text"
    html = "html"
    jsonl = "jsonl"
    csv = "csv"
    feed = "feed"
    parquet = "parquet"


class Engine(StrEnum):
    local = "local"
    ray = "ray"


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or directories (recursive); '-' for standard input.")],
    db: Annotated[Path, typer.Option(help="DuckDB store file (created if missing).")] = Path(DEFAULT_DB),
    workers: Annotated[int, typer.Option(min=1, help="Worker processes (each loads the model once).")] = 1,
    fmt: Annotated[InputFormat, typer.Option("--format", help="Input format; auto: by extension.")] = InputFormat.auto,
    text_field: Annotated[str, typer.Option(help="JSONL/CSV field with the article text.")] = "text",
    title_field: Annotated[str, typer.Option(help="JSONL/CSV field with the title.")] = "title",
    date_field: Annotated[str, typer.Option(help="JSONL/CSV field with the date (YYYY-MM-DD...).")] = "date",
    source_field: Annotated[str, typer.Option(help="JSONL/CSV field with the outlet.")] = "source",
    url_field: Annotated[str, typer.Option(help="JSONL/CSV field with the URL.")] = "url",
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per batch (one transaction each).")] = 32,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline package to use.")] = None,
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Live progress bar (default: on a terminal).")
    ] = None,
    engine: Annotated[
        Engine, typer.Option(help="local: processes on this machine; ray: Ray Data actors.")
    ] = Engine.local,
    address: Annotated[
        str | None, typer.Option(help="Ray cluster: auto or ray://HOST:10001 (default: a local Ray instance).")
    ] = None,
    output: Annotated[
        str | None, typer.Option("--output", help="Write a date-partitioned Parquet dataset here instead of --db.")
    ] = None,
) -> None:
    """Read articles into the store; already-stored articles are skipped. Exit 1 if any record failed."""
    from eventwire.ingest import IngestReport
    from eventwire.ingest import ingest as run_ingest
    from eventwire.nlp import ModelNotFoundError
    from eventwire.readers.fields import FieldMap
    from eventwire.store import StoreError
    from eventwire.store.writer import BatchResult

    fields = FieldMap(text=text_field, title=title_field, date=date_field, source=source_field, url=url_field)
    settings = Settings.from_env(model=model)
    live = sys.stderr.isatty() if progress is None else progress

    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    bar = Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.fields[articles]}[/] articles"),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TextColumn("[green]{task.fields[events]}[/] events"),
        TextColumn("[red]{task.fields[errors]}[/] errors"),
        TextColumn("{task.fields[skipped]} skipped"),
        TimeElapsedColumn(),
        console=err,
        transient=False,
        disable=not live,
    )
    task = bar.add_task("ingest", total=None, articles=0, rate=0.0, events=0, errors=0, skipped=0)

    def on_batch(rep: IngestReport, batch: BatchResult) -> None:
        bar.update(
            task,
            articles=rep.articles,
            rate=rep.articles_per_second,
            events=rep.event_mentions,
            errors=len(rep.errors),
            skipped=rep.skipped,
        )
        if not live:
            err.print(
                f"batch {rep.batches} committed: +{batch.articles} articles, +{batch.event_mentions} event mentions, "
                f"{batch.errors} errors (total {rep.articles} articles, {rep.articles_per_second:.1f}/s)",
                highlight=False,
            )

    if engine is Engine.ray and output is None:
        fail("--engine ray writes a Parquet dataset: give --output DIR (then `eventwire load DIR --db FILE`)")
    if address is not None and engine is not Engine.ray:
        fail("--address needs --engine ray")
    try:
        with bar:
            if output is not None:
                from eventwire.cli.load import ingest_parquet

                report = ingest_parquet(
                    paths, output, engine.value, address, workers, fmt.value, fields, batch_size, settings, on_batch
                )
            else:
                report = run_ingest(
                    paths,
                    db,
                    workers=workers,
                    fmt=fmt.value,
                    fields=fields,
                    batch_size=batch_size,
                    settings=settings,
                    progress=on_batch,
                )
    except ModelNotFoundError as exc:
        fail(str(exc))
    except StoreError as exc:
        fail(str(exc))

    if output is not None:
        err.print(
            f"wrote {report.articles} articles, {report.event_mentions} event reports ({report.events_new} events), "
            f"skipped {report.skipped} already written, in {report.seconds:.1f}s "
            f"({report.articles_per_second:.1f} articles/s) to {output} (engine {engine.value})",
            highlight=False,
        )
    else:
        err.print(
            f"ingested {report.articles} articles ({report.duplicates} wire copies linked), skipped {report.skipped} "
            f"already stored, {report.event_mentions} event mentions ({report.events_new} new events) "
            f"in {report.seconds:.1f}s ({report.articles_per_second:.1f} articles/s) into {db}",
            highlight=False,
        )
    if report.errors:
        err.print(f"[bold red]{len(report.errors)} record(s) failed:[/]")
        for e in report.errors:
            where = f"{e.origin}:{e.line}" if e.line is not None else e.origin
            err.print(f"  {where}: {e.reason}", highlight=False, markup=False)
        raise typer.Exit(1)
