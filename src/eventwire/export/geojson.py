"""GeoJSON export: a FeatureCollection of Point features, one per event with a geocoded location."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eventwire.export.common import iter_events
from eventwire.store.queries import EventFilter

PROPERTIES: tuple[str, ...] = (
    "id",
    "date",
    "source_code",
    "source_name",
    "target_code",
    "target_name",
    "cameo",
    "cameo_name",
    "root",
    "quad_class",
    "goldstein",
    "place_name",
    "country_code",
    "geonames_id",
    "num_mentions",
    "num_sources",
    "num_articles",
    "source_url",
)


def feature(ev: dict[str, Any]) -> dict[str, Any]:
    """One GeoJSON Feature (coordinates are [longitude, latitude]) for an event dict."""
    props = {k: (ev[k].isoformat() if k == "date" and ev[k] else ev[k]) for k in PROPERTIES}
    props["id"] = str(ev["id"])
    return {
        "type": "Feature",
        "id": str(ev["id"]),
        "geometry": {"type": "Point", "coordinates": [ev["longitude"], ev["latitude"]]},
        "properties": props,
    }


def export(con: Any, flt: EventFilter, path: Path) -> int:
    """Write the filtered, geocoded events as a GeoJSON FeatureCollection; events without coordinates are left out."""
    n = 0
    with Path(path).open("w", encoding="utf-8", newline="\n") as fh:
        fh.write('{"type": "FeatureCollection", "features": [\n')
        for ev in iter_events(con, flt):
            if ev["latitude"] is None or ev["longitude"] is None:
                continue
            fh.write((",\n" if n else "") + json.dumps(feature(ev), ensure_ascii=False))
            n += 1
        fh.write("\n]}\n")
    return n
