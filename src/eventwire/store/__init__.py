"""The embedded DuckDB store: schema, batched transactional writer, parameterised queries, dedup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eventwire.store.schema import create_schema

DEFAULT_DB = "eventwire.duckdb"


class StoreError(RuntimeError):
    """A store that cannot be opened (missing, locked, not a DuckDB file)."""


def connect(path: str | Path, read_only: bool = False) -> Any:
    """A DuckDB connection to the store at ``path``; created with its schema unless read-only."""
    import duckdb

    target = str(path)
    if read_only and target != ":memory:" and not Path(target).is_file():
        raise StoreError(f"{target}: no such store (run `eventwire ingest` first)")
    try:
        con = duckdb.connect(target, read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(f"{target}: cannot open store ({exc})") from None
    if not read_only:
        create_schema(con)
    return con
