"""Loaders for the shipped data tables (codes, agents, actors, gazetteer).

Tables live under ``eventwire/data``; every loader is cached, so each table is read
once per process.  Tables are never re-typed in code: one source of truth each.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from importlib import resources
from pathlib import Path


def data_path(name: str) -> Path:
    """Path of a shipped data file, e.g. ``data_path("cameo_event_codes.tsv")``."""
    return Path(str(resources.files("eventwire") / "data" / name))


def read_tsv(name: str) -> Iterator[dict[str, str]]:
    """Rows of a shipped TSV file with a header line; lines starting with '#' are skipped."""
    with data_path(name).open(encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if line.strip() and not line.startswith("#"))
        yield from csv.DictReader(lines, delimiter="\t")
