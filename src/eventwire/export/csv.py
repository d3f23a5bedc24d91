"""Flat CSV export of events (one row per deduplicated event, header line, lists joined with ';')."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from eventwire.export.common import iter_events
from eventwire.store.queries import EVENT_COLUMNS, EventFilter


def export(con: Any, flt: EventFilter, path: Path) -> int:
    """Write the filtered events as CSV with the columns of ``EVENT_COLUMNS``."""
    n = 0
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(EVENT_COLUMNS)
        for ev in iter_events(con, flt):
            writer.writerow([";".join(v) if isinstance(v, list) else ("" if v is None else v) for v in ev.values()])
            n += 1
    return n
