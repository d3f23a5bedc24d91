"""``eventwire export --format FORMAT -o PATH``: write filtered events in another format."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eventwire.cli import app
from eventwire.cli.common import fail, out
from eventwire.cli.query import (
    ActorOpt,
    CodeOpt,
    DbOpt,
    QuadOpt,
    RootOpt,
    SinceOpt,
    SourceCountry,
    TargetCountry,
    UntilOpt,
    build_filter,
    open_db,
)
from eventwire.store import DEFAULT_DB


@app.command("export")
def export_command(
    fmt: Annotated[str, typer.Option("--format", "-f", help="gdelt, plover, csv, parquet, geojson (or a plug-in).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Output file (a directory for parquet).")],
    source_country: SourceCountry = None,
    target_country: TargetCountry = None,
    actor: ActorOpt = None,
    code: CodeOpt = None,
    root: RootOpt = None,
    quad: QuadOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: Annotated[int | None, typer.Option(min=0, help="At most N events.")] = None,
    db: DbOpt = Path(DEFAULT_DB),
) -> None:
    """Export the stored events matching the filters."""
    from eventwire.export import UnknownFormatError, get_exporter

    try:
        exporter = get_exporter(fmt)
    except UnknownFormatError as exc:
        fail(str(exc))
    flt = build_filter(source_country, target_country, actor, code, root, quad, since, until, limit)
    con = open_db(db)
    try:
        if output.parent and not output.parent.exists():
            output.parent.mkdir(parents=True, exist_ok=True)
        n = exporter(con, flt, output)
    finally:
        con.close()
    out.print(f"wrote {n} event(s) as {fmt} to {output}", highlight=False)


__all__ = ["DEFAULT_DB", "export_command"]
