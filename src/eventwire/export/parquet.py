"""Partitioned Parquet export (pyarrow): a Hive-partitioned dataset ``year=YYYY/month=MM/part-*.parquet``.

Partitioning by event date (year and month) lets DuckDB, Spark, pandas or Polars read
only the months a query needs.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from eventwire.store.queries import EventFilter, select_events_sql


def export(con: Any, flt: EventFilter, path: Path) -> int:
    """Write the filtered events as a Parquet dataset directory at ``path`` (replaced if it exists)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    sql, params = select_events_sql(flt)
    relation = con.sql(sql, params=params)
    # DuckDB renamed arrow() to to_arrow_table() in 1.4; support both.
    fetch = getattr(relation, "to_arrow_table", None) or relation.arrow
    table = fetch()
    dates = table.column("date")
    years = pc.fill_null(pc.year(dates), 0).cast(pa.int16())
    months = pc.fill_null(pc.month(dates), 0).cast(pa.int8())
    table = table.append_column("year", years).append_column("month", months)
    target = Path(path)
    if target.exists():
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    ds.write_dataset(
        table,
        str(target),
        format="parquet",
        partitioning=ds.partitioning(pa.schema([("year", pa.int16()), ("month", pa.int8())]), flavor="hive"),
        existing_data_behavior="overwrite_or_ignore",
    )
    return int(table.num_rows)
