"""``eventwire events`` and ``eventwire dyad``: query the store (filters run in SQL)."""

from __future__ import annotations

import csv
import functools
import inspect
import json
import sys
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from eventwire.cli import app
from eventwire.cli.common import fail, out, parse_cli_date
from eventwire.store import DEFAULT_DB

BLOCKS = " ▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float]) -> str:
    """A one-line chart of ``values`` in Unicode block characters (lowest value → lowest block)."""
    if not values:
        return ""
    lo, hi = min(values), max(values)
    span = (hi - lo) or 1.0
    return "".join(BLOCKS[1 + round((v - lo) / span * (len(BLOCKS) - 2))] for v in values)


class QueryFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


def open_db(db: Path) -> Any:
    """A read-only store connection (a Parquet dataset directory is queried in place), or a clean failure."""
    from eventwire.parquet_dataset import is_dataset, open_dataset
    from eventwire.store import StoreError, connect

    if is_dataset(db):
        return open_dataset(db)

    try:
        return connect(db, read_only=True)
    except StoreError as exc:
        fail(str(exc))


SourceCountry = Annotated[str | None, typer.Option(help="Source actor country (CAMEO code, e.g. USA).")]
TargetCountry = Annotated[str | None, typer.Option(help="Target actor country (CAMEO code, e.g. CHN).")]
ActorOpt = Annotated[str | None, typer.Option(help="Actor name (substring) or code on either side.")]
CodeOpt = Annotated[str | None, typer.Option(help="Exact CAMEO event code, e.g. 042.")]
RootOpt = Annotated[str | None, typer.Option(help="CAMEO root code, e.g. 13.")]
QuadOpt = Annotated[int | None, typer.Option(min=1, max=4, help="Quad class 1-4.")]
SinceOpt = Annotated[str | None, typer.Option(help="Events on or after YYYY-MM-DD.")]
UntilOpt = Annotated[str | None, typer.Option(help="Events on or before YYYY-MM-DD.")]
DbOpt = Annotated[Path, typer.Option(help="DuckDB store file, or a Parquet dataset directory (ingest --output).")]
LimitOpt = Annotated[int | None, typer.Option(min=0, help="At most N events.")]

#: The event filter options every filtering command takes: (parameter, CLI annotation), in help order.
FILTER_OPTIONS: tuple[tuple[str, Any], ...] = (
    ("source_country", SourceCountry),
    ("target_country", TargetCountry),
    ("actor", ActorOpt),
    ("code", CodeOpt),
    ("root", RootOpt),
    ("quad", QuadOpt),
    ("since", SinceOpt),
    ("until", UntilOpt),
    ("limit", LimitOpt),
)


