"""The ``eventwire`` command line (Typer + Rich): thin commands over the library.

Commands live in one module each under ``eventwire.cli``; each module adds its
commands to :data:`app` when imported, and :data:`COMMAND_MODULES` lists them.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="eventwire",
    help="Structured, evidence-linked event data from international-affairs news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

COMMAND_MODULES: tuple[str, ...] = ("extract", "schema", "evaluate", "ingest", "query", "export", "serve", "load")

for _name in COMMAND_MODULES:
    importlib.import_module(f"eventwire.cli.{_name}")
