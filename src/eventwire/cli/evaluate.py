"""``eventwire eval TASK --gold PATH``: score the pipeline on gold data."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli import app
from eventwire.cli.common import fail, out
from eventwire.evaluate import TASKS, get_evaluator, write_section


@app.command("eval")
def eval_command(
    task: Annotated[str, typer.Argument(help=f"What to score: {', '.join(TASKS)}.")],
    gold: Annotated[Path, typer.Option(help="Gold file or directory.")],
    limit: Annotated[int | None, typer.Option(help="Score only the first N documents.")] = None,
    write: Annotated[
        Path | None, typer.Option(help="Markdown file to write the figures into (its section for TASK).")
    ] = Path("docs/accuracy.md"),
    no_write: Annotated[bool, typer.Option("--no-write", help="Only print, do not update the file.")] = False,
    section: Annotated[
        str | None, typer.Option(help="Name of the section to write (default: TASK), for a second gold set of a task.")
    ] = None,
) -> None:
    """Score the pipeline on gold data and print precision, recall and F1."""
    if not gold.exists():
        fail(f"{gold}: gold file or directory not found")
    try:
        evaluator = get_evaluator(task)
    except ValueError as exc:
        fail(str(exc))
    from eventwire.pipeline import get_pipeline

    pipeline = get_pipeline()
    started = time.perf_counter()
    report = evaluator(gold, pipeline, limit)
    report.seconds = report.seconds or time.perf_counter() - started
    report.model = report.model or f"{pipeline.info.model} {pipeline.info.model_version}"
    out.print(report.to_markdown(), highlight=False, markup=False)
    if write and not no_write:
        write.parent.mkdir(parents=True, exist_ok=True)
        write_section(report, write, section)
        out.print(f"updated {write}", highlight=False)
