"""Helpers shared by CLI commands: consoles and clean one-line failures."""

from __future__ import annotations

import datetime as dt
import sys
from typing import NoReturn

import typer
from rich.console import Console

#: Piped output (make demo, logs) gets wide tables instead of Rich's 80-column default.
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, soft_wrap=True)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print a one-line error to stderr and exit with ``code`` (no traceback)."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
    raise typer.Exit(code)


def parse_cli_date(value: str | None, option: str) -> dt.date | None:
    """A YYYY-MM-DD option value, or a clean failure."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{option} {value!r} is not a date (expected YYYY-MM-DD)")
