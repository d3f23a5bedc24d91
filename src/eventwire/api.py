"""Python API over a store: filter events, get records or a pandas DataFrame, summarise dyads.

::

    from eventwire.api import open_store
    with open_store("eventwire.duckdb") as store:
        df = store.events(source_country="USA", target_country="CHN", root="04", as_frame=True)
        for period in store.dyad("USA", "CHN", by="month"):
            print(period.period, period.events, period.goldstein_mean)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, overload

from eventwire.store import connect
from eventwire.store.queries import EVENT_COLUMNS, DyadPeriod, EventFilter, dyad, event_mentions, select_events

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class StoredEvent:
    """One deduplicated event as stored (see docs/store.md for the columns)."""

    id: int
    date: dt.date | None
    source_code: str
    source_country: str | None
    source_name: str | None
    target_code: str
    target_country: str | None
    target_name: str | None
    cameo: str
    base_code: str
    root: str
    cameo_name: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    modality: str
    place_name: str | None
    latitude: float | None
    longitude: float | None
    country_code: str | None
    place_cameo_country: str | None
    geonames_id: int | None
    feature_class: str | None
    feature_code: str | None
    is_root: bool
    num_mentions: int
    num_sources: int
    num_articles: int
    num_copies: int
    first_seen: dt.datetime | None
    source_url: str | None
    source_sectors: list[str]
    target_sectors: list[str]


class Store:
    """A read-only view of an eventwire store."""

    def __init__(self, path: str | Path, read_only: bool = True) -> None:
        self.path = Path(path)
        self.con = connect(path, read_only=read_only)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self.con.close()

    @overload
    def events(self, *, as_frame: Literal[False] = False, **filters: Any) -> list[StoredEvent]: ...

    @overload
    def events(self, *, as_frame: Literal[True], **filters: Any) -> pd.DataFrame: ...

    def events(self, *, as_frame: bool = False, **filters: Any) -> list[StoredEvent] | pd.DataFrame:
        """Events matching the filters (see :class:`EventFilter`): records, or a DataFrame with ``as_frame``."""
        flt = EventFilter.from_kwargs(**filters)
        result = select_events(self.con, flt)
        if as_frame:
            frame: pd.DataFrame = result.df()
            return frame
        return [StoredEvent(*row) for row in result.fetchall()]

    def frame(self, **filters: Any) -> pd.DataFrame:
        """Events matching the filters as a pandas DataFrame."""
        frame: pd.DataFrame = select_events(self.con, EventFilter.from_kwargs(**filters)).df()
        return frame

    @overload
    def dyad(
        self,
        a: str,
        b: str,
        by: str = "month",
        *,
        directed: bool = False,
        since: dt.date | None = None,
        until: dt.date | None = None,
        as_frame: Literal[False] = False,
    ) -> list[DyadPeriod]: ...

    @overload
    def dyad(
        self,
        a: str,
        b: str,
        by: str = "month",
        *,
        directed: bool = False,
        since: dt.date | None = None,
        until: dt.date | None = None,
        as_frame: Literal[True],
    ) -> pd.DataFrame: ...

    def dyad(
        self,
        a: str,
        b: str,
        by: str = "month",
        *,
        directed: bool = False,
        since: dt.date | None = None,
        until: dt.date | None = None,
        as_frame: bool = False,
    ) -> list[DyadPeriod] | pd.DataFrame:
        """Per-period quad-class counts and summed/mean Goldstein between countries ``a`` and ``b``."""
        rows = dyad(self.con, a, b, by, directed, since, until)
        if as_frame:
            import pandas as pd

            return pd.DataFrame([r.__dict__ for r in rows])
        return rows

    def mentions(self, event_id: int) -> list[dict[str, Any]]:
        """Every report of one event: article, sentence and spans."""
        result = event_mentions(self.con, [event_id])
        names = [d[0] for d in result.description]
        return [dict(zip(names, r, strict=True)) for r in result.fetchall()]

    def count(self, table: str) -> int:
        """Number of rows in one of the store's tables."""
        from eventwire.store.schema import TABLES

        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}")
        row = self.con.execute(f'SELECT count(*) FROM "{table}"').fetchone()  # name checked against TABLES
        return int(row[0])

    def export(self, fmt: str, path: str | Path, **filters: Any) -> int:
        """Export the filtered events in format ``fmt`` (see :mod:`eventwire.export`)."""
        from eventwire.export import export

        return export(self.con, fmt, Path(path), EventFilter.from_kwargs(**filters))


def open_store(path: str | Path = "eventwire.duckdb", read_only: bool = True) -> Store:
    """Open a store (read-only by default, so several readers may share it)."""
    return Store(path, read_only=read_only)


__all__ = ["EVENT_COLUMNS", "Store", "StoredEvent", "open_store"]
