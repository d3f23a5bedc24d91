"""``eventwire extract``: analyse one article and show the result."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli import app
from eventwire.cli.common import err, fail, out, parse_cli_date
from eventwire.config import Settings
from eventwire.nlp import ModelNotFoundError
from eventwire.readers import InputError, article_from_bytes, read_text_file


class OutputFormat(StrEnum):
    json = "json"
    table = "table"
    html = "html"


@app.command()
def extract(
    file: Annotated[str, typer.Argument(help="Article text file, or '-' for standard input.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD (else from metadata, else today).")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Publishing outlet, e.g. BTA.")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here (html default: FILE.html).")] = None,
    actors: Annotated[list[Path] | None, typer.Option("--actors", help="Extra actor table (CSV); repeatable.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline package to use.")] = None,
) -> None:
    """Extract actors, quotes, times, places, sources and events from one article."""
    date = parse_cli_date(published, "--published")
    for path in actors or []:
        if not path.is_file():
            fail(f"{path}: actor table not found")
    settings = Settings.from_env(model=model, actor_files=tuple(actors) if actors else None)
    try:
        if file == "-":
            article = article_from_bytes(
                sys.stdin.buffer.read(), "<stdin>", published=date, source=source, max_bytes=settings.max_bytes
            )
        else:
            article = read_text_file(Path(file), published=date, source=source, max_bytes=settings.max_bytes)
    except InputError as exc:
        fail(str(exc))

    from eventwire.pipeline import Pipeline, with_reference_date

    try:
        pipeline = Pipeline(settings=settings)
    except ModelNotFoundError as exc:
        fail(str(exc))
    except (ValueError, OSError) as exc:
        fail(f"could not set up the pipeline: {exc}")
    article = with_reference_date(article)
    result = pipeline.analyze(article)
    if article.published_from == "today":
        err.print(
            f"note: no publication date given or found; using today ({article.published}). "
            "Pass --published YYYY-MM-DD.",
            highlight=False,
        )
    if fmt is OutputFormat.json:
        text = result.to_json()
        if output:
            output.write_text(text + "\n", encoding="utf-8")
        else:
            sys.stdout.write(text + "\n")
    elif fmt is OutputFormat.table:
        from eventwire.render.table import render_tables

        render_tables(result, out)
    else:
        from eventwire.render.html import render_html

        target = output or Path((file if file != "-" else "stdin") + ".html")
        target.write_text(render_html(result), encoding="utf-8")
        out.print(f"wrote {target}", highlight=False)