def build_filter(
    source_country: str | None = None,
    target_country: str | None = None,
    actor: str | None = None,
    code: str | None = None,
    root: str | None = None,
    quad: int | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> Any:
    """An EventFilter from CLI option values."""
    from eventwire.store.queries import EventFilter

    return EventFilter(
        source_country=source_country,
        target_country=target_country,
        actor=actor,
        code=code,
        root=root,
        quad=quad,
        since=parse_cli_date(since, "--since"),
        until=parse_cli_date(until, "--until"),
        limit=limit,
    )


def filter_options(limit: int | None) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a command the shared event filter options (:data:`FILTER_OPTIONS`, ``--limit`` defaulting to
    ``limit``) in place of its ``flt`` parameter, which receives the EventFilter built from them."""

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        sig = inspect.signature(command, eval_str=True)
        params = list(sig.parameters.values())
        at = [p.name for p in params].index("flt")
        options = [
            inspect.Parameter(
                name, inspect.Parameter.KEYWORD_ONLY, annotation=ann, default=limit if name == "limit" else None
            )
            for name, ann in FILTER_OPTIONS
        ]
        rest = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in params]

        @functools.wraps(command)
        def run(**kwargs: Any) -> None:
            values = {name: kwargs.pop(name) for name, _ in FILTER_OPTIONS}
            command(**kwargs, flt=build_filter(**values))

        run.__signature__ = sig.replace(parameters=[*rest[:at], *options, *rest[at + 1 :]])  # type: ignore[attr-defined]
        return run

    return decorate


_TABLE_COLUMNS = (
    "date",
    "source_code",
    "source_name",
    "cameo",
    "cameo_name",
    "target_code",
    "target_name",
    "goldstein",
    "place_name",
    "num_mentions",
    "num_sources",
    "num_articles",
)


@app.command()
@filter_options(limit=50)
def events(
    flt: Any,
    fmt: Annotated[QueryFormat, typer.Option("--format", "-f", help="Output format.")] = QueryFormat.table,
    db: DbOpt = Path(DEFAULT_DB),
) -> None:
    """List stored events matching the filters, newest first."""
    from eventwire.store.queries import select_events

    con = open_db(db)
    result = select_events(con, flt)
    names = [d[0] for d in result.description]
    rows = [dict(zip(names, r, strict=True)) for r in result.fetchall()]
    con.close()
    if fmt is QueryFormat.json:
        for r in rows:
            sys.stdout.write(json.dumps({**r, "id": str(r["id"])}, default=str, ensure_ascii=False) + "\n")
    elif fmt is QueryFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(names)
        for r in rows:
            writer.writerow([";".join(v) if isinstance(v, list) else ("" if v is None else v) for v in r.values()])
    else:
        table = Table(title=f"{len(rows)} event(s)", show_lines=False)
        for c in _TABLE_COLUMNS:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*("" if r[c] is None else str(r[c]) for c in _TABLE_COLUMNS))
        out.print(table)


@app.command("dyad")
def dyad_command(
    a: Annotated[str, typer.Argument(help="First country (CAMEO code), e.g. USA.")],
    b: Annotated[str, typer.Argument(help="Second country (CAMEO code), e.g. CHN.")],
    by: Annotated[Period, typer.Option(help="Period length.")] = Period.month,
    directed: Annotated[bool, typer.Option(help="Only events with A as source and B as target.")] = False,
    since: SinceOpt = None,
    until: UntilOpt = None,
    fmt: Annotated[QueryFormat, typer.Option("--format", "-f", help="Output format.")] = QueryFormat.table,
    db: DbOpt = Path(DEFAULT_DB),
) -> None:
    """Events between two countries per period: counts by quad class, summed and mean Goldstein."""
    from eventwire.store.queries import dyad

    con = open_db(db)
    rows = dyad(con, a, b, by.value, directed, parse_cli_date(since, "--since"), parse_cli_date(until, "--until"))
    con.close()
    if fmt is QueryFormat.json:
        for r in rows:
            sys.stdout.write(json.dumps(r.__dict__, default=str) + "\n")
        return
    if fmt is QueryFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(list(rows[0].__dict__) if rows else ["period"])
        for r in rows:
            writer.writerow(list(r.__dict__.values()))
        return
    arrow = "→" if directed else "↔"
    table = Table(title=f"{a.upper()} {arrow} {b.upper()} by {by.value}")
    table.add_column("period", no_wrap=True)
    for col in ("events", "verb coop", "mat coop", "verb confl", "mat confl", "G sum", "G mean", "mentions"):
        table.add_column(col, justify="right")
    table.caption = "quad classes: verbal/material cooperation/conflict; G = Goldstein"
    for r in rows:
        table.add_row(
            str(r.period),
            str(r.events),
            str(r.quad1),
            str(r.quad2),
            str(r.quad3),
            str(r.quad4),
            f"{r.goldstein_sum:+.1f}",
            f"{r.goldstein_mean:+.2f}",
            str(r.mentions),
        )
    out.print(table)
    if not rows:
        out.print(f"no events between {a.upper()} and {b.upper()} in {db}", highlight=False)
        return
    out.print(f"events per {by.value}:   {sparkline([r.events for r in rows])}", highlight=False)
    out.print(f"mean Goldstein:     {sparkline([r.goldstein_mean for r in rows])}", highlight=False)
