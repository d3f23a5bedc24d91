"""``eventwire export --format FORMAT -o PATH``: write filtered events in another format."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from eventwire.cli import app
from eventwire.cli.common import fail, out
from eventwire.cli.query import DbOpt, filter_options, open_db
from eventwire.store import DEFAULT_DB


@app.command("export")
@filter_options(limit=None)
def export_command(
    fmt: Annotated[str, typer.Option("--format", "-f", help="gdelt, plover, csv, parquet, geojson (or a plug-in).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Output file (a directory for parquet).")],
    flt: Any,
    db: DbOpt = Path(DEFAULT_DB),
) -> None:
    """Export the stored events matching the filters."""
    from eventwire.export import UnknownFormatError, get_exporter

    try:
        exporter = get_exporter(fmt)
    except UnknownFormatError as exc:
        fail(str(exc))
    con = open_db(db)
    try:
        if output.parent and not output.parent.exists():
            output.parent.mkdir(parents=True, exist_ok=True)
        n = exporter(con, flt, output)
    finally:
        con.close()
    out.print(f"wrote {n} event(s) as {fmt} to {output}", highlight=False)


__all__ = ["DEFAULT_DB", "export_command"]
